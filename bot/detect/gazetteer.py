"""Gazetteers loaded once from bot/data (places, titles, watched people, topics) with their automatons."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

import ahocorasick
import pycountry
import yaml

from bot.detect.text import fold, unify

# A table of bot/data as YAML gives it: each file has its own shape, which the function that builds that table
# walks (places, people, topics...), so the loader shared by all of them says no more than "a mapping".
YAMLTable = dict[str, Any]
_K = TypeVar("_K")


def _load(name: str) -> YAMLTable:
    text = resources.files("bot.data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True, slots=True)
class PlaceName:
    """One way of writing a place, and what it names."""

    country: str | None  # reported country name, or None for a region without an implied country
    kind: str  # country | alias | demonym | capital | seat | region
    written: str  # the name as the gazetteer spells it
    case_sensitive: bool = False
    region: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A region reported on its own and mapped to the countries it belongs to."""

    name: str
    countries: tuple[str, ...]
    implies_country: bool


@dataclass(frozen=True, slots=True)
class Places:
    """The place gazetteer: one automaton over every name, plus context word lists."""

    automaton: Any  # folded name -> (key length, entries)
    regions: dict[str, Region]
    countries: frozenset[str]
    ambiguous: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    other_after: dict[str, re.Pattern[str]]  # ambiguous name -> words right after it that mean the other sense
    venue_words: frozenset[str]
    demonym_before: frozenset[str]
    demonym_after: frozenset[str]
    by_code: dict[str, str]

    def resolve(self, name: str) -> tuple[set[str], set[str]]:
        """Countries and regions a rule's place name stands for ("AZ", "Azeri", "Karabakh")."""
        key = fold(name.strip())
        countries: set[str] = set()
        regions: set[str] = set()
        if name.strip().upper() in self.by_code:
            countries.add(self.by_code[name.strip().upper()])
        if key in self.automaton:
            for entry in self.automaton.get(key)[1]:
                if entry.region:
                    regions.add(entry.region)
                elif entry.country:
                    countries.add(entry.country)
        return countries, regions


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 4


@functools.cache
def places() -> Places:
    """The place gazetteer (built on first use)."""
    data = _load("places.yaml")
    names = _PlaceNames(set(data.get("case_sensitive", [])))
    countries, by_code = names.add_countries(data.get("display_names", {}), set(data.get("skip_names", [])))
    countries |= names.add_aliases(data.get("aliases") or {})
    names.add_demonyms(data.get("demonyms") or {})
    for city, canonical in (data.get("capitals") or {}).items():
        names.add(city, PlaceName(canonical, "capital", city, True))
    for seat, canonical in (data.get("seats") or {}).items():
        names.add(seat, PlaceName(canonical, "seat", seat, True))
    regions = names.add_regions(data.get("regions") or {})
    for written in data.get("not_places") or []:
        # Names that hold a country's name but name something else ("Voice of America", "New Mexico"):
        # the longer match wins and reports nothing.
        names.add(written, PlaceName(None, "none", written, True))
    ambiguous = {
        name: (tuple(fold(w) for w in spec.get("other", [])), tuple(fold(w) for w in spec.get("country", [])))
        for name, spec in (data.get("ambiguous") or {}).items()
    }
    other_after = {
        name: re.compile(r"(?:'s)?\s+(?:" + "|".join(re.escape(fold(w)) for w in spec["other_after"]) + r")(?!\w)")
        for name, spec in (data.get("ambiguous") or {}).items()
        if spec.get("other_after")
    }
    blockers = data.get("demonym_blockers") or {}
    return Places(
        automaton=names.automaton(),
        regions=regions,
        countries=frozenset(countries),
        ambiguous=ambiguous,
        other_after=other_after,
        venue_words=frozenset(fold(w) for w in data.get("venue_words", [])),
        demonym_before=frozenset(blockers.get("before", [])),
        demonym_after=frozenset(blockers.get("after", [])),
        by_code=by_code,
    )


