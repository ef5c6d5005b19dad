"""Webhook delivery targets for users who want no bot: Discord webhooks and Slack incoming webhooks.

Channels are written `webhook:URL`; `bot.channels.ChannelAddress` reads them (and refuses bad ones
when they are subscribed). Which kind a URL is:

- a scheme hint wins: `webhook:slack+https://...` is Slack, `webhook:discord+https://...` is Discord;
- else host `hooks.slack.com` is Slack, and a path `/api[/vN]/webhooks/ID/TOKEN` is Discord
  (`?thread_id=N` posts into that thread or forum post);
- anything else is refused (Permanent, should a stored address predate the check).

A Discord webhook is called through discord.py (`discord.Webhook`, our one aiohttp session), which
sends to Discord's API base (`https://discord.com/api/v10`, or the sink's `discord_api_url`, passed per
call rather than patched into discord.py); so its URL must be on a Discord host or on that API host,
and the token never goes anywhere else.
Slack incoming webhooks answer `ok` and give no message id: `send` returns None, `edit` posts an
"Updated:" message and `reply_in_thread` a "Development:" message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import TypeVar

import aiohttp
import discord
from discord.webhook.async_ import async_context

from adapters.platforms.discord_embeds import WebhookSendKwargs, render_alert
from adapters.platforms.discord_errors import delivery_error
from adapters.platforms.discord_rest import PUBLIC_API, WebhookTransport
from adapters.webhooks.slack_payload import slack_payload
from adapters.webhooks.ssrf import (
    BlockedAddress,
    check_url,
    find_blocked,
    guarded_session,
)
from bot.channels import ChannelAddress, WebhookTarget
from bot.errors import BadChannel, DeliveryError, Permanent, Retryable
from bot.models import Alert

log = logging.getLogger(__name__)

T = TypeVar("T")


def parse_target(channel: str) -> WebhookTarget:
    """Parse `webhook:URL` with the core's one channel type (see bot.channels); Permanent when it is neither kind."""
    address = ChannelAddress.for_sink(channel, "webhook")
    return address.target()


