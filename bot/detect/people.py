"""Officials as news style introduces them, with canonical names, titles and countries.

Sources of a person, all general:
* a title before the name ("Foreign Minister Ararat Mirzoyan", "U.S. Sec. of State Antony Blinken", "UN
  Special Envoy for Yemen Hans Grundberg", "Minister for the Middle East X", "a spokesman for the rebels, X,");
* a title after the name: appositive or predicate ("Mikheil Saakashvili, the President of Georgia", "Lavrov,
  Russia's foreign minister", "X, the army spokesman", "X is the defense minister", "X MP");
* a statement header (a name line, then a title line), a transcript label ("SECRETARY RICE:");
* a watched person (bot/data/people.yaml) by name, alias, spelling variant or distinctive surname alone.
A surname alone resolves to a full name met earlier in the article, else to the one watched person with
that surname (the title breaks ties), else it is dropped. In title case (headlines, chrome) a headline verb
ends a name ("Sen. Ron Johnson Loses It"). Not officials: people without an office (journalists, analysts,
NGO staff, victims), a US state's officials ("Georgia Secretary of State"), heads of clubs, companies and
universities, and forms of address on their own ("Sheikh").
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from bot.detect import gazetteer, lazyre
from bot.detect.text import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS, Doc, Sentence, fold, unify
from bot.models import Person

_PARTICLES = frozenset(
    [
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "dos",
        "van",
        "von",
        "der",
        "la",
        "le",
        "ben",
        "abu",
    ]
)
_SUFFIX = lazyre.compile(r",?\s+(?:Jr\.?|Sr\.?|III|II|IV)(?![\w])")
# The article particles that the usual romanisation joins to the name with a hyphen ("al-Assad", "el-Sisi").
_HYPHENED = frozenset(["al", "el"])
_NAME_TOKEN = lazyre.compile(r"(?:[A-Z][\w'-]*|(?:al|el)-[A-Z][\w'-]*)(?:\.(?=\s))?")
# Capitalised words that end a name: pronouns, dates, offices and organisations ("General Electric Company").
_STOP = frozenset(
    [
        "the",
        "he",
        "she",
        "they",
        "his",
        "her",
        "its",
        "it",
        "in",
        "on",
        "at",
        "and",
        "but",
        "or",
        "for",
        "of",
        "to",
        "with",
        "by",
        "as",
        "from",
        "this",
        "that",
        "these",
        "those",
        "mr",
        "mrs",
        "ms",
        *WEEKDAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        "today",
        "yesterday",
        "secretary",
        "minister",
        "president",
        "state",
        "department",
        "government",
        "office",
        "house",
        "senate",
        "council",
        "committee",
        "ministry",
        "affairs",
        "foreign",
        "defense",
        "defence",
        "interior",
        "general",
        "envoy",
        "spokesperson",
        "spokesman",
        "leader",
        "administration",
        "army",
        "forces",
        "military",
        "police",
        "republic",
        "kingdom",
        "union",
        "nations",
        "people",
        "party",
        "group",
        "rebels",
        "readout",
        "remarks",
        "statement",
        "press",
        "release",
        "meeting",
        "video",
        "photo",
        "file",
        "update",
        "breaking",
        "news",
        "accessibility",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "motors",
        "electric",
        "bank",
        "university",
        "college",
        "school",
        "hospital",
        "airport",
        "airlines",
        "airways",
        "times",
        "post",
        "street",
        "avenue",
        "square",
        "palace",
        "hotel",
        "center",
        "centre",
        "stadium",
        "province",
        "county",
        "city",
        "district",
        "region",
        "island",
        "islands",
        "museum",
        "church",
        "mosque",
        "foundation",
        "institute",
        "club",
        # military ranks: a rank after a title starts a second title ("spokesman Lt. Col. Peter Lerner")
        "lt",
        "col",
        "gen",
        "maj",
        "brig",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "lieutenant",
        "colonel",
        "brigadier",
        # post-nominals end a name ("Tobias Ellwood MP")
        "mp",
        "mep",
        "qc",
        "kc",
        "obe",
        "cbe",
        "kcmg",
        "gcmg",
    ]
)
_ORG_WORDS = frozenset(
    [
        "european",
        "parliament",
        "council",
        "commission",
        "union",
        "nations",
        "united",
        "assembly",
        "committee",
        "department",
        "ministry",
        "affairs",
        "defence",
        "defense",
        "state",
        "states",
        "foreign",
        "republic",
        "government",
        "presidential",
        "leadership",
        "security",
        "senate",
        "house",
        "agency",
        "forces",
        "army",
        "navy",
        "kingdom",
        "federal",
        "central",
        "national",
        "international",
        "general",
        "arab",
        "african",
        "islamic",
        "people's",
        "democratic",
        "communist",
        "party",
        "ccp",
        "prc",
        "un",
        "u.n.",
        "u.s.",
        "us",
        "nato",
        "osce",
        "au",
        "eu",
        "and",
        "of",
        "the",
        "for",
        "to",
        # portfolio words: "Minister for the Middle East and North Africa", "Under-Secretary-General for
        # Humanitarian Affairs", "High Representative for Foreign Affairs and Security Policy"
        "middle",
        "east",
        "west",
        "north",
        "south",
        "africa",
        "asia",
        "europe",
        "americas",
        "pacific",
        "caribbean",
        "gulf",
        "commonwealth",
        "overseas",
        "development",
        "trade",
        "humanitarian",
        "policy",
        "political",
        "peace",
        "process",
        "operations",
        "relief",
        "emergency",
        "coordination",
        "refugees",
        "human",
        "rights",
        "economic",
        "cooperation",
        "disarmament",
        "veterans",
        "armed",
        "cabinet",
        "external",
        "home",
        "justice",
        "finance",
        "energy",
        "climate",
        "region",
        "regional",
        "mission",
        "chairmanship",
        "presidency",
        "office",
        "secretariat",
        "nations'",
        "council's",
        "organization",
        "organisation",
        "commissioner",
        "special",
        "personal",
        "league",
        "conference",
        "community",
        "authority",
        "bureau",
        "front",
        "movement",
        "alliance",
        "coalition",
        "command",
        "staff",
        "chiefs",
        "court",
        "tribunal",
        "fund",
        "programme",
        "program",
        "intelligence",
        "service",
        "services",
        "guard",
        "guards",
        "corps",
        "revolutionary",
        "supreme",
        "liberation",
        "popular",
        "unity",
        "interim",
        "transitional",
        "sovereign",
        "legislative",
        "constitutional",
        "joint",
        "military",
        "intergovernmental",
        "development",
        "states",
        "countries",
        "gulf",
        "economic",
    ]
)
_HEAD_OF = lazyre.compile(
    r"(?:,|\s+(?:is|was|was\s+until\s+recently|has\s+been|serves\s+as|served\s+as))\s+(?:the\s+)?(?:former\s+)?"
    r"(?:head|chief|chairman|leader|director)\s+of\s+(?:the\s+)?((?:[\w'-]+\s+){0,4}[\w'-]+)",
    re.IGNORECASE,
)


_LOWER_WORD = lazyre.compile(r"[a-z]+")
_FIRST_WORD = lazyre.compile(r"([\w'.-]+)\s+")
_LOWER_RUN = lazyre.compile(r"(?:[\w'-]+\s+){0,4}[a-z][\w'-]*,\s+")
_SPEAKER = lazyre.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,4}):\s")
_PREV_WORD = lazyre.compile(r"([\w.'-]+)\s*$")
_NEXT_WORD = lazyre.compile(r" ([\w'-]+)")
_NICKNAME = lazyre.compile(r'"([A-Z][\w\'-]+)"(?=\s+[A-Z])')
_CAP_BEFORE = lazyre.compile(r"([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?)(?:'s)?\s*$")
_OF_FOR = lazyre.compile(r"\s+(?:of|for|to)\s+(?:the\s+)?")
_RUN_WORD = lazyre.compile(r"([A-Z][\w.'-]*|of|for|and|the|to)(\s+|,\s*|$)")
_GAP = lazyre.compile(r",?\s+")
_INITIAL = lazyre.compile(r"[A-Z]\.?")
_OF_NAME = lazyre.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)")
_FIRST_CAP = lazyre.compile(r"\s*(?:the\s+)?([A-Z][\w'-]+)")


@dataclass(slots=True)
class _Candidate:
    tokens: list[str]
    title: str | None
    country: str | None
    sentence: int
    place_word: bool = False  # a surname that is also a place's name: only the article's own full name resolves it


@functools.cache
def _title_canon() -> dict[str, str]:
    return {unify(k): v for k, v in gazetteer.people().titles.items()}


@functools.lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    key = fold(word.rstrip("."))
    return key in gazetteer.places().automaton


@functools.cache
def _enders() -> frozenset[str]:
    return gazetteer.people().name_enders


@functools.cache
def _honorifics() -> frozenset[str]:
    return gazetteer.people().honorifics


# Ranks that police and armed forces put before a name and that are no office of their own here (the abbreviations
# and the ranks that start a second title, "Lt. Col.", are in _STOP and end the name before this is asked).
_RANKS = frozenset(["major", "captain", "sergeant", "corporal", "inspector", "constable", "cardinal"])


@functools.cache
def _leading_ranks() -> frozenset[str]:
    """One-word titles and ranks that may stand between a title and the name it introduces ("Police spokesman
    Major Abdifatah Aden", "Permanent Representative to the UN Ambassador Barbara Woodward")."""
    one_word = (fold(t).rstrip(".") for t in gazetteer.people().titles if " " not in t.strip())
    return frozenset(one_word) | _RANKS


# What may follow a name's last word: a lower-case word, punctuation or the end of the line.
# A title and then one capitalised word that closes the name ("Ambassador Holland condemns").
_PLACE_SURNAME = lazyre.compile(r" ([A-Z][a-z][\w'-]+)(?= [a-z]|[,.;:)]|\s*\n|\s*$)")
_NAME_CLOSE = lazyre.compile(r"(?: [a-z]|[,.;:)]|\s*\n|\s*$)")


def _place_ends_name(text: str, end: int, tokens: list[str]) -> bool:
    """A place word that is the surname of the name before it ("Neil Holland", "spokesman Mukhles Afghan said").

    After a given name a place word usually starts a new phrase ("Secretary Kerry Cairo talks" in a headline); it is
    the surname when it closes the name: nothing capitalised follows it, and the words before it are no place.
    """
    return bool(_NAME_CLOSE.match(text, end)) and not any(_is_place(t.rstrip(".")) for t in tokens)


def _name_at(text: str, pos: int) -> tuple[list[str], int]:
    """Read a capitalised name (1-4 tokens, particles and initials inside) starting at pos.

    A form of address first ("Sheikh Tamim bin Hamad") is skipped when a full name follows. In title case
    a headline verb or preposition ends the name ("Sen. Ron Johnson Loses It", "Kerry Announces ...").
    """
    tokens: list[str] = []
    honorific: str | None = None
    rank: str | None = None
    nickname: str | None = None
    enders = _enders()
    i = pos
    n = len(text)
    while i < n and len(tokens) < 5:
        while i < n and text[i] == " ":
            i += 1
        if text.startswith('"', i) and tokens and nickname is None and (nm := _NICKNAME.match(text, i)):
            # 'Benjamin "Benny" Gantz': the name the press uses is the nickname with the surname.
            nickname = nm.group(1)
            i = nm.end()
            continue
        m = _NAME_TOKEN.match(text, i)
        if not m:
            # lowercase particle inside a name ("Haitham bin Tariq")
            after = _particle_at(text, i, tokens)
            if after is None:
                break
            i = after
            continue
        word = m.group(0)
        bare = word.rstrip(".")
        if bare.endswith("'s"):
            if fold(bare[:-2]) not in _STOP and bare[:-2]:
                tokens.append(bare[:-2])
            i = m.end()
            break
        key = fold(bare)
        if _ends_name(text, m.end(), bare, key, tokens, enders):
            break
        if not tokens and (address := _address_form(word, key, rank, honorific)) is not None:
            rank, honorific = address
            i = m.end()
            continue
        tokens.append(word)
        i = m.end()
        sm = _SUFFIX.match(text, i)
        if sm and tokens:
            i = sm.end()
            break
    return _name_tokens(tokens, rank, honorific, nickname), i


def _address_form(word: str, key: str, rank: str | None, honorific: str | None) -> tuple[str | None, str | None] | None:
    """A form of address before the name (`word`, folded `key`): an honorific, or a second title or rank; the
    (rank, honorific) read so far with it, or None when the word is neither."""
    if key in _honorifics():
        return rank, (word if honorific is None else f"{honorific} {word}")
    if rank is None and honorific is None and key in _leading_ranks():
        return word, honorific  # a second title or a rank: not the name's, when a full name follows
    return None


def _particle_at(text: str, i: int, tokens: list[str]) -> int | None:
    """A lowercase particle inside a name at i ("bin", "al"), followed by a capitalised word: added to `tokens`
    (hyphened to the word when the labels write it so); where the name goes on, or None when no particle is there."""
    n = len(text)
    pm = _LOWER_WORD.match(text, i)
    if (
        pm
        and pm.group(0) in _PARTICLES
        and tokens
        and pm.end() < n
        and text[pm.end()] == " "
        and (nm := _NAME_TOKEN.match(text, pm.end() + 1))
    ):
        if pm.group(0) in _HYPHENED and fold(nm.group(0).rstrip(".")) not in _STOP:
            # "Othman al Ghanami" is "Othman al-Ghanami", the form the labels and the gazetteer write:
            # one person under either spelling.
            tokens.append(f"{pm.group(0)}-{nm.group(0)}")
            return nm.end()
        tokens.append(pm.group(0))
        return pm.end()
    return None


def _ends_name(text: str, end: int, bare: str, key: str, tokens: list[str], enders: frozenset[str]) -> bool:
    """Whether a capitalised word (`bare`, folded `key`, ending at `end`) is no part of the name: a stop word, a
    headline verb or preposition, a place word first, or a place word after a given name that does not close it."""
    return (
        key in _STOP
        or key in enders
        or (not tokens and _is_place(bare))
        or (bool(tokens) and _is_place(bare) and len(bare) > 3 and not _place_ends_name(text, end, tokens))
    )


# A name's last word with a full stop that no abbreviation has: three or more letters, one of them small.
_SENTENCE_STOP = lazyre.compile(r"(?=\w*[a-z])[\w'-]{3,}\.")


def _name_tokens(tokens: list[str], rank: str | None, honorific: str | None, nickname: str | None) -> list[str]:
    """The name read: trailing particles dropped, a rank or honorific kept when no full name follows it, and
    a nickname with the surname."""
    while tokens and tokens[-1] in _PARTICLES:
        tokens.pop()
    if tokens and _SENTENCE_STOP.fullmatch(tokens[-1]):
        # 'said Secretary Janet L. Yellen. “The ...': a full stop the sentence splitter left inside the text (a
        # quotation opens after it) ends the sentence, not an abbreviation; initials ("J.") and "Jr." keep theirs.
        tokens[-1] = tokens[-1][:-1]
    if rank is not None and len(tokens) < 2:
        tokens.insert(0, rank)  # "Ambassador Woodward": no full name follows, the word is read as before
    if honorific and len(tokens) == 1:
        tokens.insert(0, honorific.split()[-1])  # "Sheikh Hasina": the word is part of the name
    if nickname and len(tokens) >= 2:
        tokens = [nickname, tokens[-1]]
    return tokens


def _country_before(text: str, start: int) -> str | None:
    """'Armenia's Prime Minister', 'Armenian Foreign Minister', 'U.S. Secretary of State'."""
    before = text[max(0, start - 40) : start].rstrip()
    m = _CAP_BEFORE.search(before)
    if not m:
        return None
    gz = gazetteer.places()
    for cand in (m.group(1), m.group(1).split()[-1]):
        key = fold(cand.removesuffix("'s"))
        if key in gz.automaton:
            for entry in gz.automaton.get(key)[1]:
                if entry.country and entry.kind in ("country", "alias", "demonym"):
                    return str(entry.country)
    return None


# A portfolio's words after "Minister of" belong to the title, joined or not: "Minister of International Relations and
# Cooperation Naledi Pandor", "Minister of Finance and Economic Planning X".
_PORTFOLIO_WORDS = frozenset(
    [
        "relations",
        "cooperation",
        "co-operation",
        "finance",
        "economic",
        "economy",
        "planning",
        "development",
        "trade",
        "industry",
        "commerce",
        "investment",
        "integration",
        "health",
        "education",
        "justice",
        "interior",
        "home",
        "internal",
        "external",
        "energy",
        "environment",
        "agriculture",
        "labour",
        "labor",
        "culture",
        "information",
        "communications",
        "public",
        "works",
        "transport",
        "tourism",
        "youth",
        "sports",
        "social",
        "welfare",
        "resources",
        "natural",
        "mines",
        "petroleum",
        "water",
        "housing",
        "local",
        "immigration",
        "citizenship",
        "reconstruction",
        "humanitarian",
        "solidarity",
        "reconciliation",
        "peace",
        "unity",
        "diaspora",
        "expatriates",
        "emigrants",
        "abroad",
        # "Under Secretary of the Treasury for Terrorism and Financial Intelligence X", "Chair of the Union
        # Election Commission"
        "treasury",
        "terrorism",
        "financial",
        "election",
        "electoral",
    ]
)
_PORTFOLIO_JOINS = frozenset(["and", "of", "the", "for"])
# The nouns that end the name of a body, never a person's name.
_BODY_NOUNS = frozenset(
    [
        "commission",
        "council",
        "committee",
        "ministry",
        "department",
        "agency",
        "assembly",
        "parliament",
        "authority",
        "bureau",
        "court",
        "tribunal",
        "secretariat",
        "organization",
        "organisation",
        "conference",
        "movement",
        "alliance",
        "coalition",
        "command",
        "corps",
    ]
)
# The words that open the name of a body or an armed service, never a person's name: written right after a title
# they are the title's ("Press Secretary Air Force Brig. Gen. X", "General Assembly Hall", "the General Staff X Y").
_BODY_OPENERS = _BODY_NOUNS | frozenset(
    [
        "army",
        "navy",
        "marines",
        "forces",
        "guard",
        "guards",
        "staff",
        "security",
        "intelligence",
        "directorate",
        "joint",
        "service",
        "services",
    ]
)
# ("Marine" alone is a given name: "party leader Marine X".)
_BODY_WORD = lazyre.compile(r"\s+((?:Air|Space)\s+Force|Coast\s+Guard|Marine\s+Corps|[A-Z][\w'-]*)")
_PORTFOLIO_AND = lazyre.compile(r"\s+(?:and|&)(?=\s+[A-Z])")
_PORTFOLIO_WORD = lazyre.compile(r"\s+([A-Z][\w'-]*)")


def _portfolio_word(word: str) -> bool:
    """A word of an organisation or of a minister's portfolio: part of the title, not of the name."""
    key = fold(word)
    return key in _ORG_WORDS or key in _PORTFOLIO_WORDS


def _after_title(text: str, end: int) -> tuple[list[str], str | None, int]:
    """Read what follows a title: an optional 'of/for X' (with a country) and the name."""
    i = end
    m = _OF_FOR.match(text, i)
    if m:
        return _after_of_for(text, m.end())
    # "Minister of Foreign Affairs and Cooperation Amina Diallo": the rest of the portfolio after the title.
    if jm := _PORTFOLIO_AND.match(text, i):
        j = jm.end()
        while (wm := _PORTFOLIO_WORD.match(text, j)) and _portfolio_word(wm.group(1)):
            j = wm.end(1)
        if j > jm.end():
            i = j
    m = _GAP.match(text, i)
    if not m:
        return [], None, i
    tokens, e = _name_at(text, m.end())
    return tokens, None, e


def _body_after(text: str, end: int) -> bool:
    """Whether a title (ending at `end`) is followed by the words of a body or an armed service ("Press Secretary Air
    Force Brig. Gen. X", "General Assembly Hall") rather than by a name."""
    m = _BODY_WORD.match(text, end)
    return m is not None and (" " in m.group(1) or fold(m.group(1)) in _BODY_OPENERS)


def _after_of_for(text: str, run_start: int) -> tuple[list[str], str | None, int]:
    """Read what follows a title's 'of/for' (at run_start): the rest of the title (with a country) and the name."""
    country: str | None = None
    words, comma_at = _run_words(text, run_start)
    # "Special Envoy for Yemen Tim Lenderking", "President of the European Parliament Martin Schulz":
    # leading place and organisation words belong to the title, the rest is the name.
    k = 0
    while k < len(words) and (
        _portfolio_word(words[k][0])
        or _is_place(words[k][0])
        or (k > 0 and words[k][0] in _PORTFOLIO_JOINS and k + 1 < len(words))
    ):
        country = country or _country_of(words[k][0])
        k += 1
    if k > 0 and len(words) - k >= 2:
        tokens, e = _name_at(text, words[k][1])
        return tokens, country, e
    if comma_at is not None and k >= 1:
        # "President of the United States, George W. Bush", "Special Representative of the Federal
        # Government of Germany for the OSCE Chairmanship, Gernot Erler": the name follows the comma.
        tokens, e = _name_at(text, comma_at)
        return tokens, country, e
    named = _name_set_off(text, run_start, words, comma_at)
    if named is not None:
        return named[0], country, named[1]
    return [], country, run_start


def _run_words(text: str, j: int) -> tuple[list[tuple[str, int]], int | None]:
    """The words after 'of/for' (up to nine, each with its offset), and where the text goes on after a comma that
    ends them (None: no comma)."""
    words: list[tuple[str, int]] = []
    comma_at: int | None = None
    while len(words) <= 8:
        wm = _RUN_WORD.match(text, j)
        if not wm:
            break
        words.append((wm.group(1), j))
        j = wm.end()
        if "," in wm.group(2):
            comma_at = j
            break
    return words, comma_at


def _name_set_off(
    text: str, run_start: int, words: list[tuple[str, int]], comma_at: int | None
) -> tuple[list[str], int] | None:
    """A full name set off by commas after an 'of/for' the title words do not explain (an unknown place, a
    lower-case body), with where it ends; None when there is none."""
    place = " ".join(w for w, _ in words)
    if (
        comma_at is not None
        and words
        and words[0][0][:1].isupper()
        and not any(_portfolio_word(w) and w not in _PORTFOLIO_JOINS for w, _ in words)
        and not _names_non_official(place)
    ):
        # A place the gazetteer does not know, then the full name set off by commas: "the deputy chief
        # minister of Jammu and Kashmir, Nirmal Singh, accused", "the governor of Kandahar, Amrit Kaur, said".
        tokens, e = _name_at(text, comma_at)
        if len(tokens) >= 2 and text[e : e + 1] == ",":
            return tokens, e
    # "a spokesman for the rebels, Ali Hassan, said": a lower-case body, then the name set off by commas.
    lm = _LOWER_RUN.match(text, run_start)
    if lm and not _names_non_official(lm.group(0)):
        tokens, e = _name_at(text, lm.end())
        if len(tokens) >= 2 and text[e : e + 1] == ",":
            return tokens, e
    return None


@functools.lru_cache(maxsize=4096)
def _country_of(word: str) -> str | None:
    key = fold(word.rstrip(",").removesuffix("'s"))
    gz = gazetteer.places()
    if key in gz.automaton:
        for entry in gz.automaton.get(key)[1]:
            if entry.country and entry.kind in ("country", "alias", "demonym"):
                return str(entry.country)
    return None


def _clean(tokens: list[str]) -> list[str]:
    """Drop middle initials and suffixes: 'Lloyd J. Austin III' -> Lloyd Austin."""
    out = [t for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and _INITIAL.fullmatch(t))]
    return [t for t in out if t not in ("Jr.", "Jr", "III", "II", "IV")]


