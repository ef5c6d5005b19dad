"""Sign-in of workspace members: "Sign in with Slack" (OpenID Connect) and "Sign in with Discord" (OAuth2).

Slack: the browser goes to Slack's authorize page (scope `openid profile`, a random `state` and `nonce`);
Slack sends it back with a code, which the bot exchanges at `openid.connect.token` (checking the ID
token's `nonce` and audience), then asks `openid.connect.userInfo` who it is: the member's user id and
workspace (team id). Their workspace is their tenant, `slack:TEAM`, as in chat; they are an admin when
chat would say so (a user id the Slack settings list as admin, or users.info with the bot token says admin
or owner).

Discord: authorize (scope `identify guilds`, a random `state`, PKCE with S256: RFC 7636, which Discord's
authorization server metadata lists), the code exchanged at `/oauth2/token` with its verifier,
then `/users/@me` and `/users/@me/guilds`; the tenant is the server, `discord:GUILD` (a member of several
servers picks one), and Manage Server or Administrator in it makes an admin, as in chat, or the admin
role of the Discord settings, which the bot's own token reads (`/guilds/{id}/members/{user}` and, for a
role given by name, `/guilds/{id}/roles`).

A `state` is good once, for 10 minutes, and only in the browser that asked for it (a cookie holds it); at
most 1,000 sign-ins are kept under way, the oldest dropped first.
Every call to the platforms is made with aiohttp, to the same base URLs the bot's clients use (each
`SignIn.api_url`, which the platform's settings give), so tests point them at local fakes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Required, TypedDict, cast
from urllib.parse import urlencode

import aiohttp

from bot.admins import SlackUser, discord_admin, discord_role_admin, slack_admin
from bot.channels import workspace_tenant
from bot.models import Caller
from bot.ports import Clock
from bot.settings import SignIn

PENDING_MINUTES = 10
# Sign-ins under way at once: past this the oldest is dropped, so a client asking for sign-in links in a loop
# costs a bounded amount of memory (it can push out another's unfinished sign-in, who then starts again).
MAX_PENDING = 1000
TIMEOUT = aiohttp.ClientTimeout(total=15)


# The platforms' answers, as far as sign-in reads them (as discord.py types its payloads).
class _SlackToken(TypedDict, total=False):
    """`openid.connect.token`."""

    ok: bool
    error: str
    id_token: str
    access_token: str


_SlackUserInfo = TypedDict(
    "_SlackUserInfo",
    {"ok": bool, "error": str, "sub": str, "name": str, "https://slack.com/team_id": str},
    total=False,
)  # `openid.connect.userInfo` (one key is a URL, hence the functional form)


class _SlackUsersInfo(TypedDict, total=False):
    """`users.info`: its `user` holds is_admin, is_owner, is_primary_owner."""

    ok: bool
    user: SlackUser


class _IdClaims(TypedDict, total=False):
    """The claims of an ID token that sign-in checks."""

    nonce: str
    aud: str


class _DiscordToken(TypedDict, total=False):
    """`/oauth2/token`."""

    access_token: str
    error: str


class _DiscordUser(TypedDict, total=False):
    """`/users/@me`."""

    id: Required[str]
    username: str
    global_name: str | None


class _DiscordGuild(TypedDict, total=False):
    """One server of `/users/@me/guilds`."""

    id: Required[str]
    name: str
    owner: bool
    permissions: str


class _DiscordMember(TypedDict, total=False):
    """`/guilds/{id}/members/{user}`: the role ids."""

    roles: list[str]


class _DiscordRole(TypedDict, total=False):
    """One role of `/guilds/{id}/roles`."""

    id: Required[str]
    name: str


class SignInError(Exception):
    """A sign-in that cannot finish; the text is shown to the member."""


@dataclass(frozen=True, slots=True)
class Pending:
    """One sign-in under way: where it goes after, the OIDC nonce, the Discord server asked for."""

    provider: str
    target: str
    nonce: str
    guild: str | None
    expires: datetime
    verifier: str = ""  # PKCE: the secret whose S256 hash the authorize request carried (Discord)


@dataclass(frozen=True, slots=True)
class Guild:
    """A Discord server the member may sign in to (when they are in several)."""

    id: str
    name: str


@dataclass
class Members:
    """The configured providers and the sign-ins under way."""

    sign_ins: Sequence[SignIn]
    clock: Clock
    _pending: dict[str, Pending] = field(default_factory=dict)

    @property
    def providers(self) -> list[str]:
        """The sign-in buttons to show: "slack", "discord", each when its platform's settings configure it."""
        return [s.platform for s in self.sign_ins]

    def _provider(self, name: str) -> SignIn:
        for sign_in in self.sign_ins:
            if sign_in.platform == name:
                return sign_in
        raise SignInError(f"Sign-in with {name.title()} is not set up here.")

    def start(self, provider: str, redirect_uri: str, target: str, guild: str | None = None) -> tuple[str, str]:
        """The provider's authorize URL and the `state` to keep in the browser's cookie."""
        now = self.clock.now()
        # Oldest first (each lasts as long): drop the expired from the front, then the oldest beyond the cap.
        while self._pending and (
            next(iter(self._pending.values())).expires <= now or len(self._pending) >= MAX_PENDING
        ):
            del self._pending[next(iter(self._pending))]
        state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(24), secrets.token_urlsafe(48)
        expires = now + timedelta(minutes=PENDING_MINUTES)
        s = self._provider(provider)
        self._pending[state] = Pending(provider, target, nonce, guild, expires, verifier)
        if provider == "slack":
            query = {
                "response_type": "code",
                "scope": "openid profile",
                "client_id": s.client_id,
                "state": state,
                "nonce": nonce,
                "redirect_uri": redirect_uri,
            }
            return f"{s.authorize_url}?{urlencode(query)}", state
        query = {
            "response_type": "code",
            "scope": "identify guilds",
            "client_id": s.client_id,
            "state": state,
            "redirect_uri": redirect_uri,
            "prompt": "none",
            "code_challenge": _s256(verifier),
            "code_challenge_method": "S256",
        }
        return f"{s.authorize_url}?{urlencode(query)}", state

    def take(self, provider: str, state: str | None, cookie_state: str | None) -> Pending:
        """The sign-in this callback finishes: its `state` must be this browser's, unused and recent."""
        if not state or not cookie_state or not secrets.compare_digest(state, cookie_state):
            raise SignInError("This sign-in did not start in this browser (or its cookie expired); start again.")
        pending = self._pending.pop(state, None)
        if pending is None or pending.provider != provider or pending.expires <= self.clock.now():
            raise SignInError("This sign-in link was already used or is too old; start again.")
        return pending

    async def finish(self, pending: Pending, code: str, redirect_uri: str) -> Caller | list[Guild]:
        """The signed-in member, or the Discord servers to choose from when they are in several."""
        s = self._provider(pending.provider)
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            try:
                if pending.provider == "slack":
                    return await _slack(http, s, pending, code, redirect_uri)
                return await _discord(http, s, pending, code, redirect_uri)
            except (aiohttp.ClientError, TimeoutError, ValueError, KeyError) as exc:
                raise SignInError(
                    f"{pending.provider.title()} did not answer as expected ({exc}); try again."
                ) from None


