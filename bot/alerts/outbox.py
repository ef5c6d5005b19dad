"""The outbox worker: sends each queued delivery through its platform's sink, exactly once where it can.

Every alert, edit, follow-up, digest and admin notice is a `deliveries` row, written in the same
transaction as the story change that caused it (bot/alerts/queue.py). A row moves through

    pending --claim--> claimed --intent--> sending --sent--> sent
       ^                  |                   |--Retryable--> pending (backoff, Retry-After honoured)
       |                  |                   |--Permanent--> dead (subscriptions paused, admin told)
       +-- lease expired -+                   +--(edit queued before its post) superseded
                          +--(cannot be rendered: no article its tenant may see...)--> dead, reason kept

`claim` leases due rows to this instance (`SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL) for a
short `claim_lease`. Just before calling the sink the worker records its intent: the row becomes
`sending` with a longer `send_lease`, committed *before* the platform is called. So after a crash
(SIGKILL at any point) the database says exactly which rows may have reached the platform:

* `claimed` with an expired lease: never attempted; another instance simply sends it.
* `sending` with an expired lease: an attempt began and its outcome was never recorded. Before
  sending again the worker asks the sink, if it implements `bot.ports.SentLookup`, whether a
  message carrying the row's delivery key (`dlv-<id>`, given to sinks via
  `bot.ports.current_delivery_key()`) already exists, and records that message instead of posting
  a second one. Edits are idempotent and are simply repeated.

The window that remains: a sink with no `find_sent` (an incoming webhook that returns no message
id and cannot be searched) is sent again after such a crash. The message is duplicated only when
the process dies after the platform accepted the request and before `sent` was committed (the time
of one HTTP response plus one small UPDATE, milliseconds); each of an instance's `concurrency`
workers (4 on PostgreSQL, 1 on SQLite) has at most one claim (`batch_size` rows: 8 on PostgreSQL,
5 on SQLite) in that state, so each crash duplicates at most concurrency x batch_size messages per
instance (32; 5 on SQLite) and never loses one (at-least-once). See docs/delivery.md.

While a sink call runs, its rows' send lease is renewed every third of `send_lease`, so a slow
platform call keeps its rows however long it takes, and the rows of an instance that died are free
again within `send_lease` (15 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, Required, TypedDict, Unpack

from sqlalchemy import and_, bindparam, case, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from bot.alerts.queue import alert_tenant, queue_notice
from bot.channels import kind_of
from bot.codec import summary_from_dict, summary_to_dict
from bot.errors import Permanent, Retryable
from bot.jobs import Guard
from bot.models import (
    Alert,
    AlertKind,
    BatchAlert,
    DigestAlert,
    EditAlert,
    FollowupAlert,
    NoticeAlert,
    PostAlert,
    RuleMatch,
    Summary,
)
from bot.ports import DELIVERY_KEY, AlertSink, SentLookup
from bot.repo.outbox import ACTIVE
from bot.repo.stories import story_summary
from bot.services import Services
from bot.storage.db import rowcount
from bot.storage.shapes import AlertShown, DeliveryPayload
from bot.storage.tables import AlertRow, Delivery, Subscription

if TYPE_CHECKING:
    from sqlalchemy.sql.dml import ReturningUpdate

    from bot.ops.metrics import Metrics

log = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(seconds=5)
SEND_LEASE = timedelta(seconds=15)  # renewed every 5 s while the sink call runs (Outbox._keep_leases)


# The hot path (claim, read, intent, sent, retry) runs statements built once, through the Core
# connection: building and ORM-executing them anew for every row cost more CPU than the database work.
_D = Delivery.metadata.tables[Delivery.__tablename__]
_A = AlertRow.metadata.tables[AlertRow.__tablename__]
_DUE = or_(
    and_(_D.c.status == "pending", _D.c.next_attempt_at <= bindparam("now")),
    and_(_D.c.status.in_(ACTIVE), _D.c.lease_until < bindparam("now")),
)
_ROW = select(_D).where(_D.c.id == bindparam("id"))
_ALERT = select(_A).where(_A.c.id == bindparam("id"))
_ROWS = select(_D).where(_D.c.id.in_(bindparam("ids", expanding=True)))
_ALERTS = select(_A).where(_A.c.id.in_(bindparam("ids", expanding=True)))
_INTENTS = (
    update(_D)
    .where(
        _D.c.id.in_(bindparam("ids", expanding=True)), _D.c.lease_owner == bindparam("owner"), _D.c.status.in_(ACTIVE)
    )
    .values(status="sending", lease_until=bindparam("until"))
    .returning(_D.c.id)
)
_INTENT = (
    update(_D)
    .where(_D.c.id == bindparam("row"), _D.c.lease_owner == bindparam("owner"), _D.c.status.in_(ACTIVE))
    .values(status="sending", lease_until=bindparam("until"))
)
_SENT = (
    update(_D)
    .where(_D.c.id.in_(bindparam("ids", expanding=True)), _D.c.status != "sent")
    .values(
        status="sent",
        sent_at=bindparam("now"),
        message_id=bindparam("mid"),
        lease_owner=None,
        lease_until=None,
        attempts=_D.c.attempts + 1,
    )
    .returning(_D.c.id, _D.c.kind, _D.c.alert_id, _D.c.first_seen, _D.c.channel)
)
_ALERT_MESSAGE = update(_A).where(_A.c.id.in_(bindparam("ids", expanding=True))).values(message_id=bindparam("mid"))
_RETRY = (
    update(_D)
    .where(_D.c.id == bindparam("row"))
    .values(
        attempts=_D.c.attempts + 1,
        last_error=bindparam("error"),
        lease_owner=None,
        lease_until=None,
        status="pending",
        next_attempt_at=bindparam("next"),
    )
)
_RENEW = (
    update(_D)
    .where(
        _D.c.id.in_(bindparam("ids", expanding=True)), _D.c.lease_owner == bindparam("owner"), _D.c.status == "sending"
    )
    .values(lease_until=bindparam("until"))
)
_CLAIMS: dict[tuple[bool, int], ReturningUpdate[tuple[int]]] = {}


def _claim_statement(postgres: bool, size: int) -> ReturningUpdate[tuple[int]]:
    """One statement that picks the oldest due rows and leases them, returning their ids.

    On PostgreSQL the pick is a materialized CTE (SELECT ... FOR UPDATE SKIP LOCKED LIMIT n), evaluated
    exactly once: as an IN (subquery) the planner may run it again per row and take more than n. The
    due predicate is repeated on the UPDATE so that a row taken meanwhile (SQLite has no row locks)
    is left alone.
    """
    key = (postgres, size)
    if key not in _CLAIMS:
        pick = select(_D.c.id).where(_DUE).order_by(_D.c.id).limit(size)
        lease = {
            "status": case((_D.c.status == "sending", "sending"), else_="claimed"),
            "lease_owner": bindparam("owner"),
            "lease_until": bindparam("until"),
        }
        if postgres:
            picked = pick.with_for_update(skip_locked=True).cte("picked").prefix_with("MATERIALIZED")
            stmt = update(_D).where(_D.c.id == picked.c.id, _DUE)
        else:
            stmt = update(_D).where(_D.c.id.in_(pick.scalar_subquery()), _DUE)
        _CLAIMS[key] = stmt.values(**lease).returning(_D.c.id)
    return _CLAIMS[key]


class _DeliveryRecord(Protocol):
    """A deliveries row as the worker reads it: a Core `Row` on the hot path, a `Delivery` elsewhere."""

    @property
    def id(self) -> int: ...
    @property
    def alert_id(self) -> int | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def kind(self) -> AlertKind: ...
    @property
    def payload(self) -> DeliveryPayload: ...
    @property
    def attempts(self) -> int: ...


class _DeliveryChange(TypedDict, total=False):
    """The columns of a deliveries row the worker changes while it holds the row's lease (`_own`)."""

    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    message_id: str | None
    lease_owner: str | None
    lease_until: datetime | None
    sent_at: datetime
    payload: DeliveryPayload


