"""Watch rules: the YAML/pydantic model, loading with precise errors, and one-pass compiled matching.

A rule matches an article when every condition it states holds (query AND events AND people AND places
AND regex) and no `exclude` entry vetoes it. All rules' terms live in one Aho-Corasick automaton that
scans the folded article text once; each rule is then evaluated from the hit positions, and only rules
whose necessary terms or findings occurred are evaluated at all.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import ahocorasick
import re2
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.detect import gazetteer
from bot.detect import groups as place_groups
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
from bot.detect.text import Doc
from bot.errors import ConfigError, RuleError
from bot.limits import MAX_DESCRIPTION, MAX_ITEM, MAX_LIST_ITEMS, MAX_QUERY, MAX_RULES_FILE_BYTES, too_big, too_many
from bot.models import (
    CASUALTY_KINDS,
    CEASEFIRE_STATUSES,
    EVENT_TYPES,
    Casualty,
    Event,
    Person,
    Relevance,
    RuleMatch,
)
from bot.validation import describe, field_of

EventType = Literal["ceasefire", "casualties", "clash", "talks", "agreement", "sanctions"]
CeasefireStatus = Literal["agreed", "violated", "collapsed", "extended", "proposed", "holding", "talks"]
CasualtyKind = Literal["killed", "dead", "wounded", "injured", "missing"]
# What a casualty figure comes from (bot.detect.casualties); None on a figure is "unclear".
CasualtyCause = Literal["conflict", "disaster", "accident", "disease", "crime"]

assert set(get_args(EventType)) == set(EVENT_TYPES)
assert set(get_args(CeasefireStatus)) == set(CEASEFIRE_STATUSES)
assert set(get_args(CasualtyKind)) == set(CASUALTY_KINDS)


class EventCondition(BaseModel):
    """One event a rule asks for: a type, plus statuses (ceasefire) or a minimum count and kinds (casualties)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: EventType
    statuses: list[CeasefireStatus] = Field(default_factory=list)
    min_count: int = Field(default=1, ge=1)
    kinds: list[CasualtyKind] = Field(default_factory=list)
    include_background: bool = False
    causes: list[CasualtyCause] = Field(default_factory=list)  # empty: any cause

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        # "ceasefire" is shorthand for {type: ceasefire}.
        return {"type": value} if isinstance(value, str) else value

    def describe(self) -> str:
        """The condition in words."""
        if self.type == "ceasefire" and self.statuses:
            return f"ceasefire ({'/'.join(self.statuses)})"
        if self.type == "casualties":
            kinds = "/".join(self.kinds) or "casualties"
            causes = f" of {'/'.join(self.causes)}" if self.causes else ""
            return f"{self.min_count}+ {kinds}{causes}{'' if self.include_background else ' (current)'}"
        return self.type


