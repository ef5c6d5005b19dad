"""Every command through `CommandCore.dispatch` on a real migrated SQLite (and PostgreSQL when reachable)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.commands import (
    default_registry,
    export_rules,
    import_rules,
    seed_feeds,
    seed_rules,
)
from bot.models import Caller, Invocation
from bot.storage.tables import Feed, Mute, Rule, RuleAudit, Subscription
from tests.support.commands import (
    MEMBER,
    OPERATOR,
    OTHER_ADMIN,
    STORY_ID,
    body,
    insert_seed_story,
    run,
)

RULE_YAML = "{places: [Armenia, Azerbaijan], severity: urgent, description: peace process}"


async def count(services, table, *where) -> int:
    async with services.db.session() as session:
        return int(await session.scalar(select(func.count()).select_from(table).where(*where)) or 0)


async def add_rule(core, name="peace", caller=OPERATOR, spec=RULE_YAML):
    reply = await run(core, f'watch add {name} --spec "{spec}" --yes', caller)
    assert reply.ok, body(reply)
    return reply


# --- help, parsing, errors -------------------------------------------------------------------------------


async def test_help_lists_commands_and_marks_admin_ones(core):
    reply = await run(core, "help", MEMBER)
    assert reply.ok
    text = body(reply)
    for name in ("brief TOPIC", "watch add NAME", "feeds add URL", "subscribe RULE", "mute STORY", "rules export"):
        assert name in text
    assert any("watch add" in line and "[admin]" in line for line in reply.lines)
    assert any(line.startswith("brief") and "[admin]" not in line for line in reply.lines)


async def test_help_on_one_command_and_a_group(core):
    reply = await run(core, "help watch add")
    assert reply.lines[0].startswith("usage: watch add NAME") and "--yes" in body(reply)
    group = await run(core, "help feeds")
    assert len(group.lines) == 6


async def test_every_spec_declares_admin_only_and_help():
    specs = default_registry().specs
    admin = {s.name for s in specs if s.admin_only}
    assert {"watch add", "watch edit", "watch remove", "feeds add", "subscribe", "unsubscribe"} <= admin
    assert not {"brief", "help", "watch list", "watch show", "feeds list", "mute", "unmute"} & admin
    assert all(s.help and s.handler.__doc__ for s in specs)


async def test_unknown_command_and_missing_subcommand(core):
    reply = await run(core, "frobnicate")
    assert not reply.ok and "unknown command" in reply.text
    reply = await run(core, "watch")
    assert not reply.ok and "subcommand" in reply.text and "watch add" in body(reply)


async def test_unknown_option_names_it_and_shows_usage(core):
    reply = await run(core, "watch list --bogus 1")
    assert not reply.ok and "--bogus" in reply.text and reply.lines[0].startswith("usage:")


async def test_no_stack_trace_on_a_handler_bug(core, monkeypatch):
    from bot.repo import rules as repo

    async def broken(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(repo, "list_rules", broken)
    reply = await run(core, "watch list")
    assert not reply.ok and "Traceback" not in reply.text and "boom" not in reply.text


# --- watch ---------------------------------------------------------------------------------------------


async def test_watch_add_is_admin_only_and_changes_nothing(core):
    reply = await run(core, f'watch add peace --spec "{RULE_YAML}" --yes', MEMBER)
    assert not reply.ok and "admins only" in reply.text
    assert await count(core.services, Rule) == 0
    assert await count(core.services, RuleAudit) == 0


async def test_watch_add_invalid_reports_fields(core):
    reply = await run(core, "watch add bad --places Atlantis --yes")
    assert not reply.ok
    errors = reply.data["errors"]
    assert errors and errors[0]["field"] == "places" and "Atlantis" in errors[0]["message"]
    reply = await run(core, 'watch add bad --spec "{severity: loud, query: x}"')
    assert not reply.ok and reply.data["errors"][0]["field"] == "severity"
    reply = await run(core, 'watch add bad --spec "{nonsense: 1}"')
    assert not reply.ok and any(e["field"] == "nonsense" for e in reply.data["errors"])
    reply = await run(core, "watch add bad --severity loud")
    assert not reply.ok and "severity" in reply.text and reply.lines[0].startswith("usage:")
    reply = await run(core, "watch add bad")
    assert not reply.ok and "--spec" in reply.text
    assert await count(core.services, Rule) == 0


async def test_watch_add_preview_backtests_and_saves_nothing(core, clock):
    await insert_seed_story(core.services, clock.now() - timedelta(days=2))
    reply = await run(core, "watch add peace --places Armenia,Azerbaijan --severity urgent")
    assert reply.ok and reply.data["preview"] and not reply.data["saved"]
    bt = reply.data["backtest"]
    assert bt["scanned"] == 2 and bt["articles"] == 2 and bt["stories"] == 1
    assert "would have alerted on 1 story (2 articles)" in body(reply)
    assert "--yes" in body(reply)
    assert await count(core.services, Rule) == 0
    short = await run(core, "watch add peace --places Armenia --days 1")
    assert short.data["backtest"]["scanned"] == 0 and "would not have alerted" in body(short)
    none = await run(core, "watch add sanctions --query sanctions")
    assert none.data["backtest"]["articles"] == 0


async def test_watch_test_backtests_a_saved_rule(core, clock):
    await insert_seed_story(core.services, clock.now() - timedelta(days=2))
    await add_rule(core)
    reply = await run(core, "watch test peace --days 7")
    assert reply.ok and reply.data["backtest"]["articles"] == 2
    assert "Blinken" in body(reply)
    assert not (await run(core, "watch test peace", MEMBER)).ok


async def test_watch_lifecycle_is_audited(core, clock):
    await add_rule(core)
    listing = await run(core, "watch list", MEMBER)
    assert listing.ok and listing.data["rules"] == ["peace"]
    shown = await run(core, "watch show peace", MEMBER)
    assert "places:" in body(shown) and "Armenia" in body(shown)
    clock.advance(minutes=5)
    edited = await run(core, "watch edit peace --severity flash --yes")
    assert edited.ok and "updated" in edited.text
    clock.advance(minutes=5)
    assert (await run(core, "watch disable peace")).data["changed"]
    assert not (await run(core, "watch disable peace")).data["changed"]
    assert (await run(core, "watch enable peace")).ok
    history = await run(core, "watch history peace")
    assert history.ok
    actions = [e["action"] for e in history.data["entries"]]
    assert actions == ["enable", "disable", "edit", "add"]
    edit = history.data["entries"][2]
    assert (
        edit["actor"] == "operator" and edit["before"]["severity"] == "urgent" and edit["after"]["severity"] == "flash"
    )
    assert "severity 'urgent' -> 'flash'" in body(history)
    removed = await run(core, "watch remove peace")
    assert removed.ok and await count(core.services, Rule) == 0
    assert (await run(core, "watch history")).data["entries"][0]["action"] == "remove"


async def test_watch_edit_preview_shows_changes(core):
    await add_rule(core)
    reply = await run(core, "watch edit peace --severity flash --days 3")
    if reply.ok:  # with the detector: a preview
        assert "severity 'urgent' -> 'flash'" in body(reply) and not reply.data["saved"]
    async with core.services.db.session() as session:
        rule = await session.scalar(select(Rule).where(Rule.name == "peace"))
    assert rule.spec["severity"] == "urgent"


async def test_watch_unknown_rule_suggests(core):
    await add_rule(core, "ceasefire-watch")
    reply = await run(core, "watch show ceasefire-wach")
    assert not reply.ok and "did you mean ceasefire-watch" in reply.text


async def test_duplicate_add_is_refused(core):
    await add_rule(core)
    reply = await run(core, f'watch add peace --spec "{RULE_YAML}" --yes')
    assert not reply.ok and "watch edit" in reply.text


async def test_member_cannot_change_rules(core):
    await add_rule(core)
    for command in (
        "watch edit peace --severity flash --yes",
        "watch remove peace",
        "watch disable peace",
        "watch history",
        "rules export",
        "subscribe peace",
        "feeds add https://example.org/feed",
    ):
        reply = await run(core, command, MEMBER)
        assert not reply.ok and "admins only" in reply.text, command
    async with core.services.db.session() as session:
        rule = await session.scalar(select(Rule).where(Rule.name == "peace"))
    assert rule.enabled and rule.spec["severity"] == "urgent"
    assert await count(core.services, RuleAudit) == 1


# --- tenants -------------------------------------------------------------------------------------------


async def test_tenants_are_isolated(core, tmp_path):
    await add_rule(core, "peace")
    await run(core, f"feeds add {tmp_path} --name localdir")
    await run(core, "subscribe peace")
    other = OTHER_ADMIN
    chan = "slack:T2/C9"
    assert (await run(core, "watch list", other, chan)).data["rules"] == []
    for command in (
        "watch show peace",
        "watch edit peace --severity flash --yes",
        "watch remove peace",
        "watch disable peace",
        "subscribe peace",
        "feeds remove localdir",
        "feeds pause localdir",
    ):
        reply = await run(core, command, other, chan)
        assert not reply.ok, command
    assert (await run(core, "feeds list", other, chan)).data["feeds"] == []
    assert (await run(core, "subscriptions --all", other, chan)).data["subscriptions"] == []
    assert (await run(core, "watch history", other, chan)).data["entries"] == []
    # The other tenant may use the same names for its own rules.
    await add_rule(core, "peace", other)
    assert await count(core.services, Rule) == 2
    async with core.services.db.session() as session:
        mine = await session.scalar(select(Rule).where(Rule.tenant == "local"))
        feed = await session.scalar(select(Feed).where(Feed.tenant == "local"))
    assert mine.spec["severity"] == "urgent" and mine.enabled and not feed.paused
    # A workspace admin cannot aim --channel at another workspace, nor read host files.
    reply = await run(core, "subscribe peace --channel slack:T1/C1", other, chan)
    assert not reply.ok and "outside this workspace" in reply.text
    assert not (await run(core, f"rules import {tmp_path}/x.yaml", other, chan)).ok
    assert not (await run(core, f"feeds add {tmp_path}", other, chan)).ok


# --- rules export / import / validate / seed ----------------------------------------------------------------


async def test_rules_round_trip(core, services, tmp_path):
    await add_rule(core, "peace")
    await run(core, "watch add talks --events talks --people 'Antony Blinken' --yes")
    await run(core, "watch disable talks")
    text = await export_rules(services, "local")
    assert "name: peace" in text and "enabled: false" in text
    out = tmp_path / "rules.yaml"
    reply = await run(core, f"rules export {out}")
    assert reply.ok and out.read_text() == text
    summary = await import_rules(services, "slack:T2", text, actor="U-other")
    assert summary.ok and sorted(summary.created) == ["peace", "talks"]
    assert await export_rules(services, "slack:T2") == text
    again = await import_rules(services, "slack:T2", text, actor="U-other")
    assert sorted(again.unchanged) == ["peace", "talks"] and not again.created and not again.updated
    reply = await run(core, f"rules import {out}")
    assert reply.ok and reply.data["unchanged"] == ["peace", "talks"]
    valid = await run(core, f"rules validate {out}", MEMBER)
    assert valid.ok and valid.data["rules"] == ["peace", "talks"]


async def test_rules_import_is_all_or_nothing(core, services, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - name: good\n    query: ceasefire\n  - name: broken\n    places: [Atlantis]\n")
    reply = await run(core, f"rules import {bad}")
    assert not reply.ok and any(e["field"].startswith("broken.") for e in reply.data["errors"])
    assert await count(services, Rule) == 0
    reply = await run(core, f"rules validate {bad}")
    assert not reply.ok and "broken.places" in body(reply)
    bad.write_text("rules: [\n")
    assert not (await run(core, f"rules validate {bad}")).ok
    missing = await run(core, f"rules import {tmp_path}/nope.yaml")
    assert not missing.ok and "FILE" in missing.text


async def test_seed_rules_only_into_an_empty_tenant(services, tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - name: ceasefire\n    events: [ceasefire]\n  - name: peace\n    places: [Armenia]\n")
    first = await seed_rules(services, "local", path)
    assert sorted(first.created) == ["ceasefire", "peace"]
    path.write_text("rules:\n  - name: other\n    query: talks\n")
    second = await seed_rules(services, "local", path)
    assert not second.created and await count(services, Rule) == 2


async def test_seed_rules_from_the_shipped_config(services):
    from pathlib import Path

    shipped = Path(__file__).resolve().parents[1] / "config" / "rules.yaml"
    summary = await seed_rules(services, "local", shipped)
    assert summary.ok and summary.created, summary.errors


async def test_seed_feeds_adds_new_entries_but_never_revives_removed_ones(core, services, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    path = tmp_path / "feeds.yaml"
    path.write_text(f"feeds:\n  - name: a\n    url: {tmp_path / 'a'}\n")
    assert (await seed_feeds(services, "local", path)).added == ("a",)
    assert (await run(core, "feeds remove a")).ok
    path.write_text(f"feeds:\n  - name: a\n    url: {tmp_path / 'a'}\n  - name: b\n    url: {tmp_path / 'b'}\n")
    summary = await seed_feeds(services, "local", path)
    assert summary.added == ("b",) and summary.skipped == ("a",)
    assert (await run(core, "feeds list")).data["feeds"][0]["name"] == "b"


# --- feeds -----------------------------------------------------------------------------------------------

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Diplomatic Wire</title>
<link>http://x/</link><description>d</description>
<item><title>One</title><link>http://x/1</link><guid>1</guid></item>
<item><title>Two</title><link>http://x/2</link><guid>2</guid></item></channel></rss>"""


