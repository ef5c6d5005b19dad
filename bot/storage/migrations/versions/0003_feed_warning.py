"""feeds.last_warning: what the last successful poll of a feed read only in part

Revision ID: 0003_feed_warning
Revises: 0002_commands_search
Create Date: 2026-12-03

A poll that succeeds can still leave something out: items beyond DIPLOBOT_FEED_MAX_ITEMS, entries
of a malformed document, unreadable files of a folder. `feeds status` shows it; the next poll
without such a note clears it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_feed_warning"
down_revision = "0002_commands_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("last_warning", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("last_warning")
