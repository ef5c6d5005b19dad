"""Workspace members sign in to the console with Slack (OpenID Connect) or Discord (OAuth2), end to end.

The bot runs on loopback (`App.run`, as `diplobot run` runs it) with its sign-in settings pointed at a
local fake of both platforms' authorize, token and user endpoints (tests/support/sign_in_server.py); an
aiohttp client plays the browser, following every redirect. The operator's workspace ("local") holds the
seed stories: a member of another workspace must see none of them and, unless an admin there, none of
the admin pages.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from bot.models import Caller
from bot.settings import load_settings
from bot.web import members
from tests.conftest import FakeClock
from tests.support.sign_in_server import DISCORD_BOT_TOKEN, DiscordMember, FakeSignIn, SlackMember
from tests.support.web import SEED_HEADLINE, Running, running_console

pytestmark = pytest.mark.usefixtures("_in_tmp")

ADMIN_PAGES = ("/rules/new", "/rules/history", "/feeds", "/subscriptions", "/deliveries")
ADMIN_API = ("/api/feeds", "/api/deliveries", "/api/rules/history")


@pytest.fixture
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
async def provider() -> AsyncIterator[FakeSignIn]:
    fake = await FakeSignIn().start()
    try:
        yield fake
    finally:
        await fake.stop()


def _browser() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def _sign_in(http: aiohttp.ClientSession, run: Running, provider: str, query: str = "") -> tuple[int, str, str]:
    """Click "Sign in with ...": status, final path and page text after every redirect."""
    async with http.get(f"{run.base}/login/{provider}?next=/stories{query}") as resp:
        return resp.status, resp.url.path, await resp.text()


async def _seed_id(run: Running) -> str:
    async with aiohttp.ClientSession() as http:
        headers = {"Authorization": f"Bearer {run.token}"}
        async with http.get(f"{run.base}/api/stories", headers=headers) as resp:
            stories = await resp.json()
    assert stories[0]["headline"] == SEED_HEADLINE
    return str(stories[0]["id"])


async def _status(http: aiohttp.ClientSession, url: str) -> int:
    async with http.get(url, allow_redirects=False) as resp:
        return resp.status


async def test_a_slack_member_sees_only_their_workspace_and_no_admin_page(
    database_url: str, tmp_path: Path, clock: FakeClock, provider: FakeSignIn
) -> None:
    provider.slack_user = SlackMember(user="U0MEMBER", team="T0AAA", name="Ana")
    async with running_console(database_url, tmp_path, clock, **provider.settings()) as run, _browser() as http:
        async with http.get(f"{run.base}/login") as resp:
            assert "Sign in with Slack" in await resp.text()
        status, path, page = await _sign_in(http, run, "slack")
        assert (status, path) == (200, "/stories")
        assert "Ana (slack:T0AAA)" in page and SEED_HEADLINE not in page
        asked = provider.authorize_requests[-1]
        assert asked["scope"] == "openid profile" and asked["nonce"] and asked["state"]
        assert asked["redirect_uri"] == f"{run.base}/login/slack/callback"
        seed = await _seed_id(run)
        async with http.get(f"{run.base}/api/stories") as resp:
            assert resp.status == 200 and await resp.json() == []
        async with http.get(f"{run.base}/api/stories.csv") as resp:
            assert SEED_HEADLINE not in await resp.text()
        assert await _status(http, f"{run.base}/stories/{seed}") == 404
        assert await _status(http, f"{run.base}/api/stories/{seed}") == 404
        for page_path in ADMIN_PAGES + ADMIN_API:
            assert await _status(http, run.base + page_path) == 403, page_path
        async with http.get(f"{run.base}/feeds") as resp:
            assert "for workspace admins only" in await resp.text()
        assert await _status(http, f"{run.base}/rules") == 200  # reading the rules is for everyone
        clock.advance(hours=12, seconds=1)  # member sessions end as the operator's do
        assert await _status(http, f"{run.base}/stories") == 303


async def test_a_slack_admin_gets_the_admin_pages_of_their_own_workspace(
    database_url: str, tmp_path: Path, clock: FakeClock, provider: FakeSignIn
) -> None:
    provider.slack_user = SlackMember(user="U0ADMIN", team="T0AAA", name="Ada", admin=True)
    async with running_console(database_url, tmp_path, clock, **provider.settings()) as run, _browser() as http:
        status, path, page = await _sign_in(http, run, "slack")
        assert (status, path) == (200, "/stories") and SEED_HEADLINE not in page
        for page_path in ADMIN_PAGES + ADMIN_API:
            assert await _status(http, run.base + page_path) == 200, page_path
        async with http.get(f"{run.base}/api/deliveries") as resp:
            assert "rec:room" not in await resp.text()  # the operator's channel is not this workspace's


async def test_discord_members_sign_in_to_one_server_and_admin_rights_follow_its_permissions(
    database_url: str, tmp_path: Path, clock: FakeClock, provider: FakeSignIn
) -> None:
    provider.discord_user = DiscordMember(
        id="4242",
        username="dora",
        guilds=[
            {"id": "111", "name": "Plain server", "permissions": "0", "owner": False},
            {"id": "222", "name": "Managed server", "permissions": str(1 << 5), "owner": False},
        ],
    )
    async with running_console(database_url, tmp_path, clock, **provider.settings()) as run:
        async with _browser() as http:
            status, path, page = await _sign_in(http, run, "discord")
            assert status == 200 and "Choose a Discord server" in page and "Managed server" in page
            assert await _status(http, f"{run.base}/api/stories") == 401  # not signed in yet
            status, path, page = await _sign_in(http, run, "discord", "&guild=111")
            assert (status, path) == (200, "/stories") and "dora (discord:111)" in page
            assert SEED_HEADLINE not in page
            assert await _status(http, f"{run.base}/subscriptions") == 403
            assert provider.authorize_requests[-1]["scope"] == "identify guilds"
        async with _browser() as http:
            status, path, page = await _sign_in(http, run, "discord", "&guild=222")
            assert "dora (discord:222)" in page
            assert await _status(http, f"{run.base}/subscriptions") == 200


async def test_a_callback_from_another_browser_or_a_second_time_signs_nobody_in(
    database_url: str, tmp_path: Path, clock: FakeClock, provider: FakeSignIn
) -> None:
    provider.slack_user = SlackMember(user="U0MEMBER", team="T0AAA", name="Ana")
    async with running_console(database_url, tmp_path, clock, **provider.settings()) as run:
        async with _browser() as victim:
            async with victim.get(f"{run.base}/login/slack", allow_redirects=False) as resp:
                authorize = resp.headers["Location"]
            async with victim.get(authorize, allow_redirects=False) as resp:
                callback = resp.headers["Location"]
        state = parse_qs(urlsplit(callback).query)["state"][0]
        async with _browser() as attacker:  # a callback link opened in a browser that did not start it
            async with attacker.get(callback) as resp:
                assert resp.status == 403 and "did not start in this browser" in await resp.text()
            assert await _status(attacker, f"{run.base}/api/stories") == 401
        async with _browser() as http:
            async with http.get(f"{run.base}/login/slack", allow_redirects=False) as resp:
                authorize = resp.headers["Location"]
            async with http.get(authorize, allow_redirects=False) as resp:
                callback = resp.headers["Location"]
            forged = callback.replace(parse_qs(urlsplit(callback).query)["state"][0], state)
            async with http.get(forged) as resp:  # another sign-in's state: refused, and this one is dropped
                assert resp.status == 403
            async with http.get(callback) as resp:
                assert resp.status == 403
            assert await _status(http, f"{run.base}/api/stories") == 401
            status, path, _ = await _sign_in(http, run, "slack")  # starting again works
            assert (status, path) == (200, "/stories")
            used = provider.authorize_requests[-1]["state"]
        async with _browser() as replay:  # the used state, with its cookie: good once only
            replay.cookie_jar.update_cookies({f"diplobot_session_{urlsplit(run.base).port}_state": used})
            async with replay.get(f"{run.base}/login/slack/callback?code=x&state={used}") as resp:
                assert resp.status == 403 and "already used" in await resp.text()


def test_sign_ins_under_way_are_capped_oldest_first_and_expire(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client asking for sign-in links in a loop keeps at most MAX_PENDING of them: the oldest are dropped
    (their callback says to start again), the newest still finish, and all are gone after 10 minutes."""
    monkeypatch.setattr(members, "MAX_PENDING", 5)
    signins = members.Members(load_settings(slack_client_id="c", slack_client_secret="s").sign_ins(), clock)
    states = [signins.start("slack", "http://127.0.0.1/cb", "/stories")[1] for _ in range(8)]
    for state in states[:3]:
        with pytest.raises(members.SignInError, match="already used or is too old"):
            signins.take("slack", state, state)
    assert [signins.take("slack", s, s).target for s in states[3:]] == ["/stories"] * 5
    stale = signins.start("slack", "http://127.0.0.1/cb", "/stories")[1]
    clock.advance(minutes=11)
    fresh = signins.start("slack", "http://127.0.0.1/cb", "/rules")[1]
    with pytest.raises(members.SignInError, match="already used or is too old"):
        signins.take("slack", stale, stale)
    assert signins.take("slack", fresh, fresh).target == "/rules"


