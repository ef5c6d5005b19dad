"""Offices in watch rules: `people: ["US Secretary of State"]` stands for whoever held the office on the
article's date, from the dated table bot/data/offices.yaml (refreshed by `python -m bot.data.refresh_offices`).

A rule's office matches an article that names a holder of that day (as a detected official or by name): an
article quoting Hillary Clinton in 2010 names the US Secretary of State, one quoting her in 2016 does not.
"Secretary of State" alone is no office of the table (a US state has one too: "Georgia's Secretary of
State"): a rule is told to name the country. A person named in `people:` is not an office: it matches
whatever office they hold.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import yaml

from bot.detect import gazetteer
from bot.detect.text import name_key as key

# Words that make a written phrase an office rather than a person's name ("Secretary of State", "Premier").
_OFFICE_WORDS = frozenset(
    ["secretary", "minister", "president", "premier", "chancellor", "prime", "chief", "head", "leader", "general"]
)


@dataclass(frozen=True, slots=True)
class Term:
    """One holder's time in an office, both days included (`end` None: still in office)."""

    name: str  # canonical name, as the people detector reports it
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        """Whether the holder held the office on `day`."""
        return self.start <= day and (self.end is None or day <= self.end)

    def describe(self) -> str:
        """'2009-01-21..2013-02-01' or '2025-01-21..'."""
        return f"{self.start.isoformat()}..{self.end.isoformat() if self.end else ''}"


@dataclass(frozen=True, slots=True)
class Office:
    """An office of the table: id, canonical name, the other names analysts type, country and holders."""

    id: str
    name: str
    country: str | None
    names: tuple[str, ...]
    terms: tuple[Term, ...]
    wikidata: str | None = None

    def holders_on(self, day: date) -> tuple[str, ...]:
        """Who held the office on `day` (two on a hand-over day)."""
        return tuple(dict.fromkeys(t.name for t in self.terms if t.covers(day)))

    @property
    def holders(self) -> tuple[str, ...]:
        """Everyone who held the office, in order, once each."""
        return tuple(dict.fromkeys(t.name for t in self.terms))


@dataclass(frozen=True, slots=True)
class Offices:
    """The table: offices in order, by every name they are written under."""

    offices: tuple[Office, ...]
    by_key: Mapping[str, Office]
    updated: str

    def find(self, written: str) -> Office | None:
        """The office a rule's `people:` entry names, if it names one."""
        return self.by_key.get(key(written))

    def suggest(self, written: str, limit: int = 5) -> list[str]:
        """Offices close to an unknown office-like phrase: those whose names hold all its words, then the
        nearest spellings."""
        words = set(key(written).split()) - {"of", "the", "for"}
        found = [
            o.name
            for o in self.offices
            if words and any(words <= set(k.split()) for k in (key(n) for n in (o.name, *o.names)))
        ]
        if not found:
            close = difflib.get_close_matches(key(written), list(self.by_key), n=limit, cutoff=0.6)
            found.extend(self.by_key[k].name for k in close)
        return list(dict.fromkeys(found))[:limit]


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Words an office is written with: the table's office names, the titles news style uses, linking words."""
    words = set(_OFFICE_WORDS) | {"of", "the", "for", "and", "state", "foreign", "affairs", "deputy", "vice", "fm"}
    for office in table().offices:
        for name in (office.name, *office.names):
            words.update(key(name).split())
    for title in gazetteer.people().titles:
        words.update(key(title).split())
    return frozenset(words)


def office_like(written: str) -> bool:
    """Whether a phrase reads as an office ("Secretary of State", "Georgia's Secretary of State", "Russian
    Foreign Ministr"), not as a person's name ("General Burhan"): an office word, and nothing but office
    words, places (four letters or more, so no country code) and near misspellings of office words."""
    words = [w.removesuffix("'s") for w in key(written).split()]
    vocabulary = _vocabulary()

    def close(word: str, among: frozenset[str]) -> bool:
        return word in among or bool(difflib.get_close_matches(word, among, n=1, cutoff=0.8))

    def known(word: str) -> bool:
        return close(word, vocabulary) or (len(word) >= 4 and bool(gazetteer.places().resolve(word)[0]))

    return any(close(w, _OFFICE_WORDS) for w in words) and all(known(w) for w in words)


def hint(written: str) -> str:
    """What to write instead of an unknown office: the nearest offices of the table, and where it is."""
    near = table().suggest(written)
    return (
        (f"did you mean {' or '.join(near)}? " if near else "")
        + "name the country with the office (US Secretary of State, Russian Foreign Minister) or the person "
        "(Antony Blinken); the offices are listed in bot/data/offices.yaml"
    )


def _day(value: Any, where: str) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"bot/data/offices.yaml: {where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def parse(data: Mapping[str, Any]) -> Offices:
    """The table from its YAML data; holders' names are made canonical with the watched-people list."""
    watched = gazetteer.people()
    offices: list[Office] = []
    by_key: dict[str, Office] = {}
    for office_id, spec in (data.get("offices") or {}).items():
        terms = []
        for row in spec.get("holders") or ():
            person = watched.lookup(str(row["name"]))
            where = f"{office_id}: {row['name']}"
            end = row.get("end")
            terms.append(
                Term(
                    person.name if person else str(row["name"]),
                    _day(row["start"], where),
                    _day(end, where) if end else None,
                )
            )
        office = Office(
            str(office_id),
            str(spec["name"]),
            spec.get("country"),
            tuple(str(n) for n in spec.get("names") or ()),
            tuple(sorted(terms, key=lambda t: t.start)),
            spec.get("wikidata"),
        )
        offices.append(office)
        for written in (office.id.replace("-", " "), office.name, *office.names):
            by_key.setdefault(key(written), office)
    return Offices(tuple(offices), by_key, str(data.get("updated") or ""))


@functools.cache
def table() -> Offices:
    """The shipped table of offices (loaded once)."""
    text = resources.files("bot.data").joinpath("offices.yaml").read_text(encoding="utf-8")
    return parse(yaml.safe_load(text) or {})


def name_forms(name: str) -> set[str]:
    """Every written form of a person's name that the watched-people list knows (the name itself at least)."""
    people = gazetteer.people()
    watched = people.lookup(name)
    forms = {name}
    if watched is not None:
        forms.update(f for f, w in people.by_form.items() if w == watched)
    return forms


def holding(
    offices: Sequence[Office],
    terms: Sequence[tuple[str, int]],
    people: Collection[str],
    positions: Collection[int],
    day: date,
) -> list[tuple[Office, str]]:
    """The (office, holder) pairs of `offices` whose holder on `day` the article names: found as an official
    (`people`, canonical names) or written (`terms`: holder name -> term id, hit when in `positions`)."""
    written = {name for name, tid in terms if tid in positions}
    return [(o, h) for o in offices for h in o.holders_on(day) if h in people or h in written]


def describe_missing(offices: Sequence[Office], day: date) -> str:
    """Who the rule's offices stood for on `day` ("US Secretary of State (Marco Rubio on 2026-12-04)")."""
    return ", ".join(
        f"{o.name} ({' or '.join(o.holders_on(day)) or 'no holder in the table'} on {day.isoformat()})" for o in offices
    )
