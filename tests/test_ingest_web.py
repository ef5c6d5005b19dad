"""Feed discovery from an HTML page and full-text enrichment from served article pages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.errors import FeedError
from bot.ingest.discover import discover_feed, feed_links
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.fulltext import HostRateLimiter, PageCache, enrich
from bot.ingest.poll import FeedState, poll_feed

ARTICLE = """<!doctype html><html><head><title>Truce agreed | Example</title>
<link rel="canonical" href="/world/truce-agreed?utm_source=canon"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Truce agreed after talks</h1>
<p>Foreign ministers of the two countries agreed on Monday to a ceasefire along the border, ending a week of
clashes in which at least 40 soldiers were killed, officials in both capitals said.</p>
<p>The agreement was reached after six hours of talks hosted by the foreign minister of a neighbouring state, who
said observers would be deployed within days to monitor the line of contact and report any violations.</p>
<p>Both governments said they would exchange prisoners and the remains of the dead before the end of the month,
and that a second round of talks on the border demarcation would be held in the spring.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def feed_xml(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example World</title><link>{base}/</link>
<item><title>Truce agreed after talks</title><link>{base}/p/1?utm_medium=rss</link><guid>{base}/p/1</guid>
<description>Ministers agree a ceasefire.</description></item>
<item><title>Long one</title><link>{base}/p/2</link><guid>{base}/p/2</guid><description>{"Long text. " * 60}</description></item>
</channel></rss>"""


class Hits:
    """Counts page requests."""

    def __init__(self) -> None:
        self.pages = 0


@pytest.fixture
async def site() -> AsyncIterator[tuple[TestServer, Hits]]:
    hits = Hits()

    async def home(request: web.Request) -> web.Response:
        return web.Response(
            text="""<!doctype html><html><head><title>Example</title>
<link rel="alternate" type="application/rss+xml" title="World" href="/feeds/world.xml">
<link rel="stylesheet" href="/s.css"></head><body>Hi</body></html>""",
            content_type="text/html",
        )

    async def bare(request: web.Request) -> web.Response:
        return web.Response(
            text="<!doctype html><html><head><title>No feed</title></head><body>x</body></html>",
            content_type="text/html",
        )

    async def broken_link(request: web.Request) -> web.Response:
        return web.Response(
            text='<html><head><link rel="alternate" type="application/atom+xml" href="/nope"></head></html>',
            content_type="text/html",
        )

    async def world(request: web.Request) -> web.Response:
        base = f"http://{request.host}"
        return web.Response(text=feed_xml(base), content_type="application/rss+xml")

    async def page(request: web.Request) -> web.Response:
        hits.pages += 1
        return web.Response(text=ARTICLE, content_type="text/html")

    app = web.Application()
    app.router.add_get("/", home)
    app.router.add_get("/bare", bare)
    app.router.add_get("/broken", broken_link)
    app.router.add_get("/feeds/world.xml", world)
    app.router.add_get("/p/{n}", page)
    async with TestServer(app, host="127.0.0.1") as srv:
        yield srv, hits


async def test_discover_from_html_page(site: tuple[TestServer, Hits]) -> None:
    srv, _ = site
    async with Fetcher(allow_private=True) as fetcher:
        found = await discover_feed(str(srv.make_url("/")), fetcher)
        assert found.url.endswith("/feeds/world.xml") and found.title == "Example World" and found.item_count == 2
        direct = await discover_feed(str(srv.make_url("/feeds/world.xml")), fetcher)
        assert direct.url == found.url
        for path in ("/bare", "/broken"):
            with pytest.raises(FeedError) as info:
                await discover_feed(str(srv.make_url(path)), fetcher)
            assert info.value.kind == "no_feed"


def test_feed_links_resolve_relative() -> None:
    page = b'<html><head><link rel="alternate" type="application/atom+xml" href="atom.xml"></head></html>'
    assert feed_links(page, "https://site.example/news/") == ["https://site.example/news/atom.xml"]


async def test_enrich_short_items_with_cache_and_canonical(site: tuple[TestServer, Hits]) -> None:
    srv, hits = site
    cache = PageCache()
    limiter = HostRateLimiter(0)
    async with Fetcher(allow_private=True) as fetcher:
        polled = await poll_feed(FeedSpec(name="w", url=str(srv.make_url("/feeds/world.xml"))), FeedState(), fetcher)
        short, long = polled.items
        enriched = await enrich(polled.items, fetcher, cache=cache, limiter=limiter)
        again = await enrich(polled.items, fetcher, cache=cache, limiter=limiter)
    full = enriched[0]
    assert "at least 40 soldiers were killed" in full.text and "newsletter" not in full.text
    assert full.url == f"http://127.0.0.1:{srv.port}/world/truce-agreed"
    assert full.key == short.key and full.content_hash != short.content_hash
    assert enriched[1] is long  # long enough already: not fetched
    assert hits.pages == 1 and again == enriched  # second pass served from the cache


async def test_poll_with_fulltext_option(site: tuple[TestServer, Hits]) -> None:
    srv, _ = site
    spec = FeedSpec(name="w", url=str(srv.make_url("/feeds/world.xml")), fulltext=True)
    async with Fetcher(allow_private=True) as fetcher:
        result = await poll_feed(spec, FeedState(), fetcher)
    assert "observers would be deployed" in result.items[0].text


async def test_enrich_failure_leaves_item(site: tuple[TestServer, Hits]) -> None:
    srv, _ = site
    async with Fetcher(allow_private=False) as fetcher:  # loopback refused: the page cannot be fetched
        async with Fetcher(allow_private=True) as open_fetcher:
            spec = FeedSpec(name="w", url=str(srv.make_url("/feeds/world.xml")))
            items = (await poll_feed(spec, FeedState(), open_fetcher)).items
        out = await enrich(items, fetcher, cache=PageCache(), limiter=HostRateLimiter(0))
    assert out == items
