"""Small protocols the core owns and adapters implement."""

from __future__ import annotations

from datetime import datetime, timezone
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


class Clock(Protocol):
    """The time source; tests inject a fake one instead of sleeping."""

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock, always timezone-aware UTC."""

    def now(self) -> datetime:
        """The current UTC time."""
        return datetime.now(timezone.utc)


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
