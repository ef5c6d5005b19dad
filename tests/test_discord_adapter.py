"""End to end, offline: the real discord.py client against tests/discord_server.py (REST + gateway)."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime
from typing import Any

import discord
import pytest

from adapters.discord import create
from adapters.discord.adapter import DiscordAdapter
from adapters.discord.endpoints import point
from adapters.discord.settings import DiscordSettings
from bot.commands.core import Arg, CommandCore, CommandRegistry
from bot.errors import Permanent, Retryable
from bot.models import (
    BatchAlert,
    Caller,
    Casualty,
    EditAlert,
    FollowupAlert,
    NoticeAlert,
    PostAlert,
    Reply,
    RuleMatch,
    Source,
    Summary,
)
from bot.settings import load_settings
from tests.support.discord_requests import opt, settings_for
from tests.support.discord_server import (
    APP_ID,
    FLASH_ROLE,
    FORUM_CHANNEL,
    GUILD_ID,
    MANAGE_GUILD,
    MEMBER_USER,
    TEXT_CHANNEL,
    FakeDiscord,
)

CHANNEL = f"discord:{GUILD_ID}/{TEXT_CHANNEL}"
FORUM = f"discord:{GUILD_ID}/{FORUM_CHANNEL}"


def summary(
    headline: str = "Ceasefire agreed in Nagorno-Karabakh",
    *,
    severity: str = "urgent",
    sentences: int = 2,
    sources: int = 2,
    sentence: str = "Officials said the truce holds.",
) -> Summary:
    """A story summary with the given size."""
    when = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    return Summary(
        story_id="s1",
        headline=headline,
        sentences=tuple(sentence for _ in range(sentences)),
        sources=tuple(
            Source(f"a{i}", f"Title {i}", f"https://news{i}.example/a", f"Outlet {i}", when) for i in range(sources)
        ),
        ceasefire="agreed",
        casualty=Casualty(12, "at_least", "killed", "civilians", True, "At least 12 civilians were killed."),
        people=("Nikol Pashinyan",),
        countries=("Armenia", "Azerbaijan"),
        matches=(RuleMatch("caucasus", "ceasefire in Armenia", severity),),  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        topic="caucasus",
    )


class Recorder:
    """What the test commands saw."""

    def __init__(self) -> None:
        self.invocations: list[tuple[str, dict[str, Any], Caller, str]] = []


def registry(rec: Recorder) -> CommandRegistry:
    """Test commands shaped like the real ones: a top-level command, a group with an admin command, help."""
    reg = CommandRegistry()

    def handler(name: str, *, delay: float = 0.0) -> Any:
        async def run(ctx: Any, values: dict[str, Any]) -> Reply:
            rec.invocations.append((name, values, ctx.caller, ctx.channel))
            if delay:
                await asyncio.sleep(delay)
            return Reply(text=f"{name} ok", lines=tuple(f"{k}={v}" for k, v in sorted(values.items())))

        return run

    reg.command(
        "brief",
        "A brief on a topic",
        Arg("topic", "country, region or rule", kind="rest", complete="topic"),
        Arg("since", "time window", kind="option", required=False),
    )(handler("brief"))
    reg.command("watch list", "List watch rules")(handler("watch list"))
    reg.command(
        "watch add",
        "Add a watch rule",
        Arg("name", "rule name"),
        Arg("query", "what to match", kind="rest"),
        Arg("severity", "alert level", kind="option", required=False, choices=("flash", "urgent", "routine")),
        admin_only=True,
    )(handler("watch add"))
    reg.command("watch show", "Show a rule", Arg("name", "rule name", complete="rule"))(handler("watch show"))
    reg.command("feeds pause", "Pause a feed", Arg("feed", "feed name"), admin_only=True)(handler("feeds pause"))
    reg.command("slow", "A slow command")(handler("slow", delay=0.4))

    async def slow_failure(ctx: Any, values: dict[str, Any]) -> Reply:
        await asyncio.sleep(0.4)
        return Reply(text="Error: no such topic", ok=False, ephemeral=True)

    reg.command("slowfail", "A slow command that fails")(slow_failure)
    reg.command("help", "Show help", Arg("command", "command", kind="rest", required=False))(handler("help"))
    return reg


class Core(CommandCore):
    """A CommandCore with completion (the real one gains `complete`)."""

    async def complete(self, kind: str, prefix: str, caller: Caller) -> list[str]:
        """Offer names of the kind that start with the prefix."""
        names = {"rule": ["caucasus", "sahel", "korea"], "topic": ["armenia", "azerbaijan", "sudan"]}[kind]
        return [n for n in names if n.startswith(prefix)]


@pytest.fixture
async def running(discord_fake: FakeDiscord) -> Any:
    """A started adapter with the test commands, and what they recorded."""
    rec = Recorder()
    core = Core(services=object(), registry=registry(rec))  # type: ignore[arg-type]
    adapter = DiscordAdapter(
        settings_for(discord_fake), core, defer_after=0.2, ready_timeout=5, guild_ready_timeout=0.05
    )
    await adapter.start()
    try:
        yield adapter, rec
    finally:
        await adapter.stop()


# ---------------------------------------------------------------- start-up


def test_no_token_no_adapter(endpoints_untouched: None) -> None:
    """Without DISCORD_TOKEN the factory returns None."""
    assert create(load_settings(DISCORD_TOKEN=None), Core(services=object(), registry=CommandRegistry())) is None  # type: ignore[arg-type]


async def test_login_sync_and_gateway(discord_fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> None:
    """Login, invite URL logged, commands synced from the specs, minimal intents, READY."""
    rec = Recorder()
    adapter = create(load_settings(**discord_fake.env()), Core(services=object(), registry=registry(rec)))  # type: ignore[arg-type]
    assert isinstance(adapter, DiscordAdapter)
    adapter.client._connection.guild_ready_timeout = 0.05
    with caplog.at_level(logging.INFO, logger="adapters.discord.adapter"):
        await adapter.start()
    try:
        assert adapter.client.is_ready()
        assert discord_fake.identify_payload["intents"] == discord.Intents(guilds=True).value == 1  # no message content
        assert adapter.client.get_guild(GUILD_ID) is not None
        invite = adapter.invite_url or ""
        assert f"client_id={APP_ID}" in invite and "scope=bot+applications.commands" in invite
        assert "permissions=309237730304" in invite
        assert any(invite in r.getMessage() for r in caplog.records)
        commands = {c["name"]: c for c in discord_fake.global_commands}
        assert set(commands) == {"brief", "watch", "feeds", "slow", "slowfail", "diplobot"}
        brief = commands["brief"]
        assert brief["options"][0]["name"] == "topic" and brief["options"][0]["autocomplete"] is True
        assert brief["options"][1] == {"type": 3, "name": "since", "description": "time window", "required": False}
        watch = {o["name"]: o for o in commands["watch"]["options"]}
        assert set(watch) == {"list", "add", "show"} and all(o["type"] == 1 for o in watch.values())
        severity = next(o for o in watch["add"]["options"] if o["name"] == "severity")
        assert [c["value"] for c in severity["choices"]] == ["flash", "urgent", "routine"]
        assert commands["watch"]["default_member_permissions"] is None  # members may list rules
        assert str(commands["feeds"]["default_member_permissions"]) == str(MANAGE_GUILD)  # admin-only group
        assert commands["diplobot"]["description"] == "Show help"
    finally:
        await adapter.stop()


async def test_dev_guild_sync(discord_fake: FakeDiscord) -> None:
    """With DISCORD_DEV_GUILD, commands go to that guild and dispatch from there."""
    rec = Recorder()
    core = Core(services=object(), registry=registry(rec))  # type: ignore[arg-type]
    adapter = DiscordAdapter(
        settings_for(discord_fake, DISCORD_DEV_GUILD=GUILD_ID), core, ready_timeout=5, guild_ready_timeout=0.05
    )
    await adapter.start()
    try:
        assert discord_fake.global_commands == [] and {
            c["name"] for c in discord_fake.guild_commands[str(GUILD_ID)]
        } >= {
            "brief",
            "watch",
        }
        callback = await discord_fake.interaction("brief", [opt("topic", "sudan")], guild_scoped=True)
        assert callback is not None and callback["data"]["content"].startswith("brief ok")
    finally:
        await adapter.stop()


# ---------------------------------------------------------------- commands


async def test_slash_command_reaches_core(running: Any, discord_fake: FakeDiscord) -> None:
    """/brief goes through the real CommandTree to the core; the Reply is the interaction callback."""
    _adapter, rec = running
    callback = await discord_fake.interaction(
        "brief", [opt("topic", "armenia azerbaijan"), opt("since", "48h")], user_id=MEMBER_USER
    )
    name, values, caller, channel = rec.invocations[-1]
    assert name == "brief" and values == {"topic": "armenia azerbaijan", "since": "48h"}
    assert caller.tenant == f"discord:{GUILD_ID}" and caller.user_id == str(MEMBER_USER) and not caller.is_admin
    assert channel == CHANNEL
    assert callback["type"] == 4
    assert callback["data"]["content"] == "brief ok\nsince=48h\ntopic=armenia azerbaijan"
    assert callback["data"]["allowed_mentions"] == {"parse": []}
    assert not int(callback["data"].get("flags") or 0) & 64  # public


async def test_subcommand_admin_by_role(running: Any, discord_fake: FakeDiscord) -> None:
    """/watch add by a member with the admin role runs; admin output is ephemeral."""
    _adapter, rec = running
    sub = {
        "name": "add",
        "type": 1,
        "options": [opt("name", "sahel"), opt("query", "mali OR niger"), opt("severity", "flash")],
    }
    callback = await discord_fake.interaction("watch", [sub])
    assert rec.invocations[-1][:2] == ("watch add", {"name": "sahel", "query": "mali OR niger", "severity": "flash"})
    assert rec.invocations[-1][2].is_admin
    assert int(callback["data"]["flags"]) & 64


async def test_permission_denied_for_member(running: Any, discord_fake: FakeDiscord) -> None:
    """A member without Manage Server or the admin role is refused at run time, privately; the core never runs."""
    _adapter, rec = running
    sub = {"name": "pause", "type": 1, "options": [opt("feed", "reuters")]}
    callback = await discord_fake.interaction("feeds", [sub], user_id=MEMBER_USER)
    assert rec.invocations == []
    assert "Manage Server" in callback["data"]["content"] and int(callback["data"]["flags"]) & 64


async def test_manage_server_counts_as_admin(running: Any, discord_fake: FakeDiscord) -> None:
    """Manage Server permission alone makes a member an admin."""
    _adapter, rec = running
    sub = {"name": "pause", "type": 1, "options": [opt("feed", "reuters")]}
    await discord_fake.interaction("feeds", [sub], user_id=MEMBER_USER, permissions=MANAGE_GUILD)
    assert rec.invocations[-1][0] == "feeds pause" and rec.invocations[-1][2].is_admin


async def test_autocomplete(running: Any, discord_fake: FakeDiscord) -> None:
    """Autocomplete for rule names asks the core and answers with choices."""
    sub = {"name": "show", "type": 1, "options": [opt("name", "ca", focused=True)]}
    callback = await discord_fake.interaction("watch", [sub], kind=4)
    assert callback["type"] == 8 and callback["data"]["choices"] == [{"name": "caucasus", "value": "caucasus"}]


async def test_slow_command_defers(running: Any, discord_fake: FakeDiscord) -> None:
    """A command slower than the defer threshold is deferred, then the answer edits the original response."""
    _adapter, _rec = running
    callback = await discord_fake.interaction("slow")
    assert callback["type"] == 5
    await discord_fake.wait_for(lambda: any(key.startswith("@original") for key, _ in discord_fake.edits))
    body = next(b for k, b in discord_fake.edits if k.startswith("@original"))
    assert body["content"] == "slow ok"


async def test_two_bots_in_one_process_each_talk_to_their_own_discord(endpoints_untouched: None) -> None:
    """DISCORD_API_URL and DISCORD_GATEWAY_URL move one bot's client only: two adapters on two fake Discords in one
    process each log in and sync over their own REST base, get READY over their own gateway, post alerts there,
    and answer a slash command there, deferred answers (sent through discord.py's webhook transport) included;
    discord.py's process-wide endpoints are left as they are (the fixture checks)."""
    async with FakeDiscord() as one, FakeDiscord() as two:
        fakes = (one, two)
        adapters = [
            DiscordAdapter(
                settings_for(fake),
                Core(services=object(), registry=registry(Recorder())),  # type: ignore[arg-type]
                defer_after=0.2,
                ready_timeout=5,
                guild_ready_timeout=0.05,
            )
            for fake in fakes
        ]
        try:
            for adapter in adapters:
                await adapter.start()
            assert all(a.client.is_ready() for a in adapters)
            for n, (fake, adapter) in enumerate(zip(fakes, adapters, strict=True)):
                assert fake.identified.is_set() and {c["name"] for c in fake.global_commands} >= {"brief", "slow"}
                await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary(f"Headline of bot {n}")))
            for n, fake in enumerate(fakes):
                posts = " ".join(fake.posts(TEXT_CHANNEL))
                assert f"Headline of bot {n}" in posts and f"Headline of bot {1 - n}" not in posts, posts
            for fake in fakes:
                assert (await fake.interaction("slow"))["type"] == 5  # type: ignore[index]
                await fake.wait_for(lambda fake=fake: any(k.startswith("@original") for k, _ in fake.edits))
            assert [len(fake.callbacks) for fake in fakes] == [1, 1]
            assert all(next(b for k, b in f.edits if k.startswith("@original"))["content"] == "slow ok" for f in fakes)
        finally:
            for adapter in adapters:
                await adapter.stop()


