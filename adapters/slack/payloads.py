"""The shapes of what Slack posts to the app, as TypedDicts: the fields the Slack face reads, and no more.

Slack sends more keys than these, and any key may be missing or null in a payload from an older workspace or a
test client, so readers go through `.get` with a default (`who`, `view_state_value`). See Slack's references:
slash commands (api.slack.com/interactivity/slash-commands), block actions and view submissions
(api.slack.com/reference/interaction-payloads).
"""

from __future__ import annotations

from typing import TypedDict


class SlashCommand(TypedDict, total=False):
    """A slash command's form fields."""

    command: str
    text: str
    team_id: str
    user_id: str
    user_name: str
    channel_id: str
    trigger_id: str
    response_url: str


class Team(TypedDict, total=False):
    id: str


class User(TypedDict, total=False):
    id: str
    team_id: str
    username: str


class Channel(TypedDict, total=False):
    id: str


class Container(TypedDict, total=False):
    channel_id: str


class Action(TypedDict, total=False):
    action_id: str
    value: str


class InputValue(TypedDict, total=False):
    value: str | None


class ViewState(TypedDict, total=False):
    values: dict[str, dict[str, InputValue]]  # block id -> action id -> input


class View(TypedDict, total=False):
    id: str
    private_metadata: str
    state: ViewState


class Interaction(TypedDict, total=False):
    """A button press (block_actions) or a modal's submission (view_submission)."""

    type: str
    team: Team | None
    user: User | None
    channel: Channel | None
    container: Container | None
    actions: list[Action]
    view: View | None
    trigger_id: str


def who(body: Interaction) -> tuple[str, str, str | None]:
    """(team id, user id, user name) of whoever pressed or submitted: the team from the payload's `team`, or the
    user's own team where Slack leaves `team` null (an Enterprise Grid org-wide app)."""
    user = body.get("user") or User()
    team = (body.get("team") or Team()).get("id") or user.get("team_id", "")
    return team, user.get("id", ""), user.get("username")


def view_state_value(body: Interaction, block: str, action: str) -> str:
    """The text typed into a modal's input `action` of block `block` ("" when absent)."""
    values = ((body.get("view") or View()).get("state") or ViewState()).get("values") or {}
    return str(((values.get(block) or {}).get(action) or InputValue()).get("value") or "").strip()
