"""parse_feed and canonical_url on crafted documents: keys, duplicates, links, dates, text, hostile XML."""

from __future__ import annotations

import resource
import time
from datetime import UTC, datetime

from aiohttp import web
from aiohttp.test_utils import TestServer
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest.canonical import canonical_url
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.items import html_to_text
from bot.ingest.parse import parse_feed
from bot.ingest.poll import FeedState, poll_feed


def rss(items: str, channel: str = "<title>T</title><link>https://site.example/news/</link>") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{channel}{items}</channel></rss>'.encode()
    )


def test_canonical_url_strips_tracking_and_fragment() -> None:
    assert (
        canonical_url("https://www.bbc.com/news/articles/c74?at_medium=RSS&at_campaign=rss#0")
        == "https://www.bbc.com/news/articles/c74"
    )
    assert (
        canonical_url("HTTPS://News.Example:443/a?utm_source=x&id=3&fbclid=abc&gclid=1#top")
        == "https://news.example/a?id=3"
    )
    assert canonical_url("http://example.com:8080/a?b=1&utm_medium=rss") == "http://example.com:8080/a?b=1"
    assert canonical_url("https://www.aljazeera.com/news/x?traffic_source=rss") == "https://www.aljazeera.com/news/x"
    assert canonical_url("http://link/get?a=1&b=2") == "http://link/get?a=1&b=2"
    assert canonical_url("tag:example.com,2017:1") == "tag:example.com,2017:1"


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_canonical_url_is_total_and_idempotent(raw: str) -> None:
    once = canonical_url("https://example.com/" + raw)
    assert canonical_url(once) == once


@given(st.binary(max_size=400))
@settings(max_examples=150, deadline=None)
def test_parse_feed_never_raises(body: bytes) -> None:
    parse_feed(b"<rss version='2.0'><channel><item><title>" + body, base_url="http://x.example/feed")


def test_missing_guid_gets_stable_key_from_link_and_title() -> None:
    doc = rss("<item><title>A</title><link>https://site.example/a?utm_source=rss</link></item>")
    one = parse_feed(doc, base_url=None).items[0]
    again = parse_feed(doc, base_url="http://elsewhere.example/").items[0]
    assert one.key == again.key and one.key.startswith("l:") and one.guid is None
    assert one.url == "https://site.example/a"
    retitled = parse_feed(doc.replace(b"<title>A</title>", b"<title>B</title>"), base_url=None).items[0]
    assert retitled.key != one.key


def test_guid_keys_url_guids_canonical_and_bare_guids_scoped() -> None:
    a = parse_feed(rss("<item><title>A</title><guid>https://bbc.example/a#0</guid></item>"), base_url=None).items[0]
    b = parse_feed(rss("<item><title>A2</title><guid>https://bbc.example/a#1</guid></item>"), base_url=None).items[0]
    assert a.key == b.key  # BBC re-sends the same article with another #n suffix
    bare = rss("<item><title>A</title><guid isPermaLink='false'>12345</guid></item>")
    x = parse_feed(bare, base_url=None).items[0]
    y = parse_feed(bare.replace(b"site.example", b"other.example"), base_url=None).items[0]
    assert x.key != y.key  # "12345" from two outlets is two articles


def test_duplicates_merge_first_wins_longer_text_kept() -> None:
    doc = rss(
        "<item><title>Same</title><guid>g1</guid><link>https://site.example/1</link><description>short</description></item>"
        "<item><title>Same again</title><guid>g1</guid><link>https://site.example/1</link>"
        "<description>a much longer description of the same story</description>"
        "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>"
        "<item><title>No guid</title><link>https://site.example/2</link></item>"
        "<item><title>No guid, repeated</title><link>https://site.example/2?utm_campaign=x</link></item>"
    )
    items = parse_feed(doc, base_url=None).items
    assert [i.title for i in items] == ["Same", "No guid"]
    assert items[0].text == "a much longer description of the same story"
    assert items[0].published == datetime(2026, 11, 23, 10, tzinfo=UTC)


