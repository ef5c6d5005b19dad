"""Stories as the outbox, digests and brief show them: a Summary from stored rows (`story_summary`, each tenant
seeing only its own sources), its key fact, and its importance."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NotRequired, TypedDict, TypeVar

from sqlalchemy import Text, bindparam, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.codec import article_from_row, detection_from_dict, detection_of
from bot.models import CASUALTY_KINDS, QUALIFIERS, Casualty, RuleMatch, Severity, Source, Summary
from bot.repo.search import MEMBER_ORDER, visible, visible_ids
from bot.storage.db import chunked
from bot.storage.tables import ArticleRow, Story
from bot.stories.summarize import member_reasons, qualified_count, summarize

L = TypeVar("L", bound=str)

CEASEFIRE_WEIGHT = {
    "collapsed": 5.0,
    "violated": 4.0,
    "agreed": 4.0,
    "extended": 3.0,
    "proposed": 2.0,
    "talks": 2.0,
    "holding": 1.5,
}
SEVERITY_WEIGHT = {"flash": 3.0, "urgent": 2.0, "routine": 0.5}


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story with its articles, ready to rank and render; `key` is the story id (or `article:ID`)."""

    key: str
    summary: Summary
    last_seen: datetime
    event_types: tuple[str, ...]


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _one_of(value: object, allowed: tuple[L, ...], default: L) -> L:
    """A stored word as its Literal type: `value` when it is one of `allowed`, else `default`."""
    return next((a for a in allowed if a == value), default)


def _casualty(value: Any) -> Casualty | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return Casualty(
            count=int(value.get("count", 0)),
            qualifier=_one_of(value.get("qualifier"), QUALIFIERS, "exact"),
            kind=_one_of(value.get("kind"), CASUALTY_KINDS, "killed"),
            who=value.get("who") if isinstance(value.get("who"), str) else None,
            current=bool(value.get("current", True)),
            evidence=str(value.get("evidence") or ""),
            cause=value.get("cause") if isinstance(value.get("cause"), str) else None,
        )
    except (TypeError, ValueError):
        return None


def tenant_state(story: Story | None, tenant: str) -> Mapping[str, Any]:
    """What the pipeline last summarised of a story from `tenant`'s own sources ({} if nothing)."""
    return state_of_tenant(story.state if story is not None else None, tenant)


def state_of_tenant(state: object, tenant: str) -> Mapping[str, Any]:
    """`tenant`'s part of a story's stored `state` column ({} if nothing)."""
    if not isinstance(state, Mapping):
        return {}
    by_tenant = state.get("by_tenant")
    mine = by_tenant.get(tenant) if isinstance(by_tenant, Mapping) else None
    return mine if isinstance(mine, Mapping) else {}


@dataclass(slots=True)
class _Facts:
    """A story's facts as `build_view` gathers them: the tenant's state first, then each detection in turn."""

    ceasefire: str | None
    event_types: list[str]
    people: list[str]
    countries: list[str]
    casualty: Casualty | None
    matches: dict[str, RuleMatch] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)  # the first two events' sentences

    @classmethod
    def of_state(cls, state: Mapping[str, Any]) -> _Facts:
        """What the tenant's stored state of the story says (entries of the wrong shape left out)."""
        return cls(
            ceasefire=state.get("ceasefire") if isinstance(state.get("ceasefire"), str) else None,
            event_types=[t for t in _list(state.get("event_types")) if isinstance(t, str)],
            people=[
                p if isinstance(p, str) else str(p.get("name", ""))
                for p in _list(state.get("people"))
                if isinstance(p, (str, Mapping))
            ],
            countries=[c for c in _list(state.get("countries")) if isinstance(c, str)],
            casualty=_casualty(state.get("casualty")),
        )

    def add(self, det: Mapping[str, Any], *, figures: bool) -> None:
        """Add what one article's detection says; its casualty figures only when `figures` (the state's figure
        wins: the reports' current figures are not read)."""
        self._add_events(det)
        if figures:
            for c in _list(det.get("casualties")):
                cand = _casualty(c) if isinstance(c, Mapping) and c.get("current", True) else None
                if cand and (self.casualty is None or cand.count > self.casualty.count):
                    self.casualty = cand
        for p in _list(det.get("people")):
            name = p.get("name") if isinstance(p, Mapping) else p if isinstance(p, str) else None
            if name and name not in self.people:
                self.people.append(name)
        for c in _strings(det.get("countries")):
            if c not in self.countries:
                self.countries.append(c)
        for m in _list(det.get("matches")):
            if isinstance(m, Mapping) and isinstance(m.get("rule"), str) and m["rule"] not in self.matches:
                severity: Severity = m["severity"] if m.get("severity") in SEVERITY_WEIGHT else "routine"
                self.matches[m["rule"]] = RuleMatch(
                    rule=m["rule"], reason=str(m.get("reason") or ""), severity=severity
                )

    def _add_events(self, det: Mapping[str, Any]) -> None:
        for ev in _list(det.get("events")):
            if not isinstance(ev, Mapping):
                continue
            etype = str(ev.get("type") or "")
            if etype and etype not in self.event_types:
                self.event_types.append(etype)
            if etype == "ceasefire" and self.ceasefire is None and isinstance(ev.get("status"), str):
                self.ceasefire = ev["status"]
            if isinstance(ev.get("evidence"), str) and ev["evidence"] and len(self.evidence) < 2:
                self.evidence.append(ev["evidence"])


