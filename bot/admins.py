"""Who is a workspace admin, from what Slack and Discord say of a member: one rule for chat and the console.

Slack: an admin or owner of the workspace (users.info), or a user id the Slack settings list as admin.
Discord: Manage Server or Administrator in the server (an interaction's permissions, or the `permissions`
of `/users/@me/guilds`), or the admin role the Discord settings name (its id or its name); see
`bot.settings.Admins`. The command core's
`permitted` then decides what an admin may run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

DISCORD_ADMINISTRATOR = 1 << 3
DISCORD_MANAGE_GUILD = 1 << 5


class SlackUser(TypedDict, total=False):
    """What is read of the `user` object of Slack's users.info (a user who is none of these lacks the keys)."""

    is_admin: bool
    is_owner: bool
    is_primary_owner: bool


def slack_admin(user_info: SlackUser) -> bool:
    """True for a Slack workspace admin or owner (the `user` object of users.info)."""
    return bool(user_info.get("is_admin") or user_info.get("is_owner") or user_info.get("is_primary_owner"))


def discord_admin(permissions: int | str) -> bool:
    """True when a Discord permission set has Manage Server or Administrator."""
    return bool(int(permissions) & (DISCORD_ADMINISTRATOR | DISCORD_MANAGE_GUILD))


def discord_role_admin(admin_role: str | None, roles: Mapping[str, str]) -> bool:
    """True when a member's roles (id -> name) hold the admin role: an id matches an id, else a name matches
    a name, case-insensitively."""
    wanted = (admin_role or "").strip().lower()
    if not wanted:
        return False
    if wanted.isdigit():
        return wanted in roles
    return any(name.lower() == wanted for name in roles.values())
