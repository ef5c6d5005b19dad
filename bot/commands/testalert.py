"""`test-alert [CHANNEL]`: a clearly marked sample alert, sent through the real outbox and adapter.

A new workspace's feeds start quiet; this lets an admin see that alerts reach a channel without
waiting for news. The sample is an ordinary outbox row (a `post` that carries its own summary), so it
takes the path every alert takes: claim, render by the channel's adapter, retries, dead letters.

When the process running the command has a sink for the channel (the running bot answering a Slack
or Discord command, or the CLI for `terminal` and `webhook:` channels) it sends the row at once and
reports the outcome; otherwise (the CLI naming a Slack or Discord channel) it queues the row for the
running bot and waits a few seconds to report what happened.
"""

from __future__ import annotations

from datetime import datetime

from bot.commands.common import new_channel
from bot.commands.core import Arg, CommandArgs, CommandContext, CommandRegistry
from bot.commands.deps import alerts_outbox as outbox_module
from bot.commands.deps import tables
from bot.models import Reply, RuleMatch, Source, Summary

USAGE = "test-alert [CHANNEL]"
HEADLINE = "[TEST] Sample alert from diplobot: alerts reach this channel"
# How long the CLI waits for the running bot to send a row it cannot send itself.
WAIT_SECONDS = 10.0


def sample_summary(requested_by: str, now: datetime) -> Summary:
    """The sample alert: marked as a test in its headline, its text, its source and its rule."""
    return Summary(
        story_id="test-alert",
        headline=HEADLINE,
        sentences=(
            f"This is a test, not news: {requested_by} asked diplobot to post it with 'test-alert' to check "
            "that alerts reach this channel.",
            "Real alerts look like this one: a headline, a short summary, the facts found, the sources and the "
            "watch rules that matched. Nothing needs to be done.",
        ),
        sources=(
            Source(
                article_id="test-alert",
                title="diplobot test alert (not a news article)",
                url="https://example.org/diplobot-test-alert",
                outlet="diplobot",
                published=now,
            ),
        ),
        matches=(RuleMatch(rule="test-alert", reason=f"sample requested by {requested_by}", severity="routine"),),
        severity="routine",
    )


async def test_alert(ctx: CommandContext, args: CommandArgs) -> Reply:
    """Queue a sample alert for the channel, send it (or wait for the running bot to), say what happened."""
    services = ctx.services
    channel = new_channel(ctx, args, USAGE)
    outbox = getattr(services, "outbox", None)
    here = outbox is not None and outbox.can_send(channel)
    now = services.clock.now()
    who = ctx.caller.display_name or ctx.caller.user_id
    payload = {"sample": outbox_module.summary_to_dict(sample_summary(who, now))}
    async with services.db.session() as session:
        # Sent here: the row is leased to this instance from the start, so no other instance takes it.
        row = tables.Delivery(
            channel=channel,
            kind="post",
            payload=payload,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            status="claimed" if here else "pending",
            lease_owner=services.instance_id if here else None,
            lease_until=now + outbox_module.CLAIM_LEASE if here else None,
        )
        session.add(row)
        await session.flush()
        delivery_id = row.id
    if here:
        assert outbox is not None
        await outbox.process(delivery_id)
        status = await _status(ctx, delivery_id)
    else:
        status = await _wait(ctx, delivery_id)
    return _outcome(channel, delivery_id, *status)


def register(registry: CommandRegistry) -> None:
    """Declare the `test-alert` command."""
    registry.command(
        "test-alert",
        "Post a clearly marked sample alert to a channel, to check that alerts reach it",
        Arg(
            "channel",
            "terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL or webhook:URL (default: this channel)",
            required=False,
        ),
        admin_only=True,
    )(test_alert)


async def _status(ctx: CommandContext, delivery_id: int) -> tuple[str, str | None, str | None]:
    async with ctx.services.db.session() as session:
        row = await session.get(tables.Delivery, delivery_id)
        assert row is not None
        return row.status, row.message_id, row.last_error


async def _wait(ctx: CommandContext, delivery_id: int) -> tuple[str, str | None, str | None]:
    """The row's status once the running bot has sent it, failed it for good or deferred it, or after WAIT_SECONDS."""
    import asyncio  # not at the top: `diplobot --help` lists this command without loading asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while True:
        status = await _status(ctx, delivery_id)
        if status[0] in ("sent", "dead") or status[2] or loop.time() >= deadline:
            return status
        await asyncio.sleep(0.2)


def _outcome(channel: str, delivery_id: int, status: str, message_id: str | None, error: str | None) -> Reply:
    data: dict[str, object] = {
        "channel": channel,
        "delivery": delivery_id,
        "status": status,
        "message_id": message_id,
        "error": error,
    }
    if status == "sent":
        shown = f" (message {message_id})" if message_id else ""
        return Reply(text=f'Test alert sent to {channel}{shown}: look for "{HEADLINE}".', data=data)
    if status == "dead":
        return Reply(
            text=f"Test alert to {channel} failed: {error}.",
            lines=(
                "'deliveries --dead' lists it; fix the channel (invite the bot, check its permissions, "
                "the token), then try again.",
            ),
            ok=False,
            data=data,
        )
    if error:
        return Reply(
            text=f"Test alert to {channel} is not delivered yet: {error}.",
            lines=(f"It stays queued (delivery {delivery_id}) and is retried; 'deliveries' shows it.",),
            ok=False,
            data=data,
        )
    return Reply(
        text=f"Test alert queued for {channel} (delivery {delivery_id}), but no running diplobot sent it "
        f"within {WAIT_SECONDS:g} s.",
        lines=(
            "Alerts to Slack and Discord are sent by 'diplobot run' with that platform's token set; "
            "it sends this one when it runs.",
        ),
        ok=False,
        data=data,
    )
