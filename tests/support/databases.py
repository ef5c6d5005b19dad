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
import shutil
import uuid
from importlib.metadata import version
from pathlib import Path

import asyncpg

from bot.storage.db import MIGRATIONS, Database

_LOCK = 0x6469706C  # pg_advisory_lock key of the template build ("dipl")


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
    return name


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
