"""Watch rules per tenant: validate, store with an audit trail, backtest, and round-trip YAML."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import yaml
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.codec import detection_of
from bot.errors import RuleError
from bot.limits import tenant_full
from bot.models import SEVERITIES, RuleMatch, Severity
from bot.repo.named import all_named, by_name, sorted_names
from bot.repo.search import recent_articles
from bot.storage.shapes import RawRuleSpec, RuleSpecJSON
from bot.storage.tables import ArticleRow, Rule, RuleAudit, Subscription
from bot.validation import yaml_position

if TYPE_CHECKING:
    from bot.detect import Detector
    from bot.detect.rules import RuleSpec
    from bot.services import Services

BACKTEST_LIMIT = 5000


@dataclass(frozen=True, slots=True)
class FieldError:
    """One validation problem: which field of the rule, and what is wrong."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """`{"field", "message"}` for Reply.data."""
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True, slots=True)
class Checked:
    """A rule spec after validation: the normalized dict to store, or the errors."""

    name: str
    spec: RuleSpecJSON | None
    errors: tuple[FieldError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the rule validated and compiled."""
        return self.spec is not None and not self.errors


@dataclass(frozen=True, slots=True)
class Hit:
    """A stored article the rule would have alerted on."""

    article_id: str
    title: str
    url: str
    story_id: str | None
    reason: str
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class Backtest:
    """What a rule would have matched over the stored articles of a period."""

    days: int
    scanned: int
    hits: tuple[Hit, ...]
    truncated: bool = False

    @property
    def stories(self) -> int:
        """Distinct stories (articles without a story count alone)."""
        return len({h.story_id or h.article_id for h in self.hits})


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What `import_rules` did: names created, updated, unchanged, and any errors (nothing saved then)."""

    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    errors: tuple[dict[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """True when every rule validated (and so the import was saved)."""
        return not self.errors


def check_rule(name: str, data: Mapping[str, Any]) -> Checked:
    """Validate one rule with the detector's RuleSpec and compile it; errors name the field."""
    from pydantic import ValidationError

    from bot.detect.rules import RuleSpec, compile_rules
    from bot.validation import field_of, sentence

    payload = {**dict(data), "name": name}
    try:
        spec = RuleSpec.model_validate(payload)
    except ValidationError as exc:
        errors = tuple(FieldError(field_of(err) or "spec", sentence(err)) for err in exc.errors())
        return Checked(name, None, errors)
    _, compile_errors = compile_rules([spec])
    if compile_errors:
        return Checked(name, None, tuple(FieldError(_error_field(e), str(e)) for e in compile_errors))
    return Checked(name, spec_dict(spec), ())


def _error_field(err: RuleError) -> str:
    # RuleError names the rule, not the field; its message and position tell which field failed.
    text = f"{err.message} {err.hint or ''}".lower()
    for needle, field_name in (
        ("regex", "regex"),
        ("place", "places"),
        ("people", "people"),
        ("person", "people"),
        ("exclude", "exclude"),
        ("event", "events"),
    ):
        if needle in text:
            return field_name
    return "query"


def spec_dict(spec: RuleSpec) -> RuleSpecJSON:
    """A RuleSpec as the plain dict stored in `rules.spec`: with its name (the RuleBook validates it
    as is), defaults left out for readable YAML."""
    data = cast(RuleSpecJSON, spec.model_dump(mode="json", exclude_defaults=True))
    if "events" in data:
        # `{type: talks}` with nothing else is written as plain `talks`, as in config/rules.yaml.
        data["events"] = [e["type"] if isinstance(e, dict) and set(e) == {"type"} else e for e in data["events"]]
    return data


async def list_rules(session: AsyncSession, tenant: str) -> list[Rule]:
    """The tenant's rules by name."""
    return await all_named(session, Rule, tenant)


async def rule_names(session: AsyncSession, tenant: str) -> list[str]:
    """The tenant's rule names."""
    return await sorted_names(session, Rule, tenant)


async def get_rule(session: AsyncSession, tenant: str, name: str) -> Rule | None:
    """One rule of the tenant by name (case-insensitive fallback)."""
    return await by_name(session, Rule, tenant, name)