_PHRASE_WORD = lazyre.compile(r"[\w'-]+")


def _names_non_official(phrase: str) -> bool:
    """Whether a phrase names a body outside government ("the rebels' radio", "Amnesty"), by whole words: the
    'inc' of a company is not the one in 'provincial'."""
    words = f" {' '.join(_PHRASE_WORD.findall(fold(phrase)))} "
    return any(f" {o} " in words for o in gazetteer.people().non_official_orgs)


@functools.cache
def _non_official_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    orgs = "|".join(re.escape(o) for o in sorted(gazetteer.people().non_official_orgs, key=len, reverse=True))
    after = re.compile(rf"\s*,?\s*(?:of|at|from|with)\s+(?:the\s+)?(?:\w+\s+){{0,2}}(?:{orgs})\b")
    before = re.compile(rf"\b(?:{orgs})(?:'s)?\s*$")
    return after, before


def _non_official(text: str, start: int, end: int) -> bool:
    """'Director X of Amnesty International', 'Reuters correspondent': an office outside government."""
    after, before = _non_official_patterns()
    return bool(
        after.match(fold(text[end : end + 50]))
        or before.search(fold(text[max(0, start - 25) : start]))
        or (
            text[start : start + 5].lower() == "chief"
            and bool(_NEWSROOM_BEFORE.search(text, max(0, start - 12), start))
        )
    )


