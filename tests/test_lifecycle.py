"""The alert lifecycle through the real App, pipeline, outbox and terminal adapter on a real database.

Feed items go in with `Pipeline.ingest`; what a channel would see is read back from the terminal
adapter's output. Time moves with the injected clock.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from adapters.terminal import TerminalAdapter
from bot.app import App
from bot.ingest.items import FeedItem, content_hash, guid_key, link_key
from bot.settings import load_settings
from bot.storage.tables import ArticleRow, Delivery, Story
from tests.conftest import FakeClock
from tests.support.lifecycle import RULES, SEED_FILES, Harness, item, make_harness, seed, write_config


def edit_and_follow_up(bot: Harness) -> str:
    """Assert the last poll edited alert #1 and posted one follow-up (no new alert); its "What changed" line."""
    printed = bot.out.getvalue()
    assert bot.blocks("[ALERT]") == [], printed
    assert len(bot.blocks("[EDITED #1]")) == 1, printed
    follow = bot.blocks("[FOLLOW-UP to #1]")
    assert len(follow) == 1, printed
    return next(line for line in follow[0].splitlines() if "What changed:" in line)


TOLL_UPDATE = (
    "Armenia-Azerbaijan border clashes: death toll rises to 286 troops",
    (
        "The death toll from last week's shelling on the Armenia-Azerbaijan border has risen to 286 troops, "
        "officials in Yerevan and Baku said on Tuesday, as Armenian Foreign Minister Ararat Mirzoyan and "
        "Azerbaijani Foreign Minister Jeyhun Bayramov prepared for further talks hosted by U.S. Secretary of "
        "State Antony Blinken.\n"
        "Shelling in the Nagorno-Karabakh region killed 286 troops from both sides, the defence ministries of "
        "Armenia and Azerbaijan said in updated figures.\n"
        "Both countries blamed each other for starting the fighting, the worst since the 2020 war."
    ),
)


async def test_seeds_become_one_alert_with_two_sources(bot: Harness, database_url: str) -> None:
    await bot.poll(seed(0), seed(1))
    alerts = bot.blocks("[ALERT]")
    assert len(alerts) == 1, bot.out.getvalue()
    alert = alerts[0]
    assert "Sources (2):" in alert
    for path in SEED_FILES:
        assert path.name in alert
    assert "your support" not in alert.lower() and "donation" not in alert.lower()
    facts = next(line for line in alert.splitlines() if "Facts:" in line)
    assert "200" in facts and "6,700" not in facts and "400" not in facts  # never a sum, never background
    async with bot.app.services.db.session() as session:
        stories = (await session.scalars(select(Story))).all()
        articles = (await session.scalars(select(ArticleRow))).all()
    assert len(stories) == 1
    assert {a.story_id for a in articles} == {stories[0].id}


async def test_second_seed_in_a_later_poll_edits_the_alert(bot: Harness) -> None:
    await bot.poll(seed(0))
    assert len(bot.blocks("[ALERT]")) == 1
    assert "Sources (1):" in bot.blocks("[ALERT]")[0]
    bot.take()
    bot.clock.advance(hours=1)
    await bot.poll(seed(1))
    printed = bot.out.getvalue()
    assert bot.blocks("[ALERT]") == [], printed
    edits = bot.blocks("[EDITED #1]")
    assert len(edits) == 1, printed
    assert "Sources (2):" in edits[0] and SEED_FILES[1].name in edits[0]
    assert "your support" not in printed.lower()


async def test_a_later_article_raising_the_toll_posts_a_thread_follow_up(bot: Harness) -> None:
    await bot.poll(seed(0), seed(1))
    assert len(bot.blocks("[ALERT]")) == 1
    bot.take()
    bot.clock.advance(hours=20)  # a day later: the newer figure supersedes the earlier reports
    title, text = TOLL_UPDATE
    await bot.poll(item(title, text, "https://wire.example/2026/armenia-azerbaijan-toll", outlet="Wire"))
    change = edit_and_follow_up(bot)
    assert "286" in change and "was 200" in change
    assert "Wire" in change and "wire.example" in change  # the new source is named