def build_view(
    story: Story | None,
    articles: Sequence[ArticleRow] | Sequence[ListedArticle],
    key: str | None,
    tenant: str,
    *,
    reasons: bool = True,
) -> StoryView:
    """Merge the tenant's state of a story and its articles' detections into one Summary (state wins when
    present); `articles` are those the tenant may see. Nothing another tenant's sources set is used.

    `reasons=False` leaves each source's `why` empty: a list of many stories skips comparing their texts, and
    may pass `ListedArticle`s (`listed_members`: no text, the listing part of each detection)."""
    if reasons and any(isinstance(a, ListedArticle) for a in articles):
        raise ValueError("build_view: why each source is in its story needs the articles' texts")
    state = tenant_state(story, tenant)
    detections = [detection_of(a.detection) for a in articles]
    facts = _Facts.of_state(state)
    for det in detections:
        facts.add(det, figures=not state.get("casualty"))
    arts = [article_from_row(a) for a in articles]
    why = member_reasons(arts, [detection_from_dict(d) for d in detections]) if reasons else [""] * len(arts)
    sources = tuple(
        Source.of(art, reason, str(det.get("language") or "en"))
        for art, reason, det in zip(arts, why, detections, strict=True)
    )
    headline = (state.get("headline") if isinstance(state.get("headline"), str) else None) or (
        articles[0].title if articles else "(untitled)"
    )
    severity: Severity = max(
        (m.severity for m in facts.matches.values()), key=lambda s: SEVERITY_WEIGHT[s], default="routine"
    )
    story_id = story.id if story is not None else (key or (articles[0].id if articles else ""))
    summary = Summary(
        story_id=story_id,
        headline=headline,
        sentences=tuple(facts.evidence),
        sources=sources,
        ceasefire=facts.ceasefire,
        casualty=facts.casualty,
        people=tuple(facts.people),
        countries=tuple(facts.countries),
        matches=tuple(facts.matches.values()),
        severity=severity,
    )
    # The latest event, not the latest fetch: a 2003 report fetched today is 2003's news.
    seen = [a.event_at or a.seen_at for a in articles]
    last = max(seen) if seen else (story.last_seen if story is not None else datetime.min)
    return StoryView(key=story_id, summary=summary, last_seen=last, event_types=tuple(facts.event_types))


@dataclass(frozen=True, slots=True)
class ListedArticle:
    """An article as a list of stories reads it (`listed_members`): no text, and of its detection only what
    `build_view(..., reasons=False)` uses (`listing_part`)."""

    id: str
    url: str
    guid: str | None
    title: str
    outlet: str
    feed_id: int | None
    published: datetime | None
    seen_at: datetime
    event_at: datetime
    dated: str
    detection: ListingPart


class ListedEvent(TypedDict):
    """An event as a list of stories reads it: its type and status as stored, and its sentence for the first two."""

    type: object
    status: object
    evidence: NotRequired[str]


class ListingPart(TypedDict):
    """What a list of stories reads of an article's detection (`listing_part`). The entries are copied as
    stored, unchecked: `build_view` checks them as it checks a whole detection (an older or damaged row's
    entries are left out there)."""

    events: list[ListedEvent]
    casualties: list[Mapping[str, object]]  # the current figures
    people: list[object]  # the names (an older row's entry as it is)
    countries: list[str]
    matches: list[object]
    language: object


