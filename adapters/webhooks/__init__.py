"""Webhook delivery targets (`webhook:URL`): Discord webhooks and Slack incoming webhooks, always on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.webhooks.sink import WebhookSink, parse_target
from bot.channels import WebhookTarget

if TYPE_CHECKING:
    from bot.commands.core import CommandCore
    from bot.settings import Settings

__all__ = ["WebhookAdapter", "WebhookSink", "WebhookTarget", "create", "parse_target"]


class WebhookAdapter:
    """The always-on webhook face: no commands, only a sink for `webhook:` channels."""

    prefix = "webhook"

    def __init__(self, settings: Settings, *, timeout: float = 30.0) -> None:
        self.sink = WebhookSink(
            allow_private=settings.allow_private_networks,
            timeout=timeout,
            # The Discord settings' REST base (DISCORD_API_URL) also moves where Discord webhooks are sent.
            discord_api_url=settings.api_url("discord"),
        )

    async def start(self) -> None:
        """Nothing to connect: the session opens on first delivery."""

    async def stop(self) -> None:
        """Close the shared HTTP session."""
        await self.sink.close()


def create(settings: Settings, core: CommandCore | None = None) -> WebhookAdapter:
    """The webhook adapter (always available; it needs no token)."""
    return WebhookAdapter(settings)
