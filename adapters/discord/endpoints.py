"""Where one bot's discord.py client talks to (REST base, gateway), and the invite URL the operator needs."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import yarl

from adapters.platforms.discord_rest import PUBLIC_API, WebhookTransport, moved

if TYPE_CHECKING:
    from adapters.discord.settings import DiscordSettings

log = logging.getLogger(__name__)

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


class _HTTPClientAt(discord.http.HTTPClient):
    """discord.py's HTTP client for one bot: its REST calls go to `api_base`, its gateway opens at `gateway`.

    The REST base and the gateway are class attributes in discord.py (`Route.BASE`,
    `DiscordWebSocket.DEFAULT_GATEWAY`), but every REST call goes through the client's `request` and every
    gateway connection through its `ws_connect`, so rewriting those two moves this client alone.
    """

    api_base: str = PUBLIC_API
    gateway: yarl.URL | None = None

    async def request(self, route: discord.http.Route, **kwargs: Any) -> Any:
        """The request discord.py makes, sent to this client's REST base; its other arguments (files, form,
        json, reason...) and its answer (the route's JSON) pass through untouched, as discord.py types them."""
        route.url = moved(route.url, self.api_base)
        return await super().request(route, **kwargs)

    async def ws_connect(self, url: str, *, compress: int = 0) -> aiohttp.ClientWebSocketResponse:
        """The gateway connection discord.py opens at its default gateway, opened at this client's instead
        (a resume goes where Discord said, which is left as it is)."""
        asked = yarl.URL(url)
        if self.gateway is not None and asked.with_query(None) == discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY:
            url = str(self.gateway.with_query(asked.query))
        return await super().ws_connect(url, compress=compress)


def point(client: discord.Client, settings: DiscordSettings) -> WebhookTransport:
    """Send this client's REST calls to DISCORD_API_URL and open its gateway at DISCORD_GATEWAY_URL (each when
    set), leaving discord.py's defaults, and so every other client in the process, as they are.

    Returns the transport of its interaction responses, which discord.py takes from a context variable: the
    adapter runs its gateway in a context holding it (`DiscordAdapter.__init__`)."""
    http = client.http
    # discord.Client makes its HTTPClient itself and hands it to its connection state; the object stays, its
    # class gains the two rewrites.
    http.__class__ = _HTTPClientAt
    assert isinstance(http, _HTTPClientAt)
    http.api_base = settings.rest_base
    http.gateway = yarl.URL(settings.discord_gateway_url) if settings.discord_gateway_url else None
    if settings.discord_api_url:
        log.info("Discord REST base is %s", http.api_base)
    if http.gateway is not None:
        log.info("Discord gateway is %s", http.gateway)
    return WebhookTransport(http.api_base)


def invite_url(application_id: int, guild_id: int | None = None) -> str:
    """The OAuth2 URL that adds the bot with the scopes and permissions it needs."""
    guild = discord.Object(id=guild_id) if guild_id else discord.utils.MISSING
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, guild=guild, scopes=SCOPES)
