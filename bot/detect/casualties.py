"""Casualty figures: count, qualifier, kind, who, and whether the figure is current news or background.

Conventions (they follow the labelling guide in eval-dev/README.md):
- a figure needs an explicit number (digits or words, "a dozen" = 12); vague words ("dozens", "scores",
  "hundreds", "tens of thousands", "several") are never figures;
- a figure needs a casualty word tied to it: "22 people were killed", "killed 200 troops", "the death
  toll rose to 170"; combined phrases keep the first kind;
- hostages, prisoners, the displaced, arrests, force sizes, ages, years, dates, times, distances, money,
  durations and projections ("could pass 25,000") are never figures;
- background: a figure in a clause dated to a past year or month ("In 2020, ...", "In April, ..."), tied to
  an earlier conflict ("died in that war"), to an anniversary, to a separately dated earlier incident
  ("including a blast Tuesday ...", "a week ago", "earlier this month", "a previous bombing"), to a
  comparison ("the deadliest since 2014, when 80 died", "calm since March, when 41 died"), to the attack a report
  follows ("follows a bombing that killed 30"), to the dated "when" clause of its toll ("20 died when militants
  stormed the hotel in 2015"), to an opening that points back ("At the time, ...", "The last time the town was
  shelled, ..."), or to a timeline of earlier attacks ("July - Gunmen kill 30 ...") is reported with
  current=False; a running total "since the war began in 2011" stays current;
- rates ("91 a day", "deaths a year", "annually", "on average"), hypotheticals ("could have killed") and
  figures being debunked ("falsely claim", "no evidence that", "denied that") are never figures;
- cause: what killed or hurt the victims (conflict, disaster, accident, disease, crime, or None), read
  from the figure's own clause, then its sentence, then the headline and lead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from bot.detect import earlier, lazyre
from bot.detect.numbers import Number, find_numbers
from bot.detect.prefilter import gate, holds_any, needed_endings, word_initial
from bot.detect.text import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, WEEKDAYS, Doc, Sentence
from bot.models import CASUALTY_CAUSES, Casualty, CasualtyCause, CasualtyKind, Qualifier

_CUE = lazyre.compile(
    r"kill|dead|death|died|\bdie|wound|injur|missing|lives|casualt|fatalit|toll|perish|slain|hurt|bodies|massacre|assassinat"
)

_KIND_WORDS: dict[str, CasualtyKind] = {
    "killed": "killed",
    "slain": "killed",
    "dead": "dead",
    "died": "dead",
    "deaths": "dead",
    "fatalities": "dead",
    "perished": "dead",
    "drowned": "dead",
    "die": "dead",
    "dies": "dead",
    "martyred": "killed",
    "wounded": "wounded",
    "injured": "injured",
    "hurt": "injured",
    "missing": "missing",
    "unaccounted": "missing",
    "bodies": "dead",
    "injuries": "injured",
    "wounds": "wounded",
}
_ACTIVE = {"killed", "wounded", "injured"}
# Attackers killed by their own blast: "four militants blew themselves up" (a toll with no casualty word).
_SELF_BLAST = lazyre.compile(r"\bblew\s+themselves\s+up\b")
# A toll told as a loss of people holds no casualty word either: "saddened by the tragic loss of two peacekeepers".
_LOSS_OF = lazyre.compile(r"\blo(?:ss|sses) of\b")
# The nouns of loss name no kind of harm of their own: the victims must follow the count ("the loss of two" may be a
# match's or a vote's).
_NOUN_NEEDS_WHO = lazyre.compile(r"\blo(?:ss|sses) of$")
_RATIO_BEFORE = lazyre.compile(r"\b(?:of|in|out of)\s+$")  # "3 of 10 die young", "1 in 5 die": a share, not a toll
_NOT_YET_DEAD = frozenset(
    ["to", "may", "might", "could", "would", "will", "should", "must", "can", "not", "never", "also"]
)
_LEFT_VERBS: list[tuple[re.Pattern[str], CasualtyKind]] = [
    (
        lazyre.compile(
            r"(?:killed|killing|kills|kill|massacred|massacring|slaughtered|shot dead|gunned down|murdered|murdering|murders|murder|beheaded|beheading|martyred)$"
        ),
        "killed",
    ),
    (lazyre.compile(r"(?:lost|losing|loses)$"), "dead"),  # "we lost 12 men", "lost 10 friends on board"
    # "claimed the lives of 132 children", "claiming the lives of at least 29 people", "costing the lives of 8"
    (
        lazyre.compile(r"(?:claimed|claiming|claims|took|taking|takes|taken|cost|costing|costs) the lives of$"),
        "killed",
    ),
    (lazyre.compile(r"(?:assassination|killing|killings|massacre|murder|deaths?) of$"), "killed"),
    # A toll told as a noun, as "the death of" is: "the tragic loss of two peacekeepers", "the injury of five other
    # soldiers", "the wounding of three police officers", "caused injuries to 12 civilians" ("the loss of two
    # helicopters", "the loss of 300 jobs": no victims after the count, so no figure; see _NOUN_NEEDS_WHO).
    (lazyre.compile(r"(?:loss|losses) of$"), "dead"),
    (lazyre.compile(r"wounding of$"), "wounded"),
    (lazyre.compile(r"(?:injury|injuries|injuring) (?:of|to)$"), "injured"),
    (
        lazyre.compile(
            r"(?:bodies of|among (?:the dead|those killed|those who died|the victims) (?:were|are|was|is|included|include)|"
            r"the dead (?:included|include|includes))$"
        ),
        "dead",
    ),
    (lazyre.compile(r"(?:wounding|wounded|wounds)$"), "wounded"),
    (lazyre.compile(r"(?:injuring|injured|injures|injure|hurting|hurt)$"), "injured"),
]
_TOLL = lazyre.compile(
    r"\b(?:(?:death|casualty|fatality|the|quake|earthquake|flood|storm|war|attack|blast|bombing|crash|strike) tolls?|casualties|fatalities|deaths|(?:the )?number of (?:dead|deaths|people killed|victims))\b"
    r"(?P<mid>[^.;:]{0,60})$"
)
_TOLL_MID = lazyre.compile(
    r"^(?:\s|,|stands?|stood|at|is|was|has|had|have|rose|risen|rises|climbed|climbs|jumped|reached|reaches|hit|hits|to|of|"
    r"now|nearing|nears|near|surpassed|surpasses|exceeded|exceeds|passed|passes|topped|tops|increased|grew|total(?:l?ed)?|overall|officially|reportedly|"
    r"more|than|at least|over|about|nearly|almost|some|around|roughly|an estimated|estimated|up|in|the|attack|"
    r"from|this|week|'s|s)*$"
)
_PROJECTION = lazyre.compile(
    # ("may have died", "might have been killed", "feared to have died": an estimate of deaths that happened; "could
    # have" and "would have" stay what might have been)
    r"\b(?:could|might(?!\s+have\b)|may(?!\s+have\b)|would|will|(?:expected|feared|likely)\s+to(?!\s+have\b)|set to|"
    r"projected|forecast)\b"
    # intent and capability: "plotted to kill 50", "an attempt to kill", "designed to kill 1,000", "enough to kill"
    r"|\b(?:plot(?:ted|ting|s)?|threat(?:en(?:ed|ing|s)?)?|vow(?:ed|ing|s)?|plan(?:ned|ning|s)?|attempt(?:ed|ing|s)?|"
    r"tr(?:y|ied|ies|ying)|intend(?:ed|ing|s)?|aim(?:ed|ing|s)?|sought|seek(?:ing|s)?|want(?:ed|ing|s)?|enough|designed|meant|"
    r"able|capable of|ready)\s+(?:to\s+)?(?:[\w-]+\s+)?(?:kill|killing|wound|wounding|injure|injuring)\w*\s*(?:up to\s+|as many as\s+)?$"
)

# An estimate of deaths that happened ("as many as 100 people may have been killed"), unless the sentence says what
# would have been ("hundreds might have died had the bomb gone off", "may have been killed if the shelter had failed").
_MODAL_PERFECT = lazyre.compile(r"\b(?:may|might)\s+have\b|\b(?:expected|feared|likely)\s+to\s+have\b")
_COUNTERFACTUAL = word_initial(
    r"had\s+(?:it|they|he|she|we|the|not|there)\b|if\b|without\b|but\s+for\b|were\s+it\s+not\b|otherwise\b"
)


def _what_might_have_been(words: str, low: str, end: int) -> bool:
    """Whether the modal perfect in `words` ("may have been killed") tells what would have happened, not an
    estimate: the sentence after the number says on what condition."""
    return _MODAL_PERFECT.search(words) is not None and _COUNTERFACTUAL.search(low, end) is not None


_QUALIFIERS: list[tuple[re.Pattern[str], Qualifier]] = [
    (lazyre.compile(r"(?:at least|no fewer than|no less than|a minimum of)\s*$"), "at_least"),
    (
        lazyre.compile(
            r"(?:(?:well|far|just|slightly)\s+)?"  # "injuring well over one hundred", "far more than 50"
            r"(?:more than|over|upwards of|in excess of|above|exceeding|surpassed|surpasses|topped|tops|exceeded|exceeds|passed|passes)\s*$"
        ),
        "more_than",
    ),
    (lazyre.compile(r"(?:nearly|almost|close to|nearing|nears|just under|just short of|approaching)\s*$"), "nearly"),
    (
        lazyre.compile(
            r"(?:about|around|approximately|roughly|some|an estimated|estimated|approx\.|circa|an approximate)\s*$"
        ),
        "about",
    ),
    (lazyre.compile(r"(?:up to|as many as)\s*$"), "up_to"),
]


@functools.cache
def _qualifier_endings() -> tuple[str, ...]:
    """The words a text ends with (before spaces) when a qualifier of _QUALIFIERS ends it: most texts before a figure
    end with none, and the test costs less than the patterns' scans of up to 260 characters each ("" when a pattern's
    words are not found: every text is then searched)."""
    endings: set[str] = set()
    for pattern, _ in _QUALIFIERS:
        words = needed_endings(pattern)
        if words is None:
            return ("",)
        endings.update(words)
    return tuple(sorted(endings))


_VAGUE_BEFORE = lazyre.compile(
    r"(?:several|a few|few|many|hundreds of|thousands of|tens of|dozens of|scores of|millions of)\s*$"
)

WHO = frozenset(
    [
        "people",
        "persons",
        "person",
        "individuals",  # "killed over 130 individuals", as "people"
        "civilians",
        "civilian",
        "soldiers",
        "soldier",
        "troops",
        "servicemen",
        "servicewomen",
        "personnel",
        # "killed over 40 paramilitary forces", "nine security forces were wounded": the troops of a side
        "forces",
        "paramilitaries",
        "troopers",
        "police",
        "policemen",
        "officers",
        "officer",
        "children",
        "child",
        "kids",
        "women",
        "men",
        "boys",
        "girls",
        "students",
        "pupils",
        "teachers",
        "workers",
        "staff",
        "employees",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "attackers",
        "gunmen",
        "assailants",
        "jihadists",
        "combatants",
        "passengers",
        "pilgrims",
        "protesters",
        "demonstrators",
        "residents",
        "villagers",
        "migrants",
        "journalists",
        "peacekeepers",
        "guards",
        "members",
        "others",
        "victims",
        "adults",
        "babies",
        "infants",
        "worshippers",
        "tourists",
        "nationals",
        "national",  # "including one British national"
        "citizens",
        "citizen",  # "including one U.S. citizen"
        "family",
        "relatives",
        "bystanders",
        "crew",
        "sailors",
        "marines",
        "pilots",
        "paramedics",
        "doctors",
        "nurses",
        "aid",
        "volunteers",
        "prisoners",
        "hostages",
        "detainees",
        "captives",
        "refugees",
        "displaced",
        "evacuees",
        "aides",
        "bodyguards",
        "commanders",
        "officials",
        "leaders",
        "diplomats",
        "monks",
        "priests",
        "farmers",
        "miners",
        "fishermen",
        "shoppers",
        "spectators",
        "fans",
        "foreigners",
        "expatriates",
        "locals",
        "guests",
        "customers",
        "patrons",
        "diners",
        "commuters",
        "motorists",
        "drivers",
        "hikers",
        "climbers",
        "swimmers",
        "politicians",
        "lawmakers",
        "activists",
        "worshipers",
        "congregants",
        "parishioners",
        "churchgoers",
        "mourners",
        "schoolchildren",
        "youths",
        "teenagers",
        "toddlers",
        "elders",
        "elderly",
        "patients",
        "medics",
        "rescuers",
        "firefighters",
        "contractors",
        "servicemembers",
        "airmen",
        "seamen",
        "policewomen",
        "gendarmes",
        "cadets",
        "recruits",
        "ministers",
        "judges",
        "reporters",
        "photographers",
        "tribesmen",
        "separatists",
        "extremists",
        "terrorists",
        "bombers",
        "muslims",
        "christians",
        "buddhists",
        "hindus",
        "shiites",
        "sunnis",
        "kurds",
        "yazidis",
        "rohingya",
        "tamils",
        "daughters",
        "sons",
        "brothers",
        "sisters",
        "friends",
        "relatives",
        "americans",
        "foreign",
    ]
)
# Captives and the displaced are never casualty figures, even when "missing" or "killed" is nearby.
NOT_CASUALTIES = frozenset(["prisoners", "hostages", "detainees", "captives", "refugees", "displaced", "evacuees"])
_GAP_OK = frozenset(
    [
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "being",
        "are",
        "is",
        "be",
        "reportedly",
        "reported",
        "confirmed",
        "believed",
        "feared",
        "said",
        "also",
        "still",
        "now",
        "all",
        "and",
        "or",
        "as",
        "of",
        "the",
        "a",
        "an",
        "at",
        "least",
        "more",
        "other",
        "innocent",
        "including",
        "who",
        "later",
        "to",
        "their",
        "its",
        "his",
        "her",
        "both",
        "sides",
        "from",
        "either",
        'side",',
        "'",
        "in",
        "on",
        "among",
        "board",
        "aboard",
        "presumed",
        # "have so far been confirmed dead", "have thus far died", "have already been killed"
        "so",
        "far",
        "thus",
        "already",
        # "four civilians sustained serious injuries", "17 people suffered gunshot wounds"
        "suffered",
        "sustained",
        "serious",
        "minor",
        "critical",
        "severe",
        "gunshot",
        "shrapnel",
        "bullet",
    ]
)
# After the victims, a place, a relative clause or what they bore may stand before the verb: "54 recruits at a
# pro-government army center were killed", "all four of the attackers who stormed the hotel were shot dead", "five
# gunmen with suicide vests were shot dead", "three militants wearing uniforms were killed".
_VICTIM_TAIL = frozenset(
    ["at", "in", "on", "near", "inside", "outside", "who", "that", "with", "wearing", "carrying", "armed", "dressed"]
)
_BLOCK = frozenset(
    [
        "year",
        "years",
        "yr",
        "yrs",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "century",
        "centuries",
        "km",
        "kilometers",
        "kilometres",
        "kilometer",
        "kilometre",
        "miles",
        "mile",
        "meters",
        "metres",
        "meter",
        "metre",
        "feet",
        "foot",
        "percent",
        "per",
        "dollars",
        "dollar",
        "euros",
        "euro",
        "pounds",
        "yuan",
        "rubles",
        "roubles",
        "rupees",
        "pints",
        "liters",
        "litres",
        "gallons",
        "tons",
        "tonnes",
        "kg",
        "buses",
        "vehicles",
        "cars",
        "trucks",
        "tanks",
        "rockets",
        "missiles",
        "drones",
        "shells",
        "rounds",
        "aircraft",
        "planes",
        "jets",
        "ships",
        "boats",
        "countries",
        "nations",
        "states",
        "cities",
        "towns",
        "villages",
        "provinces",
        "districts",
        "regions",
        "member",
        "times",
        "fold",
        "points",
        "goals",
        "votes",
        "seats",
        "acres",
        "hectares",
        "homes",
        "houses",
        "buildings",
        "hospitals",
        "square",
        "sq",
        "am",
        "pm",
        "o'clock",
        "th",
        "st",
        "nd",
        "rd",
        "bn",
        "mln",
        "million",
        "billion",
        "trillion",
        "billion-dollar",
        "year-old",
        "years-old",
        "percent-of",
        "camps",
        "trips",
        "flights",
        "weapons",
        "guns",
        "tribes",
        "groups",
        "organizations",
        "agencies",
        "parties",
        "companies",
        "firms",
        "projects",
        "laws",
        "bills",
        "resolutions",
        "articles",
        "pages",
        "steps",
        "phases",
        "counties",
        "parishes",
        "municipalities",
        "communities",
        "neighborhoods",
        "neighbourhoods",
        "areas",
        "schools",
        "mosques",
        "churches",
        "sites",
        "locations",
        "attacks",
        "incidents",
        "bombings",
        "blasts",
        "explosions",
        "airstrikes",
        "strikes",
        "raids",
        "bombs",
        "cases",
    ]
)
_MONTHS = [
    *MONTHS,
    *MONTH_ABBREVIATIONS,
]
_MONTH_RE = "|".join(_MONTHS)
_MONTH_AFTER = lazyre.compile(
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|april|june|july|august|september|october|november|december|"
    r"jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?"
)
_DATE_BEFORE = lazyre.compile(rf"\b(?:{_MONTH_RE})\.?\s*$")
_WEEKDAYS = WEEKDAYS
_WEEKDAY_RE = lazyre.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_INCIDENT_DAY = word_initial(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+)?(?:blast|attack|bombing|explosion|strike|raid|ambush|assault|shooting)\s+(?:on\s+|last\s+)?("
    + "|".join(_WEEKDAYS)
    + r")\b|\b("
    + "|".join(_WEEKDAYS)
    + r")'s\s+(?:[\w-]+\s+)?(?:blast|attack|bombing|explosion|strike|raid|ambush|assault)"
)
_FEW_WORDS = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|24|48|72|\d{1,2})"
_BACKGROUND = lazyre.compile(
    rf"\b(?:in|during|by|until|of)\s+(?:(?:early|late|mid)[- ])?(?:(?:{_MONTH_RE})\.?\s+)?(?:1[89]|20)\d\d\b"
    rf"|\b(?:1[89]|20)\d\d\s+(?:war|conflict|attack|attacks|bombing|massacre|genocide|fighting|offensive|invasion|uprising|revolution)"
    rf"|\bin\s+(?:{_MONTH_RE})\b(?!\s+\d)"
    r"|\b(?:between|from)\s+(?:1[89]|20)\d\d\s+(?:and|to|until|till)\s+(?:1[89]|20)\d\d\b"
    # "the 2019 bombing", "the August 2021 drone strike", "the July 7, 2005 bombings"
    rf"|\bthe\s+(?:(?:{_MONTH_RE})\.?\s+(?:\d{{1,2}},?\s+)?)?(?:1[89]|20)\d\d\b(?!\s*-)"
    rf"|\banniversar|\bcommemorat|\b{earlier.ago(earlier.units(earlier.YEAR, earlier.DECADE))}\b"
    rf"|\b{earlier.last(earlier.YEAR)}\b|\b{earlier.earlier_this(earlier.YEAR)}\b"
    # "their last major attack, on a garrison, left 60 dead", "the rebels' previous offensive": a side's previous attack
    r"|\b(?:their|its|[\w-]+'s|[\w-]+s')\s+(?:last|previous)\s+(?:[\w-]+\s+)?(?:attack|offensive)\b"
    # ("that attack" alone points back at the attack just told, which may be the news: _after_earlier_attack)
    r"|\b(?:that(?!\s+attack\b)|the previous|the earlier|an earlier|a previous|the last|the first|the second)\s+"
    r"(?:war|conflict|fighting|attack|battle|offensive|massacre|genocide|uprising|invasion)\b"
    # ... but not an ordinal counting the news itself in a series: "the second attack in two days", "the first attack
    # since the truce", "the second attack this week"
    rf"(?!s?\s+(?:(?:in|within)\s+(?:(?:{_FEW_WORDS}|as many|the past|the last|less than|under)\s+)*(?:hours?|days?|weeks?|months?)\b"
    r"|this\s+(?:week|month)\b|since\b))"
)
# Every match of _BACKGROUND holds one of these: a year's first two digits, a month's first three letters, "ago",
# "year", the anniversary words or a conflict noun. Most sentences hold none, and testing them costs less than the scan.
_BACKGROUND_WORDS = (
    *("18", "19", "20", *(m[:3] for m in MONTHS), "ago", "year", "anniversar", "commemorat"),
    *("war", "conflict", "fighting", "attack", "battle", "offensive", "massacre", "genocide", "uprising", "invasion"),
)


def may_be_background(low: str) -> bool:
    """False when _BACKGROUND cannot match the text (it holds none of _BACKGROUND_WORDS)."""
    return _HOLDS_BACKGROUND_WORD(low)


_HOLDS_BACKGROUND_WORD = holds_any(_BACKGROUND_WORDS)  # (one bit of the shared automaton pass of a sentence)


_ANNIVERSARY_TITLE = lazyre.compile(
    r"anniversar|years after|years on|remember|commemorat|\bmemorial\b|\bproclamation\b|\bveterans\b"
    # "Ceremony Marks 20 Years Since Bombing", "Ten Years Since the Siege": the years since an event, marked or opening
    # the headline, are its anniversary ("Blast Kills 12, Two Years Since Truce" is news told beside a date)
    rf"|(?:^|\bmark(?:s|ed|ing)?\s+)(?:the\s+)?{earlier.COUNT}\s+(?:years?|decades?)\s+since\b"
)
# An anniversary the lead itself commemorates ("Kenya and Tanzania observed Tuesday the 20th anniversary of the
# embassy bombings", "Today we mark the anniversary of the terrorist bombings"): the piece is about an earlier event
# even when its headline does not say so. A lead that gives a toll of its own reports news that falls on an
# anniversary ("Gunmen killed 12 people as the country marked the anniversary of the revolution").
_ANNIVERSARY_LEAD = word_initial(
    r"(?:mark(?:s|ed|ing)?|observ(?:e|es|ed|ing)|commemorat(?:e|es|ed|ing)|remember(?:s|ed|ing)?|honou?r(?:s|ed|ing)?|"
    r"celebrat(?:e|es|ed|ing))\b[^.;]{0,60}?\banniversar"
)
# The toll of the event an anniversary recalls, told in the phrase that names it: "to mark the 20th anniversary of the
# bombing there that killed 168 people", "the anniversary of the attacks, which killed 224", "... in which 52 people
# died": the event's name of at most twelve words, then the relative clause of its toll. No toll of the lead's own: a
# clause of another subject ("..., as gunmen killed 12") or a link ("with", "as", "while", "amid", "after") ends the
# phrase.
_ANNIVERSARY_OWN_TOLL = lazyre.compile(
    r"^\w*\s+of\s+(?:(?!(?:with|as|while|amid|after|when|during)\b)[^\s,;:]+(?:\s+|,\s+(?=which\b))){1,12}?"
    r"(?:that|which|in\s+which|where)\s+(?:[\w'-]+\s+){0,6}$"
)
_LEAD_SENTENCES = 2  # the first body sentences of eight words or more (page chrome is shorter)
# Pages of several stories (newscasts, headline lists): no one weekday is the article's own.
_MULTI_STORY_TITLE = lazyre.compile(r"newscast|\bheadlines\b|\bnews in brief\b|\bnews roundup\b|\bbriefs\b")
# Word pre-checks (bot/detect/prefilter.py) of the two headline regexes every article asks.
_MAY_ANNIVERSARY_TITLE = gate(_ANNIVERSARY_TITLE)
_MAY_MULTI_STORY_TITLE = gate(_MULTI_STORY_TITLE)
# ... or a newscast known by its sign-on, whatever its title: "From Washington, this is VOA News. I'm Steve Karesh
# reporting." Its stories follow one another, each dated by its own day.
_SIGN_ON = word_initial(
    r"this\s+is\s+(?:[\w.'-]+\s+){0,3}news\b(?!\s+(?:of|about|that|for|to)\b)|i['\u2019]?m\s+(?:[\w.'-]+\s+){1,3}reporting\b"
)
_SIGN_ON_WITHIN = 8  # the first sentences of a page: headline, page chrome, the sign-on
_TOKEN = lazyre.compile(r"[\w'.-]+|[,;:()\"]")
# Dotted initials end with a point inside a sentence: "U.S.", "U.K.", "E.U.", "U.A.E.", "a.m.".
_DOTTED_INITIALS = lazyre.compile(r"[a-z](?:\.[a-z])+")


_NAME_BEFORE = lazyre.compile(
    r"(?:[a-z]-|\d/)$|\b(?:resolution|article|chapter|flight|route|highway|protocol|paragraph|section|unit|battalion|"
    r"brigade|division|regiment|squadron|sector|gate|block|building|room|channel|phase|stage|category|model|type|code|"
    r"number|item)\s*$"
)
# "under the age of 16", "aged 30", "aged 30 and 41", "between the ages of 5 and 12"
_AGE_BEFORE = lazyre.compile(r"\b(?:age|ages|aged)\s+(?:of\s+)?(?:between\s+)?(?:[\w-]+\s*(?:and|to|-)\s*)?$")
_NO_ONE = lazyre.compile(r"\b(?:no|not|not a single|not even)\s*$")
_UNIT_AFTER = lazyre.compile(
    r"\s*(?:%|-?percent|-?per cent|:\d|\s*a\.m|\s*p\.m|th\b|st\b|nd\b|rd\b|-(?:third|half|quarter|fifth))"
)
_HYPHEN_UNIT = lazyre.compile(
    r"-(?:year|month|week|day|hour|minute|member|kilomet|mile|meter|metre|point|story|storey)"
)
_TOLL_NOISE = lazyre.compile(r"\d{1,3},\d|\b(?:kill|dead|wound|injur)")
# "two Tunisians and 20 tourists", "a woman and her three daughters" (a possessive between the items).
_LIST_BEFORE = lazyre.compile(r"(?:,|\band|\bincluding)(?:\s+(?:his|her|their|its))?\s*$")
_POSSESSIVE_END = lazyre.compile(r"\b(?:his|her|their|its)\s*$")
# "at least eight of those are British", "three of them children": a share of the toll just given.
_PARTITIVE_AFTER = lazyre.compile(r"\s+of\s+(?:those|them|whom|the (?:dead|victims|killed|wounded|injured))\b")
# "more than 161 guests, including 41 foreigners, were rescued": the aside belongs to the group it follows.
_ASIDE_OF_GROUP = lazyre.compile(r"^\s+[\w' -]{1,40},\s*including\s*$")
_AND_GAP = lazyre.compile(r"\band\s+(?:\w+\s+){0,2}$")
_KIND_IN_GAP = lazyre.compile(r"\b(?:killed|dead|died|wounded|injured|missing)\b")
# A predicate of the figure's own between it and the next figure: "40 women were abducted and 9 men killed", "40
# soldiers captured and 9 killed" (the 40 are no casualties; "40 women and 9 men were killed" share the verb, and so
# do "3 people who were standing nearby and 2 soldiers were killed").
_OWN_VERB_IN_GAP = lazyre.compile(
    r"(?<!who )(?<!that )(?<!which )\b(?:were|was|are|is|been|had|have|has)\b|\b(?:abducted|kidnapped|arrested|detained|rescued|freed|released|"
    r"captured|evacuated|displaced|seized|taken|held|treated|saved)\b"
)
_AND_END = lazyre.compile(r"\band\s*$")
# (a word may hold the points of an abbreviation: "Two U.S. soldiers, one contractor killed")
_COMMA_GAP = lazyre.compile(r"^\s+(?:[\w'.-]+\s+){0,2}[\w'.-]+,\s*$")
_INCLUDING = lazyre.compile(r"\bincluding\s*$")


_KIND_GROUP = {"killed": "dead", "dead": "dead", "wounded": "hurt", "injured": "hurt", "missing": "missing"}


@dataclass(slots=True)
class _Fig:
    number: Number
    qualifier: Qualifier
    kind: CasualtyKind | None = None
    who: str | None = None
    via: str = ""  # right | left | toll | list
    rejected: bool = False


def _qualifier(before: str) -> Qualifier:
    if not before.rstrip().endswith(_qualifier_endings()):
        return "exact"
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"


def _strip_qualifier(before: str) -> str:
    stripped = before.rstrip()
    if not stripped.endswith(_qualifier_endings()):
        return stripped
    for pattern, _ in _QUALIFIERS:
        m = pattern.search(before)
        if m:
            return before[: m.start()].rstrip()
    return before.rstrip()


def _junk(num: Number, low: str) -> bool:
    """Numbers that are years, dates, times, ordinals, money, percentages, fractions or vague."""
    before = low[max(0, num.start - 20) : num.start]
    after = low[num.end : num.end + 12]
    if before.endswith(("$", "£", "€", "us$", "#", "no. ", "no.")):
        return True
    if num.value == 1 and num.is_word and _NO_ONE.search(before):
        return True  # "No one was hurt", "not one soldier was killed"
    if not num.is_word and _NAME_BEFORE.search(before):
        return True  # "Covid-19 deaths", "9/11", "Resolution 1701", "Flight 409": part of a name
    if _UNIT_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    if not num.is_word and 1800 <= num.value <= 2100 and "," not in num.text:
        return True
    if _DATE_BEFORE.search(before) or _MONTH_AFTER.match(low, num.end, num.end + 16):
        return True  # "March 3", "7 October" ("30 may die" and "1,000 march" are no dates)
    if _VAGUE_BEFORE.search(before):
        return True
    return bool(_HYPHEN_UNIT.match(after))


def _tokens_after(low: str, end: int, limit: int = 14) -> list[str]:
    out = []
    for m in _TOKEN.finditer(low, end):
        tok = m.group(0).strip(".")
        if not tok:
            continue
        out.append(tok)
        if tok in (";", ":") or m.group(0).endswith(".") and not _DOTTED_INITIALS.fullmatch(tok):
            break
        if len(out) >= limit:
            break
    return out


def _right(fig: _Fig, low: str, demonyms: frozenset[str]) -> None:
    """'22 people were killed', '60 injured', 'Nearly 70 people are still reported as missing'."""
    tokens = _tokens_after(low, fig.number.end)
    unknown = 0
    tail = 0  # unknown words allowed in a place or relative clause after the victims
    who: str | None = None
    skip_to = ""
    skip_n = 0  # tokens left of an age after the victims
    quoted = False
    if _MEMBER_OF.match(low, fig.number.end):
        return  # "one of those injured": a member of a group, a share of a figure only beside one
    for i, tok in enumerate(tokens):
        if skip_n:
            skip_n -= 1
            continue
        if who is not None and (n := _age_span(tokens, i)):
            skip_n = n - 1  # "12 children under the age of 16 were among the injured"
            continue
        if tok == '"' and (i == 0 or quoted):
            quoted = not quoted  # '20 "CIA employees" were killed': the victims' name in quotes
            continue
        if skip_to:
            if tok == skip_to:
                skip_to = ""
            continue
        skip_to = _aside_opens(tokens, i, who)
        if skip_to:
            continue
        if tok in (";", ":", "(", ")", '"'):
            return
        if _kind_read(fig, tokens, i, low, who):
            return
        if tok in _BLOCK or tok in NOT_CASUALTIES:
            if tok in NOT_CASUALTIES:
                fig.rejected = True
            return
        if tok[:1].isdigit() or _is_number_word(tok):
            return
        if tok in WHO or tok in demonyms:
            if who is None:
                unknown = 0  # words before the victims ("U.S.", "elite") leave the budget after them whole
            who = who or ("people" if tok == "others" else tok)
            continue
        if who is not None and not tail and (tok in _VICTIM_TAIL or _second_victim(tokens, i)):
            tail = 3 if tok in _VICTIM_TAIL else 2
        if tok in _GAP_OK or tok == ",":
            continue
        unknown += 1
        if unknown > (3 if who is None else 1 + tail):
            return


def _second_victim(tokens: list[str], i: int) -> bool:
    """Whether token i opens a single victim joined to the counted ones ("three soldiers and an Afghan interpreter
    were wounded"): its words are the victim's, not words that part the number from its verb."""
    return tokens[i] in ("a", "an") and i > 0 and tokens[i - 1] == "and"


def _age_span(tokens: list[str], i: int) -> int:
    """The number of tokens of an age that opens at token i ("aged 30", "under the age of 16", "between the ages of
    5 and 12"), 0 when none does."""
    head = tokens[i : i + 4]
    if tokens[i] != "aged" and not (tokens[i] in ("under", "over", "between") and ("age" in head or "ages" in head)):
        return 0
    n = 0
    for j in range(i, min(i + 8, len(tokens))):
        t = tokens[j]
        if t[:1].isdigit() or _is_number_word(t):
            n = j - i + 1
        elif n and t not in ("and", "to", "-"):
            break
    return n


def _aside_opens(tokens: list[str], i: int, who: str | None) -> str:
    """The token that closes an aside opening at token i, which _right skips ("" when none opens there)."""
    tok = tokens[i]
    # "more than 60 people, including Muslims and Buddhists, have been killed": skip the aside.
    if tok in _ASIDE and i > 0 and tokens[i - 1] == ",":
        return ","
    if tok in ("-", "--") and who is not None:
        return tok
    if who is not None and i > 0 and tokens[i - 1] == "," and (tok[:1].isdigit() or _is_number_word(tok)):
        return ","  # "Six Americans, three soldiers and three civilians, were killed"
    if tok == "(" and _aside_in_brackets(tokens, i):
        return ")"  # "Ninety-one people (and counting) have been killed"
    return ""


def _kind_read(fig: _Fig, tokens: list[str], i: int, low: str, who: str | None) -> bool:
    """Whether token i decides the figure: a kind word ("killed", "lives were lost", "succumbed") gives it its
    kind and victims (`who`), or a word that makes the number no toll rejects it ("to die", "gunmen killed")."""
    tok = tokens[i]
    lives_lost = tok == "lives" and "lost" in tokens[i + 1 : i + 4]  # "12 lives were lost"
    if tok == "succumbed" and any(t.startswith(("injur", "wound")) for t in tokens[i + 1 : i + 4]):
        # "14 were hurt and four of them succumbed to their injuries": the four died; the wound word after
        # the verb names the cause of death, not the kind of the figure.
        fig.kind, fig.who, fig.via = "dead", who, "right"
        return True
    if tok in ("die", "dies") and (
        (i > 0 and tokens[i - 1] in _NOT_YET_DEAD)
        or "of" in tokens[:i]
        or _RATIO_BEFORE.search(low, max(0, fig.number.start - 12), fig.number.start)
    ):
        fig.rejected = True  # "10 to die", "30 may die", "3 of 10 die young": a headline's "44 die" is a toll
        return True
    if tok == "wounds" and who is None and not _BORE.intersection(tokens[:i]):
        fig.rejected = True  # "12 stab wounds": the number counts the wounds, not people who bore them
        return True
    if tok == "blew" and tokens[i + 1 : i + 3] == ["themselves", "up"]:
        # "four militants blew themselves up", "six assailants either blew themselves up or were gunned down": the
        # attackers died by their own blast ("tried to blow themselves up" tells no death; "one of them blew himself
        # up" is left, as the labels leave a lone bomber uncounted).
        fig.kind, fig.who, fig.via = "dead", who, "right"
        return True
    if tok in _KIND_WORDS or lives_lost or (tok in ("lost", "gave") and tokens[i + 1 : i + 3] == ["their", "lives"]):
        kind = _KIND_WORDS.get(tok, "dead")
        if i == 0 and tok in ("wounded", "injured") and tokens[1:2] and tokens[1] in WHO:
            fig.kind, fig.who, fig.via = kind, tokens[1], "right"  # "25 injured people": the word before the victims
            return True
        if tok in _ACTIVE and _object_follows(tokens, i):
            fig.rejected = True  # "Two gunmen killed three soldiers": the number is the subject
            return True
        between = " ".join(tokens[:i])
        if _PROJECTION.search(between) or _what_might_have_been(between, low, fig.number.end):
            fig.rejected = True
            return True
        fig.kind, fig.who, fig.via = kind, who, "right"
        return True
    return False


# The verbs by which victims bear wounds: "15 sustained wounds", "17 people suffered gunshot wounds".
_BORE = frozenset(["suffered", "sustained", "received", "suffering", "sustaining"])


def _object_follows(tokens: list[str], i: int) -> bool:
    """Whether the active verb at token i ("killed") has an object after it ("three soldiers", "the guards", "at
    least 20"), which makes the number before it the subject; not "killed 20 minutes later"."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    after_nxt = tokens[i + 2] if i + 2 < len(tokens) else ""
    return not _TIME_UNIT.match(after_nxt) and (
        nxt[:1].isdigit()
        or nxt in ("a", "an", "the", "more", "about", "nearly", "some", "over", "up")
        or (nxt == "at" and after_nxt == "least")
        or nxt in WHO
        or _is_number_word(nxt)
    )


# "one of those injured", "two of those who died": members of a group, not a toll of their own.
_MEMBER_OF = lazyre.compile(r"\s+of\s+those\s+(?:killed|injured|wounded|hurt|dead|who)\b")


def _aside_in_brackets(tokens: list[str], at: int) -> bool:
    """A short aside in brackets with no number and no casualty word: '(and counting)', '(local time)'."""
    for tok in tokens[at + 1 : at + 8]:
        if tok == ")":
            return True
        if tok[:1].isdigit() or _is_number_word(tok) or tok in _KIND_WORDS:
            return False
    return False


# Words that open an aside after a figure: "60 people, including Muslims and Buddhists, were killed",
# "seven people, among them two children, were killed", "six Americans - three soldiers and ... - were".
# An attribution between commas is an aside too: "At least 26 people, according to Belgian officials, have been
# killed".
_ASIDE = frozenset(
    ["including", "among", "most", "mostly", "many", "mainly", "some", "half", "nearly", "almost", "all", "according"]
)
_NUMBER_WORDS = NUMBER_WORDS


def _is_number_word(tok: str) -> bool:
    return tok.split("-")[0] in _NUMBER_WORDS


def _who_after(low: str, end: int, demonyms: frozenset[str]) -> tuple[str | None, bool]:
    """The victim noun right after a number ('200 troops', '15 others'); True if it is a never-casualty noun."""
    unknown = 0
    for tok in _tokens_after(low, end, limit=6):
        if tok in NOT_CASUALTIES:
            return None, True
        if tok in WHO or tok in demonyms:
            return ("people" if tok == "others" else tok), False
        if tok in _BLOCK:
            return None, True
        if tok in (",", ";", ":", "by") or tok[:1].isdigit():
            # (after "by" comes the agent: "one was freed by Israeli forces", "two were shot by police")
            return None, False
        if tok in _GAP_OK:
            continue
        unknown += 1
        if unknown > 3:
            return None, False
    return None, False


def _left(fig: _Fig, low: str, demonyms: frozenset[str]) -> None:
    """'killed 200 troops', 'killing at least four people', 'claimed the lives of 132 children'."""
    before = _strip_qualifier(low[max(0, fig.number.start - 40) : fig.number.start])
    before = _ALL_BEFORE.sub("", before)  # "killed all 50 people on board"
    before = _MORE_BEFORE.sub("", before)  # "wounding another 300", "injuring a further 40"
    before = _FIRST_VICTIM.sub("", before)  # "killed himself and 12 others", "killed a policeman and two civilians"
    if _MAY_LIVES_VERB(before) and _LIVES_VERB.search(before) and _LIVES_AFTER.match(low, fig.number.end):
        # "claimed 40,000 lives", "has cost more than 3,000 lives"
        if not _PROJECTION.search(before[-30:]):
            fig.kind, fig.who, fig.via = "dead", "people", "left"
        return
    for pattern, kind in _LEFT_VERBS:
        if pattern.search(before):
            who: str | None
            if _OF_THEM.match(low, fig.number.end):
                who, never = "people", False  # "fired on the attackers, killing one of them": the victims named before
            else:
                who, never = _who_after(low, fig.number.end, demonyms)
            if never:
                fig.rejected = True
                return
            if who is None and (not _BARE_END.match(low, fig.number.end) or _NOUN_NEEDS_WHO.search(before)):
                return  # "killed 300 sheep" is no casualty figure; "killing two and wounding five" is
            if _PROJECTION.search(before[-30:]) or _what_might_have_been(before[-30:], low, fig.number.end):
                fig.rejected = True
                return
            fig.kind, fig.who, fig.via = kind, who, "left"
            return


# "were killed nine years ago", "killed two days later": a number before a unit of time is a date, not the victims.
_TIME_UNIT = lazyre.compile(r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$")
_FIRST_VICTIM = lazyre.compile(
    r"(?<=kill|ling|ound|jure|lled|nded|ured|ills|ings)\s+(?:himself|herself|themselves|him|her|them|(?:an?|the|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)\s+and\s*$"
)
_ALL_BEFORE = lazyre.compile(r"\s+all(?:\s+of\s+the)?\s*$")
# The victims named before the verb, counted right after it: "guards opened fire on the attackers, killing one of them"
# (the verb right before the number: "killing 8 people, three of them children" is a share of the toll, read elsewhere).
_OF_THEM = lazyre.compile(r"\s+of\s+them\b")
# A figure added to one just given, after its verb: "killing 50 people and wounding another 300".
_MORE_BEFORE = lazyre.compile(r"\s+(?:another|a further|an additional)\s*$")
# ("the loss of 40 lives": the noun of loss, as the verbs)
_LIVES_VERB = lazyre.compile(
    r"\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taken|taking|takes|(?:the|a)\s+(?:[\w-]+\s+)?loss\s+of)\s*$"
)
_LIVES_AFTER = lazyre.compile(r"\s+(?:[\w-]+\s+)?lives\b")
# A bare victim count ends at punctuation, a conjunction, a place or time, or the manner of the attack: "killing two
# and wounding five", "wounded more than 100 by detonating a truck", "injured nine by firing on a bus"; "more" may
# stand before the end: "shelling killed two more".
_BARE_END = lazyre.compile(
    r"\s*(?:more\b\s*)?(?:$|[,.;:]|and\b|on\b|in\b|at\b|while\b|when\b|during\b|near\b|as\b|by\s+[a-z]+ing\b)"
)
_TOLL_LAST = lazyre.compile(
    r"(?:\bto|\bat|\bof|\bwas|\bis|\bstands|\bstood|\breached|\breaches|\bhit|\bhits|\bnearing|\bsurpassed|\bexceeded|"
    r"\bpassed|\bpasses|\btopped|\btops|\bexceeds|\bsurpasses|\bnears|\bclimbs|\brises|\bjumps|\bnow|\bclimbed|\brose|"
    r"\brisen|\bjumped|\bincreased|\btotals|\btotalled|\btotaled)\s*$"
)


# A toll named far before its verb: "The death toll from Sunday's attack and the siege that followed at a hotel on the
# beach has risen to at least 16". Only a rise verb ends such a long stretch, which holds no number of its own.
_TOLL_LONG = lazyre.compile(
    r"\b(?:death|casualty|fatality) tolls?\b(?P<mid>[^.;:\d]{0,140}?)\s(?:rose|risen|rises|climbed|climbs|jumped|jumps|"
    r"increased|reached|reaches)(?:\s+to)?\s*$"
)
# The verbs that carry a total up ("brought the total to", "raising the tally to", "lifting the count to").
_CARRY = (
    r"(?:bring|brings|brought|bringing|raise|raises|raised|raising|push|pushes|pushed|pushing|take|takes|took|"
    r"taking|lift|lifts|lifted|lifting)"
)
# A running total carried up by the news: "Monday's assault brought the total to 55", "raising the tally to 31",
# "bringing the number of injured to 90", "taking the total killed in the district this year to 73". The noun is
# not a casualty word, so the kind comes from the words after it or, failing them, from the sentence before.
_TOTAL_TO = lazyre.compile(
    rf"\b{_CARRY}\s+(?:the|its|their)\s+(?:overall\s+|official\s+|cumulative\s+)?"
    r"(?:total|tally|count|number)(?P<mid>(?:\s+[\w'-]+){0,8}?)\s+to\s*$"
)
# The kind a total's words name, the first named group that matches deciding: "injured" before "wounded" before "dead".
_TOTAL_KIND = lazyre.compile(
    r"\b(?:(?P<injured>injur|hurt)|(?P<wounded>wound)|(?P<dead>kill|dead|death|died|victim|fatalit|lives))"
)
# Word pre-checks (bot/detect/prefilter.py) of the regexes asked of the words before each number.
_MAY_TOLL = gate(_TOLL)
_MAY_TOLL_LONG = gate(_TOLL_LONG)
_MAY_TOTAL_TO = gate(_TOTAL_TO)
_MAY_LIVES_VERB = gate(_LIVES_VERB)


def _toll(fig: _Fig, low: str, demonyms: frozenset[str] = frozenset()) -> None:
    """'the death toll rose to 170', 'the death toll was more than 70'."""
    before = low[max(0, fig.number.start - 90) : fig.number.start]
    m = _TOLL.search(before) if _MAY_TOLL(before) else None
    if not m:
        longer = _strip_qualifier(low[max(0, fig.number.start - 200) : fig.number.start])
        far = _TOLL_LONG.search(longer) if _MAY_TOLL_LONG(longer) else None
        if far and not _TOLL_NOISE.search(far.group("mid")) and not _PROJECTION.search(far.group("mid")):
            who, never = _who_after(low, fig.number.end, demonyms)
            fig.kind, fig.who, fig.via = "dead", (who if who and not never else "people"), "toll"
        else:
            _running_total(fig, low)
        if fig.kind is None:
            _hurt_toll(fig, low)
        return
    mid = m.group("mid")
    if _PROJECTION.search(mid):
        fig.rejected = True
        return
    # "the death toll rose to 170", "the death toll from the 2015 earthquake was 9,000"
    if _TOLL_MID.match(mid) or (
        (_TOLL_LAST.search(mid) or _TOLL_LAST.search(_strip_qualifier(mid))) and not _TOLL_NOISE.search(mid)
    ):
        who, never = _who_after(low, fig.number.end, demonyms)
        fig.kind, fig.who, fig.via = "dead", (who if who and not never else "people"), "toll"


def _running_total(fig: _Fig, low: str) -> None:
    """'which brought the total to 118', 'bringing the number of injured to 90': a total carried up to the figure,
    of the kind its own words name, else of the last casualty word of the sentence before it (none: no figure)."""
    start = max(0, fig.number.start - 120)
    before = _strip_qualifier(low[start : fig.number.start])
    m = _TOTAL_TO.search(before) if _MAY_TOTAL_TO(before) else None
    if not m or _PROJECTION.search(m.group("mid")):
        return
    kind = _total_kind(m.group("mid"))
    if kind is None:
        words = _TOTAL_WORDS.findall(low[: start + m.start()])
        kind = _total_kind(words[-1]) if words else None
    if kind is not None:
        fig.kind, fig.who, fig.via = kind, (m.group("mid").strip(" ,") or "people"), "toll"


# The wounded counted as a toll: "the number of wounded stood at 45", "the tally of injured rose to 60".
_HURT_TOLL = lazyre.compile(
    r"\b(?:number|tally|count|toll) of (?:the )?(?P<noun>wounded|injured)\b(?P<mid>[^.;:]{0,60})$"
)
_MAY_HURT_TOLL = gate(_HURT_TOLL)


def _hurt_toll(fig: _Fig, low: str) -> None:
    """'the number of wounded stood at 45': the wounded or injured, counted as a toll is."""
    before = low[max(0, fig.number.start - 90) : fig.number.start]
    m = _HURT_TOLL.search(before) if _MAY_HURT_TOLL(before) else None
    if m and _TOLL_MID.match(m.group("mid")) and not _PROJECTION.search(m.group("mid")):
        kind: CasualtyKind = "wounded" if m.group("noun") == "wounded" else "injured"
        fig.kind, fig.who, fig.via = kind, "people", "toll"


_TOTAL_WORDS = lazyre.compile(r"\b(?:kill|dead|death|died|wound|injur|hurt)\w*")


def _total_kind(words: str) -> CasualtyKind | None:
    """The kind a running total's words name: injured, wounded or dead (in that order); None when they name none."""
    named = {m.lastgroup for m in _TOTAL_KIND.finditer(words)}
    kind: CasualtyKind
    for kind in ("injured", "wounded", "dead"):
        if kind in named:
            return kind
    return None


_INCIDENT = (
    r"(?:(?:suicide |car |roadside |air |drone |missile |rocket )?(?:attacks?|bombings?|bombs?|blasts?|explosions?|"
    r"strikes?|airstrikes?|raids?|ambush(?:es)?|assaults?|shootings?|clash(?:es)?|massacres?|shelling))"
)
_INCIDENT_RE = word_initial(rf"\b{_INCIDENT}\b")
# An incident named by its day without a year is an earlier one the reader knows by its date: "the October
# 7 attack", "the Sept. 11 attacks", "the 7 October massacre", "the bombing of March 15" (with a year, the
# "the July 7, 2005 bombings" branch of _BACKGROUND reads it). Not "an attack on December 3": that dates
# the news itself.
_DAY_DATED = word_initial(
    rf"the\s+(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?![\d,])(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
    rf"|the\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})\.?\s+(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
    rf"|the\s+{_INCIDENT}\s+of\s+(?:(?P<m3>{_MONTH_RE})\.?\s+(?P<d3>\d{{1,2}})\b(?!,?\s*\d)"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m4>{_MONTH_RE})\b(?!\.?,?\s*\d))"
)

