"""Feed bytes -> `ParsedFeed`: feedparser on bytes, then clean, keyed, de-duplicated `FeedItem`s.

Rules, in the order a reader meets them:

* A malformed (bozo) document keeps every entry feedparser's loose parser could read; the bozo
  reason is returned as data (`ParsedFeed.bozo`), never raised. An entry with no title, no link
  and no text carries nothing to read and is dropped.
* Key: from the guid when there is one (URL guids canonicalised, bare guids scoped to the feed's
  host), else from the canonical link and the title (see `bot.ingest.items`).
* Duplicates within one document (same key, or same canonical link): the first occurrence wins
  its identity (key, guid, link, title); the longer text and summary and the first known date
  are merged into it. Feeds that repeat an item (AP scrapes, Suspilne) thus yield it once.
* Relative links resolve against the feed's own absolute `<link>` (the site), else `base_url`
  (where the bytes came from); `xml:base` is applied by feedparser first.
* Dates: published, else updated; missing, unparseable or implausible (far future) -> None,
  and the pipeline uses the first-seen time.
* Entity declarations: feedparser strips custom `<!ENTITY>` declarations before parsing, so
  "billion laughs" and external entities expand to nothing (tested).
* Bound: with `limit`, only the newest `limit` items are kept (undated items count as new, as the
  pipeline dates them when first seen); `ParsedFeed.dropped` says how many were left out.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.ingest.canonical import canonical_url
from bot.ingest.items import FeedItem, content_hash, guid_key, html_to_text, link_key, one_line

# A date this far ahead of now is a feed bug (wrong timezone math, placeholder year), not news.
_FUTURE_SLACK = timedelta(days=2)
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_WEB_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed document: channel title and link, its items, and the bozo reason if malformed."""

    title: str | None
    link: str | None
    items: list[FeedItem]
    bozo: str | None
    version: str = ""
    dropped: int = 0  # items beyond the `limit` given to parse_feed, left out

    @property
    def total(self) -> int:
        """How many distinct items the document holds, kept or not."""
        return len(self.items) + self.dropped

    @property
    def looks_like_feed(self) -> bool:
        """True when feedparser recognised a feed format or found entries (an HTML page does neither)."""
        return bool(self.version) or bool(self.items)


def _describe(exc: object) -> str:
    text = " ".join(str(exc).split()) or "malformed document"
    return f"{type(exc).__name__}: {text}"


def _detail_text(value: str | None, detail: Any) -> str:
    if not value:
        return ""
    kind = (detail or {}).get("type", "") if isinstance(detail, dict) else ""
    if "html" in kind or "<" in value:
        return html_to_text(value)
    return html_to_text(value) if "&" in value else value.strip()


def _date(entry: Any) -> datetime | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get skips FeedParserDict's deprecated updated->published aliasing (and its warning).
        parsed = dict.get(entry, field)
        if not parsed:
            continue
        try:
            when = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
        except (OverflowError, ValueError, TypeError, OSError):
            continue
        if _EARLIEST <= when <= datetime.now(UTC) + _FUTURE_SLACK:
            return when
    return None


def _absolute(link: str | None, bases: list[str]) -> str | None:
    if not link:
        return None
    link = link.strip()
    if urlsplit(link).scheme:
        return link
    for base in bases:
        if urlsplit(base).scheme:
            return urljoin(base, link)
    return link


def _content_text(entry: Any) -> str:
    best = ""
    for block in entry.get("content") or ():
        text = _detail_text(block.get("value"), block)
        if len(text) > len(best):
            best = text
    # Some outlets put the article body in a custom element (Suspilne `<full-text>`, Yandex `yandex:full-text`).
    for name, value in entry.items():
        if isinstance(value, str) and name.replace("_", "-").endswith("full-text"):
            text = html_to_text(value)
            if len(text) > len(best):
                best = text
    return best


def _merge(first: FeedItem, later: FeedItem) -> FeedItem:
    text = later.text if len(later.text) > len(first.text) else first.text
    summary = later.summary if len(later.summary) > len(first.summary) else first.summary
    if text == first.text and summary == first.summary and (first.published or not later.published):
        return first
    return replace(
        first,
        text=text,
        summary=summary,
        published=first.published or later.published,
        content_hash=content_hash(first.title, text),
    )


