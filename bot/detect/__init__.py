"""Detection: events, casualty figures, officials, places, and the watch-rule language."""

from __future__ import annotations

from bot.detect.detector import Detector
from bot.detect.rules import CompiledRules, RuleSpec, compile_rules, load_rules_file

__all__ = ["CompiledRules", "Detector", "RuleSpec", "compile_rules", "load_rules_file"]
