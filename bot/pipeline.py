"""Feed items -> articles -> detection -> stories -> outbox rows, in one transaction per poll.

An item already seen by this feed is skipped. An item whose canonical URL or content is already
stored (the same article in another feed, or a repost with a changed guid, date or title) is
recorded as seen and never alerts twice. On a feed's first poll only its newest `backfill` items
may alert; the rest are stored (so `brief` covers them) but stay silent.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts import queue_for_story
from bot.codec import article_from_row, detection_from_dict, detection_to_dict
from bot.ingest.items import FeedItem
from bot.models import Article, Detection, RuleMatch, Summary
from bot.rulebook import RuleBook
from bot.services import Services
from bot.storage.db import insert_ignore
from bot.storage.tables import ArticleRow, Feed, SeenItem, Story
from bot.stories import StoryDoc, StoryIndex
from bot.summarize import summarize

log = logging.getLogger(__name__)


def article_id_for(item: FeedItem, feed_key: str) -> str:
    """A stable article id: from the canonical link when there is one, else from the feed and item key."""
    basis = item.url or f"{feed_key}|{item.key}"
    return "a-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one batch of feed items did."""

    new_articles: int
    seen: int
    deliveries: int
    stories: tuple[str, ...] = ()


async def story_summary(
    session: AsyncSession, story_id: str, matches: Sequence[RuleMatch] = (), *, tenant: str | None = None
) -> Summary:
    """The current Summary of a story, from its stored articles, oldest first.

    With `tenant`, only articles that reached that tenant through one of its own feeds count: a
    story may span tenants, but one workspace never sees another's sources.
    """
    stmt = select(ArticleRow).where(ArticleRow.story_id == story_id)
    if tenant is not None:
        visible = select(SeenItem.article_id).join(Feed, Feed.id == SeenItem.feed_id).where(Feed.tenant == tenant)
        stmt = stmt.where(ArticleRow.id.in_(visible))
    rows = (await session.scalars(stmt.order_by(ArticleRow.seen_at, ArticleRow.id))).all()
    rows = sorted(rows, key=lambda r: (r.published or r.seen_at, r.seen_at, r.id))
    return summarize(story_id, [article_from_row(r) for r in rows], [detection_from_dict(r.detection) for r in rows], matches)


