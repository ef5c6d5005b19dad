"""Frozen domain objects that flow feed -> article -> detection -> story -> alert -> delivery."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypeAlias, get_args

Severity = Literal["flash", "urgent", "routine"]
SEVERITIES: tuple[Severity, ...] = ("flash", "urgent", "routine")

EventType = Literal["ceasefire", "casualties", "clash", "talks", "agreement", "sanctions"]
CeasefireStatus = Literal["agreed", "violated", "collapsed", "extended", "proposed", "holding", "talks"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "nearly", "up_to"]
CasualtyKind = Literal["killed", "dead", "wounded", "injured", "missing"]
# What a casualty figure comes from (bot.detect.casualties); None on a figure is "unclear".
CasualtyCause = Literal["conflict", "disaster", "accident", "disease", "crime"]
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
CEASEFIRE_STATUSES: tuple[CeasefireStatus, ...] = get_args(CeasefireStatus)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
CASUALTY_KINDS: tuple[CasualtyKind, ...] = get_args(CasualtyKind)
CASUALTY_CAUSES: tuple[CasualtyCause, ...] = get_args(CasualtyCause)


@dataclass(frozen=True, slots=True)
class Article:
    """One news item as ingested: stable id, canonical link, clean text."""

    id: str
    url: str
    title: str
    text: str
    outlet: str
    feed: str
    published: datetime | None
    seen_at: datetime
    guid: str | None = None
    event_at: datetime | None = None  # when the event happened (see `bot.stories.cluster.event_time`)
    dated: str | None = None  # how `event_at` is known: "published", "text" (a date written in it), "fetched"

    @property
    def published_or_seen(self) -> datetime:
        """The publication time, or the first-seen time when the feed gave none."""
        return self.published or self.seen_at

    @property
    def when(self) -> datetime:
        """The event's time: `event_at`, else the publication time, else the first-seen time."""
        return self.event_at or self.published_or_seen

    @property
    def when_dated(self) -> str:
        """How `when` is known: "published", "text" or "fetched"."""
        return self.dated or ("published" if self.published else "fetched")


@dataclass(frozen=True, slots=True)
class Event:
    """A development the article reports (not background), with the sentence that shows it."""

    type: EventType
    status: str | None
    evidence: str
    cue: str = ""  # for a ceasefire: the words that set its status ("governing word \"agreed\"")


@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty figure as written, with its qualifier and whether it is current news."""

    count: int
    qualifier: Qualifier
    kind: CasualtyKind
    who: str | None
    current: bool
    evidence: str
    cause: CasualtyCause | None = None  # None when unclear


@dataclass(frozen=True, slots=True)
class Person:
    """A named official, canonical full name, with title and country where known."""

    name: str
    title: str | None
    country: str | None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """A watch rule that matched an article, and why."""

    rule: str
    reason: str
    severity: Severity = "routine"
    articles: tuple[str, ...] = ()  # the ids of the story's articles that matched (the alert leads with them)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleMatch:
        """The inverse of `dataclasses.asdict` (a stored alert's or payload's match)."""
        return cls(
            rule=str(data["rule"]),
            reason=str(data.get("reason") or ""),
            severity=data.get("severity") or "routine",
            articles=tuple(data.get("articles") or ()),
        )


@dataclass(frozen=True, slots=True)
class Relevance:
    """The relevance model's score of an item, its threshold, and the terms that weighed most."""

    score: float
    threshold: float
    terms: tuple[tuple[str, float], ...]

    @property
    def relevant(self) -> bool:
        """Whether the score reaches the threshold."""
        return self.score >= self.threshold

    def describe(self) -> str:
        """ "0.91 >= 0.62 ('ceasefire' +0.31, 'talks' +0.12)"."""
        terms = ", ".join(f"{t!r} {w:+.2f}" for t, w in self.terms[:4])
        return f"{self.score:.2f} {'>=' if self.relevant else '<'} {self.threshold:.2f}" + (
            f" ({terms})" if terms else ""
        )


