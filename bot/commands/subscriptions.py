"""`subscribe`, `unsubscribe`, `subscriptions` (per channel) and `mute` / `unmute` (a story in a channel)."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.commands.common import did_you_mean, new_channel, suggest, target_channel
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import rules_repo, story_repo
from bot.commands.deps import subscriptions_repo as repo
from bot.errors import BadChannel, NotAllowed, UserInputError
from bot.models import Reply

SUBSCRIBE_USAGE = "subscribe RULE [--digest hourly|daily --at HH:MM --tz ZONE] [--channel CHANNEL]"
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def check_at(value: str, usage: str = SUBSCRIBE_USAGE) -> str:
    """Validate HH:MM (24-hour) and normalise to two digits each."""
    m = _HHMM.match(value.strip())
    if not m:
        raise UserInputError(
            f"--at must be a time of day as HH:MM (24-hour), e.g. 08:00; got {value!r}", argument="at", usage=usage
        )
    return f"{int(m.group(1)):02d}:{m.group(2)}"


def check_tz(value: str, usage: str = SUBSCRIBE_USAGE) -> str:
    """Validate an IANA time zone name such as Europe/Paris."""
    try:
        ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError):
        from zoneinfo import available_timezones

        close = suggest(value.strip(), available_timezones(), n=3)
        raise UserInputError(
            f"--tz must be a time zone name such as Europe/Paris or UTC; got {value!r}{did_you_mean(close)}",
            argument="tz",
            usage=usage,
        ) from None
    return value.strip()


def _describe(mode: str, at: str | None, tz: str | None) -> str:
    if mode == "immediate":
        return "immediate alerts"
    if mode == "hourly":
        return "an hourly digest"
    return f"a daily digest at {at} {tz}"


def _channel_arg() -> Arg:
    return Arg(
        "channel",
        "terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL or webhook:URL (default: this channel)",
        kind="option",
        required=False,
    )


async def find_story(ctx: CommandContext, ref: str, usage: str) -> tuple[str, str]:
    """One of the caller's stories by id or unique prefix, with its headline as the caller's sources tell it;
    or a UserInputError."""
    async with ctx.services.db.session() as session:
        story, close = await repo.find_story(session, ctx.caller.tenant, ref.strip())
        if story is not None:
            # The stored headline may come from another workspace's source: say it with the caller's own.
            headline = (await story_repo.story_summary(session, story.id, tenant=ctx.caller.tenant)).headline
    if story is None:
        hint = f"; did you mean {', '.join(close)}?" if close else "; the story id is shown under each alert"
        raise UserInputError(f"no story {ref!r}{hint}", argument="story", usage=usage)
    return story.id, headline


async def subscribe(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Create or change a subscription."""
    channel = new_channel(ctx, args, SUBSCRIBE_USAGE)
    mode = args.word("digest") or "immediate"
    given_at, given_tz = args.word("at"), args.word("tz")
    at = tz = None
    if mode == "daily":
        at = check_at(given_at or "08:00")
        tz = check_tz(given_tz or "UTC")
    elif given_at or given_tz:
        raise UserInputError(
            "--at and --tz go with --digest daily", argument="at" if given_at else "tz", usage=SUBSCRIBE_USAGE
        )
    name = args.text("rule")
    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        rule = await rules_repo.get_rule(session, ctx.caller.tenant, name)
        if rule is None:
            names = await rules_repo.rule_names(session, ctx.caller.tenant)
            raise UserInputError(
                f"no rule named {name!r}{did_you_mean(suggest(name, names))}",
                argument="rule",
                usage=SUBSCRIBE_USAGE,
            )
        _, created = await repo.upsert_subscription(
            session, ctx.caller.tenant, channel, rule.name, mode=mode, at=at, tz=tz, now=now
        )
    how = _describe(mode, at, tz)
    note = "" if rule.enabled else " (the rule is disabled: nothing arrives until an admin enables it)"
    verb = "now follows" if created else "now gets"
    return Reply(
        text=f"{channel} {verb} rule {rule.name!r} as {how}.{note}",
        data={"channel": channel, "rule": rule.name, "mode": mode, "at": at, "tz": tz, "created": created},
    )