def listing_part(detection: Mapping[str, object]) -> ListingPart:
    """What `build_view(..., reasons=False)` reads of a detection: every event's type and status with the first
    two evidence sentences, the current casualty figures, people's names, countries, rule matches, language.
    A story built from it equals one built from the whole detection (tests/test_brief.py)."""
    events: list[ListedEvent] = []
    evidence = 0
    for ev in _list(detection.get("events")):
        if isinstance(ev, Mapping):
            keep: ListedEvent = {"type": ev.get("type"), "status": ev.get("status")}
            if evidence < 2 and isinstance(ev.get("evidence"), str) and ev["evidence"]:
                keep["evidence"], evidence = ev["evidence"], evidence + 1
            events.append(keep)
    return {
        "events": events,
        "casualties": [
            c for c in _list(detection.get("casualties")) if isinstance(c, Mapping) and c.get("current", True)
        ],
        "people": [p.get("name") if isinstance(p, Mapping) else p for p in _list(detection.get("people"))],
        "countries": _strings(detection.get("countries")),
        "matches": _list(detection.get("matches")),
        "language": detection.get("language"),
    }


class ListingCache:
    """The listing parts (`listing_part`) of the articles a console listed lately, by article id and content
    hash (an edited article has a new hash, and so a new entry), the `size` most recent kept: a list read
    again (the live Stories page, an export) reads no detection it has read before. About 3 KB an entry."""

    def __init__(self, size: int = 4000) -> None:
        self.size = size
        self._parts: OrderedDict[tuple[str, str], ListingPart] = OrderedDict()

    def get(self, key: tuple[str, str]) -> ListingPart | None:
        part = self._parts.get(key)
        if part is not None:
            self._parts.move_to_end(key)
        return part

    def put(self, key: tuple[str, str], part: ListingPart) -> None:
        self._parts[key] = part
        self._parts.move_to_end(key)
        while len(self._parts) > self.size:
            self._parts.popitem(last=False)


# What a list reads of each article besides its detection: never the texts (reading and sorting 1,500 texts was
# most of the cost of a CSV of 500 stories).
_LISTED = (
    ArticleRow.id,
    ArticleRow.url,
    ArticleRow.guid,
    ArticleRow.title,
    ArticleRow.outlet,
    ArticleRow.feed_id,
    ArticleRow.published,
    ArticleRow.seen_at,
    ArticleRow.event_at,
    ArticleRow.dated,
    ArticleRow.story_id,
    ArticleRow.content_hash,
)


async def listed_members(
    session: AsyncSession, story_ids: Sequence[str], tenant: str, cache: ListingCache | None = None
) -> dict[str, list[ListedArticle]]:
    """The articles of each story visible to `tenant`, oldest event first, as a list of stories reads them.

    Each detection comes as its stored JSON text and is decoded only when not in `cache` (decoding 1,500
    detections was the largest part of a CSV of 500 stories after the texts)."""
    ids = [i for i in dict.fromkeys(story_ids) if i]
    out: dict[str, list[ListedArticle]] = {i: [] for i in ids}
    stored = cast(ArticleRow.detection, Text).label("stored")
    for chunk in chunked(ids, 500):
        query = select(*_LISTED, stored).where(ArticleRow.story_id.in_(chunk), visible(tenant)).order_by(*MEMBER_ORDER)
        for r in (await session.execute(query)).all():
            key = (r.id, r.content_hash)
            part = cache.get(key) if cache is not None else None
            if part is None:
                detection = json.loads(r.stored) if r.stored else {}
                part = listing_part(detection if isinstance(detection, Mapping) else {})
                if cache is not None:
                    cache.put(key, part)
            article = ListedArticle(
                r.id, r.url, r.guid, r.title, r.outlet, r.feed_id, r.published, r.seen_at, r.event_at, r.dated, part
            )
            out[r.story_id].append(article)
    return out


