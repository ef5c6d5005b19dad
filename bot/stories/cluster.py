"""Cross-outlet clustering: articles that report the same real-world event become one story.

Story identity is event identity. Two reports are one story when they report the same event: the same
kind of event, the same parties, compatible specifics, within the window. Candidates come from indexes,
never from comparing all pairs:

- a near-duplicate (wire copy, repost, light edit): MinHash over word shingles, looked up with LSH;
- an independent rewrite: blocking on the article's rarest names (capitalised words of the headline and
  lead, the detector's people and countries), each posting list capped to its most recent entries, then
  scored by two IDF cosines, distinctive names and headline-and-lead wording (`_same_event`).

Neither score decides alone, and a pair is never one event when (`_conflict`):
- the event dates are further apart than the window (the publication date, else the first full date near the
  top of the text, a dateline, else the latest one written further down, trusted to within a second window;
  else the day its web address gives, "/2010/07/12/" (`address_date`), the day it was published; an article with none
  of these fits any time), a day
  written without a year ("On Wednesday 8 April") is further than that from the other's date in every year,
  or the time an undated page says it was published in excludes the other's date widened by the window (its own period,
  "published under the 2010 to 2015 ... government"; the month or year its web address files it under, "/2016/07/",
  which bounds the page but dates nothing: `page_period`);
- both have event types and share none; one looks back on an event (an anniversary, "one year ago") and the
  other does not; one reports a telephone call and the other a meeting of leaders (as the headline and lead
  sentence say, else the top of the lead: "spoke with" says neither, "called the President" does); one is a
  call or meeting of named people and the other reports only an attack (a condolence visit is not the attack);
- the headlines and lead sentences put the event in different places (met in Beijing; hosted in Washington; a seat of
  government named by its street or house is in its city: Downing Street is London, the White House Washington);
- both report death tolls and the first each gives, its event's own, is not close to the other's ("eight" and
  "seven" are; 15 and 22 are not; four bombs' "eight" is not twin bombings' "two", though two of the eight died in one
  town), unless the later toll is the higher (a toll that rose);
- each names in its headline (or, for a call or meeting, its lead sentence) a party, a person or country, the
  other never mentions: the counterpart matters (Blinken with Armenia is not Blinken with China);
- each headline's distinctive names are missing from the other article (a template filled in again);
- a report with no date names an office with its sitting holder ("Foreign Secretary Boris Johnson said") and the other
  is dated outside that holder's terms in the dated table of offices (bot/data/offices.yaml), or is another undated
  page whose holder's terms never meet them.
Names are looked for in the other text as whole words ("Rice" is not in "prices").
Two reports dated (never by the fetch time) within a day and a half of each other, of the same kind of event,
that share names and have none of these conflicts, are one event even when they share little wording: two
governments' statements on one attack are written apart (`_agreed`); not when either reports talks alone (talks go
on for days, and each visit, offer or claim in them is news of its own). Two accounts of one call or meeting (the same
mode, every person either headline or lead sentence names named by both) are one event within that day and a half
(`_same_meeting`); when one of them has no date, only if both report the same thing settled beyond talks (a truce, a
deal), and something still ties the undated page to the other's time (below). A report the detector finds no event in (a
statement, an analysis) is about what its headline names: not a report of another kind of event (an analysis of a
blockade is not the port strike it recalls), and it joins another only on twice the wording
(`EVENTLESS_MIN_WORDS`), and never when either has no date at all (none published, none written: no window vouches for it, and wording would decide alone); two
pages under the same headline words that are not copies must share specifics beyond those words (a recurring
format).
When the parties are all two reports share, the places, groups and topics they name (`specific`) must
overlap: always for a recurring format's title or an undated report, otherwise when both name several. For an undated
report (unless a day it writes without a year agrees with the other's date) a shared capital or country is no
specific, not even as the event's place: every attack in Kabul is in Kabul. And an undated page joins a report only
when something ties it to that report's time or occasion (`_dated_together`): a copy, a day written with its weekday that
falls on that weekday in the other's year ("Tuesday, July 26" of 2016; in 2017 the page is of another year), a weekday
counted back from a fetch made while the other was news ("on Sunday"), the same place beyond a capital,
a day without a year that agrees, the same toll, a sitting office holder whose terms cover the other's date, or a rare
name beyond capitals and countries. "Hamas", "Gaza" and "Egypt" are in every Gaza truce's news.
Datelines ("TEHRAN, Aug. 11 (MNA) -", a republisher's "Washington, DC (STL.News) -"), boilerplate and the words of recurring titles ("Telephone
conversation with", "VOA newscast", "Today in history", fact checks, readouts) count for nothing.

A story never grows by chaining weak links: a joining article must be compatible with each of the
story's latest members, within the window of all of them, and linked to a share of them (`_fits`). An undated
page that fits two stories joins neither: nothing in it says which occurrence it reports (a welcome of "the
extension of the Yemen truce" beside the June and the August extensions).
Names are weighted by inverse document frequency over the indexed window, smoothed by a prior so a
nearly empty index still behaves. Merging two different events is worse than missing a merge.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import itertools
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from bot.detect.gazetteer import places
from bot.detect.offices import Office
from bot.detect.offices import table as office_table
from bot.detect.text import MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, WEEKDAYS, fold, split_sentences
from bot.models import Detection
from bot.stories.boilerplate import is_boilerplate
from bot.stories.lsh import MinHashBands

if TYPE_CHECKING:  # loaded at the first comparison (see _hashing)
    from datasketch import MinHash

NUM_PERM = 64
LEAD_CHARS = 1200
_WORD = re.compile(r"[a-z0-9]+")
_WORD_CHARS = re.compile(r"\w+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z]+)*|[^\sA-Za-z]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "his",
        "her",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "not",
        "no",
        "said",
        "says",
        "will",
        "would",
        "could",
        "should",
        "after",
        "before",
        "over",
        "into",
        "than",
        "then",
        "there",
        "about",
        "also",
        "more",
        "most",
        "new",
        "u",
        "s",
        "can",
        "may",
        "one",
        "two",
        "who",
        "which",
        "what",
        "when",
        "where",
        "while",
        "during",
    ]
)
# Capitalised words that say nothing about which event an article reports: function words at the
# start of a sentence, days, months, honorifics and generic office words. A small fixed list, because
# a nearly empty index cannot learn them from document frequencies yet.
_NAME_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "for",
        "and",
        "but",
        "or",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "there",
        "today",
        "yesterday",
        "tomorrow",
        *WEEKDAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        # Number words open sentences ("Two suicide bombers..."): no name.
        *NUMBER_WORDS,
        "dozens",
        "hundreds",
        "thousands",
        "several",
        "another",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "secretary",
        "minister",
        "ministers",
        "prime",
        "foreign",
        "state",
        "states",
        "department",
        "government",
        "official",
        "officials",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        # A delegation's offices and a speech's courtesies: every statement to a council opens with them ("Thank you,
        # Mr Chair"; "Deputy Ambassador Brown"), so they say who speaks, never which incident.
        "ambassador",
        "ambassadors",
        "deputy",
        "envoy",
        "chair",
        "madam",
        "thank",
        # A page's section headings under a short article (a mirror's "References" and its links).
        "references",
        "sources",
        "related",
        "office",
        "news",
        "breaking",
        "update",
        "read",
        "more",
        "after",
        "before",
        "while",
        "when",
        "where",
        "what",
        "who",
        "why",
        "how",
        "if",
        "as",
        "by",
        "with",
        "from",
        "to",
        "said",
        "says",
        "both",
        "all",
        "some",
        "many",
        "most",
        "other",
        "our",
        "we're",
        "it's",
        "we've",
        "i'm",
        "i'll",
        "i've",
        "i'd",
        "we'll",
        "let",
        "let's",
        # Connectives and adverbs that open sentences ("However, the army said...", "Meanwhile, ..."): capitalised
        # there, they name nothing, and two pages that both open a sentence with one share no name by it.
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "instead",
        "indeed",
        "also",
        "still",
        "yet",
        "then",
        "thus",
        "so",
        "such",
        "now",
        "here",
        "earlier",
        "later",
        "since",
        "although",
        "though",
        "despite",
        "during",
        "following",
        "according",
        "among",
        "under",
        "over",
        "until",
        "once",
        "because",
        "unlike",
        "like",
        "last",
        "next",
    ]
)
IDF_PRIOR = 50.0  # pseudo-documents: with few indexed articles every name weighs about the same
BLOCK_KEYS = 16  # an article is looked up under its rarest names only
POSTING_CAP = 16  # and only against the most recent articles under each name
DUP_CANDIDATES = 32  # near-duplicate candidates checked per article
SCORED_CANDIDATES = 24  # rewrite candidates scored per article, those sharing the most names first
# A rewrite of the same event shares distinctive names AND wording; both thresholds err on the side
# of keeping two events apart (see bench/story_metrics.py for the measured effect).
MIN_NAMES = 0.11
SCENE_MIN_NAMES = MIN_NAMES / 2  # when two reports agree on the event's day, kind, place and party (`_same_scene`)
TITLE_WEIGHT = 2.0
TEMPLATE_RATIO = 0.5  # independent rewrites share names at least half as much as they share wording
DUP_MIN_NAMES = 0.3
MIN_SCORE = 0.12
MIN_WORDS = 0.10  # and some wording: shared names (the parties) never decide alone
EVENTLESS_MIN_WORDS = 0.2  # when either report has no event type, the wording must agree twice as much
MEMBER_CAP = 12  # a joining article is checked against this many of the story's latest members
MIN_SPECIFIC = 0.05  # names beyond the parties (places, groups, topics) shared by reports of one event
SPECIFIC_MIN_COUNT = 4  # outside a recurring format, specifics decide only when both reports name this many
SPECIFIC_CHARS = 4000  # how far into the text a name is looked for in lower case
_ROMAN = re.compile(r"^[ivxl]+$")  # "Lloyd J. Austin III": part of a name the detector writes without it
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
LINKED_SHARE = 1 / 3  # of a story's latest members a rewrite must be linked to (never chained through one)
UNDATED_SPECIFIC = True  # an undated report must share specifics too: no window vouches for it
AGREED_WITHIN = timedelta(hours=36)  # "the same day, or a day apart": two governments' statements on one event
RARE_DF = 3  # a name in at most this many indexed reports is rare enough to name one event with its toll
STORY_TRIES = 3  # candidate stories tried, best first, before starting a new one
# Dateline and agency chrome at the start of a lead line: "TEHRAN, Aug. 11 (MNA) - ", "KYIV, Ukraine (AP) - ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?)?\s*"
    r"(?:\([A-Za-z .]{2,24}\))?\s*[-–—:]+\s+"
)
# A republisher's dateline in mixed case, its credit in brackets or slashes: "Washington, DC (STL.News) -", "Canberra, 5
# December 2026 (Mirage News) -", "(EIN Presswire) -", "WASHINGTON, Dec. 5, 2026 /EINPresswire.com/ --", "Kabul (Reuters) -".
# The credit names the outlet, which heads every page it republishes: never a name two reports share by their event.
# A news agency's credit ("(Reuters)", "(AP)") counts only before a dash, after a place.
_AGENCIES = (
    "Reuters|AP|AFP|UPI|ANI|IANS|PTI|Xinhua|IRNA|MNA|ISNA|Anadolu|AA|TASS|Sputnik|dpa|DPA|EFE|ANSA|Kyodo|Yonhap|"
    "Bernama|KUNA|WAM|SPA|APA|UNIAN|Ukrinform|Interfax|BelTA|AKIpress|VOA|NNA|SANA|QNA|MENA|KCNA|Antara|PNA|BSS|APP"
).split("|")
# The place and date before the credit: capitalised words, numbers and the particles of place names ("Rio de Janeiro",
# "Frankfurt am Main"); a sentence ("The minister met Kuleba (Ukrinform News) on Monday") is no dateline.
_PLACE_WORD = r"(?:[A-Z0-9][\w.'’-]*|de|da|do|dos|das|del|la|le|les|al|el|du|of|am|der|en|sur)"
_REPUBLISHER = re.compile(
    rf"^(?:(?:[A-Z][\w.'’-]*(?:,?\s+{_PLACE_WORD}){{0,7}},?\s*)?"
    r"(?:\([^()\n]{0,30}?\b(?:News|Newswire|Presswire|Wire)\b[^()\n]{0,12}\)|/[\w.]*(?:[Ww]ire|News)[\w.]*/)"
    r"\s*[-–—:]*\s*"
    rf"|[A-Z][\w.'’-]*(?:,?\s+{_PLACE_WORD}){{0,5}},?\s*\((?:" + "|".join(_AGENCIES) + r")\)\s*[-–—]+\s+)"
)
# A mirror's credit at the head of a copied article: "Originally posted by Wikinews. Wikinews content appears under the
# Creative Commons Attribution 2.5 license ... As these articles are static snapshots ..., may be only preliminary."
_CREDIT = re.compile(
    r"^Originally posted by [^.]{2,60}\.\s+"
    r"(?:[^.]*\b(?:content|licen[cs]e|public domain|snapshots?|revision|preliminary)\b[^.]*\.\s*)*"
)
# Titles of recurring formats: the same words head readouts, newscasts and series about other events, so
# they say nothing about which event this is ("Telephone conversation with ...", "VOA newscast", "Today in
# history", "Fact check: ...", "Readout of the Secretary's call with ...").
_FORMAT_TITLE = re.compile(
    r"^\W*(?:telephone conversation|phone (?:call|conversation)|readout|statement by|remarks|press (?:release|statement|"
    r"briefing)|transcript|today in history|this day in history|on this day|fact[- ]?check|(?:[\w.]+ ){0,3}newscast|"
    r"(?:daily|regular) (?:press|news) briefing|[\w. ]{0,40}['’]s (?:meeting|(?:phone |telephone )?call|conversation) with)\b",
    re.I,
)
_MONTHS = {
    m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|(\d{{1,2}})\s+{_MONTH},?\s+((?:19|20)\d\d)|"
    r"((?:19|20)\d\d)-(\d\d)-(\d\d))\b",
    re.I,
)
DATE_CHARS = 20_000  # dates further into a long page are not looked for
DATE_LEAD_CHARS = 600  # a date this near the top (a dateline, the lead sentence) is the article's own
# A date further down that starts or bounds a period ("since ... 2001", "until May 2016", "between ... and")
# is background by its grammar: the article is written after it, not on it.
SINCE_CHARS = 60
_SINCE = re.compile(r"\b(?:since|until|till|between|prior to)\b[^.;\n]*$", re.I)
# A day and month without a year ("On Wednesday 8 April", "on August 1"): in the headline or lead it dates the
# event to within a few days of any year, which is enough to tell two occurrences of a recurring event apart.
# A day in a page's address, where publishers put the day they publish it: "/2010/07/12/", "/2015-11/21/",
# ".../voanews20171218.html", "?date=2015-03-12". A year and month alone ("/2016/07/") dates no day.
_ADDRESS_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[/-](\d\d)[/-](\d\d)|(\d\d)(\d\d))(?!\d)")
# A publisher's folder of a year and month ("/2016/07/"), or of a year ("/2016/"): the page was published then. It
# dates no day (`address_period`): it only bounds the time of a page with no date.
_ADDRESS_MONTH = re.compile(r"/((?:19|20)\d\d)/(?:(0[1-9]|1[0-2])(?:/|$))?")
_DAY_MONTH = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})\b(?!,?\s+(?:19|20)\d\d)",
    re.I,
)
# The place of the event, as a headline or lead sentence gives it: "met ... today in Beijing", "the attack in
# Mogadishu", "at the State Department in Washington". Only the first capitalised name after the preposition.
_PLACE = re.compile(
    r"(?<!officials )(?<!sources )(?<!diplomats )(?<!authorities )(?<!embassy )(?<!ministry )"
    r"(?<!spokesman )(?<!spokesperson )(?<!spokeswoman )(?<!reporters )(?<!correspondent )"
    r"\b(?:in|at|(?:attacks?|assaults?|bombings?|strikes?|raids?) on|siege of)\s+(?:the\s+)?"
    r"(?:(?:central|downtown|(?:north|south)(?:-?(?:east|west))?ern|eastern|western)\s+)?"  # "in central Ankara"
    r"([A-Z][a-z]+(?:[-'’][A-Za-z]+)?(?:\s+[A-Z][a-z]+)?)"
)
# (Not where those who speak of it are: "officials in Yerevan and Baku said".)
# The same, with a name's words on one line: a headline over a page's first line ("Attack in Mali" over "Les Etats Unis").
_SITE = re.compile(_PLACE.pattern.replace(r"(?:\s+[A-Z][a-z]+)?)", r"(?:[ \t]+[A-Z][a-z]+)?)"))
# A venue in a city ("in Downing Street", "at the White House", "at Naval Base ..."): a seat of government or a base,
# not the city another report names for the same meeting ("in London").
_VENUE_WORDS = frozenset(["street", "avenue", "house", "palace", "base"])
# The city of a seat of government a readout names by its street or house (as `event_places` keeps its first word).
_SEATS = {"downing": "london", "white": "washington"}
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_PLACE_PREFIX = frozenset(
    [
        "new",
        "san",
        "santa",
        "los",
        "las",
        "el",
        "al",
        "port",
        "saint",
        "st",
        "fort",
        "cape",
        "la",
        "le",
        "abu",
        "addis",
        "buenos",
        "sao",
        "rio",
        "tel",
        "hong",
        "kuala",
        "sri",
        "north",
        "south",
        "east",
        "west",
    ]
)
# A place named as a point of reference: "130 kilometers south of Mogadishu", "50 miles from Kabul", "west of
# Srinagar". The place of the event is elsewhere (the town of Leego), so it is no specific of the event.
_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_REFERENCE = re.compile(
    rf"(?:\b\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?)\s+(?:{_COMPASS}\s+)?(?:of|from)|\b{_COMPASS}\s+of)"
    # "south of the capital of Baghdad", "west of the capital, Kabul": the capital is named after its word.
    r"\s+(?:the\s+)?(?:(?:capital|city|town|port|provincial capital)(?:,\s+|\s+of\s+)(?-i:(?=[A-Z])))?"
    r"([A-Z][a-z]+(?:[-'’][A-Za-z]+)?)",
    re.I,
)
# Where a meeting is held, as a headline says it: "hold bilateral talks at G20 Summit in Turkey".
_VENUE = re.compile(r"\bin\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ALL_WEEKDAYS = frozenset(WEEKDAYS)
# An official's portfolio names the region or subject the office covers, not where the event happened: "Minister
# for Africa", "Minister of State for the Middle East", "Special Envoy for Syria".
_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Envoy|Representative|Commissioner|Under-Secretary)(?: of State)?\s+(?:for|to)\s+"
    # A second word is the portfolio's ("Middle East") unless a name follows ("Minister for Africa James Duddridge").
    r"(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+\b(?!\s+[A-Z]))?)"
)
_HERE = re.compile(r"\b(?:(?:here|to be|gathered|together)\s+in|[Ww]elcome\s+to)\s+([A-Z][a-z]+)")
# A report that looks back on an event (an anniversary, "a year after") is not a report of it.
_RETROSPECT = re.compile(
    r"\banniversar(?:y|ies)\b|\bcommemorat|\b(?:one|a|two|three|four|five|ten|\d+)\s+years?\s+ago\b|"
    r"\byears?\s+since\s+(?:the|this|that)\b",
    re.I,
)
# How two leaders spoke: by telephone, or face to face. A call and a meeting of the same people are two events.
_CALL = re.compile(
    r"\b(?:tele)?phone\b|\bcall(?:ed|s)?\s+(?:with|between)\b|\bconversation\s+with\b|"
    r"\bcalled\s+(?:the\s+)?(?:president|prime|chancellor|king|secretary|minister)\b",
    re.I,
)
_MEETING = re.compile(
    r"\b(?:met|meets?|meeting|hosted|hosts?|visit(?:ed|s|ing)?|summit|bilateral\s+talks|"
    r"talks\s+(?:in|at)|face[- ]to[- ]face)\b",
    re.I,
)
# The session of a council or assembly where a delegation speaks: the place of a statement, not a meeting of parties.
_SESSION = re.compile(
    r"\b(?:(?:UN|United Nations|OSCE)\s+)?(?:(?:Special\s+)?Permanent Council|Security Council|General Assembly|"
    r"Human Rights Council)(?:\s+(?:meeting|session|briefing|debate))?",
    re.I,
)
# The line that heads a delegation's speech with who speaks where ("Statement by Ambassador James Kariuki, UK Chargé
# d'Affaires to the UN, at the UN Security Council meeting on Sudan."): it introduces the speech, the news comes next.
_SPEECH_HEADER = re.compile(r"^(?:Statement|Speech|Remarks)(?: delivered)? by\b[^.]*?\b(?:at|to) the\b[^.]*\.?$", re.I)
# Where a statement is made, in its headline or header line: the capitalised words after "to the" or "at the".
_STATEMENT_LINE = re.compile(r"\b(?:statement|speech|remarks)\b", re.I)
_FORUM_AFTER = re.compile(r"\b(?:to|at) the ((?:[A-Z][\w'’-]*\s?)+)")
# A headline that is a call or meeting with someone: "Secretary Blinken's Call With ... Pandor", "PM meets President
# Macron" (not "Gear Up for Biden-Xi Meeting Next Month": a meeting to come, named as a topic).
_WITH_WHOM = re.compile(r"\b(?:call|meeting|conversation|talks|met|meets?)\s+with\b", re.I)
# A page's own statement of the period it was published in: "This was published under the 2010 to 2015
# Conservative and Liberal Democrat coalition government".
_ERA = re.compile(r"\bpublished under the ((?:19|20)\d\d) to ((?:19|20)\d\d)\b", re.I)
DATE_LINES = 6  # a page's date line is among its first lines
DAYS_CHARS = 600  # a day without a year dates the event only near the top: further down it is background
_SHORTEST_LEAD = 40  # a lead sentence shorter than this runs on into the next
LEAD_SENTENCE_CHARS = 400  # the lead sentence: where a report says who met whom, and where


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What clustering needs of one article; `published` None means the time is unknown."""

    article_id: str
    title: str
    text: str
    published: datetime | None
    detection: Detection = field(default_factory=Detection)
    fetched: datetime | None = None  # when the bot first saw it: the event's date when nothing better is known
    url: str = ""  # its web address, which often gives the day it was published (`address_date`)


