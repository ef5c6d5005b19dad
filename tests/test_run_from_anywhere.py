"""The installed `diplobot` run from any folder: the shipped defaults are found, and no database appears by surprise.

Each test runs the real command of the venv in a subprocess whose working folder is an empty temporary
folder, with none of diplobot's variables set unless the test sets them (issue 16, item 8).
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from tests.conftest import REPO

DIPLOBOT = Path(sys.executable).parent / "diplobot"


def diplobot(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`diplobot ARGS` from `cwd`, with only the diplobot variables given here."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    return subprocess.run(
        [str(DIPLOBOT), *args], cwd=cwd, env={**clean, **env}, capture_output=True, text=True, timeout=180, check=False
    )


def rule_names(path: Path) -> list[str]:
    return sorted(rule["name"] for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"])


def test_a_command_from_another_folder_uses_the_rules_and_feeds_diplobot_ships(tmp_path: Path) -> None:
    """Was: "config/rules.yaml: cannot read the rules file" and no hint."""
    here = tmp_path / "elsewhere"
    here.mkdir()
    db = f"sqlite+aiosqlite:///{tmp_path / 'data' / 'diplobot.db'}"
    (tmp_path / "data").mkdir()
    rules = diplobot("rules", "list", cwd=here, DIPLOBOT_DATABASE_URL=db)
    assert rules.returncode == 0, rules.stderr
    for name in rule_names(REPO / "config" / "rules.yaml"):
        assert name in rules.stdout
    feeds = diplobot("feeds", "list", cwd=here, DIPLOBOT_DATABASE_URL=db)
    assert feeds.returncode == 0, feeds.stderr
    seeds = next(line for line in feeds.stdout.splitlines() if line.split()[1:2] == ["seeds"]).split()[2]
    assert sorted(p.name for p in Path(seeds).glob("*.txt")) == sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert list(here.iterdir()) == []  # nothing written in the working folder


def test_check_from_another_folder_needs_no_config_folder(tmp_path: Path) -> None:
    article = next((REPO / "seeds").glob("*.txt"))
    out = diplobot("check", "--json", str(article), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "armenia-azerbaijan-peace" in out.stdout
    assert list(tmp_path.iterdir()) == []


def test_a_command_in_a_folder_without_the_database_says_where_it_is_and_creates_nothing(tmp_path: Path) -> None:
    """Was: an empty database started in var/ of whatever folder the command was typed in."""
    out = diplobot("brief", "armenia", cwd=tmp_path)
    assert out.returncode == 2, out.stdout + out.stderr
    message = out.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert message.startswith(f"Error: no database in {tmp_path}:")
    assert "var/diplobot.db" in message and "'diplobot run'" in message and "DIPLOBOT_DATABASE_URL" in message
    assert list(tmp_path.iterdir()) == []


def test_run_keeps_the_default_database_in_var_of_its_folder_where_other_commands_find_it(
    tmp_path: Path, config_dir: Path
) -> None:
    here = tmp_path / "bot-home"
    here.mkdir()
    run = diplobot("run", "--once", cwd=here, DIPLOBOT_CONFIG_DIR=str(config_dir))  # the seeds only: no network
    assert run.returncode == 0, run.stderr
    assert "[ALERT]" in run.stdout
    assert (here / "var" / "diplobot.db").is_file()
    rules = diplobot("rules", "list", cwd=here, DIPLOBOT_CONFIG_DIR=str(config_dir))
    assert rules.returncode == 0 and "armenia-azerbaijan-peace" in rules.stdout, rules.stderr


def test_a_missing_config_folder_is_named_with_its_variable_and_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "diplobot.db"
    for folder, what in ((tmp_path / "nope", "does not exist"), (tmp_path, "has no rules.yaml")):
        out = diplobot(
            "rules",
            "list",
            cwd=tmp_path,
            DIPLOBOT_CONFIG_DIR=str(folder),
            DIPLOBOT_DATABASE_URL=f"sqlite+aiosqlite:///{db}",
        )
        assert out.returncode == 2, out.stdout + out.stderr
        message = out.stderr.strip()
        assert message.startswith(f"Error: environment, field 'DIPLOBOT_CONFIG_DIR': the folder {folder} {what}")
        assert "unset DIPLOBOT_CONFIG_DIR to use the defaults shipped with diplobot" in message
        assert len(message.splitlines()) == 1
        assert not db.exists()


def test_the_package_ships_every_file_of_config_and_seeds() -> None:
    """bot/config and bot/seeds link to the repository's folders; package data puts their files in the wheel."""
    assert (REPO / "bot" / "config").resolve() == (REPO / "config").resolve()
    assert (REPO / "bot" / "seeds").resolve() == (REPO / "seeds").resolve()
    globs = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"][
        "bot"
    ]
    for folder in ("config", "seeds"):
        for file in (REPO / folder).iterdir():
            assert any(fnmatch.fnmatch(f"{folder}/{file.name}", glob) for glob in globs), file
