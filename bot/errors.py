"""The one error tree of diplobot; every error carries the context a person needs to act.

    DiplobotError
    ├── ConfigError          a setting, rules.yaml or feeds.yaml entry is invalid (file, entry, field)
    ├── FeedError            a feed could not be fetched or read (feed URL, kind of failure)
    ├── RuleError            a watch rule does not compile (rule name, position, hint)
    ├── Unavailable          something start-up needs cannot be used: the database, Slack (what, why, what to do)
    ├── CommandError         a command cannot run as asked
    │   ├── UserInputError   a bad argument (argument name, usage)
    │   │   └── BadChannel   a channel address that is none of the forms (the address, masked)
    │   └── NotAllowed       the caller lacks the permission the command needs
    └── DeliveryError        a platform refused or failed a delivery (channel)
        ├── Retryable        try again later (rate limit, 5xx, network), maybe after retry_after seconds
        └── Permanent        will never succeed as is (unknown channel, bad auth): pause and tell an admin

Only the CLI turns these into an exit status; everything else records them and goes on.
"""

from __future__ import annotations

from bot.masking import mask_secrets, shown


class DiplobotError(Exception):
    """Root of every error diplobot raises on purpose."""


class ConfigError(DiplobotError):
    """An invalid setting or configuration file entry."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        entry: str | None = None,
        field: str | None = None,
        found: object = None,
        expected: str | None = None,
    ) -> None:
        self.file, self.entry, self.field, self.found, self.expected = file, entry, field, found, expected
        parts = []
        if file:
            parts.append(str(file))
        if entry:
            parts.append(f"entry {entry}")
        if field:
            parts.append(f"field {field!r}")
        where = ", ".join(parts)
        detail = message
        if found is not None:
            detail += f"; found {found!r}"
        if expected:
            detail += f"; expected {expected}"
        super().__init__(f"{where}: {detail}" if where else detail)


class FeedError(DiplobotError):
    """A feed could not be fetched or parsed; `kind` is a short machine-readable reason."""

    def __init__(self, url: str, kind: str, message: str) -> None:
        self.url, self.kind, self.message = url, kind, message
        super().__init__(f"{url}: {kind}: {message}")


class RuleError(DiplobotError):
    """A watch rule that does not compile."""

    def __init__(self, rule: str, message: str, *, position: int | None = None, hint: str | None = None) -> None:
        self.rule, self.message, self.position, self.hint = rule, message, position, hint
        text = f"rule {rule!r}: {message}"
        if position is not None:
            text += f" (at position {position})"
        if hint:
            text += f"; hint: {hint}"
        super().__init__(text)


class Unavailable(DiplobotError):
    """The database or a platform cannot be reached or used at start-up; the message says what to do."""


class CommandError(DiplobotError):
    """A command that cannot run as asked."""


class UserInputError(CommandError):
    """A bad command argument; `usage` shows the right form."""

    def __init__(self, message: str, *, argument: str | None = None, usage: str | None = None) -> None:
        self.argument, self.usage = argument, usage
        super().__init__(message)


class BadChannel(UserInputError):
    """A channel address that is none of `terminal`, `slack:TEAM/CHANNEL`, `discord:GUILD/CHANNEL`, `webhook:URL`.

    The message quotes the address masked (a webhook URL carries its token) and cut when very long.
    """

    def __init__(
        self, address: str, problem: str, *, argument: str | None = "channel", usage: str | None = None
    ) -> None:
        self.address, self.problem = address, problem
        name = f"--{argument}" if argument else "channel"
        super().__init__(f"{name} {shown(address)} is not a channel address: {problem}", argument=argument, usage=usage)


class NotAllowed(CommandError):
    """The caller may not run this command (admin only, or another tenant's data)."""


class DeliveryError(DiplobotError):
    """A platform could not take a delivery."""

    def __init__(self, channel: str, message: str) -> None:
        self.channel = channel
        # The text is logged, stored as a paused reason and told to admins: a webhook token never shows.
        super().__init__(mask_secrets(f"{channel}: {message}"))


class Retryable(DeliveryError):
    """A transient failure; `retry_after` seconds if the platform said."""

    def __init__(self, channel: str, message: str, *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(channel, message)


class Permanent(DeliveryError):
    """A failure that retrying cannot fix: the subscription pauses and an admin is told."""
