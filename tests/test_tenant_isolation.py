"""Workspaces and servers as their users meet them: a first /brief, a hostile feed, story ids.

The whole app runs with the real Slack (Socket Mode, Bolt) and Discord (discord.py) adapters against
the local fake servers; feeds are RSS served on loopback; the local operator's commands go through
the command core as the CLI sends them. Slack team TEAM is a benign workspace, T0HOSTILE a hostile
one; the Discord server is a third tenant.
"""

# ruff: noqa: F811 - the shared fixtures (fake, restore_endpoints) are imported from other test modules by name
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.app import App
from bot.models import Caller
from tests.discord_server import FakeDiscord
from tests.slack_server import TEAM, FakeSlack
from tests.slack_server import fake  # noqa: F401 - fixture
from tests.test_cli_platform_channels import SEED_SOURCES, app_for, env_for, started, stopped
from tests.test_discord_adapter import opt, restore_endpoints  # noqa: F401 - fixture
from tests.test_slack_commands import slash

HOSTILE = "T0HOSTILE"
OPERATOR = Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")


async def slack(server: FakeSlack, name: str, text: str, *, team: str = TEAM, user: str = "UADMIN") -> str:
    """A slash command of a Slack workspace over Socket Mode; its reply as JSON text."""
    form = slash(server, name, text, user, team_id=team)
    await server.push_envelope("slash_commands", form)
    replies = await server.wait_for(lambda: server.responses_for(form["response_url"]), timeout=15)
    return json.dumps(replies)


async def discord(server: FakeDiscord, name: str, options: list[dict[str, Any]], **kwargs: Any) -> str:
    """A slash command (or autocomplete, kind=4) of the Discord server; its answer as JSON text."""
    seen = len(server.edits)
    callback = await server.interaction(name, options, timeout=15, **kwargs)
    assert callback is not None
    if callback["type"] == 5:  # deferred: the answer edits the original response
        await server.wait_for(lambda: any(k.startswith("@original") for k, _ in server.edits[seen:]), timeout=15)
        return json.dumps([body for k, body in server.edits[seen:] if k.startswith("@original")])
    return json.dumps(callback["data"])


async def operator(app: App, line: str) -> str:
    """A command of the local operator, as the CLI dispatches it."""
    reply = await app.core.run_text(line, OPERATOR)
    return "\n".join([reply.text, *reply.lines])


async def test_a_new_workspace_and_server_brief_at_once_on_what_is_stored(
        fake: FakeSlack, restore_endpoints: Any, database_url: str, config_dir: Path) -> None:
    async with FakeDiscord() as server:
        app = await started(app_for(env_for(database_url, config_dir), fake, server))
        try:
            await app.poll_all(force=True)  # the operator's copy of the seeds stores the seed story
            from_slack = await slack(fake, "/brief", "armenia")  # the workspace's very first command
            from_discord = await discord(server, "brief", [opt("topic", "armenia")])  # the server's first
        finally:
            await stopped(app)
    for reply in (from_slack, from_discord):
        assert "Nothing stored" not in reply and any(title in reply for title in SEED_SOURCES), reply
