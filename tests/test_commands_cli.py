"""The commands through the real CLI (`python -m bot ...`), after `run --once` stored the seed articles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess as the local operator."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env={**os.environ, "DIPLOBOT_TERMINAL": "1", **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A database filled by one `run --once` over a copy of the seeds, and config pointing at it."""
    import shutil

    root = tmp_path_factory.mktemp("cli")
    repo = Path(__file__).resolve().parents[1]
    cfg = root / "config"
    cfg.mkdir()
    shutil.copy(repo / "config" / "rules.yaml", cfg / "rules.yaml")
    shutil.copytree(repo / "seeds", root / "seeds")
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: seeds\n    url: {root / 'seeds'}\n    interval: 60\n    backfill: 50\n    outlet: Seeds\n",
        encoding="utf-8",
    )
    values = {"DIPLOBOT_DATABASE_URL": f"sqlite+aiosqlite:///{root / 'diplobot.db'}", "DIPLOBOT_CONFIG_DIR": str(cfg)}
    first = cli("run", "--once", env=values)
    assert first.returncode == 0, first.stderr
    return values


@pytest.mark.parametrize("topic", ["armenia", "blinken", "karabakh"])
def test_brief_on_the_seeds(env: dict[str, str], topic: str) -> None:
    out = cli("brief", topic, env=env)
    assert out.returncode == 0, out.stderr
    assert "1 story" in out.stdout
    assert "000_d77d8215b37c969e.txt" in out.stdout and "003_057d54dbc139232c.txt" in out.stdout


def test_unknown_topic_exits_nonzero_with_suggestions(env: dict[str, str]) -> None:
    out = cli("brief", "armnia", env=env)
    assert out.returncode == 1 and "Armenia" in out.stderr and "Traceback" not in out.stderr


def test_watch_preview_then_save_then_history(env: dict[str, str]) -> None:
    preview = cli("watch", "add", "kb", "--places", "Karabakh", "--events", "ceasefire", env=env)
    assert preview.returncode == 0, preview.stderr
    assert "would have alerted on 1 story (2 articles)" in preview.stdout and "--yes" in preview.stdout
    saved = cli("watch", "add", "kb", "--places", "Karabakh", "--events", "ceasefire", "--yes", env=env)
    assert saved.returncode == 0 and "added" in saved.stdout
    history = cli("watch", "history", "kb", env=env)
    assert "operator  add kb" in history.stdout


def test_bad_argument_names_it_and_shows_usage(env: dict[str, str]) -> None:
    out = cli("subscribe", "ceasefire-developments", "--digest", "daily", "--at", "8 o'clock", env=env)
    assert out.returncode == 1
    assert "--at" in out.stderr and "usage: subscribe RULE" in out.stderr and "Traceback" not in out.stderr


def test_subscribe_a_channel_from_the_cli(env: dict[str, str]) -> None:
    out = cli(
        "subscribe",
        "official-talks",
        "--digest",
        "daily",
        "--at",
        "08:00",
        "--tz",
        "Europe/Paris",
        "--channel",
        "slack:T1/C1",
        env=env,
    )
    assert out.returncode == 0, out.stderr
    listed = cli("subscriptions", "--channel", "slack:T1/C1", env=env)
    assert "official-talks — a daily digest at 08:00 Europe/Paris" in listed.stdout


def test_rules_export_import_round_trip(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    assert cli("rules", "export", str(path), env=env).returncode == 0
    assert "name: armenia-azerbaijan-peace" in path.read_text()
    back = cli("rules", "import", str(path), env=env)
    assert back.returncode == 0 and "0 added, 0 updated" in back.stdout
