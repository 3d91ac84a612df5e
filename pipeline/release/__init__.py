"""Publishing and reading releases; `load` reads one table of a pinned release after checking it."""

from pipeline.release.loader import PinMismatchError, load, pin

__all__ = ["PinMismatchError", "load", "pin"]
