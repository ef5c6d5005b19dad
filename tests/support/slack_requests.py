"""Slack requests as Slack sends them (signed slash commands, interactions, the rule modal), a recording test core, and the fixtures of the Slack adapter tests (loaded as a pytest plugin)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from unittest import mock
from urllib.parse import urlencode

import aiohttp
import pytest
import yaml
from slack_sdk.signature import SignatureVerifier

import bot.commands
from adapters.platforms import slack_blocks as render
from adapters.slack.app import SlackAdapter
from adapters.slack.settings import SlackSettings
from bot.commands.core import Arg, CommandContext, CommandCore, CommandRegistry
from bot.models import Reply
from tests.support.slack_limits import message_error
from tests.support.slack_markup import summary
from tests.support.slack_server import BOT_TOKEN, TEAM, FakeSlack

SECRET = "test-signing-secret-0123456789abcdef"


@dataclass
class Recorder:
    """What the test commands saw: (command, values, caller, channel) and the saved rules."""

    calls: list[tuple[str, dict[str, Any], Any, str]] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)

    def names(self) -> list[str]:
        return [c[0] for c in self.calls]


def build_core(rec: Recorder) -> CommandCore:
    """A CommandCore with small test commands standing in for the real ones."""
    reg = CommandRegistry()

    def record(name: str, ctx: CommandContext, values: dict[str, Any]) -> None:
        rec.calls.append((name, values, ctx.caller, ctx.channel))

    @reg.command("help", "Show the commands")
    async def _help(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record("help", ctx, values)
        return Reply(text="diplobot commands", lines=("brief TOPIC", "watch add NAME"), ephemeral=True)

    @reg.command("brief", "Brief on a topic", Arg("topic", "the topic", kind="rest"))
    async def _brief(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record("brief", ctx, values)
        return Reply(text=f"Brief: {values['topic']}", lines=("<!channel> from an article",), summaries=(summary(),))

    @reg.command("mute", "Mute a story", Arg("story", "story id"))
    async def _mute(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record("mute", ctx, values)
        return Reply(text=f"Muted {values['story']}", ephemeral=True)

    @reg.command("feeds pause", "Pause a feed", Arg("feed", "feed name"), admin_only=True)
    async def _pause(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record("feeds pause", ctx, values)
        return Reply(text=f"Paused {values['feed']}")

    async def rule(mode: str, ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record(f"watch {mode}", ctx, values)
        spec = values.get("spec") or ""
        if "slow" in spec:
            await asyncio.sleep(0.4)
        if "bad" in spec:
            return Reply(
                text="Error: invalid rule",
                ok=False,
                ephemeral=True,
                data={"errors": [{"field": "query", "message": "unbalanced parenthesis"}]},
            )
        if mode == "edit" and values["name"] not in rec.rules:
            return Reply(text=f"Error: no rule named {values['name']!r}", ok=False, ephemeral=True)
        if not values.get("yes"):
            return Reply(
                text=f"Preview of {values['name']}: 3 matches in 7 days",
                lines=("Ceasefire collapses & more",),
                ephemeral=True,
                data={"preview": True},
            )
        rec.rules[values["name"]] = spec
        return Reply(text=f"Saved rule {values['name']}", ephemeral=True)

    rule_args = (
        Arg("name", "rule name"),
        Arg("spec", "YAML", kind="option", required=False),
        Arg("yes", "save", kind="flag"),
    )

    @reg.command("watch add", "Add a rule", *rule_args, admin_only=True)
    async def _add(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        return await rule("add", ctx, values)

    @reg.command("watch edit", "Edit a rule", *rule_args, admin_only=True)
    async def _edit(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        return await rule("edit", ctx, values)

    @reg.command("watch show", "Show a rule", Arg("name", "rule name"))
    async def _show(ctx: CommandContext, values: dict[str, Any]) -> Reply:
        record("watch show", ctx, values)
        if values["name"] not in rec.rules:
            return Reply(text=f"Error: no rule named {values['name']!r}", ok=False, ephemeral=True)
        spec = yaml.safe_load(rec.rules.get(values["name"], "{}"))
        return Reply(
            text=values["name"],
            data={
                "rule": values["name"],
                "spec": {"name": values["name"], **spec},
                "yaml": yaml.safe_dump({"rules": [spec]}),
            },
        )

    # CommandCore imports bot.commands.default_registry even when given a registry; until the real
    # commands land that name may not exist yet, so supply it for the construction only.
    with mock.patch.object(bot.commands, "default_registry", lambda: reg, create=True):
        return CommandCore(services=object(), registry=reg)  # type: ignore[arg-type]


def slack_settings(slack_fake: FakeSlack, **overrides: Any) -> SlackSettings:
    """The settings of an adapter pointed at the fake Slack, HTTP mode on an ephemeral loopback port."""
    values: dict[str, Any] = dict(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_APP_TOKEN=None,
        SLACK_API_URL=slack_fake.api_url,
        SLACK_HOST="127.0.0.1",
        SLACK_PORT=0,
        SLACK_ADMIN_USERS="UCONFIG",
        SLACK_FLASH_USERGROUP="S0FLASH",
        _env_file=None,
    )
    values.update(overrides)
    return SlackSettings(**values)


@pytest.fixture
def rec() -> Recorder:
    """What the recording test core's commands saw."""
    return Recorder()


