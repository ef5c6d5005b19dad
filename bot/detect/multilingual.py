"""Findings for news in other languages: countries, core events, casualty figures and known officials.

For Ukrainian, Russian, Arabic, French, Spanish, Portuguese, Chinese and Farsi (issue 18). English patterns
never read these items; this module reads them with per-language lexicons:
- countries: CLDR's territory names in the language (Babel, shipped in its wheel), its time-zone exemplar
  cities (Paris, Цюріх: a place inside a state names it), plus the short names, demonyms and adjectives of
  `bot/data/languages.yaml`;
- events (ceasefire, clash, talks, sanctions, agreement) from cue words, unless a hedge just before makes them
  sought, intended or threatened ("seeks talks", "intends to impose sanctions") or a longer phrase holding the cue
  is not the event (战斗机, a fighter jet); a ceasefire's status from the first sentence naming it that has a
  status cue; casualties from a number next to a word for killed or wounded, people from native-script forms
  of officials in `bot/data/people.yaml`.
Inflection is handled by matching stems: Ukrainian and Russian names drop their final vowel and take up to
three letters (Росія -> Росії, Росією), Arabic words take their clitics before (و ف ب ل ك, ال) and
nisba or pronoun endings after, Farsi words take their plural and adjective endings; Chinese is matched as
substrings. The item is relevant (for rules) when a core event or a casualty figure is found.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import TypedDict, cast

import yaml

from bot.detect import gazetteer
from bot.detect.text import fold as text_fold
from bot.models import Casualty, CasualtyKind, Event, EventType, Person, Qualifier, Relevance

LANGUAGES = ("uk", "ru", "ar", "fr", "es", "pt", "zh", "fa")
_LATIN = frozenset({"fr", "es", "pt"})
_CYRILLIC = frozenset({"uk", "ru"})
_ORDER: tuple[EventType, ...] = ("ceasefire", "clash", "talks", "sanctions", "agreement")
# Regional forms beside the default locale's: Latin-American Spanish ("Arabia Saudita", "Rumania") and European
# Portuguese ("Irão", "Quénia", "Vietname"), as the press of those regions writes them.
_CLDR_LOCALES = {"zh": ("zh", "zh_Hant"), "es": ("es", "es_419"), "pt": ("pt", "pt_PT")}
# Languages in which ISO 3166-2 already writes the subdivisions of the states that speak them (Brazil's states,
# Portugal's districts, Angola's and Mozambique's provinces: "Minas Gerais", "Cabo Delgado"), so that a name left
# untranslated is the language's own; their press also names its own cities, so every CLDR zone city of those states
# counts (Manaus, Recife). Not Spanish or French, whose untranslated names hold many ordinary words (Valle, Central,
# Florida; Centre, Nord) and whose zone cities include first names (Regina).
_OWN_NAMES = frozenset({"pt"})
_CYR_VOWELS = "аяоеиіїйьыуюєё"
_CYR_ADJECTIVE_ENDINGS = frozenset({"ая", "яя", "ий", "ый", "ой", "ое", "ее", "ій"})  # a name that is an adjective
# A place name made an adjective (Копенгагенський, Вільнюський, Берлинской): its suffix and the case ending.
_CYR_ADJECTIVE = r"(?:ськ|ск|ьк)\w{1,4}"
# The case ending that replaces a name's final vowel: a vowel and at most one more letter, or a plural's -ами (Данія ->
# Данії, Данією; Росси -> России, Россией; Штати -> Штатів, Штатами), so that a longer word sharing the stem is not
# the name ("Палати" is no Палау, "Індіана" no Індія).
_CYR_CASE = r"(?:[аяоеиіїуюєыэёйь][юйїяиіхмв]?|[аяиыі]ми)"
# Ukrainian stems in к, г, х before the -і of the dative and locative (Мексика -> у Мексиці, Прага -> у Празі).
_UK_MUTATION = {"к": "ц", "г": "з", "х": "с"}
# The endings of a four-letter name in -а, as a noun or an adjective (Куба, Кубі, Кубою; Нова, Нової, Новій).
# Гана (Ghana) keeps only its forms that are no surname: "Гані", "Гани" are also Ghani (Ashraf Ghani) in Ukrainian.
_CYR_SHORT_CASE = {"uk": r"(?:а|и|і|у|ою|ої|ій)", "ru": r"(?:а|ы|е|у|ой|ою|ую)"}
_CYR_SHORT_ONLY = {"гана": r"(?:а|у|ою)"}
# A capitalised word just after a city's name: a surname after a first name ("Софія Ротару"), not the city.
_CYR_SURNAME = re.compile(r"\s+[А-ЯІЇЄҐЁ][а-яіїєґё'’]+")
_CITY, _SPANS = 1, 2  # kinds of a country form (_Lexicon.country_forms)
# A place's adjective before a treaty's noun names the treaty, not a place of the news ("Віденська конвенція",
# "Будапештський меморандум"), as the accords named after a city are (`not_places`: "мінські угоди").
_CYR_ADJECTIVE_END = re.compile(r"(?:ськ|ск|ьк)\w{1,4}$")
_CYR_TREATY = re.compile(r"\s+(?:конвенц|угод|договор|протокол|меморандум|домовленост|соглашени)")
_AR_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})
_FA_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "ۀ": "ه", "\u200c": " "})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "萬": 10000}
_GAP = r"(?:\S+\s+){0,6}?"
_GAP_AFTER = r"\s+(?:\S+\s+){0,6}?"  # a gap after a whole word: its space, then up to six words
# A sentence ends at its punctuation and a space (a closing quote may come between), or at a Chinese full stop; not
# after an initial ("Antony J. Blinken", "أنطوني ج. بلينكن") or a two-letter abbreviation ("EE. UU."), nor inside an
# abbreviation written without spaces ("EE.UU.", "U.S.").
_SENTENCE = re.compile(r"(?<!\s\w\.)(?<!\s[A-Z][A-Z]\.)(?:(?<=[.!?؟])[\"”»’')]*\s+|(?<=[。！？])\s*)|\n+")


def fold(lang: str, text: str) -> str:
    """The text as the lexicons are written, one character for one (so positions stay those of `text`)."""
    if lang in _LATIN:
        out = []
        for ch in text:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            out.append(base if len(base) == 1 else ch)
        return "".join(out).replace("’", "'")
    if lang in _CYRILLIC:
        return (
            "".join(c if len(c) == 1 else ch for ch in text for c in [ch.lower()])
            .replace("ё", "е")
            .replace("’", "'")
            .replace("ʼ", "'")  # CLDR's apostrophe (Обʼєднані), where the press types ' or ’
        )
    if lang == "ar":
        return _AR_MARKS.sub("", text).translate(_AR_LETTERS).translate(_DIGITS)
    if lang == "fa":
        return _AR_MARKS.sub("", text).replace("\u0654", "").translate(_FA_LETTERS).translate(_DIGITS)
    if lang == "zh":
        return text.translate(_DIGITS)
    return text


def _fold_form(lang: str, form: str) -> str:
    """A lexicon form folded like the text (Arabic marks dropped: the lexicon needs no vowel signs)."""
    return re.sub(r"\s+", " ", fold(lang, form)).strip()


def _anchor(lang: str, form: str) -> str:
    """The first three letters of a form's first word as folded (its article dropped in Arabic): every match
    of the form's pattern contains them (stems and endings change only later letters)."""
    first = _fold_form(lang, form).rstrip("*").split(" ")[0].rstrip("*")
    if lang == "ar" and first.startswith("ال") and len(first) > 4:
        first = first[2:]
    return first if lang == "zh" else first[:3]


def _uk_mutated(lang: str, word: str, pattern: str) -> str:
    """A Ukrainian word's pattern with its dative and locative in -і when its stem ends in к, г or х, which turn to ц, з
    and с there (Мексика -> у Мексиці, Шрі-Ланка -> Шрі-Ланці, Прага -> у Празі, Авдіївк* -> в Авдіївці); a stem
    ending in -ськ, -цьк or -зьк is an adjective's or a name's in a consonant (Курськ -> у Курську)."""
    stem = word[:-1] if word[-1:] == "а" else word
    if lang != "uk" or len(stem) < 3 or stem[-1] not in _UK_MUTATION or stem[-2] in "ьсцз":
        return pattern
    return f"(?:{pattern}|{re.escape(stem[:-1] + _UK_MUTATION[stem[-1]])}і)"


