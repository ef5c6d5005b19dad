"""Feed discovery: given a site or page URL, find and validate its RSS/Atom feed."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import html as lxml_html

from bot.errors import FeedError
from bot.ingest.fetch import Fetcher
from bot.ingest.parse import ParsedFeed, parse_feed

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    """A validated feed: its URL, title and how many items it holds now."""

    url: str
    title: str | None
    item_count: int


def feed_links(page: bytes, base_url: str) -> list[str]:
    """The absolute URLs of `<link rel="alternate" type="application/rss+xml|atom+xml">` in an HTML page, in order."""
    try:
        tree = lxml_html.fromstring(page)
    except Exception:  # not HTML at all: no links
        return []
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            absolute = urljoin(base_url, href)
            if absolute not in found:
                found.append(absolute)
    return found


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


async def _parse(body: bytes, url: str) -> ParsedFeed:
    return await asyncio.to_thread(parse_feed, body, base_url=url)


async def discover_feed(url: str, fetcher: Fetcher) -> DiscoveredFeed:
    """Validate `url` as a feed, or find the feed an HTML page links to; FeedError("no_feed") if there is none."""
    result = await fetcher.fetch(url)
    body = result.body
    if not _looks_like_html(body):
        parsed = await _parse(body, result.final_url)
        if parsed.looks_like_feed:
            return DiscoveredFeed(url=result.final_url, title=parsed.title, item_count=len(parsed.items))
    candidates = feed_links(body, result.final_url)
    if not candidates:
        raise FeedError(
            url, "no_feed", "the page links no RSS or Atom feed; find the feed's URL on the site and add that"
        )
    problems: list[str] = []
    for candidate in candidates:
        try:
            feed = await fetcher.fetch(candidate)
        except FeedError as exc:
            problems.append(f"{candidate}: {exc.kind}")
            continue
        parsed = await _parse(feed.body, feed.final_url)
        if parsed.looks_like_feed:
            return DiscoveredFeed(url=feed.final_url, title=parsed.title, item_count=len(parsed.items))
        problems.append(f"{candidate}: not a feed")
    raise FeedError(url, "no_feed", "the page's feed links do not work (" + "; ".join(problems) + ")")