async def _slack(http: aiohttp.ClientSession, s: SignIn, pending: Pending, code: str, redirect_uri: str) -> Caller:
    api = s.api_url
    form = {
        "client_id": s.client_id,
        "client_secret": s.client_secret,
        "code": code,
        "redirect_uri": redirect_uri,
    }
    async with http.post(api + "openid.connect.token", data=form) as resp:
        token: _SlackToken = await resp.json(content_type=None)
    if not token.get("ok"):
        raise SignInError(f"Slack refused the sign-in ({token.get('error', 'no reason given')}).")
    claims = _jwt_claims(str(token["id_token"]))
    if claims.get("nonce") != pending.nonce or claims.get("aud") != s.client_id:
        raise SignInError("Slack's answer was not for this sign-in (nonce or audience differ); start again.")
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    async with http.post(api + "openid.connect.userInfo", headers=headers) as resp:
        info: _SlackUserInfo = await resp.json(content_type=None)
    if not info.get("ok"):
        raise SignInError(f"Slack would not say who you are ({info.get('error', 'no reason given')}).")
    user, team = str(info["sub"]), str(info["https://slack.com/team_id"])
    admin = user in s.admins.users
    if not admin and s.bot_token:
        headers = {"Authorization": f"Bearer {s.bot_token}"}
        async with http.post(api + "users.info", data={"user": user}, headers=headers) as resp:
            found: _SlackUsersInfo = await resp.json(content_type=None)
        admin = bool(found.get("ok")) and slack_admin(found.get("user") or {})
    return Caller(
        user_id=user,
        tenant=workspace_tenant("slack", team),
        is_admin=admin,
        display_name=str(info.get("name") or user),
    )


