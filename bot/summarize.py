"""Story -> Summary: a headline, two or three key sentences across sources, a facts line, the sources."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.models import SEVERITIES, Article, Casualty, Detection, RuleMatch, Source, Summary

# Lines that are site chrome or appeals rather than news; never chosen for a summary.
_BOILERPLATE = re.compile(
    r"(your (support|donation)|donat(e|ion)|subscribe|newsletter|sign up|read more|click here|"
    r"follow us|share this|all rights reserved|copyright|cookie|advertisement|paywall|"
    r"accessibility links|skip to (main )?content|an official website of|related (stories|articles)|"
    r"for more on|^photo:|^image:|^video:|getty images|\(ap photo|\bcaption\b|listen to this article|"
    r"we need reporters|trusted by|quality journalism|makes all the difference|on the ground when)",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?][\"”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")
_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "nearly": "nearly ",
    "up_to": "up to ",
}


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, paragraph by paragraph."""
    out: list[str] = []
    for para in re.split(r"\n+", text):
        para = para.strip()
        if para:
            out.extend(s.strip() for s in _SENTENCE.split(para) if s.strip())
    return out


def is_boilerplate(sentence: str) -> bool:
    """True for donation appeals, newsletter prompts, captions and site chrome."""
    if _BOILERPLATE.search(sentence):
        return True
    words = sentence.split()
    # Very short lines without a verb-like ending are usually navigation or captions.
    return len(words) < 6 or sentence.startswith("___")


def casualty_phrase(c: Casualty) -> str:
    """A casualty figure as a reader would write it: "more than 200 troops killed"."""
    who = f" {c.who}" if c.who else ""
    return f"{_QUALIFIER_WORDS.get(c.qualifier, '')}{c.count:,}{who} {c.kind}"


def most_conservative(casualties: Sequence[Casualty], kinds: tuple[str, ...] = ("killed", "dead")) -> Casualty | None:
    """The smallest current death figure among the largest reported per article: never a sum across articles."""
    current = [c for c in casualties if c.current and c.kind in kinds] or [c for c in casualties if c.current]
    if not current:
        return None
    # Each article reports its own figure; take every article's maximum, then the lowest of those is
    # the figure all sources support. Here figures are already one per article where possible.
    return min(current, key=lambda c: (c.count, c.qualifier != "exact"))


def _score(sentence: str, position: int, keywords: set[str]) -> float:
    words = {w.lower().strip(".,;:\"'“”’") for w in sentence.split()}
    overlap = len(words & keywords)
    return overlap * 1.0 + max(0.0, 3.0 - position) * 1.5


def summarize(
    story_id: str,
    articles: Sequence[Article],
    detections: Sequence[Detection],
    matches: Sequence[RuleMatch] = (),
    *,
    max_sentences: int = 3,
) -> Summary:
    """Build the Summary of a story from its articles (oldest first) and their detections."""
    if not articles:
        raise ValueError("a story needs at least one article")
    headline = _headline(articles)
    keywords: set[str] = set()
    for det in detections:
        for p in det.people:
            keywords.update(p.name.lower().split())
        keywords.update(c.lower() for c in det.countries)
        keywords.update(e.type for e in det.events)
    keywords.update({"ceasefire", "killed", "talks", "meeting", "agreed", "truce", "peace"})
    candidates: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for a_index, article in enumerate(articles):
        body = article.text
        for position, sentence in enumerate(split_sentences(body)):
            if position == 0 and sentence.strip() == article.title.strip():
                continue
            if is_boilerplate(sentence) or len(sentence) > 400:
                continue
            key = re.sub(r"\W+", " ", sentence.lower()).strip()[:80]
            if key in seen:
                continue
            seen.add(key)
            candidates.append((_score(sentence, position, keywords) - a_index * 0.25, a_index * 1000 + position, sentence))
    best = sorted(candidates, key=lambda c: (-c[0], c[1]))[: max_sentences * 3]
    chosen: list[tuple[int, str]] = []
    for _score_value, order, sentence in best:
        if any(_too_similar(sentence, s) for _, s in chosen):
            continue
        chosen.append((order, sentence))
        if len(chosen) >= max_sentences:
            break
    chosen.sort()
    all_casualties = [c for d in detections for c in d.casualties]
    people: list[str] = []
    countries: list[str] = []
    ceasefire = None
    for det in detections:
        for p in det.people:
            if p.name not in people:
                people.append(p.name)
        for c in det.countries:
            if c not in countries:
                countries.append(c)
        ceasefire = ceasefire or det.ceasefire_status
    severity = min((m.severity for m in matches), key=SEVERITIES.index, default="routine")
    rules_seen: dict[str, RuleMatch] = {}
    for m in matches:
        rules_seen.setdefault(m.rule, m)
    topic = countries[0] if countries else (people[0] if people else None)
    return Summary(
        story_id=story_id,
        headline=headline,
        sentences=tuple(s for _, s in chosen),
        sources=tuple(
            Source(article_id=a.id, title=a.title, url=a.url, outlet=a.outlet, published=a.published_or_seen)
            for a in articles
        ),
        ceasefire=ceasefire,
        casualty=most_conservative(all_casualties),
        people=tuple(people),
        countries=tuple(countries),
        matches=tuple(rules_seen.values()),
        severity=severity,
        topic=topic,
    )


def _headline(articles: Sequence[Article]) -> str:
    # Prefer a headline-sized title: some sources put a whole lead sentence on the title line.
    titles = [a.title.strip() for a in articles if a.title.strip()]
    short = [t for t in titles if len(t) <= 120]
    if short:
        return short[0]
    title = titles[0] if titles else "Untitled story"
    return title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + "..."


def _too_similar(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.6
