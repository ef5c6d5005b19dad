"""Pure Block Kit rendering: content, escaping, safe truncation and limits for any input."""

from __future__ import annotations

import re
from datetime import UTC

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.platforms import slack_blocks as render
from bot.models import (
    Alert,
    BatchAlert,
    Casualty,
    DigestAlert,
    EditAlert,
    FollowupAlert,
    NoticeAlert,
    PostAlert,
    Reply,
    RuleMatch,
    Source,
    Summary,
)
from tests.support.slack_limits import block_errors, message_error
from tests.support.slack_markup import EVIL, LINK, all_mrkdwn, live_markup, summary

MENTION = re.compile(r"<[!@#]")


def test_post_has_header_facts_sources_rules_and_buttons() -> None:
    msg = render.render_alert(PostAlert(channel="slack:T/C", summary=summary()))
    kinds = [b["type"] for b in msg.blocks]
    assert kinds[0] == "header" and "actions" in kinds and "context" in kinds
    assert msg.blocks[0]["text"]["type"] == "plain_text"
    text = "\n".join(all_mrkdwn(msg.blocks))
    assert "more than 200 troops killed" in text
    assert "collapsed" in text and "Nikol Pashinyan" in text and "Armenia" in text
    assert "<https://news.example/a?x=1&amp;y=2|Ceasefire collapses> — Example News, 12 Mar 14:05 UTC" in text
    assert "Rule *caucasus*" in text and "FLASH" in text
    actions = next(b for b in msg.blocks if b["type"] == "actions")
    assert [(e["action_id"], e["value"]) for e in actions["elements"]] == [
        (render.MUTE_ACTION, "st-1"),
        (render.BRIEF_ACTION, "armenia azerbaijan"),
    ]
    assert actions["elements"][1]["text"]["text"] == "Brief: armenia azerbaijan"
    assert msg.text and "Ceasefire collapses" in msg.text
    assert block_errors(list(msg.blocks)) == []


def test_flash_mentions_usergroup_only_when_flash_and_asked() -> None:
    flash = PostAlert(channel="slack:T/C", summary=summary(), mention=True)
    assert "<!subteam^S0FLASH>" in render.render_alert(flash, usergroup="S0FLASH").text
    routine = PostAlert(channel="slack:T/C", summary=summary(severity="urgent"), mention=True)
    assert "subteam" not in str(render.render_alert(routine, usergroup="S0FLASH").blocks)
    unasked = PostAlert(channel="slack:T/C", summary=summary())
    assert "subteam" not in str(render.render_alert(unasked, usergroup="S0FLASH").blocks)
    # A malformed id from configuration cannot smuggle markup either.
    assert "<!" not in str(render.render_alert(flash, usergroup="S1><!channel").blocks)
    # An edit never re-pings.
    edit = EditAlert(channel="slack:T/C", summary=summary())
    assert "subteam" not in str(render.render_alert(edit, usergroup="S0FLASH").blocks)


def test_article_text_cannot_mention_or_link() -> None:
    evil = summary(
        headline=EVIL,
        sentences=(EVIL,),
        people=(EVIL,),
        countries=(EVIL,),
        sources=(
            Source("a", EVIL, "https://ok.example/x|<!channel>", EVIL, None),
            Source("b", "js", "javascript:alert(1)", "x", None),
        ),
        matches=(RuleMatch(EVIL, EVIL, "flash"),),
        topic=EVIL,
    )
    for alert in (
        PostAlert(channel="slack:T/C", summary=evil),
        FollowupAlert(channel="slack:T/C", summary=evil, change=EVIL),
        BatchAlert(channel="slack:T/C", summaries=(evil, evil)),
        DigestAlert(channel="slack:T/C", summaries=(evil,), title=EVIL),
        NoticeAlert(channel="slack:T/C", text=EVIL),
    ):
        msg = render.render_alert(alert)
        for text in all_mrkdwn(msg.blocks) + [msg.text]:
            assert live_markup(text) == [], text
            assert "<!channel>" not in text and "<@U123>" not in text
        urls = [m.group(1) for t in all_mrkdwn(msg.blocks) for m in LINK.finditer(t)]
        assert all(u.startswith("https://ok.example/x%7C%3C!channel%3E") for u in urls), urls


def test_truncation_never_cuts_escapes_or_links() -> None:
    text = "a" * 10 + "&amp;" + "b"
    for limit in range(1, len(text) + 2):
        cut = render.fit(text, limit)
        assert render.units(cut) <= limit
        assert not re.search(r"&[a-z]{0,3}(?:…|$)", cut), cut
    linked = "xx <https://a.example/|label> yy"
    for limit in range(1, len(linked) + 2):
        cut = render.fit(linked, limit)
        assert render.units(cut) <= limit
        assert cut.count("<") == cut.count(">"), cut


def test_emoji_counted_as_slack_counts_them() -> None:
    cut = render.fit("🙂" * 2000, 3000)
    assert render.units(cut) <= 3000


