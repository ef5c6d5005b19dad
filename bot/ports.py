"""Small protocols the core owns and adapters implement."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from bot.models import Alert


@runtime_checkable
class AlertSink(Protocol):
    """A channel platform: posts alerts, edits them, and replies in their thread.

    `send` returns the platform's message id (None when the platform gives none, as with
    Slack incoming webhooks). Failures raise `bot.errors.Retryable` or `bot.errors.Permanent`.
    """

    async def send(self, alert: Alert) -> str | None: ...

    async def edit(self, alert: Alert, message_id: str) -> None: ...

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None: ...


DELIVERY_KEY: ContextVar[str | None] = ContextVar("diplobot_delivery_key", default=None)


def current_delivery_key() -> str | None:
    """The key of the outbox row being sent right now, for a sink to embed in its message (else None).

    The outbox worker sets it around every `send`, `edit` and `reply_in_thread` call. A sink that
    implements `SentLookup` embeds it (Slack message metadata, a Discord nonce or embed footer, a
    marker line) so that `find_sent` can recognise the message after a crash.
    """
    return DELIVERY_KEY.get()


@runtime_checkable
class SentLookup(Protocol):
    """An optional sink capability: find a message an interrupted attempt may already have posted.

    The outbox calls it, before sending again, for a row whose previous attempt began but was never
    recorded (the instance died mid-send). Return the platform's message id of the message that
    carries `delivery_key`, or None when no such message exists. `thread` is the parent message id
    for follow-ups posted in a thread. Raise `Retryable` when the platform cannot be asked right now.
    """

    async def find_sent(self, alert: Alert, delivery_key: str, *, thread: str | None = None) -> str | None: ...


class Clock(Protocol):
    """The time source; tests inject a fake one instead of sleeping."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, always timezone-aware UTC."""

    def now(self) -> datetime:
        """The current UTC time."""
        return datetime.now(UTC)


@runtime_checkable
class Adapter(Protocol):
    """A running platform face: owns a sink for its channel prefix and answers commands.

    `prefix` is the channel-address prefix the adapter delivers to: "terminal", "slack",
    "discord" or "webhook" (channels are written `slack:TEAM/CHANNEL` and so on).
    """

    prefix: str
    sink: AlertSink

    async def start(self) -> None: ...

    async def stop(self) -> None: ...
