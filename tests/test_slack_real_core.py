"""The Slack adapter in front of the real command core and database: help, rule editor, admin checks."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from adapters.platforms import slack_blocks as render
from adapters.slack.app import SlackAdapter
from bot.models import Caller, Invocation
from tests.support.slack_limits import view_errors
from tests.support.slack_requests import (
    interactive,
    open_editor,
    post,
    run_slash,
    signed,
    slash,
    submission,
)
from tests.support.slack_server import FakeSlack

# SQLite only: the commands' own tests cover PostgreSQL; these test the Slack face.
pytestmark = pytest.mark.sqlite_only


async def test_help_from_the_real_core_fits_slack(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    reply = await run_slash(slack_fake, slack_on_core, "/diplobot")
    assert reply["response_type"] == "ephemeral" or "watch add" in json.dumps(reply)
    assert "watch add" in json.dumps(reply["blocks"])


async def test_rule_editor_against_the_real_watch_commands(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    view = await open_editor(slack_fake, slack_on_core)
    meta = view["private_metadata"]

    status, text = await interactive(
        slack_on_core, submission(view["id"], render.RULE_MODAL, meta, "peace", "{severity: loud, places: [Armenia]}")
    )
    answer = json.loads(text)
    assert answer["response_action"] == "errors" and "severity" in answer["errors"][render.SPEC_BLOCK]

    status, text = await interactive(
        slack_on_core, submission(view["id"], render.RULE_MODAL, meta, "peace", "not: [valid")
    )
    answer = json.loads(text)
    assert answer["response_action"] == "errors" and "YAML" in answer["errors"][render.SPEC_BLOCK]

    spec = "places: [Armenia, Azerbaijan]\nseverity: urgent\n"
    status, text = await interactive(slack_on_core, submission(view["id"], render.RULE_MODAL, meta, "peace", spec))
    answer = json.loads(text)
    assert answer["response_action"] == "update", answer
    preview = answer["view"]
    assert view_errors(preview) == [] and "Backtest" in json.dumps(preview) and "--yes" not in json.dumps(preview)

    status, text = await interactive(
        slack_on_core, submission(view["id"], render.RULE_SAVE_MODAL, preview["private_metadata"])
    )
    assert "added" in json.dumps(json.loads(text)["view"])

    listing = await run_slash(slack_fake, slack_on_core, "/watch", "list")
    assert "peace" in json.dumps(listing)

    edit = await open_editor(slack_fake, slack_on_core, "edit peace")
    initial = {b["block_id"]: b["element"].get("initial_value") for b in edit["blocks"] if b["type"] == "input"}
    assert initial[render.NAME_BLOCK] == "peace" and "Azerbaijan" in initial[render.SPEC_BLOCK]
    assert "name:" not in initial[render.SPEC_BLOCK]


async def test_rules_belong_to_the_workspace_tenant(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    saved = await run_slash(slack_fake, slack_on_core, "/watch", "add peace --places Armenia --yes")
    assert "added" in saved["text"]
    mine = await run_slash(slack_fake, slack_on_core, "/watch", "list")
    assert "peace" in json.dumps(mine)
    other = await slack_on_core.core.dispatch(Invocation("watch", ("list",), Caller("UX", "slack:TOTHER")))
    assert "peace" not in json.dumps([other.text, *other.lines])


async def test_member_is_denied_admin_commands(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    form = slash(slack_fake, "/watch", "add peace --places Armenia --yes", user="UMEMBER")
    body = urlencode(form)
    status, _ = await post(slack_on_core, body, signed(body))
    assert status == 200
    reply = (await slack_fake.wait_for(lambda: slack_fake.responses_for(form["response_url"])))[0]
    assert reply["response_type"] == "ephemeral" and "admins only" in reply["text"]
    listing = await run_slash(slack_fake, slack_on_core, "/watch", "list", user="UMEMBER")
    assert "peace" not in json.dumps(listing)


async def test_places_lists_the_groups_and_shows_one(slack_fake: FakeSlack, slack_on_core: SlackAdapter) -> None:
    """`/diplobot places` from the real core fits Slack; `/diplobot places africa` shows Africa's members."""
    listing = json.dumps(await run_slash(slack_fake, slack_on_core, "/diplobot", "places"))
    assert "Middle East" in listing and "NATO" in listing and "Horn of Africa" in listing
    africa = json.dumps(await run_slash(slack_fake, slack_on_core, "/diplobot", "places africa"))
    assert "Africa: continent" in africa and "Sudan" in africa and "France" not in africa
    refused = json.dumps(await run_slash(slack_fake, slack_on_core, "/watch", "add bad --places Afrika --yes"))
    assert "unknown place" in refused and "did you mean Africa" in refused
