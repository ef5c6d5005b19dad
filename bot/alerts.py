"""The alert lifecycle: which outbox rows a story change causes, written in the caller's transaction.

- The first article of a story that matches a rule -> one `post` per subscribed channel, or a
  `batch` row when the channel already had `burst_limit` alerts within `burst_window` (the outbox
  sends a channel's pending batch rows as one message).
- Each later article of the story -> one `edit` of every posted alert (a new source). An edit that
  is already pending is not queued twice: the outbox renders the story as it is when it sends.
- A material development -> a `followup` in the alert's thread, saying what changed and naming the
  new source: a ceasefire status change, a casualty figure rising by at least max(10, 20%), or a
  newly involved watched official.
- While an alert's own post is still pending, nothing else is queued for it: the post will show the
  story as it is then.
- An alert that went out inside a batch message is never edited (that would overwrite the other
  stories of the batch); its follow-ups still go to the batch message's thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Casualty, RuleMatch, Source, Summary, channel_tenant
from bot.storage.db import insert_ignore
from bot.storage.tables import AlertRow, Delivery, Mute, Subscription
from bot.summarize import DEATH_KINDS, casualty_phrase

PENDING = ("pending", "sending")


def shown_state(summary: Summary) -> dict[str, Any]:
    """What an alert showed, kept to detect material changes later."""
    c = summary.casualty
    return {
        "sources": [s.article_id for s in summary.sources],
        "ceasefire": summary.ceasefire,
        "casualty": c.count if c else None,
        "casualty_kind": c.kind if c else None,
        "casualty_qualifier": c.qualifier if c else None,
        "people": list(summary.people),
    }


def casualty_rise(old: int | None, new: int) -> bool:
    """True when a figure rose by at least max(10, 20%) of what was shown (from nothing: 10 or more)."""
    base = old or 0
    return new - base >= max(10.0, 0.2 * base)


def _same_group(old_kind: str | None, new: Casualty) -> bool:
    # Deaths are compared with deaths, injuries with injuries; an old row without a kind was a death toll.
    old_is_death = old_kind is None or old_kind in DEATH_KINDS
    return old_is_death == (new.kind in DEATH_KINDS)


def material_changes(shown: dict[str, Any], summary: Summary, watched: Iterable[str]) -> list[str]:
    """Human sentences for each material change between what was shown and the story now."""
    changes: list[str] = []
    old_status, new_status = shown.get("ceasefire"), summary.ceasefire
    if new_status and old_status != new_status:
        changes.append(f"ceasefire status changed: {old_status or 'none'} -> {new_status}")
    new = summary.casualty
    if new is not None:
        old_count = shown.get("casualty")
        if old_count is not None and not _same_group(shown.get("casualty_kind"), new):
            old_count = None  # a first death toll after injuries only is news of its own
        if casualty_rise(old_count, new.count):
            was = f" (was {old_count:,})" if old_count is not None else ""
            verb = "rose to" if old_count is not None else "reported:"
            changes.append(f"casualty figure {verb} {casualty_phrase(new)}{was}")
    watched_set = {w.casefold() for w in watched}
    old_people = {p.casefold() for p in shown.get("people", [])}
    for person in summary.people:
        if person.casefold() in watched_set and person.casefold() not in old_people:
            changes.append(f"{person} is now involved")
    return changes


def _new_sources(shown: dict[str, Any], summary: Summary) -> list[Source]:
    old = set(shown.get("sources", []))
    return [s for s in summary.sources if s.article_id not in old]


def source_note(sources: Sequence[Source]) -> str:
    """'source: Outlet, "Title" <url>' for the newest of the given sources."""
    if not sources:
        return ""
    newest = sources[-1]
    link = f" <{newest.url}>" if newest.url else ""
    return f'source: {newest.outlet}, "{newest.title}"{link}'


def _delivery(alert: AlertRow | None, channel: str, kind: str, payload: dict[str, Any], now: datetime,
              first_seen: datetime | None) -> Delivery:
    return Delivery(
        alert_id=alert.id if alert else None,
        channel=channel,
        kind=kind,
        payload=payload,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        first_seen=first_seen,
    )


async def _pending_kinds(session: AsyncSession, alert_ids: Sequence[int]) -> dict[int, set[str]]:
    """For each alert, the kinds of its deliveries that are not sent yet."""
    if not alert_ids:
        return {}
    rows = (
        await session.execute(
            select(Delivery.alert_id, Delivery.kind).where(Delivery.alert_id.in_(alert_ids), Delivery.status.in_(PENDING))
        )
    ).all()
    out: dict[int, set[str]] = {}
    for alert_id, kind in rows:
        out.setdefault(alert_id, set()).add(kind)
    return out


async def queue_for_story(
    session: AsyncSession,
    *,
    tenant: str,
    summary: Summary,
    matches: Sequence[RuleMatch],
    eligible: bool,
    watched: Iterable[str],
    now: datetime,
    first_seen: datetime,
    burst_limit: int = 5,
    burst_window: timedelta = timedelta(minutes=10),
) -> list[Delivery]:
    """Queue posts, edits and follow-ups for one story after articles joined it; returns the new rows."""
    story_id = summary.story_id
    watched = list(watched)
    out: list[Delivery] = []
    alerts = (await session.scalars(select(AlertRow).where(AlertRow.story_id == story_id).order_by(AlertRow.id))).all()
    # Only this tenant's alerts: another workspace's alert of the same story shows its own sources.
    alerts = [a for a in alerts if channel_tenant(a.channel) == tenant]
    pending = await _pending_kinds(session, [a.id for a in alerts])
    for alert in alerts:
        shown = dict(alert.shown or {})
        fresh = _new_sources(shown, summary)
        if not fresh:
            continue  # nothing new for this channel (a repost, or a source it already shows)
        kinds = pending.get(alert.id, set())
        if not kinds & {"post", "batch"}:
            if not shown.get("batched") and "edit" not in kinds:
                out.append(_delivery(alert, alert.channel, "edit", {"story_id": story_id}, now, first_seen))
            changes = material_changes(shown, summary, watched)
            if changes:
                # One follow-up per development, however many facts it moved.
                text = "; ".join(changes) + (f" ({source_note(fresh)})" if fresh else "")
                out.append(_delivery(alert, alert.channel, "followup", {"story_id": story_id, "change": text}, now,
                                     first_seen))
        alert.shown = {**shown, **shown_state(summary)}
    if eligible and matches:
        out.extend(await _new_alerts(session, tenant, summary, matches, {a.channel for a in alerts}, now, first_seen,
                                     burst_limit, burst_window))
    session.add_all(out)
    return out


async def _new_alerts(session: AsyncSession, tenant: str, summary: Summary, matches: Sequence[RuleMatch],
                      alerted: set[str], now: datetime, first_seen: datetime, burst_limit: int,
                      burst_window: timedelta) -> list[Delivery]:
    """One post (or batch row, past the burst limit) per subscribed channel that has no alert for the story."""
    story_id = summary.story_id
    rules = {m.rule for m in matches}
    subs = (
        await session.scalars(
            select(Subscription).where(
                Subscription.tenant == tenant,
                Subscription.rule.in_(rules),
                Subscription.paused.is_(False),
                Subscription.mode == "immediate",
            ).order_by(Subscription.id)
        )
    ).all()
    muted = set((await session.scalars(select(Mute.channel).where(Mute.story_id == story_id))).all())
    by_channel: dict[str, list[Subscription]] = {}
    for sub in subs:
        by_channel.setdefault(sub.channel, []).append(sub)
    out: list[Delivery] = []
    for channel, channel_subs in by_channel.items():
        if channel in alerted or channel in muted:
            continue
        channel_rules = {s.rule for s in channel_subs}
        channel_matches = [m for m in matches if m.rule in channel_rules]
        recent = await session.scalar(
            select(func.count(AlertRow.id)).where(AlertRow.channel == channel, AlertRow.created_at > now - burst_window)
        )
        batched = (recent or 0) >= burst_limit
        # One alert per story and channel, even when two feeds (or instances) get here at once:
        # the loser finds the winner's alert and edits it with its source instead of posting again.
        alert_id = await session.scalar(
            insert_ignore(session, AlertRow, ["story_id", "channel"]).values(
                story_id=story_id,
                channel=channel,
                subscription_id=channel_subs[0].id,
                shown={**shown_state(summary), "matches": [_match_dict(m) for m in channel_matches], "batched": batched},
                created_at=now,
            ).returning(AlertRow.id)
        )
        if alert_id is None:
            existing = await session.scalar(
                select(AlertRow).where(AlertRow.story_id == story_id, AlertRow.channel == channel)
            )
            if existing is not None:
                out.append(_delivery(existing, channel, "edit", {"story_id": story_id}, now, first_seen))
            continue
        alert = await session.get(AlertRow, alert_id)
        assert alert is not None
        out.append(_delivery(alert, channel, "batch" if batched else "post", {"story_id": story_id}, now, first_seen))
    return out


def _match_dict(m: RuleMatch) -> dict[str, str]:
    return {"rule": m.rule, "reason": m.reason, "severity": m.severity}
