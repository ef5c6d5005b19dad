"""`diplobot ... --help` as a user runs it: every argument in the usage line, every option listed, fast to answer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.commands import GROUP_HELP, default_registry
from bot.commands.core import CommandSpec

DIPLOBOT = Path(sys.executable).with_name("diplobot")
SPECS = [s for s in default_registry().specs if s.name not in ("run", "check")]
# Modules only running a command needs: the database layer, the detector, the story index, the platforms.
HEAVY = (
    "sqlalchemy.engine",
    "sqlalchemy.orm",
    "alembic",
    "aiosqlite",
    "asyncpg",
    "datasketch",
    "scipy",
    "numpy",
    "lingua",
    "ahocorasick",
    "re2",
    "feedparser",
    "trafilatura",
    "aiohttp",
    "apscheduler",
    "discord",
    "slack_bolt",
    "slack_sdk",
    "yaml.loader",
    "bot.stories.cluster",
    "bot.app",
    "bot.detect",
)


def diplobot(*args: str) -> subprocess.CompletedProcess[str]:
    """The console script, in a fresh process, with no diplobot settings in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    return subprocess.run([str(DIPLOBOT), *args], capture_output=True, text=True, env=env, timeout=60, check=False)


def expected_usage(spec: CommandSpec) -> str:
    """`Usage: diplobot NAME [OPTIONS] ARG [OPTIONAL]...`, the arguments in the order the spec declares them."""
    pieces = [f"diplobot {spec.name}", "[OPTIONS]"]
    for arg in spec.args:
        if arg.kind in ("str", "int", "rest"):
            name = arg.name.upper() + ("..." if arg.kind == "rest" else "")
            pieces.append(name if arg.required else f"[{name}]")
    return "Usage: " + " ".join(pieces)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name.replace(" ", "-"))
def test_command_help_shows_its_arguments_and_every_option(spec: CommandSpec) -> None:
    out = diplobot(*spec.name.split(), "--help")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert text.splitlines()[0] == expected_usage(spec), text
    assert " ".join(spec.help.split()[:4]) in " ".join(text.split())
    for arg in spec.args:
        if arg.kind == "option":
            assert re.search(rf"^\s+--{arg.name} {arg.name.upper()}\s", text, re.MULTILINE), (arg.name, text)
        elif arg.kind == "flag":
            assert re.search(rf"^\s+--{arg.name}\s", text, re.MULTILINE), (arg.name, text)
        else:
            assert re.search(rf"^\s+{re.escape(arg.name.upper())}(\.\.\.)?\s", text, re.MULTILINE), (arg.name, text)
    assert "--channel CHANNEL" in text
    assert not re.search(r"<\w+[^>]*>|\{\w+", text), f"a type placeholder instead of a name:\n{text}"


@pytest.mark.parametrize("command", [("run",), ("check",)])
def test_cli_only_commands_show_their_options(command: tuple[str, ...]) -> None:
    out = diplobot(*command, "--help")
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert (
        first
        == {"run": "Usage: diplobot run [OPTIONS]", "check": "Usage: diplobot check [OPTIONS] PATH..."}[command[0]]
    )
    assert ("--once" if command == ("run",) else "--rules FILE") in out.stdout
    assert not re.search(r"<\w+[^>]*>|\{\w+", out.stdout), out.stdout


def test_groups_say_what_they_are_for() -> None:
    top = diplobot("--help")
    assert top.returncode == 0, top.stderr
    for group, text in GROUP_HELP.items():
        assert f"{group} commands" not in top.stdout
        assert " ".join(text.split()[:3]) in " ".join(top.stdout.split()), (group, top.stdout)
        sub = diplobot(group, "--help")
        assert " ".join(text.split()) in " ".join(sub.stdout.split()), sub.stdout
    assert "..." not in top.stdout.split("Commands:")[1], "a command's help is cut short"
    assert {s.group for s in SPECS if " " in s.name} == set(GROUP_HELP)


@pytest.mark.parametrize("args", [("--help",), ("brief", "--help")])
def test_help_loads_none_of_the_heavy_modules(args: tuple[str, ...]) -> None:
    probe = (
        "import json, sys\n"
        f"sys.argv = ['diplobot', *{list(args)!r}]\n"
        "from bot.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(list(sys.modules)), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    loaded = set(json.loads(out.stderr.strip().splitlines()[-1]))
    assert "Usage: diplobot" in out.stdout
    heavy = HEAVY + (("pydantic.main", "bot.settings", "asyncio") if args == ("--help",) else ())
    assert sorted(m for m in heavy if m in loaded) == []


# What only polling needs: the detector, the story index, the feed fetcher and parser, the scheduler, the language
# models, and the ops server's aiohttp.
POLLER = ("bot.detect.detector", "bot.ingest.pipeline", "datasketch", "trafilatura", "aiohttp", "apscheduler", "lingua")


def test_a_command_that_polls_nothing_loads_none_of_the_poller(tmp_path: Path) -> None:
    """`diplobot feeds list` opens the database and the command core, not the detector or the HTTP client: each
    of those costs a one-shot command a fraction of a second of start-up."""
    probe = (
        "import json, sys\n"
        "sys.argv = ['diplobot', 'feeds', 'list']\n"
        "from bot.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(list(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}"}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    loaded = set(json.loads(out.stderr.strip().splitlines()[-1]))
    assert "feeds:" in out.stdout, out.stderr
    assert "sqlalchemy.orm" in loaded  # the probe sees what the command did load
    assert sorted(m for m in POLLER if m in loaded) == []


def test_deferred_modules_do_not_break_a_later_ordinary_import() -> None:
    # The CLI defers SQLAlchemy and the repositories; code that imports them the ordinary way afterwards
    # (the app, the tests) must find them whole. A half-made `sqlalchemy` in sys.modules broke this.
    probe = "import bot.cli, bot.commands.brief, bot.services, sqlalchemy.orm; print(sqlalchemy.orm.Session.__name__)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Session"
