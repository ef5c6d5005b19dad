"""articles.event_at and articles.dated: when an article's event happened, and how that is known

Revision ID: 0004_article_event_time
Revises: 0003_feed_warning
Create Date: 2026-12-04

`brief --since`, digests and whether an item is news at all go by the event's time: the publication
date, else a date written in the text (a dateline), else the fetch time (`bot.stories.cluster.event_time`).
Existing rows are dated by their publication time, else their fetch time.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_article_event_time"
down_revision = "0003_feed_warning"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch rebuild of `articles` would drop SQLite's FTS triggers.
    op.add_column("articles", sa.Column("event_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("dated", sa.String(10), nullable=True))
    op.execute(
        "UPDATE articles SET event_at = coalesce(published, seen_at), "
        "dated = CASE WHEN published IS NULL THEN 'fetched' ELSE 'published' END"
    )
    op.create_index("ix_articles_event", "articles", ["event_at"])


def downgrade() -> None:
    op.drop_index("ix_articles_event", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("dated")
        batch.drop_column("event_at")
