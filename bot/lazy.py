"""`lazy_module(name)`: a module that is imported on first use, so that `diplobot --help` stays fast.

The command modules declare their specs at import time, and the CLI imports them all to list the
commands; what their handlers need (SQLAlchemy, the repositories, the outbox) is imported only
when a handler first touches it.

The stand-in never enters `sys.modules`: the first attribute read imports the real module the
ordinary way (`importlib.import_module`) and reads from it. (The standard library's `LazyLoader`
puts an unexecuted package in `sys.modules`; a later ordinary import of one of its submodules,
such as `sqlalchemy.orm`, then found the package half made and failed.)
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    """Stands in for the module `__name__` until an attribute is read; every read goes to the real module."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)


def lazy_module(name: str) -> ModuleType:
    """The module `name`, imported on its first attribute access (itself if it is already imported)."""
    if name in sys.modules:
        return sys.modules[name]
    if not _exists(name):
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    return _Deferred(name)


def _exists(name: str) -> bool:
    """Whether the module `name` can be found, without importing its parent packages (`find_spec` would run
    their `__init__`, and `bot.detect`'s loads the detector)."""
    top, *rest = name.split(".")
    spec = importlib.util.find_spec(top)
    for part in rest:
        if spec is None or spec.submodule_search_locations is None:
            return False
        spec = importlib.machinery.PathFinder.find_spec(f"{spec.name}.{part}", list(spec.submodule_search_locations))
    return spec is not None