def _audit(
    session: AsyncSession,
    tenant: str,
    rule: str,
    actor: str,
    action: str,
    now: datetime,
    before: RuleSpecJSON | None,
    after: RuleSpecJSON | None,
) -> None:
    session.add(RuleAudit(tenant=tenant, rule=rule, actor=actor, action=action, at=now, before=before, after=after))


def rule_state(row: Rule) -> RuleSpecJSON:
    """A stored rule as one mapping, `enabled` included: what the audit records, `watch edit` and the
    console's form start from."""
    return {**(row.spec or {}), "enabled": bool(row.enabled)}


async def save_rule(
    session: AsyncSession,
    tenant: str,
    name: str,
    spec: RuleSpecJSON,
    *,
    actor: str,
    now: datetime,
    action: str | None = None,
) -> tuple[Rule, bool]:
    """Create or replace a rule (audited); returns the row and whether it was created.

    A new rule past the tenant's cap (`bot.limits.MAX_RULES`) raises RuleError and adds nothing.
    """
    row = await get_rule(session, tenant, name)
    enabled = bool(spec.get("enabled", True))
    if row is None:
        full = tenant_full(await session.scalar(select(func.count(Rule.id)).where(Rule.tenant == tenant)) or 0)
        if full:
            raise RuleError(name, full)
        row = Rule(tenant=tenant, name=name, spec=spec, enabled=enabled, created_at=now, updated_at=now)
        session.add(row)
        _audit(session, tenant, name, actor, action or "add", now, None, {**spec, "enabled": enabled})
        await session.flush()
        return row, True
    before = rule_state(row)
    row.spec = spec
    row.enabled = enabled
    row.updated_at = now
    _audit(session, tenant, row.name, actor, action or "edit", now, before, rule_state(row))
    await session.flush()
    return row, False


async def set_enabled(session: AsyncSession, row: Rule, enabled: bool, *, actor: str, now: datetime) -> bool:
    """Enable or disable a rule (audited); False when it already was."""
    if bool(row.enabled) == enabled:
        return False
    before = rule_state(row)
    row.enabled = enabled
    row.spec = {**(row.spec or {}), "enabled": enabled}
    row.updated_at = now
    _audit(session, row.tenant, row.name, actor, "enable" if enabled else "disable", now, before, rule_state(row))
    await session.flush()
    return True


async def remove_rule(session: AsyncSession, row: Rule, *, actor: str, now: datetime) -> int:
    """Delete a rule and the tenant's subscriptions to it (audited); returns how many subscriptions went."""
    _audit(session, row.tenant, row.name, actor, "remove", now, rule_state(row), None)
    result = await session.execute(
        delete(Subscription).where(Subscription.tenant == row.tenant, Subscription.rule == row.name)
    )
    await session.delete(row)
    await session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


async def history(session: AsyncSession, tenant: str, rule: str | None = None, limit: int = 20) -> list[RuleAudit]:
    """The tenant's audit entries, newest first, for one rule or all."""
    query = select(RuleAudit).where(RuleAudit.tenant == tenant)
    if rule:
        query = query.where(func.lower(RuleAudit.rule) == rule.lower())
    query = query.order_by(RuleAudit.at.desc(), RuleAudit.id.desc()).limit(limit)
    return list((await session.scalars(query)).all())


