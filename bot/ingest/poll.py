"""One poll of one source: fetch (or read), skip unchanged bodies, parse, enrich; never raises.

Every failure (network, HTTP status, size, SSRF refusal, unreadable path, a document with no
readable entries) comes back as `PollResult.error`, a `FeedError` the caller records as feed
health. The returned `state` is what to send next time (ETag, Last-Modified, body hash).

A poll reports every item the document holds now (the caller keeps the "seen" set by `key`);
with `spec.fulltext`, short items are enriched, and the page cache keeps that cheap on re-polls.
A bozo document that still yields items is a success with `warning` set to the bozo reason.

One poll's work is bounded: with `limit`, only the newest `limit` items of a document (or files of
a folder) are read, and `warning` says how many were left out. Large documents are parsed in a
worker process (`ParsePool`), so neither their CPU nor their memory lands on the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bot.errors import FeedError
from bot.ingest.feeds import FeedSpec
from bot.ingest.fetch import Fetcher
from bot.ingest.items import FeedItem
from bot.ingest.local import local_fingerprint, read_local_source
from bot.ingest.parse import newest
from bot.ingest.pool import ParsePool

log = logging.getLogger(__name__)

# Without a pool of its own, a poll parses in a thread (or inline, when small): no worker process.
_THREADS_ONLY = ParsePool(workers=0)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a feed's last successful poll left behind, to send on the next one."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True, slots=True)
class PollResult:
    """Outcome of one poll: new items, the next state, and the error or warning as data."""

    items: list[FeedItem]
    state: FeedState
    not_modified: bool
    error: FeedError | None
    feed_title: str | None
    warning: str | None = None
    skipped: list[str] = field(default_factory=list)
    dropped: int = 0  # items left out because the document held more than the poll's limit


def _dropped_note(dropped: int, total: int, limit: int | None) -> str | None:
    if not dropped:
        return None
    return (
        f"the feed holds {total:,} items; only the newest {limit:,} were read and {dropped:,} older ones "
        "were skipped (DIPLOBOT_FEED_MAX_ITEMS)"
    )


def _join(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


async def poll_feed(
    spec: FeedSpec, state: FeedState, fetcher: Fetcher, *, limit: int | None = None, parser: ParsePool | None = None
) -> PollResult:
    """Poll `spec` once, reading at most its newest `limit` items; never raises (errors are in `PollResult.error`).

    `parser` parses large documents in a worker process; without it they are parsed in a thread.
    """
    try:
        if spec.kind == "http":
            return await _poll_http(spec, state, fetcher, limit, parser or _THREADS_ONLY)
        return await _poll_local(spec, state, limit)
    except FeedError as exc:
        return PollResult(items=[], state=state, not_modified=False, error=exc, feed_title=None)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # a bug must cost one poll of one feed, not the scheduler
        log.exception("unexpected error polling %s", spec.name)
        error = FeedError(spec.url, "internal", f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}")
        return PollResult(items=[], state=state, not_modified=False, error=error, feed_title=None)


async def _poll_http(
    spec: FeedSpec, state: FeedState, fetcher: Fetcher, limit: int | None, parser: ParsePool
) -> PollResult:
    result = await fetcher.fetch(spec.url, etag=state.etag, last_modified=state.last_modified)
    if result.not_modified:
        new_state = replace(state, etag=result.etag, last_modified=result.last_modified)
        return PollResult(items=[], state=new_state, not_modified=True, error=None, feed_title=None)
    body_hash = hashlib.sha256(result.body).hexdigest()
    new_state = FeedState(etag=result.etag, last_modified=result.last_modified, body_hash=body_hash)
    if body_hash == state.body_hash:
        return PollResult(items=[], state=new_state, not_modified=True, error=None, feed_title=None)
    parsed = await parser.parse(result.body, url=spec.url, base_url=result.final_url, outlet=spec.outlet, limit=limit)
    del result  # the body is no longer needed while full texts are fetched
    if not parsed.items:
        error = _empty_error(spec.url, parsed.looks_like_feed, parsed.bozo)
        if error is not None:
            # The hash is not stored: the same broken body is re-read and re-reported next time.
            return PollResult(
                items=[],
                state=replace(new_state, body_hash=state.body_hash),
                not_modified=False,
                error=error,
                feed_title=parsed.title,
            )
    items = parsed.items
    if spec.fulltext and items:
        from bot.ingest.fulltext import enrich  # imported late: trafilatura loads slowly and most feeds never need it

        items = await enrich(items, fetcher)
    return PollResult(
        items=items,
        state=new_state,
        not_modified=False,
        error=None,
        feed_title=parsed.title,
        warning=_join(_dropped_note(parsed.dropped, parsed.total, limit), parsed.bozo),
        dropped=parsed.dropped,
    )


def _empty_error(url: str, looks_like_feed: bool, bozo: str | None) -> FeedError | None:
    if not looks_like_feed:
        return FeedError(
            url,
            "not_a_feed",
            "no RSS or Atom content found; if this is a web page, use "
            "`diplobot feeds add` on it to discover its feed" + (f" ({bozo})" if bozo else ""),
        )
    if bozo:
        return FeedError(url, "malformed", f"no entry could be read from the broken document ({bozo})")
    return None  # a valid, empty feed


async def _poll_local(spec: FeedSpec, state: FeedState, limit: int | None) -> PollResult:
    path = spec.path
    fingerprint = await asyncio.to_thread(local_fingerprint, path)
    new_state = FeedState(body_hash=fingerprint)
    if fingerprint == state.body_hash:
        return PollResult(items=[], state=new_state, not_modified=True, error=None, feed_title=None)
    read = await asyncio.to_thread(read_local_source, path, outlet=spec.outlet)
    outlet = spec.display_outlet
    kept = newest(read.items, limit) if limit is not None else read.items
    dropped = len(read.items) - len(kept)
    items = [item if item.outlet else replace(item, outlet=outlet) for item in kept]
    skipped = [f"{p.name}: {reason}" for p, reason in read.skipped]
    warning = _join(
        _dropped_note(dropped, len(read.items), limit),
        read.bozo or (f"skipped {len(skipped)} file(s): " + "; ".join(skipped) if skipped else None),
    )
    if not items and read.bozo and spec.kind == "file":
        error = _empty_error(spec.url, bool(read.title), read.bozo)
        return PollResult(
            items=[],
            state=state,
            not_modified=False,
            error=error,
            feed_title=read.title,
            warning=warning,
            skipped=skipped,
        )
    return PollResult(
        items=items,
        state=new_state,
        not_modified=False,
        error=None,
        feed_title=read.title or spec.name,
        warning=warning,
        skipped=skipped,
        dropped=dropped,
    )


class SharedPolls:
    """One fetch for the feeds of several tenants that read the same URL.

    Every Slack workspace or Discord server is seeded with the default feeds, so a hundred tenants
    would otherwise fetch the same feed a hundred times per interval. Polls of one http(s) URL (with
    the same outlet and full-text setting) that overlap share the request in flight, and a full result
    (a body with items) is reused by the *other* feeds of that URL for `ttl` seconds; a feed asking
    again always fetches (a forced poll is fresh). A "not modified" or failed poll is never shared:
    it depends on the asking feed's own ETag and state, and passing it on could make another tenant's
    feed skip a body it has never read.
    """

    def __init__(self, ttl: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self.fetches = 0  # real polls made (for tests and metrics)
        self._recent: dict[tuple[str, bool, str | None, bool, int | None], tuple[float, PollResult, set[object]]] = {}
        self._in_flight: dict[tuple[str, bool, str | None, bool, int | None], asyncio.Future[PollResult]] = {}

    async def poll(
        self,
        spec: FeedSpec,
        state: FeedState,
        fetcher: Fetcher,
        feed: object = None,
        *,
        limit: int | None = None,
        parser: ParsePool | None = None,
    ) -> PollResult:
        """Like `poll_feed` for feed `feed` (any id), sharing a recent or in-flight full result of the same URL."""
        if spec.kind != "http":
            return await poll_feed(spec, state, fetcher, limit=limit)  # local sources are cheap to read again
        # What a fetcher allowed to reach internal addresses read (the local operator's) is never handed to
        # a feed that must not reach them (a workspace's): the URL may resolve to an intranet host.
        key = (spec.url, spec.fulltext, spec.outlet, fetcher.allow_private, limit)
        now = self.clock()
        for stale in [k for k, (at, _, _) in self._recent.items() if now - at >= self.ttl]:
            del self._recent[stale]
        if key in self._recent and feed not in self._recent[key][2]:
            self._recent[key][2].add(feed)
            return self._recent[key][1]
        if key in self._in_flight:
            shared = await asyncio.shield(self._in_flight[key])
            if _shareable(shared):
                if key in self._recent:
                    self._recent[key][2].add(feed)
                return shared
        future: asyncio.Future[PollResult] = asyncio.get_running_loop().create_future()
        self._in_flight[key] = future
        try:
            self.fetches += 1
            result = await poll_feed(spec, state, fetcher, limit=limit, parser=parser)
            future.set_result(result)
            if _shareable(result):
                self._recent[key] = (self.clock(), result, {feed})
            return result
        finally:
            if not future.done():
                future.cancel()
            if self._in_flight.get(key) is future:
                del self._in_flight[key]


def _shareable(result: PollResult) -> bool:
    return result.error is None and not result.not_modified and bool(result.items)