class Pipeline:
    """Turns polled items into stored articles, stories and queued alerts."""

    def __init__(self, services: Services, rulebook: RuleBook, stories: StoryIndex) -> None:
        self.services = services
        self.rulebook = rulebook
        self.stories = stories
        self._index_watermark: datetime | None = None

    async def load_recent(self) -> int:
        """Fill the story index with stored articles within the story window (at start, or to catch up)."""
        now = self.services.clock.now()
        since = self._index_watermark or (now - self.stories.window)
        async with self.services.db.session() as session:
            rows = (
                await session.execute(
                    select(ArticleRow.id, ArticleRow.title, ArticleRow.text, ArticleRow.published, ArticleRow.seen_at,
                           ArticleRow.detection, ArticleRow.story_id)
                    .where(ArticleRow.seen_at >= since, ArticleRow.story_id.is_not(None))
                    .order_by(ArticleRow.seen_at)
                )
            ).all()
        added = 0
        for r in rows:
            if r.id in self.stories:
                continue
            self.stories.add(
                StoryDoc(r.id, r.title, r.text, r.published or r.seen_at, detection_from_dict(r.detection)), r.story_id
            )
            added += 1
        self._index_watermark = now
        return added

    async def ingest(self, feed_id: int, items: Sequence[FeedItem]) -> IngestResult:
        """Store and process one poll's items for one feed; returns counts. Raises only on database errors."""
        now = self.services.clock.now()
        await self.load_recent()
        self.stories.expire(now)
        async with self.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                raise LookupError(f"feed {feed_id} does not exist")
            tenant = feed.tenant
            keys = [item.key for item in items]
            seen_keys = set(
                (await session.scalars(
                    select(SeenItem.item_key).where(SeenItem.feed_id == feed_id, SeenItem.item_key.in_(keys))
                )).all()
            ) if keys else set()
            fresh: list[FeedItem] = []
            batch_keys: set[str] = set()
            for item in items:
                if item.key in seen_keys or item.key in batch_keys:
                    continue
                batch_keys.add(item.key)
                fresh.append(item)
            # First sight of a feed: only its newest `backfill` items may alert.
            backfill = int((feed.spec or {}).get("backfill", 0))
            alerting: set[str] = {i.key for i in fresh}
            if not feed.primed:
                newest = sorted(fresh, key=lambda i: i.published or now, reverse=True)
                alerting = {i.key for i in newest[:backfill]}
                feed.primed = True
            compiled = await self.rulebook.get(session, tenant)
            watched = self.rulebook.watched_people(tenant)
            feed_key = f"{tenant}/{feed.name}"
            changed: dict[str, tuple[list[RuleMatch], bool, datetime]] = {}
            new_articles = 0
            for item in sorted(fresh, key=lambda i: i.published or now):
                article_id = article_id_for(item, feed_key)
                session.add(SeenItem(feed_id=feed_id, item_key=item.key, article_id=article_id, seen_at=now))
                existing = await session.scalar(
                    select(ArticleRow.id).where(
                        or_(ArticleRow.id == article_id, ArticleRow.content_hash == item.content_hash)
                    ).limit(1)
                )
                if existing is not None:
                    continue  # the same article from another feed, or a repost: never a second alert
                article = Article(
                    id=article_id,
                    url=item.url or "",
                    title=item.title or "(untitled)",
                    text=item.text or item.summary or "",
                    outlet=item.outlet or (feed.spec or {}).get("outlet") or feed.title or feed.name,
                    feed=feed.name,
                    published=item.published,
                    seen_at=now,
                    guid=item.guid,
                )
                detection = compiled.detect(article.title, article.text)
                story_id = self.stories.add(
                    StoryDoc(article.id, article.title, article.text, article.published_or_seen, _base(detection))
                )
                session.add(
                    ArticleRow(
                        id=article.id, url=article.url, guid=article.guid, title=article.title, text=article.text,
                        outlet=article.outlet, feed_id=feed_id, published=article.published, seen_at=now,
                        content_hash=item.content_hash, story_id=None, detection=detection_to_dict(_base(detection)),
                        search_text=f"{article.title}\n{article.text}",
                    )
                )
                story = await session.get(Story, story_id)
                if story is None:
                    # Another feed's ingest may create the same story concurrently (PostgreSQL).
                    await session.execute(insert_ignore(session, Story, ["id"]).values(
                        id=story_id, headline=article.title, first_seen=now, last_seen=now, state={}, signature=[]))
                    story = await session.get(Story, story_id)
                    assert story is not None
                story.last_seen = now
                await session.flush()
                row = await session.get(ArticleRow, article.id)
                assert row is not None
                row.story_id = story_id
                new_articles += 1
                prev = changed.get(story_id)
                matches = list(prev[0]) if prev else []
                for m in detection.matches:
                    if all(m.rule != p.rule for p in matches):
                        matches.append(m)
                eligible = (prev[1] if prev else False) or item.key in alerting
                changed[story_id] = (matches, eligible, prev[2] if prev else now)
            await session.flush()
            deliveries = 0
            for story_id, (matches, eligible, first_seen) in changed.items():
                summary = await story_summary(session, story_id, matches, tenant=tenant)
                story = await session.get(Story, story_id)
                assert story is not None
                story.headline = summary.headline
                story.state = _story_state(summary)
                queued = await queue_for_story(
                    session,
                    tenant=tenant,
                    summary=summary,
                    matches=matches,
                    eligible=eligible,
                    watched=watched,
                    now=now,
                    first_seen=first_seen,
                    burst_limit=self.services.settings.burst_limit,
                    burst_window=timedelta(minutes=self.services.settings.burst_minutes),
                )
                deliveries += len(queued)
        return IngestResult(new_articles=new_articles, seen=len(items) - len(fresh), deliveries=deliveries,
                            stories=tuple(changed))


def _base(detection: Detection) -> Detection:
    """The tenant-independent part of a detection (rule matches are per tenant)."""
    return Detection(
        events=detection.events, casualties=detection.casualties, people=detection.people,
        countries=detection.countries, regions=detection.regions,
    )


def _story_state(summary: Summary) -> dict[str, object]:
    return {
        "headline": summary.headline,
        "ceasefire": summary.ceasefire,
        "casualty": detection_to_dict(Detection(casualties=(summary.casualty,)))["casualties"][0] if summary.casualty else None,
        "people": list(summary.people),
        "countries": list(summary.countries),
        "sources": [s.article_id for s in summary.sources],
        "rules": list(summary.rules),
    }
