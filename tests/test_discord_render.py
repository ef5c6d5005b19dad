"""The pure Discord renderer: always within Discord's limits, never a live mention, facts shown right."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.discord.commands import invocation_args
from adapters.platforms.discord_embeds import (
    BUTTONS_MAX,
    COLOURS,
    DiscordMessage,
    EmbedField,
    EmbedSpec,
    fit_total,
    has_ref,
    literal,
    render_alert,
    render_plain,
    render_reply,
)
from bot.commands.core import Arg, CommandSpec, parse_args
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
from bot.stories.summarize import casualty_phrase
from tests.support.discord_limits import EmbedLimitError, check_message

MENTION = re.compile(r"@everyone|@here|<@[!&]?\d+>")
WHEN = datetime(2026, 11, 24, tzinfo=UTC)


def payload(message: DiscordMessage) -> dict[str, Any]:
    """The message as discord.py would send it (embeds and link-button rows)."""
    rows = [message.buttons[i : i + 5] for i in range(0, len(message.buttons), 5)]
    return {
        "content": message.content,
        "embeds": [e.to_dict() for e in message.embeds_for_discord()],
        "components": [
            {"type": 1, "components": [{"type": 2, "style": 5, "label": b.label, "url": b.url} for b in row]}
            for row in rows
        ],
    }


def texts(message: DiscordMessage) -> list[str]:
    """Every piece of text a reader sees."""
    out = [message.content or ""]
    for e in message.embeds:
        out += [e.title or "", e.description or "", e.footer or ""]
        out += [t for f in e.fields for t in (f.name, f.value)]
    out += [b.label for b in message.buttons]
    return out


def story(**overrides: Any) -> Summary:
    """A plain story."""
    base: dict[str, Any] = {
        "story_id": "s1",
        "headline": "Talks resume in Doha",
        "sentences": ("Delegations met on Monday.",),
        "sources": (Source("a", "Talks resume", "https://example.com/a", "Reuters", WHEN),),
        "severity": "routine",
    }
    base.update(overrides)
    return Summary(**base)


nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["@everyone", "@here", "<@&123>", "<@!456>", "<@789>", "**bold** [x](https://evil)", "\x00\x1f", ""]
    ),
    st.text(alphabet="@<>&!0123456789everyonehr *_`~|", max_size=200),
    st.builds(lambda s, n: s * n, st.sampled_from(["long ", "@everyone ", "ж", "🕊"]), st.integers(0, 1200)),
)
urls = st.one_of(
    st.builds(lambda n: f"https://news.example/{n}", st.integers(0, 50)),
    st.sampled_from(["javascript:alert(1)", "", "ftp://x", "https://a b", "https://x/" + "y" * 600]),
)
sources = st.builds(
    Source,
    article_id=st.text(max_size=5),
    title=nasty,
    url=urls,
    outlet=nasty,
    published=st.one_of(st.none(), st.just(WHEN)),
)
casualties = st.one_of(
    st.none(),
    st.builds(
        Casualty,
        count=st.integers(0, 10**7),
        qualifier=st.sampled_from(["exact", "at_least", "about", "up_to"]),
        kind=st.sampled_from(["killed", "wounded"]),
        who=st.one_of(st.none(), nasty),
        current=st.booleans(),
        evidence=st.just(""),
    ),
)
summaries = st.builds(
    Summary,
    story_id=st.text(max_size=40),
    headline=nasty,
    sentences=st.lists(nasty, max_size=40).map(tuple),
    sources=st.lists(sources, max_size=40).map(tuple),
    ceasefire=st.one_of(st.none(), nasty),
    casualty=casualties,
    people=st.lists(nasty, max_size=30).map(tuple),
    countries=st.lists(nasty, max_size=30).map(tuple),
    matches=st.lists(st.builds(RuleMatch, rule=nasty, reason=nasty), max_size=10).map(tuple),
    severity=st.sampled_from(["flash", "urgent", "routine"]),
    topic=st.one_of(st.none(), nasty),
)
alerts = st.one_of(
    st.builds(PostAlert, channel=st.just("discord:1/2"), summary=summaries, mention=st.booleans()),
    st.builds(EditAlert, channel=st.just("discord:1/2"), summary=summaries),
    st.builds(FollowupAlert, channel=st.just("discord:1/2"), summary=summaries, change=st.one_of(st.none(), nasty)),
    st.builds(BatchAlert, channel=st.just("discord:1/2"), summaries=st.lists(summaries, max_size=14).map(tuple)),
    st.builds(
        DigestAlert,
        channel=st.just("discord:1/2"),
        summaries=st.lists(summaries, max_size=14).map(tuple),
        title=st.one_of(st.none(), nasty),
    ),
    st.builds(NoticeAlert, channel=st.just("discord:1/2"), text=nasty),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    alert=alerts,
    role=st.one_of(st.none(), st.just(930000000000000002)),
    ref=st.one_of(st.none(), st.just("dlv-1234567")),
)
def test_alerts_always_fit_and_never_ping(alert: Alert, role: int | None, ref: str | None) -> None:
    """Any alert renders within every Discord limit, only the flash role can be mentioned, the ref survives."""
    message = render_alert(alert, flash_role=role, ref=ref)
    if ref:
        assert has_ref(message.content, [e.footer for e in message.embeds], ref)
    try:
        check_message(payload(message))
    except EmbedLimitError as exc:  # pragma: no cover - the message is the diagnosis
        raise AssertionError(str(exc)) from None
    assert len(message.embeds) <= 10 and message.total_embed_size() <= 6000
    assert message.content or message.embeds  # never an empty message
    assert len(message.buttons) <= BUTTONS_MAX
    for b in message.buttons:
        assert b.url.startswith(("http://", "https://")) and " " not in b.url and 0 < len(b.label) <= 80
    fallback = render_plain(alert, ref=ref)
    check_message(payload(fallback))
    assert fallback.content and not fallback.embeds and not MENTION.findall(fallback.content)
    found = [m for t in texts(message) for m in MENTION.findall(t)]
    if message.mention_role is not None:
        assert isinstance(alert, PostAlert) and alert.mention
        assert found == [f"<@&{role}>"]
        assert message.allowed_mentions().to_dict() == {"parse": [], "roles": [role]}
    else:
        assert found == []
        assert message.allowed_mentions().to_dict() == {"parse": []}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=nasty, lines=st.lists(nasty, max_size=120), stories=st.lists(summaries, max_size=12), ok=st.booleans())
def test_replies_always_fit(text: str, lines: list[str], stories: list[Summary], ok: bool) -> None:
    """Command replies of any size fit one interaction response and cannot ping."""
    message = render_reply(Reply(text=text, lines=tuple(lines), ok=ok, summaries=tuple(stories)))
    check_message(payload(message))
    assert message.content or message.embeds  # never an empty message
    assert not [m for t in texts(message) for m in MENTION.findall(t)]


def test_everyone_headline_is_inert() -> None:
    """The issue's example: an article titled "@everyone <@&123>" pings no one."""
    message = render_alert(PostAlert(channel="discord:1/2", summary=story(headline="@everyone <@&123>")))
    assert message.content is None and message.mention_role is None
    assert message.embeds[0].title == literal("@everyone <@&123>") != "@everyone <@&123>"


