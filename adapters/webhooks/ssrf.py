"""SSRF rules for webhook URLs, reusing the ingestion guard (`bot.ingest.fetch`): no internal addresses.

Two layers, as for feeds: `check_url` judges the host before a delivery (IP literals never reach
aiohttp's resolver, so this is where they are caught), and the session's connector uses the ingest
`GuardedResolver`, so the address connected to is the address checked (no DNS rebinding).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any

import aiohttp
from yarl import URL

from bot.ingest.fetch import BlockedAddress as ResolverBlocked
from bot.ingest.fetch import GuardedResolver, blocked_reason


class BlockedAddress(Exception):
    """A webhook URL whose host is, or resolves to, an internal address."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        self.host, self.address, self.reason = host, address, reason
        super().__init__(
            f"{host} is {address}, {reason}; webhooks may not target internal networks "
            "(set DIPLOBOT_ALLOW_PRIVATE_NETWORKS=1 to allow)"
        )


def is_blocked_address(address: str) -> bool:
    """True for an address a webhook may not reach (the ingestion rules)."""
    try:
        return blocked_reason(address) is not None
    except ValueError:
        return True


async def check_url(url: str, *, allow_private: bool) -> None:
    """Raise BlockedAddress (or ValueError for a non-http URL) unless `url` is safe to deliver to."""
    parsed = URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if allow_private:
        return
    host = parsed.host.strip("[]").lower()
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        loop = asyncio.get_running_loop()
        infos = await loop.getaddrinfo(host, parsed.port or 443, type=socket.SOCK_STREAM)
        addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        reason = blocked_reason(address)
        if reason:
            raise BlockedAddress(host, address, reason)


def find_blocked(exc: BaseException) -> BaseException | None:
    """The resolver's refusal inside an aiohttp connection error, if that is what this is."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, (ResolverBlocked, BlockedAddress)):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__ or getattr(current, "os_error", None)
    return None


def guarded_session(*, allow_private: bool, timeout: float = 15.0, **kwargs: Any) -> aiohttp.ClientSession:
    """One aiohttp session whose every connection goes through the ingest guard (unless allowed)."""
    resolver = GuardedResolver(policy=(lambda ip: None) if allow_private else blocked_reason)
    connector = aiohttp.TCPConnector(resolver=resolver, limit=20)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout), **kwargs)