@dataclass(slots=True)
class _Entry:
    doc: StoryDoc
    story_id: str
    minhash: MinHash
    names: dict[str, float]
    words: dict[str, float]
    events: frozenset[str]
    seq: int = 0
    name_norm: float = 0.0
    word_norm: float = 0.0
    lead_names: frozenset[str] | None = None
    when: datetime | None = None  # the event's date: published, else the date the text states (`stated_date`)
    stated: bool = False  # `when` is a day the article gives for itself, in its text or its address
    rough: bool = False  # that day is read from the text, so it dates the report only roughly (`_limit`)
    principal: frozenset[str] = frozenset()  # parties named in the headline or first line: "p:antony blinken"
    parties: frozenset[str] = frozenset()  # every detected person and country, the same keys
    surnames: frozenset[str] = frozenset()  # of the detected people, to find them in another text
    officials: frozenset[str] = frozenset()  # "p:barack obama=c:united states": detected people and their governments
    deaths: frozenset[int] = frozenset()  # current figures of people killed
    lead_death: int = 0  # the first of them the report gives: the event's own toll, ahead of its parts and asides
    series: bool = False  # the headline is a recurring format's
    specific: frozenset[str] = frozenset()  # names that are no party: places, groups, topics ("aleppo", "minsk")
    days: frozenset[tuple[int, int]] = frozenset()  # (month, day) written without a year in the headline or lead
    weekday_days: frozenset[tuple[int, int, str]] = frozenset()  # of those, with their weekday: (7, 26, "tuesday")
    weekdays: frozenset[str] = frozenset()  # the days of the week its headline and the top of its lead name ("sunday")
    place: frozenset[str] = frozenset()  # where the event happened, as the headline and lead sentence say ("beijing")
    sited: frozenset[str] = frozenset()  # the same read strictly (`event_sites`), for two reports dated together
    venues: frozenset[str] = frozenset()  # of `place`, those that are a venue in a city ("in Downing Street")
    retrospect: bool = False  # it looks back on an event (an anniversary), so it is not a report of that event
    undated: bool = False  # no date published or written in it: its time is the fetch time, or unknown
    mode: str | None = None  # "call" or "meeting": how the parties spoke, when the headline and lead say one only
    headline_contact: frozenset[str] = (
        frozenset()
    )  # the people of a headline that is a call or meeting: "p:antony blinken"
    head_mode: str | None = None  # `mode` as the headline and lead sentence alone say it
    # When a page with no date says it was published: its era, the month or year of its address (`page_period`)
    period: tuple[datetime, datetime] | None = None
    # The offices it names with their sitting holder: ("uk-foreign-secretary", "p:philip hammond", their terms)
    holders: tuple[tuple[str, str, Terms], ...] = ()
    title_words: frozenset[str] = frozenset()  # the headline's words: the same words on another page make a format
    head_kinds: frozenset[str] = frozenset()  # of a report with no event: what its headline names (`headline_kinds`)
    top: str = ""  # the headline and the top of the lead, lower-cased: where a rewrite names the event's place
    _low: str | None = None  # the whole text, lower-cased, made on first need and kept

    _low_words: frozenset[str] | None = None  # the words of `low`, made on first need and kept

    @property
    def low(self) -> str:
        """The headline and text in lower case (made once: conflicts look names up in it for many candidates)."""
        if self._low is None:
            self._low = (self.doc.title + "\n" + self.doc.text).lower()
        return self._low

    def only_in_capitals(self, name: str) -> bool:
        """True when the page writes a (lower-cased) name only in capitals: the initials of a standing body ("IGAD",
        "AMISOM", "FARC"), which a region's news names year after year, whatever occasion a page reports."""
        found = re.findall(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", self.doc.title + "\n" + self.doc.text, re.I)
        return bool(found) and all(f.isupper() for f in found)

    def says(self, name: str) -> bool:
        """True when the headline or text writes a (lower-cased) name as whole words: "brown" is not said by
        "brownfield", nor "oman" by "woman". A set lookup for one word; a phrase is looked for once its words are."""
        if self._low_words is None:
            self._low_words = frozenset(_WORD_CHARS.findall(self.low))
        parts = _WORD_CHARS.findall(name)
        if not parts or not all(w in self._low_words for w in parts):
            return False
        return (len(parts) == 1 and parts[0] == name) or has_words(self.low, name)


@dataclass(slots=True)
class _Story:
    """The latest members of a story and the span of their dates."""

    members: deque[str] = field(default_factory=lambda: deque(maxlen=MEMBER_CAP))
    first: datetime | None = None
    last: datetime | None = None

    def join(self, article_id: str, when: datetime | None) -> None:
        """Count an article among the latest members, and its date in the span."""
        self.members.append(article_id)
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)

    def leave(self, article_id: str) -> None:
        """No longer count an article among the latest members (the span is left as it was)."""
        try:
            self.members.remove(article_id)
        except ValueError:
            pass  # already pushed out by the cap


