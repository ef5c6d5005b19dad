"""Workspaces and servers as their users meet them: a first /brief, a hostile feed, story ids.

The whole app runs with the real Slack (Socket Mode, Bolt) and Discord (discord.py) adapters against
the local fake servers; feeds are RSS served on loopback; the local operator's commands go through
the command core as the CLI sends them. Slack team TEAM is a benign workspace, T0HOSTILE a hostile
one; the Discord server is a third tenant.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import select

from bot.app import App
from bot.models import Caller
from bot.storage.tables import ArticleRow, Feed
from tests.support.discord_requests import opt
from tests.support.discord_server import MEMBER_USER, FakeDiscord
from tests.support.platform_apps import SEED_SOURCES, app_for, discord, env_for, slack, started, stopped
from tests.support.slack_server import (
    FakeSlack,
)

HOSTILE = "T0HOSTILE"
OPERATOR = Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")
REAL = (
    "Armenia and Azerbaijan agree ceasefire after talks in Geneva",
    "Armenia and Azerbaijan agreed a ceasefire on Tuesday after talks in Geneva, Foreign Minister Ararat "
    "Mirzoyan said. Both sides pledged to pull troops back from the border within a week.",
)
FORGED = (
    "Armenia-Azerbaijan ceasefire COLLAPSED, 5000 killed",
    "The ceasefire between Armenia and Azerbaijan COLLAPSED on Tuesday and 5000 soldiers were killed in "
    "border fighting, Foreign Minister Ararat Mirzoyan said.",
)
TREATY = (
    "Armenian and Azerbaijani ministers discuss peace treaty text",
    "The foreign ministers of Armenia and Azerbaijan met in Washington on Wednesday to discuss the text of "
    "a peace treaty, officials said. Ararat Mirzoyan called the talks constructive.",
)
PRIVATE = (
    "Sudan army and RSF resume truce talks in Jeddah",
    "Sudan's army and the Rapid Support Forces resumed ceasefire talks in Jeddah on Thursday, Saudi "
    "officials said, after fighting in Khartoum killed at least 30 people.",
)


class Feeds:
    """RSS feeds on loopback whose items a test changes between polls: /NAME.xml serves `items[NAME]`."""

    def __init__(self) -> None:
        self.items: dict[str, list[tuple[str, str, str]]] = {}  # feed -> (link, title, text)
        self.base = ""

    def url(self, name: str) -> str:
        return f"{self.base}/{name}.xml"

    async def rss(self, request: web.Request) -> web.Response:
        # An hour before the real clock: within today's brief and the story window (older items are not news).
        published = format_datetime(
            datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=1), usegmt=True
        )
        items = "".join(
            f"<item><guid>{link}</guid><title>{title}</title><link>{link}</link><description>{text}</description>"
            f"<pubDate>{published}</pubDate></item>"
            for link, title, text in self.items.get(request.match_info["name"], [])
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'
        return web.Response(text=body, content_type="application/rss+xml")


@pytest.fixture
async def feeds() -> AsyncIterator[Feeds]:
    served = Feeds()
    webapp = web.Application()
    webapp.router.add_get("/{name}.xml", served.rss)
    async with TestServer(webapp, host="127.0.0.1") as server:
        served.base = str(server.make_url("")).rstrip("/")
        yield served


async def operator(app: App, line: str) -> str:
    """A command of the local operator, as the CLI dispatches it."""
    reply = await app.core.run_text(line, OPERATOR)
    return "\n".join([reply.text, *reply.lines])


async def test_a_new_workspace_and_server_brief_at_once_on_what_is_stored(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path
) -> None:
    app = await started(app_for(env_for(database_url, config_dir), slack_fake, discord_fake))
    try:
        await app.poll_all(force=True)  # the operator's copy of the seeds stores the seed story
        from_slack = await slack(slack_fake, "/brief", "armenia")  # the workspace's very first command
        from_discord = await discord(discord_fake, "brief", [opt("topic", "armenia")])  # the server's first
    finally:
        await stopped(app)
    for reply in (from_slack, from_discord):
        assert "Nothing stored" not in reply and any(title in reply for title in SEED_SOURCES), reply


async def test_a_workspace_feed_cannot_rewrite_what_others_read(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path, feeds: Feeds
) -> None:
    real, treaty = ("https://news.example/geneva", *REAL), ("https://news.example/treaty", *TREATY)
    feeds.items["wire"] = [real]
    (config_dir / "feeds.yaml").write_text(
        f"feeds:\n  - name: wire\n    url: {feeds.url('wire')}\n    backfill: 10\n", encoding="utf-8"
    )
    app = await started(app_for(env_for(database_url, config_dir), slack_fake, discord_fake))
    try:
        await app.poll_all(force=True)
        assert REAL[0] in await slack(slack_fake, "/brief", "armenia")  # the benign workspace joins
        # The hostile workspace drops its copy of the wire and serves the wire's link with the same text, and a
        # link the wire has not published yet.
        assert "removed" in await slack(slack_fake, "/feeds", "remove wire", team=HOSTILE)
        feeds.items["hostile"] = [real, (treaty[0], *FORGED)]
        added = await slack(slack_fake, "/feeds", f"add {feeds.url('hostile')} --name hostile", team=HOSTILE)
        assert "added" in added, added
        await app.poll_all(force=True)
        # Then rewrites the shared link in place; the wire publishes the other link with its real text.
        feeds.items["hostile"] = [(real[0], *FORGED), (treaty[0], *FORGED)]
        feeds.items["wire"] = [real, treaty]
        await app.poll_all(force=True)
        await app.outbox.drain()
        briefs = {
            "operator": await operator(app, "brief armenia"),
            "workspace": await slack(slack_fake, "/brief", "armenia"),
            "server": await discord(discord_fake, "brief", [opt("topic", "armenia")]),
        }
        hostile = await slack(slack_fake, "/brief", "armenia", team=HOSTILE)
        async with app.services.db.session() as session:
            versions = (
                await session.execute(
                    select(Feed.tenant, ArticleRow.title, ArticleRow.text)
                    .join(Feed, Feed.id == ArticleRow.feed_id)
                    .where(ArticleRow.url == real[0])
                )
            ).all()
    finally:
        await stopped(app)
    for who, said in briefs.items():
        assert REAL[0] in said and TREATY[0] in said, (who, said)
        assert "COLLAPSED" not in said and "5000" not in said, (who, said)
    # One version of the link per source: the wire's as it published it, the hostile feed's its own.
    assert sorted((v.tenant, v.title) for v in versions) == [("local", REAL[0]), (f"slack:{HOSTILE}", FORGED[0])]
    assert next(v.text for v in versions if v.tenant == "local") == REAL[1]
    assert "COLLAPSED" in hostile  # the hostile feed changed what reached its own workspace, and only that


async def test_story_ids_and_their_headlines_stay_inside_the_workspace(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path, feeds: Feeds
) -> None:
    feeds.items["private"] = [("https://news.example/jeddah", *PRIVATE)]
    app = await started(app_for(env_for(database_url, config_dir), slack_fake, discord_fake))
    try:
        await app.poll_all(force=True)  # the seed story, which every tenant's copy of the seeds reads
        assert "added" in await slack(slack_fake, "/feeds", f"add {feeds.url('private')} --name private")
        await app.poll_all(force=True)
        async with app.services.db.session() as session:
            rows = (await session.execute(select(ArticleRow.url, ArticleRow.story_id))).all()
        private = next(r.story_id for r in rows if r.url.endswith("/jeddah"))
        seed = next(r.story_id for r in rows if r.url.startswith("file:"))
        assert private and seed and private != seed
        # Another workspace's member and a Discord server member probe the private story's id.
        probes = {
            ref: await slack(slack_fake, "/mute", ref, team=HOSTILE, user="UMEMBER")
            for ref in (private, private[:4], private[:8])
        }
        probes.update(
            {
                f"discord {ref}": await discord(discord_fake, "mute", [opt("story", ref)], user_id=MEMBER_USER)
                for ref in (private, private[:4])
            }
        )
        completions = [
            await discord(discord_fake, "mute", [opt("story", prefix, focused=True)], kind=4, user_id=MEMBER_USER)
            for prefix in ("", private[:4])
        ]
        own = await slack(slack_fake, "/mute", private[:8], user="UMEMBER")  # its own workspace finds it
        shared = await discord(discord_fake, "mute", [opt("story", seed)], user_id=MEMBER_USER)
    finally:
        await stopped(app)
    for ref, said in probes.items():  # each answer only echoes what was typed
        assert "no story" in said and "Muted" not in said and "Jeddah" not in said and "Sudan" not in said, said
        assert private not in said.replace(ref.split()[-1], ""), said  # neither confirmed nor suggested
    for said in completions:
        assert private not in said, said
    assert seed in completions[0]  # the server's own story is offered
    assert "Muted" in own and PRIVATE[0] in own
    assert "Muted" in shared and "Blinken" in shared
