"""woonzorg_lib: the shared library behind the woonzorganalyse notebooks.

Data flows one way: ``data`` (load and validate) → ``model`` (pure computations)
→ report → runner. Notebooks and the ``woonzorg`` command are thin layers on top.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("woonzorg")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+onbekend"
