"""Feed items -> articles -> detection -> stories -> outbox rows, one transaction per chunk of a poll.

An item already seen by this feed is skipped. An item whose canonical URL or content the tenant
already has (the same article in another of its feeds, or a repost with a changed guid, date or
title) is recorded as seen and never alerts twice. On a feed's first poll only its newest
`backfill` items may alert; the rest are stored (so `brief` covers them) but stay silent.

A feed speaks only for what reached tenants through it. An article is stored once for all the
feeds of one source URL (they share each fetch); a feed of another URL whose item has the same
link gets its own version of the article (`source_version_id`), and only the source that stored
an article can rewrite it in place. Each tenant's summary of a story is kept under its own key.

A poll is written in chunks of `CHUNK_ITEMS` items, oldest first, each in its own short
transaction: detection (CPU) runs in a worker thread *before* the chunk writes anything, so the
database's write lock (SQLite has one for the whole file) is held only for the writes, and other
feeds' polls, the outbox and health checks get their turn between chunks. A poll cut short keeps
the chunks it committed; the next poll skips what they stored and goes on. A feed counts as read
(`primed`) only once its last chunk is written, so a first poll cut short never alerts on the
old items it had not reached.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.alerts.queue import StoryChange, queue_for_stories, queue_removal
from bot.codec import detection_from_dict, detection_to_dict
from bot.detect.rulebook import RuleBook, TenantRules
from bot.ingest.items import FeedItem
from bot.models import Article, Casualty, Detection, RuleMatch, Summary
from bot.repo.search import visible_ids
from bot.repo.stories import story_summaries, story_summary
from bot.services import Services
from bot.storage.db import chunked, insert_ignore
from bot.storage.shapes import CasualtyJSON, DetectionJSON, TenantStoryState
from bot.storage.tables import ArticleRow, Delivery, Feed, SeenItem, Story
from bot.stories.cluster import StoryDoc, StoryIndex, event_time, new_story_id

log = logging.getLogger(__name__)

# Items written per transaction: large enough to amortise the fixed queries, small enough that
# the write lock is held for well under a second.
CHUNK_ITEMS = 50
SPLIT_MARGIN = timedelta(minutes=5)


def article_id_for(item: FeedItem, feed_key: str) -> str:
    """A stable article id: from the canonical link when there is one, else from the feed and item key."""
    basis = item.url or f"{feed_key}|{item.key}"
    return "a-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def source_version_id(item: FeedItem, source: str) -> str | None:
    """The id of a source's own version of a linked article (None for an item without a link).

    A link is one article for every feed of one source URL (they share each fetch), but a feed of
    another URL cannot speak for it: when the link is stored from another source, this source's
    item is stored as its own version under this id.
    """
    if not item.url:
        return None
    return "a-" + hashlib.sha1(f"{source}|{item.url}".encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one batch of feed items did."""

    new_articles: int
    seen: int
    deliveries: int
    stories: tuple[str, ...] = ()
    edited: int = 0  # stored articles whose text changed in place


