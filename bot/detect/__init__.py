"""Detection: events, casualty figures, officials, places, and the watch-rule language.

The names below are loaded on first use (PEP 562), not with the package: importing any detection module runs this
file, and the detector's modules cost about half a second of CPU that a command reading only the rules' language
(`diplobot feeds list`, every start of the app's database and commands) does not need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.detect.detector import Detector
    from bot.detect.rules import CompiledRules, RuleSpec, compile_rules, load_rules_file

__all__ = ["CompiledRules", "Detector", "RuleSpec", "compile_rules", "load_rules_file"]

_HOME = {
    "Detector": "bot.detect.detector",
    "CompiledRules": "bot.detect.rules",
    "RuleSpec": "bot.detect.rules",
    "compile_rules": "bot.detect.rules",
    "load_rules_file": "bot.detect.rules",
}


def __getattr__(name: str) -> object:
    """`from bot.detect import Detector` and the rest, imported when first asked for."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOME[name]), name)