async def test_slow_error_becomes_private(running: Any, discord_fake: FakeDiscord) -> None:
    """Deferred publicly, but the answer is an error: the public "thinking" message is replaced by a private one."""
    callback = await discord_fake.interaction("slowfail")
    assert callback["type"] == 5 and not int((callback.get("data") or {}).get("flags") or 0) & 64
    await discord_fake.wait_for(lambda: bool(discord_fake.followups))
    assert any(key.startswith("@original") for key in discord_fake.deleted)
    assert (
        discord_fake.followups[-1]["content"] == "Error: no such topic"
        and int(discord_fake.followups[-1]["flags"]) & 64
    )


async def test_help_is_diplobot(running: Any, discord_fake: FakeDiscord) -> None:
    """The core's `help` is /diplobot."""
    _adapter, rec = running
    await discord_fake.interaction("diplobot", [opt("command", "watch")])
    assert rec.invocations[-1][:2] == ("help", {"command": "watch"})


# ---------------------------------------------------------------- alerts


async def test_alert_embed_buttons_and_no_mentions(running: Any, discord_fake: FakeDiscord) -> None:
    """An article titled "@everyone <@&123>" pings no one: allowed_mentions parse [] and no mention in content."""
    adapter, _ = running
    story = summary("@everyone <@&123> <@456> ceasefire", severity="urgent")
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=story))
    body = discord_fake.requests_to("POST", rf"/channels/{TEXT_CHANNEL}/messages$")[-1]
    assert body["allowed_mentions"] == {"parse": []}
    assert "@everyone" not in (body.get("content") or "") and "<@" not in (body.get("content") or "")
    embed = body["embeds"][0]
    assert "@everyone" not in embed["title"] and "<@&123>" not in embed["title"]
    assert embed["color"] == 0xF57C00
    buttons = [b for row in body["components"] for b in row["components"]]
    assert [b["url"] for b in buttons] == ["https://news0.example/a", "https://news1.example/a"]
    assert all(b["style"] == 5 for b in buttons)
    assert discord_fake.messages[mid]["channel_id"] == str(TEXT_CHANNEL)


