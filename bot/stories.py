"""Cross-outlet clustering: articles that report the same real-world event become one story.

Two ways an article joins a story, both looked up through indexes rather than all pairs:
- a near-duplicate (wire copy, repost, light edit): MinHash over word shingles, LSH lookup;
- an independent rewrite: candidates share a watched entity (a person, or a pair of countries),
  and the pair must agree on event type, entities, time and wording (see `_same_event`).
Merging two different events is worse than missing a merge, so the rewrite test is strict.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from datasketch import MinHash, MinHashLSH

from bot.models import Detection

NUM_PERM = 64
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of to in on at for and or but with by from as is are was were be been has have had it its this that "
    "these those their his her he she they we you i not no said says will would could should after before over "
    "into than then there about also more most new u s".split()
)


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What clustering needs of one article."""

    article_id: str
    title: str
    text: str
    published: datetime
    detection: Detection


@dataclass(slots=True)
class _Entry:
    doc: StoryDoc
    story_id: str
    minhash: MinHash
    title_words: frozenset[str]
    lead_words: frozenset[str]
    people: frozenset[str]
    countries: frozenset[str]
    events: frozenset[str]


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


def _lead(text: str, n: int = 600) -> str:
    return text[:n]


def _minhash(text: str) -> MinHash:
    words = _words(text)
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def new_story_id(article_id: str) -> str:
    """A story id derived from its first article, stable across runs."""
    return "s-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class StoryIndex:
    """An in-memory index of recent articles and their stories, within a time window."""

    window: timedelta = timedelta(hours=72)
    dup_threshold: float = 0.5
    _lsh: MinHashLSH = field(init=False)
    _entries: dict[str, _Entry] = field(init=False, default_factory=dict)
    _blocks: dict[str, set[str]] = field(init=False, default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.dup_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def _entry(self, doc: StoryDoc, story_id: str = "") -> _Entry:
        det = doc.detection
        return _Entry(
            doc=doc,
            story_id=story_id,
            minhash=_minhash(doc.title + " " + doc.text),
            title_words=frozenset(_words(doc.title)),
            lead_words=frozenset(_words(_lead(doc.text))),
            people=frozenset(p.name for p in det.people),
            countries=frozenset(det.countries),
            events=frozenset(e.type for e in det.events),
        )

    @staticmethod
    def _block_keys(e: _Entry) -> set[str]:
        keys = {f"p:{p}" for p in e.people}
        countries = sorted(e.countries)
        keys.update(f"c:{a}|{b}" for i, a in enumerate(countries) for b in countries[i + 1 :])
        if len(countries) == 1:
            keys.add(f"c:{countries[0]}")
        return keys

    def find(self, doc: StoryDoc) -> str | None:
        """The story this article belongs to, or None for a new story."""
        return self._find(self._entry(doc))

    def _find(self, entry: _Entry) -> str | None:
        for other_id in self._lsh.query(entry.minhash):
            other = self._entries.get(other_id)
            if other and self._in_window(entry, other) and entry.minhash.jaccard(other.minhash) >= self.dup_threshold:
                return other.story_id
        scored: list[tuple[float, str]] = []
        candidates: set[str] = set()
        for key in self._block_keys(entry):
            candidates.update(self._blocks.get(key, ()))
        for other_id in candidates:
            other = self._entries.get(other_id)
            if other is None or not self._in_window(entry, other):
                continue
            score = _same_event(entry, other)
            if score > 0:
                scored.append((score, other.story_id))
        return max(scored)[1] if scored else None

    def add(self, doc: StoryDoc, story_id: str | None = None) -> str:
        """Index an article; assign it to an existing story unless `story_id` is given. Returns the story id."""
        if doc.article_id in self._entries:
            return self._entries[doc.article_id].story_id
        entry = self._entry(doc)
        entry.story_id = story_id or self._find(entry) or new_story_id(doc.article_id)
        self._entries[doc.article_id] = entry
        self._lsh.insert(doc.article_id, entry.minhash)
        for key in self._block_keys(entry):
            self._blocks[key].add(doc.article_id)
        return entry.story_id

    def expire(self, now: datetime) -> int:
        """Drop articles older than the window; returns how many were dropped."""
        old = [aid for aid, e in self._entries.items() if now - e.doc.published > self.window]
        for aid in old:
            entry = self._entries.pop(aid)
            self._lsh.remove(aid)
            for key in self._block_keys(entry):
                self._blocks[key].discard(aid)
        return len(old)

    def _in_window(self, a: _Entry, b: _Entry) -> bool:
        return abs(a.doc.published - b.doc.published) <= self.window


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_event(a: _Entry, b: _Entry) -> float:
    """A score > 0 when two articles are independent reports of one event, else 0."""
    if a.events and b.events and not (a.events & b.events):
        return 0.0
    shared_people = len(a.people & b.people)
    shared_countries = len(a.countries & b.countries)
    if shared_people >= 2 or (shared_people >= 1 and shared_countries >= 2):
        entity = 1.0
    elif shared_countries >= 2 and _jaccard(a.countries, b.countries) >= 0.5:
        entity = 0.6
    else:
        return 0.0
    words_a = a.title_words | a.lead_words
    words_b = b.title_words | b.lead_words
    wording = _jaccard(words_a, words_b)
    if wording < 0.12:
        return 0.0
    return entity + wording


def cluster(docs: Sequence[StoryDoc], window: timedelta = timedelta(hours=72)) -> list[str]:
    """Story ids for a batch of articles, in input order (articles of one event share an id)."""
    index = StoryIndex(window=window)
    order = sorted(range(len(docs)), key=lambda i: docs[i].published)
    ids: dict[int, str] = {}
    for i in order:
        ids[i] = index.add(docs[i])
    return [ids[i] for i in range(len(docs))]


def merge_ids(ids: Iterable[str]) -> list[str]:
    """Distinct ids in first-seen order."""
    return list(dict.fromkeys(ids))
