"""The Fetcher and poll_feed against a real loopback server: caching, bounds, redirects and SSRF refusal."""

from __future__ import annotations

import asyncio
import gzip
import socket
import time
import zlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.test_utils import TestServer

from bot.errors import FeedError
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import USER_AGENT, BlockedAddress, Fetcher, GuardedResolver, blocked_reason
from bot.ingest.poll import FeedState, poll_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://news.example/</link>
<item><title>Talks resume</title><link>https://news.example/a?utm_source=rss</link><guid>https://news.example/a</guid>
<description>&lt;p&gt;Envoys met in Geneva.&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    if not _BOMB:
        comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        block = b"\0" * (1 << 20)
        _BOMB.append(b"".join(comp.compress(block) for _ in range(128)) + comp.flush())
    return _BOMB[0]


class Counters:
    """Request counts and seen headers, shared by the test server's handlers."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.headers: list[dict[str, str]] = []
        self.never = asyncio.Event()
        self.gate = asyncio.Event()
        self.inflight = 0
        self.max_inflight = 0


def make_app(c: Counters) -> web.Application:
    async def feed(request: web.Request) -> web.Response:
        c.hits["feed"] = c.hits.get("feed", 0) + 1
        c.headers.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers={"ETag": '"v1"'})
        return web.Response(
            body=RSS,
            content_type="application/rss+xml",
            headers={"ETag": '"v1"', "Last-Modified": "Mon, 23 Nov 2026 10:00:00 GMT"},
        )

    async def plain(request: web.Request) -> web.Response:
        c.hits["plain"] = c.hits.get("plain", 0) + 1
        return web.Response(body=RSS, content_type="application/rss+xml")  # no validators: body hash decides

    async def gz(request: web.Request) -> web.Response:
        return web.Response(
            body=gzip.compress(RSS), headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
        )

    async def deflate_raw(request: web.Request) -> web.Response:
        comp = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return web.Response(body=comp.compress(RSS) + comp.flush(), headers={"Content-Encoding": "deflate"})

    async def big(request: web.Request) -> web.StreamResponse:
        # No Content-Length: the cap must hold while streaming.
        resp = web.StreamResponse()
        await resp.prepare(request)
        chunk = b"x" * 65536
        for _ in range(40):  # 2.5 MB, over the 1 MB cap set by the test
            await resp.write(chunk)
        await resp.write_eof()
        return resp

    async def bomb(request: web.Request) -> web.Response:
        # ~128 KB on the wire that inflates to 128 MB; Content-Length is small and honest.
        return web.Response(body=_bomb(), headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"})

    async def loop_redirect(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        raise web.HTTPFound(f"/loop/{n + 1}")

    async def hop(request: web.Request) -> web.Response:
        raise web.HTTPFound("/feed")

    async def trickle(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        await resp.write(b"<rss")
        await c.never.wait()  # the rest never comes
        return resp

    async def slow_gate(request: web.Request) -> web.Response:
        # Count requests in flight; the first `limit` to arrive wait until `limit` are in flight together.
        c.inflight += 1
        c.max_inflight = max(c.max_inflight, c.inflight)
        if c.inflight >= 2:
            c.gate.set()
        await c.gate.wait()
        await asyncio.sleep(0)  # let any request the limiter wrongly admitted arrive before this one leaves
        c.inflight -= 1
        return web.Response(body=RSS)

    async def declared_big(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * (2 << 20))

    async def missing(request: web.Request) -> web.Response:
        raise web.HTTPNotFound()

    async def to_internal(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    app = web.Application()
    routes = {
        "/feed": feed,
        "/plain": plain,
        "/gz": gz,
        "/deflate": deflate_raw,
        "/big": big,
        "/bomb": bomb,
        "/loop/{n}": loop_redirect,
        "/hop": hop,
        "/trickle": trickle,
        "/missing": missing,
        "/gate/{n}": slow_gate,
        "/declared-big": declared_big,
        "/to-internal": to_internal,
    }
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    return app


@pytest.fixture
async def server() -> AsyncIterator[tuple[TestServer, Counters]]:
    c = Counters()
    async with TestServer(make_app(c), host="127.0.0.1") as srv:
        yield srv, c


def url(srv: TestServer, path: str) -> str:
    return str(srv.make_url(path))


async def test_conditional_get_304_and_user_agent(server: tuple[TestServer, Counters]) -> None:
    srv, c = server
    spec = FeedSpec(name="t", url=url(srv, "/feed"))
    async with Fetcher(allow_private=True) as fetcher:
        first = await poll_feed(spec, FeedState(), fetcher)
        assert first.error is None and len(first.items) == 1 and first.feed_title == "Test feed"
        assert first.state.etag == '"v1"' and first.state.last_modified
        second = await poll_feed(spec, first.state, fetcher)
    assert second.not_modified and second.items == [] and second.error is None
    assert second.state.etag == '"v1"' and second.state.body_hash == first.state.body_hash
    assert c.headers[1]["If-None-Match"] == '"v1"'
    assert c.headers[1]["If-Modified-Since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
    assert c.headers[0]["User-Agent"] == USER_AGENT


async def test_unchanged_body_is_not_parsed_again(
    server: tuple[TestServer, Counters], monkeypatch: pytest.MonkeyPatch
) -> None:
    srv, c = server
    spec = FeedSpec(name="t", url=url(srv, "/plain"))
    async with Fetcher(allow_private=True) as fetcher:
        first = await poll_feed(spec, FeedState(), fetcher)
        assert len(first.items) == 1

        def no_parse(*args: object, **kwargs: object) -> None:
            raise AssertionError("an unchanged body was parsed again")

        monkeypatch.setattr("bot.ingest.pool.parse_feed", no_parse)
        second = await poll_feed(spec, first.state, fetcher)
    assert c.hits["plain"] == 2
    assert second.not_modified and second.items == [] and second.error is None


async def test_gzip_and_raw_deflate(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    async with Fetcher(allow_private=True) as fetcher:
        assert (await fetcher.fetch(url(srv, "/gz"))).body == RSS
        assert (await fetcher.fetch(url(srv, "/deflate"))).body == RSS


async def test_size_cap_while_streaming(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    async with Fetcher(allow_private=True, max_bytes=1 << 20) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(url(srv, "/big"))
    assert info.value.kind == "too_large"


async def test_gzip_bomb_is_capped(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    spec = FeedSpec(name="bomb", url=url(srv, "/bomb"))
    started = time.monotonic()
    async with Fetcher(allow_private=True, max_bytes=5 << 20) as fetcher:
        result = await poll_feed(spec, FeedState(), fetcher)
    assert result.error is not None and result.error.kind == "too_large"
    assert "after decompression" in result.error.message
    assert time.monotonic() - started < 20  # generous: the point is that it stops early


async def test_redirects_followed_and_capped(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    async with Fetcher(allow_private=True, max_redirects=3) as fetcher:
        ok = await fetcher.fetch(url(srv, "/hop"))
        assert ok.final_url.endswith("/feed") and ok.body == RSS
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(url(srv, "/loop/0"))
    assert info.value.kind == "too_many_redirects"


async def test_trickling_server_times_out(server: tuple[TestServer, Counters]) -> None:
    srv, c = server
    spec = FeedSpec(name="slow", url=url(srv, "/trickle"))
    async with Fetcher(allow_private=True, total_timeout=0.5) as fetcher:
        result = await poll_feed(spec, FeedState(), fetcher)
    c.never.set()
    assert result.error is not None and result.error.kind == "timeout"


async def test_http_error_is_data(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    async with Fetcher(allow_private=True) as fetcher:
        result = await poll_feed(FeedSpec(name="gone", url=url(srv, "/missing")), FeedState(), fetcher)
    assert result.error is not None and result.error.kind == "http_404"
    assert "\n" not in str(result.error)


async def test_connect_refused_is_data() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens on this port now
    async with Fetcher(allow_private=True, connect_timeout=2) as fetcher:
        result = await poll_feed(FeedSpec(name="down", url=f"http://127.0.0.1:{port}/"), FeedState(), fetcher)
    assert result.error is not None and result.error.kind == "connect"


async def test_loopback_literal_is_blocked(server: tuple[TestServer, Counters]) -> None:
    srv, c = server
    async with Fetcher(allow_private=False) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(url(srv, "/feed"))
        result = await poll_feed(FeedSpec(name="x", url=f"http://[::1]:{srv.port}/feed"), FeedState(), fetcher)
    assert info.value.kind == "blocked_address"
    assert "DIPLOBOT_ALLOW_PRIVATE_NETWORKS" in info.value.message
    assert result.error is not None and result.error.kind == "blocked_address"
    assert c.hits.get("feed", 0) == 0


async def test_hostname_resolving_to_loopback_is_blocked(server: tuple[TestServer, Counters]) -> None:
    srv, c = server
    async with Fetcher(allow_private=False) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(f"http://localhost:{srv.port}/feed")
    assert info.value.kind == "blocked_address"
    assert c.hits.get("feed", 0) == 0


class FakeResolver(AbstractResolver):
    """Maps made-up host names to fixed addresses, as DNS would."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(
                hostname=host,
                host=ip,
                port=port,
                family=socket.AF_INET6 if ":" in ip else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for ip in self.table[host]
        ]

    async def close(self) -> None:
        return None


