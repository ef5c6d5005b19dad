"""The outbox as the admin sees it: rows waiting or dead, counts by status, a dead letter queued again.

The worker that sends the rows is bot/alerts/outbox.py; these are the queries of the `deliveries` command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update

from bot.storage.db import rowcount
from bot.storage.tables import Delivery

if TYPE_CHECKING:
    from bot.services import Services

# A row claimed or being sent: in flight.
ACTIVE = ("claimed", "sending")


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    """One outbox row as the `deliveries` command shows it."""

    id: int
    channel: str
    kind: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None


def _info(row: Delivery) -> DeliveryInfo:
    return DeliveryInfo(
        row.id,
        row.channel,
        row.kind,
        row.status,
        row.attempts,
        row.last_error,
        row.created_at,
        row.next_attempt_at,
        row.sent_at,
    )


async def list_deliveries(
    services: Services, *, dead: bool = False, limit: int = 50, channels: Sequence[str] | None = None
) -> list[DeliveryInfo]:
    """Dead letters (newest first) when `dead`, else rows still waiting or in flight (oldest first).

    `channels` limits the rows to those channels (a tenant's); None means every channel.
    """
    async with services.db.session() as session:
        stmt = select(Delivery)
        if channels is not None:
            stmt = stmt.where(Delivery.channel.in_(list(channels)))
        if dead:
            stmt = stmt.where(Delivery.status == "dead").order_by(Delivery.id.desc())
        else:
            stmt = stmt.where(Delivery.status.in_(("pending", *ACTIVE))).order_by(Delivery.id)
        return [_info(r) for r in (await session.scalars(stmt.limit(limit))).all()]


async def outbox_counts(services: Services) -> dict[str, int]:
    """How many rows are in each status (pending, claimed, sending, sent, dead, superseded)."""
    async with services.db.session() as session:
        rows = (await session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))).all()
    return {status: int(count) for status, count in rows}


async def retry_delivery(
    services: Services, delivery_id: int, channels: Sequence[str] | None = None
) -> DeliveryInfo | None:
    """Queue a dead letter again now (attempts reset); None if no dead row (in `channels`) has that id."""
    now = services.clock.now()
    async with services.db.session() as session:
        cond = [Delivery.id == delivery_id, Delivery.status == "dead"]
        if channels is not None:
            cond.append(Delivery.channel.in_(list(channels)))
        result = await session.execute(
            update(Delivery)
            .where(*cond)
            .values(status="pending", attempts=0, next_attempt_at=now, lease_owner=None, lease_until=None)
        )
        if rowcount(result) != 1:
            return None
        row = await session.get(Delivery, delivery_id, populate_existing=True)
        return _info(row) if row is not None else None
