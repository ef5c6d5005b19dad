"""Pure rendering of alerts and command replies into Discord messages that always fit Discord's limits.

Nothing here touches the network: `render_alert` and `render_reply` turn core objects into a
`DiscordMessage` (content, embed specs, link buttons, the one role allowed to be pinged), and
`DiscordMessage.embeds_for_discord()` / `allowed_mentions()` build the discord.py objects.

Article text can contain `@everyone`, `<@&123>` or `<@123>`; every piece of it is neutralised
(a zero-width space after each `@`) on top of `AllowedMentions.none()`, so it can never ping.
Where Discord reads markdown (content, embed titles, descriptions, fields) article text goes
through `literal`: markdown characters, `<` (channel links, timestamps, emoji) and the `://` of a
bare URL are escaped with a backslash, so nothing in a headline formats or links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, TypedDict

import discord

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
    alert_summaries,
)
from bot.stories.summarize import casualty_phrase

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# Discord's limits (discord.py checks none of them; the API answers 400 / 50035).
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
EMBEDS_TOTAL_MAX = 6000
EMBEDS_PER_MESSAGE = 10
CONTENT_MAX = 2000
BUTTONS_MAX = 25
BUTTON_LABEL_MAX = 80
BUTTON_URL_MAX = 512

COLOURS: dict[str, int] = {"flash": 0xD32F2F, "urgent": 0xF57C00, "routine": 0x1976D2}
ERROR_COLOUR = 0xB00020
_ELLIPSIS = "…"
_ZWSP = "\u200b"
_RAW_MAX = 2 * DESCRIPTION_MAX + 64
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")  # the colon of `https://` (Discord links bare URLs)


# The keywords of one discord.py call, built per call, one shape per kind of call as discord.py's overloads take them
# (as discord.py types its payloads): a send takes a View or none (never None), an edit's None clears old buttons, a
# webhook send's content is text or MISSING.
class SendKwargs(TypedDict, total=False):
    """A message posted: a forum post, an interaction's answer; with a nonce, a channel or thread send."""

    content: str | None  # None: no text (an embed only)
    embeds: list[discord.Embed]
    allowed_mentions: discord.AllowedMentions
    view: discord.ui.View


class ChannelSendKwargs(SendKwargs, total=False):
    """A channel or thread send: Discord returns the earlier message for a nonce it saw (no double post)."""

    nonce: str


class EditKwargs(TypedDict, total=False):
    """A message edited: an alert re-rendered, an interaction's deferred answer (no content: the text stays)."""

    content: str | None
    embeds: list[discord.Embed]
    allowed_mentions: discord.AllowedMentions
    view: discord.ui.View | None  # None clears old buttons


class WebhookSendKwargs(TypedDict, total=False):
    """A webhook send (the webhooks adapter; an interaction's follow-up)."""

    content: str  # discord.utils.MISSING: no text
    embeds: list[discord.Embed]
    allowed_mentions: discord.AllowedMentions
    view: discord.ui.View
    wait: Literal[True]  # wait for the message, to learn its id
    thread: discord.abc.Snowflake  # into a thread


@dataclass(frozen=True, slots=True)
class EmbedField:
    """One embed field: name (<= 256) and value (<= 1,024)."""

    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class EmbedSpec:
    """A platform-neutral description of one embed, sized like Discord sizes it."""

    title: str | None = None
    description: str | None = None
    url: str | None = None
    colour: int | None = None
    fields: tuple[EmbedField, ...] = ()
    footer: str | None = None
    timestamp: datetime | None = None

    def size(self) -> int:
        """The characters this embed counts towards the 6,000 a message may carry (as `len(Embed)`)."""
        total = len(self.title or "") + len(self.description or "") + len(self.footer or "")
        return total + sum(len(f.name) + len(f.value) for f in self.fields)

    def to_discord(self) -> discord.Embed:
        """The discord.py Embed for this spec."""
        embed = discord.Embed(
            title=self.title, description=self.description, url=self.url, colour=self.colour, timestamp=self.timestamp
        )
        for f in self.fields:
            embed.add_field(name=f.name, value=f.value, inline=f.inline)
        if self.footer:
            embed.set_footer(text=self.footer)
        return embed


