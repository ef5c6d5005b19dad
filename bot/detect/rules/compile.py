"""Watch rules compiled once: all rules' terms in one Aho-Corasick automaton, a trigger index, per-rule checks.

Each rule's query becomes a program over term ids (the opcodes of evaluate.py) and then one generated
Python function; rules are filed under their least common required key, so an article evaluates only
the rules whose necessary terms or findings occurred.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
import re2

from bot.detect import gazetteer
from bot.detect import groups as place_groups
from bot.detect import offices as offices_table
from bot.detect.query import (
    And,
    Near,
    Node,
    Not,
    Or,
    Term,
    parse_query,
    parse_term,
    terms_of,
)
from bot.detect.rules.evaluate import (
    AND,
    NEAR,
    NOT,
    OR,
    RELATION,
    RELEVANT,
    TERM,
    Check,
    Findings,
    Hits,
    Key,
    Program,
    evaluate,
    failure,
    near,
    reason,
    run_program,
)
from bot.detect.rules.spec import RuleSpec
from bot.detect.scan import Merged, with_shared
from bot.detect.text import Doc
from bot.errors import RuleError
from bot.models import (
    RuleMatch,
)

# The globals `exec` runs generated source in, and where it leaves the functions that source defines: open by
# nature (names made up at run time, read back by name as the functions they are).
_Namespace = dict[str, Any]
# (a headline relation, "h", is rare: a few items in a hundred)
_KEY_COST = {"p": 2, "c": 8, "r": 4, "e": 30, "m": 30, "h": 3}


def _cost(keys: frozenset[Key]) -> int:
    return sum(1 if isinstance(k, int) else _KEY_COST[k[0]] for k in keys)


def _program(node: Node, ids: dict[Term, int]) -> Program:
    if isinstance(node, Term):
        return (TERM, ids[node])
    if isinstance(node, And):
        return (AND, tuple(_program(p, ids) for p in node.parts))
    if isinstance(node, Or):
        return (OR, tuple(_program(p, ids) for p in node.parts))
    if isinstance(node, Not):
        return (NOT, _program(node.part, ids))
    return (
        NEAR,
        tuple(ids[t] for t in terms_of(node.left)),
        tuple(ids[t] for t in terms_of(node.right)),
        node.distance,
    )


def _source(prog: Program) -> str:
    """A program as a Python expression over `P` (positions) and `D` (doc); only ints and operators."""
    op = prog[0]
    if op == TERM:
        return f"{int(prog[1])} in P"
    if op in (AND, OR):
        joiner = " and " if op == AND else " or "
        return "(" + joiner.join(_source(p) for p in prog[1]) + ")"
    if op == NOT:
        return f"not ({_source(prog[1])})"
    left = ",".join(str(int(t)) for t in prog[1])
    right = ",".join(str(int(t)) for t in prog[2])
    return f"_near(P, D, ({left},), ({right},), {int(prog[3])})"


def _query_source(prog: Program | None) -> str:
    """`_source` of a rule's query; a rule without one always holds."""
    return _source(prog) if prog is not None else "True"


def _sweep_functions(rules: Sequence[CompiledRule], index: dict[Key, list[int]]) -> dict[Key, Any] | None:
    """For each trigger key, one generated function that runs the queries of all rules filed under it
    and reports the rules whose query holds: one Python call per key found in an article instead of one
    per candidate rule. None when Python cannot compile the source (the caller then checks rule by rule).
    """
    if not index:
        return None
    names: dict[Key, str] = {}
    chunks: list[str] = []
    for n, (key, members) in enumerate(index.items()):
        body = [f" if {_query_source(rules[i].program)}: A({int(i)})" for i in members]
        chunks.append(f"def k{n}(P, D, A):\n" + "\n".join(body))
        names[key] = f"k{n}"
    namespace: _Namespace = {"__builtins__": {}, "_near": near}
    try:
        # In slices: the compiler's syntax tree of one huge module would cost hundreds of megabytes.
        for start in range(0, len(chunks), 200):
            source = "\n".join(chunks[start : start + 200])
            exec(compile(source, "<rules>", "exec"), namespace)  # ints and operators only (see _source)
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None
    return {key: namespace[name] for key, name in names.items()}