class _PlaceNames:
    """The gazetteer's names as they are added: folded name -> what it names (each entry once, in order)."""

    def __init__(self, case_sensitive: set[str]) -> None:
        self.case_sensitive = case_sensitive
        self.names: dict[str, list[PlaceName]] = {}

    def add(self, written: str, entry: PlaceName) -> None:
        bucket = self.names.setdefault(fold(written), [])
        if entry not in bucket:
            bucket.append(entry)

    def add_countries(self, display: dict[str, str], skip: set[str]) -> tuple[set[str], dict[str, str]]:
        """Every country of ISO 3166 (but `skip`) by its names, shown by its display name: the countries, and
        the display name by alpha-2 and alpha-3 code."""
        countries: set[str] = set()
        by_code: dict[str, str] = {}
        for c in pycountry.countries:
            if c.name in skip:
                continue
            canonical = display.get(c.name, getattr(c, "common_name", None) or c.name)
            countries.add(canonical)
            by_code[c.alpha_2] = canonical
            by_code[c.alpha_3] = canonical
            written_forms = {canonical, c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
            for written in written_forms:
                if not written or "," in written:
                    continue
                case = written in self.case_sensitive or canonical in self.case_sensitive
                self.add(written, PlaceName(canonical, "country", written, case))
        return countries, by_code

    def add_aliases(self, aliases: dict[str, list[str]]) -> set[str]:
        """Other names of countries (the countries named)."""
        for canonical, written in aliases.items():
            for alias in written:
                self.add(alias, PlaceName(canonical, "alias", alias, _is_caps(alias) or alias in self.case_sensitive))
        return set(aliases)

    def add_demonyms(self, demonyms: dict[str, list[str]]) -> None:
        """A country's people and adjectives, with the plural of those ending in -n or -i ("Afghans")."""
        for canonical, written in demonyms.items():
            for dem in written:
                forms = {dem}
                if dem[-1] in "ni" and not dem.endswith("ese"):
                    forms.add(dem + "s")
                for form in forms:
                    self.add(form, PlaceName(canonical, "demonym", form, True))

    def add_regions(self, specs: dict[str, Any]) -> dict[str, Region]:
        """The regions by their names (the first country implied where the region says so)."""
        regions: dict[str, Region] = {}
        for rname, spec in specs.items():
            region = Region(rname, tuple(spec.get("countries") or ()), bool(spec.get("implies_country")))
            regions[rname] = region
            for written in spec.get("names") or [rname]:
                country = region.countries[0] if region.implies_country and region.countries else None
                self.add(written, PlaceName(country, "region", written, True, rname))
        return regions

    def automaton(self) -> Any:
        """An automaton of the folded names: key -> (its length, what it names)."""
        automaton = ahocorasick.Automaton()
        for key, entries in self.names.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        automaton.make_automaton()
        return automaton


@dataclass(frozen=True, slots=True)
class Watched:
    """A watched official: canonical name, usual title and country."""

    name: str
    title: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class People:
    """Watched people by every written form, by surname, and the title vocabulary."""

    by_form: dict[str, Watched]  # folded full name or alias -> person
    by_surname: dict[str, tuple[Watched, ...]]  # folded surname -> people
    automaton: Any
    titles: dict[str, str]  # title as written -> canonical title
    title_automaton: Any  # case-kept title as written -> itself
    # folded title -> the case-kept titles that fold to it, so the merged pass of the folded text finds titles too
    # (people._doc_title_hits); None when a title is not ASCII (its folded form may not be where the text has it).
    folded_titles: Any
    modifiers: tuple[str, ...]
    non_official_orgs: tuple[str, ...]
    official_bodies: tuple[str, ...]
    name_enders: frozenset[str]  # folded words that end a name in title-case text ("Says", "Meets")
    honorifics: frozenset[str]  # folded forms of address before a name ("Sheikh"), no office by themselves
    state_offices: frozenset[str]  # canonical titles that a US state also has (its secretary of state)
    not_only_of_states: frozenset[str]  # canonical titles that firms, clubs and movements give too ("Chief")
    us_states: frozenset[str]  # folded US state names
    by_loose: dict[str, Watched]  # loose key (no hyphens, no al-/el-) -> person
    by_ends: dict[tuple[str, str], tuple[Watched, ...]]  # (first, last) word of the loose key -> people
    by_last: dict[str, tuple[tuple[str, tuple[Watched, ...]], ...]]  # last word -> (first word, people)
    # (skeleton of the given names, skeleton of the last word) -> (given names run together, last word, person)
    by_skeleton: dict[tuple[str, str], tuple[tuple[str, str, Watched], ...]]
    bare_automaton: Any  # folded distinctive surname -> (surname, person): a surname alone names them
    common_surnames: frozenset[str]  # folded surnames that need a fitting title to name a watched person
    name_words: dict[str, frozenset[str]]  # canonical name -> folded words of all its written forms

    def lookup(self, name: str) -> Watched | None:
        """The watched person a written name stands for, if any."""
        return self.by_form.get(fold(name))

    def lookup_variant(self, name: str) -> Watched | None:
        """A watched person under another spelling: "El Sisi" for el-Sisi, a middle name added
        ("Omar Hassan al-Bashir" for Omar al-Bashir)."""
        key = loose_key(name)
        if key in self.by_loose:
            return self.by_loose[key]
        parts = key.split()
        if len(parts) >= 3:
            found = self.by_ends.get((parts[0], parts[-1]), ())
            if len(found) == 1:
                return found[0]
        if len(parts) >= 2 and len(parts[-1]) >= 4:
            # A transliteration of the given name ("Mahmud Abbas", "Abdul Fattah el-Sisi"): same family
            # name, given name within two letters.
            close = {
                w
                for first, people in self.by_last.get(parts[-1], ())
                if first[:1] == parts[0][:1] and _within_two(first, parts[0])
                for w in people
            }
            if len(close) == 1:
                return close.pop()
        if len(parts) >= 2:
            return self._romanised(parts)
        return None

    def _romanised(self, parts: list[str]) -> Watched | None:
        """A watched person whose whole name another romanisation writes: the given names and the family name
        spelled with other vowels, letters doubled or not, an 'h' or a space more or less ("Abdu Rabu Mansour Hadi"
        for Abdrabbuh Mansur Hadi, "Mahinda Rajapakse" for Mahinda Rajapaksa, "Asiam Bajaw" for Asim Bajwa).

        Their skeletons (`_skeleton`) must agree, the given names' with three letters or more ("Ali" is too short to
        tell), and so must their first letters; and either the family name is
        the same, or both differ by at most one edit (a letter changed, moved, added or dropped) in a family name of
        five letters or more with at least three in its skeleton. Not "John Kerr" for John Kerry, "Valerie Amis" for
        Valerie Amos (short family names), "Mark Miller" for Mark Milley (other consonants), "William Barnes" for
        William Burns or "Mohammed bin Sulaiman" for Mohammed bin Salman (more edits): another person."""
        given, last = "".join(parts[:-1]), parts[-1]
        g_skel, l_skel = _skeleton(given), _skeleton(last)
        if len(g_skel) < 3:
            return None
        found = {
            person
            for w_given, w_last, person in self.by_skeleton.get((g_skel, l_skel), ())
            if w_given[:1] == given[:1]
            and w_last[:1] == last[:1]
            and (
                w_last == last
                or (len(last) >= 5 and len(l_skel) >= 3 and _edits(w_last, last) <= 1 and _edits(w_given, given) <= 1)
            )
        }
        return found.pop() if len(found) == 1 else None


_SKELETON_DROP = str.maketrans("", "", "aeiouyh")
_RUNS = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    """A name's letters as romanisations agree on them: the first letter, then the consonants but 'h', each run of
    one letter once ("abdrabbuh" and "abdurabu" -> "abdrb"; "rajapakse" and "rajapaksa" -> "rjpks")."""
    word = "".join(c for c in word if c.isalpha())
    return _RUNS.sub(r"\1", word[:1] + word[1:].translate(_SKELETON_DROP))


def _edits(a: str, b: str) -> int:
    """Edits from one word to the other, a letter changed, added, dropped or moved one place counting one
    (optimal string alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def _within_two(a: str, b: str) -> bool:
    """Edit distance at most 2 (short words: at most 1)."""
    if a == b:
        return True
    limit = 1 if min(len(a), len(b)) <= 4 else 2
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= limit


_LOOSE_DROP = frozenset(["al", "el", "ul", "ad", "as", "an", "ash", "at", "az"])


def loose_key(name: str) -> str:
    """A spelling-tolerant key: folded, hyphens as spaces, Arabic article particles dropped."""
    words = fold(name).replace("-", " ").replace("'", "").split()
    return " ".join(w for w in words if w not in _LOOSE_DROP)


def _surname(name: str) -> str:
    parts = [p for p in name.replace(",", " ").split() if p.lower() not in {"jr.", "jr", "ii", "iii", "iv"}]
    return parts[-1] if parts else name


@functools.cache
def people() -> People:
    """The watched-people list and title vocabulary (built on first use)."""
    data = _load("people.yaml")
    titles_data = _load("titles.yaml")
    by_form, by_surname, automaton = _watched(data.get("people") or [])
    by_loose, ends = _loose_forms(by_form)
    # A watched surname alone ("the Maduro regime", "Putin said") names the person when it is theirs
    # alone, long enough, and not an everyday surname or word listed in people.yaml.
    common = {fold(w) for w in data.get("common_surnames") or ()}
    one_word = {fold(a) for spec in data.get("people") or [] for a in spec.get("aliases") or [] if " " not in a.strip()}
    bare_automaton = _bare_automaton(by_surname, common | _houses(data.get("people") or []), one_word)
    name_words: dict[str, set[str]] = {}
    for form_key, person in by_form.items():
        name_words.setdefault(person.name, set()).update(form_key.replace("-", " ").split())
    last_index: dict[str, list[tuple[str, tuple[Watched, ...]]]] = {}
    for (first, last), bucket in ends.items():
        last_index.setdefault(last, []).append((first, tuple(bucket)))
    by_last = {k: tuple(v) for k, v in last_index.items()}
    us_states = frozenset(
        fold(s.name) for s in pycountry.subdivisions.get(country_code="US") or () if s.type == "State"
    )
    titles = dict(titles_data.get("titles") or {})
    title_automaton = ahocorasick.Automaton()
    for written in titles:
        title_automaton.add_word(unify(written), unify(written))
    title_automaton.make_automaton()
    return People(
        by_form=by_form,
        by_surname={k: tuple(v) for k, v in by_surname.items()},
        automaton=automaton,
        titles=titles,
        title_automaton=title_automaton,
        folded_titles=_folded_titles([unify(written) for written in titles]),
        modifiers=tuple(titles_data.get("modifiers") or ()),
        non_official_orgs=tuple(fold(w) for w in titles_data.get("non_official_orgs") or ()),
        official_bodies=tuple(fold(w) for w in titles_data.get("official_bodies") or ()),
        name_enders=frozenset(fold(w) for w in titles_data.get("name_enders") or ()),
        honorifics=frozenset(fold(w) for w in titles_data.get("honorifics") or ()),
        state_offices=frozenset(titles_data.get("state_offices") or ()),
        not_only_of_states=frozenset(titles_data.get("not_only_of_states") or ()),
        us_states=us_states,
        by_loose=by_loose,
        by_ends={k: tuple(v) for k, v in ends.items()},
        by_last=by_last,
        by_skeleton=_skeletons(by_loose),
        bare_automaton=bare_automaton,
        common_surnames=frozenset(common),
        name_words={k: frozenset(v) for k, v in name_words.items()},
    )


def _folded_titles(titles: list[str]) -> Any:
    if not all(t.isascii() for t in titles):
        return None
    by_fold: dict[str, list[str]] = {}
    for title in dict.fromkeys(titles):
        by_fold.setdefault(fold(title), []).append(title)
    automaton = ahocorasick.Automaton()
    for key, written in by_fold.items():
        automaton.add_word(key, tuple(written))
    automaton.make_automaton()
    return automaton


def _add_once(index: dict[_K, list[Watched]], key: _K, person: Watched) -> None:
    bucket = index.setdefault(key, [])
    if person not in bucket:
        bucket.append(person)


def _watched(specs: list[Any]) -> tuple[dict[str, Watched], dict[str, list[Watched]], Any]:
    """The watched people of people.yaml: by each folded name and alias (the first person to have it), by
    surname, and an automaton of those names."""
    by_form: dict[str, Watched] = {}
    by_surname: dict[str, list[Watched]] = {}
    automaton = ahocorasick.Automaton()
    for spec in specs:
        person = Watched(spec["name"], spec.get("title"), spec.get("country"))
        forms = [spec["name"], *(spec.get("aliases") or [])]
        for form in forms:
            by_form.setdefault(fold(form), person)
            automaton.add_word(fold(form), (fold(form), person))
        for form in forms:
            # A one-word alias ("Pashinian", "Hemedti") is itself a surname-like handle.
            _add_once(by_surname, fold(_surname(form)) if " " in form.strip() else fold(form), person)
    automaton.make_automaton()
    return by_form, by_surname, automaton


def _loose_forms(by_form: dict[str, Watched]) -> tuple[dict[str, Watched], dict[tuple[str, str], list[Watched]]]:
    """The names by their loose key (the first person to have it), and the people by a name's first and last
    word."""
    by_loose: dict[str, Watched] = {}
    ends: dict[tuple[str, str], list[Watched]] = {}
    for form_key, person in by_form.items():
        key = loose_key(form_key)
        by_loose.setdefault(key, person)
        parts = key.split()
        if len(parts) >= 2:
            _add_once(ends, (parts[0], parts[-1]), person)
    return by_loose, ends


def _skeletons(by_loose: dict[str, Watched]) -> dict[tuple[str, str], tuple[tuple[str, str, Watched], ...]]:
    """The names of two words or more by the skeletons of their given names and last word (`People._romanised`)."""
    out: dict[tuple[str, str], list[tuple[str, str, Watched]]] = {}
    for key, person in by_loose.items():
        parts = key.split()
        if len(parts) >= 2:
            given, last = "".join(parts[:-1]), parts[-1]
            entry = (given, last, person)
            bucket = out.setdefault((_skeleton(given), _skeleton(last)), [])
            if entry not in bucket:
                bucket.append(entry)
    return {k: tuple(v) for k, v in out.items()}


def _houses(specs: list[Any]) -> set[str]:
    """Royal houses written after 'Al' in the watched names ("Al Saud", "Al Thani"): every prince of the house
    bears the name, so it never names one of them alone."""
    return {
        fold(words[-1])
        for spec in specs
        for form in [spec["name"], *(spec.get("aliases") or [])]
        if len(words := form.split()) >= 3 and words[-2] == "Al"
    }


def _bare_automaton(by_surname: dict[str, list[Watched]], common: set[str], one_word: set[str]) -> Any:
    """An automaton of the surnames that name one watched person alone: one word, four letters or more (or a
    one-word alias), not an everyday surname."""
    automaton = ahocorasick.Automaton()
    for key, persons in by_surname.items():
        if len(persons) == 1 and (len(key) >= 4 or key in one_word) and key not in common and " " not in key:
            automaton.add_word(key, (key, persons[0]))
    if len(automaton):
        automaton.make_automaton()
    return automaton


@functools.cache
def topics() -> dict[str, tuple[str, ...]]:
    """Topic name -> its terms (query-language terms: words, phrases, prefix wildcards)."""
    data = _load("topics.yaml")
    return {name: tuple(str(t) for t in terms) for name, terms in (data.get("topics") or {}).items()}


def surname(name: str) -> str:
    """The last name part of a full name, ignoring suffixes such as Jr. or III."""
    return _surname(name)
