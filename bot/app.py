"""Wires settings, storage, scheduler, pipeline, outbox and adapters, and runs them until stopped."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from bot.alerts.outbox import Outbox
from bot.commands import default_registry
from bot.commands.core import CommandCore
from bot.errors import DiplobotError, Unavailable
from bot.ops.metrics import Metrics, OpsServer
from bot.ports import Adapter, Clock, SystemClock
from bot.repo.bootstrap import load_config, seed
from bot.services import Services, default_instance_id
from bot.settings import Settings
from bot.storage.db import Database, unavailable
from bot.storage.tables import Feed

if TYPE_CHECKING:  # the poller's modules (detector, aiohttp client, trafilatura, APScheduler) load in `_setup_poller`
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.ingest.fetch import Fetcher
    from bot.ingest.poll import PollResult
    from bot.web.console import Console

log = logging.getLogger(__name__)

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
        self._setup_done = False
        self._poller_ready = False
        self._writable = False

    async def setup(self, *, poller: bool = True) -> None:
        """Validate config, migrate and seed the database, build the command core, outbox and adapters, then the
        poller (detector, pipeline, fetcher, feed scheduler) unless `poller` is False: a one-shot command of the CLI
        polls nothing, and importing the poller's modules would cost it about a second."""
        if not self._setup_done:
            await self._setup_core()
            self._setup_done = True
        if poller and not self._poller_ready:
            await self._setup_poller()
            self._poller_ready = True

    async def _setup_core(self) -> None:
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
        self.core = CommandCore(self.services, default_registry(), seed_tenants=True)
        self.adapters = (
            self._given_adapters if self._given_adapters is not None else load_adapters(self.settings, self.core)
        )
        self.outbox = Outbox(self.services, {a.prefix: a.sink for a in self.adapters}, metrics=self.metrics)
        self.services.outbox = self.outbox

    async def _setup_poller(self) -> None:
        from bot.detect.rulebook import RuleBook
        from bot.ingest.fetch import Fetcher
        from bot.ingest.pipeline import Pipeline
        from bot.ingest.scheduler import FeedScheduler
        from bot.stories.cluster import StoryIndex

        self.rulebook = RuleBook()
        self.pipeline = Pipeline(
            self.services, self.rulebook, StoryIndex(window=timedelta(hours=self.settings.story_window_hours))
        )
        self.fetcher = self._given_fetcher or Fetcher(allow_private=self.settings.allow_private_networks)
        await self.fetcher.__aenter__()  # entered here, so closed in close() too, given or not
        self.services.fetcher = self.fetcher
        self.feeds = FeedScheduler(
            self.services,
            self.pipeline,
            self.fetcher,
            self.metrics,
            stop_event=self.stop_event,
            wake_outbox=self.outbox.wake.set,
        )

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
        if self._poller_ready:
            await self.fetcher.__aexit__(None, None, None)
            self.feeds.close()
        await self.services.db.close()
        self._setup_done = self._poller_ready = False

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
        return await self.feeds.feed_ids()

    async def poll(self, feed_id: int, *, force: bool = False) -> PollResult | None:
        """Poll one feed now (see `FeedScheduler.poll`); never raises."""
        return await self.feeds.poll(feed_id, force=force)

    async def poll_all(self, *, force: bool = False) -> None:
        """Poll every enabled feed concurrently."""
        await self.feeds.poll_all(force=force)

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

    async def run(self, *, grace: float = 30.0) -> None:
        """Run until `stop_event` is set: adapters, one job per feed, the outbox worker.

        On stop, polls and the delivery in flight get `grace` seconds to finish; what is still running
        then is cancelled, which is safe: a poll's transaction rolls back and its feed lease is handed
        back (the next start polls it again), a delivery's send lease expires and it is reconciled.
        """
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        await self.prepare()
        scheduler = AsyncIOScheduler(timezone="UTC")
        outbox_task: asyncio.Task[None] | None = None
        try:
            if not await self._start(scheduler):  # stopped while starting: what is not started stays so
                return
            outbox_task = asyncio.create_task(self.outbox.run(self.stop_event))
            await self.stop_event.wait()
        finally:
            await self._stop(scheduler, outbox_task, grace)

    async def _start(self, scheduler: AsyncIOScheduler) -> bool:
        """Start-up after `prepare()`, one step at a time; False, with the rest not started, as soon as a stop
        is asked (a Ctrl-C while starting ends in well under a second, not after all of start-up)."""
        steps: list[Callable[[], Awaitable[object]]] = [self._load_language_models, self._start_adapters, self.warm_up]
        if self.settings.http_port is not None:
            steps.insert(1, functools.partial(self._serve_ops, self.settings.http_port))
        for step in steps:
            if self.stop_event.is_set():
                return False
            await step()
        if self.stop_event.is_set():
            return False
        from bot.alerts.digest import schedule_digests

        await self.feeds.schedule(scheduler)
        schedule_digests(scheduler, self.services)
        scheduler.start()
        return True

    async def _load_language_models(self) -> None:
        """Before anything is served or polled: loading lingua's models holds the interpreter lock (about 1 s),
        which inside a poll stalled the event loop and /healthz for 2-6 s. The worker thread reads the stop
        event's flag between two languages (a plain read; only the loop sets it) and gives up on a stop."""
        from bot.detect import language

        started = time.monotonic()
        if await asyncio.to_thread(language.warm_up, self.stop_event.is_set):
            log.info("language models loaded in %.2f s", time.monotonic() - started)

    async def _serve_ops(self, port: int) -> None:
        """Serve /healthz, /metrics and the web console on `port`, and say where the console is."""
        from bot.web.console import Console

        self.console = Console(self.core, self.services)
        self.ops = OpsServer(self.services, self.metrics, port=port, mounts=(self.console.mount,))
        await self.ops.start()
        self.announce(f"console: {self.console.announce(CONSOLE_HOST, self.ops.port)}")

    async def _stop(self, scheduler: AsyncIOScheduler, outbox_task: asyncio.Task[None] | None, grace: float) -> None:
        """Graceful stop: no new polls; the polls and the delivery in flight get `grace` seconds, the outbox hands
        back the rest; then the adapters, the ops server, the console and the database close."""
        self.stop_event.set()
        if scheduler.running:
            scheduler.pause()  # no new polls; shutting the scheduler down would cancel those in flight at once
        deadline = time.monotonic() + grace
        await self.feeds.finish(grace)
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await self.feeds.release_leases()
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
