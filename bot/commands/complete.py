"""Autocompletion for command arguments: rule, topic, feed and story names of the caller's tenant."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.commands.topics import topic_index
from bot.models import Caller
from bot.repo.feeds import feed_names
from bot.repo.rules import rule_names
from bot.repo.search import recent_story_ids

if TYPE_CHECKING:
    from bot.services import Services

MAX_CHOICES = 25  # Discord's limit for autocomplete choices


async def complete(services: Services, kind: str, prefix: str, caller: Caller) -> list[str]:
    """Up to 25 values of `kind` ("rule", "topic", "feed", "story") starting with `prefix`, for this tenant."""
    low = prefix.strip().lower()
    async with services.db.session() as session:
        if kind == "rule":
            values = await rule_names(session, caller.tenant)
        elif kind == "feed":
            values = await feed_names(session, caller.tenant)
        elif kind == "story":
            stories = await recent_story_ids(session, caller.tenant, prefix.strip(), MAX_CHOICES)
            return [story_id for story_id, _ in stories]
        elif kind == "topic":
            index = await topic_index(session, caller.tenant, scan=500)
            rules = await rule_names(session, caller.tenant)
            values = [*rules, *index.names(prefix)]
        else:
            return []
    starts = [v for v in dict.fromkeys(values) if v.lower().startswith(low)]
    inside = [v for v in dict.fromkeys(values) if low and low in v.lower() and v not in starts]
    return (starts + inside)[:MAX_CHOICES]
