"""Article and story queries for brief, backtests and digests; full-text search on SQLite and PostgreSQL.

With a `tenant`, only articles that reached that tenant through one of its own feeds (a
`seen_items` row of a feed of the tenant) are visible, as in the tenant's alerts: a story may
span workspaces, but one never sees another's sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import BindParameter, Exists, Select, bindparam, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.tables import ArticleRow, Feed, SeenItem, Story, UTCDateTime

_WORD = re.compile(r"\w+", re.UNICODE)
# Must stay the exact expression of the GIN index in migration 0002, or PostgreSQL will not use the index.
PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(nullif(search_text, ''), text, ''))"


Tenant = str | BindParameter[str]  # a tenant's name, or a bindparam that will hold it


def visible_ids(tenant: Tenant) -> Select[tuple[str | None]]:
    """A subquery of the ids of the articles a tenant's feeds brought in (a name, or a bindparam for it)."""
    return select(SeenItem.article_id).join(Feed, Feed.id == SeenItem.feed_id).where(Feed.tenant == tenant)


def visible(tenant: Tenant) -> Exists:
    """A condition on `ArticleRow`: one of the tenant's feeds brought the article in (EXISTS, one index lookup
    per article: a scan along another index, such as the event time, can stop early)."""
    return (
        select(SeenItem.article_id)
        .join(Feed, Feed.id == SeenItem.feed_id)
        .where(SeenItem.article_id == ArticleRow.id, Feed.tenant == tenant)
        .exists()
    )


# A story's articles, oldest event first.
MEMBER_ORDER = (ArticleRow.event_at, ArticleRow.seen_at, ArticleRow.id)


def visible_story_ids(tenant: Tenant) -> Select[tuple[str | None]]:
    """A subquery of the ids of the stories that have at least one article visible to a tenant."""
    return select(ArticleRow.story_id).where(ArticleRow.id.in_(visible_ids(tenant)), ArticleRow.story_id.is_not(None))


_VISIBLE_SQL = (
    "{col} IN (SELECT s.article_id FROM seen_items AS s JOIN feeds AS f ON f.id = s.feed_id WHERE f.tenant = :tenant)"
)


def _quoted(phrases: Iterable[str]) -> list[str]:
    """Each phrase as its words in order inside double quotes, once each, phrases without a word left out."""
    parts = []
    for phrase in phrases:
        words = _WORD.findall(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return list(dict.fromkeys(parts))


def sqlite_match(phrases: Iterable[str]) -> str:
    """An FTS5 MATCH expression: each phrase quoted (its words in order), phrases joined by OR."""
    return " OR ".join(_quoted(phrases))


def pg_websearch(phrases: Iterable[str]) -> str:
    """A websearch_to_tsquery string: each phrase quoted, joined by `or`."""
    return " or ".join(_quoted(phrases))


async def search_article_ids(
    session: AsyncSession,
    phrases: Sequence[str],
    *,
    since: datetime | None = None,
    limit: int = 500,
    tenant: str | None = None,
) -> list[str]:
    """Ids of articles whose title or text contains any phrase, newest event first (FTS5 or tsvector); `since`
    bounds the event's time (`ArticleRow.event_at`), not the fetch time."""
    dialect = session.bind.dialect.name
    if dialect == "sqlite":
        expr = sqlite_match(phrases)
        if not expr:
            return []
        sql = (
            "SELECT a.id FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH :q"
            + (" AND a.event_at >= :since" if since else "")
            + (" AND " + _VISIBLE_SQL.format(col="a.id") if tenant is not None else "")
            + " ORDER BY a.event_at DESC LIMIT :limit"
        )
    else:
        expr = pg_websearch(phrases)
        if not expr:
            return []
        sql = (
            f"SELECT id FROM articles WHERE {PG_DOCUMENT} @@ websearch_to_tsquery('english', :q)"
            + (" AND event_at >= :since" if since else "")
            + (" AND " + _VISIBLE_SQL.format(col="id") if tenant is not None else "")
            + " ORDER BY event_at DESC LIMIT :limit"
        )
    params: dict[str, object] = {"q": expr, "limit": limit}
    if tenant is not None:
        params["tenant"] = tenant
    statement = text(sql)
    if since is not None:
        # Bind through the table's own type so SQLite gets the same text form the ORM writes.
        statement = statement.bindparams(bindparam("since", type_=UTCDateTime()))
        params["since"] = since
    rows = await session.execute(statement, params)
    return [row[0] for row in rows]


async def rebuild_sqlite_index(session: AsyncSession) -> None:
    """Re-index every article in the SQLite FTS5 table (after a migration rebuilt `articles`)."""
    if session.bind.dialect.name != "sqlite":
        return
    await session.execute(text("DELETE FROM articles_fts"))
    await session.execute(
        text(
            "INSERT INTO articles_fts(rowid, title, body) "
            "SELECT rowid, title, coalesce(nullif(search_text, ''), text) FROM articles"
        )
    )


async def recent_articles(
    session: AsyncSession,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 5000,
    tenant: str | None = None,
) -> list[ArticleRow]:
    """Articles whose event is in [since, until], newest first, at most `limit` (visible to `tenant` if given)."""
    query = select(ArticleRow).order_by(ArticleRow.event_at.desc()).limit(limit)
    if tenant is not None:
        query = query.where(ArticleRow.id.in_(visible_ids(tenant)))
    if since is not None:
        query = query.where(ArticleRow.event_at >= since)
    if until is not None:
        query = query.where(ArticleRow.event_at <= until)
    return list((await session.scalars(query)).all())


async def articles_by_ids(session: AsyncSession, ids: Iterable[str]) -> list[ArticleRow]:
    """The articles with these ids (any order)."""
    ids = list(dict.fromkeys(ids))
    out: list[ArticleRow] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.extend((await session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk)))).all())
    return out


async def stories_by_ids(session: AsyncSession, ids: Iterable[str]) -> dict[str, Story]:
    """Stories by id."""
    ids = [i for i in dict.fromkeys(ids) if i]
    out: dict[str, Story] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for story in (await session.scalars(select(Story).where(Story.id.in_(chunk)))).all():
            out[story.id] = story
    return out


async def articles_of_stories(
    session: AsyncSession, story_ids: Iterable[str], tenant: str | None = None
) -> dict[str, list[ArticleRow]]:
    """Every stored article of each story (visible to `tenant` if given), oldest event first."""
    ids = [i for i in dict.fromkeys(story_ids) if i]
    out: dict[str, list[ArticleRow]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        query = select(ArticleRow).where(ArticleRow.story_id.in_(chunk)).order_by(*MEMBER_ORDER)
        if tenant is not None:
            query = query.where(visible(tenant))
        for row in (await session.scalars(query)).all():
            out[row.story_id or ""].append(row)
    return out


async def recent_story_ids(
    session: AsyncSession, tenant: str, prefix: str = "", limit: int = 25
) -> list[tuple[str, str]]:
    """(id, headline) of the tenant's most recently updated stories whose id starts with `prefix`.

    Only stories with an article visible to the tenant: ids are never listed across workspaces.
    """
    query = (
        select(Story.id, Story.headline)
        .where(Story.id.in_(visible_story_ids(tenant)))
        .order_by(Story.last_seen.desc())
        .limit(limit)
    )
    if prefix:
        query = query.where(Story.id.startswith(prefix))
    return [(row[0], row[1]) for row in (await session.execute(query)).all()]


async def count_articles(session: AsyncSession) -> int:
    """How many articles are stored."""
    return int((await session.scalar(select(func.count()).select_from(ArticleRow))) or 0)
