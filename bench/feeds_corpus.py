"""The saved real feeds of ../shared/feeds as labelled items: what the detector sees of each entry, and its labels.

The feed documents are not ours to redistribute, so the project keeps only the labels
(`corpus/feeds/labels.jsonl`, one line per item, keyed by feed file and item key) and reads the text
from the shared folder at run time. An item's key is the one the pipeline gives it
(`bot.ingest.parse.parse_feed`), so a label follows the item the way the bot stores it.

    python bench/feeds_corpus.py dump [--feeds DIR] > items.jsonl   # the English items, for labelling
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.shared import shared_dir
from bot.ingest.parse import parse_feed

LABELS = ROOT / "corpus" / "feeds" / "labels.jsonl"

# The feed files whose entries are in English (the others are labelled for their language only).
ENGLISH_FEEDS = (
    "aljazeera-all.xml",
    "ap-scraped-feedgen.xml",
    "bbc-world.xml",
    "cnn-international.xml",
    "dailymail-iso8859-mediadupes.xml",
    "fda-drug-recalls.xml",
    "google-news-search-us.xml",
    "guardian-us-2018.xml",
    "guardian-world.xml",
    "mehr-news.xml",
    "nws-alerts-atom.xml",
    "nyt-world.xml",
    "tpm-politics-atom.xml",
    "yahoo-news-top.xml",
)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a saved feed: where it is, and the title and text the pipeline hands the detector."""

    feed: str
    key: str
    title: str
    text: str
    url: str | None
    published: str | None
    published_at: datetime | None = None  # the feed's own time, for clustering the items into stories


def feeds_dir() -> Path:
    """The saved feeds: ../shared/feeds (or $DIPLOBOT_SHARED_DIR/feeds)."""
    return shared_dir() / "feeds"


def entries(folder: Path | None = None, names: tuple[str, ...] = ENGLISH_FEEDS) -> Iterator[FeedEntry]:
    """Every item of the named feed files, in document order, as the pipeline parses them."""
    folder = folder or feeds_dir()
    for name in names:
        parsed = parse_feed((folder / name).read_bytes(), base_url=None)
        for item in parsed.items:
            yield FeedEntry(
                name,
                item.key,
                item.title,
                item.text,
                item.url,
                item.published.date().isoformat() if item.published else None,
                item.published,
            )


def load_labels(path: Path = LABELS) -> dict[tuple[str, str], dict[str, Any]]:
    """(feed, key) -> the item's labels."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[(row["feed"], row["key"])] = row
    return out


def main(argv: list[str] | None = None) -> int:
    """`dump`: print the English items as JSON lines (feed, key, title, text, url, published)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["dump"])
    parser.add_argument("--feeds", type=Path, default=None)
    args = parser.parse_args(argv)
    for entry in entries(args.feeds):
        print(
            json.dumps(
                {
                    "feed": entry.feed,
                    "key": entry.key,
                    "title": entry.title,
                    "text": entry.text[:800],
                    "url": entry.url,
                    "published": entry.published,
                },
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