def clean_lines(text: str) -> list[str]:
    """The text's lines without site chrome, appeals and captions (what a reader would call the article)."""
    out: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line in seen or is_boilerplate(line):
            continue
        seen.add(line)  # captions are often printed twice
        out.append(line)
    return out


def lead_text(title: str, text: str, chars: int = LEAD_CHARS) -> str:
    """The first `chars` characters of the cleaned body, without a repeated headline."""
    parts: list[str] = []
    size = 0
    norm_title = " ".join(title.lower().split())
    seen: set[str] = set()
    for line in text.splitlines():
        # Inline rather than clean_lines(text): only the lead's lines pay for the boilerplate test.
        line = line.strip()
        if not line or line in seen or " ".join(line.lower().split()) == norm_title:
            continue
        seen.add(line)
        if is_boilerplate(line):
            continue
        parts.append(strip_dateline(strip_credit(line)))
        size += len(line)
        if size >= chars:
            break
    return "\n".join(parts)[:chars]


def strip_credit(line: str) -> str:
    """The line without a mirror's credit at its head ("Originally posted by the Voice of America. Voice of America
    content is ... in the public domain."): it names where the copy came from, in every copy from there."""
    return _CREDIT.sub("", line, count=1)


def strip_dateline(line: str) -> str:
    """The line without a leading dateline ("TEHRAN, Aug. 11 (MNA) - ", "Washington, DC (STL.News) -"): it names a
    desk or a republisher, not the event."""
    return _REPUBLISHER.sub("", _DATELINE.sub("", line, count=1), count=1)


def is_format_title(title: str) -> bool:
    """True for titles of recurring formats (readouts, newscasts, "Today in history", fact-check series)."""
    return bool(_FORMAT_TITLE.match(title))


def stated_date(text: str, not_after: datetime | None = None) -> datetime | None:
    """The date an article states for itself ("Sept. 25 2013", "10 August 2014", "2016-02-26"), or None.

    Datelines, the date under a headline and "on February 27, 2016" in the lead sentence date an article that
    came without a publication date: the first full date near the top (`DATE_LEAD_CHARS`) is taken, because
    further down a text cites background (an earlier attack, a "since" date, a quoted report). A text that
    writes no date near the top is dated by the latest date it writes anywhere. With `not_after`, dates after
    that day (a coming election, a deadline) are not the article's.
    """
    best: datetime | None = None
    for m in _FULL_DATE.finditer(text[:DATE_CHARS]):
        when = _full_date(m)
        if when is None or (not_after is not None and when.date() > not_after.date()):
            continue  # "February 30, 2016", or a day still to come
        if m.start() < DATE_LEAD_CHARS:
            return when
        if _SINCE.search(text[max(0, m.start() - SINCE_CHARS) : m.start()]):
            continue  # "since our country was attacked on September 11, 2001": where a period began, not today
        if best is None or when > best:
            best = when
    return best


def _full_date(m: re.Match[str]) -> datetime | None:
    g = m.groups()
    try:
        if g[0]:
            return datetime(int(g[2]), _MONTHS[g[0][:3].lower()], int(g[1]), tzinfo=UTC)
        if g[3]:
            return datetime(int(g[5]), _MONTHS[g[4][:3].lower()], int(g[3]), tzinfo=UTC)
        return datetime(int(g[6]), int(g[7]), int(g[8]), tzinfo=UTC)
    except ValueError:
        return None


def day_months(text: str) -> frozenset[tuple[int, int]]:
    """Days written with a month but no year ("On Wednesday 8 April", "on August 1st"), as (month, day)."""
    out: set[tuple[int, int]] = set()
    for m in _DAY_MONTH.finditer(text):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        try:
            datetime(2004, _MONTHS[month[:3].lower()], int(day))  # a leap year: 29 February is a day
        except ValueError:
            continue  # "31 April", "may 40"
        out.add((_MONTHS[month[:3].lower()], int(day)))
    return frozenset(out)


_WEEKDAY_DAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?(?=\w)", re.I)


def weekday_days(text: str) -> frozenset[tuple[int, int, str]]:
    """Days written without a year together with their day of the week ("Tuesday, July 26", "on Wednesday 8 April"),
    as (month, day, weekday): the weekday says which years the day can be in."""
    out: set[tuple[int, int, str]] = set()
    for m in _WEEKDAY_DAY.finditer(text):
        day = _DAY_MONTH.match(text, m.end())
        if day is not None:
            out.update((month, n, m.group(1).lower()) for month, n in day_months(day.group(0)))
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _whole(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


def has_words(text: str, phrase: str) -> bool:
    """True when `text` writes `phrase` as whole words, not inside longer ones ("Brown" in "Brownfield")."""
    return phrase in text and _whole(phrase).search(text) is not None


def page_date_line(text: str) -> str:
    """The date line under a page's headline ("Tuesday, July 26"), among its first lines: a short line that is a day
    and month and little else; "" when there is none."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:DATE_LINES]:
        if len(line.split()) <= 5 and _DAY_MONTH.search(line):
            return line
    return ""


def address_date(url: str | None, not_after: datetime | None = None) -> datetime | None:
    """The day a page's web address gives ("/2010/07/12/", "voanews20171218"), or None.

    Publishers put the day they publish a page in its address. Only a web page's address counts (a file's path is not
    a publisher's), never a day after `not_after`, and an address with two different days dates nothing.
    """
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https"):
        return None
    where = parts.path + "?" + parts.query
    found: list[datetime] = []
    for m in _ADDRESS_DAY.finditer(where):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        if (when := _day_of(int(year), int(month), int(day))) is not None:
            found.append(when)
    found = [w for w in found if not_after is None or w.date() <= not_after.date()]
    return found[0] if len(set(found)) == 1 else None


def address_period(url: str | None, not_after: datetime | None = None) -> tuple[datetime, datetime] | None:
    """The month ("/2016/07/") or year ("/2016/") a page's web address says it was published in, as its first and
    last moments, or None: none, one that starts after `not_after`, or an address that gives two different ones.

    Not a date (a month is too wide to date an event): a bound (`StoryIndex._period_conflict`). An address that gives
    a day is dated by it (`address_date`).
    """
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https"):
        return None
    found: set[tuple[datetime, datetime]] = set()
    for m in _ADDRESS_MONTH.finditer(parts.path):
        year, month = int(m.group(1)), int(m.group(2) or 0)
        first = datetime(year, month or 1, 1, tzinfo=UTC)
        after = datetime(year + (month == 12 or not month), month % 12 + 1 if month else 1, 1, tzinfo=UTC)
        found.add((first, after - timedelta(microseconds=1)))
    found = {span for span in found if not_after is None or span[0] <= not_after}
    return found.pop() if len(found) == 1 else None


def _era_period(text: str) -> tuple[datetime, datetime] | None:
    """The years a page says it was published in ("published under the 2010 to 2015 ... government"), or None."""
    era = _ERA.search(text[:DATE_CHARS])
    if era is None:
        return None
    lo, hi = int(era.group(1)), int(era.group(2))
    return datetime(lo, 1, 1, tzinfo=UTC), datetime(hi + 1, 1, 1, tzinfo=UTC) - timedelta(microseconds=1)


def page_period(text: str, url: str = "", not_after: datetime | None = None) -> tuple[datetime, datetime] | None:
    """The time a page with no date says it was published in: its own period (`_era_period`) and the month or year
    of its address (`address_period`), both when it gives both; None when it gives none, or two that never meet."""
    spans = [s for s in (_era_period(text), address_period(url, not_after)) if s is not None]
    if not spans:
        return None
    first, last = max(s[0] for s in spans), min(s[1] for s in spans)
    return (first, last) if first <= last else None


def _apart(x: tuple[datetime, datetime], y: tuple[datetime, datetime], margin: timedelta) -> bool:
    """True when two spans of time are further apart than `margin`."""
    return y[1] < x[0] - margin or y[0] > x[1] + margin


def _day_of(year: int, month: int, day: int) -> datetime | None:
    """The day in that year, or None (29 February of a common year)."""
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def _day_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two (month, day) pairs in the nearest years (31 December and 1 January are 1 apart)."""
    gap = abs((datetime(2004, *a) - datetime(2004, *b)).days)
    return min(gap, 366 - gap)


def lead_sentence(lead: str, title: str = "") -> str:
    """The lead's first sentence (at most `LEAD_SENTENCE_CHARS`): who did what, where.

    Lines that only introduce one ("Foreign Secretary Dominic Raab said:", "The below is attributable to
    Spokesperson Matthew Miller:", "Statement by Ambassador James Kariuki ... at the UN Security Council meeting on
    Sudan."), repeat the headline with a time stamp, or are too short to be a sentence
    (a byline, an office's name) are passed over.
    """
    head = " ".join(title.lower().split())[:60]
    for line in lead.splitlines():
        line = line.strip()
        if (
            len(line.split()) < 8
            or line.rstrip("”\"’' ").endswith(":")
            or (head and " ".join(line.lower().split()).startswith(head))
            or _SPEECH_HEADER.match(line)
        ):
            continue
        # The one splitter of the project (abbreviations such as "U.S." end no sentence); a first sentence shorter
        # than a clause (a dateline, "Fighting resumed.") runs on into the next.
        first = ""
        for sentence in split_sentences(line[:LEAD_SENTENCE_CHARS]):
            first = f"{first} {sentence}" if first else sentence
            if len(first) > _SHORTEST_LEAD:
                break
        return first
    return ""


def event_places(
    head: str, exclude: set[str], pattern: re.Pattern[str] = _PLACE, venues: bool = True
) -> frozenset[str]:
    """Where an event happened, as a headline or lead sentence says it: the first name after "in" or "at"
    ("today in Beijing", "the attack in Mogadishu"), without countries (parties) and the words in `exclude`;
    without venues ("in Downing Street") unless `venues`."""
    out: set[str] = set()
    for m in pattern.finditer(head):
        words = [_name_word(w) for w in m.group(1).split()]
        after = None if venues else _NEXT_WORD.match(head, m.end())
        if not venues and (words[-1] in _VENUE_WORDS or (after is not None and after.group(1).lower() in _VENUE_WORDS)):
            continue
        if len(words) > 1 and _qualifies(words[0]) and not _country_word(" ".join(words)):
            words = words[1:]  # "in Indian-administered Kashmir", "in Indian Kashmir": the place is Kashmir
        if len(words) > 1 and (words[0] not in _PLACE_PREFIX or words[1] in _NAME_STOP or words[1] in exclude):
            words = words[:1]  # "Kabul Province" is Kabul, "Gaza City" Gaza; "New York" and "San Francisco" stay
        word = " ".join(words)
        if (
            len(word) < 3
            or words[0] in _NAME_STOP
            or word in exclude
            or words[0] in exclude
            or words[0][:3] in _MONTHS
            or _country_word(word)
            or _country_word(words[0])
        ):
            continue
        out.add(word)
    return frozenset(out)


_LONG_LOWER = re.compile(r"(?<![\w'’-])[a-z]{4,}\b")


def event_sites(title: str, first: str, text: str, exclude: set[str]) -> frozenset[str]:
    """The places of the event read strictly (`_Entry.sited`): each name on one line, no venue, and of a Title Case
    headline (no word of four letters or more in lower case, so every word is capitalised) only the places the page
    names too: "Remarks at Virtual Briefing" names no place unless the text writes "Virtual"."""
    found = event_places(title, exclude, _SITE, venues=False)
    if found and not _LONG_LOWER.search(title):
        body = text[:SPECIFIC_CHARS]
        found = frozenset(p for p in found if has_words(body, p.title()) or has_words(body, p.upper()))
    return found | event_places(first, exclude, _SITE, venues=False)


def _qualifies(word: str) -> bool:
    """True when a word before a place name says whose it is, not which: a demonym ("Indian Kashmir") or a
    demonym's compound ("Indian-administered", "Russian-held"), never a word of a country's own name ("United")."""
    return word not in _COUNTRY_PARTS and _country_word(re.split(r"[-'’]", word, maxsplit=1)[0])


def portfolio_words(text: str) -> frozenset[str]:
    """The lower-cased words of the regions or subjects a text names only in an office's portfolio ("Minister for
    Africa" and no other "Africa"): they say who speaks, not where the event was."""
    found = Counter(w for m in _PORTFOLIO.finditer(text) for w in _name_word(m.group(1)).split())
    low = text.lower()
    return frozenset(w for w, n in found.items() if len(re.findall(rf"\b{re.escape(w)}\b", low)) <= n)


def reference_places(text: str) -> frozenset[str]:
    """Places a text names only to say where something else is: "130 kilometers south of Mogadishu", "west of
    Srinagar". The lower-cased first name after each such phrase."""
    return frozenset(" ".join(_name_word(w) for w in m.group(1).split()) for m in _REFERENCE.finditer(text))


def _count_references(text: str, place: str) -> int:
    """How many times a text names `place` (lower case) as a point of reference."""
    return sum(" ".join(_name_word(w) for w in m.group(1).split()) == place for m in _REFERENCE.finditer(text))


def statement_forum(text: str) -> frozenset[str]:
    """The lower-cased words of the council or body a statement is made to, as its headline or header line says it
    ("UK statement to the OSCE" -> osce; "at the UN Security Council meeting on Sudan" -> un, security, council)."""
    return frozenset(
        w.lower()
        for line in text.splitlines()
        if _STATEMENT_LINE.search(line)
        for m in _FORUM_AFTER.finditer(line)
        for w in m.group(1).split()
    )


def is_retrospect(head: str) -> bool:
    """True when a headline or lead looks back on an event ("on the first anniversary", "one year ago")."""
    return bool(_RETROSPECT.search(head))


def contact_mode(head: str) -> str | None:
    """ "call" when a headline or lead sentence reports a telephone call, "meeting" when it reports a meeting,
    None when it says neither or both."""
    call, meeting = bool(_CALL.search(head)), bool(_MEETING.search(head))
    return None if call == meeting else "call" if call else "meeting"


Dated = Literal["published", "text", "address", "fetched"]


def event_time(
    published: datetime | None, title: str, text: str, fetched: datetime, url: str = ""
) -> tuple[datetime, Dated]:
    """When an article's event happened, and how that is known: its publication date ("published"), else
    the date written at its top, such as a dateline ("text"), else the day its web address gives ("address",
    `address_date`), else the time the bot fetched it ("fetched").

    A written date names a day: it stands for the end of that day (never after the fetch), so that a
    report fetched the next morning is still news, and a 2003 dateline stays in 2003.
    """
    if published is not None:
        return published, "published"
    day = stated_date(title + "\n" + text, not_after=fetched)
    if day is not None:
        return min(day + timedelta(days=1, microseconds=-1), fetched), "text"
    day = address_date(url, not_after=fetched)
    if day is not None:
        return min(day + timedelta(days=1, microseconds=-1), fetched), "address"
    return fetched, "fetched"


# Kinds of event, coarser than the detector's types: what it tells apart on unseen text less reliably
# (a truce reported as agreed by one outlet and as a deal or talks by another) stays one kind.
_FAMILY = {
    "ceasefire": "peace",
    "agreement": "peace",
    "talks": "peace",
    "clash": "violence",
    "casualties": "violence",
    "sanctions": "sanctions",
}


# What a headline says its news is, by the words that name a kind of event (the families above). Only read for a
# report the detector finds no event in (an analysis, a statement): its headline still says what it is about. A
# blockade or an embargo is a measure kept up over time, of the sanctions family, not the strike it may recall.
# Not the detector's keyword classes (bot/detect/keywords.py): those are loose prefilters ('met', 'end of', 'guns')
# that only pass a sentence on to precise patterns; these words must name the kind on their own.
_HEAD_KINDS = (
    (
        "violence",
        re.compile(
            r"\b(?:attack(?:s|ed)?|(?:air)?strikes?|struck|bomb(?:s|ed|er|ers|ing|ings)?|blasts?|explosions?|"
            r"shelling|shooting|gunmen|massacre|raids?|assault|ambush|clash(?:es)?|fighting|siege|besieg\w*|"
            r"kill(?:s|ed|ing)?|dead|deaths|missiles?|rockets?|drones?)\b",
            re.I,
        ),
    ),
    ("peace", re.compile(r"\b(?:cease-?fire|truce|talks|negotiations?|deal|agreement|accord|peace)\b", re.I)),
    ("sanctions", re.compile(r"\b(?:sanctions?|blockade[sd]?|embargo(?:es)?)\b", re.I)),
)


def headline_kinds(title: str) -> frozenset[str]:
    """The kinds of event a headline names by its words: "Russian Blockade of ... Ports Threatens ... Grain Supplies"
    -> sanctions (a measure kept up), "Settler Siege of Palestinian Homes ..." -> violence."""
    return frozenset(kind for kind, words in _HEAD_KINDS if words.search(title))


def _weekdays_near(when: datetime | None) -> frozenset[str]:
    """The day of the week of `when` and of the day before, lower case (all seven when unknown)."""
    if when is None:
        return _ALL_WEEKDAYS
    return frozenset(f"{day:%A}".lower() for day in (when, when - timedelta(days=1)))


def _families(events: frozenset[str]) -> set[str]:
    return {_FAMILY.get(e, e) for e in events}


_ONGOING = frozenset(["talks"])  # a process, not one occurrence: a visit, a claim, an offer are each news of it
_CONTACT = frozenset(["talks", "agreement"])  # events of leaders speaking: the call or meeting is the event
_DEATHS = frozenset(["killed", "dead", "died", "deaths", "death"])


def _close(x: int, y: int) -> bool:
    """True when two figures may be one count reported twice: within 2, or within a quarter of the larger."""
    return abs(x - y) <= max(2, 0.25 * max(x, y))


_COUNTRY_PARTS = frozenset(["united", "republic", "kingdom", "democratic", "federal", "islamic", "people's"])


@functools.cache
def _country_keys() -> frozenset[str]:
    """Every folded way the gazetteer writes a country's name or demonym (684 keys; built once)."""
    return frozenset(
        key
        for key, (_length, entries) in places().automaton.items()
        if any(e.kind in ("country", "alias", "demonym") for e in entries)
    )


def _country_word(name: str) -> bool:
    """True when a (lower-cased) name is a country's name or demonym, or a word of one ("united").

    A capital is not: "in Beijing" and "in Washington" are the places of two meetings. A set lookup, not a
    cache: a busy window holds more distinct words than any cache would keep.
    """
    keys = _country_keys()
    return name in _COUNTRY_PARTS or name in keys or (not name.isascii() and fold(name) in keys)


@functools.lru_cache(maxsize=65536)
def _country_level(name: str) -> bool:
    """True when a (lower-cased) place names a country as a whole: its name, demonym or capital ("kabul")."""
    return _country_word(name) or bool(places().resolve(name.title())[0])


def _principal(det: Detection, head: str) -> set[str]:
    """The detected people (by surname) and countries (by name, demonym or capital) that a headline or lead
    line names: "Blinken meets Chinese Foreign Minister" -> Antony Blinken, China."""
    low = head.lower()
    out = {"p:" + p.name.lower() for p in det.people if has_words(low, p.name.split()[-1].lower())}
    if det.countries:
        gazetteer = places()
        caps = [t.rstrip(".,:;") or t for t in _TOKEN.findall(head) if t[:1].isupper()]
        named: set[str] = set()
        for written in caps + [f"{a} {b}" for a, b in itertools.pairwise(caps)]:
            named.update(gazetteer.resolve(written)[0])
        out.update("c:" + c.lower() for c in det.countries if c in named or c.lower() in low)
    return out


def _misses_principal(x: _Entry, y: _Entry, voices: bool = False) -> bool:
    """True when a principal party of `x` (a person or country of its headline or first line) is never
    mentioned by `y`; a person counts as mentioned by surname alone. `voices`: the two report the same attack
    (violence only, no call or meeting), so an official counts as mentioned when `y` names their government:
    the President's and his spokesperson's words on one attack are the same party speaking."""
    for party in x.principal - y.parties:
        if party.startswith("p:"):
            surname = party.rsplit(" ", 1)[-1].removeprefix("p:")
            if surname in y.surnames or y.says(surname):
                continue  # the same person, written without a given name
            if voices and any(o.split("=", 1) == [party, c] for o in x.officials for c in y.parties):
                continue
        return True
    return False


def _reports_violence(e: _Entry) -> bool:
    """True when a report's events are all of violence (an attack, its toll): no call, meeting or truce."""
    return bool(e.events) and _families(e.events) <= {"violence"}


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2]


