"""The whole app with the Slack adapter loaded by entry point: slash commands set up a rule, an alert arrives."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import select

from adapters.slack.app import SlackAdapter
from bot.app import App
from bot.settings import load_settings
from bot.storage.tables import Delivery
from tests.support.net import loopback_fetcher
from tests.support.slack_markup import all_mrkdwn, live_markup
from tests.support.slack_requests import slash
from tests.support.slack_server import (
    APP_TOKEN,
    BOT_TOKEN,
    TEAM,
    FakeSlack,
)

# SQLite only: the commands' own tests cover PostgreSQL; these test the Slack face.
pytestmark = pytest.mark.sqlite_only

ITEM = """<item><title>{title}</title><link>{base}/a/{n}</link><guid>wire-{n}</guid><pubDate>{date}</pubDate>
<description>{text}</description></item>"""
OLD = ("Talks on trade resume in Brussels", "Trade officials met in Brussels to discuss tariffs.")
NEW = (
    "Armenia and Azerbaijan agree ceasefire after talks in Geneva",
    "Armenia and Azerbaijan agreed a ceasefire on Tuesday after talks in Geneva, Foreign Minister Ararat Mirzoyan "
    "said. &lt;!channel&gt; Shelling in the border region killed at least 15 soldiers last week.",
)

SAME = (
    "Geneva ceasefire deal: Armenia, Azerbaijan agree to stop fighting",
    "Armenia and Azerbaijan agreed a ceasefire on Tuesday after talks in Geneva, officials said. Shelling in "
    "the border region killed at least 15 soldiers last week, Foreign Minister Ararat Mirzoyan said.",
)


class Wire:
    """A loopback RSS feed whose items the test adds over time."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = [OLD]
        self.url = ""

    async def rss(self, request: web.Request) -> web.Response:
        base = f"http://{request.host}"
        items = "".join(
            ITEM.format(
                title=t,
                text=x,
                base=base,
                n=n,
                date=format_datetime(datetime.now(UTC) - timedelta(minutes=60 - n), usegmt=True),
            )
            for n, (t, x) in enumerate(self.items)
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>{items}</channel></rss>'
        return web.Response(text=body, content_type="application/rss+xml")


@pytest.fixture
async def wire() -> AsyncIterator[Wire]:
    feed = Wire()
    webapp = web.Application()
    webapp.router.add_get("/feed.xml", feed.rss)
    runner = web.AppRunner(webapp, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    feed.url = f"http://127.0.0.1:{runner.addresses[0][1]}/feed.xml"
    yield feed
    await runner.cleanup()


async def command(slack_fake: FakeSlack, text: str, name: str) -> str:
    """Run a slash command over Socket Mode as a Slack admin and return the reply's text."""
    form = slash(slack_fake, name, text)
    envelope = await slack_fake.push_envelope("slash_commands", form)
    await slack_fake.wait_for(lambda: slack_fake.acks.get(envelope))
    replies = await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"]), timeout=15)
    return str(replies[0]["text"])


async def test_slack_workspace_gets_alerts_for_its_own_rule(
    slack_fake: FakeSlack, database_url: str, config_dir: Path, wire: Wire
) -> None:
    settings = load_settings(
        DIPLOBOT_DATABASE_URL=database_url,
        DIPLOBOT_CONFIG_DIR=config_dir,
        DIPLOBOT_TERMINAL=False,
        DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_API_URL=slack_fake.api_url,
        _env_file=None,
    )  # type: ignore[call-arg]
    app = App(settings, fetcher=loopback_fetcher())  # the workspace reads the loopback feed as a public one
    await app.setup()
    try:
        slack = [a for a in app.adapters if a.prefix == "slack"]
        assert len(slack) == 1 and isinstance(slack[0], SlackAdapter)
        for adapter in app.adapters:
            await adapter.start()

        feed = await command(slack_fake, f"add {wire.url} --name wire", "/feeds")
        assert "added" in feed, feed
        added = await command(slack_fake, "add peace --places Armenia,Azerbaijan --severity urgent --yes", "/watch")
        assert "added" in added, added
        subscribed = await command(slack_fake, "peace", "/subscribe")
        assert "Error" not in subscribed, subscribed

        await app.poll_all(force=True)  # first sight of the feed: primes it, alerts nothing old
        await app.outbox.drain()
        assert slack_fake.channel_messages("C1") == []
        wire.items.append(NEW)
        await app.poll_all(force=True)
        await app.outbox.drain()
        posts = [m for m in slack_fake.channel_messages("C1") if m.thread_ts is None]
        assert len(posts) == 1, [m.text for m in posts]
        blocks = json.dumps(posts[0].blocks)
        assert posts[0].blocks and posts[0].blocks[0]["type"] == "header"
        assert "Rule *peace*" in blocks and "Mute story" in blocks
        assert posts[0].raw["unfurl_links"] is False
        assert all(live_markup(t) == [] for t in [posts[0].text, *all_mrkdwn(posts[0].blocks or [])])

        async with app.services.db.session() as session:
            rows = (await session.scalars(select(Delivery).where(Delivery.channel == f"slack:{TEAM}/C1"))).all()
        assert rows and rows[0].status == "sent" and rows[0].message_id == posts[0].ts

        # Another outlet on the same story: the original message is edited (chat.update of its ts).
        wire.items.append(SAME)
        await app.poll_all(force=True)
        await app.outbox.drain()
        assert len([m for m in slack_fake.channel_messages("C1") if m.thread_ts is None]) == 1
        assert posts[0].edits and "Geneva ceasefire deal" in json.dumps(posts[0].blocks)

    finally:
        for adapter in app.adapters:
            await adapter.stop()
        await app.close()
