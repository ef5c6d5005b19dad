"""Casualty figures: count, qualifier, kind, who, and whether the figure is current news or background.

Conventions (they follow the labelling guide in eval-dev/README.md):
- a figure needs an explicit number (digits or words, "a dozen" = 12); vague words ("dozens", "scores",
  "hundreds", "tens of thousands", "several") are never figures;
- a figure needs a casualty word tied to it: "22 people were killed", "killed 200 troops", "the death
  toll rose to 170"; combined phrases keep the first kind;
- hostages, prisoners, the displaced, arrests, force sizes, ages, years, dates, times, distances, money,
  durations and projections ("could pass 25,000") are never figures;
- background: a figure in a clause dated to a past year or month ("In 2020, ...", "In April, ..."), tied to
  an earlier conflict ("died in that war"), to an anniversary, or to a separately dated earlier incident
  ("including a blast Tuesday ...") is reported with current=False.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.detect.numbers import Number, find_numbers
from bot.detect.text import Doc, Sentence
from bot.models import Casualty

_CUE = re.compile(r"kill|dead|death|died|\bdie|wound|injur|missing|lives|casualt|fatalit|toll|perish|slain|hurt|bodies|massacre|assassinat")

_KIND_WORDS = {
    "killed": "killed", "slain": "killed", "dead": "dead", "died": "dead", "deaths": "dead", "fatalities": "dead",
    "perished": "dead", "wounded": "wounded", "injured": "injured", "hurt": "injured", "missing": "missing",
    "unaccounted": "missing",
}
_ACTIVE = {"killed", "wounded", "injured"}
_LEFT_VERBS = [
    (re.compile(r"(?:killed|killing|kills|kill|massacred|massacring|slaughtered|shot dead|gunned down)$"), "killed"),
    (re.compile(r"(?:claimed|took|cost) the lives of$"), "killed"),
    (re.compile(r"(?:assassination|killing|killings|massacre|murder|deaths?) of$"), "killed"),
    (re.compile(r"(?:wounding|wounded|wounds)$"), "wounded"),
    (re.compile(r"(?:injuring|injured|injures|injure)$"), "injured"),
]
_TOLL = re.compile(r"\b(?:death|casualty|fatality|the) tolls?\b(?P<mid>[^.;:]{0,40})$")
_TOLL_MID = re.compile(
    r"^(?:\s|,|stands?|stood|at|is|was|has|had|have|rose|risen|rises|climbed|climbs|jumped|reached|reaches|hit|hits|to|of|"
    r"now|nearing|near|surpassed|exceeded|passed|topped|increased|grew|total(?:l?ed)?|overall|officially|reportedly|"
    r"more|than|at least|over|about|nearly|almost|some|around|roughly|an estimated|estimated|up|in|the|attack|"
    r"from|this|week|'s|s)*$"
)
_PROJECTION = re.compile(r"\b(?:could|might|may|would|will|expected to|feared to|likely to|set to|projected|forecast)\b")

_QUALIFIERS = [
    (re.compile(r"(?:at least|no fewer than|no less than|a minimum of)\s*$"), "at_least"),
    (re.compile(r"(?:more than|over|upwards of|in excess of|above|exceeding|surpassed|topped|exceeded)\s*$"), "more_than"),
    (re.compile(r"(?:nearly|almost|close to|nearing|just under|just short of|approaching)\s*$"), "nearly"),
    (re.compile(r"(?:about|around|approximately|roughly|some|an estimated|estimated|approx\.|circa|an approximate)\s*$"), "about"),
    (re.compile(r"(?:up to|as many as)\s*$"), "up_to"),
]
_VAGUE_BEFORE = re.compile(r"(?:several|a few|few|many|hundreds of|thousands of|tens of|dozens of|scores of|millions of)\s*$")

WHO = frozenset(
    ["people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops", "servicemen", "servicewomen", "personnel", "police", "policemen", "officers", "officer", "children", "child", "kids", "women", "men", "boys", "girls", "students", "pupils", "teachers", "workers", "staff", "employees", "fighters", "militants", "rebels", "insurgents", "attackers", "gunmen", "assailants", "jihadists", "combatants", "passengers", "pilgrims", "protesters", "demonstrators", "residents", "villagers", "migrants", "journalists", "peacekeepers", "guards", "members", "others", "victims", "adults", "babies", "infants", "worshippers", "tourists", "nationals", "citizens", "family", "relatives", "bystanders", "crew", "sailors", "marines", "pilots", "paramedics", "doctors", "nurses", "aid", "volunteers", "prisoners", "hostages", "detainees", "captives", "refugees", "displaced", "evacuees", "aides", "bodyguards", "commanders", "officials", "leaders", "diplomats", "monks", "priests", "farmers", "miners", "fishermen", "shoppers", "spectators", "fans"]
)
# Captives and the displaced are never casualty figures, even when "missing" or "killed" is nearby.
NOT_CASUALTIES = frozenset(["prisoners", "hostages", "detainees", "captives", "refugees", "displaced", "evacuees"])
_GAP_OK = frozenset(
    ["were", "was", "have", "has", "had", "been", "being", "are", "is", "be", "reportedly", "reported", "confirmed", "believed", "feared", "said", "also", "still", "now", "all", "and", "or", "as", "of", "the", "a", "an", "at", "least", "more", "other", "innocent", "including", "who", "later", "to", "their", "its", "his", "her", "both", "sides", "from", "either", 'side",', "'", "in", "on", "among"]
)
_BLOCK = frozenset(
    ["year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries", "km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres", "meter", "metre", "feet", "foot", "percent", "per", "dollars", "dollar", "euros", "euro", "pounds", "yuan", "rubles", "roubles", "rupees", "pints", "liters", "litres", "gallons", "tons", "tonnes", "kg", "buses", "vehicles", "cars", "trucks", "tanks", "rockets", "missiles", "drones", "shells", "rounds", "aircraft", "planes", "jets", "ships", "boats", "countries", "nations", "states", "cities", "towns", "villages", "provinces", "districts", "regions", "member", "times", "fold", "points", "goals", "votes", "seats", "acres", "hectares", "homes", "houses", "buildings", "hospitals", "square", "sq", "am", "pm", "o'clock", "th", "st", "nd", "rd", "bn", "mln", "million", "billion", "trillion", "billion-dollar", "year-old", "years-old", "percent-of", "camps", "trips", "flights", "weapons", "guns", "tribes", "groups", "organizations", "agencies", "parties", "companies", "firms", "projects", "laws", "bills", "resolutions", "articles", "pages", "steps", "phases"]
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_MONTH_RE = "|".join(_MONTHS)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH_RE})\.?\s*$")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_INCIDENT_DAY = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+)?(?:blast|attack|bombing|explosion|strike|raid|ambush|assault|shooting)\s+(?:on\s+|last\s+)?("
    + "|".join(_WEEKDAYS) + r")\b|\b(" + "|".join(_WEEKDAYS) + r")'s\s+(?:[\w-]+\s+)?(?:blast|attack|bombing|explosion|strike|raid|ambush|assault)"
)
_BACKGROUND = re.compile(
    rf"\b(?:in|during|by|until|of)\s+(?:(?:early|late|mid)[- ])?(?:(?:{_MONTH_RE})\.?\s+)?(?:1[89]|20)\d\d\b"
    rf"|\b(?:1[89]|20)\d\d\s+(?:war|conflict|attack|attacks|bombing|massacre|genocide|fighting|offensive|invasion|uprising|revolution)"
    rf"|\bin\s+(?:{_MONTH_RE})\b(?!\s+\d)"
    r"|\bthe\s+(?:1[89]|20)\d\d\b(?!\s*-)"
    r"|\banniversar|\bcommemorat|\byears? ago\b|\bdecades? ago\b|\blast year\b|\bearlier this year\b"
    r"|\b(?:that|the previous|the earlier|an earlier|a previous|the last|the first|the second)\s+(?:war|conflict|fighting|attack|battle|offensive|massacre|genocide|uprising|invasion)\b"
)
_ANNIVERSARY_TITLE = re.compile(r"anniversar|years after|years on|remember|commemorat|\bmemorial\b")
_TOKEN = re.compile(r"[\w'.-]+|[,;:()\"]")


_UNIT_AFTER = re.compile(r"\s*(?:%|-?percent|-?per cent|:\d|\s*a\.m|\s*p\.m|th\b|st\b|nd\b|rd\b|-(?:third|half|quarter|fifth))")
_HYPHEN_UNIT = re.compile(r"-(?:year|month|week|day|hour|minute|member|kilomet|mile|meter|metre|point|story|storey)")
_TOLL_NOISE = re.compile(r"\d{1,3},\d|\b(?:kill|dead|wound|injur)")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bincluding)\s*$")
_AND_GAP = re.compile(r"\band\s+(?:\w+\s+){0,2}$")
_KIND_IN_GAP = re.compile(r"\b(?:killed|dead|died|wounded|injured|missing)\b")
_AND_END = re.compile(r"\band\s*$")


@dataclass(slots=True)
class _Fig:
    number: Number
    qualifier: str
    kind: str | None = None
    who: str | None = None
    via: str = ""  # right | left | toll | list
    rejected: bool = False


def _qualifier(before: str) -> str:
    for pattern, name in _QUALIFIERS:
        if pattern.search(before):
            return name
    return "exact"


def _strip_qualifier(before: str) -> str:
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
    if _UNIT_AFTER.match(after):
        return True
    if not num.is_word and 1800 <= num.value <= 2100 and "," not in num.text:
        return True
    if _DATE_BEFORE.search(before):
        return True
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
        if tok in (";", ":") or m.group(0).endswith(".") and tok not in ("u.s", "u.n", "a.m", "p.m"):
            break
        if len(out) >= limit:
            break
    return out


def _right(fig: _Fig, low: str, demonyms: frozenset[str]) -> None:
    """'22 people were killed', '60 injured', 'Nearly 70 people are still reported as missing'."""
    tokens = _tokens_after(low, fig.number.end)
    unknown = 0
    who: str | None = None
    for i, tok in enumerate(tokens):
        if tok in (";", ":", "(", ")", '"'):
            return
        if tok in _KIND_WORDS or (tok == "lost" and tokens[i + 1 : i + 3] == ["their", "lives"]):
            kind = _KIND_WORDS.get(tok, "dead")
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if tok in _ACTIVE and (nxt[:1].isdigit() or nxt in ("a", "an", "the", "at", "more", "about", "nearly", "some", "over", "up")
                                   or nxt in WHO or _is_number_word(nxt)):
                fig.rejected = True  # "Two gunmen killed three soldiers": the number is the subject
                return
            between = " ".join(tokens[:i])
            if _PROJECTION.search(between):
                fig.rejected = True
                return
            fig.kind, fig.who, fig.via = kind, who, "right"
            return
        if tok in _BLOCK or tok in NOT_CASUALTIES:
            if tok in NOT_CASUALTIES:
                fig.rejected = True
            return
        if tok[:1].isdigit() or _is_number_word(tok):
            return
        if tok in WHO or tok in demonyms:
            who = who or ("people" if tok == "others" else tok)
            continue
        if tok in _GAP_OK or tok == ",":
            continue
        unknown += 1
        if unknown > (3 if who is None else 1):
            return


_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen"]
)


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
        if tok in (",", ";", ":") or tok[:1].isdigit():
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
    for pattern, kind in _LEFT_VERBS:
        if pattern.search(before):
            who, never = _who_after(low, fig.number.end, demonyms)
            if never:
                fig.rejected = True
                return
            if who is None and not _BARE_END.match(low, fig.number.end):
                return  # "killed 300 sheep" is no casualty figure; "killing two and wounding five" is
            if _PROJECTION.search(before[-30:]):
                fig.rejected = True
                return
            fig.kind, fig.who, fig.via = kind, who, "left"
            return


_BARE_END = re.compile(r"\s*(?:$|[,.;:]|and\b|on\b|in\b|at\b|while\b|when\b|during\b|near\b|as\b)")
_TOLL_LAST = re.compile(
    r"(?:\bto|\bat|\bof|\bwas|\bis|\bstands|\bstood|\breached|\breaches|\bhit|\bhits|\bnearing|\bsurpassed|\bexceeded|"
    r"\bpassed|\btopped|\bnow|\bclimbed|\brose|\brisen|\bjumped|\bincreased|\btotals|\btotalled|\btotaled)\s*$"
)


def _toll(fig: _Fig, low: str) -> None:
    """'the death toll rose to 170', 'the death toll was more than 70'."""
    before = low[max(0, fig.number.start - 60) : fig.number.start]
    m = _TOLL.search(before)
    if not m:
        return
    mid = m.group("mid")
    if _PROJECTION.search(mid):
        fig.rejected = True
        return
    # "the death toll rose to 170", "the death toll from the 2015 earthquake was 9,000"
    if _TOLL_MID.match(mid) or (_TOLL_LAST.search(_strip_qualifier(mid)) and not _TOLL_NOISE.search(mid)):
        fig.kind, fig.who, fig.via = "dead", "people", "toll"


def _background_cut(low: str, main_day: str | None) -> int | None:
    """Offset from which figures in this sentence are background, or None if the sentence is current."""
    cut: int | None = None
    m = _BACKGROUND.search(low)
    if m:
        # "More than 6,700 people died in that conflict" / "In 2020 ..." : the whole sentence when the cue
        # opens it or names an earlier conflict, else from the cue on.
        cut = 0 if m.start() < 25 or "that " in m.group(0) or "previous" in m.group(0) or "earlier" in m.group(0) else m.start()
        if re.match(r"\bin\s+(?:1[89]|20)\d\d", m.group(0)) is None and m.group(0).startswith("in ") and m.start() >= 25:
            cut = m.start()
    if main_day:
        for d in _INCIDENT_DAY.finditer(low):
            day = d.group(1) or d.group(2)
            if day != main_day:
                cut = d.start() if cut is None else min(cut, d.start())
                break
    return cut


def _as_written(sent: Sentence, fig: _Fig) -> str | None:
    """The victim noun with the case the article gives it ("Americans", "troops")."""
    if fig.who is None or fig.who == "people":
        return fig.who
    at = sent.folded.find(fig.who, fig.number.end)
    return sent.text[at : at + len(fig.who)] if at >= 0 else fig.who


def _main_day(doc: Doc) -> str | None:
    """The weekday of the article's own incident: dated in the headline or lead ("Tuesday's attack")."""
    lead = [s for s in doc.sentences if s.weight >= 2.0]
    for s in lead:
        d = _INCIDENT_DAY.search(s.folded)
        if d:
            return d.group(1) or d.group(2)
    for s in lead:
        if len(s.folded) > 40:  # skip bare date lines ("Thursday, December 18, 2014")
            d = _WEEKDAY_RE.search(s.folded)
            if d:
                return d.group(1)
    return None


