"""The shapes of `Reply.data` that a face reads (the console's JSON, the Slack rule editor), as TypedDicts.

A command builds its data with one of these, so a face and the command agree on the keys; the faces
still read `Reply.data` as a mapping, checking each value, since any command's reply reaches them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NotRequired, TypedDict

if TYPE_CHECKING:
    from bot.storage.shapes import RuleSpecJSON


class FieldErrorData(TypedDict):
    """One validation problem of a form or a rule: which field, what is wrong."""

    field: str
    message: str


class InvalidData(TypedDict):
    """A rule (or rules file) that is not valid: nothing saved."""

    errors: list[FieldErrorData]


class UsageErrorData(TypedDict):
    """A command used wrongly: the argument at fault and the usage line."""

    argument: str | None
    usage: str | None


class FeedData(TypedDict):
    """One feed in `feeds list` / `feeds status`."""

    name: str
    url: str
    title: str | None
    paused: bool
    enabled: bool
    last_success: str | None  # ISO 8601
    last_error_kind: str | None
    last_error: str | None
    consecutive_failures: int
    last_warning: str | None


class FeedsData(TypedDict):
    """`feeds list` / `feeds status`."""

    feeds: list[FeedData]


class DeliveryData(TypedDict):
    """One outbox row in `deliveries`."""

    id: int
    channel: str
    kind: str
    status: str
    attempts: int
    last_error: str | None
    created_at: str  # ISO 8601
    next_attempt_at: str
    sent_at: str | None


class DeliveriesData(TypedDict):
    """`deliveries [--dead]`: the rows, and the outbox's counts by status (the operator's view only)."""

    deliveries: list[DeliveryData]
    counts: NotRequired[dict[str, int]]


class DeliveryShowData(TypedDict):
    """`deliveries show ID`."""

    delivery: DeliveryData


class BacktestHitData(TypedDict):
    """A stored article a rule would have alerted on, with the evidence."""

    article: str
    title: str
    url: str
    story: str | None
    reason: str


class BacktestData(TypedDict):
    """What a rule would have matched over the stored articles of a period."""

    days: int
    scanned: int
    articles: int
    stories: int
    titles: list[str]
    hits: list[BacktestHitData]


class EditEffectData(TypedDict):
    """The article ids an edit adds to and removes from the saved rule's hits."""

    added: list[str]
    removed: list[str]
    removed_titles: list[str]


class RuleSavedData(TypedDict):
    """`watch add|edit ... --yes`: the rule saved."""

    rule: str
    saved: bool
    spec: RuleSpecJSON


class RulePreviewData(RuleSavedData):
    """`watch add|edit` without --yes: the valid rule, not saved, and what it would have matched."""

    preview: bool
    backtest: BacktestData
    edit: NotRequired[EditEffectData]


class RuleShowData(TypedDict):
    """`watch show RULE`."""

    rule: str
    spec: RuleSpecJSON
    enabled: bool
    yaml: str


class HistoryEntryData(TypedDict):
    """One change to a rule in `watch history`."""

    rule: str
    actor: str | None
    action: str
    at: str  # ISO 8601
    before: RuleSpecJSON | None
    after: RuleSpecJSON | None
    change: str


class HistoryData(TypedDict):
    """`watch history [RULE]`."""

    entries: list[HistoryEntryData]
