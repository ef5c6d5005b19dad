"""Fixtures for the command tests: migrated database, services on a fake clock, the core, the seed story."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.commands import default_registry
from bot.commands.core import CommandCore
from bot.models import Caller, Reply
from bot.services import Services
from bot.settings import Settings
from bot.storage.db import Database
from bot.storage.tables import ArticleRow, Feed, SeenItem, Story

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OPERATOR = Caller("operator", "local", is_admin=True)
MEMBER = Caller("U-member", "local", is_admin=False)
OTHER_ADMIN = Caller("U-other", "slack:T2", is_admin=True)
STORY_ID = "story-seed-1"

SEED_RULE = {
    "name": "armenia-azerbaijan",
    "description": "Armenia-Azerbaijan peace process",
    "places": ["Armenia", "Azerbaijan", "Nagorno-Karabakh"],
    "severity": "urgent",
}


def seed_articles() -> list[tuple[str, str, str]]:
    """(file name, title, text) of the two seed articles: first line the title, the rest the body."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        out.append((path.name, title.strip(), body.strip()))
    return out


def detect(title: str, text: str) -> dict[str, Any]:
    """The seed article's detection by the real detector (with the seed rule)."""
    from bot.codec import detection_to_dict
    from bot.detect import Detector
    from bot.detect.rules import RuleSpec, compile_rules

    compiled, errors = compile_rules([RuleSpec.model_validate(SEED_RULE)])
    assert not errors, errors
    found = detection_to_dict(Detector(compiled).detect(title, text))
    assert found["matches"], "the seed rule should match the seed articles"
    # Stored like the pipeline stores it: without the per-tenant rule matches.
    return {**found, "matches": []}


async def fixture_feed(session: Any, tenant: str, now: datetime) -> int:
    """The id of the tenant's test feed (created once): stored articles reach a tenant through its feeds."""
    from sqlalchemy import select

    feed_id = await session.scalar(select(Feed.id).where(Feed.tenant == tenant, Feed.name == "fixture-feed"))
    if feed_id is None:
        feed = Feed(tenant=tenant, name="fixture-feed", url="/nonexistent", spec={}, created_at=now)
        session.add(feed)
        await session.flush()
        feed_id = feed.id
    return int(feed_id)


async def insert_seed_story(
    services: Services, seen: datetime, story_id: str = STORY_ID, tenant: str = "local"
) -> list[str]:
    """Store the two seed articles as one story, first seen at `seen` and an hour later, via the tenant's feed."""
    ids = []
    async with services.db.session() as session:
        feed_id = await fixture_feed(session, tenant, seen)
        arts = seed_articles()
        session.add(
            Story(
                id=story_id,
                headline=arts[1][1],
                first_seen=seen,
                last_seen=seen + timedelta(hours=1),
                state={},
            )
        )
        await session.flush()
        for i, (name, title, text) in enumerate(arts):
            article_id = hashlib.sha1(f"{story_id}:{name}".encode()).hexdigest()[:16]
            ids.append(article_id)
            session.add(
                ArticleRow(
                    id=article_id,
                    url=f"file://{SEEDS / name}",
                    guid=None,
                    title=title,
                    text=text,
                    outlet="AP" if i == 0 else "The Independent",
                    feed_id=None,
                    published=None,
                    seen_at=seen + timedelta(hours=i),
                    content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    story_id=story_id,
                    detection=detect(title, text),
                    search_text="",
                )
            )
            session.add(SeenItem(feed_id=feed_id, item_key=article_id, article_id=article_id, seen_at=seen))
    return ids


async def insert_article(
    services: Services,
    article_id: str,
    title: str,
    text: str,
    seen: datetime,
    detection: dict[str, Any] | None = None,
    story_id: str | None = None,
    tenant: str = "local",
) -> None:
    """Store one more article (optionally in its own new story), seen through the tenant's feed."""
    async with services.db.session() as session:
        feed_id = await fixture_feed(session, tenant, seen)
        if story_id and await session.get(Story, story_id) is None:
            session.add(Story(id=story_id, headline=title, first_seen=seen, last_seen=seen, state={}))
            await session.flush()
        session.add(
            ArticleRow(
                id=article_id,
                url=f"https://news.example/{article_id}",
                guid=None,
                title=title,
                text=text,
                outlet="Example News",
                feed_id=None,
                published=None,
                seen_at=seen,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                story_id=story_id,
                detection=detection or {},
                search_text="",
            )
        )
        await session.flush()
        session.add(SeenItem(feed_id=feed_id, item_key=article_id, article_id=article_id, seen_at=seen))


@pytest.fixture
async def services(database_url: str, clock: Any, tmp_path: Path) -> AsyncIterator[Services]:
    """Services on a freshly migrated database and the fake clock; an empty config dir, so nothing is seeded."""
    settings = Settings(
        DIPLOBOT_DATABASE_URL=database_url,
        DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True,  # type: ignore[call-arg]
        DIPLOBOT_CONFIG_DIR=tmp_path / "empty-config",
    )
    db = Database(database_url)
    await db.migrate()
    try:
        yield Services(settings=settings, db=db, clock=clock, instance_id="test")
    finally:
        await db.close()


@pytest.fixture
def core(services: Services) -> CommandCore:
    """The command core with the default registry."""
    return CommandCore(services, default_registry())


async def run(core: CommandCore, text: str, caller: Caller = OPERATOR, channel: str = "terminal") -> Reply:
    """Dispatch one command line and return the reply."""
    return await core.run_text(text, caller, channel)


def body(reply: Reply) -> str:
    """The reply's text and lines as one string, for assertions."""
    return "\n".join([reply.text, *reply.lines])
