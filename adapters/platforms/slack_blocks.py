"""Pure Block Kit rendering: Alert, Reply and the rule modal to Slack payloads, always within limits.

Nothing here touches the network. Every article-derived string goes through `escape` before it
lands in mrkdwn, so article text can never become a mention (`<!channel>`, `<@U..>`), a link or
formatting: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, `:emoji:` and a leading `>` are shown as
typed, and every mrkdwn text object is `verbatim`, so Slack links no bare URL or #channel name. Only
`link` makes links, and only from http(s) URLs made safe for `<url|label>`. Every text is cut
with `fit`, which never splits an `&amp;`-style escape or a `<url|label>` link. Lengths are counted
in UTF-16 code units, as Slack's limits are, so astral characters (emoji) cannot overflow a limit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal, NotRequired, TypedDict, final
from urllib.parse import quote, urlsplit

from bot.models import (
    Alert,
    BatchAlert,
    DigestAlert,
    EditAlert,
    FollowupAlert,
    NoticeAlert,
    PostAlert,
    Reply,
    Source,
    Summary,
)
from bot.stories.summarize import casualty_phrase

# Block Kit JSON, as Slack defines it, of the kinds diplobot sends: made only by the builders below (tests check
# them against Slack's limits: tests/support/slack_limits.py). Keys stand in the order the builders write them.
# The blocks are `final`, so that a key test (`"accessory" in block`) tells which kind a Block is.


class MrkdwnText(TypedDict):
    """A Block Kit mrkdwn text object (`verbatim` on every one the builders make; the webhooks' fixed
    "Updated" line has none)."""

    type: Literal["mrkdwn"]
    text: str
    verbatim: NotRequired[bool]


class PlainText(TypedDict):
    """A Block Kit plain_text object."""

    type: Literal["plain_text"]
    text: str
    emoji: bool


class Label(TypedDict):
    """A plain_text object without `emoji`: a modal's title and buttons, an input's label, hint and placeholder."""

    type: Literal["plain_text"]
    text: str


class ButtonElement(TypedDict):
    """A button: a section's accessory or an element of an actions block."""

    type: Literal["button"]
    text: PlainText
    action_id: str
    value: str
    style: NotRequired[str]


@final
class HeaderBlock(TypedDict):
    """A header block."""

    type: Literal["header"]
    text: PlainText


@final
class TextSection(TypedDict):
    """A section of one mrkdwn text, with an optional button beside it."""

    type: Literal["section"]
    text: MrkdwnText
    accessory: NotRequired[ButtonElement]


@final
class FieldsSection(TypedDict):
    """A section of mrkdwn fields (two columns)."""

    type: Literal["section"]
    fields: list[MrkdwnText]


@final
class ContextBlock(TypedDict):
    """A context block: small mrkdwn lines."""

    type: Literal["context"]
    elements: list[MrkdwnText]


@final
class ActionsBlock(TypedDict):
    """An actions block of buttons."""

    type: Literal["actions"]
    block_id: str
    elements: list[ButtonElement]


class TextInput(TypedDict):
    """A plain_text_input element of a modal."""

    type: Literal["plain_text_input"]
    action_id: str
    multiline: NotRequired[bool]
    max_length: int
    placeholder: Label
    initial_value: NotRequired[str]


@final
class InputBlock(TypedDict):
    """An input block of a modal."""

    type: Literal["input"]
    block_id: str
    label: Label
    element: TextInput
    hint: NotRequired[Label]


Block = HeaderBlock | TextSection | FieldsSection | ContextBlock | ActionsBlock | InputBlock


class View(TypedDict):
    """A modal view."""

    type: Literal["modal"]
    callback_id: str
    title: Label
    close: Label
    private_metadata: str
    blocks: list[Block]
    submit: NotRequired[Label]


class MessageKwargs(TypedDict):
    """The keyword arguments a message gives chat.postMessage / chat.update / respond()."""

    text: str
    blocks: list[Block]


# Slack's documented Block Kit limits (see /work/shared/PLATFORMS.md).
MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_CONTEXT_TEXT = 2000
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_TEXT = 3900  # top-level fallback; Slack recommends at most 4,000
MAX_MODAL_TITLE = 24
MAX_VIEW_BLOCKS = 100
MAX_INPUT = 3000
MAX_URL = 1000  # longer URLs are shown unlinked rather than eating a section's budget

