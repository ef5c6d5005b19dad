"""The alert lifecycle: which outbox rows a story change causes, written in the caller's transaction.

- The first article of a story that matches a rule -> one `post` per subscribed channel, or a
  `batch` row when the channel already had `burst_limit` alerts within `burst_window` (the outbox
  sends a channel's pending batch rows as one message). A FLASH alert is never batched.
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
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypedDict

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Casualty, RuleMatch, Source, Summary, channel_tenant
from bot.storage.db import chunked, insert_ignore
from bot.storage.shapes import AlertShown, DeliveryPayload, MatchJSON
from bot.storage.tables import AlertRow, Delivery, Mute, Notice, Subscription
from bot.stories.summarize import DEATH_KINDS, casualty_phrase

PENDING = ("pending", "sending")


def shown_state(summary: Summary) -> AlertShown:
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


def material_changes(shown: AlertShown, summary: Summary, watched: Iterable[str]) -> list[str]:
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


def alert_tenant(shown: AlertShown | None, channel: str) -> str:
    """The tenant whose view an alert shows: the one whose subscription made it.

    The local operator may subscribe a Slack or Discord channel from the CLI; that alert shows the
    operator's sources, not the (maybe empty) view of the workspace the channel is in. Alerts made
    before the tenant was recorded belong to their channel's tenant.
    """
    return str((shown or {}).get("tenant") or channel_tenant(channel))


def _new_sources(shown: AlertShown, summary: Summary) -> list[Source]:
    old = set(shown.get("sources", []))
    return [s for s in summary.sources if s.article_id not in old]


def source_note(sources: Sequence[Source]) -> str:
    """'source: Outlet, "Title" <url>' for the newest of the given sources."""
    if not sources:
        return ""
    newest = sources[-1]
    link = f" <{newest.url}>" if newest.url else ""
    return f'source: {newest.outlet}, "{newest.title}"{link}'


def _delivery(
    alert_id: int | None, channel: str, kind: str, payload: DeliveryPayload, now: datetime, first_seen: datetime | None
) -> Delivery:
    return Delivery(
        alert_id=alert_id,
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
    rows = [
        r
        for ids in chunked(alert_ids)
        for r in (
            await session.execute(
                select(Delivery.alert_id, Delivery.kind).where(Delivery.alert_id.in_(ids), Delivery.status.in_(PENDING))
            )
        ).all()
    ]
    out: dict[int, set[str]] = {}
    for alert_id, kind in rows:
        out.setdefault(alert_id, set()).add(kind)
    return out


@dataclass(frozen=True, slots=True)
class StoryChange:
    """A story that articles just joined: its summary now, the rules they matched, whether it may alert."""

    summary: Summary
    matches: Sequence[RuleMatch]
    eligible: bool
    first_seen: datetime
    edited: frozenset[str] = frozenset()  # ids of the story's articles whose text changed in place


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
    return await queue_for_stories(
        session,
        [StoryChange(summary, matches, eligible, first_seen)],
        tenant=tenant,
        watched=watched,
        now=now,
        burst_limit=burst_limit,
        burst_window=burst_window,
    )


async def queue_for_stories(
    session: AsyncSession,
    changes: Sequence[StoryChange],
    *,
    tenant: str,
    watched: Iterable[str],
    now: datetime,
    burst_limit: int = 5,
    burst_window: timedelta = timedelta(minutes=10),
) -> list[Delivery]:
    """`queue_for_story` for every story one poll changed, with a fixed number of queries; returns the new rows."""
    if not changes:
        return []
    watched = list(watched)
    story_ids = [c.summary.story_id for c in changes]
    out: list[Delivery] = []
    alerts = [
        a
        for ids in chunked(story_ids)
        for a in (await session.scalars(select(AlertRow).where(AlertRow.story_id.in_(ids)).order_by(AlertRow.id))).all()
    ]
    # Only this tenant's alerts: another workspace's alert of the same story shows its own sources.
    alerts = [a for a in alerts if alert_tenant(a.shown, a.channel) == tenant]
    pending = await _pending_kinds(session, [a.id for a in alerts])
    by_story: dict[str, list[AlertRow]] = {}
    for alert in alerts:
        by_story.setdefault(alert.story_id, []).append(alert)
    for change in changes:
        for alert in by_story.get(change.summary.story_id, ()):
            out.extend(_updates(alert, change, pending.get(alert.id, set()), watched, now))
    wanted = [c for c in changes if c.eligible and c.matches]
    if wanted:
        alerted = {(a.story_id, a.channel) for a in alerts}
        out.extend(await _new_alerts(session, tenant, wanted, alerted, now, burst_limit, burst_window))
    session.add_all(out)
    return out


def _updates(
    alert: AlertRow, change: StoryChange, kinds: set[str], watched: Sequence[str], now: datetime
) -> list[Delivery]:
    """The edit and follow-up one posted alert gets from its story's change (`kinds`: its pending deliveries),
    and the alert's new `shown` state; nothing when the change brings the channel nothing new."""
    summary = change.summary
    story_id = summary.story_id
    shown: AlertShown = {**(alert.shown or {})}
    fresh = _new_sources(shown, summary)
    # A source the alert shows whose text was edited in place counts only if the facts moved.
    revised = [src for src in summary.sources if src.article_id in change.edited and src not in fresh]
    if not fresh and not revised:
        return []  # nothing new for this channel (a repost, or a source it already shows)
    changes_said = material_changes(shown, summary, watched)
    if not fresh and not changes_said:
        return []  # an edit that changed no fact (a typo, a new headline) is not worth a message
    out: list[Delivery] = []
    if not kinds & {"post", "batch"}:
        if not shown.get("batched") and "edit" not in kinds:
            out.append(_delivery(alert.id, alert.channel, "edit", {"story_id": story_id}, now, change.first_seen))
        if changes_said:
            # One follow-up per development, however many facts it moved.
            noted = fresh or revised
            text = "; ".join(changes_said) + (f" ({source_note(noted)})" if noted else "")
            payload: DeliveryPayload = {"story_id": story_id, "change": text}
            out.append(_delivery(alert.id, alert.channel, "followup", payload, now, change.first_seen))
    alert.shown = {
        **shown,
        **shown_state(summary),
        "matches": _with_articles(shown.get("matches"), change.matches),
    }
    return out


