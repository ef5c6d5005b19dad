"""Socket Mode over a local WebSocket: envelopes in, acks back, replies through response_url."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.platforms import slack_blocks as render
from adapters.slack.app import SlackAdapter
from bot.models import PostAlert
from tests.support.slack_markup import summary
from tests.support.slack_requests import Recorder, build_core, slack_settings, slash
from tests.support.slack_server import (
    APP_TOKEN,
    TEAM,
    FakeSlack,
)


@pytest.fixture
async def adapter(slack_fake: FakeSlack, rec: Recorder) -> AsyncIterator[SlackAdapter]:
    settings = slack_settings(slack_fake, SLACK_APP_TOKEN=APP_TOKEN, SLACK_SIGNING_SECRET=None)
    a = SlackAdapter(settings, build_core(rec))
    assert a.socket_mode
    await a.start()
    yield a
    await a.stop()


async def test_slash_command_over_socket_mode(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    assert slack_fake.ws_connections == 1 and slack_fake.calls_to("apps.connections.open")
    assert slack_fake.calls_to("apps.connections.open")[0].token == APP_TOKEN
    form = slash(slack_fake, "/brief", "armenia", user="UMEMBER")
    envelope = await slack_fake.push_envelope("slash_commands", form)
    ack = await slack_fake.wait_for(lambda: slack_fake.acks.get(envelope))
    assert ack["envelope_id"] == envelope
    replies = await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"]))
    assert "Brief: armenia" in replies[0]["text"]
    name, values, caller, channel = rec.calls[-1]
    assert (name, values["topic"], caller.tenant, caller.is_admin, channel) == (
        "brief",
        "armenia",
        f"slack:{TEAM}",
        False,
        f"slack:{TEAM}/C1",
    )


async def test_button_and_admin_denial_over_socket_mode(
    slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder
) -> None:
    form = slash(slack_fake, "/feeds", "pause bbc", user="UMEMBER")
    envelope = await slack_fake.push_envelope("slash_commands", form)
    await slack_fake.wait_for(lambda: slack_fake.acks.get(envelope))
    denied = await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"]))
    assert "admins only" in denied[0]["text"] and denied[0]["response_type"] == "ephemeral"

    url = slack_fake.new_response_url()
    envelope = await slack_fake.push_envelope(
        "interactive",
        {
            "type": "block_actions",
            "team": {"id": TEAM},
            "user": {"id": "UADMIN", "team_id": TEAM},
            "channel": {"id": "C1"},
            "response_url": url,
            "trigger_id": "1.2.3",
            "actions": [
                {
                    "action_id": render.MUTE_ACTION,
                    "block_id": "b",
                    "value": "st-9",
                    "type": "button",
                    "action_ts": "1.0",
                }
            ],
        },
    )
    await slack_fake.wait_for(lambda: slack_fake.acks.get(envelope))
    muted = await slack_fake.wait_for(lambda: slack_fake.responses_for(url))
    assert "Muted st-9" in muted[0]["text"]
    assert [c[0] for c in rec.calls] == ["mute"]


async def test_alerts_flow_while_socket_mode_runs(slack_fake: FakeSlack, adapter: SlackAdapter) -> None:
    ts = await adapter.sink.send(PostAlert(channel=f"slack:{TEAM}/C2", summary=summary()))
    assert ts and slack_fake.messages[("C2", ts)].blocks
