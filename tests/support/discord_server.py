"""A local fake Discord: REST API and gateway WebSocket on 127.0.0.1, enough for the real discord.py client.

It keeps state (commands, messages, edits, threads, webhook messages, interaction responses),
checks embed and content limits like Discord does (400, code 50035; the checks are in
tests/support/discord_limits.py), and can be told to fail the next matching request (429 with `Via` and a
JSON `retry_after`, or any Discord error code). Tests push INTERACTION_CREATE events over the gateway with
`interaction()`. Its lifecycle, `base_url` and waiting are the fake Slack's (tests/support/fake_platform.py).

    async with FakeDiscord() as fake:
        env = fake.env()                    # DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GATEWAY_URL
        ...
        await fake.interaction("brief", [{"name": "topic", "type": 3, "value": "armenia"}])
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord
import pytest
import yarl
from aiohttp import WSMsgType, web

from adapters.platforms.discord_rest import PUBLIC_API
from tests.support.discord_limits import EmbedLimitError, check_message
from tests.support.fake_platform import FakePlatform

BODY: web.RequestKey[Any] = web.RequestKey("body", object)
JSON = "application/json"  # exactly: discord.py treats anything else (even with a charset) as text

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 910000000000000001
TEXT_CHANNEL = 920000000000000001
FORUM_CHANNEL = 920000000000000002
ADMIN_ROLE = 930000000000000001
FLASH_ROLE = 930000000000000002
ADMIN_USER = 940000000000000001
MEMBER_USER = 940000000000000002
MANAGE_GUILD = 1 << 5
EPHEMERAL = 1 << 6  # the message flag of a reply only its caller sees
TOKEN = "fake-bot-token"

_ids = itertools.count(990000000000000001)


def snowflake() -> str:
    """A fresh id, unique in this process."""
    return str(next(_ids))


def now() -> str:
    """An ISO timestamp as Discord writes them."""
    return datetime.now(UTC).isoformat()


def user(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A user payload."""
    return {"id": str(uid), "username": name, "discriminator": "0", "global_name": name, "avatar": None, "bot": bot}