class Pipeline:
    """Turns polled items into stored articles, stories and queued alerts."""

    def __init__(self, services: Services, rulebook: RuleBook, stories: StoryIndex) -> None:
        self.services = services
        self.rulebook = rulebook
        self.stories = stories
        self._index_watermark: datetime | None = None

    def is_news(self, when: datetime, now: datetime) -> bool:
        """True when an event is within the story window of `now`: an older item is stored (brief finds it) but
        never alerts as new, whenever it is first fetched."""
        return now - when <= self.stories.window

    async def load_recent(self) -> int:
        """Fill the story index with stored articles within the story window (at start, or to catch up)."""
        now = self.services.clock.now()
        since = self._index_watermark or (now - self.stories.window)
        async with self.services.db.session() as session:
            rows = (
                await session.execute(
                    select(
                        ArticleRow.id,
                        ArticleRow.title,
                        ArticleRow.text,
                        ArticleRow.url,
                        ArticleRow.published,
                        ArticleRow.seen_at,
                        ArticleRow.detection,
                        ArticleRow.story_id,
                    )
                    .where(ArticleRow.seen_at >= since, ArticleRow.story_id.is_not(None))
                    .order_by(ArticleRow.seen_at)
                )
            ).all()
            # Articles an admin split out of their story since the last look (here or by another process, whose
            # clock and commit may lag a little: moving again is harmless).
            moved = (
                await session.execute(
                    select(ArticleRow.id, ArticleRow.story_id).where(
                        ArticleRow.split_at >= since - SPLIT_MARGIN, ArticleRow.story_id.is_not(None)
                    )
                )
            ).all()
        for article_id, story_id in moved:
            self.stories.move(article_id, story_id)
        added = 0
        for r in rows:
            if r.id in self.stories:
                continue
            # Without a publication date the index reads a date from the text, else falls back on the fetch time.
            self.stories.add(
                StoryDoc(
                    r.id, r.title, r.text, r.published, detection_from_dict(r.detection), fetched=r.seen_at, url=r.url
                ),
                r.story_id,
            )
            added += 1
        self._index_watermark = now
        return added

    async def ingest(self, feed_id: int, items: Sequence[FeedItem]) -> IngestResult:
        """Store and process one poll's items for one feed; returns counts. Raises only on database errors.

        The database work is batched per chunk of `CHUNK_ITEMS` items, not per article: a fixed number
        of round trips (which items and articles are known, the stories, the articles, the summaries,
        the alerts) per chunk, each chunk in its own transaction, oldest items first.
        """
        now = self.services.clock.now()
        await self.load_recent()
        self.stories.expire(now)
        async with self.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                raise LookupError(f"feed {feed_id} does not exist")
            primed, backfill = feed.primed, int((feed.spec or {}).get("backfill", 0))
        # First sight of a feed: only its newest `backfill` items may alert (decided over the whole poll).
        alerting = (
            None
            if primed
            else {i.key for i in sorted(items, key=lambda i: i.published or now, reverse=True)[:backfill]}
        )
        ordered = sorted(items, key=lambda i: i.published or now)
        chunks = [ordered[at : at + CHUNK_ITEMS] for at in range(0, len(ordered), CHUNK_ITEMS)] or [[]]
        total = IngestResult(new_articles=0, seen=0, deliveries=0)
        for number, chunk in enumerate(chunks, 1):
            done = await self._ingest_chunk(
                feed_id, chunk, now, primed=primed, alerting=alerting, last=number == len(chunks)
            )
            total = IngestResult(
                new_articles=total.new_articles + done.new_articles,
                seen=total.seen + done.seen,
                deliveries=total.deliveries + done.deliveries,
                edited=total.edited + done.edited,
                stories=total.stories + tuple(s for s in done.stories if s not in total.stories),
            )
        return total

    async def _ingest_chunk(
        self,
        feed_id: int,
        items: Sequence[FeedItem],
        now: datetime,
        *,
        primed: bool,
        alerting: set[str] | None,
        last: bool,
    ) -> IngestResult:
        """One chunk of a poll in one transaction: reads, then detection off the event loop, then the writes.

        Nothing is written before detection has run, so the write lock is not held while it runs.
        """
        async with self.services.db.session() as session:
            feed = await session.get(Feed, feed_id)
            if feed is None:
                raise LookupError(f"feed {feed_id} does not exist")
            plan = await _plan_chunk(session, feed, items, now, alerting=alerting)
            compiled = await self.rulebook.get(session, plan.tenant)
            watched = self.rulebook.watched_people(plan.tenant)
            edit_rows = await _edit_rows(session, plan.edited)
            detections = await _detect_chunk(compiled, plan, edit_rows)
            # From here on the chunk writes: a short transaction.
            session.add_all(plan.seen_rows)
            if last and not feed.primed:
                feed.primed = True
            edits = _apply_edits(edit_rows, detections[len(plan.to_store) :])
            placed = self._place(plan, detections, now)  # edits' detections come after, and are left out
            stories = await _ensure_stories(
                session,
                {n.story_id: n.article.title for n in placed.new},
                now,
                existing={e.row.story_id for e in edits if e.row.story_id} | {a.story_id for a in placed.adopted},
            )
            new = await self._store_new(session, feed_id, placed, stories, now)
            changes = self._changes(plan, edits, new, placed.adopted, primed=primed, now=now)
            await session.flush()
            queued = await self._queue(session, changes, stories, tenant=plan.tenant, watched=watched, now=now)
        return IngestResult(
            new_articles=len(new),
            seen=len(items) - len(plan.fresh),
            deliveries=queued,
            stories=tuple(changes.changed),
            edited=len(edits),
        )

    def _changes(
        self,
        plan: _ChunkPlan,
        edits: Sequence[_Edited],
        new: Sequence[_New],
        adopted: Sequence[_Adopted],
        *,
        primed: bool,
        now: datetime,
    ) -> _Changes:
        """The stories the chunk changed: its edited, new and adopted articles, each marked whether it may alert."""
        changes = _Changes(now)
        for edit in edits:
            assert edit.row.story_id is not None
            # An edit on a feed seen before is news like a new article (a story with no alert yet may now match).
            news = primed and self.is_news(edit.row.event_at or edit.row.seen_at, now)
            changes.join(edit.row.story_id, edit.row.id, edit.detection, news)
            changes.updated.setdefault(edit.row.story_id, set()).add(edit.row.id)
        for n in new:
            news = n.item.key in plan.may_alert and self.is_news(n.article.when, now)
            changes.join(n.story_id, n.article.id, n.detection, news)
        for a in adopted:
            changes.join(a.story_id, a.article_id, a.detection, a.item.key in plan.may_alert and a.news)
        return changes

    def _place(self, plan: _ChunkPlan, detections: Sequence[Detection], now: datetime) -> _Placed:
        """Each article to store either joins the story its stored row has (another tenant's feed stored it) or
        gets one from the story index."""
        placed = _Placed([], [])
        for store, detection in zip(plan.to_store, detections, strict=False):  # edits' detections come after
            article = store.article
            stored = plan.known.stored.get(article.id)
            stored_story = stored.story_id if stored is not None else None
            if stored_story is not None:
                # Stored by another tenant's feed: new to this one (and whether it is news, see `is_news`).
                placed.adopted.append(
                    _Adopted(store.item, article.id, detection, stored_story, self.is_news(article.when, now))
                )
                continue
            story_id = self.stories.add(
                StoryDoc(
                    article.id,
                    article.title,
                    article.text,
                    article.published,
                    _base(detection),
                    fetched=now,
                    url=article.url,
                )
            )
            placed.new.append(_New(store.item, article, detection, story_id))
        return placed

    async def _store_new(
        self, session: AsyncSession, feed_id: int, placed: _Placed, stories: dict[str, Story], now: datetime
    ) -> list[_New]:
        """Insert the new articles; returns those inserted now.

        Another tenant's poll may store the same article at this moment (PostgreSQL): its row wins, and the
        article is adopted into that row's story like one stored before (added to `placed.adopted`, and its
        story to `stories`).
        """
        inserted = await _insert_articles(session, [_article_row(n, feed_id, now) for n in placed.new])
        raced = [n for n in placed.new if n.article.id not in inserted]
        if not raced:
            return placed.new
        winners = {
            r.id: r.story_id
            for part in chunked([n.article.id for n in raced])
            for r in (
                await session.execute(select(ArticleRow.id, ArticleRow.story_id).where(ArticleRow.id.in_(part)))
            ).all()
        }
        placed.adopted.extend(
            _Adopted(n.item, n.article.id, n.detection, winners[n.article.id], self.is_news(n.article.when, now))
            for n in raced
            if winners.get(n.article.id)
        )
        stories.update(await _ensure_stories(session, {}, now, existing=set(winners.values()) - set(stories)))
        return [n for n in placed.new if n.article.id in inserted]

    async def _queue(
        self,
        session: AsyncSession,
        changes: _Changes,
        stories: Mapping[str, Story],
        *,
        tenant: str,
        watched: Iterable[str],
        now: datetime,
    ) -> int:
        """Keep the tenant's summary of each changed story and queue its alerts; returns how many were queued."""
        changed = changes.changed
        summaries = await story_summaries(session, {sid: c.matches for sid, c in changed.items()}, tenant=tenant)
        for story_id, summary in summaries.items():
            _remember(stories[story_id], tenant, summary)
        queued = await queue_for_stories(
            session,
            [
                StoryChange(
                    summaries[sid], c.matches, c.eligible, c.first_seen, frozenset(changes.updated.get(sid, ()))
                )
                for sid, c in changed.items()
            ],
            tenant=tenant,
            watched=watched,
            now=now,
            burst_limit=self.services.settings.burst_limit,
            burst_window=timedelta(minutes=self.services.settings.burst_minutes),
        )
        return len(queued)


