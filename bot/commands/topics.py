"""Topic resolution for `brief`: a word or name -> a country, region, person or rule, via aliases and demonyms.

The index is built from the detector's gazetteer (`bot/data/places.yaml`, `people.yaml`; the
short built-in lists below are only a fallback), plus what the database knows: the people,
countries and regions detected in stored articles, and the tenant's rules. Matching is
case- and accent-insensitive; "karabakh" finds "Nagorno-Karabakh", "blinken" finds
"Antony Blinken", "azeri" finds "Azerbaijan".
"""

from __future__ import annotations

import difflib
import logging
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from bot.codec import detection_of
from bot.commands.deps import sa, search, tables

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


TopicKind = Literal["country", "region", "person", "rule", "search"]
log = logging.getLogger(__name__)
KIND_ORDER: tuple[TopicKind, ...] = ("rule", "region", "country", "person")
# Stored articles whose detected names feed the index.
SCAN_LIMIT = 5000

# Short names and demonyms the news uses that pycountry lacks; the first entry is the display name.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "AF": ("Afghanistan", "Afghan", "Afghans"),
    "AM": ("Armenia", "Armenian", "Armenians", "Yerevan"),
    "AZ": ("Azerbaijan", "Azerbaijani", "Azerbaijanis", "Azeri", "Azeris", "Baku"),
    "BY": ("Belarus", "Belarusian", "Belarusians", "Minsk"),
    "BO": ("Bolivia", "Bolivian"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "Congolese", "Kinshasa"),
    "CN": ("China", "Chinese", "Beijing", "PRC"),
    "CZ": ("Czech Republic", "Czechia", "Czech"),
    "EG": ("Egypt", "Egyptian", "Egyptians", "Cairo"),
    "ET": ("Ethiopia", "Ethiopian", "Ethiopians"),
    "FR": ("France", "French", "Paris"),
    "DE": ("Germany", "German", "Germans", "Berlin"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British", "London"),
    "GE": ("Georgia", "Georgian", "Georgians", "Tbilisi"),
    "IN": ("India", "Indian", "New Delhi"),
    "IR": ("Iran", "Iranian", "Iranians", "Tehran"),
    "IQ": ("Iraq", "Iraqi", "Iraqis", "Baghdad"),
    "IL": ("Israel", "Israeli", "Israelis"),
    "JP": ("Japan", "Japanese", "Tokyo"),
    "JO": ("Jordan", "Jordanian"),
    "KP": ("North Korea", "North Korean", "DPRK", "Pyongyang"),
    "KR": ("South Korea", "South Korean", "Seoul"),
    "LB": ("Lebanon", "Lebanese", "Beirut"),
    "LY": ("Libya", "Libyan", "Libyans"),
    "MD": ("Moldova", "Moldovan", "Chisinau"),
    "PK": ("Pakistan", "Pakistani", "Pakistanis", "Islamabad"),
    "PS": ("Palestine", "Palestinian", "Palestinians", "Palestinian territories"),
    "QA": ("Qatar", "Qatari", "Doha"),
    "RU": ("Russia", "Russian", "Russians", "Moscow", "Kremlin"),
    "SA": ("Saudi Arabia", "Saudi", "Saudis", "Riyadh"),
    "SD": ("Sudan", "Sudanese", "Khartoum"),
    "SS": ("South Sudan", "South Sudanese"),
    "SY": ("Syria", "Syrian", "Syrians", "Damascus"),
    "TW": ("Taiwan", "Taiwanese", "Taipei"),
    "TR": ("Turkey", "Türkiye", "Turkish", "Turks", "Ankara"),
    "UA": ("Ukraine", "Ukrainian", "Ukrainians", "Kyiv", "Kiev"),
    "AE": ("United Arab Emirates", "UAE", "Emirati", "Abu Dhabi"),
    "US": ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "American", "Americans", "Washington"),
    "VE": ("Venezuela", "Venezuelan", "Caracas"),
    "VN": ("Vietnam", "Viet Nam", "Vietnamese", "Hanoi"),
    "YE": ("Yemen", "Yemeni", "Houthi", "Houthis", "Sanaa"),
    "TZ": ("Tanzania", "Tanzanian"),
    "LA": ("Laos", "Lao"),
    "SO": ("Somalia", "Somali", "Mogadishu"),
    "ML": ("Mali", "Malian"),
    "MM": ("Myanmar", "Burma", "Burmese"),
    "RS": ("Serbia", "Serbian", "Serbs", "Belgrade"),
    "XK": ("Kosovo", "Kosovar", "Pristina"),
}

