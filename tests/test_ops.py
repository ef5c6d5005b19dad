"""Operations over real HTTP: /healthz and /metrics from `App.run`, JSON logs with context, graceful stop."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import aiohttp
from sqlalchemy import select

from bot.logs import JsonFormatter
from bot.ops.metrics import Metrics, OpsServer
from bot.storage.tables import Delivery
from tests.conftest import FakeClock
from tests.support.delivery import RecordingSink, make_app, make_config
from tests.support.waiting import wait_until


def _sample(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            if line.split(" ")[0] == name or line.startswith(name + "{"):
                return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in metrics")


async def test_app_run_serves_healthz_and_metrics_then_stops_gracefully(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    sink = RecordingSink()
    sink.failures.append(__import__("bot.errors", fromlist=["Retryable"]).Retryable("rec:room", "429", retry_after=0))
    app = await make_app(database_url, make_config(tmp_path, feeds=2, articles_per_feed=3), clock, sink, http_port=0)
    await app.poll_all(force=True)  # ingest now; the feeds are not due again when `run` starts
    clock.advance(seconds=2)  # the deliveries are 2 s old when sent: a first-sight-to-post latency of 2 s
    task = asyncio.create_task(app.run())
    try:
        await wait_until(lambda: app.ops is not None and app.ops.port != 0, "the ops server")
        assert app.ops is not None
        base = f"http://127.0.0.1:{app.ops.port}"
        await wait_until(lambda: len(sink.posts) == 6 and not app.outbox.in_flight, "six posts recorded")
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{base}/healthz") as resp:
                assert resp.status == 200
                body = await resp.json()
                assert body["status"] == "ok" and body["database"] == app.services.db.dialect
                assert body["instance"] == app.services.instance_id
            async with http.get(f"{base}/metrics") as resp:
                assert resp.status == 200 and resp.headers["Content-Type"].startswith("text/plain")
                text = await resp.text()
        assert _sample(text, 'diplobot_feed_polls_total{result="ok"}') == 2
        assert _sample(text, "diplobot_articles_total") == 6
        assert _sample(text, "diplobot_alerts_queued_total") == 6
        assert _sample(text, "diplobot_delivery_retries_total") == 1
        assert _sample(text, 'diplobot_deliveries_total{result="sent"}') == 6
        assert _sample(text, 'diplobot_outbox_depth{status="sent"}') == 6
        assert _sample(text, 'diplobot_outbox_depth{status="pending"}') == 0
        assert _sample(text, "diplobot_feeds_failing") == 0 and _sample(text, "diplobot_feeds") == 2
        assert _sample(text, "diplobot_delivery_latency_seconds_count") == 6
        assert _sample(text, 'diplobot_delivery_latency_seconds_bucket{le="1.0"}') == 0
        assert _sample(text, 'diplobot_delivery_latency_seconds_bucket{le="2.0"}') == 6
    finally:
        app.stop_event.set()
        await asyncio.wait_for(task, timeout=30)
    assert app.ops is None


async def test_healthz_says_503_when_the_database_is_gone(tmp_path: Path, clock: FakeClock) -> None:
    sink = RecordingSink()
    app = await make_app(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}", make_config(tmp_path), clock, sink)
    server = OpsServer(app.services, Metrics(), host="127.0.0.1", port=0)
    port = await server.start()
    try:
        (tmp_path / "db.sqlite").unlink()
        (tmp_path / "db.sqlite").mkdir()  # the file is now a folder: SQLite cannot open it
        await app.services.db.engine.dispose()
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 503
                assert (await resp.json())["status"] == "error"
            async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:  # counters still served
                assert resp.status == 200 and "diplobot_deliveries_total" in await resp.text()
    finally:
        await server.stop()
        await app.close()
        # aiosqlite finishes a failed connect in its own thread; let it report back before this test's
        # event loop closes (otherwise it raises "Event loop is closed" in a later test).
        await asyncio.sleep(0.2)


def test_json_logs_carry_feed_rule_and_channel_context() -> None:
    record = logging.LogRecord("bot.alerts.outbox", logging.WARNING, __file__, 1, "delivery %s failed", (7,), None)
    record.channel, record.rule, record.delivery, record.feed = "slack:T/C", "truce", 7, "feed0"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "delivery 7 failed" and line["level"] == "WARNING"
    assert (line["channel"], line["rule"], line["delivery"], line["feed"]) == ("slack:T/C", "truce", 7, "feed0")


async def test_outbox_logs_include_channel_and_rule(
    database_url: str, tmp_path: Path, clock: FakeClock, caplog
) -> None:  # type: ignore[no-untyped-def]
    from bot.errors import Retryable

    sink = RecordingSink()
    app = await make_app(database_url, make_config(tmp_path, articles_per_feed=1), clock, sink)
    try:
        await app.poll_all(force=True)
        sink.failures.append(Retryable("rec:room", "429", retry_after=5))
        with caplog.at_level(logging.INFO, logger="bot.alerts.outbox"):
            await app.outbox.drain()
        [rec] = [r for r in caplog.records if "will be retried" in r.getMessage()]
        assert rec.channel == "rec:room" and isinstance(rec.delivery, int)  # type: ignore[attr-defined]
        async with app.services.db.session() as session:
            assert (await session.scalar(select(Delivery.status))) == "pending"
    finally:
        await app.close()
