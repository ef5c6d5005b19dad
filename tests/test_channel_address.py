"""One channel validation for every face (issue 15, item 8): the CLI, Slack and Discord refuse the same bad
addresses with one actionable message and store nothing; a Discord webhook on another host is refused when
it is subscribed, not when it is delivered to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from adapters.discord.adapter import DiscordAdapter
from adapters.slack.app import SlackAdapter
from bot.channels import ChannelAddress, Kind
from bot.cli import app as cli_app
from bot.commands.core import CommandCore
from bot.errors import BadChannel, Permanent
from bot.models import Invocation
from bot.storage.tables import Subscription
from tests.support.commands import OPERATOR, body, run
from tests.support.discord_requests import settings_for
from tests.support.discord_server import GUILD_ID, MANAGE_GUILD, TEXT_CHANNEL, FakeDiscord
from tests.support.slack_requests import run_slash
from tests.support.slack_server import (
    TEAM,
    FakeSlack,
)

# SQLite only: the faces are under test; the commands' own tests cover PostgreSQL.
pytestmark = pytest.mark.sqlite_only


RULE = "ceasefire-developments"
RULE_SPEC = "{events: [ceasefire], severity: urgent}"
# Each bad address with a piece of what its message must say.
BAD = [
    ("webhook:", "the URL after 'webhook:' is missing"),
    ("webhook:ftp://x", "a webhook is an http(s) URL with a host"),
    ("slack:T1", "a Slack channel is slack:TEAM/CHANNEL"),
    ("slack:T1/C1/extra", "a Slack channel is slack:TEAM/CHANNEL"),
    ("terminal ", "it holds a space at position 8"),
    ("TERMINAL", "channel kinds are lower case: write 'terminal'"),
    ("webhook:https://hooks.slack.com/services/T0/B0/x\nslack:T1/C1", "U+000A at position 48"),
    ("slack:T1/" + "C" * 5000, "an address has at most 2,000"),
    ("discord:oops/1", "'oops' is not a Discord id"),
    ("webhook:https://evil.example/api/webhooks/123/tok", "evil.example is not a Discord host"),
]


@pytest.mark.parametrize(("address", "problem"), BAD)
def test_the_type_refuses_each_with_one_message(address: str, problem: str) -> None:
    with pytest.raises(BadChannel) as caught:
        ChannelAddress.parse(address).check_discord_host()
    message = str(caught.value)
    assert problem in message and "\n" not in message and len(message) < 400
    assert "tok" not in message.split("webhooks/123/")[-1][:3]  # a token is never quoted back


@pytest.mark.parametrize(
    "address",
    [
        "terminal",
        "slack:T0TEST/C1",
        "discord:910000000000000001/920000000000000001",
        "webhook:https://discord.com/api/webhooks/1/abc?thread_id=7",
        "webhook:https://hooks.slack.com/services/T0/B0/x",
        "webhook:slack+https://example.org/hook",
    ],
)
def test_the_type_round_trips(address: str) -> None:
    parsed = ChannelAddress.parse(address)
    assert str(parsed) == address
    assert ChannelAddress.parse(str(parsed)) == parsed
    assert parsed.tenant == (
        {"slack": "slack:T0TEST", "discord": "discord:910000000000000001"}.get(parsed.kind, "local")
    )


@pytest.mark.parametrize(
    ("address", "kind", "problem"),
    [
        ("discord:1/2", "slack", "not a Slack channel address (expected slack:TEAM/CHANNEL)"),
        ("slack:T1/C1", "discord", "not a Discord channel address (expected discord:GUILD/CHANNEL)"),
        ("terminal", "webhook", "not a webhook address (expected webhook:URL)"),
        ("slack:T1", "slack", "a Slack channel is slack:TEAM/CHANNEL"),
    ],
)
def test_a_sink_refuses_another_kind_for_good(address: str, kind: Kind, problem: str) -> None:
    """What a sink cannot deliver to is Permanent (the subscription pauses, an admin is told), in the words of
    the one channel type, the same for the Slack, Discord and webhook sinks."""
    with pytest.raises(Permanent) as caught:
        ChannelAddress.for_sink(address, kind)
    assert problem in str(caught.value)
    assert ChannelAddress.for_sink("slack:T1/C1", "slack") == ChannelAddress.slack("T1", "C1")


# ---------------------------------------------------------------- the CLI (typer's runner, the real core)


@pytest.fixture
def cli_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A fresh SQLite database and a config with one rule and no feeds, for the CLI."""
    cfg = tmp_path / "config"
    cfg.mkdir()
    (cfg / "rules.yaml").write_text(f"rules:\n  - name: {RULE}\n    events: [ceasefire]\n", encoding="utf-8")
    (cfg / "feeds.yaml").write_text("feeds: []\n", encoding="utf-8")
    yield {
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}",
        "DIPLOBOT_CONFIG_DIR": str(cfg),
        "DIPLOBOT_TERMINAL": "0",
    }


def stored_channels(env: dict[str, str]) -> list[str]:
    engine = create_engine(env["DIPLOBOT_DATABASE_URL"].replace("+aiosqlite", ""))
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(Subscription.channel)))
    finally:
        engine.dispose()


