"""Bundled data, loaders, estimates and the region catalogue."""
