"""The Discord AlertSink: posts alert embeds, edits them, and follows stories up in threads or forum posts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Literal, TypeVar

import discord

from adapters.platforms.discord_embeds import (
    ChannelSendKwargs,
    DiscordMessage,
    EditKwargs,
    SendKwargs,
    alert_text,
    has_ref,
    plain,
    render_alert,
    render_plain,
    truncate,
)
from adapters.platforms.discord_errors import (
    INVALID_FORM_BODY,
    THREAD_ALREADY_EXISTS,
    UNKNOWN_MESSAGE,
    delivery_error,
)
from bot.channels import ChannelAddress
from bot.errors import Permanent, Retryable
from bot.models import Alert, EditAlert, FollowupAlert, PostAlert
from bot.ports import current_delivery_key

if TYPE_CHECKING:
    from discord.types.message import Message as MessagePayload

log = logging.getLogger(__name__)
T = TypeVar("T")

THREAD_NAME_MAX = 100
THREAD_ARCHIVE_MINUTES: Literal[1440] = 1440
NONCE_MAX = 25
LOOKBACK = 50


# A message as Discord's API sends it is read defensively: discord.py's TypedDict calls `author` and `embeds`
# required, which a payload need not honour (a missing one skips the message, never fails the look-up).


def _sent_by(data: MessagePayload, me: str | None) -> bool:
    """Whether the message's author is `me` (the bot's user id)."""
    author = data.get("author")
    return (author.get("id") if author else None) == me


def _carries(data: MessagePayload, delivery_key: str) -> bool:
    """Whether the message's text or an embed's footer ends with the delivery key's mark."""
    footers = []
    for embed in data.get("embeds") or []:
        footer = embed.get("footer")
        footers.append(footer.get("text") if footer else None)
    return has_ref(data.get("content"), footers, delivery_key)


def parse_channel(address: str) -> tuple[int, int]:
    """`discord:GUILD/CHANNEL` -> (guild id, channel id), read by the core's one channel type; anything else
    is a Permanent error."""
    where = ChannelAddress.for_sink(address, "discord")
    return int(where.workspace), int(where.channel)


def thread_name(alert: Alert) -> str:
    """A thread or forum-post title for the alert's story."""
    match alert:
        case PostAlert(summary=summary) | EditAlert(summary=summary) | FollowupAlert(summary=summary):
            headline = summary.headline
        case _:
            headline = alert_text(alert)
    return truncate(plain(headline), THREAD_NAME_MAX) or "Story updates"