class WebhookSink:
    """Delivers alerts to webhook URLs through one guarded aiohttp session."""

    def __init__(
        self, *, allow_private: bool = False, timeout: float = 30.0, discord_api_url: str | None = None
    ) -> None:
        self.allow_private = allow_private
        self.timeout = timeout
        # Where Discord webhooks are sent (DISCORD_API_URL: tests, proxies); only this sink's calls go there.
        self.discord_api = (discord_api_url or PUBLIC_API).rstrip("/")
        self._discord_transport = WebhookTransport(self.discord_api)
        self._session: aiohttp.ClientSession | None = None

    @property
    def session(self) -> aiohttp.ClientSession:
        """The shared session (created on first use, inside the running loop)."""
        if self._session is None or self._session.closed:
            self._session = guarded_session(allow_private=self.allow_private, timeout=self.timeout)
        return self._session

    async def close(self) -> None:
        """Close the session."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def _target(self, channel: str) -> WebhookTarget:
        target = parse_target(channel)
        try:
            ChannelAddress.parse(channel).check_discord_host(self.discord_api)
        except BadChannel as exc:
            raise Permanent(channel, exc.problem) from None
        try:
            await check_url(target.url, allow_private=self.allow_private)
        except BlockedAddress as exc:
            raise Permanent(channel, str(exc)) from None
        except ValueError as exc:
            raise Permanent(channel, str(exc)) from None
        except OSError as exc:
            raise Retryable(channel, f"cannot resolve the webhook host: {exc}") from None
        return target

    def _webhook(self, target: WebhookTarget) -> discord.Webhook:
        assert target.webhook_id is not None and target.token is not None
        return discord.Webhook.partial(target.webhook_id, target.token, session=self.session)

    async def _guard(self, channel: str, coro: Awaitable[T]) -> T:
        """Run one platform call with a time cap; translate every failure into Retryable or Permanent."""
        try:
            return await asyncio.wait_for(coro, self.timeout)
        except DeliveryError:
            raise
        except TimeoutError:
            raise Retryable(channel, f"no answer within {self.timeout:.0f}s (rate limited or down)") from None
        except Exception as exc:
            blocked = find_blocked(exc)
            if blocked is not None:
                raise Permanent(channel, str(blocked)) from None
            raise delivery_error(channel, exc) from exc

    # ------------------------------------------------------------------ Discord

    async def _discord_call(self, call: Awaitable[T]) -> T:
        """Await a discord.Webhook call through this sink's transport (a context variable, so no other caller sees it)."""
        token = async_context.set(self._discord_transport)
        try:
            return await call
        finally:
            async_context.reset(token)

    async def _discord_send(self, target: WebhookTarget, alert: Alert) -> str:
        message = render_alert(alert)  # webhooks never mention: the flash role lives in the bot's guild
        kwargs: WebhookSendKwargs = {
            "content": message.content or discord.utils.MISSING,
            "embeds": message.embeds_for_discord(),
            "allowed_mentions": discord.AllowedMentions.none(),
            "wait": True,
        }
        view = message.view()
        if view is not None:
            kwargs["view"] = view
        if target.thread_id:
            kwargs["thread"] = discord.Object(id=target.thread_id)
        sent = await self._discord_call(self._webhook(target).send(**kwargs))
        return str(sent.id)

    async def _discord_edit(self, target: WebhookTarget, alert: Alert, message_id: str) -> None:
        message = render_alert(alert)
        await self._discord_call(
            self._webhook(target).edit_message(
                int(message_id),
                embeds=message.embeds_for_discord(),
                view=message.view(),
                allowed_mentions=discord.AllowedMentions.none(),
                thread=discord.Object(id=target.thread_id) if target.thread_id else discord.utils.MISSING,
            )
        )

    # ------------------------------------------------------------------ Slack

    async def _slack_post(self, target: WebhookTarget, alert: Alert, *, updated: bool = False) -> None:
        payload = slack_payload(alert, updated=updated)
        async with self.session.post(target.url, json=payload, allow_redirects=False) as response:
            text = (await response.text()).strip()
            if response.status == 200:
                return
            if response.status == 429:
                retry = response.headers.get("Retry-After")
                raise Retryable(alert.channel, "Slack rate limit", retry_after=float(retry) if retry else None)
            if response.status >= 500:
                raise Retryable(alert.channel, f"Slack answered {response.status}: {text[:200]}")
            raise Permanent(alert.channel, f"Slack answered {response.status}: {text[:200]}")

    # ------------------------------------------------------------------ AlertSink

    async def send(self, alert: Alert) -> str | None:
        """Post an alert; the Discord message id, or None for Slack (which gives none)."""
        target = await self._target(alert.channel)
        if target.kind == "slack":
            # The outbox sends an edit as a new message when there is no id to edit (always, for Slack).
            await self._guard(alert.channel, self._slack_post(target, alert, updated=alert.kind == "edit"))
            return None
        return await self._guard(alert.channel, self._discord_send(target, alert))

    async def edit(self, alert: Alert, message_id: str | None) -> None:
        """Edit a Discord webhook message; Slack (no id) gets an "Updated:" message instead."""
        target = await self._target(alert.channel)
        if target.kind == "slack":
            await self._guard(alert.channel, self._slack_post(target, alert, updated=True))
            return
        if not message_id:
            await self._guard(alert.channel, self._discord_send(target, alert))
            return
        await self._guard(alert.channel, self._discord_edit(target, alert, message_id))

    async def reply_in_thread(self, alert: Alert, message_id: str | None) -> str | None:
        """Webhooks cannot start threads: the development goes out as a follow-up message."""
        target = await self._target(alert.channel)
        if target.kind == "slack":
            await self._guard(alert.channel, self._slack_post(target, alert))
            return None
        return await self._guard(alert.channel, self._discord_send(target, alert))
