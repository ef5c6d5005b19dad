"""Where discord.py talks to (REST base, gateway) and the invite URL the operator needs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
import yarl

if TYPE_CHECKING:
    from adapters.discord.settings import DiscordSettings

log = logging.getLogger(__name__)

DEFAULT_API = "https://discord.com/api/v10"

# Exactly what the bot does: read and post in channels, embeds, threads from alerts.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    create_public_threads=True,
    send_messages_in_threads=True,
    read_message_history=True,
)
SCOPES = ("bot", "applications.commands")


def apply_overrides(settings: DiscordSettings) -> None:
    """Point discord.py at DISCORD_API_URL / DISCORD_GATEWAY_URL when set (tests, proxies).

    discord.py keeps both as class attributes, so this is process-wide: there is one Discord per process.
    """
    # Said once: the Discord adapter and the webhooks adapter both apply the overrides.
    if settings.discord_api_url and settings.discord_api_url.rstrip("/") != discord.http.Route.BASE:
        discord.http.Route.BASE = settings.discord_api_url.rstrip("/")
        log.info("Discord REST base is %s", discord.http.Route.BASE)
    gateway = yarl.URL(settings.discord_gateway_url) if settings.discord_gateway_url else None
    if gateway is not None and gateway != discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway
        log.info("Discord gateway is %s", settings.discord_gateway_url)


def api_host() -> str | None:
    """The host discord.py currently sends REST requests to."""
    return yarl.URL(discord.http.Route.BASE).host


def invite_url(application_id: int, guild_id: int | None = None) -> str:
    """The OAuth2 URL that adds the bot with the scopes and permissions it needs."""
    guild = discord.Object(id=guild_id) if guild_id else discord.utils.MISSING
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, guild=guild, scopes=SCOPES)
