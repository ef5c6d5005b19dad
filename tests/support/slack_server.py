"""A local fake of Slack's Web API, Socket Mode WebSocket and response_url, for offline end-to-end tests.

It listens on 127.0.0.1 with an ephemeral port, checks Bearer tokens, keeps message state (ts, edits,
thread replies) and views, enforces the Block Kit limits the way Slack does (`invalid_blocks`,
`msg_too_long`; the checks are in tests/support/slack_limits.py), and can answer 429 with a whole-second Retry-After for the next N calls.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import pytest
from aiohttp import WSMsgType, web

from tests.support.fake_platform import FakePlatform
from tests.support.slack_limits import message_error, view_errors

BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-test-app-token"
TEAM = "T0TEST"
BOT_USER = "UBOT"


@dataclass
class Call:
    """One Web API call as received: method, the token it carried, its arguments and the answer."""

    method: str
    token: str | None
    args: dict[str, Any]
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)


@dataclass
class StoredMessage:
    """A message in a channel, with its edit history and thread replies."""

    channel: str
    ts: str
    text: str
    blocks: list[Any] | None
    thread_ts: str | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


class FakeSlack(FakePlatform):
    """The fake Slack: start it in a test's event loop (or `async with`), point slack_sdk/Bolt at `api_url`."""

    name = "Slack"

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[Call] = []
        self.messages: dict[tuple[str, str], StoredMessage] = {}
        self.channels: set[str] = {"C1", "C2", "CGENERAL"}
        self.users: dict[str, dict[str, Any]] = {
            "UADMIN": {"id": "UADMIN", "name": "ada", "is_admin": True, "is_owner": False},
            "UOWNER": {"id": "UOWNER", "name": "olga", "is_admin": False, "is_owner": True},
            "UMEMBER": {"id": "UMEMBER", "name": "max", "is_admin": False, "is_owner": False},
        }
        self.views: dict[str, dict[str, Any]] = {}
        self.responses: dict[str, list[dict[str, Any]]] = {}
        self.acks: dict[str, dict[str, Any]] = {}
        self.ws_connections = 0
        self.missing_scopes: set[str] = set()
        self._rate_limited = 0
        self._retry_after = 1
        self._failures: list[int] = []
        self._ts = itertools.count(1)
        self._ids = itertools.count(1)
        self._ws: web.WebSocketResponse | None = None
        self._hello = asyncio.Event()

    # ------------------------------------------------------------------ lifecycle

    @property
    def api_url(self) -> str:
        """The Web API base to give AsyncWebClient / SLACK_API_URL."""
        return f"{self.base_url}/api/"

    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_get("/socket", self._socket)
        app.router.add_post("/response/{key}", self._response_url)
        return app

    async def _close_connections(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()

    # ------------------------------------------------------------------ test controls

    def rate_limit(self, calls: int, retry_after: int = 1) -> None:
        """Answer the next `calls` Web API calls with 429 and a whole-second Retry-After."""
        self._rate_limited, self._retry_after = calls, int(retry_after)

    def fail(self, *statuses: int) -> None:
        """Answer the next calls with these HTTP statuses (e.g. 503)."""
        self._failures.extend(statuses)

    def new_response_url(self) -> str:
        """A fresh response_url that records what is posted to it."""
        key = f"R{next(self._ids)}"
        self.responses[key] = []
        return f"{self.base_url}/response/{key}"

    def responses_for(self, url: str) -> list[dict[str, Any]]:
        """Everything posted to a response_url."""
        return self.responses.get(url.rsplit("/", 1)[-1], [])

    def calls_to(self, method: str) -> list[Call]:
        """The recorded calls of one Web API method."""
        return [c for c in self.calls if c.method == method]

    def channel_messages(self, channel: str) -> list[StoredMessage]:
        """Top-level messages and replies posted to a channel, in order."""
        return [m for (c, _), m in self.messages.items() if c == channel]

    def posts(self, channel: str) -> list[str]:
        """Top-level messages of a channel (not thread replies), as JSON text of their text and blocks."""
        return [
            json.dumps({"text": m.text, "blocks": m.blocks})
            for m in self.channel_messages(channel)
            if m.thread_ts is None
        ]

    async def push_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Send a Socket Mode envelope (e.g. kind="slash_commands") and return its envelope id."""
        await asyncio.wait_for(self._hello.wait(), 5)
        assert self._ws is not None
        envelope_id = f"env-{next(self._ids)}"
        await self._ws.send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        return envelope_id

    # ------------------------------------------------------------------ handlers

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        self.ws_connections += 1
        await ws.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "fake-slack", "approximate_connection_time": 3600},
                "connection_info": {"app_id": "A0TEST"},
            }
        )
        self._hello.set()
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                data = json.loads(msg.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
        return ws

    async def _response_url(self, request: web.Request) -> web.Response:
        key = request.match_info["key"]
        if key not in self.responses:
            return web.Response(status=404, text="no_such_response_url")
        body = await request.json()
        problem = message_error(body)
        if problem:
            return web.Response(status=400, text=problem[0])
        if len(self.responses[key]) >= 5:
            return web.Response(status=404, text="used_up")
        self.responses[key].append(body)
        return web.Response(text="ok")

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            raw = await request.read()
            ctype = request.content_type
            if ctype == "application/json":
                args.update(json.loads(raw or b"{}"))
            elif raw:
                args.update(dict(parse_qsl(raw.decode())))
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._args(request)
        auth = request.headers.get("Authorization", "")
        token = auth[7:] if auth.startswith("Bearer ") else args.get("token")
        call = Call(method=method, token=token, args=args)
        self.calls.append(call)
        headers: dict[str, str] = {}
        if self._rate_limited > 0:
            self._rate_limited -= 1
            call.status, call.response = 429, {"ok": False, "error": "ratelimited"}
            headers["Retry-After"] = str(self._retry_after)
        elif self._failures:
            call.status, call.response = self._failures.pop(0), {"ok": False, "error": "service_unavailable"}
        else:
            call.response = self._dispatch(method, token, args)
        return web.json_response(call.response, status=call.status, headers=headers)

    def _dispatch(self, method: str, token: str | None, args: dict[str, Any]) -> dict[str, Any]:
        if not token:
            return {"ok": False, "error": "not_authed"}
        wanted = APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN
        if token != wanted:
            return {"ok": False, "error": "invalid_auth"}
        handler = getattr(self, "_m_" + method.replace(".", "_"), None)
        if handler is None:
            return {"ok": False, "error": "unknown_method"}
        return handler(args)

    def _m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://fake.slack.com/",
            "team": "Test",
            "user": "diplobot",
            "team_id": TEAM,
            "user_id": BOT_USER,
            "bot_id": "B0TEST",
            "is_enterprise_install": False,
        }

    def _m_apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}

    def _m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(args.get("user")))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"ok": True, "user": user}

    def _check_channel(self, args: dict[str, Any]) -> dict[str, Any] | None:
        channel = str(args.get("channel", ""))
        if channel not in self.channels:
            return {"ok": False, "error": "channel_not_found"}
        return None

    def _m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        bad = self._check_channel(args)
        if bad:
            return bad
        problem = message_error(args)
        if problem:
            return {"ok": False, "error": problem[0], "errors": problem[1]}
        channel = args["channel"]
        thread_ts = args.get("thread_ts")
        if thread_ts and (channel, thread_ts) not in self.messages:
            return {"ok": False, "error": "thread_not_found"}
        ts = f"1700000000.{next(self._ts):06d}"
        msg = StoredMessage(
            channel=channel,
            ts=ts,
            text=args.get("text", ""),
            blocks=args.get("blocks"),
            thread_ts=thread_ts,
            raw=dict(args),
        )
        self.messages[(channel, ts)] = msg
        if thread_ts:
            self.messages[(channel, thread_ts)].replies.append(ts)
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "message": {"type": "message", "text": msg.text, "ts": ts, "user": BOT_USER},
        }

    def _m_chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        bad = self._check_channel(args)
        if bad:
            return bad
        msg = self.messages.get((args["channel"], str(args.get("ts"))))
        if msg is None:
            return {"ok": False, "error": "message_not_found"}
        problem = message_error(args)
        if problem:
            return {"ok": False, "error": problem[0], "errors": problem[1]}
        msg.edits.append({"text": msg.text, "blocks": msg.blocks})
        msg.text, msg.blocks, msg.raw = args.get("text", ""), args.get("blocks"), dict(args)
        return {"ok": True, "channel": msg.channel, "ts": msg.ts, "text": msg.text}

    def _history(self, messages: list[StoredMessage], args: dict[str, Any]) -> dict[str, Any]:
        limit = int(args.get("limit") or 100)
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        out = []
        for m in messages[:limit]:
            item: dict[str, Any] = {"type": "message", "ts": m.ts, "text": m.text, "user": BOT_USER}
            if m.thread_ts:
                item["thread_ts"] = m.thread_ts
            if with_metadata and m.raw.get("metadata"):
                item["metadata"] = m.raw["metadata"]
            out.append(item)
        return {"ok": True, "messages": out, "has_more": len(messages) > limit}

    def _m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        if "history" in self.missing_scopes:
            return {"ok": False, "error": "missing_scope", "needed": "channels:history"}
        bad = self._check_channel(args)
        if bad:
            return bad
        top = [m for m in self.channel_messages(args["channel"]) if m.thread_ts is None]
        return self._history(sorted(top, key=lambda m: m.ts, reverse=True), args)

    def _m_conversations_replies(self, args: dict[str, Any]) -> dict[str, Any]:
        if "history" in self.missing_scopes:
            return {"ok": False, "error": "missing_scope", "needed": "channels:history"}
        bad = self._check_channel(args)
        if bad:
            return bad
        parent = self.messages.get((args["channel"], str(args.get("ts"))))
        if parent is None:
            return {"ok": False, "error": "thread_not_found"}
        replies = [self.messages[(parent.channel, ts)] for ts in parent.replies]
        return self._history([parent, *replies], args)

    def _store_view(self, view: dict[str, Any], view_id: str) -> dict[str, Any]:
        stored = {**view, "id": view_id, "hash": f"h{next(self._ids)}", "state": {"values": {}}}
        self.views[view_id] = stored
        return {"ok": True, "view": stored}

    def _m_views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("trigger_id"):
            return {"ok": False, "error": "invalid_trigger_id"}
        view = args.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        errs = view_errors(view)
        if errs:
            return {"ok": False, "error": "invalid_arguments", "response_metadata": {"messages": errs}}
        return self._store_view(view, f"V{next(self._ids):04d}")

    def _m_views_update(self, args: dict[str, Any]) -> dict[str, Any]:
        view_id = str(args.get("view_id", ""))
        if view_id not in self.views:
            return {"ok": False, "error": "not_found"}
        view = args.get("view")
        view = json.loads(view) if isinstance(view, str) else view
        errs = view_errors(view)
        if errs:
            return {"ok": False, "error": "invalid_arguments", "response_metadata": {"messages": errs}}
        return self._store_view(view, view_id)


@pytest.fixture
async def slack_fake() -> AsyncIterator[FakeSlack]:
    """A running fake Slack (Web API and Socket Mode) on loopback."""
    async with FakeSlack() as server:
        yield server