def newest(items: list[FeedItem], limit: int) -> list[FeedItem]:
    """The newest `limit` items, in document order: undated items first (they are dated when first
    seen, so they are the newest), then by date; ties keep document order."""
    if len(items) <= limit:
        return items
    rank = sorted(
        range(len(items)), key=lambda i: (items[i].published is None, items[i].published or _EARLIEST), reverse=True
    )
    return [items[i] for i in sorted(rank[:limit])]


def parse_feed(body: bytes, *, base_url: str | None, outlet: str | None = None, limit: int | None = None) -> ParsedFeed:
    """Parse feed bytes into a `ParsedFeed`; never raises on bad input (the problem is in `bozo`).

    With `limit`, only the newest `limit` items are kept and `dropped` counts the others.
    """
    try:
        # Both options only rewrite HTML inside content, which we reduce to plain text anyway
        # (html_to_text drops script/style); skipping them makes parsing ~40% cheaper. Entity
        # declarations are stripped by feedparser regardless of these options.
        doc = feedparser.parse(body, resolve_relative_uris=False, sanitize_html=False)
    except Exception as exc:  # feedparser is meant to be total; a crash here is still just a bad feed
        return ParsedFeed(title=None, link=None, items=[], bozo=_describe(exc))
    feed = doc.get("feed", {})
    title = one_line(_detail_text(feed.get("title"), feed.get("title_detail"))) or None
    feed_link, bases = _links(feed.get("link") or None, base_url)
    scope = urlsplit(feed_link or base_url or "").hostname or title or ""
    bozo = _describe(doc.get("bozo_exception")) if doc.get("bozo") else None
    # Links are shown to people and fetched for full text: only web links (and file links in a
    # local feed file) are kept; javascript:, data: and the like become "no link".
    schemes = _WEB_SCHEMES | ({"file"} if (base_url or "").startswith("file:") else set())
    items = _distinct(
        _item(entry, bases=bases, scope=scope, outlet=outlet or title, schemes=schemes)
        for entry in doc.get("entries", ())
    )
    kept = newest(items, limit) if limit is not None else items
    return ParsedFeed(
        title=title,
        link=feed_link,
        items=kept,
        bozo=bozo,
        version=str(doc.get("version") or ""),
        dropped=len(items) - len(kept),
    )


def _links(feed_link: str | None, base_url: str | None) -> tuple[str | None, list[str]]:
    """The feed's own link made absolute, and the bases its items' relative links are read against (the
    feed's web link first, then the link as written and the URL the feed came from)."""
    bases = [b for b in (feed_link, base_url) if b]
    feed_link = _absolute(feed_link, [base_url] if base_url else [])
    if feed_link and urlsplit(feed_link).scheme in ("http", "https"):
        bases = [feed_link] + [b for b in bases if b != feed_link]
    return feed_link, bases


def _distinct(items: Iterable[FeedItem | None]) -> list[FeedItem]:
    """One item per key, in the feed's order: a repeat of a key, or of an earlier item's link, is merged into it."""
    by_key: dict[str, FeedItem] = {}
    key_by_link: dict[str, str] = {}
    for item in items:
        if item is None:
            continue
        key = item.key
        if key not in by_key and item.url:  # item.url is already canonical
            key = key_by_link.get(item.url, key)
        if key in by_key:
            by_key[key] = _merge(by_key[key], item)
            continue
        by_key[key] = item
        if item.url:
            key_by_link.setdefault(item.url, key)
    return list(by_key.values())


def _item(
    entry: Any, *, bases: list[str], scope: str, outlet: str | None, schemes: frozenset[str] | set[str]
) -> FeedItem | None:
    title = one_line(_detail_text(entry.get("title"), entry.get("title_detail")))
    # FeedBurner hides the article behind a ~r redirect; origLink is the outlet's own URL.
    raw_link = entry.get("feedburner_origlink") or entry.get("link")
    link = _absolute(raw_link, bases)
    url = canonical_url(link) if link and urlsplit(link).scheme.lower() in schemes else None
    summary = _detail_text(entry.get("summary"), entry.get("summary_detail"))
    content = _content_text(entry)
    text = content if len(content) > len(summary) else summary
    if not (title or url or text):
        return None
    guid = (entry.get("id") or "").strip() or None
    key = guid_key(guid, scope=scope) if guid else link_key(url, title, text)
    source = entry.get("source") or {}
    item_outlet = one_line(source.get("title") or "") or outlet
    return FeedItem(
        key=key,
        guid=guid,
        url=url,
        title=title,
        text=text,
        summary=summary,
        outlet=item_outlet or None,
        published=_date(entry),
        content_hash=content_hash(title, text),
    )