def _alone(payload: DeliveryPayload | None) -> DeliveryPayload:
    """A row's payload without the batch message it was to ride in (`batch_of`), the rest in its order."""
    alone = DeliveryPayload(**payload) if payload else DeliveryPayload()
    alone.pop("batch_of", None)
    return alone


class _AlertRecord(Protocol):
    """An alerts row as the worker reads it: a Core `Row` or an `AlertRow`."""

    @property
    def id(self) -> int: ...
    @property
    def message_id(self) -> str | None: ...
    @property
    def shown(self) -> AlertShown: ...


async def _update_target(session: AsyncSession, row: _DeliveryRecord, alert_row: _AlertRecord | None) -> str | None:
    """The message an edit or follow-up updates (replies under): the alert's first message, or None where its
    platform gave no message id (updates are then new messages). Raises _Skip or _Wait when there is none yet."""
    if alert_row is None:
        raise _Skip("the alert no longer exists")
    if alert_row.message_id is not None:
        return alert_row.message_id
    post = await session.scalar(
        select(Delivery)
        .where(Delivery.alert_id == alert_row.id, Delivery.kind.in_(("post", "batch")))
        .order_by(Delivery.id)
        .limit(1)
    )
    if row.kind == "edit" and post is not None and post.status in ("pending", *ACTIVE):
        raise _Skip("superseded: the post, not yet sent, shows the latest sources")
    if post is not None and post.status in ("pending", *ACTIVE):
        raise _Wait("waiting for the alert's first post", 1.0)
    if post is not None and post.status == "sent":
        # A platform that gives no message id (incoming webhooks): updates are new messages.
        return None
    raise _Skip("the alert's first post was never delivered")


