"""`story show STORY` (its reports, oldest first, and why each is in it) and `story split STORY ARTICLE` (admins:
undo a wrong merge; the article becomes a story of its own and alerts as one where it matches)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import pipeline, rules_repo, sa, search, story_repo, tables
from bot.commands.subscriptions import find_story
from bot.errors import UserInputError
from bot.models import Reply, RuleMatch

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.storage.tables import ArticleRow

SHOW_USAGE = "story show STORY"
SPLIT_USAGE = "story split STORY ARTICLE"


def _member(members: list[ArticleRow], ref: str) -> ArticleRow:
    """A story's report by its number in `story show` (1 = oldest), its id or its link; else a UserInputError."""
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(members):
        return members[int(ref) - 1]
    for row in members:
        if ref in (row.id, row.url) or (len(ref) >= 6 and row.id.startswith(ref)):
            return row
    listed = "; ".join(f"{n}. {row.title[:60]}" for n, row in enumerate(members[:10], 1))
    raise UserInputError(
        f"no report {ref!r} in this story (give its number, id or link: {listed})",
        argument="article",
        usage=SPLIT_USAGE,
    )


async def _matches(session: AsyncSession, row: ArticleRow) -> dict[str, list[RuleMatch]]:
    """For each tenant whose feeds brought the article in, the enabled rules of that tenant it matches."""
    Feed, SeenItem, Rule = tables.Feed, tables.SeenItem, tables.Rule
    tenants = (
        await session.scalars(
            sa.select(Feed.tenant)
            .distinct()
            .join(SeenItem, SeenItem.feed_id == Feed.id)
            .where(SeenItem.article_id == row.id)
        )
    ).all()
    out: dict[str, list[RuleMatch]] = {}
    for tenant in sorted(tenants):
        names = (
            await session.scalars(
                sa.select(Rule.name).where(Rule.tenant == tenant, Rule.enabled.is_(True)).order_by(Rule.name)
            )
        ).all()
        found = [m for name in names if (m := (await rules_repo.match_rule(session, tenant, name, [row])).get(row.id))]
        out[tenant] = [replace(m, articles=(row.id,)) for m in found]
    return out


async def show(ctx: CommandContext, args: CommandArgs) -> Reply:
    """List a story's reports with their times and what links each to the others."""
    story_id, _ = await find_story(ctx, args.text("story"), SHOW_USAGE)
    now = ctx.services.clock.now()
    async with ctx.services.db.session() as session:
        summary = await story_repo.story_summary(session, story_id, tenant=ctx.caller.tenant)
        row = tables.ArticleRow
        gone = (
            await session.execute(
                sa.select(row.title, row.story_id).where(
                    row.split_from == story_id, row.id.in_(search.visible_ids(ctx.caller.tenant))
                )
            )
        ).all()
    lines: list[str] = []
    for n, src in enumerate(summary.sources, 1):
        lines.append(f"{n}. {src.outlet}: {src.title} ({src.when_text(now)}) <{src.url}> [{src.article_id}]")
        lines.append(f"   why: {src.why or 'the first report of the story'}")
    lines += [f"split out by an admin: {title} (now story {sid})" for title, sid in gone]
    count = len(summary.sources)
    return Reply(
        text=f"Story {story_id}: {summary.headline} ({count} report{'s' if count != 1 else ''})",
        lines=tuple(lines),
        summaries=(summary,),
        data={
            "story": story_id,
            "articles": [
                {"number": n, "id": s.article_id, "title": s.title, "url": s.url, "why": s.why}
                for n, s in enumerate(summary.sources, 1)
            ],
            "split_out": [sid for _, sid in gone],
        },
    )


async def split(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Split one article out of a story."""
    story_id, _ = await find_story(ctx, args.text("story"), SPLIT_USAGE)
    async with ctx.services.db.session() as session:
        members = (await search.articles_of_stories(session, [story_id], ctx.caller.tenant))[story_id]
        row = _member(members, args.text("article"))
        everyone = await session.scalar(
            sa.select(sa.func.count()).select_from(tables.ArticleRow).where(tables.ArticleRow.story_id == story_id)
        )
        if (everyone or 0) < 2:
            raise UserInputError(
                f"{row.title[:80]!r} is the only report of story {story_id}: nothing to split",
                argument="article",
                usage=SPLIT_USAGE,
            )
        done = await pipeline.split_out(session, ctx.services, row, matches=await _matches(session, row))
    said = f" {done.edits} alert{'s' if done.edits != 1 else ''} of the story edited." if done.edits else ""
    alerted = f" {done.alerts} new alert{'s' if done.alerts != 1 else ''} queued for it." if done.alerts else ""
    return Reply(
        text=f"Split {row.title!r} out of story {story_id}: it is now story {done.new_story}.{said}{alerted}",
        data={
            "article": done.article_id,
            "from": done.old_story,
            "story": done.new_story,
            "edits": done.edits,
            "alerts": done.alerts,
        },
    )


def register(registry: CommandRegistry) -> None:
    """Declare the `story` commands."""
    registry.command(
        "story show",
        "A story's reports, oldest first: when, and why each is in the story",
        Arg("story", "the story id (shown under each alert)", complete="story"),
    )(show)
    registry.command(
        "story split",
        "Take a report out of a story it was merged into by mistake: it becomes a story of its own, alerts as "
        "one where it matches, and stays apart",
        Arg("story", "the story id (shown under each alert)", complete="story"),
        Arg("article", "the report's number in 'story show', its id or its link"),
        admin_only=True,
    )(split)