async def backtest(
    session: AsyncSession,
    name: str,
    spec: Mapping[str, Any],
    *,
    days: int,
    now: datetime,
    limit: int = BACKTEST_LIMIT,
    tenant: str | None = None,
) -> Backtest:
    """Run one rule over the stored articles first seen in the last `days` days (newest `limit`)."""
    from bot.detect import Detector
    from bot.detect.rules import RuleSpec, compile_rules

    rule = RuleSpec.model_validate({**dict(spec), "name": name, "enabled": True})
    compiled, _errors = compile_rules([rule])
    detector = Detector(compiled)
    rows = await recent_articles(session, since=now - timedelta(days=days), until=now, limit=limit + 1, tenant=tenant)
    truncated = len(rows) > limit
    rows = rows[:limit]
    items = [(r.id, r.title, r.text, r.url, r.story_id, r.seen_at, r.event_at or r.published) for r in rows]

    def run() -> list[Hit]:
        """Detect every article with only this rule compiled (runs in a worker thread)."""
        found: list[Hit] = []
        for article_id, title, text, url, story_id, seen_at, when in items:
            detection = detector.detect(title, text, when or seen_at)
            for match in detection.matches:
                if match.rule == name:
                    found.append(Hit(article_id, title, url, story_id, match.reason, seen_at))
                    break
        return found

    # The detector is CPU-bound; a worker thread keeps the event loop answering other commands.
    hits = await asyncio.to_thread(run)
    return Backtest(days=days, scanned=len(rows), hits=tuple(hits), truncated=truncated)


async def match_rule(
    session: AsyncSession,
    tenant: str,
    name: str,
    rows: Sequence[ArticleRow],
    cache: dict[str, RuleMatch | None] | None = None,
) -> dict[str, RuleMatch]:
    """Which stored articles one of the tenant's rules matches, by article id.

    Stored detections keep only the tenant-independent findings (rule matches are per tenant), so
    the rule is run again over the articles, in a worker thread. A match already recorded in a
    detection under the rule's name counts too. `cache` (article id -> match or None) carries
    results between calls for the same tenant and rule, e.g. several channels' digests.
    """
    found: dict[str, RuleMatch] = {}
    if cache is not None:
        found.update({r.id: m for r in rows if (m := cache.get(r.id)) is not None})
        rows = [r for r in rows if r.id not in cache]
    found.update(_stored_matches(rows, name))
    rule = await get_rule(session, tenant, name)
    if rule is None or not rows:
        return found
    detector = _detector_of(rule)
    if detector is None:
        return found
    items = [(r.id, r.title, r.text, r.event_at or r.published or r.seen_at) for r in rows if r.id not in found]
    new = await asyncio.to_thread(_run_rule, detector, rule.name, items)
    found.update(new)
    if cache is not None:
        cache.update({r.id: found.get(r.id) for r in rows})
    return found


def _stored_matches(rows: Sequence[ArticleRow], name: str) -> dict[str, RuleMatch]:
    """The matches of rule `name` already recorded in the articles' stored detections."""
    found: dict[str, RuleMatch] = {}
    for row in rows:
        for stored in detection_of(row.detection).get("matches") or []:
            if isinstance(stored, Mapping) and stored.get("rule") == name:
                severity: Severity = stored["severity"] if stored.get("severity") in SEVERITIES else "routine"
                found[row.id] = RuleMatch(rule=name, reason=str(stored.get("reason") or ""), severity=severity)
    return found


def _detector_of(rule: Rule) -> Detector | None:
    """A detector with only this stored rule compiled (enabled or not); None if it no longer validates."""
    from bot.detect import Detector
    from bot.detect.rules import RuleSpec, compile_rules

    try:
        compiled, errors = compile_rules(
            [RuleSpec.model_validate({**(rule.spec or {}), "name": rule.name, "enabled": True})]
        )
    except Exception:  # noqa: BLE001 - a stored rule that no longer validates matches nothing
        return None
    if errors:
        return None
    return Detector(compiled)


def _run_rule(
    detector: Detector, rule_name: str, items: Sequence[tuple[str, str, str, datetime]]
) -> dict[str, RuleMatch]:
    """Detect each article (id, title, text, event time) with only this rule compiled; runs in a worker thread."""
    hits: dict[str, RuleMatch] = {}
    for article_id, title, text, when in items:
        for match in detector.detect(title, text, when).matches:
            if match.rule == rule_name:
                hits[article_id] = match
                break
    return hits


def rules_to_yaml(rows: Sequence[Rule]) -> str:
    """Rules as the YAML document `config/rules.yaml` uses: `rules: [ {name, ...}, ... ]`."""
    docs = [rule_entry(row) for row in rows]
    return yaml.safe_dump({"rules": docs}, sort_keys=False, allow_unicode=True, width=100)


