"""The database schema (SQLAlchemy 2 ORM); the same tables run on SQLite and PostgreSQL.

Migrations in `bot/storage/migrations/` are the source of truth for the live schema; these
mapped classes must match them (a test compares the two).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from bot.models import AlertKind
from bot.storage.shapes import (
    AlertShown,
    DeliveryPayload,
    DetectionJSON,
    FeedSpecJSON,
    KeyValueJSON,
    RuleSpecJSON,
    StoryState,
)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both SQLite (which drops tzinfo) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use timezone-aware UTC")
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:

        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base for every table."""

    type_annotation_map = {datetime: UTCDateTime()}


class Feed(Base):
    """A source polled on a schedule: an http(s) feed, a local feed file or a folder of articles."""

    __tablename__ = "feeds"
    __table_args__ = (UniqueConstraint("tenant", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant: Mapped[str] = mapped_column(String(200), default="local")
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    spec: Mapped[FeedSpecJSON] = mapped_column(JSON, default=dict)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    etag: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_modified: Mapped[str | None] = mapped_column(Text, nullable=True)
    body_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    primed: Mapped[bool] = mapped_column(Boolean, default=False)
    last_poll: Mapped[datetime | None] = mapped_column(nullable=True)
    last_success: Mapped[datetime | None] = mapped_column(nullable=True)
    last_error_kind: Mapped[str | None] = mapped_column(String(64), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_warning: Mapped[str | None] = mapped_column(Text, nullable=True)  # what the last good poll left out
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    next_poll_at: Mapped[datetime | None] = mapped_column(nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime]


class Story(Base):
    """A real-world event told by one or more articles across outlets."""

    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    headline: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    state: Mapped[StoryState] = mapped_column(JSON, default=dict)


def _event_default(context: Any) -> datetime | None:
    # A row written without an event time (older code paths, tests) is dated by its publication or fetch time.
    params = context.get_current_parameters()
    event_at: datetime | None = params.get("published") or params.get("seen_at")
    return event_at


def _dated_default(context: Any) -> str:
    return "published" if context.get_current_parameters().get("published") else "fetched"


class ArticleRow(Base):
    """An ingested article with its detection; one row per canonical article across feeds."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_seen", "seen_at"),
        Index("ix_articles_story", "story_id"),
        Index("ix_articles_event", "event_at"),
        Index("ix_articles_split", "split_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    guid: Mapped[str | None] = mapped_column(Text, nullable=True)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str] = mapped_column(String(300))
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"), nullable=True)
    published: Mapped[datetime | None] = mapped_column(nullable=True)
    seen_at: Mapped[datetime]
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    story_id: Mapped[str | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), nullable=True)
    detection: Mapped[DetectionJSON] = mapped_column(JSON, default=dict)
    search_text: Mapped[str] = mapped_column(Text, default="")
    # When the event happened (`bot.stories.cluster.event_time`): what `brief --since`, digests and "is it news" use.
    event_at: Mapped[datetime] = mapped_column(default=_event_default)
    dated: Mapped[str] = mapped_column(String(10), default=_dated_default)  # published | text | address | fetched
    # An admin split it out of the story `split_from` at `split_at` (`story split`): clustering never folds it back.
    split_from: Mapped[str | None] = mapped_column(String(40), nullable=True)
    split_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SeenItem(Base):
    """A feed item key already seen, so reposts and edited items never alert twice."""

    __tablename__ = "seen_items"
    __table_args__ = (Index("ix_seen_items_article", "article_id"),)  # which tenants saw an article

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    item_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    article_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    seen_at: Mapped[datetime]


class Rule(Base):
    """A watch rule of one tenant; `spec` is its validated RuleSpec as stored (`RuleSpecJSON`)."""

    __tablename__ = "rules"
    __table_args__ = (UniqueConstraint("tenant", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant: Mapped[str] = mapped_column(String(200), default="local")
    name: Mapped[str] = mapped_column(String(200))
    spec: Mapped[RuleSpecJSON] = mapped_column(JSON)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RuleAudit(Base):
    """Who changed which rule when, with the spec before and after."""

    __tablename__ = "rule_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant: Mapped[str] = mapped_column(String(200))
    rule: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime]
    before: Mapped[RuleSpecJSON | None] = mapped_column(JSON, nullable=True)
    after: Mapped[RuleSpecJSON | None] = mapped_column(JSON, nullable=True)


class Subscription(Base):
    """A channel's subscription to a rule: immediate alerts or a digest."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("tenant", "channel", "rule"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant: Mapped[str] = mapped_column(String(200), default="local")
    channel: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(20), default="immediate")
    at: Mapped[str | None] = mapped_column(String(5), nullable=True)
    tz: Mapped[str | None] = mapped_column(String(64), nullable=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    paused_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime]
    last_digest_at: Mapped[datetime | None] = mapped_column(nullable=True)


class AlertRow(Base):
    """One story's alert in one channel: the posted message and what it last showed."""

    __tablename__ = "alerts"
    __table_args__ = (UniqueConstraint("story_id", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(Text)
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="SET NULL"), nullable=True
    )
    message_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    shown: Mapped[AlertShown] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]


class Delivery(Base):
    """The outbox: one send, edit or follow-up for one channel, written with the change that caused it."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"), nullable=True)
    channel: Mapped[str] = mapped_column(Text)
    kind: Mapped[AlertKind] = mapped_column(String(20))  # the kind of Alert it sends
    payload: Mapped[DeliveryPayload] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    message_id: Mapped[str | None] = mapped_column(Text, nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(100), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    first_seen: Mapped[datetime | None] = mapped_column(nullable=True)


class Mute(Base):
    """A story muted in a channel."""

    __tablename__ = "mutes"

    channel: Mapped[str] = mapped_column(String(400), primary_key=True)
    story_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tenant: Mapped[str] = mapped_column(String(200), default="local")
    created_at: Mapped[datetime]


class Notice(Base):
    """A problem shown to admins once: a paused feed, a paused subscription, a broken rule."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("tenant", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tenant: Mapped[str] = mapped_column(String(200), default="local")
    key: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Setting(Base):
    """Small key/value state (the feeds seeded for each tenant)."""

    __tablename__ = "kv"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[KeyValueJSON] = mapped_column(JSON)