async def test_flash_mentions_only_the_role(running: Any, discord_fake: FakeDiscord) -> None:
    """Flash alerts mention the configured role and allow exactly that role."""
    adapter, _ = running
    await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary(severity="flash"), mention=True))
    body = discord_fake.requests_to("POST", rf"/channels/{TEXT_CHANNEL}/messages$")[-1]
    assert body["content"].startswith(f"<@&{FLASH_ROLE}>")
    assert body["allowed_mentions"] == {"parse": [], "roles": [FLASH_ROLE]}
    assert body["embeds"][0]["color"] == 0xD32F2F


async def test_oversized_story_fits(running: Any, discord_fake: FakeDiscord) -> None:
    """A huge story is accepted by the server, which enforces every embed limit (50035 otherwise)."""
    adapter, _ = running
    big = summary("H" * 1000, sentences=400, sources=60, sentence="A very long sentence about the talks. " * 5)
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=big))
    assert mid in discord_fake.messages
    batch = BatchAlert(channel=CHANNEL, summaries=tuple(big for _ in range(30)))
    assert await adapter.sink.send(batch) in discord_fake.messages


async def test_server_rejects_over_limit(discord_fake: FakeDiscord, endpoints_untouched: None) -> None:
    """The fake server really answers 50035 for an oversized embed (so the test above means something)."""
    client = discord.Client(intents=discord.Intents.none())
    point(client, settings_for(discord_fake))
    await client.login(discord_fake.env()["DISCORD_TOKEN"])
    try:
        with pytest.raises(discord.HTTPException) as info:
            await client.get_partial_messageable(TEXT_CHANNEL).send(embed=discord.Embed(description="x" * 5000))
        assert info.value.code == 50035
    finally:
        await client.close()


