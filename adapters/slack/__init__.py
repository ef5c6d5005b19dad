"""Slack adapter: Block Kit alerts, story updates and slash commands on top of the command core."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.slack.settings import SlackSettings

if TYPE_CHECKING:
    from adapters.slack.app import SlackAdapter
    from bot.commands.core import CommandCore
    from bot.settings import Settings

__all__ = ["create"]


def create(settings: Settings, core: CommandCore) -> SlackAdapter | None:
    """The Slack adapter when SLACK_BOT_TOKEN is set, else None; a token without a transport is a ConfigError."""
    slack = settings.platforms.get("slack")
    if not isinstance(slack, SlackSettings) or not slack.slack_bot_token:
        return None
    from adapters.slack.app import SlackAdapter  # imported late: Bolt is only loaded when Slack is used

    return SlackAdapter(slack, core)
