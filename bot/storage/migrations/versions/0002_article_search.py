"""article full-text search: SQLite FTS5 table kept by triggers, PostgreSQL GIN tsvector index

Revision ID: 0002_commands_search
Revises: 0001
Create Date: 2026-11-24

On SQLite, `articles_fts` is an FTS5 table whose rowid is the article's rowid; triggers keep it
in step with `articles` (insert, update of the text columns, delete), and existing rows are
indexed here. A later batch migration that rebuilds `articles` on SQLite drops these triggers:
it must re-create them and run `INSERT INTO articles_fts(articles_fts) VALUES('rebuild')`-style
re-indexing (see `bot.repo.search.rebuild_sqlite_index`).

The body indexed is `search_text` (the pipeline writes title and text there) or, when empty, `text`.

On PostgreSQL, a GIN index on the same `to_tsvector('english', ...)` expression that
`bot.repo.search` queries, so the search needs no extra column or trigger.
"""

from __future__ import annotations

from alembic import op

revision = "0002_commands_search"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    (
        "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
        "title, body, tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, body) "
        "VALUES (new.rowid, new.title, coalesce(nullif(new.search_text, ''), new.text)); END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS articles_fts_ad AFTER DELETE ON articles BEGIN "
        "DELETE FROM articles_fts WHERE rowid = old.rowid; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS articles_fts_au AFTER UPDATE OF title, text, search_text ON articles BEGIN "
        "DELETE FROM articles_fts WHERE rowid = old.rowid; "
        "INSERT INTO articles_fts(rowid, title, body) "
        "VALUES (new.rowid, new.title, coalesce(nullif(new.search_text, ''), new.text)); END"
    ),
    (
        "INSERT INTO articles_fts(rowid, title, body) "
        "SELECT rowid, title, coalesce(nullif(search_text, ''), text) FROM articles"
    ),
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS articles_fts_au",
    "DROP TRIGGER IF EXISTS articles_fts_ad",
    "DROP TRIGGER IF EXISTS articles_fts_ai",
    "DROP TABLE IF EXISTS articles_fts",
]
PG_UP = [
    (
        "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin "
        "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(nullif(search_text, ''), text, '')))"
    ),
]
PG_DOWN = ["DROP INDEX IF EXISTS ix_articles_fts"]


def upgrade() -> None:
    """Apply this revision."""
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else PG_UP if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DOWN if dialect == "sqlite" else PG_DOWN if dialect == "postgresql" else []:
        op.execute(statement)
