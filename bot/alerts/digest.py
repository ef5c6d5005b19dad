"""Digests: for each hourly or daily subscription that is due, one outbox message with the period's stories.

One minutely job (`schedule_digests`) checks every digest subscription: hourly ones are due at
the top of each hour, daily ones at their `at` time in their own time zone (DST-aware via
zoneinfo). A due digest covers the articles first seen since the previous digest (or since
the subscription was set up) that matched the subscription's rule, minus the stories muted in
the channel, and seen through the tenant's own feeds, and is queued as one `Delivery(kind="digest")` whose payload the outbox worker
turns into a `DigestAlert`. `last_digest_at` advances with a compare-and-set in the
same transaction, so two instances never send the same digest and nothing is lost on a crash.
An empty period sends nothing. Checking every minute, rather than one cron job per
subscription, needs no rescheduling when subscriptions change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.jobs import Guard
from bot.models import DigestAlert, RuleMatch, Summary
from bot.repo.search import articles_of_stories, recent_articles
from bot.repo.stories import build_view, importance, story_summary
from bot.storage.tables import ArticleRow, Delivery, Rule, Story, Subscription

if TYPE_CHECKING:
    from bot.services import Services

log = logging.getLogger(__name__)

MAX_STORIES = 10
SCAN_LIMIT = 5000
JOB_ID = "diplobot-digests"


def due_slot(mode: str, at: str | None, tz: str | None, since: datetime, now: datetime) -> datetime | None:
    """The latest scheduled time in (since, now] for a digest, or None when none has passed."""
    if mode == "hourly":
        slot = now.replace(minute=0, second=0, microsecond=0)
    elif mode == "daily":
        zone = ZoneInfo(tz or "UTC")
        hh, mm = (int(p) for p in (at or "08:00").split(":"))
        local_now = now.astimezone(zone)
        slot_local = datetime.combine(local_now.date(), time(hh, mm), tzinfo=zone)
        if slot_local > local_now:
            slot_local = datetime.combine(local_now.date() - timedelta(days=1), time(hh, mm), tzinfo=zone)
        slot = slot_local.astimezone(UTC)
    else:
        return None
    return slot if since < slot <= now else None


async def _summaries(
    session: AsyncSession,
    rows: Sequence[ArticleRow],
    tenant: str,
    rule: str,
    muted: set[str],
    now: datetime,
    cache: dict[str, RuleMatch | None],
) -> tuple[list[Summary], int]:
    """The period's stories for one rule, most important first (at most MAX_STORIES), and the total."""
    from bot.repo.rules import match_rule

    groups: dict[str, list[ArticleRow]] = {}
    match_of: dict[str, RuleMatch] = {}
    hits = await match_rule(session, tenant, rule, [r for r in rows if r.story_id not in muted], cache)
    for row in rows:
        match = hits.get(row.id)
        if match is None:
            continue
        key = row.story_id or f"article:{row.id}"
        if row.story_id in muted:
            continue
        groups.setdefault(key, []).append(row)
        match_of.setdefault(key, match)
    views = []
    for key, members in groups.items():
        story = await session.get(Story, key) if not key.startswith("article:") else None
        if story is not None:
            members = (await articles_of_stories(session, [story.id], tenant)).get(story.id) or members
        views.append((key, build_view(story, members, key, tenant)))
    ranked = sorted(views, key=lambda kv: importance(kv[1], now), reverse=True)[:MAX_STORIES]
    out: list[Summary] = []
    for key, view in ranked:
        summary = (
            await _pipeline_summary(session, key, match_of[key], tenant) if not key.startswith("article:") else None
        )
        out.append(summary or view.summary)
    return out, len(views)


async def _pipeline_summary(session: AsyncSession, story_id: str, match: RuleMatch, tenant: str) -> Summary | None:
    # The summarizer writes the alert text (clean sentences); the stored state is the fallback.
    try:
        return await story_summary(session, story_id, (match,), tenant=tenant)
    except Exception:
        log.exception("summary of story %s failed; using stored state", story_id)
        return None


def digest_title(rule: str, mode: str, count: int, shown: int, start: datetime, end: datetime) -> str:
    """`Daily digest: rule ceasefire, 3 stories (…)`."""
    label = "Hourly" if mode == "hourly" else "Daily"
    more = f", {shown} most important shown" if count > shown else ""
    return (
        f"{label} digest for {rule}: {count} stor{'y' if count == 1 else 'ies'}{more} "
        f"({start:%Y-%m-%d %H:%M}–{end:%H:%M} UTC)"
    )


@dataclass(frozen=True, slots=True)
class _DigestJob:
    """One digest subscription as the check read it (each digest is then claimed and built in its own session)."""

    sub_id: int
    tenant: str
    channel: str
    rule: str
    mode: str
    at: str | None
    tz: str | None
    since: datetime  # the last digest, or the subscription's creation
    previous: datetime | None  # last_digest_at as read: what the claim expects to move


