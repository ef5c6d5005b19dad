"""The commands: `default_registry()` declares every one; the platform-free functions the CLI and app call.

help                         brief TOPIC [--since 24h]
watch list|show|add|edit|remove|enable|disable|test|history
rules list|validate|export|import
feeds list|status|add|remove|pause|resume
subscribe|unsubscribe|subscriptions   mute|unmute   story show|split
deliveries [--dead]   test-alert [CHANNEL]   places [NAME]
"""

from __future__ import annotations

from typing import Any

from bot.commands.core import CommandRegistry

# Re-exported from bot.repo, imported on first use: listing the commands must not load the database layer.
_REEXPORTS = {
    "ImportSummary": "bot.repo.rules",
    "SeedSummary": "bot.repo.feeds",
    "export_rules": "bot.repo.rules",
    "import_rules": "bot.repo.rules",
    "seed_feeds": "bot.repo.feeds",
    "seed_rules": "bot.repo.rules",
    "validate_rules_text": "bot.repo.rules",
}

__all__ = ["GROUP_HELP", "default_registry", *_REEXPORTS]

# What each command group is for (its commands come from the specs): the CLI's and the chat help's headings.
GROUP_HELP = {
    "watch": "Watch rules: what to alert on. List, show, add or edit (previewed on stored articles), test, history",
    "rules": "All watch rules at once, as YAML: list, validate, export, import",
    "feeds": "The news feeds polled: list, health, add, remove, pause, resume",
    "story": "One story: its reports and why each is in it (show); take a wrongly merged report out (split)",
}


def __getattr__(name: str) -> Any:
    if name in _REEXPORTS:
        import importlib

        return getattr(importlib.import_module(_REEXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_registry() -> CommandRegistry:
    """A registry holding every diplobot command, in the order `help` lists them."""
    from bot.commands import brief, deliveries, feeds, help, places, story, subscriptions, testalert, watch

    registry = CommandRegistry()
    help.register(registry)
    brief.register(registry)
    watch.register(registry)
    feeds.register(registry)
    subscriptions.register(registry)
    story.register(registry)
    deliveries.register(registry)
    testalert.register(registry)
    places.register(registry)
    return registry