@dataclass(frozen=True, slots=True)
class SplitResult:
    """What splitting an article out of its story did."""

    article_id: str
    old_story: str
    new_story: str
    edits: int  # alerts of the old story edited to show it without the article
    alerts: int  # deliveries queued for the new story (its own alert where it matches a subscribed rule)


async def split_out(
    session: AsyncSession, services: Services, row: ArticleRow, *, matches: Mapping[str, Sequence[RuleMatch]]
) -> SplitResult:
    """Give a stored article a story of its own (an admin undoing a wrong merge), in the caller's transaction.

    The article's row records where it came from and when (`split_from`, `split_at`): running instances move it
    in their story index on their next poll, and nothing folds it back. The old story's alerts that showed it are
    edited; the new story alerts, as any story, in each tenant's channels whose rules it matches (`matches`:
    tenant -> the rules it matches there) when it is news.
    """
    now = services.clock.now()
    old = row.story_id or ""
    new = new_story_id(f"split:{row.id}")
    if new == old or await session.get(Story, new) is not None:
        new = new_story_id(f"split:{row.id}:{now.isoformat()}")  # split out once already, then joined again
    await _ensure_stories(session, {new: row.title}, now)
    row.story_id, row.split_from, row.split_at = new, old, now
    await session.flush()
    edits = await queue_removal(session, old, row.id, now)
    old_story = await session.get(Story, old)
    tenants = set(matches) | set(((old_story.state or {}).get("by_tenant") or {}) if old_story else ())
    stories = {s.id: s for s in (old_story, await session.get(Story, new)) if s is not None}
    for tenant in sorted(tenants):
        summaries = await story_summaries(session, {sid: matches.get(tenant, ()) for sid in stories}, tenant=tenant)
        for sid, summary in summaries.items():
            if summary.sources:  # a story with nothing this tenant sees keeps no state of it
                _remember(stories[sid], tenant, summary)
    window = timedelta(hours=services.settings.story_window_hours)
    news = now - (row.event_at or row.published or row.seen_at) <= window
    queued: list[Delivery] = []
    for tenant, found in sorted(matches.items()):
        if not found:
            continue
        summary = await story_summary(session, new, found, tenant=tenant)
        queued += await queue_for_stories(
            session,
            [StoryChange(summary, found, news, now)],
            tenant=tenant,
            watched=(),
            now=now,
            burst_limit=services.settings.burst_limit,
            burst_window=timedelta(minutes=services.settings.burst_minutes),
        )
    return SplitResult(row.id, old, new, len(edits), len(queued))


