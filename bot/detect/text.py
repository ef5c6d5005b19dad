"""Text normalisation and sentence splitting shared by every detection stage.

Normalisation is length-preserving (one output character per input character), so an offset found in
the normalised text is also an offset in the original sentence: evidence is always quoted as written.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.detect import twin

# Hyphen and dash variants all become "-" so that "cease‑fire" (non-breaking hyphen) matches "cease-fire".
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\x0b\x0c"


class _FoldTable(dict[int, str]):
    """A str.translate table that folds each character lazily and caches it (one char in, one out)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = _fold_char(char)
        self[code] = out
        return out


def _fold_char(char: str) -> str:
    if char in _HYPHENS:
        return "-"
    if char in _SINGLE_QUOTES:
        return "'"
    if char in _DOUBLE_QUOTES:
        return '"'
    if char in _SPACES:
        return " "
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    if lower.isascii():
        return lower
    # Strip diacritics ("Saakashvili" vs "Saak\u0430shvili" aside): keep the base letter only when the
    # decomposition yields exactly one base character, so the text keeps its length.
    base = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    return base if len(base) == 1 else lower


_FOLD = _FoldTable()


# Characters that fold (or unify) to something other than their lowercase (or themselves): anything
# non-ASCII, tabs and other odd spaces, and the backtick. News text is mostly ASCII, so the fast path
# lowercases in C and translates only these through the tables (str.translate with a dict costs
# a lookup per character).
_SPECIAL = re.compile("[^\x00-\x08\x0a\x0e-\x5f\x61-\x7f]")
_SPECIAL_ASCII = "\t\x0b\x0c\r`"  # the ASCII characters of _SPECIAL


def _plain(text: str) -> bool:
    """Whether the text holds no character of _SPECIAL (isascii is a flag of the string; a search of the text
    for each of five characters costs less than the regex's scan)."""
    return text.isascii() and not any(c in text for c in _SPECIAL_ASCII)


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD[ord(m.group())]


def _unify_match(m: re.Match[str]) -> str:
    return _CASE_TABLE[ord(m.group())]


def fold(text: str) -> str:
    """Lowercase, strip diacritics and unify quotes, hyphens and spaces; keeps the length."""
    if len(text) <= _SHORT:
        return _fold_short(text)
    return _fold(text)


# Detection folds the same words again and again (names, titles, the word before a place: about fifty calls an
# article); short strings are remembered, whole articles are not.
_SHORT = 40


@functools.lru_cache(maxsize=1 << 14)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a letter whose lowercase is two characters (Turkish dotted I)
        return text.translate(_FOLD)
    return low if _plain(low) else _SPECIAL.sub(_fold_match, low)


def name_key(written: str) -> str:
    """The form a name written in a rule or a table (an office, a region, a group) is compared in: folded,
    without dots ("U.S." is "us"), "&" as "and", hyphens as spaces, one space between words, no leading "the"."""
    text = fold(written).replace(".", "").replace("&", " and ").replace("-", " ")
    return " ".join(text.split()).removeprefix("the ")


