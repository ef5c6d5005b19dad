"""The running Discord face: a discord.py client with minimal intents, the command tree, and the sink."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

import aiohttp
import discord
from discord import app_commands
from discord.webhook.async_ import async_context

from adapters.discord.commands import CommandBridge
from adapters.discord.endpoints import invite_url, point
from adapters.discord.sink import DiscordSink
from bot.errors import ConfigError

if TYPE_CHECKING:
    from adapters.discord.settings import DiscordSettings
    from bot.commands.core import CommandCore

log = logging.getLogger(__name__)

# What "Discord cannot be reached right now" looks like at login.
_UNREACHABLE = (discord.HTTPException, aiohttp.ClientError, OSError, asyncio.TimeoutError)

# discord.py retries 429s itself up to this long; beyond it raises RateLimited, which becomes Retryable.
MAX_RATELIMIT_TIMEOUT = 30.0


def intents() -> discord.Intents:
    """Guilds only: channels, threads and roles. No message content, members or presences."""
    return discord.Intents(guilds=True)


class ClientOptions(TypedDict, total=False):
    """The keyword options of discord.Client that diplobot sets (discord.py takes them as `**options: Any` and
    reads each by name); a caller may set any of them, `guild_ready_timeout` above all (tests shorten it)."""

    intents: discord.Intents
    allowed_mentions: discord.AllowedMentions
    max_ratelimit_timeout: float
    chunk_guilds_at_startup: bool
    member_cache_flags: discord.MemberCacheFlags
    guild_ready_timeout: float


def make_client(settings: DiscordSettings, **options: Unpack[ClientOptions]) -> discord.Client:
    """A discord.py client that never pings by default; auto-sharded when DISCORD_SHARD_COUNT is set."""
    kwargs: ClientOptions = {
        "intents": intents(),
        "allowed_mentions": discord.AllowedMentions.none(),
        "max_ratelimit_timeout": MAX_RATELIMIT_TIMEOUT,
        "chunk_guilds_at_startup": False,
        "member_cache_flags": discord.MemberCacheFlags.none(),
    }
    kwargs.update(options)
    # diplobot never joins a voice channel: discord.py's warnings that its voice libraries are missing are noise.
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
    if settings.discord_shard_count:
        return discord.AutoShardedClient(shard_count=settings.discord_shard_count, **kwargs)
    return discord.Client(**kwargs)


class DiscordAdapter:
    """Starts the bot: login, command sync, gateway connection in the background; stops it cleanly."""

    prefix = "discord"

    def __init__(
        self,
        settings: DiscordSettings,
        core: CommandCore,
        *,
        defer_after: float = 2.0,
        ready_timeout: float = 30.0,
        retry_delay: float = 5.0,
        **client_options: Unpack[ClientOptions],
    ) -> None:
        if not settings.discord_token:
            raise ConfigError("the Discord adapter needs a token", field="DISCORD_TOKEN")
        self.settings = settings
        self.core = core
        self.ready_timeout = ready_timeout
        self.retry_delay = retry_delay
        self.client = make_client(settings, **client_options)
        # Its gateway, and so every interaction it answers, runs in a context of its own whose webhook transport
        # sends to this bot's REST base: discord.py reads that transport from a context variable.
        self._context = contextvars.copy_context()
        self._context.run(async_context.set, point(self.client, settings))
        self.tree: app_commands.CommandTree[Any] = app_commands.CommandTree(self.client)
        self.bridge = CommandBridge(core, admin_role=settings.discord_admin_role, defer_after=defer_after)
        self.sink = DiscordSink(self.client, flash_role=settings.discord_flash_role)
        self.invite_url: str | None = None
        self.synced: list[app_commands.AppCommand] = []
        self._task: asyncio.Task[None] | None = None

    @property
    def dev_guild(self) -> discord.Object | None:
        """The development guild commands sync to, when configured."""
        gid = self.settings.discord_dev_guild
        return discord.Object(id=gid) if gid else None

    async def start(self) -> None:
        """Log in, print the invite URL, sync commands, connect to the gateway and wait (bounded) for READY.

        A rejected token is a ConfigError. If Discord cannot be reached, start() returns anyway and
        keeps trying in the background (the sink answers Retryable meanwhile), so the rest of the
        bot runs during a Discord outage.
        """
        try:
            await self._login()
        except discord.LoginFailure:
            await self.client.close()
            raise ConfigError("Discord rejected the token", field="DISCORD_TOKEN") from None
        except _UNREACHABLE as exc:
            log.warning("Discord: cannot log in (%s: %s); retrying in the background", type(exc).__name__, exc)
            self._task = asyncio.create_task(self._login_later(), name="discord-login", context=self._context)
            return
        await self._sync()
        self._task = asyncio.create_task(self._connect(), name="discord-gateway", context=self._context)
        await self.wait_ready(self.ready_timeout)

    async def _login(self) -> None:
        try:
            await self.client.login(self.settings.discord_token or "")
        except BaseException:
            # discord.py opens a new HTTP session at each login and leaves a failed one open ("Unclosed client
            # session" at every retry): close it, with its connector, and let the next login make a new one.
            await self.client.http.close()
            if self.client.http.connector is not discord.utils.MISSING and self.client.http.connector.closed:
                self.client.http.connector = discord.utils.MISSING
            raise
        app_id = self.client.application_id
        if app_id is not None:
            self.invite_url = invite_url(app_id)
            log.info("Discord: invite the bot with %s", self.invite_url)

    async def _sync(self) -> None:
        """Register the app commands; a refusal is logged and alerts still flow."""
        guild = self.dev_guild
        self.bridge.install(self.tree, guild=guild)
        try:
            self.synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as exc:
            log.error("Discord: command sync failed (%s); slash commands may be stale", exc)
            return
        log.info("Discord: synced %d commands %s", len(self.synced), f"to guild {guild.id}" if guild else "globally")

    async def _login_later(self) -> None:
        delay = self.retry_delay
        while True:
            await asyncio.sleep(delay)
            try:
                await self._login()
                break
            except discord.LoginFailure:
                log.error("Discord rejected DISCORD_TOKEN; the Discord adapter stays off")
                return
            except _UNREACHABLE as exc:
                delay = min(delay * 2, 300.0)
                log.warning("Discord: still cannot log in (%s); next try in %.0fs", exc, delay)
        await self._sync()
        await self._connect()

    async def _connect(self) -> None:
        try:
            await self.client.connect(reconnect=True)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("Discord gateway connection ended")

    async def wait_ready(self, timeout: float) -> bool:
        """Wait for READY and the initial guilds; False (logged) if that takes longer than `timeout`."""
        try:
            await asyncio.wait_for(self.client.wait_until_ready(), timeout)
            return True
        except TimeoutError:
            log.warning("Discord: not ready after %.0fs; alerts still go out over REST", timeout)
            return False

    async def stop(self) -> None:
        """Close the gateway and the HTTP session."""
        await self.client.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