# A newsroom's "chief" ("AFP's Iraq bureau chief X", "the paper's editor-in-chief X"): a journalist, whom the
# labels leave out whatever the outlet; a chief of police, of staff or of intelligence keeps their office, and so does
# a party's political bureau chief ("Hamas political bureau chief X").
_NEWSROOM_BEFORE = lazyre.compile(r"(?i)(?:(?<!political )\bbureau\s+|\beditor[- ]in[- ])$")


_BULLET = lazyre.compile(r"^\s*[-•*]\s")


def _listed_person(text: str, pos: int) -> bool:
    """Whether a bulleted entry (its text after the bullet at `pos`) opens with a person's full name set off by a
    comma ("• Dr X Y, Attorney General", "• U X Y, Chair of the Election Commission"): an entry of a list of people,
    such as a release's sanctions list, whose titles name officials; not a link or a summary point, which opens with
    a title, a headline or a sentence ("• Secretary X's Meeting with ...", "• The Commission, the agency ...")."""
    tokens, end = _name_at(text, len(text) - len(text[pos:].lstrip()))
    return len(tokens) >= 2 and text[end : end + 1] == ","


# A titled name that the sentence makes the victim of an attack ("the funeral of lawmaker X", "gunmen shot dead
# Governor X", "killed 40 people, including police chief X"): the labels list no victims, whatever their office. A
# few words may stand between the cue and the title ("killed Punjab's governor X"), no comma (the clause has ended).
_VICTIM_BEFORE = lazyre.compile(
    r"\b(?:(?:funeral|assassination|murder|killing)\s+of"
    r"|killed|assassinated|murdered|shot\s+dead|shot\s+and\s+killed"
    r"|(?:killed|dead|died|lives|victims)(?:\s+[\w-]+){0,4},?\s+(?:including|among\s+them))"
    r"\s+(?:the\s+)?(?:[\w.'-]+\s+){0,3}$"
)