class _CaseTable(dict[int, str]):
    """Like the fold table but keeps letter case (for checks such as "Turkey" versus "turkey")."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _fold_char(char)
        out = folded.upper() if char.isupper() and len(folded.upper()) == 1 else folded
        self[code] = out
        return out


_CASE_TABLE = _CaseTable()


def unify(text: str) -> str:
    """Strip diacritics and unify quotes/hyphens/spaces but keep case; keeps the length."""
    return text if _plain(text) else _SPECIAL.sub(_unify_match, text)


def is_word_char(char: str) -> bool:
    """True for characters that belong to a word (letters and digits)."""
    return char.isalnum()


# Calendar words, one copy for the sentence splitters, the name finder, the date readers and the story index.
WEEKDAYS = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = tuple("january february march april may june july august september october november december".split())
MONTH_ABBREVIATIONS = tuple("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Numbers written as words ("two suicide bombers", "thirty-five killed": the part before a hyphen).
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen".split()
)

# A sentence ends at . ! ? (plus closing quotes/brackets) before a capital, digit or quote: after a space, or run
# on with none after a lower-case word ("all the difference.U.S. Secretary": a page that lost a paragraph break).
_BOUNDARY = re.compile(r"""[.!?]+["')\]]*(\s+|(?=[A-Z]))(?=["'(\[]?[A-Z0-9])""")
# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "no",
        "vol",
        "fig",
        "sec",
        "dept",
        *MONTH_ABBREVIATIONS,
        "mt",
        "ft",
        "amb",
        "pres",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "approx",
        "est",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "d.c",
        "u.s.a",
        "a.m",
        "p.m",
    ]
)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, paragraph by paragraph (at line breaks), not breaking after abbreviations
    ("U.S.", "Sept.", "Mr.") and initials ("J."): the one splitter of detection and of alert summaries."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(paragraph):
            end = m.start()
            # The word before the full stop decides: "U.S." or "Sept." or "J." do not end a sentence.
            j = end
            while j > start and not paragraph[j - 1].isspace():
                j -= 1
            word = paragraph[j:end].strip("\"'(“‘").lower()
            if paragraph[end] == "." and (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            if paragraph[end] == "." and "." in word and len(word) <= 5:
                continue  # dotted abbreviations such as "U.S" or "D.C"
            if not m.group(1) and not paragraph[end - 1 : end].islower():
                continue  # with no space, only a lower-case word ends a sentence ("difference.U.S.")
            piece = paragraph[start : m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
        tail = paragraph[start:].strip()
        if tail:
            out.append(tail)
    return out


@dataclass(slots=True)
class Sentence:
    """One sentence as written, its folded form, its place in the article and its weight."""

    index: int
    text: str
    folded: str
    start: int  # offset of the folded sentence in Doc.folded
    is_title: bool
    weight: float
    line_start: bool = True


@dataclass(slots=True)
class Doc:
    """An article cut into weighted sentences with one folded text to scan in a single pass."""

    title: str
    sentences: list[Sentence]
    folded: str
    starts: list[int]
    raw: str = ""  # title and text exactly as given (what a rule's regex searches)
    unified: str = ""  # like `folded` (same offsets) but with letter case kept
    _word_starts: list[int] | None = field(default=None)
    # Each automaton's hits in the folded text, from one merged pass (bot/detect/scan.py).
    scans: dict[Any, list[tuple[int, Any]]] = field(default_factory=dict)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding a folded-text offset."""
        return self.sentences[bisect.bisect_right(self.starts, offset) - 1]

    def hits(self, automaton: Any) -> Iterable[tuple[int, Any]]:
        """What `automaton.iter(self.folded)` gives: from the article's merged pass when it had one
        (bot/detect/scan.py), else from the automaton's own pass."""
        found = self.scans.get(automaton)
        return found if found is not None else automaton.iter(self.folded)

    def word_index(self, offset: int) -> int:
        """The number of words before a folded-text offset (for NEAR/n)."""
        if self._word_starts is None:
            self._word_starts = [m.start() for m in _WORD.finditer(self.folded)]
        return bisect.bisect_right(self._word_starts, offset)


_WORD = twin.compile(r"\w+")

# How much a sentence counts: the headline and the lead carry the news, late paragraphs the background.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0


def _weight(body_index: int) -> float:
    if body_index < 2:
        return LEAD_WEIGHT
    if body_index < 8:
        return 1.0
    return 0.6


# A line cut mid-sentence by hard wrapping: it ends on a word, number or comma and the next line goes on in lower case
# ("At least 23 people," / "including four children, were killed"), or after a number or comma in any case ("on 28" /
# "August, Russia hit"). Only a line as long as wrapped prose is joined to the next.
# The last character of the line (stripped, so never a line break) and the first of the next, as sets.
_WRAPPED_END = frozenset("abcdefghijklmnopqrstuvwxyz0123456789,")
_WRAPPED_START = frozenset("abcdefghijklmnopqrstuvwxyz")
_WRAPPED_AFTER_NUMBER = frozenset("0123456789,")
_WRAPPED_WIDTH = 40  # a wrapped line of prose; a heading ("2009"), a dateline or a menu line is shorter


def _unwrap(lines: list[str]) -> list[str]:
    """Non-empty stripped lines, with hard-wrapped lines of one paragraph joined back into one."""
    out: list[str] = []
    joinable = False
    for raw in lines:
        line = raw.strip()
        if not line:
            joinable = False
            continue
        if (
            joinable
            and len(out[-1]) >= _WRAPPED_WIDTH
            and (
                (line[0] in _WRAPPED_START and out[-1][-1] in _WRAPPED_END)
                or (line[:1].isalpha() and out[-1][-1] in _WRAPPED_AFTER_NUMBER)
            )
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joinable = True
    return out


def build_doc(title: str, text: str) -> Doc:
    """Split title and body into weighted sentences; repeated sentences (captions, reprints) keep one copy."""
    sentences: list[Sentence] = []
    seen: set[str] = set()
    pieces: list[tuple[str, bool, bool]] = []
    title = (title or "").strip()
    if title:
        for line in title.splitlines():
            if line.strip():
                pieces.append((line.strip(), True, True))
    for line in _unwrap((text or "").splitlines()):
        for i, sent in enumerate(split_sentences(line)):
            pieces.append((sent, False, i == 0))
    kept: list[tuple[str, bool, bool, float]] = []
    body_index = 0
    for piece, is_title, line_start in pieces:
        low = piece.lower()
        # (pieces are stripped: a printable ASCII piece without two spaces in a row is its own key, split or not)
        key = low if low.isascii() and low.isprintable() and "  " not in low else " ".join(low.split())
        if key in seen:
            continue
        seen.add(key)
        if is_title:
            weight = TITLE_WEIGHT
        else:
            weight = _weight(body_index)
            # Chrome ("Breaking News", menus, captions without a full stop) does not push the real lead
            # down the article: only prose sentences count.
            if len(key) > 40 and key[-1] in ".!?\"')\u201d\u2019":
                body_index += 1
        kept.append((piece, is_title, line_start, weight))
    # Fold the whole article in one call; sentences are slices of it (folding keeps lengths).
    joined = "\n".join(k[0] for k in kept)
    folded_all = fold(joined)
    starts: list[int] = []
    offset = 0
    for piece, is_title, line_start, weight in kept:
        end = offset + len(piece)
        sentences.append(Sentence(len(sentences), piece, folded_all[offset:end], offset, is_title, weight, line_start))
        starts.append(offset)
        offset = end + 1
    raw = f"{title}\n{text or ''}" if title else (text or "")
    return Doc(title=title, sentences=sentences, folded=folded_all, starts=starts, raw=raw, unified=unify(joined))
