"""Regions and groups of countries that a rule's `places:` may name: "Africa", "Middle East", "NATO".

Two sources, both shipped with the install (nothing is downloaded at run time):

- country_converter's data file: UN M49 continents and sub-regions (Africa, Western Asia, Eastern Europe...)
  and the memberships it keeps (EU, G7, G20's core, OECD, APEC, CIS). It is read as the TSV it ships, not
  through the package's API, because that imports pandas (half a second at every start) for one table.
- bot/data/groups.yaml: what country_converter lacks (Sub-Saharan Africa, the analysts' groupings such as
  Middle East, Sahel, Horn of Africa, Caucasus, Balkans, Gulf, and NATO, the African Union, ASEAN, G20, the
  Arab League, BRICS), each with its source.

A group stands for its member countries: a rule naming it is compiled to those countries (bot/detect/rules/compile.py),
so it matches an article naming a member, or a place inside one ("Gaza" is Palestine, "Darfur" Sudan).
"""

from __future__ import annotations

import csv
import difflib
import functools
import importlib.util
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypedDict

import yaml

from bot.detect import gazetteer
from bot.detect.text import name_key as key

# country_converter's columns used, with the kind reported and how a cell's value becomes a group name.
_CC_CONTINENTS = {"Africa": "Africa", "America": "Americas", "Asia": "Asia", "Europe": "Europe", "Oceania": "Oceania"}
# Membership columns: group name, the names a rule may also write, the source line shown by `places`.
_CC_MEMBERSHIPS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "EU": ("EU", ("European Union",), "European Union member states (country_converter, column EU)"),
    "G7": ("G7", ("Group of Seven",), "Group of Seven (country_converter, column G7)"),
    "OECD": (
        "OECD",
        ("Organisation for Economic Co-operation and Development",),
        "OECD member countries (country_converter, column OECD)",
    ),
    "APEC": ("APEC", ("Asia-Pacific Economic Cooperation",), "APEC member economies (country_converter, column APEC)"),
    "CIS": (
        "CIS",
        ("Commonwealth of Independent States",),
        "Commonwealth of Independent States (country_converter, column CIS)",
    ),
}
KINDS = ("continent", "UN region", "UN sub-region", "grouping", "membership")


@dataclass(frozen=True, slots=True)
class Group:
    """A named set of countries: a continent, a UN region, an analysts' grouping or a membership."""

    name: str
    kind: str  # one of KINDS
    members: tuple[str, ...]  # countries as diplobot reports them, sorted
    names: tuple[str, ...]  # other ways a rule may write it
    source: str


