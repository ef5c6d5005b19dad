"""Test databases at the newest schema, copied from one migrated template instead of migrated per test.

Migrating an empty database costs most of a database test's set-up (seven Alembic revisions, a schema
rewrite on SQLite). The suite migrates once: a SQLite file per session, copied per test, and a PostgreSQL
template database, cloned per test with `CREATE DATABASE ... TEMPLATE`. The template's name carries a hash
of the migrations and of the Alembic and SQLAlchemy versions, so a changed migration builds a new one; it is
built by the tests themselves (under an advisory lock: parallel runs on one server build it once) and no one
ever connects to it once built. Tests of the migrations themselves ask for an empty database instead.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import shutil
import uuid
from datetime import datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import asyncpg

from bot.storage.db import MIGRATIONS, Database

_LOCK = 0x6469706C  # pg_advisory_lock key of the template build ("dipl")
_LOG = logging.getLogger(__name__)
# Databases of our names that a run killed before its clean-up left on the server, and how old each kind must be
# before it counts as left: a test's database lives for one test, a template for as long as any checkout of its
# migrations runs the suite.
_TEST_PREFIXES = ("diplobot_t_", "diplobot_tbuild_")
_TEMPLATE_PREFIX = "diplobot_tmpl_"
TEST_STALE_AFTER = timedelta(hours=1)
TEMPLATE_STALE_AFTER = timedelta(days=1)


def migrations_key() -> str:
    """A hash of every migration file and of the libraries that run them."""
    digest = hashlib.sha1(f"alembic {version('alembic')} sqlalchemy {version('sqlalchemy')}".encode())
    for path in sorted(MIGRATIONS.rglob("*.py")):
        digest.update(path.relative_to(MIGRATIONS).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


async def _migrate(url: str) -> None:
    db = Database(url)
    try:
        await db.migrate()
    finally:
        await db.close()


def migrated_sqlite(folder: Path) -> Path:
    """A SQLite file in `folder` migrated to the newest revision (its write-ahead log folded in)."""
    path = folder / "template.db"
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    leftovers = [p.name for p in folder.iterdir() if p != path]
    assert not leftovers, f"the migrated SQLite template left {leftovers} beside it"
    return path


def sqlite_copy(template: Path, folder: Path) -> str:
    """The URL of a copy of the migrated SQLite `template` in `folder`."""
    target = folder / "diplobot.db"
    shutil.copyfile(template, target)
    return f"sqlite+aiosqlite:///{target}"


def _admin_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg", "postgresql")


def _sibling(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


async def postgres_template(url: str) -> str:
    """The name of the migrated template database beside `url`, built if this server lacks it."""
    name = f"diplobot_tmpl_{migrations_key()}"
    conn = await asyncpg.connect(_admin_dsn(url))
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", _LOCK)
        try:
            if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
                await _build_template(conn, url, name)
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", _LOCK)
    finally:
        await conn.close()
    await drop_stale(url, keep=name)
    return name


def stale_names(rows: list[tuple[str, datetime | None, int]], keep: str, now: datetime) -> list[str]:
    """Of (name, created, connections) rows, the databases left by killed runs: our names only, never `keep` (the
    current template), none anyone is connected to or whose age is unknown, test databases older than an hour and
    templates of other migrations older than a day."""
    out = []
    for name, created, connections in rows:
        if name == keep or connections or created is None:
            continue
        if name.startswith(_TEST_PREFIXES):
            limit = TEST_STALE_AFTER
        elif name.startswith(_TEMPLATE_PREFIX):
            limit = TEMPLATE_STALE_AFTER
        else:
            continue
        if now - created > limit:
            out.append(name)
    return out


async def drop_stale(url: str, keep: str) -> list[str]:
    """Drop the databases `stale_names` picks on the server of `url` (never with FORCE: a database someone has
    connected to since is refused by the server); returns the names dropped. A failure is logged, never raised:
    a clean-up must not fail the run."""
    dropped: list[str] = []
    try:
        conn = await asyncpg.connect(_admin_dsn(url))
    except (OSError, asyncpg.PostgresError) as exc:
        _LOG.warning("stale test databases not checked: %s", exc)
        return dropped
    try:
        for name in stale_names(await _our_databases(conn), keep, await conn.fetchval("SELECT now()")):
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                dropped.append(name)
            except asyncpg.PostgresError as exc:
                _LOG.warning("stale test database %s not dropped: %s", name, exc)
    except asyncpg.PostgresError as exc:
        _LOG.warning("stale test databases not checked: %s", exc)
    finally:
        await conn.close()
    return dropped


async def _our_databases(conn: asyncpg.Connection) -> list[tuple[str, datetime | None, int]]:
    """(name, created, connections) of every database of our names; created is when its files were made (None
    when the server does not let us read it, or the database went meanwhile)."""
    rows = await conn.fetch(
        "SELECT d.datname, (SELECT count(*) FROM pg_stat_activity a WHERE a.datname = d.datname) AS connections,"
        " (pg_stat_file('base/' || d.oid || '/PG_VERSION', true)).modification AS created"
        " FROM pg_database d WHERE d.datname LIKE 'diplobot\\_t%'"
    )
    return [(r["datname"], r["created"], r["connections"]) for r in rows]


async def _build_template(conn: asyncpg.Connection, url: str, name: str) -> None:
    """Migrate a new database under a building name, then rename it: the template appears only complete."""
    building = f"diplobot_tbuild_{uuid.uuid4().hex[:12]}"
    await conn.execute(f'CREATE DATABASE "{building}"')
    try:
        await _migrate(_sibling(url, building))
        await conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    except BaseException:
        await conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        raise
    # No connection to the template from now on: CREATE DATABASE ... TEMPLATE refuses a template in use.
    await conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')


async def create_postgres(url: str, template: str | None) -> str:
    """A new database next to the one in `url` (a copy of `template`, or empty); returns its URL.

    One database per test (not a wiped shared schema): several engineers and CI jobs may run the
    suite against one server at the same time without dropping each other's tables.
    """
    name = f"diplobot_t_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(_admin_dsn(url))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    finally:
        await conn.close()
    return _sibling(url, name)


async def drop_postgres(url: str, test_url: str) -> None:
    """Drop the test database of `test_url`."""
    name = test_url.rsplit("/", 1)[1]
    conn = await asyncpg.connect(_admin_dsn(url))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()
