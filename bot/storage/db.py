"""The database handle: an async SQLAlchemy engine, sessions, and Alembic migrations at start."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Insert, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.errors import ConfigError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def sqlite_folder_to_create(url: str, cwd: Path | None = None) -> Path | None:
    """The missing folder a SQLite URL's file needs, or None; ConfigError when it may not be created.

    A missing folder is created only under the working folder (`var/` of the default URL): a typo
    such as `sqlite+aiosqlite:////nonexistent/dir/x.db` must not scatter folders over the disk.
    """
    path = url.split("///", 1)[1] if "///" in url else ""
    path = path.split("?", 1)[0]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    parent = Path(path).parent
    if parent.is_dir():
        return None
    here = (cwd or Path.cwd()).resolve()
    target = (here / parent).resolve()
    if target == here or here in target.parents:
        return target
    raise ConfigError(
        f"the folder {target} does not exist; create it first, or give a path under the working folder {here} "
        "(missing folders are created only there)",
        file="environment", field="DIPLOBOT_DATABASE_URL", found=url,
    )


class Database:
    """One engine and session factory; `migrate()` brings the schema to the newest revision."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite"):
            folder = sqlite_folder_to_create(url)
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
            self.engine: AsyncEngine = create_async_engine(url, connect_args={"timeout": 30})
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        else:
            # No pre-ping: it costs a round trip on every checkout (a third of a delivery's database time).
            # A connection that died (a database restart or failover) fails the one operation using it;
            # SQLAlchemy then discards every pooled connection, and that operation is retried (a poll on
            # its next run, a delivery by the outbox worker), so nothing is lost. Connections are also
            # replaced after 30 minutes, before idle-timeout proxies drop them.
            self.engine = create_async_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=False, pool_recycle=1800)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    async def migrate(self) -> None:
        """Run Alembic upgrade to head on this database (idempotent)."""
        async with self.engine.begin() as conn:
            await conn.run_sync(_upgrade)

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction, committed on success and rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def close(self) -> None:
        """Dispose of the engine's connections."""
        await self.engine.dispose()


T = TypeVar("T")


def chunked(values: Sequence[T], size: int = 500) -> list[Sequence[T]]:
    """`values` in slices of at most `size`: IN lists and multi-row inserts stay far below the
    databases' limits on bound parameters (SQLite 32,766, PostgreSQL 32,767) however big a poll is."""
    return [values[i : i + size] for i in range(0, len(values), size)]


def insert_ignore(session: AsyncSession, model: type[Any], conflict: Sequence[str]) -> Insert:
    """An INSERT that does nothing when a row with the same `conflict` key exists (SQLite and PostgreSQL).

    Used where two feeds or two instances may create the same row at the same moment: the loser
    waits for the winner's commit and then reads the row instead of failing its whole transaction.
    """
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(model).on_conflict_do_nothing(index_elements=list(conflict))


def _upgrade(conn: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "heads")  # "heads": independent migration branches all apply


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    # WAL lets the CLI read while `diplobot run` writes; foreign keys are off by default in SQLite.
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
