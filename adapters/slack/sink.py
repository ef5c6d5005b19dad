"""The Slack AlertSink: posts, edits and thread replies via the Web API, paced per channel, errors mapped."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Final, NotRequired, TypedDict, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.platforms.slack_blocks import Block, Message, fit, render_alert, section
from adapters.slack.settings import PUBLIC_API
from bot.channels import ChannelAddress
from bot.errors import Permanent, Retryable
from bot.models import Alert
from bot.ports import current_delivery_key

log = logging.getLogger(__name__)
T = TypeVar("T")

PREFIX: Final = "slack"
METADATA_EVENT = "diplobot_delivery"
LOOKUP_LIMIT = 100  # messages read back when reconciling a crashed send

# Errors that retrying cannot fix: the core pauses the subscription and tells an admin.
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_authed",
        "no_permission",
        "missing_scope",
        "restricted_action",
        "team_access_not_granted",
        "ekm_access_denied",
        "org_login_required",
        "access_denied",
        "message_not_found",
        "cant_update_message",
        "edit_window_closed",
        "invalid_blocks",
        "msg_too_long",
        "no_text",
        "invalid_arguments",
        "channel_is_archived",
        "team_not_found",
        "app_uninstalled",
    }
)
# Errors Slack documents as transient.
RETRYABLE_ERRORS = frozenset(
    {
        "ratelimited",
        "rate_limited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "timeout",
    }
)


def slack_address(address: str) -> ChannelAddress:
    """`slack:TEAM/CHANNEL` read by the core's one channel type; anything else is a Permanent delivery error."""
    return ChannelAddress.for_sink(address, PREFIX)


class BoundedRateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Retry a 429 in place only when Retry-After is short; a long wait goes back to the outbox as Retryable."""

    def __init__(self, max_retry_count: int = 2, max_wait: float = 10.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return (retry_after(response.headers) or 1.0) <= self.max_wait


def retry_after(headers: Mapping[str, object] | None) -> float | None:
    """The Retry-After seconds in a header mapping whose values may be strings or lists, if present."""
    if not headers:
        return None
    for key in headers:
        if str(key).lower() == "retry-after":
            value = headers[key]
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            if not isinstance(value, (str, bytes, int, float)):
                return None  # no value (float() would refuse it too)
            try:
                return float(value)
            except ValueError:
                return None
    return None


def retry_handlers() -> list[AsyncRetryHandler]:
    """slack_sdk retry handlers: 429 (bounded Retry-After), 500/503 once, dropped connections once."""
    return [
        BoundedRateLimitRetryHandler(),
        AsyncServerErrorRetryHandler(max_retry_count=1),
        AsyncConnectionErrorRetryHandler(max_retry_count=1),
    ]


def build_client(token: str, api_url: str | None = None, *, timeout: int = 30) -> AsyncWebClient:
    """An AsyncWebClient on the given base URL (SLACK_API_URL) with retry handlers opted in."""
    base = (api_url or PUBLIC_API).rstrip("/") + "/"
    return AsyncWebClient(token=token, base_url=base, timeout=timeout, retry_handlers=retry_handlers())


def to_delivery_error(channel: str, exc: BaseException) -> Retryable | Permanent:
    """Map a Slack client failure to the core's Retryable or Permanent."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        status = getattr(response, "status_code", 0) or 0
        error = ""
        try:
            error = str(response.get("error") or "")
        except Exception:  # a non-JSON body has no error code
            error = ""
        if status == 429 or error in RETRYABLE_ERRORS:
            wait = retry_after(getattr(response, "headers", None))
            return Retryable(channel, f"slack: {error or 'ratelimited'} (HTTP {status})", retry_after=wait)
        if error in PERMANENT_ERRORS:
            return Permanent(channel, f"slack: {error}")
        if status >= 500:
            return Retryable(channel, f"slack: HTTP {status} {error}".strip())
        return Permanent(channel, f"slack: {error or f'HTTP {status}'}")
    if isinstance(exc, (aiohttp.ClientError, asyncio.TimeoutError, SlackClientError, OSError)):
        return Retryable(channel, f"slack: network error: {type(exc).__name__}: {exc}")
    return Retryable(channel, f"slack: unexpected {type(exc).__name__}: {exc}")


class ChannelPacer:
    """At most one write per `interval` seconds per channel, so bursts do not hit Slack's 1 msg/s limit."""

    def __init__(
        self,
        interval: float = 1.0,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}

    def _now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    async def run(self, channel: str, call: Callable[[], Awaitable[T]]) -> T:
        """Run `call` once the channel's previous write is at least `interval` seconds old."""
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            last = self._last.get(channel)
            if last is not None:
                wait = last + self.interval - self._now()
                if wait > 0:
                    await self._sleep(wait)
            try:
                return await call()
            finally:
                self._last[channel] = self._now()


