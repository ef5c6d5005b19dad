"""The watch-rule query language: parse a boolean expression into a small typed tree.

Grammar (operators are case-insensitive; adjacent terms mean AND):

    query   := or
    or      := and ("OR" and)*
    and     := not (["AND"] not)*
    not     := "NOT" not | near
    near    := atom ("NEAR/" n atom)*
    atom    := "(" query ")" | '"' phrase '"' | word | word"*"

A word or phrase ending in `*` is a prefix wildcard (`negotiat*`). Terms are folded like article text
(case, diacritics, curly quotes, hyphens), so `cease-fire`, `ceasefire` and `cease fire` are one term.
Every syntax error becomes a `RuleError` with the position (0-based character offset) and a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.detect.text import fold
from bot.errors import RuleError


@dataclass(frozen=True, slots=True)
class Term:
    """A word, phrase or prefix; `key` is its folded, space-normalised form."""

    key: str
    prefix: bool = False

    def describe(self) -> str:
        """The term as a person would write it."""
        return (
            f'"{self.key}{"*" if self.prefix else ""}"' if " " in self.key else self.key + ("*" if self.prefix else "")
        )


@dataclass(frozen=True, slots=True)
class And:
    """All parts must hold."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """At least one part must hold."""

    parts: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """The part must not hold anywhere in the article."""

    part: Node


@dataclass(frozen=True, slots=True)
class Near:
    """Both sides occur within `distance` words of each other."""

    left: Node
    right: Node
    distance: int


Node = Term | And | Or | Not | Near

_OPERATORS = {"and", "or", "not"}
_NEAR = re.compile(r"near/(\d+)$", re.IGNORECASE)
_TERM_CHARS = re.compile(r"[^\s()\"]+")
MAX_NEAR = 100
MAX_LENGTH = 4000
MAX_DEPTH = 32  # nested parentheses and NOTs: deeper is a mistake, and unbounded depth would exhaust the stack


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word, phrase, lparen, rparen, and, or, not, near
    text: str
    pos: int
    distance: int = 0


def _normal_key(raw: str) -> str:
    # Hyphens become word breaks: the matcher expands "cease fire" into cease-fire/ceasefire/cease fire.
    folded = fold(raw).replace("-", " ")
    return " ".join(folded.split())


def _tokenize(rule: str, text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "(":
            tokens.append(_Token("lparen", c, i))
            i += 1
        elif c == ")":
            tokens.append(_Token("rparen", c, i))
            i += 1
        elif c in '"\u201c\u201d':
            end = i + 1
            while end < n and text[end] not in '"\u201c\u201d':
                end += 1
            if end >= n:
                raise RuleError(rule, "unterminated quoted phrase", position=i, hint='close the phrase with "')
            tokens.append(_Token("phrase", text[i + 1 : end], i))
            i = end + 1
        else:
            m = _TERM_CHARS.match(text, i)
            assert m is not None  # any other character starts a term
            word = m.group(0)
            low = word.lower()
            near = _NEAR.match(word)
            if low in _OPERATORS:
                tokens.append(_Token(low, word, i))
            elif near:
                distance = int(near.group(1)) if len(near.group(1)) <= 4 else MAX_NEAR + 1
                if not 1 <= distance <= MAX_NEAR:
                    raise RuleError(rule, f"NEAR distance must be 1..{MAX_NEAR}", position=i, hint="write e.g. NEAR/5")
                tokens.append(_Token("near", word, i, distance))
            elif low.startswith("near/") or low == "near":
                raise RuleError(
                    rule,
                    f"malformed proximity operator {word!r}",
                    position=i,
                    hint="write NEAR/n with a word count, e.g. talks NEAR/5 ceasefire",
                )
            else:
                tokens.append(_Token("word", word, i))
            i = m.end()
    return tokens


class _Parser:
    def __init__(self, rule: str, text: str) -> None:
        self.rule = rule
        self.text = text
        self.tokens = _tokenize(rule, text)
        self.i = 0
        self.depth = 0

    def deeper(self, tok: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(
                f"nested more than {MAX_DEPTH} levels deep",
                tok.pos,
                "flatten the query: A OR B OR C needs no parentheses, NOT NOT x is x",
            )

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def error(self, message: str, pos: int | None, hint: str) -> RuleError:
        return RuleError(self.rule, message, position=len(self.text) if pos is None else pos, hint=hint)

    def parse(self) -> Node:
        if not self.tokens:
            raise self.error("empty query", 0, 'write at least one term, e.g. ceasefire OR "peace talks"')
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:
            if tok.kind == "rparen":
                raise self.error("unbalanced ')'", tok.pos, "remove it or add the matching '('")
            raise self.error(f"unexpected {tok.text!r}", tok.pos, "join terms with AND, OR or NOT")
        return node

    def parse_or(self) -> Node:
        parts = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.i += 1
            parts.append(self.parse_and(after=tok))
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self, after: _Token | None = None) -> Node:
        parts = [self.parse_not(after)]
        while (tok := self.peek()) is not None and tok.kind in ("and", "not", "word", "phrase", "lparen"):
            if tok.kind == "and":
                self.i += 1
                parts.append(self.parse_not(tok))
            else:
                parts.append(self.parse_not(None))
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_not(self, after: _Token | None) -> Node:
        tok = self.peek()
        if tok is not None and tok.kind == "not":
            self.i += 1
            self.deeper(tok)
            node = Not(self.parse_not(tok))
            self.depth -= 1
            return node
        return self.parse_near(after)

    def parse_near(self, after: _Token | None) -> Node:
        left = self.parse_atom(after)
        while (tok := self.peek()) is not None and tok.kind == "near":
            self.i += 1
            right = self.parse_atom(tok)
            for side in (left, right):
                if not _near_operand(side):
                    raise self.error(
                        "NEAR needs terms or an OR of terms on both sides",
                        tok.pos,
                        "put NOT/AND outside the proximity, e.g. (talks OR meeting) NEAR/5 ceasefire",
                    )
            left = Near(left, right, tok.distance)
        return left

    def parse_atom(self, after: _Token | None) -> Node:
        tok = self.peek()
        if tok is None:
            where = after.text if after else "the query"
            raise self.error(f"expression ends after {where!r}", None, "add a term after the operator")
        if tok.kind == "lparen":
            self.i += 1
            if (nxt := self.peek()) is not None and nxt.kind == "rparen":
                raise self.error("empty parentheses", tok.pos, "put a term inside ( )")
            self.deeper(tok)
            node = self.parse_or()
            self.depth -= 1
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise self.error("unbalanced '('", tok.pos, "add the matching ')'")
            self.i += 1
            return node
        if tok.kind in ("word", "phrase"):
            self.i += 1
            return self.term(tok)
        if tok.kind == "rparen":
            raise self.error("unexpected ')'", tok.pos, "a term or '(' must come first")
        raise self.error(
            f"operator {tok.text!r} needs a term before it",
            tok.pos,
            "put a term on each side, e.g. ceasefire AND talks",
        )

    def term(self, tok: _Token) -> Term:
        raw = tok.text
        prefix = raw.endswith("*")
        body = raw.rstrip("*") if prefix else raw
        if "*" in body:
            raise self.error(
                "'*' is only allowed at the end of a term",
                tok.pos + (1 if tok.kind == "phrase" else 0) + body.index("*"),
                "use a prefix wildcard such as negotiat*",
            )
        key = _normal_key(body)
        if not any(ch.isalnum() for ch in key):
            what = "phrase" if tok.kind == "phrase" else "term"
            raise self.error(
                f"empty {what}" if not key else f"{what} {raw!r} has no letters or digits",
                tok.pos,
                'use words, e.g. ceasefire or "peace talks"',
            )
        if prefix and len(key.replace(" ", "")) < 3:
            raise self.error(f"prefix {raw!r} is too short", tok.pos, "give at least three letters before '*'")
        return Term(key, prefix)


def _near_operand(node: Node) -> bool:
    if isinstance(node, Term):
        return True
    if isinstance(node, Or):
        return all(_near_operand(p) for p in node.parts)
    return False


def parse_query(rule: str, text: str) -> Node:
    """Parse a rule's query, raising RuleError (with position and hint) when it is malformed."""
    if len(text) > MAX_LENGTH:
        raise RuleError(
            rule, f"query longer than {MAX_LENGTH} characters", position=MAX_LENGTH, hint="split it into several rules"
        )
    return _Parser(rule, text).parse()


def parse_term(rule: str, text: str) -> Term:
    """Parse a single term or phrase (used by `exclude` entries)."""
    node = parse_query(rule, text if " " not in text.strip() or text.strip().startswith('"') else f'"{text.strip()}"')
    if not isinstance(node, Term):
        raise RuleError(
            rule, f"{text!r} is not a single term or phrase", position=0, hint='quote a phrase: "world cup"'
        )
    return node


def terms_of(node: Node) -> list[Term]:
    """Every term in a query tree, in order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, (And, Or)):
        return [t for p in node.parts for t in terms_of(p)]
    if isinstance(node, Not):
        return terms_of(node.part)
    return terms_of(node.left) + terms_of(node.right)


def describe(node: Node) -> str:
    """The query written back out (for reasons and explanations)."""
    if isinstance(node, Term):
        return node.describe()
    if isinstance(node, And):
        return "(" + " AND ".join(describe(p) for p in node.parts) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(describe(p) for p in node.parts) + ")"
    if isinstance(node, Not):
        return "NOT " + describe(node.part)
    return f"{describe(node.left)} NEAR/{node.distance} {describe(node.right)}"