def _remember(story: Story, tenant: str, summary: Summary) -> None:
    """Keep a tenant's view of a story (its headline, its state): one workspace's sources never set another's."""
    story.headline = summary.headline
    story.state = {"by_tenant": {**((story.state or {}).get("by_tenant") or {}), tenant: _story_state(summary)}}


@dataclass(frozen=True, slots=True)
class _Stored:
    """A stored article as ingestion needs it."""

    content_hash: str | None
    story_id: str | None
    source: str | None  # the URL of the feed that stored it (None once that feed is removed)


@dataclass(slots=True)
class _Known:
    """What is stored of one poll's articles: all tenants' rows, and what this tenant has seen."""

    stored: dict[str, _Stored]  # article id -> its row
    mine: set[str]  # article ids this tenant's feeds have seen
    my_hashes: set[str]  # content hashes of articles this tenant's feeds have seen

    def resolve(self, by_link: str, own: str | None, source: str) -> str:
        """The article a new item of `source` is (`by_link`: its link's id; `own`: the source's version id):
        the one this tenant already has, else the link's article when that came from the same source (or
        is not stored yet), else the source's own version of it."""
        for aid in (own, by_link):
            if aid in self.mine:
                return aid
        if own is None or own in self.stored:
            return own or by_link
        stored = self.stored.get(by_link)
        return by_link if stored is None or stored.source == source else own


