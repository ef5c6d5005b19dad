"""Each feed on its own schedule: one APScheduler job per feed, poll leases, backoff and pausing.

A poll takes the feed's lease in the database first (so two instances never poll one feed at once),
fetches through the shared polls (tenants seeded with the same default feeds share each fetch), hands
the items to the pipeline and records the feed's health: a failing feed waits its interval doubled per
consecutive failure (at most 6 h) and is paused after `PAUSE_AFTER` failures in a row, with a notice
to the admin channel. A poll never raises: a job must go on.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import or_, select, update

from bot.alerts.queue import queue_notice
from bot.channels import LOCAL_TENANT
from bot.ingest.feeds import FeedSpec
from bot.ingest.poll import FeedState, PollResult, SharedPolls
from bot.ingest.pool import ParsePool
from bot.jobs import Guard
from bot.storage.db import rowcount
from bot.storage.tables import Feed

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.errors import FeedError
    from bot.ingest.fetch import Fetcher
    from bot.ingest.pipeline import Pipeline
    from bot.ops.metrics import Metrics
    from bot.services import Services

log = logging.getLogger(__name__)

PAUSE_AFTER = 10
# Polls one instance runs at once: the rest wait, so that other instances lease the other due feeds.
POLL_CONCURRENCY = 4
MAX_BACKOFF = timedelta(hours=6)


def feed_backoff(interval: int, failures: int) -> timedelta:
    """How long a failing feed waits: its interval doubled per consecutive failure, capped at 6 h."""
    return min(MAX_BACKOFF, timedelta(seconds=interval * (2 ** max(0, failures - 1))))


def _record_success(feed: Feed, spec: FeedSpec, result: PollResult, now: datetime, jitter: timedelta) -> None:
    """A poll that read the feed: clear its failures, keep its validators and title, poll again in an interval."""
    if feed.consecutive_failures:
        log.info(
            "feed %s recovered after %d failed polls",
            spec.name,
            feed.consecutive_failures,
            extra={"feed": spec.name},
        )
    feed.consecutive_failures = 0
    feed.last_success = now
    feed.etag, feed.last_modified, feed.body_hash = (
        result.state.etag,
        result.state.last_modified,
        result.state.body_hash,
    )
    if result.feed_title:
        feed.title = result.feed_title
    feed.next_poll_at = now + timedelta(seconds=spec.interval) + jitter
    feed.last_warning = result.warning  # shown by `feeds status` (e.g. the items left out)
    if result.warning:
        log.info("feed %s: %s", spec.name, result.warning, extra={"feed": spec.name})


def _record_failure(feed: Feed, spec: FeedSpec, err: FeedError, now: datetime, jitter: timedelta) -> None:
    """A poll that failed: count it, keep the error for `feeds status`, back off before the next poll."""
    feed.consecutive_failures += 1
    feed.last_error_kind = err.kind
    feed.last_error = err.message
    wait = feed_backoff(spec.interval, feed.consecutive_failures)
    feed.next_poll_at = now + wait + jitter
    if feed.consecutive_failures == 1:
        log.warning(
            "feed %s cannot be read (%s: %s); retrying with backoff",
            spec.name,
            err.kind,
            err.message,
            extra={"feed": spec.name},
        )


class FeedScheduler:
    """Polls the enabled, unpaused feeds: leases, fetches, ingests through the pipeline, records health."""

    def __init__(
        self,
        services: Services,
        pipeline: Pipeline,
        fetcher: Fetcher,
        metrics: Metrics,
        *,
        stop_event: asyncio.Event,
        wake_outbox: Callable[[], None],
    ) -> None:
        self.services = services
        self.settings = services.settings
        self.clock = services.clock
        self.pipeline = pipeline
        self.fetcher = fetcher
        self.metrics = metrics
        self.stop_event = stop_event
        self.wake_outbox = wake_outbox
        self._polls_in_flight: set[asyncio.Task[object]] = set()
        self._poll_slots = asyncio.Semaphore(POLL_CONCURRENCY)
        self.shared_polls = SharedPolls()  # tenants seeded with the same default feeds share each fetch
        self.parser = ParsePool()  # large feed documents are parsed in a worker process
        self._guard = Guard(log, "poll of feed %s failed unexpectedly; it will be retried")

    def close(self) -> None:
        """Stop the parser's worker process."""
        self.parser.close()

    async def feed_ids(self) -> list[int]:
        """Enabled, unpaused feeds."""
        async with self.services.db.session() as session:
            return list(
                (
                    await session.scalars(
                        select(Feed.id).where(Feed.enabled.is_(True), Feed.paused.is_(False)).order_by(Feed.id)
                    )
                ).all()
            )

    async def _lease_feed(self, feed_id: int, force: bool) -> Feed | None:
        """Take this feed's poll lease unless another instance holds it or it is backing off."""
        now = self.clock.now()
        async with self.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None or not feed.enabled or feed.paused:
                return None
            spec = FeedSpec.model_validate(feed.spec)
            cond = [Feed.id == feed_id, or_(Feed.lease_until.is_(None), Feed.lease_until < now)]
            if not force:
                cond.append(or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
            result = await session.execute(
                update(Feed)
                .where(*cond)
                .values(
                    lease_owner=self.services.instance_id, lease_until=now + timedelta(seconds=max(120, spec.interval))
                )
            )
            if rowcount(result) != 1:
                return None
            return feed

    async def poll(self, feed_id: int, *, force: bool = False) -> PollResult | None:
        """Poll one feed, ingest its items, record its health; never raises (a job must go on)."""
        task = asyncio.current_task()
        if task is not None:  # so that a graceful stop can let it finish
            self._polls_in_flight.add(task)
            task.add_done_callback(self._polls_in_flight.discard)
        try:
            return await self._guard.run(
                self._poll_in_slot(feed_id, force),
                feed_id,
                extra={"feed": feed_id},
                on_error=lambda: self._failed(feed_id),
            )
        except asyncio.CancelledError:
            if not self.stop_event.is_set():
                raise
            log.debug("poll of feed %s cut short by the stop", feed_id, extra={"feed": feed_id})
            return None

    async def _poll_in_slot(self, feed_id: int, force: bool) -> PollResult | None:
        async with self._poll_slots:
            return await self._poll(feed_id, force)

    async def _failed(self, feed_id: int) -> None:
        """After a poll that raised: count it and hand back the feed's lease, so it is retried."""
        self.metrics.polled(False)
        async with self.services.db.session() as session:
            await session.execute(
                update(Feed)
                .where(Feed.id == feed_id, Feed.lease_owner == self.services.instance_id)
                .values(lease_owner=None, lease_until=None)
            )

    async def _poll(self, feed_id: int, force: bool) -> PollResult | None:
        """Lease, fetch, ingest and record one feed."""
        feed = await self._lease_feed(feed_id, force)
        if feed is None:
            return None
        spec = FeedSpec.model_validate(feed.spec)
        state = FeedState(feed.etag, feed.last_modified, feed.body_hash)
        # DIPLOBOT_ALLOW_PRIVATE_NETWORKS covers the local operator's feeds only: a workspace's never reach inside.
        fetcher = self.fetcher if feed.tenant == LOCAL_TENANT else self.fetcher.public()
        result = await self.shared_polls.poll(
            spec, state, fetcher, feed_id, limit=self.settings.feed_max_items, parser=self.parser
        )
        articles = alerts = 0
        if result.error is None and result.items:
            started = time.monotonic()
            ingested = await self.pipeline.ingest(feed_id, result.items)
            articles, alerts = ingested.new_articles, ingested.deliveries
            if articles or ingested.edited:
                edited = f", {ingested.edited} edited in place" if ingested.edited else ""
                log.info(
                    "feed %s: %d new articles%s, %d deliveries queued",
                    spec.name,
                    articles,
                    edited,
                    alerts,
                    extra={
                        "feed": spec.name,
                        "articles": articles,
                        "edited": ingested.edited,
                        "deliveries": alerts,
                        "ingest_seconds": round(time.monotonic() - started, 3),
                    },
                )
            if ingested.deliveries:
                self.wake_outbox()
        await self._record(feed_id, spec, result)
        self.metrics.polled(result.error is None, articles, alerts)
        return result

    async def _record(self, feed_id: int, spec: FeedSpec, result: PollResult) -> None:
        """Record a poll's outcome on the feed: hand back its lease and set its next poll, healthy or failing."""
        now = self.clock.now()
        async with self.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                return
            feed.last_poll = now
            feed.lease_owner = None
            feed.lease_until = None
            jitter = timedelta(seconds=random.uniform(0, spec.jitter)) if spec.jitter else timedelta(0)
            if result.error is None:
                _record_success(feed, spec, result, now, jitter)
                return
            _record_failure(feed, spec, result.error, now, jitter)
            if feed.consecutive_failures >= PAUSE_AFTER:
                await self._pause(session, feed, spec, result.error, now)

    async def _pause(self, session: AsyncSession, feed: Feed, spec: FeedSpec, err: FeedError, now: datetime) -> None:
        """Pause a feed that failed `PAUSE_AFTER` polls in a row and tell the admin channel how to resume it."""
        feed.paused = True
        feed.paused_reason = f"{PAUSE_AFTER} consecutive failures; last: {err.kind}: {err.message}"
        log.warning("feed %s paused after %d consecutive failures", spec.name, PAUSE_AFTER, extra={"feed": spec.name})
        await queue_notice(
            session,
            tenant=feed.tenant,
            key=f"feed-paused:{feed.id}:{now.isoformat()}",
            channel=self.settings.admin_channel,
            now=now,
            text=f"Feed {spec.name} ({spec.url}) is paused after {PAUSE_AFTER} failed polls in a row; "
            f"last error: {err.kind}: {err.message}. Fix the URL or the site, then run "
            f"'feeds resume {spec.name}'.",
        )
        self.wake_outbox()

    async def release_leases(self) -> None:
        """Hand back the poll leases of this instance (polls cut short by a stop), so the next start polls them."""
        try:
            async with self.services.db.session() as session:
                await session.execute(
                    update(Feed)
                    .where(Feed.lease_owner == self.services.instance_id)
                    .values(lease_owner=None, lease_until=None)
                )
        except Exception:
            log.exception("could not hand back the feed leases; they expire on their own")

    async def poll_all(self, *, force: bool = False) -> None:
        """Poll every enabled feed concurrently (the fetcher bounds per-host concurrency)."""
        ids = await self.feed_ids()
        await asyncio.gather(*(self.poll(fid, force=force) for fid in ids))

    async def sync_jobs(self, scheduler: AsyncIOScheduler) -> None:
        """Add a job for each new feed and remove jobs of deleted, disabled or paused feeds."""
        async with self.services.db.session() as session:
            feeds = (await session.scalars(select(Feed).where(Feed.enabled.is_(True), Feed.paused.is_(False)))).all()
        wanted = {f"feed-{f.id}": f for f in feeds}
        for job in scheduler.get_jobs():
            if job.id.startswith("feed-") and job.id not in wanted:
                job.remove()
        for job_id, feed in wanted.items():
            if scheduler.get_job(job_id) is None:
                spec = FeedSpec.model_validate(feed.spec)
                scheduler.add_job(
                    self.poll,
                    IntervalTrigger(seconds=spec.interval, jitter=spec.jitter or None),
                    args=[feed.id],
                    id=job_id,
                    next_run_time=datetime.now(tz=self.clock.now().tzinfo),
                    max_instances=1,
                    coalesce=True,
                    misfire_grace_time=spec.interval,
                )

    async def schedule(self, scheduler: AsyncIOScheduler) -> None:
        """One job per feed now, and a job that keeps the feed jobs in step with the database every 30 s."""
        await self.sync_jobs(scheduler)
        scheduler.add_job(
            self.sync_jobs,
            IntervalTrigger(seconds=30),
            args=[scheduler],
            id="sync-feeds",
            max_instances=1,
            coalesce=True,
        )

    async def finish(self, grace: float) -> None:
        """After the scheduler is paused: let the polls in flight finish within `grace` seconds, cancel the
        rest (a poll's transaction rolls back), and hand back this instance's feed leases."""
        polls = {t for t in self._polls_in_flight if t is not asyncio.current_task()}
        if polls:  # a poll mid-ingest commits (or rolls back) before the database closes
            _, late = await asyncio.wait(polls, timeout=grace)
            for task in late:
                task.cancel()
            if late:
                log.info("%d polls cut short by the stop; they are redone at the next start", len(late))
                await asyncio.wait(late, timeout=1)