@pytest.fixture
async def feed_server():
    from aiohttp import web

    async def rss(request):
        return web.Response(body=RSS, content_type="application/rss+xml")

    async def page(request):
        return web.Response(
            text='<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
            "</head><body>hi</body></html>",
            content_type="text/html",
        )

    async def html(request):
        return web.Response(text="<html><body>no feed here</body></html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/rss", rss)
    app.router.add_get("/", page)
    app.router.add_get("/nofeed", html)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


async def test_feeds_add_discovers_and_stores(core, feed_server):
    reply = await run(core, f"feeds add {feed_server}/ --interval 10m")
    assert reply.ok, body(reply)
    assert reply.data["title"] == "Diplomatic Wire" and reply.data["items"] == 2
    assert reply.data["url"].endswith("/rss") and reply.data["name"] == "diplomatic-wire"
    async with core.services.db.session() as session:
        feed = await session.scalar(select(Feed))
    assert feed.tenant == "local" and feed.spec["interval"] == 600 and feed.spec["name"] == "diplomatic-wire"
    dup = await run(core, f"feeds add {feed_server}/rss")
    assert not dup.ok and "already" in dup.text
    bad = await run(core, f"feeds add {feed_server}/nofeed")
    assert not bad.ok and "no_feed" in bad.text and bad.lines[0].startswith("usage: feeds add")
    worse = await run(core, f"feeds add {feed_server}/rss --name other --interval 5s")
    assert not worse.ok and "interval" in worse.text