def test_huge_story_stays_within_limits() -> None:
    big = "Lorem & ipsum <dolor> sit amet " * 500
    src = tuple(Source(f"a{i}", big, f"https://x.example/{i}?q={'z' * 300}", big, None) for i in range(300))
    s = summary(
        headline=big,
        sentences=(big,) * 40,
        sources=src,
        people=(big,) * 50,
        countries=(big,) * 50,
        matches=tuple(RuleMatch(big, big, "urgent") for _ in range(40)),
        topic=big,
    )
    for alert in (
        PostAlert(channel="slack:T/C", summary=s),
        FollowupAlert(channel="slack:T/C", summary=s, change=big),
        BatchAlert(channel="slack:T/C", summaries=(s,) * 120),
        DigestAlert(channel="slack:T/C", summaries=(s,) * 120, title=big),
        NoticeAlert(channel="slack:T/C", text="\n".join([big] * 100)),
    ):
        msg = render.render_alert(alert)
        assert message_error(msg.kwargs()) is None, message_error(msg.kwargs())


def test_followup_says_update_and_newest_source() -> None:
    s = summary()
    msg = render.render_alert(FollowupAlert(channel="slack:T/C", summary=s, change="casualties rose"))
    text = "\n".join(all_mrkdwn(msg.blocks))
    assert "*Update:* casualties rose" in text and "Example News" in text
    assert msg.text.startswith("Update: casualties rose")


def test_batch_lists_each_story_with_key_fact_and_link() -> None:
    stories = tuple(summary(story_id=f"s{i}", headline=f"Story {i}") for i in range(3))
    msg = render.render_alert(BatchAlert(channel="slack:T/C", summaries=stories))
    text = "\n".join(all_mrkdwn(msg.blocks))
    for i in range(3):
        assert f"*Story {i}*" in text
    assert "more than 200 troops killed" in text and "<https://other.example/b|Other Wire>" in text
    assert msg.blocks[0]["text"]["text"] == "3 new stories"


def test_reply_rendering_and_rule_errors() -> None:
    msg = render.render_reply(Reply(text="Rules <3", lines=("a & b",)))
    assert "Rules &lt;3" in msg.text and "a &amp; b" in str(msg.blocks)
    errs = render.rule_errors([{"field": "name", "message": "taken"}, {"field": "query", "message": "bad"}], "x")
    assert errs == {render.NAME_BLOCK: "taken", render.SPEC_BLOCK: "query: bad"}
    assert render.rule_errors(None, "Error: nope") == {render.SPEC_BLOCK: "Error: nope"}


text_st = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400) | st.sampled_from(
    [EVIL, "&" * 3000, "<" * 3000, "🙂" * 1600, "a" * 5000]
)
url_st = st.one_of(st.text(max_size=60), st.builds(lambda t: "https://e.example/" + t, st.text(max_size=80)))
source_st = st.builds(
    Source,
    article_id=st.text(max_size=10),
    title=text_st,
    url=url_st,
    outlet=text_st,
    published=st.none() | st.datetimes(timezones=st.just(UTC)),
)
summary_st = st.builds(
    Summary,
    story_id=st.text(min_size=1, max_size=40),
    headline=text_st,
    sentences=st.lists(text_st, max_size=6).map(tuple),
    sources=st.lists(source_st, max_size=12).map(tuple),
    ceasefire=st.none() | text_st,
    casualty=st.none()
    | st.builds(
        Casualty,
        count=st.integers(0, 10**9),
        qualifier=st.sampled_from(["exact", "more_than", "odd_one"]),
        kind=st.sampled_from(["killed", "wounded"]),
        who=st.none() | text_st,
        current=st.booleans(),
        evidence=st.just(""),
    ),
    people=st.lists(text_st, max_size=5).map(tuple),
    countries=st.lists(text_st, max_size=5).map(tuple),
    matches=st.lists(
        st.builds(RuleMatch, rule=text_st, reason=text_st, severity=st.sampled_from(["flash", "urgent", "routine"])),
        max_size=12,
    ).map(tuple),
    severity=st.sampled_from(["flash", "urgent", "routine"]),
    topic=st.none() | text_st,
)
alert_st = st.one_of(
    st.builds(PostAlert, channel=st.just("slack:T/C"), summary=summary_st, mention=st.booleans()),
    st.builds(EditAlert, channel=st.just("slack:T/C"), summary=summary_st),
    st.builds(FollowupAlert, channel=st.just("slack:T/C"), summary=summary_st, change=st.one_of(st.none(), text_st)),
    st.builds(BatchAlert, channel=st.just("slack:T/C"), summaries=st.lists(summary_st, max_size=4).map(tuple)),
    st.builds(
        DigestAlert,
        channel=st.just("slack:T/C"),
        summaries=st.lists(summary_st, max_size=4).map(tuple),
        title=st.one_of(st.none(), text_st),
    ),
    st.builds(NoticeAlert, channel=st.just("slack:T/C"), text=text_st),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(alert=alert_st)
def test_any_alert_renders_within_limits_and_without_live_markup(alert: Alert) -> None:
    msg = render.render_alert(alert, usergroup="S0FLASH")
    assert message_error(msg.kwargs()) is None, message_error(msg.kwargs())
    for text in all_mrkdwn(msg.blocks) + [msg.text]:
        assert live_markup(text, "S0FLASH") == [], text


@settings(max_examples=60, deadline=None)
@given(text=text_st, limit=st.integers(1, 500))
def test_fit_respects_limit_and_never_leaves_partial_escapes(text: str, limit: int) -> None:
    escaped = render.escape(text)
    cut = render.fit(escaped, limit)
    assert render.units(cut) <= limit
    body = cut[:-1] if cut.endswith(render.ELLIPSIS) else cut
    assert re.sub(r"&(amp|lt|gt);", "", body).count("&") == 0
