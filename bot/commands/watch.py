"""`watch ...` (rules in the database, previews with a backtest, audit) and `rules list|validate|export|import`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.channels import LOCAL_TENANT
from bot.commands.common import clip, did_you_mean, parse_count, split_list, suggest
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import rules_repo as repo
from bot.commands.deps import yaml
from bot.errors import NotAllowed, UserInputError
from bot.models import SEVERITIES, Reply
from bot.replies import (
    BacktestData,
    EditEffectData,
    FieldErrorData,
    HistoryData,
    HistoryEntryData,
    InvalidData,
    RulePreviewData,
    RuleSavedData,
    RuleShowData,
)

if TYPE_CHECKING:
    from bot.storage.shapes import RawRuleSpec, RuleSpecJSON
    from bot.storage.tables import Rule, RuleAudit

LIST_FIELDS = ("events", "places", "people", "exclude")
TEXT_FIELDS = ("query", "description", "severity")
PAGE = 20  # backtest hits shown per page; `--page N` shows the others


def _rule_options() -> tuple[Arg, ...]:
    return (
        Arg(
            "spec",
            "the whole rule as YAML (fields: query, events, places, people, exclude, severity, ...)",
            kind="option",
            required=False,
        ),
        Arg(
            "query", "the rule's query, e.g. '\"ceasefire\" AND (Armenia OR Azerbaijan)'", kind="option", required=False
        ),
        Arg(
            "events",
            "event types, comma-separated (ceasefire,casualties,clash,talks,agreement,sanctions)",
            kind="option",
            required=False,
        ),
        Arg("places", "countries or regions, comma-separated", kind="option", required=False),
        Arg("people", "officials, comma-separated", kind="option", required=False),
        Arg("exclude", "words or topics that veto a match, comma-separated", kind="option", required=False),
        Arg("severity", "flash, urgent or routine", kind="option", required=False, choices=SEVERITIES),
        Arg("description", "what the rule is for", kind="option", required=False),
        Arg("days", "backtest over the stored articles of this many days", kind="option", required=False, default="7"),
        _page_arg(),
        Arg("yes", "save without a preview", kind="flag"),
    )


def _page_arg() -> Arg:
    return Arg(
        "page", f"which page of the backtest's hits to show ({PAGE} a page)", kind="option", required=False, default="1"
    )


def _page(args: CommandArgs, usage: str) -> int:
    value = (args.word("page") or "1").strip()
    if not value.isdigit() or int(value) < 1:
        raise UserInputError(
            f"--page must be a whole number, 1 or more; got {args.word('page')!r}", argument="page", usage=usage
        )
    return int(value)


def _days(args: CommandArgs, usage: str) -> int:
    try:
        days = int(args.word("days") or 7)
    except (TypeError, ValueError):
        raise UserInputError(
            f"--days must be a whole number; got {args.word('days')!r}", argument="days", usage=usage
        ) from None
    if not 1 <= days <= 365:
        raise UserInputError("--days must be between 1 and 365", argument="days", usage=usage)
    return days


def spec_from_args(args: CommandArgs, base: Mapping[str, object] | None, usage: str) -> RawRuleSpec:
    """The rule dict an add or edit asks for: `--spec` YAML replaces, simple options override fields."""
    data: RawRuleSpec = {k: v for k, v in (base or {}).items() if k != "name"}
    spec = args.word("spec")
    if spec:
        try:
            parsed = yaml.safe_load(spec)
        except yaml.YAMLError as exc:
            raise UserInputError(
                f"--spec is not valid YAML: {getattr(exc, 'problem', exc)}", argument="spec", usage=usage
            ) from None
        if not isinstance(parsed, dict):
            raise UserInputError(
                "--spec must be a YAML mapping such as '{query: ceasefire, severity: urgent}'",
                argument="spec",
                usage=usage,
            )
        data = {k: v for k, v in parsed.items() if k != "name"}
        if "enabled" not in data and base is not None and "enabled" in base:
            data["enabled"] = base["enabled"]
    for key in TEXT_FIELDS:
        if (value := args.word(key)) is not None:
            data[key] = value
    for key in LIST_FIELDS:
        if (value := args.word(key)) is not None:
            data[key] = split_list(value)
    return data


def _describe(spec: Mapping[str, object]) -> list[str]:
    lines = []
    for key, value in spec.items():
        if key in ("name",):
            continue
        shown = ", ".join(_flow(v) for v in value) if isinstance(value, list) else str(value)
        lines.append(f"  {key}: {shown}")
    return lines


def _flow(value: object) -> str:
    """A list item as one short YAML flow string: `{type: ceasefire, statuses: [agreed]}`."""
    if isinstance(value, dict):
        return yaml.safe_dump(value, default_flow_style=True, width=10_000).strip()
    return str(value)


def _hit_line(hit: repo.Hit) -> str:
    reason = f" ({clip(hit.reason, 80)})" if hit.reason else ""
    return f"  - {clip(hit.title, 100)} <{hit.url}>{reason}"


def _backtest_lines(result: repo.Backtest, page: int = 1) -> list[str]:
    """The backtest's summary and one page of its hits (every hit is on some page)."""
    head = (
        f"Backtest, last {result.days} days: {result.scanned} stored articles scanned"
        + (" (newest only)" if result.truncated else "")
        + "; "
    )
    if not result.hits:
        return [head + "it would not have alerted."]
    pages = -(-len(result.hits) // PAGE)
    page = min(page, pages)
    lines = [
        head + f"it would have alerted on {result.stories} stor{'y' if result.stories == 1 else 'ies'} "
        f"({len(result.hits)} article{'s' if len(result.hits) != 1 else ''})"
        + (f"; page {page} of {pages}:" if pages > 1 else ":")
    ]
    lines += [_hit_line(hit) for hit in result.hits[(page - 1) * PAGE : page * PAGE]]
    if page < pages:
        lines.append(f"  … {len(result.hits) - page * PAGE} more: add --page {page + 1}")
    return lines


def _edit_effect(before: repo.Backtest, after: repo.Backtest) -> list[str]:
    """What an edit adds to and removes from the rule's backtest hits (the saved rule against the edited one)."""
    old = {h.article_id for h in before.hits}
    new = {h.article_id for h in after.hits}
    added = [h for h in after.hits if h.article_id not in old]
    removed = [h for h in before.hits if h.article_id not in new]
    if not added and not removed:
        return [
            f"The edit changes no hit: the saved rule matches the same {len(old)} article{'s' if len(old) != 1 else ''}."
        ]
    lines = [
        f"The edit adds {len(added)} hit{'s' if len(added) != 1 else ''} and removes {len(removed)}"
        f" (saved rule: {len(old)}, edited: {len(new)}):"
    ]
    lines += [f"  + {line[4:]}" for line in map(_hit_line, added[:PAGE])]
    lines += [f"  - {line[4:]}" for line in map(_hit_line, removed[:PAGE])]
    if len(added) > PAGE or len(removed) > PAGE:
        lines.append(f"  (the first {PAGE} of each)")
    return lines


def _backtest_data(result: repo.Backtest) -> BacktestData:
    return {
        "days": result.days,
        "scanned": result.scanned,
        "articles": len(result.hits),
        "stories": result.stories,
        "titles": [h.title for h in result.hits],
        # Every hit with the evidence that made it one (the console lists them; the chat faces show a page).
        "hits": [
            {"article": h.article_id, "title": h.title, "url": h.url, "story": h.story_id, "reason": h.reason}
            for h in result.hits
        ],
    }


def _edit_data(before: repo.Backtest, after: repo.Backtest) -> EditEffectData:
    """The article ids an edit adds to and removes from the saved rule's hits (as `_edit_effect` lists them)."""
    old = {h.article_id for h in before.hits}
    new = {h.article_id for h in after.hits}
    return {
        "added": [h.article_id for h in after.hits if h.article_id not in old],
        "removed": [h.article_id for h in before.hits if h.article_id not in new],
        "removed_titles": [h.title for h in before.hits if h.article_id not in new],
    }


def _invalid(name: str, errors: Sequence[Mapping[str, str]], *, what: str | None = None) -> Reply:
    subject = what or f"Rule {name!r}"
    return Reply(
        text=f"{subject} is not valid ({len(errors)} problem{'s' if len(errors) != 1 else ''}); nothing saved.",
        lines=tuple(f"{e['field']}: {e['message']}" for e in errors),
        ok=False,
        ephemeral=True,
        data=InvalidData(errors=[FieldErrorData(field=e["field"], message=e["message"]) for e in errors]),
    )


async def _require_rule(ctx: CommandContext, name: str, usage: str) -> Rule:
    async with ctx.services.db.session() as session:
        row = await repo.get_rule(session, ctx.caller.tenant, name)
        if row is None:
            names = await repo.rule_names(session, ctx.caller.tenant)
    if row is None:
        raise UserInputError(
            f"no rule named {name!r}{did_you_mean(suggest(name, names))}", argument="rule", usage=usage
        )
    return row


def _audit_line(entry: RuleAudit) -> str:
    change = _diff(entry.before, entry.after)
    return f"{entry.at:%Y-%m-%d %H:%M} UTC  {entry.actor}  {entry.action} {entry.rule}" + (
        f": {change}" if change else ""
    )


def _diff(before: Mapping[str, object] | None, after: Mapping[str, object] | None) -> str:
    if before is None or after is None:
        return ""
    parts = []
    for key in dict.fromkeys([*before, *after]):
        old, new = before.get(key), after.get(key)
        if old != new:
            parts.append(f"{key} {_short(old)} -> {_short(new)}")
    return "; ".join(parts)


def _short(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return clip(repr(value) if isinstance(value, str) else str(value), 60)


def _local_file(ctx: CommandContext, path: str, argument: str, usage: str) -> Path:
    # Reading or writing files on the bot's host is for the local operator, never a chat workspace.
    if ctx.caller.tenant != LOCAL_TENANT:
        raise NotAllowed("files on the bot's host can only be read or written by the local operator (CLI)")
    return Path(path).expanduser()


def _read_local_file(ctx: CommandContext, path: str, usage: str) -> tuple[Path, str]:
    """The local operator's file FILE and its text; a file that cannot be read is the caller's input error."""
    found = _local_file(ctx, path, "file", usage)
    try:
        return found, found.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserInputError(
            f"cannot read FILE {str(found)!r}: {exc.strerror or exc}", argument="file", usage=usage
        ) from None


async def watch_list(ctx: CommandContext, args: CommandArgs) -> Reply:
    """List rules."""
    async with ctx.services.db.session() as session:
        rows = await repo.list_rules(session, ctx.caller.tenant)
    if not rows:
        return Reply(
            text="No watch rules yet; an admin can add one with 'watch add NAME --query ...'.", data={"rules": []}
        )
    lines = []
    for row in rows:
        spec = row.spec or {}
        state = "on " if row.enabled else "off"
        desc = spec.get("description") or spec.get("query") or ""
        lines.append(f"{state}  {row.name}  [{spec.get('severity', 'routine')}]  {clip(str(desc), 80)}")
    return Reply(
        text=f"{len(rows)} watch rule{'s' if len(rows) != 1 else ''}:",
        lines=tuple(lines),
        data={"rules": [r.name for r in rows]},
    )


async def watch_show(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Show a rule as YAML."""
    row = await _require_rule(ctx, args.text("rule"), "watch show RULE")
    text = yaml.safe_dump(repo.rule_entry(row), sort_keys=False, allow_unicode=True, width=100)
    return Reply(
        text=f"Rule {row.name} ({'enabled' if row.enabled else 'disabled'}):",
        lines=tuple(text.rstrip().splitlines()),
        data=RuleShowData(rule=row.name, spec=row.spec, enabled=row.enabled, yaml=text),
    )


async def add_or_edit(ctx: CommandContext, args: CommandArgs, editing: bool) -> Reply:
    """Validate, then preview with a backtest or save (--yes) a new or changed rule."""
    usage = (
        f"watch {'edit' if editing else 'add'} NAME [--spec YAML | --query Q --events E,...] [--days 7] "
        "[--page N] [--yes]"
    )
    name = args.text("name").strip()
    days = _days(args, usage)
    page = _page(args, usage)
    name, base = await _rule_to_change(ctx, name, editing, usage)
    given = args.word("spec") or any(args.word(k) is not None for k in (*TEXT_FIELDS, *LIST_FIELDS))
    if not given:
        raise UserInputError(
            "give the rule as --spec YAML or with options such as --query, --events, --places",
            argument="spec",
            usage=usage,
        )
    data = spec_from_args(args, base, usage)
    checked = repo.check_rule(name, data)
    if not checked.ok:
        return _invalid(name, [e.as_dict() for e in checked.errors])
    assert checked.spec is not None
    if args.flag("yes"):
        return await _save_rule(ctx, name, checked.spec)
    return await _preview_rule(ctx, name, checked.spec, base if editing else None, days=days, page=page)


async def _rule_to_change(ctx: CommandContext, name: str, editing: bool, usage: str) -> tuple[str, RuleSpecJSON | None]:
    """The rule's name as stored and, when editing, its saved spec; adding under a taken name is refused."""
    if editing:
        row = await _require_rule(ctx, name, usage)
        return row.name, repo.rule_state(row)
    async with ctx.services.db.session() as session:
        if await repo.get_rule(session, ctx.caller.tenant, name) is not None:
            raise UserInputError(f"a rule named {name!r} exists; use 'watch edit {name}'", argument="name", usage=usage)
    return name, None


async def _save_rule(ctx: CommandContext, name: str, spec: RuleSpecJSON) -> Reply:
    """`--yes`: store the valid rule, audited."""
    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        _, created = await repo.save_rule(session, ctx.caller.tenant, name, spec, actor=ctx.caller.user_id, now=now)
    return Reply(
        text=f"Rule {name!r} {'added' if created else 'updated'}.",
        lines=tuple(_describe(spec)),
        data=RuleSavedData(rule=name, saved=True, spec=spec),
    )


async def _preview_rule(
    ctx: CommandContext, name: str, spec: RuleSpecJSON, base: RuleSpecJSON | None, *, days: int, page: int
) -> Reply:
    """Without --yes: what the rule would have matched over the last `days`, and against `base` (the saved rule
    an edit changes) what the edit adds and removes; nothing is saved."""
    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        result = await repo.backtest(session, name, spec, days=days, now=now, tenant=ctx.caller.tenant)
        saved = (
            await repo.backtest(
                session,
                name,
                {k: v for k, v in base.items() if k != "enabled"},
                days=days,
                now=now,
                tenant=ctx.caller.tenant,
            )
            if base is not None
            else None
        )
    lines = ["Rule:", *_describe(spec)]
    if base is not None:
        change = _diff(base, {**spec, "enabled": spec.get("enabled", base.get("enabled", True))})
        lines.append(f"Changes: {change or 'none'}")
    lines += _backtest_lines(result, page)
    if saved is not None:
        lines += _edit_effect(saved, result)
    lines.append("Nothing saved yet: run the same command with --yes to save.")
    preview: RulePreviewData = {
        "rule": name,
        "saved": False,
        "preview": True,
        "spec": spec,
        "backtest": _backtest_data(result),
    }
    if saved is not None:
        preview["edit"] = _edit_data(saved, result)
    return Reply(
        text=f"Preview of {'the edited' if base is not None else 'new'} rule {name!r} (valid, not saved).",
        lines=tuple(lines),
        ephemeral=True,
        data=preview,
    )


async def watch_add(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Preview or save a new rule."""
    return await add_or_edit(ctx, args, editing=False)


async def watch_edit(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Preview or save an edited rule."""
    return await add_or_edit(ctx, args, editing=True)


async def watch_remove(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Delete a rule."""
    row = await _require_rule(ctx, args.text("rule"), "watch remove RULE")
    async with ctx.services.db.session() as session:
        live = await repo.get_rule(session, ctx.caller.tenant, row.name)
        if live is None:
            raise UserInputError(f"rule {row.name!r} was just removed", argument="rule", usage="watch remove RULE")
        subs = await repo.remove_rule(session, live, actor=ctx.caller.user_id, now=ctx.services.clock.now())
    extra = f" and {subs} subscription{'s' if subs != 1 else ''} to it" if subs else ""
    return Reply(text=f"Rule {row.name!r}{extra} removed.", data={"rule": row.name, "subscriptions_removed": subs})


async def toggle(ctx: CommandContext, name: str, enabled: bool) -> Reply:
    """Enable or disable a rule, audited."""
    verb = "enable" if enabled else "disable"
    row = await _require_rule(ctx, name, f"watch {verb} RULE")
    async with ctx.services.db.session() as session:
        live = await repo.get_rule(session, ctx.caller.tenant, row.name)
        if live is None:
            raise UserInputError(f"rule {row.name!r} was just removed", argument="rule", usage=f"watch {verb} RULE")
        changed = await repo.set_enabled(session, live, enabled, actor=ctx.caller.user_id, now=ctx.services.clock.now())
    state = "enabled" if enabled else "disabled"
    return Reply(
        text=f"Rule {row.name!r} {state}." if changed else f"Rule {row.name!r} was already {state}.",
        data={"rule": row.name, "enabled": enabled, "changed": changed},
    )


async def watch_enable(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Enable a rule."""
    return await toggle(ctx, args.text("rule"), True)


async def watch_disable(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Disable a rule."""
    return await toggle(ctx, args.text("rule"), False)


async def watch_test(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Backtest a rule."""
    usage = "watch test RULE [--days 7] [--page N]"
    days = _days(args, usage)
    page = _page(args, usage)
    row = await _require_rule(ctx, args.text("rule"), usage)
    async with ctx.services.db.session() as session:
        result = await repo.backtest(
            session, row.name, row.spec or {}, days=days, now=ctx.services.clock.now(), tenant=ctx.caller.tenant
        )
    return Reply(
        text=f"Backtest of rule {row.name!r}:",
        lines=tuple(_backtest_lines(result, page)),
        data={"rule": row.name, "backtest": _backtest_data(result)},
    )


async def watch_history(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Show the audit trail."""
    given, rule = args.word("limit"), args.word("rule")
    limit = parse_count(
        given if given is not None else 20,
        argument="limit",
        most=200,
        usage="watch history [RULE] [--limit 20]",
    )
    async with ctx.services.db.session() as session:
        entries = await repo.history(session, ctx.caller.tenant, rule, limit)
    scope = f"rule {rule!r}" if rule else "the watch rules"
    if not entries:
        return Reply(text=f"No changes recorded for {scope}.", data=HistoryData(entries=[]))
    return Reply(
        text=f"Changes to {scope}, newest first:",
        lines=tuple(_audit_line(e) for e in entries),
        data=HistoryData(
            entries=[
                HistoryEntryData(
                    rule=e.rule,
                    actor=e.actor,
                    action=e.action,
                    at=e.at.isoformat(),
                    before=e.before,
                    after=e.after,
                    change=_diff(e.before, e.after),
                )
                for e in entries
            ]
        ),
    )


async def rules_list(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Same as `watch list`."""
    return await watch_list(ctx, args)


async def rules_export(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Export rules as YAML."""
    text = await repo.export_rules(ctx.services, ctx.caller.tenant)
    count = len((yaml.safe_load(text) or {}).get("rules") or [])
    file = args.word("file")
    if file:
        path = _local_file(ctx, file, "file", "rules export [FILE]")
        path.write_text(text, encoding="utf-8")
        return Reply(text=f"Rules written to {path}.", data={"file": str(path), "yaml": text})
    # The reply is the YAML and nothing else, so that `diplobot rules export > rules.yaml` round-trips.
    return Reply(text=text.rstrip(), data={"yaml": text, "count": count})


async def rules_import(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Import rules from a file."""
    path, text = _read_local_file(ctx, args.text("file"), "rules import FILE")
    summary = await repo.import_rules(ctx.services, ctx.caller.tenant, text, ctx.caller.user_id)
    if not summary.ok:
        return _invalid(str(path), list(summary.errors), what=f"Rules file {path}")
    return Reply(
        text=f"Imported {path}: {len(summary.created)} added, {len(summary.updated)} updated, "
        f"{len(summary.unchanged)} unchanged.",
        lines=tuple(
            f"{verb}: {', '.join(names)}"
            for verb, names in (("added", summary.created), ("updated", summary.updated))
            if names
        ),
        data={
            "created": list(summary.created),
            "updated": list(summary.updated),
            "unchanged": list(summary.unchanged),
        },
    )


async def rules_validate(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Validate a rules file or the stored rules."""
    usage = "rules validate [FILE]"
    file = args.word("file")
    if file:
        path, text = _read_local_file(ctx, file, usage)
        label = str(path)
    else:
        text = await repo.export_rules(ctx.services, ctx.caller.tenant)
        label = "the stored rules"
    checked, errors = repo.validate_rules_text(text)
    if errors:
        return _invalid(label, errors, what=label[0].upper() + label[1:])
    return Reply(
        text=f"{label}: {len(checked)} rule{'s' if len(checked) != 1 else ''}, all valid.",
        lines=tuple(c.name for c in checked),
        data={"rules": [c.name for c in checked], "errors": []},
    )


def register(registry: CommandRegistry) -> None:
    """Declare the `watch` and `rules` commands."""
    _register_watch(registry)
    _register_rules(registry)


def _register_watch(registry: CommandRegistry) -> None:
    """The `watch` commands: a workspace's rules one at a time, their backtests and their history."""
    registry.command("watch list", "List this workspace's watch rules")(watch_list)
    registry.command("watch show", "Show one watch rule", Arg("rule", "the rule's name", complete="rule"))(watch_show)
    registry.command(
        "watch add",
        "Add a watch rule (preview with a backtest; --yes saves)",
        Arg("name", "a short name for the rule"),
        *_rule_options(),
        admin_only=True,
    )(watch_add)
    registry.command(
        "watch edit",
        "Change a watch rule (preview with a backtest; --yes saves)",
        Arg("name", "the rule to change", complete="rule"),
        *_rule_options(),
        admin_only=True,
    )(watch_edit)
    registry.command(
        "watch remove",
        "Delete a watch rule and this workspace's subscriptions to it",
        Arg("rule", "the rule's name", complete="rule"),
        admin_only=True,
    )(watch_remove)
    registry.command(
        "watch enable", "Turn a watch rule on", Arg("rule", "the rule's name", complete="rule"), admin_only=True
    )(watch_enable)
    registry.command(
        "watch disable", "Turn a watch rule off", Arg("rule", "the rule's name", complete="rule"), admin_only=True
    )(watch_disable)
    registry.command(
        "watch test",
        "Backtest a saved rule over the stored articles of the last N days",
        Arg("rule", "the rule's name", complete="rule"),
        Arg("days", "how many days back", kind="option", required=False, default="7"),
        _page_arg(),
        admin_only=True,
    )(watch_test)
    registry.command(
        "watch history",
        "Who changed the watch rules, when, and what changed",
        Arg("rule", "only this rule", required=False, complete="rule"),
        Arg("limit", "at most this many entries (1-200)", kind="option", required=False, default="20"),
        admin_only=True,
    )(watch_history)


def _register_rules(registry: CommandRegistry) -> None:
    """The `rules` commands: all of a workspace's rules at once, as a YAML file."""
    registry.command("rules list", "List this workspace's watch rules")(rules_list)
    registry.command(
        "rules export",
        "Write the rules as YAML (to FILE on the bot's host, or into the reply)",
        Arg("file", "a file to write (local operator only)", required=False),
        admin_only=True,
    )(rules_export)
    registry.command(
        "rules import",
        "Create or update rules from a YAML file on the bot's host (all or nothing)",
        Arg("file", "the YAML file to read"),
        admin_only=True,
    )(rules_import)
    registry.command(
        "rules validate",
        "Check a rules file (or the stored rules) without saving anything",
        Arg("file", "the YAML file to check (local operator only); default: the stored rules", required=False),
    )(rules_validate)
