"""Shared fixtures: database URLs (SQLite always, PostgreSQL when reachable), settings, a fake clock."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"

# Test modules import helpers as `tests.<module>`; the repository root must be importable for that.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("DIPLOBOT_ALLOW_PRIVATE_NETWORKS", "1")

_PG_DEFAULT = "postgresql+asyncpg://diplobot:diplobot@127.0.0.1:5432/diplobot_test"


def _postgres_url() -> tuple[str | None, str]:
    """The PostgreSQL test URL if a server answers, and a sentence saying what was found."""
    url = os.environ.get("DIPLOBOT_TEST_POSTGRES_URL", _PG_DEFAULT)

    async def probe() -> None:
        import asyncpg

        conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"), timeout=3)
        await conn.close()

    try:
        asyncio.run(probe())
    except Exception as exc:
        return None, f"PostgreSQL not reachable at {url} ({type(exc).__name__}): database tests run on SQLite only"
    return url, f"PostgreSQL reachable at {url}: database tests run on SQLite and PostgreSQL"


PG_URL, PG_STATUS = _postgres_url()
DB_BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def pytest_report_header(config: pytest.Config) -> str:
    """Say clearly whether the PostgreSQL half of the suite runs."""
    return PG_STATUS


async def _reset_postgres(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await conn.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(params=DB_BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: a SQLite file in tmp_path, or a wiped PostgreSQL schema."""
    if request.param == "postgresql":
        assert PG_URL is not None
        asyncio.run(_reset_postgres(PG_URL))
        return PG_URL
    return f"sqlite+aiosqlite:///{tmp_path / 'diplobot.db'}"


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """A copy of config/ whose feeds.yaml lists only a temporary copy of the seeds folder."""
    cfg = tmp_path / "config"
    cfg.mkdir()
    shutil.copy(REPO / "config" / "rules.yaml", cfg / "rules.yaml")
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (cfg / "feeds.yaml").write_text(
        f"feeds:\n  - name: seeds\n    url: {seeds}\n    interval: 60\n    backfill: 50\n    outlet: Seeds\n",
        encoding="utf-8",
    )
    return cfg


class FakeClock:
    """An injected clock: tests move time with `advance` instead of sleeping."""

    def __init__(self, start: datetime | None = None) -> None:
        self.current = start or datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)

    def now(self) -> datetime:
        """The fake current time."""
        return self.current

    def advance(self, **kwargs: float) -> None:
        """Move time forward."""
        self.current += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at 2026-11-24 12:00 UTC."""
    return FakeClock()