def _strings(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


def casualty_text(c: Casualty) -> str:
    """`more than 200 killed (troops)`: a brief's line puts who after the figure (an alert's phrase is
    `casualty_phrase`: "more than 200 troops killed")."""
    return f"{qualified_count(c)} {c.kind}" + (f" ({c.who})" if c.who else "")


def key_fact(view: StoryView, watched: Iterable[str] = ()) -> str:
    """The one-line fact of a story: ceasefire status, current casualties, the officials involved."""
    s = view.summary
    parts: list[str] = []
    if s.ceasefire:
        parts.append(f"ceasefire {s.ceasefire}")
    if s.casualty is not None:
        parts.append(casualty_text(s.casualty))
    events = [e for e in view.event_types if e not in ("ceasefire", "casualties")]
    if events and not parts:
        parts.append(", ".join(events[:2]))
    # Mention order puts the main actor first; a watched official further down is still shown.
    watched_set = {w.casefold() for w in watched}
    people = list(s.people[:3])
    people += [p for p in s.people[3:] if p.casefold() in watched_set][:2]
    if people:
        parts.append(", ".join(people))
    if not parts and s.countries:
        parts.append(", ".join(s.countries[:3]))
    return "; ".join(parts)


def importance(view: StoryView, now: datetime, watched: Iterable[str] = ()) -> float:
    """Ranking score: ceasefire changes, casualties, watched officials, rule severity, then recency."""
    s = view.summary
    score = CEASEFIRE_WEIGHT.get(s.ceasefire or "", 0.0)
    if s.casualty is not None and s.casualty.count > 0:
        score += 1.0 + math.log10(s.casualty.count + 1)
    watched_set = {w.casefold() for w in watched}
    score += 1.5 * sum(1 for p in s.people if p.casefold() in watched_set) + 0.2 * len(s.people)
    score += max((SEVERITY_WEIGHT.get(m.severity, 0.0) for m in s.matches), default=0.0)
    score += 0.3 * min(len(s.sources), 5)
    age_hours = max(0.0, (now - view.last_seen).total_seconds() / 3600) if view.last_seen.tzinfo else 1e6
    return score + 4.0 * math.exp(-age_hours / 24.0)


def story_line(view: StoryView, watched: Iterable[str] = (), max_links: int = 3, now: datetime | None = None) -> str:
    """`Headline — 11 Aug 14:05 UTC — key fact — outlet <url>, outlet <url>`: one line per story; the time is its
    newest report's (with the year when that is not `now`'s), shown when `now` is given."""
    fact = key_fact(view, watched)
    newest = view.summary.newest_source() if now is not None else None
    when = newest.when_text(now) if newest is not None and now is not None else ""
    links = ", ".join(f"{src.outlet or 'link'} <{src.url}>" for src in view.summary.sources[:max_links] if src.url)
    more = len(view.summary.sources) - max_links
    if more > 0:
        links += f" (+{more} more)"
    return " — ".join(part for part in (view.summary.headline, when, fact, links) if part)


async def story_summary(
    session: AsyncSession, story_id: str, matches: Sequence[RuleMatch] = (), *, tenant: str | None = None
) -> Summary:
    """The current Summary of a story, from its stored articles, oldest first.

    With `tenant`, only articles that reached that tenant through one of its own feeds count: a
    story may span tenants, but one workspace never sees another's sources.
    """
    if tenant is None:
        return (await story_summaries(session, {story_id: matches}))[story_id]
    # The outbox renders one story per delivery: a statement built once, run on the Core connection.
    rows = (await (await session.connection()).execute(_TENANT_STORY, {"story": story_id, "tenant": tenant})).all()
    return _summary_of(story_id, rows, matches)


def _summary_of(story_id: str, rows: Sequence[Any], matches: Sequence[RuleMatch]) -> Summary:
    rows = sorted(rows, key=lambda r: (r.event_at or r.published or r.seen_at, r.seen_at, r.id))
    return summarize(
        story_id, [article_from_row(r) for r in rows], [detection_from_dict(r.detection) for r in rows], matches
    )


_TENANT_STORY = select(ArticleRow.__table__).where(
    ArticleRow.story_id == bindparam("story"), ArticleRow.id.in_(visible_ids(bindparam("tenant")))
)


async def story_summaries(
    session: AsyncSession, stories: Mapping[str, Sequence[RuleMatch]], *, tenant: str | None = None
) -> dict[str, Summary]:
    """`story_summary` for several stories (story id -> its matches) in one query."""
    if not stories:
        return {}
    by_story: dict[str, list[ArticleRow]] = {story_id: [] for story_id in stories}
    for part in chunked(list(stories)):
        stmt = select(ArticleRow).where(ArticleRow.story_id.in_(part))
        if tenant is not None:
            stmt = stmt.where(ArticleRow.id.in_(visible_ids(tenant)))
        for row in (await session.scalars(stmt)).all():
            if row.story_id is not None:  # (always: the query asked for these stories)
                by_story[row.story_id].append(row)
    return {story_id: _summary_of(story_id, rows, stories[story_id]) for story_id, rows in by_story.items()}
