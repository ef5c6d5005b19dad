"""The web console over real HTTP on loopback: sign-in, sessions, CSRF, the stories API, CSV, pages, rules.

The bot runs as `diplobot run` runs it (`App.run`, DIPLOBOT_HTTP_PORT on an ephemeral port) on a real
database (SQLite, and PostgreSQL when reachable), after ingesting the seed articles and an older report.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import func, insert, select

from bot.errors import Permanent
from bot.models import Caller, Invocation
from bot.storage.tables import ArticleRow, Feed, SeenItem, Story
from bot.web.auth import read_url_file
from tests.conftest import FakeClock
from tests.support.waiting import wait_until
from tests.support.web import OLDER_TITLE, SEED_HEADLINE, SEED_TITLES, Running, running_console

pytestmark = pytest.mark.usefixtures("_in_tmp")


@pytest.fixture
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # var/console.json goes in the folder where the bot runs


def _session(run: Running, **kw: object) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=run.base, cookie_jar=aiohttp.CookieJar(unsafe=True), **kw)  # type: ignore[arg-type]


async def _sign_in(http: aiohttp.ClientSession, run: Running) -> None:
    async with http.get(run.link, allow_redirects=False) as resp:
        assert resp.status == 303 and resp.headers["Location"] == "/stories"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)


async def test_the_printed_line_signs_in_and_the_api_needs_the_token(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    async with running_console(database_url, tmp_path, clock) as run:
        assert re.fullmatch(r"console: http://127\.0\.0\.1:\d+/login\?token=[A-Za-z0-9_-]{40,}", run.line)
        # `diplobot console-url` reads the link the running bot wrote, readable by its user only.
        url_file = tmp_path / "var" / "console.json"
        assert stat.S_IMODE(url_file.stat().st_mode) == 0o600
        assert read_url_file(Path("var/console.json")) == run.link
        async with aiohttp.ClientSession(base_url=run.base) as anon:
            async with anon.get("/api/stories") as resp:
                assert resp.status == 401 and resp.headers["WWW-Authenticate"].startswith("Bearer")
                assert "Authorization: Bearer TOKEN" in (await resp.json())["error"]
            async with anon.get("/api/stories", headers={"Authorization": "Bearer not-the-token"}) as resp:
                assert resp.status == 401
            async with anon.get("/stories", allow_redirects=False) as resp:
                assert resp.status == 303 and resp.headers["Location"] in (
                    "/login?next=%2Fstories",
                    "/login?next=/stories",
                )
            async with anon.get("/login?token=wrong") as resp:
                assert resp.status == 401 and "diplobot console-url" in await resp.text()
            async with anon.get("/api/stories", headers={"Authorization": f"Bearer {run.token}"}) as resp:
                assert resp.status == 200 and resp.content_type == "application/json"
                stories = await resp.json()
            async with anon.get("/healthz") as resp:  # the ops routes are where they were, without sign-in
                assert resp.status == 200
        # Newest first: the seed story (fetched now, no date given), then the report of 21 Nov.
        assert [s["headline"] for s in stories] == [SEED_HEADLINE, OLDER_TITLE]
        seed = stories[0]
        assert set(seed) >= {"id", "headline", "severity", "countries", "events", "sources", "rules"}
        assert seed["id"].startswith("s-") and seed["severity"] == "urgent"
        assert {"Armenia", "Azerbaijan"} <= set(seed["countries"])
        assert {"ceasefire", "talks"} <= set(seed["events"])
        assert "armenia-azerbaijan-peace" in seed["rules"]
        assert len(seed["sources"]) == 2
        for src in seed["sources"]:
            assert set(src) >= {"title", "url", "outlet", "published"}
            assert src["outlet"] == "Seed articles" and src["url"].startswith("file://") and src["published"]
        assert sorted(any(s["title"].startswith(t) for t in SEED_TITLES) for s in seed["sources"]) == [True, True]
        assert len({s["title"] for s in seed["sources"]}) == 2
        assert stories[1]["sources"][0]["published"].startswith("2026-11-21T09:00")
        # Every field served is documented, a casualty's included (its cause: conflict, crime...).
        schema = json.loads((Path(__file__).parents[1] / "bot" / "web" / "openapi.json").read_text(encoding="utf-8"))[
            "components"
        ]
        documented = schema["schemas"]["Story"]["properties"]
        casualties = [s["casualties"] for s in stories if s["casualties"]]
        assert casualties and casualties[0]["cause"] == "conflict"
        for story in stories:
            assert set(story) <= set(documented)
        for casualty in casualties:
            assert set(casualty) <= set(documented["casualties"]["properties"])
    assert not url_file.exists()  # the stopped bot's link is gone


async def test_a_session_cookie_is_httponly_samesite_and_expires(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        async with http.get(run.link, allow_redirects=False) as resp:
            assert resp.status == 303
            cookie = next(v for v in resp.headers.getall("Set-Cookie") if "_login" not in v.split("=")[0])
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
        assert "token" not in resp.headers["Location"]  # the token leaves the address bar
        async with http.get("/stories") as resp:
            assert resp.status == 200
            page = await resp.text()
            assert resp.headers["Content-Security-Policy"].startswith("default-src 'self'")
            assert resp.headers["Referrer-Policy"] == "no-referrer"
        assert SEED_HEADLINE in page and OLDER_TITLE in page
        for title in SEED_TITLES:
            assert title in page
        async with http.get("/api/stories") as resp:  # the cookie works for the API too
            assert resp.status == 200
        clock.advance(hours=12, seconds=1)
        async with http.get("/stories", allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"].startswith("/login")
        async with http.get("/api/stories") as resp:
            assert resp.status == 401


async def test_sign_in_form_and_sign_out(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        async with http.get("/login?next=/rules") as resp:
            form = await resp.text()
        assert '<label for="token">Token</label>' in form
        fields = {"csrf": _csrf(form), "next": "/rules", "token": run.token}
        async with http.post("/login", data={**fields, "csrf": "forged"}, allow_redirects=False) as resp:
            assert resp.status == 403
            fields["csrf"] = _csrf(await resp.text())  # each form shown has a fresh token
        async with http.post("/login", data={**fields, "token": "wrong"}, allow_redirects=False) as resp:
            assert resp.status == 401
            fields["csrf"] = _csrf(await resp.text())
        async with http.post("/login", data=fields, allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"] == "/rules"
        async with http.get("/login?token=" + run.token + "&next=//evil.example/x", allow_redirects=False) as resp:
            assert resp.headers["Location"] == "/stories"  # never sent to another site
        async with http.get("/stories") as resp:
            page = await resp.text()
        async with http.post("/logout", data={"csrf": "forged"}, allow_redirects=False) as resp:
            assert resp.status == 403
        async with http.post("/logout", data={"csrf": _csrf(page)}, allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"] == "/login"
        async with http.get("/stories", allow_redirects=False) as resp:
            assert resp.status == 303


async def _add_stories(run: Running, count: int, flash_every: int) -> list[str]:
    """`count` stories of two reports each, newer than any stored, every `flash_every`-th recorded as matching a
    FLASH rule (the others an URGENT one); three stories share each report time (ties across chunks). Their ids, newest first."""
    async with run.app.services.db.session() as session:
        base = (await session.scalar(select(func.max(ArticleRow.event_at)))) + timedelta(days=1)
        seed = (await session.scalars(select(ArticleRow).order_by(ArticleRow.id))).first()
        feed_id = (await session.scalars(select(Feed.id))).first()
        assert seed is not None and feed_id is not None
        stories, rows, seen = [], [], []
        for n in range(count):
            sid, when = f"s-page{n:05d}", base - timedelta(minutes=n // 3)
            rule = (
                "ceasefire-breakthrough-or-collapse" if n % flash_every == flash_every - 1 else "ceasefire-developments"
            )
            state = {"by_tenant": {"local": {"rules": [rule], "headline": f"Story {n}"}}}
            stories.append(
                {
                    "id": sid,
                    "headline": f"Story {n}",
                    "first_seen": when,
                    "last_seen": when,
                    "state": state,
                }
            )
            for k in range(2):
                aid = f"a-page{n:05d}{k}"
                rows.append(
                    {
                        "id": aid,
                        "url": f"https://example.org/{n}/{k}",
                        "guid": None,
                        "title": f"Story {n}",
                        "text": seed.text,
                        "outlet": "Outlet",
                        "feed_id": feed_id,
                        "published": when,
                        "seen_at": when,
                        "content_hash": f"{n:060d}{k:04d}",
                        "story_id": sid,
                        "detection": seed.detection,
                        "search_text": "",
                        "event_at": when,
                        "dated": "published",
                    }
                )
                seen.append({"feed_id": feed_id, "item_key": f"page:{aid}", "article_id": aid, "seen_at": when})
        await session.execute(insert(Story), stories)
        await session.execute(insert(ArticleRow), rows)
        await session.execute(insert(SeenItem), seen)
    # Newest report first; within one report time, the later article id first (the list's own tie-break).
    return sorted((s["id"] for s in stories), key=lambda sid: (int(sid[6:]) // 3, -int(sid[6:])))


async def test_long_lists_page_through_every_story_once(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    """Past the first chunks of reports read (500, then 1,000...), with ties in report times: each story once,
    newest first; a severity filter finds stories deep in the list; the CSV holds as many rows as asked."""
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)
        expected = await _add_stories(run, 900, flash_every=150)

        async def ids(query: str) -> list[str]:
            async with http.get("/api/stories?" + query) as resp:
                assert resp.status == 200, await resp.text()
                return [s["id"] for s in await resp.json()]

        assert await ids("limit=500") == expected[:500]
        flash = [sid for sid in expected if int(sid[6:]) % 150 == 149]
        assert len(flash) == 6 and await ids("severity=flash&limit=500") == flash
        async with http.get("/api/stories.csv?limit=500") as resp:
            rows = list(csv.reader(io.StringIO(await resp.text())))
        assert [r[0] for r in rows[1:]] == expected[:500]


async def test_filters_csv_and_the_story_page(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)

        async def headlines(query: str) -> list[str]:
            async with http.get("/api/stories?" + query) as resp:
                assert resp.status == 200, await resp.text()
                return [s["headline"] for s in await resp.json()]

        assert await headlines("country=armenia") == [SEED_HEADLINE]
        assert await headlines("country=Belarus") == [OLDER_TITLE]
        assert await headlines("country=Peru") == []
        assert await headlines("region=Caucasus") == [SEED_HEADLINE]
        assert await headlines("region=Eastern%20Europe&event=sanctions") == [OLDER_TITLE]
        assert await headlines("rule=sanctions") == [OLDER_TITLE]
        assert await headlines("rule=armenia-azerbaijan-peace") == [SEED_HEADLINE]
        async with http.get("/api/stories?region=Afrika") as resp:
            assert resp.status == 400 and "did you mean Africa" in (await resp.json())["error"]
        assert await headlines("event=talks") == [SEED_HEADLINE]
        assert await headlines("severity=urgent") == [SEED_HEADLINE]
        assert await headlines("severity=flash") == []
        assert await headlines("until=2026-11-22") == [OLDER_TITLE]
        assert await headlines("since=2026-11-24") == [SEED_HEADLINE]
        assert await headlines("limit=1") == [SEED_HEADLINE]
        for bad in ("since=yesterday", "severity=huge", "limit=0"):
            async with http.get("/api/stories?" + bad) as resp:
                assert resp.status == 400 and "error" in await resp.json()
        async with http.get("/stories?since=yesterday") as resp:  # a page says so instead
            assert resp.status == 200 and "must be a date written YYYY-MM-DD" in await resp.text()
        async with http.get("/stories?country=Belarus") as resp:
            page = await resp.text()
            assert OLDER_TITLE in page and SEED_HEADLINE not in page
            assert 'href="/api/stories.csv?country=Belarus"' in page

        async with http.get("/api/stories.csv") as resp:
            assert resp.status == 200 and resp.content_type == "text/csv"
            rows = list(csv.DictReader(io.StringIO(await resp.text())))
        assert [r["headline"] for r in rows] == [SEED_HEADLINE, OLDER_TITLE]
        assert rows[0]["sources"] == "2" and len(rows[0]["source_urls"].split()) == 2
        assert "armenia-azerbaijan-peace" in rows[0]["rules"].split("; ")

        async with http.get("/api/stories") as resp:
            story_id = (await resp.json())[0]["id"]
        async with http.get(f"/stories/{story_id}") as resp:
            page = await resp.text()
        assert '<h2 id="h-facts">Facts</h2>' in page and "Sources (2)" in page
        assert "holding" in page and "200 killed" in page
        assert "killed 200 troops" in page or "killed more than 200 troops" in page  # the evidence sentence
        assert "rec:room" in page and ">post<" in page and ">sent" in page  # the alert it caused
        async with http.get(f"/api/stories/{story_id}") as resp:
            detail = await resp.json()
        assert detail["alerts"][0]["channel"] == "rec:room"
        assert any(f["what"] == "ceasefire (holding)" and f["evidence"] for f in detail["facts"])
        async with http.get("/stories/s-000000000000") as resp:
            assert resp.status == 404
        async with http.get("/api/stories/s-000000000000") as resp:
            assert resp.status == 404


async def test_charts_draw_stories_by_country_and_casualties_per_day(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)
        async with http.get("/charts?days=7") as resp:
            assert resp.status == 200
            page = await resp.text()
        assert "2 stories with a report from 18 Nov" in page
        countries = page.split('id="chart-countries"', 1)[1].split("</svg>", 1)[0]
        for country in ("Armenia", "Azerbaijan", "Belarus"):
            assert f"<title>{country}: 1</title>" in countries
        casualties = page.split('id="chart-casualties"', 1)[1].split("</svg>", 1)[0]
        bars = re.findall(r"<title>(\d+ \w+), ([^:]+): ([\d,]+)</title>", casualties)
        assert [(day, count) for day, _, count in bars] == [("24 Nov", "200")]  # the seed story's current toll
        assert '<th scope="row">24 Nov</th>' in page
        clock.advance(days=10)  # the window moves on: nothing in it (and the session has ended: sign in again)
        await _sign_in(http, run)
        async with http.get("/charts?days=7") as resp:
            page = await resp.text()
        assert "No story in this window." in page and "0 stories" in page


def _map(page: str) -> dict[str, tuple[str, int]]:
    """Each country of the page's world map: (fill, stories)."""
    drawn = page.split('id="world-map"', 1)[1].split("</svg>", 1)[0]
    found = re.findall(r'<path d="[^"]+" fill="(#[0-9a-f]{6})"[^>]*data-country="([^"]+)" data-stories="(\d+)"', drawn)
    return {name: (fill, int(n)) for fill, name, n in found}