def test_full_embed_facts() -> None:
    """Title, description, colour by severity, fields with the casualty qualifier, footer, link button."""
    s = story(
        severity="flash",
        ceasefire="violated",
        people=("Antony Blinken",),
        countries=("Israel", "Qatar"),
        casualty=Casualty(40, "more_than", "killed", "civilians", True, "..."),
        matches=(RuleMatch("gaza", "ceasefire + Israel", "flash"),),
        topic="middle-east",
    )
    message = render_alert(PostAlert(channel="discord:1/2", summary=s, mention=True), flash_role=55)
    embed = message.embeds[0]
    assert embed.colour == COLOURS["flash"] and embed.url == "https://example.com/a"
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Ceasefire"] == "violated"
    assert fields["Casualties"] == "more than 40 civilians killed"
    assert fields["Officials"] == "Antony Blinken" and fields["Countries"] == "Israel, Qatar"
    assert "gaza" in fields["Watch rules"] and "Sources (1)" in fields
    assert embed.footer == "FLASH · 1 source · story s1 · middle-east"
    assert message.content == "<@&55> Flash alert" and message.buttons[0].label == "Reuters"


def test_edit_keeps_no_mention_and_followup_says_what_changed() -> None:
    """Edits never re-mention; a follow-up leads with the change."""
    edit = render_alert(EditAlert(channel="c", summary=story(severity="flash")), flash_role=5)
    assert edit.content is None and edit.mention_role is None
    follow = render_alert(FollowupAlert(channel="c", summary=story(), change="Ceasefire collapsed"))
    assert follow.embeds[0].title.startswith("Update: ")
    assert (follow.embeds[0].description or "").startswith("**What changed:** Ceasefire collapsed")