def signed(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers Slack would send: timestamp and v0 HMAC signature of the raw body."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    sig = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sig,
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slash(slack_fake: FakeSlack, command: str, text: str = "", user: str = "UADMIN", **extra: str) -> dict[str, str]:
    """A slash command form as Slack posts it, with a fresh response_url on the fake Slack."""
    return {
        "token": "legacy",
        "team_id": TEAM,
        "team_domain": "test",
        "channel_id": "C1",
        "channel_name": "news",
        "user_id": user,
        "user_name": user.lower(),
        "command": command,
        "text": text,
        "api_app_id": "A0TEST",
        "response_url": slack_fake.new_response_url(),
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
        **extra,
    }


async def post(adapter: SlackAdapter, body: str, headers: dict[str, str]) -> tuple[int, str]:
    url = f"http://127.0.0.1:{adapter.port}/slack/events"
    async with aiohttp.ClientSession() as http, http.post(url, data=body.encode(), headers=headers) as resp:
        return resp.status, await resp.text()


async def run_slash(
    slack_fake: FakeSlack, adapter: SlackAdapter, command: str, text: str = "", user: str = "UADMIN"
) -> dict[str, Any]:
    form = slash(slack_fake, command, text, user)
    body = urlencode(form)
    status, _ = await post(adapter, body, signed(body))
    assert status == 200
    replies = await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"]))
    assert len(replies) == 1
    assert message_error(replies[0]) is None
    return replies[0]


async def interactive(adapter: SlackAdapter, payload: dict[str, Any]) -> tuple[int, str]:
    body = urlencode({"payload": json.dumps(payload)})
    return await post(adapter, body, signed(body))


def submission(
    view_id: str, callback_id: str, metadata: str, name: str = "", spec: str = "", user: str = "UADMIN"
) -> dict[str, Any]:
    values = {
        render.NAME_BLOCK: {render.NAME_INPUT: {"type": "plain_text_input", "value": name}},
        render.SPEC_BLOCK: {render.SPEC_INPUT: {"type": "plain_text_input", "value": spec}},
    }
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "A0TEST",
        "trigger_id": "4.5.6",
        "view": {
            "id": view_id,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": metadata,
            "state": {"values": values},
            "hash": "h1",
        },
    }


async def open_editor(slack_fake: FakeSlack, adapter: SlackAdapter, text: str = "add") -> dict[str, Any]:
    before = len(slack_fake.calls_to("views.open"))
    form = slash(slack_fake, "/watch", text)
    body = urlencode(form)
    status, _ = await post(adapter, body, signed(body))
    assert status == 200
    calls = await slack_fake.wait_for(
        lambda: len(slack_fake.calls_to("views.open")) > before and slack_fake.calls_to("views.open")
    )
    view = calls[-1].response["view"]
    assert calls[-1].response["ok"], calls[-1].response
    return view


@pytest.fixture
async def slack_on_core(slack_fake: FakeSlack, core: CommandCore) -> AsyncIterator[SlackAdapter]:
    """The Slack adapter (HTTP mode) in front of the real command core, on the fake Slack."""
    a = SlackAdapter(slack_settings(slack_fake), core, pace_seconds=0.0)
    await a.start()
    yield a
    await a.stop()
