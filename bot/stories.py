"""Cross-outlet clustering: articles that report the same real-world event become one story.

An article joins a story in one of two ways, both found through indexes, never by comparing all pairs:

- a near-duplicate (wire copy, repost, light edit): MinHash over word shingles of the cleaned text,
  looked up with LSH;
- an independent rewrite of the same event: candidates come from blocking on the article's rarest
  names (capitalised words of the headline and lead, plus the detector's people and countries), each
  posting list capped to its most recent entries, so the cost per article is bounded. A candidate is
  accepted only when the pair agrees on event type, shares several distinctive names, and has
  similar headline-and-lead wording (`_same_event`).

Names are weighted by inverse document frequency over the indexed window, smoothed by a prior so a
nearly empty index still behaves. Merging two different events is worse than missing a merge, so the
rewrite test is strict. An article with no publication time is treated as compatible with any time.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

from bot.models import Detection
from bot.summarize import is_boilerplate

NUM_PERM = 64
LEAD_CHARS = 1200
_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z]+)*|[^\sA-Za-z]+")
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "their", "his", "her", "he", "she", "they", "we", "you", "i", "not", "no", "said", "says", "will", "would", "could", "should", "after", "before", "over", "into", "than", "then", "there", "about", "also", "more", "most", "new", "u", "s", "can", "may", "one", "two", "who", "which", "what", "when", "where", "while", "during"]
)
# Capitalised words that say nothing about which event an article reports: function words at the
# start of a sentence, days, months, honorifics and generic office words. A small fixed list, because
# a nearly empty index cannot learn them from document frequencies yet.
_NAME_STOP = frozenset(
    ["the", "a", "an", "in", "on", "at", "of", "for", "and", "but", "or", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "his", "her", "their", "its", "there", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "sir", "president", "secretary", "minister", "ministers", "prime", "foreign", "state", "states", "department", "government", "official", "officials", "spokesman", "spokesperson", "spokeswoman", "office", "news", "breaking", "update", "read", "more", "after", "before", "while", "when", "where", "what", "who", "why", "how", "if", "as", "by", "with", "from", "to", "said", "says", "both", "all", "some", "many", "most", "other", "our", "we're", "it's", "we've", "i'm", "i'll", "i've", "i'd", "we'll", "let", "let's"]
)
IDF_PRIOR = 50.0  # pseudo-documents: with few indexed articles every name weighs about the same
BLOCK_KEYS = 16  # an article is looked up under its rarest names only
POSTING_CAP = 16  # and only against the most recent articles under each name
DUP_CANDIDATES = 32  # near-duplicate candidates checked per article
# A rewrite of the same event shares distinctive names AND wording; both thresholds err on the side
# of keeping two events apart (see bench/story_metrics.py for the measured effect).
MIN_NAMES = 0.11
TITLE_WEIGHT = 2.0
TEMPLATE_RATIO = 0.5  # independent rewrites share names at least half as much as they share wording
DUP_MIN_NAMES = 0.3
MIN_SCORE = 0.12


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What clustering needs of one article; `published` None means the time is unknown."""

    article_id: str
    title: str
    text: str
    published: datetime | None
    detection: Detection = field(default_factory=Detection)


@dataclass(slots=True)
class _Entry:
    doc: StoryDoc
    story_id: str
    minhash: MinHash
    names: dict[str, float]
    words: dict[str, float]
    events: frozenset[str]
    seq: int = 0
    name_norm: float = 0.0
    word_norm: float = 0.0
    lead_names: frozenset[str] | None = None


def clean_lines(text: str) -> list[str]:
    """The text's lines without site chrome, appeals and captions (what a reader would call the article)."""
    out: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line in seen or is_boilerplate(line):
            continue
        seen.add(line)  # captions are often printed twice
        out.append(line)
    return out


def lead_text(title: str, text: str, chars: int = LEAD_CHARS) -> str:
    """The first `chars` characters of the cleaned body, without a repeated headline."""
    parts: list[str] = []
    size = 0
    norm_title = " ".join(title.lower().split())
    seen: set[str] = set()
    for line in text.splitlines():
        # Inline rather than clean_lines(text): only the lead's lines pay for the boilerplate test.
        line = line.strip()
        if not line or line in seen or " ".join(line.lower().split()) == norm_title:
            continue
        seen.add(line)
        if is_boilerplate(line):
            continue
        parts.append(line)
        size += len(line)
        if size >= chars:
            break
    return "\n".join(parts)[:chars]


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2]


def _name_word(raw: str) -> str:
    word = raw.lower().replace("’", "'")
    return word.removesuffix("'s")