def delivery_key(delivery_id: int) -> str:
    """The key a sink embeds in the message of delivery `delivery_id`, to find it after a crash."""
    return f"dlv-{delivery_id}"


def backoff(attempts: int, retry_after: float | None = None, cap: float = 300.0) -> float:
    """Seconds before the next attempt: Retry-After when given, else exponential with jitter."""
    if retry_after is not None:
        return min(cap, max(0.0, float(retry_after)))
    base = min(cap, 2.0 ** max(0, attempts - 1))
    return base * (0.75 + random.random() * 0.5)


class Outbox:
    """Claims due deliveries and sends them through the sinks, by channel prefix."""

    def __init__(
        self,
        services: Services,
        sinks: Mapping[str, AlertSink],
        *,
        max_attempts: int = 10,
        batch_size: int | None = None,
        claim_lease: timedelta = CLAIM_LEASE,
        send_lease: timedelta = SEND_LEASE,
        metrics: Metrics | None = None,
        concurrency: int | None = None,
    ) -> None:
        self.services = services
        self.sinks = dict(sinks)
        self.max_attempts = max_attempts
        postgres = services.db.dialect == "postgresql"
        # A worker claims a few rows and sends them together (process_many: shared transactions, about
        # half the CPU per row of one-by-one). An instance that dies strands at most batch x concurrency
        # rows until their leases expire (5 s; 15 s for the few caught mid-send).
        self.batch_size = batch_size or (8 if postgres else 5)
        self.claim_lease = claim_lease
        self.send_lease = send_lease
        self.metrics = metrics
        self.wake = asyncio.Event()
        self.in_flight: set[int] = set()
        # Workers per instance: sends are I/O-bound, so several overlap; SQLite has one writer, so one there.
        self.concurrency = concurrency or (4 if postgres else 1)
        self._missing_reported: set[str] = set()
        self._timers: set[asyncio.TimerHandle] = set()

    def wake_at(self, when: datetime) -> None:
        """Wake the workers when a deferred row falls due, not at the next idle tick after it."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        delay = max(0.0, (when - self.services.clock.now()).total_seconds())

        def fire() -> None:
            self._timers.discard(handle)
            self.wake.set()

        handle = loop.call_later(delay, fire)
        self._timers.add(handle)

    def can_send(self, channel: str) -> bool:
        """Whether this instance has a sink (a running adapter) for `channel`."""
        return kind_of(channel) in self.sinks

    @property
    def owner(self) -> str:
        """This instance's lease owner id."""
        return self.services.instance_id

    async def claim(self) -> list[int]:
        """Lease up to `batch_size` due rows: pending ones, and claimed or sending ones whose lease expired.

        A row found `sending` stays `sending` (its outcome is unknown and must be reconciled);
        every other row becomes `claimed`.
        """
        now = self.services.clock.now()
        stmt = _claim_statement(self.services.db.dialect == "postgresql", self.batch_size)
        async with self.services.db.session() as session:
            conn = await session.connection()
            claimed = await conn.execute(stmt, {"now": now, "owner": self.owner, "until": now + self.claim_lease})
            return sorted(claimed.scalars().all())

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        """Send everything that is due now; returns how many rows were handled.

        With `stop` set, finishes the rows in flight (its current claim) and returns.
        """
        handled = 0
        while stop is None or not stop.is_set():
            ids = await self.claim()
            if not ids:
                return handled
            if stop is not None and stop.is_set():
                await self.release(ids)
                return handled
            if len(ids) == 1:
                await self.process(ids[0])
            else:
                await self.process_many(ids)
            handled += len(ids)
        return handled

    async def release(self, ids: Sequence[int]) -> None:
        """Hand back rows this instance claimed but has not begun to send (at shutdown)."""
        async with self.services.db.session() as session:
            await session.execute(
                update(Delivery)
                .where(Delivery.id.in_(list(ids)), Delivery.status == "claimed", Delivery.lease_owner == self.owner)
                .values(status="pending", lease_owner=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )

    async def run(self, stop: asyncio.Event, idle: float = 0.5) -> None:
        """Run `concurrency` workers until `stop` is set; each finishes its rows in flight before returning."""
        try:
            await asyncio.gather(*(self._worker(stop, idle) for _ in range(self.concurrency)))
        finally:
            for handle in self._timers:
                handle.cancel()
            self._timers.clear()

    async def _worker(self, stop: asyncio.Event, idle: float) -> None:
        """Drain whenever woken or every `idle` seconds, until `stop` is set; errors are logged, never fatal."""
        guard = Guard(log, "outbox drain failed (%d in a row); retrying shortly", count=True)
        while not stop.is_set():
            await guard.run(self.drain(stop))
            self.wake.clear()
            wait = idle if not guard.failures else min(30.0, idle * 2 ** min(guard.failures, 5))
            waiters = [asyncio.ensure_future(self.wake.wait()), asyncio.ensure_future(stop.wait())]
            await asyncio.wait(waiters, timeout=wait, return_when=asyncio.FIRST_COMPLETED)
            for w in waiters:
                w.cancel()

    async def process(self, delivery_id: int) -> None:
        """Send one claimed row and record the outcome (reconciling first if an attempt was interrupted)."""
        self.in_flight.add(delivery_id)
        try:
            await self._process(delivery_id)
        finally:
            self.in_flight.discard(delivery_id)

    async def process_many(self, ids: Sequence[int]) -> None:
        """Send several claimed rows with shared transactions: one to read them and record the intent of
        all, the sends (in order within a channel, channels concurrently), one to record the outcomes.

        Rows that need more care (an interrupted send to reconcile, batch messages and their riders) go
        through `process` one by one.
        """
        now = self.services.clock.now()
        self.in_flight.update(ids)
        try:
            ready, singles = await self._prepare_many(ids, now)
            outcomes = await self._send_many(ready)
            if outcomes:
                async with self.services.db.session() as session:
                    for r, sent_id, error in outcomes:
                        if error is None:
                            await self._record_sent(session, r.id, sent_id, r.extra)
                        else:
                            await self._record_failure(session, r.id, *error)
        finally:
            self.in_flight.difference_update(ids)
        for delivery_id in singles:
            await self.process(delivery_id)

    async def _prepare_many(self, ids: Sequence[int], now: datetime) -> tuple[list[_Ready], list[int]]:
        """In one transaction: the rows this instance still leases, prepared to send with their intent recorded,
        and the ids of those that go through `process` one by one (sends to reconcile, batches, riders)."""
        singles: list[int] = []
        ready: list[_Ready] = []
        async with self.services.db.session() as session:
            conn = await session.connection()
            rows = (await conn.execute(_ROWS, {"ids": list(ids)})).all()
            alert_ids = [r.alert_id for r in rows if r.alert_id]
            alerts = {a.id: a for a in (await conn.execute(_ALERTS, {"ids": alert_ids})).all()} if alert_ids else {}
            for row in sorted(rows, key=lambda r: r.id):
                if row.status not in ACTIVE or row.lease_owner != self.owner:
                    continue
                if row.status == "sending" or row.kind == "batch" or (row.payload or {}).get("batch_of"):
                    singles.append(row.id)
                    continue
                prepared = await self._prepare(session, row, alerts.get(row.alert_id), now, collect=True)
                if prepared is not None:
                    ready.append(prepared)
            if ready:
                # Record the intent of every row before calling the platform (see the module docstring).
                owned = set(
                    (
                        await conn.execute(
                            _INTENTS,
                            {"ids": [r.id for r in ready], "owner": self.owner, "until": now + self.send_lease},
                        )
                    )
                    .scalars()
                    .all()
                )
                ready = [r for r in ready if r.id in owned]
        return ready, singles

    async def _send_many(self, ready: Sequence[_Ready]) -> list[tuple[_Ready, str | None, _Failure | None]]:
        """Call the platforms: in order within a channel, channels concurrently, the send leases kept meanwhile."""
        by_channel: dict[str, list[_Ready]] = {}
        for r in ready:
            by_channel.setdefault(r.channel, []).append(r)
        async with self._keep_leases([r.id for r in ready]):
            groups = await asyncio.gather(*(self._call_in_order(g) for g in by_channel.values()))
        return [o for group in groups for o in group]

    @contextlib.asynccontextmanager
    async def _keep_leases(self, ids: Sequence[int]) -> AsyncIterator[None]:
        """Renew the send lease of `ids` every third of `send_lease` while the block (the sink calls) runs."""
        if not ids:
            yield
            return

        async def renew() -> None:
            period = self.send_lease.total_seconds() / 3
            while True:
                await asyncio.sleep(period)
                try:
                    async with self.services.db.session() as session:
                        await (await session.connection()).execute(
                            _RENEW,
                            {
                                "ids": list(ids),
                                "owner": self.owner,
                                "until": self.services.clock.now() + self.send_lease,
                            },
                        )
                except Exception:  # the next renewal tries again; the lease still runs for 2/3 of its time
                    log.warning("could not renew the send lease of deliveries %s", list(ids)[:8], exc_info=True)

        task = asyncio.create_task(renew())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _call_in_order(self, rows: Sequence[_Ready]) -> list[tuple[_Ready, str | None, _Failure | None]]:
        return [(r, *(await self._call(r))) for r in rows]

    async def _call(self, r: _Ready) -> tuple[str | None, _Failure | None]:
        """Call the sink for one prepared row: (message id, None) or (None, why it failed)."""
        token = DELIVERY_KEY.set(delivery_key(r.id))
        try:
            if r.kind == "edit" and r.message_id:
                await r.sink.edit(r.alert, r.message_id)
                return r.message_id, None
            if r.kind == "followup" and r.message_id:
                return await r.sink.reply_in_thread(r.alert, r.message_id), None
            return await r.sink.send(r.alert), None
        except Exception as exc:
            return None, _failure_of(exc, r.ctx)
        finally:
            DELIVERY_KEY.reset(token)

    async def _prepare(
        self,
        session: AsyncSession,
        row: _DeliveryRecord,
        alert_row: _AlertRecord | None,
        now: datetime,
        *,
        collect: bool,
    ) -> _Ready | None:
        """Build the alert of one claimed row, or settle the row (wait, superseded, no adapter) and return None."""
        ctx: _LogContext = {"delivery": row.id, "channel": row.channel}
        sink = self.sinks.get(kind_of(row.channel))
        if sink is None:
            await self._defer(session, row, f"no adapter for {kind_of(row.channel)!r} is running here", 60.0)
            return None
        if alert_row is not None:
            rules = ",".join(m.get("rule", "") for m in (alert_row.shown or {}).get("matches", []))
            if rules:
                ctx["rule"] = rules
        try:
            alert, message_id, extra = await self._build(session, row, alert_row, collect=collect)
        except _Wait as wait:
            await self._defer(session, row, str(wait), wait.seconds)
            return None
        except _Skip as skip:
            await self._own(session, row.id, status="superseded", last_error=str(skip), lease_owner=None)
            if self.metrics:
                self.metrics.delivered("superseded")
            return None
        except SQLAlchemyError:
            raise  # the database, not the row: the drain is retried with backoff
        except Exception as exc:
            # A row that cannot be rendered (e.g. its story has no article its tenant may see) never blocks
            # the queue: it becomes a dead letter with its reason, and the rows after it flow.
            reason = f"cannot be rendered: {type(exc).__name__}: {exc}"
            log.warning("delivery %s to %s is dead: %s", row.id, row.channel, reason, extra=ctx)
            await self._own(
                session,
                row.id,
                status="dead",
                last_error=reason,
                lease_owner=None,
                lease_until=None,
                attempts=row.attempts + 1,
            )
            if self.metrics:
                self.metrics.delivered("dead")
            return None
        return _Ready(row.id, row.kind, row.channel, sink, alert, message_id, extra, ctx)

    async def _process(self, delivery_id: int) -> None:
        """Send one claimed row: prepared with its intent recorded, an interrupted send looked up, the sink called."""
        now = self.services.clock.now()
        claimed = await self._intend(delivery_id, now)
        if claimed is None:
            return
        prepared, interrupted = claimed
        if interrupted and prepared.kind != "edit" and await self._reconciled(prepared):
            return
        async with self._keep_leases([delivery_id, *prepared.extra]):
            sent_id, failure = await self._call(prepared)
        if failure is not None:
            message, retry_after, permanent = failure
            await self._failed(delivery_id, message, retry_after, permanent=permanent, extra=prepared.extra)
            return
        await self._sent(delivery_id, sent_id, prepared.extra)

    async def _intend(self, delivery_id: int, now: datetime) -> tuple[_Ready, bool] | None:
        """The row prepared, with the intent to send recorded, and whether an earlier send of it was interrupted;
        None when the row is not this worker's to send, or was settled here (a rider, a wait, a dead letter)."""
        async with self.services.db.session() as session:
            conn = await session.connection()
            row = (await conn.execute(_ROW, {"id": delivery_id})).first()
            if row is None or row.status not in ACTIVE or row.lease_owner != self.owner:
                return None
            interrupted = row.status == "sending"
            batch_of = (row.payload or {}).get("batch_of")
            if batch_of:
                await self._rider(session, row, int(batch_of), now)
                return None
            alert_row = (await conn.execute(_ALERT, {"id": row.alert_id})).first() if row.alert_id else None
            prepared = await self._prepare(session, row, alert_row, now, collect=not interrupted)
            if prepared is None:
                return None
            # Record the intent before calling the platform: after a crash the row says "maybe sent".
            intent = await conn.execute(_INTENT, {"row": row.id, "owner": self.owner, "until": now + self.send_lease})
            if intent.rowcount != 1:
                return None
        return prepared, interrupted

    async def _reconciled(self, prepared: _Ready) -> bool:
        """After an interrupted send: True when the row is settled here (the platform had the message, or the
        look-up failed), False when it is to be sent again (its riders then go back to the queue on their own)."""
        delivery_id = prepared.id
        key = delivery_key(delivery_id)
        token = DELIVERY_KEY.set(key)
        try:
            found = await self._reconcile(prepared.sink, prepared.alert, key, prepared.message_id, prepared.ctx)
        except Exception as exc:
            message, retry_after, permanent = _failure_of(exc, prepared.ctx)
            await self._failed(delivery_id, message, retry_after, permanent=permanent, extra=prepared.extra)
            return True
        finally:
            DELIVERY_KEY.reset(token)
        riders = await self._riders(delivery_id)
        if found is not None:
            await self._sent(delivery_id, found or None, riders)
            if self.metrics:
                self.metrics.delivered("reconciled")
            return True
        if riders:  # they rode in a message that never went out: back to the queue on their own
            await self._unride(riders)
        return False

    async def _reconcile(
        self, sink: AlertSink, alert: Alert, key: str, thread: str | None, ctx: _LogContext
    ) -> str | None:
        """The message id ("" if the platform gives none) of an earlier attempt's message, or None."""
        if not isinstance(sink, SentLookup):
            log.warning(
                "delivery %s was interrupted mid-send and its sink cannot look messages up; sending "
                "again (it may appear twice)",
                ctx["delivery"],
                extra=ctx,
            )
            return None
        found = await sink.find_sent(alert, key, thread=thread if alert.kind == "followup" else None)
        if found is not None:
            log.info(
                "delivery %s was interrupted mid-send but had reached the platform (message %s); "
                "recorded, not sent again",
                ctx["delivery"],
                found or "-",
                extra=ctx,
            )
            return found
        log.info("delivery %s was interrupted before reaching the platform; sending it now", ctx["delivery"], extra=ctx)
        return None

    async def _own(self, session: AsyncSession, delivery_id: int, **values: Unpack[_DeliveryChange]) -> bool:
        """Update a row only while this instance still holds its lease; False if it was taken over."""
        result = await session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.lease_owner == self.owner, Delivery.status.in_(ACTIVE))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return rowcount(result) == 1

    async def _riders(self, delivery_id: int) -> list[int]:
        """Rows that an interrupted batch message carried along with row `delivery_id`."""
        async with self.services.db.session() as session:
            rows = (
                await session.scalars(select(Delivery).where(Delivery.kind == "batch", Delivery.status == "sending"))
            ).all()
        return [r.id for r in rows if (r.payload or {}).get("batch_of") == delivery_id]

    async def _unride(self, ids: Sequence[int]) -> None:
        """Queue rows again on their own, forgetting the batch message they were to ride in."""
        now = self.services.clock.now()
        async with self.services.db.session() as session:
            for row in (await session.scalars(select(Delivery).where(Delivery.id.in_(list(ids))))).all():
                payload = _alone(row.payload)
                await session.execute(
                    update(Delivery)
                    .where(Delivery.id == row.id, Delivery.status.in_(ACTIVE))
                    .values(status="pending", payload=payload, lease_owner=None, lease_until=None, next_attempt_at=now)
                    .execution_options(synchronize_session=False)
                )

    async def _rider(self, session: AsyncSession, row: _DeliveryRecord, batch_of: int, now: datetime) -> None:
        """A row whose lease expired while it rode in row `batch_of`'s message: that row decides its fate."""
        carrier = await session.get(Delivery, batch_of, populate_existing=True)
        if carrier is not None and carrier.status == "sent":
            await self._own(
                session,
                row.id,
                status="sent",
                sent_at=carrier.sent_at or now,
                message_id=carrier.message_id,
                lease_owner=None,
                lease_until=None,
            )
        elif carrier is not None and carrier.status in ("pending", *ACTIVE):
            # The carrier will be reconciled; it marks this row sent or queues it again. Look back later.
            await self._own(session, row.id, lease_until=now + self.claim_lease)
        else:
            payload = _alone(row.payload)
            await self._own(
                session,
                row.id,
                status="pending",
                payload=payload,
                lease_owner=None,
                lease_until=None,
                next_attempt_at=now,
            )

    async def _build(
        self, session: AsyncSession, row: _DeliveryRecord, alert_row: _AlertRecord | None, *, collect: bool = True
    ) -> tuple[Alert, str | None, list[int]]:
        """The Alert to send, the message id to edit or reply to, and rows sent together with it."""
        payload = row.payload.copy() if row.payload else DeliveryPayload()
        extra: list[int] = []
        if row.kind == "notice":
            return NoticeAlert(channel=row.channel, text=payload.get("text", "")), None, extra
        if row.kind == "digest":
            digest = tuple(summary_from_dict(s) for s in payload.get("summaries", ()))
            return DigestAlert(channel=row.channel, summaries=digest, title=payload.get("title")), None, extra
        if row.kind == "post" and "sample" in payload:  # `test-alert`: a sample that carries its own summary
            return PostAlert(channel=row.channel, summary=summary_from_dict(payload["sample"])), None, extra
        matches = _matches(alert_row)
        if row.kind == "batch":
            summaries = [await story_summary(session, payload["story_id"], matches, tenant=_tenant(alert_row, row))]
            if collect:
                riders, extra = await self._take_riders(session, row)
                summaries += riders
            return BatchAlert(channel=row.channel, summaries=tuple(summaries)), None, extra
        summary = await story_summary(session, payload["story_id"], matches, tenant=_tenant(alert_row, row))
        mention = summary.severity == "flash"
        if row.kind == "post":
            return PostAlert(channel=row.channel, summary=summary, mention=mention), None, extra
        target = await _update_target(session, row, alert_row)
        return _update(row, summary, payload), target, extra

    async def _take_riders(self, session: AsyncSession, row: _DeliveryRecord) -> tuple[list[Summary], list[int]]:
        """The channel's other pending batch rows (24 at most) that ride in `row`'s message: their stories'
        summaries and their ids, each taken (leased to this worker, `batch_of` the row) only if nobody else did."""
        now = self.services.clock.now()
        free = or_(Delivery.status == "pending", (Delivery.status == "claimed") & (Delivery.lease_owner == self.owner))
        others = (
            await session.scalars(
                select(Delivery)
                .where(
                    Delivery.channel == row.channel,
                    Delivery.kind == "batch",
                    free,
                    Delivery.id != row.id,
                )
                .order_by(Delivery.id)
                .limit(24)
            )
        ).all()
        summaries: list[Summary] = []
        ids: list[int] = []
        for other in others:
            other_summary = await _rider_summary(session, other)
            if other_summary is None:
                continue
            # Take each row only if nobody else did meanwhile; it rides in this row's message.
            taken = await session.execute(
                update(Delivery)
                .where(Delivery.id == other.id, free)
                .values(
                    status="sending",
                    lease_owner=self.owner,
                    lease_until=now + self.send_lease,
                    payload={**(other.payload or {}), "batch_of": row.id},
                )
                .execution_options(synchronize_session=False)
            )
            if rowcount(taken) != 1:
                continue
            summaries.append(other_summary)
            ids.append(other.id)
        return summaries, ids

    async def _defer(self, session: AsyncSession, row: _DeliveryRecord, reason: str, seconds: float) -> None:
        now = self.services.clock.now()
        if reason not in self._missing_reported and "no adapter" in reason:
            self._missing_reported.add(reason)
            log.warning(
                "delivery to %s waits: %s", row.channel, reason, extra={"channel": row.channel, "delivery": row.id}
            )
        await self._own(
            session,
            row.id,
            status="pending",
            next_attempt_at=now + timedelta(seconds=seconds),
            last_error=reason,
            lease_owner=None,
            lease_until=None,
        )
        self.wake_at(now + timedelta(seconds=seconds))

    async def _sent(self, delivery_id: int, message_id: str | None, extra: Sequence[int]) -> None:
        async with self.services.db.session() as session:
            await self._record_sent(session, delivery_id, message_id, extra)

    async def _record_sent(
        self, session: AsyncSession, delivery_id: int, message_id: str | None, extra: Sequence[int]
    ) -> None:
        now = self.services.clock.now()
        conn = await session.connection()
        rows = (await conn.execute(_SENT, {"ids": [delivery_id, *extra], "now": now, "mid": message_id})).all()
        alert_ids = [r.alert_id for r in rows if r.alert_id and r.kind in ("post", "batch")]
        if alert_ids and message_id:
            await conn.execute(_ALERT_MESSAGE, {"ids": alert_ids, "mid": message_id})
        for r in rows:
            if self.metrics:
                self.metrics.delivered("sent")
                if r.kind in ("post", "batch") and r.first_seen is not None:
                    self.metrics.latency((now - r.first_seen).total_seconds())
            log.debug("delivery %s sent to %s", r.id, r.channel, extra={"delivery": r.id, "channel": r.channel})

    async def _failed(
        self, delivery_id: int, error: str, retry_after: float | None, *, permanent: bool, extra: Sequence[int] = ()
    ) -> None:
        if extra:  # rows that rode along in a failed batch message go back to the queue on their own
            await self._unride(extra)
        async with self.services.db.session() as session:
            await self._record_failure(session, delivery_id, error, retry_after, permanent)

    async def _record_failure(
        self, session: AsyncSession, delivery_id: int, error: str, retry_after: float | None, permanent: bool
    ) -> None:
        """A failed send: retried with backoff while attempts remain and it is not permanent; else the row is dead,
        and after a permanent failure the channel's subscriptions pause (`_pause_channel`)."""
        now = self.services.clock.now()
        conn = await session.connection()
        current = (await conn.execute(_ROW, {"id": delivery_id})).first()
        if current is None:
            return
        if not permanent and current.attempts + 1 < self.max_attempts:
            await self._retry_later(conn, delivery_id, current.channel, current.attempts + 1, error, retry_after, now)
            return
        row = await session.get(Delivery, delivery_id, populate_existing=True)
        if row is None:
            return
        ctx: _LogContext = {"delivery": row.id, "channel": row.channel}
        row.attempts += 1
        row.last_error = error
        row.lease_owner = None
        row.lease_until = None
        row.status = "dead"  # a permanent failure, or the last attempt
        if self.metrics:
            self.metrics.delivered("dead")
        log.warning("delivery %s to %s failed for good: %s", row.id, row.channel, error, extra=ctx)
        if permanent:
            await self._pause_channel(session, row, error, now)

    async def _retry_later(
        self,
        conn: AsyncConnection,
        delivery_id: int,
        channel: str,
        attempts: int,
        error: str,
        retry_after: float | None,
        now: datetime,
    ) -> None:
        """Put the row back for attempt `attempts`, after the backoff (or the platform's Retry-After)."""
        due = now + timedelta(seconds=backoff(attempts, retry_after))
        await conn.execute(_RETRY, {"row": delivery_id, "error": error, "next": due})
        self.wake_at(due)
        if self.metrics:
            self.metrics.retried()
        log.info(
            "delivery %s to %s will be retried (attempt %s): %s",
            delivery_id,
            channel,
            attempts,
            error,
            extra={"delivery": delivery_id, "channel": channel},
        )

    async def _pause_channel(self, session: AsyncSession, row: Delivery, error: str, now: datetime) -> None:
        """After a permanent failure: pause every subscription of the channel and tell the admin channel how to
        resume (not about the admin channel itself, nor for a notice)."""
        settings = self.services.settings
        subs = (await session.scalars(select(Subscription).where(Subscription.channel == row.channel))).all()
        for sub in subs:
            sub.paused = True
            sub.paused_reason = error
        tenant = subs[0].tenant if subs else "local"
        if row.channel != settings.admin_channel and row.kind != "notice":
            await queue_notice(
                session,
                tenant=tenant,
                key=f"channel-paused:{row.channel}",
                channel=settings.admin_channel,
                now=now,
                text=f"Deliveries to {row.channel} are paused: {error}. Fix the channel (invite the bot, "
                f"check its permissions), then resubscribe it. 'deliveries --dead' lists what was not sent.",
            )
            self.wake.set()


