"""Discord test helpers: settings pointed at the fake server, interaction options."""

from __future__ import annotations

from typing import Any

from adapters.discord.settings import DiscordSettings
from tests.support.discord_server import (
    ADMIN_ROLE,
    FLASH_ROLE,
    FakeDiscord,
)


def settings_for(discord_fake: FakeDiscord, **extra: Any) -> DiscordSettings:
    """The Discord adapter's settings pointing at the fake server."""
    env = {**discord_fake.env(), "DISCORD_ADMIN_ROLE": str(ADMIN_ROLE), "DISCORD_FLASH_ROLE": FLASH_ROLE, **extra}
    return DiscordSettings(**env)


def opt(name: str, value: Any, type_: int = 3, **extra: Any) -> dict[str, Any]:
    """One interaction option."""
    return {"name": name, "type": type_, "value": value, **extra}
