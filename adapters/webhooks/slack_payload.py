"""Pure rendering of alerts for Slack incoming webhooks: the Slack adapter's Block Kit, minus interactivity."""

from __future__ import annotations

from typing import TypedDict

from adapters.platforms import slack_blocks as slack_render
from bot.models import Alert

MAX_BLOCKS = 50


class WebhookBody(TypedDict):
    """The JSON body posted to a Slack incoming webhook."""

    text: str
    blocks: list[slack_render.Block]
    unfurl_links: bool
    unfurl_media: bool


def _static(block: slack_render.Block) -> slack_render.Block:
    """A block without buttons: an incoming webhook has no app to receive the clicks."""
    if "accessory" in block:
        static: slack_render.TextSection = {"type": "section", "text": block["text"]}  # an accessory is a button
        return static
    return block


def slack_payload(alert: Alert, *, updated: bool = False) -> WebhookBody:
    """The JSON body for an incoming webhook; `updated` marks a story update sent as a new message."""
    message = slack_render.render_alert(alert)  # no usergroup: webhooks never mention anyone
    blocks = [_static(b) for b in message.blocks if b["type"] != "actions"]
    text = message.text
    if updated:
        blocks.insert(
            0, {"type": "context", "elements": [{"type": "mrkdwn", "text": ":arrows_counterclockwise: *Updated:*"}]}
        )
        text = f"Updated: {text}"[: slack_render.MAX_TEXT]
    return {"text": text, "blocks": blocks[:MAX_BLOCKS], "unfurl_links": False, "unfurl_media": False}
