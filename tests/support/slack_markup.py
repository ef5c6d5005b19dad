"""Slack markup helpers shared by the Slack tests: a sample summary, the mrkdwn of blocks, live markup."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from bot.models import (
    Casualty,
    RuleMatch,
    Source,
    Summary,
)

EVIL = "<!channel> <@U123> <https://evil.example|click> <!here> <#C999> &amp; a&b"


def summary(**overrides: object) -> Summary:
    """A realistic summary with every fact filled in."""
    base: dict[str, object] = dict(
        story_id="st-1",
        headline="Ceasefire collapses as fighting resumes near Lachin",
        sentences=("Fighting resumed on Tuesday.", "More than 200 troops were killed, officials said."),
        sources=(
            Source(
                "a1",
                "Ceasefire collapses",
                "https://news.example/a?x=1&y=2",
                "Example News",
                datetime(2026, 3, 12, 14, 5, tzinfo=UTC),
            ),
            Source("a2", "Fighting resumes", "https://other.example/b", "Other Wire", None),
        ),
        ceasefire="collapsed",
        casualty=Casualty(
            count=200,
            qualifier="more_than",
            kind="killed",
            who="troops",
            current=True,
            evidence="More than 200 troops were killed",
        ),
        people=("Nikol Pashinyan", "Ilham Aliyev"),
        countries=("Armenia", "Azerbaijan"),
        matches=(RuleMatch("caucasus", "ceasefire AND Armenia", "flash"),),
        severity="flash",
        topic="armenia azerbaijan",
    )
    base.update(overrides)
    return Summary(**base)  # type: ignore[arg-type]


def all_mrkdwn(blocks: tuple[dict, ...] | list[dict]) -> list[str]:
    """Every mrkdwn text in a block list."""
    out: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            if obj.get("type") == "mrkdwn":
                out.append(obj["text"])
            for v in obj.values():
                walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    walk(list(blocks))
    return out


def live_markup(text: str, usergroup: str | None = None) -> list[str]:
    """Any `<...>` markup left after removing our own safe links, literal characters and the allowed mention."""
    text = LITERAL.sub("", LINK.sub("", text))
    if usergroup:
        text = text.replace(f"<!subteam^{usergroup}>", "")
    return re.findall(r"<[^>]*>?", text)


LINK = re.compile(r"<(https?://[^|<>\s]+)\|[^<>]*>")


LITERAL = re.compile(r"<!date\^00000000\^\{_\}\|[*_~`:]>")  # one character shown as typed (render.escape)
