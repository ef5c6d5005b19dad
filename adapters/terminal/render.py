"""Pure rendering of alerts and replies as plain terminal text."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.models import (
    Alert,
    BatchAlert,
    DigestAlert,
    EditAlert,
    FollowupAlert,
    NoticeAlert,
    PostAlert,
    Reply,
    Summary,
)
from bot.stories.summarize import casualty_phrase

WIDTH = 78


def facts_line(summary: Summary) -> str:
    """Ceasefire status, casualty figure, officials and countries on one line."""
    facts: list[str] = []
    if summary.ceasefire:
        facts.append(f"ceasefire: {summary.ceasefire}")
    if summary.casualty:
        facts.append(f"casualties: {casualty_phrase(summary.casualty)}")
    if summary.people:
        facts.append("officials: " + ", ".join(summary.people[:8]))
    if summary.countries:
        facts.append("countries: " + ", ".join(summary.countries[:8]))
    return " | ".join(facts)


def render_sources(summary: Summary, indent: str = "  ", now: datetime | None = None) -> list[str]:
    """The sources block: outlet, title and time (with the year when it is not this year's), why it is in the
    story (the rules it matched, what it shares with another member), then the link."""
    now = now or datetime.now(UTC)
    lines = [f"{indent}Sources ({len(summary.sources)}):"]
    for src in summary.sources:
        lines.append(
            f"{indent}  - {src.outlet}: {src.title[:100]}{src.language_note} ({src.when_text(now) or 'time unknown'})"
        )
        if src.why:
            lines.append(f"{indent}    why: {src.why}")
        lines.append(f"{indent}    {src.url}")
    return lines


def render_summary(summary: Summary, *, label: str = "ALERT") -> list[str]:
    """The lines of one story alert: headline, summary, facts, sources and matched rules."""
    lines = [f"[{label}] [{summary.severity.upper()}] {summary.headline}{summary.language_note}"]
    for sentence in summary.sentences:
        lines.append(f"  {sentence}")
    facts = facts_line(summary)
    if facts:
        lines.append(f"  Facts: {facts}")
    lines.extend(render_sources(summary))
    if summary.matches:
        lines.append("  Rules: " + "; ".join(f"{m.rule} ({m.reason})" for m in summary.matches))
    lines.append(f"  Story: {summary.story_id}")
    return lines


def render_alert(alert: Alert, message_id: str | None = None) -> str:
    """An alert, edit, follow-up, batch, digest or notice as terminal text.

    A terminal cannot change what it printed, so an edit reprints the whole alert under an
    "[EDITED #n]" banner, and a follow-up is indented under a "[FOLLOW-UP to #n]" banner.
    """
    rule = "=" * WIDTH
    match alert:
        case NoticeAlert(text=text):
            return f"{rule}\n[NOTICE] {text}\n{rule}"
        case BatchAlert(summaries=summaries):
            count = len(summaries)
            title = (
                f"{count} new {'story' if count == 1 else 'stories'} (burst limit reached: batched into one message)"
            )
            return _listing(rule, "BATCH", title, summaries, message_id)
        case DigestAlert(summaries=summaries, title=title):
            return _listing(rule, "DIGEST", title or "Digest", summaries, message_id)
        case EditAlert(summary=summary):
            lines = [rule] + render_summary(summary, label=f"EDITED #{message_id}")
            lines[1] += f"  (now {len(summary.sources)} sources)"
        case FollowupAlert(summary=summary, change=change):
            body = [f"What changed: {change}"]
            facts = facts_line(summary)
            if facts:
                body.append(f"Facts now: {facts}")
            body += render_sources(summary, indent="")
            body.append(f"Story: {summary.story_id}")
            lines = [rule, f"[FOLLOW-UP to #{message_id}] {summary.headline}"] + [f"  | {line}" for line in body]
        case PostAlert(summary=summary):
            lines = [rule] + render_summary(summary)
            if message_id:
                lines[1] += f"  (#{message_id})"
    lines.append(rule)
    return "\n".join(lines)


def _listing(rule: str, label: str, title: str, summaries: tuple[Summary, ...], message_id: str | None) -> str:
    """A batch or digest: its banner, then each story numbered."""
    number = f"  (#{message_id})" if message_id else ""
    lines = [rule, f"[{label}] {title}{number}"]
    for i, summary in enumerate(summaries, 1):
        lines.append(f"--- {i}/{len(summaries)}")
        lines.extend(render_summary(summary, label="STORY"))
    lines.append(rule)
    return "\n".join(lines)


def render_reply(reply: Reply) -> str:
    """A command reply as terminal text."""
    return "\n".join([reply.text, *reply.lines])
