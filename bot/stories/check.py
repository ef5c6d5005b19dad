"""`diplobot check`: the detector's public contract, on article files, writing nothing to the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypedDict

from bot.detect import Detector
from bot.detect.multilingual import LANGUAGES
from bot.detect.rules import compile_rules, load_rules_file
from bot.errors import ConfigError, FeedError
from bot.ingest.local import read_article_file
from bot.models import CasualtyCause, CasualtyKind, Detection, EventType, Qualifier, language_name
from bot.stories.cluster import Dated, StoryDoc, cluster, event_time, explain_members, written_date

ARTICLE_SUFFIXES = (".txt", ".json", ".html", ".htm")


class CheckEventJSON(TypedDict):
    """An event in `check --json`."""

    type: EventType
    status: str | None
    evidence: str


class CheckCasualtyJSON(TypedDict):
    """A casualty figure in `check --json`."""

    count: int
    qualifier: Qualifier
    kind: CasualtyKind
    who: str | None
    current: bool
    cause: CasualtyCause | None
    evidence: str


class CheckPersonJSON(TypedDict):
    """A person in `check --json`."""

    name: str
    title: str | None
    country: str | None


class CheckMatchJSON(TypedDict):
    """A rule match in `check --json`."""

    rule: str
    reason: str


# The member of its story an article shares most with, and what they share ("with" is a keyword: call form).
StoryWhyJSON = TypedDict("StoryWhyJSON", {"with": str, "reasons": list[str]})


class CheckJSON(TypedDict):
    """One article in `check --json` (the contract README.md documents; tests/test_check_contract.py holds it)."""

    path: str
    title: str
    language: str
    relevance: float | None
    events: list[CheckEventJSON]
    casualties: list[CheckCasualtyJSON]
    people: list[CheckPersonJSON]
    countries: list[str]
    matches: list[CheckMatchJSON]
    story: str
    story_why: StoryWhyJSON | None


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders expanded to their article files in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        elif path.is_file():
            out.append(path)
        else:
            raise ConfigError("no such file or folder", file=str(path), expected="an article file or a folder of them")
    return out


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One article's findings."""

    path: Path
    title: str
    detection: Detection
    story: str
    explanations: tuple[tuple[str, bool, str], ...]
    story_with: Path | None = None  # the member of its story it has most in common with (None: it starts it)
    story_why: tuple[str, ...] = ()  # what they share: parties, event, toll, place, dates
    dated: str = ""  # the event's date and where it comes from (`date_line`)

    def as_json(self) -> CheckJSON:
        """The `check --json` object for this article (the documented contract)."""
        d = self.detection
        return {
            "path": str(self.path),
            "title": self.title,
            "language": d.language,
            "relevance": round(d.relevance.score, 3) if d.relevance else None,
            "events": [{"type": e.type, "status": e.status, "evidence": e.evidence} for e in d.events],
            "casualties": [
                {
                    "count": c.count,
                    "qualifier": c.qualifier,
                    "kind": c.kind,
                    "who": c.who,
                    "current": c.current,
                    "cause": c.cause,
                    "evidence": c.evidence,
                }
                for c in d.casualties
            ],
            "people": [{"name": p.name, "title": p.title, "country": p.country} for p in d.people],
            "countries": list(d.countries),
            "matches": [{"rule": m.rule, "reason": m.reason} for m in d.matches],
            "story": self.story,
            "story_why": None
            if self.story_with is None
            else {"with": str(self.story_with), "reasons": list(self.story_why)},
        }


def check_paths(paths: Sequence[Path], rules_file: Path) -> tuple[list[CheckResult], list[str]]:
    """Detect, match and cluster the given articles; broken rules and unreadable files come back as warnings."""
    specs = load_rules_file(rules_file)
    compiled, rule_errors = compile_rules(specs)
    warnings = [str(e) for e in rule_errors]
    detector = Detector(compiled)
    files: list[Path] = []
    items = []
    for folder in paths:
        if folder.is_dir() and not any(p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES for p in folder.iterdir()):
            warnings.append(
                f"{folder}: no article files in this folder (looked for {', '.join(sorted(ARTICLE_SUFFIXES))})"
            )
    for path in expand_paths(paths):
        try:
            items.append(read_article_file(path))
        except FeedError as exc:  # one unreadable file is reported, the others are still checked
            warnings.append(f"{path}: skipped: {exc.message}")
            continue
        files.append(path)
    # The article's date as the running pipeline reads it (published, else a date written at its top or in its web
    # address, else now): the offices a rule names stand for whoever held them then.
    now = datetime.now(UTC)
    timed = [event_time(i.published, i.title, i.text, now, i.url or "") for i in items]
    dates = [when for when, _how in timed]
    detections = [detector.detect(i.title, i.text, when) for i, when in zip(items, dates, strict=True)]
    # An undated article may belong to a story of any time (None), like the running pipeline's first sight.
    docs = [
        StoryDoc(str(p), i.title, i.text, i.published, d, url=i.url or "")
        for p, i, d in zip(files, items, detections, strict=True)
    ]
    stories = cluster(docs)
    links = _story_links(docs, stories)
    results = [
        CheckResult(
            path=p,
            title=i.title,
            detection=d,
            story=s,
            explanations=tuple(detector.explain(i.title, i.text, when)),
            story_with=None if other is None else files[other],
            story_why=why,
            dated=date_line(*how),
        )
        for p, i, d, s, (other, why), when, how in zip(
            files, items, detections, stories, links, dates, timed, strict=True
        )
    ]
    return results, warnings