def names_of(text: str) -> set[str]:
    """Capitalised words that may name a person, place or group, and adjacent pairs of them ("wang yi").

    Lower-cased, possessives dropped; sentence-initial function words, days, months and office
    words are left out.
    """
    out: set[str] = set()
    for line in text.splitlines():
        run: list[str] = []
        for token in _TOKEN.findall(line) + ["."]:
            word = _name_word(token)
            if token[:1].isupper() and len(word) >= 2 and word not in _NAME_STOP:
                if len(word) >= 3:
                    out.add(word)  # alone, two letters say nothing; in a pair ("wang yi") they do
                run.append(word)
                continue
            out.update(f"{run[i]} {run[i + 1]}" for i in range(len(run) - 1))
            run = []
    return out


_TEMPLATE = MinHash(num_perm=NUM_PERM)
_PERMUTATIONS = _TEMPLATE.permutations  # generating them costs more than hashing a text


def _minhash(text: str) -> MinHash:
    words = _words(text)
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    m = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_TEMPLATE.scheme)
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
    min_score: float = MIN_SCORE
    min_names: float = MIN_NAMES
    _lsh: MinHashLSH = field(init=False)
    _entries: dict[str, _Entry] = field(init=False, default_factory=dict)
    _postings: dict[str, deque[str]] = field(init=False, default_factory=dict)
    _df: Counter[str] = field(init=False, default_factory=Counter)
    _wdf: Counter[str] = field(init=False, default_factory=Counter)
    _seq: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.dup_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def story_of(self, article_id: str) -> str | None:
        """The story an indexed article belongs to."""
        entry = self._entries.get(article_id)
        return entry.story_id if entry else None

    def _entry(self, doc: StoryDoc, story_id: str = "") -> _Entry:
        det = doc.detection
        lead = lead_text(doc.title, doc.text)
        # A name in the headline says more about the event than one in the lead.
        lead_names = frozenset(names_of(lead))
        names = dict.fromkeys(lead_names, 1.0)
        names.update(dict.fromkeys(names_of(doc.title), TITLE_WEIGHT))
        names.update(dict.fromkeys(("p:" + p.name.lower() for p in det.people), 1.0))
        names.update(dict.fromkeys(("c:" + c.lower() for c in det.countries), 1.0))
        counts = Counter(_words(doc.title + "\n" + lead))
        entry = _Entry(
            doc=doc,
            story_id=story_id,
            # The raw text: chrome is a small share of an article, and cleaning every line is costly.
            minhash=_minhash(doc.title + "\n" + doc.text),
            names=names,
            words={w: 1.0 + math.log(n) for w, n in counts.items()},
            events=frozenset(e.type for e in det.events),
            lead_names=lead_names,
        )
        self._norms(entry)
        return entry

    def _norms(self, e: _Entry) -> None:
        # Norms use the document frequencies of the moment; later drift is small and keeps lookups cheap.
        e.name_norm = math.sqrt(sum((tw * self._idf(self._df, n)) ** 2 for n, tw in e.names.items()))
        e.word_norm = math.sqrt(sum((tf * self._idf(self._wdf, w)) ** 2 for w, tf in e.words.items()))

    def _idf(self, df: Counter[str], key: str) -> float:
        return math.log((len(self._entries) + IDF_PRIOR) / (df.get(key, 0) + 1.0))

    def idf(self, name: str) -> float:
        """Inverse document frequency of a name over the indexed window, smoothed by a prior."""
        return self._idf(self._df, name)

    def _block_keys(self, e: _Entry) -> list[str]:
        known = [n for n in e.names if n in self._postings]
        return sorted(known, key=lambda n: (self._df.get(n, 0), n))[:BLOCK_KEYS]

    def find(self, doc: StoryDoc) -> str | None:
        """The story this article belongs to, or None for a new story."""
        return self._find(self._entry(doc))

    def _find(self, entry: _Entry) -> str | None:
        # A busy wire story has many copies in the window; looking at a bounded number keeps the cost flat.
        for other_id in itertools.islice(self._lsh.query(entry.minhash), DUP_CANDIDATES):
            other = self._entries.get(other_id)
            if (
                other
                and self._in_window(entry, other)
                and entry.minhash.jaccard(other.minhash) >= self.dup_threshold
                and self._name_similarity(entry, other) >= DUP_MIN_NAMES
                and not self._title_conflict(entry, other)
            ):
                return other.story_id  # a copy; a template filled in with other names is not
        shared: Counter[str] = Counter()
        for key in self._block_keys(entry):
            shared.update(self._postings[key])
        best: tuple[float, int, str] | None = None
        for other_id, count in shared.items():
            if count < 2:
                continue  # one shared name is never enough: skip the scoring work
            other = self._entries.get(other_id)
            if other is None or not self._in_window(entry, other):
                continue
            score = self._same_event(entry, other)
            if score >= self.min_score and (best is None or (score, other.seq) > best[:2]):
                best = (score, other.seq, other.story_id)
        return best[2] if best else None

    def add(self, doc: StoryDoc, story_id: str | None = None) -> str:
        """Index an article; assign it to an existing story unless `story_id` is given. Returns the story id."""
        if doc.article_id in self._entries:
            return self._entries[doc.article_id].story_id
        entry = self._entry(doc)
        entry.story_id = story_id or self._find(entry) or new_story_id(doc.article_id)
        self._seq += 1
        entry.seq = self._seq
        self._entries[doc.article_id] = entry
        self._lsh.insert(doc.article_id, entry.minhash)
        self._df.update(entry.names.keys())
        self._wdf.update(entry.words.keys())
        for name in entry.names:
            posting = self._postings.get(name)
            if posting is None:
                posting = self._postings[name] = deque(maxlen=POSTING_CAP)
            posting.append(doc.article_id)
        return entry.story_id

    def expire(self, now: datetime) -> int:
        """Drop articles published more than the window before `now`; returns how many were dropped."""
        old = [aid for aid, e in self._entries.items() if e.doc.published is not None and now - e.doc.published > self.window]
        for aid in old:
            entry = self._entries.pop(aid)
            self._lsh.remove(aid)
            self._df.subtract(entry.names.keys())
            self._wdf.subtract(entry.words.keys())
            for name in entry.names:
                if self._df[name] <= 0:
                    del self._df[name]
                posting = self._postings.get(name)
                if posting is not None:
                    try:
                        posting.remove(aid)
                    except ValueError:
                        pass  # already pushed out by the cap
                    if not posting:
                        del self._postings[name]
            for word in entry.words:
                if self._wdf[word] <= 0:
                    del self._wdf[word]
        return len(old)

    def _in_window(self, a: _Entry, b: _Entry) -> bool:
        if a.doc.published is None or b.doc.published is None:
            return True
        return abs(a.doc.published - b.doc.published) <= self.window

    def _same_event(self, a: _Entry, b: _Entry) -> float:
        """A score in [0, 1] when two articles are independent reports of one event, else 0.

        Two cosines over IDF weights: distinctive names (people, places, groups) and headline-and-lead
        wording. The names must agree on their own (`min_names`): similar wording about different
        people and places is a different event.
        """
        if a.events and b.events and not (a.events & b.events):
            return 0.0
        if not (a.word_norm and b.word_norm):
            return 0.0
        names = self._name_similarity(a, b)
        if names < self.min_names:
            return 0.0
        words = sum(
            a.words[w] * b.words[w] * self._idf(self._wdf, w) ** 2 for w in a.words.keys() & b.words.keys()
        ) / (a.word_norm * b.word_norm)
        if names < TEMPLATE_RATIO * words:
            return 0.0  # the same wording about other people and places: a template (readouts, statements)
        if self._title_conflict(a, b):
            return 0.0  # a headline's people and places are not in the other article: another event
        return 0.5 * names + 0.5 * words

    def _title_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when, both ways, most of a headline's distinctive names are never mentioned by the other article.

        Copies and rewrites of one event mention the people and places of each other's headlines (at least
        one way round: an official readout's long title names more than a news report ever will); a template
        reused for another event ("Blinken's call with Armenian FM Mirzoyan" / "...with Kenyan FM Mudavadi")
        changes exactly those, both ways. Only single headline words that the article also capitalises in its
        lead count as names, so the capitals of a Title Case Headline do not.
        """
        floor = math.log(1.0 + IDF_PRIOR / 10.0)
        for x, y in ((a, b), (b, a)):
            total = missing = 0.0
            text: str | None = None
            for name, weight in x.names.items():
                if weight < TITLE_WEIGHT or x.lead_names is None or name not in x.lead_names or ":" in name or " " in name:
                    continue
                idf = self.idf(name)
                if idf < floor:
                    continue
                total += idf
                if name in y.names:
                    continue
                if text is None:
                    text = (y.doc.title + "\n" + y.doc.text).lower()
                if name not in text:
                    missing += idf
            if not total or missing <= 0.5 * total:
                return False
        return True

    def _name_similarity(self, a: _Entry, b: _Entry) -> float:
        if not (a.name_norm and b.name_norm):
            return 0.0
        return sum(
            a.names[n] * b.names[n] * self._idf(self._df, n) ** 2 for n in a.names.keys() & b.names.keys()
        ) / (a.name_norm * b.name_norm)


def cluster(docs: Sequence[StoryDoc], window: timedelta = timedelta(hours=72)) -> list[str]:
    """Story ids for a batch of articles, in input order (articles of one event share an id)."""
    index = StoryIndex(window=window)
    # Undated articles go last so that they can join a dated story rather than start one.
    def key(i: int) -> tuple[bool, float, int]:
        when = docs[i].published
        return (when is None, when.timestamp() if when is not None else 0.0, i)

    order = sorted(range(len(docs)), key=key)
    ids: dict[int, str] = {}
    for i in order:
        ids[i] = index.add(docs[i])
    return [ids[i] for i in range(len(docs))]


def merge_ids(ids: Iterable[str]) -> list[str]:
    """Distinct ids in first-seen order."""
    return list(dict.fromkeys(ids))


__all__ = ["StoryDoc", "StoryIndex", "clean_lines", "cluster", "lead_text", "merge_ids", "names_of", "new_story_id"]