ELLIPSIS = "…"
MUTE_ACTION = "diplobot_mute"
BRIEF_ACTION = "diplobot_brief"
RULE_MODAL = "diplobot_rule"
RULE_SAVE_MODAL = "diplobot_rule_save"
NAME_BLOCK, NAME_INPUT = "rule_name", "name"
SPEC_BLOCK, SPEC_INPUT = "rule_spec", "spec"

_USERGROUP = re.compile(r"^S[A-Z0-9]{2,30}$")
# Literal text in mrkdwn (see `escape`): an invalid date format makes Slack show the fallback as typed.
_LITERAL = "<!date^00000000^{{_}}|{}>"
_FORMATTING = re.compile(r"[*_~`]|:(?=[a-z0-9_+'-]+:)", re.IGNORECASE)  # the opening colon of an :emoji:
_QUOTE = re.compile(r"(?m)^&gt;")
_LOOKALIKES = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
_SEVERITY_ICON = {"flash": ":rotating_light:", "urgent": ":warning:", "routine": ":newspaper:"}
_WS = re.compile(r"\s+")
_SPEC_PLACEHOLDER = "{places: [Armenia, Azerbaijan], events: [ceasefire, talks], severity: urgent}"


@dataclass(frozen=True, slots=True)
class Message:
    """A Slack message payload: blocks plus the plain fallback text used in notifications."""

    text: str
    blocks: tuple[Block, ...]

    def kwargs(self) -> MessageKwargs:
        """Keyword arguments for chat.postMessage / chat.update / respond()."""
        return {"text": self.text, "blocks": list(self.blocks)}


# ----------------------------------------------------------------------------- text primitives


def units(text: str) -> int:
    """Length in UTF-16 code units, the way Slack counts characters."""
    return len(text.encode("utf-16-le")) // 2


def escape_entities(text: str | None) -> str:
    """Escape `&`, `<`, `>` (in that order): text that cannot become a mention or a link (code blocks)."""
    if not text:
        return ""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape(text: str | None) -> str:
    """Text shown literally in mrkdwn: no mention, no link, no formatting.

    Slack has no escape character. Each formatting character is wrapped in a date token whose format
    is invalid, which Slack shows as its fallback text, unformatted (the technique of jsx-slack's
    `<Escape>`); a `>` opening a line gets an invisible soft hyphen so it starts no quote.
    """
    text = escape_entities(text)
    if not text:
        return text
    text = _FORMATTING.sub(lambda m: _LITERAL.format(m.group(0)), text)
    return _QUOTE.sub("\u00ad&gt;", text)


def escape_label(text: str | None) -> str:
    """Text for the label of a `<url|label>` link, where no token may nest: look-alike characters instead."""
    return escape_entities(text).translate(_LOOKALIKES)


def one_line(text: str | None, limit: int = MAX_SECTION_TEXT + 500) -> str:
    """Collapse all whitespace (newlines included) to single spaces; only the first `limit` characters count.

    No single field is ever shown beyond a section's 3,000 units, so a huge article field is clipped
    before the (comparatively costly) whitespace pass.
    """
    return _WS.sub(" ", (text or "")[:limit]).strip()


def _prefix_within(text: str, limit: int) -> str:
    """The longest prefix of `text` whose UTF-16 length is at most `limit`."""
    if units(text) <= limit:
        return text
    total = 0
    for i, ch in enumerate(text):
        total += 2 if ord(ch) > 0xFFFF else 1
        if total > limit:
            return text[:i]
    return text


def fit(text: str, limit: int) -> str:
    """Cut mrkdwn to `limit` units with an ellipsis, never inside an `&..;` escape or a `<..>` link."""
    if units(text) <= limit:
        return text
    if limit <= 0:
        return ""
    cut = _prefix_within(text, limit - 1)
    # An unclosed `<` means we are inside a link (article text has no raw `<`): drop the whole link.
    lt, gt = cut.rfind("<"), cut.rfind(">")
    if lt > gt:
        cut = cut[:lt]
    # An `&` without its `;` in the last few characters is a cut escape such as `&am`.
    amp = cut.rfind("&", max(0, len(cut) - 5))
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


def fit_plain(text: str, limit: int) -> str:
    """Cut plain text (no escapes to protect) to `limit` units with an ellipsis."""
    if units(text) <= limit:
        return text
    if limit <= 0:
        return ""
    return _prefix_within(text, limit - 1).rstrip() + ELLIPSIS


