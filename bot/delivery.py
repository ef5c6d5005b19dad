"""The outbox worker: sends each queued delivery through its platform's sink, with retries.

A row is claimed (status `sending`, leased to this instance), sent, and marked `sent` with the
platform's message id. Retryable failures back off exponentially (honouring Retry-After);
permanent ones mark the row `dead`, pause the channel's subscriptions and tell the admin channel.
Edits render the story as it is when sent, so an edit queued before its post went out is
superseded by the post itself.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.codec import summary_from_dict, summary_to_dict
from bot.errors import Permanent, Retryable
from bot.models import Alert, RuleMatch
from bot.pipeline import story_summary
from bot.ports import AlertSink
from bot.services import Services
from bot.storage.tables import AlertRow, Delivery, Notice, Subscription

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)


def channel_prefix(channel: str) -> str:
    """"slack" for "slack:T1/C1", "terminal" for "terminal"."""
    return channel.split(":", 1)[0]


def backoff(attempts: int, retry_after: float | None = None, cap: float = 300.0) -> float:
    """Seconds before the next attempt: Retry-After when given, else exponential with jitter."""
    if retry_after is not None:
        return max(0.0, float(retry_after))
    base = min(cap, 2.0 ** max(0, attempts - 1))
    return base * (0.75 + random.random() * 0.5)


async def queue_notice(session: AsyncSession, *, tenant: str, key: str, text: str, channel: str, now: datetime) -> bool:
    """Queue an admin notice once per key (a paused feed or subscription); True if queued now."""
    exists = await session.scalar(select(Notice.id).where(Notice.tenant == tenant, Notice.key == key))
    if exists is not None:
        return False
    session.add(Notice(tenant=tenant, key=key, text=text, created_at=now))
    session.add(Delivery(channel=channel, kind="notice", payload={"text": text}, status="pending", attempts=0,
                         next_attempt_at=now, created_at=now))
    return True


class Outbox:
    """Claims due deliveries and sends them through the sinks, by channel prefix."""

    def __init__(self, services: Services, sinks: Mapping[str, AlertSink], *, max_attempts: int = 10,
                 batch_size: int = 20) -> None:
        self.services = services
        self.sinks = dict(sinks)
        self.max_attempts = max_attempts
        self.batch_size = batch_size
        self.wake = asyncio.Event()
        self._missing_reported: set[str] = set()

    async def claim(self) -> list[int]:
        """Lease up to `batch_size` due rows (pending, or sending with an expired lease)."""
        now = self.services.clock.now()
        owner = self.services.instance_id
        async with self.services.db.session() as session:
            stmt = (
                select(Delivery.id)
                .where(
                    or_(
                        (Delivery.status == "pending") & (Delivery.next_attempt_at <= now),
                        (Delivery.status == "sending") & (Delivery.lease_until < now),
                    )
                )
                .order_by(Delivery.id)
                .limit(self.batch_size)
            )
            if self.services.db.dialect == "postgresql":
                stmt = stmt.with_for_update(skip_locked=True)
            ids = list((await session.scalars(stmt)).all())
            if ids:
                await session.execute(
                    update(Delivery)
                    .where(Delivery.id.in_(ids))
                    .values(status="sending", lease_owner=owner, lease_until=now + LEASE)
                )
        return ids

    async def drain(self) -> int:
        """Send everything that is due now; returns how many rows were handled."""
        handled = 0
        while True:
            ids = await self.claim()
            if not ids:
                return handled
            for delivery_id in ids:
                await self.process(delivery_id)
                handled += 1

    async def run(self, stop: asyncio.Event, idle: float = 1.0) -> None:
        """Drain whenever woken or every `idle` seconds, until `stop` is set; errors are logged, never fatal."""
        while not stop.is_set():
            try:
                await self.drain()
            except Exception:
                log.exception("outbox drain failed; retrying shortly")
            self.wake.clear()
            waiters = [asyncio.ensure_future(self.wake.wait()), asyncio.ensure_future(stop.wait())]
            await asyncio.wait(waiters, timeout=idle, return_when=asyncio.FIRST_COMPLETED)
            for w in waiters:
                w.cancel()

    async def process(self, delivery_id: int) -> None:
        """Send one claimed row and record the outcome."""
        async with self.services.db.session() as session:
            row = await session.get(Delivery, delivery_id)
            if row is None or row.status != "sending" or row.lease_owner != self.services.instance_id:
                return
            sink = self.sinks.get(channel_prefix(row.channel))
            if sink is None:
                await self._defer(row, f"no adapter for {channel_prefix(row.channel)!r} is running here", 60.0)
                return
            alert_row = await session.get(AlertRow, row.alert_id) if row.alert_id else None
            try:
                alert, message_id, extra = await self._build(session, row, alert_row)
            except _Wait as wait:
                await self._defer(row, str(wait), wait.seconds)
                return
            except _Skip as skip:
                row.status = "superseded"
                row.last_error = str(skip)
                row.lease_owner = None
                return
        try:
            if row.kind in ("edit",) and message_id:
                await sink.edit(alert, message_id)
                sent_id: str | None = message_id
            elif row.kind == "followup" and message_id:
                sent_id = await sink.reply_in_thread(alert, message_id)
            else:
                sent_id = await sink.send(alert)
        except Retryable as exc:
            await self._failed(delivery_id, str(exc), exc.retry_after, permanent=False)
            return
        except Permanent as exc:
            await self._failed(delivery_id, str(exc), None, permanent=True)
            return
        except Exception as exc:  # an adapter bug: treat as retryable, keep the row
            log.exception("sink %s failed on delivery %s", row.channel, delivery_id)
            await self._failed(delivery_id, f"{type(exc).__name__}: {exc}", None, permanent=False)
            return
        await self._sent(delivery_id, sent_id, extra)

    async def _build(self, session: AsyncSession, row: Delivery, alert_row: AlertRow | None):
        """The Alert to send, the message id to edit or reply to, and rows sent together with it."""
        payload = dict(row.payload or {})
        extra: list[int] = []
        if row.kind == "notice":
            return Alert(kind="notice", channel=row.channel, text=payload.get("text", "")), None, extra
        if row.kind == "digest":
            summaries = tuple(summary_from_dict(s) for s in payload.get("summaries", ()))
            return Alert(kind="digest", channel=row.channel, summaries=summaries, text=payload.get("title")), None, extra
        matches = tuple(RuleMatch(**m) for m in ((alert_row.shown or {}).get("matches", []) if alert_row else []))
        if row.kind == "batch":
            rows = (
                await session.scalars(
                    select(Delivery).where(
                        Delivery.channel == row.channel, Delivery.kind == "batch", Delivery.status == "pending",
                        Delivery.id != row.id,
                    ).order_by(Delivery.id).limit(24)
                )
            ).all()
            summaries = [await story_summary(session, payload["story_id"], matches)]
            for other in rows:
                other_alert = await session.get(AlertRow, other.alert_id) if other.alert_id else None
                other_matches = tuple(RuleMatch(**m) for m in ((other_alert.shown or {}).get("matches", []) if other_alert else []))
                summaries.append(await story_summary(session, other.payload["story_id"], other_matches))
                other.status = "sending"
                other.lease_owner = self.services.instance_id
                other.lease_until = self.services.clock.now() + LEASE
                extra.append(other.id)
            return Alert(kind="batch", channel=row.channel, summaries=tuple(summaries)), None, extra
        summary = await story_summary(session, payload["story_id"], matches)
        mention = summary.severity == "flash"
        if row.kind == "post":
            return Alert(kind="post", channel=row.channel, summary=summary, mention=mention), None, extra
        if alert_row is None:
            raise _Skip("the alert no longer exists")
        if alert_row.message_id is None:
            post = await session.scalar(
                select(Delivery).where(Delivery.alert_id == alert_row.id, Delivery.kind.in_(("post", "batch")))
                .order_by(Delivery.id).limit(1)
            )
            if row.kind == "edit" and post is not None and post.status in ("pending", "sending"):
                raise _Skip("superseded: the post, not yet sent, shows the latest sources")
            if post is not None and post.status in ("pending", "sending"):
                raise _Wait("waiting for the alert's first post", 1.0)
            if post is not None and post.status == "sent":
                # A platform that gives no message id (incoming webhooks): updates are new messages.
                return Alert(kind=row.kind, channel=row.channel, summary=summary, change=payload.get("change")), None, extra
            raise _Skip("the alert's first post was never delivered")
        return (
            Alert(kind=row.kind, channel=row.channel, summary=summary, change=payload.get("change")),
            alert_row.message_id,
            extra,
        )

    async def _defer(self, row: Delivery, reason: str, seconds: float) -> None:
        now = self.services.clock.now()
        if reason not in self._missing_reported and "no adapter" in reason:
            self._missing_reported.add(reason)
            log.warning("delivery to %s waits: %s", row.channel, reason)
        row.status = "pending"
        row.next_attempt_at = now + timedelta(seconds=seconds)
        row.last_error = reason
        row.lease_owner = None

    async def _sent(self, delivery_id: int, message_id: str | None, extra: list[int]) -> None:
        now = self.services.clock.now()
        async with self.services.db.session() as session:
            for did in [delivery_id, *extra]:
                row = await session.get(Delivery, did)
                if row is None:
                    continue
                row.status = "sent"
                row.sent_at = now
                row.message_id = message_id
                row.lease_owner = None
                row.attempts += 1
                if row.alert_id and row.kind in ("post", "batch") and message_id:
                    alert = await session.get(AlertRow, row.alert_id)
                    if alert is not None:
                        alert.message_id = message_id

    async def _failed(self, delivery_id: int, error: str, retry_after: float | None, *, permanent: bool) -> None:
        now = self.services.clock.now()
        settings = self.services.settings
        async with self.services.db.session() as session:
            row = await session.get(Delivery, delivery_id)
            if row is None:
                return
            row.attempts += 1
            row.last_error = error
            row.lease_owner = None
            if not permanent and row.attempts < self.max_attempts:
                row.status = "pending"
                row.next_attempt_at = now + timedelta(seconds=backoff(row.attempts, retry_after))
                log.info("delivery %s to %s will be retried (attempt %s): %s", row.id, row.channel, row.attempts, error)
                return
            row.status = "dead"
            log.warning("delivery %s to %s failed for good: %s", row.id, row.channel, error)
            if permanent:
                subs = (await session.scalars(select(Subscription).where(Subscription.channel == row.channel))).all()
                for sub in subs:
                    sub.paused = True
                    sub.paused_reason = error
                tenant = subs[0].tenant if subs else "local"
                if row.channel != settings.admin_channel and row.kind != "notice":
                    await queue_notice(
                        session, tenant=tenant, key=f"channel-paused:{row.channel}", channel=settings.admin_channel,
                        now=now,
                        text=f"Deliveries to {row.channel} are paused: {error}. Fix the channel (invite the bot, "
                        f"check its permissions), then resubscribe it.",
                    )


class _Wait(Exception):
    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class _Skip(Exception):
    pass


__all__ = ["Outbox", "backoff", "channel_prefix", "queue_notice", "summary_to_dict"]