async def test_no_follow_up_for_a_small_rise(bot: Harness) -> None:
    await bot.poll(seed(0), seed(1))
    bot.take()
    bot.clock.advance(hours=20)
    title, text = TOLL_UPDATE
    small = text.replace("286", "209")  # +9: below max(10, 20% of 200)
    await bot.poll(item(title.replace("286", "209"), small, "https://wire.example/2026/toll-209"))
    assert len(bot.blocks("[EDITED #1]")) == 1, bot.out.getvalue()
    assert bot.blocks("[FOLLOW-UP") == []


async def test_a_collapsed_ceasefire_posts_a_follow_up_naming_the_change(bot: Harness) -> None:
    await bot.poll(seed(0), seed(1))
    bot.take()
    bot.clock.advance(hours=30)
    await bot.poll(
        item(
            "Armenia-Azerbaijan ceasefire collapses as shelling resumes",
            "The ceasefire between Armenia and Azerbaijan collapsed on Wednesday as shelling resumed along the border, "
            "two days after U.S. Secretary of State Antony Blinken hosted Armenian Foreign Minister Ararat Mirzoyan and "
            "Azerbaijani Foreign Minister Jeyhun Bayramov in New York.\n"
            "Armenia and Azerbaijan blamed each other for breaking the truce in the Nagorno-Karabakh region.",
            "https://wire.example/2026/ceasefire-collapses",
            outlet="Wire",
        )
    )
    follow = bot.blocks("[FOLLOW-UP to #1]")
    assert len(follow) == 1, bot.out.getvalue()
    assert "ceasefire status changed: holding -> collapsed" in follow[0]


async def test_reposts_and_edited_items_never_post_twice(bot: Harness) -> None:
    base = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    title, text = TOLL_UPDATE
    first = item(title, text, "https://wire.example/a/toll?utm_source=rss", guid="wire-1", published=base)
    await bot.poll(first)
    assert len(bot.blocks("[ALERT]")) == 1
    bot.take()
    bot.clock.advance(minutes=30)
    retitled = replace(
        first,
        key=link_key(first.url, "UPDATED: " + title, text),
        guid=None,
        title="UPDATED: " + title,
        content_hash=content_hash("UPDATED: " + title, text),
    )
    new_guid = replace(
        first, key=guid_key("wire-1-v2", scope="test.example"), guid="wire-1-v2", published=base + timedelta(hours=1)
    )
    same_text_elsewhere = item(title, text, "https://mirror.example/copy-of-toll", outlet="Mirror")
    await bot.poll(retitled, new_guid, same_text_elsewhere)
    await bot.poll(retitled, new_guid, same_text_elsewhere)  # and the same again on the next poll
    printed = bot.out.getvalue()
    assert printed == "", printed
    async with bot.app.services.db.session() as session:
        assert len((await session.scalars(select(ArticleRow))).all()) == 1
        posts = (await session.scalars(select(Delivery).where(Delivery.kind == "post"))).all()
    assert len(posts) == 1


def _unrelated_stories() -> list[tuple[str, str]]:
    """Five different events (different countries, people and wording), each matching a rule."""
    return [
        (
            "Sudan army and RSF agree ceasefire in Khartoum",
            (
                "Sudan's army and the Rapid Support Forces agreed a ceasefire in Khartoum on Monday after talks in Jeddah, "
                "Saudi Arabia said. General Abdel Fattah al-Burhan welcomed the truce."
            ),
        ),
        (
            "Colombia and ELN rebels extend ceasefire",
            (
                "Colombia's government and ELN rebels agreed to extend their ceasefire by six months, President Gustavo "
                "Petro announced in Bogota after negotiations in Havana, Cuba."
            ),
        ),
        (
            "Bomb blast in Baghdad kills 31 people",
            (
                "A car bomb exploded in a crowded market in Baghdad on Thursday, killing 31 people, Iraqi police said. "
                "Prime Minister Mohammed Shia al-Sudani ordered an investigation."
            ),
        ),
        (
            "Ethiopia and Tigray forces sign truce in Pretoria",
            (
                "Ethiopia's government and Tigrayan forces signed a ceasefire agreement in Pretoria, South Africa, "
                "after African Union mediated talks, Prime Minister Abiy Ahmed said."
            ),
        ),
        (
            "Myanmar airstrike kills 54 villagers in Sagaing",
            (
                "A Myanmar military airstrike killed 54 villagers in the Sagaing region on Tuesday, local officials said. "
                "The United Nations condemned the attack on civilians."
            ),
        ),
    ]


