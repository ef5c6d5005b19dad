"""First-start seeding: rules and feeds from config/ into an empty database, terminal subscriptions."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select

from bot.detect.rules import RuleSpec, load_rules_file
from bot.ingest.feeds import FeedSpec, load_feeds_file
from bot.services import Services
from bot.storage.tables import Feed, Rule, Subscription

log = logging.getLogger(__name__)


def load_config(services: Services) -> tuple[list[RuleSpec], list[FeedSpec]]:
    """Validate rules.yaml and feeds.yaml; raises ConfigError naming file, entry and field."""
    settings = services.settings
    return load_rules_file(settings.rules_file), load_feeds_file(settings.feeds_file)


async def seed(services: Services, rules: list[RuleSpec], feeds: list[FeedSpec], *, tenant: str = "local",
               subscribe: str | None = "terminal") -> tuple[int, int]:
    """Insert rules and feeds into an empty tenant; subscribe `subscribe` to every enabled seeded rule."""
    now: datetime = services.clock.now()
    added_rules = added_feeds = 0
    async with services.db.session() as session:
        if not await session.scalar(select(func.count(Rule.id)).where(Rule.tenant == tenant)):
            for spec in rules:
                session.add(Rule(tenant=tenant, name=spec.name, spec=spec.model_dump(mode="json", exclude_defaults=True),
                                 enabled=spec.enabled, created_at=now, updated_at=now))
                if subscribe and spec.enabled:
                    session.add(Subscription(tenant=tenant, channel=subscribe, rule=spec.name, mode="immediate",
                                             created_at=now))
                added_rules += 1
        if not await session.scalar(select(func.count(Feed.id)).where(Feed.tenant == tenant)):
            for fspec in feeds:
                session.add(Feed(tenant=tenant, name=fspec.name, url=fspec.url, spec=fspec.model_dump(mode="json"),
                                 enabled=fspec.enabled, created_at=now))
                added_feeds += 1
    if added_rules or added_feeds:
        log.info("new database: seeded %d rules and %d feeds from %s", added_rules, added_feeds,
                 services.settings.config_dir)
    return added_rules, added_feeds