def _tenant(alert_row: _AlertRecord | None, row: _DeliveryRecord) -> str:
    """The tenant whose view of the story a delivery shows: its alert's (see bot.alerts.queue.alert_tenant)."""
    return alert_tenant(alert_row.shown if alert_row is not None else None, row.channel)


def _update(row: _DeliveryRecord, summary: Summary, payload: DeliveryPayload) -> EditAlert | FollowupAlert:
    """An edit of the story's first message, or a follow-up under it saying what changed."""
    if row.kind == "edit":
        return EditAlert(channel=row.channel, summary=summary)
    return FollowupAlert(channel=row.channel, summary=summary, change=payload.get("change"))


def _matches(alert_row: _AlertRecord | None) -> tuple[RuleMatch, ...]:
    return tuple(RuleMatch.from_dict(m) for m in ((alert_row.shown or {}).get("matches", []) if alert_row else []))


class _LogContext(TypedDict, total=False):
    """What a delivery's log lines carry (`extra`): the JSON log's delivery, channel and rule fields."""

    delivery: Required[int]
    channel: Required[str]
    rule: str


# Why a send failed: (message, Retry-After seconds or None, permanent).
_Failure = tuple[str, float | None, bool]


def _failure_of(exc: Exception, ctx: _LogContext) -> _Failure:
    """How a sink's exception counts: Retryable (with Retry-After), Permanent, or an adapter bug (retried)."""
    if isinstance(exc, Retryable):
        return str(exc), exc.retry_after, False
    if isinstance(exc, Permanent):
        return str(exc), None, True
    log.error("sink for %s failed on delivery %s", ctx.get("channel"), ctx.get("delivery"), exc_info=exc, extra=ctx)
    return f"{type(exc).__name__}: {exc}", None, False


async def _rider_summary(session: AsyncSession, other: Delivery) -> Summary | None:
    """The summary of a batch row that is to ride in another row's message; None when it cannot be rendered
    (it cannot ride: it is left for its own turn, which settles it)."""
    other_alert = await session.get(AlertRow, other.alert_id) if other.alert_id else None
    try:
        return await story_summary(
            session, other.payload["story_id"], _matches(other_alert), tenant=_tenant(other_alert, other)
        )
    except SQLAlchemyError:
        raise
    except Exception as exc:
        log.debug("batch row %s cannot be rendered: %s", other.id, exc)
        return None


@dataclass(slots=True)
class _Ready:
    """A claimed row with its alert built, ready to hand to its sink."""

    id: int
    kind: str
    channel: str
    sink: AlertSink
    alert: Alert
    message_id: str | None
    extra: list[int]
    ctx: _LogContext


class _Wait(Exception):
    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds


class _Skip(Exception):
    pass


__all__ = ["Outbox", "backoff", "delivery_key", "summary_to_dict"]
