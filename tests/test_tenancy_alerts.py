"""A story reported through two tenants' feeds: each tenant's alert shows only its own sources."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from sqlalchemy import select

from adapters.terminal import TerminalAdapter
from bot.app import App
from bot.models import PostAlert, alert_summaries, channel_tenant
from bot.settings import load_settings
from bot.storage.tables import Feed, Rule, Subscription
from tests.conftest import SEEDS
from tests.support.delivery import RecordingAdapter, RecordingSink
from tests.support.net import loopback_fetcher


def test_channel_tenant() -> None:
    assert channel_tenant("slack:T1/C9") == "slack:T1"
    assert channel_tenant("discord:42/7") == "discord:42"
    assert channel_tenant("terminal") == "local"
    assert channel_tenant("webhook:https://hooks.slack.com/services/x") == "local"


async def test_each_tenant_sees_only_its_own_sources(
    database_url: str, config_dir: Path, tmp_path: Path, clock
) -> None:
    seeds = sorted(SEEDS.iterdir())
    local_folder, slack_folder = tmp_path / "local-only", tmp_path / "slack-only"
    local_folder.mkdir()
    slack_folder.mkdir()
    shutil.copy(seeds[0], local_folder / seeds[0].name)
    shutil.copy(seeds[1], slack_folder / seeds[1].name)
    (config_dir / "feeds.yaml").write_text(
        f"feeds:\n  - name: local-seeds\n    url: {local_folder}\n    backfill: 10\n", encoding="utf-8"
    )
    out = io.StringIO()
    sink = RecordingSink()
    slack = RecordingAdapter(sink, prefix="slack")  # the Slack adapter: only its prefix and sink matter here
    settings = load_settings(DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(config_dir))
    bot = App(settings, clock=clock, adapters=[TerminalAdapter(None, stream=out, interactive=False), slack])
    await bot.setup()
    now = clock.now()
    async with bot.services.db.session() as session:
        session.add(
            Feed(
                tenant="slack:T1",
                name="slack-seeds",
                url=str(slack_folder),
                spec={"name": "slack-seeds", "url": str(slack_folder), "backfill": 10},
                created_at=now,
            )
        )
        session.add(
            Rule(
                tenant="slack:T1",
                name="ceasefire",
                spec={"name": "ceasefire", "events": ["ceasefire"]},
                enabled=True,
                created_at=now,
                updated_at=now,
            )
        )
        session.add(Subscription(tenant="slack:T1", channel="slack:T1/C1", rule="ceasefire", created_at=now))
    await bot.run_once()

    terminal = out.getvalue()
    assert terminal.count("[ALERT]") == 1, terminal
    assert seeds[0].name in terminal and seeds[1].name not in terminal
    posts = [alert for _mid, _key, alert in sink.posts if alert.kind == "post"]
    assert len(posts) == 1
    assert isinstance(posts[0], PostAlert)
    assert [s.url.rsplit("/", 1)[-1] for s in posts[0].summary.sources] == [seeds[1].name]
    for alert in [a for _mid, _key, a in sink.posts] + [a for _mid, a in sink.edits]:
        assert all(seeds[0].name not in s.url for shown in alert_summaries(alert) for s in shown.sources)


async def test_a_new_workspace_is_seeded_on_its_first_command(database_url: str, config_dir: Path, clock) -> None:
    from bot.commands.core import CommandCore
    from bot.models import Caller

    settings = load_settings(DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(config_dir))
    bot = App(settings, clock=clock, adapters=[])
    await bot.setup()
    try:
        core = bot.core
        assert isinstance(core, CommandCore)
        admin = Caller(user_id="U1", tenant="slack:T9", is_admin=True)
        listed = await core.run_text("watch list", admin, channel="slack:T9/C1")
        assert listed.ok and "ceasefire-developments" in "\n".join([listed.text, *listed.lines])
        sub = await core.run_text("subscribe ceasefire-developments", admin, channel="slack:T9/C1")
        assert sub.ok, sub.text
        feeds = await core.run_text("feeds list", admin, channel="slack:T9/C1")
        assert "seeds" in "\n".join([feeds.text, *feeds.lines])
        # The local operator's data is untouched and separate.
        local = await core.run_text("subscriptions --all", Caller("operator", "local", True), channel="terminal")
        assert "slack:T9" not in "\n".join([local.text, *local.lines])
    finally:
        await bot.close()


async def test_tenants_reading_the_same_feed_share_one_fetch(database_url: str, config_dir: Path, clock) -> None:
    """Every new workspace is seeded with the default feeds: three tenants polling one URL make one
    request per poll; an article is stored once and each tenant gets its own alert (the first tenant to
    store an article used to be the only one alerted); a new workspace's copies start quiet."""
    from aiohttp import web

    from bot.repo.bootstrap import ensure_tenant
    from bot.storage.tables import ArticleRow, Delivery, SeenItem

    hits: list[str] = []
    items = [
        "<item><guid>w-1</guid><title>Ceasefire agreed in the north</title><link>https://wire.example/1</link>"
        "<description>Both sides agreed a ceasefire on Monday, officials said.</description></item>"
    ]

    async def feed(request: web.Request) -> web.Response:
        hits.append(request.path)
        body = "<rss version='2.0'><channel><title>Wire</title>" + "".join(items) + "</channel></rss>"
        return web.Response(body=body.encode(), content_type="application/rss+xml")

    server = web.Application()
    server.router.add_get("/rss", feed)
    runner = web.AppRunner(server)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/rss"  # type: ignore[union-attr]
    (config_dir / "feeds.yaml").write_text(
        f"feeds:\n  - name: wire\n    url: {url}\n    backfill: 10\n", encoding="utf-8"
    )
    settings = load_settings(DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(config_dir))
    bot = App(settings, clock=clock, adapters=[], fetcher=loopback_fetcher())  # the workspaces' feeds too
    await bot.setup()
    try:
        channels = {"local": "terminal", "slack:T1": "slack:T1/C1", "discord:42": "discord:42/7"}
        async with bot.services.db.session() as session:
            for tenant, channel in channels.items():
                if tenant != "local":  # the local operator's terminal is subscribed at setup
                    assert await ensure_tenant(bot.services, tenant)
                    session.add(
                        Subscription(
                            tenant=tenant, channel=channel, rule="ceasefire-developments", created_at=clock.now()
                        )
                    )
        ids = await bot.feed_ids()
        assert len(ids) == 3  # the local operator's and the two tenants' copies of the same feed
        await bot.poll_all(force=True)
        assert hits == ["/rss"] and bot.feeds.shared_polls.fetches == 1
        async with bot.services.db.session() as session:
            seen = (await session.scalars(select(SeenItem.feed_id))).all()
            posts = (await session.scalars(select(Delivery.channel).where(Delivery.kind == "post"))).all()
        assert sorted(seen) == sorted(ids)  # each tenant's feed recorded the item it saw
        assert posts == ["terminal"]  # the operator's feed has backfill 10; a new workspace's starts quiet
        items.append(
            "<item><guid>w-2</guid><title>Sudan truce collapses as fighting resumes</title>"
            "<link>https://wire.example/2</link><description>The ceasefire in Sudan collapsed on Tuesday "
            "as fighting resumed in Khartoum, witnesses said.</description></item>"
        )
        await bot.poll_all(force=True)  # a feed asking again fetches; the others share its answer
        assert len(hits) == 2
        async with bot.services.db.session() as session:
            posts = (await session.scalars(select(Delivery.channel).where(Delivery.kind == "post"))).all()
            articles = (await session.scalars(select(ArticleRow.id))).all()
        assert len(articles) == 2
        assert sorted(posts) == sorted(["terminal", *channels.values()])  # each tenant alerted to the new story
    finally:
        await bot.close()
        await runner.cleanup()
