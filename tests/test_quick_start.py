"""After the quick start (`make run`, `make test`) the `diplobot` command is where the banner and the README say."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

VENV = Path(sys.executable).parent.parent  # the venv `make` created and runs the suite in


def banner(venv: str | None = None) -> str:
    """What `make run` prints before it starts the bot."""
    args = ["make", "-s", "-C", str(REPO), "banner"] + ([f"VENV={venv}"] if venv else [])
    out = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def quick_start() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return text.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def test_the_readme_quick_start_is_two_commands_and_names_the_command_as_make_run_does() -> None:
    section = quick_start()
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    assert [line.split()[:2] for line in block.group(1).splitlines()] == [["make", "run"], ["make", "test"]]
    named = re.findall(r"`(\.venv/bin/diplobot [^`]+)`", section)
    assert ".venv/bin/diplobot brief armenia" in named
    shown = banner()
    for command in named:
        assert command in shown, (command, shown)


def test_the_command_the_banner_names_runs(tmp_path: Path) -> None:
    line = next(line for line in banner(str(VENV)).splitlines() if "brief armenia" in line)
    command = shlex.split(line)[:3]  # `VENV/bin/diplobot brief armenia`, then its comment
    assert command[0] == str(VENV / "bin" / "diplobot")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    env["DIPLOBOT_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}"
    env["DIPLOBOT_CONFIG_DIR"] = str(REPO / "config")
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, timeout=180, check=False)
    assert out.returncode == 0, out.stderr
    assert "Armenia" in out.stdout