def _check_function(prog: Program) -> Check:
    """A query program as one compiled function: far faster than walking the tuples for every article.

    The generated code holds nothing from the rule's text (term ids are ints), so it cannot inject
    anything. A program Python cannot compile (absurdly deep) falls back to the tuple walker.
    """
    try:
        code = compile(f"lambda P, D: {_source(prog)}", "<rule>", "eval")
        check: Check = eval(code, {"__builtins__": {}, "_near": near})
        return check
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return functools.partial(run_program, prog)


@dataclass(frozen=True, slots=True)
class _Exclude:
    label: str
    term_ids: tuple[int, ...]
    topic: bool
    terms: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A rule ready to evaluate: parsed query, resolved people and places, term ids, re2 pattern."""

    spec: RuleSpec
    query: Node | None
    term_ids: dict[Term, int]
    people: tuple[str, ...]  # canonical names
    people_terms: tuple[tuple[str, int], ...]  # (canonical name, term id) for names written in text
    countries: frozenset[str]
    regions: frozenset[str]
    excludes: tuple[_Exclude, ...]
    regex: Any | None
    triggers: frozenset[Key] | None
    required: tuple[frozenset[Key], ...] = ()
    program: Program | None = None
    check: Check | None = None  # the program compiled to a function
    gates: tuple[frozenset[Key], ...] = ()  # required sets other than the query's own (the check covers it)
    query_only: bool = False  # no events, people, places, regex or exclude: the check decides alone
    reason_terms: tuple[tuple[int, str], ...] = ()  # the query's positive terms: (term id, as written)
    places: frozenset[str] = frozenset()  # countries | regions: what an article's places_set must meet
    groups: tuple[place_groups.Group, ...] = ()  # the groups `places:` named (for the reason: "Sudan, in Africa")
    offices: tuple[offices_table.Office, ...] = ()  # offices `people:` named: their holders on the article's date
    office_terms: tuple[tuple[str, int], ...] = ()  # (holder's canonical name, term id) for every holder's name

    @property
    def name(self) -> str:
        """The rule's name."""
        return self.spec.name


def _variants(term: Term) -> set[str]:
    """Every spelling the automaton must know for a term (hyphen and space variants)."""
    words = term.key.split(" ")
    out = {term.key}
    if len(words) > 1:
        out.add("-".join(words))
        out.add("".join(words))
    elif len(term.key) >= 6 and term.key.isalpha():
        # "ceasefire" also matches "cease-fire": every hyphenated split with two letters on each side.
        for i in range(3, len(term.key) - 2):
            out.add(term.key[:i] + "-" + term.key[i:])
    return out


