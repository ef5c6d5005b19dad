"""The whole app with the real Slack and Discord adapters on the fake servers, the operator CLI, and slash commands sent from either platform: helpers of the tests that run the bot as users do."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from bot.app import App
from bot.settings import load_settings
from tests.support.cli import diplobot
from tests.support.discord_server import GUILD_ID as GUILD
from tests.support.discord_server import TEXT_CHANNEL, FakeDiscord
from tests.support.net import loopback_fetcher
from tests.support.slack_requests import slash
from tests.support.slack_server import (
    APP_TOKEN,
    BOT_TOKEN,
    TEAM,
    FakeSlack,
)

# The titles of the two seed articles: both are the story's sources.
SEED_SOURCES = ("Blinken hosts Armenia, Azerbaijan FMs", "U.S. Sec. of State Antony Blinken hosted")


SLACK_CHANNEL = f"slack:{TEAM}/C1"


DISCORD_CHANNEL = f"discord:{GUILD}/{TEXT_CHANNEL}"


def env_for(database_url: str, config_dir: Path) -> dict[str, str]:
    """The environment of the operator's CLI and of the running app: one database, one config folder."""
    return {"DIPLOBOT_DATABASE_URL": database_url, "DIPLOBOT_CONFIG_DIR": str(config_dir), "DIPLOBOT_TERMINAL": "0"}


async def cli(env: dict[str, str], *args: str) -> str:
    """Run `diplobot ARGS` in a subprocess, as the operator would; returns its output (fails on a non-zero exit)."""
    done = await asyncio.to_thread(diplobot, *args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def app_for(env: dict[str, str], slack_fake: FakeSlack, discord_fake: FakeDiscord) -> App:
    """The app with the real Slack (Socket Mode) and Discord adapters, pointed at the fake servers."""
    settings = load_settings(
        **env,
        DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_API_URL=slack_fake.api_url,
        **discord_fake.env(),
        _env_file=None,
    )
    return App(settings, fetcher=loopback_fetcher())  # workspaces read the loopback feeds as public ones


async def started(app: App) -> App:
    await app.setup()
    for adapter in app.adapters:
        if adapter.prefix == "discord":
            adapter.client._connection.guild_ready_timeout = 0.05  # type: ignore[attr-defined]
        await adapter.start()
    return app


async def stopped(app: App) -> None:
    for adapter in app.adapters:
        await adapter.stop()
    await app.close()


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
