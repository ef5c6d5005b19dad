"""Feeds per tenant: list, add (spec = FeedSpec dict), remove, pause, resume, and seeding from feeds.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.repo.named import all_named, by_name, sorted_names
from bot.storage.db import rowcount
from bot.storage.shapes import FeedSpecJSON, KeyValueJSON
from bot.storage.tables import Feed, SeenItem, Setting

if TYPE_CHECKING:
    from bot.ingest.feeds import FeedSpec
    from bot.services import Services


@dataclass(frozen=True, slots=True)
class SeedSummary:
    """What `seed_feeds` did: feeds added now, and feeds of the file skipped because seeded before."""

    added: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()


def seeded_key(tenant: str) -> str:
    """The kv key listing the feed names already seeded into a tenant from feeds.yaml."""
    return f"feeds_seeded:{tenant}"


def slug(text: str, fallback: str = "feed") -> str:
    """A short feed name from a title or host: lowercase words joined by dashes."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:60].strip("-") or fallback


async def list_feeds(session: AsyncSession, tenant: str) -> list[Feed]:
    """The tenant's feeds by name."""
    return await all_named(session, Feed, tenant)


async def feed_names(session: AsyncSession, tenant: str) -> list[str]:
    """The tenant's feed names."""
    return await sorted_names(session, Feed, tenant)


async def get_feed(session: AsyncSession, tenant: str, name: str) -> Feed | None:
    """One feed of the tenant by name (case-insensitive fallback) or by URL."""
    row = await by_name(session, Feed, tenant, name)
    if row is None:
        row = await session.scalar(select(Feed).where(Feed.tenant == tenant, Feed.url == name))
    return row


async def unique_name(session: AsyncSession, tenant: str, base: str) -> str:
    """`base`, or `base-2`, `base-3`... whichever the tenant does not use yet."""
    names = set(await feed_names(session, tenant))
    if base not in names:
        return base
    n = 2
    while f"{base}-{n}" in names:
        n += 1
    return f"{base}-{n}"


def spec_to_dict(spec: FeedSpec) -> FeedSpecJSON:
    """A FeedSpec as the plain dict stored in `feeds.spec`."""
    return FeedSpecJSON(
        name=spec.name,
        url=spec.url,
        interval=spec.interval,
        jitter=spec.jitter,
        enabled=spec.enabled,
        backfill=spec.backfill,
        fulltext=spec.fulltext,
        outlet=spec.outlet,
    )


def add_feed_row(session: AsyncSession, tenant: str, spec: FeedSpec, *, title: str | None, now: datetime) -> Feed:
    """Insert a feed row for the tenant (the caller checked the name is free)."""
    row = Feed(
        tenant=tenant,
        name=spec.name,
        url=spec.url,
        spec=spec_to_dict(spec),
        enabled=spec.enabled,
        paused=False,
        title=title,
        primed=False,
        consecutive_failures=0,
        created_at=now,
        next_poll_at=now,
    )
    session.add(row)
    return row


async def adopt_seen_items(session: AsyncSession, feed: Feed) -> int:
    """Give a new quiet feed what another feed of the same URL has already read; returns how many items.

    Feeds of one URL share each fetch, so they read the same items: a workspace seeded with the
    default feeds can `brief` at once on what they already brought in, instead of waiting for its
    own first poll. The items count as seen, so they never alert the new feed (it starts quiet).
    """
    await session.flush()  # the new feed's id
    twin = await session.scalar(
        select(Feed.id)
        .where(Feed.url == feed.url, Feed.id != feed.id, Feed.primed.is_(True))
        .order_by(Feed.id)
        .limit(1)
    )
    if twin is None:
        return 0
    copied = select(literal(feed.id), SeenItem.item_key, SeenItem.article_id, SeenItem.seen_at).where(
        SeenItem.feed_id == twin
    )
    result = await session.execute(
        insert(SeenItem).from_select(["feed_id", "item_key", "article_id", "seen_at"], copied)
    )
    return rowcount(result)


async def seed_feeds(services: Services, tenant: str, path: str | Path, *, quiet: bool = False) -> SeedSummary:
    """Add the feeds of `config/feeds.yaml` that this tenant has never been seeded with.

    With `quiet` the feeds are added with backfill 0: nothing already in them alerts (a workspace
    that just installed the bot gets news from then on, not the shipped seed articles).

    The first start seeds every feed. Later starts add only entries new in the file: the names
    seeded before are remembered (kv `feeds_seeded:TENANT`), so a feed an admin removed with
    `feeds remove` is not brought back, and a feed the admin already added by hand is left alone.
    A missing file seeds nothing; an invalid one raises ConfigError.
    """
    from bot.ingest.feeds import load_feeds_file

    if not Path(path).is_file():
        return SeedSummary()
    specs = load_feeds_file(path)
    now = services.clock.now()
    added: list[str] = []
    skipped: list[str] = []
    async with services.db.session() as session:
        state = await session.get(Setting, seeded_key(tenant))
        seeded = set((state.value or {}).get("names", [])) if state is not None else set()
        existing = {n.lower() for n in await feed_names(session, tenant)}
        urls = set((await session.scalars(select(Feed.url).where(Feed.tenant == tenant))).all())
        for spec in specs:
            if spec.name in seeded:
                skipped.append(spec.name)
                continue
            seeded.add(spec.name)
            if spec.name.lower() in existing or spec.url in urls:
                skipped.append(spec.name)
                continue
            row = add_feed_row(
                session, tenant, spec.model_copy(update={"backfill": 0}) if quiet else spec, title=None, now=now
            )
            if quiet:
                await adopt_seen_items(session, row)
            added.append(spec.name)
        value: KeyValueJSON = {"names": sorted(seeded)}
        if state is None:
            session.add(Setting(key=seeded_key(tenant), value=value))
        else:
            state.value = value
    return SeedSummary(tuple(added), tuple(skipped))
