"""Full text for items whose feed gives only a short summary: fetch the page, extract with trafilatura.

Pages go through the same `Fetcher` (so the same SSRF, size and time bounds), at most one request
per host per `min_interval` seconds, and results are kept in an in-memory LRU cache keyed by the
canonical URL, so a story carried by several feeds is fetched once. The page's
`<link rel="canonical">` becomes the item's `url`; the item's `key` is left alone, because it
must not depend on whether a fetch happened to succeed. Failures leave the item as it was.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import html as lxml_html

from bot.errors import FeedError
from bot.ingest.canonical import canonical_url
from bot.ingest.fetch import Fetcher
from bot.ingest.items import FeedItem, content_hash, squash

log = logging.getLogger(__name__)

SHORT_TEXT = 400


@dataclass(frozen=True, slots=True)
class PageText:
    """What one article page yielded: its text and its canonical URL (None when the page gives none)."""

    text: str
    canonical: str | None


class PageCache:
    """A small LRU of extracted pages, keyed by canonical URL; failures are cached too (as None)."""

    def __init__(self, maxsize: int = 1024) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, PageText | None] = OrderedDict()

    def get(self, url: str) -> tuple[bool, PageText | None]:
        """(hit, value) for `url`."""
        if url in self._data:
            self._data.move_to_end(url)
            return True, self._data[url]
        return False, None

    def put(self, url: str, value: PageText | None) -> None:
        """Store `value` for `url`, evicting the least recently used entry when full."""
        self._data[url] = value
        self._data.move_to_end(url)
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)


class HostRateLimiter:
    """Spaces request starts to one host at least `min_interval` seconds apart (loop time, no wall clock)."""

    def __init__(self, min_interval: float = 1.0) -> None:
        self.min_interval = min_interval
        self._next: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, host: str) -> None:
        """Return when a request to `host` may start."""
        if self.min_interval <= 0:
            return
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            loop = asyncio.get_running_loop()
            delay = self._next.get(host, 0.0) - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self._next[host] = loop.time() + self.min_interval


_default_cache = PageCache()
_private_cache = PageCache()  # pages read by the local operator's fetcher, which may reach internal addresses
_default_limiter = HostRateLimiter()


def extract_page(body: bytes, url: str) -> PageText:
    """Extract article text and the canonical link from an HTML page (CPU work; run off the loop)."""
    canonical: str | None = None
    try:
        tree = lxml_html.fromstring(body)
        for href in tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href'):
            candidate = urljoin(url, str(href).strip())
            if urlsplit(candidate).scheme in ("http", "https"):
                canonical = canonical_url(candidate)
                break
    except Exception:  # an unparseable page simply has no canonical link
        tree = None
    text = trafilatura.extract(
        tree if tree is not None else body, url=url, include_comments=False, include_tables=False, favor_precision=True
    )
    return PageText(text=squash(text or ""), canonical=canonical)


async def fetch_page_text(
    url: str, fetcher: Fetcher, *, cache: PageCache | None = None, limiter: HostRateLimiter | None = None
) -> PageText | None:
    """Fetch and extract one article page, through the cache and the per-host rate limit; None on failure."""
    if cache is None:  # a page read where internal addresses are allowed is never served to a public-only fetcher
        cache = _private_cache if fetcher.allow_private else _default_cache
    limiter = _default_limiter if limiter is None else limiter
    key = canonical_url(url)
    hit, value = cache.get(key)
    if hit:
        return value
    host = (urlsplit(key).hostname or "").lower()
    await limiter.wait(host)
    try:
        result = await fetcher.fetch(key)
        page: PageText | None = await asyncio.to_thread(extract_page, result.body, result.final_url)
    except FeedError as exc:
        log.info("full text unavailable for %s: %s", url, exc)
        page = None
    except Exception as exc:  # extraction bugs on odd pages cost that page only
        log.info("full text extraction failed for %s: %s: %s", url, type(exc).__name__, exc)
        page = None
    cache.put(key, page)
    return page


async def enrich(
    items: list[FeedItem],
    fetcher: Fetcher,
    *,
    min_chars: int = SHORT_TEXT,
    cache: PageCache | None = None,
    limiter: HostRateLimiter | None = None,
    concurrency: int = 8,
) -> list[FeedItem]:
    """Return `items` with full text (and canonical url) for those whose text is shorter than `min_chars`."""
    gate = asyncio.Semaphore(concurrency)

    async def one(item: FeedItem) -> FeedItem:
        if len(item.text) >= min_chars or not item.url or urlsplit(item.url).scheme not in ("http", "https"):
            return item
        async with gate:
            page = await fetch_page_text(item.url, fetcher, cache=cache, limiter=limiter)
        if page is None:
            return item
        text = page.text if len(page.text) > len(item.text) else item.text
        url = page.canonical or item.url
        if text == item.text and url == item.url:
            return item
        return replace(item, text=text, url=url, content_hash=content_hash(item.title, text))

    return list(await asyncio.gather(*(one(item) for item in items)))
