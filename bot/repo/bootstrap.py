"""Start-up: validate config files, seed a new database from them, subscribe the terminal."""

from __future__ import annotations

import logging

from sqlalchemy import select

from bot.detect.rules import RuleSpec, load_rules_file
from bot.ingest.feeds import FeedSpec, load_feeds_file
from bot.repo.feeds import seed_feeds
from bot.repo.rules import seed_rules
from bot.services import Services
from bot.settings import Settings
from bot.storage.tables import Rule, Subscription

log = logging.getLogger(__name__)


def load_config(settings: Settings) -> tuple[list[RuleSpec], list[FeedSpec]]:
    """Validate rules.yaml and feeds.yaml; raises ConfigError naming file, entry and field."""
    return load_rules_file(settings.rules_file), load_feeds_file(settings.feeds_file)


async def seed(services: Services, *, tenant: str = "local", subscribe: str | None = "terminal") -> tuple[int, int]:
    """Seed rules (new database only) and feeds (entries new in the file) for `tenant`.

    When rules are seeded, `subscribe` (the terminal by default) is subscribed to every enabled
    one, so a newcomer sees alerts with no further setup; later starts leave subscriptions alone.
    """
    settings = services.settings
    rules = await seed_rules(services, tenant, settings.rules_file)
    feeds = await seed_feeds(services, tenant, settings.feeds_file)
    if rules.created and subscribe:
        now = services.clock.now()
        async with services.db.session() as session:
            names = (
                await session.scalars(
                    select(Rule.name).where(Rule.tenant == tenant, Rule.enabled.is_(True), Rule.name.in_(rules.created))
                )
            ).all()
            for name in names:
                session.add(Subscription(tenant=tenant, channel=subscribe, rule=name, mode="immediate", created_at=now))
    if rules.created or feeds.added:
        log.info("seeded %d rules and %d feeds from %s", len(rules.created), len(feeds.added), settings.config_folder)
    return len(rules.created), len(feeds.added)


async def ensure_tenant(services: Services, tenant: str) -> bool:
    """Seed a workspace or server the first time it is seen: the default rules and feeds of config/.

    A new Slack workspace or Discord server can then `/subscribe` to the shipped rules at once. Its
    feeds start quiet (backfill 0): it is alerted to news that arrives after it joined. It
    is seeded once (the rules count and the feeds' seeded marker make this idempotent); an admin's
    later removals are not undone. Returns True when something was added now.
    """
    settings = services.settings
    rules = await seed_rules(services, tenant, settings.rules_file)
    feeds = await seed_feeds(services, tenant, settings.feeds_file, quiet=True)
    if rules.created or feeds.added:
        log.info("new tenant %s: seeded %d rules and %d feeds", tenant, len(rules.created), len(feeds.added))
        return True
    return False
