"""The alert lifecycle harness: a set-up App whose only channel is a terminal, and feed items to give it.

A pytest plugin (tests/conftest.py): its `bot` fixture is the harness with backfill 50; `make_harness` builds
others (`write_config` with another backfill, more settings), `item` and `seed` make feed items.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from adapters.terminal import TerminalAdapter
from bot.app import App
from bot.ingest.canonical import canonical_url
from bot.ingest.items import FeedItem, content_hash, guid_key, link_key
from bot.ingest.local import read_article_file
from bot.settings import load_settings
from tests.conftest import SEEDS, FakeClock

RULES = """\
rules:
  - name: ceasefire
    events: [ceasefire]
    severity: urgent
  - name: casualties
    events:
      - type: casualties
        min_count: 10
  - name: armenia-azerbaijan
    places: [Armenia, Azerbaijan]
    people: [Antony Blinken, Ararat Mirzoyan, Jeyhun Bayramov, Nikol Pashinyan, Ilham Aliyev]
"""

SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def write_config(tmp_path: Path, *, backfill: int = 50) -> Path:
    """A config folder with test rules and one (empty) local folder feed."""
    cfg = tmp_path / "config"
    cfg.mkdir(exist_ok=True)
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    (cfg / "rules.yaml").write_text(RULES, encoding="utf-8")
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: inbox\n    url: {inbox}\n    interval: 60\n    backfill: {backfill}\n    outlet: Inbox\n",
        encoding="utf-8",
    )
    return cfg


@dataclass
class Harness:
    """A set-up App whose only channel is a terminal writing to `out`."""

    app: App
    out: io.StringIO
    clock: FakeClock
    feed_id: int

    async def poll(self, *items: FeedItem) -> int:
        """Ingest one poll's items and deliver everything due; returns the deliveries queued."""
        result = await self.app.pipeline.ingest(self.feed_id, list(items))
        await self.app.outbox.drain()
        return result.deliveries

    def blocks(self, tag: str) -> list[str]:
        """The printed messages whose first line carries `tag` (e.g. "[ALERT]", "[EDITED", "[FOLLOW-UP")."""
        return [b for b in self.out.getvalue().split("=" * 78) if b.strip().startswith(tag)]

    def take(self) -> str:
        """Everything printed since the last call."""
        text = self.out.getvalue()
        self.out.seek(0)
        self.out.truncate()
        return text


async def make_harness(database_url: str, cfg: Path, clock: FakeClock, **env: object) -> Harness:
    settings = load_settings(DIPLOBOT_DATABASE_URL=database_url, DIPLOBOT_CONFIG_DIR=str(cfg), **env)
    out = io.StringIO()
    app = App(settings, clock=clock, adapters=[TerminalAdapter(None, stream=out, interactive=False)])
    await app.setup()
    (feed_id,) = await app.feed_ids()
    return Harness(app, out, clock, feed_id)


@pytest.fixture
async def bot(database_url: str, tmp_path: Path, clock: FakeClock) -> AsyncIterator[Harness]:
    """A harness with backfill 50 and the default burst limit."""
    h = await make_harness(database_url, write_config(tmp_path), clock)
    try:
        yield h
    finally:
        await h.app.close()


def seed(index: int) -> FeedItem:
    """One of the two seed articles, read as the local folder source reads it."""
    return read_article_file(SEED_FILES[index])


def item(
    title: str, text: str, url: str, *, guid: str | None = None, published: datetime | None = None, outlet: str = "Wire"
) -> FeedItem:
    """A feed item as the RSS parser would yield it."""
    return FeedItem(
        key=guid_key(guid, scope="test.example") if guid else link_key(url, title, text),
        guid=guid,
        url=canonical_url(url),
        title=title,
        text=text,
        summary="",
        outlet=outlet,
        published=published,
        content_hash=content_hash(title, text),
    )


# One strike, told first without a figure (matches no rule of the harness), then with its toll (matches
# "casualties": 10 or more killed).
FIRST = (
    "Russian strike hits apartment block in Dnipro, Ukraine",
    "A Russian missile strike hit an apartment block in the Ukrainian city of Dnipro on Saturday, regional "
    "governor Serhiy Lysak said, as rescuers searched the rubble of the nine-storey building in Dnipro.",
)


TOLL = (
    "Death toll from Russian missile strike on Dnipro apartment block rises to 30",
    "The death toll from Saturday's Russian missile strike on an apartment block in the Ukrainian city of Dnipro "
    "rose to 30 people killed, regional governor Serhiy Lysak said on Sunday, as rescuers searched the rubble of "
    "the nine-storey building.",
)
