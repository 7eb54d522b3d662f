"""Report layer: house style, charts, publishable tables, generated text, exports."""