@dataclass(frozen=True, slots=True)
class _ToStore:
    """A fresh item and the article it becomes."""

    item: FeedItem
    article: Article


@dataclass(frozen=True, slots=True)
class _ChunkPlan:
    """What a chunk's reads decided, before detection: nothing is written yet."""

    tenant: str
    fresh: list[FeedItem]  # the items this feed had not seen, once each
    may_alert: set[str]  # keys of the items that may alert (all fresh ones once the feed is primed)
    known: _Known
    seen_rows: list[SeenItem]  # one per fresh item
    to_store: list[_ToStore]  # fresh items whose article this tenant does not have yet, oldest first
    edited: dict[str, FeedItem]  # article id -> the item that edits its stored text in place


@dataclass(frozen=True, slots=True)
class _Text:
    """What detection reads of an article."""

    title: str
    text: str
    when: datetime


@dataclass(frozen=True, slots=True)
class _Edit:
    """A stored article whose text was edited in place, with its new title, text and content hash."""

    row: ArticleRow
    title: str
    text: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class _Edited:
    """An article edited in place, with its new detection (rule matches included)."""

    row: ArticleRow
    detection: Detection


@dataclass(frozen=True, slots=True)
class _New:
    """An article new to every tenant, in the story the index gave it."""

    item: FeedItem
    article: Article
    detection: Detection
    story_id: str


@dataclass(frozen=True, slots=True)
class _Adopted:
    """An article another tenant's feed stored: new to this tenant, in the story of the stored row."""

    item: FeedItem
    article_id: str
    detection: Detection
    story_id: str
    news: bool  # within the story window (see `Pipeline.is_news`)


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where a chunk's articles go: new ones and adopted ones."""

    new: list[_New]
    adopted: list[_Adopted]


@dataclass(frozen=True, slots=True)
class _Change:
    """How one story changed in a chunk: the rules it matched (each once), whether it may alert, since when."""

    matches: list[RuleMatch]
    eligible: bool
    first_seen: datetime


