"""Channel addresses: the one type that parses, formats and scopes every channel diplobot talks to.

    terminal                   the local operator's terminal
    slack:TEAM/CHANNEL         a Slack channel (ids such as T0123ABCD / C0456EFGH)
    discord:GUILD/CHANNEL      a Discord channel (numeric snowflakes)
    webhook:URL                a Discord webhook or a Slack incoming webhook (the local operator's)

`ChannelAddress.parse` is what every face uses (the CLI's `--channel`, Slack, Discord, the sinks);
anything else is refused with one `BadChannel` message that says what was wrong and how to write it.
A webhook URL is read by one rule: a `slack+` or `discord+` scheme prefix decides; otherwise host
`hooks.slack.com` is Slack and a path `/api[/vN]/webhooks/ID/TOKEN` is Discord. A webhook URL holds
its secret, so whatever shows or logs an address shows `masked()` (or `bot.masking.mask_secrets` on free text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from bot.errors import BadChannel, Permanent
from bot.masking import mask_secrets

LOCAL_TENANT = "local"
CHANNEL_FORMS = "terminal, slack:TEAM/CHANNEL, discord:GUILD/CHANNEL or webhook:URL"
MAX_ADDRESS = 2000  # characters; real addresses are far shorter (a Discord webhook URL is about 120)

Kind = Literal["terminal", "slack", "discord", "webhook"]
KINDS: tuple[Kind, ...] = ("terminal", "slack", "discord", "webhook")

SLACK_WEBHOOK_HOSTS = frozenset({"hooks.slack.com", "hooks.slack-gov.com"})
DISCORD_HOSTS = frozenset({"discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com"})

_SLACK_ID = re.compile(r"[A-Z0-9]{1,32}")
_DISCORD_ID = re.compile(r"[0-9]{1,20}")
_DISCORD_PATH = re.compile(r"/api(?:/v\d+)?/webhooks/(?P<id>\d{1,20})/(?P<token>[A-Za-z0-9._-]+)/?$")


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """What a `webhook:` address points at: kind, the URL to call, and for Discord its id, token and thread."""

    kind: Literal["discord", "slack"]
    url: str
    webhook_id: int | None = None
    token: str | None = None
    thread_id: int | None = None


@dataclass(frozen=True, slots=True)
class ChannelAddress:
    """A valid channel address; `str()` gives its one written form, `tenant` the workspace that owns it."""

    kind: Kind
    workspace: str = ""  # Slack team id or Discord guild id
    channel: str = ""  # Slack or Discord channel id
    url: str = ""  # a webhook's URL as written, with any slack+/discord+ hint

    # ------------------------------------------------------------------ building

    @classmethod
    def parse(cls, text: str, *, argument: str = "channel", usage: str | None = None) -> ChannelAddress:
        """Read a written address; BadChannel (naming `argument`, showing `usage`) when it is not one of the forms."""

        def bad(problem: str) -> BadChannel:
            return BadChannel(text, problem, argument=argument, usage=usage)

        if not isinstance(text, str) or not text:
            raise bad(f"it is empty; write {CHANNEL_FORMS}")
        if len(text) > MAX_ADDRESS:
            raise bad(f"it is {len(text):,} characters long; an address has at most {MAX_ADDRESS:,}")
        odd = next((i for i, ch in enumerate(text) if not ("!" <= ch <= "~")), None)
        if odd is not None:
            what = "a space" if text[odd] == " " else f"the character U+{ord(text[odd]):04X}"
            raise bad(
                f"it holds {what} at position {odd}; an address is printable ASCII with no spaces, "
                "tabs or line breaks" + (" (remove the space around it)" if text.strip() != text else "")
            )
        kind, sep, rest = text.partition(":")
        if kind == "terminal" and not sep:
            return cls("terminal")
        if kind not in KINDS:
            lower = kind.lower()
            if lower in KINDS:
                raise bad(f"channel kinds are lower case: write {lower!r}")
            raise bad(f"{kind!r} is not a kind of channel; write {CHANNEL_FORMS}")
        if not sep:
            raise bad(f"{kind} needs what follows the colon: {_form(kind)}")
        if kind == "terminal":
            raise bad("the terminal is written 'terminal', with nothing after it")
        if kind == "webhook":
            return cls.webhook(rest, argument=argument, usage=usage, _text=text)
        parts = rest.split("/")
        if len(parts) != 2 or not all(parts):
            raise bad(f"a {kind.capitalize()} channel is {_form(kind)}, two ids joined by one '/'")
        return cls._platform(kind, parts[0], parts[1], bad)

    @classmethod
    def for_sink(cls, text: str, kind: Kind) -> ChannelAddress:
        """Read the address of an alert a sink of `kind` delivers: Permanent (retrying cannot fix it; the
        subscription pauses and an admin is told) when it is not one of the forms, or is another kind's."""
        try:
            address = cls.parse(text)
        except BadChannel as exc:
            raise Permanent(text, exc.problem) from None
        if address.kind != kind:
            raise Permanent(text, f"not a {_NAMES[kind]} address (expected {_form(kind)})")
        return address

    @classmethod
    def terminal(cls) -> ChannelAddress:
        """The terminal."""
        return cls("terminal")

    @classmethod
    def slack(cls, team: str, channel: str) -> ChannelAddress:
        """`slack:TEAM/CHANNEL` from a Slack team id and channel id (checked as `parse` checks them)."""
        return cls._platform(
            "slack", str(team), str(channel), lambda problem: BadChannel(f"slack:{team}/{channel}", problem)
        )

    @classmethod
    def discord(cls, guild: int | str, channel: int | str) -> ChannelAddress:
        """`discord:GUILD/CHANNEL` from a Discord guild id and channel id."""
        return cls._platform(
            "discord", str(guild), str(channel), lambda problem: BadChannel(f"discord:{guild}/{channel}", problem)
        )

    @classmethod
    def webhook(
        cls, url: str, *, argument: str = "channel", usage: str | None = None, _text: str | None = None
    ) -> ChannelAddress:
        """`webhook:URL`, when URL is a Discord or Slack webhook by the module's rule."""
        address = cls("webhook", url=url)
        text = _text or f"webhook:{url}"
        try:
            address.target()
        except ValueError as exc:
            raise BadChannel(text, str(exc), argument=argument, usage=usage) from None
        return address

    @classmethod
    def _platform(cls, kind: Kind, workspace: str, channel: str, bad: Callable[[str], BadChannel]) -> ChannelAddress:
        pattern, what = (
            (_SLACK_ID, "Slack ids are upper-case letters and digits, e.g. slack:T0123ABCD/C0456EFGH")
            if kind == "slack"
            else (
                _DISCORD_ID,
                "Discord ids are numbers of up to 20 digits, e.g. discord:910000000000000001/920000000000000001",
            )
        )
        for part in (workspace, channel):
            if not pattern.fullmatch(part):
                shown = part if len(part) <= 24 else part[:20] + "…"
                raise bad(f"{shown!r} is not a {kind.capitalize()} id; {what}")
        return cls(kind, workspace=workspace, channel=channel)

    # ------------------------------------------------------------------ reading

    def __str__(self) -> str:
        if self.kind == "terminal":
            return "terminal"
        if self.kind == "webhook":
            return f"webhook:{self.url}"
        return f"{self.kind}:{self.workspace}/{self.channel}"

    @property
    def tenant(self) -> str:
        """Who owns the channel: `slack:TEAM`, `discord:GUILD`, or the local operator for the terminal and webhooks."""
        if self.kind in ("slack", "discord"):
            return workspace_tenant(self.kind, self.workspace)
        return LOCAL_TENANT

    def masked(self) -> str:
        """The address as it may be shown or logged: a webhook's token or secret path replaced by `[hidden]`."""
        return mask_secrets(str(self))

    def target(self) -> WebhookTarget:
        """What a webhook address points at; ValueError (the reason) when its URL is neither kind."""
        if self.kind != "webhook":
            raise ValueError(f"{self.kind} is not a webhook")
        address, hint = self.url, None
        scheme, sep, rest = address.partition("://")
        if sep and "+" in scheme:
            hint, _, scheme = scheme.partition("+")
            if hint not in ("slack", "discord"):
                raise ValueError(f"unknown webhook hint {hint!r}+; use slack+ or discord+")
            address = f"{scheme}://{rest}"
        if not address:
            raise ValueError(
                "the URL after 'webhook:' is missing; write webhook:https://discord.com/api/webhooks/ID/TOKEN "
                "or webhook:https://hooks.slack.com/services/..."
            )
        try:
            url = urlsplit(address)
            host = (url.hostname or "").lower()
            url.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError as exc:
            raise ValueError(f"not a URL ({exc})") from None
        if url.scheme not in ("http", "https") or not host:
            raise ValueError(
                "a webhook is an http(s) URL with a host, such as webhook:https://discord.com/api/webhooks/ID/TOKEN"
            )
        match = _DISCORD_PATH.search(url.path)
        if hint == "slack" or (hint is None and host in SLACK_WEBHOOK_HOSTS):
            return WebhookTarget("slack", address)
        if hint in (None, "discord") and match:
            thread = parse_qs(url.query).get("thread_id", [""])[0]
            return WebhookTarget(
                "discord", address, int(match["id"]), match["token"], int(thread) if thread.isdigit() else None
            )
        if hint == "discord":
            raise ValueError("a Discord webhook URL ends in /api/webhooks/ID/TOKEN")
        raise ValueError(
            "not a Discord webhook (…/api/webhooks/ID/TOKEN) or a Slack incoming webhook "
            "(hooks.slack.com); for another host name the kind with a slack+ or discord+ prefix"
        )

    def check_discord_host(self, api_url: str | None = None, *, usage: str | None = None) -> None:
        """BadChannel unless a Discord webhook is on a Discord host or on the host of `api_url` (the Discord
        settings' REST base): the token is only ever sent to Discord's API."""
        if self.kind != "webhook":
            return
        target = self.target()
        if target.kind != "discord":
            return
        host = (urlsplit(target.url).hostname or "").lower()
        api_host = (urlsplit(api_url).hostname or "").lower() if api_url else ""
        if host in DISCORD_HOSTS or (api_host and host == api_host):
            return
        allowed = ", ".join(sorted(DISCORD_HOSTS | ({api_host} if api_host else set())))
        raise BadChannel(
            str(self),
            f"{host} is not a Discord host; a Discord webhook must be on {allowed}, "
            "since its token is sent only to Discord's API",
            usage=usage,
        )


