"""Webhook delivery targets, offline: Discord webhooks on the fake Discord, Slack incoming webhooks on a tiny server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
from aiohttp import web

from adapters.webhooks import WebhookAdapter, create, parse_target
from adapters.webhooks.ssrf import check_url, is_blocked_address
from bot.errors import Permanent, Retryable
from bot.models import EditAlert, FollowupAlert, NoticeAlert, PostAlert, Source, Summary
from bot.settings import Settings, load_settings
from tests.support.discord_server import FakeDiscord

HOOK_ID = 1234567890123456789
WHEN = datetime(2026, 11, 24, tzinfo=UTC)


def story(headline: str = "Talks resume in Doha", sources: int = 1) -> Summary:
    """A small story."""
    return Summary(
        story_id="s1",
        headline=headline,
        sentences=("Delegations met on Monday.",),
        sources=tuple(Source(str(i), "t", f"https://e.com/{i}", f"Outlet {i}", WHEN) for i in range(sources)),
        severity="urgent",
    )


@pytest.fixture
async def adapter(discord_fake: FakeDiscord) -> Any:
    """The webhook adapter pointed at the fake Discord, private networks allowed (it is on loopback)."""
    base = discord.http.Route.BASE
    a = create(load_settings(DISCORD_API_URL=discord_fake.api_url, DIPLOBOT_ALLOW_PRIVATE_NETWORKS=True))
    await a.start()
    yield a
    await a.stop()
    assert base == discord.http.Route.BASE, "the webhook adapter must not move discord.py's API base for everyone"


class SlackHook:
    """A Slack incoming-webhook endpoint: answers `ok` as text/plain and keeps the posts."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.status = 200
        self.port = 0

    async def handle(self, request: web.Request) -> web.Response:
        self.posts.append(json.loads(await request.text()))
        if self.status != 200:
            return web.Response(
                text="no_service" if self.status == 404 else "rate_limited",
                status=self.status,
                headers={"Retry-After": "7"} if self.status == 429 else None,
            )
        return web.Response(text="ok")