def _story_links(docs: Sequence[StoryDoc], stories: Sequence[str]) -> list[tuple[int | None, tuple[str, ...]]]:
    """For each article, the member of its story it has most in common with (an index) and what they share."""
    members: dict[str, list[int]] = {}
    for n, story in enumerate(stories):
        members.setdefault(story, []).append(n)
    out: list[tuple[int | None, tuple[str, ...]]] = [(None, ())] * len(docs)
    for group in members.values():
        if len(group) < 2:
            continue
        # Oldest first, as the story grew; the event's time is the publication date, else a date it gives for itself.
        when = {n: docs[n].published or written_date(docs[n]) for n in group}
        group.sort(key=lambda n: (when[n] or datetime.max.replace(tzinfo=UTC), n))
        dated = [replace(docs[n], published=when[n]) for n in group]
        for n, (other, reasons) in zip(group, explain_members(dated), strict=True):
            out[n] = (None if other is None else group[other], reasons)
    return out


_DATED = {
    "published": "published",
    "text": "a date written in the text",
    "address": "the day in its web address",
    "fetched": "no date given: the time it was read",
}


def date_line(when: datetime, how: Dated) -> str:
    """The event's date as `check` reads it and where that comes from: "12 Jul 2010 (the day in its web address)"."""
    day = f"{when.day} {when:%b %Y}" + (f" {when:%H:%M} UTC" if how == "fetched" else "")
    return f"{day} ({_DATED[how]})"


def render_text(result: CheckResult) -> list[str]:
    """Human-readable findings with the evidence sentence of each, and why each rule did or did not match."""
    d = result.detection
    lines = [f"== {result.path}", f"title: {result.title}"]
    if result.dated:
        lines.append(f"date: {result.dated}")
    lines.append(f"story: {result.story}")
    if result.story_with is not None:
        lines.append(f"  with {result.story_with}: " + ("; ".join(result.story_why) or "linked"))
    if d.language != "en":
        how = "read by its language's lexicon" if d.language in LANGUAGES else "not analysed: no lexicon for it"
        lines.append(f"language: {d.language} ({language_name(d.language)}: {how})")
    if d.relevance is not None:
        verdict = "about conflict or diplomacy" if d.relevance.relevant else "not about conflict or diplomacy"
        lines.append(f"relevance: {d.relevance.describe()}: {verdict}")
    lines.append("events:" if d.events else "events: none")
    for e in d.events:
        status = f" ({e.status})" if e.status else ""
        lines.append(f'  - {e.type}{status}: "{e.evidence}"')
        if e.type == "ceasefire" and e.cue:
            lines.append(f"    status set by: {e.cue}")
    lines += [f"  {v.describe()}" for v in d.typed]
    lines.append("casualties:" if d.casualties else "casualties: none")
    for c in d.casualties:
        when = "current" if c.current else "background"
        lines.append(f'  - {c.qualifier} {c.count} {c.who or ""} {c.kind} [{when}]: "{c.evidence}"'.replace("  ", " "))
    lines.append("people:" if d.people else "people: none")
    for p in d.people:
        extra = ", ".join(x for x in (p.title, p.country) if x)
        lines.append(f"  - {p.name}" + (f" ({extra})" if extra else "") + (f': "{p.evidence}"' if p.evidence else ""))
    lines.append("countries: " + (", ".join(d.countries) if d.countries else "none"))
    if d.regions:
        lines.append("regions: " + ", ".join(d.regions))
    lines.append("rules:")
    for name, matched, why in result.explanations:
        lines.append(f"  {'MATCH' if matched else 'no   '} {name}: {why}")
    return lines
