"""A Slack or Discord channel subscribed by the local operator from the CLI gets the operator's alerts.

The CLI runs for real (`python -m bot subscribe ... --channel slack:TEAM/CHANNEL`), then the app polls
the seed folder and its outbox sends through the real slack_sdk and discord.py clients to the local
fake Slack and Discord servers. An outbox row that cannot be rendered becomes a dead letter with its
reason, and the rows after it still go out.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.storage.tables import Delivery
from tests.support.discord_server import TEXT_CHANNEL, FakeDiscord
from tests.support.platform_apps import (
    DISCORD_CHANNEL,
    SEED_SOURCES,
    SLACK_CHANNEL,
    app_for,
    cli,
    env_for,
    started,
    stopped,
)
from tests.support.slack_server import (
    FakeSlack,
)


async def test_channels_subscribed_from_the_cli_get_the_seed_story(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path
) -> None:
    env = env_for(database_url, config_dir)
    for channel in (SLACK_CHANNEL, DISCORD_CHANNEL):
        said = await cli(env, "subscribe", "ceasefire-developments", "--channel", channel)
        assert f"{channel} now follows rule 'ceasefire-developments'" in said
    # A second rule the story matches too: still one alert per story and channel.
    await cli(env, "subscribe", "conflict-casualties", "--channel", SLACK_CHANNEL)
    app = await started(app_for(env, slack_fake, discord_fake))
    try:
        began = time.monotonic()
        await app.poll_all(force=True)
        await app.outbox.drain()
        took = time.monotonic() - began
        async with app.services.db.session() as session:
            rows = (await session.execute(select(Delivery.channel, Delivery.status, Delivery.last_error))).all()
        slack_sent, discord_sent = slack_fake.posts("C1"), discord_fake.posts(TEXT_CHANNEL)
    finally:
        await stopped(app)
    assert sorted((r.channel, r.status) for r in rows) == [(DISCORD_CHANNEL, "sent"), (SLACK_CHANNEL, "sent")], rows
    assert len(slack_sent) == 1 and len(discord_sent) == 1, (slack_sent, discord_sent)
    for sent in (slack_sent[0], discord_sent[0]):
        assert all(title in sent for title in SEED_SOURCES), sent  # the operator's sources, both of them
    assert took < 15, f"poll to delivery took {took:.1f} s"


async def test_a_row_that_cannot_be_rendered_is_a_dead_letter_and_the_rest_flow(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path, tmp_path: Path
) -> None:
    """The seed story's rows are queued, then its only feed is removed (its articles are no longer the
    operator's to show): those rows die with their reason, and another story's row queued after them goes out."""
    other = tmp_path / "wire"
    other.mkdir()
    (other / "sudan.txt").write_text(
        "Sudan ceasefire collapses as fighting resumes in Khartoum\n"
        "A ceasefire between Sudan's army and the Rapid Support Forces collapsed on Tuesday as heavy fighting "
        "resumed in Khartoum, killing at least 40 civilians, witnesses and medics said. The truce, agreed in "
        "Jeddah last week, had been meant to allow aid into the capital.\n",
        encoding="utf-8",
    )
    with (config_dir / "feeds.yaml").open("a", encoding="utf-8") as feeds:
        feeds.write(f"  - name: wire\n    url: {other}\n    interval: 60\n    backfill: 50\n    outlet: Wire\n")
    env = env_for(database_url, config_dir)
    await cli(env, "subscribe", "ceasefire-developments", "--channel", SLACK_CHANNEL)
    app = await started(app_for(env, slack_fake, discord_fake))
    try:
        for feed_id in sorted(await app.feed_ids()):  # the seeds first: their post is the older row
            await app.poll(feed_id, force=True)
        async with app.services.db.session() as session:
            queued = (await session.scalars(select(Delivery).order_by(Delivery.id))).all()
        assert [(r.channel, r.kind, r.status) for r in queued] == [(SLACK_CHANNEL, "post", "pending")] * 2
        assert (await app.core.run_text("feeds remove seeds", _operator())).ok
        await app.outbox.drain()
        async with app.services.db.session() as session:
            rows = (await session.scalars(select(Delivery).order_by(Delivery.id))).all()
        sent = slack_fake.posts("C1")
    finally:
        await stopped(app)
    assert [r.status for r in rows] == ["dead", "sent"], [(r.status, r.last_error) for r in rows]
    assert rows[0].last_error and rows[0].last_error.startswith("cannot be rendered:"), rows[0].last_error
    assert len(sent) == 1 and "Sudan ceasefire collapses" in sent[0] and SEED_SOURCES[0] not in sent[0]


def _operator() -> Any:
    from bot.models import Caller

    return Caller(user_id="operator", tenant="local", is_admin=True, display_name="operator")
