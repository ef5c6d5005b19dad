"""The outbox worker on a real database: retries with Retry-After, permanent failures, crash reconciliation."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update

from bot.alerts.outbox import Outbox, backoff, delivery_key
from bot.commands.core import CommandCore, CommandRegistry
from bot.commands.deliveries import register
from bot.errors import Permanent, Retryable
from bot.models import Caller, Invocation
from bot.repo.outbox import list_deliveries
from bot.storage.tables import AlertRow, Delivery, Subscription
from tests.conftest import FakeClock
from tests.support.delivery import NoLookupSink, RecordingSink, make_app, make_config


async def _rows(app) -> list[Delivery]:  # type: ignore[no-untyped-def]
    async with app.services.db.session() as session:
        return list((await session.scalars(select(Delivery).order_by(Delivery.id))).all())


async def test_retry_after_is_honoured_with_the_injected_clock(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    try:
        await app.poll_all(force=True)
        sink.failures.append(Retryable("rec:room", "429 Too Many Requests", retry_after=30))
        await app.outbox.drain()
        [row] = await _rows(app)
        assert (row.status, row.attempts, sink.posts) == ("pending", 1, [])
        assert row.next_attempt_at == clock.now() + timedelta(seconds=30)
        assert "429" in (row.last_error or "")
        clock.advance(seconds=29)
        assert await app.outbox.drain() == 0 and sink.posts == []
        clock.advance(seconds=2)
        assert await app.outbox.drain() == 1
        [row] = await _rows(app)
        assert (row.status, row.attempts, row.message_id) == ("sent", 2, sink.posts[0][0])
        assert row.sent_at == clock.now()
    finally:
        await app.close()


async def test_without_retry_after_the_backoff_is_exponential(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    try:
        await app.poll_all(force=True)
        waits = []
        for _ in range(3):
            sink.failures.append(Retryable("rec:room", "502 Bad Gateway"))
            assert await app.outbox.drain() == 1
            [row] = await _rows(app)
            waits.append((row.next_attempt_at - clock.now()).total_seconds())
            clock.current = row.next_attempt_at
        assert 0.75 <= waits[0] <= 1.25 and 1.5 <= waits[1] <= 2.5 and 3.0 <= waits[2] <= 5.0
        await app.outbox.drain()
        assert len(sink.posts) == 1
    finally:
        await app.close()


def test_backoff_is_capped_and_retry_after_wins() -> None:
    assert backoff(3, retry_after=7) == 7
    assert backoff(50) <= 300 * 1.25
    assert backoff(1, retry_after=10_000) == 300


async def test_retryable_failures_give_up_as_dead_letters_after_max_attempts(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    app.outbox.max_attempts = 3
    try:
        await app.poll_all(force=True)
        for _ in range(3):
            sink.failures.append(Retryable("rec:room", "503", retry_after=1))
            await app.outbox.drain()
            clock.advance(seconds=2)
        [row] = await _rows(app)
        assert (row.status, row.attempts) == ("dead", 3)
        async with app.services.db.session() as session:  # a transient failure never pauses the channel
            assert not any(s.paused for s in (await session.scalars(select(Subscription))).all())
    finally:
        await app.close()


async def test_permanent_failure_pauses_subscription_tells_admin_and_is_listed(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    try:
        await app.poll_all(force=True)
        sink.failures.append(Permanent("rec:room", "channel_not_found"))
        await app.outbox.drain()
        rows = await _rows(app)
        dead = rows[0]
        assert (dead.status, dead.channel) == ("dead", "rec:room")
        async with app.services.db.session() as session:
            sub = await session.scalar(select(Subscription).where(Subscription.channel == "rec:room"))
            assert sub is not None and sub.paused and "channel_not_found" in (sub.paused_reason or "")
        notices = [a for _mid, _key, a in sink.posts if a.kind == "notice"]
        assert len(notices) == 1 and notices[0].channel == "rec:admin"
        assert "rec:room" in (notices[0].text or "") and "channel_not_found" in (notices[0].text or "")

        registry = CommandRegistry()
        register(registry)
        core = CommandCore(app.services, registry)
        admin = Caller(user_id="op", is_admin=True)
        reply = await core.dispatch(
            Invocation(command="deliveries", args=("--dead",), caller=admin, channel="rec:admin")
        )
        assert reply.ok and f"#{dead.id}" in reply.lines[0] and "channel_not_found" in reply.lines[0]
        assert [d["id"] for d in reply.data["deliveries"]] == [dead.id]  # type: ignore[index]

        denied = await core.dispatch(
            Invocation(command="deliveries", args=("--dead",), caller=Caller(user_id="u"), channel="rec:room")
        )
        assert not denied.ok and "admin" in denied.text

        again = await core.dispatch(
            Invocation(command="deliveries", args=("--retry", str(dead.id)), caller=admin, channel="rec:admin")
        )
        assert again.ok, again.text
        assert await list_deliveries(app.services, dead=True) == []
        await app.outbox.drain()
        assert [a.kind for _m, _k, a in sink.posts] == ["notice", "post"]
        bad = await core.dispatch(
            Invocation(command="deliveries", args=("--retry", "999"), caller=admin, channel="rec:admin")
        )
        assert not bad.ok and "no dead delivery #999" in bad.text
    finally:
        await app.close()


async def _crash_mid_send(app, row_id: int, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """Leave the row as a killed instance would: intent recorded (`sending`), lease expired."""
    async with app.services.db.session() as session:
        await session.execute(
            update(Delivery)
            .where(Delivery.id == row_id)
            .values(status="sending", lease_owner="killed-instance", lease_until=clock.now() - timedelta(seconds=1))
        )


async def test_crash_after_the_platform_took_the_message_is_reconciled_without_a_duplicate(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=2), clock, sink)
    try:
        await app.poll_all(force=True)
        first, second = await _rows(app)
        # The killed instance had posted `first` (the platform holds the message with its key) but never recorded it.
        from bot.models import NoticeAlert

        sink.messages["m-before-crash"] = (
            delivery_key(first.id),
            NoticeAlert(channel="rec:room", text="posted before the crash"),
        )
        await _crash_mid_send(app, first.id, clock)
        await _crash_mid_send(app, second.id, clock)  # this one died before reaching the platform
        assert await app.outbox.drain() == 2
        rows = await _rows(app)
        assert [r.status for r in rows] == ["sent", "sent"]
        assert rows[0].message_id == "m-before-crash"
        assert sink.keys() == [delivery_key(second.id)]  # only the one that never arrived is posted
        assert sorted(sink.lookups) == sorted([delivery_key(first.id), delivery_key(second.id)])
        async with app.services.db.session() as session:
            alert = await session.get(AlertRow, rows[0].alert_id)
            assert alert is not None and alert.message_id == "m-before-crash"
    finally:
        await app.close()


async def test_claimed_rows_of_a_dead_instance_are_taken_over_after_the_claim_lease(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=3), clock, sink)
    try:
        await app.poll_all(force=True)
        dead = Outbox(app.services, {}, batch_size=10)
        dead.services = type(app.services)(
            settings=app.services.settings, db=app.services.db, clock=clock, instance_id="doomed"
        )
        assert len(await dead.claim()) == 3  # claimed, then the instance dies before sending anything
        assert await app.outbox.drain() == 0
        clock.advance(seconds=11)
        assert await app.outbox.drain() == 3
        assert len(sink.posts) == 3 and sink.lookups == []  # never attempted: nothing to reconcile
    finally:
        await app.close()


async def test_a_sink_without_lookup_is_sent_again_once_after_a_crash_mid_send(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = NoLookupSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    try:
        await app.poll_all(force=True)
        [row] = await _rows(app)
        await _crash_mid_send(app, row.id, clock)
        assert await app.outbox.drain() == 1
        [row] = await _rows(app)
        assert row.status == "sent" and len(sink.posts) == 1  # at-least-once: the documented window
    finally:
        await app.close()


async def test_a_batch_message_interrupted_after_posting_marks_every_rider_sent(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=4), clock, sink, burst_limit=1)
    try:
        await app.poll_all(force=True)
        rows = await _rows(app)
        assert [r.kind for r in rows] == ["post", "batch", "batch", "batch"]
        # Send the post, then let the batch message reach the platform and "crash" before recording it.
        original = app.outbox._sent

        async def crash(*args: object, **kwargs: object) -> None:
            raise asyncio.CancelledError  # the process dies here

        app.outbox.batch_size = 5  # both rows claimed at once, whatever the database's default
        ids = await app.outbox.claim()
        await app.outbox.process(ids[0])
        app.outbox._sent = crash  # type: ignore[method-assign]
        try:
            await app.outbox.process(ids[1])
        except asyncio.CancelledError:
            pass
        app.outbox._sent = original  # type: ignore[method-assign]
        assert len(sink.posts) == 2 and sink.posts[1][2].kind == "batch" and len(sink.posts[1][2].summaries) == 3
        statuses = [r.status for r in await _rows(app)]
        assert statuses[0] == "sent" and set(statuses[1:]) == {"sending"}
        clock.advance(seconds=61)
        await app.outbox.drain()
        rows = await _rows(app)
        assert [r.status for r in rows] == ["sent"] * 4
        assert {r.message_id for r in rows[1:]} == {sink.posts[1][0]}
        assert len(sink.posts) == 2  # nothing posted twice
    finally:
        await app.close()


async def test_shutdown_finishes_the_rows_in_flight_and_leaves_the_rest(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=4), clock, sink)
    app.outbox.batch_size = 2  # the worker's claim: two rows in flight together
    stop = asyncio.Event()
    try:
        await app.poll_all(force=True)
        original = sink.send

        async def send_then_stop(alert):  # type: ignore[no-untyped-def]
            stop.set()  # SIGTERM arrives while the first delivery is in flight
            return await original(alert)

        sink.send = send_then_stop  # type: ignore[method-assign]
        assert await app.outbox.drain(stop) == 2
        rows = await _rows(app)
        assert [r.status for r in rows] == ["sent", "sent", "pending", "pending"]
        assert all(r.lease_owner is None for r in rows)
    finally:
        await app.close()


async def test_a_retry_goes_out_when_due_not_at_the_next_idle_tick(database_url: str, tmp_path: Path) -> None:
    """The worker sleeps up to `idle` between polls of the queue; a row it put back for Retry-After seconds
    wakes it when due. With a 60 s idle tick, only that wake-up can deliver within the test's wait."""
    from bot.ports import SystemClock

    sink = RecordingSink()
    sink.failures.append(Retryable("rec:room", "rate limited", retry_after=0.2))
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), SystemClock(), sink)
    stop = asyncio.Event()
    try:
        await app.poll_all(force=True)
        worker = asyncio.create_task(app.outbox.run(stop, idle=60))
        app.outbox.wake.set()
        for _ in range(200):  # up to 10 s, far below the idle tick
            # The row is marked sent just after the sink returns: wait for both, not only the post.
            if sink.posts and [r.status for r in await _rows(app)] == ["sent"]:
                break
            await asyncio.sleep(0.05)
        assert len(sink.posts) == 1
        [row] = await _rows(app)
        assert row.status == "sent" and row.attempts == 2
        stop.set()
        await asyncio.wait_for(worker, timeout=10)
        assert app.outbox._timers == set()
    finally:
        stop.set()
        await app.close()