# A sentence that opens decades or centuries back and names a titled person at once ("A century ago, Foreign
# Secretary X", "Fifty years ago this week, President X", "In 1919, Prime Minister X"): a historical figure, whom
# the labels leave out. A recent past ("Two years ago, ...", "In 2014, ..."), or such a time further into the
# sentence ("... in a war that began decades ago, Foreign Minister X said"), keeps the name.
_HISTORICAL_OPENING = lazyre.compile(
    r"^\W*(?:(?:and|but|some|almost|nearly|about|more\s+than|over|well\s+over)\s+)?"
    r"(?:(?:(?:a|one|half\s+a)\s+century|centuries|generations"
    r"|(?:(?:two|three|four|five|six|seven|eight|nine|several|many|a\s+few|[2-9])\s+)?decades"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred|[2-9]\d|1\d\d)"
    r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?\s+years)\s+ago(?:\s+(?:this|last)\s+\w+)?"
    r"|(?:in|during)\s+(?:the\s+)?(?:1[0-8]\d\d|19[0-4]\d)s?)"
    r"\s*,?\s+(?:[\w.'-]+\s+){0,3}(?:then-|ex-)?$",
    re.IGNORECASE,
)


_LIST_ON = lazyre.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[\w.'-]+\s+){0,2}$")


def _historical(text: str, start: int) -> bool:
    """Whether the sentence (`text`) opens in a distant past with the title at `start`."""
    if start > 120:
        return False
    # Every match of _HISTORICAL_OPENING holds "ago" or a year of its digits ("in 1919"): most openings are not searched.
    head = text[:start]
    return ("1" in head or "ago" in head.lower()) and bool(_HISTORICAL_OPENING.search(text, 0, start))


def _victim(text: str, start: int) -> bool:
    """Whether the title at `start` introduces the victim of the attack its sentence reports."""
    return bool(_VICTIM_BEFORE.search(text[max(0, start - 80) : start]))


# A name right before a title that describes it: an appositive ("Ahmed Khalil, Egypt's foreign minister",
# "Lavrov, the Russian Foreign Minister") or a predicate ("Karl Hoffmann is the defense minister", "Ana
# Rivas serves as spokeswoman"). Group 2 is a qualifier word before the title ("Egyptian", "Egypt's").
_APPOS_BEFORE = lazyre.compile(
    r"((?:[A-Z][\w'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'-]+|[A-Z]\.|bin|al-\w+|de|van|von))*)"
    r"(?:,\s+(?:who\s+(?:is|was|has\s+been|became|serves\s+as)\s+)?|\s+(?:is|was|serves\s+as|served\s+as|became|remains|has\s+been)\s+)"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:country|nation|group|government|movement|organization|militia|party)'s\s+)?"
    r"(?:(?:former|then|acting|official|senior|top|chief|deputy|interim|new|longtime|veteran)\s+)*"
    r"(?:([A-Z][\w.-]*(?:'s)?|[a-z]{3,})\s+)?$"
)
# Lower-case titles too vague to describe a person on their own after a name ("X, a leader of the march").
_WEAK_TITLES = frozenset(["leader", "diplomat", "minister", "president", "commander", "chairman", "envoy"])
# Titles that clubs, companies and universities have too; and words that keep them public offices.
_ORG_TITLES = frozenset(["President", "Chairman", "Chairwoman", "Chair"])
_PARTY_WORDS = frozenset(
    [
        "republican",
        "democrat",
        "democratic",
        "conservative",
        "labour",
        "labor",
        "liberal",
        "socialist",
        "region",
        "regional",
        "autonomous",
        "transitional",
        "joint",
        "chiefs",
    ]
)
_RUN_BEFORE = lazyre.compile(r"((?:[A-Z][\w.'-]*\s+){1,3})$")
_STATE_BEFORE = lazyre.compile(r"(?:^|\s)((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)(?:'s)?\s+$")
_CAPS_ONLY = lazyre.compile(r"(?:[A-Z][\w.'-]*\s+){1,3}")
_HEAD_CUE = lazyre.compile(
    r"(?:,|\s+(?:is|was|was\s+until\s+recently|has\s+been|serves\s+as|served\s+as))\s+(?:the\s+)?(?:former\s+)?"
    r"(?:head|chief|chairman|leader|director)\s+of\b",
    re.IGNORECASE,
)
# A capitalised name ending right before a cue (searched in a short window, so it stays linear).
_NAME_BEFORE = lazyre.compile(r"((?:[A-Z][\w'-]+|[A-Z]\.)(?:\s+(?:[A-Z][\w'-]+|[A-Z]\.|bin|al-\w+|de|van|von)){1,4})$")


