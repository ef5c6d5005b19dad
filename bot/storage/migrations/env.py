"""Alembic environment: runs on the connection diplobot hands over (async engine, run_sync)."""

from __future__ import annotations

from alembic import context

from bot.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - diplobot always passes its own connection
    raise RuntimeError("run migrations through bot.storage.db.Database.migrate()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
