"""Which outbox rows a story change writes (queue_for_story on a real database) and what counts as material."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.alerts.queue import casualty_rise, material_changes, queue_for_story, shown_state
from bot.models import Casualty, RuleMatch, Source, Summary
from bot.storage.db import Database
from bot.storage.tables import AlertRow, Delivery, Mute, Story, Subscription

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
MATCH = RuleMatch("ceasefire", "ceasefire (agreed)")


def src(n: int) -> Source:
    """The n-th source of a story."""
    return Source(f"a{n}", f"Title {n}", f"https://example.org/{n}", f"Outlet {n}", T0)


def summary(
    story: str = "s-1",
    sources: int = 1,
    *,
    ceasefire: str | None = "agreed",
    toll: int | None = None,
    people: tuple[str, ...] = (),
) -> Summary:
    """A story summary with `sources` sources."""
    casualty = Casualty(toll, "exact", "killed", None, True, "") if toll is not None else None
    return Summary(
        story,
        "Headline",
        ("A sentence.",),
        tuple(src(i) for i in range(sources)),
        ceasefire=ceasefire,
        casualty=casualty,
        people=people,
    )


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    """A migrated database with two channels subscribed to the ceasefire rule, and stories s-1..s-9."""
    database = Database(database_url)
    await database.migrate()
    async with database.session() as session:
        for channel in ("terminal", "webhook:https://hooks.example.org/x"):
            session.add(
                Subscription(tenant="local", channel=channel, rule="ceasefire", mode="immediate", created_at=T0)
            )
        for i in range(1, 10):
            session.add(Story(id=f"s-{i}", headline="h", first_seen=T0, last_seen=T0, state={}))
    try:
        yield database
    finally:
        await database.close()


async def queue(
    db: Database,
    s: Summary,
    *,
    eligible: bool = True,
    now: datetime = T0,
    watched: tuple[str, ...] = (),
    burst_limit: int = 5,
) -> list[tuple[str, str]]:
    """Run queue_for_story in its own transaction; returns (channel, kind) of the rows written."""
    async with db.session() as session:
        rows = await queue_for_story(
            session,
            tenant="local",
            summary=s,
            matches=[MATCH],
            eligible=eligible,
            watched=watched,
            now=now,
            first_seen=now,
            burst_limit=burst_limit,
            burst_window=timedelta(minutes=10),
        )
        return [(r.channel, r.kind) for r in rows]


async def mark_sent(db: Database) -> None:
    """Pretend the outbox sent every pending row (message ids 1, 2, ...)."""
    async with db.session() as session:
        for row in (await session.scalars(select(Delivery).where(Delivery.status == "pending"))).all():
            row.status = "sent"
            if row.alert_id and row.kind in ("post", "batch"):
                alert = await session.get(AlertRow, row.alert_id)
                assert alert is not None
                alert.message_id = str(row.id)


async def test_first_matching_article_posts_once_per_subscribed_channel(db: Database) -> None:
    assert sorted(await queue(db, summary())) == [("terminal", "post"), ("webhook:https://hooks.example.org/x", "post")]
    assert await queue(db, summary()) == []  # the same sources again: nothing


async def test_not_eligible_or_muted_means_no_post(db: Database) -> None:
    assert await queue(db, summary("s-2"), eligible=False) == []
    async with db.session() as session:
        session.add(Mute(channel="terminal", story_id="s-3", tenant="local", created_at=T0))
    assert await queue(db, summary("s-3")) == [("webhook:https://hooks.example.org/x", "post")]


async def test_a_new_source_edits_each_posted_alert_once(db: Database) -> None:
    await queue(db, summary())
    await mark_sent(db)
    rows = await queue(db, summary(sources=2))
    assert sorted(rows) == [("terminal", "edit"), ("webhook:https://hooks.example.org/x", "edit")]
    # A third source before the edit went out: the pending edit will render the newest story.
    assert await queue(db, summary(sources=3)) == []


async def test_nothing_is_queued_while_the_post_is_pending(db: Database) -> None:
    await queue(db, summary(toll=20))
    assert await queue(db, summary(sources=2, toll=400, ceasefire="collapsed")) == []
    async with db.session() as session:
        alert = (await session.scalars(select(AlertRow).where(AlertRow.channel == "terminal"))).one()
    assert alert.shown["casualty"] == 400 and alert.shown["sources"] == ["a0", "a1"]  # the post will show it


async def test_material_change_queues_one_follow_up_naming_the_new_source(db: Database) -> None:
    await queue(db, summary(toll=200))
    await mark_sent(db)
    async with db.session() as session:
        rows = await queue_for_story(
            session,
            tenant="local",
            summary=summary(sources=2, toll=286, ceasefire="violated"),
            matches=[MATCH],
            eligible=True,
            watched=(),
            now=T0,
            first_seen=T0,
        )
        follow = [r for r in rows if r.kind == "followup" and r.channel == "terminal"]
        assert len(follow) == 1
        change = follow[0].payload["change"]
    assert "ceasefire status changed: agreed -> violated" in change
    assert "casualty figure rose to 286 killed (was 200)" in change
    assert "Outlet 1" in change and "https://example.org/1" in change


async def test_burst_beyond_the_limit_becomes_batch_rows(db: Database) -> None:
    kinds = []
    for i in range(1, 5):
        kinds += [k for c, k in await queue(db, summary(f"s-{i}"), burst_limit=2) if c == "terminal"]
    assert kinds == ["post", "post", "batch", "batch"]
    later = T0 + timedelta(minutes=11)
    assert [k for c, k in await queue(db, summary("s-5"), now=later, burst_limit=2) if c == "terminal"] == ["post"]


async def test_an_alert_sent_in_a_batch_is_never_edited_but_gets_follow_ups(db: Database) -> None:
    for i in range(1, 4):
        await queue(db, summary(f"s-{i}"), burst_limit=2)
    await mark_sent(db)
    rows = await queue(db, summary("s-3", sources=2), burst_limit=2)
    assert rows == []
    rows = await queue(db, summary("s-3", sources=3, ceasefire="collapsed"), burst_limit=2)
    assert sorted(rows) == [("terminal", "followup"), ("webhook:https://hooks.example.org/x", "followup")]


def test_casualty_rise_threshold_is_max_10_or_20_percent() -> None:
    assert casualty_rise(200, 240) and not casualty_rise(200, 239)
    assert casualty_rise(20, 30) and not casualty_rise(20, 29)
    assert casualty_rise(None, 10) and not casualty_rise(None, 9)
    assert not casualty_rise(300, 250)  # a lower figure is never a rise


def test_material_changes() -> None:
    shown = shown_state(summary(toll=200, people=("Antony Blinken",)))
    assert material_changes(shown, summary(toll=230, people=("Antony Blinken",)), ["Nikol Pashinyan"]) == []
    changes = material_changes(
        shown,
        summary(toll=200, ceasefire="collapsed", people=("Antony Blinken", "Nikol Pashinyan", "Someone Else")),
        ["nikol pashinyan"],
    )
    assert changes == ["ceasefire status changed: agreed -> collapsed", "Nikol Pashinyan is now involved"]
    # Injuries shown, then a first death toll: news of its own.
    injured = {**shown_state(summary(toll=None)), "casualty": 300, "casualty_kind": "injured"}
    assert material_changes(injured, summary(toll=12), []) == ["casualty figure reported: 12 killed"]
