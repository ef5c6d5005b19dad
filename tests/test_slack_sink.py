"""The Slack sink end to end against the fake Slack: post, edit, thread, limits, escaping, 429s and errors."""

from __future__ import annotations

import re
import socket

import pytest

from adapters.platforms import slack_blocks as render
from adapters.slack import create
from adapters.slack import sink as sink_module
from adapters.slack.sink import ChannelPacer, SlackSink, build_client
from bot.errors import ConfigError, Permanent, Retryable
from bot.models import Alert, DigestAlert, EditAlert, FollowupAlert, NoticeAlert, PostAlert, Source
from bot.ports import DELIVERY_KEY, AlertSink, SentLookup
from bot.settings import load_settings
from tests.support.slack_markup import EVIL, all_mrkdwn, live_markup, summary
from tests.support.slack_server import (
    BOT_TOKEN,
    FakeSlack,
    message_error,
)

CHANNEL = "slack:T0TEST/C1"


@pytest.fixture
def sink(slack_fake: FakeSlack) -> SlackSink:
    return SlackSink(build_client(BOT_TOKEN, slack_fake.api_url), usergroup="S0FLASH", pacer=ChannelPacer(0.0))


def post(**kw: object) -> Alert:
    return PostAlert(channel=CHANNEL, summary=summary(**kw))  # type: ignore[arg-type]


async def test_post_edit_and_thread_followup(slack_fake: FakeSlack, sink: SlackSink) -> None:
    assert isinstance(sink, AlertSink)
    ts = await sink.send(post())
    assert ts is not None
    stored = slack_fake.messages[("C1", ts)]
    assert stored.raw["unfurl_links"] is False and stored.raw["unfurl_media"] is False
    assert stored.blocks and stored.blocks[0]["type"] == "header"

    newer = summary(
        sources=summary().sources + (Source("a3", "Third report", "https://third.example/c", "Third Post", None),)
    )
    await sink.edit(EditAlert(channel=CHANNEL, summary=newer), ts)
    assert len(stored.edits) == 1 and "Third Post" in str(stored.blocks)
    assert len(slack_fake.calls_to("chat.update")) == 1

    reply_ts = await sink.reply_in_thread(
        FollowupAlert(channel=CHANNEL, summary=newer, change="death toll rises to 250"), ts
    )
    assert reply_ts and reply_ts != ts
    reply = slack_fake.messages[("C1", reply_ts)]
    assert reply.thread_ts == ts and stored.replies == [reply_ts]
    assert reply.text.startswith("Update: death toll rises to 250")


async def test_flash_mentions_the_usergroup_only(slack_fake: FakeSlack, sink: SlackSink) -> None:
    ts = await sink.send(PostAlert(channel=CHANNEL, summary=summary(), mention=True))
    assert "<!subteam^S0FLASH>" in slack_fake.messages[("C1", ts)].text
    ts2 = await sink.send(PostAlert(channel=CHANNEL, summary=summary(severity="urgent"), mention=True))
    assert "subteam" not in str(slack_fake.messages[("C1", ts2)].raw)


async def test_article_markup_pings_no_one_and_links_nowhere(slack_fake: FakeSlack, sink: SlackSink) -> None:
    evil = summary(
        headline=EVIL,
        sentences=(EVIL,),
        sources=(Source("a", EVIL, "https://ok.example/", EVIL, None),),
        people=(EVIL,),
        topic=EVIL,
    )
    ts = await sink.send(PostAlert(channel=CHANNEL, summary=evil))
    stored = slack_fake.messages[("C1", ts)]
    # What Slack parses as markup: the mrkdwn texts and the top-level text (plain_text and values are literal).
    parsed = all_mrkdwn(stored.blocks or []) + [stored.text]
    for text in parsed:
        for live in ("<!channel>", "<@U123>", "<https://evil.example|click>", "<!here>", "<#C999>"):
            assert live not in text
        assert live_markup(text) == []
    assert any("&lt;https://evil.example|click&gt;" in t for t in parsed)
    links = [u for t in parsed for u in re.findall(r"<(https?://[^|>]+)\|", t)]
    assert links and all(u == "https://ok.example/" for u in links)
    header = stored.blocks[0]["text"]
    assert header["type"] == "plain_text" and "<!channel>" in header["text"]  # shown literally, never parsed


async def test_huge_story_is_accepted(slack_fake: FakeSlack, sink: SlackSink) -> None:
    big = "Talks & <more> talks " * 2000
    srcs = tuple(Source(f"a{i}", big, f"https://x.example/{i}", big, None) for i in range(100))
    s = summary(headline=big, sentences=(big,) * 30, sources=srcs, people=(big,) * 30)
    ts = await sink.send(PostAlert(channel=CHANNEL, summary=s))
    assert ts
    await sink.edit(EditAlert(channel=CHANNEL, summary=s), ts)
    assert await sink.reply_in_thread(FollowupAlert(channel=CHANNEL, summary=s, change=big), ts)
    assert await sink.send(DigestAlert(channel=CHANNEL, summaries=(s,) * 80, title=big))
    assert await sink.send(NoticeAlert(channel=CHANNEL, text=big))
    assert all(message_error(m.raw) is None for m in slack_fake.messages.values())


