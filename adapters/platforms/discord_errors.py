"""Translate discord.py and network failures into the core's Retryable and Permanent delivery errors."""

from __future__ import annotations

import asyncio

import aiohttp
import discord

from bot.errors import DeliveryError, Permanent, Retryable

# Discord JSON error codes that retrying can never fix.
PERMANENT_CODES: dict[int, str] = {
    10003: "Unknown Channel",
    10004: "Unknown Guild",
    10008: "Unknown Message",
    10015: "Unknown Webhook",
    50001: "Missing Access",
    50013: "Missing Permissions",
    50035: "Invalid Form Body",
    50083: "Thread is archived",
    160002: "Cannot reply without permission to read message history",
}
THREAD_ALREADY_EXISTS = 160004
UNKNOWN_MESSAGE = 10008
INVALID_FORM_BODY = 50035


def delivery_error(channel: str, exc: BaseException) -> DeliveryError:
    """The core error for a failed delivery to `channel`."""
    if isinstance(exc, DeliveryError):
        return exc
    if isinstance(exc, discord.RateLimited):
        return Retryable(channel, f"rate limited for {exc.retry_after:.0f}s", retry_after=exc.retry_after)
    if isinstance(exc, discord.LoginFailure):
        return Permanent(channel, f"invalid token: {exc}")
    if isinstance(exc, discord.HTTPException):
        code, status = exc.code, exc.status
        what = PERMANENT_CODES.get(code) or (exc.text or "").strip() or type(exc).__name__
        message = f"Discord answered {status} (code {code}): {what}"
        if status == 429 or status >= 500 or isinstance(exc, discord.DiscordServerError):
            return Retryable(channel, message)
        if code in PERMANENT_CODES or status in (401, 403, 404):
            return Permanent(channel, message)
        return Permanent(channel, message)
    if isinstance(exc, (aiohttp.ClientError, OSError, asyncio.TimeoutError, TimeoutError)):
        return Retryable(channel, f"network: {type(exc).__name__}: {exc}")
    if isinstance(exc, discord.ClientException):
        return Retryable(channel, f"client not ready: {exc}")
    return Retryable(channel, f"unexpected {type(exc).__name__}: {exc}")
