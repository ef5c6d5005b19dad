"""PostgreSQL specifics: SKIP LOCKED claims, and the settings that select it (skipped without a server)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from bot.alerts.outbox import Outbox
from bot.services import Services
from bot.settings import load_settings
from bot.storage.tables import Delivery
from tests.conftest import FakeClock
from tests.support.delivery import RecordingSink, make_app, make_config


def test_postgres_url_is_accepted_by_settings() -> None:
    s = load_settings(DIPLOBOT_DATABASE_URL="postgresql+asyncpg://u:p@127.0.0.1:5432/db")
    assert s.database_url.startswith("postgresql+asyncpg://")


async def test_a_row_locked_by_another_instance_is_skipped_not_waited_for(
    tmp_path: Path, clock: FakeClock, postgres_url: str
) -> None:
    database_url = postgres_url
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=3), clock, sink)
    try:
        await app.poll_all(force=True)
        other = Outbox(Services(settings=app.settings, db=app.services.db, clock=clock, instance_id="other"), {})
        async with app.services.db.sessions() as locker, locker.begin():
            # Another instance is in the middle of claiming the first row: it holds its row lock.
            first = await locker.scalar(select(Delivery.id).order_by(Delivery.id).limit(1).with_for_update())
            app.outbox.batch_size = 5
            ids = await app.outbox.claim()
            assert first not in ids and len(ids) == 2
        assert await other.claim() == [first]
        clock.advance(seconds=11)
        assert await app.outbox.drain() == 3 and len(sink.posts) == 3
    finally:
        await app.close()


async def test_claims_in_parallel_never_overlap(tmp_path: Path, clock: FakeClock, postgres_url: str) -> None:
    import asyncio

    database_url = postgres_url
    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, feeds=2, articles_per_feed=20), clock, sink)
    try:
        await app.poll_all(force=True)
        workers = [
            Outbox(
                Services(settings=app.settings, db=app.services.db, clock=clock, instance_id=f"w{n}"), {}, batch_size=3
            )
            for n in range(6)
        ]
        claims = await asyncio.gather(*(w.claim() for w in workers for _ in range(3)))
        flat = [i for c in claims for i in c]
        assert len(flat) == len(set(flat)) == 40
        clock.advance(seconds=timedelta(seconds=11).total_seconds())
        assert await app.outbox.drain() == 40
    finally:
        await app.close()


async def test_a_dropped_connection_costs_one_attempt_and_loses_nothing(
    tmp_path: Path, clock: FakeClock, postgres_url: str
) -> None:
    """No pre-ping: when the server drops the pooled connections (a restart, a failover), the next
    operation fails once, the pool replaces them, and the retry delivers everything."""
    import asyncpg
    import pytest

    sink = RecordingSink()
    app = await make_app(postgres_url, make_config(tmp_path, articles_per_feed=3), clock, sink)
    try:
        await app.poll_all(force=True)
        plain = postgres_url.replace("postgresql+asyncpg", "postgresql")
        admin = await asyncpg.connect(plain.rsplit("/", 1)[0] + "/postgres")
        try:
            killed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1",
                postgres_url.rsplit("/", 1)[1],
            )
        finally:
            await admin.close()
        assert killed >= 1
        with pytest.raises(Exception):  # noqa: B017 - the driver's own disconnect error, whichever it is
            await app.outbox.drain()
        assert await app.outbox.drain() == 3 and len(sink.posts) == 3
    finally:
        await app.close()


async def test_a_claim_never_takes_more_than_its_batch(tmp_path: Path, clock: FakeClock, postgres_url: str) -> None:
    """The claim picks rows in a MATERIALIZED CTE: as an IN (subquery) PostgreSQL re-ran the LIMIT 1 pick
    and one claim took all three rows."""
    sink = RecordingSink()
    app = await make_app(postgres_url, make_config(tmp_path, articles_per_feed=3), clock, sink)
    try:
        await app.poll_all(force=True)
        assert app.outbox.concurrency == 4 and app.outbox.batch_size == 8
        app.outbox.batch_size = 1
        first = await app.outbox.claim()
        assert len(first) == 1
        clock.advance(seconds=6)  # past the 5 s claim lease: the row is due again for anyone
        assert await app.outbox.drain() == 3 and len(sink.posts) == 3
    finally:
        await app.close()
