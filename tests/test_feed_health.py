"""Feed health through the app: backoff, one warning, pause after 10 failures with one admin notice, resume."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from aiohttp import web

from adapters.terminal import TerminalAdapter
from bot.app import App
from bot.ingest.scheduler import PAUSE_AFTER, feed_backoff
from bot.models import Caller
from bot.settings import load_settings
from bot.storage.tables import Feed


def test_backoff_doubles_and_is_capped() -> None:
    assert feed_backoff(300, 1) == timedelta(seconds=300)
    assert feed_backoff(300, 3) == timedelta(seconds=1200)
    assert feed_backoff(300, 30) == timedelta(hours=6)


@pytest.fixture
async def failing_server():
    """A loopback feed server that answers 500 until told to serve a feed."""
    state = {"ok": False, "hits": 0}

    async def feed(request: web.Request) -> web.Response:
        state["hits"] += 1
        if not state["ok"]:
            return web.Response(status=500, text="upstream broke")
        return web.Response(
            body=b"<rss version='2.0'><channel><title>Back</title></channel></rss>", content_type="application/rss+xml"
        )

    app = web.Application()
    app.router.add_get("/rss", feed)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}/rss", state
    await runner.cleanup()


async def test_failing_feed_backs_off_pauses_and_tells_the_admin_once(
    database_url: str, config_dir: Path, clock, failing_server, caplog: pytest.LogCaptureFixture
) -> None:
    url, state = failing_server
    (config_dir / "feeds.yaml").write_text(f"feeds:\n  - name: flaky\n    url: {url}\n    jitter: 0\n")
    out = io.StringIO()
    settings = load_settings(
        DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(config_dir), DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True
    )
    bot = App(settings, clock=clock, adapters=[TerminalAdapter(None, stream=out, interactive=False)])
    await bot.setup()
    try:
        (feed_id,) = await bot.feed_ids()
        caplog.set_level(logging.INFO, logger="bot.app")
        await bot.poll(feed_id)
        assert await bot.poll(feed_id) is None  # backing off: not due yet, nothing fetched
        assert state["hits"] == 1
        async with bot.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            assert feed is not None and feed.consecutive_failures == 1 and feed.last_error_kind == "http_500"
            assert feed.next_poll_at == clock.now() + timedelta(seconds=300)
        for _ in range(PAUSE_AFTER - 1):
            clock.advance(hours=7)
            await bot.poll(feed_id)
        await bot.outbox.drain()
        async with bot.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            assert feed is not None and feed.paused and feed.consecutive_failures == PAUSE_AFTER
        warnings = [r for r in caplog.records if "cannot be read" in r.getMessage()]
        assert len(warnings) == 1 and "Traceback" not in warnings[0].getMessage()
        assert out.getvalue().count("[NOTICE]") == 1 and "flaky" in out.getvalue()
        clock.advance(hours=7)
        assert await bot.poll(feed_id) is None and state["hits"] == PAUSE_AFTER  # a paused feed is not polled

        status = await bot.core.run_text("feeds status", Caller("operator", "local", True))
        assert "flaky" in "\n".join([status.text, *status.lines])
        resumed = await bot.core.run_text("feeds resume flaky", Caller("operator", "local", True))
        assert resumed.ok, resumed.text
        state["ok"] = True
        result = await bot.poll(feed_id, force=True)
        assert result is not None and result.error is None
        async with bot.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            assert feed is not None and not feed.paused and feed.consecutive_failures == 0
    finally:
        await bot.close()
