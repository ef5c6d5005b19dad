"""`brief TOPIC [--since 24h] [--limit 5]`: the period's stories on a country, region, person, rule or phrase."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.commands.common import human_delta, parse_count, parse_duration
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import rules_repo, sa, search, story_repo, tables
from bot.commands.topics import SCAN_LIMIT, Topic, topic_index, watched_people
from bot.models import Reply

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.repo.stories import StoryView
    from bot.storage.tables import ArticleRow

RULE_SCAN_LIMIT = 2000  # running a rule costs a few ms per article
USAGE = "brief TOPIC [--since 24h] [--limit 5]"
MAX_LIMIT = 20


async def find_articles(
    session: AsyncSession,
    topic: Topic,
    *,
    since: datetime | None,
    scan: int = SCAN_LIMIT,
    limit: int | None = None,
    tenant: str = "local",
) -> list[ArticleRow]:
    """Articles about a topic whose event is since a time (detections naming it, plus full-text hits), newest first,
    at most `limit`. The event's time is the publication date (else a date in the text): an old report fetched
    today is not today's news."""
    ArticleRow = tables.ArticleRow
    ids: dict[str, None] = {}
    fts: list[str] = []
    if topic.kind == "rule":
        # Stored detections carry no per-tenant rule matches: run the tenant's rule over the period.
        recent = await search.recent_articles(session, since=since, limit=min(scan, RULE_SCAN_LIMIT), tenant=tenant)
        hits = await rules_repo.match_rule(session, tenant, topic.name, recent)
        rows = [r for r in recent if r.id in hits]
        return rows[:limit] if limit is not None else rows
    if topic.kind != "search":
        # Scan only ids and detections; full rows are loaded for the matches alone.
        query = (
            sa.select(ArticleRow.id, ArticleRow.detection)
            .where(ArticleRow.id.in_(search.visible_ids(tenant)))
            .order_by(ArticleRow.event_at.desc())
            .limit(scan)
        )
        if since is not None:
            query = query.where(ArticleRow.event_at >= since)
        for article_id, detection in (await session.execute(query)).all():
            if topic.matches_detection(detection or {}):
                ids[article_id] = None
                if limit is not None and len(ids) >= limit:
                    break
    phrases = topic.search_phrases
    if phrases:
        fts = await search.search_article_ids(session, phrases, since=since, limit=limit or scan, tenant=tenant)
    # Both lists are newest first, so the newest `limit` overall are among the first `limit` of each.
    rows = await search.articles_by_ids(session, [*ids, *fts])
    rows.sort(key=lambda r: r.event_at, reverse=True)
    return rows[:limit] if limit is not None else rows


async def story_views(session: AsyncSession, articles: Sequence[ArticleRow], tenant: str) -> list[StoryView]:
    """Group articles by story and build each story's view with all its stored articles visible to `tenant`."""
    story_ids = [a.story_id for a in articles if a.story_id]
    stories = await search.stories_by_ids(session, story_ids)
    members = await search.articles_of_stories(session, story_ids, tenant)
    views: dict[str, StoryView] = {}
    for row in articles:
        key = row.story_id or f"article:{row.id}"
        if key in views:
            continue
        if row.story_id:
            views[key] = story_repo.build_view(
                stories.get(row.story_id), members.get(row.story_id) or [row], key, tenant
            )
        else:
            views[key] = story_repo.build_view(None, [row], key, tenant)
    return list(views.values())


def rank(views: Iterable[StoryView], now: datetime, watched: Sequence[str], limit: int) -> list[StoryView]:
    """The `limit` most important stories, most important first."""
    return sorted(views, key=lambda v: story_repo.importance(v, now, watched), reverse=True)[:limit]


async def brief(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Answer a brief on the topic."""
    period = parse_duration(args.text("since"), usage=USAGE)
    limit = parse_count(args.text("limit"), argument="limit", most=MAX_LIMIT, usage=USAGE)
    now = ctx.services.clock.now()
    since = now - period
    query = args.text("topic").strip()
    async with ctx.services.db.session() as session:
        index = await topic_index(session, ctx.caller.tenant)
        topic = index.resolve(query) or Topic("search", query, (), (query,))
        watched = await watched_people(session, ctx.caller.tenant)
        articles = await find_articles(session, topic, since=since, tenant=ctx.caller.tenant)
        if articles:
            views = rank(await story_views(session, articles, ctx.caller.tenant), now, watched, limit)
            return _answer(topic, views, period, now, watched)
        latest = await find_articles(session, topic, since=None, limit=1, tenant=ctx.caller.tenant)
        if latest:
            view = (await story_views(session, latest[:1], ctx.caller.tenant))[0]
            ago = human_delta(now - view.last_seen)
            fact = story_repo.key_fact(view, watched)
            return Reply(
                text=f"Nothing new on {topic.name} in the last {human_delta(period)}. "
                f"The last development was {ago} ago ({view.last_seen:%Y-%m-%d %H:%M} UTC):",
                lines=(story_repo.story_line(view, watched, now=now),),
                summaries=(replace(view.summary, topic=topic.name),),
                data={"topic": topic.name, "kind": topic.kind, "stories": 0, "last": view.key, "fact": fact},
            )
        if topic.kind != "search":
            return Reply(
                text=f"Nothing stored on {topic.name} ({topic.kind}) yet.",
                data={"topic": topic.name, "kind": topic.kind, "stories": 0},
            )
        names = index.suggest(query)
        text = f"I don't know the topic {query!r} and no stored article mentions it."
        if names:
            text += f" Did you mean: {', '.join(names)}?"
        else:
            text += " Try a country, region, official or rule name."
        return Reply(text=text, ok=False, ephemeral=True, data={"topic": query, "suggestions": names})


def register(registry: CommandRegistry) -> None:
    """Declare `brief`."""
    registry.command(
        "brief",
        "What happened on a topic (country, region, person, rule or phrase) in a recent period",
        Arg("topic", "a country, region, person, rule or words to search", kind="rest", complete="topic"),
        Arg("since", "how far back, e.g. 24h, 3d, 1w", kind="option", required=False, default="24h"),
        Arg("limit", f"at most this many stories (1-{MAX_LIMIT})", kind="option", required=False, default="5"),
    )(brief)


def _answer(topic: Topic, views: list[StoryView], period: timedelta, now: datetime, watched: Sequence[str]) -> Reply:
    kind = "" if topic.kind == "search" else f" ({topic.kind})"
    lines = tuple(f"{i}. {story_repo.story_line(v, watched, now=now)}" for i, v in enumerate(views, 1))
    return Reply(
        text=f"Brief on {topic.name}{kind}, last {human_delta(period)}: {len(views)} "
        f"stor{'y' if len(views) == 1 else 'ies'}, most important first",
        lines=lines,
        summaries=tuple(replace(v.summary, topic=topic.name) for v in views),
        data={
            "topic": topic.name,
            "kind": topic.kind,
            "stories": len(views),
            "story_ids": [v.key for v in views],
            "generated_at": now.isoformat(),
        },
    )