async def test_first_poll_alerts_only_the_newest_backfill_items(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    h = await make_harness(database_url, write_config(tmp_path, backfill=1), clock)
    try:
        base = clock.now() - timedelta(days=1)
        stories = _unrelated_stories()
        items = [
            item(t, x, f"https://news.example/{i}", published=base + timedelta(hours=i))
            for i, (t, x) in enumerate(stories[:4])
        ]
        await h.poll(*items)
        alerts = h.blocks("[ALERT]")
        assert len(alerts) == 1, h.out.getvalue()
        assert stories[3][0] in alerts[0]  # the newest item only
        async with h.app.services.db.session() as session:
            assert len((await session.scalars(select(ArticleRow))).all()) == 4  # the rest stored, silently
        h.take()
        clock.advance(hours=1)
        t, x = stories[4]
        await h.poll(*items, item(t, x, "https://news.example/4", published=clock.now()))
        alerts = h.blocks("[ALERT]")
        assert len(alerts) == 1 and t in alerts[0], h.out.getvalue()
    finally:
        await h.app.close()


def _burst(stories: list[tuple[str, str]], clock: FakeClock) -> list[FeedItem]:
    """The stories as one poll's items, published a minute apart in the last ten minutes."""
    return [
        item(t, x, f"https://news.example/{i}", published=clock.now() - timedelta(minutes=10 - i))
        for i, (t, x) in enumerate(stories)
    ]


async def test_a_burst_beyond_the_limit_is_batched_into_one_message(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    h = await make_harness(
        database_url, write_config(tmp_path), clock, DIPLOBOT_BURST_LIMIT=2, DIPLOBOT_BURST_MINUTES=10
    )
    try:
        stories = _unrelated_stories()
        await h.poll(*_burst(stories, clock))
        printed = h.out.getvalue()
        assert len(h.blocks("[ALERT]")) == 2, printed
        batches = h.blocks("[BATCH]")
        assert len(batches) == 1, printed
        assert batches[0].count("[STORY]") == 3
        assert all(any(t in block for block in h.blocks("[ALERT]") + batches) for t, _ in stories)
        h.take()
        clock.advance(minutes=11)  # the burst window has passed: single posts again
        await h.poll(
            item(
                "Armenia and Azerbaijan agree ceasefire after border clashes",
                "Armenia and Azerbaijan agreed a ceasefire on Wednesday after border clashes, Armenian "
                "Prime Minister Nikol Pashinyan said in Yerevan.",
                "https://news.example/5",
            )
        )
        assert len(h.blocks("[ALERT]")) == 1 and h.blocks("[BATCH]") == [], h.out.getvalue()
    finally:
        await h.app.close()


async def test_flash_alerts_are_never_batched(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    """Past the burst limit the routine and urgent stories share one [BATCH] message, but each FLASH story
    still gets its own alert (issue 16, item 6: a FLASH alert went out inside "[BATCH] 2 new stories")."""
    cfg = write_config(tmp_path)
    (cfg / "rules.yaml").write_text(
        RULES.replace("        min_count: 10\n", "        min_count: 10\n    severity: flash\n"), encoding="utf-8"
    )
    h = await make_harness(database_url, cfg, clock, DIPLOBOT_BURST_LIMIT=1, DIPLOBOT_BURST_MINUTES=10)
    try:
        stories = _unrelated_stories()
        await h.poll(*_burst(stories, clock))
        printed = h.out.getvalue()
        batches = h.blocks("[BATCH]")
        assert len(batches) == 1 and batches[0].count("[STORY]") >= 2, printed  # the burst limit was hit
        assert "[FLASH]" not in batches[0], printed
        flash = [b for b in h.blocks("[ALERT]") if b.strip().startswith("[ALERT] [FLASH]")]
        assert sorted(t for t, _ in stories if any(t in b for b in flash)) == [
            "Bomb blast in Baghdad kills 31 people",
            "Myanmar airstrike kills 54 villagers in Sagaing",
        ], printed
    finally:
        await h.app.close()


async def test_an_edit_queued_before_its_post_is_sent_is_superseded(bot: Harness) -> None:
    # Both seeds arrive in separate polls before the outbox runs: one post showing both, no edit.
    await bot.app.pipeline.ingest(bot.feed_id, [seed(0)])
    bot.clock.advance(minutes=5)
    await bot.app.pipeline.ingest(bot.feed_id, [seed(1)])
    await bot.app.outbox.drain()
    printed = bot.out.getvalue()
    assert len(bot.blocks("[ALERT]")) == 1 and "Sources (2):" in printed, printed
    assert "[EDITED" not in printed


async def test_the_story_window_is_configurable(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    h = await make_harness(database_url, write_config(tmp_path), clock, DIPLOBOT_STORY_WINDOW_HOURS=6)
    try:
        await h.poll(seed(0))
        clock.advance(hours=7)  # beyond the window: the same event told later is a new story
        await h.poll(seed(1))
        assert len(h.blocks("[ALERT]")) == 2, h.out.getvalue()
        assert re.search(r"\[EDITED", h.out.getvalue()) is None
    finally:
        await h.app.close()


async def test_a_newly_involved_watched_official_posts_a_follow_up(bot: Harness) -> None:
    await bot.poll(seed(1))  # the AP story: Blinken, Mirzoyan, Bayramov
    bot.take()
    bot.clock.advance(hours=2)
    await bot.poll(seed(0))  # the other adds the leaders, Pashinyan and Aliyev (watched by the test rules)
    follow = bot.blocks("[FOLLOW-UP to #1]")
    assert len(follow) == 1, bot.out.getvalue()
    change = next(line for line in follow[0].splitlines() if "What changed:" in line)
    assert "Nikol Pashinyan is now involved" in change and "Ilham Aliyev is now involved" in change
    assert "Ned Price" not in change  # named, but not watched by any rule


async def test_stories_survive_a_restart(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    cfg = write_config(tmp_path)
    first = await make_harness(database_url, cfg, clock)
    try:
        await first.poll(seed(0))
        assert len(first.blocks("[ALERT]")) == 1
    finally:
        await first.app.close()
    clock.advance(hours=3)
    second = await make_harness(database_url, cfg, clock)  # a new process: the index is rebuilt from the database
    try:
        await second.poll(seed(1))
        printed = second.out.getvalue()
        assert second.blocks("[ALERT]") == [], printed
        assert len(second.blocks("[EDITED #")) == 1 and "Sources (2):" in printed
    finally:
        await second.app.close()


async def test_one_story_across_two_feeds(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    cfg = write_config(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    with (cfg / "feeds.yaml").open("a", encoding="utf-8") as fh:
        fh.write(f"  - name: other\n    url: {other}\n    interval: 60\n    backfill: 50\n    outlet: Other\n")
    settings = load_settings(DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(cfg))
    out = io.StringIO()
    app = App(settings, clock=clock, adapters=[TerminalAdapter(None, stream=out, interactive=False)])
    await app.setup()
    try:
        first_feed, second_feed = await app.feed_ids()
        await app.pipeline.ingest(first_feed, [seed(0)])
        await app.outbox.drain()
        clock.advance(minutes=20)
        await app.pipeline.ingest(second_feed, [seed(1)])
        await app.outbox.drain()
        text = out.getvalue()
        assert text.count("[ALERT]") == 1 and text.count("[EDITED #1]") == 1, text
        async with app.services.db.session() as session:
            rows = (await session.scalars(select(ArticleRow))).all()
        assert {r.feed_id for r in rows} == {first_feed, second_feed} and len({r.story_id for r in rows}) == 1
    finally:
        await app.close()


async def test_a_poll_bigger_than_every_query_batch_is_ingested_whole(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    """Ingestion batches its queries per poll (IN lists of 500, inserts of 200 rows): a 1,100-item poll
    with in-poll reposts must store every article once and queue exactly one post per new story."""
    cfg = write_config(tmp_path, backfill=100000)
    (cfg / "rules.yaml").write_text("rules:\n  - name: marker\n    query: zqmarker\n", encoding="utf-8")
    h = await make_harness(database_url, cfg, clock, DIPLOBOT_BURST_LIMIT=100000)
    try:
        words = "amber basalt cobalt dune ember fjord granite harbor island jasper kelp lagoon".split()
        items = [
            item(
                f"Report {n} zqmarker",
                " ".join(f"{w}{n}x{k}" for k, w in enumerate(words)) + " zqmarker.",
                f"https://news.example/{n}",
            )
            for n in range(1100)
        ]
        reposts = [replace(items[n], key=f"repost-{n}", url=f"https://mirror.example/{n}") for n in range(0, 1100, 100)]
        result = await h.app.pipeline.ingest(h.feed_id, items + reposts)
        assert result.new_articles == 1100 and result.deliveries == 1100
        async with h.app.services.db.session() as session:
            assert len((await session.scalars(select(ArticleRow.id))).all()) == 1100
            assert len((await session.scalars(select(Story.id))).all()) == 1100
            posts = (await session.scalars(select(Delivery.payload).where(Delivery.kind == "post"))).all()
        assert len({p["story_id"] for p in posts}) == len(posts) == 1100
        again = await h.app.pipeline.ingest(h.feed_id, items + reposts)  # the next poll: nothing new
        assert again.new_articles == 0 and again.deliveries == 0 and again.seen == 1111
    finally:
        await h.app.close()


async def test_an_article_edited_in_place_with_a_higher_toll_posts_a_follow_up(bot: Harness) -> None:
    """Outlets update a story at the same URL and guid ("death toll rises to ..."): the stored article
    takes the new text, and the channel gets an edit and a follow-up, never a second alert."""
    title, text = TOLL_UPDATE
    first_title, first_text = title.replace("286", "120"), text.replace("286", "120")
    url = "https://wire.example/2026/border-toll"
    await bot.poll(item(first_title, first_text, url, guid="wire-toll-1"))
    assert len(bot.blocks("[ALERT]")) == 1, bot.out.getvalue()
    bot.take()
    bot.clock.advance(hours=3)
    await bot.poll(item(title, text, url, guid="wire-toll-1"))  # same guid and URL, new text
    change = edit_and_follow_up(bot)
    assert "286" in change and "was 120" in change and "wire.example" in change
    async with bot.app.services.db.session() as session:
        [row] = (await session.scalars(select(ArticleRow))).all()
    assert "286" in row.text and row.content_hash == content_hash(title, text)
    bot.take()
    await bot.poll(item(title, text, url, guid="wire-toll-1"))  # the next poll: unchanged, nothing sent
    assert bot.out.getvalue() == ""


async def test_an_edit_that_moves_no_fact_is_stored_silently(bot: Harness) -> None:
    title, text = TOLL_UPDATE
    url = "https://wire.example/2026/border-toll"
    await bot.poll(item(title, text, url, guid="wire-toll-2"))
    bot.take()
    fixed = text.replace("Both countries blamed", "Both countries have blamed")  # a copy edit
    await bot.poll(item(title, fixed, url, guid="wire-toll-2"))
    assert bot.out.getvalue() == ""
    async with bot.app.services.db.session() as session:
        [row] = (await session.scalars(select(ArticleRow))).all()
    assert "have blamed" in row.text  # /brief quotes the current text


async def test_a_summary_in_place_of_the_full_text_is_not_an_edit(bot: Harness) -> None:
    """A full-text feed whose page fetch fails on a later poll gives only the short summary: the stored
    full text stays, and nothing is sent."""
    title, text = TOLL_UPDATE
    url = "https://wire.example/2026/border-toll"
    await bot.poll(item(title, text, url, guid="wire-toll-3"))
    bot.take()
    await bot.poll(item(title, text.split("\n")[0][:150], url, guid="wire-toll-3"))
    assert bot.out.getvalue() == ""
    async with bot.app.services.db.session() as session:
        [row] = (await session.scalars(select(ArticleRow))).all()
    assert row.text == text