class _Changes:
    """The stories a chunk changed, each with every article that matched each rule (the alert leads with those)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.changed: dict[str, _Change] = {}
        self.updated: dict[str, set[str]] = {}  # story id -> its articles edited in place in this chunk

    def join(self, story_id: str, article_id: str, detection: Detection, eligible: bool) -> None:
        """Add an article's detection to its story's change."""
        prev = self.changed.get(story_id)
        by_rule = {m.rule: m for m in prev.matches} if prev else {}
        for m in detection.matches:
            old = by_rule.get(m.rule)
            by_rule[m.rule] = replace(old or m, articles=(*(old.articles if old else ()), article_id))
        self.changed[story_id] = _Change(
            list(by_rule.values()),
            (prev.eligible if prev else False) or eligible,
            prev.first_seen if prev else self.now,
        )


async def _seen_items(session: AsyncSession, feed_id: int, keys: Sequence[str]) -> dict[str, str | None]:
    """Each item this feed saw before, with the article it was stored as (edits apply to that one)."""
    return {
        r.item_key: r.article_id
        for part in chunked(keys)
        for r in (
            await session.execute(
                select(SeenItem.item_key, SeenItem.article_id).where(
                    SeenItem.feed_id == feed_id, SeenItem.item_key.in_(part)
                )
            )
        ).all()
    }


def _fresh(items: Sequence[FeedItem], seen_keys: set[str]) -> list[FeedItem]:
    """The items not seen before, each key once."""
    fresh: list[FeedItem] = []
    batch_keys: set[str] = set()
    for item in items:
        if item.key in seen_keys or item.key in batch_keys:
            continue
        batch_keys.add(item.key)
        fresh.append(item)
    return fresh


async def _plan_chunk(
    session: AsyncSession, feed: Feed, items: Sequence[FeedItem], now: datetime, *, alerting: set[str] | None
) -> _ChunkPlan:
    """A chunk's reads: which items are fresh, which articles they are, which are stored, edited or to store."""
    tenant, source, feed_key = feed.tenant, feed.url, f"{feed.tenant}/{feed.name}"
    seen_as = await _seen_items(session, feed.id, [item.key for item in items])
    fresh = _fresh(items, set(seen_as))
    ordered = sorted(fresh, key=lambda i: i.published or now)
    candidates = {
        aid
        for i in items
        for aid in (article_id_for(i, feed_key), source_version_id(i, source), seen_as.get(i.key))
        if aid
    }
    # Articles are stored once for all the feeds of one source URL; "known" is per tenant: the same article
    # from another of its feeds, or a repost (same text, another guid or URL), never alerts it twice.
    known = await _known_articles(session, tenant, candidates, {i.content_hash for i in ordered if i.content_hash})

    def article_of(item: FeedItem) -> str:
        return seen_as.get(item.key) or known.resolve(
            article_id_for(item, feed_key), source_version_id(item, source), source
        )

    ids = {item.key: article_of(item) for item in ordered}
    # Every item with text, seen or not, by the article it is: its text may have been edited in place.
    by_article = {article_of(i): i for i in items if i.content_hash and (i.text or i.summary)}
    edited = _edited(by_article, known, source)
    seen_rows, to_store = _to_store(ordered, ids, known, feed, now)
    return _ChunkPlan(
        tenant=tenant,
        fresh=fresh,
        may_alert={i.key for i in fresh} if alerting is None else alerting,
        known=known,
        seen_rows=seen_rows,
        to_store=to_store,
        edited=edited,
    )


def _edited(by_article: Mapping[str, FeedItem], known: _Known, source: str) -> dict[str, FeedItem]:
    """The articles of this tenant whose text an item changes, by article id.

    Only the source that stored an article may rewrite it: another feed's item with the same link (an
    article this tenant also has from elsewhere) never changes what reached others through that source.
    """
    return {
        aid: item
        for aid, item in by_article.items()
        if aid in known.mine
        and known.stored[aid].source == source
        and item.content_hash != known.stored[aid].content_hash
        and item.content_hash not in known.my_hashes
    }


def _to_store(
    ordered: Sequence[FeedItem], ids: Mapping[str, str], known: _Known, feed: Feed, now: datetime
) -> tuple[list[SeenItem], list[_ToStore]]:
    """A seen row for every fresh item, and the articles this tenant does not have yet (not by id, not by text),
    oldest first; `known` learns each, so a repost later in the chunk is not stored twice."""
    seen_rows: list[SeenItem] = []
    to_store: list[_ToStore] = []
    for item in ordered:
        article_id = ids[item.key]
        seen_rows.append(SeenItem(feed_id=feed.id, item_key=item.key, article_id=article_id, seen_at=now))
        if article_id in known.mine or (item.content_hash and item.content_hash in known.my_hashes):
            continue
        known.mine.add(article_id)
        if item.content_hash:
            known.my_hashes.add(item.content_hash)
        to_store.append(_ToStore(item, _article(item, article_id, feed, now)))
    return seen_rows, to_store


