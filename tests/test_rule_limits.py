"""Rules have size caps (bot/limits.py): a huge rules file or field is refused at once with one message, nothing stored.

Run as a user would: the real CLI in a subprocess with a temporary config folder and database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bot.limits import MAX_DESCRIPTION, MAX_RULES, MAX_RULES_FILE_BYTES
from tests.conftest import REPO


def cli(*args: str, tmp_path: Path, config_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOBOT_", "SLACK_", "DISCORD_"))}
    env.update(
        DIPLOBOT_TERMINAL="1",
        DIPLOBOT_CONFIG_DIR=str(config_dir),
        DIPLOBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}",
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def one_message(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode != 0, result.stdout
    text = result.stderr + result.stdout
    for word in words:
        assert word in text, text
    assert len(text) < 2_000, text[:2_000]  # a message, not the offending text echoed back
    return text


def many_rules(count: int) -> str:
    return "rules:\n" + "".join(f'  - {{name: rule-{i}, query: "armenia AND term{i}"}}\n' for i in range(count))


def test_a_rules_file_over_the_size_cap_stops_start_up_at_once(tmp_path: Path, config_dir: Path) -> None:
    text = many_rules(300_000)  # 12.7 MB: start-up used to hang for 300 s
    assert len(text) > 12_000_000
    (config_dir / "rules.yaml").write_text(text)
    started = time.monotonic()
    result = cli("run", "--once", tmp_path=tmp_path, config_dir=config_dir, timeout=100)
    assert time.monotonic() - started < 60
    one_message(result, "rules.yaml", f"{MAX_RULES_FILE_BYTES:,} bytes")
    assert result.returncode == 2


def test_a_rules_file_with_too_many_rules_is_refused(tmp_path: Path, config_dir: Path) -> None:
    text = many_rules(MAX_RULES + 1)
    assert len(text.encode()) < MAX_RULES_FILE_BYTES
    (config_dir / "rules.yaml").write_text(text)
    result = cli(
        "check",
        "--rules",
        str(config_dir / "rules.yaml"),
        str(REPO / "seeds"),
        tmp_path=tmp_path,
        config_dir=config_dir,
    )
    one_message(result, "rules.yaml", f"{MAX_RULES + 1:,} rules", f"cap of {MAX_RULES:,}")
    assert result.returncode == 2


def test_a_long_description_in_rules_yaml_names_the_rule_and_field(tmp_path: Path, config_dir: Path) -> None:
    (config_dir / "rules.yaml").write_text(
        f'rules:\n  - name: wordy\n    query: armenia\n    description: "{"x" * (MAX_DESCRIPTION + 1)}"\n'
    )
    result = cli("run", "--once", tmp_path=tmp_path, config_dir=config_dir)
    one_message(result, "rules.yaml", "wordy", "description", f"{MAX_DESCRIPTION + 1:,} characters")


def test_a_rule_with_a_huge_description_is_not_stored(tmp_path: Path, config_dir: Path) -> None:
    assert cli("feeds", "list", tmp_path=tmp_path, config_dir=config_dir).returncode == 0
    result = cli(
        "watch",
        "add",
        "wordy",
        "--query",
        "armenia",
        "--description",
        "x" * 100_000,
        "--yes",
        tmp_path=tmp_path,
        config_dir=config_dir,
    )
    one_message(result, "description", f"at most {MAX_DESCRIPTION:,} characters")
    listed = cli("watch", "list", tmp_path=tmp_path, config_dir=config_dir)
    assert listed.returncode == 0 and "wordy" not in listed.stdout


def test_importing_a_rule_with_a_10_mb_description_stores_nothing(tmp_path: Path, config_dir: Path) -> None:
    assert cli("feeds", "list", tmp_path=tmp_path, config_dir=config_dir).returncode == 0
    big = tmp_path / "big.yaml"
    big.write_text(
        f'rules:\n  - name: huge\n    query: armenia\n    description: "{"x" * 10_000_000}"\n'
        "  - name: small\n    query: azerbaijan\n"
    )
    result = cli("rules", "import", str(big), tmp_path=tmp_path, config_dir=config_dir)
    one_message(result, f"{MAX_RULES_FILE_BYTES:,} bytes")
    small = tmp_path / "small.yaml"
    small.write_text(
        f'rules:\n  - name: huge\n    query: armenia\n    description: "{"x" * 5_000}"\n'
        "  - name: small\n    query: azerbaijan\n"
    )
    result = cli("rules", "import", str(small), tmp_path=tmp_path, config_dir=config_dir)
    one_message(result, "huge", "description", f"at most {MAX_DESCRIPTION:,} characters")
    listed = cli("watch", "list", tmp_path=tmp_path, config_dir=config_dir)
    assert listed.returncode == 0
    assert "huge" not in listed.stdout and "small" not in listed.stdout  # all or nothing
