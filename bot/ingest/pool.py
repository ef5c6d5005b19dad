"""Feed parsing off the event loop: large documents in a worker process, the others in a thread.

A document near the 5 MB body cap (tens of thousands of items) takes seconds of CPU and a few
hundred MB to parse. In the app's own process that CPU would hold the GIL against the event loop
(health checks, other feeds, the outbox) and the memory would stay with the process. A worker
process parses it, keeps only the newest `limit` items and sends back just those, so the app holds
no more than `limit` items of any feed. The worker is replaced after a few documents, which hands
the parser's memory back to the system. Small documents are parsed in a thread: starting a process
costs more than they do.

`parse` never raises on a bad document (see `bot.ingest.parse`); a worker that dies (killed, out of
memory) becomes a `FeedError` of kind "internal" for that one poll.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.errors import FeedError
from bot.ingest.parse import ParsedFeed, parse_feed

# Below this size a document is parsed in the app's process: inline when tiny, else in a thread.
INLINE_BYTES = 16 * 1024
PROCESS_BYTES = 512 * 1024
# A worker is replaced after this many documents, so a large parse's memory is given back.
TASKS_PER_WORKER = 4


class ParsePool:
    """Parses feed bodies off the event loop; `close()` stops its worker processes."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:  # started on first use: most runs never see a large feed
            # spawn, not fork: the app's process has threads (aiosqlite, the resolver) a fork would copy mid-state.
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=TASKS_PER_WORKER
            )
        return self._executor

    async def parse(
        self, body: bytes, *, url: str, base_url: str | None, outlet: str | None, limit: int | None
    ) -> ParsedFeed:
        """`parse_feed(body, ...)` keeping the newest `limit` items, where it costs the event loop least."""
        if len(body) <= INLINE_BYTES:
            return parse_feed(body, base_url=base_url, outlet=outlet, limit=limit)
        if len(body) <= PROCESS_BYTES or self.workers <= 0:
            return await asyncio.to_thread(parse_feed, body, base_url=base_url, outlet=outlet, limit=limit)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool(), _parse, body, base_url, outlet, limit)
        except BrokenProcessPool as exc:
            broken, self._executor = self._executor, None  # the next large document starts a fresh worker
            if broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)
            raise FeedError(url, "internal", f"the parser process died ({exc})") from None

    def close(self) -> None:
        """Stop the worker processes (a parse in flight is abandoned)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _parse(body: bytes, base_url: str | None, outlet: str | None, limit: int | None) -> ParsedFeed:
    return parse_feed(body, base_url=base_url, outlet=outlet, limit=limit)
