"""The item every source yields (`FeedItem`), with the stable keys, hashes and text cleaning it relies on."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from bot.ingest.canonical import canonical_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One article as read from a feed, a feed file or an article file.

    `key`: the stable identity for "seen before?"; "g:" from the guid, "l:" from canonical link
    and title, "h:" from the content when there is neither, "f:" for a local article file. It never
    depends on fetch-time enrichment (full text, canonical link from the page).
    `url`: canonical http(s) link (tracking parameters and fragment stripped), a `file://` URL for
    a local file, or None when the entry has no usable link.
    `text`: clean plain text, the fullest the source gives (content, else summary; the page's text
    after `fulltext.enrich`). `summary`: the entry's own summary as plain text.
    `outlet`: the per-item source (`<source>` in aggregator feeds), else the feed's configured
    outlet, else the feed's title; None only for local files that do not say.
    `published`: aware UTC, or None when missing or implausible (use the first-seen time).
    `content_hash`: sha256 of the normalised title and text, equal for a repost under a new guid.
    """

    key: str
    guid: str | None
    url: str | None
    title: str
    text: str
    summary: str
    outlet: str | None
    published: datetime | None
    content_hash: str


_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n\s*")
_TAGGY = re.compile(r"<[A-Za-z!/?]")
# Elements after which a reader sees a line break; everything else runs on inline.
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "hr",
        "aside",
        "nav",
        "form",
    }
)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def squash(text: str) -> str:
    """Collapse runs of spaces inside lines and blank-line runs to one paragraph break."""
    lines = (_WS.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    out = "\n".join(lines)
    return _BLANKS.sub("\n\n", out).strip()


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines too) to single spaces: for titles."""
    return " ".join(text.split())


def html_to_text(markup: str) -> str:
    """Strip HTML to readable plain text: tags dropped, entities decoded, paragraphs kept as blank lines."""
    if not markup:
        return ""
    if not _TAGGY.search(markup):
        return squash(html.unescape(markup))
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return squash(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    etree.strip_elements(root, *_DROP, with_tail=False)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "br":
            parts.append("\n")
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n\n" if tag in ("p", "div", "blockquote", "section", "article") else "\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return squash("".join(parts))


def content_hash(title: str, text: str) -> str:
    """Hash of the normalised title and text: equal for a repost whose guid, link or date changed."""
    norm = unicodedata.normalize("NFKC", f"{title}\n{text}").casefold()
    return _sha(" ".join(norm.split()))


def _is_uri(value: str) -> bool:
    scheme = urlsplit(value).scheme if ":" in value else ""
    return bool(scheme) and scheme.isascii() and len(scheme) > 1


def guid_key(guid: str, *, scope: str | None) -> str:
    """Stable key from a guid; URI guids are global, bare ones (e.g. "12345") are scoped to the feed's host.

    URL guids are canonicalised first: BBC appends `#0`/`#1` to the same article's guid.
    """
    guid = guid.strip()
    if _is_uri(guid):
        return "g:" + _sha(canonical_url(guid))[:32]
    return "g:" + _sha(f"{scope or ''}\n{guid}")[:32]


def link_key(url: str | None, title: str, text: str) -> str:
    """Stable key for an item without a guid: canonical link plus title (text only when both are missing)."""
    if url:
        return "l:" + _sha(f"{canonical_url(url)}\n{one_line(title).casefold()}")[:32]
    return "h:" + content_hash(title, text)[:32]


def file_key(relative_path: str, digest: str) -> str:
    """Stable key for a local article file: its path relative to the folder (POSIX form) and content hash."""
    return "f:" + _sha(f"{relative_path}\n{digest}")[:32]