def _word_pattern(lang: str, form: str, name: bool, place: bool = False) -> str:
    """The regex of one folded form, with the language's inflection (`place`: a place's form, whose stems take the
    Ukrainian mutation before -і as its names do)."""
    if lang == "zh":
        return re.escape(form.replace(" ", "").rstrip("*"))
    parts: list[str] = []
    for starred in form.split(" "):
        if starred == "...":  # a gap: up to six words between ("تحدث ... مع": spoke ... with)
            parts.append(_GAP)
            continue
        stem, word = starred.endswith("*"), starred.rstrip("*")
        w = re.escape(word)
        if stem:
            parts.append(_uk_mutated(lang, word, w + r"\w{0,5}") if place else w + r"\w{0,5}")
        elif lang in _CYRILLIC:
            if word.isupper() or word.upper() == word:
                parts.append(w)
            elif name and len(word) > 4 and word[-2:] in _CYR_ADJECTIVE_ENDINGS:  # Новая -> Новой, Павлодарской
                parts.append(re.escape(word[:-2]) + r"\w{1,3}")
            elif name and len(word) == 4 and word[-1] == "а":
                # A short name in -а takes only the case endings of a noun or of an adjective (Куба -> на Кубі, Кубою;
                # Нова -> Нової Зеландії): no longer word sharing its three letters.
                parts.append(
                    _uk_mutated(lang, word, re.escape(word[:-1]) + _CYR_SHORT_ONLY.get(word, _CYR_SHORT_CASE[lang]))
                )
            elif name and len(word) > 4 and word[-1] in _CYR_VOWELS:
                # The stem takes an ending (Данія -> Данії, Данією; the bare stem "Дані" is "data"), or the
                # adjective's (Женева -> Женевський); a final "-ень" loses its vowel before an ending (Відень -> у
                # Відні, Відня).
                root = re.escape(word[:-1])
                if word.endswith("ень"):
                    root = f"(?:{root}|{re.escape(word[:-3])}н)"
                parts.append(_uk_mutated(lang, word, root + r"(?:" + _CYR_CASE + "|" + _CYR_ADJECTIVE + ")"))
            elif name and len(word) > 3 and word[-1] not in _CYR_VOWELS:  # Иран -> Ирана, Ираном too
                # ...and a long name its adjective too (Копенгаген -> Копенгагенському, Вільнюс -> Вільнюський).
                parts.append(w + (r"(?:\w{0,3}|" + _CYR_ADJECTIVE + ")" if len(word) > 4 else r"\w{0,3}"))
            else:
                parts.append(w)
        elif lang == "ar":
            bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
            # Endings: nisba and plural (ي يه يون يين ات), pronouns (ه ها هم), the dual (ان, and تان تين on a nisba:
            # "الأمريكيتان", the two American ministries; not ين, which makes "الماليين", financial, Mali).
            ending = r"(?:يون|يين|تان|تين|ان|ي|يه|يا|ه|ها|هم|ات|ا)?"
            parts.append(r"(?:[وفبلك]{0,2}(?:ال|لل)?)" + re.escape(bare) + ending)
        elif lang == "fa":
            parts.append(w + r"(?:ی|یی|ای|ایی|یان|ها|های)?")
        else:
            parts.append(w + (r"(?:e|s|es|ne|nes)?" if lang == "fr" else r"(?:s|es)?") if name else w)
    sep = r"[\s\-]+" if lang in _LATIN else r"\s+"
    out = parts[0]
    for before, part in zip(parts, parts[1:], strict=False):
        out += part if before == _GAP else sep + part  # a gap already ends in a space
    return r"(?<!\w)" + out + r"(?!\w)"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    lang: str
    country_of: dict[str, tuple[str, bool]]  # folded match -> (canonical, needs a capital letter)
    # (anchor, pattern, canonical, needs a capital, kind): the anchor, a plain substring every match holds, spares
    # running the regex of a form that cannot match (one substring test instead of a regex, per form); the kind says
    # whether the form is a city (Софія: also a first name) or spans words (Porto Príncipe: holds Porto), else 0.
    country_forms: tuple[tuple[str, re.Pattern[str], str, bool, int], ...]
    events: dict[EventType, re.Pattern[str]]
    killed: re.Pattern[str]
    wounded: re.Pattern[str]
    status: dict[str, re.Pattern[str]]
    qualifiers: dict[str, Qualifier]
    numbers: dict[str, int]
    people: tuple[tuple[re.Pattern[str], gazetteer.Watched], ...]
    anniversary: re.Pattern[str]
    no_clash: re.Pattern[str]
    # Phrases that hold a country's name or adjective but name a language or a publication ("na sigla inglesa",
    # "en anglais"): blanked before countries are looked for.
    not_places: re.Pattern[str]
    not_places_anchors: tuple[str, ...]  # a plain substring of each form: the regex runs only if one is there
    # A meeting still to come, in the headline or first sentence: the item's meeting words are that meeting.
    upcoming: re.Pattern[str]
    # The police and protesters in one sentence: policing, whose attack words are no clash.
    police: re.Pattern[str]
    protest: re.Pattern[str]
    # A telephone call: talks held, even beside a meeting still to come.
    calls: re.Pattern[str]
    # An official's trip still to come, in the headline or first sentence ("próximo viaje", "турне"): relevant as an
    # announced visit (README), with no event type and no effect on the item's other words.
    trips: re.Pattern[str]
    # A threat made ("погрожує", "угрожает"), read in the headline: with two states there, one state threatening another.
    threats: re.Pattern[str]
    # Words that make an official's name that official's government ("la administración Biden", "拜登政府").
    administration: re.Pattern[str]
    # Phrases holding an event's cue that are not that event ("战斗机", a fighter jet, is no battle).
    not_cues: dict[EventType, re.Pattern[str]]
    # Words shortly before a cue that make it sought, intended or threatened, not done ("seeks talks",
    # "to reach a deal", "intend to impose sanctions"): the cue is not that event.
    hedges: dict[EventType, re.Pattern[str]]
    # Words after a cue in its sentence that make it still to come ("new sanctions ... will be announced soon").
    hedges_after: dict[EventType, re.Pattern[str]]
    # A time just after an attack or sanctions that dates them earlier than the news ("the attack last month",
    # "el atentado hace un año"): background, not the item's own event (_DATED types).
    earlier: re.Pattern[str]
    # A written day ("du 4 avril 2017", "21 серпня"): its day, month name and year (or none), and each folded month
    # name's number (Babel's CLDR names). None in languages whose dates are not written so (`_WRITTEN_DATES`).
    dates: re.Pattern[str] | None
    months: dict[str, int]
    # A verb of discussing ("обговорили") before a list of topics ("перемовини, гарантії безпеки та російські удари"):
    # an attack listed as what was discussed is a topic, not the item's fighting (the clash hedge "обговор*" reaching
    # across the list); a word that opens a clause ("після того, як", "що") ends the list. Sanctions discussed stay
    # sanctions, as they do right after the verb.
    topics: re.Pattern[str]
    topic_breaks: re.Pattern[str]
    # Words that present what follows as the subjects of an agenda or a text ("temas como", "такі питання, як"): an
    # attack or sanctions at the end of that list are a subject named, not fighting or sanctions imposed (the list ends
    # as after `topics`).
    agenda: re.Pattern[str]
    # A toll given as a vague quantity ("dezenas de mortos", "десятки загиблих"): the item reports casualties, with
    # no figure (vague quantities are never figures, as in English; the labels count such a toll as current).
    vague: re.Pattern[str]
    # A word after a number that makes it an age ("de 45 años", "aos 90 anos"): no toll.
    ages: re.Pattern[str]