async def test_feeds_status_pause_resume_remove(core, services, tmp_path, clock):
    assert (await run(core, f"feeds add {tmp_path} --name local-dir")).ok
    async with services.db.session() as session:
        feed = await session.scalar(select(Feed))
        feed.last_success = clock.now() - timedelta(hours=3)
        feed.last_error_kind, feed.last_error, feed.consecutive_failures = "timeout", "no answer in 30 s", 4
    status = await run(core, "feeds status", MEMBER)
    line = status.lines[0]
    assert "last success 3h ago" in line and "4 failures in a row" in line and "timeout: no answer" in line
    assert (await run(core, "feeds pause local-dir")).data["changed"]
    assert "PAUSED" in (await run(core, "feeds status local-dir")).lines[0]
    assert not (await run(core, "feeds pause local-dir", MEMBER)).ok
    resumed = await run(core, "feeds resume local-dir")
    assert resumed.data["changed"]
    async with services.db.session() as session:
        feed = await session.scalar(select(Feed))
    assert not feed.paused and feed.consecutive_failures == 0
    assert not (await run(core, "feeds remove nope")).ok
    assert (await run(core, "feeds remove local-dir")).ok and await count(services, Feed) == 0


# --- subscriptions and mutes --------------------------------------------------------------------------------


async def test_subscribe_validates_and_lists(core):
    await add_rule(core, "peace")
    chan = "slack:T1/C1"
    reply = await run(core, "subscribe peace --digest daily --at 7:30 --tz Europe/Paris --channel " + chan)
    assert reply.ok and reply.data["at"] == "07:30" and "daily digest at 07:30 Europe/Paris" in reply.text
    bad_tz = await run(core, "subscribe peace --digest daily --at 08:00 --tz Europe/Pariss")
    assert not bad_tz.ok and "--tz" in bad_tz.text and "Europe/Paris" in bad_tz.text
    bad_at = await run(core, "subscribe peace --digest daily --at 25:00")
    assert not bad_at.ok and "--at" in bad_at.text and bad_at.lines[0].startswith("usage: subscribe")
    bad_mode = await run(core, "subscribe peace --digest weekly")
    assert not bad_mode.ok and "digest must be one of hourly, daily" in bad_mode.text
    stray = await run(core, "subscribe peace --at 08:00")
    assert not stray.ok and "--digest daily" in stray.text
    unknown = await run(core, "subscribe peeace")
    assert not unknown.ok and "did you mean peace" in unknown.text
    bad_channel = await run(core, "subscribe peace --channel irc:#news")
    assert not bad_channel.ok and "slack:TEAM/CHANNEL" in bad_channel.text
    assert (await run(core, "subscribe peace")).ok
    here = await run(core, "subscriptions", MEMBER)
    assert here.data["subscriptions"] == [
        {"channel": "terminal", "rule": "peace", "mode": "immediate", "at": None, "tz": None, "paused": False}
    ]
    there = await run(core, f"subscriptions --channel {chan}", MEMBER)
    assert there.data["subscriptions"][0]["mode"] == "daily"
    assert not (await run(core, "subscriptions --all", MEMBER)).ok
    assert len((await run(core, "subscriptions --all")).data["subscriptions"]) == 2
    # Changing the mode keeps one subscription.
    assert not (await run(core, "subscribe peace --digest hourly")).data["created"]
    assert await count(core.services, Subscription) == 2
    assert not (await run(core, "unsubscribe peace", MEMBER)).ok
    assert (await run(core, "unsubscribe peace")).ok
    assert not (await run(core, "unsubscribe peace")).ok
    assert await count(core.services, Subscription) == 1


