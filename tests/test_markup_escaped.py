"""Nothing in a headline can format or link (issue 15, item 11): Slack mrkdwn and Discord markdown in
article text arrive as typed, through the real slack_sdk and discord.py clients on the fake servers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from adapters.discord.adapter import DiscordAdapter
from adapters.slack.sink import ChannelPacer, SlackSink, build_client
from bot.commands.core import CommandCore, CommandRegistry
from bot.models import BatchAlert, PostAlert, Reply, Source, Summary
from tests.support.discord_requests import settings_for
from tests.support.discord_server import GUILD_ID, TEXT_CHANNEL, FakeDiscord
from tests.support.slack_server import (
    BOT_TOKEN,
    FakeSlack,
)

HEADLINE = "*Truce* _collapses_ `now` ~maybe~ :fire: > see https://evil.example/x and www.evil.example <#123>"
MARKUP = ["*Truce*", "_collapses_", "`now`", "~maybe~", ":fire:", "https://evil.example", "<#123>"]
WHEN = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def story(story_id: str = "s-1") -> Summary:
    """A story whose every article-derived text carries Slack and Discord markup."""
    return Summary(
        story_id=story_id,
        headline=HEADLINE,
        sentences=(HEADLINE,),
        sources=(Source("a1", HEADLINE, "https://news.example/a", "*Wire* _Service_", WHEN),),
        ceasefire="collapsed",
        severity="urgent",
    )


# ---------------------------------------------------------------- Slack

# Our own markup: links we made, and one character shown as typed (an invalid date token's fallback).
SLACK_LINK = re.compile(r"<https?://[^|<>\s]+\|([^<>]*)>")
SLACK_LITERAL = re.compile(r"<!date\^00000000\^\{_\}\|(.)>")


def mrkdwn_objects(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [o for item in node for o in mrkdwn_objects(item)]
    if isinstance(node, dict):
        own = [node] if node.get("type") == "mrkdwn" else []
        return own + [o for v in node.values() if isinstance(v, (list, dict)) for o in mrkdwn_objects(v)]
    return []


def slack_raw(text: str) -> str:
    """The mrkdwn with our own links and literal characters taken out: what Slack could still read as markup."""
    return SLACK_LITERAL.sub(" ", SLACK_LINK.sub(" ", text))


def slack_shown(text: str) -> str:
    """Roughly what Slack shows: literal characters as typed, entities decoded."""
    shown = SLACK_LITERAL.sub(lambda m: m.group(1), text).replace("\u00ad", "")
    return shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@pytest.fixture
def slack_sink(slack_fake: FakeSlack) -> SlackSink:
    return SlackSink(build_client(BOT_TOKEN, slack_fake.api_url), pacer=ChannelPacer(0.0))


async def test_slack_shows_headline_markup_as_typed(slack_fake: FakeSlack, slack_sink: SlackSink) -> None:
    channel = "slack:T0TEST/C1"
    post = await slack_sink.send(PostAlert(channel=channel, summary=story()))
    batch = await slack_sink.send(BatchAlert(channel=channel, summaries=(story(), story("s-2"))))
    assert post and batch
    for ts in (post, batch):
        blocks = slack_fake.messages[("C1", ts)].blocks
        objects = mrkdwn_objects(blocks)
        assert objects and all(o.get("verbatim") is True for o in objects)  # no bare URL or #channel linked
        for obj in objects:
            raw = slack_raw(obj["text"])
            for piece in MARKUP:
                if piece.startswith("https://"):
                    continue  # a bare URL stays text: verbatim (above) keeps Slack from linking it
                assert piece not in raw, (piece, obj["text"])
            assert not re.search(r"(?m)^&gt;", raw), obj["text"]  # no quote
        shown = "\n".join(slack_shown(o["text"]) for o in objects)
        assert HEADLINE.replace("> ", "&gt; ") in shown.replace("> ", "&gt; ")  # every character still there


# ---------------------------------------------------------------- Discord


def discord_shown(text: str) -> str:
    """What Discord shows of escaped text: a backslash before a symbol is dropped."""
    return re.sub(r"\\([^0-9A-Za-z\s])", r"\1", text)


# Discord turns `:fire:` into an emoji when a person types it, not in text a bot sends: not markup there.
DISCORD_MARKUP = [piece for piece in MARKUP if piece != ":fire:"]


def discord_raw(text: str) -> str:
    """The markdown with every escaped symbol taken out: what Discord could still read as markup."""
    return re.sub(r"\\[^0-9A-Za-z\s]", " ", text)


async def test_discord_shows_headline_markup_as_typed(discord_fake: FakeDiscord) -> None:
    core = CommandCore(services=object(), registry=CommandRegistry())  # type: ignore[arg-type]
    bot = DiscordAdapter(settings_for(discord_fake), core, ready_timeout=5, guild_ready_timeout=0.05)
    await bot.start()
    try:
        channel = f"discord:{GUILD_ID}/{TEXT_CHANNEL}"
        await bot.sink.send(PostAlert(channel=channel, summary=story()))
        await bot.sink.send(BatchAlert(channel=channel, summaries=(story(), story("s-2"))))
        bodies = discord_fake.requests_to("POST", rf"/channels/{TEXT_CHANNEL}/messages$")
        assert len(bodies) == 2
        texts: list[str] = []
        for body in bodies:
            for embed in body["embeds"]:
                texts += [embed.get("title") or "", embed.get("description") or ""]
                texts += [f["value"] for f in embed.get("fields", [])] + [f["name"] for f in embed.get("fields", [])]
        assert any(discord_shown(t).startswith(HEADLINE.split(" <#")[0]) for t in texts), json.dumps(texts)
        for text in texts:
            raw = discord_raw(text)
            for piece in DISCORD_MARKUP:
                assert piece not in raw, (piece, text)
    finally:
        await bot.stop()


async def test_discord_command_reply_quotes_headlines_as_typed() -> None:
    from adapters.platforms.discord_embeds import render_reply

    message = render_reply(Reply(text=f"Brief on sudan: {HEADLINE}", lines=(f"s-1 {HEADLINE}",)))
    assert message.content is not None
    raw = discord_raw(message.content)
    assert all(piece not in raw for piece in DISCORD_MARKUP), message.content
    assert HEADLINE in discord_shown(message.content).replace("\u200b", "")