class CompiledRules:
    """All enabled rules compiled together: one automaton, a trigger index, and per-rule matchers."""

    def __init__(self, rules: Sequence[CompiledRule], disabled: Sequence[RuleSpec], terms: dict[Term, int]) -> None:
        self.rules = tuple(rules)
        self.disabled = tuple(disabled)
        self.terms = terms
        self.term_list: list[Term] = [t for t, _ in sorted(terms.items(), key=lambda kv: kv[1])]
        automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[int, bool]]] = {}
        for term, tid in terms.items():
            for variant in _variants(term):
                entries.setdefault(variant, []).append((tid, term.prefix))
        for key, value in entries.items():
            automaton.add_word(key, (len(key), tuple(value)))
        if entries:
            automaton.make_automaton()
        self.automaton = automaton if entries else None
        index: dict[Key, list[int]] = {}
        always: list[int] = []
        for i, rule in enumerate(self.rules):
            if rule.triggers is None:
                always.append(i)
            else:
                for trigger in rule.triggers:
                    index.setdefault(trigger, []).append(i)
        self.index = index
        self.always = tuple(always)
        self._sweeps = _sweep_functions(self.rules, index)

    def __len__(self) -> int:
        return len(self.rules)

    @functools.cached_property
    def merged(self) -> Merged | None:
        """The rules' terms and the shared automatons in one, so detection reads an article once for all
        (bot/detect/scan.py); None without terms."""
        return with_shared([self.automaton]) if self.automaton is not None else None

    @property
    def names(self) -> tuple[str, ...]:
        """Names of the enabled, compiled rules."""
        return tuple(r.name for r in self.rules)

    def scan(self, doc: Doc) -> Hits:
        """Find every rule term in the article in one pass over the folded text."""
        positions: dict[int, list[int]] = {}
        if self.automaton is not None:
            text = doc.folded
            n = len(text)
            get = positions.get
            for end, (length, values) in doc.hits(self.automaton):
                start = end - length + 1
                if start and text[start - 1].isalnum():
                    continue
                bounded = end + 1 >= n or not text[end + 1].isalnum()
                for tid, prefix in values:
                    if bounded or prefix:
                        found = get(tid)
                        if found is None:
                            positions[tid] = [start]
                        else:
                            found.append(start)
        return Hits(doc, positions)

    def candidates(self, hits: Hits, findings: Findings) -> list[int]:
        """Indices of rules that could match, given which terms and findings occurred (others cannot)."""
        chosen: set[int] = set(self.always)
        index = self.index
        for tid in hits.positions:
            chosen.update(index.get(tid, ()))
        for ev in findings.events:
            chosen.update(index.get(("e", ev.type), ()))
        if findings.casualties:
            chosen.update(index.get(("e", "casualties"), ()))
        for person in findings.people:
            chosen.update(index.get(("p", person.name), ()))
        # places_set: the countries named, and those of the places named inside them ("Darfur": Sudan).
        for country in findings.places_set:
            chosen.update(index.get(("c", country), ()))
        for region in findings.regions:
            chosen.update(index.get(("r", region), ()))
        if findings.relevance is not None:
            chosen.update(index.get(RELEVANT, ()))
        if findings.dealings:
            chosen.update(index.get(RELATION, ()))
        return sorted(chosen)

    def match(self, doc: Doc, findings: Findings, hits: Hits | None = None) -> list[RuleMatch]:
        """The rules that match the article, each with a human reason."""
        hits = hits or self.scan(doc)
        out: list[RuleMatch] = []
        present: set[Key] = set(hits.positions)
        present.update(("e", e.type) for e in findings.events)
        if findings.casualties:
            present.add(("e", "casualties"))
        present.update(("p", p.name) for p in findings.people)
        present.update(("c", c) for c in findings.countries)
        present.update(("r", r) for r in findings.regions)
        present.update(("c", c) for c in findings.places_set)
        if findings.relevance is not None:
            present.add(RELEVANT)
        if findings.dealings:
            present.add(RELATION)
        positions = hits.positions
        doc = hits.doc
        rules = self.rules
        if self._sweeps is None:
            checked, chosen = False, self.candidates(hits, findings)
        else:
            checked, chosen = True, self._swept(hits, findings)
        for i in chosen:
            rule = rules[i]
            # Every required part needs one of its keys present; checking that is a few set operations.
            if rule.gates and any(present.isdisjoint(req) for req in rule.gates):
                continue
            if not checked and rule.check is not None and not rule.check(positions, doc):
                continue
            if rule.query_only or failure(rule, hits, findings, explain=False, query_checked=True) is None:
                out.append(RuleMatch(rule.spec.name, reason(rule, hits, findings), rule.spec.severity))
        return out

    def _swept(self, hits: Hits, findings: Findings) -> list[int]:
        """Like `candidates`, but each present key's generated function has already run the queries of
        the rules filed under it: only rules whose query holds come back."""
        assert self._sweeps is not None
        found: set[int] = set()
        add = found.add
        sweeps = self._sweeps
        positions = hits.positions
        doc = hits.doc
        for tid in positions:
            if (sweep := sweeps.get(tid)) is not None:
                sweep(positions, doc, add)
        keys: list[Key] = [("e", ev.type) for ev in findings.events]
        if findings.casualties:
            keys.append(("e", "casualties"))
        keys.extend(("p", person.name) for person in findings.people)
        keys.extend(("c", country) for country in findings.places_set)
        keys.extend(("r", region) for region in findings.regions)
        if findings.relevance is not None:
            keys.append(RELEVANT)
        if findings.dealings:
            keys.append(RELATION)
        for key in keys:
            if (sweep := sweeps.get(key)) is not None:
                sweep(positions, doc, add)
        for i in self.always:
            check = self.rules[i].check
            if check is None or check(positions, doc):
                add(i)
        return sorted(found)

    def explain(self, doc: Doc, findings: Findings, hits: Hits | None = None) -> list[tuple[str, bool, str]]:
        """Every rule (disabled ones too) with whether it matched and why or why not."""
        hits = hits or self.scan(doc)
        rows = [(rule.name, *evaluate(rule, hits, findings)) for rule in self.rules]
        rows.extend((spec.name, False, "rule is disabled") for spec in self.disabled)
        return rows