async def test_removing_a_rule_removes_its_subscriptions(core):
    await add_rule(core, "peace")
    await run(core, "subscribe peace")
    reply = await run(core, "watch remove peace")
    assert reply.data["subscriptions_removed"] == 1 and await count(core.services, Subscription) == 0


async def test_mute_and_unmute(core, clock):
    await insert_seed_story(core.services, clock.now())
    reply = await run(core, f"mute {STORY_ID}", MEMBER, "slack:T1/C1")
    assert reply.ok and "Blinken" in reply.text
    assert "already" in (await run(core, f"mute {STORY_ID}", MEMBER, "slack:T1/C1")).text
    prefix = await run(core, "mute story-seed", MEMBER, "slack:T1/C2")
    assert prefix.ok and prefix.data["story"] == STORY_ID
    assert await count(core.services, Mute) == 2
    assert (await run(core, "subscriptions", MEMBER, "slack:T1/C1")).data["mutes"] == [STORY_ID]
    missing = await run(core, "mute nosuchstory", MEMBER)
    assert not missing.ok and "STORY" in body(missing)
    assert (await run(core, f"unmute {STORY_ID}", MEMBER, "slack:T1/C1")).ok
    assert not (await run(core, f"unmute {STORY_ID}", MEMBER, "slack:T1/C1")).ok
    assert await count(core.services, Mute) == 1