def find_casualties(doc: Doc, demonyms: frozenset[str], cue_sentences: set[int] | None = None) -> list[Casualty]:
    """Every distinct casualty figure in the article, with evidence sentence and current/background.

    `cue_sentences` (from the keyword pass) limits the work to sentences with a casualty word.
    """
    title_low = doc.sentences[0].folded if doc.sentences and doc.sentences[0].is_title else ""
    anniversary = bool(_ANNIVERSARY_TITLE.search(title_low))
    main_day = _main_day(doc)
    out: list[Casualty] = []
    seen: set[tuple[int, str, str, bool]] = set()
    for sent in doc.sentences:
        if cue_sentences is not None and sent.index not in cue_sentences:
            continue
        if not _CUE.search(sent.folded):
            continue
        for fig in _sentence_figures(sent, demonyms):
            if fig.kind is None or fig.rejected:
                continue
            cut = _background_cut(sent.folded, main_day)
            current = not anniversary and not (cut is not None and fig.number.start >= cut)
            group = "dead" if fig.kind in ("killed", "dead") else fig.kind
            key = (fig.number.value, group, fig.qualifier, current)
            if key in seen or fig.number.value <= 0:
                continue
            seen.add(key)
            out.append(Casualty(fig.number.value, fig.qualifier, fig.kind, _as_written(sent, fig), current, sent.text))
    return out


