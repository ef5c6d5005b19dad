"""Loopback servers standing in for public hosts, for tests where a workspace reads feeds.

A workspace's feeds never reach an internal address, whatever DIPLOBOT_ALLOW_PRIVATE_NETWORKS says
(that setting is the local operator's). Tests serve those feeds on 127.0.0.1, so they give the app a
fetcher whose address policy counts loopback as public and still refuses every other internal range.
"""

from __future__ import annotations

import ipaddress

from bot.ingest.fetch import Fetcher, blocked_reason


def loopback_is_public(ip: str) -> str | None:
    """The ingest address policy, except that loopback counts as a public address."""
    return None if ipaddress.ip_address(ip).is_loopback else blocked_reason(ip)


def loopback_fetcher() -> Fetcher:
    """A fetcher (private networks not allowed) that reaches the tests' loopback servers as if public."""
    return Fetcher(allow_private=False, address_policy=loopback_is_public)