@pytest.mark.parametrize(("address", "problem"), BAD)
def test_cli_subscribe_refuses_and_stores_nothing(cli_env: dict[str, str], address: str, problem: str) -> None:
    result = CliRunner().invoke(cli_app, ["subscribe", RULE, "--channel", address], env=cli_env)
    assert result.exit_code == 1, result.output
    assert "is not a channel address" in result.output and problem in result.output
    assert "usage: subscribe RULE" in result.output and "Traceback" not in result.output
    assert stored_channels(cli_env) == []


def test_cli_subscribes_a_good_address(cli_env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli_app, ["subscribe", RULE, "--channel", "slack:T1/C1"], env=cli_env)
    assert result.exit_code == 0, result.output
    assert stored_channels(cli_env) == ["slack:T1/C1"]


# ---------------------------------------------------------------- the core (what Slack and Discord reach)


async def test_core_refuses_a_bad_channel_option_and_discord_webhook_host(core: CommandCore) -> None:
    assert (await run(core, f'watch add {RULE} --spec "{RULE_SPEC}" --yes')).ok
    for address, problem in BAD:
        reply = await core.dispatch(Invocation("subscribe", (RULE, "--channel", address), OPERATOR))
        assert not reply.ok and problem in body(reply), (address, body(reply))
    async with core.services.db.session() as session:
        assert (await session.scalars(select(Subscription))).all() == []


# ---------------------------------------------------------------- Slack (fake Slack, real Bolt, real core)


async def test_slack_refuses_the_same_addresses(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    slack_fake, slack = slack_fake, slack_on_core
    added = await run_slash(slack_fake, slack, "/watch", f'add {RULE} --spec "{RULE_SPEC}" --yes')
    assert "added" in added["text"], added
    for address, problem in [
        (f"slack:{TEAM}/C1/extra", "a Slack channel is slack:TEAM/CHANNEL"),
        (f"slack:{TEAM}", "a Slack channel is slack:TEAM/CHANNEL"),
        ("TERMINAL", "channel kinds are lower case"),
    ]:
        reply = await run_slash(slack_fake, slack, "/subscribe", f"{RULE} --channel '{address}'")
        text = json.dumps(reply)
        assert reply["response_type"] == "ephemeral" and "is not a channel address" in text and problem in text
    ok = await run_slash(slack_fake, slack, "/subscribe", RULE)
    assert f"slack:{TEAM}/C1 now follows" in ok["text"]
    async with slack.core.services.db.session() as session:
        assert (await session.scalars(select(Subscription.channel))).all() == [f"slack:{TEAM}/C1"]


# ---------------------------------------------------------------- Discord (fake Discord, real discord.py, real core)


async def test_discord_refuses_the_same_addresses(discord_fake: FakeDiscord, core: CommandCore) -> None:
    bot = DiscordAdapter(settings_for(discord_fake), core, defer_after=2.0, ready_timeout=5, guild_ready_timeout=0.05)
    await bot.start()
    try:

        def opt(name: str, value: str) -> dict[str, Any]:
            return {"name": name, "type": 3, "value": value}

        add = {
            "name": "add",
            "type": 1,
            "options": [opt("name", RULE), opt("spec", RULE_SPEC), {"name": "yes", "type": 5, "value": True}],
        }
        added = await discord_fake.interaction("watch", [add], permissions=MANAGE_GUILD)
        assert added is not None and "added" in json.dumps(added), added
        here = f"discord:{GUILD_ID}/{TEXT_CHANNEL}"
        for address, problem in [
            (f"{here}/extra", "a Discord channel is discord:GUILD/CHANNEL"),
            (f"discord:{GUILD_ID}/general", "'general' is not a Discord id"),
            ("terminal ", "it holds a space"),
        ]:
            callback = await discord_fake.interaction(
                "subscribe", [opt("rule", RULE), opt("channel", address)], permissions=MANAGE_GUILD
            )
            text = json.dumps(callback)
            assert callback is not None and "is not a channel address" in text and problem in text, text
        ok = await discord_fake.interaction("subscribe", [opt("rule", RULE)], permissions=MANAGE_GUILD)
        assert f"{here} now follows" in json.dumps(ok)
        async with core.services.db.session() as session:
            assert (await session.scalars(select(Subscription.channel))).all() == [here]
    finally:
        await bot.stop()


async def test_a_subscription_stored_before_the_check_can_still_be_removed(core: CommandCore) -> None:
    assert (await run(core, f'watch add {RULE} --spec "{RULE_SPEC}" --yes')).ok
    async with core.services.db.session() as session:  # as the unchecked CLI stored it
        session.add(
            Subscription(
                tenant="local", channel="terminal ", rule=RULE, mode="immediate", created_at=core.services.clock.now()
            )
        )
    gone = await core.dispatch(Invocation("unsubscribe", (RULE,), OPERATOR, "terminal "))
    assert gone.ok, body(gone)
    again = await core.dispatch(Invocation("unsubscribe", (RULE,), OPERATOR, "terminal "))
    assert not again.ok and "is not a channel address" in again.text
