"""Slash commands, buttons and the rule modal as really signed HTTP requests to the running Bolt app."""

from __future__ import annotations

import asyncio
import base64
import json
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from slack_sdk.signature import SignatureVerifier

from adapters.platforms import slack_blocks as render
from adapters.slack import app as slack_app
from adapters.slack.app import SlackAdapter, command_words
from bot.errors import ConfigError
from bot.ports import Adapter
from tests.support.slack_limits import view_errors
from tests.support.slack_requests import (
    Recorder,
    build_core,
    interactive,
    open_editor,
    post,
    run_slash,
    signed,
    slack_settings,
    slash,
    submission,
)
from tests.support.slack_server import TEAM, FakeSlack


@pytest.fixture
async def adapter(slack_fake: FakeSlack, rec: Recorder) -> AsyncIterator[SlackAdapter]:
    a = SlackAdapter(slack_settings(slack_fake), build_core(rec), pace_seconds=0.0)
    await a.start()
    yield a
    await a.stop()


# ----------------------------------------------------------------------------- tests


def test_slack_documented_signature_vector() -> None:
    body = (
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    clock = type("FixedClock", (), {"now": lambda self: 1531420618.0})()
    verifier = SignatureVerifier("8f742231b10e8888abcd99yyyzzz85a5", clock=clock)
    assert verifier.generate_signature(timestamp="1531420618", body=body) == expected
    assert verifier.is_valid(body=body, timestamp="1531420618", signature=expected)
    assert not verifier.is_valid(body=body + "x", timestamp="1531420618", signature=expected)


def test_command_words() -> None:
    assert command_words("/watch", "add foo --query \u201cArmenia ceasefire\u201d") == (
        "watch",
        ("add", "foo", "--query", "Armenia ceasefire"),
    )
    assert command_words("/diplobot", "") == ("help", ())
    assert command_words("/diplobot", "brief x y") == ("brief", ("x", "y"))


async def test_adapter_protocol(adapter: SlackAdapter) -> None:
    assert isinstance(adapter, Adapter) and adapter.prefix == "slack" and adapter.port


async def test_signed_slash_command_runs_through_the_core(
    slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder
) -> None:
    reply = await run_slash(slack_fake, adapter, "/brief", "armenia azerbaijan")
    name, values, caller, channel = rec.calls[-1]
    assert (name, values["topic"]) == ("brief", "armenia azerbaijan")
    assert caller.user_id == "UADMIN" and caller.tenant == f"slack:{TEAM}" and caller.is_admin
    assert channel == f"slack:{TEAM}/C1"
    assert reply["response_type"] == "in_channel" and "Brief: armenia azerbaijan" in reply["text"]
    assert "<!channel>" not in json.dumps(reply["blocks"]).replace('"plain_text"', "")
    assert "&lt;!channel&gt;" in json.dumps(reply["blocks"])
    assert any(b.get("accessory", {}).get("action_id") == render.MUTE_ACTION for b in reply["blocks"])


async def test_help_and_errors_are_ephemeral(slack_fake: FakeSlack, adapter: SlackAdapter) -> None:
    help_reply = await run_slash(slack_fake, adapter, "/diplobot")
    assert help_reply["response_type"] == "ephemeral" and "diplobot commands" in help_reply["text"]
    error = await run_slash(slack_fake, adapter, "/watch", "frobnicate")
    assert error["response_type"] == "ephemeral" and "Error" in error["text"]
    unreadable = await run_slash(slack_fake, adapter, "/brief", '"unclosed')
    assert unreadable["response_type"] == "ephemeral" and "cannot read" in unreadable["text"]


@pytest.mark.parametrize("how", ["wrong secret", "stale timestamp", "altered body", "no signature"])
async def test_bad_signatures_get_401_and_run_nothing(
    slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder, how: str
) -> None:
    form = slash(slack_fake, "/brief", "armenia")
    body = urlencode(form)
    if how == "wrong secret":
        headers = signed(body, secret="not-the-secret")
    elif how == "stale timestamp":
        headers = signed(body, timestamp=int(time.time()) - 6 * 60)
    elif how == "altered body":
        headers = signed(body)
        body = body.replace("armenia", "georgia")
    else:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _ = await post(adapter, body, headers)
    assert status == 401
    await asyncio.sleep(0.2)
    assert rec.calls == [] and slack_fake.responses_for(form["response_url"]) == []


async def test_admin_only_commands(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    denied = await run_slash(slack_fake, adapter, "/feeds", "pause bbc", user="UMEMBER")
    assert denied["response_type"] == "ephemeral" and "admins only" in denied["text"]
    assert "feeds pause" not in rec.names()
    await run_slash(slack_fake, adapter, "/feeds", "pause bbc", user="UMEMBER")
    assert len([c for c in slack_fake.calls_to("users.info") if c.args.get("user") == "UMEMBER"]) == 1  # cached
    assert "Paused bbc" in (await run_slash(slack_fake, adapter, "/feeds", "pause bbc", user="UOWNER"))["text"]
    assert "Paused bbc" in (await run_slash(slack_fake, adapter, "/feeds", "pause bbc", user="UCONFIG"))["text"]
    assert not [c for c in slack_fake.calls_to("users.info") if c.args.get("user") == "UCONFIG"]
    assert rec.names().count("feeds pause") == 2


async def test_buttons_run_mute_and_brief_ephemerally(
    slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder
) -> None:
    for action_id, value, expect in (
        (render.MUTE_ACTION, "st-1", "Muted st-1"),
        (render.BRIEF_ACTION, "armenia azerbaijan", "Brief: armenia azerbaijan"),
    ):
        url = slack_fake.new_response_url()
        status, _ = await interactive(
            adapter,
            {
                "type": "block_actions",
                "team": {"id": TEAM, "domain": "test"},
                "user": {"id": "UMEMBER", "username": "max", "team_id": TEAM},
                "api_app_id": "A0TEST",
                "container": {"type": "message", "message_ts": "1700000000.000001", "channel_id": "C1"},
                "channel": {"id": "C1", "name": "news"},
                "trigger_id": "1.2.3",
                "response_url": url,
                "actions": [
                    {
                        "action_id": action_id,
                        "block_id": "story:st-1",
                        "value": value,
                        "type": "button",
                        "action_ts": "1700000001.0",
                    }
                ],
            },
        )
        assert status == 200
        replies = await slack_fake.wait_for(lambda url=url: slack_fake.responses_for(url))
        assert expect in replies[0]["text"] and replies[0]["response_type"] == "ephemeral"
        assert replies[0].get("replace_original") in (None, False)
    assert [c[0] for c in rec.calls] == ["mute", "brief"]
    assert rec.calls[0][1]["story"] == "st-1" and rec.calls[1][1]["topic"] == "armenia azerbaijan"


async def test_rule_modal_errors_preview_and_save(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    view = await open_editor(slack_fake, adapter)
    assert view["callback_id"] == render.RULE_MODAL and view_errors(view) == []

    status, text = await interactive(
        adapter, submission(view["id"], render.RULE_MODAL, view["private_metadata"], "caucasus", "query: (bad")
    )
    answer = json.loads(text)
    assert status == 200 and answer["response_action"] == "errors"
    assert answer["errors"] == {render.SPEC_BLOCK: "query: unbalanced parenthesis"}
    assert "caucasus" not in rec.rules

    status, text = await interactive(
        adapter,
        submission(view["id"], render.RULE_MODAL, view["private_metadata"], "caucasus", "query: ceasefire AND Armenia"),
    )
    answer = json.loads(text)
    assert answer["response_action"] == "update"
    preview = answer["view"]
    assert view_errors(preview) == [] and preview["callback_id"] == render.RULE_SAVE_MODAL
    assert "3 matches" in json.dumps(preview) and preview["submit"]["text"] == "Save"
    assert rec.calls[-1][1]["yes"] is False and "caucasus" not in rec.rules

    status, text = await interactive(
        adapter, submission(view["id"], render.RULE_SAVE_MODAL, preview["private_metadata"])
    )
    answer = json.loads(text)
    assert answer["response_action"] == "update" and "Saved rule caucasus" in json.dumps(answer["view"])
    assert view_errors(answer["view"]) == []
    assert rec.rules == {"caucasus": "query: ceasefire AND Armenia"}

    # Someone else cannot save another user's preview.
    status, text = await interactive(
        adapter, submission(view["id"], render.RULE_SAVE_MODAL, preview["private_metadata"], user="UOWNER")
    )
    assert "expired" in json.dumps(json.loads(text)["view"])


async def test_save_works_on_another_instance(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    """Behind a load balancer the Save click may reach an instance that never saw the preview."""
    view = await open_editor(slack_fake, adapter)
    _, text = await interactive(
        adapter, submission(view["id"], render.RULE_MODAL, view["private_metadata"], "caucasus", "query: ceasefire")
    )
    preview = json.loads(text)["view"]
    other = SlackAdapter(slack_settings(slack_fake), build_core(rec), pace_seconds=0.0)
    await other.start()
    try:
        _, text = await interactive(other, submission(view["id"], render.RULE_SAVE_MODAL, preview["private_metadata"]))
    finally:
        await other.stop()
    assert "Saved rule caucasus" in json.dumps(json.loads(text)["view"])
    assert rec.rules == {"caucasus": "query: ceasefire"}


async def test_huge_rule_preview_is_kept_in_memory(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    view = await open_editor(slack_fake, adapter)
    noise = base64.b64encode(random.Random(7).randbytes(2400)).decode()  # does not compress
    spec = f"query: {noise}"[:2990]
    _, text = await interactive(
        adapter, submission(view["id"], render.RULE_MODAL, view["private_metadata"], "big", spec)
    )
    preview = json.loads(text)["view"]
    assert "token" in json.loads(preview["private_metadata"]) and view_errors(preview) == []
    _, text = await interactive(adapter, submission(view["id"], render.RULE_SAVE_MODAL, preview["private_metadata"]))
    assert "Saved rule big" in json.dumps(json.loads(text)["view"]) and rec.rules["big"] == spec


async def test_edit_prefills_the_current_rule(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    rec.rules["caucasus"] = "query: old\nseverity: urgent"
    view = await open_editor(slack_fake, adapter, "edit caucasus")
    inputs = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"] if b["type"] == "input"}
    assert inputs == {render.NAME_BLOCK: "caucasus", render.SPEC_BLOCK: "query: old\nseverity: urgent\n"}
    assert json.loads(view["private_metadata"])["mode"] == "edit"


async def test_slow_preview_updates_the_view_later(
    slack_fake: FakeSlack, adapter: SlackAdapter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_app, "MODAL_WAIT", 0.05)
    view = await open_editor(slack_fake, adapter)
    status, text = await interactive(
        adapter, submission(view["id"], render.RULE_MODAL, view["private_metadata"], "caucasus", "query: slow")
    )
    assert json.loads(text)["response_action"] == "update"
    updates = await slack_fake.wait_for(lambda: slack_fake.calls_to("views.update"))
    assert updates[0].response["ok"] and updates[0].response["view"]["callback_id"] == render.RULE_SAVE_MODAL


async def test_non_admin_gets_the_core_denial_not_the_modal(slack_fake: FakeSlack, adapter: SlackAdapter) -> None:
    reply = await run_slash(slack_fake, adapter, "/watch", "add", user="UMEMBER")
    assert "admins only" in reply["text"] and not slack_fake.calls_to("views.open")


async def test_direct_spec_skips_the_modal(slack_fake: FakeSlack, adapter: SlackAdapter, rec: Recorder) -> None:
    reply = await run_slash(slack_fake, adapter, "/watch", "add caucasus --spec 'query: x' --yes")
    assert "Saved rule caucasus" in reply["text"] and rec.rules == {"caucasus": "query: x"}
    assert not slack_fake.calls_to("views.open")


def test_manifest_declares_what_the_adapter_serves() -> None:
    manifest = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / "config" / "slack-app-manifest.yaml").read_text(encoding="utf-8")
    )
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert {"/brief", "/watch", "/feeds", "/subscribe", "/unsubscribe", "/diplobot"} <= commands
    assert all(
        c["should_escape"] is False and len(c["description"]) <= 2000 for c in manifest["features"]["slash_commands"]
    )
    assert {"chat:write", "commands", "users:read"} <= set(manifest["oauth_config"]["scopes"]["bot"])
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert len(manifest["display_information"]["description"]) <= 140
    assert 175 <= len(manifest["display_information"]["long_description"]) <= 4000


async def test_editing_an_unknown_rule_answers_instead_of_opening_the_editor(
    slack_fake: FakeSlack, adapter: SlackAdapter
) -> None:
    reply = await run_slash(slack_fake, adapter, "/watch", "edit nosuch")
    assert "no rule named 'nosuch'" in reply["text"] and reply["response_type"] == "ephemeral"
    assert not slack_fake.calls_to("views.open")


async def test_a_refused_bot_token_stops_start_up(slack_fake: FakeSlack, rec: Recorder) -> None:
    bad = SlackAdapter(slack_settings(slack_fake, SLACK_BOT_TOKEN="xoxb-revoked"), build_core(rec))
    with pytest.raises(ConfigError, match="invalid_auth"):
        await bad.start()
    await bad.stop()
