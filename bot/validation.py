"""Pydantic's validation errors in diplobot's words: what is wrong, where, and what was expected.

Users never see pydantic's own phrasing ("Value error, ...", "Input should be a valid boolean, unable to
interpret input"): settings, feeds.yaml, rules.yaml and the commands that take rule or feed fields all
describe an error through `describe` and `field_of`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails  # one entry of `ValidationError.errors()`

# pydantic error type -> (what is wrong, what was expected); `{name}` is filled from the error's context.
_KINDS: dict[str, tuple[str, str | None]] = {
    "missing": ("required field missing", "this field to be present"),
    "extra_forbidden": ("unknown field", None),
    "literal_error": ("not an allowed value", "one of {expected}"),
    "enum": ("not an allowed value", "one of {expected}"),
    "bool_type": ("not true or false", "true or false"),
    "bool_parsing": ("not true or false", "true or false"),
    "int_type": ("not a whole number", "a whole number"),
    "int_parsing": ("not a whole number", "a whole number"),
    "int_from_float": ("not a whole number", "a whole number"),
    "float_type": ("not a number", "a number"),
    "float_parsing": ("not a number", "a number"),
    "string_type": ("not text", "text"),
    "list_type": ("not a list", "a list"),
    "tuple_type": ("not a list", "a list"),
    "dict_type": ("not a mapping", "a mapping of fields"),
    "model_type": ("not a mapping", "a mapping of fields"),
    "model_attributes_type": ("not a mapping", "a mapping of fields"),
    "greater_than": ("too small", "more than {gt}"),
    "greater_than_equal": ("too small", "{ge} or more"),
    "less_than": ("too large", "less than {lt}"),
    "less_than_equal": ("too large", "{le} or less"),
    "string_too_short": ("too short", "at least {min_length} characters"),
    "string_too_long": ("too long", "at most {max_length:,} characters"),
    "too_short": ("too few entries", "at least {min_length}"),
    "too_long": ("too many entries", "at most {max_length:,}"),
    "string_pattern_mismatch": ("not in the expected form", "text matching {pattern}"),
}
_PREFIXES = ("Value error, ", "Assertion failed, ")
# Parts of an error's location that name a type inside a union (`relevant.bool`), not a field.
_TYPE_TAG = re.compile(r"^(bool|str|int|float|list|dict|none|.*\[.*\])$")


def describe(err: ErrorDetails) -> tuple[str, str | None]:
    """What is wrong and, when known, what was expected, for one entry of `ValidationError.errors()`."""
    kind = str(err.get("type", ""))
    msg = str(err.get("msg", "invalid value"))
    for prefix in _PREFIXES:
        if msg.startswith(prefix):  # our own validators' messages are already in our words
            return msg.removeprefix(prefix), None
    if kind in _KINDS:
        message, expected = _KINDS[kind]
        ctx = err.get("ctx") or {}
        if kind == "string_too_short" and ctx.get("min_length") == 1:
            return "empty", "some text"
        try:
            return message, expected.format(**ctx) if expected else None
        except (KeyError, ValueError, IndexError):
            return message, None
    if msg.startswith("Input should be "):
        return "invalid value", msg.removeprefix("Input should be ").split(",")[0]
    return msg, None


def field_of(err: ErrorDetails) -> str | None:
    """The dotted field an error is about (`events.0.type`), without pydantic's union type tags."""
    parts = [str(p) for p in err.get("loc", ()) if not _TYPE_TAG.match(str(p))]
    return ".".join(parts) or None


def sentence(err: ErrorDetails) -> str:
    """One error as one phrase: `not true or false; expected true or false`."""
    message, expected = describe(err)
    return f"{message}; expected {expected}" if expected else message


def yaml_position(exc: Exception, *, column: bool = True) -> str:
    """Where a YAML error is, for a message: " at line 3, column 7" (" at line 3" without `column`), or ""."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return ""
    return f" at line {mark.line + 1}" + (f", column {mark.column + 1}" if column else "")
