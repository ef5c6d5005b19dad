"""`deliveries [--dead] [--retry ID]`: the outbox as an admin sees it, its dead letters, and a retry."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import outbox_repo as outbox
from bot.commands.deps import sa, tables
from bot.errors import UserInputError
from bot.models import Reply
from bot.replies import DeliveriesData, DeliveryData, DeliveryShowData

if TYPE_CHECKING:
    from bot.repo.outbox import DeliveryInfo

USAGE = "deliveries [--dead] [--retry ID]"
LOCAL_TENANT = "local"


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S") if at else "-"


def _line(d: DeliveryInfo) -> str:
    parts = [f"#{d.id}", d.status, d.kind, d.channel, f"{d.attempts} attempt{'s' if d.attempts != 1 else ''}"]
    if d.status == "pending":
        parts.append(f"next {_when(d.next_attempt_at)}")
    if d.last_error:
        parts.append(f"last error: {_short(d.last_error)}")
    return "  ".join(parts)


def _data(d: DeliveryInfo) -> DeliveryData:
    return {
        "id": d.id,
        "channel": d.channel,
        "kind": d.kind,
        "status": d.status,
        "attempts": d.attempts,
        "last_error": d.last_error,
        "created_at": d.created_at.isoformat(),
        "next_attempt_at": d.next_attempt_at.isoformat(),
        "sent_at": d.sent_at.isoformat() if d.sent_at else None,
    }


async def _tenant_channels(ctx: CommandContext) -> list[str] | None:
    """The channels an admin of the caller's tenant may see; None (all) for the local operator."""
    if ctx.caller.tenant == LOCAL_TENANT:
        return None
    async with ctx.services.db.session() as session:
        subs = set(
            (
                await session.scalars(
                    sa.select(tables.Subscription.channel).where(tables.Subscription.tenant == ctx.caller.tenant)
                )
            ).all()
        )
    return sorted(subs | {ctx.channel})


async def deliveries(ctx: CommandContext, args: CommandArgs) -> Reply:
    """List the outbox or its dead letters, or queue a dead letter again."""
    channels = await _tenant_channels(ctx)
    retry = args.word("retry")
    if retry is not None:
        raw = retry.lstrip("#")
        if not raw.isdigit():
            raise UserInputError(f"--retry takes a delivery number, got {retry!r}", argument="retry", usage=USAGE)
        info = await outbox.retry_delivery(ctx.services, int(raw), channels)
        if info is None:
            raise UserInputError(
                f"no dead delivery #{raw}; 'deliveries --dead' lists them", argument="retry", usage=USAGE
            )
        return Reply(
            text=f"Delivery #{info.id} to {info.channel} is queued again.",
            lines=("If the channel's subscriptions were paused, resubscribe it so new alerts flow too.",),
            data=DeliveryShowData(delivery=_data(info)),
        )
    rows = await outbox.list_deliveries(ctx.services, dead=args.flag("dead"), channels=channels)
    if args.flag("dead"):
        if not rows:
            return Reply(
                text="No dead letters: every delivery was sent or is still being tried.",
                data=DeliveriesData(deliveries=[]),
            )
        return Reply(
            text=f"{len(rows)} dead letter{'s' if len(rows) != 1 else ''} (retry with 'deliveries --retry ID'):",
            lines=tuple(_line(d) for d in rows),
            data=DeliveriesData(deliveries=[_data(d) for d in rows]),
        )
    counts = await outbox.outbox_counts(ctx.services) if channels is None else {}
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) if counts else ""
    if not rows:
        return Reply(
            text="The outbox is empty: nothing waiting." + (f" ({summary})" if summary else ""),
            data=DeliveriesData(deliveries=[], counts=counts),
        )
    return Reply(
        text=f"{len(rows)} deliver{'ies' if len(rows) != 1 else 'y'} waiting or in flight"
        + (f" ({summary})" if summary else "")
        + ":",
        lines=tuple(_line(d) for d in rows),
        data=DeliveriesData(deliveries=[_data(d) for d in rows], counts=counts),
    )


def register(registry: CommandRegistry) -> None:
    """Declare the `deliveries` command."""
    registry.command(
        "deliveries",
        "The outbox: deliveries waiting or in flight, dead letters (--dead), or retry one (--retry ID)",
        Arg("dead", "list deliveries that failed for good", kind="flag"),
        Arg("retry", "queue dead letter ID again", kind="option", required=False),
        admin_only=True,
    )(deliveries)
