"""Digests fire on schedule under an injected clock (no sleeps) and land in the outbox as one message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.alerts.digest import JOB_ID, due_slot, run_digests, schedule_digests
from bot.storage.tables import Delivery, Subscription
from tests.support.commands import (
    MEMBER,
    STORY_ID,
    body,
    insert_article,
    insert_seed_story,
    run,
)

RULE = "armenia-azerbaijan"


async def deliveries(services) -> list[Delivery]:
    async with services.db.session() as session:
        return list((await session.scalars(select(Delivery).order_by(Delivery.id))).all())


@pytest.fixture
async def subscribed(core):
    reply = await run(core, f"watch add {RULE} --places Armenia,Azerbaijan --severity urgent --yes")
    assert reply.ok, body(reply)
    return core


def test_due_slot_hourly():
    since = datetime(2026, 11, 24, 12, 0, 30, tzinfo=UTC)
    assert due_slot("hourly", None, None, since, datetime(2026, 11, 24, 12, 59, tzinfo=UTC)) is None
    assert due_slot("hourly", None, None, since, datetime(2026, 11, 24, 13, 0, 5, tzinfo=UTC)) == datetime(
        2026, 11, 24, 13, 0, tzinfo=UTC
    )


def test_due_slot_daily_in_local_time_across_dst():
    # 08:00 in Paris is 07:00 UTC in winter and 06:00 UTC in summer.
    winter_since = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert due_slot("daily", "08:00", "Europe/Paris", winter_since, datetime(2026, 11, 25, 6, 59, tzinfo=UTC)) is None
    assert due_slot(
        "daily", "08:00", "Europe/Paris", winter_since, datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    ) == datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    summer_since = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert due_slot("daily", "08:00", "Europe/Paris", summer_since, datetime(2026, 7, 2, 6, 1, tzinfo=UTC)) == datetime(
        2026, 7, 2, 6, 0, tzinfo=UTC
    )
    assert due_slot("immediate", None, None, summer_since, datetime(2026, 7, 3, tzinfo=UTC)) is None


async def test_daily_digest_fires_at_local_time_once(subscribed, services, clock):
    core = subscribed
    chan = "slack:T1/C1"
    assert (await run(core, f"subscribe {RULE} --digest daily --at 08:00 --tz Europe/Paris --channel {chan}")).ok
    await insert_seed_story(services, clock.now() + timedelta(hours=1))  # after the subscription, 13:00/14:00
    clock.advance(hours=3)
    assert await run_digests(services) == []
    clock.current = datetime(2026, 11, 25, 6, 59, tzinfo=UTC)
    assert await run_digests(services) == []
    clock.current = datetime(2026, 11, 25, 7, 0, 20, tzinfo=UTC)  # 08:00:20 in Paris
    alerts = await run_digests(services)
    assert len(alerts) == 1
    alert = alerts[0]
    assert alert.kind == "digest" and alert.channel == chan
    assert [s.story_id for s in alert.summaries] == [STORY_ID]
    assert len(alert.summaries[0].sources) == 2
    assert "Daily digest for armenia-azerbaijan: 1 story" in (alert.title or "")
    rows = await deliveries(services)
    assert len(rows) == 1 and rows[0].kind == "digest" and rows[0].status == "pending" and rows[0].channel == chan
    # The outbox worker reads the payload back with the shared codec.
    from bot.codec import summary_from_dict

    assert summary_from_dict(rows[0].payload["summaries"][0]).story_id == STORY_ID
    assert rows[0].payload["title"] == alert.title
    # Nothing twice: the same minute, and later the same day.
    assert await run_digests(services) == []
    clock.advance(hours=5)
    assert await run_digests(services) == []
    # Next day: nothing new happened, so nothing is sent.
    clock.current = datetime(2026, 11, 26, 7, 1, tzinfo=UTC)
    assert await run_digests(services) == []
    assert len(await deliveries(services)) == 1


async def test_hourly_digest_covers_only_the_new_period(subscribed, services, clock):
    core = subscribed
    assert (await run(core, f"subscribe {RULE} --digest hourly")).ok
    await insert_seed_story(services, clock.now() + timedelta(minutes=10))  # 12:10 and 13:10
    clock.current = datetime(2026, 11, 24, 12, 59, tzinfo=UTC)
    assert await run_digests(services) == []
    clock.current = datetime(2026, 11, 24, 13, 0, 1, tzinfo=UTC)
    first = await run_digests(services)
    assert len(first) == 1 and first[0].summaries[0].story_id == STORY_ID
    # The second seed article (13:10) is news in the next hour: the story comes again with both sources.
    clock.current = datetime(2026, 11, 24, 14, 0, 1, tzinfo=UTC)
    second = await run_digests(services)
    assert len(second) == 1 and len(second[0].summaries[0].sources) == 2
    clock.current = datetime(2026, 11, 24, 15, 0, 1, tzinfo=UTC)
    assert await run_digests(services) == []


async def test_muted_story_and_disabled_rule_are_left_out(subscribed, services, clock):
    core = subscribed
    assert (await run(core, f"subscribe {RULE} --digest hourly")).ok
    await insert_seed_story(services, clock.now() + timedelta(minutes=10))
    assert (await run(core, f"mute {STORY_ID}", MEMBER)).ok
    clock.current = datetime(2026, 11, 24, 14, 0, 1, tzinfo=UTC)
    assert await run_digests(services) == []
    assert (await run(core, f"unmute {STORY_ID}", MEMBER)).ok
    await insert_article(
        services,
        "late1",
        "Armenia talks resume",
        "Armenian envoy back in Baku.",
        clock.now() + timedelta(minutes=5),
        {"matches": [{"rule": RULE, "reason": "places", "severity": "routine"}]},
        story_id="s2",
    )
    assert (await run(core, f"watch disable {RULE}")).ok
    clock.current = datetime(2026, 11, 24, 15, 0, 1, tzinfo=UTC)
    assert await run_digests(services) == []
    assert await deliveries(services) == []


async def test_scheduled_job_fires_with_the_injected_clock(subscribed, services, clock):
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    core = subscribed
    assert (await run(core, f"subscribe {RULE} --digest hourly --channel discord:1/2")).ok
    await insert_seed_story(services, clock.now() + timedelta(minutes=1))
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.start(paused=True)  # registered in the real job store, but nothing runs on its own
    job = schedule_digests(scheduler, services)
    assert job.id == JOB_ID and scheduler.get_job(JOB_ID) is not None
    assert schedule_digests(scheduler, services).id == JOB_ID  # idempotent: replaces, never duplicates
    assert len(scheduler.get_jobs()) == 1
    job = scheduler.get_job(JOB_ID)
    assert str(job.trigger).startswith("cron[")
    scheduler.shutdown(wait=False)
    clock.current = datetime(2026, 11, 24, 13, 0, 2, tzinfo=UTC)
    await job.func()  # what APScheduler runs each minute; time comes from the injected clock
    rows = await deliveries(services)
    assert [r.channel for r in rows] == ["discord:1/2"]
    async with services.db.session() as session:
        sub = await session.scalar(select(Subscription))
    assert sub.last_digest_at == clock.now()


async def test_bad_stored_zone_does_not_stop_other_digests(subscribed, services, clock):
    core = subscribed
    assert (await run(core, f"subscribe {RULE} --digest hourly --channel slack:T1/C1")).ok
    assert (await run(core, f"subscribe {RULE} --digest daily --at 08:00 --tz UTC --channel slack:T1/C2")).ok
    async with services.db.session() as session:
        sub = await session.scalar(select(Subscription).where(Subscription.channel == "slack:T1/C2"))
        sub.tz = "Mars/Olympus"
    await insert_seed_story(services, clock.now() + timedelta(minutes=1))
    clock.current = datetime(2026, 11, 25, 8, 0, 2, tzinfo=UTC)
    alerts = await run_digests(services)
    assert [a.channel for a in alerts] == ["slack:T1/C1"]


async def test_two_channels_on_one_rule_both_get_the_digest(subscribed, services, clock):
    core = subscribed
    for chan in ("slack:T1/C1", "slack:T1/C2"):
        assert (await run(core, f"subscribe {RULE} --digest hourly --channel {chan}")).ok
    await insert_seed_story(services, clock.now() + timedelta(minutes=1))
    clock.current = datetime(2026, 11, 24, 14, 0, 2, tzinfo=UTC)
    alerts = await run_digests(services)
    assert sorted(a.channel for a in alerts) == ["slack:T1/C1", "slack:T1/C2"]
    assert all(a.summaries[0].story_id == STORY_ID for a in alerts)