def test_batch_of_many_stories() -> None:
    """More than ten stories: nine embeds and a tenth listing the rest, one button per story."""
    many = tuple(
        story(story_id=str(i), headline=f"Story {i}", sources=(Source("a", "t", f"https://e.com/{i}", "AP", WHEN),))
        for i in range(14)
    )
    message = render_alert(BatchAlert(channel="c", summaries=many))
    assert len(message.embeds) == 10 and message.embeds[-1].title == "…and 5 more"
    assert len(message.buttons) == 14 and message.buttons[0].label == "Story 0"


def test_casualty_text() -> None:
    """Qualifiers read naturally; old figures are marked."""
    assert casualty_phrase(Casualty(12, "at_least", "killed", None, True, "")) == "at least 12 killed"
    assert (
        casualty_phrase(Casualty(1200, "exact", "wounded", "soldiers", False, ""))
        == "1,200 soldiers wounded (earlier figure)"
    )


def test_fit_total_shrinks_the_longest_text() -> None:
    """Over 6,000: the longest pieces are cut, short ones kept."""
    embeds = [
        EmbedSpec(title="t", description="d" * 4000, fields=(EmbedField("n", "v" * 1000), EmbedField("m", "short"))),
        EmbedSpec(title="u", description="e" * 3000),
    ]
    fitted = fit_total(embeds)
    assert sum(e.size() for e in fitted) <= 6000
    assert fitted[0].fields[1].value == "short" and fitted[0].description.endswith("…")


def test_long_reply_goes_to_embeds() -> None:
    """A reply longer than 2,000 characters keeps its title as content and the lines in embeds."""
    message = render_reply(Reply(text="Rules", lines=tuple(f"rule {i}: " + "x" * 80 for i in range(100))))
    assert message.content == "Rules" and message.embeds and message.total_embed_size() <= 6000


def test_invocation_args_round_trip() -> None:
    """Option values become words the core's parser reads back to the same values."""
    spec = CommandSpec(
        name="watch add",
        help="",
        handler=None,  # type: ignore[arg-type]
        args=(
            Arg("name", ""),
            Arg("query", "", kind="rest"),
            Arg("severity", "", kind="option", required=False),
            Arg("quiet", "", kind="flag"),
            Arg("limit", "", kind="option", required=False),
        ),
    )
    values = {"name": "sahel", "query": "mali OR --niger", "severity": "flash", "quiet": True, "limit": None}
    words = invocation_args(spec, values)
    assert words == ("sahel", "mali OR --niger", "--severity=flash", "--quiet")
    parsed = parse_args(spec, words)
    assert parsed == values
