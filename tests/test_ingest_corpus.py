"""Every file of ../shared/feeds, served over loopback HTTP and polled: the expected articles, no exception."""

from __future__ import annotations

import re
from datetime import UTC

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.poll import FeedState, poll_feed
from tests.conftest import SHARED

FEEDS = SHARED / "feeds"
pytestmark = pytest.mark.shared_feeds

# file -> (distinct articles, items without title, without link, without text).
# Distinct = feedparser's entry count (SOURCES.md) after merging repeats: ap-scraped repeats 331
# of its 510 guids/links (179 distinct); suspilne lists one article twice (19). The entry of
# fp-illformed-incomplete-cdata is cut off inside `<title><![CD`: no title, link or text, so it
# carries nothing to read and is dropped (0). Items without text are those whose source gives
# none (ap-scraped has no descriptions; dw, cnn, qq, uol... have empty or image-only ones).
EXPECTED: dict[str, tuple[int, int, int, int]] = {
    "aljazeera-all.xml": (25, 0, 0, 0),
    "ap-scraped-feedgen.xml": (179, 0, 0, 179),
    "bbc-chinese-atom.xml": (66, 0, 0, 0),
    "bbc-world.xml": (32, 0, 0, 0),
    "cnn-international.xml": (50, 0, 0, 5),
    "dailymail-iso8859-mediadupes.xml": (1, 0, 0, 0),
    "dw-chinese-rss10.xml": (85, 0, 0, 22),
    "fda-drug-recalls.xml": (1, 0, 0, 0),
    "fp-encoding-cp1252-in-utf8.xml": (1, 1, 1, 0),
    "fp-encoding-invalid-bytes-bom.xml": (0, 0, 0, 0),
    "fp-encoding-linenoise.xml": (1, 1, 1, 0),
    "fp-illformed-incomplete-cdata.xml": (0, 0, 0, 0),
    "fp-illformed-koi8r-no-decl.xml": (1, 0, 1, 0),
    "fp-illformed-unclosed-rss.xml": (1, 1, 0, 1),
    "fp-illformed-undeclared-namespace.xml": (0, 0, 0, 0),
    "google-news-fr-be-top.xml": (1, 0, 0, 0),
    "google-news-search-us.xml": (92, 0, 0, 0),
    "guardian-us-2018.xml": (55, 0, 0, 0),
    "guardian-world.xml": (54, 0, 0, 0),
    "jagonews24-bn-large.xml": (50, 0, 0, 0),
    "jn-pt-iso8859-1.xml": (40, 0, 0, 4),
    "mehr-news.xml": (30, 0, 0, 0),
    "nws-alerts-atom.xml": (1, 0, 0, 0),
    "nyt-world.xml": (56, 0, 0, 1),
    "qq-news-gb2312.xml": (20, 0, 0, 2),
    "reuters-mostread-broken.xml": (0, 0, 0, 0),
    "suspilne-ukrnet.xml": (19, 0, 0, 0),
    "tpm-politics-atom.xml": (20, 0, 0, 0),
    "uol-noticias-nodecl.xml": (15, 0, 0, 4),
    "yahoo-news-top.xml": (50, 0, 0, 3),
}
# Documents from which nothing can be read report that as data (PollResult.error), not as an exception.
EMPTY_WITH_ERROR = {
    "fp-encoding-invalid-bytes-bom.xml",
    "fp-illformed-incomplete-cdata.xml",
    "fp-illformed-undeclared-namespace.xml",
    "reuters-mostread-broken.xml",
}
_LEFTOVER_TAG = re.compile(r"<(p|a|div|img|br|span|font|ol|li|b|i|strong|em)\b[^>]*>", re.I)


def _corpus() -> list[str]:
    if not FEEDS.is_dir():
        pytest.fail(f"feed corpus missing: expected {FEEDS} (the shared/ folder beside the clone)")
    return sorted(p.name for p in FEEDS.glob("*.xml"))


def test_corpus_is_complete() -> None:
    assert _corpus() == sorted(EXPECTED), "a feed file was added or removed: update EXPECTED"