def _article(item: FeedItem, article_id: str, feed: Feed, now: datetime) -> Article:
    """The article a fresh item becomes (its event time read from its date or, failing that, its text)."""
    title, text = item.title or "(untitled)", item.text or item.summary or ""
    event_at, dated = event_time(item.published, title, text, now, item.url or "")
    return Article(
        id=article_id,
        url=item.url or "",
        title=title,
        text=text,
        outlet=item.outlet or (feed.spec or {}).get("outlet") or feed.title or feed.name,
        feed=feed.name,
        published=item.published,
        seen_at=now,
        guid=item.guid,
        event_at=event_at,
        dated=dated,
    )


class _ArticleValues(TypedDict):
    """The columns of a new `articles` row as `_insert_articles` inserts them (`ArticleRow`'s other columns keep
    their defaults)."""

    id: str
    url: str
    guid: str | None
    title: str
    text: str
    outlet: str
    feed_id: int
    published: datetime | None
    seen_at: datetime
    content_hash: str
    story_id: str
    detection: DetectionJSON
    search_text: str
    event_at: datetime
    dated: str


def _article_row(new: _New, feed_id: int, now: datetime) -> _ArticleValues:
    """The `articles` row of a new article."""
    a = new.article
    return {
        "id": a.id,
        "url": a.url,
        "guid": a.guid,
        "title": a.title,
        "text": a.text,
        "outlet": a.outlet,
        "feed_id": feed_id,
        "published": a.published,
        "seen_at": now,
        "content_hash": new.item.content_hash,
        "story_id": new.story_id,
        "detection": detection_to_dict(_base(new.detection)),
        "search_text": f"{a.title}\n{a.text}",
        "event_at": a.when,
        "dated": a.when_dated,
    }


async def _known_articles(session: AsyncSession, tenant: str, ids: set[str], hashes: set[str]) -> _Known:
    """Which of these article ids and content hashes are stored, and which of them this tenant has seen."""
    seen_by_tenant = visible_ids(tenant)
    known = _Known({}, set(), set())
    for part in chunked(sorted(ids)):
        rows = (
            await session.execute(
                select(ArticleRow.id, ArticleRow.content_hash, ArticleRow.story_id, Feed.url)
                .outerjoin(Feed, Feed.id == ArticleRow.feed_id)
                .where(ArticleRow.id.in_(part))
            )
        ).all()
        known.stored.update({r.id: _Stored(r.content_hash, r.story_id, r.url) for r in rows})
    for part in chunked(sorted(known.stored)):
        seen = (await session.scalars(seen_by_tenant.where(SeenItem.article_id.in_(part)))).all()
        known.mine.update(i for i in seen if i is not None)  # none is: the ids are asked for
    for part in chunked(sorted(hashes)):
        known.my_hashes.update(
            h
            for h in (
                await session.scalars(
                    select(ArticleRow.content_hash).where(
                        ArticleRow.content_hash.in_(part), ArticleRow.id.in_(seen_by_tenant)
                    )
                )
            ).all()
            if h
        )
    return known


async def _insert_articles(session: AsyncSession, rows: Sequence[_ArticleValues]) -> set[str]:
    """Insert article rows, skipping ids stored meanwhile; returns the ids inserted now."""
    inserted: set[str] = set()
    for part in chunked(rows, 100):
        inserted.update(
            (
                await session.scalars(
                    insert_ignore(session, ArticleRow, ["id"]).values(list(part)).returning(ArticleRow.id)
                )
            ).all()
        )
    return inserted


async def _detect_chunk(compiled: TenantRules, plan: _ChunkPlan, edit_rows: Sequence[_Edit]) -> list[Detection]:
    """The detections of the chunk's articles to store, then of its edited ones, in that order.

    Detection is CPU-bound: a worker thread runs it (the compiled rules are shared, read-only), so the event
    loop goes on serving other feeds, the outbox and health checks meanwhile.
    """
    return await asyncio.to_thread(
        _detect_all,
        compiled,
        [_Text(s.article.title, s.article.text, s.article.when) for s in plan.to_store]
        + [_Text(e.title, e.text, e.row.event_at or e.row.published or e.row.seen_at) for e in edit_rows],
    )


