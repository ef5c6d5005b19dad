"""Admin round trips through the real CLI in a subprocess, against a temporary database (issue 16, item 7).

`rules export > rules.yaml` writes YAML only and imports back; a bad rules file is named; `feeds add
--backfill N`; `check --rules-from-db [--tenant T]` reads the stored rules, and an empty folder is said.
"""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import yaml

from tests.conftest import SEEDS
from tests.support.cli import diplobot as run_diplobot
from tests.support.platform_apps import env_for


async def diplobot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`diplobot ARGS` in a subprocess, as an operator types it."""
    return await asyncio.to_thread(run_diplobot, *args, env=env)


async def test_rules_export_is_yaml_only_and_imports_back(database_url: str, config_dir: Path, tmp_path: Path) -> None:
    env = env_for(database_url, config_dir)
    exported = await diplobot(env, "rules", "export")
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.startswith("rules:"), exported.stdout[:200]  # no "Rules as YAML:" line first
    names = [r["name"] for r in yaml.safe_load(exported.stdout)["rules"]]
    assert "ceasefire-developments" in names
    saved = tmp_path / "rules.yaml"
    saved.write_text(exported.stdout, encoding="utf-8")  # what `rules export > rules.yaml` leaves
    back = await diplobot(env, "rules", "import", str(saved))
    assert back.returncode == 0 and f"{len(names)} unchanged" in back.stdout, (back.stdout, back.stderr)


async def test_rules_import_of_a_bad_file_names_the_file(database_url: str, config_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad-rules.yaml"
    bad.write_text("rules:\n  - name: broken\n    query: '(ceasefire'\n", encoding="utf-8")
    done = await diplobot(env_for(database_url, config_dir), "rules", "import", str(bad))
    assert done.returncode == 1
    first = done.stderr.splitlines()[0]
    assert first == f"Rules file {bad} is not valid (1 problem); nothing saved.", done.stderr
    assert "Rule '" not in done.stderr and "unbalanced '('" in done.stderr


async def test_feeds_add_takes_backfill(database_url: str, config_dir: Path, tmp_path: Path) -> None:
    env = env_for(database_url, config_dir)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    added = await diplobot(env, "feeds", "add", str(inbox), "--name", "inbox", "--backfill", "3")
    assert added.returncode == 0, added.stderr
    assert "On its first poll its newest 3 items may alert." in added.stdout, added.stdout
    refused = await diplobot(env, "feeds", "add", str(inbox), "--name", "other", "--backfill", "-1")
    assert refused.returncode == 1 and "--backfill must be a whole number, 0 or more; got '-1'" in refused.stderr
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.ingest.feeds import FeedSpec  # the stored spec is what the poller reads

    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as conn:
            spec = (await conn.execute(sa.text("SELECT spec FROM feeds WHERE name = 'inbox'"))).scalar_one()
    finally:
        await engine.dispose()
    spec = yaml.safe_load(spec) if isinstance(spec, str) else spec
    assert FeedSpec.model_validate(spec).backfill == 3


async def test_check_uses_the_stored_rules_of_a_tenant(database_url: str, config_dir: Path, tmp_path: Path) -> None:
    env = env_for(database_url, config_dir)
    saved = await diplobot(env, "watch", "add", "only-in-the-database", "--query", "Blinken", "--yes")
    assert saved.returncode == 0, saved.stderr
    from_file = await diplobot(env, "check", str(SEEDS))
    from_db = await diplobot(env, "check", "--rules-from-db", str(SEEDS))
    assert from_db.returncode == 0, from_db.stderr
    assert "only-in-the-database" not in from_file.stdout
    assert (
        "MATCH only-in-the-database" in from_db.stdout and "rules: the rules of local in the database" in from_db.stderr
    )
    other = await diplobot(env, "check", "--rules-from-db", "--tenant", "slack:T0NOBODY", str(SEEDS))
    assert other.returncode == 2 and "slack:T0NOBODY has no rules in the database" in other.stderr, other.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    said = await diplobot(env, "check", str(empty))
    assert said.returncode == 0 and f"warning: {empty}: no article files in this folder" in said.stderr, said.stderr