class RuleSpec(BaseModel):
    """One watch rule as written in rules.yaml or stored in the database."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    description: str | None = Field(None, max_length=MAX_DESCRIPTION)
    query: str | None = Field(None, max_length=MAX_QUERY)
    events: list[EventCondition] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    people: list[Annotated[str, Field(max_length=MAX_ITEM)]] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    places: list[Annotated[str, Field(max_length=MAX_ITEM)]] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    exclude: list[Annotated[str, Field(max_length=MAX_ITEM)]] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    regex: str | None = Field(None, max_length=MAX_QUERY)
    # true: the item must be about armed conflict or diplomacy, as the relevance model judges its headline
    # and lead (bot/model/relevance.py), explained with the terms that decided it; a number between 0 and 1
    # asks for at least that score (stricter or looser than the model's own threshold).
    relevant: bool | Annotated[float, Field(gt=0.0, lt=1.0)] = False
    severity: Literal["flash", "urgent", "routine"] = "routine"
    enabled: bool = True

    @field_validator("name")
    @classmethod
    def _name_is_one_line(cls, value: str) -> str:
        # Names end up in file names, shell commands, slash-command arguments and chat: a safe alphabet
        # (RULES.md) keeps out path tricks (`/`, `../`), option look-alikes (`-x`) and invisible or
        # direction-changing characters (tabs, U+202E).
        alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        bad = next((i for i, ch in enumerate(value) if ch not in (alnum if i == 0 else alnum + "-_.")), None)
        if value and bad is None:
            return value
        bad = bad or 0
        found = f"{value[bad]!r} (U+{ord(value[bad]):04X}) at position {bad}" if value else "an empty name"
        raise ValueError(
            "a rule name uses only the letters A-Z and a-z, the digits 0-9, '-', '_' and '.', and starts with a "
            f"letter or digit, e.g. armenia-ceasefire; found {found}"
        )

    @model_validator(mode="after")
    def _has_a_condition(self) -> RuleSpec:
        if (
            self.query is None
            and self.regex is None
            and not (self.events or self.people or self.places or self.relevant is not False)
        ):
            raise ValueError("a rule needs at least one of query, events, people, places, regex or relevant")
        return self


def load_rules_file(path: str | Path) -> list[RuleSpec]:
    """Read a rules.yaml (`rules:` list); a structural problem raises one ConfigError naming the spot."""
    file = str(path)
    try:
        with Path(path).open("rb") as handle:  # never more than the cap in memory, nor parsed
            data = handle.read(MAX_RULES_FILE_BYTES + 1)
            size = len(data) if len(data) <= MAX_RULES_FILE_BYTES else os.fstat(handle.fileno()).st_size
        if (why := too_big(size)) is not None:
            raise ConfigError(why, file=file)
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (byte {exc.start})", file=file) from None
    except OSError as exc:
        raise ConfigError(f"cannot read the rules file ({exc.strerror or exc})", file=file) from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"not valid YAML{where}", file=file, expected="a YAML mapping with a 'rules:' list") from exc
    return rules_from_data(data, file=file)


def rules_from_data(data: Any, *, file: str | None = None) -> list[RuleSpec]:
    """Validate already-parsed rules data ({"rules": [...]}) into RuleSpecs, raising ConfigError."""
    if not isinstance(data, dict) or "rules" not in data:
        found = type(data).__name__ if not isinstance(data, dict) else sorted(map(str, data))
        raise ConfigError(
            "missing the top-level 'rules' key",
            file=file,
            field="rules",
            found=found,
            expected="a mapping with a 'rules:' list",
        )
    entries = data["rules"]
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ConfigError(
            "'rules' must be a list",
            file=file,
            field="rules",
            found=type(entries).__name__,
            expected="a list of rule mappings",
        )
    if (why := too_many(len(entries))) is not None:
        raise ConfigError(why, file=file, field="rules")
    specs: list[RuleSpec] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        label: str = (
            str(entry.get("name"))
            if isinstance(entry, dict) and isinstance(entry.get("name"), str)
            else f"#{index + 1}"
        )
        if not isinstance(entry, dict):
            raise ConfigError(
                "a rule must be a mapping",
                file=file,
                entry=label,
                found=entry,
                expected="a mapping with name and conditions",
            )
        try:
            spec = RuleSpec.model_validate(entry)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = field_of(err)
            bad_input: Any = err.get("input") if err["type"] != "missing" else None
            if err["type"] in ("string_too_long", "too_long"):  # say how long, never echo a megabyte
                bad_input = f"{len(bad_input):,} {'characters' if isinstance(bad_input, str) else 'entries'}"
            message, expected = describe(err)
            if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:  # a rule's own field, not an event's
                expected = (
                    "only name, description, query, events, people, places, exclude, regex, relevant, severity, enabled"
                )
            raise ConfigError(message, file=file, entry=label, field=loc, found=bad_input, expected=expected) from exc
        if spec.name in seen:
            raise ConfigError(
                "duplicate rule name",
                file=file,
                entry=label,
                field="name",
                found=spec.name,
                expected=f"a name not used by rule #{seen[spec.name] + 1}",
            )
        seen[spec.name] = index
        specs.append(spec)
    return specs


# --- compilation -------------------------------------------------------------------------------------

# A trigger key: a term id (int), or ("e", event type) | ("p", person) | ("c", country) | ("r", region)
# | RELEVANT (the relevance model judged the item about conflict or diplomacy).
Key = int | tuple[str, str]
# How common a key is, roughly: an event type occurs in many articles, a watch term in few. The index
# files each rule under its least common required set, so few rules are ever evaluated.
_KEY_COST = {"p": 2, "c": 8, "r": 4, "e": 30, "m": 30}
RELEVANT: Key = ("m", "relevant")


def _cost(keys: frozenset[Key]) -> int:
    return sum(1 if isinstance(k, int) else _KEY_COST[k[0]] for k in keys)


# A query compiled to tuples over term ids (fast to walk): (0, tid) term, (1, parts) and, (2, parts) or,
# (3, part) not, (4, left tids, right tids, distance) near.
Program = tuple[Any, ...]
# A query compiled to one Python function of the hit positions and the doc (see _check_function).
Check = Callable[[dict[int, list[int]], Doc], bool]


def _program(node: Node, ids: dict[Term, int]) -> Program:
    if isinstance(node, Term):
        return (0, ids[node])
    if isinstance(node, And):
        return (1, tuple(_program(p, ids) for p in node.parts))
    if isinstance(node, Or):
        return (2, tuple(_program(p, ids) for p in node.parts))
    if isinstance(node, Not):
        return (3, _program(node.part, ids))
    return (4, tuple(ids[t] for t in terms_of(node.left)), tuple(ids[t] for t in terms_of(node.right)), node.distance)


def _source(prog: Program) -> str:
    """A program as a Python expression over `P` (positions) and `D` (doc); only ints and operators."""
    op = prog[0]
    if op == 0:
        return f"{int(prog[1])} in P"
    if op in (1, 2):
        joiner = " and " if op == 1 else " or "
        return "(" + joiner.join(_source(p) for p in prog[1]) + ")"
    if op == 3:
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
    namespace: dict[str, Any] = {"__builtins__": {}, "_near": _near}
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
        check: Check = eval(code, {"__builtins__": {}, "_near": _near})
        return check
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return functools.partial(_eval, prog)


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

    @property
    def name(self) -> str:
        """The rule's name."""
        return self.spec.name


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
            for end, (length, values) in self.automaton.iter(text):
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
            if rule.query_only or _failure(rule, hits, findings, explain=False, query_checked=True) is None:
                out.append(RuleMatch(rule.spec.name, _reason(rule, hits, findings), rule.spec.severity))
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
    gz_people = gazetteer.people()
    gz_places = gazetteer.places()
    topics = gazetteer.topics()

    def term_id(term: Term) -> int:
        if term not in terms:
            terms[term] = len(terms)
        return terms[term]

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
            local: dict[Term, int] = {}
            query = parse_query(spec.name, spec.query) if spec.query is not None else None
            pending: list[Term] = terms_of(query) if query is not None else []
            regex = None
            if spec.regex is not None:
                regex = _compile_regex(spec.name, spec.regex)
            excludes: list[tuple[str, list[Term], bool]] = []
            for entry in spec.exclude:
                if entry.strip().lower() in topics:
                    topic_terms = [parse_term(spec.name, t) for t in topics[entry.strip().lower()]]
                    excludes.append((entry.strip().lower(), topic_terms, True))
                else:
                    excludes.append((entry, [parse_term(spec.name, entry)], False))
            people_names: list[str] = []
            people_terms: list[tuple[str, Term]] = []
            for written in spec.people:
                if not written.strip():
                    raise RuleError(spec.name, "empty name in people", hint="write a full name, e.g. Nikol Pashinyan")
                watched = gz_people.lookup(written)
                canonical = watched.name if watched else " ".join(written.split())
                people_names.append(canonical)
                forms = {written, canonical}
                if watched:
                    forms.update(f for f, w in gz_people.by_form.items() if w == watched)
                for form in forms:
                    people_terms.append((canonical, parse_term(spec.name, form)))
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
        except RuleError as exc:
            errors.append(exc)
            continue
        for term in pending:
            local[term] = term_id(term)
        exclude_objs = tuple(
            _Exclude(label, tuple(term_id(t) for t in ts), topic, tuple(ts)) for label, ts, topic in excludes
        )
        people_ids = tuple((name, term_id(t)) for name, t in people_terms)
        # Trigger keys: the rule can only match if one of these occurred (the smallest required set).
        required: list[frozenset[Key]] = []
        if query is not None and (need := _need(query, local)) is not None:
            required.append(need)
        if spec.events:
            required.append(frozenset(("e", c.type) for c in spec.events))
        if people_names:
            required.append(frozenset([("p", n) for n in people_names] + [i for _, i in people_ids]))
        if countries or regions:
            region_countries = {c for r in regions for c in gz_places.regions[r].countries}
            required.append(
                frozenset(
                    [("c", c) for c in countries] + [("r", r) for r in regions] + [("c", c) for c in region_countries]
                )
            )
        if spec.relevant is not False:
            required.append(frozenset([RELEVANT]))
        triggers = min(required, key=_cost) if required else None
        program = _program(query, local) if query is not None else None
        gates = tuple(
            required[1:] if query is not None and required and required[0] == _need(query, local) else required
        )
        compiled.append(
            CompiledRule(
                spec=spec,
                query=query,
                term_ids=local,
                people=tuple(people_names),
                people_terms=people_ids,
                countries=frozenset(countries),
                regions=frozenset(regions),
                excludes=exclude_objs,
                regex=regex,
                triggers=triggers,
                required=tuple(required),
                program=program,
                check=_check_function(program) if program is not None else None,
                gates=gates,
                query_only=program is not None
                and not (
                    spec.events
                    or people_names
                    or countries
                    or regions
                    or spec.relevant is not False
                    or regex is not None
                    or exclude_objs
                ),
                reason_terms=tuple(dict.fromkeys((local[t], t.describe()) for t in _positive_terms(query)))
                if query is not None
                else (),
                places=frozenset(countries) | frozenset(regions),
                groups=tuple(groups),
            )
        )
    return CompiledRules(compiled, disabled, terms), errors