def _need(node: Node, ids: dict[Term, int]) -> frozenset[Key] | None:
    """A set of keys of which at least one must be present for the node to hold (None: no such set)."""
    if isinstance(node, Term):
        return frozenset({ids[node]})
    if isinstance(node, Or):
        union: set[Key] = set()
        for part in node.parts:
            need = _need(part, ids)
            if need is None:
                return None
            union |= need
        return frozenset(union)
    if isinstance(node, And):
        found = [s for s in (_need(p, ids) for p in node.parts) if s is not None]
        return min(found, key=_cost) if found else None
    if isinstance(node, Near):
        sides = [s for s in (_need(node.left, ids), _need(node.right, ids)) if s is not None]
        return min(sides, key=_cost) if sides else None
    return None


def compile_rules(specs: Iterable[RuleSpec]) -> tuple[CompiledRules, list[RuleError]]:
    """Compile rules once; a broken rule becomes a RuleError and is left out, the others still compile."""
    terms: dict[Term, int] = {}
    compiled: list[CompiledRule] = []
    disabled: list[RuleSpec] = []
    errors: list[RuleError] = []
    names: set[str] = set()
    for spec in specs:
        if spec.name in names:
            errors.append(RuleError(spec.name, "duplicate rule name", hint="give every rule its own name"))
            continue
        names.add(spec.name)
        if not spec.enabled:
            disabled.append(spec)
            continue
        try:
            parsed = _parse(spec)
        except RuleError as exc:
            errors.append(exc)
            continue
        compiled.append(_compile(spec, parsed, terms))
    return CompiledRules(compiled, disabled, terms), errors


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What a rule's spec says, parsed and resolved against the tables (every RuleError is raised here)."""

    query: Node | None
    regex: Any | None
    excludes: list[tuple[str, list[Term], bool]]  # (label, terms, a topic)
    people: list[str]  # canonical names
    people_terms: list[tuple[str, Term]]  # (canonical name, a form of it)
    offices: list[offices_table.Office]
    countries: set[str]
    regions: set[str]
    groups: list[place_groups.Group]


def _parse(spec: RuleSpec) -> _Parsed:
    """Parse the query, regex and excludes of a spec and resolve its people and places."""
    query = parse_query(spec.name, spec.query) if spec.query is not None else None
    regex = _compile_regex(spec.name, spec.regex) if spec.regex is not None else None
    return _Parsed(query, regex, _excludes(spec), *_people(spec), *_places(spec))


