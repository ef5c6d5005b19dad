"""Messages in diplobot's voice (issue 16, item 9): no pydantic wording, counts refused below 1 on every face,
a blank topic answered as a missing one, and a feed 404 hint that does not send the user back to the same command.

The CLI cases go through the real typer app (`CliRunner`), Slack through the adapter over the fake Slack, and
Discord through the adapter over the fake Discord, each in front of the real command core.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp import web
from typer.testing import CliRunner

from adapters.discord.adapter import DiscordAdapter
from adapters.slack.app import SlackAdapter
from bot.cli import app
from bot.commands import default_registry
from bot.commands.core import CommandCore
from tests.conftest import REPO
from tests.support.discord_requests import settings_for
from tests.support.discord_server import FakeDiscord
from tests.support.slack_requests import run_slash
from tests.support.slack_server import (
    FakeSlack,
)

# SQLite only: these test the wording, which is the same on PostgreSQL.
pytestmark = pytest.mark.sqlite_only

PYDANTIC = ("Value error", "Input should", "unable to interpret", "unable to parse", "validation error", "pydantic")


@pytest.fixture
def cli_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A config folder (the default rules, no feeds) and a database in tmp_path; none of the caller's settings."""
    config = tmp_path / "cli-config"
    config.mkdir()
    shutil.copy(REPO / "config" / "rules.yaml", config / "rules.yaml")
    (config / "feeds.yaml").write_text("feeds: []\n", encoding="utf-8")
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    yield {
        "DIPLOBOT_CONFIG_DIR": str(config),
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
    }
    os.environ.update(saved)


def diplobot(*args: str, env: dict[str, str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def in_our_words(text: str) -> None:
    for phrase in PYDANTIC:
        assert phrase not in text, text


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("DIPLOBOT_DATABASE_URL", "foo", "must start with sqlite+aiosqlite:// or postgresql+asyncpg://; found 'foo'"),
        ("DIPLOBOT_TERMINAL", "maybe", "not true or false; found 'maybe'"),
        ("DIPLOBOT_BURST_LIMIT", "0", "too small; found '0'; expected 1 or more"),
        ("DIPLOBOT_FEED_MAX_ITEMS", "999999", "too large; found '999999'; expected 100000 or less"),
        ("DIPLOBOT_HTTP_PORT", "abc", "not a whole number; found 'abc'"),
        # A platform's own settings (its adapter's class) are read and described the same way.
        ("SLACK_PORT", "99999", "too large; found '99999'; expected a port number from 1 to 65535 (0: any free port)"),
        ("DISCORD_DEV_GUILD", "abc", "not a whole number; found 'abc'; expected a whole number"),
    ],
)
def test_an_invalid_setting_is_described_in_diplobots_words(
    cli_env: dict[str, str], variable: str, value: str, says: str
) -> None:
    code, out = diplobot("rules", "list", env={**cli_env, variable: value})
    assert code == 2
    assert out.strip() == f"Error: environment, field {variable!r}: " + out.split(": ", 2)[2].strip()
    assert says in out
    in_our_words(out)


@pytest.mark.parametrize(
    ("file", "entry", "says"),
    [
        (
            "feeds.yaml",
            "feeds:\n  - name: x\n    url: /tmp\n    enabled: maybe\n",
            "field 'enabled': not true or false",
        ),
        ("feeds.yaml", "feeds:\n  - name: 5\n    url: /tmp\n", "field 'name': not text"),
        (
            "rules.yaml",
            "rules:\n  - name: r\n    query: ceasefire\n    enabled: maybe\n",
            "field 'enabled': not true or false",
        ),
        (
            "rules.yaml",
            "rules:\n  - name: r\n    query: ceasefire\n    relevant: 5\n",
            "field 'relevant': not true or false",
        ),
        ("rules.yaml", "rules:\n  - name: r\n    query: [1]\n", "field 'query': not text; found [1]; expected text"),
        (
            "rules.yaml",
            "rules:\n  - name: r\n    events: [{type: ceasefire, bogus: 1}]\n",
            "field 'events.0.bogus': unknown field",
        ),
    ],
)
def test_a_config_file_error_is_described_in_diplobots_words(
    cli_env: dict[str, str], file: str, entry: str, says: str
) -> None:
    (Path(cli_env["DIPLOBOT_CONFIG_DIR"]) / file).write_text(entry, encoding="utf-8")
    code, out = diplobot("rules", "list", env=cli_env)
    assert code == 2 and says in out, out
    assert "expected only name, description" not in out or "events" not in out  # a rule's fields, not an event's
    in_our_words(out)