def _detect_all(compiled: TenantRules, articles: Sequence[_Text]) -> list[Detection]:
    """Detection with a tenant's rules for each article's title, text and date; run in a worker thread."""
    return [compiled.detect(a.title, a.text, a.when) for a in articles]


async def _edit_rows(session: AsyncSession, edited: Mapping[str, FeedItem]) -> list[_Edit]:
    """Stored articles whose text was edited in place (same guid or URL, new text), with the new title, text
    and content hash.

    A text much shorter than the stored one is not an edit but a feed that sometimes gives only its
    summary (full text fetched on one poll, not on the next): it is ignored, so the article never flips.
    """
    out: list[_Edit] = []
    for part in chunked(sorted(edited)):
        for row in (await session.scalars(select(ArticleRow).where(ArticleRow.id.in_(part)))).all():
            item = edited[row.id]
            text = item.text or item.summary or ""
            if row.story_id is None or len(text) < 0.6 * len(row.text or ""):
                continue
            out.append(_Edit(row, item.title or row.title, text, item.content_hash))
    return out


def _apply_edits(edits: Sequence[_Edit], detections: Sequence[Detection]) -> list[_Edited]:
    """Store the new text and detection of articles edited in place; returns each with its new detection
    (rule matches included)."""
    out: list[_Edited] = []
    for edit, detection in zip(edits, detections, strict=True):
        row = edit.row
        row.title, row.text, row.content_hash = edit.title, edit.text, edit.content_hash
        row.search_text = f"{edit.title}\n{edit.text}"
        row.detection = detection_to_dict(_base(detection))
        out.append(_Edited(row, detection))
    return out


async def _ensure_stories(
    session: AsyncSession, headlines: Mapping[str, str], now: datetime, *, existing: Iterable[str] = ()
) -> dict[str, Story]:
    """The stories with these ids, created where missing (story id -> headline of its first article),
    and the `existing` ones (stories whose articles were edited)."""
    wanted = set(headlines) | set(existing)
    if not wanted:
        return {}
    # Another feed's ingest may create the same story concurrently (PostgreSQL): the insert then does nothing.
    rows = [
        {"id": story_id, "headline": headline, "first_seen": now, "last_seen": now, "state": {}}
        for story_id, headline in headlines.items()
    ]
    for part in chunked(rows, 200):
        await session.execute(insert_ignore(session, Story, ["id"]).values(part))
    stories = {
        s.id: s
        for part in chunked(sorted(wanted))
        for s in (await session.scalars(select(Story).where(Story.id.in_(part)))).all()
    }
    for story in stories.values():
        story.last_seen = now
    return stories


def _base(detection: Detection) -> Detection:
    """The tenant-independent part of a detection (rule matches are per tenant)."""
    return Detection(
        events=detection.events,
        casualties=detection.casualties,
        people=detection.people,
        countries=detection.countries,
        regions=detection.regions,
    )


def _story_state(summary: Summary) -> TenantStoryState:
    """What `stories.state` keeps of a tenant's summary."""
    return TenantStoryState(
        headline=summary.headline,
        ceasefire=summary.ceasefire,
        casualty=_casualty_json(summary.casualty) if summary.casualty else None,
        people=list(summary.people),
        countries=list(summary.countries),
        sources=[s.article_id for s in summary.sources],
        rules=list(summary.rules),
    )


def _casualty_json(c: Casualty) -> CasualtyJSON:
    """A casualty figure as stored (the fields of `dataclasses.asdict`, in order)."""
    return CasualtyJSON(
        count=c.count,
        qualifier=c.qualifier,
        kind=c.kind,
        who=c.who,
        current=c.current,
        evidence=c.evidence,
        cause=c.cause,
    )