def member(uid: int, name: str, roles: list[int], *, permissions: int = 0) -> dict[str, Any]:
    """A guild member payload (with `permissions`, as interactions carry it)."""
    return {
        "user": user(uid, name),
        "roles": [str(r) for r in roles],
        "joined_at": now(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "nick": None,
        "permissions": str(permissions),
    }


def channel(cid: int, name: str, ctype: int = 0, *, guild_id: int = GUILD_ID) -> dict[str, Any]:
    """A guild channel payload (0 text, 15 forum)."""
    data: dict[str, Any] = {
        "id": str(cid),
        "type": ctype,
        "guild_id": str(guild_id),
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "rate_limit_per_user": 0,
        "last_message_id": None,
        "flags": 0,
    }
    if ctype == 15:
        data.update(
            {
                "available_tags": [],
                "default_reaction_emoji": None,
                "default_sort_order": None,
                "default_forum_layout": 0,
                "default_thread_rate_limit_per_user": 0,
            }
        )
    return data


def role(rid: int, name: str, permissions: int = 0, position: int = 1) -> dict[str, Any]:
    """A role payload."""
    return {
        "id": str(rid),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0},
        "hoist": False,
        "position": position,
        "permissions": str(permissions),
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


@dataclass
class Failure:
    """A canned failure for the next request(s) matching `method` and the path regex."""

    method: str
    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


class FakeDiscord(FakePlatform):
    """The fake Discord server: start it in a test's event loop (or `async with`), point the adapter at `env()`."""

    name = "Discord"

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, str, Any]] = []
        self.queries: list[tuple[str, str, dict[str, str]]] = []
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[str, list[dict[str, Any]]] = {}
        self.messages: dict[str, dict[str, Any]] = {}  # message id -> message (with channel_id)
        self.edits: list[tuple[str, dict[str, Any]]] = []
        self.threads: dict[str, dict[str, Any]] = {}  # thread id -> thread
        self.callbacks: list[dict[str, Any]] = []  # interaction callbacks, in order
        self.followups: list[dict[str, Any]] = []
        self.deleted: list[str] = []
        self.failures: list[Failure] = []
        self.identified = asyncio.Event()
        self.heartbeats = 0
        self.channels: dict[str, dict[str, Any]] = {
            str(TEXT_CHANNEL): channel(TEXT_CHANNEL, "alerts"),
            str(FORUM_CHANNEL): channel(FORUM_CHANNEL, "stories", 15),
        }
        self.members = {
            ADMIN_USER: member(ADMIN_USER, "alice", [ADMIN_ROLE]),
            MEMBER_USER: member(MEMBER_USER, "bob", []),
        }
        self.roles = [role(GUILD_ID, "@everyone", 0, 0), role(ADMIN_ROLE, "Diplobot Admin"), role(FLASH_ROLE, "Flash")]
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = itertools.count(1)

    # ------------------------------------------------------------------ lifecycle

    def _app(self) -> web.Application:
        app = web.Application(middlewares=[self._middleware])
        r = app.router
        r.add_get("/gateway", self._gateway)
        api = "/api/v10"
        r.add_get(api + "/gateway/bot", self._gateway_bot)
        r.add_get(api + "/users/@me", self._me)
        r.add_get(api + "/oauth2/applications/@me", self._application)
        r.add_put(api + "/applications/{app}/commands", self._put_commands)
        r.add_put(api + "/applications/{app}/guilds/{guild}/commands", self._put_commands)
        r.add_get(api + "/channels/{cid}", self._get_channel)
        r.add_get(api + "/channels/{cid}/messages", self._history)
        r.add_post(api + "/channels/{cid}/messages", self._create_message)
        r.add_patch(api + "/channels/{cid}/messages/{mid}", self._edit_message)
        r.add_post(api + "/channels/{cid}/messages/{mid}/threads", self._start_thread)
        r.add_post(api + "/channels/{cid}/threads", self._forum_post)
        r.add_post(api + "/interactions/{iid}/{token}/callback", self._callback)
        r.add_post(api + "/webhooks/{wid}/{token}", self._webhook_execute)
        r.add_patch(api + "/webhooks/{wid}/{token}/messages/{mid}", self._webhook_edit)
        r.add_delete(api + "/webhooks/{wid}/{token}/messages/{mid}", self._webhook_delete)
        return app

    async def _close_connections(self) -> None:
        for ws in list(self._sockets):
            await ws.close()

    @property
    def api_url(self) -> str:
        """The REST base for DISCORD_API_URL."""
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        """The gateway for DISCORD_GATEWAY_URL."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    def env(self) -> dict[str, str]:
        """Environment-style settings that point the adapter here."""
        return {"DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": self.api_url, "DISCORD_GATEWAY_URL": self.gateway_url}

    # ------------------------------------------------------------------ test controls

    def fail_next(
        self,
        method: str,
        path: str,
        status: int,
        code: int = 0,
        message: str = "",
        *,
        retry_after: float | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests matching method and path regex with an error."""
        body: dict[str, Any] = {"code": code, "message": message or f"error {code}"}
        headers: dict[str, str] = {}
        if status == 429:
            body = {"message": "You are being rate limited.", "retry_after": retry_after or 0.05, "global": False}
            headers = {"Via": "1.1 google", "Retry-After": str(retry_after or 0.05), "X-RateLimit-Scope": "user"}
        self.failures.append(Failure(method.upper(), path, status, body, headers, times))

    def channel_messages(self, cid: int | str) -> list[dict[str, Any]]:
        """Messages in a channel or thread, oldest first."""
        return [m for m in self.messages.values() if m["channel_id"] == str(cid)]

    def posts(self, cid: int | str) -> list[str]:
        """Messages of a channel or thread that everyone sees (not private command replies), as JSON text."""
        return [json.dumps(m) for m in self.channel_messages(cid) if not int(m.get("flags") or 0) & EPHEMERAL]

    def requests_to(self, method: str, pattern: str) -> list[Any]:
        """JSON bodies of requests matching method and path regex."""
        return [body for m, p, body in self.requests if m == method and re.search(pattern, p)]

    async def push(self, event: str, data: dict[str, Any]) -> None:
        """Send a dispatch event to every connected gateway socket."""
        payload = json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data})
        for ws in list(self._sockets):
            if not ws.closed:
                await ws.send_str(payload)

    async def interaction(
        self,
        name: str,
        options: list[dict[str, Any]] | None = None,
        *,
        user_id: int = ADMIN_USER,
        permissions: int | None = None,
        kind: int = 2,
        guild_scoped: bool = False,
        wait: bool = True,
        timeout: float = 5.0,
    ) -> dict[str, Any] | None:
        """Push an INTERACTION_CREATE (2 command, 4 autocomplete) and wait for its callback."""
        iid, token = snowflake(), f"itoken-{snowflake()}"
        mem = dict(self.members[user_id])
        if permissions is not None:
            mem["permissions"] = str(permissions)
        data: dict[str, Any] = {"id": snowflake(), "name": name, "type": 1, "options": options or []}
        if guild_scoped:
            data["guild_id"] = str(GUILD_ID)
        payload = {
            "id": iid,
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "guild_id": str(GUILD_ID),
            "guild": {"id": str(GUILD_ID), "locale": "en-US", "features": []},
            "channel_id": str(TEXT_CHANNEL),
            "channel": self.channels[str(TEXT_CHANNEL)],
            "member": mem,
            "token": token,
            "version": 1,
            "app_permissions": "2248473465835073",
            "locale": "en-US",
            "guild_locale": "en-US",
            "attachment_size_limit": 8388608,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
        }
        seen = len(self.callbacks)
        await self.push("INTERACTION_CREATE", payload)
        if not wait:
            return {"id": iid, "token": token}
        callback: dict[str, Any] = await self.wait_for(
            lambda: next((c for c in self.callbacks[seen:] if c["interaction_id"] == iid), None), timeout
        )
        return callback

    # ------------------------------------------------------------------ plumbing

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Any) -> web.StreamResponse:
        body: Any = None
        if request.can_read_body and request.content_type == JSON:
            body = await request.json()
        self.requests.append((request.method, request.path, body))
        self.queries.append((request.method, request.path, dict(request.query)))
        needs_token = request.path.startswith("/api/") and not request.path.startswith(
            ("/api/v10/webhooks/", "/api/v10/interactions/")
        )
        if needs_token and request.headers.get("Authorization") != f"Bot {TOKEN}":
            return self._json({"message": "401: Unauthorized", "code": 0}, 401)
        for failure in self.failures:
            if failure.method == request.method and re.search(failure.path, request.path):
                failure.times -= 1
                if failure.times <= 0:
                    self.failures.remove(failure)
                return self._json(failure.body, failure.status, failure.headers)
        request[BODY] = body
        return await handler(request)

    @staticmethod
    def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
        return web.Response(
            body=json.dumps(data).encode(), status=status, headers={"Content-Type": JSON, **(headers or {})}
        )

    def _invalid(self, exc: EmbedLimitError) -> web.Response:
        return self._json({"code": 50035, "message": "Invalid Form Body", "errors": {"detail": str(exc)}}, 400)

    def _message(
        self,
        cid: str,
        body: dict[str, Any],
        *,
        author: dict[str, Any] | None = None,
        mid: str | None = None,
        flags: int = 0,
    ) -> dict[str, Any]:
        return {
            "id": mid or snowflake(),
            "channel_id": cid,
            "guild_id": str(GUILD_ID),
            "author": author or user(BOT_ID, "diplobot", bot=True),
            "content": body.get("content") or "",
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": flags | int(body.get("flags") or 0),
            "allowed_mentions": body.get("allowed_mentions"),
        }

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            op = data.get("op")
            if op == 1:
                self.heartbeats += 1
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                await self._ready(ws, data["d"])
            elif op == 6:
                await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": next(self._seq), "d": {}}))
        self._sockets.remove(ws)
        return ws

    async def _ready(self, ws: web.WebSocketResponse, identify: dict[str, Any]) -> None:
        shard = identify.get("shard") or [0, 1]
        ready = {
            "v": 10,
            "user": user(BOT_ID, "diplobot", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url,
            "shard": shard,
            "application": {"id": str(APP_ID), "flags": 0},
            "intents": identify.get("intents"),
        }
        self.identify_payload = identify
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
        guild = {
            "id": str(GUILD_ID),
            "name": "Embassy",
            "icon": None,
            "owner_id": str(ADMIN_USER),
            "roles": self.roles,
            "emojis": [],
            "stickers": [],
            "features": [],
            "channels": list(self.channels.values()),
            "threads": [],
            "members": [{k: v for k, v in m.items() if k != "permissions"} for m in self.members.values()],
            "member_count": len(self.members),
            "voice_states": [],
            "presences": [],
            "large": False,
            "unavailable": False,
            "joined_at": now(),
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "system_channel_flags": 0,
        }
        await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": guild}))
        self.identified.set()

    # ------------------------------------------------------------------ REST

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        return self._json(
            {
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
            }
        )

    async def _me(self, request: web.Request) -> web.Response:
        return self._json(user(BOT_ID, "diplobot", bot=True))

    async def _application(self, request: web.Request) -> web.Response:
        return self._json(
            {
                "id": str(APP_ID),
                "name": "diplobot",
                "icon": None,
                "description": "",
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user(ADMIN_USER, "alice"),
                "verify_key": "00",
                "flags": 0,
                "summary": "",
                "team": None,
            }
        )

    async def _put_commands(self, request: web.Request) -> web.Response:
        body = request[BODY] or []
        out = []
        for cmd in body:
            stored = {
                "id": snowflake(),
                "application_id": str(APP_ID),
                "version": snowflake(),
                "type": 1,
                "default_member_permissions": None,
                "dm_permission": True,
                "nsfw": False,
                **cmd,
            }
            if "guild" in request.match_info:
                stored["guild_id"] = request.match_info["guild"]
            out.append(stored)
        if "guild" in request.match_info:
            self.guild_commands[request.match_info["guild"]] = out
        else:
            self.global_commands = out
        return self._json(out)

    async def _get_channel(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        if cid in self.channels:
            return self._json(self.channels[cid])
        if cid in self.threads:
            return self._json(self.threads[cid])
        return self._json({"code": 10003, "message": "Unknown Channel"}, 404)

    async def _history(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        if not self._known(cid):
            return self._json({"code": 10003, "message": "Unknown Channel"}, 404)
        limit = int(request.query.get("limit", "50"))
        return self._json(list(reversed(self.channel_messages(cid)))[:limit])

    def _known(self, cid: str) -> bool:
        return cid in self.channels or cid in self.threads

    async def _create_message(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        if not self._known(cid):
            return self._json({"code": 10003, "message": "Unknown Channel"}, 404)
        if self.channels.get(cid, {}).get("type") == 15:
            return self._json({"code": 50008, "message": "Cannot send messages in a non-text channel"}, 400)
        body = request[BODY] or {}
        try:
            check_message(body)
        except EmbedLimitError as exc:
            return self._invalid(exc)
        if body.get("nonce") and body.get("enforce_nonce"):
            for earlier in self.channel_messages(cid):
                if earlier.get("nonce") == body["nonce"]:
                    return self._json(earlier)  # Discord's idempotent create
        msg = self._message(cid, body)
        if body.get("nonce"):
            msg["nonce"] = body["nonce"]
        self.messages[msg["id"]] = msg
        return self._json(msg)

    async def _edit_message(self, request: web.Request) -> web.Response:
        cid, mid = request.match_info["cid"], request.match_info["mid"]
        msg = self.messages.get(mid)
        if msg is None or msg["channel_id"] != cid:
            return self._json({"code": 10008, "message": "Unknown Message"}, 404)
        body = request[BODY] or {}
        merged = {**msg, **{k: v for k, v in body.items() if k in ("content", "embeds", "components", "flags")}}
        try:
            check_message(merged)
        except EmbedLimitError as exc:
            return self._invalid(exc)
        merged["edited_timestamp"] = now()
        self.messages[mid] = merged
        self.edits.append((mid, body))
        return self._json(merged)

    def _thread(self, tid: str, parent: str, name: str) -> dict[str, Any]:
        return {
            "id": tid,
            "guild_id": str(GUILD_ID),
            "parent_id": parent,
            "owner_id": str(BOT_ID),
            "name": name,
            "type": 11,
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "total_message_sent": 0,
            "applied_tags": [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": now(),
                "locked": False,
                "create_timestamp": now(),
            },
        }

    async def _start_thread(self, request: web.Request) -> web.Response:
        cid, mid = request.match_info["cid"], request.match_info["mid"]
        msg = self.messages.get(mid)
        if msg is None or msg["channel_id"] != cid:
            return self._json({"code": 10008, "message": "Unknown Message"}, 404)
        if mid in self.threads:
            return self._json({"code": 160004, "message": "A thread has already been created for this message"}, 400)
        name = (request[BODY] or {}).get("name", "")
        if not 1 <= len(name) <= 100:
            return self._invalid(EmbedLimitError("name: 1-100 characters"))
        self.threads[mid] = self._thread(mid, cid, name)
        return self._json(self.threads[mid])

    async def _forum_post(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        if self.channels.get(cid, {}).get("type") != 15:
            return self._json({"code": 10003, "message": "Unknown Channel"}, 404)
        body = request[BODY] or {}
        first = body.get("message") or {}
        try:
            check_message(first)
        except EmbedLimitError as exc:
            return self._invalid(exc)
        tid = snowflake()
        thread = self._thread(tid, cid, body.get("name", ""))
        msg = self._message(tid, first, mid=tid)
        self.threads[tid] = thread
        self.messages[tid] = msg
        return self._json({**thread, "message": msg})

    async def _callback(self, request: web.Request) -> web.Response:
        body = request[BODY] or {}
        data = body.get("data") or {}
        if body.get("type") == 4:
            try:
                check_message(data)
            except EmbedLimitError as exc:
                return self._invalid(exc)
        record = {"interaction_id": request.match_info["iid"], "token": request.match_info["token"], **body}
        self.callbacks.append(record)
        if body.get("type") in (4, 5):
            msg = self._message(str(TEXT_CHANNEL), data, mid=snowflake())
            self.messages[f"@original:{request.match_info['token']}"] = msg
        return self._json(
            {
                "interaction": {
                    "id": request.match_info["iid"],
                    "type": 2,
                    "response_message_loading": body.get("type") == 5,
                    "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
                },
                "resource": {
                    "type": body.get("type"),
                    **(
                        {"message": self.messages[f"@original:{request.match_info['token']}"]}
                        if body.get("type") in (4, 5)
                        else {}
                    ),
                },
            }
        )

    # webhooks: both interaction follow-ups (id = application id) and incoming webhooks

    async def _webhook_execute(self, request: web.Request) -> web.Response:
        wid, token = request.match_info["wid"], request.match_info["token"]
        if wid != str(APP_ID) and token.startswith("unknown"):
            return self._json({"code": 10015, "message": "Unknown Webhook"}, 404)
        body = request[BODY] or {}
        try:
            check_message(body)
        except EmbedLimitError as exc:
            return self._invalid(exc)
        msg = self._message(str(TEXT_CHANNEL), body, author=user(int(wid), "hook"))
        msg["webhook_id"] = wid
        self.messages[msg["id"]] = msg
        if wid == str(APP_ID):
            self.followups.append({"token": token, **body})
        if request.query.get("wait") in ("true", "1", "True"):
            return self._json(msg)
        return web.Response(status=204)

    async def _webhook_edit(self, request: web.Request) -> web.Response:
        token, mid = request.match_info["token"], request.match_info["mid"]
        key = f"@original:{token}" if mid == "@original" else mid
        msg = self.messages.get(key)
        if msg is None:
            return self._json({"code": 10008, "message": "Unknown Message"}, 404)
        body = request[BODY] or {}
        merged = {**msg, **{k: v for k, v in body.items() if k in ("content", "embeds", "components")}}
        try:
            check_message(merged)
        except EmbedLimitError as exc:
            return self._invalid(exc)
        merged["edited_timestamp"] = now()
        self.messages[key] = merged
        self.edits.append((key, body))
        return self._json(merged)

    async def _webhook_delete(self, request: web.Request) -> web.Response:
        token, mid = request.match_info["token"], request.match_info["mid"]
        key = f"@original:{token}" if mid == "@original" else mid
        self.messages.pop(key, None)
        self.deleted.append(key)
        return web.Response(status=204)


@pytest.fixture
def endpoints_untouched() -> Iterator[None]:
    """Fails the test when it leaves discord.py's process-wide REST base or gateway moved: each bot and webhook
    sender points only its own requests at a fake (adapters/discord/endpoints.py, platforms/discord_rest.py)."""
    before = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    yield
    after = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    assert after == before == (PUBLIC_API, yarl.URL("wss://gateway.discord.gg/")), after


@pytest.fixture
async def discord_fake(endpoints_untouched: None) -> AsyncIterator[FakeDiscord]:
    """A running fake Discord (REST and gateway) on loopback; discord.py's own endpoints stay as they are."""
    async with FakeDiscord() as server:
        yield server
