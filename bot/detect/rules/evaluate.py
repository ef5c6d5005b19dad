"""Evaluating compiled rules on one article: the findings and term hits they read, and the reason a rule
matched or the first condition that failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from bot.detect import gazetteer
from bot.detect import offices as offices_table
from bot.detect.text import Doc
from bot.models import (
    Casualty,
    Event,
    Person,
    Relevance,
    TypeVerdict,
)

if TYPE_CHECKING:
    from bot.detect.rules.compile import CompiledRule
    from bot.detect.rules.spec import EventCondition, RuleSpec

# A trigger key: a term id (int), or ("e", event type) | ("p", person) | ("c", country) | ("r", region)
# | RELEVANT (the relevance model judged the item about conflict or diplomacy) | RELATION (its headline reports one
# state acting on another).
Key = int | tuple[str, str]
RELEVANT: Key = ("m", "relevant")
RELATION: Key = ("h", "relation")
# Why a `relation` rule fails: neither of the findings it takes (`Findings.dealings`).
NO_DEALINGS = (
    "no headline reports one state acting on another, nor talks or a visit ahead between two states, nor a state holding"
    " or freeing another's national"
)

# A query compiled to tuples over term ids (fast to walk): (TERM, tid), (AND, parts), (OR, parts),
# (NOT, part), (NEAR, left tids, right tids, distance).
TERM, AND, OR, NOT, NEAR = 0, 1, 2, 3, 4
Program = tuple[Any, ...]
# A query compiled to one Python function of the hit positions and the doc (see compile._check_function).
Check = Callable[[dict[int, list[int]], Doc], bool]


@dataclass(slots=True)
class Findings:
    """What the detection stages found, as the rules see it (with lookup sets built once)."""

    events: Sequence[Event]
    casualties: Sequence[Casualty]
    people: Sequence[Person]
    countries: Sequence[str]
    regions: Sequence[str]
    relevance: Relevance | None = None  # the relevance model's judgement of the item (None: not judged)
    people_set: frozenset[str] = frozenset()
    places_set: frozenset[str] = frozenset()  # countries, regions, and the countries of the regions
    day: date | None = None  # the article's date, for offices (None: read as of today)
    typed: Sequence[TypeVerdict] = ()  # the event types the learned event model added or removed
    relation: str | None = None  # the headline line reporting one state acting on another (None: none does)
    ahead: str | None = None  # the headline or lead sentence announcing talks or a visit ahead between two states
    held: str | None = None  # the headline or lead sentence telling a state holding or freeing another's national

    @property
    def dealings(self) -> bool:
        """Whether a `relation` rule's finding is there: a headline relation, talks or a visit ahead, or a state holding
        or freeing another's national."""
        return self.relation is not None or self.ahead is not None or self.held is not None

    def __post_init__(self) -> None:
        gz = gazetteer.places()
        self.people_set = frozenset(p.name for p in self.people)
        via = {c for r in self.regions if r in gz.regions for c in gz.regions[r].countries}
        self.places_set = frozenset(self.countries) | frozenset(self.regions) | via


class Hits:
    """Term hits of one article: term id -> folded-text start offsets, with the doc for context."""

    __slots__ = ("doc", "positions")

    def __init__(self, doc: Doc, positions: dict[int, list[int]]) -> None:
        self.doc = doc
        self.positions = positions

    def first_sentence(self, term_id: int) -> str:
        """The sentence of a term's first hit."""
        return self.doc.sentence_at(self.positions[term_id][0]).text


def run_program(prog: Program, positions: dict[int, list[int]], doc: Doc) -> bool:
    op = prog[0]
    if op == TERM:
        return prog[1] in positions
    if op == AND:
        return all(run_program(p, positions, doc) for p in prog[1])
    if op == OR:
        return any(run_program(p, positions, doc) for p in prog[1])
    if op == NOT:
        return not run_program(prog[1], positions, doc)
    return near(positions, doc, prog[1], prog[2], prog[3])


