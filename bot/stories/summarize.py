"""Story -> Summary: a headline, two or three key sentences across sources, a facts line, the sources.

Sentences are extracted, never written: each candidate comes from one source's text, boilerplate
(appeals, newsletter prompts, "Read more", captions, site chrome) is never a candidate, and the
choice favours the leads, the story's entities and agreement between sources. The casualty figure
is the most conservative current one, never a sum across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from bot.detect.text import split_sentences
from bot.models import (
    SEVERITIES,
    Article,
    Casualty,
    Detection,
    RuleMatch,
    Source,
    Summary,
)
from bot.stories.boilerplate import has_chrome, is_boilerplate
from bot.stories.cluster import StoryDoc, explain_members

_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")
_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "about": "about ",
    "nearly": "nearly ",
    "up_to": "up to ",
}
# How low each qualifier puts the real figure: "nearly 200" < "200" < "at least 200" < "more than 200".
_QUALIFIER_RANK = {"up_to": 0, "nearly": 1, "about": 2, "exact": 3, "at_least": 4, "more_than": 5}
DEATH_KINDS = ("killed", "dead")
# Reports published this close to the newest figure count as current together; older ones are superseded.
CURRENT_SPAN = timedelta(hours=12)


def qualified_count(c: Casualty) -> str:
    """A casualty figure's count with its qualifier: "more than 200", "1,500"."""
    return f"{_QUALIFIER_WORDS.get(c.qualifier, '')}{c.count:,}"


def casualty_phrase(c: Casualty) -> str:
    """A casualty figure as a reader would write it: "more than 200 troops killed"."""
    who = f" {' '.join(c.who.split())}" if c.who else ""
    phrase = f"{qualified_count(c)}{who} {c.kind}"
    return phrase if c.current else f"{phrase} (earlier figure)"


def _conservative_key(c: Casualty) -> tuple[int, int]:
    return (c.count, _QUALIFIER_RANK.get(c.qualifier, 3))


def _current(casualties: Sequence[Casualty], kinds: tuple[str, ...]) -> list[Casualty]:
    """The current figures of the given kinds, or every current figure when none is of them."""
    return [c for c in casualties if c.current and c.kind in kinds] or [c for c in casualties if c.current]


def most_conservative(casualties: Sequence[Casualty], kinds: tuple[str, ...] = DEATH_KINDS) -> Casualty | None:
    """The lowest current figure of the given kinds (any current kind if none): never a sum of figures."""
    current = _current(casualties, kinds)
    return min(current, key=_conservative_key) if current else None


def article_toll(casualties: Sequence[Casualty], kinds: tuple[str, ...] = DEATH_KINDS) -> Casualty | None:
    """One article's own current toll: its largest current figure (a subset like "including 10 children" is smaller)."""
    current = _current(casualties, kinds)
    return max(current, key=_conservative_key) if current else None


def story_casualty(
    reports: Sequence[tuple[datetime, Sequence[Casualty]]], span: timedelta = CURRENT_SPAN
) -> Casualty | None:
    """The story's current figure: each article's toll, the newest reports only, then the most conservative.

    Tolls rise as a story develops, so a report older than `span` before the newest figure is superseded;
    reports close in time disagree only by source, and the lowest is the one every source supports.
    """
    tolls = [(when, toll) for when, cas in reports if (toll := article_toll(cas)) is not None]
    deaths = [(w, t) for w, t in tolls if t.kind in DEATH_KINDS]
    tolls = deaths or tolls
    if not tolls:
        return None
    newest = max(when for when, _ in tolls)
    recent = [t for when, t in tolls if newest - when <= span]
    return min(recent, key=_conservative_key)


def _tokens(sentence: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if len(w) > 2}


def _candidates(article: Article, *, whole_only: bool = True) -> list[tuple[int, str]]:
    """(position, sentence) pairs of an article that may be shown: news sentences only, no chrome, no captions.

    With `whole_only`, a sentence must end as sentences do; without it, a feed's cut-off teaser
    ("... said on Monday, as talks …") may be shown when nothing better exists.
    """
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    repeated = {line for line, n in Counter(lines).items() if n > 1}  # photo captions are printed twice
    title = " ".join(article.title.lower().split())
    out: list[tuple[int, str]] = []
    position = 0
    for line in lines:
        if line in repeated:
            continue
        sentences = split_sentences(line)
        if sum(has_chrome(x) for x in sentences) * 2 >= len(sentences):
            continue  # a paragraph that is mostly an appeal is all appeal ("Whether it's investigating...")
        for sentence in sentences:
            if " ".join(sentence.lower().split()).rstrip(".") == title.rstrip("."):
                continue
            if is_boilerplate(sentence) or (whole_only and not _TERMINAL.search(sentence)):
                continue  # no terminal punctuation: a label, a subtitle or a truncated last sentence
            if len(sentence) > 400 or len(sentence.split()) > 70:
                continue
            out.append((position, sentence))
            position += 1
    return out


