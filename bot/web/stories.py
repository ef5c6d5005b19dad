"""The stories a tenant sees, as the console and its API show them: built with the brief's own views.

A story is listed when one of its articles reached the tenant through the tenant's own feeds (the
rule every face follows, `bot.repo.search.visible_ids`), newest report first. Each story is the
brief's `StoryView` of the tenant's members (`bot.repo.stories.build_view`); its rules are those the
pipeline recorded for the tenant, its severity the highest of theirs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.codec import casualty_to_dict, detection_from_dict, detection_of
from bot.masking import mask_secrets
from bot.models import SEVERITIES, Summary
from bot.repo import search
from bot.repo.stories import (
    SEVERITY_WEIGHT,
    ListedArticle,
    ListingCache,
    StoryView,
    build_view,
    casualty_text,
    listed_members,
    state_of_tenant,
)
from bot.storage.shapes import CasualtyJSON
from bot.storage.tables import AlertRow, ArticleRow, Delivery, Rule, Story

# Stories scanned for one page of a filtered list: a filter matching nothing stops here, not at the last story.
SCAN_STORIES = 2000
SCAN_ARTICLES = 20_000
CHUNK = 500  # reports read first, newest first (then twice as many each time)
BATCH = 50  # stories built at a time
MAX_LIMIT = 500


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What the Stories page and `GET /api/stories` narrow the list by; empty fields do not filter."""

    country: str = ""
    region: frozenset[str] | None = None  # the countries of a region, group or place (`places:` of a rule)
    rule: str = ""
    event: str = ""
    severity: str = ""
    since: datetime | None = None  # the story's newest report is at or after this time
    until: datetime | None = None  # ... and at or before this one

    def keeps(self, item: StoryItem) -> bool:
        """True when the story passes every filter given."""
        if self.country and self.country.casefold() not in {c.casefold() for c in item.summary.countries}:
            return False
        if self.region is not None and not self.region & set(item.summary.countries):
            return False
        if self.rule and self.rule.casefold() not in {r.casefold() for r in item.rules}:
            return False
        if self.event and self.event.casefold() not in {e.casefold() for e in item.events}:
            return False
        return not (self.severity and self.severity != item.severity)


@dataclass(frozen=True, slots=True)
class Fact:
    """One finding of a story with the sentence that says it and the report it comes from."""

    what: str
    evidence: str
    source: str  # the outlet and title of the report


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One story as the tenant sees it: the brief's view, the tenant's matched rules and their severity."""

    view: StoryView
    rules: tuple[str, ...]
    severity: str
    facts: tuple[Fact, ...] = field(default=())

    @property
    def id(self) -> str:
        """The story id (`s-...`), as alerts show it."""
        return self.view.key

    @property
    def summary(self) -> Summary:
        """The brief's summary: headline, sources, people, countries, casualty."""
        return self.view.summary

    @property
    def events(self) -> tuple[str, ...]:
        """Event types found in the tenant's reports (ceasefire, casualties, talks...)."""
        return self.view.event_types

    @property
    def updated(self) -> datetime:
        """The time of the newest report's event."""
        return self.view.last_seen


async def _severities(session: AsyncSession, tenant: str) -> dict[str, str]:
    rows = (await session.execute(select(Rule.name, Rule.spec).where(Rule.tenant == tenant))).all()
    return {name: str((spec or {}).get("severity") or "routine") for name, spec in rows}


def _recorded_rules(state: object, tenant: str) -> list[str] | None:
    """The tenant's rules a story matched as the pipeline recorded them in its `state`; None when it recorded
    none."""
    recorded = state_of_tenant(state, tenant).get("rules")
    return [r for r in recorded if isinstance(r, str)] if isinstance(recorded, list) else None


def _rules_of(story: Story | None, view: StoryView, tenant: str) -> tuple[str, ...]:
    """The tenant's rules the story matched, as the pipeline recorded them (and any the reports carry)."""
    return tuple(dict.fromkeys([*(_recorded_rules(story.state if story else None, tenant) or []), *view.summary.rules]))


def _severity(rules: Iterable[str], severities: Mapping[str, str]) -> str:
    known = [severities[r] for r in rules if severities.get(r) in SEVERITY_WEIGHT]
    return max(known, key=lambda s: SEVERITY_WEIGHT[s], default="routine")


async def _items(
    session: AsyncSession,
    story_ids: Sequence[str],
    tenant: str,
    *,
    detail: bool = False,
    severities: Mapping[str, str] | None = None,
    cache: ListingCache | None = None,
) -> list[StoryItem]:
    """The tenant's items for these stories, in the order given (a story the tenant cannot see is left out).

    Each is the brief's view of the tenant's members (`build_view`); a list leaves out why each source is in
    its story (`detail` adds it, and the facts with their evidence)."""
    stories = await search.stories_by_ids(session, story_ids)
    if severities is None:
        severities = await _severities(session, tenant)
    members: Mapping[str, Sequence[ArticleRow]] | Mapping[str, Sequence[ListedArticle]] = (
        await search.articles_of_stories(session, story_ids, tenant)
        if detail
        else await listed_members(session, story_ids, tenant, cache)
    )
    out = []
    for sid in story_ids:
        rows = members.get(sid)
        if not rows:
            continue
        story = stories.get(sid)
        view = build_view(story, rows, sid, tenant, reasons=detail)
        rules = _rules_of(story, view, tenant)
        found = _facts(rows) if detail else ()
        out.append(StoryItem(view=view, rules=rules, severity=_severity(rules, severities), facts=found))
    return out


