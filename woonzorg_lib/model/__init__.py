"""Pure computations on DataFrames: no I/O, no plotting."""