@dataclass(frozen=True, slots=True)
class LinkButton:
    """A link button to a source article."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class DiscordMessage:
    """A whole Discord message: content, embeds, link buttons and the one role it may ping."""

    content: str | None = None
    embeds: tuple[EmbedSpec, ...] = ()
    buttons: tuple[LinkButton, ...] = ()
    mention_role: int | None = None

    def embeds_for_discord(self) -> list[discord.Embed]:
        """The embeds as discord.py objects."""
        return [e.to_discord() for e in self.embeds]

    def allowed_mentions(self) -> discord.AllowedMentions:
        """Nothing may ping, except the configured flash role when this message mentions it."""
        if self.mention_role is None:
            return discord.AllowedMentions.none()
        return discord.AllowedMentions(
            everyone=False, users=False, roles=[discord.Object(id=self.mention_role)], replied_user=False
        )

    def view(self) -> discord.ui.View | None:
        """Link buttons in a View (5 a row, at most 25); None when there are none. Needs a running loop."""
        if not self.buttons:
            return None
        view = discord.ui.View(timeout=None)
        for button in self.buttons[:BUTTONS_MAX]:
            view.add_item(discord.ui.Button(style=discord.ButtonStyle.link, label=button.label, url=button.url))
        return view

    def total_embed_size(self) -> int:
        """The characters summed over all embeds."""
        return sum(e.size() for e in self.embeds)


# ---------------------------------------------------------------- text helpers


def neutralise(text: str) -> str:
    """Make text unable to mention anyone: a zero-width space after every `@`."""
    return text.replace("@", "@" + _ZWSP)


def _precut(text: str) -> str:
    # No single output text exceeds 4,096 characters and cleaning never shortens much, so cutting
    # the raw text first keeps rendering fast on absurd inputs without changing what is shown.
    return text if len(text) <= _RAW_MAX else text[:_RAW_MAX] + _ELLIPSIS


def literal(text: str) -> str:
    """Text Discord shows as typed: no mention, no markdown, no `<...>` token, no link made of a bare URL."""
    text = discord.utils.escape_markdown(neutralise(text), ignore_links=False).replace("<", "\\<")
    return _SCHEME.sub(lambda m: f"{m.group(1)}\\:", text)


def clean(text: str | None) -> str:
    """Article text made safe for Discord: no mentions, no control characters, no markdown tricks."""
    if not text:
        return ""
    text = "".join(ch for ch in _precut(text) if ch in "\n\t" or ch >= " ")
    return literal(text.strip())


def title(text: str | None) -> str:
    """Article text for an embed title, which Discord renders as markdown too: one line, literal."""
    return literal(" ".join(_precut(text or "").split()))


def plain(text: str | None) -> str:
    """Article text for places Discord shows without markdown (titles, footers, labels): no mentions."""
    if not text:
        return ""
    return neutralise(" ".join(_precut(text).split()))


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return text[: limit - 1].rstrip() + _ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """An http(s) URL Discord accepts in a button or embed, or None."""
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > BUTTON_URL_MAX:
        return None
    if any(ch.isspace() for ch in url):
        return None
    return url


# ---------------------------------------------------------------- fitting


def fit_total(embeds: Sequence[EmbedSpec], limit: int = EMBEDS_TOTAL_MAX) -> tuple[EmbedSpec, ...]:
    """Shrink the longest texts (descriptions, field values) until all embeds sum to at most `limit`."""
    out = list(embeds)
    for _ in range(200):
        over = sum(e.size() for e in out) - limit
        if over <= 0:
            break
        # find the longest shrinkable piece across all embeds
        best: tuple[int, int, int] | None = None  # (length, embed index, field index or -1)
        for i, e in enumerate(out):
            if e.description and len(e.description) > 1 and (best is None or len(e.description) > best[0]):
                best = (len(e.description), i, -1)
            for j, f in enumerate(e.fields):
                if len(f.value) > 1 and (best is None or len(f.value) > best[0]):
                    best = (len(f.value), i, j)
        if best is None:
            # only titles, names and footers are left: drop whole fields, then footers
            for i, e in enumerate(out):
                if e.fields:
                    out[i] = replace(e, fields=e.fields[:-1])
                    break
                if e.footer:
                    out[i] = replace(e, footer=None)
                    break
            else:
                break
            continue
        length, i, j = best
        target = max(1, length - over)
        e = out[i]
        if j < 0:
            out[i] = replace(e, description=truncate(e.description or "", target))
        else:
            fields = list(e.fields)
            fields[j] = replace(fields[j], value=truncate(fields[j].value, target))
            out[i] = replace(e, fields=tuple(fields))
    return tuple(out)


def _field(name: str, value: str, inline: bool = False) -> EmbedField | None:
    value = truncate(value.strip(), FIELD_VALUE_MAX)
    if not value:
        return None
    return EmbedField(truncate(name, FIELD_NAME_MAX), value, inline)


def _join_capped(items: Iterable[str], sep: str = ", ") -> str:
    return sep.join(i for i in items if i)


# ---------------------------------------------------------------- alerts


def _latest(summary: Summary) -> datetime | None:
    times = [s.published for s in summary.sources if s.published is not None]
    return max(times) if times else None


def summary_fields(summary: Summary) -> tuple[EmbedField, ...]:
    """The facts of a story as embed fields: ceasefire, casualties, officials, countries, rules, sources."""
    fields: list[EmbedField | None] = []
    if summary.ceasefire:
        fields.append(_field("Ceasefire", clean(summary.ceasefire), inline=True))
    if summary.casualty is not None:
        fields.append(_field("Casualties", clean(casualty_phrase(summary.casualty)), inline=True))
    if summary.people:
        fields.append(_field("Officials", _join_capped(clean(p) for p in summary.people)))
    if summary.countries:
        fields.append(_field("Countries", _join_capped(clean(c) for c in summary.countries)))
    if summary.matches:
        lines = (
            f"**{clean(m.rule)}**: {clean(m.reason)}" if m.reason else f"**{clean(m.rule)}**" for m in summary.matches
        )
        fields.append(_field("Watch rules", _join_capped(lines, "\n")))
    if summary.sources:
        now = datetime.now(UTC)
        lines = (
            f"• {clean(s.outlet)}: {clean(s.title)}{s.language_note}"
            + (f" ({s.when_text(now)})" if s.published else "")
            + (f"\n  why: {clean(s.why)}" if s.why else "")
            for s in summary.sources
        )
        fields.append(_field(f"Sources ({len(summary.sources)})", _join_capped(lines, "\n")))
    return tuple(f for f in fields if f is not None)[:FIELDS_MAX]


def _footer(summary: Summary) -> str:
    n = len(summary.sources)
    parts = [summary.severity.upper(), f"{n} source{'s' if n != 1 else ''}", f"story {summary.story_id}"]
    if summary.topic:
        parts.append(summary.topic)
    return truncate(plain(" · ".join(parts)), FOOTER_MAX)


def _first_url(summary: Summary) -> str | None:
    for s in summary.sources:
        url = safe_url(s.url)
        if url:
            return url
    return None


def summary_embed(summary: Summary, *, change: str | None = None, title_prefix: str = "") -> EmbedSpec:
    """The full embed of one story; `change` (a follow-up) leads the description."""
    body = clean(" ".join(summary.sentences))
    if change:
        body = f"**What changed:** {clean(change)}" + (f"\n\n{body}" if body else "")
    embed = EmbedSpec(
        title=truncate(title_prefix + title(summary.headline) + summary.language_note, TITLE_MAX) or "(untitled story)",
        description=truncate(body, DESCRIPTION_MAX) or None,
        url=_first_url(summary),
        colour=COLOURS.get(summary.severity, COLOURS["routine"]),
        fields=summary_fields(summary),
        footer=_footer(summary),
        timestamp=_latest(summary),
    )
    return fit_total([embed])[0]


def compact_embed(summary: Summary) -> EmbedSpec:
    """A short embed of one story for batches and command replies: headline, lead, outlets."""
    lead = clean(summary.sentences[0]) if summary.sentences else ""
    outlets = ", ".join(dict.fromkeys(clean(s.outlet) for s in summary.sources if s.outlet))
    newest = summary.newest_source()
    if newest is not None and newest.published is not None:
        # Discord shows the timestamp in the reader's locale; the text says the year of an old story plainly.
        outlets += (", " if outlets else "") + newest.when_text(datetime.now(UTC))
    description = lead + (f"\n*{outlets}*" if outlets else "")
    return EmbedSpec(
        title=truncate(title(summary.headline), TITLE_MAX) or "(untitled story)",
        description=truncate(description, DESCRIPTION_MAX) or None,
        url=_first_url(summary),
        colour=COLOURS.get(summary.severity, COLOURS["routine"]),
        footer=_footer(summary),
        timestamp=_latest(summary),
    )


def source_buttons(summaries: Sequence[Summary], *, first_only: bool = False) -> tuple[LinkButton, ...]:
    """Link buttons to sources (deduplicated by URL, at most 25); `first_only` takes one per story."""
    seen: set[str] = set()
    buttons: list[LinkButton] = []
    for summary in summaries:
        for source in summary.sources:
            url = safe_url(source.url)
            if url is None or url in seen:
                continue
            seen.add(url)
            label = truncate(plain(source.outlet or source.title) or "Source", BUTTON_LABEL_MAX)
            if first_only:
                label = truncate(plain(summary.headline) or label, BUTTON_LABEL_MAX)
            buttons.append(LinkButton(label=label, url=url))
            if len(buttons) >= BUTTONS_MAX:
                return tuple(buttons)
            if first_only:
                break
    return tuple(buttons)


def _many(summaries: Sequence[Summary], heading: str | None) -> tuple[EmbedSpec, ...]:
    """Several stories, one compact embed each (at most 10), a last embed listing the rest."""
    embeds: list[EmbedSpec] = []
    if heading:
        embeds.append(EmbedSpec(title=truncate(title(heading), TITLE_MAX)))
    room = EMBEDS_PER_MESSAGE - len(embeds)
    if len(summaries) <= room:
        embeds.extend(compact_embed(s) for s in summaries)
    else:
        embeds.extend(compact_embed(s) for s in summaries[: room - 1])
        rest = summaries[room - 1 :]
        lines = "\n".join(f"• {clean(s.headline)}" for s in rest)
        embeds.append(EmbedSpec(title=f"…and {len(rest)} more", description=truncate(lines, DESCRIPTION_MAX)))
    return fit_total(embeds)


def with_ref(message: DiscordMessage, ref: str | None) -> DiscordMessage:
    """Mark a message with the outbox delivery key (`ref dlv-42`) so it can be found after a crash."""
    if not ref:
        return message
    mark = f"ref {plain(ref)}"
    if message.embeds:
        first = message.embeds[0]
        footer = truncate(first.footer or "", FOOTER_MAX - len(mark) - 3)
        first = replace(first, footer=f"{footer} · {mark}" if footer else mark)
        return replace(message, embeds=fit_total((first, *message.embeds[1:])))
    content = truncate(message.content or "", CONTENT_MAX - len(mark) - 4)
    return replace(message, content=f"{content}\n-# {mark}" if content else f"-# {mark}")


def has_ref(content: str | None, footers: Iterable[str | None], ref: str) -> bool:
    """Whether a posted message carries the delivery key `ref` (see `with_ref`)."""
    mark = f"ref {ref}"
    return (content or "").endswith(mark) or any((f or "").endswith(mark) for f in footers)


def render_alert(alert: Alert, *, flash_role: int | None = None, ref: str | None = None) -> DiscordMessage:
    """Turn an alert into a Discord message; only a flash alert may mention `flash_role`; `ref` marks it."""
    return with_ref(_render_alert(alert, flash_role), ref)


def _render_alert(alert: Alert, flash_role: int | None) -> DiscordMessage:
    match alert:
        case PostAlert(summary=summary, mention=mention):
            role = flash_role if (mention and flash_role) else None
            return DiscordMessage(
                content=f"<@&{role}> Flash alert" if role else None,
                embeds=(summary_embed(summary),),
                buttons=source_buttons([summary]),
                mention_role=role,
            )
        case EditAlert(summary=summary):
            return DiscordMessage(embeds=(summary_embed(summary),), buttons=source_buttons([summary]))
        case FollowupAlert(summary=summary, change=change):
            return DiscordMessage(
                embeds=(summary_embed(summary, change=change, title_prefix="Update: "),),
                buttons=source_buttons([summary]),
            )
        case BatchAlert(summaries=summaries) if summaries:
            # The burst heading goes in the content so all ten embeds can carry stories.
            return DiscordMessage(
                content=truncate(plain(f"{len(summaries)} new stories"), CONTENT_MAX),
                embeds=_many(summaries, None),
                buttons=source_buttons(summaries, first_only=True),
            )
        case DigestAlert(summaries=summaries, title=title) if summaries:
            return DiscordMessage(
                embeds=_many(summaries, title or "Digest"), buttons=source_buttons(summaries, first_only=True)
            )
    return DiscordMessage(content=truncate(neutralise(alert_text(alert) or "(empty notice)"), CONTENT_MAX))


def alert_text(alert: Alert) -> str:
    """The words an alert with no story to show still has: a notice's text, a digest's title."""
    match alert:
        case NoticeAlert(text=text):
            return text
        case DigestAlert(title=title):
            return title or ""
    return ""


def render_plain(alert: Alert, *, ref: str | None = None) -> DiscordMessage:
    """A last-resort text-only version of an alert (no embeds, no buttons), for when Discord refuses the rich one."""
    parts: list[str] = []
    summaries = alert_summaries(alert)
    if isinstance(alert, FollowupAlert) and alert.change:
        parts.append(f"Update: {clean(alert.change)}")
    for s in summaries[:10]:
        url = _first_url(s)
        parts.append(f"**{clean(s.headline)}**" + (f"\n<{url}>" if url else ""))
    if not summaries:
        parts.append(neutralise(alert_text(alert) or "(empty notice)"))
    message = DiscordMessage(content=truncate("\n".join(parts), CONTENT_MAX - 40))
    return with_ref(message, ref)


# ---------------------------------------------------------------- command replies


def _chunks(lines: Sequence[str], limit: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = truncate(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def render_reply(reply: Reply) -> DiscordMessage:
    """Turn a command reply into an interaction response: text as content, long bodies and stories as embeds."""
    # A reply quotes headlines (brief) and names (rules, feeds): literal, like article text in alerts.
    text = literal(_precut(reply.text or ""))
    lines = [literal(_precut(line)) for line in reply.lines]
    whole = "\n".join([text, *lines]) if lines else text
    embeds: list[EmbedSpec] = []
    if len(whole) <= CONTENT_MAX:
        content = whole
    else:
        content = truncate(text, CONTENT_MAX)
        colour = None if reply.ok else ERROR_COLOUR
        for chunk in _chunks(lines, DESCRIPTION_MAX)[:EMBEDS_PER_MESSAGE]:
            embeds.append(EmbedSpec(description=chunk, colour=colour))
    room = EMBEDS_PER_MESSAGE - len(embeds)
    if reply.summaries and room > 0:
        embeds.extend(_many(reply.summaries, None)[:room])
    if not content and not embeds:
        content = "Done." if reply.ok else "Error."  # Discord refuses an empty message
    return DiscordMessage(
        content=content or None,
        embeds=fit_total(embeds),
        buttons=source_buttons(reply.summaries, first_only=True),
    )