class _NewAlert(TypedDict):
    """An `alerts` row to insert: a story's first alert in a channel."""

    story_id: str
    channel: str
    subscription_id: int
    shown: AlertShown
    created_at: datetime


@dataclass(frozen=True, slots=True)
class _Planned:
    """A new alert planned for a story in a channel: posted alone, or in the channel's batch."""

    change: StoryChange
    row: _NewAlert
    batched: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.row["story_id"], self.row["channel"])


async def _new_alerts(
    session: AsyncSession,
    tenant: str,
    changes: Sequence[StoryChange],
    alerted: set[tuple[str, str]],
    now: datetime,
    burst_limit: int,
    burst_window: timedelta,
) -> list[Delivery]:
    """One post (or batch row, past the burst limit) per subscribed channel that has no alert for the story."""
    subs = await _immediate_subscriptions(session, tenant, {m.rule for c in changes for m in c.matches})
    if not subs:
        return []
    skip = alerted | await _muted(session, [c.summary.story_id for c in changes])
    recent = await _recent_alerts(session, sorted({s.channel for s in subs}), now - burst_window)
    planned = _plan(changes, subs, skip, recent, burst_limit, tenant, now)
    if not planned:
        return []
    # One alert per story and channel, even when two feeds (or instances) get here at once: the loser
    # finds the winner's alert and edits it with its source instead of posting again.
    created = await _insert_alerts(session, [p.row for p in planned])
    existing = await _alert_ids(session, [p.key for p in planned if p.key not in created])
    out: list[Delivery] = []
    for plan in planned:
        payload: DeliveryPayload = {"story_id": plan.change.summary.story_id}
        first_seen = plan.change.first_seen
        if plan.key in created:
            kind = "batch" if plan.batched else "post"
            out.append(_delivery(created[plan.key], plan.row["channel"], kind, payload, now, first_seen))
        elif plan.key in existing:
            out.append(_delivery(existing[plan.key], plan.row["channel"], "edit", payload, now, first_seen))
    return out


