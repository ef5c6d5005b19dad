"""The commands: `default_registry()` declares every one; the platform-free functions the CLI and app call.

    help                         brief TOPIC [--since 24h]
    watch list|show|add|edit|remove|enable|disable|test|history
    rules list|validate|export|import
    feeds list|status|add|remove|pause|resume
    subscribe|unsubscribe|subscriptions   mute|unmute
"""

from __future__ import annotations

from bot.commands.core import CommandRegistry
from bot.repo.feeds import SeedSummary, seed_feeds
from bot.repo.rules import (
    ImportSummary,
    export_rules,
    import_rules,
    seed_rules,
    validate_rules_text,
)

__all__ = [
    "ImportSummary",
    "SeedSummary",
    "default_registry",
    "export_rules",
    "import_rules",
    "seed_feeds",
    "seed_rules",
    "validate_rules_text",
]


def default_registry() -> CommandRegistry:
    """A registry holding every diplobot command, in the order `help` lists them."""
    from bot.commands import brief, deliveries, feeds, help, subscriptions, watch

    registry = CommandRegistry()
    help.register(registry)
    brief.register(registry)
    watch.register(registry)
    feeds.register(registry)
    subscriptions.register(registry)
    deliveries.register(registry)
    return registry
