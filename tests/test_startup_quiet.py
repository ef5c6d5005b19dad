"""`diplobot run` with Slack and Discord starts without warning noise, and a Discord login retry leaks nothing.

The real command runs in a subprocess against the local fake Slack and Discord servers; its stderr is read
until the adapters say they are connected, then Ctrl-C stops it (issue 16, item 9). Without the fixes
stderr held, at every start, discord.py's "PyNaCl is not installed" and "davey is not installed" warnings and
Bolt's "As you gave `client` as well, `token` will be unused.", and one "Unclosed client session" error per
Discord login retry.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.support.discord_server import FakeDiscord
from tests.support.slack_server import APP_TOKEN, BOT_TOKEN, FakeSlack

DIPLOBOT = Path(sys.executable).parent / "diplobot"
NOISE = ("PyNaCl", "davey", "As you gave `client`", "Unclosed client session", "Unclosed connector", "Traceback")
SLACK_UP = "slack: Socket Mode connected"
DISCORD_UP = "has connected to Gateway"


def environment(tmp_path: Path, **env: str) -> dict[str, str]:
    """The default rules, no feeds, a fresh database, no terminal; nothing inherited from the caller's shell."""
    config = tmp_path / "config"
    config.mkdir()
    shutil.copy(REPO / "config" / "rules.yaml", config / "rules.yaml")
    (config / "feeds.yaml").write_text("feeds: []\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    return {
        **base,
        "DIPLOBOT_CONFIG_DIR": str(config),
        "DIPLOBOT_TERMINAL": "0",
        "DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}",
        **env,
    }


async def run_until(env: dict[str, str], cwd: Path, *wanted: str, timeout: float = 60) -> str:
    """Start `diplobot run`, read stderr until every `wanted` text has appeared, Ctrl-C it; all of stderr."""
    proc = await asyncio.create_subprocess_exec(
        str(DIPLOBOT), "run", env=env, cwd=cwd, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    assert proc.stderr is not None
    lines: list[str] = []

    async def read_until_up() -> None:
        while not all(any(w in line for line in lines) for w in wanted):
            line = await proc.stderr.readline()  # type: ignore[union-attr]
            if not line:
                raise AssertionError("diplobot run ended before it was connected:\n" + "".join(lines))
            lines.append(line.decode())

    try:
        await asyncio.wait_for(read_until_up(), timeout)
        proc.send_signal(signal.SIGINT)
        rest = await asyncio.wait_for(proc.stderr.read(), 30)
        await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return "".join(lines) + rest.decode()


def quiet(stderr: str, *allowed: str) -> None:
    """No library noise, and no warning or error line but the `allowed` ones."""
    for noise in NOISE:
        assert noise not in stderr, stderr
    loud = [line for line in stderr.splitlines() if " WARNING " in line or " ERROR " in line]
    assert [line for line in loud if not any(a in line for a in allowed)] == [], stderr


async def test_a_start_with_slack_and_discord_has_no_warning_noise(
    tmp_path: Path, slack_fake: FakeSlack, discord_fake: FakeDiscord
) -> None:
    env = environment(
        tmp_path,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        SLACK_API_URL=slack_fake.api_url,
        **discord_fake.env(),
    )
    stderr = await run_until(env, tmp_path, SLACK_UP, DISCORD_UP)
    quiet(stderr)
    assert stderr.count("Discord REST base is") == 1, stderr  # once: only the Discord adapter moves it


async def test_a_discord_login_retry_closes_the_failed_session_and_then_connects(
    tmp_path: Path, discord_fake: FakeDiscord
) -> None:
    discord_fake.fail_next("GET", r"/users/@me$", 503, times=1)  # the first login fails; the retry 5 s later works
    stderr = await run_until(environment(tmp_path, **discord_fake.env()), tmp_path, DISCORD_UP)
    assert "Discord: cannot log in" in stderr, stderr
    quiet(stderr, "Discord: cannot log in")
