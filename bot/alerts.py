"""The alert lifecycle: which outbox rows a story change causes, written in the caller's transaction.

- The first article of a story that matches a rule -> one `post` per subscribed channel.
- Each later article of the story -> an `edit` of every posted alert (a new source).
- A material development -> a `followup` in the alert's thread, saying what changed:
  a ceasefire status change, a casualty figure rising by at least max(10, 20%), or a newly
  involved watched official.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import RuleMatch, Summary
from bot.storage.tables import AlertRow, Delivery, Mute, Subscription


def shown_state(summary: Summary) -> dict[str, Any]:
    """What an alert showed, kept to detect material changes later."""
    return {
        "sources": [s.article_id for s in summary.sources],
        "ceasefire": summary.ceasefire,
        "casualty": summary.casualty.count if summary.casualty else None,
        "people": list(summary.people),
    }


def material_changes(shown: dict[str, Any], summary: Summary, watched: Iterable[str]) -> list[str]:
    """Human sentences for each material change between what was shown and the story now."""
    changes: list[str] = []
    old_status, new_status = shown.get("ceasefire"), summary.ceasefire
    if new_status and old_status != new_status:
        changes.append(f"ceasefire status changed: {old_status or 'none'} -> {new_status}")
    old_count = shown.get("casualty")
    if summary.casualty is not None:
        new_count = summary.casualty.count
        base = old_count or 0
        if new_count - base >= max(10, 0.2 * base) and (old_count is not None or new_count >= 10):
            from bot.summarize import casualty_phrase

            was = f" (was {old_count:,})" if old_count is not None else ""
            changes.append(f"casualty figure rose: {casualty_phrase(summary.casualty)}{was}")
    watched_set = {w.lower() for w in watched}
    old_people = {p.lower() for p in shown.get("people", [])}
    for person in summary.people:
        if person.lower() in watched_set and person.lower() not in old_people:
            changes.append(f"{person} is now involved")
    return changes


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
    """Queue posts, edits and follow-ups for one story after an article joined it."""
    story_id = summary.story_id
    out: list[Delivery] = []
    alerts = (await session.scalars(select(AlertRow).where(AlertRow.story_id == story_id))).all()
    alerted_channels = {a.channel for a in alerts}
    new_source_ids = {s.article_id for s in summary.sources}
    for alert in alerts:
        shown = dict(alert.shown or {})
        if not new_source_ids - set(shown.get("sources", [])):
            continue  # nothing new for this channel (a repost or an already shown source)
        out.append(_delivery(alert, alert.channel, "edit", {"story_id": story_id}, now, first_seen))
        for change in material_changes(shown, summary, watched):
            out.append(_delivery(alert, alert.channel, "followup", {"story_id": story_id, "change": change}, now, first_seen))
        alert.shown = {**shown_state(summary), "matches": shown.get("matches", [])}
    if eligible and matches:
        rules = {m.rule for m in matches}
        subs = (
            await session.scalars(
                select(Subscription).where(
                    Subscription.tenant == tenant,
                    Subscription.rule.in_(rules),
                    Subscription.paused.is_(False),
                    Subscription.mode == "immediate",
                )
            )
        ).all()
        muted = set(
            (await session.scalars(select(Mute.channel).where(Mute.story_id == story_id))).all()
        )
        for sub in sorted(subs, key=lambda s: s.id):
            if sub.channel in alerted_channels or sub.channel in muted:
                continue
            channel_matches = [m for m in matches if m.rule in {s.rule for s in subs if s.channel == sub.channel}]
            recent = await session.scalar(
                select(func.count(AlertRow.id)).where(
                    AlertRow.channel == sub.channel, AlertRow.created_at >= now - burst_window
                )
            )
            alert = AlertRow(
                story_id=story_id,
                channel=sub.channel,
                subscription_id=sub.id,
                shown={**shown_state(summary), "matches": [_match_dict(m) for m in channel_matches]},
                created_at=now,
            )
            session.add(alert)
            await session.flush()
            alerted_channels.add(sub.channel)
            kind = "batch" if (recent or 0) >= burst_limit else "post"
            out.append(_delivery(alert, sub.channel, kind, {"story_id": story_id}, now, first_seen))
    session.add_all(out)
    return out


def _match_dict(m: RuleMatch) -> dict[str, str]:
    return {"rule": m.rule, "reason": m.reason, "severity": m.severity}