# --- autocomplete and dispatch ---------------------------------------------------------------------------


async def test_complete(core, clock, tmp_path):
    await add_rule(core, "peace")
    await add_rule(core, "pashinyan-watch", spec="{people: [Nikol Pashinyan]}")
    await run(core, f"feeds add {tmp_path} --name seeds-dir")
    await insert_seed_story(core.services, clock.now())
    assert await core.complete("rule", "pe", OPERATOR) == ["peace"]
    assert await core.complete("rule", "", OTHER_ADMIN) == []
    assert await core.complete("feed", "se", OPERATOR) == ["seeds-dir"]
    assert await core.complete("story", "story", OPERATOR) == [STORY_ID]
    topics = await core.complete("topic", "arm", OPERATOR)
    assert "Armenia" in topics
    assert "Antony Blinken" in await core.complete("topic", "anto", OPERATOR)
    assert await core.complete("nonsense", "x", OPERATOR) == []


async def test_dispatch_with_invocation_words(core):
    await add_rule(core, "peace")
    reply = await core.dispatch(Invocation("watch", ("show", "peace"), Caller("u", "local"), "terminal"))
    assert reply.ok and reply.data["rule"] == "peace"
    reply = await core.dispatch(Invocation("/brief", ("zzqx",), Caller("u", "local"), "terminal"))
    assert not reply.ok


