"""`test-alert`: an admin posts a clearly marked sample alert through the real outbox and adapter (issue 16, item 5).

From the CLI in a subprocess (this terminal, and a Slack channel sent by the running bot), from Slack over
Socket Mode and from Discord over the gateway, with the real slack_sdk, Bolt and discord.py clients
against the local fake servers. A member who is not an admin is refused and nothing is posted.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.commands.testalert import HEADLINE
from bot.storage.tables import Delivery
from tests.support.discord_server import MANAGE_GUILD, MEMBER_USER, TEXT_CHANNEL, FakeDiscord
from tests.support.platform_apps import (
    DISCORD_CHANNEL,
    SLACK_CHANNEL,
    app_for,
    cli,
    env_for,
    started,
    stopped,
)
from tests.support.slack_requests import slash
from tests.support.slack_server import (
    TEAM,
    FakeSlack,
)


async def deliveries(app: Any) -> list[tuple[str, str, str]]:
    async with app.services.db.session() as session:
        return [(r.channel, r.kind, r.status) for r in (await session.scalars(select(Delivery))).all()]


async def test_cli_test_alert_prints_a_marked_sample_in_this_terminal(database_url: str, config_dir: Path) -> None:
    out = await cli(env_for(database_url, config_dir), "test-alert", "terminal")
    alert, _, said = out.partition("[delivery dlv-")
    assert f"[ALERT] [ROUTINE] {HEADLINE}" in alert and "This is a test, not news: operator" in alert, out
    assert "Rules: test-alert (sample requested by operator)" in alert, out
    assert f'Test alert sent to terminal (message 1): look for "{HEADLINE}"' in said, out


async def test_cli_test_alert_to_slack_is_sent_by_the_running_bot(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path
) -> None:
    env = env_for(database_url, config_dir)
    app = await started(app_for(env, slack_fake, discord_fake))
    stop = asyncio.Event()
    worker = asyncio.create_task(app.outbox.run(stop, idle=0.1))
    try:
        said = await cli(env, "test-alert", SLACK_CHANNEL)
    finally:
        stop.set()
        await worker
        await stopped(app)
    posts = slack_fake.posts("C1")
    assert len(posts) == 1 and HEADLINE in posts[0], posts
    assert f"Test alert sent to {SLACK_CHANNEL} (message " in said, said


async def test_slack_admin_gets_a_test_alert_in_the_channel(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path
) -> None:
    app = await started(app_for(env_for(database_url, config_dir), slack_fake, discord_fake))
    try:
        member = slash(slack_fake, "/diplobot", "test-alert", user="UMEMBER")
        await slack_fake.push_envelope("slash_commands", member)
        refused = await slack_fake.wait_for(lambda: slack_fake.responses_for(member["response_url"]), timeout=15)
        form = slash(slack_fake, "/diplobot", "test-alert")
        await slack_fake.push_envelope("slash_commands", form)
        replies = await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"]), timeout=15)
        rows = await deliveries(app)
    finally:
        await stopped(app)
    assert "for admins only" in str(refused[0]["text"]), refused
    posts = [json.loads(p) for p in slack_fake.posts("C1")]
    assert len(posts) == 1, posts
    assert posts[0]["blocks"][0]["type"] == "header" and HEADLINE in json.dumps(posts[0]["blocks"][0])
    assert "This is a test, not news" in json.dumps(posts[0]["blocks"])
    assert f"Test alert sent to slack:{TEAM}/C1" in str(replies[0]["text"]), replies
    assert rows == [(SLACK_CHANNEL, "post", "sent")]


async def test_discord_admin_gets_a_test_alert_in_the_channel(
    slack_fake: FakeSlack, discord_fake: FakeDiscord, database_url: str, config_dir: Path
) -> None:
    app = await started(app_for(env_for(database_url, config_dir), slack_fake, discord_fake))
    try:
        refused = await discord_fake.interaction("test-alert", user_id=MEMBER_USER)
        await discord_fake.interaction("test-alert", permissions=MANAGE_GUILD, timeout=15)
        await discord_fake.wait_for_posts(TEXT_CHANNEL, timeout=15)
        posts = discord_fake.posts(TEXT_CHANNEL)
        replies = [m["content"] for m in discord_fake.channel_messages(TEXT_CHANNEL) if m["flags"] & 64]
        rows = await deliveries(app)
    finally:
        await stopped(app)
    assert refused is not None and "Manage Server" in json.dumps(refused), refused
    assert len(posts) == 1 and HEADLINE in posts[0] and "This is a test, not news" in posts[0], posts
    assert any(f"Test alert sent to {DISCORD_CHANNEL}" in r for r in replies), replies
    assert rows == [(DISCORD_CHANNEL, "post", "sent")]
