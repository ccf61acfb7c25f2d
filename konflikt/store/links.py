"""Links between reports, kept beside the events and never written into them.

Tables: `duplicate_groups` (article -> near-duplicate group), `canonical_links` (event ->
canonical occurrence, with the explanation of the merge), `detached_events` (events an analyst
took out of their occurrence; they stay alone until re-attached), `minhash_signatures` (each
article's MinHash, so linking signs only new articles) and `changes`, the change feed: one row
per addition, merge, unmerge and retraction, with a monotonically increasing `seq` and a UTC
timestamp, so downstream users can ask for everything after what they last saw.

`link_store(store)` recomputes groups and occurrences from the stored articles (their stored
signatures) and events and records the differences as changes; running it twice in a row
records nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import DateTime, Float, Integer, LargeBinary, String, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from konflikt.errors import StoreError
from konflikt.model import Article, Event
from konflikt.store.schema import ArticleRow, Base, EventRow, input_text, utcnow

if TYPE_CHECKING:
    from konflikt.link.duplicates import Grouping
    from konflikt.link.ledger import Ledger
    from konflikt.store.store import Store

CHANGE_KINDS: tuple[str, ...] = ("added", "merged", "unmerged", "retracted")


class DuplicateGroupRow(Base):
    __tablename__ = "duplicate_groups"

    article_id: Mapped[str] = mapped_column(input_text(512), primary_key=True)
    group_id: Mapped[str] = mapped_column(input_text(512), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)  # to the copy that joined it
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class MinHashSignatureRow(Base):
    """An article's MinHash (`konflikt.link.duplicates`), valid for the article's content and the
    shingle size and permutation count it was made with; any of them changed, it is made again."""

    __tablename__ = "minhash_signatures"

    article_id: Mapped[str] = mapped_column(input_text(512), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    shingle_size: Mapped[int] = mapped_column(Integer)
    num_perm: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class CanonicalLinkRow(Base):
    """No foreign key to `events`: when an event disappears its link must stay long enough
    for the next linking to record the retraction."""

    __tablename__ = "canonical_links"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    canonical_id: Mapped[str] = mapped_column(String(64), index=True)
    score: Mapped[float | None] = mapped_column(Float)
    explanation: Mapped[dict[str, Any] | None]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DetachedEventRow(Base):
    __tablename__ = "detached_events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ChangeRow(Base):
    __tablename__ = "changes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    canonical_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any] | None]


@dataclass(slots=True)
class Change:
    seq: int
    at: str  # ISO 8601 UTC
    kind: str
    event_id: str
    canonical_id: str | None
    detail: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "at": self.at, "kind": self.kind, "event_id": self.event_id,
            "canonical_id": self.canonical_id, "detail": self.detail,
        }  # fmt: skip


@dataclass(slots=True)
class LinkSummary:
    groups: int = 0  # duplicate groups with more than one article
    occurrences: int = 0  # canonical events with more than one report
    changes: Counter[str] = field(default_factory=Counter)


@contextmanager
def _session(store: Store) -> Iterator[Session]:
    session = Session(store.engine, expire_on_commit=False)
    try:
        with session.begin():
            yield session
    except SQLAlchemyError as exc:
        raise StoreError(f"database error while linking: {exc}", origin=store.display_url) from None
    finally:
        session.close()


def _stored_articles(session: Session) -> list[Article]:
    stmt = select(ArticleRow).order_by(ArticleRow.created_at, ArticleRow.id)
    return [
        Article(id=r.id, text=r.text, title=r.title, published=r.published, source=r.source,
                lang=r.lang, body_start=r.body_start)
        for r in session.scalars(stmt)
    ]  # fmt: skip


def _stored_events(session: Session) -> list[Event]:
    """Events in stored order: article by article, in text order within one."""
    stmt = (
        select(EventRow.data)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .order_by(ArticleRow.created_at, ArticleRow.id, EventRow.evidence_start, EventRow.id)
    )
    return [Event.from_dict(data) for data in session.scalars(stmt)]


def link_store(store: Store) -> LinkSummary:
    """Recompute duplicate groups and canonical events; record what changed in the feed."""
    from konflikt.link.merge import merge_events

    summary = LinkSummary()
    with _session(store) as session:
        articles = _stored_articles(session)
        grouping = _group_with_stored_signatures(session, articles)
        similarity = {p.second: p.similarity for p in grouping.pairs}
        # Only what changed is written: on a large store most groups stay as they were.
        stored_groups = {r.article_id: r for r in session.scalars(select(DuplicateGroupRow))}
        for article_id, group in grouping.group_of.items():
            row = stored_groups.pop(article_id, None)
            if row is None:
                session.add(DuplicateGroupRow(
                    article_id=article_id, group_id=group, similarity=similarity.get(article_id)
                ))  # fmt: skip
            elif (row.group_id, row.similarity) != (group, similarity.get(article_id)):
                row.group_id, row.similarity = group, similarity.get(article_id)
                row.updated_at = utcnow()
        for row in stored_groups.values():  # articles no longer stored
            session.delete(row)
        summary.groups = sum(1 for n in Counter(grouping.group_of.values()).values() if n > 1)

        events = _stored_events(session)
        detached = set(session.scalars(select(DetachedEventRow.event_id)))
        published = {a.id: a.published for a in articles}
        clustering = merge_events(events, detached=detached, published=published)
        sizes = Counter(clustering.canonical_of.values())
        summary.occurrences = sum(1 for n in sizes.values() if n > 1)
        previous = {row.event_id: row for row in session.scalars(select(CanonicalLinkRow))}

        def record(kind: str, event_id: str, canonical: str | None, detail: Any = None) -> None:
            session.add(ChangeRow(
                kind=kind, event_id=event_id, canonical_id=canonical, detail=detail
            ))  # fmt: skip
            summary.changes[kind] += 1

        for event_id, canonical in clustering.canonical_of.items():
            pair = clustering.joined_by.get(event_id)
            explanation = pair.explanation() if pair else None
            row = previous.pop(event_id, None)
            if row is None:
                record("added", event_id, canonical)
                if pair is not None:  # it joined an occurrence reported before
                    record("merged", event_id, canonical, explanation)
                session.add(CanonicalLinkRow(
                    event_id=event_id, canonical_id=canonical,
                    score=pair.score if pair else None, explanation=explanation,
                ))  # fmt: skip
                continue
            if row.canonical_id != canonical:
                kind = "merged" if sizes[canonical] > 1 else "unmerged"
                record(kind, event_id, canonical, explanation or {"from": row.canonical_id})
                row.updated_at = utcnow()
            row.canonical_id = canonical
            row.score = pair.score if pair else None
            row.explanation = explanation
        for event_id, row in previous.items():  # links whose event is gone
            record("retracted", event_id, row.canonical_id)
            session.delete(row)
    return summary


def _group_with_stored_signatures(session: Session, articles: list[Article]) -> Grouping:
    """Duplicate groups from the stored signatures; new or changed articles are signed and
    their signatures stored, those of articles no longer stored are dropped."""
    from konflikt.link.config import load_config
    from konflikt.link.duplicates import from_bytes, group_articles, to_bytes

    config = load_config().duplicates
    content_hash = dict(session.execute(select(ArticleRow.id, ArticleRow.content_hash)).all())
    rows = {row.article_id: row for row in session.scalars(select(MinHashSignatureRow))}
    valid = {}
    for article_id, row in rows.items():
        if (row.content_hash == content_hash.get(article_id)
                and (row.shingle_size, row.num_perm) == (config.shingle_size, config.num_perm)
                and (sketch := from_bytes(row.signature)) is not None):  # fmt: skip
            valid[article_id] = sketch
    grouping = group_articles(articles, config, signatures=valid)
    for article_id, sketch in grouping.signed.items():
        row = rows.get(article_id)
        if row is None:
            row = MinHashSignatureRow(article_id=article_id)
            session.add(row)
        row.content_hash = content_hash[article_id]
        row.shingle_size, row.num_perm = config.shingle_size, config.num_perm
        row.signature = to_bytes(sketch)
    gone = [article_id for article_id in rows if article_id not in content_hash]
    if gone:
        session.execute(
            delete(MinHashSignatureRow).where(MinHashSignatureRow.article_id.in_(gone))
        )  # fmt: skip
    return grouping


def detach(store: Store, event_id: str) -> LinkSummary:
    """Undo a merge: the event becomes its own occurrence and stays so until `reattach`."""
    with _session(store) as session:
        if session.get(EventRow, event_id) is None:
            raise StoreError("no stored event with this id", origin=event_id)
        if session.get(DetachedEventRow, event_id) is None:
            session.add(DetachedEventRow(event_id=event_id))
    return link_store(store)


def reattach(store: Store, event_id: str) -> LinkSummary:
    """Let a detached event merge again by the configured rules."""
    with _session(store) as session:
        row = session.get(DetachedEventRow, event_id)
        if row is None:
            raise StoreError("this event was not detached", origin=event_id)
        session.delete(row)
    return link_store(store)


def canonical_ids(store: Store) -> dict[str, str]:
    with _session(store) as session:
        stmt = select(CanonicalLinkRow.event_id, CanonicalLinkRow.canonical_id)
        return {event_id: canonical for event_id, canonical in session.execute(stmt)}


def explanation(store: Store, event_id: str) -> dict[str, Any] | None:
    """Why an event belongs to its occurrence: the merge it came in by, field by field."""
    with _session(store) as session:
        row = session.get(CanonicalLinkRow, event_id)
        if row is None:
            return None
        return {"canonical_id": row.canonical_id, "score": row.score, "merge": row.explanation}


def article_groups(store: Store) -> list[tuple[Article, str | None, float | None]]:
    """Every stored article with its duplicate group (None before the first linking)."""
    with _session(store) as session:
        groups = {r.article_id: r for r in session.scalars(select(DuplicateGroupRow))}
        out = []
        for article in _stored_articles(session):
            row = groups.get(article.id)
            out.append((article, row.group_id if row else None, row.similarity if row else None))
        return out


def parse_since(value: str) -> int | datetime:
    """`since` as the CLI and the API take it: a sequence number (changes after it) or an ISO
    8601 time (changes at or after it; UTC when no zone is given). ValueError otherwise."""
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is neither a sequence number nor an ISO time (2026-11-23T16:00:00)"
        ) from None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def changes(store: Store, since: int | datetime | None = None, limit: int | None = None
            ) -> list[Change]:
    """The change feed after sequence number `since` (exclusive) or from a time (inclusive)."""
    stmt = select(ChangeRow).order_by(ChangeRow.seq)
    if isinstance(since, datetime):
        # In UTC: SQLite keeps the times as naive UTC text and would ignore another zone.
        when = since.astimezone(UTC) if since.tzinfo else since.replace(tzinfo=UTC)
        stmt = stmt.where(ChangeRow.at >= when)
    elif since is not None:
        stmt = stmt.where(ChangeRow.seq > since)
    if limit is not None:
        stmt = stmt.limit(limit)
    with _session(store) as session:
        return [
            Change(seq=r.seq, at=_iso(r.at), kind=r.kind, event_id=r.event_id,
                   canonical_id=r.canonical_id, detail=r.detail)
            for r in session.scalars(stmt)
        ]  # fmt: skip


def _iso(value: datetime) -> str:
    # SQLite hands back naive datetimes; they were written in UTC.
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat(timespec="seconds")


def ledger(store: Store, canonical: str) -> Ledger | None:
    """The claims ledger of one occurrence, with the denials that point into it."""
    from konflikt.link.ledger import build_ledger, find_denials

    with _session(store) as session:
        links = dict(session.execute(
            select(CanonicalLinkRow.event_id, CanonicalLinkRow.canonical_id)
        ).all())  # fmt: skip
        members = {e for e, c in links.items() if c == canonical}
        if not members:
            return None
        # A denial may point into this occurrence from anywhere, and a denial in it may point
        # anywhere: the ledger reads every stored report (a per-request view; a store too
        # large for that would index denials at link time instead).
        stmt = (
            select(EventRow.data)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .order_by(ArticleRow.created_at, ArticleRow.id, EventRow.evidence_start)
        )
        pool = [Event.from_dict(data) for data in session.scalars(stmt)]
    denials = find_denials(pool, links)
    return build_ledger(canonical, [ev for ev in pool if ev.id in members], denials)
