"""Pure rendering of alerts and replies as plain terminal text."""

from __future__ import annotations

from bot.models import Alert, Reply, Summary
from bot.summarize import casualty_phrase

WIDTH = 78


def facts_line(summary: Summary) -> str:
    """Ceasefire status, casualty figure, officials and countries on one line."""
    facts: list[str] = []
    if summary.ceasefire:
        facts.append(f"ceasefire: {summary.ceasefire}")
    if summary.casualty:
        facts.append(f"casualties: {casualty_phrase(summary.casualty)}")
    if summary.people:
        facts.append("officials: " + ", ".join(summary.people[:6]))
    if summary.countries:
        facts.append("countries: " + ", ".join(summary.countries[:8]))
    return " | ".join(facts)


def render_summary(summary: Summary, *, label: str = "ALERT") -> list[str]:
    """The lines of one story alert: headline, summary, facts, sources and matched rules."""
    lines = [f"[{label}] [{summary.severity.upper()}] {summary.headline}"]
    for sentence in summary.sentences:
        lines.append(f"  {sentence}")
    facts = facts_line(summary)
    if facts:
        lines.append(f"  Facts: {facts}")
    lines.append(f"  Sources ({len(summary.sources)}):")
    for src in summary.sources:
        when = src.published.strftime("%Y-%m-%d %H:%M UTC") if src.published else "time unknown"
        lines.append(f"    - {src.outlet}: {src.title[:100]} ({when})")
        lines.append(f"      {src.url}")
    if summary.matches:
        lines.append("  Rules: " + "; ".join(f"{m.rule} ({m.reason})" for m in summary.matches))
    lines.append(f"  Story: {summary.story_id}")
    return lines


def render_alert(alert: Alert, message_id: str | None = None) -> str:
    """An alert, edit, follow-up, batch, digest or notice as terminal text."""
    rule = "=" * WIDTH
    if alert.kind == "notice":
        return f"{rule}\n[NOTICE] {alert.text}\n{rule}"
    if alert.kind in ("batch", "digest"):
        title = alert.text or (f"{len(alert.summaries)} new stories" if alert.kind == "batch" else "Digest")
        lines = [rule, f"[{alert.kind.upper()}] {title}"]
        for summary in alert.summaries:
            lines.extend(render_summary(summary, label="STORY"))
        lines.append(rule)
        return "\n".join(lines)
    assert alert.summary is not None
    if alert.kind == "edit":
        lines = [rule, f"[EDITED #{message_id}] sources updated"] + render_summary(alert.summary)
    elif alert.kind == "followup":
        lines = [rule, f"[UPDATE in thread of #{message_id}] {alert.change}"] + render_summary(alert.summary, label="STORY")
    else:
        lines = [rule] + render_summary(alert.summary)
        if message_id:
            lines[1] += f"  (#{message_id})"
    lines.append(rule)
    return "\n".join(lines)


def render_reply(reply: Reply) -> str:
    """A command reply as terminal text."""
    return "\n".join([reply.text, *reply.lines])
