"""`brief` through the command core on a real migrated database holding the seed story."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.repo import search
from bot.repo.stories import ListedArticle, ListingCache, build_view, listed_members
from bot.storage.tables import Story
from tests.support.commands import (
    MEMBER,
    OTHER_ADMIN,
    STORY_ID,
    body,
    insert_article,
    insert_seed_story,
    run,
)


@pytest.fixture
async def seeded(services, clock):
    """The seed story stored two and one hours before the fake now."""
    await insert_seed_story(services, clock.now() - timedelta(hours=2))
    return services


@pytest.mark.parametrize(
    "topic", ["armenia", "Armenia", "blinken", "karabakh", "azeri", "Antony Blinken", "nagorno-karabakh", "Azerbaijani"]
)
async def test_brief_finds_the_seed_story(seeded, core, topic):
    reply = await run(core, f"brief {topic}", MEMBER)
    assert reply.ok, body(reply)
    assert reply.data["story_ids"] == [STORY_ID]
    assert len(reply.lines) == 1
    line = reply.lines[0]
    assert "file://" in line and "AP" in line and "The Independent" in line  # both sources linked
    assert reply.summaries and reply.summaries[0].story_id == STORY_ID
    assert len(reply.summaries[0].sources) == 2


async def test_brief_line_has_the_key_fact(seeded, core):
    reply = await run(core, "brief armenia")
    line = reply.lines[0]
    assert "200" in line and "killed" in line
    assert "6,700" not in line  # background figure, not the news
    assert "Blinken" in line


async def test_brief_resolves_kinds(seeded, core):
    assert (await run(core, "brief karabakh")).data["kind"] == "region"
    assert (await run(core, "brief blinken")).data["kind"] == "person"
    assert (await run(core, "brief azeri")).data["topic"] == "Azerbaijan"


async def test_brief_falls_back_to_full_text(seeded, core):
    reply = await run(core, "brief trilateral meeting")
    assert reply.ok and reply.data["kind"] == "search"
    assert reply.data["story_ids"] == [STORY_ID]


async def test_brief_on_an_empty_period_says_when_the_last_development_was(seeded, core, clock):
    clock.advance(days=5)
    reply = await run(core, "brief armenia --since 24h")
    assert reply.ok
    assert "Nothing new on Armenia in the last 24h" in reply.text
    assert "last development was 5d ago" in reply.text
    assert "Blinken" in reply.lines[0]
    assert reply.data["last"] == STORY_ID


async def test_brief_longer_period_finds_older_story(seeded, core, clock):
    clock.advance(days=5)
    assert (await run(core, "brief armenia --since 7d")).data["story_ids"] == [STORY_ID]


async def test_unknown_topic_gets_suggestions(seeded, core):
    reply = await run(core, "brief armnia")
    assert not reply.ok
    assert "Armenia" in reply.data["suggestions"]
    assert "Did you mean" in reply.text


async def test_bad_since_names_the_argument_and_shows_usage(seeded, core):
    reply = await run(core, "brief armenia --since yesterday")
    assert not reply.ok and reply.ephemeral
    assert "--since" in reply.text
    assert any(line.startswith("usage: brief") for line in reply.lines)


async def test_missing_topic_shows_usage(core):
    reply = await run(core, "brief")
    assert not reply.ok and "TOPIC" in reply.text and reply.lines


async def test_ranking_prefers_important_stories_and_limits(seeded, core, clock):
    for i in range(7):
        await insert_article(
            core.services,
            f"minor{i}",
            f"Armenia minor item {i}",
            "Armenia trade fair opens.",
            clock.now() - timedelta(minutes=10 + i),
            {"countries": ["Armenia"]},
            story_id=f"minor-{i}",
        )
    reply = await run(core, "brief armenia")
    assert reply.data["stories"] == 5
    assert reply.data["story_ids"][0] == STORY_ID  # ceasefire + casualties + officials beat fresher trivia
    reply = await run(core, "brief armenia --limit 2")
    assert len(reply.lines) == 2


async def test_brief_covers_articles_without_a_story(services, core, clock):
    await insert_article(
        services,
        "loose1",
        "Yerevan hosts talks",
        "Armenian and Azerbaijani envoys met.",
        clock.now() - timedelta(hours=1),
    )
    reply = await run(core, "brief armenia")
    assert reply.ok and reply.data["stories"] == 1
    assert "Yerevan hosts talks" in reply.lines[0]


async def test_search_index_follows_inserts_updates_and_deletes(services, clock):
    from sqlalchemy import delete, update

    from bot.repo.search import search_article_ids
    from bot.storage.tables import ArticleRow

    await insert_article(services, "fts1", "Envoys meet in Geneva", "A quiet round of talks.", clock.now())
    async with services.db.session() as session:
        assert await search_article_ids(session, ["Geneva"]) == ["fts1"]
        await session.execute(update(ArticleRow).where(ArticleRow.id == "fts1").values(title="Envoys meet in Oslo"))
    async with services.db.session() as session:
        assert await search_article_ids(session, ["Geneva"]) == []
        assert await search_article_ids(session, ["oslo"]) == ["fts1"]
        assert await search_article_ids(session, ["oslo"], since=clock.now() + timedelta(minutes=1)) == []
        await session.execute(delete(ArticleRow).where(ArticleRow.id == "fts1"))
    async with services.db.session() as session:
        assert await search_article_ids(session, ["oslo"]) == []
        assert await search_article_ids(session, ['"', "AND", "*"]) == []  # operators are quoted, never parsed


async def test_brief_on_a_rule_runs_the_tenants_rule(seeded, core):
    reply = await run(core, "watch add kb-ceasefire --places Karabakh --events ceasefire --yes")
    assert reply.ok, body(reply)
    brief = await run(core, "brief kb-ceasefire", MEMBER)
    assert brief.ok and brief.data["kind"] == "rule" and brief.data["story_ids"] == [STORY_ID]
    other = await run(core, "brief kb-ceasefire", OTHER_ADMIN, "slack:T2/C1")
    assert other.data.get("kind") != "rule"  # another tenant's rule is not a topic there


async def test_a_tenant_sees_only_articles_from_its_own_feeds(seeded, core, clock):
    from bot.storage.tables import SeenItem
    from tests.support.commands import fixture_feed

    other = await run(core, "brief armenia", OTHER_ADMIN, "slack:T2/C1")
    assert other.data.get("stories", 0) == 0 and "Blinken" not in body(other)
    # One of the two seed articles also reached the other workspace through its own feed.
    async with core.services.db.session() as session:
        feed_id = await fixture_feed(session, "slack:T2", clock.now())
        article = await session.scalar(select(SeenItem.article_id).limit(1))
        session.add(SeenItem(feed_id=feed_id, item_key="t2-" + article, article_id=article, seen_at=clock.now()))
    reply = await run(core, "brief armenia", OTHER_ADMIN, "slack:T2/C1")
    assert reply.data["story_ids"] == [STORY_ID]
    assert len(reply.summaries[0].sources) == 1  # never the other workspace's source
    assert len((await run(core, "brief armenia")).summaries[0].sources) == 2


async def test_a_story_list_reads_no_texts_and_shows_the_same_story(seeded):
    """The console's lists read each article without its text and only the listing part of its detection, from a
    cache when read before: the story is the same as built from whole articles, and asking why each source is
    there without texts is refused, not guessed."""
    cache = ListingCache(size=3)
    async with seeded.db.session() as session:
        story = await session.get(Story, STORY_ID)
        whole = (await search.articles_of_stories(session, [STORY_ID], "local"))[STORY_ID]
        first = (await listed_members(session, [STORY_ID], "local", cache))[STORY_ID]
        again = (await listed_members(session, [STORY_ID], "local", cache))[STORY_ID]
        uncached = (await listed_members(session, [STORY_ID], "local"))[STORY_ID]
    assert len(first) == 2 and all(isinstance(a, ListedArticle) and not hasattr(a, "text") for a in first)
    assert first == again == uncached
    assert all(len(json.dumps(a.detection)) < len(json.dumps(w.detection)) for a, w in zip(first, whole, strict=True))
    view = build_view(story, whole, STORY_ID, "local", reasons=False)
    assert build_view(story, first, STORY_ID, "local", reasons=False) == view
    assert len(view.summary.sources) == 2 and view.summary.casualty is not None and view.summary.people
    without_state = build_view(None, first, STORY_ID, "local", reasons=False)  # every part read from the detections
    assert without_state == build_view(None, whole, STORY_ID, "local", reasons=False)
    assert without_state.summary.casualty is not None and without_state.summary.sentences
    with pytest.raises(ValueError, match="needs the articles' texts"):
        build_view(story, first, STORY_ID, "local")


def test_the_listing_cache_keeps_the_most_recent_and_a_new_hash_is_a_new_entry():
    cache = ListingCache(size=2)
    cache.put(("a1", "h1"), {"countries": ["Armenia"]})
    cache.put(("a2", "h2"), {"countries": ["Sudan"]})
    assert cache.get(("a1", "h1")) == {"countries": ["Armenia"]}  # read: now the most recent
    cache.put(("a3", "h3"), {"countries": ["Chad"]})
    assert cache.get(("a2", "h2")) is None and cache.get(("a1", "h1")) is not None
    assert cache.get(("a1", "edited")) is None  # an edited article (new content hash) is read again


async def test_a_damaged_stored_detection_reads_as_empty_and_the_story_stays_listed(seeded, core):
    """A detection row written by an older version or damaged (not an object; entries of the wrong shape) is
    read as empty, entry by entry: the brief and the story view still work from the other report."""
    from sqlalchemy import update

    from bot.storage.tables import ArticleRow

    async with seeded.db.session() as session:
        ids = sorted((await session.scalars(select(ArticleRow.id).where(ArticleRow.story_id == STORY_ID))).all())
        await session.execute(
            update(ArticleRow).where(ArticleRow.id == ids[0]).values(detection=["not", "an", "object"])
        )
        await session.execute(
            update(ArticleRow)
            .where(ArticleRow.id == ids[1])
            .values(detection={"events": ["ceasefire"], "matches": [7, {"rule": "x"}], "people": "Blinken"})
        )
        await session.commit()
    reply = await run(core, "brief armenia")
    assert reply.ok, body(reply)
    assert reply.data["story_ids"] == [STORY_ID] and len(reply.summaries[0].sources) == 2
    async with seeded.db.session() as session:
        story = await session.get(Story, STORY_ID)
        listed = (await listed_members(session, [STORY_ID], "local"))[STORY_ID]
    view = build_view(story, listed, STORY_ID, "local", reasons=False)
    assert len(view.summary.sources) == 2