# A title in Chinese title marks (《纽约时报》, a newspaper; 《明斯克协议》 is a title too) names a work, not a place
# of the news: blanked for countries (the agreement's place is no party to it either).
_ZH_TITLE = re.compile(r"《[^《》]{1,30}》")

_HEDGE_REACH = 40  # characters before a cue where a hedge counts (about six words; Chinese below)
_ZH_HEDGE_REACH = 12
_EARLIER_REACH = 30  # characters after a cue where a time dating it earlier counts (about four words)
_DATED: frozenset[EventType] = frozenset({"clash", "sanctions"})
# Languages where a written day just after an attack or sanctions can date them before the news (`_dated_before`).
_WRITTEN_DATES = frozenset({"fr", "es", "pt", "uk", "ru"})
_NEWS_DAYS = 1  # a day written at most this many days before the item's date is the item's own news (yesterday)
_TOPIC_REACH = 120  # characters before a cue where a verb of discussing may open the list that holds it
_TOPIC_WORDS = 14  # words at most between that verb and the cue
# An attack or sanctions listed among an agenda's subjects are named, not reported (`agenda`).
_LISTED: frozenset[EventType] = frozenset({"clash", "sanctions"})
_TOPIC_STOP = re.compile(r"[.;:!?()«»\"“”]")  # punctuation that ends a list of topics (a comma does not)