# Disputed or conflict regions the news names; the first entry is the display name.
REGIONS: tuple[tuple[str, ...], ...] = (
    ("Nagorno-Karabakh", "Karabakh", "Artsakh"),
    ("South Caucasus", "Caucasus", "Transcaucasia"),
    ("Gaza", "Gaza Strip"),
    ("West Bank", "Judea and Samaria"),
    ("Golan Heights", "Golan"),
    ("Donbas", "Donbass", "Donetsk", "Luhansk"),
    ("Crimea", "Crimean Peninsula"),
    ("Zaporizhzhia",),
    ("Kherson",),
    ("Kashmir", "Jammu and Kashmir"),
    ("Darfur",),
    ("Tigray",),
    ("Sahel",),
    ("Balkans", "Western Balkans"),
    ("Middle East", "Mideast"),
    ("Red Sea",),
    ("Taiwan Strait",),
    ("South China Sea",),
    ("Transnistria",),
    ("Abkhazia",),
    ("South Ossetia",),
    ("Western Sahara",),
    ("Idlib",),
    ("Kurdistan", "Kurdish region"),
    ("Horn of Africa",),
    ("Persian Gulf", "Gulf"),
)


def norm(text: str) -> str:
    """Case-fold, strip accents and punctuation, collapse spaces: `Nagorno-Karabakh` -> `nagorno karabakh`."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("'s", "").replace("’s", "")
    # Dotted abbreviations ("U.S.") collapse to one word before other punctuation becomes space.
    text = "".join(ch for ch in text if ch != ".")
    cleaned = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(cleaned.split())


@dataclass(frozen=True, slots=True)
class Topic:
    """A resolved topic: its kind, display name, and every alias (normalized) that means it."""

    kind: TopicKind
    name: str
    aliases: tuple[str, ...] = ()
    phrases: tuple[str, ...] = field(default=())

    @property
    def search_phrases(self) -> tuple[str, ...]:
        """The phrases a full-text search should look for (display name first)."""
        return self.phrases or (self.name,)

    def matches_detection(self, detection: object) -> bool:
        """True when an article's detection dict (a stored JSON value: anything else matches nothing) mentions
        this topic."""
        if not isinstance(detection, Mapping):
            return False
        keys = set(self.aliases) | {norm(self.name)}
        if self.kind == "country":
            return any(norm(c) in keys for c in _strings(detection.get("countries")))
        if self.kind == "region":
            return any(norm(r) in keys for r in _strings(detection.get("regions")))
        if self.kind == "person":
            names = [p.get("name", "") if isinstance(p, Mapping) else str(p) for p in _list(detection.get("people"))]
            return any(norm(n) in keys for n in names)
        if self.kind == "rule":
            rules = [m.get("rule", "") if isinstance(m, Mapping) else str(m) for m in _list(detection.get("matches"))]
            return self.name in rules
        return False


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _strings(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


@dataclass
class TopicIndex:
    """Every known topic by normalized alias; `resolve` picks one, `suggest` offers close names."""

    by_alias: dict[str, list[Topic]] = field(default_factory=dict)
    topics: list[Topic] = field(default_factory=list)

    def add(self, topic: Topic) -> None:
        """Register a topic under each of its aliases."""
        self.topics.append(topic)
        for alias in {*topic.aliases, norm(topic.name)}:
            if alias:
                self.by_alias.setdefault(alias, []).append(topic)

    def resolve(self, query: str) -> Topic | None:
        """The topic `query` names: exact alias first, then a whole-word part of a longer name."""
        key = norm(query)
        if not key:
            return None
        exact = self.by_alias.get(key)
        if exact:
            return _best(exact)
        words = key.split()
        partial = [
            t
            for alias, topics in self.by_alias.items()
            for t in topics
            if _contains_words(alias.split(), words) and (len(key) >= 4 or len(words) > 1)
        ]
        return _best(partial) if partial else None

    def suggest(self, query: str, n: int = 5) -> list[str]:
        """Display names of topics close to a mistyped query."""
        key = norm(query)
        close = difflib.get_close_matches(key, list(self.by_alias), n=n * 3, cutoff=0.7)
        names: list[str] = []
        for alias in close:
            for topic in self.by_alias[alias]:
                if topic.name not in names:
                    names.append(topic.name)
        return names[:n]

    def names(self, prefix: str = "") -> list[str]:
        """Display names starting with `prefix` (for autocomplete), sorted."""
        p = norm(prefix)
        return sorted(
            {
                t.name
                for t in self.topics
                if not p or norm(t.name).startswith(p) or any(a.startswith(p) for a in t.aliases)
            }
        )


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _best(candidates: list[Topic]) -> Topic:
    # Prefer a tenant's rule, then countries, regions, people; one name per kind.
    return min(candidates, key=lambda t: (KIND_ORDER.index(t.kind) if t.kind in KIND_ORDER else 9, t.name))


@lru_cache(maxsize=1)
def static_topics() -> tuple[Topic, ...]:
    """Countries, regions and watched people from the detector's gazetteer (or the built-in lists)."""
    try:
        return _gazetteer_topics()
    except Exception:
        log.warning("topic index: detector gazetteer unavailable; using the built-in country list", exc_info=True)
        return _builtin_topics()


