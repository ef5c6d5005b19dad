"""Discord's message limits (content, embeds, fields, buttons) as Discord enforces them (50035 errors).

The fake Discord (tests/support/discord_server.py) refuses what `check_message` finds; render tests call it directly.
"""

from __future__ import annotations

from typing import Any


class EmbedLimitError(Exception):
    """A payload Discord would refuse with 50035; the message says which limit."""


def check_message(payload: dict[str, Any]) -> None:
    """Raise EmbedLimitError if a message payload breaks Discord's limits."""
    content = payload.get("content") or ""
    if len(content) > 2000:
        raise EmbedLimitError(f"content: {len(content)} > 2000")
    embeds = payload.get("embeds") or []
    if len(embeds) > 10:
        raise EmbedLimitError(f"embeds: {len(embeds)} > 10")
    total = 0
    for i, e in enumerate(embeds):
        for key, limit in (("title", 256), ("description", 4096)):
            if len(e.get(key) or "") > limit:
                raise EmbedLimitError(f"embeds.{i}.{key}: {len(e[key])} > {limit}")
        footer = (e.get("footer") or {}).get("text") or ""
        if len(footer) > 2048:
            raise EmbedLimitError(f"embeds.{i}.footer.text: {len(footer)} > 2048")
        author = (e.get("author") or {}).get("name") or ""
        if len(author) > 256:
            raise EmbedLimitError(f"embeds.{i}.author.name > 256")
        fields = e.get("fields") or []
        if len(fields) > 25:
            raise EmbedLimitError(f"embeds.{i}.fields: {len(fields)} > 25")
        for j, f in enumerate(fields):
            if not f.get("name") or len(f["name"]) > 256:
                raise EmbedLimitError(f"embeds.{i}.fields.{j}.name: empty or > 256")
            if not f.get("value") or len(f["value"]) > 1024:
                raise EmbedLimitError(f"embeds.{i}.fields.{j}.value: empty or > 1024")
        total += len(e.get("title") or "") + len(e.get("description") or "") + len(footer) + len(author)
        total += sum(len(f["name"]) + len(f["value"]) for f in fields)
    if total > 6000:
        raise EmbedLimitError(f"embeds: {total} characters > 6000")
    rows = payload.get("components") or []
    if len(rows) > 5:
        raise EmbedLimitError(f"components: {len(rows)} rows > 5")
    for r, row in enumerate(rows):
        items = row.get("components") or []
        if len(items) > 5:
            raise EmbedLimitError(f"components.{r}: {len(items)} buttons > 5")
        for b in items:
            if b.get("style") == 5:
                url = b.get("url") or ""
                if not url.startswith(("http://", "https://")) or len(url) > 512:
                    raise EmbedLimitError(f"components.{r}: bad url {url!r}")
            if len(b.get("label") or "") > 80:
                raise EmbedLimitError(f"components.{r}: label > 80")