@dataclass(frozen=True, slots=True)
class TypeVerdict:
    """An event type the learned event model added to the rules' (or removed from them): its probability, the bar
    it passed, and the terms that weighed most (bot/model/events.py)."""

    type: EventType
    added: bool
    score: float
    threshold: float
    terms: tuple[tuple[str, float], ...]

    def describe(self) -> str:
        """ "clash added by the model: 0.91 >= 0.80 ('shelling' +0.31, ...)"."""
        terms = ", ".join(f"{t!r} {w:+.2f}" for t, w in self.terms[:4])
        how = (
            f"added by the model: {self.score:.2f} >= " if self.added else f"removed by the model: {self.score:.2f} < "
        )
        return f"{self.type} {how}{self.threshold:.2f}" + (f" ({terms})" if terms else "")


@dataclass(frozen=True, slots=True)
class Detection:
    """Everything the detector found in one article."""

    events: tuple[Event, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    people: tuple[Person, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    matches: tuple[RuleMatch, ...] = ()
    # ISO 639-1. English is read by the detector's patterns, eight other languages by bot/detect/multilingual.py.
    language: str = "en"
    relevance: Relevance | None = None  # the relevance model's judgement (None: not judged)
    typed: tuple[TypeVerdict, ...] = ()  # the event types the learned event model added or removed, and why

    @property
    def ceasefire_status(self) -> str | None:
        """The status of the first ceasefire event, if any."""
        for event in self.events:
            if event.type == "ceasefire" and event.status:
                return event.status
        return None

    def current_casualties(self) -> tuple[Casualty, ...]:
        """Figures that are news now, not background."""
        return tuple(c for c in self.casualties if c.current)


LANGUAGE_NAMES = {
    "uk": "Ukrainian",
    "ru": "Russian",
    "ar": "Arabic",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
    "zh": "Chinese",
    "fa": "Farsi",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "ur": "Urdu",
    "hi": "Hindi",
    "bn": "Bengali",
    "ja": "Japanese",
    "ko": "Korean",
    "id": "Indonesian",
    "he": "Hebrew",
}


def language_name(code: str) -> str:
    """`French` for "fr" (the languages the detector tags), else the code itself."""
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True, slots=True)
class Source:
    """One outlet's article within a story, as listed in an alert."""

    article_id: str
    title: str
    url: str
    outlet: str
    published: datetime | None  # the event's time as `Article.when` (the name is kept for stored payloads)
    dated: str = "published"  # how that time is known: "published", "text" (a date in it), "fetched"
    why: str = ""  # why it is in the story: the rules it matched, what it shares with another member
    language: str = "en"  # ISO 639-1 of the article (its title is shown as written, in that language)

    def when_text(self, now: datetime) -> str:
        """`11 Aug 14:05 UTC`; with the year when it is not `now`'s; says when the time is only approximate:
        `10 Aug 2003 (date in the text)`, `fetched 11 Aug 14:05 UTC (no date given)`."""
        return when_text(self.published, now, self.dated)

    @classmethod
    def of(cls, article: Article, why: str = "", language: str = "en") -> Source:
        """The source an article is in a story, with why it is there and its language."""
        return cls(
            article_id=article.id,
            title=article.title,
            url=article.url,
            outlet=article.outlet,
            published=article.when,
            dated=article.when_dated,
            why=why,
            language=language,
        )

    @property
    def language_note(self) -> str:
        """` (in French)` after the title of an article not in English, else empty."""
        return f" (in {language_name(self.language)})" if self.language != "en" else ""


@dataclass(frozen=True, slots=True)
class Summary:
    """A platform-free rendering input for a story: adapters turn this into messages."""

    story_id: str
    headline: str
    sentences: tuple[str, ...]
    sources: tuple[Source, ...]
    ceasefire: str | None = None
    casualty: Casualty | None = None
    people: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    matches: tuple[RuleMatch, ...] = ()
    severity: Severity = "routine"
    topic: str | None = None
    language: str = "en"  # ISO 639-1 of the article the headline is from (shown as written)

    @property
    def language_note(self) -> str:
        """` (in French)` after a headline not in English, else empty."""
        return f" (in {language_name(self.language)})" if self.language != "en" else ""

    @property
    def rules(self) -> tuple[str, ...]:
        """Names of the rules that matched."""
        return tuple(m.rule for m in self.matches)

    def newest_source(self) -> Source | None:
        """The source with the latest time (the last listed when none has one)."""
        dated = [
            (s.published if s.published.tzinfo else s.published.replace(tzinfo=UTC), i)
            for i, s in enumerate(self.sources)
            if s.published is not None
        ]
        if dated:
            return self.sources[max(dated)[1]]
        return self.sources[-1] if self.sources else None


AlertKind = Literal["post", "edit", "followup", "batch", "digest", "notice"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PostAlert:
    """A story's first message in a channel; `mention` asks a flash story to ping the channel's flash group."""

    channel: str
    summary: Summary
    mention: bool = False
    kind: Literal["post"] = field(default="post", init=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class EditAlert:
    """The story's first message again, with its latest sources (an edit never mentions anyone)."""

    channel: str
    summary: Summary
    kind: Literal["edit"] = field(default="edit", init=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowupAlert:
    """A development of the story, replied under its first message: what changed, and the story now."""

    channel: str
    summary: Summary
    change: str | None = None
    kind: Literal["followup"] = field(default="followup", init=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchAlert:
    """Several new stories in one message, when a channel's burst limit is reached."""

    channel: str
    summaries: tuple[Summary, ...]
    kind: Literal["batch"] = field(default="batch", init=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class DigestAlert:
    """An hourly or daily digest subscription's stories under its title."""

    channel: str
    summaries: tuple[Summary, ...]
    title: str | None = None
    kind: Literal["digest"] = field(default="digest", init=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeAlert:
    """A plain text notice for the channel (a feed paused, a subscription dropped)."""

    channel: str
    text: str
    kind: Literal["notice"] = field(default="notice", init=False)


Alert: TypeAlias = PostAlert | EditAlert | FollowupAlert | BatchAlert | DigestAlert | NoticeAlert
"""What a sink is asked to show; renderers `match` on the variant (its `kind` is `AlertKind`)."""


def alert_summaries(alert: Alert) -> tuple[Summary, ...]:
    """The stories an alert shows, in order (none for a notice)."""
    match alert:
        case PostAlert(summary=summary) | EditAlert(summary=summary) | FollowupAlert(summary=summary):
            return (summary,)
        case BatchAlert(summaries=summaries) | DigestAlert(summaries=summaries):
            return summaries
        case NoticeAlert():
            return ()


@dataclass(frozen=True, slots=True)
class Caller:
    """Who runs a command, in which tenant, and whether the platform says they are an admin."""

    user_id: str
    tenant: str = "local"
    is_admin: bool = False
    display_name: str | None = None


@dataclass(frozen=True, slots=True)
class Invocation:
    """A platform-free command call: name, raw argument words, caller and channel."""

    command: str
    args: tuple[str, ...]
    caller: Caller
    channel: str = "terminal"


@dataclass(frozen=True, slots=True)
class Reply:
    """A platform-free command answer: a title, body lines, and whether only the caller sees it."""

    text: str
    lines: tuple[str, ...] = ()
    ok: bool = True
    ephemeral: bool = False
    summaries: tuple[Summary, ...] = ()
    data: Mapping[str, object] = field(default_factory=dict)  # shapes a face reads: bot.replies


def when_text(value: datetime | None, now: datetime, dated: str = "published") -> str:
    """A time for people: `11 Aug 14:05 UTC` this year, `11 Aug 2003 14:05 UTC` another year, "" for None.

    A date written in the article names a day (`10 Aug 2003 (date in the text)`); a fetch time is said to be one.
    """
    if value is None:
        return ""
    value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    day = f"{value.day} {value:%b}" + ("" if value.year == now.year else f" {value.year}")
    if dated == "text":
        return f"{day} (date in the text)"
    if dated == "address":
        return f"{day} (date in its address)"
    if dated == "fetched":
        return f"fetched {day} {value:%H:%M} UTC (no date given)"
    return f"{day} {value:%H:%M} UTC"


def channel_tenant(channel: str) -> str:
    """The tenant that owns a channel address.

    `slack:TEAM/CHANNEL` belongs to `slack:TEAM`, `discord:GUILD/CHANNEL` to `discord:GUILD`; the
    terminal and webhook channels are the local operator's (`local`). See `bot.channels.ChannelAddress`.
    """
    from bot.channels import tenant_of

    return tenant_of(channel)
