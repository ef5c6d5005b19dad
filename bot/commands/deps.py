"""The modules command handlers need, imported on first use (`bot.lazy`) so that listing the commands stays fast.

The one table of them for every command module (`from bot.commands.deps import tables`); a module's
type-only imports stay in its own `if TYPE_CHECKING:` block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.lazy import lazy_module

if TYPE_CHECKING:
    import pydantic
    import sqlalchemy as sa
    import yaml

    from bot.alerts import outbox as alerts_outbox
    from bot.detect import groups as place_groups
    from bot.ingest import pipeline
    from bot.repo import feeds as feeds_repo
    from bot.repo import outbox as outbox_repo
    from bot.repo import rules as rules_repo
    from bot.repo import search
    from bot.repo import stories as story_repo
    from bot.repo import subscriptions as subscriptions_repo
    from bot.storage import tables
else:  # loaded when a command runs, not when the CLI lists the commands
    pydantic = lazy_module("pydantic")
    sa = lazy_module("sqlalchemy")
    yaml = lazy_module("yaml")
    alerts_outbox = lazy_module("bot.alerts.outbox")
    place_groups = lazy_module("bot.detect.groups")
    pipeline = lazy_module("bot.ingest.pipeline")
    feeds_repo = lazy_module("bot.repo.feeds")
    outbox_repo = lazy_module("bot.repo.outbox")
    rules_repo = lazy_module("bot.repo.rules")
    search = lazy_module("bot.repo.search")
    story_repo = lazy_module("bot.repo.stories")
    subscriptions_repo = lazy_module("bot.repo.subscriptions")
    tables = lazy_module("bot.storage.tables")

__all__ = [
    "alerts_outbox",
    "feeds_repo",
    "outbox_repo",
    "pipeline",
    "place_groups",
    "pydantic",
    "rules_repo",
    "sa",
    "search",
    "story_repo",
    "subscriptions_repo",
    "tables",
    "yaml",
]
