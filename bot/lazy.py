"""`lazy_module(name)`: a module that is loaded on first use, so that `diplobot --help` stays fast.

The command modules declare their specs at import time, and the CLI imports them all to list the
commands; what their handlers need (SQLAlchemy, the repositories, the outbox) is imported only
when a handler first touches it. This is the standard library's `importlib.util.LazyLoader`.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed on its first attribute access (at once if already imported)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