_MAY_DAY_DATED = gate(_DAY_DATED)


def _day_key(m: re.Match[str]) -> str:
    """ "oct-7" for any spelling of the date a _DAY_DATED match names."""
    for i in "1234":
        if m.group("m" + i):
            return f"{m.group('m' + i)[:3]}-{int(m.group('d' + i))}"
    return ""


_FEW = earlier.COUNT
_UNITS_BACK = earlier.units(earlier.DAY, earlier.WEEK, earlier.MONTH, earlier.YEAR, earlier.DECADE)
# An incident of the week or month before ("last week", "earlier that month").
_LAST_WEEK_OR_MONTH = earlier.last(earlier.WEEK, earlier.MONTH)
_EARLIER_THIS_WEEK_OR_MONTH = earlier.earlier_this(earlier.WEEK, earlier.MONTH, deixis=("this", "that"))
# Relative dates of an earlier incident ("a week ago", "earlier this month"); read outside the headline and
# lead only, where they date the news itself. "In the last week" and "the past month" are running totals;
# "last week" is how a report names the recent violence it is about ("shelling last week that killed 200").
_EARLIER_REL = word_initial(
    rf"\b{earlier.ago(_UNITS_BACK, _FEW, words=('ago', 'earlier', 'before'))}\b"
    rf"|(?<!the )(?<!past )\b{earlier.last(earlier.MONTH, *earlier.SEASONS, _MONTH_RE)}\b"
    rf"|\b{earlier.earlier_this(earlier.WEEK, earlier.MONTH, deixis=('this', 'that', 'in the'))}\b"
    r"|\bthe\s+(?:previous|preceding)\s+(?:day|week|month|night|evening)\b|\bthe\s+day\s+before\b"
    rf"|\bon\s+(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\bon\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b"
)
# An opening that points back at a time the body has just named, or counts on from it: "At the time, officials said 86
# had been killed", "Back then, ...", "The following year, ...", "Two decades later, ...", "The last time the town was
# shelled, 60 people died" (read outside the headline and lead, as _EARLIER_REL; the comma keeps out "At the time of
# writing 12 had died").
_THEN_OPENING = lazyre.compile(
    rf"^\W*(?:at\s+(?:the|that)\s+time|back\s+then|in\s+those\s+days|that\s+year|the\s+(?:following|next|previous)\s+year"
    rf"|{_FEW}\s+(?:years?|decades?)\s+later|the\s+last\s+time\b[^,;]{{0,60}})\s*,"
)
# An incident the body calls recent is another one than the news it reports: "the wing that carried out the recent
# assault which killed nearly 150 students", "a string of recent bombings that killed 40" (read outside the headline
# and lead, where "the recent attack" may be the news itself).
_RECENT = word_initial(
    rf"\b(?:a|an|the|its|their)\s+(?:(?:string|series|spate|wave)\s+of\s+)?recent\s+(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
)
# A separately reported earlier incident: "a previous bombing", "an earlier ambush on the road".
# ... or one dated by its year: "a 2021 ambush in which 14 soldiers died", "the 2019 bombing".
_PREVIOUS = word_initial(
    rf"\b(?:a|an|the)\s+(?:previous|earlier|prior|(?:1[89]|20)\d\d)\s+(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
    # "Previous clashes between the two sides have killed 15", "prior attacks on the base killed 40"
    rf"|(?<!\bthe )(?<!\ban )(?<!\ba )\b(?:previous|prior)\s+(?:[\w'-]+\s+)?{_INCIDENT}\b"
)
# An incident known by its month, with no day and no year: "the January car bombing that killed 52", "the August raids"
# (with a day, _DAY_DATED reads it; "the march against attacks" is no month).
_MONTH_DATED = word_initial(
    rf"\bthe\s+(?!march\s+(?:against|by|on|to|through|of|in|for|from)\b)(?:{_MONTH_RE})\s+(?:[\w'-]+\s+)?{_INCIDENT}\b"
)
_MAY_MONTH_DATED = gate(_MONTH_DATED)
# "the deadliest attack since 2014, when 80 died": what follows "since" is the record it is compared with.
_COMPARISON = word_initial(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|most\s+(?:deadly|lethal|violent|serious))\b[^.;]{0,60}?\b(?P<since>since)\b"
)
# "the attack follows a bombing that killed 30", "it came two days after a suicide attack killed 17".
_FOLLOWS = word_initial(
    r"\bfollows\s+(?:a|an|the|another|last|similar)\b"
    r"|\b(?:comes|came|follows|followed)\s+(?:[\w-]+\s+){0,3}?(?:after|on the heels of)\b"
    rf"|\b{_FEW}\s+(?:days?|weeks?|months?|years?|decades?)\s+after\s+(?:a|an|another)\s+(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
    # "the attack recalled the Beslan school siege, in which 334 died", "reminiscent of the mall attack that killed 67"
    rf"|\b(?:recall(?:s|ed|ing)?|reminiscent\s+of|echo(?:es|ed|ing)?(?:\s+of)?)\s+(?!(?:the|an?)\s+{_INCIDENT}\b)(?:the\s+|an?\s+)?(?:[\w'-]+\s+){{1,3}}?"
    rf"(?:{_INCIDENT}|sieges?|hostage[- ]takings?)\b"
)
# Two tolls in one sentence ordered by a time after: "The bombing killed 19 people, a day after gunmen killed 7 in a
# nearby village", "A week after a truck bomb killed 30, another blast killed 14", "..., following an attack that
# killed 12". The clause after the cue holds the earlier event; the rest of the sentence is the news.
_TIME_AFTER = word_initial(rf"\b(?:(?:{_FEW}\s+)?(?:hours?|days?|weeks?|months?|years?))\s+after\b|\bfollowing\b")
_DEATH_VERB = word_initial(r"\b(?:kill(?:s|ed|ing)?|died|dies|dead|wound(?:s|ed|ing)?|injur(?:es|ed|ing))\b")
_OPENING = lazyre.compile(r"^\W*(?:[\w'-]+\s+){0,3}$")
_COMMA = lazyre.compile(r",(?!\d)")
# A claim or act likened to an earlier one: "the group claimed responsibility, just as it did when two gunmen killed 21
# people at the museum in March".
_AS_BEFORE = word_initial(r"(?:just\s+)?as\s+(?:it|they|he|she|the\s+group)\s+(?:did|had)\s+(?:when|after|in)\b")
# A measure taken over an incident of an earlier day: "detained 12 people in connection with an attack last week that
# killed 38", "charged two men over last month's bombing, which killed 9". The measure is the news, even in the lead;
# the incident's toll is an earlier event's.
_MEASURE_OVER = word_initial(
    r"(?:detain|arrest|charg|convict|sentenc|indict|extradit|prosecut|question)\w*\b[^.;]{0,80}?"
    rf"\b(?:in\s+connection\s+with|over|for)\s+(?P<incident>(?:the\s+|an?\s+|{_LAST_WEEK_OR_MONTH}'s\s+)?(?:[\w'-]+\s+){{0,2}}?{_INCIDENT}\b"
    rf"(?:\s+[\w'-]+){{0,3}})"
)
_EARLIER_DAY = word_initial(rf"{_LAST_WEEK_OR_MONTH}|{_EARLIER_THIS_WEEK_OR_MONTH}|in\s+(?:{_MONTH_RE})\b")
# A base of comparison: "1,711 deaths, up from 1,558 in 2021", "compared with 1,602 the year before".
_COMPARED = word_initial(
    r"compared\s+(?:with|to)\b|(?:up|down|rise|increase|decrease|fall|drop|decline)\s+from\b|(?:versus|vs)\b|"
    r"(?:higher|lower|more|fewer)\s+than\s+(?:the\s+)?(?:[\w,]+\s+)?(?:in|during|for)\s+(?:the\s+)?(?:same|previous|prior|last)\b"
)
# The record a calm or a level of violence is measured from, told in its own clause: "the city had been calm since
# March, when 41 people were killed in riots", "not seen such violence since 2017, when a truck bomb killed 587". Only a
# year or a month: "since Monday, when 12 were killed" counts the news's own days.
_SINCE_WHEN = word_initial(
    rf"\bsince\s+(?:(?:early|late|mid)[- ])?(?:(?:{_MONTH_RE})\.?(?:\s+(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d)\s*,\s*"
    r"(?P<when>when|in\s+which)\b"
)
_MAY_SINCE_WHEN = gate(_SINCE_WHEN)
# A running total is current: "since the war began in 2011", "so far in 2024", "since last year", "the
# conflict, which began in 1983, has killed".
_SINCE = lazyre.compile(r"\bsince\b|\bso far\b|\b(?:began|begun|started|erupted|broke out|beginning)\s*$")
# History and remembrance: "in the 1990s", "during World War II", "we remember the 2,403 Americans killed",
# "marks 25 years since the genocide": the whole sentence is background.
_HISTORY = word_initial(
    r"(?:in|during|through|throughout)\s+the\s+(?:(?:early|late|mid)[- ])?(?:1[89]|20)?\d0'?s\b"
    r"|(?:world war|the great war|the holocaust|the cold war|(?:the\s+)?(?:korean|vietnam|gulf|iran-iraq|six-day|yom kippur|falklands|"
    r"crimean|boer|balkan|bosnian|napoleonic)\s+wars?)\b"
    r"|remember(?:s|ed|ing)?\b|remembrance\b|in memory of\b|memorials?\b|commemorat\w*|"
    r"mark(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:years?|decades?)\s+since\b"
)
# Lines of a timeline of earlier attacks: "July - Gunmen kill 30 ...", "January 12: ...", "2013 - ...".
_TIMELINE = lazyre.compile(
    rf"^\s*(?:[-*\u2022]\s*)?(?:(?:early|late|mid)[- ])?(?:{_MONTH_RE})\.?(?:\s+\d{{1,2}})?(?:,?\s+(?:1[89]|20)\d\d)?\s*[-:]\s"
    r"|^\s*(?:[-*\u2022]\s*)?(?:1[89]|20)\d\d\s*[-:]\s"
)
# "some 30 people were wounded in those attacks": figures of the incident the previous figures were about.
# ... or "the deadliest attacks happened in Baghdad, where ... killed more than 15": the worst of the incidents just told.
_ANAPHORA = word_initial(
    rf"\b(?:those|these|that|the same|both)\s+(?:[\w-]+\s+)?{_INCIDENT}\b"
    rf"|\b(?P<worst>the\s+(?:deadliest|worst|bloodiest|biggest|largest|heaviest)\s+(?:of\s+(?:the|those|these)\s+)?"
    rf"{_INCIDENT}\b)"
)
# A toll that rose on a later day is the same incident's: "the toll from the attack rose to 31 on Tuesday".
_TOLL_UPDATE = lazyre.compile(
    r"\b(?:toll|number of (?:dead|deaths|victims|casualties))\b[^.;]{0,40}?\b(?:rose|risen|climbed|jumped|increased|reached|hit|stood)\b"
)
_LAST_WEEK = word_initial(rf"{earlier.last(earlier.WEEK)}\b(?!end)")
# The day of the news itself, as a report dates its first figure: "Yesterday missiles struck the city, killing 17".
_NEWS_DAY = word_initial(r"(?:yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b")
# An earlier incident dated relative to the news, as two incidents of one sentence are told: "Last week's attack killed
# 30; another on Sunday killed 14", "A car bomb killed 14 on Sunday, after last week's attack on a mosque killed 30".
_EARLIER_CUE = word_initial(
    rf"{_LAST_WEEK_OR_MONTH}\b(?!end)|{_EARLIER_THIS_WEEK_OR_MONTH}\b"
    rf"|{earlier.ago(earlier.units(earlier.DAY, earlier.WEEK, earlier.MONTH), _FEW, words=('ago', 'earlier'))}\b"
)
_AFTER_END = lazyre.compile(r"\b(?:after|following)\s+$")
_WEEKDAY_ALT = "|".join(WEEKDAYS)
# Where the news clause starts after an earlier incident's: "; another on Sunday", "and a bombing on Sunday", ", then on
# Sunday", "; on Sunday another blast".
_NEWS_NEXT = lazyre.compile(
    r"(?:;|,(?!\d)|\s-\s|\s(?=and\s|but\s|while\s|then\s))\s*(?:(?:and|but|while|then)\s+)?"
    r"(?:(?:another|a\s+second|a\s+new|a\s+fresh)\b"
    rf"|(?:on\s+|late\s+|early\s+)?(?:{_WEEKDAY_ALT}|today|yesterday|overnight)\b"
    rf"|(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:on|late|early)\s+(?:{_WEEKDAY_ALT}|today|yesterday)\b)"
)