@pytest.fixture
async def slack() -> Any:
    """A running Slack webhook endpoint."""
    hook = SlackHook()
    app = web.Application()
    app.router.add_post("/services/T000/B000/hooktoken", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    hook.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield hook
    await runner.cleanup()


def mrkdwn(node: Any) -> list[str]:
    """Every mrkdwn text in a Block Kit structure (the only kind that can mention)."""
    if isinstance(node, list):
        return [t for item in node for t in mrkdwn(item)]
    if isinstance(node, dict):
        own = [node["text"]] if node.get("type") == "mrkdwn" else []
        return own + [t for v in node.values() if isinstance(v, (list, dict)) for t in mrkdwn(v)]
    return []


def discord_hook(discord_fake: FakeDiscord, token: str = "tok-abc") -> str:
    """A Discord webhook channel address on the fake server."""
    return f"webhook:{discord_fake.base_url}/api/webhooks/{HOOK_ID}/{token}"


# ---------------------------------------------------------------- Discord webhooks


async def test_discord_webhook_send_and_edit(adapter: WebhookAdapter, discord_fake: FakeDiscord) -> None:
    """Send returns the webhook message id (wait=True); edits go to that id; nothing can ping."""
    channel = discord_hook(discord_fake)
    mid = await adapter.sink.send(PostAlert(channel=channel, summary=story("@everyone <@&123> truce")))
    assert mid is not None and mid in discord_fake.messages
    body = discord_fake.requests_to("POST", rf"/webhooks/{HOOK_ID}/tok-abc$")[-1]
    assert body["allowed_mentions"] == {"parse": []}
    assert "<@&123>" not in body["embeds"][0]["title"]
    assert body["components"][0]["components"][0]["url"] == "https://e.com/0"
    await adapter.sink.edit(EditAlert(channel=channel, summary=story(sources=3)), mid)
    assert discord_fake.requests_to("PATCH", rf"/webhooks/{HOOK_ID}/tok-abc/messages/{mid}$")[-1][
        "allowed_mentions"
    ] == {"parse": []}
    assert "3 sources" in discord_fake.messages[mid]["embeds"][0]["footer"]["text"]
    follow = await adapter.sink.reply_in_thread(
        FollowupAlert(channel=channel, summary=story(), change="Deal signed"), mid
    )
    assert follow is not None and follow != mid


async def test_discord_webhook_into_a_thread(adapter: WebhookAdapter, discord_fake: FakeDiscord) -> None:
    """`?thread_id=N` on a Discord webhook URL posts and edits inside that thread."""
    channel = discord_hook(discord_fake) + "?thread_id=555"
    mid = await adapter.sink.send(PostAlert(channel=channel, summary=story()))
    await adapter.sink.edit(EditAlert(channel=channel, summary=story(sources=2)), mid or "")
    sent = [q for m, p, q in discord_fake.queries if p.startswith(f"/api/v10/webhooks/{HOOK_ID}/")]
    assert [q.get("thread_id") for q in sent] == ["555", "555"] and sent[0]["wait"] in ("1", "true")


async def test_discord_webhook_unknown_is_permanent(adapter: WebhookAdapter, discord_fake: FakeDiscord) -> None:
    """A deleted webhook (10015) is permanent."""
    with pytest.raises(Permanent, match="10015"):
        await adapter.sink.send(NoticeAlert(channel=discord_hook(discord_fake, "unknown-token"), text="hello"))


async def test_discord_webhook_429_then_ok(adapter: WebhookAdapter, discord_fake: FakeDiscord) -> None:
    """A webhook 429 with Via and retry_after is waited out by discord.py."""
    discord_fake.fail_next("POST", rf"/webhooks/{HOOK_ID}/", 429, retry_after=0.05)
    assert await adapter.sink.send(NoticeAlert(channel=discord_hook(discord_fake), text="hello")) is not None


async def test_discord_webhook_on_foreign_host_is_refused(adapter: WebhookAdapter) -> None:
    """A Discord-shaped URL on a host that is not Discord (nor DISCORD_API_URL) is refused: the token stays home."""
    with pytest.raises(Permanent, match="not a Discord host"):
        await adapter.sink.send(NoticeAlert(channel=f"webhook:https://evil.example/api/webhooks/{HOOK_ID}/t", text="x"))


# ---------------------------------------------------------------- Slack incoming webhooks


async def test_slack_webhook_send_and_update(adapter: WebhookAdapter, slack: SlackHook) -> None:
    """Slack answers `ok` with no id: send returns None; an edit becomes an "Updated:" follow-up message."""
    channel = f"webhook:slack+http://127.0.0.1:{slack.port}/services/T000/B000/hooktoken"
    assert await adapter.sink.send(PostAlert(channel=channel, summary=story("<!channel> truce"))) is None
    first = slack.posts[-1]
    assert first["unfurl_links"] is False and "<!channel>" not in first["text"]
    assert "<!channel>" not in json.dumps(mrkdwn(first["blocks"]))  # plain_text headers cannot mention
    assert not [b for b in first["blocks"] if b["type"] == "actions"]  # no buttons without an app behind them
    await adapter.sink.edit(EditAlert(channel=channel, summary=story(sources=2)), "")
    assert len(slack.posts) == 2 and slack.posts[-1]["text"].startswith("Updated:")
    assert (
        await adapter.sink.reply_in_thread(FollowupAlert(channel=channel, summary=story(), change="Deal signed"), "")
        is None
    )
    assert "Deal signed" in json.dumps(slack.posts[-1])


@pytest.mark.parametrize(("status", "kind"), [(404, Permanent), (429, Retryable), (503, Retryable)])
async def test_slack_webhook_errors(adapter: WebhookAdapter, slack: SlackHook, status: int, kind: type) -> None:
    """A gone webhook is permanent; rate limits (with Retry-After) and outages are retryable."""
    slack.status = status
    channel = f"webhook:slack+http://127.0.0.1:{slack.port}/services/T000/B000/hooktoken"
    with pytest.raises(kind) as info:
        await adapter.sink.send(NoticeAlert(channel=channel, text="hi"))
    if status == 429:
        assert info.value.retry_after == 7.0


# ---------------------------------------------------------------- SSRF and addressing


async def test_loopback_webhook_refused_without_private_networks(slack: SlackHook, endpoints_untouched: None) -> None:
    """With private networks not allowed, a loopback webhook URL is refused before any request is made."""
    a = WebhookAdapter(Settings(DIPLOBOT_ALLOW_PRIVATE_NETWORKS=False))  # type: ignore[call-arg]
    try:
        for url in (
            f"slack+http://127.0.0.1:{slack.port}/services/T000/B000/hooktoken",
            f"slack+http://localhost:{slack.port}/services/T000/B000/hooktoken",
            "slack+http://[::1]/services/x",
            "slack+http://169.254.169.254/latest/meta-data",
        ):
            with pytest.raises(Permanent, match="internal|loopback|link-local"):
                await a.sink.send(NoticeAlert(channel=f"webhook:{url}", text="hi"))
        assert slack.posts == []
    finally:
        await a.stop()


async def test_check_url_and_addresses() -> None:
    """The ingestion rules: loopback, private, link-local and metadata addresses are blocked; public ones pass."""
    for address in (
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "169.254.169.254",
        "::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "100.64.0.1",
    ):
        assert is_blocked_address(address), address
    assert not is_blocked_address("8.8.8.8") and not is_blocked_address("2606:4700::1111")
    await check_url("https://8.8.8.8/x", allow_private=False)
    await check_url("http://127.0.0.1/x", allow_private=True)
    with pytest.raises(ValueError):
        await check_url("file:///etc/passwd", allow_private=True)


def test_target_rules() -> None:
    """Slack by host or hint, Discord by path or hint; anything else is refused."""
    assert parse_target("webhook:https://hooks.slack.com/services/T/B/X").kind == "slack"
    d = parse_target("webhook:https://discord.com/api/webhooks/123/abc-DEF_ghi")
    assert (d.kind, d.webhook_id, d.token) == ("discord", 123, "abc-DEF_ghi")
    assert parse_target("webhook:https://discord.com/api/v10/webhooks/123/abc").kind == "discord"
    assert parse_target("webhook:slack+https://example.org/hook").url == "https://example.org/hook"
    assert parse_target("webhook:discord+http://127.0.0.1:9/api/webhooks/1/t").kind == "discord"
    for bad in (
        "webhook:https://example.org/hook",
        "webhook:ftp://hooks.slack.com/x",
        "webhook:discord+https://x.org/nothing",
    ):
        with pytest.raises(Permanent):
            parse_target(bad)


async def test_slack_edit_without_id_from_the_outbox(adapter: WebhookAdapter, slack: SlackHook) -> None:
    """The outbox sends an edit with no message id through send(): Slack gets an "Updated:" message."""
    channel = f"webhook:slack+http://127.0.0.1:{slack.port}/services/T000/B000/hooktoken"
    assert await adapter.sink.send(EditAlert(channel=channel, summary=story(sources=2))) is None
    assert slack.posts[-1]["text"].startswith("Updated:")
