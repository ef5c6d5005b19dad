"""stories.signature dropped: a column nothing has read or written since the first schema

Revision ID: 0007_drop_story_signature
Revises: 0006_seen_article_index
Create Date: 2026-12-05

The first schema kept a story's MinHash signature in the row; the story index has always rebuilt the
signatures from the articles (bot/stories/lsh.py), and every story was written with an empty list. An
instance of an older version still writes the column: stop them all before the first start of this one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_drop_story_signature"
down_revision = "0006_seen_article_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain DROP COLUMN on both backends (SQLite 3.35 and later): a batch rebuild drops the table, and with
    # SQLite's foreign keys on that deletes the stories' alerts and unlinks their articles.
    op.drop_column("stories", "signature")


def downgrade() -> None:
    op.add_column("stories", sa.Column("signature", sa.JSON(), nullable=False, server_default="[]"))