async def _discord(
    http: aiohttp.ClientSession, s: SignIn, pending: Pending, code: str, redirect_uri: str
) -> Caller | list[Guild]:
    api = s.api_url
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": s.client_id,
        "client_secret": s.client_secret,
        "code_verifier": pending.verifier,
    }
    async with http.post(api + "/oauth2/token", data=form) as resp:
        discord_token: _DiscordToken = await resp.json(content_type=None)
        if resp.status != 200 or "access_token" not in discord_token:
            raise SignInError(f"Discord refused the sign-in ({discord_token.get('error', resp.status)}).")
    headers = {"Authorization": f"Bearer {discord_token['access_token']}"}
    async with http.get(api + "/users/@me", headers=headers) as resp:
        me: _DiscordUser = await resp.json(content_type=None)
    async with http.get(api + "/users/@me/guilds", headers=headers) as resp:
        guilds: list[_DiscordGuild] = await resp.json(content_type=None)
    if pending.guild is not None:
        guilds = [g for g in guilds if str(g["id"]) == pending.guild]
    if not guilds:
        raise SignInError("You are not a member of that Discord server.")
    if len(guilds) > 1:
        return [Guild(str(g["id"]), str(g.get("name") or g["id"])) for g in guilds]
    guild = guilds[0]
    admin = bool(guild.get("owner")) or discord_admin(guild.get("permissions") or 0)
    if not admin and s.admins.role and s.bot_token:
        admin = await _discord_role(http, s, str(guild["id"]), str(me["id"]))
    return Caller(
        user_id=str(me["id"]),
        tenant=workspace_tenant("discord", str(guild["id"])),
        is_admin=admin,
        display_name=str(me.get("global_name") or me.get("username") or me["id"]),
    )


async def _discord_role(http: aiohttp.ClientSession, s: SignIn, guild: str, user: str) -> bool:
    """True when the member holds the admin role in the server, as the bot sees it (its token reads the
    member's roles, and the server's role names when the role is given by name); False when the bot
    cannot see the member."""
    api = s.api_url
    headers = {"Authorization": f"Bot {s.bot_token}"}
    async with http.get(f"{api}/guilds/{guild}/members/{user}", headers=headers) as resp:
        if resp.status != 200:
            return False
        member: _DiscordMember = await resp.json(content_type=None)
    names: dict[str, str] = {}
    if not (s.admins.role or "").strip().isdigit():
        async with http.get(f"{api}/guilds/{guild}/roles", headers=headers) as resp:
            if resp.status == 200:
                found: list[_DiscordRole] = await resp.json(content_type=None)
                names = {str(r["id"]): str(r.get("name") or "") for r in found}
    roles = {str(r): names.get(str(r), "") for r in member.get("roles") or []}
    return discord_role_admin(s.admins.role, roles)


def _s256(verifier: str) -> str:
    """The PKCE code challenge of a verifier: base64url of its SHA-256, unpadded (RFC 7636 4.2)."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).decode("ascii").rstrip("=")


def _jwt_claims(token: str) -> _IdClaims:
    """The claims of an ID token received straight from the provider's token endpoint (OpenID Connect Core
    3.1.3.7: over TLS from the issuer itself, its signature need not be checked again)."""
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    if not isinstance(claims, dict):
        raise ValueError("an ID token without claims")
    return cast(_IdClaims, claims)