def _gazetteer_topics() -> tuple[Topic, ...]:
    # The detector's gazetteer (bot/data/places.yaml, people.yaml) is the one source of place and
    # people names; reusing it means brief resolves exactly the names the detector reports.
    from bot.detect.gazetteer import people, places

    gaz = places()
    country_aliases: dict[str, list[str]] = {c: [c] for c in gaz.countries}
    country_phrases: dict[str, list[str]] = {c: [c] for c in gaz.countries}
    region_aliases: dict[str, list[str]] = {r: [r] for r in gaz.regions}
    for value in gaz.automaton.values():
        for entry in _place_entries(value):
            if entry.kind == "region" and entry.region:
                region_aliases.setdefault(entry.region, [entry.region]).append(entry.written)
            elif entry.country:
                country_aliases.setdefault(entry.country, [entry.country]).append(entry.written)
                if entry.kind in ("country", "alias", "demonym") and len(norm(entry.written)) > 2:
                    country_phrases.setdefault(entry.country, [entry.country]).append(entry.written)
    topics: list[Topic] = []
    for name, aliases in sorted(country_aliases.items()):
        topics.append(
            Topic(
                "country",
                name,
                tuple(dict.fromkeys(norm(a) for a in aliases if norm(a))),
                tuple(dict.fromkeys(country_phrases.get(name, [name]))),
            )
        )
    for name, aliases in sorted(region_aliases.items()):
        topics.append(
            Topic(
                "region", name, tuple(dict.fromkeys(norm(a) for a in aliases if norm(a))), tuple(dict.fromkeys(aliases))
            )
        )
    book = people()
    forms: dict[str, list[str]] = {}
    for form, person in book.by_form.items():
        forms.setdefault(person.name, []).append(form)
    for surname, persons in book.by_surname.items():
        if len(persons) == 1:  # a surname shared by two officials names neither on its own
            forms.setdefault(persons[0].name, []).append(surname)
    for name, aliases in sorted(forms.items()):
        topics.append(person_topic(name, aliases))
    return tuple(topics)


def _place_entries(value: Any) -> list[Any]:
    # The automaton's payload layout is the gazetteer's business; take every PlaceName-like object in it.
    if hasattr(value, "kind") and hasattr(value, "written"):
        return [value]
    if isinstance(value, (tuple, list)):
        return [entry for item in value for entry in _place_entries(item)]
    return []