async def test_edit_and_thread_followups(running: Any, discord_fake: FakeDiscord) -> None:
    """A new source edits the message; developments go to a thread started from it (created once)."""
    adapter, _ = running
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary(sources=1)))
    await adapter.sink.edit(EditAlert(channel=CHANNEL, summary=summary(sources=3)), mid)
    assert discord_fake.messages[mid]["embeds"][0]["footer"]["text"].startswith("URGENT · 3 sources")
    first = await adapter.sink.reply_in_thread(
        FollowupAlert(channel=CHANNEL, summary=summary(), change="Ceasefire collapsed"), mid
    )
    second = await adapter.sink.reply_in_thread(
        FollowupAlert(channel=CHANNEL, summary=summary(), change="Talks resume"), mid
    )
    assert mid in discord_fake.threads and discord_fake.threads[mid]["parent_id"] == str(TEXT_CHANNEL)
    in_thread = discord_fake.channel_messages(mid)
    assert [m["id"] for m in in_thread] == [first, second]
    assert "Ceasefire collapsed" in in_thread[0]["embeds"][0]["description"]


async def test_forum_channel_posts(running: Any, discord_fake: FakeDiscord) -> None:
    """In a forum channel the alert is a post; edits and developments go into that post."""
    adapter, _ = running
    mid = await adapter.sink.send(PostAlert(channel=FORUM, summary=summary()))
    assert discord_fake.threads[mid]["parent_id"] == str(FORUM_CHANNEL)
    await adapter.sink.edit(EditAlert(channel=FORUM, summary=summary(sources=4)), mid)
    assert "4 sources" in discord_fake.messages[mid]["embeds"][0]["footer"]["text"]
    reply = await adapter.sink.reply_in_thread(
        FollowupAlert(channel=FORUM, summary=summary(), change="Shelling resumed"), mid
    )
    assert discord_fake.messages[reply]["channel_id"] == mid


