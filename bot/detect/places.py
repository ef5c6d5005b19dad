"""Countries and regions: by name, alias, demonym, capital or seat of government, resolved from context.

One Aho-Corasick pass over the folded article finds every candidate; context then decides: a capital
counts only when it stands for a government ("Baku said", "backed by Yerevan"), never as a dateline or a
venue ("talks in Moscow"); "Georgia" is the US state when the article's cues say so; "Latin American"
and "Indian Ocean" are not countries.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.detect import gazetteer
from bot.detect.gazetteer import PlaceName, Places
from bot.detect.text import Doc, Sentence

_GOV_NEXT = frozenset(
    [
        "said",
        "says",
        "say",
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "wants",
        "want",
        "accused",
        "accuses",
        "blamed",
        "blames",
        "denied",
        "denies",
        "rejected",
        "rejects",
        "insists",
        "insisted",
        "remains",
        "remained",
        "called",
        "calls",
        "responded",
        "responds",
        "warned",
        "warns",
        "urged",
        "urges",
        "announced",
        "announces",
        "agreed",
        "agrees",
        "refused",
        "refuses",
        "demanded",
        "demands",
        "hopes",
        "hoped",
        "claims",
        "claimed",
        "condemned",
        "condemns",
        "welcomed",
        "welcomes",
        "backed",
        "backs",
        "supports",
        "supported",
        "sees",
        "saw",
        "believes",
        "believed",
        "considers",
        "considered",
        "sent",
        "sends",
        "recalled",
        "expelled",
        "summoned",
        "responded",
        "retaliated",
        "reacted",
        "signed",
        "and",
        "officials's",
    ]
)
_GOV_PREV = frozenset(["by", "from", "against", "between", "with", "toward", "towards", "and"])
_CHROME = re.compile(
    r"^\s*(?:[-•*]\s|categories:|tags:|filed under|related:|see also|read more|share this)", re.IGNORECASE
)
_DATELINE_AFTER = re.compile(
    r"^(?:,\s*(?:[Dd]\.?[Cc]\.?|[A-Z][\w.]*(?:\s[A-Z]\w*)?))?\s*(?:--|\u2013|\u2014|-\s|\(|,\s*\w+\s+\d)"
)
# Donation and subscription appeals are page chrome wherever they stand ("Make a charitable donation in
# support of Ukraine!").
_APPEAL = re.compile(r"\b(?:make an? (?:\w+ )?donation|donate (?:now|today)|please donate|subscribe now)\b")


def _is_appeal(low: str) -> bool:
    """A call for money or subscribers (page chrome). Every branch of _APPEAL holds "donat" or "subscribe now":
    a sentence without either is no appeal, and most sentences are read without the regex."""
    return ("donat" in low or "subscribe now" in low) and _APPEAL.search(low) is not None


_VENUE_BEFORE = re.compile(r"\b(?:at|in|inside|outside)\s+(?:the\s+)?$")
_WORD_AFTER = re.compile(r"^\W*?([\w'.-]+)")


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """One place mention kept after context checks."""

    entry: PlaceName
    sentence: int
    start: int  # folded-text offset
    end: int


def _prev_word(text: str, start: int) -> str:
    words = text[max(0, start - 30) : start].split()
    return words[-1].strip(",;:()\"'").lower() if words else ""


def _next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.search(text[end : end + 30])
    return m.group(1).lower().strip(".") if m else ""


def _ambiguous_choice(doc: Doc) -> dict[str, bool]:
    """For each ambiguous name, whether the country sense wins in this article (cue counts)."""
    gz = gazetteer.places()
    text = doc.folded
    out: dict[str, bool] = {}
    for name, (other, country) in gz.ambiguous.items():
        key = name.lower()
        if key not in text:
            continue
        o = sum(text.count(c) for c in other)
        c = sum(text.count(c) for c in country)
        after = gz.other_after.get(name)
        if after is not None:
            # "Georgia Secretary of State ...", "Georgia Gov. ...": a strong local cue, counted double.
            start = text.find(key)
            while start >= 0:
                if after.match(text, start + len(key)):
                    o += 2
                start = text.find(key, start + 1)
        out[name] = not (o > c)
    return out


def find_places(doc: Doc) -> list[PlaceHit]:
    """Place mentions that name a country or region in this article (after context checks)."""
    gz = gazetteer.places()
    kept = _longest(_whole_words(doc, gz))
    if not kept:
        return []
    choice = _ambiguous_choice(doc)
    hits: list[PlaceHit] = []
    chrome: dict[int, bool] = {}
    for start, end, entry in kept:
        sent = doc.sentence_at(start)
        if sent.index not in chrome:
            chrome[sent.index] = bool(_CHROME.match(sent.text)) or _is_appeal(sent.folded)
        if chrome[sent.index]:
            continue
        if _not_the_place(gz, sent, start, end, entry, choice):
            continue
        hits.append(PlaceHit(entry, sent.index, start, end))
    return hits


def _whole_words(doc: Doc, gz: Places) -> list[tuple[int, int, PlaceName]]:
    """Every gazetteer name found in the folded text that stands as whole words: (start, end, entry)."""
    text = doc.folded
    raw: list[tuple[int, int, PlaceName]] = []
    n = len(text)
    for end, (length, entries) in doc.hits(gz.automaton):
        start = end - length + 1
        if start > 0 and text[start - 1].isalnum():
            continue
        if end + 1 < n and text[end + 1].isalnum():
            continue
        for entry in entries:
            raw.append((start, end + 1, entry))
    return raw


def _longest(raw: list[tuple[int, int, PlaceName]]) -> list[tuple[int, int, PlaceName]]:
    """The longest match where matches overlap (every entry of that span kept), in text order."""
    # Longest match wins: "South Sudan" over "Sudan", "Saudi Arabia" over "Saudi".
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[tuple[int, int, PlaceName]] = []
    last_end = -1
    last_span: tuple[int, int] | None = None
    for start, end, entry in raw:
        if last_span == (start, end):
            kept.append((start, end, entry))
            continue
        if start < last_end:
            continue
        kept.append((start, end, entry))
        last_end = end
        last_span = (start, end)
    return kept


def _not_the_place(gz: Places, sent: Sentence, start: int, end: int, entry: PlaceName, choice: dict[str, bool]) -> bool:
    """Whether a mention (folded offsets start-end in `sent`) is no country or region here: a name that only holds
    one, the other sense of the word, a language, a dateline, a capital that is a venue, a seat after a venue word."""
    if entry.kind == "none":
        return True  # "Voice of America": a name that only holds a country's name
    local = start - sent.start
    lend = local + (end - start)
    if entry.case_sensitive and not _case_ok(sent.text[local:lend], entry, sent.text):
        return True
    kind = entry.kind
    after = gz.other_after.get(entry.country or "")
    if after is not None and kind == "country" and after.match(sent.folded, lend):
        return True  # this mention is the other sense ("Georgia Gov. Brian Kemp")
    if entry.country in choice and kind in ("country", "alias", "demonym") and not choice[entry.country]:
        return True
    low = sent.folded
    if kind == "demonym" or (kind == "alias" and entry.written == "America"):
        prev, nxt = _prev_word(low, local), _next_word(low, lend)
        if prev in gz.demonym_before or nxt in gz.demonym_after:
            return True
        if prev == "in" and (lend >= len(low) or not low[lend:].lstrip()[:1].isalpha()):
            return True  # "reads in Spanish": the language, not the country
    if kind != "demonym" and kind != "region" and local < 40 and _is_dateline(sent.text, local, lend, sent.line_start):
        return True
    if kind == "capital":
        prev, nxt = _prev_word(low, local), _next_word(low, lend)
        if prev in gz.venue_words or not (nxt in _GOV_NEXT or prev in _GOV_PREV):
            return True
        if low[lend : lend + 2] == "'s":
            return True
    return kind == "seat" and _VENUE_BEFORE.search(low, max(0, local - 12), local) is not None


def _case_ok(original: str, entry: PlaceName, sentence: str) -> bool:
    if _in_capitals(entry.written):
        return original == entry.written  # "US", "UK", "CAR": exact capitals only
    if not any(c.isupper() for c in sentence):
        return True  # an all-lowercase headline (URL slug) carries no case information
    return original[:1].isupper()


@functools.cache
def _in_capitals(written: str) -> bool:
    """Whether every letter of a gazetteer name is a capital (worked out once a name, not once a mention)."""
    letters = [c for c in written if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_dateline(sentence: str, start: int, end: int, line_start: bool) -> bool:
    """'WASHINGTON -- ...', 'Washington, DC – ...', 'NAIROBI (AP) ...' at the start of a line."""
    if not line_start:
        return False
    head = sentence[:start].strip()
    if head and not re.fullmatch(r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)*,?", head):
        return False
    return bool(_DATELINE_AFTER.match(sentence[end:]))


def countries_and_regions(hits: list[PlaceHit]) -> tuple[list[str], list[str], dict[str, int]]:
    """Distinct countries and regions in order of first mention, with the sentence of each country."""
    gz = gazetteer.places()
    countries: list[str] = []
    regions: list[str] = []
    where: dict[str, int] = {}
    for hit in hits:
        e = hit.entry
        if e.kind == "region" and e.region:
            if e.region not in regions:
                regions.append(e.region)
            region = gz.regions[e.region]
            if region.implies_country:
                for c in region.countries:
                    if c not in countries:
                        countries.append(c)
                        where[c] = hit.sentence
            continue
        if e.country and e.country not in countries:
            countries.append(e.country)
            where[e.country] = hit.sentence
    return countries, regions, where
