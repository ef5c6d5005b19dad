"""Secrets kept out of what diplobot shows: a webhook URL carries its token, so logs, replies, notices and error
messages pass through `mask_secrets`, and a refused channel address is quoted by `shown`."""

from __future__ import annotations

import re

MAX_SHOWN = 60  # characters of a refused address quoted back in the message
_HIDDEN = "[hidden]"

# Secrets inside free text (log lines, error messages, notices): the token of a Discord webhook, the
# secret of a Slack incoming webhook, and the path of a webhook URL named by a slack+ hint.
# A token's dots are hidden with it; a full stop after it is the sentence's and stays.
_DISCORD_SECRET = re.compile(r"(/api(?:/v\d+)?/webhooks/\d{1,20}/)[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_SLACK_SECRET = re.compile(r"(hooks\.slack(?:-gov)?\.com/services/(?:[A-Za-z0-9]+/){0,2})[A-Za-z0-9_-]+")
_HINTED_SECRET = re.compile(r"(slack\+https?://[^/\s?#]+)[/?#][^\s]*?(?=[:,;.)]?(?:\s|$))")


def mask_secrets(text: str) -> str:
    """`text` with every webhook token or secret in it replaced by `[hidden]` (for logs, replies, notices)."""
    if "webhooks/" not in text and "hooks.slack" not in text and "slack+" not in text:
        return text
    text = _DISCORD_SECRET.sub(lambda m: m.group(1) + _HIDDEN, text)
    text = _SLACK_SECRET.sub(lambda m: m.group(1) + _HIDDEN, text)
    return _HINTED_SECRET.sub(lambda m: m.group(1) + "/" + _HIDDEN, text)


def shown(address: str) -> str:
    """A refused address as a message quotes it: masked, and cut when it is very long."""
    text = mask_secrets(str(address))
    if len(text) > MAX_SHOWN:
        text = f"{text[:MAX_SHOWN]}… ({len(address):,} characters)"
    return repr(text)