def test_relative_links_resolve_against_feed_link_then_base_url() -> None:
    doc = rss("<item><title>A</title><link>/world/a</link></item>")
    assert parse_feed(doc, base_url="http://127.0.0.1:1/feed").items[0].url == "https://site.example/world/a"
    no_site = rss("<item><title>A</title><link>a.html</link></item>", channel="<title>T</title>")
    assert (
        parse_feed(no_site, base_url="https://cdn.example/feeds/rss.xml").items[0].url
        == "https://cdn.example/feeds/a.html"
    )
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><link href="http://tpm.example"/>
    <entry><id>tag:tpm,1</id><title>E</title><link href="/livewire/x"/><updated>2017-11-08T00:00:00Z</updated></entry></feed>"""
    assert parse_feed(atom, base_url=None).items[0].url == "http://tpm.example/livewire/x"


def test_missing_odd_and_future_dates_become_none() -> None:
    doc = rss(
        "<item><title>a</title><guid>1</guid></item>"
        "<item><title>b</title><guid>2</guid><pubDate>Fri, 05/03/2019 - 15:21</pubDate></item>"
        "<item><title>c</title><guid>3</guid><pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>"
        "<item><title>d</title><guid>4</guid><pubDate>Mon, 01 Jan 2091 00:00:00 GMT</pubDate></item>"
        "<item><title>e</title><guid>5</guid><pubDate>Tue, 24 Nov 2026 09:30:00 +0200</pubDate></item>"
    )
    dates = [i.published for i in parse_feed(doc, base_url=None).items]
    assert dates == [None, None, None, None, datetime(2026, 11, 24, 7, 30, tzinfo=UTC)]


def test_html_is_stripped_to_text() -> None:
    doc = rss(
        "<item><title>Yes &amp;amp; no</title><guid>1</guid>"
        "<description>&lt;p&gt;One &amp;amp; &lt;b&gt;two&lt;/b&gt;&lt;/p&gt;&lt;script&gt;evil()&lt;/script&gt;"
        "&lt;p&gt;Three&lt;/p&gt;</description></item>"
    )
    item = parse_feed(doc, base_url=None).items[0]
    assert item.text == "One & two\n\nThree"
    assert html_to_text("a<br>b &nbsp; c") == "a\nb c"


def test_content_hash_equal_for_repost_with_new_guid_and_date() -> None:
    a = parse_feed(
        rss(
            "<item><title>Truce holds</title><guid>1</guid><description>Text.</description>"
            "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>"
        ),
        base_url=None,
    ).items[0]
    b = parse_feed(
        rss(
            "<item><title>Truce  holds</title><guid>2</guid><description>Text.</description>"
            "<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>"
        ),
        base_url=None,
    ).items[0]
    assert a.key != b.key and a.content_hash == b.content_hash


def _billion_laughs() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(ents) + "]>"
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>Laughs &lol9;</title>'
        "<link>http://x.example/a</link><description>&lol9;</description></item></channel></rss>"
    ).encode()


async def test_billion_laughs_is_bounded() -> None:
    body = _billion_laughs()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    parsed = parse_feed(body, base_url=None)
    assert time.process_time() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before < 100_000  # KB: no 3 GB expansion
    assert all(len(i.title) + len(i.text) < 1000 for i in parsed.items)
    assert parsed.bozo  # the undefined entity is reported as data

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/lol", serve)
    async with TestServer(app, host="127.0.0.1") as srv, Fetcher(allow_private=True) as fetcher:
        result = await poll_feed(FeedSpec(name="lol", url=str(srv.make_url("/lol"))), FeedState(), fetcher)
    assert result.error is None or result.error.kind == "malformed"
    assert sum(len(i.text) for i in result.items) < 1000


def test_external_entities_are_not_read() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>t</title><item><title>x&xxe;</title><link>http://x.example/</link>'
        b"<description>&xxe;</description></item></channel></rss>"
    )
    for item in parse_feed(body, base_url=None).items:
        assert "root:" not in item.title + item.text


def test_not_a_feed() -> None:
    parsed = parse_feed(b"<!doctype html><html><body><p>Hello</p></body></html>", base_url="https://x.example/")
    assert parsed.items == [] and not parsed.looks_like_feed


def test_only_web_links_are_kept() -> None:
    doc = rss(
        "<item><title>A</title><link>javascript:alert(1)</link></item>"
        "<item><title>B</title><link>data:text/html,hi</link></item>"
    )
    assert [i.url for i in parse_feed(doc, base_url="https://x.example/feed").items] == [None, None]