async def test_the_world_map_shades_countries_with_stories_and_says_what_each_shade_means(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    from bot.web.worldmap import NONE_COLOR, shade

    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)
        async with http.get("/charts?days=7") as resp:
            page = await resp.text()
        countries = _map(page)
        assert len(countries) > 170  # every country of Natural Earth's 1:110m map but Antarctica
        for country in ("Armenia", "Azerbaijan", "Belarus"):  # the seed story and the older report
            assert countries[country] == (shade(1), 1) and shade(1) != NONE_COLOR
        assert countries["Brazil"] == (NONE_COLOR, 0) and countries["Japan"] == (NONE_COLOR, 0)
        assert "<title>Armenia: 1 story</title>" in page
        legend = page.split('id="map-legend"', 1)[1].split("</ul>", 1)[0]
        for fill, label in ((NONE_COLOR, "no story"), (shade(1), "1 story"), (shade(20), "20 or more stories")):
            assert f'fill="{fill}"' in legend and label in legend
        clock.advance(days=10)  # out of the window: nothing shaded
        await _sign_in(http, run)
        async with http.get("/charts?days=7") as resp:
            assert {fill for fill, _ in _map(await resp.text()).values()} == {NONE_COLOR}


def test_no_country_is_drawn_across_the_whole_map() -> None:
    """Russia, Fiji and Alaska cross the antimeridian: their outlines are cut there, never drawn as a band."""
    from bot.web.worldmap import WIDTH, shapes

    for shape in shapes():
        for piece in shape.path.split("M")[1:]:
            xs = [float(p.split(",")[0]) for p in piece.rstrip("Z ").split("L")]
            assert all(abs(a - b) < WIDTH / 2 for a, b in zip(xs, xs[1:], strict=False)), shape.name


