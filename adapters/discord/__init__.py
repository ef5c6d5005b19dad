"""The Discord adapter: app commands from the command core, alerts as embeds, story threads."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from adapters.discord.adapter import DiscordAdapter
    from bot.commands.core import CommandCore
    from bot.settings import Settings


def create(settings: Settings, core: CommandCore) -> DiscordAdapter | None:
    """The Discord adapter when DISCORD_TOKEN is set, else None."""
    if not settings.discord_token:
        return None
    from adapters.discord.adapter import DiscordAdapter

    return DiscordAdapter(settings, core)
