"""Subscriptions (a channel follows a rule: immediate or digest) and mutes, per tenant."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.repo.search import visible_story_ids
from bot.storage.tables import Mute, Story, Subscription


async def get_subscription(session: AsyncSession, tenant: str, channel: str, rule: str) -> Subscription | None:
    """The channel's subscription to a rule, if any."""
    row: Subscription | None = await session.scalar(
        select(Subscription).where(
            Subscription.tenant == tenant,
            Subscription.channel == channel,
            func.lower(Subscription.rule) == rule.lower(),
        )
    )
    return row


async def upsert_subscription(
    session: AsyncSession,
    tenant: str,
    channel: str,
    rule: str,
    *,
    mode: str,
    at: str | None,
    tz: str | None,
    now: datetime,
) -> tuple[Subscription, bool]:
    """Subscribe a channel to a rule, or change how; returns the row and whether it is new."""
    row = await get_subscription(session, tenant, channel, rule)
    if row is None:
        row = Subscription(
            tenant=tenant,
            channel=channel,
            rule=rule,
            mode=mode,
            at=at,
            tz=tz,
            paused=False,
            created_at=now,
            last_digest_at=now if mode != "immediate" else None,
        )
        session.add(row)
        await session.flush()
        return row, True
    if row.mode != mode or row.at != at or row.tz != tz:
        row.mode, row.at, row.tz = mode, at, tz
        # A digest counts from the moment it is set up, not from the subscription's creation.
        row.last_digest_at = now if mode != "immediate" else None
    row.paused, row.paused_reason = False, None
    await session.flush()
    return row, False


async def channel_subscriptions(session: AsyncSession, tenant: str, channel: str | None = None) -> list[Subscription]:
    """The tenant's subscriptions (of one channel, or all), by channel then rule."""
    query = select(Subscription).where(Subscription.tenant == tenant)
    if channel is not None:
        query = query.where(Subscription.channel == channel)
    return list((await session.scalars(query.order_by(Subscription.channel, Subscription.rule))).all())


async def find_story(session: AsyncSession, tenant: str, ref: str) -> tuple[Story | None, list[str]]:
    """One of the tenant's stories by id or unique id prefix; else (None, close ids of the tenant's stories).

    A story is the tenant's when one of its articles reached the tenant through its own feeds: an id
    or prefix never finds, confirms or suggests another workspace's story.
    """
    mine = Story.id.in_(visible_story_ids(tenant))
    story = await session.scalar(select(Story).where(Story.id == ref, mine))
    if story is not None:
        return story, []
    rows = (
        (
            await session.scalars(
                select(Story).where(Story.id.startswith(ref, autoescape=True), mine).order_by(Story.id).limit(5)
            )
        ).all()
        if len(ref) >= 4
        else []
    )
    if len(rows) == 1:
        return rows[0], []
    return None, [r.id for r in rows]


async def get_mute(session: AsyncSession, tenant: str, channel: str, story_id: str) -> Mute | None:
    """The mute of a story in a channel (of this tenant)."""
    row: Mute | None = await session.scalar(
        select(Mute).where(Mute.tenant == tenant, Mute.channel == channel, Mute.story_id == story_id)
    )
    return row


async def channel_mutes(session: AsyncSession, tenant: str, channel: str | None = None) -> list[Mute]:
    """The stories muted in a channel (in every channel of the tenant when None)."""
    query = select(Mute).where(Mute.tenant == tenant)
    if channel is not None:
        query = query.where(Mute.channel == channel)
    return list((await session.scalars(query.order_by(Mute.created_at))).all())


async def muted_story_ids(session: AsyncSession, channel: str) -> set[str]:
    """Ids of the stories muted in a channel."""
    return set((await session.scalars(select(Mute.story_id).where(Mute.channel == channel))).all())