# ---------------------------------------------------------------- errors


async def test_short_429_is_retried_by_discord_py(running: Any, discord_fake: FakeDiscord) -> None:
    """A 429 with Via and a short retry_after is handled by discord.py's own buckets."""
    adapter, _ = running
    discord_fake.fail_next("POST", rf"/channels/{TEXT_CHANNEL}/messages$", 429, retry_after=0.05)
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary()))
    assert mid in discord_fake.messages
    assert len(discord_fake.requests_to("POST", rf"/channels/{TEXT_CHANNEL}/messages$")) == 2


async def test_long_429_is_retryable(running: Any, discord_fake: FakeDiscord) -> None:
    """A 429 beyond max_ratelimit_timeout becomes Retryable with the server's retry_after."""
    adapter, _ = running
    discord_fake.fail_next("POST", rf"/channels/{TEXT_CHANNEL}/messages$", 429, retry_after=120.0)
    with pytest.raises(Retryable) as info:
        await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary()))
    assert info.value.retry_after == 120.0 and info.value.channel == CHANNEL


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [(404, 10003, Permanent), (403, 50001, Permanent), (403, 50013, Permanent), (503, 0, Retryable)],
)
async def test_error_mapping(running: Any, discord_fake: FakeDiscord, status: int, code: int, kind: type) -> None:
    """Unknown Channel, Missing Access, Missing Permissions are permanent; a 503 is retryable."""
    adapter, _ = running
    discord_fake.fail_next("POST", r"/channels/\d+/messages$", status, code)
    with pytest.raises(kind) as info:
        await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary()))
    assert info.value.channel == CHANNEL