# The word after "chief" that makes it a company's or a profession's post ("chief executive", "chief editor"), not a
# public office ("chief of staff", "army chief"; a government's chief medical officer or scientist is left as it was).
_CHIEF_OF_TRADE = lazyre.compile(
    r"\s+(?:executive|operating|financial|investment|editor|correspondent|engineer|analyst|strategist|architect"
    r"|designer)\b",
    re.IGNORECASE,
)


def _appositive(
    text: str, start: int, written: str, hits: list[tuple[int, int, str]]
) -> tuple[list[str], str | None] | None:
    """The name a title after it describes ("X, the Egyptian foreign minister"; "X is the envoy"), if any."""
    if written == "MP":
        # A post-nominal: "The Rt Hon Hugh Robertson MP".
        pm = _NAME_BEFORE.search(text, max(0, start - 60), start - 1) if text[start - 1 : start] == " " else None
        if pm is None or any(
            h[1] <= pm.start(1) and "," not in text[h[1] : start] and start - h[1] < 80 for h in hits if h[0] < start
        ):
            return None  # no name, or an earlier title already reads it ("Minister ... Tobias Ellwood MP")
        pos = pm.start(1)
        while (w := _FIRST_WORD.match(text, pos)) and fold(w.group(1)) in _STOP:
            pos = w.end()
        tokens, _ = _name_at(text, pos)
        return (tokens, None) if len(tokens) >= 2 else None
    if written.lower() == "chief" and _CHIEF_OF_TRADE.match(text, start + len(written)):
        return None  # "X, chief executive of the British Council": a trade's chief, not an office
    m = _APPOS_BEFORE.search(text, max(0, start - 120), start)
    if not m or m.end() != start:
        return None
    qualifier = m.group(2)
    if qualifier is not None and qualifier.islower():
        # "the army spokesman", "the district governor": a lower-case body or area word; a weak title
        # ("a community leader") or an organisation outside government ("the club president") is no office.
        if written.islower() and written in _WEAK_TITLES or _non_official(text, start, start + len(written)):
            return None
        qualifier = None
    elif qualifier is not None and not qualifier.isupper():
        bare = qualifier.removesuffix("'s")
        if not _is_place(bare) and fold(bare) not in _ORG_WORDS and not _is_group(bare):
            return None
    if (
        written.islower()
        and written in _WEAK_TITLES
        and qualifier is None
        and " of " not in text[start : start + len(written) + 5]
    ):
        return None
    # "UN Secretary-General Ban Ki-moon, the President of ...": that name belongs to the earlier title.
    if any(m.start(1) <= h[0] < start for h in hits):
        return None
    tokens, name_end = _name_at(text, m.start(1))
    if not tokens or name_end < m.end(1) - 1:
        return None
    if _non_official(text, start, start + len(written)):
        return None
    country = _country_of_phrase(text[start : start + 80]) or (_country_of(qualifier) if qualifier else None)
    return tokens, country


@functools.cache
def _is_group(word: str) -> bool:
    """A capitalised word that names an armed or political group rather than a place ("Taliban", "Hamas"):
    anything that is not an everyday capitalised word and not a non-official organisation."""
    key = fold(word)
    return key not in _STOP and key not in gazetteer.people().non_official_orgs and len(key) > 2


def _state_official(text: str, start: int, title: str) -> bool:
    """'Georgia Secretary of State Brad Raffensperger', "Texas Gov.", "state Sen.": a US state's official."""
    before = text[max(0, start - 30) : start]
    if before.endswith("state ") and (
        title in ("Senator", "Representative", "Lawmaker") or title in gazetteer.people().state_offices
    ):
        return True
    if title not in gazetteer.people().state_offices:
        return False
    m = _STATE_BEFORE.search(before)
    return m is not None and fold(m.group(1)) in gazetteer.people().us_states


def _org_office(text: str, start: int, title: str) -> bool:
    """'Real Madrid president Florentino Perez', 'Federation president X': the head of a club, company or
    association, not of a state. A country, demonym, government body, party word or acronym before the title
    keeps it public ("Kenyan President", "Senate President", "AU Commission Chairman")."""
    if title not in _ORG_TITLES:
        return False
    m = _RUN_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return False
    gzp = gazetteer.people()
    words = [w.strip(".,'-").removesuffix("'s") for w in m.group(1).split()]
    words = [
        w
        for w in words
        if w and fold(w) not in gzp.modifiers and fold(w) not in _STOP and fold(w.split("-")[0]) not in gzp.modifiers
    ]
    if not words:
        return False
    for i, w in enumerate(words):
        key = fold(w)
        if (len(w) > 1 and w.isupper()) or key in _ORG_WORDS or key in _PARTY_WORDS or _country_of(w):
            return False
        if any(b == key for b in gzp.official_bodies):
            return False
        if i and _country_of(f"{words[i - 1]} {w}"):
            return False
    return True


