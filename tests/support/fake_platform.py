"""What the fake Slack and the fake Discord share, so tests read the same for both platforms.

Each fake is an aiohttp server on an ephemeral loopback port with the same surface:

    async with FakeSlack() as fake:        # or: fake = await FakeDiscord().start(); ...; await fake.stop()
        fake.base_url                      # http://127.0.0.1:PORT; `api_url` is the platform's REST base
        fake.channel_messages(channel)     # every message recorded in a channel, oldest first
        fake.posts(channel)                # what members see there at top level, each as JSON text
        await fake.wait_for_posts(channel, count=2)
        await fake.wait_for(lambda: ...)   # any other state, polled; returns the predicate's value

The pytest fixtures are `slack_fake` and `discord_fake`. Recorded messages stay each platform's own
(Slack's `StoredMessage`, Discord's message payload), since tests check platform fields (blocks, embeds);
`posts` gives both as text for what-was-said assertions. The limit validators live apart, in
slack_limits.py and discord_limits.py.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, Self

from aiohttp import web

from tests.support.waiting import wait_until


class FakePlatform(ABC):
    """The lifecycle, base URL and waiting shared by the fakes; subclasses build the app and keep messages."""

    name = "platform"  # said when a wait times out

    def __init__(self) -> None:
        self.port = 0
        self._runner: web.AppRunner | None = None

    # ------------------------------------------------------------------ for subclasses

    @abstractmethod
    def _app(self) -> web.Application:
        """The aiohttp application with the platform's routes."""

    async def _close_connections(self) -> None:
        """Close open WebSockets before the server stops (a subclass with sockets overrides this)."""
        return None  # an optional hook: most fakes hold no sockets

    @abstractmethod
    def channel_messages(self, channel: Any) -> Sequence[Any]:
        """Every message recorded in a channel (or thread), oldest first."""

    @abstractmethod
    def posts(self, channel: Any) -> list[str]:
        """The channel's messages that members see at top level (no thread replies, no private replies), each
        as JSON text."""

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> Self:
        """Listen on an ephemeral loopback port."""
        self._runner = web.AppRunner(self._app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Close the WebSockets and stop listening."""
        await self._close_connections()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    # ------------------------------------------------------------------ waiting

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Poll until predicate() is truthy and return its value, or fail after `timeout` seconds."""
        return await wait_until(predicate, f"the fake {self.name}", timeout)

    async def wait_for_posts(self, channel: Any, count: int = 1, timeout: float = 5.0) -> list[str]:
        """Wait until a channel shows at least `count` posts and return them all (see `posts`)."""

        def enough() -> list[str]:
            posts = self.posts(channel)
            return posts if len(posts) >= count else []

        return await self.wait_for(enough, timeout)  # type: ignore[no-any-return]