def test_map_shades_grow_with_the_count() -> None:
    from bot.web.worldmap import NONE_COLOR, SHADES, shade

    assert [shade(n) for n in (0, 1, 2, 4, 5, 19, 20, 500)] == [
        NONE_COLOR,
        SHADES[0][1],
        SHADES[1][1],
        SHADES[1][1],
        SHADES[2][1],
        SHADES[2][1],
        SHADES[3][1],
        SHADES[3][1],
    ]


async def test_rules_check_preview_save_and_audit_say_what_the_cli_says(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)
        async with http.get("/rules/new") as resp:
            csrf = _csrf(await resp.text())
        bad = {"name": "karabakh-truce", "query": "(armenia* AND ceasefire", "severity": "urgent"}
        # The CLI's own words for the same rule.
        cli = await run.app.core.dispatch(
            Invocation(
                "watch",
                ("add", "karabakh-truce", "--query", bad["query"]),
                Caller("operator", "local", is_admin=True),
            )
        )
        assert not cli.ok
        async with http.post("/api/rules/check", data=bad) as resp:
            assert resp.status == 403  # a cookie without the CSRF header
        async with http.post("/api/rules/check", data=bad, headers={"X-CSRF-Token": csrf}) as resp:
            result = await resp.json()
        assert result["ok"] is False
        assert [f"{e['field']}: {e['message']}" for e in result["errors"]] == list(cli.lines)
        bearer = {"Authorization": f"Bearer {run.token}"}  # a bearer needs no CSRF header
        async with (
            aiohttp.ClientSession(base_url=run.base) as api,
            api.post("/api/rules/check", json=bad, headers=bearer) as resp,
        ):
            assert (await resp.json())["errors"] == result["errors"]

        async with http.post("/rules/preview", data={**bad, "csrf": csrf}) as resp:
            assert resp.status == 422
            page = await resp.text()
        assert cli.lines[0].split(": ", 1)[1].replace("'", "&#39;") in page
        async with http.post("/rules/save", data={**bad}, allow_redirects=False) as resp:
            assert resp.status == 403  # no CSRF token: nothing saved
        good = {**bad, "query": "(armenia* OR azerbaijan*) AND ceasefire", "csrf": csrf}
        async with http.post("/rules/preview", data=good) as resp:
            assert resp.status == 200
            page = await resp.text()
        assert "Backtest" in page and "valid, not saved" in page
        assert SEED_HEADLINE in page and "query matched" in page  # each hit with its evidence
        async with http.get("/api/rules") as resp:
            assert "karabakh-truce" not in [r["name"] for r in await resp.json()]
        async with http.post("/rules/save", data=good, allow_redirects=False) as resp:
            assert resp.status == 303 and resp.headers["Location"].startswith("/rules/karabakh-truce")
        async with http.get(resp.headers["Location"]) as resp:
            page = await resp.text()
        assert "Rule &#39;karabakh-truce&#39; added." in page and "operator · add" in page
        async with http.get("/api/rules/history?rule=karabakh-truce") as resp:
            entries = await resp.json()
        assert [(e["actor"], e["action"]) for e in entries] == [("operator", "add")]
        # An edit shows what it changes, and is audited with the change.
        edit = {**good, "editing": "1", "severity": "flash"}
        async with http.post("/rules/save", data=edit, allow_redirects=False) as resp:
            assert resp.status == 303
        async with http.get("/rules/history") as resp:
            page = await resp.text()
        assert "severity &#39;urgent&#39; -&gt; &#39;flash&#39;" in page
        async with http.get("/rules") as resp:
            page = await resp.text()
        async with http.post(
            "/rules/karabakh-truce/toggle", data={"csrf": _csrf(page), "enabled": "0"}, allow_redirects=False
        ) as resp:
            assert resp.status == 303
        async with http.get("/api/rules") as resp:
            rules = {r["name"]: r for r in await resp.json()}
        assert rules["karabakh-truce"]["enabled"] is False and rules["karabakh-truce"]["spec"]["severity"] == "flash"