def test_feed_and_rule_commands_describe_errors_in_diplobots_words(cli_env: dict[str, str], tmp_path: Path) -> None:
    code, out = diplobot("feeds", "add", str(tmp_path), "--interval", "10", env=cli_env)
    assert code == 1 and "Error: --interval: interval must be at least 60 seconds (found 10)" in out, out
    code, out = diplobot("watch", "add", "zz", "--spec", '{"query": "x", "enabled": "maybe"}', env=cli_env)
    assert code == 1 and "enabled: not true or false; expected true or false" in out, out
    in_our_words(out)


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_a_limit_below_one_is_refused_on_the_command_line(cli_env: dict[str, str], limit: str) -> None:
    code, out = diplobot("brief", "armenia", "--limit", limit, env=cli_env)
    assert code == 1 and f"Error: --limit must be a whole number from 1 to 20; got '{limit}'" in out, out
    code, out = diplobot("watch", "history", "--limit", limit, env=cli_env)
    assert code == 1 and f"Error: --limit must be a whole number from 1 to 200; got '{limit}'" in out, out


async def test_a_limit_below_one_is_refused_in_slack(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    for limit in ("0", "-1"):
        reply = await run_slash(slack_fake, slack_on_core, "/brief", f"armenia --limit {limit}")
        assert f"--limit must be a whole number from 1 to 20; got '{limit}'" in str(reply), reply


@pytest.fixture
async def discord_adapter() -> AsyncIterator[tuple[FakeDiscord, DiscordAdapter]]:
    async with FakeDiscord() as server:
        adapter = DiscordAdapter(
            settings_for(server),
            CommandCore(services=object(), registry=default_registry()),  # type: ignore[arg-type]
            ready_timeout=5,
            guild_ready_timeout=0.05,
        )
        await adapter.start()
        try:
            yield server, adapter
        finally:
            await adapter.stop()


async def test_a_limit_below_one_is_refused_in_discord(discord_adapter: tuple[FakeDiscord, DiscordAdapter]) -> None:
    server, _ = discord_adapter
    for limit in ("0", "-1"):
        callback = await server.interaction(
            "brief", [{"name": "topic", "type": 3, "value": "armenia"}, {"name": "limit", "type": 3, "value": limit}]
        )
        assert callback is not None
        assert f"--limit must be a whole number from 1 to 20; got '{limit}'" in str(callback), callback


def test_a_blank_topic_is_answered_as_an_empty_one(cli_env: dict[str, str]) -> None:
    """Was: `brief ""` said TOPIC is missing, `brief "   "` that it does not know the topic ''."""
    empty = diplobot("brief", "", env=cli_env)
    blank = diplobot("brief", "   ", env=cli_env)
    assert empty == blank
    assert empty[0] == 1 and "Error: missing TOPIC" in empty[1]


@pytest.fixture
async def not_found() -> AsyncIterator[str]:
    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404, text="no such page")

    webapp = web.Application()
    webapp.router.add_get("/{path:.*}", missing)
    runner = web.AppRunner(webapp, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/feed.xml"
    await runner.cleanup()


async def test_a_feed_404_hint_does_not_send_the_user_back_to_the_same_command(
    core: CommandCore,
    not_found: str,
) -> None:
    from tests.support.commands import body, run

    reply = await run(core, f"feeds add {not_found}")
    text = body(reply)
    assert not reply.ok and "HTTP 404" in text and "nothing at this URL" in text, text
    assert "feeds add" not in text.split("usage:")[0], text  # the command the user just ran
    assert "http_404" not in text  # said once, as HTTP 404