@pytest.fixture
async def feed_server() -> TestServer:
    async def serve(request: web.Request) -> web.Response:
        path = FEEDS / request.match_info["name"]
        if not path.is_file():
            raise web.HTTPNotFound()
        return web.Response(body=path.read_bytes(), content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/feeds/{name}", serve)
    async with TestServer(app, host="127.0.0.1") as server:
        yield server


@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_every_corpus_feed_polls(feed_server: TestServer, name: str) -> None:
    _corpus()
    count, no_title, no_link, no_text = EXPECTED[name]
    url = str(feed_server.make_url(f"/feeds/{name}"))
    spec = FeedSpec(name=name, url=url)
    async with Fetcher(allow_private=True) as fetcher:
        result = await poll_feed(spec, FeedState(), fetcher)
    items = result.items
    assert len(items) == count, (name, result.error, result.warning)
    assert len({i.key for i in items}) == count
    assert len({i.url for i in items if i.url}) == count - no_link
    assert sum(not i.title for i in items) == no_title
    assert sum(not i.url for i in items) == no_link
    assert sum(not i.text for i in items) == no_text
    if name in EMPTY_WITH_ERROR:
        assert result.error is not None and result.error.kind in ("malformed", "not_a_feed")
    else:
        assert result.error is None
    for item in items:
        assert not _LEFTOVER_TAG.search(item.text), (item.title, item.text[:200])
        assert not _LEFTOVER_TAG.search(item.title)
        assert "\n" not in item.title
        assert item.published is None or item.published.tzinfo is UTC
        if item.url:
            assert item.url.startswith(("http://", "https://")), item.url
            assert "utm_" not in item.url and "#" not in item.url
        assert len(item.content_hash) == 64


async def test_corpus_oddities(feed_server: TestServer) -> None:
    """Spot checks of what SOURCES.md calls out: encodings, relative links, origLink, dates, sources."""

    async def items(name: str) -> dict[str, object]:
        async with Fetcher(allow_private=True) as fetcher:
            res = await poll_feed(
                FeedSpec(name=name, url=str(feed_server.make_url(f"/feeds/{name}"))), FeedState(), fetcher
            )
        return {"title": res.feed_title, "items": res.items}

    tpm = await items("tpm-politics-atom.xml")
    assert all(i.url.startswith("http://talkingpointsmemo.com/") for i in tpm["items"])  # type: ignore[union-attr]
    bbc = await items("bbc-world.xml")
    assert all("at_medium" not in i.url for i in bbc["items"])  # type: ignore[union-attr]
    jn = await items("jn-pt-iso8859-1.xml")
    assert all(i.url.startswith("https://www.jn.pt/") for i in jn["items"])  # type: ignore[union-attr]
    assert any("Notícias" in (jn["title"] or "") for _ in [0])  # ISO-8859-1 decoded
    qq = await items("qq-news-gb2312.xml")
    assert qq["title"] == "新闻国内"
    uol = await items("uol-noticias-nodecl.xml")
    assert all(i.published is None for i in uol["items"])  # type: ignore[union-attr]
    yahoo = await items("yahoo-news-top.xml")
    outlets = {i.outlet for i in yahoo["items"]}  # type: ignore[union-attr]
    assert len(outlets) > 5  # per-item <source> attribution
    assert not any("&#39;" in i.title or "&amp;" in i.title for i in yahoo["items"])  # type: ignore[union-attr]
    unclosed = await items("fp-illformed-unclosed-rss.xml")
    assert unclosed["items"][0].url == "http://link/get?a=1&b=2"  # type: ignore[index]
    cp1252 = await items("fp-encoding-cp1252-in-utf8.xml")
    assert cp1252["items"][0].text == "don\u2019t"  # type: ignore[index]
    fda = await items("fda-drug-recalls.xml")
    assert "Losartan Potassium" in fda["items"][0].title  # type: ignore[index]  # padded title squashed
    suspilne = await items("suspilne-ukrnet.xml")
    assert max(len(i.text) for i in suspilne["items"]) > 1000  # <full-text> read  # type: ignore[union-attr]