async def unsubscribe(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Delete a subscription."""
    usage = "unsubscribe RULE [--channel CHANNEL]"
    name = args.text("rule")
    try:
        channel = target_channel(ctx.channel, args.word("channel"), ctx.caller.tenant, usage)
    except BadChannel:
        channel = args.word("channel") or ctx.channel  # stored before addresses were checked: remove by its spelling
        async with ctx.services.db.session() as session:
            if await repo.get_subscription(session, ctx.caller.tenant, channel, name) is None:
                raise
    async with ctx.services.db.session() as session:
        row = await repo.get_subscription(session, ctx.caller.tenant, channel, name)
        if row is None:
            names = [s.rule for s in await repo.channel_subscriptions(session, ctx.caller.tenant, channel)]
            raise UserInputError(
                f"{channel} does not follow {name!r}{did_you_mean(suggest(name, names) or names[:5])}",
                argument="rule",
                usage=usage,
            )
        rule = row.rule
        await session.delete(row)
    return Reply(text=f"{channel} no longer follows rule {rule!r}.", data={"channel": channel, "rule": rule})


async def subscriptions(ctx: CommandContext, args: CommandArgs) -> Reply:
    """List subscriptions and mutes."""
    usage = "subscriptions [--channel CHANNEL] [--all]"
    if args.flag("all") and not ctx.caller.is_admin:
        raise NotAllowed("'subscriptions --all' is for admins only")
    channel = None if args.flag("all") else target_channel(ctx.channel, args.word("channel"), ctx.caller.tenant, usage)
    async with ctx.services.db.session() as session:
        rows = await repo.channel_subscriptions(session, ctx.caller.tenant, channel)
        mutes = await repo.channel_mutes(session, ctx.caller.tenant, channel) if channel else []
    scope = channel or "this workspace"
    if not rows and not mutes:
        return Reply(text=f"{scope} follows no rules.", data={"subscriptions": [], "mutes": []})
    lines = [
        (f"{r.channel}: " if channel is None else "")
        + f"{r.rule} — {_describe(r.mode, r.at, r.tz)}"
        + (f" (PAUSED: {r.paused_reason})" if r.paused else "")
        for r in rows
    ]
    lines += [f"muted story {m.story_id}" for m in mutes]
    return Reply(
        text=f"{scope} follows {len(rows)} rule{'s' if len(rows) != 1 else ''}:",
        lines=tuple(lines),
        data={
            "subscriptions": [
                {"channel": r.channel, "rule": r.rule, "mode": r.mode, "at": r.at, "tz": r.tz, "paused": r.paused}
                for r in rows
            ],
            "mutes": [m.story_id for m in mutes],
        },
    )


async def mute(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Mute a story in the channel."""
    usage = "mute STORY [--channel CHANNEL]"
    channel = target_channel(ctx.channel, args.word("channel"), ctx.caller.tenant, usage)
    story_id, headline = await find_story(ctx, args.text("story"), usage)
    async with ctx.services.db.session() as session:
        if await repo.get_mute(session, ctx.caller.tenant, channel, story_id) is not None:
            return Reply(text=f"Story {story_id} is already muted in {channel}.", data={"story": story_id})
        from bot.storage.tables import Mute

        existing = await session.get(Mute, (channel, story_id))
        if existing is not None:  # the same channel address under another tenant: refuse, change nothing
            raise NotAllowed("this channel belongs to another workspace")
        session.add(
            Mute(channel=channel, story_id=story_id, tenant=ctx.caller.tenant, created_at=ctx.services.clock.now())
        )
    return Reply(text=f"Muted in {channel}: {headline}", data={"story": story_id, "channel": channel})


async def unmute(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Unmute a story in the channel."""
    usage = "unmute STORY [--channel CHANNEL]"
    channel = target_channel(ctx.channel, args.word("channel"), ctx.caller.tenant, usage)
    given = args.text("story")
    async with ctx.services.db.session() as session:
        story, _ = await repo.find_story(session, ctx.caller.tenant, given.strip())
        story_id = story.id if story is not None else given.strip()
        row = await repo.get_mute(session, ctx.caller.tenant, channel, story_id)
        if row is None:
            muted = [m.story_id for m in await repo.channel_mutes(session, ctx.caller.tenant, channel)]
            raise UserInputError(
                f"story {given!r} is not muted in {channel}" + (f" (muted: {', '.join(muted[:5])})" if muted else ""),
                argument="story",
                usage=usage,
            )
        await session.delete(row)
    return Reply(text=f"Story {story_id} unmuted in {channel}.", data={"story": story_id, "channel": channel})


def register(registry: CommandRegistry) -> None:
    """Declare the subscription and mute commands."""
    registry.command(
        "subscribe",
        "Alert this channel on a rule, immediately or as an hourly or daily digest",
        Arg("rule", "the rule to follow", complete="rule"),
        Arg(
            "digest",
            "hourly or daily (default: immediate alerts)",
            kind="option",
            required=False,
            choices=("hourly", "daily"),
        ),
        Arg("at", "for a daily digest: the local time, HH:MM", kind="option", required=False),
        Arg("tz", "for a daily digest: the time zone, e.g. Europe/Paris", kind="option", required=False),
        _channel_arg(),
        admin_only=True,
    )(subscribe)
    registry.command(
        "unsubscribe",
        "Stop alerting this channel on a rule",
        Arg("rule", "the rule to stop following", complete="rule"),
        _channel_arg(),
        admin_only=True,
    )(unsubscribe)
    registry.command(
        "subscriptions",
        "What this channel follows (admins: --all for the whole workspace)",
        _channel_arg(),
        Arg("all", "every channel of the workspace (admins)", kind="flag"),
    )(subscriptions)
    registry.command(
        "mute",
        "Stop alerts and updates about one story in this channel",
        Arg("story", "the story id (shown under each alert)", complete="story"),
        _channel_arg(),
    )(mute)
    registry.command(
        "unmute",
        "Alert on a muted story again in this channel",
        Arg("story", "the story id", complete="story"),
        _channel_arg(),
    )(unmute)
