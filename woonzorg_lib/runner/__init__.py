"""Runner: execute notebooks with papermill, export reports, skip unchanged work, build the index."""
