"""A wrong merge can be undone (issue 14, item 4): `story split STORY ARTICLE`, for admins, gives the article a story
of its own, which alerts as its own story where it matches; the old story's alert is edited; the split sticks.

Through the real CLI in a subprocess next to a running App (terminal adapter), and through the real Slack (Bolt,
Socket Mode) and Discord (discord.py) adapters against the local fake servers, where a member is refused.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.storage.tables import ArticleRow
from tests.conftest import FakeClock
from tests.support.discord_requests import opt
from tests.support.discord_server import MANAGE_GUILD, MEMBER_USER, TEXT_CHANNEL, FakeDiscord
from tests.support.lifecycle import FIRST, TOLL, Harness, item, make_harness, write_config
from tests.support.platform_apps import (
    DISCORD_CHANNEL,
    SEED_SOURCES,
    SLACK_CHANNEL,
    app_for,
    cli,
    discord,
    env_for,
    slack,
    started,
    stopped,
)
from tests.support.slack_server import (
    FakeSlack,
)


async def stories_of(app: Any) -> dict[str, str | None]:
    """Article title -> story id, as stored."""
    async with app.services.db.session() as session:
        return {r.title: r.story_id for r in (await session.execute(select(ArticleRow.title, ArticleRow.story_id)))}


async def test_an_admin_splits_an_article_out_from_the_cli_and_the_split_sticks(
    database_url: str, tmp_path: Path
) -> None:
    # The CLI runs on the real clock: so does the app here, or the article would be too old to be news.
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    cfg = write_config(tmp_path)
    h: Harness = await make_harness(database_url, cfg, clock)
    env = env_for(database_url, cfg)
    try:
        now = clock.now()
        toll = item(*TOLL, "https://news.example/dnipro-toll", published=now - timedelta(hours=1))
        await h.poll(item(*FIRST, "https://news.example/dnipro-strike", published=now - timedelta(hours=3)), toll)
        (alert,) = h.blocks("[ALERT]")
        story = (await stories_of(h.app))[TOLL[0]]
        assert story == (await stories_of(h.app))[FIRST[0]] and "Sources (2):" in alert
        h.take()

        shown = await cli(env, "story", "show", story)
        assert f"Story {story}: {FIRST[0]} (2 reports)" in shown and f'why: with "{FIRST[0]}"' in shown, shown
        said = await cli(env, "story", "split", story, "2")  # the second report, oldest first: the toll
        assert f"Split {TOLL[0]!r} out of story {story}: it is now story s-" in said, said
        split = (await stories_of(h.app))[TOLL[0]]
        assert split != story and (await stories_of(h.app))[FIRST[0]] == story

        # Past the CLI's real clock, which queued the deliveries: under load the CLI runs minutes after the app's
        # clock was set, so a fixed step of a minute could leave them not yet due.
        clock.current = max(clock.now(), datetime.now(UTC).replace(microsecond=0)) + timedelta(minutes=1)
        await h.app.outbox.drain()
        edited, posted = h.blocks("[EDITED #"), h.blocks("[ALERT]")
        assert len(edited) == 1 and "Sources (1):" in edited[0] and TOLL[0] not in edited[0], h.out.getvalue()
        assert len(posted) == 1 and TOLL[0] in posted[0] and f"Story: {split}" in posted[0], h.out.getvalue()

        # It sticks: the same items again, an edit of the split article, and another outlet's report of the toll.
        clock.advance(minutes=10)
        await h.poll(
            item(*FIRST, "https://news.example/dnipro-strike", published=now - timedelta(hours=3)),
            toll,
            item(
                TOLL[0],
                TOLL[1] + " Rescuers found two more survivors.",
                "https://news.example/dnipro-toll",
                published=now - timedelta(hours=1),
            ),
            item(
                TOLL[0],
                "Thirty people were killed when a Russian missile struck an apartment block in "
                "Dnipro, Ukraine, on Saturday, regional governor Serhiy Lysak said as rescuers searched "
                "the nine-storey building's rubble.",
                "https://other.example/dnipro",
                outlet="Other",
            ),
        )
        async with h.app.services.db.session() as session:
            rows = (await session.execute(select(ArticleRow.id, ArticleRow.url, ArticleRow.story_id))).all()
        by_url = {r.url: r for r in rows}
        assert by_url["https://news.example/dnipro-toll"].story_id == split
        assert by_url["https://news.example/dnipro-strike"].story_id == story
        # The running app's story index moved it too: what joins later is matched against where it now is.
        assert h.app.pipeline.stories.story_of(by_url["https://news.example/dnipro-toll"].id) == split
        shown = await cli(env, "story", "show", story)
        assert f"split out by an admin: {TOLL[0]} (now story {split})" in shown, shown
    finally:
        await h.app.close()


async def _seed_story(env: dict[str, str], app: Any) -> str:
    for channel in (SLACK_CHANNEL, DISCORD_CHANNEL):
        await cli(env, "subscribe", "ceasefire-developments", "--channel", channel)
    await app.poll_all(force=True)
    await app.outbox.drain()
    stories = set((await stories_of(app)).values())
    assert len(stories) == 1, stories
    return stories.pop()


async def _after_split(app: Any, slack_fake: FakeSlack, server: FakeDiscord, story: str) -> None:
    """The seed story is now two: one alert more in each channel, for the split article's own story."""
    await app.outbox.drain()
    stored = await stories_of(app)
    assert len(set(stored.values())) == 2 and list(stored.values()).count(story) == 1, stored
    # The outbox's messages (a Discord channel also holds the answers to the slash commands).
    delivered = [p for p in server.posts(TEXT_CHANNEL) if json.loads(p).get("nonce", "").startswith("dlv-")]
    for posts in (slack_fake.posts("C1"), delivered):
        assert len(posts) == 2, posts
        assert sum(title in posts[1] for title in SEED_SOURCES) == 1, posts[1]  # only the split article


async def _split_on(face: str, slack_fake: FakeSlack, database_url: str, config_dir: Path) -> None:
    """Alert on the seed story, then split its first report from `face`: a member is refused, an admin splits."""
    env = env_for(database_url, config_dir)
    async with FakeDiscord() as server:
        app = await started(app_for(env, slack_fake, server))
        try:
            story = await _seed_story(env, app)
            if face == "slack":
                refused = await slack(slack_fake, "/story", f"split {story} 1", user="UMEMBER")
                done = await slack(slack_fake, "/story", f"split {story} 1")
            else:
                split = [{"name": "split", "type": 1, "options": [opt("story", story), opt("article", "1")]}]
                refused = await discord(server, "story", split, user_id=MEMBER_USER)
                done = await discord(server, "story", split, permissions=MANAGE_GUILD)  # a server admin
            assert ("admins only" if face == "slack" else "Manage Server") in refused, refused
            assert f"out of story {story}: it is now story s-" in done, done
            await _after_split(app, slack_fake, server, story)
            if face == "slack":  # anyone may look: the story says what left it
                assert "split out by an admin" in await slack(slack_fake, "/story", f"show {story}", user="UMEMBER")
        finally:
            await stopped(app)


async def test_slack_admins_split_a_story_and_members_are_refused(
    slack_fake: FakeSlack, endpoints_untouched: Any, database_url: str, config_dir: Path
) -> None:
    await _split_on("slack", slack_fake, database_url, config_dir)


async def test_discord_admins_split_a_story_and_members_are_refused(
    slack_fake: FakeSlack, endpoints_untouched: Any, database_url: str, config_dir: Path
) -> None:
    await _split_on("discord", slack_fake, database_url, config_dir)