async def test_unknown_channel_for_real(running: Any, discord_fake: FakeDiscord) -> None:
    """A channel the server does not know is Permanent (the server's own 10003)."""
    adapter, _ = running
    with pytest.raises(Permanent, match="10003"):
        await adapter.sink.send(PostAlert(channel=f"discord:{GUILD_ID}/123456789012345678", summary=summary()))


async def test_bad_address_is_permanent(running: Any) -> None:
    """A channel address that is not discord:GUILD/CHANNEL is Permanent."""
    adapter, _ = running
    with pytest.raises(Permanent):
        await adapter.sink.send(NoticeAlert(channel="discord:oops", text="hi"))


async def test_find_sent_after_a_crash(running: Any, discord_fake: FakeDiscord) -> None:
    """A message sent under a delivery key is found again by that key; Discord's nonce stops a double post."""
    from bot import ports

    adapter, _ = running
    alert = PostAlert(channel=CHANNEL, summary=summary())
    token = ports.DELIVERY_KEY.set("dlv-42")
    try:
        mid = await adapter.sink.send(alert)
        again = await adapter.sink.send(alert)  # a retry within minutes: the same message comes back
    finally:
        ports.DELIVERY_KEY.reset(token)
    assert again == mid and len(discord_fake.channel_messages(TEXT_CHANNEL)) == 1
    assert discord_fake.messages[mid]["embeds"][0]["footer"]["text"].endswith("ref dlv-42")
    assert await adapter.sink.find_sent(alert, "dlv-42") == mid
    assert await adapter.sink.find_sent(alert, "dlv-43") is None
    assert await adapter.sink.find_sent(alert, "dlv-42", thread=mid) is None  # no thread yet