def _earlier_than_the_news(low: str) -> list[tuple[int, int]]:
    """After the news's own toll: the clauses dated "last week", "earlier this month", "three days ago" (an opening
    "Following a similar attack last month, ..." dates its own clause only)."""
    if not _MAY_EARLIER_CUE(low):
        return []
    spans: list[tuple[int, int]] = []
    opening: int | None | bool = False  # (asked once, when a cue is found)
    for m in _EARLIER_CUE.finditer(low):
        if _dates_a_report(low, m.start()) or _since_exempt(low, m.start()) or _TOLL_UPDATE.search(low):
            continue
        if opening is False:
            opening = _opening_after_end(low)
        end = _clause_end(low, m.end())
        if isinstance(opening, int) and not isinstance(opening, bool) and m.start() < opening:
            end = min(end, opening)
        spans.append((0 if m.start() < 25 else _clause_start(low, m.start()), end))
    return spans


def _dates_the_news(low: str) -> bool:
    """Whether a sentence with a current figure dates it by a day of its own ("on Sunday", "yesterday") and by no
    earlier date: the news's own toll, beside which "last week's attack" is another incident ("A drone struck a
    market, killing 9" dates nothing, and "shelling last week" after it stays the violence reported)."""
    return (_WEEKDAY_RE.search(low) is not None or _NEWS_DAY.search(low) is not None) and _EARLIER_CUE.search(
        low
    ) is None


