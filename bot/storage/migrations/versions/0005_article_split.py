"""articles.split_from and articles.split_at: an article an admin split out of a story

Revision ID: 0005_article_split
Revises: 0004_article_event_time
Create Date: 2026-12-04

`story split STORY ARTICLE` gives the article a story of its own and records where it came from and when;
running instances move it in their story index on their next poll, and nothing folds it back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_article_split"
down_revision = "0004_article_event_time"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch rebuild of `articles` would drop SQLite's FTS triggers.
    op.add_column("articles", sa.Column("split_from", sa.String(40), nullable=True))
    op.add_column("articles", sa.Column("split_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_articles_split", "articles", ["split_at"])  # each poll asks for recent splits


def downgrade() -> None:
    op.drop_index("ix_articles_split", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("split_at")
        batch.drop_column("split_from")