async def test_real_commands_sync(discord_fake: FakeDiscord) -> None:
    """The real command specs become valid app commands: /brief, the /watch group, /feeds, /subscribe, /diplobot."""
    from bot.commands import default_registry

    adapter = DiscordAdapter(
        settings_for(discord_fake),
        CommandCore(services=object(), registry=default_registry()),  # type: ignore[arg-type]
        ready_timeout=5,
        guild_ready_timeout=0.05,
    )
    await adapter.start()
    try:
        commands = {c["name"]: c for c in discord_fake.global_commands}
        assert {
            "brief",
            "watch",
            "feeds",
            "subscribe",
            "unsubscribe",
            "subscriptions",
            "mute",
            "unmute",
            "diplobot",
        } <= set(commands)
        subs = {o["name"] for o in commands["watch"]["options"]}
        assert {"list", "show", "add", "edit", "remove", "enable", "disable", "test", "history"} <= subs
        assert commands["watch"]["description"].startswith("Watch rules: what to alert on")  # not "watch commands"
        assert commands["brief"]["options"][0]["autocomplete"] is True
        assert str(commands["subscribe"]["default_member_permissions"]) == str(MANAGE_GUILD)
        assert commands["mute"]["default_member_permissions"] is None
        for command in discord_fake.global_commands:
            assert len(command["description"]) <= 100 and len(command.get("options", [])) <= 25
    finally:
        await adapter.stop()


async def test_sharded_client(discord_fake: FakeDiscord) -> None:
    """DISCORD_SHARD_COUNT makes an AutoShardedClient that identifies with its shard."""
    adapter = DiscordAdapter(
        settings_for(discord_fake, DISCORD_SHARD_COUNT=1),
        Core(services=object(), registry=registry(Recorder())),  # type: ignore[arg-type]
        ready_timeout=5,
        guild_ready_timeout=0.05,
    )
    assert isinstance(adapter.client, discord.AutoShardedClient)
    await adapter.start()
    try:
        assert adapter.client.is_ready() and discord_fake.identify_payload["shard"] == [0, 1]
        assert await adapter.sink.send(NoticeAlert(channel=CHANNEL, text="sharded")) in discord_fake.messages
    finally:
        await adapter.stop()


async def test_bad_token_is_a_config_error(discord_fake: FakeDiscord) -> None:
    """A token Discord rejects (401) stops start-up with a ConfigError naming DISCORD_TOKEN."""
    from bot.errors import ConfigError

    adapter = DiscordAdapter(
        settings_for(discord_fake, DISCORD_TOKEN="wrong"), Core(services=object(), registry=registry(Recorder()))
    )  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        await adapter.start()
    await adapter.stop()


async def test_discord_down_at_start(discord_fake: FakeDiscord) -> None:
    """If Discord cannot be reached at start, start() returns, the sink says Retryable, and login is retried."""
    discord_fake.fail_next("GET", r"/users/@me$", 503)
    adapter = DiscordAdapter(
        settings_for(discord_fake),
        Core(services=object(), registry=registry(Recorder())),  # type: ignore[arg-type]
        ready_timeout=5,
        retry_delay=0.05,
        guild_ready_timeout=0.05,
    )
    await adapter.start()
    try:
        if not adapter.client.is_ready():
            with pytest.raises(Retryable):
                await adapter.sink.send(NoticeAlert(channel=CHANNEL, text="early"))
        assert await adapter.wait_ready(5)
        assert {c["name"] for c in discord_fake.global_commands} >= {"brief", "watch"}
        assert await adapter.sink.send(NoticeAlert(channel=CHANNEL, text="later")) in discord_fake.messages
    finally:
        await adapter.stop()


async def test_deleted_alert(running: Any, discord_fake: FakeDiscord) -> None:
    """An alert someone deleted: its update is dropped quietly, a development goes to the channel."""
    adapter, _ = running
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary()))
    del discord_fake.messages[mid]
    await adapter.sink.edit(EditAlert(channel=CHANNEL, summary=summary(sources=3)), mid)  # no error
    reply = await adapter.sink.reply_in_thread(FollowupAlert(channel=CHANNEL, summary=summary(), change="x"), mid)
    assert discord_fake.messages[reply]["channel_id"] == str(TEXT_CHANNEL) and mid not in discord_fake.threads


