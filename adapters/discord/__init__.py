"""The Discord adapter: app commands from the command core, alerts as embeds, story threads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.discord.settings import DiscordSettings

if TYPE_CHECKING:
    from adapters.discord.adapter import DiscordAdapter
    from bot.commands.core import CommandCore
    from bot.settings import Settings


def create(settings: Settings, core: CommandCore) -> DiscordAdapter | None:
    """The Discord adapter when DISCORD_TOKEN is set, else None."""
    discord = settings.platforms.get("discord")
    if not isinstance(discord, DiscordSettings) or not discord.discord_token:
        return None
    from adapters.discord.adapter import DiscordAdapter  # imported late: discord.py is only loaded when used

    return DiscordAdapter(discord, core)