def _title_hits(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """Titles in (a span of) unified, case-kept text: (start, end, title as written), longest at a spot."""
    automaton = gazetteer.people().title_automaton
    found = [(end - len(key) + 1, end, key) for end, key in automaton.iter(text, lo, len(text) if hi is None else hi)]
    return _longest_whole_words(text, found)


def _doc_title_hits(doc: Doc) -> list[tuple[int, int, str]]:
    """`_title_hits(doc.unified)`, from the article's merged pass of the folded text (bot/detect/scan.py) when it had
    one: a title in the unified text is its folded form in the folded text (same offsets), so a folded hit whose
    unified text is the title as written is a hit of the case-kept automaton, and there are no others."""
    folded_titles = gazetteer.people().folded_titles
    # Folding makes capitals small; one left in the folded text comes from a character that folds to a capital ("𝐀",
    # a dotted I), where a title found in the unified text would not be found folded. (Lowercasing the text to see
    # is some fifteen times faster than a regex search for a capital.)
    if folded_titles is None or folded_titles not in doc.scans or doc.folded.lower() != doc.folded:
        return _title_hits(doc.unified)
    text = doc.unified
    found = [
        (end - len(key) + 1, end, key)
        for end, keys in doc.scans[folded_titles]
        for key in keys
        if text.startswith(key, end - len(key) + 1)
    ]
    return _longest_whole_words(text, found)


def _longest_whole_words(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of titles found (start, last offset, title), those standing as whole words, as (start, end, title), the
    longest at a spot."""
    n = len(text)
    whole: list[tuple[int, int, str]] = []
    for start, end, key in found:
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
            continue
        if end + 1 < n and text[end + 1].isalnum():
            continue
        whole.append((start, end + 1, key))
    whole.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for hit in whole:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = hit[1]
    return kept


def office_sentences(doc: Doc) -> frozenset[int]:
    """The sentences (by index) in which the titles table (bot/data/titles.yaml) finds a state's office, named or not,
    as this reader finds titles: whole words, the capitalised forms only where written so ("Foreign Secretary to visit
    Moscow", "the president will travel"; "sg" in running text is no Secretary-General). Not the titles that firms,
    clubs and movements give too (the table's `not_only_of_states`: "the chief executive")."""
    canon = _title_canon()
    other = gazetteer.people().not_only_of_states
    return frozenset(
        doc.sentence_at(start).index
        for start, _end, written in _doc_title_hits(doc)
        if canon.get(written, written) not in other
    )


def find_people(doc: Doc) -> list[Person]:
    """Officials named in the article, canonical and deduplicated, each with its first evidence sentence."""
    full: list[_Candidate] = []
    surnames: list[_Candidate] = []
    historical: set[tuple[int, str]] = set()  # (sentence, folded name) of the historical figures named
    sentences = doc.sentences
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, written in _doc_title_hits(doc):
        sent = doc.sentence_at(start)
        by_sentence.setdefault(sent.index, []).append((start - sent.start, end - sent.start, written))
    for sent in sentences:
        hits = by_sentence.get(sent.index, [])
        low = sent.folded
        if not hits and " of " not in low:
            continue
        text = doc.unified[sent.start : sent.start + len(low)]
        if (bullet := _BULLET.match(sent.text)) and not _listed_person(text, bullet.end()):
            continue  # bulleted link lists and summary points are page chrome
        if hits:  # (a sentence without a title gives none of its names: only " of " brought it here)
            _titled_candidates(doc, sent, text, hits, full, surnames, historical)
        _head_candidates(sent, text, full)
    _header_candidates(doc, full)
    _speaker_candidates(sentences, full, surnames)
    # A headline from a URL slug has no capitals: a title followed by a watched surname still names them
    # ("statement by president biden on ...").
    for sent in sentences:
        if sent.is_title and not any(c.isupper() for c in sent.text):
            surnames.extend(_slug_surnames(sent.folded, sent.index))
    watched_hits = _watched_hits(doc, historical)
    surnames.extend(_bare_surnames(doc))
    return _resolve(doc, full, surnames, watched_hits)


def _titled_candidates(
    doc: Doc,
    sent: Sentence,
    text: str,
    hits: list[tuple[int, int, str]],
    full: list[_Candidate],
    surnames: list[_Candidate],
    historical: set[tuple[int, str]],
) -> None:
    """The names a sentence gives after or beside its titles ("Foreign Minister Sergey Lavrov", "Ambassador
    Holland", "Lavrov, the foreign minister"), as full names or surnames (`text`: the sentence unified)."""
    gzp = gazetteer.people()
    canon = _title_canon()
    last = doc.sentences[-1].index
    # The last sentence of a cut excerpt may end inside a name.
    cut_at_end = (
        sent.index == last
        and not sent.is_title
        and len(doc.folded) > 1000
        and not sent.text.rstrip().endswith((".", "!", "?", '"', ")", "'"))
    )
    starts = {h[0] for h in hits}
    hist_end: int | None = None
    for start, end, written in hits:
        # A title directly followed by another title ("Press Secretary Maj. Gen. Pat Ryder"): let the
        # later one read the name.
        if end + 1 in starts and text[end : end + 1] == " ":
            continue
        title = canon.get(written, written)
        if _state_official(text, start, title) or _org_office(text, start, title):
            continue
        if _body_after(text, end):
            # "Press Secretary Navy Rear Adm. X", "the General Assembly Hall", "the General Staff X": the words of a
            # body or an armed service after the title are the title's and the title reads no name; a rank after
            # them reads its own ("Adm. X"), and a watched name is found as written.
            continue
        tokens, of_country, name_end = _after_title(text, end)
        if tokens and cut_at_end and name_end >= len(text.rstrip()) and gzp.lookup(" ".join(tokens)) is None:
            tokens = []  # "... Foreign Minister Sergey Lav": the stored excerpt cut the name
        if tokens and _victim(text, start):
            continue  # "the funeral of lawmaker X": the labels leave victims out, official or not
        if tokens and (
            _historical(text, start) or (hist_end is not None and _LIST_ON.match(text, hist_end, start) is not None)
        ):
            # "A century ago, Foreign Secretary X" (and a title joined on to it: "..., Chancellor X and President
            # Y"): a historical figure, in the watched names too.
            hist_end = name_end
            historical.add((sent.index, fold(" ".join(tokens))))
            continue
        if tokens and not _non_official(text, start, name_end):
            country = _country_before(text, start) or of_country
            cand = _Candidate(_clean(tokens), title, country, sent.index)
            (full if len(cand.tokens) >= 2 else surnames).append(cand)
        elif not tokens and (pm := _PLACE_SURNAME.match(text, end)) and _is_place(pm.group(1)):
            # "Ambassador Holland condemns": a place word as the surname, the person only when the article
            # writes the full name ("Neil Holland"); never a watched person of that surname.
            surnames.append(_Candidate([pm.group(1)], title, None, sent.index, place_word=True))
        elif not tokens and start > 3:
            appos = _appositive(text, start, written, hits)
            if appos:
                cand = _Candidate(_clean(appos[0]), title, appos[1], sent.index)
                (full if len(cand.tokens) >= 2 else surnames).append(cand)


def _head_candidates(sent: Sentence, text: str, full: list[_Candidate]) -> None:
    """The heads of government bodies a sentence names (`text`: the sentence unified)."""
    gzp = gazetteer.people()
    low = sent.folded
    # "Alexandre Lomaia, the head of the Georgian security council": head of a government body.
    if " of " in text and (
        "head of" in low or "chief of" in low or "chairman of" in low or "leader of" in low or "director of" in low
    ):
        for cue in _HEAD_CUE.finditer(text):
            m = _NAME_BEFORE.search(text, max(0, cue.start() - 60), cue.start())
            head = _HEAD_OF.match(text, cue.start())
            if m is None or head is None:
                continue
            body = fold(head.group(1))
            if any(b in body for b in gzp.official_bodies) and not _names_non_official(body):
                tokens, _ = _name_at(text, m.start(1))
                if len(tokens) >= 2:
                    full.append(
                        _Candidate(
                            _clean(tokens),
                            "Head",
                            _country_of_phrase(text[cue.start() : cue.start() + 80]),
                            sent.index,
                        )
                    )


def _header_candidates(doc: Doc, full: list[_Candidate]) -> None:
    """Statement headers: a line that is only a name, followed by a line that starts with a title."""
    canon = _title_canon()
    for a, b in itertools.pairwise(doc.sentences):
        if not (a.line_start and b.line_start) or len(a.text) > 40:
            continue
        tokens, end = _name_at(unify(a.text), 0)
        if 2 <= len(tokens) <= 4 and end >= len(a.text.rstrip()) - 1:
            # The title line may name the office's body first ("Department Spokesperson", "U.S. Senior Envoy").
            lead = [
                h
                for h in _title_hits(doc.unified, b.start, b.start + len(b.folded))
                if h[0] == b.start or (len(b.text) <= 60 and _CAPS_ONLY.fullmatch(doc.unified[b.start : h[0]]))
            ]
            if lead:
                full.append(_Candidate(_clean(tokens), canon.get(lead[0][2], lead[0][2]), None, a.index))


def _speaker_candidates(sentences: list[Sentence], full: list[_Candidate], surnames: list[_Candidate]) -> None:
    """Transcript speaker labels in capitals ("SECRETARY RICE:", "FOREIGN MINISTER AMR:"): a title and a
    surname, read like "Secretary Rice"."""
    canon = _title_canon()
    for sent in sentences:
        label = _SPEAKER.match(sent.text) if sent.line_start and sent.text[1:2].isupper() else None
        if label:
            spoken = unify(label.group(1).title())
            for start, end, written in _title_hits(spoken):
                if start == 0:
                    tokens, _ = _name_at(spoken, end + 1)
                    if tokens:
                        cand = _Candidate(_clean(tokens), canon.get(written, written), None, sent.index)
                        (full if len(cand.tokens) >= 2 else surnames).append(cand)
                    break


def _watched_hits(doc: Doc, historical: set[tuple[int, str]]) -> list[tuple[gazetteer.Watched, int]]:
    """Watched people by full name or alias anywhere, written with a capital (unless the article has none),
    with the index of their sentence; not where a sentence names them as historical figures."""
    gzp = gazetteer.people()
    text = doc.folded
    n = len(text)
    watched_hits: list[tuple[gazetteer.Watched, int]] = []
    for end, (key, person) in doc.hits(gzp.automaton):
        start = end - len(key) + 1
        if " " not in key or (start > 0 and text[start - 1].isalnum()) or (end + 1 < n and text[end + 1].isalnum()):
            continue
        sent = doc.sentence_at(start)
        if _BULLET.match(sent.text):
            continue
        local = start - sent.start
        if not sent.text[local : local + 1].isupper() and any(c.isupper() for c in sent.text):
            continue
        if (sent.index, key) in historical or _historical(sent.text, local):
            continue  # "A century ago, President Woodrow Wilson": a historical figure
        watched_hits.append((person, sent.index))
    return watched_hits


_CAP_WORD = lazyre.compile(r"\b[A-Za-z][a-z]{3,}")


def _is_title_case(text: str) -> bool:
    """A headline or chrome line in title case: nearly every word of four letters or more is capitalised."""
    words = _CAP_WORD.findall(text)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_INSTITUTION_AFTER = frozenset(
    [
        "administration",
        "administrations",
        "government",
        "regime",
        "cabinet",
        "era",
        "doctrine",
        "years",
        "presidency",
        "white",
    ]
)
_VENUE_PREV = frozenset(["in", "at", "from", "to", "near", "into", "outside", "across"])


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in gazetteer.people().titles for w in fold(t).replace(".", " ").split())


def _bare_surnames(doc: Doc) -> list[_Candidate]:
    """A watched leader's distinctive surname standing alone ("Maduro refused", "Kerry says"); not one that names
    a government ("the Maduro regime", "the Obama administration": the labels list no person for those).

    Not when a capitalised word other than a title (or titles: "Presidents Erdogan and Aliyev") or the leader's own
    name stands right before it ("Ron Johnson": another person, and then no bare mention of that surname counts),
    nor right after it ("Austin Peay"), nor after a preposition of place ("in Austin").
    """
    gzp = gazetteer.people()
    automaton = gzp.bare_automaton
    if not len(automaton):
        return []
    text = doc.folded
    unified = doc.unified
    n = len(text)
    found: list[tuple[str, gazetteer.Watched, int]] = []
    blocked: set[str] = set()
    title_words = _title_words()
    for end, (key, person) in doc.hits(automaton):
        start = end - len(key) + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < n and text[end + 1].isalnum()):
            continue
        if not unified[start].isupper() or unified[start + 1 : end + 1].isupper():
            continue
        before = unified[max(0, start - 30) : start]
        prev_m = _PREV_WORD.search(before)
        prev = prev_m.group(1) if prev_m else ""
        if prev[:1].isupper() and before.endswith(" "):
            word = fold(prev.rstrip("."))
            if (
                word not in title_words
                and word.removesuffix("s") not in title_words  # "Prime Ministers Modi and Sharif"
                and word not in gzp.name_words.get(person.name, ())
                and word not in _STOP
                and word not in gzp.name_enders
            ):
                blocked.add(key)
                continue
        if fold(prev) in _VENUE_PREV and _is_place(key):
            continue  # "in Austin"; "opposition to Putin's war" is the man
        sent = doc.sentence_at(start)
        nxt = _NEXT_WORD.match(unified, end + 1)
        if nxt and nxt.group(1)[:1].isupper() and not _is_title_case(sent.text):
            continue  # "Austin Peay"; in a headline the next word is capitalised anyway
        if nxt and fold(nxt.group(1)).removesuffix("'s") in _INSTITUTION_AFTER:
            continue  # "the Obama administration", "the Assad regime" name a government, not the person
        if _BULLET.match(sent.text):
            continue
        found.append((key, person, sent.index))
    return [_Candidate([key], None, None, sentence) for key, _person, sentence in found if key not in blocked]


@functools.cache
def _folded_titles() -> frozenset[str]:
    return frozenset(fold(t) for t in gazetteer.people().titles)


def _slug_surnames(folded: str, sentence: int) -> list[_Candidate]:
    """Title + watched surname in an all-lowercase headline."""
    gzp = gazetteer.people()
    titles = _folded_titles()
    words = folded.split()
    out: list[_Candidate] = []
    for j, word in enumerate(words):
        word = word.strip(".,:;'\"()")
        if j == 0 or word not in gzp.by_surname:
            continue
        for k in range(1, min(4, j) + 1):
            written = " ".join(words[j - k : j])
            if written in titles:
                out.append(
                    _Candidate([word.title()], _title_canon().get(written.title(), written.title()), None, sentence)
                )
                break
    return out


def _country_of_phrase(phrase: str) -> str | None:
    m = _OF_NAME.search(phrase)
    if m:
        return _country_of(m.group(1)) or _country_of(m.group(1).split()[0])
    m = _FIRST_CAP.match(phrase)
    return _country_of(m.group(1)) if m else None


def _office_word(word: str) -> bool:
    """A word of an office or a body, never of a person's name ("Defense", "Ministry", "Secretary", "the")."""
    key = fold(word.rstrip("."))
    return key in _title_words() or key in _STOP or key in _ORG_WORDS or key in _BODY_NOUNS


def _full_name_in(doc: Doc, surname: str) -> str | None:
    """The one full name ending in this surname that the article writes ("Ahmed Omar" for "Omar")."""
    if len(surname) < 3 or not surname[:1].isupper():
        return None
    if surname.isupper():
        return None  # "PM EDT"
    found: set[str] = set()
    title_words = _title_words()
    for m in re.finditer(rf"\b((?:[A-Z][\w'-]+\s+){{1,2}}){re.escape(surname)}\b", doc.unified):
        start = m.start(1)
        first = _FIRST_WORD.match(doc.unified, start)
        if first and len(m.group(1).split()) == 2 and _office_word(first.group(1)):
            # "... of the Department of National Defense Carlito Galvez": an office the titles do not know ends
            # right before the given name.
            start = first.end()
        tokens, _ = _name_at(doc.unified, start)
        if (
            len(tokens) >= 2
            and tokens[-1] == surname
            and not any(fold(t.rstrip(".")) in title_words or fold(t.rstrip(".")) in _STOP for t in tokens[:-1])
        ):
            found.add(" ".join(_clean(tokens)))
    return found.pop() if len(found) == 1 else None


@dataclass(slots=True)
class _Named:
    """The people resolved so far: by folded name, in the order of their first sentence, and by surname."""

    doc: Doc
    people: dict[str, Person] = field(default_factory=dict)
    order: list[tuple[int, str]] = field(default_factory=list)
    by_surname: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, title: str | None, country: str | None, sentence: int, watched: bool = False) -> None:
        """One more mention of a person: a new person, or the title and country the one named before lacked."""
        gzp = gazetteer.people()
        people, order, by_surname = self.people, self.order, self.by_surname
        key = fold(name)
        if key not in people:
            # "Steven Mnuchin" then "Steve Mnuchin" (a caption): one surname, one initial, one person. A
            # watched spelling replaces a written one.
            same = by_surname.get(fold(gazetteer.surname(name)))
            if same is not None and _same_given(same, key):
                if watched and gzp.lookup(people[same].name) is None:
                    old = people.pop(same)
                    people[key] = Person(name, old.title or title, old.country or country, old.evidence)
                    order[:] = [(s, key if k == same else k) for s, k in order]
                    by_surname[fold(gazetteer.surname(name))] = key
                    return
                key = same
        if key in people:
            old = people[key]
            if (old.title is None and title) or (old.country is None and country):
                people[key] = Person(old.name, old.title or title, old.country or country, old.evidence)
            return
        people[key] = Person(name, title, country, self.doc.sentences[sentence].text)
        order.append((sentence, key))
        by_surname.setdefault(fold(gazetteer.surname(name)), key)
        if given := _patronymic_given(name):
            by_surname.setdefault(fold(given), key)


def _same_given(a: str, b: str) -> bool:
    """Whether two folded names with one last word may be one person: their given names open alike ("steven",
    "steve") or one is an initial. Not "thida oo" and "tin oo", nor "thet naing oo": a Burmese name has no surname,
    and a letter or two in common is no evidence."""
    x, y = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    return x[:1] == y[:1] and (len(x) == 1 or len(y) == 1 or x[:3] == y[:3])


_PATRONYMIC = frozenset(["bin", "bint", "ibn"])
# Titles of royals, who are called by their given name after their full name ("King Abdullah", "Emir Tamim").
_ROYAL = frozenset(["Prince", "Crown Prince", "King", "Queen", "Emir", "Sultan"])


def _patronymic_given(name: str) -> str | None:
    """The given name by which an Arab name with a patronymic is shortened ("Prince Faisal" for "Faisal bin Farhan
    Al Saud", "Sheikh Tamim" for "Tamim bin Hamad Al Thani"): the word before the first 'bin', 'bint' or 'ibn'."""
    words = name.split()
    return words[0] if len(words) >= 3 and words[1] in _PATRONYMIC else None


def _resolve(
    doc: Doc, full: list[_Candidate], surnames: list[_Candidate], watched_hits: list[tuple[gazetteer.Watched, int]]
) -> list[Person]:
    """The people of the candidates: full names first (in sentence order), then the watched people's hits, then
    surnames, which resolve to a person already named or to one watched person."""
    named = _Named(doc)
    full = sorted(full, key=lambda c: c.sentence)
    for cand in full:
        _add_full_name(named, cand)
    for person, sentence in watched_hits:
        named.add(person.name, person.title, person.country, sentence, True)
    for cand in surnames:
        _add_surname(named, cand)
    named.order.sort()
    return [named.people[k] for _, k in named.order]


def _add_full_name(named: _Named, cand: _Candidate) -> None:
    """A full-name candidate as its watched person (the longest watched name it opens with), or as written."""
    gzp = gazetteer.people()
    title_words = _title_words()
    if len(cand.tokens) < 2:
        return  # suffixes and initials alone ("Jr.") are no name
    if all(fold(t.rstrip(".")) in title_words for t in cand.tokens):
        return  # an office, not its holder: "the spokesperson of EU High Representative, Catherine Ashton"
    if len(cand.tokens[0]) >= 3 and cand.tokens[0].isupper() and not all(t.isupper() for t in cand.tokens):
        return  # an organisation's initials lead no person's name: "FCO Plaque", "NATO Headquarters"
    # A body's initials before the name: "EU Catherine Ashton, the High Representative".
    if cand.tokens[0].isupper() and fold(cand.tokens[0].rstrip(".")) in _ORG_WORDS and len(cand.tokens) >= 3:
        cand.tokens = cand.tokens[1:]
    if fold(cand.tokens[-1]) in _BODY_NOUNS:
        return  # a body's name read after its office: "Chair of the Union Election Commission"
    written = " ".join(cand.tokens)
    watched = gzp.lookup(written) or gzp.lookup_variant(written)
    if watched is None and len(cand.tokens) >= 3:
        # "Mohammed bin Salman Al Saud": a watched name followed by more capitalised words.
        watched = next(
            (w for k in range(len(cand.tokens) - 1, 1, -1) if (w := gzp.lookup(" ".join(cand.tokens[:k]))) is not None),
            None,
        )
    if watched:
        named.add(watched.name, cand.title or watched.title, cand.country or watched.country, cand.sentence, True)
    else:
        named.add(written, cand.title, cand.country, cand.sentence)


def _add_surname(named: _Named, cand: _Candidate) -> None:
    """A surname candidate as the person of that surname named before, the one watched person it can be, or the
    full name the article gives it elsewhere."""
    gzp = gazetteer.people()
    if not cand.tokens:
        return
    key = fold(cand.tokens[0])
    if key in named.by_surname:
        return  # "Blinken said" after "Antony Blinken": the same person
    if cand.title in _ROYAL and any(fold(p.name.split()[0]) == key for p in named.people.values()):
        return  # "Prince Saud" after "Prince Saud al-Faisal": royals go by their given name
    options = () if cand.place_word else gzp.by_surname.get(key, ())
    if (len(options) > 1 or key in gzp.common_surnames) and cand.title:
        # "Secretary Rice" among two watched Rices: the one whose usual title shares a word. A common
        # surname needs such a title too ("Minister Omar" is not the Taliban's Mullah Omar).
        words = set(fold(cand.title).split()) - {"of", "the", "for"}
        options = tuple(w for w in options if w.title and words & set(fold(w.title).split()))
    if len(options) == 1:
        w = options[0]
        named.add(w.name, w.title or cand.title, w.country or cand.country, cand.sentence)
    elif not options and cand.title:
        # "Ahmed Omar arrived ... Later, Minister Omar said": the full name the article gave without
        # a title.
        full_name = _full_name_in(named.doc, cand.tokens[0])
        if full_name:
            named.add(full_name, cand.title, cand.country, cand.sentence)