class DiscordSink:
    """Delivers alerts through a logged-in discord.py client; failures become Retryable or Permanent."""

    def __init__(self, client: discord.Client, *, flash_role: int | None = None, timeout: float = 45.0) -> None:
        self.client = client
        self.flash_role = flash_role
        # Each call ends well within the outbox's send lease (60 s), whatever discord.py sleeps on.
        self.timeout = timeout
        self._forums: dict[int, bool] = {}

    async def _bounded(self, channel: str, coro: Awaitable[T]) -> T:
        try:
            return await asyncio.wait_for(coro, self.timeout)
        except TimeoutError:
            raise Retryable(channel, f"Discord did not answer within {self.timeout:.0f}s") from None

    def render(self, alert: Alert) -> DiscordMessage:
        """The message for an alert (pure; see render.py), marked with the outbox delivery key."""
        return render_alert(alert, flash_role=self.flash_role, ref=current_delivery_key())

    def _post_kwargs(self, message: DiscordMessage) -> SendKwargs:
        """Keyword arguments for a forum post (create_thread): what a send takes but the nonce."""
        kwargs: SendKwargs = {
            "embeds": message.embeds_for_discord(),
            "allowed_mentions": message.allowed_mentions(),
            "content": message.content,
        }
        view = message.view()
        if view is not None:
            kwargs["view"] = view
        return kwargs

    def _send_kwargs(self, message: DiscordMessage) -> SendKwargs | ChannelSendKwargs:
        """Keyword arguments for send() into a channel or thread."""
        post = self._post_kwargs(message)
        key = current_delivery_key()
        if key and len(key) <= NONCE_MAX:
            # Discord returns the earlier message instead of posting twice (enforce_nonce, a few minutes).
            return {**post, "nonce": key}
        return post

    def _edit_kwargs(self, message: DiscordMessage) -> EditKwargs:
        """Keyword arguments for edit(), which leaves content alone."""
        kwargs: EditKwargs = {
            "embeds": message.embeds_for_discord(),
            "allowed_mentions": message.allowed_mentions(),
            "view": message.view(),  # None clears old buttons
        }
        if not message.embeds:
            kwargs["content"] = message.content  # the plain fallback replaces the embed
        return kwargs

    async def _degrading(self, alert: Alert, call: Callable[[DiscordMessage], Awaitable[T]]) -> T:
        """Send the rendered alert; if Discord calls it invalid (50035), send a plain-text version instead."""
        try:
            return await call(self.render(alert))
        except Permanent as exc:
            cause = exc.__cause__
            if not (isinstance(cause, discord.HTTPException) and cause.code == INVALID_FORM_BODY):
                raise
            log.error(
                "Discord refused the alert for %s as invalid (%s); sending it as plain text", alert.channel, cause.text
            )
            return await call(render_plain(alert, ref=current_delivery_key()))

    def _ready(self, channel: str) -> None:
        if self.client.is_closed() or self.client.user is None:
            raise Retryable(channel, "the Discord client is not logged in yet")

    async def _is_forum(self, channel_id: int) -> bool:
        """Whether a channel is a forum (posts are threads); cached per channel."""
        if channel_id in self._forums:
            return self._forums[channel_id]
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = await self.client.fetch_channel(channel_id)
        forum = isinstance(channel, discord.ForumChannel)
        self._forums[channel_id] = forum
        return forum

    async def send(self, alert: Alert) -> str | None:
        """Post a new alert; returns the message id (for a forum: the post's starter message = thread id)."""
        parse_channel(alert.channel)
        self._ready(alert.channel)
        return await self._bounded(alert.channel, self._degrading(alert, lambda m: self._send(alert, m)))

    async def _send(self, alert: Alert, message: DiscordMessage) -> str | None:
        guild_id, channel_id = parse_channel(alert.channel)
        try:
            if await self._is_forum(channel_id):
                forum = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
                assert isinstance(forum, discord.ForumChannel)
                # forum posts take no nonce
                created = await forum.create_thread(name=thread_name(alert), **self._post_kwargs(message))
                return str(created.message.id)
            target = self.client.get_partial_messageable(channel_id, guild_id=guild_id)
            sent = await target.send(**self._send_kwargs(message))
            return str(sent.id)
        except Exception as exc:
            raise delivery_error(alert.channel, exc) from exc

    async def edit(self, alert: Alert, message_id: str) -> None:
        """Re-render a story into its existing message (content and its mention are left alone)."""
        parse_channel(alert.channel)
        self._ready(alert.channel)
        await self._bounded(alert.channel, self._degrading(alert, lambda m: self._edit(alert, message_id, m)))

    async def _edit(self, alert: Alert, message_id: str, message: DiscordMessage) -> None:
        guild_id, channel_id = parse_channel(alert.channel)
        try:
            # A forum post's starter message lives in the post's thread, whose id is the message id.
            where = int(message_id) if await self._is_forum(channel_id) else channel_id
            target = self.client.get_partial_messageable(where, guild_id=guild_id)
            await target.get_partial_message(int(message_id)).edit(**self._edit_kwargs(message))
        except discord.NotFound as exc:
            if exc.code != UNKNOWN_MESSAGE:
                raise delivery_error(alert.channel, exc) from exc
            # Someone deleted the alert: there is nothing to update, and no reason to pause the channel.
            log.warning("alert message %s in %s was deleted; update dropped", message_id, alert.channel)
        except Exception as exc:
            raise delivery_error(alert.channel, exc) from exc

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None:
        """Post a follow-up in the thread started from the alert (created on first use), or in the forum post."""
        parse_channel(alert.channel)
        self._ready(alert.channel)
        return await self._bounded(
            alert.channel, self._degrading(alert, lambda m: self._reply_in_thread(alert, message_id, m))
        )

    async def _reply_in_thread(self, alert: Alert, message_id: str, message: DiscordMessage) -> str | None:
        guild_id, channel_id = parse_channel(alert.channel)
        try:
            if not await self._is_forum(channel_id):
                try:
                    await self.client.http.start_thread_with_message(
                        channel_id,
                        int(message_id),
                        name=thread_name(alert),
                        auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                        rate_limit_per_user=None,
                    )
                except discord.HTTPException as exc:
                    if exc.code == UNKNOWN_MESSAGE:
                        # The alert was deleted: the development goes to the channel itself.
                        log.warning(
                            "alert message %s in %s was deleted; posting the follow-up in the channel",
                            message_id,
                            alert.channel,
                        )
                        target = self.client.get_partial_messageable(channel_id, guild_id=guild_id)
                        return str((await target.send(**self._send_kwargs(message))).id)
                    if exc.code != THREAD_ALREADY_EXISTS:
                        raise
            # A thread started from a message has the message's id.
            thread = self.client.get_partial_messageable(
                int(message_id), guild_id=guild_id, type=discord.ChannelType.public_thread
            )
            sent = await thread.send(**self._send_kwargs(message))
            return str(sent.id)
        except Exception as exc:
            raise delivery_error(alert.channel, exc) from exc

    async def find_sent(self, alert: Alert, delivery_key: str, *, thread: str | None = None) -> str | None:
        """The id of a recent bot message carrying `delivery_key` (after a crash mid-send), or None."""
        parse_channel(alert.channel)
        self._ready(alert.channel)
        return await self._bounded(alert.channel, self._find_sent(alert, delivery_key, thread))

    async def _find_sent(self, alert: Alert, delivery_key: str, thread: str | None = None) -> str | None:
        _, channel_id = parse_channel(alert.channel)
        try:
            if thread is None and await self._is_forum(channel_id):
                return None  # a forum post cannot be searched from the forum; posting again is the fallback
            where = int(thread) if thread else channel_id
            try:
                messages = await self.client.http.logs_from(where, LOOKBACK)
            except discord.NotFound:
                return None  # the thread was never created, so nothing was posted in it
            me = str(self.client.user.id) if self.client.user else None
            for data in messages:
                if _sent_by(data, me) and _carries(data, delivery_key):
                    return str(data["id"])
            return None
        except Exception as exc:
            raise delivery_error(alert.channel, exc) from exc