async def _immediate_subscriptions(session: AsyncSession, tenant: str, rules: set[str]) -> Sequence[Subscription]:
    """The tenant's unpaused immediate subscriptions to any of `rules`, oldest first."""
    return (
        await session.scalars(
            select(Subscription)
            .where(
                Subscription.tenant == tenant,
                Subscription.rule.in_(rules),
                Subscription.paused.is_(False),
                Subscription.mode == "immediate",
            )
            .order_by(Subscription.id)
        )
    ).all()


async def _muted(session: AsyncSession, story_ids: list[str]) -> set[tuple[str, str]]:
    """(story id, channel) of every mute of these stories."""
    return {
        (r.story_id, r.channel)
        for ids in chunked(story_ids)
        for r in (await session.execute(select(Mute.story_id, Mute.channel).where(Mute.story_id.in_(ids)))).all()
    }


async def _recent_alerts(session: AsyncSession, channels: list[str], since: datetime) -> dict[str, int]:
    """How many alerts each channel got since `since` (the burst window), 0 for none."""
    recent: dict[str, int] = dict.fromkeys(channels, 0)
    for ids in chunked(channels):
        recent.update(
            (
                await session.execute(
                    select(AlertRow.channel, func.count(AlertRow.id))
                    .where(AlertRow.channel.in_(ids), AlertRow.created_at > since)
                    .group_by(AlertRow.channel)
                )
            )
            .tuples()
            .all()
        )
    return recent


def _plan(
    changes: Sequence[StoryChange],
    subs: Sequence[Subscription],
    skip: set[tuple[str, str]],
    recent: dict[str, int],
    burst_limit: int,
    tenant: str,
    now: datetime,
) -> list[_Planned]:
    """A new alert for each story and subscribed channel not in `skip` (alerted or muted), counting each
    towards its channel's burst (`recent`, updated as they are planned)."""
    planned: list[_Planned] = []
    for change in changes:
        story_id = change.summary.story_id
        by_channel: dict[str, list[Subscription]] = {}
        for sub in subs:
            if any(m.rule == sub.rule for m in change.matches):
                by_channel.setdefault(sub.channel, []).append(sub)
        for channel, channel_subs in by_channel.items():
            if (story_id, channel) in skip:
                continue
            channel_rules = {s.rule for s in channel_subs}
            channel_matches = [m for m in change.matches if m.rule in channel_rules]
            # Alerts of this poll count towards the burst limit as they are planned. A FLASH alert is
            # never batched: it goes out on its own (and mentions the flash group) whatever the burst.
            flash = any(m.severity == "flash" for m in channel_matches)
            batched = recent[channel] >= burst_limit and not flash
            recent[channel] += 1
            row: _NewAlert = {
                "story_id": story_id,
                "channel": channel,
                "subscription_id": channel_subs[0].id,
                "shown": {
                    **shown_state(change.summary),
                    "matches": [_match_dict(m) for m in channel_matches],
                    "batched": batched,
                    "tenant": tenant,
                },
                "created_at": now,
            }
            planned.append(_Planned(change, row, batched))
    return planned