def _dates_a_report(low: str, at: int) -> bool:
    """An earlier date right after a verb of saying dates the report, not an incident: "the OHCHR reported last week
    that strikes killed 262 civilians"."""
    return _SAID_DAY.search(low, max(0, at - 24), at) is not None


def _earlier_beside_news(low: str) -> list[tuple[int, int]]:
    """The clause of an earlier incident that a sentence tells beside the news, headline and lead included: the
    clause after "after last week's ..." when the sentence gives a toll before it, the clause before "; another
    on Sunday ..." when a toll follows, and the clause of "last week" after a toll dated by its own day."""
    if not _MAY_EARLIER_CUE(low):
        return []
    spans: list[tuple[int, int]] = []
    for m in _EARLIER_CUE.finditer(low):
        if _dates_a_report(low, m.start()) or _since_exempt(low, m.start()) or _TOLL_UPDATE.search(low):
            continue
        a = _AFTER_END.search(low, max(0, m.start() - 12), m.start())
        if a is not None:
            if (clause := _after_clause(low, a.start(), m.start())) is not None:
                spans.append(clause)
            continue
        n = _NEWS_NEXT.search(low, m.end())
        if n is not None and _DEATH_VERB.search(low, m.end(), n.start()) and _DEATH_VERB.search(low, n.end()):
            spans.append((0 if m.start() < 25 else _clause_start(low, m.start()), n.start()))
            continue
        # "A bomb killed 14 on Sunday; last week 30 died in a similar blast", "... on Sunday, the second massacre
        # in the region after 30 were killed last week": the news's toll, dated by its day, comes first.
        start = _clause_start(low, m.start())
        if start > 0 and _DEATH_VERB.search(low, 0, start) and _dates_the_news(low[:start]):
            spans.append((start, _clause_end(low, m.end())))
    return spans