def _sentence_figures(sent: Sentence, demonyms: frozenset[str]) -> list[_Fig]:
    low = sent.folded
    figs: list[_Fig] = []
    for num in find_numbers(low):
        if _junk(num, low):
            continue
        figs.append(_Fig(num, _qualifier(low[max(0, num.start - 25) : num.start])))
    for fig in figs:
        _toll(fig, low)
        if fig.kind is None and not fig.rejected:
            _left(fig, low, demonyms)
        if fig.kind is None and not fig.rejected:
            _right(fig, low, demonyms)
    # Lists: "20 Burundian soldiers and 40 Somali civilians were missing", "132 children, and nine staff",
    # "a toll of 72, including five attackers and six soldiers".
    for i, fig in enumerate(figs):
        if fig.kind is not None or fig.rejected:
            continue
        who, never = _who_after(low, fig.number.end, demonyms)
        if never or who is None:
            continue
        before = low[max(0, fig.number.start - 12) : fig.number.start]
        prev = figs[i - 1] if i > 0 else None
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if prev and prev.kind and _LIST_BEFORE.search(before) and prev.via != "right":
            fig.kind, fig.who, fig.via = prev.kind, who, "list"
        elif nxt and nxt.kind and nxt.via == "right":
            gap = low[fig.number.end : nxt.number.start]
            if _AND_GAP.search(gap) and not _KIND_IN_GAP.search(gap):
                fig.kind, fig.who, fig.via = nxt.kind, who, "list"
    # "at least 30 ... dead and 60 injured": the qualifier carries over a bare "and N".
    for i, fig in enumerate(figs[1:], start=1):
        prev = figs[i - 1]
        if fig.kind and fig.qualifier == "exact" and prev.kind and prev.qualifier != "exact" \
                and _AND_END.search(low, max(0, fig.number.start - 6), fig.number.start):
            fig.qualifier = prev.qualifier
    return figs