def _name_word(raw: str) -> str:
    word = raw.lower().replace("’", "'")
    return word.removesuffix("'s")


def names_of(text: str) -> set[str]:
    """Capitalised words that may name a person, place or group, and adjacent pairs of them ("wang yi").

    Lower-cased, possessives dropped; sentence-initial function words, days, months and office
    words are left out.
    """
    out: set[str] = set()
    for line in text.splitlines():
        run: list[str] = []
        for token in _TOKEN.findall(line) + ["."]:
            word = _name_word(token)
            if token[:1].isupper() and len(word) >= 2 and word not in _NAME_STOP:
                if len(word) >= 3:
                    out.add(word)  # alone, two letters say nothing; in a pair ("wang yi") they do
                run.append(word)
                continue
            out.update(f"{run[i]} {run[i + 1]}" for i in range(len(run) - 1))
            run = []
    return out


_NO_NAMES: frozenset[str] = frozenset()
_SET_FIELDS = tuple(f for f, kind in _Entry.__annotations__.items() if kind.startswith("frozenset"))


def _share_empty_sets(entry: _Entry) -> None:
    """Point an entry's empty sets at one shared empty set: a window holds thousands of entries, and each set is an
    object that every full garbage collection walks (most entries have no deaths, days, place...)."""
    for name in _SET_FIELDS:
        value = getattr(entry, name)
        if isinstance(value, frozenset) and not value:
            setattr(entry, name, _NO_NAMES)