async def test_a_discord_member_with_the_admin_role_is_an_admin_as_in_chat(
    clock: FakeClock, provider: FakeSignIn
) -> None:
    """DISCORD_ADMIN_ROLE makes an admin in the console as in chat: the bot's token reads the member's roles
    (and the server's role names for a role given by name); another role, or no role setting, does not."""
    guild = {"id": "G1", "name": "Embassy", "permissions": "0", "owner": False}
    provider.guild_roles = {"G1": [{"id": "501", "name": "Diplomats"}, {"id": "502", "name": "Guests"}]}

    async def signed_in_as_admin(admin_role: str | None, roles: list[str]) -> bool:
        provider.discord_user = DiscordMember(id="7", username="nadia", guilds=[guild], roles={"G1": roles})
        settings = load_settings(**provider.settings(), discord_token=DISCORD_BOT_TOKEN, discord_admin_role=admin_role)
        signins = members.Members(settings.sign_ins(), clock)
        url, state = signins.start("discord", "http://127.0.0.1/cb", "/stories")
        async with aiohttp.ClientSession() as http, http.get(url, allow_redirects=False) as resp:
            code = parse_qs(urlsplit(resp.headers["Location"]).query)["code"][0]
        caller = await signins.finish(signins.take("discord", state, state), code, "http://127.0.0.1/cb")
        assert isinstance(caller, Caller) and caller.tenant == "discord:G1"
        return caller.is_admin

    assert await signed_in_as_admin("Diplomats", ["502", "501"])
    assert await signed_in_as_admin("501", ["501"])
    assert not await signed_in_as_admin("diplomats", ["502"])
    assert not await signed_in_as_admin(None, ["501"])