async def test_a_claimed_batch_is_sent_in_order_and_each_row_keeps_its_own_outcome(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    """process_many: one claim of several rows; a failure retries that row only, the others are sent in order."""
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=4), clock, sink)
    try:
        await app.poll_all(force=True)
        rows = await _rows(app)
        assert len(rows) == 4
        sink.failures.append(Retryable("rec:room", "rate limited", retry_after=2))  # the first send of the claim
        assert await app.outbox.drain() == 4  # one claim (batch of 5 on SQLite, 8 on PostgreSQL)
        rows = await _rows(app)
        assert [r.status for r in rows] == ["pending", "sent", "sent", "sent"]
        assert list(sink.keys()) == [delivery_key(r.id) for r in rows[1:]]  # oldest first
        assert rows[0].attempts == 1 and rows[0].last_error and "rate limited" in rows[0].last_error
        clock.advance(seconds=2)
        assert await app.outbox.drain() == 1
        assert [r.status for r in await _rows(app)] == ["sent"] * 4
    finally:
        await app.close()


async def test_a_slow_send_keeps_its_lease_and_a_dead_ones_frees_fast(database_url: str, tmp_path: Path) -> None:
    """The send lease is short and renewed while the sink call runs: a platform call longer than the
    lease is never taken over by another instance, and a row whose instance died mid-send is free again
    one lease later (not after a minute)."""
    from datetime import timedelta as td

    from bot.ports import SystemClock
    from bot.services import Services

    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), SystemClock(), sink)
    try:
        await app.poll_all(force=True)
        app.outbox.send_lease = td(seconds=1.2)  # renewed every 0.4 s
        original = sink.send

        async def slow_send(alert):  # type: ignore[no-untyped-def]
            await asyncio.sleep(3.0)  # two and a half leases
            return await original(alert)

        sink.send = slow_send  # type: ignore[method-assign]
        other = Outbox(Services(settings=app.settings, db=app.services.db, clock=app.clock, instance_id="other"), {})
        sending = asyncio.create_task(app.outbox.drain())
        for _ in range(100):  # until the row is claimed and in flight
            if [r.status for r in await _rows(app)] == ["sending"]:
                break
            await asyncio.sleep(0.05)
        stolen: list[int] = []
        while not sending.done():
            stolen.extend(await other.claim())
            await asyncio.sleep(0.1)
        assert await sending == 1 and stolen == [] and len(sink.posts) == 1
        [row] = await _rows(app)
        assert row.status == "sent"
        # An instance that dies mid-send stops renewing: its row is due again after one lease.
        async with app.services.db.session() as session:
            await session.execute(
                update(Delivery).values(
                    status="sending", lease_owner="dead", lease_until=app.clock.now() + td(seconds=1.2)
                )
            )
        assert await other.claim() == []
        await asyncio.sleep(1.4)
        assert await other.claim() == [row.id]
    finally:
        await app.close()