def near(
    positions: dict[int, list[int]], doc: Doc, left_ids: tuple[int, ...], right_ids: tuple[int, ...], distance: int
) -> bool:
    """Whether a hit of a left term and a hit of a right term lie within `distance` words."""
    left = [p for t in left_ids for p in positions.get(t, ())]
    if not left:
        return False
    right = [p for t in right_ids for p in positions.get(t, ())]
    if not right:
        return False
    lw = sorted({doc.word_index(p) for p in left})
    rw = sorted({doc.word_index(p) for p in right})
    # Two-pointer walk: is any pair of word indices within the distance?
    i = j = 0
    while i < len(lw) and j < len(rw):
        if abs(lw[i] - rw[j]) <= distance:
            return True
        if lw[i] < rw[j]:
            i += 1
        else:
            j += 1
    return False


def _event_ok(cond: EventCondition, findings: Findings) -> str | None:
    if cond.type == "casualties":
        for c in findings.casualties:
            if (
                (c.current or cond.include_background)
                and c.count >= cond.min_count
                and (not cond.kinds or c.kind in cond.kinds)
                and (not cond.causes or c.cause in cond.causes)
            ):
                cause = f" ({c.cause})" if c.cause else ""
                return (
                    f"casualties: {c.qualifier.replace('_', ' ')} {c.count} {c.kind}"
                    + (f" {c.who}" if c.who else "")
                    + f"{cause} — {c.evidence}"
                )
        return None
    for ev in findings.events:
        if ev.type != cond.type:
            continue
        if cond.type == "ceasefire" and cond.statuses and ev.status not in cond.statuses:
            continue
        status = f" ({ev.status})" if ev.status else ""
        return f"{ev.type}{status} — {ev.evidence}"
    return None


def _relevant_enough(wanted: bool | float, findings: Findings) -> bool:
    """Whether the relevance model's score reaches the rule's bar (true: the model's own threshold)."""
    judged = findings.relevance
    if judged is None:
        return False
    return judged.score >= (judged.threshold if wanted is True else wanted)


def failure(
    rule: CompiledRule, hits: Hits, findings: Findings, *, explain: bool = True, query_checked: bool = False
) -> str | None:
    """Why the rule does not match (the first condition that fails), or None when it matches.

    With `explain=False` (the hot path: every candidate rule of every article) a failure is the
    bare string "no" and no message is formatted; `query_checked` says the caller already ran the query.
    """
    spec = rule.spec
    positions = hits.positions
    if not query_checked and rule.check is not None and not rule.check(positions, hits.doc):
        return f"query {spec.query!r} did not match" if explain else "no"
    if spec.events and not any(_event_ok(cond, findings) for cond in spec.events):
        return _no_event(spec, findings) if explain else "no"
    if (rule.people or rule.offices) and not (
        any(n in findings.people_set for n in rule.people)
        or any(tid in positions for _, tid in rule.people_terms)
        or (rule.offices and _office_holders(rule, hits, findings))
    ):
        return _no_person(rule, findings) if explain else "no"
    if rule.places and rule.places.isdisjoint(findings.places_set):
        return f"none of the places {', '.join(spec.places)} is mentioned" if explain else "no"
    if rule.regex is not None and not rule.regex.search(hits.doc.raw):
        return f"regex {spec.regex!r} did not match" if explain else "no"
    if spec.relation and not findings.dealings:
        return NO_DEALINGS if explain else "no"
    if spec.relevant is not False and not _relevant_enough(spec.relevant, findings):
        return _not_relevant(spec, findings) if explain else "no"
    return _vetoed(rule, hits, explain) if rule.excludes else None


def _no_event(spec: RuleSpec, findings: Findings) -> str:
    """Why a rule's event condition fails: the events it asks for and those found."""
    wanted = ", ".join(c.describe() for c in spec.events)
    seen = ", ".join(sorted({e.type + (f"/{e.status}" if e.status else "") for e in findings.events})) or "none"
    return f"no event of {wanted} (found: {seen})"


def _no_person(rule: CompiledRule, findings: Findings) -> str:
    """Why a rule's people condition fails: the people it names, with who held its offices on the article's day."""
    who = [*rule.people, offices_table.describe_missing(rule.offices, _day(findings))] if rule.offices else rule.people
    return f"none of the people {', '.join(who)} is mentioned"


