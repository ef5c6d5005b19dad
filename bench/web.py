"""Web console latency with many stored articles: each page and API call, served on loopback, timed.

Run: .venv/bin/python bench/web.py [--articles 100000] [--per-story 3] [--runs 20]

Builds a SQLite database the way `diplobot run` does (migrations, the default rules and feeds), runs the
seed articles through the real pipeline once, then adds `--articles` stored articles copied from them
(their detections, new ids, titles and times spread over 90 days; `--per-story` to a story, each story's
state recorded for the operator as the pipeline records it, every article seen through the seeds feed).
It then serves the console (the same `Console` the bot mounts) on a loopback port and asks each page and
API call `--runs` times with the operator's token, after one first call. Prints the first call's time (cold:
nothing of it cached, e.g. the console's listing cache empty), then the median and the slowest of the others;
nothing is asserted. Target: under 200 ms each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp import ClientSession, CookieJar, web  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from bot.app import App  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.storage.tables import ArticleRow, Feed, SeenItem, Story  # noqa: E402
from bot.web.console import Console  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
BATCH = 2000


async def build(folder: Path, articles: int, per_story: int) -> App:
    """A migrated, seeded database with the seed story ingested and `articles` more stored."""
    cfg = folder / "config"
    cfg.mkdir()
    (cfg / "rules.yaml").write_text((REPO / "config" / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: seeds\n    url: {REPO / 'seeds'}\n    interval: 60\n    backfill: 50\n", encoding="utf-8"
    )
    settings = Settings(  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{folder / 'diplobot.db'}", config_dir=cfg, terminal=False
    )
    app = App(settings, adapters=[])
    await app.setup()
    await app.poll_all(force=True)
    now = app.clock.now()
    async with app.services.db.session() as session:
        seeds = (await session.scalars(select(ArticleRow))).all()
        story = (await session.scalars(select(Story))).first()
        feed_id = (await session.scalars(select(Feed.id))).first()
        assert seeds and story is not None and feed_id is not None
        state = story.state
    started = time.perf_counter()
    for start in range(0, articles, BATCH):
        rows, seen, stories = [], [], []
        for n in range(start, min(articles, start + BATCH)):
            base = seeds[n % len(seeds)]
            when = now - timedelta(minutes=n * 90 * 24 * 60 // max(1, articles))
            sid = f"s-bench{n // per_story:07d}"
            aid = f"a-bench{n:09d}"
            rows.append(
                {
                    "id": aid,
                    "url": f"https://example.org/{n}",
                    "guid": None,
                    "title": f"{base.title} ({n})",
                    "text": base.text,
                    "outlet": f"Outlet {n % 40}",
                    "feed_id": feed_id,
                    "published": when,
                    "seen_at": when,
                    "content_hash": f"{n:064d}",
                    "story_id": sid,
                    "detection": base.detection,
                    "search_text": "",
                    "event_at": when,
                    "dated": "published",
                }
            )
            seen.append({"feed_id": feed_id, "item_key": f"bench:{n}", "article_id": aid, "seen_at": when})
            if n % per_story == 0:
                stories.append(
                    {
                        "id": sid,
                        "headline": f"{base.title} ({n})",
                        "first_seen": when,
                        "last_seen": when,
                        "state": state,
                    }
                )
        async with app.services.db.session() as session:
            if stories:
                await session.execute(insert(Story), stories)
            await session.execute(insert(ArticleRow), rows)
            await session.execute(insert(SeenItem), seen)
    print(f"stored {articles:,} articles in {articles // per_story:,} stories in {time.perf_counter() - started:.0f} s")
    return app


async def measure(app: App, runs: int) -> None:
    console = Console(app.core, app.services)
    server = web.Application()
    console.mount(server)
    runner = web.AppRunner(server, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {console.sessions.token}"}
    month_ago = app.clock.now() - timedelta(days=30)
    async with ClientSession(base, headers=headers) as http:
        async with http.get("/api/stories?limit=1") as resp:
            story_id = (await resp.json())[0]["id"]
        calls: list[tuple[str, str, dict[str, str] | None]] = [
            ("GET", "/api/stories", None),
            ("GET", "/api/stories?country=Armenia&event=talks", None),
            ("GET", "/api/stories?severity=flash", None),
            ("GET", f"/api/stories?since={month_ago:%Y-%m-%d}&until={month_ago + timedelta(days=10):%Y-%m-%d}", None),
            ("GET", "/api/stories.csv?limit=500", None),
            ("GET", f"/api/stories/{story_id}", None),
            ("POST", "/api/rules/check", {"name": "x", "query": "(armenia* OR azerbaijan*) AND ceasefire"}),
            ("GET", "/api/feeds", None),
            ("GET", "/api/deliveries", None),
            ("GET", "/api/rules/history", None),
        ]
        # Pages: a signed-in browser's cookie.
        print(f"{'call':58} {'first':>9} {'median':>9} {'slowest':>9}")
        for method, path, body in calls:
            times = []
            for _ in range(runs + 1):
                t0 = time.perf_counter()
                async with http.request(method, path, data=body) as resp:
                    await resp.read()
                    assert resp.status == 200, (path, resp.status, await resp.text())
                times.append(time.perf_counter() - t0)
            print(f"{method + ' ' + path:58} {_figures(times)}")
        async with ClientSession(base, cookie_jar=CookieJar(unsafe=True)) as browser:
            async with browser.get(f"/login?token={console.sessions.token}") as resp:
                assert resp.status == 200 and resp.url.path == "/stories"
            for path in (
                "/stories",
                "/stories?country=Armenia",
                f"/stories/{story_id}",
                "/rules",
                "/feeds",
                "/deliveries",
            ):
                times = []
                for _ in range(runs + 1):
                    t0 = time.perf_counter()
                    async with browser.get(path) as resp:
                        await resp.read()
                        assert resp.status == 200, (path, resp.status)
                    times.append(time.perf_counter() - t0)
                print(f"{'page ' + path:58} {_figures(times)}")
    await runner.cleanup()


def _figures(times: list[float]) -> str:
    """The first call's time, then the median and the slowest of the rest, in ms."""
    first, rest = times[0], times[1:]
    return f"{first * 1000:6.0f} ms {statistics.median(rest) * 1000:6.0f} ms {max(rest) * 1000:6.0f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-story", type=int, default=3)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; SQLite")
    with tempfile.TemporaryDirectory(prefix="diplobot-bench-web-") as tmp:
        app = await build(Path(tmp), args.articles, args.per_story)
        try:
            await measure(app, args.runs)
        finally:
            await app.close()
    print(json.dumps({"articles": args.articles}))


if __name__ == "__main__":
    asyncio.run(main())
