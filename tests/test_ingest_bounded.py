"""One oversized feed does not take over a poll cycle: only its newest DIPLOBOT_FEED_MAX_ITEMS items are read,
the rest are reported in its status, and the other feeds of the same cycle are read as usual.

The oversized document is larger than `bot.ingest.pool.PROCESS_BYTES`, so the app parses it in its worker
process, as it would a hostile feed near the 5 MB cap.
"""

from __future__ import annotations

import random
from email.utils import formatdate
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from bot.app import App
from bot.ingest.pool import PROCESS_BYTES
from bot.models import Caller
from bot.settings import load_settings
from bot.storage.tables import ArticleRow, Feed

BIG_ITEMS = 3000
LIMIT = 120
NEWEST = 1_795_000_000  # 2026-11-18, before the test clock's "now"


def big_feed() -> bytes:
    """3,000 dated items in shuffled order (so "newest" cannot mean "first in the document"), past PROCESS_BYTES."""
    numbers = list(range(BIG_ITEMS))
    random.Random(7).shuffle(numbers)
    filler = "Officials met in the capital to discuss the border and the humanitarian corridor. " * 2
    items = "".join(
        f"<item><title>Border talks, round {n}</title><link>https://big.example/news/{n}</link>"
        f"<pubDate>{formatdate(NEWEST - n * 600, usegmt=True)}</pubDate><description>{filler}</description></item>"
        for n in numbers
    )
    body = f"<rss version='2.0'><channel><title>Big</title><link>https://big.example/</link>{items}</channel></rss>"
    return body.encode()


def small_feed(name: str) -> bytes:
    """Five dated items: a normal feed."""
    items = "".join(
        f"<item><title>{name} report {n}</title><link>https://{name}.example/{n}</link>"
        f"<pubDate>{formatdate(NEWEST - n * 3600, usegmt=True)}</pubDate>"
        f"<description>The {name} desk reports item {n} on the negotiations.</description></item>"
        for n in range(5)
    )
    return f"<rss version='2.0'><channel><title>{name}</title>{items}</channel></rss>".encode()


@pytest.fixture
async def feed_server():
    """A loopback server with the big feed and two small ones; yields its base URL."""
    docs = {"big": big_feed(), "alpha": small_feed("alpha"), "beta": small_feed("beta")}
    assert len(docs["big"]) > PROCESS_BYTES

    async def serve(request: web.Request) -> web.Response:
        return web.Response(body=docs[request.match_info["name"]], content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/{name}.xml", serve)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("")).rstrip("/")


async def test_an_oversized_feed_stores_its_newest_items_and_others_are_read(
    database_url: str, config_dir: Path, clock, feed_server: str
) -> None:
    # The big feed is listed first: its poll starts before the others'.
    (config_dir / "feeds.yaml").write_text(
        "feeds:\n"
        + "".join(
            f"  - name: {name}\n    url: {feed_server}/{name}.xml\n    jitter: 0\n" for name in ("big", "alpha", "beta")
        )
    )
    settings = load_settings(
        DIPLOBOT_DATABASE_URL=database_url,
        DIPLOBOT_CONFIG_DIR=str(config_dir),
        DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True,
        DIPLOBOT_FEED_MAX_ITEMS=LIMIT,
        DIPLOBOT_TERMINAL=False,
    )
    bot = App(settings, clock=clock, adapters=[])
    await bot.setup()
    try:
        await bot.poll_all(force=True)
        async with bot.services.db.session() as session:
            feeds = {f.name: f for f in (await session.scalars(select(Feed))).all()}
            big = feeds["big"]
            urls = set((await session.scalars(select(ArticleRow.url).where(ArticleRow.feed_id == big.id))).all())
            per_feed = dict(
                (await session.execute(select(ArticleRow.feed_id, func.count()).group_by(ArticleRow.feed_id))).all()
            )
        # Only the newest LIMIT items (the smallest numbers) are stored, wherever they stood in the document.
        assert urls == {f"https://big.example/news/{n}" for n in range(LIMIT)}
        assert big.consecutive_failures == 0 and big.last_success is not None and big.primed
        skipped = BIG_ITEMS - LIMIT
        assert big.last_warning is not None
        assert f"{BIG_ITEMS:,} items" in big.last_warning and f"{skipped:,} older ones were skipped" in big.last_warning
        status = await bot.core.run_text("feeds status big", Caller("operator", "local", True))
        assert f"{skipped:,} older ones were skipped" in "\n".join([status.text, *status.lines])
        # The other feeds of the same cycle were read in full, without an error or a note.
        for name in ("alpha", "beta"):
            feed = feeds[name]
            assert feed.last_success is not None and feed.consecutive_failures == 0 and feed.last_error is None
            assert feed.last_warning is None and per_feed[feed.id] == 5
    finally:
        await bot.close()
