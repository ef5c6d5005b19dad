"""The rule form of the console: form fields to the rule the command core checks, and back.

The console never validates a rule itself: the fields become the same rule dict `watch add --spec`
reads (`bot.commands.watch.spec_from_args`), checked by the same `check_rule`, so its messages are the
CLI's. Fields the form does not show (`relevant`, ...) are kept from the saved rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from bot.commands.common import split_list
from bot.commands.core import CommandArgs
from bot.commands.watch import spec_from_args
from bot.repo.rules import check_rule
from bot.storage.shapes import RawRuleSpec, RuleSpecJSON

TEXT = ("description", "query", "regex")
LISTS = ("places", "people", "exclude")
FIELDS = ("name", *TEXT, "events", *LISTS, "severity")


@dataclass(frozen=True, slots=True)
class RuleForm:
    """What the rule form holds, as text, and the saved rule it edits (None for a new rule)."""

    values: Mapping[str, str]
    base: RuleSpecJSON | None = None

    @property
    def name(self) -> str:
        """The rule's name as typed."""
        return self.values.get("name", "").strip()

    def spec(self) -> tuple[RawRuleSpec, list[dict[str, str]]]:
        """The rule dict the form asks for, and the form's own errors (the events field's YAML)."""
        data: RawRuleSpec = {k: v for k, v in (self.base or {}).items() if k not in (*FIELDS, "enabled")}
        errors: list[dict[str, str]] = []
        for key in TEXT:
            value = self.values.get(key, "").strip()
            if value:
                data[key] = value
        for key in LISTS:
            items = split_list(self.values.get(key))
            if items:
                data[key] = items
        events = self.values.get("events", "").strip()
        if events:
            try:
                parsed = yaml.safe_load("[" + events + "]")
            except yaml.YAMLError as exc:
                errors.append(
                    {
                        "field": "events",
                        "message": f"cannot read the events ({getattr(exc, 'problem', exc)}); "
                        "write them as 'ceasefire, talks' or '{type: ceasefire, statuses: [agreed]}'",
                    }
                )
            else:
                data["events"] = parsed
        severity = self.values.get("severity", "").strip()
        if severity:
            data["severity"] = severity
        return data, errors

    def words(self) -> tuple[str, ...]:
        """The `--spec` argument the command core reads (the whole rule as YAML)."""
        data, _ = self.spec()
        return ("--spec", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))

    def check(self) -> list[dict[str, str]]:
        """The problems `watch add` or `watch edit` would report for this form, in the CLI's words."""
        data, errors = self.spec()
        if errors:
            return errors
        merged = spec_from_args(CommandArgs(spec=yaml.safe_dump(data)), dict(self.base) if self.base else None, "")
        return [e.as_dict() for e in check_rule(self.name or "?", merged).errors]


def form_values(name: str, spec: RuleSpecJSON) -> dict[str, str]:
    """A saved rule as the form's text fields."""
    values = {"name": name}
    # TEXT's and LISTS's fields, in their order, each read by name (a stored spec is a TypedDict)
    texts = {"description": spec.get("description"), "query": spec.get("query"), "regex": spec.get("regex")}
    lists = {"places": spec.get("places"), "people": spec.get("people"), "exclude": spec.get("exclude")}
    for key, text in texts.items():
        if text:
            values[key] = str(text)
    for key, items in lists.items():
        values[key] = ", ".join(str(v) for v in items or [])
    values["events"] = ", ".join(
        yaml.safe_dump(v, default_flow_style=True, width=10_000).strip() if isinstance(v, dict) else str(v)
        for v in spec.get("events") or []
    )
    values["severity"] = str(spec.get("severity") or "routine")
    return values


def field_of(error_field: str) -> str:
    """The form field an error is about: `events.0.type` is the events field; others go with the name."""
    head = error_field.split(".", 1)[0]
    return head if head in FIELDS else "form"