async def _newest_story_ids(session: AsyncSession, tenant: str, flt: StoryFilter) -> AsyncIterator[list[str]]:
    """The tenant's story ids, newest report first, a chunk of reports at a time: reports are read newest first
    along the event-time index, each chunk after the last one read and twice as long as the one before (a page
    costs a few hundred rows however many are stored; a filter that keeps few stories, a few queries)."""
    query = (
        select(ArticleRow.story_id, ArticleRow.id)
        .where(search.visible(tenant), ArticleRow.story_id.is_not(None))
        .order_by(ArticleRow.event_at.desc(), ArticleRow.id.desc())
    )
    if flt.since is not None:
        query = query.where(ArticleRow.event_at >= flt.since)
    if flt.until is not None:
        query = query.where(ArticleRow.event_at <= flt.until)
    seen: set[str] = set()
    after: str | None = None
    chunk, read = CHUNK, 0
    while read < SCAN_ARTICLES:
        page = query
        if after is not None:
            # After the last report read, by its own event time looked up in SQL (reading every row's time
            # back into Python costs more than the scan itself).
            at = select(ArticleRow.event_at).where(ArticleRow.id == after).scalar_subquery()
            page = query.where(or_(ArticleRow.event_at < at, and_(ArticleRow.event_at == at, ArticleRow.id < after)))
        rows = (await session.execute(page.limit(chunk))).all()
        fresh = [sid for sid in dict.fromkeys(r.story_id for r in rows) if sid not in seen]
        seen.update(fresh)
        yield fresh
        if len(rows) < chunk or len(seen) >= SCAN_STORIES:
            return
        after, read = rows[-1].id, read + chunk
        chunk = min(chunk * 2, SCAN_ARTICLES - read)


async def list_stories(
    session: AsyncSession,
    tenant: str,
    flt: StoryFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    cache: ListingCache | None = None,
) -> list[StoryItem]:
    """The tenant's stories, newest report first, that pass `flt`; at most `limit` after skipping `offset`.

    A story is placed by its newest report (within `since`..`until` when given). A filter is applied to the
    newest `SCAN_STORIES` stories: one that matches none of them answers an empty list. `cache` keeps what the
    list read of each article's detection for the next list."""
    flt = flt or StoryFilter()
    kept: list[StoryItem] = []
    skipped = 0
    severities = await _severities(session, tenant)
    async for ids in _newest_story_ids(session, tenant, flt):
        if flt.severity:
            ids = await _of_severity(session, ids, tenant, flt.severity, severities)
        while ids:
            # Built a batch at a time, or as many as the page still needs (one query for a CSV of 500, not ten).
            take = max(BATCH, limit + offset - skipped - len(kept))
            batch, ids = ids[:take], ids[take:]
            for item in await _items(session, batch, tenant, severities=severities, cache=cache):
                if not flt.keeps(item):
                    continue
                if skipped < offset:
                    skipped += 1
                    continue
                kept.append(item)
                if len(kept) >= limit:
                    return kept
    return kept


async def _of_severity(
    session: AsyncSession, story_ids: Sequence[str], tenant: str, severity: str, severities: Mapping[str, str]
) -> list[str]:
    """The stories whose recorded rules give `severity` (and those with none recorded, judged once built): the
    others are never built. One query of ids and states for a whole chunk."""
    recorded = Story.state[("by_tenant", tenant, "rules")]  # read in SQL: the rest of a state is never decoded
    rows = (await session.execute(select(Story.id, recorded).where(Story.id.in_(story_ids)))).tuples().all()
    rules = {sid: [r for r in found if isinstance(r, str)] for sid, found in rows if isinstance(found, list)}
    return [sid for sid in story_ids if sid not in rules or _severity(rules[sid], severities) == severity]


async def get_story(session: AsyncSession, tenant: str, story_id: str) -> StoryItem | None:
    """One story with its facts and their evidence, or None when the tenant has no report of it."""
    found = await _items(session, [story_id], tenant, detail=True)
    return found[0] if found else None


def _facts(rows: Sequence[ArticleRow] | Sequence[ListedArticle]) -> tuple[Fact, ...]:
    """Each event, ceasefire status and current casualty figure of the reports, once, with its sentence."""
    out: dict[tuple[str, str], Fact] = {}
    for row in rows:
        det = detection_from_dict(detection_of(row.detection))
        source = f"{row.outlet}: {row.title}"
        for ev in det.events:
            if ev.type != "casualties":
                what = ev.type + (f" ({ev.status})" if ev.status else "")
                out.setdefault((what, ev.evidence), Fact(what, ev.evidence, source))
        for c in det.current_casualties():
            what = "casualties: " + casualty_text(c)
            out.setdefault((what, c.evidence), Fact(what, c.evidence, source))
    return tuple(out.values())


