"""seen_items.article_id indexed: which tenants' feeds brought an article in, found without a scan

Revision ID: 0006_seen_article_index
Revises: 0005_article_split
Create Date: 2026-12-04

Every face shows a tenant only the articles its own feeds brought in (`bot.repo.search.visible`): with this
index that test costs one lookup per article, so the console's story list reads the newest reports along
the event-time index and stops after a page, whatever the number of stored articles.
"""

from __future__ import annotations

from alembic import op

revision = "0006_seen_article_index"
down_revision = "0005_article_split"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_seen_items_article", "seen_items", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_seen_items_article", table_name="seen_items")