def rule_entry(row: Rule) -> RuleSpecJSON:
    """One stored rule as its YAML mapping: name first, `enabled: false` only when disabled."""
    entry = RuleSpecJSON(name=row.name)
    entry.update(row.spec or RuleSpecJSON())  # the spec's keys after the name, in their stored order
    entry["name"] = row.name
    entry.pop("enabled", None)
    if not row.enabled:
        entry["enabled"] = False
    return entry


def parse_rules_yaml(text: str) -> tuple[list[tuple[str, RawRuleSpec]], list[dict[str, str]]]:
    """Read a rules document (a list, or a mapping with `rules:`) into (name, dict) pairs and errors."""
    from bot.limits import too_big, too_many

    if (why := too_big(len(text.encode("utf-8")))) is not None:  # refused before it is parsed
        return [], [{"field": "rules", "message": why}]
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = yaml_position(exc, column=False)
        return [], [{"field": "yaml", "message": f"not valid YAML{where}: {getattr(exc, 'problem', exc)}"}]
    if isinstance(raw, Mapping) and "rules" in raw:
        raw = raw["rules"]
    if raw is None:
        return [], []
    if not isinstance(raw, list):
        return [], [{"field": "rules", "message": "expected a list of rules (or a mapping with a `rules:` list)"}]
    if (why := too_many(len(raw))) is not None:
        return [], [{"field": "rules", "message": why}]
    out: list[tuple[str, RawRuleSpec]] = []
    errors: list[dict[str, str]] = []
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str) or not item["name"].strip():
            errors.append({"field": f"rules[{i}].name", "message": "each rule needs a name"})
            continue
        out.append((item["name"].strip(), {k: v for k, v in item.items() if k != "name"}))
    return out, errors


def validate_rules_text(text: str) -> tuple[list[Checked], list[dict[str, str]]]:
    """Validate a whole rules document; errors are `{"field": "RULE.field", "message"}`."""
    pairs, errors = parse_rules_yaml(text)
    checked: list[Checked] = []
    seen: set[str] = set()
    for name, data in pairs:
        if name.lower() in seen:
            errors.append({"field": f"{name}.name", "message": "declared twice"})
            continue
        seen.add(name.lower())
        result = check_rule(name, data)
        checked.append(result)
        errors.extend({"field": f"{name}.{e.field}", "message": e.message} for e in result.errors)
    return checked, errors


async def export_rules(services: Services, tenant: str) -> str:
    """The tenant's rules as YAML (the same shape `import_rules` and `config/rules.yaml` read)."""
    async with services.db.session() as session:
        return rules_to_yaml(await list_rules(session, tenant))


async def import_rules(services: Services, tenant: str, yaml_text: str, actor: str) -> ImportSummary:
    """Create or update the tenant's rules from YAML, all or nothing; rules absent from the file stay."""
    checked, errors = validate_rules_text(yaml_text)
    if errors:
        return ImportSummary(errors=tuple(errors))
    now = services.clock.now()
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    async with services.db.session() as session:
        for item in checked:
            assert item.spec is not None
            row = await get_rule(session, tenant, item.name)
            if row is not None and rule_state(row) == {**item.spec, "enabled": bool(item.spec.get("enabled", True))}:
                unchanged.append(row.name)
                continue
            _, was_created = await save_rule(
                session, tenant, item.name, item.spec, actor=actor, now=now, action="import"
            )
            (created if was_created else updated).append(item.name)
    return ImportSummary(tuple(created), tuple(updated), tuple(unchanged))


async def seed_rules(services: Services, tenant: str, path: str | Path) -> ImportSummary:
    """Load `config/rules.yaml` into a tenant that has no rules yet; a tenant with rules, or no file, is left alone."""
    if not Path(path).is_file():
        return ImportSummary()
    async with services.db.session() as session:
        count = await session.scalar(select(func.count(Rule.id)).where(Rule.tenant == tenant))
    if count:
        return ImportSummary()
    text = Path(path).read_text(encoding="utf-8")
    return await import_rules(services, tenant, text, actor="seed")
