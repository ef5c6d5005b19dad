"""Shared pieces of the delivery tests: a config with one rule and a folder feed, recording sinks, app factory."""

from __future__ import annotations

import itertools
import random
from collections import deque
from pathlib import Path

from sqlalchemy import select

from bot.app import App
from bot.errors import DeliveryError
from bot.models import Alert
from bot.ports import current_delivery_key
from bot.settings import Settings, load_settings
from bot.storage.tables import Subscription

RULES = "rules:\n  - name: truce\n    query: ceasefire\n    severity: urgent\n"
WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec "
    "romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dune ember fjord granite "
    "harbor island jasper kelp lagoon meadow nectar orchid pebble quartz river saffron tundra umber violet "
    "willow yarrow zephyr"
).split()


def write_articles(folder: Path, start: int, count: int, seed: int = 7) -> list[str]:
    """Write `count` distinct ceasefire articles (.txt) into `folder`; returns their titles."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 100_003 + start)
    titles = []
    for n in range(start, start + count):
        words = rng.sample(WORDS, 16)
        token = f"zx{n:05d}q"
        token = token.title()
        title = f"{token} {words[1]} {words[2]} ceasefire {words[3]}"
        body = (
            f"{token} said "
            + " ".join(f"{w}{n}{rng.randrange(10**6)}" for w in words)
            + f", the ceasefire {token.lower()}."
        )
        (folder / f"{n:05d}.txt").write_text(f"{title}\n{body}\n", encoding="utf-8")
        titles.append(title)
    return titles


def make_config(root: Path, feeds: int = 1, articles_per_feed: int = 0, interval: int = 60) -> Path:
    """A config dir with one rule ("truce": ceasefire) and `feeds` folder feeds under root/feeds/N."""
    cfg = root / "config"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "rules.yaml").write_text(RULES, encoding="utf-8")
    lines = ["feeds:"]
    for f in range(feeds):
        folder = root / "feeds" / str(f)
        folder.mkdir(parents=True, exist_ok=True)
        if articles_per_feed:
            write_articles(folder, f * 10_000, articles_per_feed)
        lines.append(
            f"  - name: feed{f}\n    url: {folder}\n    interval: {interval}\n    jitter: 0\n"
            f"    backfill: 100000\n    outlet: Outlet {f}"
        )
    (cfg / "feeds.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cfg


class RecordingSink:
    """A test platform: keeps every message with its delivery key; fails on demand; finds sent messages."""

    def __init__(self, *, lookup: bool = True) -> None:
        self.messages: dict[str, tuple[str | None, Alert]] = {}
        self.posts: list[tuple[str, str | None, Alert]] = []
        self.edits: list[tuple[str, Alert]] = []
        self.failures: deque[DeliveryError] = deque()
        self.lookup = lookup
        self.lookups: list[str] = []
        self._ids = itertools.count(1)

    def _next(self) -> None:
        if self.failures:
            raise self.failures.popleft()

    async def send(self, alert: Alert) -> str | None:
        """Record a post."""
        self._next()
        mid = f"m{next(self._ids)}"
        key = current_delivery_key()
        self.messages[mid] = (key, alert)
        self.posts.append((mid, key, alert))
        return mid

    async def edit(self, alert: Alert, message_id: str) -> None:
        """Record an edit."""
        self._next()
        self.edits.append((message_id, alert))

    async def reply_in_thread(self, alert: Alert, message_id: str) -> str | None:
        """Record a follow-up."""
        return await self.send(alert)

    async def find_sent(self, alert: Alert, delivery_key: str, *, thread: str | None = None) -> str | None:
        """The message carrying `delivery_key`, if any."""
        self.lookups.append(delivery_key)
        for mid, (key, _alert) in self.messages.items():
            if key == delivery_key:
                return mid
        return None

    def keys(self) -> list[str | None]:
        """Delivery keys of all posts, in order."""
        return [key for _mid, key, _a in self.posts]


class NoLookupSink(RecordingSink):
    """A sink like an id-less incoming webhook: no `find_sent`."""

    find_sent = None  # type: ignore[assignment]


class RecordingAdapter:
    """An Adapter around a sink, for App(adapters=[...])."""

    def __init__(self, sink: RecordingSink, prefix: str = "rec") -> None:
        self.prefix = prefix
        self.sink = sink

    async def start(self) -> None:
        """Nothing to start."""

    async def stop(self) -> None:
        """Nothing to stop."""


def settings_for(database_url: str, config_dir: Path, **extra: object) -> Settings:
    """Settings for a test app: no terminal, admin channel rec:admin, no burst batching."""
    values: dict[str, object] = {
        "database_url": database_url,
        "config_dir": config_dir,
        "terminal": False,
        "admin_channel": "rec:admin",
        "burst_limit": 100_000,
        "allow_private_networks": True,
    }
    return load_settings(**{**values, **extra})


async def make_app(
    database_url: str,
    config_dir: Path,
    clock: object,
    sink: RecordingSink,
    channels: tuple[str, ...] = ("rec:room",),
    **extra: object,
) -> App:
    """A set-up App delivering to `sink`, with `channels` subscribed to the rule."""
    app = App(
        settings_for(database_url, config_dir, **extra),
        clock=clock,  # type: ignore[arg-type]
        adapters=[RecordingAdapter(sink)],
    )
    await app.setup()
    async with app.services.db.session() as session:
        have = set((await session.scalars(select(Subscription.channel))).all())
        for channel in channels:
            if channel not in have:
                session.add(
                    Subscription(
                        tenant="local", channel=channel, rule="truce", mode="immediate", created_at=app.clock.now()
                    )
                )
    return app
