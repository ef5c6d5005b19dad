"""Local sources: a feed file on disk, or a folder of article files (.txt, .json, .html).

Article files, expanded in name order (hidden files and other extensions are skipped):

* `.txt`: the first non-empty line is the title, the rest is the body.
* `.json`: an object `{"title", "text", "url"?, "outlet"?, "published"?}`; other keys are ignored.
* `.html`/`.htm`: text extracted with trafilatura; the title from the page's metadata.

A local article's key comes from its path relative to the folder (POSIX form, so the same on
every machine) and the hash of its content: a file is the same article on every run until it is
edited. Its link is the file's `file://` URL unless the JSON gives `url`. A bad file is skipped
with a reason (see `read_folder`), never raised.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import trafilatura

from bot.errors import FeedError
from bot.ingest.canonical import canonical_url
from bot.ingest.items import FeedItem, content_hash, file_key, one_line, squash
from bot.ingest.parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".txt", ".json", ".html", ".htm"})
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class LocalRead:
    """Items read from a local source, and the files skipped with the reason for each."""

    items: list[FeedItem]
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    title: str | None = None
    bozo: str | None = None


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: windows-1252 is what such text files almost always are; undefined bytes become U+FFFD.
        return raw.decode("cp1252", errors="replace")


def _published(value: Any) -> datetime | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, int | float):
            when = datetime.fromtimestamp(value, tz=UTC)
        elif isinstance(value, str):
            when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        else:
            return None
    except (ValueError, OverflowError, OSError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # a naive time in a file is taken as UTC: the only portable reading
    return when.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class _Read:
    """What one article file says: its title and text, and what it tells of its URL, outlet and date."""

    title: str
    body: str
    url: str | None = None  # None: the file's own URI
    outlet: str | None = None
    published: datetime | None = None


def _article(path: Path, relative: str, raw: bytes) -> FeedItem:
    """Build a FeedItem from one article file's bytes; raises ValueError with a reason if unreadable."""
    suffix = path.suffix.lower()
    digest = hashlib.sha256(raw).hexdigest()
    reader = _READERS.get(suffix)
    if reader is None:
        raise ValueError(f"unsupported file type {suffix or '(none)'}; use .txt, .json or .html")
    read = reader(raw)
    return FeedItem(
        key=file_key(relative, digest),
        guid=None,
        url=path.resolve().as_uri() if read.url is None else read.url,
        title=read.title,
        text=read.body,
        summary=read.body[:300],
        outlet=read.outlet,
        published=read.published,
        content_hash=content_hash(read.title, read.body),
    )


def _read_text(raw: bytes) -> _Read:
    """A .txt file: the first line is the title, the rest the text."""
    text = squash(_decode(raw))
    if not text:
        raise ValueError("empty file")
    title, _, body = text.partition("\n")
    return _Read(one_line(title), body.strip())


def _read_json(raw: bytes) -> _Read:
    """A .json file: an object with "title" (or null) and "text", and optionally "url", "outlet", "published"."""
    try:
        data = json.loads(_decode(raw))
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise ValueError('expected a JSON object {"title", "text", ...}')
    raw_title, raw_text = data.get("title"), data.get("text")
    if raw_title is None:
        raw_title = ""  # some pages have no headline; the text still counts
    if not isinstance(raw_title, str) or not isinstance(raw_text, str):
        raise ValueError('"title" must be a string or null and "text" a string')
    title, body = one_line(raw_title), squash(raw_text)
    if not (title or body):
        raise ValueError("empty title and text")
    url = canonical_url(data["url"]) if isinstance(data.get("url"), str) and data["url"].strip() else None
    outlet = data["outlet"].strip() if isinstance(data.get("outlet"), str) and data["outlet"].strip() else None
    return _Read(title, body, url, outlet, _published(data.get("published")))