async def test_resolver_guard_checks_resolved_addresses() -> None:
    guard = GuardedResolver(
        FakeResolver(
            {
                "meta.example": ["169.254.169.254"],
                "lan.example": ["10.0.0.7"],
                "v6meta.example": ["fd00:ec2::254"],
                "mixed.example": ["192.168.1.1", "93.184.216.34"],
                "cgnat.example": ["100.100.100.200"],
                "mapped.example": ["::ffff:127.0.0.1"],
            }
        )
    )
    for host in ("meta.example", "lan.example", "v6meta.example", "cgnat.example", "mapped.example"):
        with pytest.raises(BlockedAddress):
            await guard.resolve(host, 80)
    kept = await guard.resolve("mixed.example", 80)
    assert [r["host"] for r in kept] == ["93.184.216.34"]  # only the public address is ever connected to
    assert blocked_reason("8.8.8.8") is None and blocked_reason("2606:4700:4700::1111") is None
    for ip in ("127.0.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "192.0.0.192", "64:ff9b::7f00:1"):
        assert blocked_reason(ip), ip


async def test_redirect_to_internal_address_is_refused(server: tuple[TestServer, Counters]) -> None:
    """Treat 127.0.0.1 as "public" for this test only; a redirect to another internal host must still be refused."""
    srv, c = server

    def policy(ip: str) -> str | None:
        return None if ip == "127.0.0.1" else blocked_reason(ip)

    resolver = FakeResolver({"public.example": ["127.0.0.1"], "intranet.example": ["10.1.2.3"]})
    async with Fetcher(allow_private=False, resolver=resolver, address_policy=policy) as fetcher:
        ok = await fetcher.fetch(f"http://public.example:{srv.port}/feed")
        assert ok.body == RSS
        for target in (
            f"http://127.0.0.2:{srv.port}/feed",
            f"http://intranet.example:{srv.port}/feed",
            "http://169.254.169.254/latest/meta-data/",
        ):
            with pytest.raises(FeedError) as info:
                await fetcher.fetch(f"http://public.example:{srv.port}/to-internal?to={target}")
            assert info.value.kind == "blocked_address", target
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(f"http://public.example:{srv.port}/to-internal?to=file:///etc/passwd")
        assert info.value.kind == "bad_url"
    assert c.hits["feed"] == 1


async def test_per_host_concurrency_limit(server: tuple[TestServer, Counters]) -> None:
    srv, c = server
    async with Fetcher(allow_private=True, per_host=2) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(url(srv, f"/gate/{i}")) for i in range(8)))
    assert all(r.body == RSS for r in results)
    assert c.max_inflight == 2


async def test_declared_content_length_over_cap(server: tuple[TestServer, Counters]) -> None:
    srv, _ = server
    async with Fetcher(allow_private=True, max_bytes=1 << 20) as fetcher:
        with pytest.raises(FeedError) as info:
            await fetcher.fetch(url(srv, "/declared-big"))
    assert info.value.kind == "too_large" and "2,097,152" in info.value.message
