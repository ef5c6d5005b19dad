"""A local fake of the sign-in endpoints of Slack (OpenID Connect) and Discord (OAuth2), on loopback.

Its authorize pages sign in whoever the test put in `slack_user` / `discord_user` at once (as a member who
already consented would be) and send the browser back to the `redirect_uri` with a code and the `state`.
The token endpoints check the client id, secret, code and redirect URI as the platforms do; a code is
good once. Discord's also checks PKCE (RFC 7636, S256) and, stricter than Discord, refuses a sign-in
without it: the bot always sends it. Slack's ID token carries the `nonce` of the authorize request; userInfo, users.info (with the
bot token), Discord's /users/@me and /users/@me/guilds answer for the signed-in member only.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

CLIENT_ID = "client-123"
CLIENT_SECRET = "client-secret-456"
BOT_TOKEN = "xoxb-sign-in-bot"
DISCORD_BOT_TOKEN = "discord-sign-in-bot"


@dataclass
class SlackMember:
    user: str
    team: str
    name: str
    admin: bool = False


@dataclass
class DiscordMember:
    id: str
    username: str
    guilds: list[dict[str, Any]]  # {"id", "name", "permissions" (a string, as Discord sends it), "owner"}
    roles: dict[str, list[str]] = field(default_factory=dict)  # server id -> the member's role ids there


@dataclass
class FakeSignIn:
    """Both providers' endpoints; `requests` keeps each authorize request's query for the tests to read."""

    slack_user: SlackMember | None = None
    discord_user: DiscordMember | None = None
    guild_roles: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # server id -> its roles {id, name}
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    _codes: dict[str, tuple[str, dict[str, str], Any]] = field(default_factory=dict)
    _tokens: dict[str, Any] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings(self) -> dict[str, str]:
        """The settings that point the bot at this fake (as a test passes them to Settings)."""
        return {
            "slack_client_id": CLIENT_ID,
            "slack_client_secret": CLIENT_SECRET,
            "slack_authorize_url": f"{self.base}/slack/authorize",
            "slack_api_url": f"{self.base}/slack/api/",
            "slack_bot_token": BOT_TOKEN,
            "discord_client_id": CLIENT_ID,
            "discord_client_secret": CLIENT_SECRET,
            "discord_authorize_url": f"{self.base}/discord/authorize",
            "discord_api_url": f"{self.base}/discord/api/v10",
        }

    async def start(self) -> FakeSignIn:
        app = web.Application()
        app.router.add_get("/{provider:slack|discord}/authorize", self._authorize)
        app.router.add_post("/slack/api/openid.connect.token", self._slack_token)
        app.router.add_post("/slack/api/openid.connect.userInfo", self._slack_userinfo)
        app.router.add_post("/slack/api/users.info", self._slack_users_info)
        app.router.add_post("/discord/api/v10/oauth2/token", self._discord_token)
        app.router.add_get("/discord/api/v10/users/@me", self._discord_me)
        app.router.add_get("/discord/api/v10/users/@me/guilds", self._discord_guilds)
        app.router.add_get("/discord/api/v10/guilds/{guild}/members/{user}", self._discord_guild_member)
        app.router.add_get("/discord/api/v10/guilds/{guild}/roles", self._discord_guild_roles)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _authorize(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.authorize_requests.append(query)
        provider = request.match_info["provider"]
        member = self.slack_user if provider == "slack" else self.discord_user
        if query.get("client_id") != CLIENT_ID or member is None:
            raise web.HTTPFound(query["redirect_uri"] + "?" + urlencode({"error": "access_denied"}))
        code = secrets.token_urlsafe(12)
        self._codes[code] = (provider, query, member)
        raise web.HTTPFound(query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]}))

    async def _exchange(self, request: web.Request, provider: str) -> tuple[dict[str, str], Any] | None:
        form = await request.post()
        found = self._codes.pop(str(form.get("code")), None)
        if (
            found is None
            or found[0] != provider
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != found[1]["redirect_uri"]
            or (provider == "discord" and not _pkce_ok(found[1], str(form.get("code_verifier") or "")))
        ):
            return None
        return found[1], found[2]

    def _bearer(self, request: web.Request) -> Any:
        return self._tokens.get(request.headers.get("Authorization", "").removeprefix("Bearer "))

    async def _slack_token(self, request: web.Request) -> web.Response:
        found = await self._exchange(request, "slack")
        if found is None:
            return web.json_response({"ok": False, "error": "invalid_code"})
        query, member = found
        access = "xoxp-" + secrets.token_urlsafe(12)
        self._tokens[access] = member
        claims = {"iss": "https://slack.com", "aud": CLIENT_ID, "sub": member.user, "nonce": query.get("nonce")}
        id_token = (
            ".".join(
                base64.urlsafe_b64encode(json.dumps(part).encode()).decode().rstrip("=")
                for part in ({"alg": "RS256", "typ": "JWT"}, claims)
            )
            + ".c2lnbmF0dXJl"
        )
        return web.json_response({"ok": True, "access_token": access, "token_type": "Bearer", "id_token": id_token})

    async def _slack_userinfo(self, request: web.Request) -> web.Response:
        member = self._bearer(request)
        if not isinstance(member, SlackMember):
            return web.json_response({"ok": False, "error": "invalid_auth"})
        return web.json_response(
            {"ok": True, "sub": member.user, "https://slack.com/team_id": member.team, "name": member.name}
        )

    async def _slack_users_info(self, request: web.Request) -> web.Response:
        form = await request.post()
        member = self.slack_user
        if request.headers.get("Authorization") != f"Bearer {BOT_TOKEN}" or member is None:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if form.get("user") != member.user:
            return web.json_response({"ok": False, "error": "user_not_found"})
        return web.json_response({"ok": True, "user": {"id": member.user, "is_admin": member.admin}})

    async def _discord_token(self, request: web.Request) -> web.Response:
        found = await self._exchange(request, "discord")
        if found is None:
            return web.json_response({"error": "invalid_grant"}, status=400)
        access = secrets.token_urlsafe(12)
        self._tokens[access] = found[1]
        return web.json_response({"access_token": access, "token_type": "Bearer", "scope": "identify guilds"})

    async def _discord_me(self, request: web.Request) -> web.Response:
        member = self._bearer(request)
        if not isinstance(member, DiscordMember):
            return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        return web.json_response({"id": member.id, "username": member.username, "global_name": member.username})

    async def _discord_guilds(self, request: web.Request) -> web.Response:
        member = self._bearer(request)
        if not isinstance(member, DiscordMember):
            return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        return web.json_response(member.guilds)

    async def _discord_guild_member(self, request: web.Request) -> web.Response:
        """A server member as the bot sees it (the bot's token only), with their role ids."""
        member, guild = self.discord_user, request.match_info["guild"]
        if request.headers.get("Authorization") != f"Bot {DISCORD_BOT_TOKEN}":
            return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        if member is None or member.id != request.match_info["user"] or guild not in member.roles:
            return web.json_response({"message": "Unknown Member", "code": 10007}, status=404)
        return web.json_response({"user": {"id": member.id}, "roles": member.roles[guild]})

    async def _discord_guild_roles(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bot {DISCORD_BOT_TOKEN}":
            return web.json_response({"message": "401: Unauthorized", "code": 0}, status=401)
        return web.json_response(self.guild_roles.get(request.match_info["guild"], []))


def _pkce_ok(query: dict[str, str], verifier: str) -> bool:
    """The verifier's S256 challenge is the one the authorize request carried (RFC 7636 4.6)."""
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return (
        query.get("code_challenge_method") == "S256"
        and 43 <= len(verifier) <= 128
        and digest == query.get("code_challenge")
    )


@contextmanager
def serving_in_thread() -> Iterator[FakeSignIn]:
    """The fake on its own event loop in a thread, for a bot started as a child process (browser tests)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    fake = asyncio.run_coroutine_threadsafe(FakeSignIn().start(), loop).result(timeout=10)
    try:
        yield fake
    finally:
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


def environment(fake: FakeSignIn) -> dict[str, str]:
    """The environment variables of `fake.settings()`, for `diplobot run` (no bot token: no Slack adapter)."""
    return {key.upper(): value for key, value in fake.settings().items() if key != "slack_bot_token"}