def _read_html(raw: bytes) -> _Read:
    """An .html page: trafilatura's article text, title (else the text's first line), site name and date."""
    doc = trafilatura.bare_extraction(_decode(raw), with_metadata=True, include_comments=False)
    body = squash((getattr(doc, "text", None) or "") if doc is not None else "")
    title = one_line((getattr(doc, "title", None) or "") if doc is not None else "")
    if not body:
        raise ValueError("no article text found in the page")
    if not title:
        title = body.partition("\n")[0]
        title = one_line(title)
    sitename = getattr(doc, "sitename", None) if doc is not None else None
    outlet = sitename or None
    published = _published(getattr(doc, "date", None) if doc is not None else None)
    return _Read(title, body, None, outlet, published)


_READERS: dict[str, Callable[[bytes], _Read]] = {
    ".txt": _read_text,
    ".json": _read_json,
    ".html": _read_html,
    ".htm": _read_html,
}


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"file of {size:,} bytes exceeds the {MAX_FILE_BYTES:,}-byte cap")
    return path.read_bytes()


def read_article_file(path: Path) -> FeedItem:
    """Read one .txt/.json/.html article file; raises FeedError(kind "bad_file" or "not_found") if unreadable."""
    path = Path(path)
    try:
        raw = _read_bytes(path)
        return _article(path, path.name, raw)
    except FileNotFoundError:
        raise FeedError(str(path), "not_found", "no such file") from None
    except (OSError, ValueError) as exc:
        raise FeedError(str(path), "bad_file", str(exc)) from None


def read_folder(folder: Path) -> LocalRead:
    """Read every article file of `folder` in name order; unreadable files are skipped with a reason."""
    items: list[FeedItem] = []
    skipped: list[tuple[Path, str]] = []
    for path in sorted(Path(folder).iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append((path, f"not an article file ({path.suffix or 'no extension'})"))
            continue
        try:
            items.append(_article(path, path.name, _read_bytes(path)))
        except (OSError, ValueError) as exc:
            skipped.append((path, str(exc)))
        except Exception as exc:  # an extractor bug on one odd page must not hide the other files
            skipped.append((path, f"{type(exc).__name__}: {exc}"))
    for path, reason in skipped:
        log.warning("skipped %s: %s", path, reason)
    return LocalRead(items=items, skipped=skipped)


def read_feed_file(path: Path, *, outlet: str | None = None) -> ParsedFeed:
    """Parse a feed document on disk; relative links resolve against the feed's link, else the file's URL."""
    path = Path(path)
    return parse_feed(_read_bytes(path), base_url=path.resolve().as_uri(), outlet=outlet)


def read_local_source(path: Path, *, outlet: str | None = None) -> LocalRead:
    """Read a local folder, article file or feed file; raises FeedError if the path itself is unusable."""
    path = Path(path)
    try:
        if path.is_dir():
            return read_folder(path)
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            return LocalRead(items=[read_article_file(path)])
        parsed = read_feed_file(path, outlet=outlet)
        return LocalRead(items=parsed.items, title=parsed.title, bozo=parsed.bozo)
    except FileNotFoundError:
        raise FeedError(str(path), "not_found", "no such file or folder; check the path in feeds.yaml") from None
    except PermissionError:
        raise FeedError(str(path), "permission", "cannot read it (permission denied)") from None
    except (OSError, ValueError) as exc:
        raise FeedError(str(path), "bad_file", str(exc)) from None


def read_local(path: Path) -> list[FeedItem]:
    """Items of a local feed file or article folder (bad files skipped and logged); FeedError if the path is unusable."""
    return read_local_source(path).items


def local_fingerprint(path: Path) -> str:
    """A cheap hash that changes when the source changes: the file's bytes, or a folder's listing with sizes and mtimes."""
    path = Path(path)
    h = hashlib.sha256()
    try:
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if child.name.startswith("."):
                    continue
                st = child.stat()
                h.update(f"{child.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        else:
            h.update(_read_bytes(path))
    except FileNotFoundError:
        raise FeedError(str(path), "not_found", "no such file or folder; check the path in feeds.yaml") from None
    except (OSError, ValueError) as exc:
        raise FeedError(str(path), "bad_file", str(exc)) from None
    return h.hexdigest()