async def test_seeding_from_a_missing_file_does_nothing(services, tmp_path):
    assert not (await seed_rules(services, "local", tmp_path / "none.yaml")).created
    assert not (await seed_feeds(services, "local", tmp_path / "none.yaml")).added


async def test_backtest_hits_are_all_listed_page_by_page(core, clock, monkeypatch):
    from bot.commands import watch

    await insert_seed_story(core.services, clock.now() - timedelta(days=2))
    monkeypatch.setattr(watch, "PAGE", 1)  # two hits, one a page
    first = body(await run(core, "watch add peace --places Armenia,Azerbaijan"))
    assert "(2 articles); page 1 of 2:" in first and "… 1 more: add --page 2" in first
    second = body(await run(core, "watch add peace --places Armenia,Azerbaijan --page 2"))
    assert "page 2 of 2:" in second and "more: add --page" not in second
    shown = [line for text in (first, second) for line in text.splitlines() if line.startswith("  - ")]
    assert len(set(shown)) == 2
    await add_rule(core)
    assert "page 2 of 2:" in body(await run(core, "watch test peace --page 2"))
    assert not (await run(core, "watch test peace --page 0")).ok


async def test_an_edit_preview_shows_the_hits_it_adds_and_removes(core, clock):
    await insert_seed_story(core.services, clock.now() - timedelta(days=2))
    await add_rule(core)
    narrowed = body(await run(core, "watch edit peace --spec '{query: sanctions}'"))
    assert "The edit adds 0 hits and removes 2 (saved rule: 2, edited: 0):" in narrowed, narrowed
    assert sum(line.startswith("  - ") for line in narrowed.splitlines()) == 2
    same = body(await run(core, "watch edit peace --severity flash"))
    assert "The edit changes no hit: the saved rule matches the same 2 articles." in same, same


async def test_a_workspace_holds_no_more_rules_than_the_cap(core, services, monkeypatch, tmp_path):
    """Past bot.limits.MAX_RULES a new rule is refused on every path (add, import); edits still work."""
    await add_rule(core, "first")
    have = await count(services, Rule, Rule.tenant == OPERATOR.tenant)
    monkeypatch.setattr("bot.limits.MAX_RULES", have + 1)
    await add_rule(core, "second")  # the last one the cap allows
    reply = await run(core, f'watch add third --spec "{RULE_YAML}" --yes')
    assert not reply.ok and "the cap is" in reply.text and "watch remove" in reply.text, body(reply)
    (tmp_path / "more.yaml").write_text("rules:\n  - {name: a1, query: armenia}\n  - {name: a2, query: georgia}\n")
    reply = await run(core, f"rules import {tmp_path}/more.yaml")
    assert not reply.ok and "the cap is" in reply.text, body(reply)
    assert await count(services, Rule, Rule.tenant == OPERATOR.tenant) == have + 1  # nothing half-imported
    assert (await run(core, 'watch edit second --description "still editable" --yes')).ok