def _not_relevant(spec: RuleSpec, findings: Findings) -> str:
    """Why a rule's relevance condition fails: the article's relevance and the bar the rule sets."""
    if findings.relevance is None:
        return "not about armed conflict or diplomacy: relevance not judged (not English)"
    bar = "" if spec.relevant is True else f" (this rule asks for {spec.relevant:.2f})"
    return f"not about armed conflict or diplomacy: relevance {findings.relevance.describe()}{bar}"


def _vetoed(rule: CompiledRule, hits: Hits, explain: bool) -> str | None:
    """The first exclude of the rule that vetoes this article, as `failure` says it; None when none does."""
    positions = hits.positions
    for ex in rule.excludes:
        present = [tid for tid in ex.term_ids if tid in positions]
        if not present:
            continue
        in_title = any(hits.doc.sentence_at(p).is_title for tid in present for p in positions[tid])
        # A topic (a list of words) vetoes on real evidence: two different words, or one in the headline.
        if ex.topic and len(present) < 2 and not in_title:
            continue
        if not explain:
            return "no"
        named = dict(zip(ex.term_ids, ex.terms, strict=False))  # terms may be left empty
        words = ", ".join(named[tid].describe() for tid in present[:3])
        return f"vetoed by exclude {ex.label!r} ({words}): {hits.first_sentence(present[0])}"
    return None


def reason(rule: CompiledRule, hits: Hits, findings: Findings) -> str:
    """Why a matching rule matched: the evidence of each condition."""
    spec = rule.spec
    reasons: list[str] = []
    if rule.query is not None:
        positions = hits.positions
        first = next(((tid, written) for tid, written in rule.reason_terms if tid in positions), None)
        reasons.append(
            f"query matched {first[1]!r}: {hits.first_sentence(first[0])}" if first else f"query {spec.query!r} matched"
        )
    for cond in spec.events:
        found = _event_ok(cond, findings)
        if found:
            reasons.append(found)
            break
    if rule.people or rule.offices:
        hit = [n for n in rule.people if n in findings.people_set] or [
            n for n, tid in rule.people_terms if tid in hits.positions
        ]
        day = _day(findings)
        hit.extend(f"{h} ({o.name} on {day.isoformat()})" for o, h in _office_holders(rule, hits, findings))
        reasons.append("people: " + ", ".join(dict.fromkeys(hit)))
    if rule.places:
        reasons.append("places: " + _places_reason(rule, findings))
    if rule.regex is not None:
        m = rule.regex.search(hits.doc.raw)
        reasons.append(f"regex matched {m.group(0)!r}" if m else "regex matched")
    if spec.relation and findings.relation is not None:
        reasons.append(f"one state acting on another: {findings.relation}")
    elif spec.relation and findings.ahead is not None:
        reasons.append(f"talks or a visit ahead between two states: {findings.ahead}")
    elif spec.relation and findings.held is not None:
        reasons.append(f"a state holding or freeing another's national: {findings.held}")
    if spec.relevant is not False and findings.relevance is not None:
        reasons.append(f"about conflict or diplomacy: relevance {findings.relevance.describe()}")
    return "; ".join(reasons)


def _day(findings: Findings) -> date:
    """The day an article's offices are read on: its date, else today (an undated item is taken as news)."""
    return findings.day or datetime.now(UTC).date()


def _office_holders(rule: CompiledRule, hits: Hits, findings: Findings) -> list[tuple[offices_table.Office, str]]:
    """The rule's offices whose holder on the article's date the article names, with that holder."""
    return offices_table.holding(rule.offices, rule.office_terms, findings.people_set, hits.positions, _day(findings))


def _places_reason(rule: CompiledRule, findings: Findings) -> str:
    """The rule's places the article names, each with the groups that brought it in ("Sudan (in Africa)")."""
    parts = []
    for name in sorted(rule.places & findings.places_set):
        within = [g.name for g in rule.groups if name in g.members]
        parts.append(f"{name} (in {', '.join(within)})" if within else name)
    return ", ".join(parts)


def evaluate(rule: CompiledRule, hits: Hits, findings: Findings) -> tuple[bool, str]:
    """Whether one compiled rule matches, with the reason (or the first condition that failed)."""
    failed = failure(rule, hits, findings)
    if failed is not None:
        return False, failed
    return True, reason(rule, hits, findings)
