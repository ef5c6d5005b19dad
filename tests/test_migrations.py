"""The Alembic migrations run on SQLite and PostgreSQL, are idempotent, and match the mapped tables."""

from __future__ import annotations

import asyncio
from datetime import UTC
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from bot.storage.db import Database, alembic_config
from bot.storage.tables import Base
from tests.conftest import PG_URL
from tests.support import databases

# The migrations run here themselves: on an empty database, not on a copy of the migrated template.
pytestmark = pytest.mark.empty_database


async def test_migrations_create_every_mapped_table_and_column(database_url: str) -> None:
    db = Database(database_url)
    try:
        await db.migrate()
        await db.migrate()  # a second start migrates nothing and fails nothing

        def schema(conn):  # type: ignore[no-untyped-def]
            insp = inspect(conn)
            return {t: {c["name"] for c in insp.get_columns(t)} for t in insp.get_table_names()}

        async with db.engine.connect() as conn:
            live = await conn.run_sync(schema)
            versions = set((await conn.execute(text("SELECT version_num FROM alembic_version"))).scalars().all())
        heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
        assert versions == heads
        for table in Base.metadata.sorted_tables:
            assert table.name in live, f"table {table.name} is mapped but no migration creates it"
            missing = {c.name for c in table.columns} - live[table.name]
            assert not missing, f"{table.name}: mapped columns {sorted(missing)} are not in the migrated schema"
            unmapped = live[table.name] - {c.name for c in table.columns}
            assert not unmapped, f"{table.name}: migrated columns {sorted(unmapped)} are mapped by nothing"
    finally:
        await db.close()


async def test_timestamps_round_trip_as_aware_utc_on_both_backends(database_url: str) -> None:
    from datetime import datetime

    from bot.storage.tables import Delivery

    db = Database(database_url)
    try:
        await db.migrate()
        at = datetime(2026, 11, 24, 12, 0, 0, 123456, tzinfo=UTC)
        async with db.session() as session:
            session.add(
                Delivery(
                    channel="rec:room",
                    kind="notice",
                    payload={"text": "ü"},
                    status="pending",
                    attempts=0,
                    next_attempt_at=at,
                    created_at=at,
                )
            )
        async with db.session() as session:
            row = await session.get(Delivery, 1)
            assert row is not None and row.next_attempt_at == at and row.next_attempt_at.tzinfo is not None
            assert row.payload == {"text": "ü"}
    finally:
        await db.close()


async def test_dropping_the_story_signature_keeps_stories_their_articles_and_alerts(database_url: str) -> None:
    """Migration 0007 on a database written by 0006: the column goes, and nothing that hangs on a story does
    (a rebuild of `stories` would, on SQLite with foreign keys on: its alerts deleted, its articles unlinked)."""
    from datetime import datetime

    from bot.storage.tables import AlertRow, ArticleRow, Story

    db = Database(database_url)

    def upgrade(revision: str):  # type: ignore[no-untyped-def]
        def run(conn):  # type: ignore[no-untyped-def]
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)

        return run

    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(upgrade("0006_seen_article_index"))
        at = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
        async with db.engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO stories (id, headline, first_seen, last_seen, state, signature) "
                    "VALUES ('s-1', 'Truce agreed', :at, :at, '{}', '[]')"
                ),
                {"at": at},
            )
        async with db.session() as session:
            session.add(
                ArticleRow(
                    id="a-1",
                    url="https://example.org/a-1",
                    title="Truce agreed",
                    text="The sides agreed a truce.",
                    outlet="Example",
                    seen_at=at,
                    content_hash="h",
                    story_id="s-1",
                )
            )
            session.add(AlertRow(story_id="s-1", channel="rec:room", created_at=at))
        await db.migrate()

        def columns(conn):  # type: ignore[no-untyped-def]
            return {c["name"] for c in inspect(conn).get_columns("stories")}

        async with db.engine.connect() as conn:
            assert "signature" not in await conn.run_sync(columns)
        async with db.session() as session:
            story = await session.get(Story, "s-1")
            article = await session.get(ArticleRow, "a-1")
            alerts = (await session.execute(text("SELECT story_id, channel FROM alerts"))).all()
        assert story is not None and story.headline == "Truce agreed" and story.first_seen == at
        assert article is not None and article.story_id == "s-1"
        assert [tuple(a) for a in alerts] == [("s-1", "rec:room")]
    finally:
        await db.close()


def _full_schema(conn):  # type: ignore[no-untyped-def]
    """Tables with their columns (name, type, nullability), indexes and foreign keys, and the Alembic version."""
    insp = inspect(conn)
    tables = {
        t: (
            sorted((c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(t)),
            sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in insp.get_indexes(t)),
            sorted((tuple(f["constrained_columns"]), f["referred_table"]) for f in insp.get_foreign_keys(t)),
        )
        for t in insp.get_table_names()
    }
    versions = sorted(conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all())
    return tables, versions


def test_the_suites_migrated_template_is_what_migrating_an_empty_database_gives(
    database_url: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Most database tests start on a copy of one migrated template (tests/support/databases.py): a copy has
    exactly the schema and revision that migrating an empty database gives."""
    if database_url.startswith("sqlite"):
        (tmp_path / "copy").mkdir()
        copy = databases.sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path / "copy")
    else:
        assert PG_URL is not None
        copy = asyncio.run(databases.create_postgres(PG_URL, request.getfixturevalue("postgres_template")))
    try:
        asyncio.run(_same_schema(database_url, copy))
    finally:
        if copy.startswith("postgresql"):
            asyncio.run(databases.drop_postgres(PG_URL or "", copy))


async def _same_schema(empty: str, copy: str) -> None:
    fresh, cloned = Database(empty), Database(copy)
    try:
        await fresh.migrate()
        async with fresh.engine.connect() as conn:
            migrated = await conn.run_sync(_full_schema)
        async with cloned.engine.connect() as conn:
            assert await conn.run_sync(_full_schema) == migrated
        assert migrated[0] and migrated[1]
    finally:
        await fresh.close()
        await cloned.close()