@functools.cache
def _hashing() -> tuple[type[MinHash], Any, Any]:
    """datasketch's MinHash, its permutations and scheme: made once (generating the permutations costs more than
    hashing a text), at the first comparison rather than at import (see bot.stories.lsh)."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM)
    return MinHash, template.permutations, template.scheme


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _shingle_words(text: str) -> list[str]:
    """The words near-duplicates are hashed on, in any script: a text mostly in ASCII characters by `_words`
    (English stop words out); any other by its Unicode words, runs of Chinese, Japanese or Korean characters
    (written without spaces) as overlapping pairs of characters. Arabic, Cyrillic or Chinese text has no `[a-z]`
    words, and hashing only its stray digits and Latin names made two reports of different events "copies"."""
    if len(text.encode("ascii", "ignore")) * 2 >= len(text):
        return _words(text)
    words: list[str] = []
    for token in _WORD_CHARS.findall(text.casefold()):
        if _CJK.search(token):
            words.extend(token[i : i + 2] for i in range(max(1, len(token) - 1)))
        elif len(token) > 1:
            words.append(token)
    return words


def _minhash(text: str) -> MinHash:
    words = _shingle_words(text)
    # A text with no words to hash is a copy only of the same text (an empty set would equal every other one).
    shingles = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)} or {" ".join(words) or text.strip()}
    minhash, permutations, scheme = _hashing()
    m = minhash(num_perm=NUM_PERM, permutations=permutations, scheme=scheme)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _names(doc: StoryDoc, title: str, lead: str) -> tuple[dict[str, float], frozenset[str]]:
    """An article's names with their weights (a name in the headline says more about the event than one in the
    lead; the people and countries found count as names too), and the names of its lead."""
    det = doc.detection
    portfolio = portfolio_words(doc.title + "\n" + doc.text[:SPECIFIC_CHARS])
    lead_names = frozenset(n for n in names_of(lead) if not set(n.split()) & portfolio)
    names = dict.fromkeys(lead_names, 1.0)
    names.update(dict.fromkeys((n for n in names_of(title) if not set(n.split()) & portfolio), TITLE_WEIGHT))
    names.update(dict.fromkeys(("p:" + p.name.lower() for p in det.people), 1.0))
    names.update(dict.fromkeys(("c:" + c.lower() for c in det.countries), 1.0))
    return names, lead_names


def _wording(det: Detection, title: str, lead: str) -> dict[str, float]:
    """The weighted words of the headline and lead: what is said beyond the names (the parties' names are counted
    once, as names)."""
    party_words = {w for p in det.people for w in p.name.lower().split()}
    counts = Counter(w for w in _words(title + "\n" + lead) if w not in party_words and not _country_word(w))
    return {w: 1.0 + math.log(n) for w, n in counts.items()}


def written_date(doc: StoryDoc) -> datetime | None:
    """The day an article without a publication date gives for itself: written at its top or further down
    (`stated_date`), else in its web address (`address_date`); None when it gives none."""
    return _written(doc)[0]


def _written(doc: StoryDoc) -> tuple[datetime | None, bool]:
    """`written_date`, and whether that day is only rough: one read from the text (`_limit`), where the day in the
    address is the day the page was published."""
    stated = stated_date(doc.title + "\n" + doc.text, not_after=doc.fetched)
    if stated is not None:
        return stated, True
    return address_date(doc.url, not_after=doc.fetched), False


def _date(doc: StoryDoc) -> tuple[datetime | None, bool, bool]:
    """When the article was published, whether that is a day it gives for itself, and whether that day is only rough
    (`_written`)."""
    if doc.published is not None:
        return doc.published, False, False
    day, rough = _written(doc)
    if day is not None:
        return day, True, rough
    return doc.fetched, False, False  # a feed without dates is read as it publishes: its fetch time stands


def _contact(title: str, lead: str, first: str) -> tuple[str, str | None, str | None]:
    """The speech header of the lead, how the parties met (call, meeting...) and how the headline says they did.

    A readout often leads with "spoke with" and says how a line later ("called the President of Russia").
    A statement made at a council's session ("at the UN Security Council meeting on Ukraine") is a statement:
    the session, and "our meeting today" further down, are where it was said, not a meeting of the parties.
    """
    header = next((line for line in lead.splitlines()[:3] if _SPEECH_HEADER.match(line.strip())), "")
    session = bool(_SESSION.search(title + "\n" + header + "\n" + first))
    head_mode = contact_mode(_SESSION.sub(" ", title + "\n" + first))
    mode = head_mode or (None if session else contact_mode(lead[:DAYS_CHARS]))
    return header, mode, head_mode


def _principals(det: Detection, title: str, first: str, mode: str | None, series: bool) -> frozenset[str]:
    """Who met whom or who speaks: the parties the headline names, and those of the lead sentence of a contact."""
    # The country a meeting is held in is its venue, not a party ("talks at G20 Summit in Turkey").
    unvenued = (lambda head: _VENUE.sub("", head)) if mode == "meeting" else (lambda head: head)
    principal = _principal(det, unvenued(title))
    if not series and (not principal or mode):
        # Who met whom is in the headline and the lead sentence of a call or meeting: "PM call with President
        # Putin" says one side, "Prime Minister David Cameron spoke with President Putin by telephone" both.
        # Of other reports the lead sentence names who speaks about the event ("the Foreign Secretary said"),
        # not a party, unless the headline names nobody. (A series' page, such as a newscast, has no one lead.)
        principal |= _principal(det, unvenued(first))
    return frozenset(principal)


def _common_words(text: str) -> set[str]:
    """The words an article writes in lower case, with their plural or singular and verb stems: in a Title Case
    headline they are common words, not names."""
    common = set(_LOWER_WORD.findall(text[:SPECIFIC_CHARS]))
    # "Militant Attack" in a Title Case headline is the text's "militants": the same common word.
    common |= {w[:-1] for w in common if len(w) > 3 and w.endswith("s")} | {w + "s" for w in common}
    # "Bombings in Iraq Kill 40" is the text's "killed": a verb's stem is as common as its forms.
    common |= {w[:-2] for w in common if len(w) > 5 and w.endswith("ed")} | {
        w[:-3] for w in common if len(w) > 6 and w.endswith("ing")
    }
    return common


def _what_tells_the_event(entry: _Entry, header: str, texts: tuple[str, str, str]) -> None:
    """What tells the entry's event from others of the same parties, from its `texts` (title without a format's
    words, lead sentence, lead): its specifics, places and days, the call its headline names, its title's words and
    kinds, and the top of its text."""
    doc = entry.doc
    det = doc.detection
    title, first, lead = texts
    # The people's names and offices ("Secretary of Defense") are the parties, not specifics.
    people_words = {w for p in det.people for w in f"{p.name} {p.title or ''}".lower().split()}
    not_names = people_words | _common_words(doc.text)
    entry.specific = _specifics(entry, header, not_names)
    _place_and_days(entry, title, first, lead, not_names)
    if not entry.series and _WITH_WHOM.search(doc.title):
        # "South Africa: Secretary Blinken's Call With ... Pandor": the headline says the call is the event. (A
        # recurring format's title counts for nothing, here as for the wording: the format rules tell those apart.)
        entry.headline_contact = frozenset(p for p in _principal(det, doc.title) if p.startswith("p:"))
    entry.title_words = frozenset(_words(doc.title))
    if not entry.events:
        entry.head_kinds = headline_kinds(title)
    entry.top = (doc.title + "\n" + lead[:DAYS_CHARS]).lower()


def _specifics(entry: _Entry, header: str, not_names: set[str]) -> frozenset[str]:
    """The names specific to the event: not a party, a common word, a country, a numeral, the forum a statement
    is made to, nor a place named only as a point of reference."""
    doc = entry.doc
    # The council a statement on an attack is made to, as its headline or header line says ("UK statement to the
    # OSCE", "at the UN Security Council meeting"): a delegation names it in every statement, whichever attack it
    # is about. (Of a resolution or a truce the council adopts, it is the actor: "Remarks to the United Nations
    # Security Council" on the vote for a cessation of hostilities.)
    forum = statement_forum(doc.title + "\n" + header) if _reports_violence(entry) else frozenset()
    specific = frozenset(
        n
        for n in entry.names
        if ":" not in n
        and not (set(n.split()) & not_names)
        and not _country_word(n)
        and not _ROMAN.match(n)
        and not set(n.split()) <= forum
    )
    # A place named only as a point of reference ("130 kilometers south of Mogadishu") is not where the event
    # happened: two attacks "in" and "south of" one city share no specific by it.
    low_text = doc.text[:SPECIFIC_CHARS].lower()
    referenced = reference_places(doc.title + "\n" + doc.text[:SPECIFIC_CHARS])
    return specific - frozenset(
        r for r in referenced if low_text.count(r) <= _count_references(doc.text[:SPECIFIC_CHARS], r)
    )


def _place_and_days(entry: _Entry, title: str, first: str, lead: str, not_names: set[str]) -> None:
    """Set where the event is (`place`), whether the report looks back, and what dates an undated report: the days,
    weekdays and era it names."""
    doc = entry.doc
    head = title + "\n" + first
    undated = doc.published is None and not entry.stated
    # Only a report with no full date (none published, none written) is dated by a day without a year.
    # The page's own date line under its headline ("Tuesday, July 26") is too short for the lead, but dates it.
    dated_top = title + "\n" + page_date_line(doc.text) + "\n" + lead[:DAYS_CHARS]
    entry.days = day_months(dated_top) if undated else frozenset()
    entry.weekday_days = weekday_days(dated_top) if undated else frozenset()
    # "here in Rome", "welcome to Moscow": a speaker says where the remarks are made, wherever in the lead.
    here = event_places(lead[:DAYS_CHARS], not_names, _HERE)
    entry.place = event_places(head, not_names) | here
    entry.venues = entry.place - event_places(head, not_names, venues=False) - here
    entry.sited = event_sites(title, first, doc.text, not_names) | here
    entry.retrospect = is_retrospect(head)
    entry.undated = undated
    # (Its day of the week is the page's, not the event's: "Tuesday, July 26" over an attack of the Saturday.)
    entry.weekdays = frozenset(m.lower() for m in _WEEKDAY.findall(title + "\n" + lead[:DAYS_CHARS]))
    if undated:
        entry.period = page_period(doc.text, doc.url, not_after=doc.fetched)


Terms = tuple[tuple[date, date | None], ...]  # one holder's times in an office, both days included (None: still)
_TITLE_WORDS = frozenset(["secretary", "minister", "president", "premier", "chancellor", "general"])
_NOT_SITTING = re.compile(r"\b(?:former|then|ex|late|past|previous|acting|deputy)\W*$")


@functools.cache
def _offices_of() -> dict[str, tuple[Office, ...]]:
    """The offices of the dated table (bot/data/offices.yaml) each holder held, by canonical name."""
    out: dict[str, list[Office]] = {}
    for office in office_table().offices:
        for name in office.holders:
            out.setdefault(name, []).append(office)
    return {name: tuple(held) for name, held in out.items()}


@functools.cache
def _office_words(office: Office) -> tuple[str, ...]:
    """The names an office is written under, lower-cased, hyphens as spaces ("secretary general of nato")."""
    return tuple(n.lower().replace("-", " ") for n in (office.name, *office.names))


def _holders(det: Detection) -> tuple[tuple[str, str, Terms], ...]:
    """The offices of the dated table that the text names with their sitting holder ("Foreign Secretary Philip
    Hammond", "Secretary Kerry"), as (office id, person, the holder's terms in it): only where the text writes the
    office with the name, not the office a person is known by (Boris Johnson in 2016 was Foreign Secretary, not yet
    Prime Minister), nor a former holder ("former Foreign Secretary", "then-Secretary")."""
    out: list[tuple[str, str, Terms]] = []
    for p in det.people:
        if not p.title:
            continue
        title = p.title.lower()
        evidence = p.evidence.lower()
        # The office as written before the name: whole ("Secretary of State Kerry"), or its first or last word when
        # that is an office's word ("Secretary Kerry", "Foreign Secretary Hammond" as "Secretary Hammond").
        first, last = title.split()[0], title.split()[-1]
        forms = {title} | {w for w in (first, last) if w in _TITLE_WORDS}
        found = [
            at
            for form in forms
            for name in (p.name.lower(), p.name.split()[-1].lower())
            if (at := evidence.find(f"{form} {name}")) >= 0
        ]
        if not found or _NOT_SITTING.search(evidence[: min(found)]):
            continue  # the longest form starts first: "former Foreign Secretary Boris Johnson"
        words = title.replace("-", " ")
        for office in _offices_of().get(p.name, ()):
            if office.country == p.country and any(has_words(n, words) for n in _office_words(office)):
                terms = tuple((t.start, t.end) for t in office.terms if t.name == p.name)
                out.append((office.id, "p:" + p.name.lower(), terms))
    return tuple(out)


def _in_terms(day: date, terms: Terms, margin: timedelta) -> bool:
    return any(start - margin <= day and (end is None or day <= end + margin) for start, end in terms)


def _terms_meet(x: Terms, y: Terms, margin: timedelta) -> bool:
    return any((e1 is None or s2 <= e1 + margin) and (e2 is None or s1 <= e2 + margin) for s1, e1 in x for s2, e2 in y)


def new_story_id(article_id: str) -> str:
    """A story id derived from its first article, stable across runs."""
    return "s-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class StoryIndex:
    """An in-memory index of recent articles and their stories, within a time window."""

    window: timedelta = timedelta(hours=72)
    dup_threshold: float = 0.5
    min_score: float = MIN_SCORE
    min_names: float = MIN_NAMES
    _lsh: MinHashBands = field(init=False)
    _entries: dict[str, _Entry] = field(init=False, default_factory=dict)
    # A name's most recent articles (at most `POSTING_CAP`, oldest first): a tuple of strings, which the garbage
    # collector stops tracking (a dense window holds about a hundred thousand names).
    _postings: dict[str, tuple[str, ...]] = field(init=False, default_factory=dict)
    _df: Counter[str] = field(init=False, default_factory=Counter)
    _wdf: Counter[str] = field(init=False, default_factory=Counter)
    # IDF values of the moment: one lookup scores several candidates that share names and words, and the counts
    # do not change until the article is indexed (cleared whenever they do).
    _idf_names: dict[str, float] = field(init=False, default_factory=dict)
    _idf_words: dict[str, float] = field(init=False, default_factory=dict)
    _seq: int = field(init=False, default=0)
    _stories: dict[str, _Story] = field(init=False, default_factory=dict)
    # (when it leaves the window, seq, article id), soonest first: expiring looks at what leaves, not at everything.
    _deadlines: list[tuple[datetime, int, str]] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self._lsh = MinHashBands(threshold=self.dup_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def story_of(self, article_id: str) -> str | None:
        """The story an indexed article belongs to."""
        entry = self._entries.get(article_id)
        return entry.story_id if entry else None

    def _entry(self, doc: StoryDoc, story_id: str = "") -> _Entry:
        """What the index keeps of an article: its names and wording (`_names`, `_wording`), its date (`_date`),
        who met whom (`_contact`, `_principals`), its parties, and what tells its event from others of the same
        parties (`_what_tells_the_event`)."""
        det = doc.detection
        lead = lead_text(doc.title, doc.text)
        # The words of a recurring format's title ("Telephone conversation with") say which series, not which
        # event: they count for nothing.
        series = is_format_title(doc.title)
        title = _FORMAT_TITLE.sub("", doc.title, count=1) if series else doc.title
        names, lead_names = _names(doc, title, lead)
        when, stated, rough = _date(doc)
        first = lead_sentence(lead, doc.title)
        header, mode, head_mode = _contact(title, lead, first)
        entry = _Entry(
            doc=doc,
            story_id=story_id,
            # The raw text: chrome is a small share of an article, and cleaning every line is costly.
            minhash=_minhash(doc.title + "\n" + doc.text),
            names=names,
            words=_wording(det, title, lead),
            events=frozenset(e.type for e in det.events),
            lead_names=lead_names,
            when=when,
            stated=stated,
            rough=rough,
            principal=_principals(det, doc.title, first, mode, series),
            # An official stands for their country too: a White House statement is the United States speaking.
            parties=frozenset(
                ["p:" + p.name.lower() for p in det.people]
                + ["c:" + c.lower() for c in det.countries]
                + ["c:" + p.country.lower() for p in det.people if p.country]
            ),
            surnames=frozenset(p.name.split()[-1].lower() for p in det.people),
            officials=frozenset(f"p:{p.name.lower()}=c:{p.country.lower()}" for p in det.people if p.country),
            holders=_holders(det),
            deaths=frozenset(c.count for c in det.casualties if c.current and c.kind in _DEATHS),
            lead_death=next((c.count for c in det.casualties if c.current and c.kind in _DEATHS), 0),
            series=series,
        )
        _what_tells_the_event(entry, header, (title, first, lead))
        entry.mode = mode
        entry.head_mode = head_mode
        _share_empty_sets(entry)
        self._norms(entry)
        return entry

    def _norms(self, e: _Entry) -> None:
        # Norms use the document frequencies of the moment; later drift is small and keeps lookups cheap.
        e.name_norm = math.sqrt(sum((tw * self._idf(self._df, n)) ** 2 for n, tw in e.names.items()))
        e.word_norm = math.sqrt(sum((tf * self._idf(self._wdf, w)) ** 2 for w, tf in e.words.items()))

    def _idf(self, df: Counter[str], key: str) -> float:
        memo = self._idf_names if df is self._df else self._idf_words
        value = memo.get(key)
        if value is None:
            value = memo[key] = math.log((len(self._entries) + IDF_PRIOR) / (df.get(key, 0) + 1.0))
        return value

    def _counts_changed(self) -> None:
        self._idf_names.clear()
        self._idf_words.clear()

    def idf(self, name: str) -> float:
        """Inverse document frequency of a name over the indexed window, smoothed by a prior."""
        return self._idf(self._df, name)

    def _block_keys(self, e: _Entry) -> list[str]:
        known = [n for n in e.names if n in self._postings]
        return sorted(known, key=lambda n: (self._df.get(n, 0), n))[:BLOCK_KEYS]

    def find(self, doc: StoryDoc) -> str | None:
        """The story this article belongs to, or None for a new story."""
        return self._find(self._entry(doc))

    def _find(self, entry: _Entry) -> str | None:
        # A busy wire story has many copies in the window; looking at a bounded number keeps the cost flat.
        for other_id in itertools.islice(self._lsh.query(entry.minhash), DUP_CANDIDATES):
            other = self._entries.get(other_id)
            if (
                other
                and entry.minhash.jaccard(other.minhash) >= self.dup_threshold
                and self._name_similarity(entry, other) >= DUP_MIN_NAMES
                and not self._conflict(entry, other)
                and self._fits(entry, other.story_id, copy=True)
            ):
                return other.story_id  # a copy; a template filled in with other names is not
        shared: Counter[str] = Counter()
        for key in self._block_keys(entry):
            shared.update(self._postings[key])
        best: dict[str, tuple[float, int]] = {}
        # Each pair is scored once per lookup: a candidate scored here is a member `_fits` looks at again.
        scores: dict[str, float] = {}
        # Only the articles that share the most names are scored: in a dense window the rest are many, and rarely
        # the same event (this keeps the cost per article flat as the news gets denser).
        for other_id, count in shared.most_common(SCORED_CANDIDATES):
            other = self._entries.get(other_id)
            if other is None:
                continue
            if count < 2 and not entry.place & other.place:
                continue  # one shared name is not enough, unless it is where both put the event: skip the scoring work
            score = scores[other_id] = self._same_event(entry, other)
            if score >= self.min_score and (score, other.seq) > best.get(other.story_id, (0.0, 0)):
                best[other.story_id] = (score, other.seq)
        found: str | None = None
        for story_id in sorted(best, key=best.__getitem__, reverse=True)[:STORY_TRIES]:
            if not self._fits(entry, story_id, scores=scores):
                continue
            if found is not None:
                return None  # an undated page that fits two stories does not say which occurrence it reports
            found = story_id
            if not entry.undated:
                break  # a dated report goes to the best story it fits
        return found

    def _fits(self, entry: _Entry, story_id: str, copy: bool = False, scores: dict[str, float] | None = None) -> bool:
        """True when the article may join the story: no member contradicts it, and it is linked to the story
        as a whole, not only to one member (A~B and B~C never make A~C on their own).

        The story's dated members must all lie within the window of the article's date; each of its latest
        members must be compatible (event, parties, headline); a rewrite must also score on average over
        them at least what a single link needs. A copy of a member is as compatible as that member. `scores`
        holds the pairs already scored by this lookup (and receives those scored here).
        """
        story = self._stories.get(story_id)
        if story is None:
            return True  # a story id given from storage whose members have expired
        if entry.when is not None and story.first is not None and story.last is not None:
            limit = self._limit(entry.rough)
            if entry.when - story.first > limit or story.last - entry.when > limit:
                return False
        linked = 0
        members = [m for m in (self._entries.get(mid) for mid in story.members) if m is not None]
        scores = {} if scores is None else scores
        for member in members:
            score = scores.get(member.doc.article_id)
            # A positive score is given only to a pair with no conflict; any other pair is checked here.
            if not score and self._conflict(entry, member):
                return False
            if copy:
                continue
            if score is None and entry.minhash.jaccard(member.minhash) < self.dup_threshold:
                score = scores[member.doc.article_id] = self._same_event(entry, member, unconflicted=True)
            if score is None or score >= self.min_score or entry.minhash.jaccard(member.minhash) >= self.dup_threshold:
                linked += 1  # a near-copy, or a rewrite that scores as a single link needs
        # Reports of one event written apart (a newscast, an editorial, a government's statement) are often
        # weakly linked to each other, so not every member need be linked; but more than one of a big story.
        return copy or not members or linked >= LINKED_SHARE * len(members)

    def add(self, doc: StoryDoc, story_id: str | None = None) -> str:
        """Index an article; assign it to an existing story unless `story_id` is given. Returns the story id."""
        if doc.article_id in self._entries:
            return self._entries[doc.article_id].story_id
        entry = self._entry(doc)
        entry.story_id = story_id or self._find(entry) or new_story_id(doc.article_id)
        self._seq += 1
        entry.seq = self._seq
        self._entries[doc.article_id] = entry
        if entry.when is not None:
            heapq.heappush(self._deadlines, (entry.when + self._limit(entry.rough), entry.seq, doc.article_id))
        self._story(entry.story_id).join(doc.article_id, entry.when)
        self._lsh.insert(doc.article_id, entry.minhash)
        self._df.update(entry.names.keys())
        self._wdf.update(entry.words.keys())
        self._counts_changed()
        postings = self._postings
        for name in entry.names:
            posting = postings.get(name)
            postings[name] = (doc.article_id,) if posting is None else (*posting, doc.article_id)[-POSTING_CAP:]
        return entry.story_id

    def _story(self, story_id: str) -> _Story:
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = _Story()
        return story

    def move(self, article_id: str, story_id: str) -> bool:
        """Put an indexed article in another story (an admin split it out of its own); False if not indexed.

        Only its story changes: later articles may join either story, as ever, and the article stays where it
        was put, because an indexed article is never assigned again.
        """
        entry = self._entries.get(article_id)
        if entry is None or entry.story_id == story_id:
            return entry is not None
        old = self._stories.get(entry.story_id)
        if old is not None:
            old.leave(article_id)
            # Its date no longer widens the old story's span.
            whens = [m.when for m in (self._entries.get(mid) for mid in old.members) if m is not None and m.when]
            old.first, old.last = (min(whens), max(whens)) if whens else (None, None)
        entry.story_id = story_id
        self._story(story_id).join(article_id, entry.when)
        return True

    def expire(self, now: datetime) -> int:
        """Drop articles whose event is more than the window before `now` (twice the window for an approximate
        date); returns how many were dropped. An article with no date at all is never dropped."""
        old: list[str] = []
        while self._deadlines and self._deadlines[0][0] < now:
            _deadline, seq, aid = heapq.heappop(self._deadlines)
            entry = self._entries.get(aid)
            if entry is not None and entry.seq == seq:
                old.append(aid)
        for aid in old:
            entry = self._entries.pop(aid)
            self._lsh.remove(aid)
            story = self._stories.get(entry.story_id)
            if story is not None:
                story.leave(aid)
                if not story.members and (story.last is None or now - story.last > self.window):
                    del self._stories[entry.story_id]
            self._df.subtract(entry.names.keys())
            self._wdf.subtract(entry.words.keys())
            for name in entry.names:
                if self._df[name] <= 0:
                    del self._df[name]
                posting = self._postings.get(name)
                if posting is not None and aid in posting:  # else already pushed out by the cap
                    rest = tuple(a for a in posting if a != aid)
                    if rest:
                        self._postings[name] = rest
                    else:
                        del self._postings[name]
            for word in entry.words:
                if self._wdf[word] <= 0:
                    del self._wdf[word]
        if old:
            self._counts_changed()
        return len(old)

    def _limit(self, rough: bool) -> timedelta:
        # A date read from the text dates the report (a caption, "five days after the siege"), not the event
        # itself: it is trusted to within a second window. It still keeps reports years apart apart.
        return 2 * self.window if rough else self.window

    def _in_window(self, a: _Entry, b: _Entry) -> bool:
        if a.when is None or b.when is None:
            return True
        return abs(a.when - b.when) <= self._limit(a.rough or b.rough)

    def _conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when two reports cannot be of one event: dates too far apart, no event type in common, other
        principal parties, or headlines about other people and places."""
        return self._conflict_reason(a, b) is not None

    def _conflict_reason(self, a: _Entry, b: _Entry) -> str | None:
        """What tells two reports apart as different events (`_conflict`), in a reader's words, or None."""
        if not self._in_window(a, b):
            return "dates too far apart"
        if a.events and b.events and not (_families(a.events) & _families(b.events)):
            return "no kind of event in common"
        if self._headline_kind_conflict(a, b) or self._headline_kind_conflict(b, a):
            return "another kind of event in the headline"
        if a.retrospect != b.retrospect:
            return "one looks back"  # an anniversary or a look back is not a report of the event itself
        if self._place_conflict(a, b):
            return "other places"
        if a.mode and b.mode and a.mode != b.mode and a.events & _CONTACT and b.events & _CONTACT:
            return "a call and a meeting"  # a telephone call is not the meeting of the same leaders
        if self._contact_about_violence(a, b) or self._contact_about_violence(b, a):
            return "a call or visit about an attack"  # a condolence call or visit about an attack is not the attack
        if self._contact_unnamed(a, b) or self._contact_unnamed(b, a):
            return "a call or meeting the other never names"
        if self._days_conflict(a, b) or self._period_conflict(a, b):
            return "other days"
        if self._holder_conflict(a, b):
            return "another holder's time in office"
        if self._figure_conflict(a, b):
            return "other tolls"
        if self._party_conflict(a, b):
            return "other principal parties"
        if self._title_conflict(a, b):
            return "other names in the headlines"
        return None

    @staticmethod
    def _headline_kind_conflict(x: _Entry, y: _Entry) -> bool:
        """True when `x` has no event the detector can name, its headline names a kind of event, and `y` reports none
        of that kind: an analysis headlined on a blockade that threatens grain supplies is not the strike on a grain
        terminal that its lead recalls as one of many ("The deadly strikes are part of a long-running maritime
        battle"), though it names the same parties and the grain. A headline with no such word says nothing either
        way (a statement on the attack in Manchester)."""
        return bool(not x.events and x.head_kinds and y.events and not x.head_kinds & _families(y.events))

    @staticmethod
    def _contact_about_violence(x: _Entry, y: _Entry) -> bool:
        """True when `x` is a call or meeting of named people (its headline or lead says which, and it reports talks)
        and `y` reports only violence (an attack, its toll) and no talks: leaders who speak about an attack, by
        telephone or on a condolence visit days later, make an event of their own (Kerry meeting Belgium's Prime
        Minister in Brussels three days after the bombings). A domestic crisis meeting names no one in its lead."""
        return bool(
            x.mode
            and "talks" in x.events
            and any(p.startswith("p:") for p in x.principal)
            and y.events
            and not y.events & _CONTACT
            and _families(y.events) <= {"violence"}
        )

    @staticmethod
    def _contact_unnamed(x: _Entry, y: _Entry) -> bool:
        """True when `x`'s headline is a call or meeting with named people ("Secretary Blinken's Call With South African
        Minister ... Pandor"), and `y`, whose headline and lead sentence report no call or meeting, does not name them
        all: a statement on the truce signed that day is not the call in which one minister thanked the other for
        hosting its talks, nor one naming the Prime Minister his meeting with the Secretary months later."""
        if y.head_mode:
            return False  # a report of a call or meeting: the modes and the parties tell them apart
        return any(
            p not in y.parties
            and (surname := p.rsplit(" ", 1)[-1].removeprefix("p:")) not in y.surnames
            and not y.says(surname)
            for p in x.headline_contact
        )

    @staticmethod
    def _place_conflict(a: _Entry, b: _Entry) -> bool:
        """True when the headlines and lead sentences put the events in different places: none in common (met in
        Beijing; hosted in Washington), or each a place the other report never names (an attack at the
        Kilometre 4 junction of Mogadishu; an attack on Villa Somalia in Mogadishu). Two reports dated within a day
        and a half are compared by their places read strictly (`event_sites`: "in Downing Street" and "in London"
        do not conflict); a page with no date keeps every place it names, often the only thing that tells it apart, but a
        seat of government it names by its street or house stands for its city (`_SEATS`): an undated readout of a meeting
        "in London" is not apart from the host's account of it "in Downing Street"."""
        near = all(e.when is not None and (e.doc.published is not None or e.stated) for e in (a, b))
        strict = near and a.when is not None and b.when is not None and abs(a.when - b.when) <= AGREED_WITHIN
        ours, theirs = (a.sited, b.sited) if strict else (a.place, b.place)
        if not (ours and theirs):
            return False
        if not strict:
            # Read loosely, a seat of government named by its street or house ("back in Downing Street") is in its
            # city ("met ... in London"); "at the White House" is still not London.
            ours = frozenset(_SEATS.get(p, p) if p in a.venues else p for p in ours)
            theirs = frozenset(_SEATS.get(p, p) if p in b.venues else p for p in theirs)
        if not ours & theirs:
            # A rewrite that leads with another sentence may name another place first, but it names both near
            # the top; the other meeting's report does not name this one's place there.
            return not all(all(p in y.top for p in xs) for xs, y in ((ours, b), (theirs, a)))
        # Each names a place the other never names.
        return all(
            any(p not in ys and not y.says(p) for p in xs) for xs, ys, y in ((ours, theirs, b), (theirs, ours, a))
        )

    def _period_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when the time a page with no date says it was published in (`page_period`: "published under the 2010
        to 2015 ... government", "/2016/07/" in its address) excludes the other report's date, widened by the window
        (by two for a date read from the text), or never meets the other page's period within the window: a statement
        on an attack in a 2016 folder is not of a 2023 attack, but can be of one reported on 30 June 2016."""
        for x, y in ((a, b), (b, a)):
            if x.period is None:
                continue
            if y.period is not None:
                return _apart(x.period, y.period, self.window)
            if y.when is not None and (y.doc.published is not None or y.stated):
                return _apart(x.period, (y.when, y.when), self._limit(y.rough))
        return False

    def _holder_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when a report with no date names an office with its sitting holder ("Foreign Secretary Philip
        Hammond said") and the other is dated outside that holder's terms (bot/data/offices.yaml), or is another
        undated report naming a holder whose terms never meet those (Foreign Secretary Boris Johnson; Secretary of
        State Kerry after 2017): the offices date what no window can, two undated statements on one country's truce
        months apart."""
        margin = self._limit(True)
        for x, y in ((a, b), (b, a)):
            if not (x.undated and x.holders):
                continue
            if y.when is not None and (y.doc.published is not None or y.stated):
                day = y.when.date()
                if any(not _in_terms(day, terms, margin) for _office, _person, terms in x.holders):
                    return True
            elif y.undated and y.holders:
                return any(not _terms_meet(tx, ty, margin) for _o, _p, tx in x.holders for _q, _r, ty in y.holders)
        return False

    def _days_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when a day written without a year ("On Wednesday 8 April") is further from the other report's
        date (or days) than the window in every year: a truce of 8 April is not one announced on 2 August; or falls on
        the weekday written with it only in other years than the other report's ("Sunday, January 21" is not of 2019);
        or when
        an undated report's headline and lead sentence put its event on another day of the week than the other
        report's do, or than a dated report's own day and the day before ("bombings killed at least eight people on
        Sunday"; "... in Tal Afar Thursday")."""
        if self._weekday_years(a, b) is False or self._weekday_years(b, a) is False:
            return True  # "Sunday, January 21" beside a report of Monday 21 January 2019: a page of another year
        for x, y in ((a, b), (b, a)):
            # Only a report with no time at all: a feed item without a date is read at its fetch time, which the
            # window already weighs ("officials said on Tuesday" in a follow-up a day later).
            if x.undated and x.when is None and x.weekdays and not y.undated:
                # A dated report that names no day of the week is about its own day or the day before.
                known = y.weekdays or _weekdays_near(y.when)
                if not x.weekdays & known:
                    return True
        if a.when is None and b.when is None and a.weekdays and b.weekdays and not a.weekdays & b.weekdays:
            return True
        if not (a.days or b.days):
            return False
        limit = self._limit(True).days
        for x, y in ((a, b), (b, a)):
            if x.days and y.days:
                return all(_day_gap(p, q) > limit for p in x.days for q in y.days)
            if x.days and y.when is not None and (y.doc.published is not None or y.stated):
                return all(_day_gap(p, (y.when.month, y.when.day)) > limit for p in x.days)
        return False

    @staticmethod
    def _figure_conflict(a: _Entry, b: _Entry) -> bool:
        """True when both report death tolls, the first each gives (the event's own, ahead of its parts and asides) is
        not close to the other's, and not as a toll that rose over time.

        "15 killed in Baghdad car bombs" and "22 dead in Baghdad cafe blast" are two attacks; "at least 30
        dead" on Saturday and "72 dead" on Wednesday can be one siege whose toll rose.
        """
        if not (a.deaths and b.deaths) or _close(a.lead_death, b.lead_death):
            return False  # early reports of one attack differ a little ("eight Americans", "seven")
        if a.when is None or b.when is None or a.when == b.when:
            return True
        early, late = (a, b) if a.when < b.when else (b, a)
        return late.lead_death < early.lead_death

    def _party_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when each report has a principal party (a person or country of its headline or first line)
        that the other never mentions: the counterpart matters (Blinken with Armenia is not Blinken with China).

        One way round is no conflict: an official's readout names more than an outlet's report of it.
        """
        voices = _reports_violence(a) and _reports_violence(b)
        return _misses_principal(a, b, voices) and _misses_principal(b, a, voices)

    def _same_event(self, a: _Entry, b: _Entry, unconflicted: bool = False) -> float:
        """A score in [0, 1] when two articles are independent reports of one event, else 0.

        Two cosines over IDF weights: distinctive names (people, places, groups) and headline-and-lead
        wording. The names must agree on their own (`min_names`): similar wording about different
        people and places is a different event. `unconflicted`: the caller has already found no `_conflict`.
        """
        return self._scored(a, b, unconflicted)[0]

    def _scored(self, a: _Entry, b: _Entry, unconflicted: bool = False) -> tuple[float, str]:
        """`_same_event`'s score, with what made it 0 in a reader's words ("" when it is not)."""
        if not (a.word_norm and b.word_norm):
            return 0.0, "no wording to compare"
        names = self._name_similarity(a, b)
        if names < self.min_names and not (names >= SCENE_MIN_NAMES and self._same_scene(a, b)):
            return 0.0, "few names in common"
        words = sum(a.words[w] * b.words[w] * self._idf(self._wdf, w) ** 2 for w in a.words.keys() & b.words.keys()) / (
            a.word_norm * b.word_norm
        )
        # Two governments' statements on one event share little wording; the same kind of event on the same
        # day, among the same names, with nothing that tells them apart, is what makes them one.
        meeting = self._same_meeting(a, b)
        agreed = self._agreed(a, b) or self._same_toll(a, b) or meeting
        if words < MIN_WORDS and not agreed:
            return 0.0, "little wording in common"  # the parties alone are not the event
        if not (a.events and b.events):
            # No event to agree on and no date to place it; unless the other reports an event, which gives both, at a
            # rare place the page names too (words of sorrow over "the reports coming out of Garissa").
            if (a.undated or b.undated) and not ((a.events or b.events) and self._rare_name_shared(a, b)):
                return 0.0, "no event and no date"
            if words < EVENTLESS_MIN_WORDS:
                return 0.0, "no event, little wording"  # a statement, an analysis: only the same words make one story
        if names < TEMPLATE_RATIO * words:
            return 0.0, "a template"  # the same wording about other people and places (readouts, statements)
        if not unconflicted and (reason := self._conflict_reason(a, b)) is not None:
            return 0.0, reason
        # A recurring format's reports are told apart by what they are about; not two statements on one truce that
        # agree on its day and parties ("Remarks on Reaching a Cease-Fire ... Between Israel and Hamas").
        series = (a.series or b.series) and not meeting and not self._same_truce(a, b)
        if (not agreed or series) and self._apart_in_specifics(a, b):
            return 0.0, "other specifics"
        if agreed and not meeting and self._nothing_specific_shared(a, b):
            # The same kind of event and toll, but each names several places and groups the other never does
            # (40 killed in Tal Afar and Baghdad; 40 killed in Diyala): two attacks.
            return 0.0, "other specifics"
        if (a.undated or b.undated) and not self._dated_together(a, b):
            return 0.0, "nothing dates the undated page"
        if a.title_words and a.title_words == b.title_words and self._apart_beyond_title(a, b):
            return 0.0, "one headline, other specifics"
        return max(0.5 * names + 0.5 * words, self.min_score if agreed else 0.0), ""

    def why_apart(self, a_id: str, b_id: str) -> str:
        """Why two indexed articles are in different stories, in a reader's words ("other tolls", "few names in
        common"...); "" when they share one. A pair that scores as one event may still be kept apart by the story
        the other joined (a member that contradicts it, the window of its dates) or by the candidate limits."""
        a, b = self._entries[a_id], self._entries[b_id]
        if a.story_id == b.story_id:
            return ""
        reason = self._conflict_reason(a, b)
        if reason is None:
            score, reason = self._scored(a, b, unconflicted=True)
            if not reason and score < self.min_score:
                reason = "too little in common"
        return reason or "linked, but not to the other's story as a whole"

    def entry_dates(self, article_id: str) -> datetime | None:
        """An indexed article's event date, published or written in it; None when it has neither (undated)."""
        entry = self._entries[article_id]
        return None if entry.undated else entry.when

    def how_together(self, a_id: str, b_id: str) -> str:
        """How two articles of one story are linked: "as a copy", "scored as one event", or "through other
        members" (each linked to the story, not to each other)."""
        a, b = self._entries[a_id], self._entries[b_id]
        if a.minhash.jaccard(b.minhash) >= self.dup_threshold:
            return "as a copy"
        if self._same_event(a, b) >= self.min_score:
            return "scored as one event"
        return "through other members"

    def _same_scene(self, a: _Entry, b: _Entry) -> bool:
        """True when two reports agree on the event itself: dated within a day and a half, the same kind of event,
        the same place in their headlines or lead sentences, and a principal party of one named by the other. A
        long news report names many people and places a government's short statement never does, so their names
        agree less on the whole ("attack in Indian-administered Kashmir" and "17 Indian Soldiers Killed ... in
        Indian Kashmir", the same morning)."""
        if a.place & b.place and (a.principal & b.parties or b.principal & a.parties) and self._agreed(a, b):
            return True
        return self._same_truce(a, b)

    def _same_truce(self, a: _Entry, b: _Entry) -> bool:
        """True when two statements on a truce or deal (no attack, no call or meeting) agree on it: dated within a day
        and a half, and each names every party the other's headline or first line names. A truce has no place to
        agree on, and a president's remarks and a foreign secretary's statement a day later share few other names
        (the one names hostages, the other the mediators): "a cease-fire ... between Israel and Hamas" and "statement
        on Israel-Hamas ceasefire"."""
        if a.mode or b.mode or not (a.principal and b.principal):
            return False
        if not (_families(a.events) | _families(b.events)) <= {"peace", "statement"}:
            return False
        return a.principal <= b.parties and b.principal <= a.parties and self._agreed(a, b)

    @staticmethod
    def _same_meeting(a: _Entry, b: _Entry) -> bool:
        """True when two reports dated within a day and a half say the same people spoke in the same way: both are
        a call, or both a meeting, and every person that either report's headline or lead sentence names (at least
        two between them) is named by both. Talks alone go on for days (`_agreed` leaves them to the wording), but
        one meeting of the same two people is one event: a minister's remarks before his meeting with a counterpart
        and their press conference after it share the two men, the day and little else. A meeting of one of them
        with someone else that day (the Secretary received by the President) names another person. When one report has
        no date (a government's readout, "Today, President Trump and President Putin spoke"), the two must also report
        the same thing settled beyond talks (both a truce, a deal): the Kremlin's dated account of a call on a truce in
        Ukraine and the White House's undated readout of it; not two undated readouts, which nothing places."""
        if not (a.mode and a.mode == b.mode):
            return False
        people = {p for p in a.principal | b.principal if p.startswith("p:")}
        if not (len(people) >= 2 and people <= a.parties and people <= b.parties):
            return False
        if a.undated != b.undated:
            # One government's readout with no date beside the other's dated account: the same two people speaking
            # the same way settle the same thing (a truce, a deal, sanctions), not talks alone, which the same two
            # hold again and again. What ties the page to the other's time is still asked (`_dated_together`).
            return bool((a.events & b.events) - _ONGOING)
        if a.when is None or b.when is None or abs(a.when - b.when) > AGREED_WITHIN:
            return False
        return all(e.doc.published is not None or e.stated for e in (a, b))

    @staticmethod
    def _agreed(a: _Entry, b: _Entry) -> bool:
        """True when both reports are dated (published, or a date written in them, never the fetch time) within
        `AGREED_WITHIN` of each other and report the same kind of event, more than talks alone: a visit to one
        capital, a ministry working to bring two others to the table and a minister saying they are close to a deal
        are three pieces of news of one negotiation on one day, not one event reported three times."""
        if a.when is None or b.when is None or abs(a.when - b.when) > AGREED_WITHIN:
            return False
        if not all(e.doc.published is not None or e.stated for e in (a, b)):
            return False
        if a.events <= _ONGOING or b.events <= _ONGOING:
            return False  # talks go on for days and everyone speaks of them: only the wording says which
        return bool(a.events and b.events and _families(a.events) & _families(b.events))

    def _same_toll(self, a: _Entry, b: _Entry) -> bool:
        """True when an undated page and another report name one deadly event by its specifics: both report
        deaths with the same largest toll (within early reports' spread), and both name a rare place or group
        besides the parties and capitals ("yesterday's attack in Khost Province ... seven Americans" and "Bombs Kill 8
        Americans ... Khost"). No window vouches for an undated page; its toll and place do."""
        if not (a.undated or b.undated) or not (a.deaths and b.deaths):
            return False
        if "violence" not in _families(a.events) & _families(b.events):
            return False
        if not _close(max(a.deaths), max(b.deaths)):
            return False  # the event's toll is the largest: one bombing's "six" is not the day's "eight"
        rare = math.log((len(self._entries) + IDF_PRIOR) / (RARE_DF + 1.0))
        gazetteer = places()
        return any(
            " " not in n
            and self._idf(self._df, n) >= rare
            and not gazetteer.resolve(n.title())[0]
            and not (a.only_in_capitals(n) or b.only_in_capitals(n))
            for n in a.specific & b.specific
        )  # a capital ("Baghdad", "Kabul") names a country's news, not one event; nor a body's initials

    def _apart_in_specifics(self, a: _Entry, b: _Entry) -> bool:
        """True when the same parties are all two reports share: what else they name tells them apart.

        Putin's calls with Obama about Syria and about Ukraine share both men and their countries, and a
        recurring title; the places and groups each names (Aleppo; Donbass) differ. A recurring format's
        reports always need that; other reports only when both name several such specifics (two governments'
        statements on one ceasefire often name nothing but the parties).
        """
        undated = UNDATED_SPECIFIC and (
            (a.undated and not self._day_agrees(a, b)) or (b.undated and not self._day_agrees(b, a))
        )
        if not (a.specific and b.specific):
            return False
        if a.place & b.place and not (undated and all(_country_level(p) for p in a.place & b.place)):
            return False  # the same place of the event is a specific in common
        if not (a.series or b.series or undated):
            if min(sum(" " not in n for n in e.specific) for e in (a, b)) < SPECIFIC_MIN_COUNT:
                return False
        if undated:
            # A capital or a country is every attack's and every statement's there: with no date to vouch for
            # the page, the same capital is not the same event ("an attack in Kabul", years apart).
            rest_a = frozenset(n for n in a.specific if not _country_level(n))
            rest_b = frozenset(n for n in b.specific if not _country_level(n))
            return self._specific_similarity(a, b, rest_a, rest_b) < MIN_SPECIFIC
        return self._specific_similarity(a, b) < MIN_SPECIFIC

    def _dated_together(self, a: _Entry, b: _Entry) -> bool:
        """True when something ties a page with no date to the other report's time or occasion: a copy of it, a date
        the page writes that can only be the other's (`_day_fixed`: "Tuesday, July 26" is 26 July 2016 beside a report
        of 25 July 2016), or one of the weaker ties of `_ties` (the same place beyond a capital, toll, a day without a
        year that agrees, a sitting office holder, a rare name)."""
        if a.minhash.jaccard(b.minhash) >= self.dup_threshold:
            return True
        return self._day_fixed(a, b) or self._day_fixed(b, a) or next(self._ties(a, b), None) is not None

    def _ties(self, a: _Entry, b: _Entry) -> Iterator[str]:
        """The weaker ties of an undated page to the other report, in a reader's words: the same place of the event
        beyond a capital, the same toll, a day without a year within the window of the other's date, a sitting office
        holder whose terms cover it, and each rare name beyond capitals and countries that both name. Lazily, cheapest
        first: `_dated_together` asks only whether there is one."""
        yield from (f"place: {p}" for p in sorted(a.place & b.place) if not _country_level(p))
        if a.deaths and b.deaths and _close(a.lead_death, b.lead_death):
            yield f"toll: {a.lead_death}, {b.lead_death}"
        if self._day_agrees(a, b) or self._day_agrees(b, a):
            yield "a day without a year"
        if any(x.undated and x.holders and y.when is not None and not y.undated for x, y in ((a, b), (b, a))):
            yield "an office holder's terms"  # not a conflict (`_holder_conflict`): they cover the date
        yield from (f"rare name: {n}" for n in sorted(self._rare_names_shared(a, b)))

    def _weekday_fetched(self, x: _Entry, y: _Entry) -> bool:
        """True when an undated page fetched while the other report was news (within the window of its date) names in
        its headline or lead a day of the week ("attacked on Monday") that, counted back from the fetch, is the other's
        date or the day before it: a feed item read as it is published says "Monday" of the Monday just past."""
        fetched = x.doc.fetched
        if not x.weekdays or fetched is None or y.when is None or abs(fetched - y.when) > self.window:
            return False
        days = [fetched - timedelta(days=n) for n in range(7)]
        named = [day.date() for day in days if f"{day:%A}".lower() in x.weekdays]
        return any(timedelta(0) <= y.when.date() - day <= timedelta(days=1) for day in named)

    def _day_fixed(self, x: _Entry, y: _Entry) -> bool:
        """True when an undated page writes a day without a year with the day of the week it fell on ("Tuesday, July
        26"), and in the year of the other report's date that day, within the window, is that day of the week: the
        weekday fixes the year (the same day falls on a Tuesday again only five or six years later). Or when its
        weekday, counted back from a fetch made while the other was news, is the other's day (`_weekday_fetched`)."""
        if not x.undated or y.undated or y.when is None:
            return False
        return self._weekday_fetched(x, y) or self._weekday_years(x, y) is True

    def _weekday_years(self, x: _Entry, y: _Entry) -> bool | None:
        """Whether the days an undated page writes with their weekday ("Sunday, January 21") fall on that weekday near
        the other report's date (True), only in other years (False), or None when it writes none near that date."""
        if not x.weekday_days or y.when is None or not (y.doc.published is not None or y.stated):
            return None
        limit = self._limit(True)
        near = [
            (candidate, weekday)
            for month, day, weekday in x.weekday_days
            for year in (y.when.year - 1, y.when.year, y.when.year + 1)
            if (candidate := _day_of(year, month, day)) is not None and abs(candidate - y.when) <= limit
        ]
        if not near:
            return None
        return any(f"{candidate:%A}".lower() == weekday for candidate, weekday in near)

    def _rare_name_shared(self, a: _Entry, b: _Entry) -> bool:
        """True when both reports name a rare place or group beyond capitals and countries (in at most `RARE_DF`
        indexed reports: "Garissa", not "Gaza" or "Hamas" in a window of Gaza news)."""
        return bool(self._rare_names_shared(a, b))

    def _rare_names_shared(self, a: _Entry, b: _Entry) -> frozenset[str]:
        """The rare single-word names beyond capitals, countries and initials that both reports name
        (`_rare_name_shared`). A body's initials ("IGAD") are rare in a window but not in its region's news: the
        mediator of every truce there for years names none of them, where a town ("Garissa") names its attack."""
        rare = math.log((len(self._entries) + IDF_PRIOR) / (RARE_DF + 1.0))
        return frozenset(
            n
            for n in a.specific & b.specific
            if " " not in n
            and not _country_level(n)
            and self._idf(self._df, n) >= rare
            and not (a.only_in_capitals(n) or b.only_in_capitals(n))
        )

    def _day_agrees(self, x: _Entry, y: _Entry) -> bool:
        """True when an undated report writes a day without a year ("Tuesday, July 26") within the window of the other
        report's date or days: its page says when, if not which year."""
        if not x.days:
            return False
        limit = self._limit(True).days
        if y.days:
            return any(_day_gap(p, q) <= limit for p in x.days for q in y.days)
        if y.when is None or not (y.doc.published is not None or y.stated):
            return False
        return any(_day_gap(p, (y.when.month, y.when.day)) <= limit for p in x.days)

    def _nothing_specific_shared(self, a: _Entry, b: _Entry) -> bool:
        """True when both reports name several specifics (places, groups beyond the parties) and share none."""
        if a.place & b.place:
            return False
        if min(sum(" " not in n for n in e.specific) for e in (a, b)) < SPECIFIC_MIN_COUNT:
            return False
        return not a.specific & b.specific

    def _apart_beyond_title(self, a: _Entry, b: _Entry) -> bool:
        """True when two pages under the same headline words ("Welcoming the Ceasefire Agreement in Gaza and
        Israel"), not copies of each other, share no specifics beyond those words: the same headline on another
        page is a recurring format, and says nothing about which occasion each page reports."""
        if a.minhash.jaccard(b.minhash) >= self.dup_threshold:
            return False
        rest_a, rest_b = a.specific - a.title_words, b.specific - b.title_words
        if not (rest_a and rest_b) or a.place & b.place:
            return False  # nothing beyond the headline to tell them apart by (a teaser), or the same place
        return self._specific_similarity(a, b, rest_a, rest_b) < MIN_SPECIFIC

    def _specific_similarity(
        self, a: _Entry, b: _Entry, of_a: frozenset[str] | None = None, of_b: frozenset[str] | None = None
    ) -> float:
        spec_a = a.specific if of_a is None else of_a
        spec_b = b.specific if of_b is None else of_b
        shared = spec_a & spec_b
        if not shared:
            return 0.0

        def norm(e: _Entry, spec: frozenset[str]) -> float:
            return math.sqrt(sum((e.names[n] * self._idf(self._df, n)) ** 2 for n in spec))

        return sum(a.names[n] * b.names[n] * self._idf(self._df, n) ** 2 for n in shared) / (
            norm(a, spec_a) * norm(b, spec_b)
        )

    def _title_conflict(self, a: _Entry, b: _Entry) -> bool:
        """True when, both ways, most of a headline's distinctive names are never mentioned by the other article.

        Copies and rewrites of one event mention the people and places of each other's headlines (at least
        one way round: an official readout's long title names more than a news report ever will); a template
        reused for another event ("Blinken's call with Armenian FM Mirzoyan" / "...with Kenyan FM Mudavadi")
        changes exactly those, both ways. Only single headline words that the article also capitalises in its
        lead count as names, so the capitals of a Title Case Headline do not.
        """
        floor = math.log(1.0 + IDF_PRIOR / 10.0)
        for x, y in ((a, b), (b, a)):
            total = missing = 0.0
            for name, weight in x.names.items():
                if (
                    weight < TITLE_WEIGHT
                    or x.lead_names is None
                    or name not in x.lead_names
                    or ":" in name
                    or " " in name
                ):
                    continue
                idf = self.idf(name)
                if idf < floor:
                    continue
                total += idf
                if name in y.names:
                    continue
                if not y.says(name):
                    missing += idf
            if not total or missing <= 0.5 * total:
                return False
        return True

    def _name_similarity(self, a: _Entry, b: _Entry) -> float:
        if not (a.name_norm and b.name_norm):
            return 0.0
        return sum(a.names[n] * b.names[n] * self._idf(self._df, n) ** 2 for n in a.names.keys() & b.names.keys()) / (
            a.name_norm * b.name_norm
        )


EXPLAIN_MEMBERS = 12  # a member is explained by the one of this many earlier members it shares most with


def _day(when: datetime) -> str:
    return f"{when.day} {when:%b %Y}"


def link_reasons(a: StoryDoc, b: StoryDoc, copy: bool = False) -> tuple[str, ...]:
    """What two reports of one story share, as a reader would check it: "a copy of its text", "same parties:
    Antony Blinken, Armenia", "same event: ceasefire", "same toll: 200 killed", "same place: Donbas", and
    their dates ("same day, 19 Sep 2022" or "1 day apart: 19 Sep 2022, 20 Sep 2022"); `published` is the
    event's time."""
    da, db = a.detection, b.detection
    out: list[str] = ["a copy of its text"] if copy else []
    people_b = {p.name for p in db.people}
    parties = [p.name for p in da.people if p.name in people_b] + [c for c in da.countries if c in db.countries]
    if parties:
        out.append("same parties: " + ", ".join(dict.fromkeys(parties[:5])))
    types_b = {e.type for e in db.events}
    events = [t for t in dict.fromkeys(e.type for e in da.events) if t in types_b]
    if events:
        out.append("same event: " + ", ".join(events))
    tolls_b = {(c.count, c.kind) for c in db.casualties if c.current}
    tolls = [
        f"{n:,} {k}"
        for n, k in dict.fromkeys((c.count, c.kind) for c in da.casualties if c.current)
        if (n, k) in tolls_b
    ]
    if tolls:
        out.append("same toll: " + ", ".join(tolls[:2]))
    places_b = set(db.regions)
    regions = [r for r in da.regions if r in places_b]
    if regions:
        out.append("same place: " + ", ".join(regions[:3]))
    if a.published is not None and b.published is not None:
        early, late = sorted((a.published, b.published))
        days = (late.date() - early.date()).days
        out.append(
            f"same day, {_day(early)}"
            if days == 0
            else f"{days} day{'s' if days > 1 else ''} apart: {_day(early)}, {_day(late)}"
        )
    return tuple(out)


def explain_members(docs: Sequence[StoryDoc], dup_threshold: float = 0.5) -> list[tuple[int | None, tuple[str, ...]]]:
    """Why each article of one story (oldest first) is in it: the earlier member it has most in common with
    (its index), and what they share (`link_reasons`). The first article starts the story: (None, ())."""
    hashes = [_minhash(d.title + "\n" + d.text) for d in docs]
    out: list[tuple[int | None, tuple[str, ...]]] = [(None, ())] if docs else []
    for i in range(1, len(docs)):
        best: tuple[int, int, tuple[str, ...]] | None = None
        for j in range(max(0, i - EXPLAIN_MEMBERS), i):
            copy = hashes[i].jaccard(hashes[j]) >= dup_threshold
            reasons = link_reasons(docs[i], docs[j], copy)
            # A copy says the most; then the more things shared, the better (a date alone says little).
            weight = 3 * copy + sum(not r[0].isdigit() and not r.startswith("same day") for r in reasons)
            if best is None or weight > best[0]:
                best = (weight, j, reasons)
        assert best is not None
        out.append((best[1], best[2]))
    return out


def cluster(docs: Sequence[StoryDoc], window: timedelta = timedelta(hours=72)) -> list[str]:
    """Story ids for a batch of articles, in input order (articles of one event share an id)."""
    return cluster_index(docs, window)[0]


def cluster_index(docs: Sequence[StoryDoc], window: timedelta = timedelta(hours=72)) -> tuple[list[str], StoryIndex]:
    """`cluster`, with the index that holds every article (`StoryIndex.why_apart` says why two stay apart)."""
    index = StoryIndex(window=window)

    # In the order of the events' dates (published, else written in the text); undated articles go last so
    # that they can join a dated story rather than start one.
    def key(i: int) -> tuple[bool, float, int]:
        when = docs[i].published or written_date(docs[i])
        return (when is None, when.timestamp() if when is not None else 0.0, i)

    order = sorted(range(len(docs)), key=key)
    ids: dict[int, str] = {}
    for i in order:
        ids[i] = index.add(docs[i])
    return [ids[i] for i in range(len(docs))], index


def merge_ids(ids: Iterable[str]) -> list[str]:
    """Distinct ids in first-seen order."""
    return list(dict.fromkeys(ids))


__all__ = [
    "Dated",
    "StoryDoc",
    "StoryIndex",
    "clean_lines",
    "cluster",
    "cluster_index",
    "event_time",
    "explain_members",
    "lead_text",
    "link_reasons",
    "merge_ids",
    "names_of",
    "new_story_id",
    "stated_date",
    "written_date",
]
