"""Where one Discord sender talks to: its own REST base, never discord.py's process-wide one.

discord.py builds every REST URL from the class attribute `Route.BASE`; setting it would move every client
and webhook sender in the process. Each sender rewrites its own requests instead: the bot's HTTP client
(adapters/discord/endpoints.py) and `WebhookTransport`, which carries webhook calls (adapters/webhooks)
and the bot's interaction responses, both of which discord.py sends through the transport it finds in the
context variable `discord.webhook.async_.async_context`.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter

PUBLIC_API = "https://discord.com/api/v10"  # discord.py's own Route.BASE


def moved(url: str, api: str) -> str:
    """`url`, built on discord.py's REST base, on `api` instead (other URLs unchanged)."""
    return api + url[len(Route.BASE) :] if url.startswith(Route.BASE) else url


class WebhookTransport(AsyncWebhookAdapter):
    """discord.py's webhook transport, sending to `api` instead of the REST base discord.py would use."""

    def __init__(self, api: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # discord.py leaves it unannotated
        self.api = api.rstrip("/")

    async def request(self, route: Route, session: aiohttp.ClientSession, **kwargs: Any) -> Any:
        """Send `route` to this transport's base (the rest as discord.py does: rate limits, retries)."""
        route.url = moved(route.url, self.api)
        return await super().request(route, session, **kwargs)