def _excludes(spec: RuleSpec) -> list[tuple[str, list[Term], bool]]:
    """The spec's excludes: a topic's name stands for its terms, anything else is one term."""
    topics = gazetteer.topics()
    out: list[tuple[str, list[Term], bool]] = []
    for entry in spec.exclude:
        if entry.strip().lower() in topics:
            topic_terms = [parse_term(spec.name, t) for t in topics[entry.strip().lower()]]
            out.append((entry.strip().lower(), topic_terms, True))
        else:
            out.append((entry, [parse_term(spec.name, entry)], False))
    return out


def _people(spec: RuleSpec) -> tuple[list[str], list[tuple[str, Term]], list[offices_table.Office]]:
    """The spec's people: watched or written names with the forms to look for, and the offices named."""
    gz_people = gazetteer.people()
    names: list[str] = []
    terms: list[tuple[str, Term]] = []
    offices: list[offices_table.Office] = []
    for written in spec.people:
        if not written.strip():
            raise RuleError(spec.name, "empty name in people", hint="write a full name, e.g. Nikol Pashinyan")
        if (office := offices_table.table().find(written)) is not None:
            offices.append(office)
            continue
        watched = gz_people.lookup(written)
        if watched is None and offices_table.office_like(written):
            raise RuleError(spec.name, f"unknown office {written!r}", hint=offices_table.hint(written))
        canonical = watched.name if watched else " ".join(written.split())
        names.append(canonical)
        forms = {written, canonical}
        if watched:
            forms.update(f for f, w in gz_people.by_form.items() if w == watched)
        for form in forms:
            terms.append((canonical, parse_term(spec.name, form)))
    return names, terms, offices


def _places(spec: RuleSpec) -> tuple[set[str], set[str], list[place_groups.Group]]:
    """The spec's places as countries and regions, and the groups named."""
    countries: set[str] = set()
    regions: set[str] = set()
    groups: list[place_groups.Group] = []
    for written in spec.places:
        # A group ("Africa", "NATO") is expanded here, once, to its member countries.
        found_c, found_r, group = place_groups.resolve(written)
        if not found_c and not found_r:
            raise RuleError(spec.name, f"unknown place {written!r}", hint=_place_hint(written))
        countries |= found_c
        regions |= found_r
        if group is not None:
            groups.append(group)
    return countries, regions, groups


def _compile(spec: RuleSpec, parsed: _Parsed, terms: dict[Term, int]) -> CompiledRule:
    """A parsed rule compiled: its terms numbered in `terms` (shared by all rules), its required keys, its check."""

    def term_id(term: Term) -> int:
        if term not in terms:
            terms[term] = len(terms)
        return terms[term]

    query = parsed.query
    local = {term: term_id(term) for term in (terms_of(query) if query is not None else [])}
    exclude_objs = tuple(
        _Exclude(label, tuple(term_id(t) for t in ts), topic, tuple(ts)) for label, ts, topic in parsed.excludes
    )
    people_ids = tuple((name, term_id(t)) for name, t in parsed.people_terms)
    holders = {h for office in parsed.offices for h in office.holders}
    office_ids = tuple(
        (h, term_id(parse_term(spec.name, form))) for h in sorted(holders) for form in offices_table.name_forms(h)
    )
    required = _required(spec, parsed, local, holders, people_ids + office_ids)
    triggers = min(required, key=_cost) if required else None
    program = _program(query, local) if query is not None else None
    gates = tuple(required[1:] if query is not None and required and required[0] == _need(query, local) else required)
    return CompiledRule(
        spec=spec,
        query=query,
        term_ids=local,
        people=tuple(parsed.people),
        people_terms=people_ids,
        countries=frozenset(parsed.countries),
        regions=frozenset(parsed.regions),
        excludes=exclude_objs,
        regex=parsed.regex,
        triggers=triggers,
        required=tuple(required),
        program=program,
        check=_check_function(program) if program is not None else None,
        gates=gates,
        query_only=program is not None and _query_decides(spec, parsed, exclude_objs),
        reason_terms=tuple(dict.fromkeys((local[t], t.describe()) for t in _positive_terms(query)))
        if query is not None
        else (),
        places=frozenset(parsed.countries) | frozenset(parsed.regions),
        groups=tuple(parsed.groups),
        offices=tuple(parsed.offices),
        office_terms=office_ids,
    )


