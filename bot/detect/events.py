"""Events read from sentences in context: negation, appeals, hypotheticals, background and topic vetoes.

Each sentence with a trigger gets a reading (type, status, weight). The article reports an event type
when the weights of its current, non-negated readings reach a threshold; the headline (x3) and the lead
(x2) weigh more than late paragraphs. The ceasefire status is the status with the most weight.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.detect.casualties import _BACKGROUND
from bot.detect.keywords import Features
from bot.detect.text import Doc, Sentence
from bot.models import Casualty, Event

_CEASEFIRE = re.compile(
    r"\b(?:cease-?\s?fires?|truces?|cessation of (?:all )?hostilities|armistice|halt to (?:the )?fighting|stop the fighting)\b"
)
# "the end of conflict" stands for a ceasefire only next to an explicit status cue ("announcement ...").
_CEASEFIRE_WEAK = re.compile(r"\bend (?:of|to) (?:the )?(?:\w+ )?(?:conflict|fighting|hostilities|war)\b|\bend the (?:\w+ )?(?:conflict|fighting|war)\b")
_HOLDING_ALONE = re.compile(r"\bfighting (?:has|had) (?:ceased|stopped|ended)\b|\bguns (?:have |had )?(?:fallen|fell|gone|went) silent\b")
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|rejected|rejects|reject|refused|refuses|refuse|denied|denies|ruled out|rules out|nor)\b(?:\W+\w+){0,3}\W*$"
)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|should|must|might|may|will|if|once|unless|hope[sd]?|hoping|possible|requires?|needs?)\b")

# Status cues, strongest first; a cue counts only within the trigger's clause window.
_STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("extended", re.compile(r"\bextend|\bextension|\bprolong|\brenew")),
    ("violated", re.compile(r"\bviolat|\bbreach|\bbroke the\b|\bbroken\b|\bflout")),
    ("collapsed", re.compile(r"\bcollaps|\bfailed\b|\bfell apart|\bbroke down|\bbreakdown|\bunravel|\babandon|\bshattered")),
    ("talks", re.compile(r"\btalks\b|\bnegotiat|\bdiscussions?\b|\bmediat|\bconsultations")),
    ("agreed", re.compile(r"\baccept(?:ed|s)?\b|\bsigned\b|\btook effect|\btake effect|\bcame into (?:force|effect)|\bwent into effect|\bin effect\b")),
    ("proposed", re.compile(r"\bcall(?:s|ed|ing)? for\b|\burg(?:e|es|ed|ing)\b|\bappeal|\bdemand|\bpropos|\boffer|\bseek|\bsought|\bwants?\b|\bpush(?:ed|es|ing)? for|\bplea\b|\bunilateral|\bresolution\b|\binsist|\brequires?\b|\bonce a\b|\bcalling\b")),
    ("agreed", re.compile(r"\bagree|\breached\b|\bbrokered|\bdeal\b|\bannounc|\bdeclared|\bimplement|\bestablished|\bbegan\b|\bstarted\b")),
    ("holding", re.compile(r"\bhold(?:s|ing)?\b|\bheld\b|\bfragile\b|\bmaintain|\bobserv|\brespect|\bcalm\b|\bceased\b|\bstrengthen")),
]

_TALKS = re.compile(
    r"\b(?:talks|negotiations?|negotiating|negotiated|negotiators?|met with|met\b|meeting|meetings|meets|meet with|"
    r"phone call|telephone call|telephone conversation|phone conversation|spoke (?:by phone |by telephone )?(?:with|to)|"
    r"held discussions|discussions|discussed|dialogue|summit|hosted|trilateral|bilateral meeting|consultations|readout|"
    r"visit(?:ed|ing)? (?:with|by)|conversation with|conversations with)\b"
)
_ACTOR = re.compile(
    r"\b(?:president|minister|secretary|envoy|officials?|leaders?|government|governments|delegations?|rebels?|"
    r"counterparts?|diplomats?|diplomatic|mediators?|sides|parties|ambassador|chancellor|king|spokes\w+|premier|"
    r"state department|kremlin|white house|foreign|prime|u\.n\.|un|united nations|security council|administration)\b"
)
_AGREEMENT = re.compile(
    r"\b(?:agreement|agreements|deal|accord|accords|declaration|resolution|memorandum of understanding|memorandum|"
    r"treaty|pact|communique|protocol|proposal|peace plan|framework)\b"
)
_AGREEMENT_CUE = re.compile(
    r"\b(?:signed|signs|adopted|adopts|passed|passage|approved|approves|concluded|ratified|accepted|accepts|clinched|"
    r"struck|announc\w*|unanimously|endorsed|inked)\b"
)
_NOT_YET = re.compile(
    r"\b(?:will|would|could|should|must|expected|hope[sd]?|urg\w*|pending|anticipat\w*|seek\w*|aim\w*|toward|towards|"
    r"plan(?:s|ned)? to|ready to|if|negotiation of|work to|working to|proposed|draft|possible|potential)\b"
)
_CLASH = re.compile(
    r"\b(?:clash(?:es|ed)?|shelling|shelled|bombings?|bombed|bomb blast|blast|explosions?|suicide (?:bomber|attack|bombing)s?|"
    r"air ?strikes?|drone strikes?|missile strikes?|rocket (?:fire|attacks?)|artillery fire|invasion|invaded|ambush(?:ed)?|"
    r"offensive|firefight|gunfight|skirmish(?:es)?|opened fire|stormed|military aggression|state of war|"
    r"attacks? on (?:\w+ ){0,3}(?:soldiers|troops|forces|base|positions|convoy|checkpoint|army|military|police)|"
    r"(?:heavy|fierce|renewed) fighting|fighting (?:erupted|broke out|intensified|raged))\b"
)
_SANCTIONS = re.compile(r"\b(?:sanctions?|sanctioned|embargo|asset freeze|travel ban|blacklisted)\b")
_SANCTIONS_CUE = re.compile(r"\b(?:impos\w*|slapped|announc\w*|new|lift\w*|eased|eases|levied|designat\w*|froze|frozen|targeting|against)\b")
_SANCTIONS_NOT = re.compile(r"\b(?:could|threat\w*|consider\w*|may|might|would|warn\w*|if|possible|potential|weigh\w*)\b")
_ARMED_WHO = frozenset(["soldiers", "troops", "fighters", "militants", "rebels", "servicemen", "personnel", "insurgents", "combatants", "police", "policemen", "peacekeepers"])

_MODAL_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:would|could|might|may|should|must)\b")
_WINDOW = 70


@dataclass(frozen=True, slots=True)
class Reading:
    """One sentence's contribution to an event type."""

    type: str
    status: str | None
    weight: float
    sentence: Sentence