async def test_openapi_documents_every_api_route(database_url: str, tmp_path: Path, clock: FakeClock) -> None:
    async with running_console(database_url, tmp_path, clock) as run, aiohttp.ClientSession(base_url=run.base) as http:
        async with http.get("/api/openapi.json") as resp:
            spec = await resp.json()
        assert spec["openapi"].startswith("3.")
        story = spec["components"]["schemas"]["Story"]
        assert set(story["required"]) == {"id", "headline", "severity", "countries", "events", "sources", "rules"}
        assert set(spec["components"]["schemas"]["Source"]["required"]) == {"title", "url", "outlet", "published"}
        assert run.app.ops is not None
        served = {
            (r.method.lower(), r.resource.canonical)
            for r in _routes(run)
            if r.resource is not None and r.resource.canonical.startswith("/api/")
        }
        documented = {(m, p) for p, ops in spec["paths"].items() for m in ops}
        assert served == documented


async def test_feeds_subscriptions_and_dead_letters_with_retry(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    refused = Permanent("rec:room", "channel_not_found")
    async with running_console(database_url, tmp_path, clock, failures=[refused]) as run, _session(run) as http:
        await _sign_in(http, run)
        await wait_until(lambda: not run.sink.failures and not run.app.outbox.in_flight, "the refused send")

        # Feeds: health, add (read first), pause, resume; a bad URL is refused with the command's message.
        more = tmp_path / "more"
        more.mkdir()
        (more / "a.txt").write_text("Talks resume in Geneva\nDiplomats met in Geneva on Monday.", encoding="utf-8")
        async with http.get("/feeds") as resp:
            page = await resp.text()
        assert "seeds" in page and "polling" in page
        csrf = _csrf(page)
        async with http.post("/feeds/add", data={"csrf": csrf, "url": "ftp://example.org/feed"}) as resp:
            assert resp.status == 422 and "unsupported URL scheme" in await resp.text()
        async with http.post("/feeds/add", data={"csrf": csrf, "url": str(more), "name": "more"}) as resp:
            page = await resp.text()
        assert resp.url.path == "/feeds" and "Feed &#39;more&#39; added (local folder)" in page
        async with http.post("/feeds/more/pause", data={"csrf": csrf}) as resp:
            assert "paused" in await resp.text()
        async with http.get("/api/feeds") as resp:
            assert {f["name"]: f["paused"] for f in await resp.json()}["more"] is True
        async with http.post("/feeds/more/resume", data={"csrf": csrf}) as resp:
            assert resp.status == 200
        async with http.get("/api/feeds") as resp:
            assert {f["name"]: f["paused"] for f in await resp.json()}["more"] is False

        # Subscriptions: the refused channel is paused; a webhook's token is never shown.
        async with http.get("/subscriptions") as resp:
            page = await resp.text()
        assert "rec:room" in page and "paused" in page and "channel_not_found" in page
        hook = "webhook:https://discord.com/api/webhooks/123456/s3cr3t-token"
        async with http.post(
            "/subscriptions/add", data={"csrf": csrf, "channel": "slack:T1", "rule": "sanctions"}
        ) as resp:
            assert resp.status == 422 and "slack:TEAM/CHANNEL" in await resp.text()
        async with http.post("/subscriptions/add", data={"csrf": csrf, "channel": hook, "rule": "sanctions"}) as resp:
            page = await resp.text()
        assert "s3cr3t-token" not in page and "https://discord.com/api/webhooks/123456/[hidden]" in page
        sub_id = re.search(r'action="/subscriptions/(\d+)/remove"[^>]*>\s*<input[^>]*>\s*<button[^>]*sanctions', page)
        assert sub_id, page
        async with http.post(f"/subscriptions/{sub_id.group(1)}/remove", data={"csrf": csrf}) as resp:
            page = await resp.text()
        assert "no longer follows rule &#39;sanctions&#39;" in page and "s3cr3t-token" not in page

        # Deliveries: the dead letter with its reason, retried from the page, then sent.
        async with http.get("/deliveries") as resp:
            page = await resp.text()
        assert "channel_not_found" in page
        dead = re.search(r'action="/deliveries/(\d+)/retry"', page)
        assert dead
        async with http.get("/api/deliveries?dead=1") as resp:
            assert [d["id"] for d in await resp.json()] == [int(dead.group(1))]
        async with http.post(f"/deliveries/{dead.group(1)}/retry", data={"csrf": csrf}) as resp:
            assert "queued again" in await resp.text()
        run.app.outbox.wake.set()
        await wait_until(lambda: len(run.sink.posts) == 1, "the retried post")
        async with http.get("/api/deliveries?dead=1") as resp:
            assert await resp.json() == []


async def test_mute_a_story_from_its_page_and_unmute_it_on_subscriptions(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    hook = "webhook:https://discord.com/api/webhooks/123456/s3cr3t-token"
    shown = "webhook:https://discord.com/api/webhooks/123456/[hidden]"
    async with running_console(database_url, tmp_path, clock) as run, _session(run) as http:
        await _sign_in(http, run)
        async with http.get("/subscriptions") as resp:
            csrf = _csrf(await resp.text())
        async with http.post("/subscriptions/add", data={"csrf": csrf, "channel": hook, "rule": "sanctions"}) as resp:
            assert resp.status == 200
        async with http.get("/api/stories?limit=1") as resp:
            story_id = (await resp.json())[0]["id"]
        async with http.get(f"/stories/{story_id}") as resp:
            page = await resp.text()
        assert f'<option value="{shown}">' in page and "s3cr3t" not in page
        async with http.post(f"/stories/{story_id}/mute", data={"csrf": csrf, "channel": shown}) as resp:
            page = await resp.text()
        assert f"Muted in {shown}" in page and "s3cr3t" not in page
        async with http.post(f"/stories/{story_id}/mute", data={"csrf": csrf, "channel": "rec:other"}) as resp:
            assert "choose one of the channels listed" in await resp.text()  # only the workspace's channels
        async with http.get("/subscriptions") as resp:
            page = await resp.text()
        assert f'href="/stories/{story_id}"' in page and "s3cr3t" not in page
        async with http.post("/mutes/unmute", data={"csrf": csrf, "story": story_id, "channel": shown}) as resp:
            page = await resp.text()
        assert f"Story {story_id} unmuted in {shown}" in page
        assert "No story is muted." in page


def _routes(run: Running) -> list[aiohttp.web.AbstractRoute]:
    from aiohttp import web

    app = web.Application()
    assert run.app.console is not None
    run.app.console.mount(app)
    return [r for r in app.router.routes() if r.method != "HEAD"]


def test_console_url_says_where_the_link_is(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    cmd = [sys.executable, "-m", "bot", "console-url"]
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert "no console link in" in done.stderr and "DIPLOBOT_HTTP_PORT" in done.stderr
    (tmp_path / "var").mkdir()
    link = "http://127.0.0.1:9/login?token=abc"
    (tmp_path / "var" / "console.json").write_text(json.dumps({"url": link, "pid": os.getpid()}))
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == f"console: {link}\n"
    (tmp_path / "var" / "console.json").write_text(json.dumps({"url": link, "pid": 2**22 + 12345}))
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "is not running any more" in done.stderr


async def test_another_workspace_sees_none_of_these_stories(
    database_url: str, tmp_path: Path, clock: FakeClock
) -> None:
    from bot.web import stories as data

    async with running_console(database_url, tmp_path, clock) as run:
        async with run.app.services.db.session() as session:
            mine = await data.list_stories(session, "local")
            theirs = await data.list_stories(session, "slack:T0OTHER1")
            story = await data.get_story(session, "slack:T0OTHER1", mine[0].id)
            alerts = await data.story_alerts(session, "slack:T0OTHER1", mine[0].id)
        assert [i.summary.headline for i in mine] == [SEED_HEADLINE, OLDER_TITLE]
        assert theirs == [] and story is None and alerts == []


def test_diplobot_run_prints_the_link_and_console_url_prints_it_again(tmp_path: Path) -> None:
    """The README's promise, as a user runs it: `diplobot run` with DIPLOBOT_HTTP_PORT prints the console line,
    its token opens the API, `diplobot console-url` prints the same line, and Ctrl-C removes the link file."""
    import time
    import urllib.error
    import urllib.request

    from tests.support.web import bot_process, console_config

    env = {
        **os.environ,
        "DIPLOBOT_CONFIG_DIR": str(console_config(tmp_path)),
        "DIPLOBOT_HTTP_PORT": "0",
        "DIPLOBOT_ALLOW_PRIVATE_NETWORKS": "1",
    }
    env.pop("DIPLOBOT_DATABASE_URL", None)  # the default: var/diplobot.db of the folder it runs in
    with bot_process(tmp_path, env) as child:
        deadline = time.monotonic() + 60
        again = subprocess.run(
            [sys.executable, "-m", "bot", "console-url"], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert again.returncode == 0 and again.stdout.strip() == child.line
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{child.base}/api/stories", timeout=10)
        refused.value.close()  # the error holds the response and its socket
        assert refused.value.code == 401
        request = urllib.request.Request(
            f"{child.base}/api/stories", headers={"Authorization": f"Bearer {child.token}"}
        )
        stories: list[dict[str, object]] = []
        while time.monotonic() < deadline and len(stories) < 2:
            with urllib.request.urlopen(request, timeout=10) as resp:
                stories = json.load(resp)
            time.sleep(0.1)
        assert stories[0]["headline"] == SEED_HEADLINE and len(stories[0]["sources"]) == 2  # type: ignore[arg-type]
    assert not (tmp_path / "var" / "console.json").exists()
    assert (tmp_path / "var" / "diplobot.db").exists()