class DeliveryShown(TypedDict):
    """One post, edit or follow-up of an alert, as the story page and `GET /api/stories/{id}` show it."""

    id: int
    kind: str
    status: str
    attempts: int
    created_at: str  # ISO
    sent_at: str | None
    error: str | None  # masked


@dataclass(frozen=True, slots=True)
class AlertSent:
    """One alert of a story in one of the tenant's channels, with each post, edit and follow-up queued for it."""

    channel: str  # masked: a webhook's token is never shown
    created_at: datetime
    deliveries: tuple[DeliveryShown, ...]


async def story_alerts(session: AsyncSession, tenant: str, story_id: str) -> list[AlertSent]:
    """The alerts a story caused in the tenant's channels, oldest first."""
    from bot.models import channel_tenant

    rows = (
        await session.scalars(select(AlertRow).where(AlertRow.story_id == story_id).order_by(AlertRow.created_at))
    ).all()
    out = []
    for row in rows:
        if channel_tenant(row.channel) != tenant:
            continue
        sends = (await session.scalars(select(Delivery).where(Delivery.alert_id == row.id).order_by(Delivery.id))).all()
        out.append(
            AlertSent(
                channel=mask_secrets(row.channel),
                created_at=row.created_at,
                deliveries=tuple(
                    {
                        "id": d.id,
                        "kind": d.kind,
                        "status": d.status,
                        "attempts": d.attempts,
                        "created_at": d.created_at.isoformat(),
                        "sent_at": d.sent_at.isoformat() if d.sent_at else None,
                        "error": mask_secrets(d.last_error) if d.last_error else None,
                    }
                    for d in sends
                ),
            )
        )
    return out


class SourceShown(TypedDict):
    """One source of a story in `GET /api/stories`."""

    title: str
    url: str
    outlet: str
    published: str | None  # ISO
    dated: str  # how that time is known: "published", "text", "address", "fetched"


class StoryJSON(TypedDict):
    """A story as `GET /api/stories` returns it (bot/web/openapi.json)."""

    id: str
    headline: str
    severity: str
    updated: str  # ISO
    countries: list[str]
    events: list[str]
    ceasefire: str | None
    casualties: CasualtyJSON | None  # the alerts' casualty: count, qualifier, kind, who, current, evidence, cause
    people: list[str]
    sources: list[SourceShown]
    rules: list[str]


class FactShown(TypedDict):
    """One fact of a story in `GET /api/stories/{id}`, with its sentence and source."""

    what: str
    evidence: str
    source: str


class AlertSentJSON(TypedDict):
    """One alert of a story in `GET /api/stories/{id}`."""

    channel: str  # masked
    created_at: str  # ISO
    deliveries: list[DeliveryShown]


class StoryDetailJSON(StoryJSON):
    """A story as `GET /api/stories/{id}` returns it: `GET /api/stories`'s, its facts and its alerts."""

    facts: list[FactShown]
    alerts: list[AlertSentJSON]


def story_json(item: StoryItem) -> StoryJSON:
    """A story as `GET /api/stories` returns it (see bot/web/openapi.json): the facts of the alerts' summary."""
    summary = item.summary
    return {
        "id": item.id,
        "headline": summary.headline,
        "severity": item.severity,
        "updated": item.updated.isoformat(),
        "countries": list(summary.countries),
        "events": list(item.events),
        "ceasefire": summary.ceasefire,
        "casualties": casualty_to_dict(summary.casualty) if summary.casualty else None,
        "people": list(summary.people),
        "sources": [
            {
                "title": src.title,
                "url": src.url,
                "outlet": src.outlet,
                "published": src.published.isoformat() if src.published else None,
                "dated": src.dated,
            }
            for src in summary.sources
        ],
        "rules": list(item.rules),
    }


CSV_COLUMNS = ("id", "updated", "severity", "headline", "countries", "events", "rules", "sources", "source_urls")


def _cell(value: str) -> str:
    # A spreadsheet runs a cell that starts with = + - @ as a formula: a headline must stay text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def stories_csv(items: Iterable[StoryItem]) -> str:
    """The stories as CSV, one row per story; lists are joined with `; `, source links with spaces."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        s = item.summary
        writer.writerow(
            [
                _cell(v)
                for v in (
                    item.id,
                    item.updated.isoformat(),
                    item.severity,
                    s.headline,
                    "; ".join(s.countries),
                    "; ".join(item.events),
                    "; ".join(item.rules),
                    str(len(s.sources)),
                    " ".join(src.url for src in s.sources),
                )
            ]
        )
    return out.getvalue()


def severities() -> tuple[str, ...]:
    """The severities a filter may name, highest first."""
    return tuple(SEVERITIES)
