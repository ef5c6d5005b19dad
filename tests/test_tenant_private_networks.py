"""DIPLOBOT_ALLOW_PRIVATE_NETWORKS=1 is the local operator's (issue 15, item 5): with it set, the operator's
feeds read internal hosts, and a workspace still never reaches one: not when it adds a feed, not when its
feed is polled, not through a fetch the operator's feed shared, not through the full-text page cache."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import select

from bot.app import App
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher, blocked_reason
from bot.models import Caller
from bot.repo.feeds import add_feed_row
from bot.settings import load_settings
from bot.storage.tables import Feed, SeenItem

OPERATOR = Caller("operator", "local", is_admin=True)
WORKSPACE = Caller("UADMIN", "slack:T0HOSTILE", is_admin=True)
SUMMARY = "Talks resumed in Jeddah on Thursday."
SECRET_PAGE = "INTRANET ONLY: the minister's private schedule. " * 20


class Server:
    """An aiohttp server on one loopback address that records the paths asked for."""

    def __init__(self, app: web.Application) -> None:
        self.app, self.paths, self.base = app, [], ""

    async def __aenter__(self) -> Server:
        @web.middleware
        async def record(request: web.Request, handler):  # type: ignore[no-untyped-def]
            self.paths.append(request.path)
            return await handler(request)

        self.app.middlewares.append(record)
        self.runner = web.AppRunner(self.app)
        await self.runner.setup()
        return self

    async def start(self, host: str) -> Server:
        site = web.TCPSite(self.runner, host, 0)
        await site.start()
        self.base = f"http://{host}:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()


def rss(link: str) -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet wire</title><item><guid>i-1</guid>'
        f"<title>Sudan truce talks resume</title><link>{link}</link><description>{SUMMARY}</description>"
        "</item></channel></rss>"
    ).encode()


@pytest.fixture
async def intranet() -> AsyncIterator[Server]:
    """An 'internal' host on 127.0.0.2: a feed and an article page only the operator may read."""
    server = Server(web.Application())

    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(f"{server.base}/article"), content_type="application/rss+xml")

    async def article(request: web.Request) -> web.Response:
        return web.Response(
            text=f"<html><body><article><p>{SECRET_PAGE}</p></article></body></html>", content_type="text/html"
        )

    server.app.router.add_get("/feed.xml", feed)
    server.app.router.add_get("/article", article)
    async with server:
        yield await server.start("127.0.0.2")


async def app_with(database_url: str, config_dir: Path, clock, fetcher: Fetcher | None = None) -> App:  # type: ignore[no-untyped-def]
    (config_dir / "feeds.yaml").write_text("feeds: []\n", encoding="utf-8")
    settings = load_settings(
        DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(config_dir), DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True
    )
    app = App(settings, clock=clock, adapters=[], fetcher=fetcher)
    await app.setup()
    return app


async def add_feed(app: App, tenant: str, name: str, url: str, **fields: object) -> int:
    """A feed row as `feeds add` stores it (for a workspace: as if its host had resolved to a public address then)."""
    async with app.services.db.session() as session:
        row = add_feed_row(
            session, tenant, FeedSpec(name=name, url=url, backfill=10, **fields), title=None, now=app.clock.now()
        )
        await session.flush()
        return int(row.id)


async def test_a_workspace_cannot_add_an_internal_feed(
    database_url: str, config_dir: Path, clock, intranet: Server
) -> None:
    app = await app_with(database_url, config_dir, clock)
    try:
        url = f"{intranet.base}/feed.xml"
        mine = await app.core.run_text(f"feeds add {url} --name intranet", OPERATOR, channel="terminal")
        assert mine.ok, mine.text
        asked = len(intranet.paths)
        theirs = await app.core.run_text(f"feeds add {url} --name intranet", WORKSPACE, channel="slack:T0HOSTILE/C1")
        assert not theirs.ok
        assert "127.0.0.2 is 127.0.0.2, a loopback address" in theirs.text
        assert "a workspace's feeds may only reach public addresses" in theirs.text
        assert "usage: feeds add URL" in theirs.lines[0]
        assert len(intranet.paths) == asked  # the workspace's URL was never fetched
        async with app.services.db.session() as session:
            tenants = (await session.scalars(select(Feed.tenant).where(Feed.url == url))).all()
        assert tenants == ["local"]
    finally:
        await app.close()


async def test_a_workspace_feed_gets_neither_a_fetch_nor_a_shared_result(
    database_url: str, config_dir: Path, clock, intranet: Server
) -> None:
    app = await app_with(database_url, config_dir, clock)
    try:
        url = f"{intranet.base}/feed.xml"
        local = await add_feed(app, "local", "intranet", url)
        hostile = await add_feed(app, "slack:T0HOSTILE", "intranet", url)
        read = await app.poll(local, force=True)
        assert read is not None and read.error is None and len(read.items) == 1
        asked = len(intranet.paths)
        # Within the shared-poll window another tenant's feed of the same URL would reuse that result.
        refused = await app.poll(hostile, force=True)
        assert refused is not None and refused.error is not None and refused.items == []
        assert refused.error.kind == "blocked_address"
        assert "a workspace's feeds may only reach public addresses" in refused.error.message
        assert len(intranet.paths) == asked
        async with app.services.db.session() as session:
            assert (await session.scalars(select(SeenItem).where(SeenItem.feed_id == hostile))).all() == []
            feed = await session.get(Feed, hostile)
            assert feed is not None and feed.last_error_kind == "blocked_address"
    finally:
        await app.close()


async def test_full_text_of_an_internal_page_never_reaches_a_workspace(
    database_url: str, config_dir: Path, clock, intranet: Server
) -> None:
    # A public feed (127.0.0.1 counts as public here) whose item links to the internal page on 127.0.0.2.
    async def feed(request: web.Request) -> web.Response:
        return web.Response(body=rss(f"{intranet.base}/article"), content_type="application/rss+xml")

    wire = Server(web.Application())
    wire.app.router.add_get("/feed.xml", feed)
    async with wire:
        await wire.start("127.0.0.1")
        policy = lambda ip: None if ip == "127.0.0.1" else blocked_reason(ip)  # noqa: E731
        app = await app_with(database_url, config_dir, clock, Fetcher(allow_private=True, address_policy=policy))
        try:
            url = f"{wire.base}/feed.xml"
            local = await add_feed(app, "local", "wire", url, fulltext=True)
            hostile = await add_feed(app, "discord:910000000000000001", "wire", url, fulltext=True)
            read = await app.poll(local, force=True)
            assert read is not None and read.error is None and "INTRANET ONLY" in read.items[0].text
            assert intranet.paths == ["/article"]
            theirs = await app.poll(hostile, force=True)
            assert theirs is not None and theirs.error is None and len(theirs.items) == 1
            assert "INTRANET ONLY" not in theirs.items[0].text and SUMMARY in theirs.items[0].text
            assert intranet.paths == ["/article"]  # neither fetched for the workspace nor served from the cache
        finally:
            await app.close()