def _builtin_topics() -> tuple[Topic, ...]:
    import pycountry

    topics: list[Topic] = []
    seen: set[str] = set()
    for country in pycountry.countries:
        code = country.alpha_2
        extra = COUNTRY_ALIASES.get(code, ())
        name = extra[0] if extra else getattr(country, "common_name", None) or country.name
        names = [
            name,
            *extra,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ]
        aliases = tuple(dict.fromkeys(norm(n) for n in names if n))
        phrases = tuple(dict.fromkeys(n for n in [name, *extra] if n and len(norm(n)) > 2))
        topics.append(Topic("country", name, aliases, phrases))
        seen.add(norm(name))
    for entry in REGIONS:
        topics.append(Topic("region", entry[0], tuple(dict.fromkeys(norm(n) for n in entry)), entry))
    return tuple(topics)


def person_topic(name: str, extra: Iterable[str] = ()) -> Topic:
    """A person under their full name and their surname ("Antony Blinken", "blinken")."""
    parts = norm(name).split()
    aliases = [norm(name), *(norm(e) for e in extra)]
    if len(parts) >= 2:
        aliases.append(parts[-1])
    phrases = (name, parts[-1]) if len(parts) >= 2 and len(parts[-1]) > 3 else (name,)
    return Topic("person", name, tuple(dict.fromkeys(a for a in aliases if a)), phrases)


def build_index(
    *,
    people: Iterable[str] = (),
    countries: Iterable[str] = (),
    regions: Iterable[str] = (),
    rules: Iterable[str] = (),
) -> TopicIndex:
    """An index of the static topics plus names seen in the database and the tenant's rules."""
    index = TopicIndex()
    statics = static_topics()
    known = {a for t in statics for a in t.aliases}
    for topic in statics:
        index.add(topic)
    for rule in dict.fromkeys(rules):
        index.add(Topic("rule", rule, (norm(rule), norm(rule.replace("_", " ").replace("-", " "))), ()))
    for country in dict.fromkeys(countries):
        if norm(country) not in known:
            index.add(Topic("country", country, (norm(country),), (country,)))
    for region in dict.fromkeys(regions):
        if norm(region) not in known:
            index.add(Topic("region", region, (norm(region),), (region,)))
    static_people = {norm(t.name) for t in statics if t.kind == "person"}
    for person in dict.fromkeys(people):
        if person and norm(person) not in static_people:
            index.add(person_topic(person))
    return index


async def topic_index(session: AsyncSession, tenant: str, *, scan: int = SCAN_LIMIT) -> TopicIndex:
    """The topic index for a tenant: static gazetteer, names in recent detections, the tenant's rules."""
    Rule, ArticleRow = tables.Rule, tables.ArticleRow
    rules = (await session.scalars(sa.select(Rule.name).where(Rule.tenant == tenant))).all()
    people: dict[str, None] = {}
    countries: dict[str, None] = {}
    regions: dict[str, None] = {}
    rows = (
        await session.scalars(
            sa.select(ArticleRow.detection)
            .where(ArticleRow.id.in_(search.visible_ids(tenant)))
            .order_by(ArticleRow.seen_at.desc())
            .limit(scan)
        )
    ).all()
    for det in map(detection_of, rows):
        for p in det.get("people") or []:
            name = p.get("name") if isinstance(p, dict) else p
            if isinstance(name, str) and name:
                people[name] = None
        for c in det.get("countries") or []:
            if isinstance(c, str):
                countries[c] = None
        for r in det.get("regions") or []:
            if isinstance(r, str):
                regions[r] = None
    watched = await watched_people(session, tenant)
    return build_index(people=[*people, *watched], countries=countries, regions=regions, rules=rules)


async def watched_people(session: AsyncSession, tenant: str) -> list[str]:
    """The officials named in the tenant's enabled rules (they raise a story's importance)."""
    Rule = tables.Rule
    specs = (await session.scalars(sa.select(Rule.spec).where(Rule.tenant == tenant, Rule.enabled.is_(True)))).all()
    names: list[str] = []
    for spec in specs:
        for person in (spec or {}).get("people") or []:
            if isinstance(person, str) and person not in names:
                names.append(person)
    return names
