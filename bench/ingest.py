"""Ingestion benchmark: 1,000 feeds x 50 items served locally with latency; diplobot's poller vs a naive loop.

Run: .venv/bin/python bench/ingest.py [--feeds 1000] [--items 50] [--hosts 50] [--naive-sample 100]

The feeds are served by a separate process (so the figures are the poller's own) on `--hosts`
loopback addresses (127.0.0.2, 127.0.0.3, ...; Linux routes all of 127/8), each answer delayed
50-200 ms. Half the feeds send ETag/Last-Modified (the re-poll gets 304s), half send none (the
re-poll gets the same body and is caught by the body hash). Prints figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import multiprocessing as mp
import random
import resource
import sys
import time
from email.utils import formatdate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import feedparser
from aiohttp import web

from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.poll import FeedState, PollResult, poll_feed

WORDS = (
    "ceasefire",
    "talks",
    "minister",
    "border",
    "troops",
    "agreement",
    "sanctions",
    "envoy",
    "summit",
    "delegation",
    "capital",
    "officials",
    "region",
    "peace",
    "statement",
    "president",
    "council",
    "security",
    "negotiations",
    "humanitarian",
    "aid",
)


def make_feed(index: int, items: int) -> bytes:
    """A realistic RSS 2.0 document: CDATA titles, escaped HTML descriptions, tracking links, dates."""
    rnd = random.Random(index)
    host = f"outlet{index % 97}.example"
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel><title>Outlet {index} World</title><link>https://{host}/world</link>"
        f"<description>World news from outlet {index}</description>"
    ]
    for i in range(items):
        title = " ".join(rnd.choice(WORDS) for _ in range(9)).capitalize()
        body = " ".join(rnd.choice(WORDS) for _ in range(70))
        parts.append(
            f"<item><title><![CDATA[{title}]]></title>"
            f"<link>https://{host}/world/{index}-{i}?utm_source=rss&amp;utm_medium=feed</link>"
            f'<guid isPermaLink="false">https://{host}/world/{index}-{i}</guid>'
            f"<pubDate>{formatdate(1_790_000_000 - i * 600, usegmt=True)}</pubDate>"
            f"<description>&lt;p&gt;{body}.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://{host}/&quot;&gt;More&lt;/a&gt;&lt;/p&gt;</description>"
            f'<media:content url="https://{host}/img/{i}.jpg" medium="image"/></item>'
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def serve(feeds: int, items: int, hosts: int, conn: object) -> None:
    """Child process: serve every feed on its host with 50-200 ms latency; send the ports back."""
    bodies = [make_feed(i, items) for i in range(feeds)]
    etags = [f'"{hashlib.sha1(b).hexdigest()[:16]}"' for b in bodies]
    modified = formatdate(1_790_000_000, usegmt=True)

    async def handler(request: web.Request) -> web.Response:
        index = int(request.match_info["n"])
        rnd = random.Random()
        await asyncio.sleep(rnd.uniform(0.05, 0.2))  # network and server latency
        if index % 2 == 0:
            if request.headers.get("If-None-Match") == etags[index]:
                return web.Response(status=304, headers={"ETag": etags[index]})
            return web.Response(
                body=bodies[index],
                content_type="application/rss+xml",
                headers={"ETag": etags[index], "Last-Modified": modified},
            )
        return web.Response(body=bodies[index], content_type="application/rss+xml")

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/feed/{n}.xml", handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        ports = []
        for h in range(hosts):
            site = web.TCPSite(runner, f"127.0.0.{h + 2}", 0, backlog=1024)
            await site.start()
            ports.append(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        conn.send(ports)  # type: ignore[attr-defined]
        await asyncio.Event().wait()

    asyncio.run(main())


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_s() -> float:
    """User plus system CPU seconds used by this process so far."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


async def cycle(specs: list[FeedSpec], states: list[FeedState], fetcher: Fetcher) -> tuple[float, list[PollResult]]:
    """Poll every feed at once, as when all jobs fall due together; returns wall time and results."""
    started = time.perf_counter()
    results = await asyncio.gather(*(poll_feed(s, st, fetcher) for s, st in zip(specs, states, strict=True)))
    return time.perf_counter() - started, list(results)


async def naive(urls: list[str]) -> tuple[float, int]:
    """The loop a first version would write: one request at a time, everything re-parsed every time."""
    started = time.perf_counter()
    count = 0
    async with aiohttp.ClientSession() as session:
        for url in urls:
            async with session.get(url) as resp:
                body = await resp.read()
            count += len(feedparser.parse(body).entries)
    return time.perf_counter() - started, count


async def run(args: argparse.Namespace) -> None:
    """Start the feed server, run two cycles of the poller and the naive loop, print the figures."""
    parent, child = mp.Pipe()
    proc = mp.Process(target=serve, args=(args.feeds, args.items, args.hosts, child), daemon=True)
    proc.start()
    ports = parent.recv()
    urls = [f"http://127.0.0.{i % args.hosts + 2}:{ports[i % args.hosts]}/feed/{i}.xml" for i in range(args.feeds)]
    specs = [FeedSpec(name=f"feed-{i}", url=u) for i, u in enumerate(urls)]
    print(
        f"{args.feeds} feeds x {args.items} items on {args.hosts} loopback hosts, 50-200 ms latency, "
        f"{mp.cpu_count()} CPUs; server in a separate process"
    )
    try:
        cpu0 = cpu_s()
        async with Fetcher(allow_private=True, per_host=args.per_host, max_connections=args.connections) as fetcher:
            t1, first = await cycle(specs, [FeedState()] * len(specs), fetcher)
            cpu1 = cpu_s()
            items = sum(len(r.items) for r in first)
            errors = [r.error for r in first if r.error]
            print(f"first cycle:          {t1:6.2f} s  ({items} items, {len(errors)} errors, CPU {cpu1 - cpu0:.2f} s)")
            if errors:
                print(f"  first error: {errors[0]}")
            states = [r.state for r in first]
            del first
            t2, second = await cycle(specs, states, fetcher)
            cpu2 = cpu_s()
            unchanged = sum(r.not_modified for r in second)
            print(
                f"unchanged re-poll:    {t2:6.2f} s  ({unchanged}/{len(second)} not modified: "
                f"{sum(r.not_modified for r in second[::2])} by 304, {sum(r.not_modified for r in second[1::2])} by body hash;"
                f" CPU {cpu2 - cpu1:.2f} s)"
            )
        print(f"CPU total:            {cpu_s() - cpu0:6.2f} s   peak RSS: {peak_rss_mb():.0f} MB")
        sample = urls[: args.naive_sample]
        tn, n_items = await naive(sample)
        scale = args.feeds / len(sample)
        note = f" (measured on {len(sample)} feeds, extrapolated x{scale:g})" if scale != 1 else ""
        print(
            f"naive loop, per cycle: {tn * scale:6.1f} s{note}; it re-parses {n_items} items every cycle, "
            f"so its unchanged re-poll costs the same"
        )
        print(f"speed-up: first cycle x{tn * scale / t1:.0f}, unchanged re-poll x{tn * scale / t2:.0f}")
    finally:
        proc.terminate()
        proc.join(5)


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--naive-sample", type=int, default=100)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
