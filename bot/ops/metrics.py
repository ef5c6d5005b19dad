"""Operations: Prometheus metrics and a small aiohttp server for /healthz and /metrics (DIPLOBOT_HTTP_PORT).

The same server carries the web console (`bot.web`), mounted by the app.

Counters (polls, articles, alerts, retries, deliveries) and the latency histogram count what
*this* instance did; sum them across instances. Gauges read from the database at scrape time
(outbox depth, failing feeds) describe the shared state, so every instance reports the same value.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from sqlalchemy import func, or_, select, text

from bot.storage.tables import Delivery, Feed

if TYPE_CHECKING:  # aiohttp's server loads when the ops server starts: every app has Metrics, few serve them
    from aiohttp import web

    from bot.services import Services

log = logging.getLogger(__name__)

OUTBOX_STATUSES = ("pending", "claimed", "sending", "sent", "dead", "superseded")
LATENCY_BUCKETS = (0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)


class Metrics:
    """The metrics of one instance, in their own registry (so several apps can live in one process)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.polls = Counter("diplobot_feed_polls", "Feed polls by outcome (ok, error)", ["result"], registry=r)
        self.feeds_failing = Gauge(
            "diplobot_feeds_failing", "Enabled feeds whose last poll failed, or paused", registry=r
        )
        self.feeds = Gauge("diplobot_feeds", "Enabled feeds", registry=r)
        self.articles = Counter("diplobot_articles", "New articles ingested", registry=r)
        self.alerts = Counter(
            "diplobot_alerts_queued", "Outbox rows queued by ingestion (posts, edits, follow-ups)", registry=r
        )
        self.outbox = Gauge("diplobot_outbox_depth", "Outbox rows by status", ["status"], registry=r)
        self.retries = Counter(
            "diplobot_delivery_retries", "Delivery attempts that failed and will be retried", registry=r
        )
        self.deliveries = Counter(
            "diplobot_deliveries",
            "Deliveries finished, by outcome (sent, reconciled, dead, superseded)",
            ["result"],
            registry=r,
        )
        self.latency_hist = Histogram(
            "diplobot_delivery_latency_seconds",
            "From an article's first sight to its alert's post",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )

    def polled(self, ok: bool, articles: int = 0, alerts: int = 0) -> None:
        """Count one feed poll and what it ingested."""
        self.polls.labels("ok" if ok else "error").inc()
        if articles:
            self.articles.inc(articles)
        if alerts:
            self.alerts.inc(alerts)

    def retried(self) -> None:
        """Count one failed attempt that will be retried."""
        self.retries.inc()

    def delivered(self, result: str) -> None:
        """Count one finished delivery."""
        self.deliveries.labels(result).inc()

    def latency(self, seconds: float) -> None:
        """Observe one first-sight-to-post latency."""
        self.latency_hist.observe(max(0.0, seconds))

    async def refresh(self, services: Services) -> None:
        """Read the shared gauges (outbox depth, failing feeds) from the database."""
        async with services.db.session() as session:
            counts = dict(
                (await session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))).tuples().all()
            )
            enabled = Feed.enabled.is_(True)
            feeds = await session.scalar(select(func.count(Feed.id)).where(enabled))
            failing = await session.scalar(
                select(func.count(Feed.id)).where(enabled, or_(Feed.paused.is_(True), Feed.consecutive_failures > 0))
            )
        for status in sorted(set(OUTBOX_STATUSES) | set(counts)):
            self.outbox.labels(status).set(int(counts.get(status, 0)))
        self.feeds.set(int(feeds or 0))
        self.feeds_failing.set(int(failing or 0))


class OpsServer:
    """Serves GET /healthz (database reachable?) and GET /metrics (Prometheus text) on one port."""

    def __init__(
        self,
        services: Services,
        metrics: Metrics,
        *,
        host: str = "0.0.0.0",
        port: int = 0,
        mounts: Sequence[Callable[[web.Application], None]] = (),
    ) -> None:
        self.services = services
        self.metrics = metrics
        self.mounts = tuple(mounts)  # more routes on the same port: the web console (bot/web)
        self.host = host
        self.port = port
        self.started = time.monotonic()
        self._runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        """The aiohttp application with both routes."""
        from aiohttp import web

        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics_view)
        for mount in self.mounts:
            mount(app)
        return app

    async def start(self) -> int:
        """Listen; returns the bound port (useful when `port` is 0)."""
        from bot.ops.listen import listen

        self._runner, self.port = await listen(self.app(), self.host, self.port, setting="DIPLOBOT_HTTP_PORT")
        log.info("ops server on %s:%s (/healthz, /metrics)", self.host, self.port)
        return self.port

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def healthz(self, request: web.Request) -> web.Response:
        """200 with {"status": "ok"} when the database answers, else 503 with the reason."""
        body: dict[str, object] = {
            "instance": self.services.instance_id,
            "uptime_seconds": round(time.monotonic() - self.started, 1),
        }
        from aiohttp import web

        try:
            async with self.services.db.session() as session:
                await session.execute(text("SELECT 1"))
        except Exception as exc:
            log.warning("health check: database unreachable: %s", exc)
            return web.json_response(
                {**body, "status": "error", "database": f"{type(exc).__name__}: {exc}"}, status=503
            )
        return web.json_response({**body, "status": "ok", "database": self.services.db.dialect})

    async def metrics_view(self, request: web.Request) -> web.Response:
        """The Prometheus text exposition, with database gauges refreshed first."""
        try:
            await self.metrics.refresh(self.services)
        except Exception as exc:  # still serve the counters this instance holds
            log.warning("metrics: cannot read the database gauges: %s", exc)
        from aiohttp import web

        return web.Response(body=generate_latest(self.metrics.registry), headers={"Content-Type": CONTENT_TYPE_LATEST})