async def test_429_with_retry_after_is_retried(slack_fake: FakeSlack, sink: SlackSink) -> None:
    slack_fake.rate_limit(1, retry_after=1)
    ts = await sink.send(post())
    assert ts and [c.status for c in slack_fake.calls_to("chat.postMessage")] == [429, 200]


async def test_long_retry_after_goes_back_to_the_outbox(slack_fake: FakeSlack, sink: SlackSink) -> None:
    slack_fake.rate_limit(1, retry_after=120)
    with pytest.raises(Retryable) as err:
        await sink.send(post())
    assert err.value.retry_after == 120 and err.value.channel == CHANNEL
    assert len(slack_fake.calls_to("chat.postMessage")) == 1


async def test_server_errors_are_retried_then_retryable(slack_fake: FakeSlack, sink: SlackSink) -> None:
    slack_fake.fail(503)
    assert await sink.send(post())  # retried once by the server-error handler
    slack_fake.fail(503, 503)
    with pytest.raises(Retryable):
        await sink.send(post())


async def test_permanent_errors(slack_fake: FakeSlack, sink: SlackSink) -> None:
    with pytest.raises(Permanent) as err:
        await sink.send(PostAlert(channel="slack:T0TEST/CGONE", summary=summary()))
    assert "channel_not_found" in str(err.value) and err.value.channel == "slack:T0TEST/CGONE"
    with pytest.raises(Permanent, match="message_not_found"):
        await sink.edit(EditAlert(channel=CHANNEL, summary=summary()), "1.000")
    bad = SlackSink(build_client("xoxb-wrong", slack_fake.api_url), pacer=ChannelPacer(0.0))
    with pytest.raises(Permanent, match="invalid_auth"):
        await bad.send(post())
    with pytest.raises(Permanent, match="not a Slack channel"):
        await sink.send(PostAlert(channel="discord:1/2", summary=summary()))


async def test_network_failure_is_retryable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sink = SlackSink(build_client(BOT_TOKEN, f"http://127.0.0.1:{port}/api"), pacer=ChannelPacer(0.0))
    with pytest.raises(Retryable, match="network"):
        await sink.send(post())


async def test_posts_are_paced_per_channel(slack_fake: FakeSlack) -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    sink = SlackSink(build_client(BOT_TOKEN, slack_fake.api_url), pacer=ChannelPacer(1.0, sleep=fake_sleep))
    await sink.send(post())
    await sink.send(PostAlert(channel="slack:T0TEST/C2", summary=summary()))
    assert waits == []
    await sink.send(post())
    await sink.send(post())
    assert len(waits) == 2 and all(0.5 < w <= 1.0 for w in waits)


def test_create_needs_a_token_and_a_transport() -> None:
    core = object()
    assert create(load_settings(SLACK_BOT_TOKEN=None, _env_file=None), core) is None  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        create(
            load_settings(SLACK_BOT_TOKEN="xoxb-x", SLACK_APP_TOKEN=None, SLACK_SIGNING_SECRET=None, _env_file=None),
            core,
        )  # type: ignore[arg-type]


async def test_refused_blocks_fall_back_to_plain_text(
    slack_fake: FakeSlack, sink: SlackSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    too_many = render.Message(text="Ceasefire &amp; talks", blocks=tuple(render.section("x") for _ in range(60)))
    monkeypatch.setattr(sink_module, "render_alert", lambda alert, usergroup=None: too_many)
    ts = await sink.send(post())
    calls = slack_fake.calls_to("chat.postMessage")
    assert [c.response.get("error") for c in calls] == ["invalid_blocks", None]
    assert ts and slack_fake.messages[("C1", ts)].blocks == [render.section("Ceasefire &amp; talks")]


async def test_find_sent_recognises_a_crashed_send_by_its_metadata(slack_fake: FakeSlack, sink: SlackSink) -> None:
    token = DELIVERY_KEY.set("dlv-42")
    try:
        ts = await sink.send(post())
    finally:
        DELIVERY_KEY.reset(token)
    token = DELIVERY_KEY.set("dlv-44")
    try:
        reply_ts = await sink.reply_in_thread(
            FollowupAlert(channel=CHANNEL, summary=summary(), change="talks resume"), ts or ""
        )
    finally:
        DELIVERY_KEY.reset(token)
    assert slack_fake.messages[("C1", ts)].raw["metadata"] == {
        "event_type": "diplobot_delivery",
        "event_payload": {"delivery": "dlv-42"},
    }
    await sink.send(post())  # another message without a key
    assert isinstance(sink, SentLookup)
    assert await sink.find_sent(post(), "dlv-42") == ts
    assert await sink.find_sent(post(), "dlv-43") is None
    followup = FollowupAlert(channel=CHANNEL, summary=summary(), change="x")
    assert await sink.find_sent(followup, "dlv-44", thread=ts) == reply_ts
    assert await sink.find_sent(followup, "dlv-45", thread=ts) is None
    with pytest.raises(Permanent, match="channel_not_found"):
        await sink.find_sent(PostAlert(channel="slack:T0TEST/CGONE", summary=summary()), "dlv-42")
    slack_fake.missing_scopes.add("history")
    assert await sink.find_sent(post(), "dlv-42") is None  # cannot read history: send again
