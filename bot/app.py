"""Wires settings, storage, scheduler, pipeline, outbox and adapters, and runs them until stopped."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import or_, select, update
from sqlalchemy.exc import DBAPIError

from bot.alerts.digest import schedule_digests
from bot.alerts.outbox import Outbox, queue_notice
from bot.bootstrap import load_config, seed
from bot.channels import LOCAL_TENANT
from bot.commands.core import CommandCore
from bot.detect import language
from bot.detect.rulebook import RuleBook
from bot.errors import DiplobotError, Unavailable
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.pipeline import Pipeline
from bot.ingest.poll import FeedState, PollResult, SharedPolls
from bot.ingest.pool import ParsePool
from bot.ops.metrics import Metrics, OpsServer
from bot.ports import Adapter, Clock, SystemClock
from bot.services import Services, default_instance_id
from bot.settings import Settings
from bot.storage.db import Database, rowcount, unavailable
from bot.storage.tables import Feed
from bot.stories.cluster import StoryIndex

if TYPE_CHECKING:
    from bot.web.console import Console

log = logging.getLogger(__name__)

PAUSE_AFTER = 10
# Polls one instance runs at once: the rest wait, so that other instances lease the other due feeds.
POLL_CONCURRENCY = 4
MAX_BACKOFF = timedelta(hours=6)
# The host in the console's sign-in link: the ops server listens on every address, this one always answers.
CONSOLE_HOST = "127.0.0.1"


def load_adapters(settings: Settings, core: CommandCore | None, only: Sequence[str] | None = None) -> list[Adapter]:
    """Create every installed adapter whose tokens are present (entry point group `diplobot.adapters`).

    Without a command core only the sending faces work: `only` then names the terminal and webhooks."""
    adapters: list[Adapter] = []
    for ep in entry_points(group="diplobot.adapters"):
        if only is not None and ep.name not in only:
            continue
        factory = ep.load()
        adapter = factory(settings, core)
        if adapter is not None:
            adapters.append(adapter)
    return adapters


def _print_line(line: str) -> None:
    print(line, flush=True)


def feed_backoff(interval: int, failures: int) -> timedelta:
    """How long a failing feed waits: its interval doubled per consecutive failure, capped at 6 h."""
    return min(MAX_BACKOFF, timedelta(seconds=interval * (2 ** max(0, failures - 1))))


class App:
    """One diplobot instance."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        adapters: list[Adapter] | None = None,
        fetcher: Fetcher | None = None,
        announce: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock or SystemClock()
        self._given_adapters = adapters
        self._given_fetcher = fetcher
        self.adapters: list[Adapter] = []
        self.stop_event = asyncio.Event()
        self.metrics = Metrics()
        self.ops: OpsServer | None = None
        self.console: Console | None = None  # the web console, on the ops server's port
        # Where `diplobot run` says the console's sign-in link: one line on standard output.
        self.announce: Callable[[str], None] = announce or _print_line
        self._polls_in_flight: set[asyncio.Task[object]] = set()
        self._poll_slots = asyncio.Semaphore(POLL_CONCURRENCY)
        self.shared_polls = SharedPolls()  # tenants seeded with the same default feeds share each fetch
        self.parser = ParsePool()  # large feed documents are parsed in a worker process
        self._setup_done = False
        self._writable = False

    async def setup(self) -> None:
        """Validate config, migrate and seed the database, build the pipeline, outbox and adapters."""
        if self._setup_done:
            return
        load_config(self.settings)  # before the database: a config error leaves no database file behind
        db = Database(self.settings.database_url)
        instance_id = self.settings.instance_id or default_instance_id()
        self.services = Services(settings=self.settings, db=db, clock=self.clock, instance_id=instance_id)
        try:
            await db.migrate()
            await seed(self.services, subscribe="terminal" if self.settings.terminal else None)
        except DBAPIError as exc:  # e.g. a SQLite file locked by another program while seeding
            await db.close()
            raise unavailable(self.settings.database_url, exc) from None
        except BaseException:
            await db.close()  # no connection left open, so SQLite leaves no -wal/-shm file behind
            raise
        self.core = CommandCore(self.services, seed_tenants=True)
        self.adapters = (
            self._given_adapters if self._given_adapters is not None else load_adapters(self.settings, self.core)
        )
        self.outbox = Outbox(self.services, {a.prefix: a.sink for a in self.adapters}, metrics=self.metrics)
        self.services.outbox = self.outbox
        self.rulebook = RuleBook()
        self.pipeline = Pipeline(
            self.services, self.rulebook, StoryIndex(window=timedelta(hours=self.settings.story_window_hours))
        )
        self.fetcher = self._given_fetcher or Fetcher(allow_private=self.settings.allow_private_networks)
        await self.fetcher.__aenter__()  # entered here, so closed in close() too, given or not
        self.services.fetcher = self.fetcher
        self._setup_done = True

    async def prepare(self) -> None:
        """`setup()`, then make sure the database takes writes (a SQLite file another program keeps locked
        stops start-up with one message instead of failing every poll); the database is closed on failure."""
        await self.setup()
        if self._writable:
            return
        try:
            await self.services.db.check_writable()
        except BaseException:
            await self.close()
            raise
        self._writable = True

    async def close(self) -> None:
        """Release the fetcher and the database."""
        if not self._setup_done:
            return
        await self.fetcher.__aexit__(None, None, None)
        self.parser.close()
        await self.services.db.close()
        self._setup_done = False

    async def warm_up(self) -> None:
        """Compile each tenant's rules and fill the story index before the first poll (a restart's cold start
        otherwise lands inside the first ingestion, delaying its alerts); failures are logged, never fatal."""
        try:
            async with self.services.db.session() as session:
                tenants = set((await session.scalars(select(Feed.tenant).distinct())).all())
                for tenant in sorted(tenants):
                    (await self.rulebook.get(session, tenant)).detect("warm up", "")
            await self.pipeline.load_recent()
        except Exception:
            log.exception("warm-up failed; the first poll will do it")

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
            async with self._poll_slots:
                return await self._poll(feed_id, force)
        except asyncio.CancelledError:
            if not self.stop_event.is_set():
                raise
            log.debug("poll of feed %s cut short by the stop", feed_id, extra={"feed": feed_id})
            return None
        except Exception:
            self.metrics.polled(False)
            log.exception("poll of feed %s failed unexpectedly; it will be retried", feed_id, extra={"feed": feed_id})
            async with self.services.db.session() as session:
                await session.execute(
                    update(Feed)
                    .where(Feed.id == feed_id, Feed.lease_owner == self.services.instance_id)
                    .values(lease_owner=None, lease_until=None)
                )
            return None

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
                self.outbox.wake.set()
        await self._record(feed_id, spec, result)
        self.metrics.polled(result.error is None, articles, alerts)
        return result

    async def _record(self, feed_id: int, spec: FeedSpec, result: PollResult) -> None:
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
                return
            err = result.error
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
            if feed.consecutive_failures >= PAUSE_AFTER:
                feed.paused = True
                feed.paused_reason = f"{PAUSE_AFTER} consecutive failures; last: {err.kind}: {err.message}"
                log.warning(
                    "feed %s paused after %d consecutive failures", spec.name, PAUSE_AFTER, extra={"feed": spec.name}
                )
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
                self.outbox.wake.set()

    async def _release_feed_leases(self) -> None:
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

    async def run_once(self) -> None:
        """One poll-and-deliver cycle, then return."""
        await self.setup()
        try:
            await self._start_adapters()
            await self.poll_all(force=True)
            await self.outbox.drain()
        finally:
            for adapter in self.adapters:
                await adapter.stop()
            await self.close()

    async def _start_adapters(self) -> None:
        """Start every adapter; one that fails stops start-up with one message naming it and the reason."""
        for adapter in self.adapters:
            try:
                await adapter.start()
            except DiplobotError:
                raise
            except Exception as exc:
                raise Unavailable(
                    f"the {adapter.prefix} adapter could not start ({type(exc).__name__}: {exc})"
                ) from exc

    async def _sync_jobs(self, scheduler: AsyncIOScheduler) -> None:
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

    async def run(self, *, grace: float = 30.0) -> None:
        """Run until `stop_event` is set: adapters, one job per feed, the outbox worker.

        On stop, polls and the delivery in flight get `grace` seconds to finish; what is still running
        then is cancelled, which is safe: a poll's transaction rolls back and its feed lease is handed
        back (the next start polls it again), a delivery's send lease expires and it is reconciled.
        """
        await self.prepare()
        scheduler = AsyncIOScheduler(timezone="UTC")
        outbox_task: asyncio.Task[None] | None = None
        try:
            if self.stop_event.is_set():  # stopped while starting: start nothing
                return
            # Before anything is served or polled: loading lingua's models holds the interpreter lock
            # (about 1 s), which inside a poll stalled the event loop and /healthz for 2-6 s.
            started = time.monotonic()
            await asyncio.to_thread(language.warm_up)
            log.info("language models loaded in %.2f s", time.monotonic() - started)
            if self.settings.http_port is not None:
                from bot.web.console import Console

                self.console = Console(self.core, self.services)
                self.ops = OpsServer(
                    self.services, self.metrics, port=self.settings.http_port, mounts=(self.console.mount,)
                )
                await self.ops.start()
                self.announce(f"console: {self.console.announce(CONSOLE_HOST, self.ops.port)}")
            await self._start_adapters()
            await self.warm_up()
            await self._sync_jobs(scheduler)
            scheduler.add_job(
                self._sync_jobs,
                IntervalTrigger(seconds=30),
                args=[scheduler],
                id="sync-feeds",
                max_instances=1,
                coalesce=True,
            )
            schedule_digests(scheduler, self.services)
            scheduler.start()
            outbox_task = asyncio.create_task(self.outbox.run(self.stop_event))
            await self.stop_event.wait()
        finally:
            # Graceful stop: no new polls; the outbox finishes the delivery in flight and hands back the rest.
            self.stop_event.set()
            if scheduler.running:
                scheduler.pause()  # no new polls; shutting the scheduler down would cancel those in flight at once
            deadline = time.monotonic() + grace
            polls = {t for t in self._polls_in_flight if t is not asyncio.current_task()}
            if polls:  # a poll mid-ingest commits (or rolls back) before the database closes
                _, late = await asyncio.wait(polls, timeout=grace)
                for task in late:
                    task.cancel()
                if late:
                    log.info("%d polls cut short by the stop; they are redone at the next start", len(late))
                    await asyncio.wait(late, timeout=1)
            if scheduler.running:
                scheduler.shutdown(wait=False)
            await self._release_feed_leases()
            if outbox_task is not None:
                try:
                    await asyncio.wait_for(outbox_task, timeout=max(0.1, deadline - time.monotonic()))
                except Exception:
                    log.exception("the outbox did not stop cleanly; its leases expire and another instance resumes")
            for adapter in self.adapters:
                await adapter.stop()
            if self.ops is not None:
                await self.ops.stop()
                self.ops = None
            if self.console is not None:
                self.console.close()
            await self.close()