class DeliveryMetadata(TypedDict):
    """Message metadata naming the delivery that sent it (`find_sent` looks for it after a crash)."""

    event_type: str
    event_payload: dict[str, str]


class MessagePayload(TypedDict):
    """What a sent message adds to chat.postMessage / chat.update besides the channel (and ts or thread_ts)."""

    text: str
    blocks: list[Block]
    link_names: bool
    unfurl_links: NotRequired[bool]
    unfurl_media: NotRequired[bool]
    metadata: NotRequired[DeliveryMetadata]


class SlackSink:
    """AlertSink for `slack:TEAM/CHANNEL` addresses; message ids are Slack `ts` strings."""

    def __init__(
        self, client: AsyncWebClient, *, usergroup: str | None = None, pacer: ChannelPacer | None = None
    ) -> None:
        self.client = client
        self.usergroup = usergroup
        self.pacer = pacer or ChannelPacer()

    async def _deliver(self, address: str, method: str, message: Message, **where: str) -> str | None:
        """Send a rendered message (`where`: its `ts` or `thread_ts`); if Slack still refuses its blocks, send a
        plain-text version once. The `ts` Slack answers with, if any."""
        try:
            return await self._call(address, method, **where, **self._payload(message, method))
        except Permanent as exc:
            if not any(code in str(exc) for code in ("invalid_blocks", "msg_too_long")):
                raise
            # The renderer keeps within the documented limits; this guards against undocumented ones.
            log.error("slack refused blocks for %s (%s); sending plain text instead", address, exc)
            plain = Message(text=fit(message.text, 3000), blocks=(section(message.text),))
            return await self._call(address, method, **where, **self._payload(plain, method))

    async def _call(self, address: str, method: str, **body: object) -> str | None:
        """One Web API call for the message; the `ts` of Slack's answer (a message's id), if it has one."""
        where = slack_address(address)

        async def call() -> AsyncSlackResponse:
            return await self.client.api_call(method, json={"channel": where.channel, **body})

        try:
            response = await self.pacer.run(where.channel, call)
        except Exception as exc:
            raise to_delivery_error(address, exc) from exc
        data = response.data  # a dict of JSON, or bytes for a body that was not JSON
        ts = data.get("ts") if isinstance(data, dict) else None
        return str(ts) if ts else None

    @staticmethod
    def _payload(message: Message, method: str) -> MessagePayload:
        kwargs = message.kwargs()
        payload: MessagePayload = {"text": kwargs["text"], "blocks": kwargs["blocks"], "link_names": False}
        if method == "chat.postMessage":  # chat.update keeps the original's unfurl settings
            payload["unfurl_links"] = payload["unfurl_media"] = False
            key = current_delivery_key()
            if key:  # lets find_sent recognise this message after a crash
                payload["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"delivery": key}}
        return payload

    async def find_sent(self, alert: Alert, delivery_key: str, *, thread: str | None = None) -> str | None:
        """The ts of a recent message (or thread reply) carrying `delivery_key` in its metadata, else None.

        Reading history needs the channels:history / groups:history scopes; without them the
        lookup says "not found" (the outbox then sends again, as for a sink without the capability).
        """
        where = slack_address(alert.channel)
        if thread:
            method, args = "conversations.replies", {"ts": thread, "limit": LOOKUP_LIMIT}
        else:
            method, args = "conversations.history", {"limit": LOOKUP_LIMIT}
        try:
            response = await self.client.api_call(
                method, http_verb="GET", params={"channel": where.channel, "include_all_metadata": "true", **args}
            )
        except SlackApiError as exc:
            error = to_delivery_error(alert.channel, exc)
            if "missing_scope" in str(error) or "not_in_channel" in str(error):
                log.warning(
                    "slack cannot read %s to reconcile %s (%s); it will be sent again",
                    alert.channel,
                    delivery_key,
                    error,
                )
                return None
            raise error from exc
        except Exception as exc:
            raise to_delivery_error(alert.channel, exc) from exc
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == METADATA_EVENT and payload.get("delivery") == delivery_key:
                return str(message.get("ts"))
        return None

    async def send(self, alert: Alert) -> str | None:
        """Post a new message; returns its ts (the message id the core stores)."""
        message = render_alert(alert, usergroup=self.usergroup)
        return await self._deliver(alert.channel, "chat.postMessage", message)

    async def edit(self, alert: Alert, message_id: str) -> None:
        """Re-render the story into the original message (chat.update of its ts)."""
        message = render_alert(alert, usergroup=None)
        await self._deliver(alert.channel, "chat.update", message, ts=message_id)

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None:
        """Post a follow-up in the alert's thread; returns the reply's ts."""
        message = render_alert(alert, usergroup=self.usergroup)
        return await self._deliver(alert.channel, "chat.postMessage", message, thread_ts=message_id)
