"""Analyst reviews of machine-coded events: confirm, correct or reject, never overwrite.

A review is one row: which event, what the analyst did, the corrected fields (in the shape of
`Event.to_dict()`), who and when. The machine event in `events` is never touched; the *effective*
event is the machine event with the latest review applied (a later review supersedes an earlier
one, all are kept for the history).

Reviews point at the event's content-derived id without a foreign key, so that re-extracting an
article (which deletes and re-adds its events under the same ids) does not delete what analysts
did. A review whose event no longer exists is simply not used.

`reviewed_gold(store)` turns fully reviewed articles into a gold set in the coding manual's §5
format, so `konflikt eval` can score against analysts' judgements.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import DateTime, Engine, Integer, String, Text, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from konflikt.errors import StoreError
from konflikt.model import Article, Event
from konflikt.store.schema import ArticleRow, Base, EventRow, input_text, utcnow
from konflikt.store.store import Store

Action = Literal["confirm", "correct", "reject"]
ACTIONS: tuple[str, ...] = ("confirm", "correct", "reject")
# The fields an analyst may correct, named as in `Event.to_dict()`.
CORRECTABLE: tuple[str, ...] = (
    "event_type", "mode", "actor", "recipient", "location", "date", "quantities", "source",
    "stance",
)  # fmt: skip


_READY: weakref.WeakSet[Engine] = weakref.WeakSet()


class ReviewRow(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(64), index=True)  # Event.id, no FK (see above)
    action: Mapped[str] = mapped_column(String(8))
    fields: Mapped[dict[str, Any]]  # corrected fields only; {} for confirm and reject
    reviewer: Mapped[str] = mapped_column(input_text(100))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(slots=True)
class Review:
    id: int
    event_id: str
    action: str
    reviewer: str
    created_at: str  # ISO 8601, UTC
    fields: dict[str, Any] = field(default_factory=dict)
    comment: str | None = None


def ensure_tables(store: Store) -> None:
    """Create the reviews table when the store was opened before this module was imported."""
    if store.engine in _READY:  # checked once per engine, not on every request
        return
    try:
        ReviewRow.__table__.create(store.engine, checkfirst=True)  # type: ignore[attr-defined]
        _READY.add(store.engine)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot create the reviews table: {exc}", origin=store.display_url
        ) from None


def add_review(
    store: Store,
    event_id: str,
    action: str,
    reviewer: str,
    *,
    fields: dict[str, Any] | None = None,
    comment: str | None = None,
) -> Review:
    """Store one review of an existing event; raises KeyError for an unknown event and
    ValueError for an unknown action or field, or a correction that does not make an event."""
    if action not in ACTIONS:
        raise ValueError(f"unknown review action {action!r}; use one of {', '.join(ACTIONS)}")
    fields = dict(fields or {})
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown:
        raise ValueError(f"cannot correct {', '.join(unknown)}; use {', '.join(CORRECTABLE)}")
    if action == "correct" and not fields:
        raise ValueError("a correction needs at least one corrected field")
    if action != "correct" and fields:
        raise ValueError(f"a {action} carries no corrected fields")
    if not reviewer.strip():
        raise ValueError("a review needs a reviewer")
    ensure_tables(store)
    try:
        with Session(store.engine) as session, session.begin():
            data = session.scalar(select(EventRow.data).where(EventRow.id == event_id))
            if data is None:
                raise KeyError(event_id)
            if fields:
                apply_fields(Event.from_dict(data), fields)  # a correction must make an event
            row = ReviewRow(
                event_id=event_id, action=action, fields=fields, reviewer=reviewer.strip(),
                comment=comment, created_at=utcnow(),
            )  # fmt: skip
            session.add(row)
            session.flush()
            return _review(row)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot store the review: {exc}", origin=store.display_url) from None


def reviews_for(store: Store, event_ids: Iterable[str]) -> dict[str, list[Review]]:
    """Reviews of these events, oldest first, keyed by event id (events without reviews absent)."""
    ids = list(dict.fromkeys(event_ids))
    out: dict[str, list[Review]] = defaultdict(list)
    if not ids:
        return {}
    ensure_tables(store)
    with Session(store.engine) as session:
        # Chunked: SQLite allows a limited number of bound parameters per statement.
        for i in range(0, len(ids), 500):
            stmt = (
                select(ReviewRow)
                .where(ReviewRow.event_id.in_(ids[i : i + 500]))
                .order_by(ReviewRow.created_at, ReviewRow.id)
            )
            for row in session.scalars(stmt):
                out[row.event_id].append(_review(row))
    return dict(out)


def apply_fields(event: Event, fields: dict[str, Any]) -> Event:
    """The event with corrected fields put in place of the machine's (a new object)."""
    data = event.to_dict()
    data.pop("id", None)
    data.update(fields)
    try:
        return Event.from_dict(data)
    except (TypeError, KeyError) as exc:
        raise ValueError(f"the corrected fields do not make an event: {exc}") from None


def effective(event: Event, reviews: list[Review]) -> Event | None:
    """What the analysts say the event is: the latest review applied; None when rejected."""
    if not reviews:
        return event
    latest = reviews[-1]
    if latest.action == "reject":
        return None
    if latest.action == "correct":
        return apply_fields(event, latest.fields)
    return event


def status(reviews: list[Review] | None) -> str | None:
    """The latest action on an event (confirm, correct, reject), or None when unreviewed."""
    return reviews[-1].action if reviews else None


def reviewed_gold(store: Store) -> tuple[list[Article], list[dict[str, Any]]]:
    """Articles whose every event has been reviewed, and their effective events as gold.

    Only complete articles are used: an article with an unreviewed event would make that event
    count as a false positive in `score()`. Rejected events are left out; gold events carry
    `article_id` and `optional: false`, as in `data/gold/*/events.jsonl`. Events the machine
    missed cannot be added by review yet, so recall against this gold is an upper bound.
    """
    ensure_tables(store)
    with Session(store.engine) as session:
        reviewed_ids = set(session.scalars(select(ReviewRow.event_id).distinct()))
        if not reviewed_ids:
            return [], []
        per_article: dict[str, list[Event]] = defaultdict(list)
        for article_id, data in session.execute(
            select(EventRow.article_id, EventRow.data).order_by(
                EventRow.article_id, EventRow.evidence_start, EventRow.id
            )
        ):
            per_article[article_id].append(Event.from_dict(data))
        complete = [
            aid for aid, evs in per_article.items() if all(e.id in reviewed_ids for e in evs)
        ]
        rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(complete)))
        articles = sorted((_article(row) for row in rows), key=lambda a: a.id)
    reviews = reviews_for(store, (e.id for aid in complete for e in per_article[aid]))
    gold: list[dict[str, Any]] = []
    for article in articles:
        for event in per_article[article.id]:
            kept = effective(event, reviews.get(event.id, []))
            if kept is not None:
                record = kept.to_dict()
                record["article_id"] = article.id
                record["optional"] = False
                gold.append(record)
    return articles, gold


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id, text=row.text, title=row.title, published=row.published, url=row.url,
        source=row.source, lang=row.lang, origin=row.origin, body_start=row.body_start,
    )  # fmt: skip


def _review(row: ReviewRow) -> Review:
    return Review(
        id=row.id, event_id=row.event_id, action=row.action, reviewer=row.reviewer,
        created_at=row.created_at.isoformat(), fields=dict(row.fields or {}),
        comment=row.comment,
    )  # fmt: skip