def tenant_of(address: str) -> str:
    """The tenant owning a stored address: as `ChannelAddress.tenant`, and the local operator's for anything
    that does not parse (an address of a test sink, or one stored before addresses were checked)."""
    try:
        return ChannelAddress.parse(address).tenant
    except BadChannel:
        kind, _, rest = str(address).partition(":")
        if kind in ("slack", "discord") and "/" in rest:  # never hand another workspace's channel to the operator
            return workspace_tenant(kind, rest.split("/", 1)[0])
        return LOCAL_TENANT


def workspace_tenant(kind: str, workspace: str | int | None) -> str:
    """The tenant of a Slack workspace or a Discord guild: `slack:TEAM`, `discord:GUILD`."""
    return f"{kind}:{workspace}"


def kind_of(address: str) -> str:
    """The face an address is for, as the outbox picks a sink: "slack" for `slack:T1/C1`, "terminal" for
    `terminal` (the text before the first ":", so a test sink's own prefix works too)."""
    return address.split(":", 1)[0]


_NAMES = {"terminal": "terminal", "slack": "Slack channel", "discord": "Discord channel", "webhook": "webhook"}


def _form(kind: str) -> str:
    return {"slack": "slack:TEAM/CHANNEL", "discord": "discord:GUILD/CHANNEL", "webhook": "webhook:URL"}.get(kind, kind)
