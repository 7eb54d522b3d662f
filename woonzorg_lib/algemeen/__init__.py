"""What every layer uses and that knows nothing of the domain's data: errors, paths, Dutch notation, files."""
