"""The database tables, as a typed SQLAlchemy 2 ORM.

Designed for what comes after the first release: events keep their content-derived id
(`Event.id`) as primary key so analyst reviews and merges can point at them across re-runs; every
row has a `created_at` for a change feed; the full event is kept as JSON (JSONB on PostgreSQL) so
nothing the extractor produced is lost, while the columns that are filtered on (date, type,
country, actor) are copied out and indexed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeEngine

# One JSON type for both back ends: plain JSON text on SQLite, indexable JSONB on PostgreSQL.
JSONType = JSON().with_variant(JSONB(), "postgresql")


def input_text(length: int) -> TypeEngine[str]:
    """A string whose length the input decides (ids, outlets, paths, spans, names): TEXT on
    PostgreSQL, which enforces VARCHAR lengths, and VARCHAR(length) on SQLite, which never did
    (so existing SQLite files need no table rebuild). Revision 0003 widened these columns."""
    return String(length).with_variant(Text(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSONType}


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(input_text(512), primary_key=True)
    # The idempotency key: the same text and date read twice (from any path) is stored once.
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)  # YYYY-MM[-DD]
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(input_text(200))  # the outlet
    lang: Mapped[str | None] = mapped_column(String(8))
    origin: Mapped[str | None] = mapped_column(Text)
    body_start: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    events: Mapped[list[EventRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    entities: Mapped[list[EntityRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="EntityRow.start_char"
    )


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_type_date", "event_type", "date_start"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # Event.id
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    event_type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(32))
    stance: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    country: Mapped[str | None] = mapped_column(String(2), index=True)  # ISO alpha-2
    location_name: Mapped[str | None] = mapped_column(input_text(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[str | None] = mapped_column(String(8))
    actor_name: Mapped[str | None] = mapped_column(input_text(300), index=True)
    actor_text: Mapped[str | None] = mapped_column(Text)
    recipient_name: Mapped[str | None] = mapped_column(input_text(300))
    source_name: Mapped[str | None] = mapped_column(input_text(300))
    evidence: Mapped[str] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]]  # Event.to_dict(): the record itself, the columns are copies
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    article: Mapped[ArticleRow] = relationship(back_populates="events")
    mentions: Mapped[list[MentionRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    sources: Mapped[list[SourceRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class MentionRow(Base):
    """One span behind one field of an event: who/whom/where/when/how many/who says."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # actor recipient location date quantity source
    text: Mapped[str | None] = mapped_column(Text)  # None for a party the sentence only implies
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(input_text(300), index=True)  # canonical, if resolved


class SourceRow(Base):
    """Who claims an event, one row per channel it came through (or one row with no channel)."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(input_text(300), index=True)
    text: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str | None] = mapped_column(input_text(200), index=True)


class EntityRow(Base):
    """One named entity of an article's parse (NorNE label), for marking it in the article view."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)


class InputErrorRow(Base):
    __tablename__ = "input_errors"
    __table_args__ = (UniqueConstraint("origin", "reason", name="uq_input_errors_origin_reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(input_text(1000))
    reason: Mapped[str] = mapped_column(input_text(300))
    detail: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