def safe_url(url: str | None) -> str | None:
    """An http(s) URL made safe inside `<url|label>`, or None when it cannot be linked safely."""
    url = (url or "").strip()
    if not url or len(url) > MAX_URL:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode everything outside the URL character set: `|`, `<`, `>`, spaces, quotes, controls.
    quoted = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return quoted.replace("&", "&amp;")


def link(url: str | None, label: str) -> str:
    """A mrkdwn link `<url|label>` with an escaped label, or just the escaped label if the URL is unsafe."""
    target = safe_url(url)
    if not target:
        return escape(one_line(label)) or "link"
    return f"<{target}|{escape_label(one_line(label)) or 'link'}>"


# ----------------------------------------------------------------------------- block builders


def _mrkdwn(text: str, limit: int) -> MrkdwnText:
    # verbatim: Slack links no bare URL or #channel of the text (only our own `<url|label>` links).
    return {"type": "mrkdwn", "text": fit(text, limit) or " ", "verbatim": True}


def _plain(text: str, limit: int) -> PlainText:
    return {"type": "plain_text", "text": fit_plain(one_line(text), limit) or " ", "emoji": True}


def header(text: str) -> HeaderBlock:
    """A header block (plain text, at most 150 units)."""
    return {"type": "header", "text": _plain(text, MAX_HEADER)}


def section(text: str, *, accessory: ButtonElement | None = None) -> TextSection:
    """A mrkdwn section, cut to 3,000 units."""
    block: TextSection = {"type": "section", "text": _mrkdwn(text, MAX_SECTION_TEXT)}
    if accessory:
        block["accessory"] = accessory
    return block


def fields(items: list[str]) -> FieldsSection:
    """A section of at most 10 mrkdwn fields of at most 2,000 units each."""
    return {"type": "section", "fields": [_mrkdwn(t, MAX_FIELD_TEXT) for t in items[:MAX_FIELDS]]}


def context(items: list[str]) -> ContextBlock:
    """A context block of at most 10 mrkdwn elements."""
    return {"type": "context", "elements": [_mrkdwn(t, MAX_CONTEXT_TEXT) for t in items[:MAX_CONTEXT_ELEMENTS]]}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> ButtonElement:
    """A button with text cut to 75 units and a value cut to 2,000 (values are ids, never cut in practice)."""
    block: ButtonElement = {
        "type": "button",
        "text": _plain(text, MAX_BUTTON_TEXT),
        "action_id": action_id,
        "value": value[:MAX_BUTTON_VALUE],
    }
    if style:
        block["style"] = style
    return block


def _sections(lines: list[str], limit: int = MAX_SECTION_TEXT) -> list[TextSection]:
    """Pack lines into as few sections as possible; a single over-long line is cut."""
    out: list[TextSection] = []
    chunk = ""
    for line in lines:
        candidate = f"{chunk}\n{line}" if chunk else line
        if units(candidate) <= limit:
            chunk = candidate
            continue
        if chunk:
            out.append(section(chunk))
        chunk = line if units(line) <= limit else fit(line, limit)
    if chunk:
        out.append(section(chunk))
    return out


def _code_sections(lines: list[str]) -> list[TextSection]:
    """Lines as preformatted code blocks, each section fenced on its own."""
    fence = "```"
    inner = [b["text"]["text"] for b in _sections(lines, MAX_SECTION_TEXT - 2 * len(fence) - 2)]
    return [section(f"{fence}\n{text}\n{fence}") for text in inner]


def _cap(blocks: Sequence[Block], limit: int = MAX_BLOCKS) -> list[Block]:
    """Keep at most `limit` blocks; the last kept one says how many were left out."""
    if len(blocks) <= limit:
        return list(blocks)
    left = len(blocks) - (limit - 1)
    return [*blocks[: limit - 1], context([f"_…and {left} more block(s) not shown_"])]


# ----------------------------------------------------------------------------- facts


def facts(summary: Summary) -> list[str]:
    """The story's key facts as escaped mrkdwn field texts."""
    out: list[str] = []
    if summary.ceasefire:
        out.append(f"*Ceasefire*\n{escape(one_line(summary.ceasefire))}")
    if summary.casualty:
        out.append(f"*Casualties*\n{escape(casualty_phrase(summary.casualty))}")
    if summary.people:
        out.append("*Officials*\n" + escape(", ".join(one_line(p) for p in summary.people[:12])))
    if summary.countries:
        out.append("*Countries*\n" + escape(", ".join(one_line(c) for c in summary.countries[:20])))
    return out


