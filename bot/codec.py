"""Domain objects to and from plain JSON-able dicts, for the database and `check --json`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from bot.models import (
    EVENT_TYPES,
    Article,
    Casualty,
    Detection,
    Event,
    Person,
    Relevance,
    RuleMatch,
    Source,
    Summary,
    TypeVerdict,
)

T = TypeVar("T")

if TYPE_CHECKING:  # the shapes of the stored JSON; codec sits below storage in the flow
    from bot.storage.shapes import CasualtyJSON, DetectionJSON, RelevanceJSON, SourceJSON, SummaryJSON


def detection_to_dict(det: Detection) -> DetectionJSON:
    """A Detection as a JSON-able dict (evidence kept)."""
    data = {
        "events": [asdict(e) for e in det.events],
        "casualties": [asdict(c) for c in det.casualties],
        "people": [asdict(p) for p in det.people],
        "countries": list(det.countries),
        "regions": list(det.regions),
        "matches": [asdict(m) for m in det.matches],
        "language": det.language,
        "relevance": asdict(det.relevance) if det.relevance else None,
        "typed": [asdict(v) for v in det.typed],
    }
    return cast("DetectionJSON", data)  # asdict mirrors the dataclasses, whose fields the shapes name


def detection_of(stored: object) -> DetectionJSON:
    """A stored `articles.detection` as its shape: a row of an older version or a damaged one that is not an
    object at all reads as empty (entries inside stay for the reader to check: `bot.repo.stories.build_view`)."""
    return cast("DetectionJSON", stored) if isinstance(stored, dict) else {}


def detection_from_dict(data: DetectionJSON | None) -> Detection:
    """The inverse of `detection_to_dict`, tolerant of missing keys and of entries of another shape (a row of an
    older version or a damaged one): what cannot be read is left out, never guessed."""
    data = data or {}
    return Detection(
        events=_each(lambda e: Event(**e), data.get("events")),
        casualties=_each(lambda c: Casualty(**c), data.get("casualties")),
        people=_each(lambda p: Person(**p), data.get("people")),
        countries=_strings(data.get("countries")),
        regions=_strings(data.get("regions")),
        matches=_each(RuleMatch.from_dict, data.get("matches")),
        language=data.get("language") or "en",
        relevance=_relevance(data.get("relevance")),
        typed=_each(_verdict, data.get("typed")),
    )


def _each(build: Callable[[Mapping[str, Any]], T], entries: object) -> tuple[T, ...]:
    """What `build` makes of each stored entry that is an object of the fields it takes; the others are skipped."""
    if not isinstance(entries, list):
        return ()
    out = []
    for entry in entries:
        if isinstance(entry, Mapping):
            try:
                out.append(build(entry))
            except (TypeError, KeyError, ValueError):
                continue
    return tuple(out)


def _strings(entries: object) -> tuple[str, ...]:
    return tuple(e for e in entries if isinstance(e, str)) if isinstance(entries, list) else ()


def _relevance(data: RelevanceJSON | None) -> Relevance | None:
    if not isinstance(data, Mapping):
        return None
    try:
        return Relevance(float(data["score"]), float(data["threshold"]), tuple((t, float(w)) for t, w in data["terms"]))
    except (TypeError, KeyError, ValueError):
        return None


def _verdict(data: Mapping[str, Any]) -> TypeVerdict:
    if data["type"] not in EVENT_TYPES or not isinstance(data["added"], bool):
        raise ValueError(data["type"])
    terms = tuple((str(t), float(w)) for t, w in data["terms"])
    return TypeVerdict(data["type"], data["added"], float(data["score"]), float(data["threshold"]), terms)


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def casualty_to_dict(c: Casualty) -> CasualtyJSON:
    """A Casualty as a JSON-able dict (every field, its cause included)."""
    return cast("CasualtyJSON", asdict(c))  # asdict mirrors Casualty, whose fields CasualtyJSON names


def summary_to_dict(s: Summary) -> SummaryJSON:
    """A Summary as a JSON-able dict."""
    data = cast("SummaryJSON", asdict(s))  # asdict mirrors Summary, whose fields SummaryJSON names
    data["sources"] = [
        cast("SourceJSON", {**asdict(src), "published": src.published.isoformat() if src.published else None})
        for src in s.sources
    ]
    return data


def summary_from_dict(data: SummaryJSON) -> Summary:
    """The inverse of `summary_to_dict`."""
    return Summary(
        story_id=data["story_id"],
        headline=data["headline"],
        sentences=tuple(data.get("sentences", ())),
        sources=tuple(_source(src) for src in data.get("sources", ())),
        ceasefire=data.get("ceasefire"),
        casualty=Casualty(**casualty) if (casualty := data.get("casualty")) else None,
        people=tuple(data.get("people", ())),
        countries=tuple(data.get("countries", ())),
        matches=tuple(RuleMatch.from_dict(m) for m in data.get("matches", ())),
        severity=data.get("severity", "routine"),
        topic=data.get("topic"),
    )


def _source(src: SourceJSON) -> Source:
    """A stored source: its fields as stored, its time read back from ISO text."""
    return Source(
        article_id=src["article_id"],
        title=src["title"],
        url=src["url"],
        outlet=src["outlet"],
        published=_dt(src.get("published")),
        dated=src.get("dated", "published"),
        why=src.get("why", ""),
        language=src.get("language", "en"),
    )


class ArticleRecord(Protocol):
    """What `article_from_row` reads of a stored article (an ArticleRow, a story list's ListedArticle); `text`,
    `event_at` and `dated` too when it has them."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def outlet(self) -> str: ...
    @property
    def feed_id(self) -> int | None: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def seen_at(self) -> datetime: ...
    @property
    def guid(self) -> str | None: ...


def article_from_row(row: ArticleRecord) -> Article:
    """An Article from an ArticleRow, or from a story list's `ListedArticle` (no text: the text is empty)."""
    return Article(
        id=row.id,
        url=row.url,
        title=row.title,
        text=getattr(row, "text", ""),
        outlet=row.outlet,
        feed=str(row.feed_id or ""),
        published=row.published,
        seen_at=row.seen_at,
        guid=row.guid,
        event_at=getattr(row, "event_at", None),
        dated=getattr(row, "dated", None),
    )
