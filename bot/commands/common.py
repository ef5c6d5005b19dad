"""Helpers shared by the command modules: durations, channel addresses, suggestions, small tables."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

from bot.errors import NotAllowed, UserInputError

LOCAL_TENANT = "local"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|hr|hours?|d|days?|w|weeks?)?\s*$", re.IGNORECASE)
_CHANNEL = re.compile(r"^(terminal|slack:[^/\s]+/[^/\s]+|discord:[^/\s]+/[^/\s]+|webhook:https?://\S+)$")
CHANNEL_FORMS = "terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL or webhook:URL"


def parse_duration(text: str, *, argument: str = "since", usage: str | None = None) -> timedelta:
    """Read `24h`, `90m`, `7d`, `2w` (a bare number is hours) into a timedelta."""
    m = _DURATION.match(str(text))
    if not m:
        raise UserInputError(
            f"--{argument} must be a duration such as 24h, 90m, 7d or 2w; got {text!r}", argument=argument, usage=usage
        )
    value = float(m.group(1))
    unit = (m.group(2) or "h").lower()[0]
    delta = {"m": timedelta(minutes=value), "h": timedelta(hours=value), "d": timedelta(days=value),
             "w": timedelta(weeks=value)}[unit]
    if delta <= timedelta(0):
        raise UserInputError(f"--{argument} must be longer than zero", argument=argument, usage=usage)
    return delta


def human_delta(delta: timedelta) -> str:
    """A short human form of a duration: `3h`, `2d`, `45m`."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 3600:
        return f"{max(1, seconds // 60)}m"
    if seconds < 86400 * 2:
        return f"{seconds // 3600}h"
    return f"{seconds // 86400}d"


def check_channel(address: str, *, argument: str = "channel", usage: str | None = None) -> str:
    """Validate a channel address (`terminal`, `slack:TEAM/CHANNEL`, `discord:GUILD/CHANNEL`, `webhook:URL`)."""
    address = address.strip()
    if not _CHANNEL.match(address):
        raise UserInputError(f"--{argument} must be {CHANNEL_FORMS}; got {address!r}", argument=argument, usage=usage)
    return address


def channel_scope(address: str) -> str:
    """The part of a channel address that names its workspace: `slack:T1` for `slack:T1/C2`."""
    if address.startswith(("slack:", "discord:")):
        return address.split("/", 1)[0]
    return address


def target_channel(current: str, requested: str | None, tenant: str, usage: str | None = None) -> str:
    """The channel a command acts on: the caller's own, or `--channel` (same workspace unless local operator)."""
    if not requested:
        return current
    wanted = check_channel(requested, usage=usage)
    if tenant != LOCAL_TENANT and channel_scope(wanted) != channel_scope(current):
        raise NotAllowed(f"--channel {wanted} is outside this workspace; name a channel of your own workspace")
    return wanted


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
