"""Several instances on one database share the work: no feed polled twice per interval, no delivery sent twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from bot.storage.tables import Delivery, Feed
from tests.conftest import FakeClock
from tests.support.delivery import RecordingSink, make_app, make_config, write_articles


async def _together(dialect: str, *coros):  # type: ignore[no-untyped-def]
    """Run concurrently on PostgreSQL; one after another on SQLite (one writer at a time, no row locks)."""
    if dialect == "postgresql":
        return await asyncio.gather(*coros)
    return [await c for c in coros]


def _polls(app) -> float:  # type: ignore[no-untyped-def]
    return sum(s.value for m in app.metrics.polls.collect() for s in m.samples if s.name.endswith("_total"))


async def test_two_instances_never_poll_a_feed_twice_nor_send_a_delivery_twice(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    cfg = make_config(tmp_path, feeds=4, articles_per_feed=15)
    sink = RecordingSink()  # one platform shared by both instances
    a = await make_app(database_url, cfg, clock, sink, channels=("rec:room", "rec:other"))
    b = await make_app(database_url, cfg, clock, sink, channels=("rec:room", "rec:other"))
    dialect = a.services.db.dialect
    try:
        assert a.services.instance_id != b.services.instance_id
        for _ in range(3):  # every instance's scheduler fires every feed's job several times in one interval
            await _together(dialect, a.poll_all(), b.poll_all())
        assert _polls(a) + _polls(b) == 4  # each feed fetched once in this interval
        async with a.services.db.session() as session:
            assert all(f.last_poll == clock.now() for f in (await session.scalars(select(Feed))).all())

        await _together(dialect, a.outbox.drain(), b.outbox.drain(), a.outbox.drain(), b.outbox.drain())
        keys = Counter(sink.keys())
        assert len(keys) == 4 * 15 * 2 and max(keys.values()) == 1  # 60 stories x 2 channels, each once

        # The next interval: new articles, each feed polled once more, by whichever instance gets there first.
        for f in range(4):
            write_articles(tmp_path / "feeds" / str(f), 500 + f * 10, 2)
        clock.advance(seconds=61)
        for _ in range(2):
            await _together(dialect, b.poll_all(), a.poll_all())
        assert _polls(a) + _polls(b) == 8
        await _together(dialect, b.outbox.drain(), a.outbox.drain())
        keys = Counter(sink.keys())
        assert len(keys) == (60 + 8) * 2 and max(keys.values()) == 1
        async with a.services.db.session() as session:
            statuses = Counter((await session.scalars(select(Delivery.status))).all())
        assert statuses == {"sent": (60 + 8) * 2}
    finally:
        await a.close()
        await b.close()


async def test_a_killed_instances_leases_are_taken_over_after_expiry(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    cfg = make_config(tmp_path, feeds=2, articles_per_feed=3)
    sink = RecordingSink()
    a = await make_app(database_url, cfg, clock, sink)
    b = await make_app(database_url, cfg, clock, sink)
    try:
        # Instance a leases a feed, and claims deliveries, then is SIGKILLed (it just stops doing anything).
        async with a.services.db.session() as session:
            first = await session.scalar(select(Feed.id).order_by(Feed.id).limit(1))
        assert first is not None and await a.feeds._lease_feed(first, force=False) is not None
        await b.poll_all()
        assert _polls(b) == 1  # the leased feed is left alone while the lease holds
        b.outbox.batch_size = 5  # claim several at once (as on SQLite) so that b dies holding them all
        claimed = await b.outbox.claim()
        assert len(claimed) == 3
        # b dies holding those rows too; a (back from the dead, say restarted) must wait for the claim lease.
        assert await a.outbox.drain() == 0
        clock.advance(seconds=121)  # past the feed lease (max(120 s, interval)) and the delivery claim lease
        await a.poll_all()
        assert _polls(a) == 2  # the taken-over feed, and the other one, due again
        async with a.services.db.session() as session:
            feed = await session.get(Feed, first)
            assert feed is not None and feed.last_poll == clock.now() and feed.lease_owner is None
        await a.outbox.drain()
        keys = Counter(sink.keys())
        assert len(keys) == 6 and max(keys.values()) == 1
    finally:
        await a.close()
        await b.close()