@dataclass(frozen=True, slots=True)
class Groups:
    """Every group, in listing order, with a lookup by any of its names."""

    groups: tuple[Group, ...]
    by_key: dict[str, Group]

    def find(self, name: str) -> Group | None:
        """The group a rule's place name stands for, if it names one."""
        return self.by_key.get(key(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """The known place names (countries, places, groups) nearest to a misspelt one."""
        gz = gazetteer.places()
        known: dict[str, str] = {key(g.name): g.name for g in self.groups}
        known.update({key(n): g.name for g in self.groups for n in g.names})
        known.update({key(c): c for c in gz.countries})
        known.update({key(r): r for r in gz.regions})
        wanted = key(name)
        close = difflib.get_close_matches(wanted, list(known), n=limit * 3, cutoff=0.75)
        # Also a group whose name holds the written words ("Africa" for "african continent" is not offered,
        # but "Horn of Africa" for "horn").
        close += [k for k in known if len(wanted) >= 4 and wanted in k.split() and k not in close]
        return list(dict.fromkeys(known[k] for k in close))[:limit]


def _cc_rows() -> list[dict[str, str]]:
    """country_converter's country table, read from the file it ships (without importing pandas)."""
    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "country_data.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _country(row: dict[str, str]) -> str | None:
    """A country_converter row as diplobot reports the country (None for what the gazetteer skips)."""
    gz = gazetteer.places()
    by_code = gz.by_code.get((row.get("ISO2") or "").upper())
    if by_code:
        return by_code
    name = row.get("name_short") or ""
    return name if name in gz.countries else None


def _resolve_member(written: str) -> str:
    gz = gazetteer.places()
    countries, _ = gz.resolve(written)
    if len(countries) != 1:
        raise ValueError(f"bot/data/groups.yaml: {written!r} is not one country diplobot knows")
    return next(iter(countries))


class _GroupYAML(TypedDict, total=False):
    """A group of groups.yaml: its kind and source, other names, and its members, by name or as other groups'."""

    kind: str
    source: str
    names: list[str]
    members: list[str]
    of: list[str]
    minus: list[str]


class _GroupsYAML(TypedDict, total=False):
    groups: dict[str, _GroupYAML]


@functools.cache
def groups() -> Groups:
    """Every group (built on first use: at rule compile time, never per article)."""
    found = _converter_groups()
    _add_listed(found)
    ordered = tuple(sorted(found.values(), key=lambda g: (KINDS.index(g.kind), g.name)))
    by_key: dict[str, Group] = {}
    for group in ordered:
        for written in (group.name, *group.names):
            by_key.setdefault(key(written), group)
    return Groups(ordered, by_key)


def _converter_groups() -> dict[str, Group]:
    """The groups country_converter's columns give: continents, UN sub-regions and memberships, by name."""
    found: dict[str, Group] = {}
    members: dict[str, set[str]] = {}
    kinds: dict[str, tuple[str, tuple[str, ...], str]] = {}

    def add(name: str, kind: str, country: str, names: tuple[str, ...] = (), source: str = "") -> None:
        members.setdefault(name, set()).add(country)
        kinds.setdefault(name, (kind, names, source))

    m49 = "UN M49 (country_converter, columns continent and UNregion)"
    for row in _cc_rows():
        country = _country(row)
        if country is None:
            continue
        continent = _CC_CONTINENTS.get(row.get("continent") or "")
        if continent:
            add(continent, "continent", country, (), m49)
        if row.get("Continent_7") == "North America":
            add(
                "North America",
                "continent",
                country,
                (),
                "seven-continent model (country_converter, column Continent_7)",
            )
        sub = row.get("UNregion") or ""
        if sub and sub != "Antarctica":
            add(sub, "UN sub-region", country, (), m49)
        for column, (label, others, source) in _CC_MEMBERSHIPS.items():
            if row.get(column):
                add(label, "membership", country, others, source)
    for name, (kind, names, source) in kinds.items():
        found[name] = Group(name, kind, tuple(sorted(members[name])), names, source)
    return found


def _add_listed(found: dict[str, Group]) -> None:
    """Add the groups bot/data/groups.yaml lists to `found`, in its order: members named, or other groups' members
    (`of`) less others' (`minus`)."""
    data: _GroupsYAML = (
        yaml.safe_load(resources.files("bot.data").joinpath("groups.yaml").read_text(encoding="utf-8")) or {}
    )
    for name, spec in (data.get("groups") or {}).items():
        chosen = {_resolve_member(m) for m in spec.get("members") or ()}
        for part in spec.get("of") or ():
            chosen |= set(found[part].members)
        for part in spec.get("minus") or ():
            chosen -= set(found[part].members)
        found[name] = Group(
            name,
            str(spec["kind"]),
            tuple(sorted(chosen)),
            tuple(spec.get("names") or ()),
            str(spec.get("source") or ""),
        )


def resolve(name: str) -> tuple[set[str], set[str], Group | None]:
    """Countries, sub-national places and group a rule's place name stands for (all empty: unknown).

    The gazetteer comes first ("Georgia", "AZ", "Gaza", "Karabakh"); a group adds its members ("Sahel" is
    both a place articles name and the ten countries of the UN's Sahel strategy).
    """
    countries, regions = gazetteer.places().resolve(name)
    group = groups().find(name)
    if group is not None:
        countries = countries | set(group.members)
    return countries, regions, group


def inside() -> dict[str, tuple[str, ...]]:
    """The places inside countries that rules and articles name ("Gaza", "Darfur"), with their countries."""
    return {name: r.countries for name, r in sorted(gazetteer.places().regions.items()) if r.countries}
