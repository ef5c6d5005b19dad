"""A SQLite URL whose folder is missing: created under the working folder only (issue 15, item 13)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cli(*args: str, cwd: Path, database_url: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess, from `cwd`, with an empty config (nothing to seed)."""
    (cwd / "config").mkdir(exist_ok=True)
    (cwd / "config" / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    (cwd / "config" / "feeds.yaml").write_text("feeds: []\n", encoding="utf-8")
    env = {**os.environ, "DIPLOBOT_DATABASE_URL": database_url, "DIPLOBOT_CONFIG_DIR": str(cwd / "config")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_missing_folder_outside_the_working_folder_is_refused(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    elsewhere = tmp_path / "nonexistent" / "dir"
    out = cli("feeds", "list", cwd=work, database_url=f"sqlite+aiosqlite:///{elsewhere / 'diplobot.db'}")
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    message = out.stderr.strip()
    assert message.startswith("Error: environment, field 'DIPLOBOT_DATABASE_URL':"), message
    assert f"the folder {elsewhere} does not exist; create it first" in message
    assert str(work) in message and len(message.splitlines()) == 1
    assert not (tmp_path / "nonexistent").exists()  # nothing created anywhere


def test_a_relative_path_escaping_the_working_folder_is_refused(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    out = cli("feeds", "list", cwd=work, database_url="sqlite+aiosqlite:///../outside/diplobot.db")
    assert out.returncode == 2 and "does not exist; create it first" in out.stderr, out.stderr
    assert not (tmp_path / "outside").exists()


def test_missing_folders_under_the_working_folder_are_created(tmp_path: Path) -> None:
    out = cli("feeds", "list", cwd=tmp_path, database_url="sqlite+aiosqlite:///var/deep/diplobot.db")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "var" / "deep" / "diplobot.db").is_file()


def test_an_existing_folder_anywhere_is_used(tmp_path: Path) -> None:
    work, data = tmp_path / "work", tmp_path / "data"
    work.mkdir()
    data.mkdir()
    out = cli("feeds", "list", cwd=work, database_url=f"sqlite+aiosqlite:///{data / 'diplobot.db'}")
    assert out.returncode == 0, out.stderr
    assert (data / "diplobot.db").is_file()