def _place_hint(written: str) -> str:
    """What to write instead of an unknown place: the nearest known names, and where the list is."""
    near = place_groups.groups().suggest(written)
    return (
        (f"did you mean {' or '.join(near)}? " if near else "")
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


# --- evaluation --------------------------------------------------------------------------------------


def _eval(prog: Program, positions: dict[int, list[int]], doc: Doc) -> bool:
    op = prog[0]
    if op == 0:
        return prog[1] in positions
    if op == 1:
        return all(_eval(p, positions, doc) for p in prog[1])
    if op == 2:
        return any(_eval(p, positions, doc) for p in prog[1])
    if op == 3:
        return not _eval(prog[1], positions, doc)
    return _near(positions, doc, prog[1], prog[2], prog[3])


def _near(
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


def _positive_terms(node: Node) -> list[Term]:
    """The terms whose presence can make a query match (those under a NOT cannot)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, (And, Or)):
        return [t for p in node.parts for t in _positive_terms(p)]
    if isinstance(node, Not):
        return []
    return terms_of(node)


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


def _failure(
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
        if not explain:
            return "no"
        wanted = ", ".join(c.describe() for c in spec.events)
        seen = ", ".join(sorted({e.type + (f"/{e.status}" if e.status else "") for e in findings.events})) or "none"
        return f"no event of {wanted} (found: {seen})"
    if rule.people and not (
        any(n in findings.people_set for n in rule.people) or any(tid in positions for _, tid in rule.people_terms)
    ):
        return f"none of the people {', '.join(rule.people)} is mentioned" if explain else "no"
    if rule.places and rule.places.isdisjoint(findings.places_set):
        return f"none of the places {', '.join(spec.places)} is mentioned" if explain else "no"
    if rule.regex is not None and not rule.regex.search(hits.doc.raw):
        return f"regex {spec.regex!r} did not match" if explain else "no"
    if spec.relevant is not False and not _relevant_enough(spec.relevant, findings):
        if not explain:
            return "no"
        if findings.relevance is None:
            return "not about armed conflict or diplomacy: relevance not judged (not English)"
        bar = "" if spec.relevant is True else f" (this rule asks for {spec.relevant:.2f})"
        return f"not about armed conflict or diplomacy: relevance {findings.relevance.describe()}{bar}"
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


def _reason(rule: CompiledRule, hits: Hits, findings: Findings) -> str:
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
    if rule.people:
        hit = [n for n in rule.people if n in findings.people_set] or [
            n for n, tid in rule.people_terms if tid in hits.positions
        ]
        reasons.append("people: " + ", ".join(dict.fromkeys(hit)))
    if rule.places:
        reasons.append("places: " + _places_reason(rule, findings))
    if rule.regex is not None:
        m = rule.regex.search(hits.doc.raw)
        reasons.append(f"regex matched {m.group(0)!r}" if m else "regex matched")
    if spec.relevant is not False and findings.relevance is not None:
        reasons.append(f"about conflict or diplomacy: relevance {findings.relevance.describe()}")
    return "; ".join(reasons)


def _places_reason(rule: CompiledRule, findings: Findings) -> str:
    """The rule's places the article names, each with the groups that brought it in ("Sudan (in Africa)")."""
    parts = []
    for name in sorted(rule.places & findings.places_set):
        within = [g.name for g in rule.groups if name in g.members]
        parts.append(f"{name} (in {', '.join(within)})" if within else name)
    return ", ".join(parts)


def evaluate(rule: CompiledRule, hits: Hits, findings: Findings) -> tuple[bool, str]:
    """Whether one compiled rule matches, with the reason (or the first condition that failed)."""
    failure = _failure(rule, hits, findings)
    if failure is not None:
        return False, failure
    return True, _reason(rule, hits, findings)


def dump_rules(specs: Iterable[RuleSpec]) -> dict[str, Any]:
    """Rules as plain data ({"rules": [...]}) for YAML export or storage."""
    return {"rules": [s.model_dump(mode="json", exclude_defaults=True) for s in specs]}


__all__ = [
    "CompiledRule",
    "CompiledRules",
    "EventCondition",
    "Findings",
    "Hits",
    "RuleSpec",
    "compile_rules",
    "dump_rules",
    "evaluate",
    "load_rules_file",
    "rules_from_data",
]
