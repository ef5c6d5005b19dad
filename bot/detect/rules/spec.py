"""The watch-rule language as written: the YAML/pydantic model of a rule, and loading with precise errors.

`compile.py` turns rules into one automaton and per-rule checks; `evaluate.py` runs them on an article.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.errors import ConfigError
from bot.limits import MAX_DESCRIPTION, MAX_ITEM, MAX_LIST_ITEMS, MAX_QUERY, MAX_RULES_FILE_BYTES, too_big, too_many
from bot.models import CasualtyCause, CasualtyKind, CeasefireStatus, EventType
from bot.storage.shapes import RawRuleSpec
from bot.validation import describe, field_of, yaml_position


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
    # true: the headline reports one state acting on another ("UK summons Russian ambassador", "Belarus threatens
    # to pull out of Russia deal"; bot/detect/relations.py), or the headline or lead announces talks or a visit still
    # ahead between officials of two states ("Foreign Secretary to visit Moscow"): a finding, like an event, for news of
    # dealings between states that no event type covers.
    relation: bool = False
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
            and not (self.events or self.people or self.places or self.relevant is not False or self.relation)
        ):
            raise ValueError("a rule needs at least one of query, events, people, places, regex, relevant or relation")
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
        raise ConfigError(
            f"not valid YAML{yaml_position(exc)}", file=file, expected="a YAML mapping with a 'rules:' list"
        ) from exc
    return rules_from_data(data, file=file)


def rules_from_data(data: Any, *, file: str | None = None) -> list[RuleSpec]:
    """Validate already-parsed rules data ({"rules": [...]}) into RuleSpecs, raising ConfigError."""
    specs: list[RuleSpec] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(_entries(data, file)):
        label: str = (
            str(entry.get("name"))
            if isinstance(entry, dict) and isinstance(entry.get("name"), str)
            else f"#{index + 1}"
        )
        spec = _validated(entry, label, file)
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


def _entries(data: Any, file: str | None) -> list[Any]:
    """The list under the top-level 'rules' key (none when it is empty), or a ConfigError saying what is there."""
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
    return entries


def _validated(entry: Any, label: str, file: str | None) -> RuleSpec:
    """One entry of the list as a RuleSpec, or a ConfigError naming the rule, the field and what was wrong."""
    if not isinstance(entry, dict):
        raise ConfigError(
            "a rule must be a mapping",
            file=file,
            entry=label,
            found=entry,
            expected="a mapping with name and conditions",
        )
    try:
        return RuleSpec.model_validate(entry)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = field_of(err)
        bad_input: Any = err.get("input") if err["type"] != "missing" else None
        if err["type"] in ("string_too_long", "too_long"):  # say how long, never echo a megabyte
            bad_input = f"{len(bad_input):,} {'characters' if isinstance(bad_input, str) else 'entries'}"
        message, expected = describe(err)
        if err["type"] == "extra_forbidden" and len(err["loc"]) == 1:  # a rule's own field, not an event's
            expected = (
                "only name, description, query, events, people, places, exclude, regex, relevant, relation, severity, "
                "enabled"
            )
        raise ConfigError(message, file=file, entry=label, field=loc, found=bad_input, expected=expected) from exc


class RulesFile(TypedDict):
    """A rules.yaml as data: each rule as `RuleSpec.model_dump` gives it (defaults left out), what
    `rules_from_data` reads back."""

    rules: list[RawRuleSpec]


def dump_rules(specs: Iterable[RuleSpec]) -> RulesFile:
    """Rules as plain data ({"rules": [...]}) for YAML export or storage."""
    return {"rules": [s.model_dump(mode="json", exclude_defaults=True) for s in specs]}