def _alternation(lang: str, forms: list[str], name: bool = False) -> re.Pattern[str]:
    folded = sorted({_fold_form(lang, f) for f in forms if f.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(_word_pattern(lang, f, name) for f in folded))


def _cldr_names(lang: str) -> dict[str, str]:
    """Country name in the language -> canonical English name (the gazetteer's), from CLDR."""
    from babel import Locale  # imported on first use: the CLI stays fast

    by_code = gazetteer.places().by_code
    out: dict[str, str] = {}
    for loc in _CLDR_LOCALES.get(lang, (lang,)):
        for code, written in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code in by_code:
                out[written] = by_code[code]
    return out


def _official(lang: str, code: str) -> bool:
    """Whether the language is official (de facto too) in the territory, by CLDR."""
    from babel.languages import get_official_languages

    return lang in get_official_languages(code, de_facto=True)


def _subdivisions(lang: str) -> dict[str, str]:
    """Region name in the language -> canonical English country name: the first-level subdivisions (ISO 3166-2,
    pycountry) of the states where the language is official (CLDR, Babel), where pycountry's translations write
    them in the language ("Kharkivska oblast" -> "Харківська область"). A region of a state names it, as a city does.
    Names untranslated (the ISO name as it stands) are left out, except in _OWN_NAMES; names shared by two states
    are left out."""
    import gettext

    import pycountry

    try:
        translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return {}
    by_code = gazetteer.places().by_code
    out: dict[str, str] = {}
    shared: set[str] = set()
    for country in pycountry.countries:
        code = country.alpha_2
        if code not in by_code or not _official(lang, code):
            continue
        for region in pycountry.subdivisions.get(country_code=code) or ():
            written = translation.gettext(region.name)
            if region.parent_code or "," in written:  # "Wallonne, Région": an index form
                continue
            if written == region.name and lang not in _OWN_NAMES:
                continue
            if written in out and out[written] != by_code[code]:
                shared.add(written)
            out[written] = by_code[code]
            if lang == "uk" and (region_word := _uk_region_word(written)):
                out[region_word] = by_code[code]
    return {w: c for w, c in out.items() if w not in shared}


def _uk_region_word(oblast: str) -> str | None:
    """The one-word name Ukrainian makes of a region from its adjective ("Київська область" -> "Київщина",
    "Вінницька" -> "Вінниччина"), as the news writes it ("на Київщині"); None for another shape."""
    adjective, _, noun = oblast.partition(" ")
    if noun != "область":
        return None
    if adjective.endswith("цька"):
        return adjective[:-4] + "ччина"
    if adjective.endswith("ська"):
        return adjective[:-4] + "щина"
    return None


# Cities that name their country (a place inside a state names it, as in the labels: Paris -> France), in each
# language as CLDR writes its time-zone exemplar cities (Babel: nothing downloaded): every zone of a territory
# that has one zone (its capital or main city: Paris, Zurich, Tehran, Baghdad), plus the capital or main city
# of the large territories that have several zones, listed here.
_CITY_ZONES = (
    "Europe/Moscow",
    "Europe/Kyiv",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Lisbon",
    "Europe/Nicosia",
    "Asia/Gaza",
    "Asia/Shanghai",
    "Asia/Jakarta",
    "Asia/Tashkent",
    "Asia/Almaty",
    "Asia/Ulaanbaatar",
    "Africa/Kinshasa",
    "America/New_York",
    "America/Mexico_City",
    "America/Toronto",
    "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires",
    "Australia/Sydney",
    "Pacific/Auckland",
)
# Exemplar cities that are also ordinary words or first names in some language, or name another place.
_CITY_SKIP = frozenset({"Santiago", "Victoria", "Dili", "Male", "Mahé", "Nome", "Christmas", "Cocos", "Stanley"})


class _CldrZone(TypedDict, total=False):
    """The part of a CLDR time-zone entry read: its exemplar city."""

    city: str


def _cldr_cities(lang: str) -> dict[str, str]:
    """City name in the language -> canonical English country name, from CLDR's time-zone exemplar cities.
    CLDR leaves out a city written as in the zone's name (Paris in French): that name is then used, in the
    Latin-script languages only."""
    from babel import Locale
    from babel.core import get_global

    by_code = gazetteer.places().by_code
    territory_of: dict[str, str] = dict(get_global("zone_territories"))
    zones_of: dict[str, list[str]] = {}
    for zone, code in territory_of.items():
        zones_of.setdefault(code, []).append(zone)
    wanted = [z for zones in zones_of.values() if len(zones) == 1 for z in zones]
    wanted += [z for z in _CITY_ZONES if z in territory_of]
    if lang in _OWN_NAMES:
        wanted += [z for code, zones in zones_of.items() if len(zones) > 1 and _official(lang, code) for z in zones]
    out: dict[str, str] = {}
    for loc in _CLDR_LOCALES.get(lang, (lang,)):
        names: dict[str, _CldrZone] = Locale.parse(loc)._data["time_zones"]
        for zone in wanted:
            code = territory_of[zone]
            city = (names.get(zone) or {}).get("city")
            if city is None and lang in _LATIN:
                city = zone.rsplit("/", 1)[-1].replace("_", " ")
            if city and code in by_code and city not in _CITY_SKIP and len(city) > 2:
                out[city] = by_code[code]
    return out


# CLDR names that are ordinary words in the language, or stand for a place the press names otherwise.
_SKIP = {
    "fr": {"Maurice", "Jersey", "Guernesey", "Réunion", "Territoires palestiniens"},
    "es": {"Chad", "Jersey", "Guernsey", "Territorios Palestinos", "Reunión"},
    # Pará is "para" (for) and Acre a unit without their accents; Sul, Norte, Leste are directions; Príncipe a prince;
    # Zaire the old name of the DR Congo; Gaza (Mozambique) is Palestine's in the news; Santarém is in Portugal and
    # Brazil; Boa Vista is also "good view"; Guarda a guard (Guarda Revolucionária), Belém Bethlehem, Espírito Santo
    # the Holy Spirit; Tete a first name (Téte António).
    "pt": {
        "Guarda",
        "Belém",
        "Espírito Santo",
        "Tete",
        "Jersey",
        "Guernsey",
        "Territórios palestinos",
        "Reunião",
        "Pará",
        "Acre",
        "Sul",
        "Norte",
        "Leste",
        "Príncipe",
        "Zaire",
        "Gaza",
        "Santarém",
        "Boa Vista",
        # European Portuguese CLDR forms: Salvador (El Salvador) is a Brazilian city; the Palestinian territories and
        # Guernsey as the other forms above.
        "Salvador",
        "Territórios palestinianos",
        "Guernesey",
    },
    # Того (Togo) is also the pronoun "того" (of that), capitalised at a sentence's start.
    "uk": {"Палестинські території", "Чад", "Оман", "Того"},
    "ru": {"Палестинские территории", "Чад", "Оман", "Того"},
    "ar": {"الأراضي الفلسطينية", "عُمان", "تشاد", "ماهي", "سول"},  # ماهي: "what is"
    # دوشنبه (Dushanbe) is Monday, ماهه (Mahé) "-month", مالت malt, کاین Cain.
    "fa": {"سرزمین\u200cهای فلسطینی", "چاد", "دوشنبه", "ماهه", "مالت", "کاین"},
    "zh": {
        "巴勒斯坦领土",
        "巴勒斯坦領土",
        "几内亚",
        "幾內亞",
        "刚果（金）",
        "刚果（布）",
        "剛果（金夏沙）",
        "剛果（布拉薩）",
        "自由市",  # Freetown: also in 自由市场, free market
        "自由城",
        "奥克兰",  # Auckland: also Oakland
        "奧克蘭",
        "圣保罗",  # São Paulo: also Saint Paul
        "聖保羅",
    },
}


def canonical_country(name: str) -> str:
    """The gazetteer's name of a country written another way ("Cape Verde" -> "Cabo Verde"); the name itself
    when it is the gazetteer's or names no single country."""
    places = gazetteer.places()
    if name in places.countries:
        return name
    found, _regions = places.resolve(name)
    return next(iter(found)) if len(found) == 1 else name


class _Armed(TypedDict):
    """An armed group doing violence: its words and the acts that follow them."""

    actors: list[str]
    acts: list[str]


class _LanguageData(TypedDict, total=False):
    """One language's entry of bot/data/languages.yaml, as `lexicon` reads it (each key optional)."""

    countries: dict[str, list[str]]  # country -> its written forms
    events: dict[str, list[str]]  # event type -> its cues
    armed: _Armed
    people: dict[str, list[str]]  # name in people.yaml -> its written forms
    killed: list[str]
    wounded: list[str]
    status: dict[str, list[str]]  # ceasefire status -> its cues
    qualifiers: dict[str, str]  # word -> casualty qualifier
    numbers: dict[str, int]  # number word -> value
    anniversary: list[str]
    no_clash: list[str]
    not_places: list[str]
    upcoming: list[str]
    calls: list[str]
    threats: list[str]
    trips: list[str]
    administration: list[str]
    police: list[str]
    protest: list[str]
    not_cues: dict[str, list[str]]  # event type -> words that undo its cue
    hedges: dict[str, list[str]]
    hedges_after: dict[str, list[str]]
    earlier: list[str]
    topics: list[str]
    topic_breaks: list[str]
    agenda: list[str]
    vague: list[str]
    auxiliaries: list[str]  # a tense's auxiliary verbs ("han", "fueron"), between a vague subject and its participle
    ages: list[str]


@functools.cache
def _data() -> dict[str, _LanguageData]:
    text = resources.files("bot.data").joinpath("languages.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text)["languages"])


@functools.cache
def lexicon(lang: str) -> _Lexicon:
    """The compiled lexicon of one language (built once)."""
    data = _data()[lang]
    cities = _cldr_cities(lang)
    territories = _cldr_names(lang)
    names = _country_names(lang, data, cities, territories)
    dates, months = _written_dates(lang)
    return _Lexicon(
        lang=lang,
        country_of=names,
        country_forms=_country_forms(lang, names, cities, territories),
        events=_events(lang, data),
        killed=_alternation(lang, list(data.get("killed") or [])),
        wounded=_alternation(lang, list(data.get("wounded") or [])),
        status={s: _alternation(lang, list(f)) for s, f in (data.get("status") or {}).items()},
        qualifiers={_fold_form(lang, k): cast(Qualifier, v) for k, v in (data.get("qualifiers") or {}).items()},
        numbers={_fold_form(lang, k): int(v) for k, v in (data.get("numbers") or {}).items()},
        people=_people(lang, data),
        anniversary=_alternation(lang, list(data.get("anniversary") or [])),
        no_clash=_alternation(lang, list(data.get("no_clash") or [])),
        not_places=_alternation(lang, list(data.get("not_places") or [])),
        not_places_anchors=tuple({_anchor(lang, f) for f in data.get("not_places") or []}),
        upcoming=_alternation(lang, list(data.get("upcoming") or [])),
        calls=_alternation(lang, list(data.get("calls") or [])),
        trips=_alternation(lang, list(data.get("trips") or [])),
        threats=_alternation(lang, list(data.get("threats") or [])),
        administration=_alternation(lang, list(data.get("administration") or [])),
        police=_alternation(lang, list(data.get("police") or [])),
        protest=_alternation(lang, list(data.get("protest") or [])),
        not_cues={cast(EventType, t): _alternation(lang, list(f)) for t, f in (data.get("not_cues") or {}).items()},
        hedges={cast(EventType, t): _alternation(lang, list(f)) for t, f in (data.get("hedges") or {}).items()},
        hedges_after={
            cast(EventType, t): _alternation(lang, list(f)) for t, f in (data.get("hedges_after") or {}).items()
        },
        earlier=_alternation(lang, list(data.get("earlier") or [])),
        dates=dates,
        months=months,
        topics=_alternation(lang, list(data.get("topics") or [])),
        topic_breaks=_alternation(lang, list(data.get("topic_breaks") or [])),
        agenda=_alternation(lang, list(data.get("agenda") or [])),
        vague=_vague_tolls(lang, data),
        ages=re.compile(r"\s*-?(?:" + _alternation(lang, list(data.get("ages") or [])).pattern + ")"),
    )


def _vague_tolls(lang: str, data: _LanguageData) -> re.Pattern[str]:
    """A vague quantity next to a word for killed or wounded, either order ("decenas de muertos", "murieron decenas
    de personas"), or as the subject of a compound tense, its auxiliary before the participle ("decenas de civiles
    inocentes han muerto"), as one pattern; one that matches nothing when the language lists no vague quantities."""
    vague = list(data.get("vague") or [])
    if not vague:
        return re.compile(r"(?!)")
    many = _alternation(lang, vague).pattern
    hurt = _alternation(lang, [*(data.get("killed") or []), *(data.get("wounded") or [])]).pattern
    gap = r"\s+(?:\S+\s+){0,2}?"  # "dezenas de mortos", "murieron decenas", "сотні людей загинули"
    either = f"(?:{many}){gap}(?:{hurt})|(?:{hurt}){gap}(?:{many})"
    auxiliaries = list(data.get("auxiliaries") or [])
    if not auxiliaries:
        return re.compile(either)
    # The subject's noun phrase may be a word longer when an auxiliary follows it ("de civiles inocentes han"): the
    # auxiliary shows the verb is the phrase's own, where "cientos de familiares de los muertos" names the dead.
    aux = _alternation(lang, auxiliaries).pattern
    return re.compile(f"{either}|(?:{many})\\s+(?:\\S+\\s+){{0,3}}?(?:{aux})\\s+(?:{hurt})")


def _country_names(
    lang: str, data: _LanguageData, cities: dict[str, str], territories: dict[str, str]
) -> dict[str, tuple[str, bool]]:
    """Every written form of a place in the language, with its country and whether it is capitalised: CLDR's
    cities, subdivisions and territories (less _SKIP's), then languages.yaml's own country forms."""
    names: dict[str, tuple[str, bool]] = {}
    for written, canonical in cities.items():
        if written not in _SKIP.get(lang, set()):
            names[written] = (canonical, lang not in ("ar", "fa", "zh"))
    for written, canonical in _subdivisions(lang).items():
        if written not in _SKIP.get(lang, set()):
            names[written] = (canonical, lang not in ("ar", "fa", "zh"))
    for written, canonical in territories.items():
        if written not in _SKIP.get(lang, set()):
            names[written] = (canonical, lang not in ("ar", "fa", "zh"))
    if lang in _CYRILLIC:
        for written, canonical in territories.items():
            for stem in _cyr_adjectives(lang, written) if written not in _SKIP.get(lang, set()) else ():
                names.setdefault(stem, (canonical, False))
    for written_key, forms in (data.get("countries") or {}).items():
        canonical = canonical_country(written_key)
        for form in forms:
            cap = lang not in ("ar", "fa", "zh") and form[:1].isupper()
            names[form] = (canonical, cap)
    return names


def _cyr_adjectives(lang: str, name: str) -> tuple[str, ...]:
    """The stems of the adjective a one-word Ukrainian or Russian country name regularly makes, written in lower case
    inside a sentence ("болівійські військові", "суданской армии"): -ія/-ия gives -ійськ/-ийск (Болівія, Танзанія),
    a consonant or -ь takes the suffix (Судан -> суданськ, Ізраїль -> ізраїльськ, Китай -> китайськ), -а drops its
    vowel (Панама -> панамськ, Уганда -> угандійськ, Ангола -> ангольськ), -і takes -йськ (Чилі -> чилійськ). A
    name whose adjective is irregular (Куба -> кубинський) gives a stem no word has, which matches nothing."""
    if " " in name or "-" in name or len(name) < 4:
        return ()
    low = name.lower()
    suffix, soft = ("ськ", "ійськ") if lang == "uk" else ("ск", "ийск")
    if low.endswith(("ія", "ия")):
        return (low[:-2] + soft + "*",)
    if low.endswith("а"):
        root = low[:-1]
        return tuple(f"{root}{s}*" for s in (suffix, soft, *(("ь" + suffix,) if root.endswith("л") else ())))
    if low.endswith(("і", "и")):
        return (low + "й" + suffix + "*",)
    if low[-1] not in _CYR_VOWELS or low[-1] in "йь":
        return (low + suffix + "*",)
    return ()


def _country_forms(
    lang: str, names: dict[str, tuple[str, bool]], cities: dict[str, str], territories: dict[str, str]
) -> tuple[tuple[str, re.Pattern[str], str, bool, int], ...]:
    """The place forms compiled, longest first: (anchor, pattern, country, capitalised, flags); in Ukrainian each
    form with the stems its declension and derivation give (`_uk_stems`)."""
    forms = [
        # An adjective is written in lower case inside a sentence ("на запорізькому напрямку"): no capital needed.
        (variant, w, c, cap and not variant.endswith(("ськ*", "зьк*")))
        for w, (c, cap) in names.items()
        for variant in ((w, *_uk_stems(w, region=c == "Ukraine")) if lang == "uk" else (w,))
    ]
    return tuple(
        (
            _anchor(lang, v),
            re.compile(_word_pattern(lang, _fold_form(lang, v), name=not v.endswith("*"), place=True)),
            c,
            cap,
            # A city (Софія: also a first name), not one written as its country (Катар, Сингапур).
            (_CITY if w in cities and w not in territories else 0) | (_SPANS if re.search(r"[\s\-]", w.strip()) else 0),
        )
        for v, w, c, cap in sorted(forms, key=lambda f: len(f[0]), reverse=True)
    )


# Ukrainian place names change their stem where the case ending or a suffix is added (uk):
# - the last syllable's і alternates with о or е and ї with є once an ending follows (Харків -> Харкова, Львів -> у
#   Львові, Київ -> у Києві, Миколаїв -> Миколаєва, Тернопіль -> Тернополя, Ірпінь -> Ірпеня);
# - before the adjective's -ський a final г, ж or з becomes з (Запоріжжя -> запорізький, Люксембург -> люксембурзький);
# - Ukraine's region named after its centre takes -щина, with с and -ськ giving щ and ц and -цьк giving чч (Одеса ->
#   Одещина, Луганськ -> Луганщина, Вінниця -> Вінниччина, Донецьк -> Донеччина, Полтава -> Полтавщина);
# - a four-letter name also takes the adjective (Київ -> Київська), which longer names get in `_word_pattern`.
_UK_CLOSED_I = re.compile(r"^(\w{2,}?)([іїІЇ])([бвгґджзклмнпрстфхцчшщ]{1,2}ь?)(\*?)$")
_UK_HARD = re.compile(r"^(\w{3,}?)(?:жж|ж|з|г|ґ)$")


def _uk_stems(form: str, region: bool) -> tuple[str, ...]:
    """The stems a Ukrainian place name takes besides its own (see above), as lexicon forms ending in "*"; with
    `region`, a place of Ukraine, its region's name too (other states' cities name no -щина: fewer forms to try)."""
    if " " in form.strip() or "-" in form or len(form.rstrip("*")) < 4 or form[:1].islower():
        return ()
    word = form.rstrip("*")
    out: list[str] = []
    if (m := _UK_CLOSED_I.match(form)) is not None:
        head, vowel, tail = m.group(1), m.group(2), m.group(3)
        swaps = ("є",) if vowel in "їЇ" else ("о", "е")
        out.extend(f"{head}{v}{tail.rstrip('ь')}*" for v in swaps)
    root = word[:-1] if word[-1].lower() in _CYR_VOWELS.replace("ь", "") else word
    if (h := _UK_HARD.match(root)) is not None:
        out.append(f"{h.group(1)}зьк*")
    if region and not root.endswith(("щин", "ччин")):
        for end, suffix in (("цьк", "ччин"), ("ськ", "щин"), ("ц", "ччин"), ("с", "щин"), ("", "щин")):
            if root.endswith(end):
                out.append(f"{root[: len(root) - len(end)]}{suffix}*")
                break
    if len(word) == 4 and not form.endswith("*") and word[-1].lower() not in _CYR_VOWELS:
        out.append(f"{word}ськ*")
    return tuple(out)


def _events(lang: str, data: _LanguageData) -> dict[EventType, re.Pattern[str]]:
    """One pattern per event type from the language's cues (an armed group's violence counted as a clash)."""
    events = {t: _alternation(lang, list((data.get("events") or {}).get(t, []))) for t in _ORDER}
    armed = data.get("armed")
    if armed:
        # An armed group doing violence ("los insurgentes ... mataron"): the actor, a gap, the act, as one clash cue.
        actors, acts = _alternation(lang, armed["actors"]), _alternation(lang, armed["acts"])
        pair = f"(?:{actors.pattern}){_GAP_AFTER}(?:{acts.pattern})"
        events["clash"] = re.compile(f"{events['clash'].pattern}|{pair}")
    return events


def _people(lang: str, data: _LanguageData) -> tuple[tuple[re.Pattern[str], gazetteer.Watched], ...]:
    """The watched people as the language writes them, each with the gazetteer's entry."""
    people_gz = gazetteer.people()
    people: list[tuple[re.Pattern[str], gazetteer.Watched]] = []
    for canonical, forms in (data.get("people") or {}).items():
        who = people_gz.lookup(canonical)
        if who is None:
            raise ValueError(f"languages.yaml ({lang}): {canonical!r} is not in bot/data/people.yaml")
        people.append((_alternation(lang, list(forms), name=True), who))
    return tuple(people)


def _blank(hit: re.Match[str]) -> str:
    return " " * len(hit.group(0))


def _cue(
    lex: _Lexicon, etype: EventType, folded: str, day: date | None = None, dated: bool = True
) -> re.Match[str] | None:
    """The first cue of `etype` in a folded sentence that is neither inside a phrase that is not the event
    nor hedged (sought, intended, threatened) by a word just before it, nor put in the future by a word after it in
    the sentence ("sanctions ... soon"), nor, for an attack or sanctions, dated earlier by a time or a written day
    just after it (`day`: the item's date; `dated` False: a written day is not looked at) or named at the end of an agenda's list of subjects ("temas como ... las
    sanciones")."""
    if etype in lex.not_cues:
        folded = lex.not_cues[etype].sub(_blank, folded)
    hedge, later = lex.hedges.get(etype), lex.hedges_after.get(etype)
    reach = _ZH_HEDGE_REACH if lex.lang == "zh" else _HEDGE_REACH
    for m in lex.events[etype].finditer(folded):
        if hedge is not None and hedge.search(folded, max(0, m.start() - reach), m.start()):
            continue
        if later is not None and later.search(folded, m.end()):
            continue
        if etype in _DATED and lex.earlier.search(folded, m.end(), m.end() + _EARLIER_REACH):
            continue
        if dated and etype in _DATED and _dated_before(lex, folded, m.end(), day):
            continue
        if etype == "clash" and _listed_topic(lex, lex.topics, folded, m.start()):
            continue
        if etype in _LISTED and _listed_topic(lex, lex.agenda, folded, m.start()):
            continue
        return m
    return None


def _dated_before(lex: _Lexicon, folded: str, end: int, day: date | None) -> bool:
    """Whether a written day starting within `_EARLIER_REACH` characters after a cue ending at `end` dates it before
    the news ("l'attaque aux armes chimiques du 4 avril 2017", "атаки 21 серпня"): with the item's date `day`, a day
    more than `_NEWS_DAYS` before it (a day and month with no year taken in the item's year, or the year before when
    that falls after the item's date); without a date, only a day written with its year (today's attack is told by
    its weekday or "today", not by a year). A day that is the item's own or the day before stays the news."""
    if lex.dates is None:
        return False
    found = lex.dates.search(folded, end, end + _EARLIER_REACH + 32)
    if found is None or found.start() - end > _EARLIER_REACH:
        return False
    number, month = int(found.group(1)), lex.months[found.group(2)]
    year = int(found.group(3)) if found.group(3) else None
    if day is None:
        return year is not None
    try:
        written = date(year or day.year, month, number)
        if year is None and written > day:
            written = date(day.year - 1, month, number)  # a day and month after the item's date: the year before
    except ValueError:
        return False  # no such day (31 June, or 29 February of another year)
    return (day - written).days > _NEWS_DAYS


def _written_dates(lang: str) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """A written day in `lang` ("4 avril 2017", "1er mai", "4 de abril de 2017", "21 серпня 2013 року"), its groups the
    day, the folded month name and the year (optional), and each folded month name's number: Babel's CLDR wide month
    names, both the form used in a date (Ukrainian and Russian genitive, "серпня") and the one standing alone."""
    if lang not in _WRITTEN_DATES:
        return None, {}
    from babel.dates import get_month_names  # imported on first use: the CLI stays fast

    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context=context, locale=lang).items():
            months[_fold_form(lang, str(name))] = int(number)
    names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    of = r"(?:de\s+)?" if lang in ("es", "pt") else ""
    of_year = r"(?:del?\s+)?" if lang in ("es", "pt") else ""
    pattern = rf"(?<!\d)(\d{{1,2}})(?:er)?\s+{of}({names})\b(?:\s+{of_year}(\d{{4}})(?!\d))?"
    return re.compile(pattern), months


def _agenda_sanctions(lex: _Lexicon, folded: str) -> str | None:
    """The sanctions word of a folded sentence that names sanctions only as an agenda's subject (`agenda`), if any."""
    if "sanctions" in lex.not_cues:
        folded = lex.not_cues["sanctions"].sub(_blank, folded)
    for m in lex.events["sanctions"].finditer(folded):
        if _listed_topic(lex, lex.agenda, folded, m.start()):
            return m.group(0)
    return None


def _listed_topic(lex: _Lexicon, openers: re.Pattern[str], folded: str, start: int) -> bool:
    """Whether the cue at `start` ends a list of topics opened by one of `openers`, a verb of discussing ("обговорили
    перемовини, гарантії безпеки та російські удари") or an agenda's words ("aborda temas como el comercio y las
    sanciones"): only words, commas and conjunctions between, no clause opened."""
    verbs = list(openers.finditer(folded, max(0, start - _TOPIC_REACH), start))
    if not verbs:
        return False
    verb = verbs[-1]  # the nearest verb opens the list
    between = folded[verb.end() : start]
    return (
        len(between.split()) <= _TOPIC_WORDS
        and _TOPIC_STOP.search(between) is None
        and lex.topic_breaks.search(between) is None
    )


@dataclass(frozen=True, slots=True)
class ForeignFindings:
    """What the lexicons found in one item."""

    events: list[Event]
    casualties: list[Casualty]
    people: list[Person]
    countries: list[str]
    relevance: Relevance
    relation: str | None = None  # the headline when it reports one state threatening another (None: it does not)


def _sentences(title: str, text: str) -> list[str]:
    out = [title.strip()] if title.strip() else []
    out.extend(s.strip() for s in _SENTENCE.split(text) if s and s.strip())
    return out


def _zh_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
        else:
            return None
    return total + current or None


_NUM = r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+"
# European Portuguese names the dead after "a morte a" ("provocou a morte a uma jovem"), Spanish after "dar muerte a"
# ("dio muerte a un soldado"): "um", "uma", "un", "una" there is the victim counted, one killed, not an article.
_VICTIM_AFTER = re.compile(r"(?<!\w)(?:a morte a|muerte a)\s+$")
# "Of" after a Cyrillic word for one ("однієї з багатоповерхівок", "одном из домов"): one of a group.
_ONE_OF = re.compile(r"\s+(?:з|із|зі|из|изо)(?!\w)")
_COPULA_TOLL = re.compile(r"(?<!\w)((?:sao|son)\s+(?:ya\s+|ja\s+)?\w+),")
_ZH_NUM = r"\d+|[一二两兩三四五六七八九十百千万萬]+"


def _figures_next_to(
    lex: _Lexicon, pattern: re.Pattern[str], folded: str, words: str, after: bool
) -> Iterator[re.Match[str]]:
    """The matches of a 'NUM ... killed' or 'killed NUM' pattern, each number the one next to its word: a match
    whose gap before the word holds another figure gives way to that nearer one ("12 killed, 30 more wounded": the
    wounded are the 30). An age in the gap is no figure ("a man of 45 died"); nor, in French, Spanish and Portuguese,
    is a number word, which may be an article there ("3 soldados de una patrulla")."""
    digits = r"(?<!\w)\d[\d.,]*"
    figure = re.compile(digits if lex.lang in _LATIN or not words else rf"{digits}|(?<!\w)(?:{words})(?!\w)")
    pos = 0
    while (m := pattern.search(folded, pos)) is not None:
        gap = () if after else figure.finditer(folded, m.end("n"), m.end())
        nearer = next((f for f in gap if not lex.ages.match(folded, f.end())), None)
        if nearer is None:
            yield m
            pos = m.end()
        else:
            pos = nearer.start()


def _article_before_toll(
    lex: _Lexicon, raw: str, verb_then_figure: re.Pattern[str], folded: str, m: re.Match[str]
) -> bool:
    """Whether the "one" before a verb of killing (`m`) is an article ("Un ataque mató a 15", "Uma explosão matou
    7") or picks out one of a group ("в одному з будинків загинули п'ятеро"): a Romance language's word for one, or
    a Cyrillic one followed by "of", and the verb it comes before is followed by a figure of its own."""
    if lex.numbers.get(raw) != 1:
        return False
    if lex.lang not in _LATIN and not (lex.lang in _CYRILLIC and _ONE_OF.match(folded, m.end("n"))):
        return False
    tail = verb_then_figure.search(folded, m.end("n"))
    return tail is not None and tail.start() < m.end() and lex.numbers.get(tail.group("n")) != 1


# Languages whose verb of killing or wounding ends its clause ("15人遇难40人受伤", Farsi's "... کشته شدند"): a figure
# after such a verb begins the next clause, never the verb's object.
_VERB_LAST = frozenset({"zh", "fa"})
_DIGIT = re.compile(r"\d")


def _object_of(other_then_figure: re.Pattern[str], folded: str, m: re.Match[str]) -> bool:
    """Whether the figure that `m` (NUM ... verb) reads before its verb is the object of the other kind's verb just
    before it ("mataron a 3 soldados e hirieron a 11", "вбили 2 і поранили 5"): that verb's toll, not this one's."""
    start = max(0, m.start("n") - 40)
    return any(
        t.end("n") == m.end("n") and not _DIGIT.search(folded, t.start(), t.start("n"))
        for t in other_then_figure.finditer(folded, start, m.end("n"))
    )


def _casualties(lex: _Lexicon, sentence: str, folded: str) -> list[Casualty]:
    """Figures next to a word for killed or wounded: 'NUM ... killed' (three words at most) or 'killed NUM'."""
    out: list[Casualty] = []
    words = "|".join(re.escape(k) for k in sorted(lex.numbers, key=len, reverse=True))
    if lex.lang in ("pt", "es") and ("sao " in folded or "son " in folded):
        # A toll as the copula's subject ("São cinco, agora, os brasileiros mortos", "Son ya diez los muertos"):
        # the comma after its number is an aside, not the end of the phrase (same length: positions stay).
        folded = _COPULA_TOLL.sub(lambda m: m.group(1) + " ", folded)
    if lex.lang == "zh":
        num = rf"(?P<n>{_ZH_NUM})"
        gap_before, gap_after = r"[名人个個位]?[^\d。，,]{0,6}?", r"[^\d。，,]{0,8}?"
    else:
        num = rf"(?<!\w)(?P<n>{_NUM}{'|' + words if words else ''})(?!\w)"
        # Farsi puts the verb last: "15 نفر در حمله ... کشته شدند".
        gap_before = r"(?:\s+\S+){0,%s}?\s+".replace("%s", "7" if lex.lang == "fa" else "5")
        gap_after = r"(?:\s+\S+){0,2}?\s+"
    for kind_re, kind in ((lex.killed, "killed"), (lex.wounded, "wounded")):
        kinds = kind_re.pattern
        other = lex.wounded if kind == "killed" else lex.killed
        # A verb with its figure after it: this kind's ("mató a 15"), the other kind's ("mataron a 3 ... hirieron")
        verb_then_figure = re.compile(rf"(?:{kinds}){gap_after}{num}")
        other_then_figure = re.compile(rf"(?:{other.pattern}){gap_after}{num}")
        figure_then_verb = re.compile(rf"{num}{gap_before}(?:{kinds})")
        for after, pattern in ((False, figure_then_verb), (True, verb_then_figure)):
            for m in _figures_next_to(lex, pattern, folded, words, after):
                raw = m.group("n")
                if (
                    after
                    and lex.lang in _LATIN
                    and raw in lex.numbers
                    and lex.numbers[raw] == 1
                    and not _VICTIM_AFTER.search(folded, m.start(), m.start("n"))
                ):
                    continue  # "tués dans une attaque": after the verb, "une" is an article, not a toll (Ukrainian has
                    # no article: "загинув один" is one killed)
                if not after and other.search(folded, m.end("n"), m.end()):
                    continue  # "22人遇难多人受伤": the number is the other kind's, the second kind has none
                if not after and _article_before_toll(lex, raw, verb_then_figure, folded, m):
                    continue  # "Un ataque mató a 15 personas": "un" is the attack's article, the toll follows the verb
                if not after and lex.lang not in _VERB_LAST and _object_of(other_then_figure, folded, m):
                    continue  # "mataron a 3 soldados e hirieron a 11": the 3 are the killing verb's, not the wounded
                if lex.lang == "zh":
                    count = _zh_number(raw)
                elif raw in lex.numbers:
                    count = lex.numbers[raw]
                else:
                    count = int(re.sub(r"\D", "", raw))
                if not count or (1900 <= count <= 2100 and not re.search(r"\d[ ,.]", raw)):
                    continue  # a year, not a toll
                if lex.ages.match(folded, m.end("n")):
                    continue  # an age ("de 45 años", "aos 90 anos"), not a toll
                before = folded[max(0, m.start() - 20) : m.start()]
                qualifier: Qualifier = "exact"
                for word, q in lex.qualifiers.items():
                    if before.rstrip().endswith(word):
                        qualifier = q
                out.append(Casualty(count, qualifier, cast(CasualtyKind, kind), None, True, sentence))
                break
            if out and out[-1].kind == kind:
                break
    return out


_GOVERNED_GAP = 3  # words allowed between "administration" and the name ("la administración del presidente Biden")


def _governed(lex: _Lexicon, folded: str, start: int, end: int) -> bool:
    """Whether the official's name at folded[start:end] is written as their government: "administration" or
    "government" just before it ("إدارة بايدن", "el gobierno de Maduro"), or just after it in Chinese ("拜登政府")."""
    if lex.lang == "zh":
        return lex.administration.match(folded, end) is not None
    before = folded[max(0, start - 40) : start]
    ends = [m.end() for m in lex.administration.finditer(before)]
    return bool(ends) and len(before[ends[-1] :].split()) <= _GOVERNED_GAP


@dataclass(slots=True)
class _Item:
    """What read has found in an item so far, sentence by sentence."""

    countries: dict[str, None] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[EventType, Event] = field(default_factory=dict)
    casualties: list[Casualty] = field(default_factory=list)
    cues: list[tuple[str, float]] = field(default_factory=list)
    governments: set[str | None] = field(default_factory=set)  # states whose government an official's name stands for
    announced: bool = False  # an announced trip or visit: relevant (README) with no event type
    # Sanctions named among an agenda's subjects ("una directiva que aborda temas como ... sanciones"): a measure
    # between states in the making, relevant as sanctions planned are (corpus labels), with no sanctions type.
    agenda_sanctions: bool = False
    vague_toll: tuple[str, str] | None = None  # a toll given as a vague quantity: (its sentence, its words)
    day: date | None = None  # the item's date (None: undated)
    # An attack dated before the news by a written day ("l'attaque du 4 avril 2017"): no clash, but conflict recalled
    # beside the item's news, relevant as an agenda's sanctions are, with no event type.
    dated_attack: bool = False


def read(lang: str, title: str, text: str, day: date | None = None) -> ForeignFindings:
    """Events, casualties, people and countries of an item in `lang` (one of LANGUAGES); `day` is the item's date
    (None: undated), against which a written day dates an attack or sanctions before the news."""
    lex = lexicon(lang)
    item = _Item(day=day)
    sentences = _sentences(title, text[:3000])
    # An anniversary in the headline or lead names a past attack; a disaster or accident is no fighting.
    lead = fold(lang, " ".join(sentences[:2]))
    no_clash = bool(lex.anniversary.search(lead) or lex.no_clash.search(lead))
    # A meeting announced as still to come: the item's meeting words name it, not talks held (no talks).
    upcoming = bool(lex.upcoming.search(lead))
    item.announced = bool(lex.trips.search(lead))  # an announced trip is relevant (README) with no event type
    # A city's name that is also a phrase ("la paz", peace) cannot be told in a line without capitals: with a body to
    # read, such a line's cities are left to the body, which writes the name with its capital when it means the city.
    has_body = bool(text.strip())
    for sentence in sentences:
        folded = fold(lang, sentence)
        _sentence_countries(lex, sentence, folded, item, has_body)
        _sentence_people(lex, sentence, folded, item)
        _sentence_events(lex, sentence, folded, item, no_clash, upcoming)
        if len(item.casualties) < 3:
            # A headline repeated in the body gives its figure once.
            seen = {(c.count, c.kind) for c in item.casualties}
            item.casualties.extend(c for c in _casualties(lex, sentence, folded) if (c.count, c.kind) not in seen)
        if item.vague_toll is None and (toll := lex.vague.search(folded)) is not None:
            item.vague_toll = (sentence, toll.group(0))
    if lang in _LATIN:
        _written_people(lex, title, text, item)
    relation = None
    if sentences and (threat := _headline_threat(lex, sentences[0], has_body)) is not None:
        relation = sentences[0]
        item.cues.append((threat, 1.0))
    return _findings(item, no_clash, relation)


def _headline_threat(lex: _Lexicon, headline: str, has_body: bool) -> str | None:
    """The threat word of a headline that reports one state threatening another: a threat made (`threats`) and two
    states in the headline, named or through a watched official's state ("Трамп ... погрозами на адресу Кім Чен Ина";
    as in English, "Blinken warns China"); None otherwise (a threat in one state, "погрози вибуху в школах")."""
    folded = fold(lex.lang, headline)
    if (threat := lex.threats.search(folded)) is None:
        return None
    head = _Item()
    _sentence_countries(lex, headline, folded, head, has_body)
    _sentence_people(lex, headline, folded, head)
    states = set(head.countries) | {p.country for p in head.people.values() if p.country}
    return threat.group(0) if len(states) >= 2 else None


def _sentence_countries(lex: _Lexicon, sentence: str, folded: str, item: _Item, has_body: bool = False) -> None:
    """The countries a sentence names, save in the names of languages and publications (and, in a line without
    capitals beside a body, save through a city's name)."""
    # Names of languages and publications are no places ("sigla inglesa", 《新苏黎世报》): blanked for countries.
    placed = folded
    if any(a in folded for a in lex.not_places_anchors):
        placed = lex.not_places.sub(_blank, folded)
    if lex.lang == "zh":
        placed = _ZH_TITLE.sub(_blank, placed)
    # A headline written all in lower case (a URL's words) cannot tell a name by its capital letter.
    caseless = not any(ch.isupper() for ch in sentence)
    countries = item.countries
    cyrillic = lex.lang in _CYRILLIC
    # Longer forms come first: a name spanning words blanks its words, which then name no other country
    # ("Porto Príncipe" is Haiti's capital, not Porto; "Південний Судан" is not Sudan).
    for anchor, pattern, canonical, cap, kind in lex.country_forms:
        if anchor not in placed or (canonical in countries and not kind & _SPANS):
            continue
        for m in pattern.finditer(placed):
            if cap and not caseless and not sentence[m.start()].isupper():
                continue
            if caseless and has_body and kind & _CITY and (cyrillic or lex.lang in _LATIN):
                # Left to the body, but its words still name no other place ("porto principe" holds no Porto).
                if kind & _SPANS:
                    placed = placed[: m.start()] + " " * (m.end() - m.start()) + placed[m.end() :]
                continue
            if cyrillic and kind & _CITY and _CYR_SURNAME.match(sentence, m.end()):
                continue  # a first name before a surname ("Софія Ротару"), not the city
            if cyrillic and _CYR_ADJECTIVE_END.search(m.group(0)) and _CYR_TREATY.match(placed, m.end()):
                continue
            countries[canonical] = None
            if not kind & _SPANS:
                break
            placed = placed[: m.start()] + " " * (m.end() - m.start()) + placed[m.end() :]


def _sentence_people(lex: _Lexicon, sentence: str, folded: str, item: _Item) -> None:
    """The watched officials a sentence names in the lexicon's forms, and the states whose government a name is."""
    people = item.people
    for pattern, who in lex.people:
        if who.name not in people and (found_at := pattern.search(folded)):
            people[who.name] = Person(who.name, who.title, who.country, sentence)
            if _governed(lex, folded, found_at.start(), found_at.end()):
                item.governments.add(who.country)


def _sentence_events(lex: _Lexicon, sentence: str, folded: str, item: _Item, no_clash: bool, upcoming: bool) -> None:
    """The events whose cues a sentence holds, each type once, a ceasefire with the first status given; with
    `no_clash` (an anniversary, a disaster) no fighting, with `upcoming` (a meeting still to come) no talks."""
    events, cues = item.events, item.cues
    # A ceasefire's words are no fighting ("وقف إطلاق النار" holds "إطلاق النار", gunfire).
    masked = lex.events["ceasefire"].sub(_blank, folded)
    for etype in _ORDER:
        if etype == "clash" and (no_clash or lex.anniversary.search(folded)):
            continue
        if etype == "talks" and upcoming and not lex.calls.search(folded):
            # Still relevant (README: an announced visit is relevant with no event type).
            if not item.announced and (cue := _cue(lex, etype, folded)) is not None:
                item.announced = True
                cues.append((cue.group(0), 1.0))
            continue
        cue = _cue(lex, etype, masked if etype == "clash" else folded, item.day)
        if cue is None and etype == "clash" and not item.dated_attack:
            # An attack dated before the news by a written day: no clash, the item still relevant.
            if (recalled := _cue(lex, etype, masked, dated=False)) is not None:
                item.dated_attack = True
                cues.append((recalled.group(0), 1.0))
        if cue is None:
            if etype == "sanctions" and not item.agenda_sanctions and (subject := _agenda_sanctions(lex, folded)):
                item.agenda_sanctions = True
                cues.append((subject, 1.0))
            continue
        if etype == "clash" and lex.police.search(folded) and lex.protest.search(folded):
            continue  # the police against protesters: policing, not fighting
        status = None
        if etype == "ceasefire":
            status = next((s for s, p in lex.status.items() if p.search(folded)), None)
        if etype not in events:
            events[etype] = Event(etype, status, sentence, f'word "{cue.group(0)}"')
            cues.append((cue.group(0), 1.0))
        elif etype == "ceasefire" and status and events[etype].status is None:
            # The first mention gave no status ("Sudan: ceasefire possible"): the next one that does decides.
            named = events[etype]
            events[etype] = Event(etype, status, named.evidence, named.cue)


def _written_people(lex: _Lexicon, title: str, text: str, item: _Item) -> None:
    """Latin-script names of the English gazetteer ("Emmanuel Macron", "Antony Blinken") read as written."""
    gz = gazetteer.people()
    written_text = f"{title}\n{text[:3000]}"
    folded_text = fold(lex.lang, written_text)
    people = item.people
    for m in re.finditer(r"\b[A-Z][\w'\-]+(?:\s+(?:[A-Z][\w'\-]+|[A-Z]\.|de|da|von|al|el|bin))*", written_text):
        written = re.sub(r"\s+[A-Z]\.(?=\s)", "", m.group(0))
        known = gz.lookup(written) or gz.lookup_variant(written)
        if known is None and " " not in written:
            # A distinctive surname alone ("le président Obama"): one watched person, not a common name.
            same = gz.by_surname.get(text_fold(written), ())
            common = text_fold(written) in gz.common_surnames
            known = same[0] if len(same) == 1 and not common and len(written) >= 4 else None
        if known is not None and _governed(lex, folded_text, m.start(), m.end()):
            item.governments.add(known.country)
        if known is not None and known.name not in people:
            people[known.name] = Person(known.name, known.title, known.country, m.group(0))


def _findings(item: _Item, no_clash: bool, relation: str | None = None) -> ForeignFindings:
    """The item's findings: the first toll as its casualties event, the countries with those whose government an
    official's name stands for, the events in their order, and whether the item is relevant."""
    events, cues, countries = item.events, item.cues, item.countries
    if item.casualties:
        first = item.casualties[0]
        events["casualties"] = Event("casualties", None, first.evidence, f"{first.count} {first.kind}")
        cues.append((f"{first.count} {first.kind}", 1.0))
    elif item.vague_toll is not None:
        sentence, words = item.vague_toll
        events["casualties"] = Event("casualties", None, sentence, f'vague toll "{words}"')
        cues.append((words, 1.0))
    # An official's name or bare office names no country ("Blinken", "Госсекретарь"): only the country's own words do,
    # as in English (corpus/README.md, convention 6), and "the Biden administration" (the official's government).
    for state in sorted(s for s in item.governments if s and s in gazetteer.places().countries):
        countries.setdefault(state, None)
    found = [events[t] for t in ("ceasefire", "casualties", "clash", "talks", "agreement", "sanctions") if t in events]
    # A disaster's or an accident's toll (no_clash in the headline or lead) is no conflict news: not relevant alone.
    core = [e for e in found if not (no_clash and e.type == "casualties")]
    # One state threatening another in the headline is news between states, as an event is (rule state-relations).
    relevant = core or item.announced or item.agenda_sanctions or item.dated_attack or relation
    relevance = Relevance(1.0 if relevant else 0.0, 0.5, tuple(cues[:4]))
    return ForeignFindings(found, item.casualties, list(item.people.values()), list(countries), relevance, relation)