def key_fact(summary: Summary) -> str:
    """The single most telling fact for a one-line listing (escaped), or ""."""
    if summary.casualty:
        return escape(casualty_phrase(summary.casualty))
    if summary.ceasefire:
        return f"ceasefire {escape(one_line(summary.ceasefire))}"
    if summary.sentences:
        return escape(one_line(summary.sentences[0]))
    return ""


def source_line(source: Source) -> str:
    """`• <url|title> — outlet, 12 Mar 14:05 UTC` (`12 Mar 2003 14:05 UTC` in another year), everything from the
    article escaped."""
    meta = ", ".join(p for p in (escape(one_line(source.outlet)), source.when_text(datetime.now(UTC))) if p)
    raw_label = fit_plain(one_line(source.title) or one_line(source.outlet) or "article", 300)
    why = f"\n      _why: {escape(one_line(source.why))}_" if source.why else ""
    return f"• {link(source.url, raw_label)}{source.language_note}" + (f" — {meta}" if meta else "") + why


def _sources_text(sources: tuple[Source, ...], limit: int = 8) -> str:
    lines = [source_line(s) for s in sources[:limit]]
    if len(sources) > limit:
        lines.append(f"_…and {len(sources) - limit} more source(s)_")
    return "*Sources*\n" + "\n".join(lines)


def _rules_context(summary: Summary) -> list[str]:
    items = [f"{_SEVERITY_ICON.get(summary.severity, '')} *{summary.severity.upper()}*".strip()]
    for m in summary.matches[: MAX_CONTEXT_ELEMENTS - 2]:
        reason = f" — {escape(one_line(m.reason))}" if m.reason else ""
        items.append(fit(f"Rule *{escape(one_line(m.rule))}*{reason}", 500))
    items.append(fit(f"Story `{escape(one_line(summary.story_id))}`", 200))  # for `/mute STORY_ID`
    return items


def _mention(alert: PostAlert, usergroup: str | None) -> str:
    """`<!subteam^ID>` only for a flash alert that asks for a mention and a well-formed group id."""
    if not (alert.mention and alert.summary.severity == "flash" and usergroup):
        return ""
    return f"<!subteam^{usergroup}>" if _USERGROUP.match(usergroup) else ""


def _actions(summary: Summary) -> ActionsBlock:
    elements = [button("Mute story", MUTE_ACTION, summary.story_id)]
    if summary.topic and one_line(summary.topic):
        topic = one_line(summary.topic)
        elements.append(button(f"Brief: {topic}", BRIEF_ACTION, topic[:MAX_BUTTON_VALUE], style="primary"))
    return {"type": "actions", "block_id": f"story:{summary.story_id}"[:255], "elements": elements}


def _fallback(*parts: str) -> str:
    return fit(" ".join(p for p in parts if p), MAX_TEXT) or "diplobot alert"


# ----------------------------------------------------------------------------- alerts


def render_summary(summary: Summary, *, mention: str = "") -> Message:
    """A full story alert: header, summary, facts, sources, rules and severity, buttons."""
    headline = (one_line(summary.headline) or "New development") + summary.language_note
    blocks: list[Block] = []
    if mention:
        blocks.append(section(f"{mention} :rotating_light: *Flash alert*"))
    blocks.append(header(headline))
    sentences = [escape(one_line(s)) for s in summary.sentences if one_line(s)]
    if sentences:
        blocks.extend(_sections([" ".join(sentences)])[:3])
    fact_items = facts(summary)
    if fact_items:
        blocks.append(fields(fact_items))
    if summary.sources:
        blocks.append(section(_sources_text(summary.sources)))
    blocks.append(context(_rules_context(summary)))
    blocks.append(_actions(summary))
    fact = key_fact(summary)
    text = _fallback(mention, f"[{summary.severity.upper()}]", escape(headline) + (f" — {fact}" if fact else ""))
    return Message(text=text, blocks=tuple(_cap(blocks)))


def render_followup(alert: FollowupAlert) -> Message:
    """A thread reply: "Update: {change}" plus the newest source."""
    change = escape(one_line(alert.change)) or "new development"
    blocks: list[Block] = [section(f":arrow_right: *Update:* {change}")]
    newest = alert.summary.newest_source()
    if newest is not None:
        blocks.append(context([f"Source: {source_line(newest)[2:]}"]))
    fact_items = facts(alert.summary)
    if fact_items:
        blocks.append(fields(fact_items))
    return Message(text=_fallback("Update:", change), blocks=tuple(blocks))


