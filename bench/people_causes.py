"""Why a person was missed or found extra, by class of language: totals for `make eval` (bench/eval.py), so that a
held-out part shows which way of introducing an official fails without showing any of its items.

A missed official and an extra name of the same surname are one error ("wrong"); a missed one is placed by how the
article writes them (a title before the name, a title set off after it, no title beside it, the surname only); an
extra one by where the name stands (the headline only, beside a title, as a speaker with no title, not written at
all: a surname resolved to a full name)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from bot.detect.people import _title_hits

_BEFORE_GAP = re.compile(r"(?:\s+[A-Z][\w.'-]*){0,3}\s+$")  # "Foreign Minister [Dr.] Name", "President-elect Name"
# "Name, the country's top diplomat", "Name, a senior aide"
_AFTER_GAP = re.compile(r"^(?:'s)?,\s+(?:[\w'-]+\s+){0,4}$")
_SAID = re.compile(r"(?:^\s*(?:said|says|told|added|wrote)\b)")
_SAID_BEFORE = re.compile(r"\b(?:said|says|according to)\s+$")


def _plain(text: str) -> str:
    """Diacritics away, case kept: labels and articles compare as written."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _tokens(name: str) -> list[str]:
    return _plain(name).casefold().split()


def _spots(text: str, name: str) -> list[tuple[int, int]]:
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(t) for t in _plain(name).split()) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.I)]


class _Article:
    def __init__(self, title: str, text: str) -> None:
        self.head_end = len(_plain(title)) + 1
        self.text = _plain(title) + "\n" + _plain(text)
        self.titles = _title_hits(self.text)

    def titled_before(self, start: int) -> bool:
        return any(end <= start and _BEFORE_GAP.fullmatch(" " + self.text[end:start]) for _, end, _ in self.titles)

    def titled_after(self, end: int) -> bool:
        return any(s >= end and _AFTER_GAP.match(self.text[end:s]) for s, _, _ in self.titles if s - end < 60)

    def speaks(self, start: int, end: int) -> bool:
        """ "Name said", "according to Name": a quote's attribution."""
        return bool(
            _SAID.match(self.text[end : end + 12]) or _SAID_BEFORE.search(self.text[max(0, start - 20) : start])
        )

    def placed(self, name: str) -> str | None:
        """Where the name stands beside a title, best spot first; "headline" when only the headline writes it."""
        spots = _spots(self.text, name)
        if not spots:
            return None
        if any(self.titled_before(s) for s, _ in spots):
            return "title before"
        if any(self.titled_after(e) for _, e in spots):
            return "title after"
        if all(s < self.head_end for s, _ in spots):
            return "headline"
        if any(self.speaks(s, e) for s, e in spots):
            return "speaker"
        return "untitled"


_MISSED = {
    "title before": "missed: title before the name",
    "title after": "missed: title after the name",
    "headline": "missed: named in the headline only",
    "speaker": "missed: a speaker with no title",
    "untitled": "missed: no title beside the name",
}
_EXTRA = {
    "title before": "extra: a title before the name, not labelled",
    "title after": "extra: a title after the name, not labelled",
    "headline": "extra: named in the headline only",
    "speaker": "extra: a speaker with no title",
    "untitled": "extra: no title beside the name",
}


def _same_person_pair(gold: str, found: str) -> str | None:
    g, f = _tokens(gold), _tokens(found)
    if not g or not f:
        return None
    if set(g) <= set(f) or set(f) <= set(g):
        return "wrong: the name in another form"
    if g[-1] == f[-1]:
        return "wrong: surname resolved to another person"
    return None


def people_causes(title: str, text: str, missed: Iterable[str], extra: Iterable[str]) -> Counter[str]:
    """The class of each people error of one article (`missed`: labelled names not found; `extra`: found names not
    labelled), as totals."""
    out: Counter[str] = Counter()
    article = _Article(title, text)
    spare = sorted(extra)
    for name in sorted(missed):
        pair = next(((f, why) for f in spare if (why := _same_person_pair(name, f))), None)
        if pair:
            spare.remove(pair[0])
            out[pair[1]] += 1
            continue
        where = article.placed(name)
        if where is None:
            surname_written = bool(_tokens(name)) and bool(_spots(article.text, _tokens(name)[-1]))
            out["missed: surname only" if surname_written else "missed: not written as labelled"] += 1
        else:
            out[_MISSED[where]] += 1
    for name in spare:
        where = article.placed(name)
        out["extra: not written (a surname resolved)" if where is None else _EXTRA[where]] += 1
    return out