async def run_digests(services: Services, now: datetime | None = None) -> list[DigestAlert]:
    """Queue every digest that is due at `now` (default: the services' clock); returns what was queued."""
    now = now or services.clock.now()
    queued: list[DigestAlert] = []
    # Per (tenant, rule): which articles the rule matched, shared by every channel's digest in this run.
    caches: dict[tuple[str, str], dict[str, RuleMatch | None]] = {}
    for job in await _digest_jobs(services):
        try:
            slot = due_slot(job.mode, job.at, job.tz, job.since, now)
        except Exception:  # noqa: BLE001 - a bad stored zone must not stop the other digests
            log.warning(
                "digest %s for %s: cannot compute its schedule (at=%r tz=%r)", job.rule, job.channel, job.at, job.tz
            )
            continue
        if slot is None:
            continue
        try:
            alert = await _one_digest(services, job, now, caches.setdefault((job.tenant, job.rule), {}))
        except Exception:
            log.exception("digest %s for %s failed", job.rule, job.channel)
            continue
        if alert is not None:
            queued.append(alert)
    return queued


async def _digest_jobs(services: Services) -> list[_DigestJob]:
    """The unpaused hourly and daily subscriptions, in id order."""
    async with services.db.session() as session:
        subs = (
            await session.scalars(
                select(Subscription)
                .where(Subscription.mode.in_(("hourly", "daily")), Subscription.paused.is_(False))
                .order_by(Subscription.id)
            )
        ).all()
        return [
            _DigestJob(
                s.id,
                s.tenant,
                s.channel,
                s.rule,
                s.mode,
                s.at,
                s.tz,
                s.last_digest_at or s.created_at,
                s.last_digest_at,
            )
            for s in subs
        ]


async def _one_digest(
    services: Services, job: _DigestJob, now: datetime, cache: dict[str, RuleMatch | None]
) -> DigestAlert | None:
    """Claim a due digest and queue it, unless another instance claimed it, its rule is off or nothing is new."""
    from bot.repo.subscriptions import muted_story_ids

    async with services.db.session() as session:
        if not await _claim(session, job, now):
            return None
        enabled = await session.scalar(select(Rule.enabled).where(Rule.tenant == job.tenant, Rule.name == job.rule))
        if not enabled:
            return None
        # What reached the bot since the last digest and is news: an event within the story window (or the
        # digest's own period, when that is longer). An old report fetched now is stored, never digested.
        window = timedelta(hours=services.settings.story_window_hours)
        rows = await recent_articles(
            session, since=min(job.since, now - window), until=now, limit=SCAN_LIMIT, tenant=job.tenant
        )
        rows = [r for r in rows if r.seen_at > job.since]
        muted = await muted_story_ids(session, job.channel)
        summaries, total = await _summaries(session, rows, job.tenant, job.rule, muted, now, cache)
        if not summaries:
            return None
        return _queue_digest(session, job, summaries, total, now)


async def _claim(session: AsyncSession, job: _DigestJob, now: datetime) -> bool:
    """Compare-and-set: only the instance that moves last_digest_at from its old value sends the digest."""
    expected = (
        Subscription.last_digest_at.is_(None) if job.previous is None else Subscription.last_digest_at == job.previous
    )
    claimed = await session.execute(
        update(Subscription).where(Subscription.id == job.sub_id, expected).values(last_digest_at=now)
    )
    return bool(getattr(claimed, "rowcount", 0))


def _queue_digest(
    session: AsyncSession, job: _DigestJob, summaries: Sequence[Summary], total: int, now: datetime
) -> DigestAlert:
    """Add the digest's delivery (the summaries it shows, encoded) and return the alert it sends."""
    from bot.codec import summary_to_dict

    title = digest_title(job.rule, job.mode, total, len(summaries), job.since, now)
    session.add(
        Delivery(
            channel=job.channel,
            kind="digest",
            status="pending",
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            payload={
                "title": title,
                "rule": job.rule,
                "mode": job.mode,
                "tenant": job.tenant,
                "subscription_id": job.sub_id,
                "period": [job.since.isoformat(), now.isoformat()],
                "summaries": [summary_to_dict(s) for s in summaries],
            },
        )
    )
    return DigestAlert(channel=job.channel, summaries=tuple(summaries), title=title)


def schedule_digests(scheduler: Any, services: Services) -> Any:
    """Add the minutely digest check to an APScheduler (AsyncIOScheduler) and return the job."""
    from apscheduler.triggers.cron import CronTrigger

    guard = Guard(log, "digest check failed")

    async def job() -> None:
        """One minutely digest check; logs and carries on after any error."""
        queued = await guard.run(run_digests(services))
        if queued:
            log.info("queued %d digest(s)", len(queued))

    return scheduler.add_job(
        job,
        CronTrigger(minute="*", second=5),
        id=JOB_ID,
        replace_existing=True,
        max_instances=1,
        coalesce=True,
        misfire_grace_time=300,
    )
