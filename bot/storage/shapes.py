"""The shapes of the JSON columns, as TypedDicts: what the code writes, so a wrong key is a type error.

Rows written by older versions may lack keys or hold older forms: readers of `stories.state` stay
tolerant (`bot.repo.stories.state_of_tenant`); these types say what is written now.
"""

from __future__ import annotations

from typing import Any, NotRequired, TypedDict

from bot.models import CasualtyCause, CasualtyKind, CeasefireStatus, EventType, Qualifier, Severity


class FeedSpecJSON(TypedDict, total=False):
    """`feeds.spec`: a `bot.ingest.feeds.FeedSpec` as stored (`FeedSpec.model_validate` reads it back).

    `bot.repo.feeds.spec_to_dict` writes every key; a row made without a spec holds `{}` (the column default).
    """

    name: str
    url: str
    interval: int
    jitter: int
    enabled: bool
    backfill: int
    fulltext: bool
    outlet: str | None


class EventConditionJSON(TypedDict):
    """One event a stored rule asks for (`bot.detect.rules.EventCondition`, defaults left out)."""

    type: EventType
    statuses: NotRequired[list[CeasefireStatus]]
    min_count: NotRequired[int]
    kinds: NotRequired[list[CasualtyKind]]
    include_background: NotRequired[bool]
    causes: NotRequired[list[CasualtyCause]]


# A rule as a user wrote it (`--spec` YAML, an imported rules file, the console's form) before
# `bot.repo.rules.check_rule` validates it: any keys, any values, until it becomes a RuleSpecJSON.
RawRuleSpec = dict[str, Any]


class RuleSpecJSON(TypedDict, total=False):
    """`rules.spec`, the states in `rule_audit.before`/`after`, and a rule in Reply.data: a validated
    `bot.detect.rules.RuleSpec` as `bot.repo.rules.spec_dict` writes it (defaults left out, so readable as
    YAML; an event asking for its type alone is written as the bare type, `talks`). The audit's states and
    `watch show` carry `enabled` too; `RuleSpec.model_validate` reads any of them back.

    What a user writes (`--spec`, an imported rules file, the console's form) is not this type until it
    has been validated: until then it is a plain mapping.
    """

    name: str
    description: str
    query: str
    events: list[EventType | EventConditionJSON]
    people: list[str]
    places: list[str]
    exclude: list[str]
    regex: str
    relevant: bool | float
    relation: bool
    severity: Severity
    enabled: bool


class CasualtyJSON(TypedDict):
    """A `bot.models.Casualty` as stored (`dataclasses.asdict`)."""

    count: int
    qualifier: Qualifier
    kind: CasualtyKind
    who: str | None
    current: bool
    evidence: str
    cause: CasualtyCause | None


class MatchJSON(TypedDict):
    """A `bot.models.RuleMatch` as stored (`RuleMatch.from_dict` reads it back)."""

    rule: str
    reason: str
    severity: Severity
    articles: list[str]  # article ids


class EventJSON(TypedDict):
    """A `bot.models.Event` as stored (`dataclasses.asdict`)."""

    type: EventType
    status: str | None
    evidence: str
    cue: str


class PersonJSON(TypedDict):
    """A `bot.models.Person` as stored (`dataclasses.asdict`)."""

    name: str
    title: str | None
    country: str | None
    evidence: str


class RelevanceJSON(TypedDict):
    """A `bot.models.Relevance` as stored: the score, the bar and the terms that decided it."""

    score: float
    threshold: float
    terms: list[tuple[str, float]]  # JSON gives [term, weight] lists back


class TypeVerdictJSON(TypedDict):
    """A `bot.models.TypeVerdict` as stored."""

    type: str
    added: bool
    score: float
    threshold: float
    terms: list[tuple[str, float]]  # JSON gives [term, weight] lists back


class DetectionJSON(TypedDict, total=False):
    """`articles.detection`: a `bot.models.Detection` as `bot.codec.detection_to_dict` writes it (every key).

    Rows of older versions may lack keys (the column default is `{}`); `detection_from_dict` reads what is
    there, and readers of many rows at once (`bot.repo.stories.build_view`) skip entries of the wrong shape.
    """

    events: list[EventJSON]
    casualties: list[CasualtyJSON]
    people: list[PersonJSON]
    countries: list[str]
    regions: list[str]
    matches: list[MatchJSON]
    language: str
    relevance: RelevanceJSON | None
    typed: list[TypeVerdictJSON]


class SourceJSON(TypedDict, total=False):
    """A `bot.models.Source` as stored, its time as ISO text."""

    article_id: str
    title: str
    url: str
    outlet: str
    published: str | None
    dated: str
    why: str
    language: str


class SummaryJSON(TypedDict, total=False):
    """A `bot.models.Summary` as `bot.codec.summary_to_dict` writes it (a test alert's sample, a digest's
    summaries); `summary_from_dict` needs `story_id` and `headline`."""

    story_id: str
    headline: str
    sentences: list[str]
    sources: list[SourceJSON]
    ceasefire: str | None
    casualty: CasualtyJSON | None
    people: list[str]
    countries: list[str]
    matches: list[MatchJSON]
    severity: Severity
    topic: str | None
    language: str


class TenantStoryState(TypedDict):
    """What the pipeline last summarised of a story from one tenant's own sources."""

    headline: str
    ceasefire: str | None
    casualty: CasualtyJSON | None
    people: list[str]
    countries: list[str]
    sources: list[str]  # article ids
    rules: list[str]


class StoryState(TypedDict, total=False):
    """`stories.state`: each tenant's view of the story under its own key (empty for a new story)."""

    by_tenant: dict[str, TenantStoryState]


class AlertShown(TypedDict, total=False):
    """`alerts.shown`: the facts the alert showed (`bot.alerts.queue.shown_state`, kept to tell a material
    change later), the rule matches it was sent for, whether it rode in a batch, and the tenant whose
    subscription made it. Rows of older versions may lack any key (and hold `{}` at worst)."""

    sources: list[str]  # article ids
    ceasefire: str | None
    casualty: int | None
    casualty_kind: CasualtyKind | None
    casualty_qualifier: Qualifier | None
    people: list[str]
    matches: list[MatchJSON]
    batched: bool
    tenant: str


class DeliveryPayload(TypedDict, total=False):
    """`deliveries.payload`: what a delivery needs beyond its kind and channel, by kind.

    post / edit / batch: `story_id` (the outbox builds the story's summary when it sends); followup: also
    `change` (what changed, said under the first message); notice: `text`; digest: `title`, `rule`, `mode`,
    `tenant`, `subscription_id`, `period` (ISO start and end), `summaries`; `test-alert`'s post: `sample`
    (a summary that carries itself). `batch_of`: the row whose message this one rides in while it is sent.
    """

    story_id: str
    change: str
    text: str
    sample: SummaryJSON
    title: str
    rule: str
    mode: str
    tenant: str
    subscription_id: int
    period: list[str]
    summaries: list[SummaryJSON]
    batch_of: int


class KeyValueJSON(TypedDict, total=False):
    """`kv.value`: state kept under a key. `feeds_seeded:TENANT` holds `names`, the feeds seeded from the feeds
    file so far (`bot.repo.feeds.seed_feeds`: a feed an admin removed is not seeded again)."""

    names: list[str]