def _story_item(summary: Summary, budget: int = 1200) -> TextSection:
    """One story in a batch or digest: headline, key fact, links, and a Mute button."""
    lines = [f"*{escape(one_line(summary.headline)) or 'Untitled story'}*"]
    fact = key_fact(summary)
    if fact:
        lines.append(fit(fact, 400))
    links = [link(s.url, one_line(s.outlet) or one_line(s.title) or "source") for s in summary.sources[:5]]
    if links:
        more = f" +{len(summary.sources) - 5}" if len(summary.sources) > 5 else ""
        lines.append(" · ".join(links) + more)
    tag = f"{_SEVERITY_ICON.get(summary.severity, '')} {summary.severity}"
    if summary.rules:
        tag += " · " + escape(", ".join(one_line(r) for r in summary.rules[:5]))
    newest = summary.newest_source()
    if newest is not None and newest.published is not None:
        tag += " · " + newest.when_text(datetime.now(UTC))
    lines.append(f"_{tag.strip()}_")
    return section(fit("\n".join(lines), budget), accessory=button("Mute", MUTE_ACTION, summary.story_id))


def render_list(title: str, summaries: tuple[Summary, ...], *, intro: str = "") -> Message:
    """A batch or digest: a header, then one section per story, all within 50 blocks."""
    blocks: list[Block] = [header(title)]
    if intro:
        blocks.append(context([intro]))
    room = MAX_BLOCKS - len(blocks) - 1
    shown = summaries[:room]
    blocks.extend(_story_item(s) for s in shown)
    if len(summaries) > len(shown):
        blocks.append(context([f"_…and {len(summaries) - len(shown)} more stories_"]))
    heads = "; ".join(escape(one_line(s.headline)) for s in summaries[:10])
    return Message(text=_fallback(escape(one_line(title)) + ":", heads), blocks=tuple(blocks))


def render_notice(text: str) -> Message:
    """A plain admin notice, escaped and split into sections."""
    body = escape(text or "")
    lines = body.splitlines() or [" "]
    blocks = _cap(_sections(lines))
    return Message(text=_fallback(escape(one_line(text))), blocks=tuple(blocks))


def render_alert(alert: Alert, *, usergroup: str | None = None) -> Message:
    """Any Alert to a Slack message; `usergroup` is mentioned only on flash alerts asking for it."""
    match alert:
        case PostAlert():
            return render_summary(alert.summary, mention=_mention(alert, usergroup))
        case EditAlert():
            return render_summary(alert.summary)
        case FollowupAlert():
            return render_followup(alert)
        case BatchAlert():
            return render_list(
                f"{len(alert.summaries)} new stories",
                alert.summaries,
                intro="Several stories at once: grouped to keep the channel readable.",
            )
        case DigestAlert():
            return render_list(alert.title or "Digest", alert.summaries)
        case NoticeAlert():
            return render_notice(alert.text)


# ----------------------------------------------------------------------------- command replies


def render_reply(reply: Reply) -> Message:
    """A command Reply as a message: title, body lines, and any story summaries."""
    title = escape(one_line(reply.text) or ("Done" if reply.ok else "Error"))
    blocks: list[Block] = [*_sections([f":warning: *{title}*" if not reply.ok else f"*{title}*"])]
    body = [escape(line) for line in reply.lines]
    if body and isinstance(reply.data.get("yaml"), str):
        # YAML keeps its indentation in a code block, where nothing formats anyway.
        blocks.extend(_code_sections([escape_entities(line) for line in reply.lines]))
    elif body:
        blocks.extend(_sections(body))
    room = MAX_BLOCKS - len(blocks)
    if reply.summaries and room > 0:
        items: list[Block] = [_story_item(s) for s in reply.summaries]
        if len(items) > room:
            items = items[: room - 1] + [context([f"_…and {len(items) - room + 1} more stories_"])]
        blocks.extend(items)
    text_parts = [escape(reply.text)] + body[:20]
    return Message(text=_fallback(" ".join(text_parts)), blocks=tuple(_cap(blocks)))


# ----------------------------------------------------------------------------- rule modal


class RuleModalMetadata(TypedDict, total=False):
    """What a rule modal carries in its `private_metadata` (JSON), for the Slack face to read back on submit.

    The editor carries `mode` ("add" or "edit") and the `channel` the command came from; the preview carries
    the pending rule, either inside the view (`rule`: compressed JSON) or as a `token` for one kept in memory.
    Slack hands back what the view was given, so a reader still goes through `.get` with a default.
    """

    mode: str
    channel: str
    rule: str
    token: str


