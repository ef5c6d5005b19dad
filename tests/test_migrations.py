"""The Alembic migrations run on SQLite and PostgreSQL, are idempotent, and match the mapped tables."""

from __future__ import annotations

from datetime import UTC

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from bot.storage.db import Database, alembic_config
from bot.storage.tables import Base


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