def _query_decides(spec: RuleSpec, parsed: _Parsed, excludes: tuple[_Exclude, ...]) -> bool:
    """Whether a rule's query alone decides it: no event, person, office, place, relevance, regex or exclude to
    check once the query matches."""
    return not (
        spec.events
        or parsed.people
        or parsed.offices
        or parsed.countries
        or parsed.regions
        or spec.relevant is not False
        or spec.relation
        or parsed.regex is not None
        or excludes
    )


def _required(
    spec: RuleSpec,
    parsed: _Parsed,
    local: dict[Term, int],
    holders: set[str],
    name_ids: tuple[tuple[str, int], ...],
) -> list[frozenset[Key]]:
    """The rule's required parts, each a set of keys one of which must be present (the query's first): the rule
    can only match if every part has one (the smallest is its trigger)."""
    required: list[frozenset[Key]] = []
    if parsed.query is not None and (need := _need(parsed.query, local)) is not None:
        required.append(need)
    if spec.events:
        required.append(frozenset(("e", c.type) for c in spec.events))
    if parsed.people or parsed.offices:
        required.append(frozenset([("p", n) for n in (*parsed.people, *holders)] + [i for _, i in name_ids]))
    if parsed.countries or parsed.regions:
        gz_places = gazetteer.places()
        region_countries = {c for r in parsed.regions for c in gz_places.regions[r].countries}
        required.append(
            frozenset(
                [("c", c) for c in parsed.countries]
                + [("r", r) for r in parsed.regions]
                + [("c", c) for c in region_countries]
            )
        )
    if spec.relevant is not False:
        required.append(frozenset([RELEVANT]))
    if spec.relation:
        required.append(frozenset([RELATION]))
    return required


def _place_hint(written: str) -> str:
    """What to write instead of an unknown place: the nearest known names, and where the list is."""
    nearest = place_groups.groups().suggest(written)
    return (
        (f"did you mean {' or '.join(nearest)}? " if nearest else "")
        + "write a country (Armenia, AM), a place in one (Gaza, Darfur), a region or a group "
        "(Africa, Middle East, NATO): `diplobot places` lists them"
    )


def _compile_regex(rule: str, pattern: str) -> Any:
    """Compile with google-re2 only (linear time); anything RE2 cannot run is a RuleError."""
    options = re2.Options()
    options.log_errors = False
    options.max_mem = 8 << 20
    try:
        return re2.compile(pattern, options)
    except (re2.error, TypeError, ValueError) as exc:  # RE2's own error for bad syntax; others for bad input
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        return _raise_regex(rule, pattern, detail)


def _raise_regex(rule: str, pattern: str, detail: str) -> Any:
    position = None
    for token in ("(?=", "(?!", "(?<=", "(?<!", "\\1", "\\2"):
        if token in pattern:
            position = pattern.index(token)
            break
    raise RuleError(
        rule,
        f"regex rejected by RE2: {detail}",
        position=position,
        hint="RE2 has no lookaround or backreferences; use a query term or a simpler pattern",
    )


def _positive_terms(node: Node) -> list[Term]:
    """The terms whose presence can make a query match (those under a NOT cannot)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, (And, Or)):
        return [t for p in node.parts for t in _positive_terms(p)]
    if isinstance(node, Not):
        return []
    return terms_of(node)