def _modal(
    title: str,
    blocks: list[Block],
    *,
    callback_id: str,
    metadata: RuleModalMetadata,
    submit: str | None,
    close: str = "Cancel",
) -> View:
    view: View = {
        "type": "modal",
        "callback_id": callback_id,
        "title": {"type": "plain_text", "text": fit_plain(title, MAX_MODAL_TITLE)},
        "close": {"type": "plain_text", "text": fit_plain(close, MAX_MODAL_TITLE)},
        "private_metadata": json.dumps(metadata)[:3000],
        "blocks": _cap(blocks, MAX_VIEW_BLOCKS),
    }
    if submit:
        view["submit"] = {"type": "plain_text", "text": fit_plain(submit, MAX_MODAL_TITLE)}
    return view


def rule_modal(*, mode: str, name: str = "", spec: str = "", metadata: RuleModalMetadata, note: str = "") -> View:
    """The rule editor: a name and a YAML spec; submit runs the backtest preview."""
    name_element: TextInput = {
        "type": "plain_text_input",
        "action_id": NAME_INPUT,
        "max_length": 100,
        "placeholder": {"type": "plain_text", "text": "e.g. armenia-azerbaijan"},
    }
    if name:
        name_element["initial_value"] = name[:100]
    spec_element: TextInput = {
        "type": "plain_text_input",
        "action_id": SPEC_INPUT,
        "multiline": True,
        "max_length": MAX_INPUT,
        "placeholder": {"type": "plain_text", "text": _SPEC_PLACEHOLDER},
    }
    if spec:
        spec_element["initial_value"] = spec[:MAX_INPUT]
    blocks: list[Block] = []
    if note:
        blocks.append(section(escape(note)))
    blocks += [
        {
            "type": "input",
            "block_id": NAME_BLOCK,
            "label": {"type": "plain_text", "text": "Rule name"},
            "element": name_element,
        },
        {
            "type": "input",
            "block_id": SPEC_BLOCK,
            "label": {"type": "plain_text", "text": "Rule (YAML)"},
            "element": spec_element,
            "hint": {"type": "plain_text", "text": "Preview first: you will see what the rule would have matched."},
        },
    ]
    title = "Edit rule" if mode == "edit" else "New watch rule"
    return _modal(title, blocks, callback_id=RULE_MODAL, metadata=metadata, submit="Preview")


def rule_preview(reply: Reply, *, metadata: RuleModalMetadata) -> View:
    """The backtest preview of a rule, with Save as the submit button."""
    # The core's preview ends with a CLI hint ("run the same command with --yes"); in the modal, Save does that.
    shown = replace(reply, lines=tuple(line for line in reply.lines if "--yes" not in line))
    message = render_reply(shown)
    blocks = list(message.blocks)[: MAX_VIEW_BLOCKS - 1]
    blocks.append(context(["Save to start watching with this rule, or Back to edit it."]))
    return _modal("Rule preview", blocks, callback_id=RULE_SAVE_MODAL, metadata=metadata, submit="Save", close="Back")


def rule_result(reply: Reply) -> View:
    """The final state of the modal after Save: what the core said, no submit button."""
    message = render_reply(reply)
    title = "Rule saved" if reply.ok else "Rule not saved"
    return _modal(
        title,
        list(message.blocks),
        callback_id=RULE_SAVE_MODAL,
        metadata=RuleModalMetadata(),
        submit=None,
        close="Done",
    )


def rule_errors(errors: object, fallback: str) -> dict[str, str]:
    """Map core validation errors ([{field, message}]) to Slack's inline `errors` keyed by block id."""
    out: dict[str, list[str]] = {}
    items = errors if isinstance(errors, list) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        field_name = str(item.get("field") or "")
        message = one_line(str(item.get("message") or "invalid"))
        block = NAME_BLOCK if field_name in ("name", "rule", "NAME") else SPEC_BLOCK
        where = f"{field_name}: " if field_name and block == SPEC_BLOCK else ""
        out.setdefault(block, []).append(f"{where}{message}")
    if not out:
        out[SPEC_BLOCK] = [one_line(fallback) or "invalid rule"]
    return {block: fit_plain("; ".join(msgs), 2000) for block, msgs in out.items()}
