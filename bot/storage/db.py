"""The database handle: an async SQLAlchemy engine, sessions, and Alembic migrations at start."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from alembic import command
from alembic.config import Config
from sqlalchemy import Insert, event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, CursorResult, Result
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.errors import ConfigError, Unavailable

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
        file="environment",
        field="DIPLOBOT_DATABASE_URL",
        found=url,
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
            self.engine = create_async_engine(
                url, pool_size=10, max_overflow=10, pool_pre_ping=False, pool_recycle=1800
            )
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    async def migrate(self) -> None:
        """Run Alembic upgrade to head on this database (idempotent).

        It is the first use of the database, so a database that cannot be used (PostgreSQL down or
        refusing the login, a SQLite file that is no database, damaged or locked) raises Unavailable
        saying which and what to do; the file is left exactly as it was.
        """
        try:
            async with self.engine.begin() as conn:
                await conn.run_sync(_upgrade)
        except (DBAPIError, OSError, TimeoutError) as exc:
            raise unavailable(self.url, exc) from None
        except Exception as exc:
            # asyncpg raises its own errors while connecting (a refused password, an unknown database),
            # unwrapped by SQLAlchemy; anything else is a bug and keeps its traceback.
            if type(exc).__module__.startswith("asyncpg"):
                raise unavailable(self.url, exc) from None
            raise

    async def check_writable(self, wait: float = 10.0) -> None:
        """Raise Unavailable if a SQLite file stays locked by another process for `wait` seconds.

        `diplobot run` asks this once at start: a file another program holds locked would otherwise fail
        every poll and delivery. CLI commands do not ask, so they can read while `run` writes.
        """
        if self.dialect != "sqlite":
            return
        try:
            async with self.engine.connect() as conn:
                await conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait * 1000)}")
                try:
                    await conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, taken and given back
                    await conn.exec_driver_sql("ROLLBACK")
                finally:
                    await conn.exec_driver_sql("PRAGMA busy_timeout=30000")
        except (DBAPIError, OSError) as exc:
            raise unavailable(self.url, exc, waited=wait) from None

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction, committed on success and rolled back on error."""
        async with self.sessions() as session, session.begin():
            yield session

    async def close(self) -> None:
        """Dispose of the engine's connections."""
        await self.engine.dispose()


def unavailable(url: str, exc: BaseException, *, waited: float = 30.0) -> Unavailable:
    """The one message for a database that cannot be opened: what is wrong and what to do, no password."""
    reason = str(getattr(exc, "orig", None) or exc).strip() or type(exc).__name__
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or url
        lower = reason.lower()
        if "locked" in lower or "busy" in lower:
            return Unavailable(
                f"the SQLite database {path} is locked by another process (waited {waited:g} s): stop the other program "
                "using it (another `diplobot run`?) and start again, or set DIPLOBOT_DATABASE_URL to another file"
            )
        if "not a database" in lower or "malformed" in lower or "corrupt" in lower:
            return Unavailable(
                f"the file {path} is not a usable SQLite database ({reason}); it was left unchanged: move it aside "
                "or restore a backup, or set DIPLOBOT_DATABASE_URL to another file"
            )
        return Unavailable(
            f"cannot open the SQLite database {path} ({reason}); check the file, its folder and "
            "their permissions, or set DIPLOBOT_DATABASE_URL to another file"
        )
    shown = parsed.render_as_string(hide_password=True)
    return Unavailable(
        f"cannot use the PostgreSQL database {shown} ({type(getattr(exc, 'orig', None) or exc).__name__}: {reason}); "
        "check that PostgreSQL runs and accepts connections there, and the user, password and database name "
        "in DIPLOBOT_DATABASE_URL"
    )


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


def rowcount(result: Result[Any]) -> int:
    """How many rows an INSERT, UPDATE or DELETE run by `AsyncSession.execute` matched.

    `AsyncSession.execute` is typed to return a `Result`; for these statements it returns the
    `CursorResult` that alone has `rowcount`.
    """
    return cast(CursorResult[Any], result).rowcount


def _upgrade(conn: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "heads")  # "heads": independent migration branches all apply


def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: object) -> None:
    # WAL lets the CLI read while `diplobot run` writes; foreign keys are off by default in SQLite.
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