# An estimate replaced by a newer one: "U.N. officials had been saying at least 6,000", "up from an earlier estimate
# of 20", "the initial toll of 12".
_SUPERSEDED = word_initial(
    r"had\s+(?:been\s+)?(?:saying|putting|estimating|citing|giving|reporting)\b"
    # "Officials previously reported that two people had been killed", "the ministry had earlier put the toll at 9"
    # (not "as previously reported": the same figure, still the news)
    r"|(?<!as )(?:previously|had\s+(?:earlier|initially|first|originally|previously))\s+"
    r"(?:reported|said|put|gave|given|announced|counted|estimated|listed|stated)\b"
    r"|(?P<old>(?:previous|earlier|initial|original|prior|old)\s+(?:estimates?|tolls?|figures?|counts?|tally|tallies)\b"
    # "Earlier reports said nine had died", "initial media reports put the toll at 12"; not reports in the present
    # tense, which still stand: "initial reports indicate that 11 fighters were killed"
    r"|(?:earlier|initial|first|early|preliminary)\s+(?:news\s+|media\s+|press\s+)?reports?\b"
    r"(?!\s+(?:indicate|suggest|say|show)s?\b))"
)
# A first count that a later one in the same sentence replaces: "The army first reported that 24 soldiers had been
# killed, but the minister later put the toll at 28", "police initially said 5 had died; the toll has since risen to 9".
_FIRST_REPORT = word_initial(
    r"(?:first|initially|originally|earlier)\s+(?:reported|said|put|gave|announced|counted|estimated|listed)\b"
)
_FIRST_REPORT_STOP = lazyre.compile(r",?\s+(?:but|while|and)\s+|;")
_LATER_COUNT = word_initial(r"(?:later|since|now|subsequently|revised|raised|updated)\b")
_MAY_FIRST_REPORT = gate(_FIRST_REPORT)
# Reports as they stood at an earlier hour, in the body: "at the time of posting the press were reporting that 8
# people had died", "officials were saying on Monday night that 15 had died" (the headline or lead may say "were
# saying" of the news itself).
_WERE_SAYING = word_initial(r"(?:were|was)\s+(?:still\s+)?(?:saying|putting|estimating|citing|giving|reporting)\b")
# A weekday that dates a report, not an incident: "police said Friday".
_SAID_DAY = lazyre.compile(
    r"(?:said|says|told|announced|reported|confirmed|added|stated|statement)\s+(?:on\s+|late\s+|early\s+)?$"
)
# Where a dated clause starts, looking back from its date: "..., which was hit in 2014", "... that died in 2020".
_CLAUSE_BACK = lazyre.compile(
    r"[;:(]|,(?!\d)|\s-\s|\s(?:that|which|who|whom|where|when|while|after|before|because|but)\s"
)
_CLAUSE_END = lazyre.compile(r";")
_MONTH_IN = lazyre.compile(rf"\b(?:{_MONTH_RE})\b")
_YEAR_CUE = lazyre.compile(r"(?:in|during|by|until|of)\s")
_CLAUSE_COMMA = lazyre.compile(r"[;:]|,(?!\d)")


def _clause_start(low: str, at: int) -> int:
    """Start of the clause that holds offset `at`."""
    start = 0
    for m in _CLAUSE_BACK.finditer(low, 0, at):
        start = m.start()
    return start


def _clause_end(low: str, at: int) -> int:
    m = _CLAUSE_END.search(low, at)
    return m.start() if m else len(low)


# A toll told by the "when" clause that dates it: "20 people died when militants stormed the hotel in 2015", "40 were
# killed when the base was shelled last year". The clause before "when" ends on its casualty word and the victims.
_WHEN_OPENS = lazyre.compile(r"\s*when\s")
_TOLL_BEFORE_WHEN = lazyre.compile(r"\b(?:killed|died|dead|wounded|injured|hurt|lives)\b(?:\s+[\w'-]+){0,4}\s*$")
# A date that belongs to a thing in the clause, not to its event: "a bus near a school built in 2010".
_THING_DATED = lazyre.compile(
    r"\b(?:built|founded|established|opened|constructed|created|formed|born|elected|signed|adopted|launched|erected|"
    r"completed|made|set\s+up)\s+$"
)


def _dated_clause_start(low: str, at: int) -> int:
    """Start of the clause dated by a date at `at`, taking in the toll a "when" clause dates: in "20 people died when
    militants stormed the hotel in 2015" the year dates the deaths, not only the storming."""
    back = _clause_start(low, at)
    if back > 0 and _WHEN_OPENS.match(low, back) and not _THING_DATED.search(low, max(back, at - 16), at):
        before = _clause_start(low, back)
        if _TOLL_BEFORE_WHEN.search(low, before, back):
            return before
    return back


def _names_event(text: str, actors: bool = False) -> bool:
    """Whether a clause names a deadly event (an attack, a war, an earthquake, a crash...) or, with
    `actors`, an armed actor (gunmen, troops, militants)."""
    return any(m.lastgroup not in ("none", "ongoing") for m in _CAUSE_EVENT.finditer(text)) or (
        actors and (actor := _CAUSE_ACTOR.search(text)) is not None and actor.lastgroup == "conflict"
    )


def _since_exempt(low: str, at: int) -> bool:
    """A date inside "since ..." or "so far in ..." dates the start of a running total, not an earlier event."""
    start = 0
    for m in _CLAUSE_COMMA.finditer(low, 0, at):
        start = m.end()
    return bool(_SINCE.search(low, start, at))