def choose_sentences(
    articles: Sequence[Article], detections: Sequence[Detection], max_sentences: int = 3, lead: int = 0
) -> list[str]:
    """Two or three key sentences across the sources, in reading order. With `lead`, the first `lead` articles
    (those that matched the rule) give the first sentence."""
    keywords: set[str] = {"ceasefire", "truce", "killed", "dead", "talks", "meeting", "agreed", "agreement", "peace"}
    for det in detections:
        for p in det.people:
            keywords.update(p.name.lower().split())
        keywords.update(w for c in det.countries for w in c.lower().split())
        keywords.update(e.type for e in det.events)
    per_article = [_candidates(a) for a in articles]
    if not any(per_article):
        per_article = [_candidates(a, whole_only=False)[:1] for a in articles]  # RSS teasers cut mid-sentence
    # Words that several sources use are what the story is about.
    source_vocab: Counter[str] = Counter()
    for cands in per_article:
        source_vocab.update(set().union(*(_tokens(s) for _, s in cands)) if cands else set())
    scored: list[tuple[float, int, int, str]] = []
    for a_index, cands in enumerate(per_article):
        for position, sentence in cands:
            toks = _tokens(sentence)
            entity = len(toks & keywords)
            agreement = sum(1 for t in toks if source_vocab[t] > 1) / max(1, len(toks)) if len(articles) > 1 else 0.0
            early = max(0.0, 4.0 - position)  # (not `lead`: that is how many articles matched the rules)
            score = early * 1.5 + min(entity, 6) * 0.8 + agreement * 2.0 - a_index * 0.3
            scored.append((score, a_index, position, sentence))
    scored.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen: list[tuple[int, int, str]] = []
    first = next((c for c in scored if c[1] < lead), None)
    if first is not None:
        chosen.append((first[1], first[2], first[3]))
    for _score, a_index, position, sentence in scored:
        if any(_too_similar(sentence, s) for _, _, s in chosen):
            continue
        chosen.append((a_index, position, sentence))
        if len(chosen) >= max_sentences:
            break
    chosen.sort()
    return [s for _, _, s in chosen]


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
    people = by_salience([p.name for p in det.people] for det in detections)
    countries = by_salience(det.countries for det in detections)
    lead, order = _matched_first(articles, matches)
    headline = headline_of([articles[i] for i in lead] or articles)
    return Summary(
        story_id=story_id,
        headline=headline,
        sentences=tuple(
            choose_sentences(
                [articles[i] for i in order], [detections[i] for i in order], max_sentences, lead=len(lead)
            )
        ),
        sources=tuple(
            Source.of(a, why, d.language)
            for a, d, why in zip(articles, detections, member_reasons(articles, detections, matches), strict=True)
        ),
        ceasefire=_current_ceasefire(detections),
        casualty=story_casualty([(a.when, d.casualties) for a, d in zip(articles, detections, strict=False)]),
        people=tuple(people),
        countries=tuple(countries),
        matches=_first_per_rule(matches),
        severity=min((m.severity for m in matches), key=SEVERITIES.index, default="routine"),
        topic=countries[0] if countries else (people[0] if people else None),
        language=next(
            (d.language for a, d in zip(articles, detections, strict=False) if " ".join(a.title.split()) == headline),
            "en",
        ),
    )


def _current_ceasefire(detections: Sequence[Detection]) -> str | None:
    """The newest report's ceasefire status is the current one: "agreed" later becomes "violated"."""
    ceasefire: str | None = None
    for det in detections:
        ceasefire = det.ceasefire_status or ceasefire
    return ceasefire


def _first_per_rule(matches: Sequence[RuleMatch]) -> tuple[RuleMatch, ...]:
    """Each rule's first match, in the order the rules first matched."""
    seen: dict[str, RuleMatch] = {}
    for m in matches:
        seen.setdefault(m.rule, m)
    return tuple(seen.values())


def _matched_first(articles: Sequence[Article], matches: Sequence[RuleMatch]) -> tuple[list[int], list[int]]:
    """The articles that matched the rules (their indexes, oldest first), and every article's index with those
    first: the alert says what matched, so its headline and first sentence come from them, not from whichever
    member came first."""
    matched = {aid for m in matches for aid in m.articles}
    lead = [i for i, a in enumerate(articles) if a.id in matched]
    order = lead + [i for i in range(len(articles)) if i not in set(lead)]
    return lead, order


def member_reasons(
    articles: Sequence[Article], detections: Sequence[Detection], matches: Sequence[RuleMatch] = ()
) -> list[str]:
    """Why each article (oldest first) is in its story: the rules it matched, and what it shares with the
    earlier member it has most in common with ('with "Blinken hosts...": same parties: Antony Blinken, Armenia; same event:
    talks; 1 day apart: 19 Sep 2022, 20 Sep 2022")."""
    links = explain_members(
        [StoryDoc(a.id, a.title, a.text, a.when, d) for a, d in zip(articles, detections, strict=False)]
    )
    out: list[str] = []
    for a, (other, reasons) in zip(articles, links, strict=True):
        rules = [m.rule for m in matches if a.id in m.articles]
        parts = [f"matched {', '.join(rules)}"] if rules else []
        if other is not None:
            title = " ".join(articles[other].title.split())
            title = title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + "..."
            parts.append(f'with "{title}": ' + ("; ".join(reasons) or "linked"))
        out.append("; ".join(parts))
    return out


def by_salience(per_article: Iterable[Iterable[str]]) -> list[str]:
    """Distinct names, those more sources mention first, then in order of first mention."""
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    for names in per_article:
        for name in dict.fromkeys(names):
            count[name] += 1
            first.setdefault(name, len(first))
    return sorted(first, key=lambda n: (-count[n], first[n]))


def headline_of(articles: Sequence[Article]) -> str:
    """The earliest headline-sized, properly cased title; a long title is cut at a word."""
    titles = [" ".join(a.title.split()) for a in articles if a.title.strip() and a.title.strip() != "(untitled)"]
    good = [t for t in titles if len(t) <= 120 and not t.islower()]
    if good:
        return good[0]
    title = titles[0] if titles else "Untitled story"
    if title.islower():
        title = title[:1].upper() + title[1:]
    return title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + "..."


def _too_similar(a: str, b: str) -> bool:
    wa, wb = _tokens(a), _tokens(b)
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.6
