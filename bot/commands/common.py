"""Helpers shared by the command modules: durations, channel addresses, suggestions, small tables."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.channels import LOCAL_TENANT, ChannelAddress
from bot.errors import NotAllowed, UserInputError

if TYPE_CHECKING:
    from bot.commands.core import CommandArgs, CommandContext

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|hr|hours?|d|days?|w|weeks?)?\s*$", re.IGNORECASE)


def parse_duration(text: str, *, argument: str = "since", usage: str | None = None) -> timedelta:
    """Read `24h`, `90m`, `7d`, `2w` (a bare number is hours) into a timedelta."""
    m = _DURATION.match(str(text))
    if not m:
        raise UserInputError(
            f"--{argument} must be a duration such as 24h, 90m, 7d or 2w; got {text!r}", argument=argument, usage=usage
        )
    value = float(m.group(1))
    unit = (m.group(2) or "h").lower()[0]
    delta = {
        "m": timedelta(minutes=value),
        "h": timedelta(hours=value),
        "d": timedelta(days=value),
        "w": timedelta(weeks=value),
    }[unit]
    if delta <= timedelta(0):
        raise UserInputError(f"--{argument} must be longer than zero", argument=argument, usage=usage)
    return delta


def parse_count(value: object, *, argument: str, most: int, usage: str | None = None) -> int:
    """A `--limit`-style count: a whole number from 1 to `most`; anything else (0, -1, 1.5, 'x') is refused, saying so."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= most):
        raise UserInputError(
            f"--{argument} must be a whole number from 1 to {most}; got {value!r}", argument=argument, usage=usage
        )
    return int(text)


def human_delta(delta: timedelta) -> str:
    """A short human form of a duration: `3h`, `2d`, `45m`."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 3600:
        return f"{max(1, seconds // 60)}m"
    if seconds < 86400 * 2:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def target_channel(
    current: str,
    requested: str | None,
    tenant: str,
    usage: str | None = None,
    *,
    discord_api: str | None = None,
    new: bool = False,
) -> str:
    """The channel a command acts on: the caller's own, or `--channel` (same workspace unless local operator).

    Either is checked as a `ChannelAddress` (the CLI hands its `--channel` over as the caller's own). With
    `new` (a subscription being made), a Discord webhook must also be on a Discord host or on the host of
    `discord_api` (the Discord settings' REST base), so a bad URL is refused now rather than failing at delivery.
    """
    address = ChannelAddress.parse(requested if requested else current, usage=usage)
    if tenant != LOCAL_TENANT and address.tenant != tenant:
        raise NotAllowed(
            f"--channel {address.masked()} is outside this workspace; name a channel of your own workspace"
        )
    if new:
        address.check_discord_host(discord_api, usage=usage)
    return str(address)


def new_channel(ctx: CommandContext, args: CommandArgs, usage: str) -> str:
    """The channel a new subscription (or a test alert) goes to: `target_channel` with `new`, checking a Discord
    webhook's host against the Discord settings' REST base."""
    return target_channel(
        ctx.channel,
        args.word("channel"),
        ctx.caller.tenant,
        usage,
        new=True,
        discord_api=ctx.services.settings.api_url("discord"),
    )


def suggest(word: str, candidates: Iterable[str], n: int = 5) -> list[str]:
    """Close matches for a mistyped name, case-insensitively, keeping the candidates' spelling."""
    pool = {c.lower(): c for c in candidates if c}
    low = word.lower()
    picked = difflib.get_close_matches(low, list(pool), n=n, cutoff=0.6)
    for key in pool:
        if len(picked) >= n:
            break
        if key not in picked and len(low) >= 3 and (key.startswith(low) or low in key.split()):
            picked.append(key)
    return [pool[p] for p in picked]


def did_you_mean(names: Sequence[str]) -> str:
    """`; did you mean a, b?` or nothing."""
    return f"; did you mean {', '.join(names)}?" if names else ""


def split_list(value: str | None) -> list[str]:
    """Split a comma-separated option into trimmed non-empty items."""
    if not value:
        return []
    return [part.strip() for part in str(value).split(",") if part.strip()]


def clip(text: str, width: int) -> str:
    """Shorten text to `width` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(0, width - 1)].rstrip() + "…"