def _after_clause(low: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause of an earlier event opened by a time-after cue at `start`..`end`, when the rest of the sentence
    gives a toll of its own: an opening clause ends at its first comma ("A week after a truck bomb killed 30 people in
    the capital, another blast killed 14"), a trailing one runs to the clause end ("The bombing killed 19 people, a
    day after gunmen killed 7"). None when the cue's clause gives no toll ("Days after the ceasefire began, shelling
    killed 8") or the sentence no other."""
    if _OPENING.match(low[:start]):
        comma = _COMMA.search(low, end)
        if comma is None:
            return None
        stop, rest = comma.start(), low[comma.end() :]
    else:
        stop, rest = _clause_end(low, end), low[:start]
    if _DEATH_VERB.search(low, end, stop) and _DEATH_VERB.search(rest):
        return (start, stop)
    return None


# A clause after the comma that goes on with the earlier event, not the news: "..., in which 12 people died".
_ASIDE_OPEN = lazyre.compile(r"\s*(?:in which|which|who|whom|where|when|that|including|among)\b")

# Word pre-checks (bot/detect/prefilter.py): most sentences hold none of the words these regexes need.
_MAY_TIME_AFTER = gate(_TIME_AFTER)
_MAY_EARLIER_REL = gate(_EARLIER_REL)
_MAY_RECENT = gate(_RECENT)
_MAY_HISTORY = gate(_HISTORY)
_MAY_PREVIOUS = gate(_PREVIOUS)
_MAY_COMPARISON = gate(_COMPARISON)
_MAY_FOLLOWS = gate(_FOLLOWS)
_MAY_AS_BEFORE = gate(_AS_BEFORE)
_MAY_MEASURE_OVER = gate(_MEASURE_OVER)
_MAY_EARLIER_CUE = gate(_EARLIER_CUE)
_MAY_SUPERSEDED = gate(_SUPERSEDED)
_MAY_WERE_SAYING = gate(_WERE_SAYING)


def _opening_after_end(low: str) -> int | None:
    """The end of a sentence's opening time-after clause before a main clause with a toll ("Following a similar attack
    last month, a bomb killed 14"): an earlier event named in that clause stays inside it."""
    m = _TIME_AFTER.search(low) if _MAY_TIME_AFTER(low) else None
    return None if m is None else _opening_clause_end(low, m.start(), m.end())


def _opening_clause_end(low: str, start: int, end: int) -> int | None:
    """The comma that closes an opening clause whose cue is at `start`..`end`, when a main clause with a toll of its
    own follows ("On the anniversary of the massacre, gunmen killed 4"); None when the cue does not open the sentence
    or what follows the comma goes on with the earlier event (", which killed 224")."""
    if not _OPENING.match(low[:start]) or (comma := _COMMA.search(low, end)) is None:
        return None
    rest = low[comma.end() :]
    return None if _ASIDE_OPEN.match(rest) or not _DEATH_VERB.search(rest) else comma.start()


def _background_spans(
    sent: Sentence,
    main_day: str | None,
    last_bg: bool,
    own_days: frozenset[str] = frozenset(),
    dated_incident: bool = False,
    listed: bool = False,
) -> list[tuple[int, int]]:
    """Character spans of this sentence whose figures are background (earlier events). `listed`: the sentence is one
    of the dated attacks a statement lists under a recent period it has just named (its date is no earlier event)."""
    low = sent.folded
    return (
        _dated_spans(sent, low, own_days)
        + _earlier_event_spans(sent, low, listed)
        + _other_day_spans(sent, low, main_day, dated_incident)
        + _replaced_spans(sent, low, last_bg)
    )


def _dated_spans(sent: Sentence, low: str, own_days: frozenset[str]) -> list[tuple[int, int]]:
    """The clauses dated to another day ("on Dec. 3"), or to a past year or month ("In 2020, ...", "in April")."""
    spans: list[tuple[int, int]] = []
    for m in _DAY_DATED.finditer(low) if _MAY_DAY_DATED(low) else ():
        # The headline's own dated incident ("Toll from the Dec. 3 attack rises") is the news.
        if not sent.is_title and _day_key(m) not in own_days and not _since_exempt(low, m.start()):
            spans.append((0 if m.start() < 25 else _clause_start(low, m.start()), _clause_end(low, m.end())))
    for m in _BACKGROUND.finditer(low) if may_be_background(low) else ():
        if _since_exempt(low, m.start()):
            continue
        g = m.group(0)
        end = _clause_end(low, m.end())
        # A bare year ("in 2018", "of 2018") dates an earlier event only when the clause names one, or who
        # fought it ("In 2020, a six-week war broke out", "The war killed 6,700 people in 2020"); "In 2022,
        # 1,711 people were killed on the roads" and "3,804 civilians were killed in 2018" are period totals.
        year_only = _YEAR_CUE.match(g) is not None and _MONTH_IN.search(g) is None
        # "More than 6,700 people died in that conflict" / "In 2020 ...": the whole sentence when the cue
        # opens it or names an earlier conflict; "in April" mid-sentence from the cue on.
        if m.start() < 25 or "that " in g or "previous" in g or "earlier" in g:
            if year_only and not _names_event(low[:end], actors=True):
                continue
            # "On the anniversary of the massacre in which 80 died, gunmen killed 4 people": the day's toll after
            # the opening clause is news.
            if g.startswith(("anniversar", "commemorat")) and (clip := _opening_clause_end(low, m.start(), m.end())):
                end = clip
            spans.append((0, end))
        elif g.startswith("in ") and not any(c.isdigit() for c in g):
            # "in April" mid-sentence dates what follows it, and a toll its "when" clause tells.
            back = _dated_clause_start(low, m.start())
            spans.append((back if back < _clause_start(low, m.start()) else m.start(), end))
        else:
            # A year after the figure dates it only when the clause names an event ("The war killed 6,700
            # people in 2020") or is the "when" of a toll; "3,804 civilians were killed in 2018" is a period total.
            back = _clause_start(low, m.start())
            start = _dated_clause_start(low, m.start())
            # "killed at Srebrenica in July 1995": a month dates a day, not a period.
            if start == back and year_only and not _names_event(low[back : m.start()]):
                start = m.start()
            spans.append((start, end))
    return spans


def _earlier_event_spans(sent: Sentence, low: str, listed: bool) -> list[tuple[int, int]]:
    """The clauses tied to an earlier event by their words: "a week ago", "recent", history and remembrance, a
    base of comparison, "a previous bombing", "the deadliest since", "follows", "a day after", "as it did when",
    a toll over an incident of last week."""
    spans: list[tuple[int, int]] = []
    opening = _opening_after_end(low)

    def clipped(start: int, end: int) -> tuple[int, int]:
        return (start, min(end, opening)) if opening is not None and start < opening else (start, end)

    if not sent.is_title and sent.weight < 2.0 and _MAY_EARLIER_REL(low):
        for m in _EARLIER_REL.finditer(low):
            if listed and m.start() < 25 and low.startswith("on", m.start()):
                continue
            if not _since_exempt(low, m.start()):
                spans.append(clipped(0 if m.start() < 25 else _clause_start(low, m.start()), _clause_end(low, m.end())))
    if not sent.is_title and sent.weight < 2.0 and (then := _THEN_OPENING.match(low)) is not None:
        spans.append((0, _clause_end(low, then.end())))
    if not sent.is_title and sent.weight < 2.0 and _MAY_RECENT(low):
        for m in _RECENT.finditer(low):
            spans.append(clipped(m.start(), _clause_end(low, m.end())))
    if _MAY_HISTORY(low) and _HISTORY.search(low):
        spans.append((0, len(low)))
    for m in _COMPARED.finditer(low):
        spans.append((m.start(), _clause_end(low, m.end())))
    for m in _PREVIOUS.finditer(low) if _MAY_PREVIOUS(low) else ():
        spans.append(clipped(0 if m.start() < 25 else _clause_start(low, m.start()), _clause_end(low, m.end())))
    if not sent.is_title and _MAY_MONTH_DATED(low) and not _TOLL_UPDATE.search(low):
        for m in _MONTH_DATED.finditer(low):
            spans.append(clipped(0 if m.start() < 25 else _clause_start(low, m.start()), _clause_end(low, m.end())))
    for m in _COMPARISON.finditer(low) if _MAY_COMPARISON(low) else ():
        spans.append((m.start("since"), _clause_end(low, m.end())))
    for m in _FOLLOWS.finditer(low) if _MAY_FOLLOWS(low) else ():
        spans.append(_after_clause(low, m.start(), m.end()) or clipped(m.start(), _clause_end(low, m.end())))
    for m in _TIME_AFTER.finditer(low) if _MAY_TIME_AFTER(low) else ():
        if (clause := _after_clause(low, m.start(), m.end())) is not None:
            spans.append(clause)
    for m in _AS_BEFORE.finditer(low) if _MAY_AS_BEFORE(low) else ():
        spans.append((m.start(), _clause_end(low, m.end())))
    for m in _SINCE_WHEN.finditer(low) if _MAY_SINCE_WHEN(low) else ():
        # The "when" clause up to its comma, when it gives a toll: "since 2014, when the war began, 40,000 have been
        # killed" dates the start of a running total.
        comma = _COMMA.search(low, m.end())
        stop = min(comma.start() if comma else len(low), _clause_end(low, m.end()))
        if _DEATH_VERB.search(low, m.end(), stop):
            spans.append((m.start("when"), stop))
    if not sent.is_title:
        spans += _earlier_beside_news(low)
    for m in _MEASURE_OVER.finditer(low) if _MAY_MEASURE_OVER(low) else ():
        if _EARLIER_DAY.search(m.group("incident")):
            spans.append((m.start("incident"), _clause_end(low, m.end())))
    return spans


def _other_day_spans(sent: Sentence, low: str, main_day: str | None, dated_incident: bool) -> list[tuple[int, int]]:
    """Beside the article's own incident, dated by its weekday or its day: the clauses of an incident on another
    weekday, and "last week"'s."""
    spans: list[tuple[int, int]] = []
    if main_day and not sent.is_title:
        for d in _INCIDENT_DAY.finditer(low):
            if (d.group(1) or d.group(2)) != main_day:
                spans.append((d.start(), _clause_end(low, d.end())))
        if _INCIDENT_RE.search(low) and not _TOLL_UPDATE.search(low):
            # "Another district was hit Wednesday by car bombings that left 18 dead" beside Thursday's news.
            for d in _WEEKDAY_RE.finditer(low):
                if d.group(1) == main_day or _SAID_DAY.search(low, max(0, d.start() - 24), d.start()):
                    continue
                later = low.find(main_day, d.end())
                end = _clause_end(low, d.end())
                spans.append((_clause_start(low, d.start()), min(end, later) if later >= 0 else end))
    if dated_incident and not sent.is_title and sent.weight < 2.0 and not _TOLL_UPDATE.search(low):
        # The news is an incident the lead dates by its weekday ("Sunday's attack"), or one the first figure of the
        # body dates by its day ("Yesterday missiles struck the city, killing 17"): "last week" further down is an
        # earlier one ("Last week a shootout at a prison claimed at least 20 lives"). Beside other news (a
        # meeting), "shelling last week that killed 200" is the violence the report is about.
        for m in _LAST_WEEK.finditer(low):
            spans.append((0 if m.start() < 25 else _clause_start(low, m.start()), _clause_end(low, m.end())))
    return spans


def _replaced_spans(sent: Sentence, low: str, last_bg: bool) -> list[tuple[int, int]]:
    """An estimate a newer one replaces, a report as it stood at an earlier hour, and the whole sentence when it
    speaks of "those attacks" right after a sentence whose figures were all background."""
    spans: list[tuple[int, int]] = []
    for m in _SUPERSEDED.finditer(low) if _MAY_SUPERSEDED(low) else ():
        # "officials had been saying at least 6,000 had died": the estimate a new one replaces.
        start = m.start() if m.group("old") else _clause_start(low, m.start())
        spans.append((start, _clause_end(low, m.end())))
    for m in _FIRST_REPORT.finditer(low) if _MAY_FIRST_REPORT(low) else ():
        stop = _FIRST_REPORT_STOP.search(low, m.end())
        if stop is not None and _LATER_COUNT.search(low, stop.end()):
            spans.append((_clause_start(low, m.start()), stop.start()))
    if not sent.is_title and sent.weight < 2.0 and _MAY_WERE_SAYING(low):
        for m in _WERE_SAYING.finditer(low):
            spans.append((_clause_start(low, m.start()), _clause_end(low, m.end())))
    if last_bg and (a := _ANAPHORA.search(low)) is not None and not (a.group("worst") and _OWN_DATE.search(low)):
        # ("The deadliest attack on Monday hit the capital" dates itself: the worst of the news, not of those before.)
        spans.append((0, len(low)))
    return spans


def _as_written(sent: Sentence, fig: _Fig) -> str | None:
    """The victim noun with the case the article gives it ("Americans", "troops")."""
    if fig.who is None or fig.who == "people":
        return fig.who
    at = sent.folded.find(fig.who, fig.number.end)
    return sent.text[at : at + len(fig.who)] if at >= 0 else fig.who


def _main_day(doc: Doc) -> str | None:
    """The weekday of the article's own incident: dated in the headline or lead ("Tuesday's attack")."""
    title = doc.sentences[0].folded if doc.sentences and doc.sentences[0].is_title else ""
    if _MAY_MULTI_STORY_TITLE(title) and _MULTI_STORY_TITLE.search(title):
        return None
    # (every match of _SIGN_ON holds "news" or "reporting": most sentences are not searched)
    if any(
        ("news" in s.folded or "reporting" in s.folded) and _SIGN_ON.search(s.folded)
        for s in doc.sentences[:_SIGN_ON_WITHIN]
    ):
        return None
    lead = [s for s in doc.sentences if s.weight >= 2.0]
    for s in lead:
        # Every match of _INCIDENT_DAY names a weekday: without "day" the regex is not asked.
        d = _INCIDENT_DAY.search(s.folded) if "day" in s.folded else None
        if d:
            return d.group(1) or d.group(2)
    for s in lead:
        # Skip bare date lines ("Thursday, December 18, 2014"); a sentence without "day" names no weekday.
        if len(s.folded) > 40 and "day" in s.folded:
            d = _WEEKDAY_RE.search(s.folded)
            if d:
                return d.group(1)
    return None


def _context(doc: Doc) -> list[str]:
    """The headline and lead, where an article says what happened (for the cause of a bare figure)."""
    return [s.folded for s in doc.sentences if s.is_title or s.weight >= 2.0]


@dataclass(slots=True)
class _Article:
    """What find_casualties knows of the whole article while it reads the sentences in turn: the facts of the
    headline and lead, and the answers it works out once, when a sentence first asks."""

    title: str | None
    anniversary: bool
    main_day: str | None
    dated_incident: bool
    own_days: frozenset[str]
    # Whether the body's first figure dates its incident by its day (None until that figure is read).
    first_dated: bool | None = None
    timeline_lines: set[int] | None = None
    period_listed: frozenset[int] | None = None  # (computed once, when a figure's sentence first opens with a date)
    context_cause: CasualtyCause | None | Literal[False] = False
    # Whether a sentence below the headline has given a current figure dated by its own day (_dates_the_news): beside
    # that toll, "last week's attack killed 30" further down, in the lead too, is an earlier incident's.
    news_toll: bool = False


def _article(doc: Doc, demonyms: frozenset[str]) -> _Article:
    """The headline's and lead's facts: an anniversary, the day of the article's own incident, the days named."""
    title_low = doc.sentences[0].folded if doc.sentences and doc.sentences[0].is_title else ""
    title = doc.sentences[0].text if title_low else None
    anniversary = commemorates(doc, demonyms)
    main_day = _main_day(doc)
    # (every match of _INCIDENT_DAY names a weekday: without "day" the regex is not asked)
    dated_incident = any(
        s.weight >= 2.0 and "day" in s.folded and _INCIDENT_DAY.search(s.folded) for s in doc.sentences
    )
    dated = _DAY_DATED.finditer(title_low) if _MAY_DAY_DATED(title_low) else ()
    own_days = frozenset(_day_key(m) for m in dated)
    return _Article(title, anniversary, main_day, dated_incident, own_days)


# A war's running total, whose subject names the war by how it started: "Israel's offensive, launched after the October 7
# attack, has killed more than 40,000", "The campaign, launched in 2023, has killed 9,000": the date belongs to the start,
# the toll after "has killed" is current (a running total, as "since the war began").
_RUNNING_TOTAL = word_initial(
    r"(?:war|conflict|offensive|campaign|fighting|insurgency|invasion|violence|operation)s?\b[^.;]{0,80}?"
    r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|since\s+|already\s+)?(?:killed|left|claimed)\b"
)


# A total the news carries up: "until Friday's attack, which brought the total to at least 118", "bringing the toll
# to 31": the total stands now, whatever day or earlier toll the clause before it names (not with a year before it:
# "In 2015 the bombing brought the toll to 40" is history).
_CARRIED_TOTAL = word_initial(
    rf"{_CARRY}\s+(?:the|its|their)\s+(?:overall\s+|official\s+|cumulative\s+|death\s+)?"
    r"(?:total|tally|toll|count|number)\b"
)
_YEAR = lazyre.compile(r"\b(?:1[89]|20)\d\d\b")


def _without_running_total(low: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans less the clause of a war's running total ("..., has killed more than 40,000"), unless the sentence
    is history or remembrance, and less the clause of a total the news carries up ("which brought the total to
    118")."""
    if not spans:
        return spans
    if " has " in low or " have " in low:
        m = _RUNNING_TOTAL.search(low)
        if m is not None and not _HISTORY.search(low):
            spans = _cut(spans, m.end(), _clause_end(low, m.end()))
    carried = _CARRIED_TOTAL.search(low) if "total" in low or "toll" in low or "tally" in low else None
    if carried is not None and not _YEAR.search(low, 0, carried.start()) and not _HISTORY.search(low):
        spans = _cut(spans, carried.start(), _clause_end(low, carried.end()))
    return spans


def _cut(spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans less the stretch lo..hi."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= lo or a >= hi:
            out.append((a, b))
            continue
        if a < lo:
            out.append((a, lo))
        if b > hi:
            out.append((hi, b))
    return out


def _sentence_spans(art: _Article, doc: Doc, sent: Sentence, last_bg: bool) -> list[tuple[int, int]]:
    """The spans of a figure's sentence that are background: all of a timeline's line, else the clauses dated
    or tied to earlier events (updates art.timeline_lines, art.period_listed and art.first_dated)."""
    if not sent.is_title and _TIMELINE.match(sent.folded):
        if art.timeline_lines is None:
            art.timeline_lines = {s.index for s in doc.sentences if not s.is_title and _TIMELINE.match(s.folded)}
    if art.timeline_lines and len(art.timeline_lines) >= 2 and sent.index in art.timeline_lines:
        # A line of a timeline of earlier attacks (two such lines at least: one could be a dateline).
        return [(0, len(sent.folded))]
    dated = (art.dated_incident and art.main_day is not None) or bool(art.first_dated)
    if art.period_listed is None and _DATE_OPENS.match(sent.folded):
        art.period_listed = _listed_in_period(doc.sentences)
    listed = art.period_listed is not None and sent.index in art.period_listed
    spans = _background_spans(sent, art.main_day, last_bg, art.own_days, dated, listed)
    if art.news_toll and not sent.is_title:
        spans += _earlier_than_the_news(sent.folded)
    spans = _without_running_total(sent.folded, spans)
    if art.first_dated is None and not sent.is_title:
        art.first_dated = bool(_NEWS_DAY.search(sent.folded)) and not _LAST_WEEK.search(sent.folded)
    if sent.index > 0 and not sent.is_title:
        spans += _after_earlier_attack(art, sent, doc.sentences[sent.index - 1], last_bg)
        spans += _earlier_narrative(sent, doc.sentences[max(0, sent.index - _NARRATIVE_BACK) : sent.index])
        if _continues_earlier(sent, doc.sentences[sent.index - 1]):
            spans.append((0, len(sent.folded)))
    return spans


def _sentence_casualties(
    art: _Article,
    doc: Doc,
    sent: Sentence,
    figs: list[_Fig],
    spans: list[tuple[int, int]],
    found: tuple[list[Casualty], dict[tuple[object, ...], int]],
    judge: Callable[[Reading], bool] | None = None,
) -> bool:
    """Adds the sentence's figures to the article's (`found`: the casualties so far and where each key is), each
    current unless in a background span (or as `judge` decides, told the rules' verdict), with its cause; whether
    any figure of the sentence is current."""
    any_current = False
    words: tuple[_Found, _Found, _Found] | None = None
    for fig in figs:
        at = fig.number.start
        current = not art.anniversary and not any(a <= at < b for a, b in spans)
        if fig.number.value <= 0 or fig.kind is None:  # (figs holds only figures with a kind)
            any_current = any_current or current
            continue
        if words is None:
            words = _cause_words(sent.folded)
        cause = _cause(sent.folded, at, words)
        if cause is False:
            if art.context_cause is False:
                art.context_cause = _context_cause(_context(doc))
            cause = art.context_cause
        if judge is not None:
            reading = Reading(sent, at, fig.number.end, fig.number.value, fig.kind, cause, current, art.anniversary)
            current = judge(reading)
        any_current = any_current or current
        key: tuple[object, ...] = (fig.number.value, _KIND_GROUP[fig.kind], current)
        cas = Casualty(fig.number.value, fig.qualifier, fig.kind, _as_written(sent, fig), current, sent.text, cause)
        if key in found[1] and not sent.is_title and (marked := _another_group(sent.folded, fig)):
            _add_another(found, key, cas, art.title, marked)
        else:
            _add_figure(found, key, cas, art.title)
    return any_current


# A figure the text marks as people beyond those it has counted: "bombings in two towns killed three more", "Another
# three people died", "four additional people", "a further 20 were hurt". Equal to a figure told before, it is another
# figure ("three more" after "three people died" are six dead), unless it is the headline's told for the first time.
_ADDED_BEFORE = lazyre.compile(r"\b(?:another|a\s+further|an\s+additional)\s*$")
_ADDED_AFTER = lazyre.compile(r"\s+(?:more|additional)\b(?!\s+than\b)")
# A sentence that tells another incident than the one before it: "In a separate attack, ...", "Elsewhere in the
# province, ...", "Separately, ...". It parts a figure only from the headline's once the body has told that: a body
# sentence before it may be a lead that sums up every incident the article then tells one by one.
_OTHER_INCIDENT = word_initial(
    r"in\s+(?:a|another)\s+separate\b|(?:in|during)\s+another\s+(?:[\w-]+\s+)?(?:incident|attack|bombing|blast|raid|strike|ambush)\b"
    r"|elsewhere\b|separately\b"
)
_MAY_OTHER_INCIDENT = gate(_OTHER_INCIDENT)


def _another_group(low: str, fig: _Fig) -> Literal["added", "incident", ""]:
    """ "added" when the words of a figure mark it as people beyond a figure told before ("killed three more",
    "another three"), "incident" when its sentence tells another incident ("in a separate attack", "elsewhere"), ""
    when neither."""
    start, end = fig.number.start, fig.number.end
    if _ADDED_BEFORE.search(_strip_qualifier(low[max(0, start - 30) : start])) or _ADDED_AFTER.match(low, end):
        return "added"
    return "incident" if _MAY_OTHER_INCIDENT(low) and _OTHER_INCIDENT.search(low) is not None else ""


def _add_another(
    found: tuple[list[Casualty], dict[tuple[object, ...], int]],
    key: tuple[object, ...],
    cas: Casualty,
    title: str | None,
    marked: Literal["added", "incident"],
) -> None:
    """Adds a figure marked as another group or incident (`_another_group`) whose key a figure told before holds. The
    headline's figure that no body sentence has told yet takes it in (the headline's "Three More Killed" and the lead's
    "three more people were killed" are one figure); so does a figure of the body for a sentence of another incident;
    otherwise it is a figure of its own, merged only with the same figure of its own sentence."""
    out, seen = found
    from_title = out[seen[key]].evidence == title
    if (from_title and (_TOLD, *key) not in seen) or (not from_title and marked == "incident"):
        _add_figure(found, key, cas, title)
        return
    own = (*key, "another", cas.evidence)
    if own not in seen:
        seen[own] = len(out)
        out.append(cas)


# The mark in `seen` of a headline figure that a body sentence has told again.
_TOLD = "told in the body"


def _add_figure(
    found: tuple[list[Casualty], dict[tuple[object, ...], int]],
    key: tuple[object, ...],
    cas: Casualty,
    title: str | None,
) -> None:
    """Adds one figure to the article's, or merges it into the same figure found before."""
    out, seen = found
    if key in seen:
        # The same figure again ("Kill 40" in the headline, "at least 40 people are dead" below): keep
        # one, with the qualifier the body gives it.
        i = seen[key]
        kept = out[i]
        if kept.evidence == title and cas.evidence != title:
            seen[(_TOLD, *key)] = 1  # the headline's figure told in the body (for _add_another)
        if (
            kept.who not in (None, "people")
            and cas.who not in (None, "people")
            and kept.who != cas.who
            and (kept.evidence == cas.evidence or _apart(kept.who, cas.who))
        ):
            # "three soldiers and three civilians" in one sentence, or the attackers' toll and the victims'
            # in two ("killed two of the attackers" ... "the death of two Tunisians"): two figures that
            # happen to be equal.
            key = (*key, cas.who)
            if key not in seen:
                seen[key] = len(out)
                out.append(cas)
            return
        if kept.who is None and cas.who is not None:
            out[i] = kept = replace(kept, who=cas.who)
        if kept.qualifier == cas.qualifier:
            return
        if kept.qualifier == "exact":
            out[i] = replace(cas, who=cas.who or kept.who)
            return
        if cas.qualifier == "exact":
            return
        if kept.evidence == title:
            # The headline's "At Least 50 Dead" over the lead's "killing more than 50 people": one figure,
            # with the qualifier the body gives it.
            out[i] = replace(cas, who=cas.who or kept.who)
            return
        key = (*key, cas.qualifier)  # "at least 50" and "more than 50" from two sources: two figures
        if key in seen:
            return
    seen[key] = len(out)
    out.append(cas)


@dataclass(frozen=True, slots=True)
class Reading:
    """One figure as the rules read it, for a judge of current and background (bench/figure_model.py): its
    sentence, where its number stands in the folded sentence, its value, kind and cause, the rules' verdict, and
    whether the article is an anniversary's."""

    sentence: Sentence
    start: int
    end: int
    count: int
    kind: CasualtyKind
    cause: CasualtyCause | None
    current: bool
    anniversary: bool


def find_casualties(
    doc: Doc,
    demonyms: frozenset[str],
    cue_sentences: set[int] | None = None,
    judge: Callable[[Reading], bool] | None = None,
) -> list[Casualty]:
    """Every distinct casualty figure in the article, with evidence sentence, current/background and cause.

    `cue_sentences` (from the keyword pass) limits the work to sentences with a casualty word; `judge`, when given,
    has the last word on whether each figure is current (the detector gives none: a learned judge did not beat the
    rules, bench/figure_model.py).
    """
    art = _article(doc, demonyms)
    out: list[Casualty] = []
    seen: dict[tuple[object, ...], int] = {}
    last_bg = False
    for sent in doc.sentences:
        if (cue_sentences is not None and sent.index not in cue_sentences) or not _CUE.search(sent.folded):
            # (attackers who blew themselves up died, though the sentence holds no casualty word)
            if ("blew" not in sent.folded or not _SELF_BLAST.search(sent.folded)) and (
                "loss" not in sent.folded or not _LOSS_OF.search(sent.folded)
            ):
                continue
        figs = [f for f in _sentence_figures(sent, demonyms) if f.kind is not None and not f.rejected]
        if not figs:
            continue
        spans = _sentence_spans(art, doc, sent, last_bg)
        current = _sentence_casualties(art, doc, sent, figs, spans, (out, seen), judge)
        if current and not art.news_toll and not sent.is_title:
            art.news_toll = _dates_the_news(sent.folded)
        last_bg = not current
    if out:
        out = _without_refuted(doc, out)
    return out


# A verdict on the figures just quoted: "Lukashenko's claims are not supported by evidence, are unverifiable and
# lack credibility", "The figure is false", "These numbers are fabricated".
_VERDICT = word_initial(
    r"(?:claims?|figures?|numbers?|tolls?|statistics|allegations?)\b[^.;]{0,30}?\b(?:"
    r"(?:is|are|was|were|remains?)\s+(?:(?:also|simply|completely|entirely)\s+)?(?:false|untrue|not true|baseless|unfounded|"
    r"fabricated|invented|made up|not credible|unverifiable|not supported|unsupported|misleading)"
    r"|lacks?\s+credibility|(?:are|is)\s+not\s+backed)"
)
_VERDICT_BACK = 2  # sentences before the verdict whose figures it refutes
_VERDICT_WORDS = (
    "false",
    "untrue",
    "not true",
    "baseless",
    "unfounded",
    "fabricated",
    "invented",
    "made up",
    "credib",
    "unverifiable",
    "not supported",
    "unsupported",
    "misleading",
    "not backed",
)


def _without_refuted(doc: Doc, out: list[Casualty]) -> list[Casualty]:
    """Figures of the sentences a verdict refutes are no figures: 'something like 40,000 Ukrainians have perished
    ...' followed by 'Lukashenko's claims are not supported by evidence'."""
    if not any(w in doc.folded for w in _VERDICT_WORDS):
        return out  # a cheap test first: most articles hold no verdict word
    refuted: set[str] = set()
    for m in _VERDICT.finditer(doc.folded):
        at = doc.sentence_at(m.start())
        if at.is_title:
            continue
        for s in doc.sentences[max(0, at.index - _VERDICT_BACK) : at.index + 1]:
            refuted.add(s.text)
    return [c for c in out if c.evidence not in refuted] if refuted else out


# Past perfect: an event before the time the narrative is set in ("after a series of anthrax incidents had killed
# five people").
_PAST_PERFECT = word_initial(r"had\s+(?:been\s+|already\s+)?(?:killed|died|left|wounded|injured|claimed|cost)\b")


def _opens_in_the_past(sent: Sentence) -> bool:
    """True when a sentence opens on an earlier date ("A month after the September 11, 2001, attacks, ...",
    "In 1983, ...", "On October 23, 1983, ..."), not on a period total ("In 2022, 1,711 people ...")."""
    low = sent.folded
    for m in _BACKGROUND.finditer(low, 0, min(len(low), 60)):
        if m.start() >= 25 or _since_exempt(low, m.start()):
            continue
        g = m.group(0)
        if (
            _YEAR_CUE.match(g)
            and _MONTH_IN.search(g) is None
            and not _names_event(low[: _clause_end(low, m.end())], True)
        ):
            continue
        return True
    return False


_THAT_ATTACK = word_initial(r"that\s+attack\b")


def _after_earlier_attack(art: _Article, sent: Sentence, prev: Sentence, last_bg: bool) -> list[tuple[int, int]]:
    """ "that attack" names the attack just told: an earlier one when the sentence before spoke of an earlier day or
    event, or the last figures were background ("... on December 11. An aid worker was also killed in that attack");
    after a strike of the news day ("Another strike earlier Wednesday hit a block of flats. The governor said that
    attack killed five") its figures are news."""
    low = sent.folded
    if "that attack" not in low or (m := _THAT_ATTACK.search(low)) is None:
        return []
    told_earlier = last_bg or (
        not prev.is_title and bool(_background_spans(prev, art.main_day, False, art.own_days, art.dated_incident))
    )
    return [(0, _clause_end(low, m.end()))] if told_earlier else []


_NARRATIVE_BACK = 3  # sentences a story set on an earlier date runs on ("... He alerted his superiors. The nation ...")


def _earlier_narrative(sent: Sentence, before: list[Sentence]) -> list[tuple[int, int]]:
    """A past-perfect clause a few sentences after one set on an earlier date continues that earlier story: "A
    month after the September 11, 2001, attacks, a clerk ... . He alerted his superiors. The nation was on edge
    after a series of anthrax incidents had killed five people." ("Officials said the blast had killed 12" in a
    present-day story stays news.)"""
    low = sent.folded
    found = list(_PAST_PERFECT.finditer(low))
    if not found or not any(not p.is_title and _opens_in_the_past(p) for p in before):
        return []
    return [(_clause_start(low, m.start()), _clause_end(low, m.end())) for m in found]


# A statement naming a recent period before listing its attacks by date: "The last few weeks have sadly been no
# exception, with increasing attacks. On the morning of 1 July, at least 21 people died ... On 27 June, the strike on
# the shopping centre killed as many as 25 ...". (A date at the head of a body sentence otherwise dates an earlier one.)
_RECENT_PERIOD = word_initial(
    r"(?:last|past)\s+(?:few\s+|two\s+|three\s+|several\s+)?(?:days|weeks)\b|recent\s+(?:days|weeks)\b|this\s+week\b"
)
_DATE_OPENS = lazyre.compile(
    r"^\s*on\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\b|(?:{_MONTH_RE})\.?\s+\d{{1,2}}\b)"
)


def _listed_in_period(sentences: list[Sentence]) -> frozenset[int]:
    """The body sentences that open with a date and follow, through sentences that open with dates too, one that names
    a recent period (the last few weeks, this week): one pass over the document, each run of dated sentences taking
    the verdict of the sentence before it."""
    listed: set[int] = set()
    opened = False  # whether the sentence before opens with a date (a title never continues a run)
    in_period = False  # the verdict of the current run of dated sentences
    for i, sent in enumerate(sentences):
        opens = _DATE_OPENS.match(sent.folded) is not None
        if opens:
            if not opened:
                prev = sentences[i - 1] if i > 0 else None
                in_period = prev is not None and not prev.is_title and _RECENT_PERIOD.search(prev.folded) is not None
            if in_period:
                listed.add(i)
        opened = opens and not sent.is_title
    return frozenset(listed)


# A date or time word of a sentence's own: with one, a sentence dates itself and continues no earlier story.
_OWN_DATE = word_initial(
    rf"(?:{'|'.join(WEEKDAYS)}|today|tonight|yesterday|this (?:morning|afternoon|evening|week)|overnight|since|so far)\b"
)


def _continues_earlier(sent: Sentence, prev: Sentence) -> bool:
    """A body sentence right after one that opens on an earlier day and tells of an attack goes on with that story:
    "For example, on 28 August, Russia hit Kyiv with 600 drones and 31 missiles. At least 23 people, including four
    children, were killed." (The lead's "On March 3, gunmen attacked a village" is the news, not an earlier day.)"""
    if prev.is_title or prev.weight >= 2.0 or sent.weight >= 2.0 or _OWN_DATE.search(sent.folded):
        return False
    low = prev.folded
    m = _EARLIER_REL.search(low, 0, 40)
    return m is not None and not _since_exempt(low, m.start()) and _names_event(low, actors=True)


def commemorates(doc: Doc, demonyms: frozenset[str]) -> bool:
    """Whether the piece commemorates an earlier event: its headline names an anniversary or a remembrance ("Victims
    Remember US Embassy Bombing", "20 years after ..."), or its lead marks an anniversary and gives no toll of its own.
    Its figures are all background (`find_casualties`), and it tells of no fighting of its own."""
    title_low = doc.sentences[0].folded if doc.sentences and doc.sentences[0].is_title else ""
    return (_MAY_ANNIVERSARY_TITLE(title_low) and bool(_ANNIVERSARY_TITLE.search(title_low))) or _anniversary_lead(
        doc, demonyms
    )


def _anniversary_lead(doc: Doc, demonyms: frozenset[str]) -> bool:
    """True when the lead commemorates an anniversary and gives no toll of its own."""
    if "anniversar" not in doc.folded:
        return False
    seen = 0
    for sent in doc.sentences:
        if sent.is_title or sent.folded.count(" ") < 7:
            continue
        marked = _ANNIVERSARY_LEAD.search(sent.folded)
        if marked:
            return not any(
                f.kind and not f.rejected and not _recalled_toll(sent.folded, marked, f)
                for f in _sentence_figures(sent, demonyms)
            )
        seen += 1
        if seen == _LEAD_SENTENCES:
            break
    return False


def _recalled_toll(low: str, marked: re.Match[str], fig: _Fig) -> bool:
    """Whether a figure of an anniversary lead is the toll of the event the anniversary recalls (told after it, in
    the phrase that names the event), not one of the lead's own."""
    return fig.number.start >= marked.end() and bool(_ANNIVERSARY_OWN_TOLL.search(low[marked.end() : fig.number.start]))


# --- rates and false claims ---------------------------------------------------------------------

# "91 Americans a day", "400,000 deaths a year", "annually", "on average": statistics, never news figures.
# "a day after", "in a single day", "a year ago" are dates, not rates.
_RATE_AFTER = word_initial(
    r"(?<!in )(?<!on )(?<!for )(?<!than )(?<!over )(?<!that )(?<!same )(?<!one )(?<!just )(?<!only )(?<!single )(?<!within )"
    r"\b(?:a|per|each|every)\s+(?:day|week|month|year|hour|minute)\b"
    r"(?!\s*(?:ago|after|before|earlier|later|since|of|when|in which|into|that|-|'s))"
    r"|\b(?:annually|yearly|per annum|on average|per capita)\b"
    r"|\bper\s+(?:\d[\d,.]*|one|a|ten|hundred|thousand|million|billion|100,000)\b"
)
_RATE_BEFORE = lazyre.compile(
    r"^\s*(?:on average|annually|yearly|(?:every|each)\s+(?:day|week|month|year))\b|\b(?:an|the)\s+average\s+of\s*$"
)
_RATE_WINDOW = lazyre.compile(r"[;:]|,(?!\d)|\.(?=\s|$)")
# "posts falsely claim 400,000 are missing", "no evidence that 300 were killed", "denied that 12 died".
_FALSE = word_initial(
    r"\bfalse(?:ly)?\b|\bmisrepresent\w*|\bmislead\w*|\bno (?:[\w-]+ ){0,2}evidence\b|\b(?:denied|denies|deny|denying)\s+(?:that|reports|claims|allegations)\b"
    r"|\bhoax\w*|\bdebunk\w*|\bfabricat\w*|\bfake\b|\bbaseless\b|\bunfounded\b|\bunsubstantiated\b|\b(?:dis|mis)information\b"
    r"|\bconspiracy theor\w*|\bdoctored\b"
)
# Every word that can start a rate or a false claim, as one cheap test per sentence.
_SUSPECT = word_initial(
    r"(?:a|each|every)\s+(?:day|week|month|year|hour|minute|capita|billion|million|thousand|hundred|\d)|per\s|annual|yearly|"
    r"on average|average of|false|mislead|misrepresent|no (?:[\w-]+ ){0,2}evidence|den(?:y|ies|ied|ying)\s|hoax|debunk|fabricat|fake|baseless|"
    r"unfounded|unsubstantiated|(?:dis|mis)information|conspiracy|doctored"
)
_CLAIM_START = lazyre.compile(r";|\bbut\b")


def _not_a_figure(low: str, num: Number) -> bool:
    """A rate or a figure that the sentence says is false (call only when the sentence has such a cue)."""
    stop = _RATE_WINDOW.search(low, num.end)
    if _RATE_AFTER.search(low, num.end, stop.start() if stop else len(low)):
        return True
    start = 0
    for m in _CLAIM_START.finditer(low, 0, num.start):
        start = m.end()
    before = low[start : num.start]
    return bool(_RATE_BEFORE.search(before) or _FALSE.search(before))


def _may_hold_rates_or_claims(low: str) -> bool:
    """A cheap sentence-level test before the per-number checks of `_not_a_figure`."""
    return _SUSPECT.search(low) is not None


# --- cause --------------------------------------------------------------------------------------

CAUSES = CASUALTY_CAUSES
# Events that kill, by cause. Longer phrases come first so that "lightning strike" is a disaster and
# "explosion at a factory" an accident, not a conflict strike or blast.
_CAUSE_EVENT = word_initial(
    r"(?P<disaster>\b(?:(?:earthquake|quake|storm|tornado|hurricane|cyclone|typhoon)s?\s+(?:strikes?|struck|hit|hits)|lightning(?:\s+strikes?)?|"
    r"earthquakes?|quakes?|tremors?|aftershocks?|floods?|flooding|flash floods?|storms?|tornado(?:e?s)?|hurricanes?|cyclones?|typhoons?|"
    r"landslides?|mudslides?|wildfires?|bushfires?|forest fires?|tsunamis?|heat ?waves?|extreme heat|avalanches?|volcan\w*|eruptions?|"
    r"monsoons?|torrential rains?|blizzards?|drought)\b)"
    r"|(?P<accident>\b(?:(?:explosion|blast)s?\s+(?:at|in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:factory|plant|mine|warehouse|refinery|"
    r"depot|workshop|facility|fireworks)|(?<!opened )(?<!open )(?:fire|blaze)s?\s+(?:at|in|swept|ripped|engulfed|gutted|tore)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:factory|plant|warehouse|building|apartment|block|hotel|nightclub|club|home|house|hospital|"
    r"market|school|prison|dormitory)|mine\s+(?:explosion|blast|collapse|accident)|gas\s+(?:explosion|leak|blast)|"
    r"(?:building|bridge|roof|wall|dam|stadium|house|tower|structure|mine|hotel|school)s?\s+(?:collapsed?|collapses|collapsing)|"
    r"collapse of (?:an?|the) [\w\s-]{0,20}?(?:building|bridge|roof|wall|dam|stadium|house|tower|structure|mine)|"
    r"crash(?:es|ed)?|collisions?|collided|capsiz\w*|ferry|ferries|shipwreck|sank|sinking|derail\w*|stampede|accidents?|drown\w*|"
    r"fire broke out|blaze|(?:plane|jet|airliner|aircraft|helicopter|bus|train|truck|lorry|boat|ship|vessel)\s+(?:[\w-]+\s+)?"
    r"(?:plunged?|plunges|went down|overturned|veered|plummeted|caught fire|ran off)|"
    # A road or rail vehicle that hits something: "train carrying lawmakers hits truck", "the bus struck a wall". Not
    # struck by something, nor a mine or a bomb it hit, nor a crowd it was driven into (an attack).
    r"(?:train|truck|lorry|bus|minibus|car|van|tram|taxi|tractor|motorcycle)s?(?!\s+bombs?\b)\s+(?:(?!(?:was|were|is|are|be|been|being|got|gets)\b)[\w'-]+\s+){0,6}?"
    r"(?:hit|hits|struck|strikes|slammed into|slams into|smashed into|smashes into)\s+(?!by\b)"
    r"(?!(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:(?:land)?mines?|bombs?|ieds?|explosives?|crowds?|protesters|demonstrators|"
    r"worshipp?ers)\b)|"
    # Killed by an animal: no fight ("a rogue elephant's rampage killed five villagers"). Not tigers, lions or
    # wolves, which name armed groups (the Tamil Tigers, the Lions' Den, the Grey Wolves).
    r"(?:wild\s+)?animals?|wildlife|elephants?|leopards?|crocodiles?|alligators?|sharks?|snakes?|snakebites?)\b)"
    r"|(?P<disease>\b(?:ebola|covid(?:-19)?|coronavirus|cholera|measles|malaria|dengue|mpox|outbreaks?(?!\s+of\s+(?:fighting|violence|combat|war|hostilities|clashes|unrest))|epidemics?|pandemic|virus|"
    r"diseases?|influenza|flu|overdoses?|opioids?|fentanyl|infections?|heart attacks?)\b)"
    r"|(?P<crime>\b(?:serial killer|murder(?:s|ed|ing)?|homicides?|robbery|robbers|stabb\w*|mass shooting|shooting spree|domestic violence)\b)"
    r"|(?P<none>\b(?:hunger strikes?|on strike|general strike|(?:strikes?|struck|striking)\s+(?:a\s+|the\s+)?(?:deal|agreement|balance|chord|note|tone))\b)"
    r"|(?P<conflict>\b(?:air\s?strikes?|drone strikes?|missile strikes?|suicide (?:attack|bomb)\w*|car bombs?|roadside bombs?|attack(?:s|ed|ers?)?|"
    r"strikes?|struck|shell(?:ing|ed|s)|bomb(?:s|ing|ings|ed|ers?)?|clash(?:es|ed)?|fighting|fought|battles?|wars?|warfare|massacres?|"
    r"ambush(?:es|ed)?|raids?|rockets?|drones?|missiles?|mortars?|artillery|gunfire|snipers?|offensive|insurgency|combat|hostilities|"
    r"grenades?|explosive devices?|ieds?|crossfire|assassinat\w*|genocide|terror(?:ist)?\s+attacks?|sieges?|besieged|"
    r"gun ?battles?|firefights?|shoot-?outs?)\b)"
    # A state of conflict rather than one event: a cause, but it dates nothing ("killed in the conflict in 2018").
    r"|(?P<ongoing>\b(?:conflicts?|violence|unrest|outbreaks?\s+of\s+(?:fighting|violence|combat|war|hostilities|clashes|unrest))\b)"
)
# Who did it, when no event word says what.
_CAUSE_ACTOR = word_initial(
    r"(?P<conflict>\b(?:gunmen|militants?|insurgents?|troops|soldiers|rebels?|terrorists?|jihadists?|militias?|militiamen|"
    r"army|armed forces|security forces|guerrillas?|extremists?|taliban|al-shabab|boko haram|islamic state|isis|isil|hamas|hezbollah|"
    r"assailants|paramilitar(?:y|ies)|rapid support forces|rsf|government forces|[\w-]+-led forces|"
    r"houthis?|al-qaida|al-qaeda)\b)"
    r"|(?P<crime>\b(?:gunman|killer|robbers?|police said a man|a man (?:shot|stabbed|killed)|suspect)\b)"
)
# Words that name a deadly event without saying whose: a blast, an explosion, a shooting.
# Road deaths are a category, not an event: they name a cause but date nothing.
_CAUSE_WEAK = word_initial(
    r"(?P<conflict>\b(?:blasts?|explosions?|exploded|opened fire)\b)|(?P<crime>\bshootings?\b)"
    r"|(?P<accident>\b(?:on the roads?|road (?:deaths|casualties|collisions?|traffic)|traffic|"
    r"(?<!cease-)(?<!cease )(?<!opened )(?<!open )(?<!under )(?<!returned )(?<!return )(?<!heavy )fires?|blazes?)\b)"
)
_CAUSE_CLAUSE = lazyre.compile(r"[;:(]|,(?!\d)|\s-\s")


# The cause each named group of the cause patterns stands for.
_GROUP_CAUSE: dict[str, CasualtyCause | None] = {"none": None, "ongoing": "conflict", **{c: c for c in CAUSES}}
_Found = list[tuple[int, int, CasualtyCause | None]]  # (start, end, cause) of each cause word in a text
# Word pre-checks (bot/detect/prefilter.py): one automaton pass of a text answers all three.
_MAY_CAUSE_EVENT = gate(_CAUSE_EVENT)
_MAY_CAUSE_ACTOR = gate(_CAUSE_ACTOR)
_MAY_CAUSE_WEAK = gate(_CAUSE_WEAK)


def _cause_words(text: str) -> tuple[_Found, _Found, _Found]:
    """Event, actor and weak cause words of a text, found once and shared by all its figures."""
    event, actor, weak = (
        [(m.start(), m.end(), _GROUP_CAUSE[m.lastgroup or ""]) for m in pattern.finditer(text)] if may(text) else []
        for pattern, may in (
            (_CAUSE_EVENT, _MAY_CAUSE_EVENT),
            (_CAUSE_ACTOR, _MAY_CAUSE_ACTOR),
            (_CAUSE_WEAK, _MAY_CAUSE_WEAK),
        )
    )
    return event, actor, weak


def _pick(
    words: tuple[_Found, _Found, _Found], at: int, lo: int = 0, hi: int | None = None
) -> CasualtyCause | None | Literal[False]:
    """The cause word nearest to offset `at` within [lo, hi), events before actors before weak words;
    False when there is none (None: a word that says the number is no casualty cause, "hunger strike")."""
    for found in words:
        best: tuple[int, CasualtyCause | None] | None = None
        for start, end, cause in found:
            if start < lo or (hi is not None and end > hi):
                continue
            dist = at - end if end <= at else start - at
            if best is None or dist < best[0]:
                best = (dist, cause)
        if best is not None:
            return best[1]
    return False


def _context_cause(context: list[str]) -> CasualtyCause | None:
    """The cause the headline and lead name, for figures whose sentence names none."""
    for text in context:
        found = _pick(_cause_words(text), 0)
        if found is not False:
            return found
    return None


def _cause(low: str, at: int, words: tuple[_Found, _Found, _Found]) -> CasualtyCause | None | Literal[False]:
    """What killed or hurt: the figure's own clause first, then its sentence; False: look at the lead."""
    start = 0
    for m in _CAUSE_CLAUSE.finditer(low, 0, at):
        start = m.end()
    stop = _CAUSE_CLAUSE.search(low, at)
    found = _pick(words, at, start, stop.start() if stop else len(low))
    return found if found is not False else _pick(words, at)


# --- who ----------------------------------------------------------------------------------------

_FAMILY_WORD = r"(?:men|women|children|boys|girls|babies|infants|elderly)"
_FAMILY = lazyre.compile(
    rf"\s*(?:[\w-]+\s+){{0,2}}?(?P<phrase>{_FAMILY_WORD}(?:\s*,\s*{_FAMILY_WORD})*(?:\s*,?\s*(?:and|or)\s+{_FAMILY_WORD}))\b"
)
_FAMILY_SPLIT = lazyre.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


_PERPETRATORS = frozenset(
    ["attackers", "assailants", "gunmen", "bombers", "militants", "insurgents", "terrorists", "jihadists", "extremists"]
)


def _perpetrator(who: str | None) -> bool:
    return (who or "").lower() in _PERPETRATORS


# Victims on one side of a war or an attack: two equal figures of victims on different sides are two tolls ("Seven
# police officers have been killed" at a checkpoint, then "seven civilians were killed" by a roadside bomb).
_SECURITY = frozenset(
    [
        "soldiers",
        "soldier",
        "troops",
        "servicemen",
        "servicewomen",
        "servicemembers",
        "personnel",
        "forces",
        "paramilitaries",
        "troopers",
        "police",
        "policemen",
        "policewomen",
        "officers",
        "officer",
        "guards",
        "bodyguards",
        "peacekeepers",
        "gendarmes",
        "cadets",
        "recruits",
        "marines",
        "airmen",
        "sailors",
        "seamen",
        "commanders",
    ]
)
_CIVILIANS = frozenset(
    [
        "civilians",
        "civilian",
        "children",
        "child",
        "kids",
        "women",
        "boys",
        "girls",
        "students",
        "pupils",
        "teachers",
        "schoolchildren",
        "villagers",
        "residents",
        "worshippers",
        "worshipers",
        "pilgrims",
        "passengers",
        "shoppers",
        "commuters",
        "bystanders",
        "mourners",
        "babies",
        "infants",
        "toddlers",
        "teenagers",
        "farmers",
        "fishermen",
    ]
)


def _side(who: str | None) -> str | None:
    low = (who or "").lower()
    if low in _PERPETRATORS:
        return "perpetrators"
    if low in _SECURITY:
        return "security forces"
    return "civilians" if low in _CIVILIANS else None


def _apart(a: str | None, b: str | None) -> bool:
    """Whether two equal figures with these victims are two tolls: the attackers' and the victims', or those of
    security forces and of civilians."""
    side_a, side_b = _side(a), _side(b)
    if side_a and side_b:
        return side_a != side_b
    return _perpetrator(a) != _perpetrator(b)


def _aside_of_other_group(before: list[_Fig], low: str, at: int) -> bool:
    """True when an 'including N' aside follows a counted group that is no casualty figure ('more than 161 guests,
    including 41 foreigners, were rescued'), so the aside is a share of that group, not of an earlier toll."""
    group = next((f for f in reversed(before) if f.number.value > 1), None)  # "one family" is no group
    if group is None or group.kind is not None:
        return False
    gap = low[group.number.end : at]
    return bool(_ASIDE_OF_GROUP.match(gap)) and not _KIND_IN_GAP.search(gap)


def _who_phrase(low: str, end: int) -> str | None:
    """'men, women and children' after a number, as one victim phrase."""
    m = _FAMILY.match(low, end)
    if not m:
        return None
    words = [w for w in _FAMILY_SPLIT.split(m.group("phrase")) if w]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _sentence_figures(sent: Sentence, demonyms: frozenset[str]) -> list[_Fig]:
    """The figures of a sentence: each number that is no junk, with its kind read from the words beside it, else
    from the list or the partitive it stands in; its qualifier, and who it counts."""
    low = sent.folded
    figs = _figures_read_alone(low, demonyms)
    _kinds_from_list_before(figs, low, demonyms)
    _kinds_after_vague_object(figs, low, demonyms)
    _kinds_from_partitive(figs, low)
    _kinds_from_list_after(figs, low, demonyms)
    _qualifiers_carried(figs, low)
    for fig in figs:
        if fig.kind is not None:
            fig.who = _who_phrase(low, fig.number.end) or fig.who
    return figs


def _figures_read_alone(low: str, demonyms: frozenset[str]) -> list[_Fig]:
    """The numbers of a folded sentence that are no junk, rate or claim, each given the kind that the toll words,
    the words to its left or those to its right give it (or rejected by them)."""
    figs: list[_Fig] = []
    suspect = _may_hold_rates_or_claims(low)
    for num in find_numbers(low):
        if _junk(num, low) or (suspect and _not_a_figure(low, num)):
            continue
        figs.append(_Fig(num, _qualifier(low[max(0, num.start - 25) : num.start])))
    for fig in figs:
        _toll(fig, low, demonyms)
        if fig.kind is None and not fig.rejected:
            _left(fig, low, demonyms)
        if fig.kind is None and not fig.rejected:
            _right(fig, low, demonyms)
    return figs


def _kinds_from_list_before(figs: list[_Fig], low: str, demonyms: frozenset[str]) -> None:
    """A figure without a kind, listed after one with a kind, takes that kind."""
    # Lists: "20 Burundian soldiers and 40 Somali civilians were missing", "132 children, and nine staff",
    # "a toll of 72, including five attackers and six soldiers".
    for i, fig in enumerate(figs):
        if fig.kind is not None or fig.rejected:
            continue
        who, never = _who_after(low, fig.number.end, demonyms)
        if never or who is None:
            continue
        # The words before, without a qualifier: "the death of two Tunisians and at least 20 foreign tourists".
        before = _strip_qualifier(low[max(0, fig.number.start - 25) : fig.number.start])[-12:]
        # The figure before, skipping numbers that are no figure ("killed 12 members of one family,
        # including four children").
        prev = next((f for f in reversed(figs[:i]) if f.kind is not None or f.rejected), None)
        if _INCLUDING.search(before) and _aside_of_other_group(figs[:i], low, fig.number.start):
            continue
        if prev and prev.kind and _LIST_BEFORE.search(before) and (prev.via != "right" or _INCLUDING.search(before)):
            # An item after a possessive ("a woman and her three daughters") names part of the figure before: it
            # does not carry a kind back to numbers before it.
            fig.kind, fig.who, fig.via = prev.kind, who, ("family" if _POSSESSIVE_END.search(before) else "list")


# A count joined by "and" to a first object that has no figure, a vague number ("killed dozens of worshippers outside
# the shrine, and four additional people in a separate attack", "wounded several police officers and two civilians"):
# the verb before the vague object is the count's too. No number, clause break or second verb stands between.
_VAGUE_OBJECT = lazyre.compile(
    r"\b(?P<verb>killed|killing|kills|massacred|massacring|slaughtered|murdered|shot dead|gunned down|"
    r"(?:claimed|claiming|took|taking|cost|costing) the lives of|wounded|wounding|wounds|injured|injuring|injures)\s+"
    r"(?:at least\s+|more than\s+|nearly\s+|some\s+|well over\s+|over\s+)?"
    r"(?:dozens|scores|hundreds|thousands|tens of thousands|several|many|numerous|countless|a number|an unknown number|"
    r"a few|a handful)\b(?P<mid>[^.;:\d]{0,160}?)\s+and\s*$"
)
_MAY_VAGUE_OBJECT = gate(_VAGUE_OBJECT)
# Words in the stretch after the vague object that start a clause or a verb of its own: "killed dozens of people when
# gunmen stormed the hotel and", "killed dozens and wounded many, and" (not "many of them women and children").
_VAGUE_MID_BREAK = lazyre.compile(
    r"\b(?:were|was|are|is|been|had|have|has|when|while|after|before|as|who|which|that|but|since|said|says)\b|"
    r"\band\s+\w+(?:ed|ing)\b"
)
# The count's own verb after it: "and 12 others were arrested", "and 40 soldiers remain missing".
_OWN_PREDICATE_AFTER = lazyre.compile(
    r"[^,.;:]*?\b(?:were|was|are|is|been|had|have|has|remain|remained|remains|fled|escaped|survived)\b"
)


def _kinds_after_vague_object(figs: list[_Fig], low: str, demonyms: frozenset[str]) -> None:
    """A figure without a kind, joined by "and" to the vague first object of a verb of killing or wounding, takes that
    verb's kind: "killed dozens of worshippers ..., and four additional people in a separate attack"."""
    for fig in figs:
        if fig.kind is not None or fig.rejected:
            continue
        who, never = _who_after(low, fig.number.end, demonyms)
        if never or who is None:
            continue
        before = _MORE_BEFORE.sub("", _strip_qualifier(low[max(0, fig.number.start - 260) : fig.number.start]))
        m = _VAGUE_OBJECT.search(before) if _MAY_VAGUE_OBJECT(before) else None
        if (
            m is None
            or _VAGUE_MID_BREAK.search(m.group("mid"))
            or any(_is_number_word(t) for t in m.group("mid").split())
        ):
            continue
        if _OWN_PREDICATE_AFTER.match(low, fig.number.end) or _PROJECTION.search(before[: m.start()][-30:]):
            continue
        verb = m.group("verb")
        kind: CasualtyKind = (
            "wounded" if verb.startswith("wound") else "injured" if verb.startswith("injur") else "killed"
        )
        fig.kind, fig.who, fig.via = kind, who, "list"


def _kinds_from_partitive(figs: list[_Fig], low: str) -> None:
    """A figure without a kind that is part of the figure before ("eight of those") takes that figure's kind."""
    # "over 300 people have been killed, and at least eight of those are British nationals".
    for i, fig in enumerate(figs):
        if fig.kind is not None or fig.rejected or not _PARTITIVE_AFTER.match(low, fig.number.end):
            continue
        prev = next((f for f in reversed(figs[:i]) if f.kind is not None), None)
        if prev is not None:
            fig.kind, fig.who, fig.via = prev.kind, None, "list"


def _kinds_from_list_after(figs: list[_Fig], low: str, demonyms: frozenset[str]) -> None:
    """A figure without a kind, listed before one whose kind its right side or a list gave, takes that kind."""
    # "12 soldiers, 3 civilians and 2 policemen were killed": from the last item back to the first.
    for i in range(len(figs) - 2, -1, -1):
        fig, nxt = figs[i], figs[i + 1]
        if fig.kind is not None or fig.rejected or nxt.kind is None or nxt.via not in ("right", "list"):
            continue
        who, never = _who_after(low, fig.number.end, demonyms)
        if never or who is None:
            continue
        gap = low[fig.number.end : nxt.number.start]
        if (_AND_GAP.search(gap) or _COMMA_GAP.match(gap)) and not _KIND_IN_GAP.search(gap):
            if not _OWN_VERB_IN_GAP.search(gap):
                fig.kind, fig.who, fig.via = nxt.kind, who, "list"


def _qualifiers_carried(figs: list[_Fig], low: str) -> None:
    """An exact figure joined by a bare "and" to a qualified one before it takes that qualifier."""
    # "at least 30 ... dead and 60 injured": the qualifier carries over a bare "and N".
    for i, fig in enumerate(figs[1:], start=1):
        prev = figs[i - 1]
        if (
            fig.kind
            and fig.qualifier == "exact"
            and prev.kind
            and prev.qualifier != "exact"
            and _AND_END.search(low, max(0, fig.number.start - 6), fig.number.start)
        ):
            fig.qualifier = prev.qualifier
