"""Watch rules: the language as written (`spec`), compiled once for all rules (`compile`), run on an article
(`evaluate`). A rule matches an article when every condition it states holds (query AND events AND people AND
places AND regex) and no `exclude` entry vetoes it. The language is described in bot/detect/RULES.md.
"""

from __future__ import annotations

from bot.detect.rules.compile import CompiledRule, CompiledRules, compile_rules
from bot.detect.rules.evaluate import Findings, Hits, evaluate
from bot.detect.rules.spec import EventCondition, RuleSpec, dump_rules, load_rules_file, rules_from_data

__all__ = [
    "CompiledRule",
    "CompiledRules",
    "EventCondition",
    "Findings",
    "Hits",
    "RuleSpec",
    "compile_rules",
    "dump_rules",
    "evaluate",
    "load_rules_file",
    "rules_from_data",
]