async def _insert_alerts(session: AsyncSession, rows: list[_NewAlert]) -> dict[tuple[str, str], int]:
    """Insert the alerts no one inserted first; the ids of those inserted, by (story id, channel)."""
    created: dict[tuple[str, str], int] = {}
    for part in chunked(rows, 200):
        inserted = (
            await session.execute(
                insert_ignore(session, AlertRow, ["story_id", "channel"])
                .values(part)
                .returning(AlertRow.id, AlertRow.story_id, AlertRow.channel)
            )
        ).all()
        created.update({(r.story_id, r.channel): r.id for r in inserted})
    return created


async def _alert_ids(session: AsyncSession, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The ids of the alerts another poll inserted first, by (story id, channel)."""
    existing: dict[tuple[str, str], int] = {}
    for story_id, channel in keys:
        alert_id = await session.scalar(
            select(AlertRow.id).where(AlertRow.story_id == story_id, AlertRow.channel == channel)
        )
        if alert_id is not None:
            existing[(story_id, channel)] = alert_id
    return existing


async def queue_removal(session: AsyncSession, story_id: str, article_id: str, now: datetime) -> list[Delivery]:
    """An article left a story (an admin split it out): every alert of the story that showed it is edited to
    show the story without it. An alert whose post or edit is still pending shows the story as it is when sent,
    and one sent inside a batch message is never edited; they only forget the article."""
    alerts = (await session.scalars(select(AlertRow).where(AlertRow.story_id == story_id).order_by(AlertRow.id))).all()
    showing = [a for a in alerts if article_id in (a.shown or {}).get("sources", [])]
    pending = await _pending_kinds(session, [a.id for a in showing])
    out: list[Delivery] = []
    for alert in showing:
        shown: AlertShown = {**(alert.shown or {})}
        shown["sources"] = [s for s in shown.get("sources", []) if s != article_id]
        shown["matches"] = _without_article(shown.get("matches"), article_id)
        alert.shown = shown
        if not shown.get("batched") and not pending.get(alert.id, set()) & {"post", "batch", "edit"}:
            out.append(_delivery(alert.id, alert.channel, "edit", {"story_id": story_id}, now, now))
    session.add_all(out)
    return out


def _without_article(shown: list[MatchJSON] | None, article_id: str) -> list[MatchJSON]:
    """An alert's stored matches once an article has left its story: the article leaves each match, and a match
    only that article made goes (the edited alert no longer says a rule matched, nor quotes, what it no longer
    shows). Matches stored without their articles (older rows) are kept."""
    out: list[MatchJSON] = []
    for m in shown or ():
        articles = list(m.get("articles") or ())
        if articles == [article_id]:
            continue
        out.append({**m, "articles": [a for a in articles if a != article_id]})
    return out


def _with_articles(shown: list[MatchJSON] | None, matches: Sequence[RuleMatch]) -> list[MatchJSON]:
    """An alert's stored matches, each with the articles of this change that matched its rule added."""
    out: list[MatchJSON] = [{**m} for m in shown or () if isinstance(m, dict)]
    for m in out:
        new = [a for c in matches if c.rule == m.get("rule") for a in c.articles]
        m["articles"] = list(dict.fromkeys([*(m.get("articles") or ()), *new]))
    return out


def _match_dict(m: RuleMatch) -> MatchJSON:
    return {"rule": m.rule, "reason": m.reason, "severity": m.severity, "articles": list(m.articles)}


async def queue_notice(session: AsyncSession, *, tenant: str, key: str, text: str, channel: str, now: datetime) -> bool:
    """Queue an admin notice once per key (a paused feed or subscription); True if queued now."""
    from bot.masking import mask_secrets  # a notice names channels, and a webhook's URL is its secret

    text = mask_secrets(text)
    exists = await session.scalar(select(Notice.id).where(Notice.tenant == tenant, Notice.key == key))
    if exists is not None:
        return False
    session.add(Notice(tenant=tenant, key=key, text=text, created_at=now))
    session.add(
        Delivery(
            channel=channel,
            kind="notice",
            payload={"text": text},
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    )
    return True