def _bounds(low: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a trigger: at most _WINDOW characters each side, cut at clause separators."""
    left = max(0, start - _WINDOW)
    right = min(len(low), end + _WINDOW)
    for sep in (";", " but ", " while ", " whereas "):
        k = low.rfind(sep, left, start)
        if k >= 0:
            left = max(left, k + len(sep))
        k = low.find(sep, end, right)
        if k >= 0:
            right = min(right, k)
    return left, right


def _window(low: str, start: int, end: int) -> str:
    left, right = _bounds(low, start, end)
    return low[left:right]


def _negated(low: str, start: int) -> bool:
    return bool(_NEGATION.search(low[max(0, start - 40) : start]))


def _ceasefire_status(low: str, start: int, end: int) -> str | None:
    """The status of a ceasefire mention from the cues in its clause.

    A change of state (extended, violated, collapsed) wins when its cue is in the clause ("the UN-brokered
    truce was extended"); otherwise the cue nearest the trigger decides ("agreed to a ceasefire after talks").
    """
    left, right = _bounds(low, start, end)
    best: tuple[int, int, int, str] | None = None
    for rank, (status, pattern) in enumerate(_STATUS_CUES):
        for m in pattern.finditer(low, left, right):
            if m.start() >= end:
                distance = m.start() - end
            elif m.end() <= start:
                distance = start - m.end()
            else:
                distance = 0
            strong = 0 if status in ("extended", "violated", "collapsed") else 1
            cand = (strong, distance, rank, status)
            if best is None or cand < best:
                best = cand
    found = best[3] if best else None
    if found in (None, "agreed", "holding") and (
        _HYPOTHETICAL.search(low[max(left, start - 40) : start]) or _MODAL_AFTER.match(low, end)
    ):
        return "proposed"
    return found


def is_background(sent: Sentence) -> bool:
    """A sentence about history: past years, earlier wars, anniversaries, 'previous' agreements."""
    low = sent.folded
    return bool(_BACKGROUND.search(low)) or bool(_EARLIER.search(low))


_EARLIER = re.compile(
    r"\b(?:previous|earlier|prior)\s+(?:\w+\s+)?(?:cease-?\s?fires?|truces?|agreements?|deals?|wars?|conflicts?|talks|rounds?|accords?)"
    r"|\bbefore\s*(?:[-,.;]|$)"
)


def readings(doc: Doc, actor_sentences: set[int], features: Features, topic_heavy: bool) -> list[Reading]:
    """Every event reading in the article, one per sentence and type.

    `features` (one keyword pass) says which sentences can hold which trigger and which are off-topic
    (labour, sport); `topic_heavy` says the whole article is (a match report, a labour deal), which
    silences every event type except casualty figures.
    """
    out: list[Reading] = []
    sets = [features.by_class.get(c, set()) for c in ("ceasefire", "talks", "agreement", "clash", "sanctions")]
    off = features.by_class.get("topic", set())
    for i in sorted(set().union(*sets)):
        sent = doc.sentences[i]
        cf, tk, ag, cl, sa = (i in s for s in sets)
        low = sent.folded
        background = is_background(sent)
        is_off_topic = i in off
        w = sent.weight
        if cf:
            best: tuple[str | None, float] | None = None
            for m in _CEASEFIRE.finditer(low):
                if background and not sent.is_title:
                    continue
                if _negated(low, m.start()):
                    # "rejected calls for a ceasefire" still reports a proposal; "no ceasefire" reports nothing.
                    if _PROPOSAL_BEFORE.search(low, max(0, m.start() - 30), m.start()):
                        best = ("proposed", w)
                        break
                    continue
                status = _ceasefire_status(low, m.start(), m.end())
                best = (status, w if status else w * 0.5)
                if status:
                    break
            if best is None and not background:
                weak = _CEASEFIRE_WEAK.search(low)
                if weak and not _negated(low, weak.start()):
                    status = _ceasefire_status(low, weak.start(), weak.end())
                    if status in ("agreed", "proposed", "extended", "collapsed", "violated"):
                        best = (status, w * 0.8)
            if best is None and not background and _HOLDING_ALONE.search(low):
                best = ("holding", w)
            if best is not None and not is_off_topic and not topic_heavy:
                out.append(Reading("ceasefire", best[0], best[1], sent))
        if background or is_off_topic:
            continue
        if tk and not topic_heavy:
            # Talks between officials (a country or an office must be in the sentence).
            tm = _TALKS.search(low)
            if tm and not _negated(low, tm.start()) and (i in actor_sentences or _ACTOR.search(low)):
                future = bool(_FUTURE.search(low, max(0, tm.start() - 40), tm.start()))
                out.append(Reading("talks", None, w * (0.5 if future else 1.0), sent))
        if ag and not topic_heavy:
            # Agreements actually adopted or signed (not urged, pending or hoped for).
            for m in _AGREEMENT.finditer(low):
                near = low[max(0, m.start() - 50) : m.end() + 25]
                if _AGREEMENT_CUE.search(_window(low, m.start(), m.end())) and not _NOT_YET.search(near) \
                        and not _negated(low, m.start()):
                    out.append(Reading("agreement", None, w, sent))
                    break
        if cl and not topic_heavy:
            # Fighting, bombings, strikes (not in a sentence about a ceasefire, not hypothetical).
            cm = _CLASH.search(low)
            if cm and not cf and not _negated(low, cm.start()) and not _HYPOTHETICAL.search(low, max(0, cm.start() - 25), cm.start()):
                out.append(Reading("clash", None, w, sent))
        if sa:
            # Sanctions imposed or lifted (threats and plans are not).
            sm = _SANCTIONS.search(low)
            if sm:
                win = _window(low, sm.start(), sm.end())
                if _SANCTIONS_CUE.search(win) and not _SANCTIONS_NOT.search(win) and not _negated(low, sm.start()):
                    out.append(Reading("sanctions", None, w, sent))
    return out


_PROPOSAL_BEFORE = re.compile(r"\b(?:calls?|proposals?|offers?|demands?|appeals?|plans?|push(?:es)?)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:\w+\s+)?$")
_FUTURE = re.compile(r"\b(?:will|would|could|plan(?:s|ned)? to|expected to|scheduled to|possible)\b")
_THRESHOLDS = {"ceasefire": 0.6, "talks": 1.0, "agreement": 1.0, "clash": 2.0, "sanctions": 1.0}
_PRIORITY = ["extended", "violated", "collapsed", "talks", "proposed", "agreed", "holding"]


def decide(doc: Doc, found: Sequence[Reading], casualties: Sequence[Casualty]) -> list[Event]:
    """Turn readings into the article's events: one per type, the ceasefire with its weightiest status."""
    events: list[Event] = []
    by_type: dict[str, list[Reading]] = {}
    for r in found:
        by_type.setdefault(r.type, []).append(r)
    # Casualties among armed men in the headline or lead are fighting.
    for c in casualties:
        if c.current and c.who in _ARMED_WHO and c.kind in ("killed", "dead", "wounded", "injured"):
            sent = next((s for s in doc.sentences if s.text == c.evidence), None)
            if sent is not None and sent.weight >= 2.0:
                by_type.setdefault("clash", []).append(Reading("clash", None, 2.0, sent))
    for etype in ("ceasefire", "casualties", "clash", "talks", "agreement", "sanctions"):
        if etype == "casualties":
            current = [c for c in casualties if c.current]
            if current:
                events.append(Event("casualties", None, current[0].evidence))
            continue
        rs = by_type.get(etype, [])
        total = sum(r.weight for r in rs)
        if not rs or total < _THRESHOLDS[etype]:
            continue
        if etype == "ceasefire":
            scores: dict[str, float] = {}
            for r in rs:
                if r.status:
                    scores[r.status] = scores.get(r.status, 0.0) + r.weight
            status = max(scores, key=lambda s: (scores[s], -_PRIORITY.index(s))) if scores else None
            evidence = next((r.sentence.text for r in sorted(rs, key=lambda r: -r.weight) if r.status == status), rs[0].sentence.text)
            events.append(Event("ceasefire", status, evidence))
        else:
            best = max(rs, key=lambda r: r.weight)
            events.append(Event(etype, None, best.sentence.text))
    return events