async def test_admin_role_by_name(discord_fake: FakeDiscord) -> None:
    """DISCORD_ADMIN_ROLE may name the role instead of giving its id."""
    rec = Recorder()
    adapter = DiscordAdapter(
        settings_for(discord_fake, DISCORD_ADMIN_ROLE="diplobot admin"),
        Core(services=object(), registry=registry(rec)),  # type: ignore[arg-type]
        ready_timeout=5,
        guild_ready_timeout=0.05,
    )
    await adapter.start()
    try:
        await discord_fake.interaction("feeds", [{"name": "pause", "type": 1, "options": [opt("feed", "ap")]}])
        assert rec.invocations[-1][0] == "feeds pause" and rec.invocations[-1][2].is_admin
    finally:
        await adapter.stop()


def test_sinks_implement_the_core_protocols(endpoints_untouched: None) -> None:
    """Both sinks are AlertSinks; the Discord sink can also find a message after a crash."""
    from adapters.webhooks import create as create_webhooks
    from bot import ports

    adapter = DiscordAdapter(DiscordSettings(DISCORD_TOKEN="t"), Core(services=object(), registry=CommandRegistry()))  # type: ignore[arg-type,call-arg]
    assert isinstance(adapter, ports.Adapter) and isinstance(adapter.sink, ports.AlertSink)
    if hasattr(ports, "SentLookup"):
        assert isinstance(adapter.sink, ports.SentLookup)
    hooks = create_webhooks(load_settings())
    assert hooks.prefix == "webhook" and isinstance(hooks, ports.Adapter) and isinstance(hooks.sink, ports.AlertSink)


async def test_sink_calls_are_bounded(running: Any, discord_fake: FakeDiscord) -> None:
    """A call that discord.py would keep waiting on ends as Retryable within the sink's time cap."""
    adapter, _ = running
    adapter.sink.timeout = 0.2
    discord_fake.fail_next("POST", rf"/channels/{TEXT_CHANNEL}/messages$", 429, retry_after=2.0)
    with pytest.raises(Retryable, match="did not answer"):
        await adapter.sink.send(NoticeAlert(channel=CHANNEL, text="slow"))


async def test_refused_embed_falls_back_to_plain_text(running: Any, discord_fake: FakeDiscord) -> None:
    """If Discord calls a rendered alert invalid (50035), a plain-text version goes out instead of nothing."""
    adapter, _ = running
    discord_fake.fail_next("POST", rf"/channels/{TEXT_CHANNEL}/messages$", 400, 50035, "Invalid Form Body")
    mid = await adapter.sink.send(PostAlert(channel=CHANNEL, summary=summary("@everyone Truce")))
    message = discord_fake.messages[mid]
    assert message["embeds"] == [] and message["content"].startswith(
        "**@\u200beveryone Truce**\n<https://news0.example/a>"
    )
    assert message["allowed_mentions"] == {"parse": []}
    discord_fake.fail_next("PATCH", rf"/channels/{TEXT_CHANNEL}/messages/{mid}$", 400, 50035)
    await adapter.sink.edit(EditAlert(channel=CHANNEL, summary=summary("Truce holds")), mid)
    assert discord_fake.messages[mid]["content"].startswith("**Truce holds**")


async def test_places_from_the_real_core(discord_fake: FakeDiscord) -> None:
    """/places is a real app command; `/places name:africa` answers with Africa's members from the core."""
    from bot.commands import default_registry

    adapter = DiscordAdapter(
        settings_for(discord_fake),
        CommandCore(services=object(), registry=default_registry()),  # type: ignore[arg-type]
        ready_timeout=5,
        guild_ready_timeout=0.05,
    )
    await adapter.start()
    try:
        assert "places" in {c["name"] for c in discord_fake.global_commands}
        callback = await discord_fake.interaction("places", [opt("name", "africa")], user_id=MEMBER_USER)
        content = callback["data"]["content"]
        assert content.startswith("Africa: continent") and "Sudan" in content and "France" not in content
        listing = await discord_fake.interaction("places", [], user_id=MEMBER_USER)
        assert "Middle East" in json.dumps(listing) and "NATO" in json.dumps(listing)
    finally:
        await adapter.stop()
