"""`Store`: keeps articles, events, their mentions and sources, and rejected inputs.

Any SQLAlchemy URL works; the default is an SQLite file in the working directory
(`sqlite:///konflikt.sqlite`, overridden by the environment variable `KONFLIKT_DB`). Writing is
idempotent: an article is keyed by its content hash, so the same input run twice adds nothing, and
a rejected input is keyed by origin and reason.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from konflikt.errors import StoreError
from konflikt.model import Article, EntitySpan, Event, InputProblem, Party
from konflikt.store import migrate
from konflikt.store.links import CanonicalLinkRow, LinkSummary, link_store
from konflikt.store.migrate import UnknownRevisionError
from konflikt.store.query import EventQuery
from konflikt.store.schema import (
    ArticleRow,
    Base,
    EntityRow,
    EventRow,
    InputErrorRow,
    MentionRow,
    SourceRow,
)

if TYPE_CHECKING:
    from konflikt.pipeline import ArticleResult

DEFAULT_URL = "sqlite:///konflikt.sqlite"
# Rows fetched per round trip when streaming events: memory stays flat on large exports.
EXPORT_BATCH = 500


def default_url() -> str:
    """The database URL to use when none is given: `$KONFLIKT_DB`, else an SQLite file here."""
    return os.environ.get("KONFLIKT_DB") or DEFAULT_URL


class Store:
    """A konflikt database. `Store(url)` opens it and brings its schema to the newest Alembic
    revision (konflikt.store.migrate), creating the tables of a new database.

    With `create=False` an SQLite file that does not exist is an error instead of being created,
    for commands that only read. With `upgrade=False` the schema is left as it is (for
    `konflikt db`, which reports and upgrades it itself).
    """

    def __init__(
        self, url: str | None = None, *, create: bool = True, upgrade: bool = True
    ) -> None:
        self.url = url or default_url()
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise StoreError(
                "not a database URL; write e.g. sqlite:///konflikt.sqlite or "
                "postgresql+psycopg://user@host/db",
                origin=self.url,
            ) from None
        shown = parsed.render_as_string(hide_password=True)
        self._prepare_sqlite_file(parsed.get_backend_name(), parsed.database, shown, create)
        try:
            self.engine: Engine = create_engine(parsed)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise StoreError(f"cannot use this database URL: {exc}", origin=shown) from None
        if parsed.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", _sqlite_on_connect)
        try:
            if upgrade:
                migrate.upgrade(self.engine)
            else:  # still check that the database can be reached
                migrate.current_revision(self.engine)
        except UnknownRevisionError as exc:
            self.engine.dispose()
            raise StoreError(str(exc), origin=shown) from None
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open the database: {_reason(exc)}", origin=shown) from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._shown = shown
        # PostgreSQL's text and JSONB cannot hold U+0000 (SQLite can); see _without_nul.
        self._clean: Callable[[Any], Any] = (
            _without_nul if parsed.get_backend_name() == "postgresql" else _as_is
        )

    @staticmethod
    def _prepare_sqlite_file(backend: str, database: str | None, shown: str, create: bool) -> None:
        if backend != "sqlite" or not database or database == ":memory:":
            return
        if database.startswith("file:"):  # URI filenames: leave them to SQLite
            return
        path = Path(database)
        if not create and not path.exists():
            raise StoreError(
                "no database at this path yet; run `konflikt extract` first or check --db",
                origin=shown,
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder for the database: {exc.strerror}", origin=shown
            ) from None

    @property
    def display_url(self) -> str:
        """The URL with any password masked, for messages and summaries."""
        return self._shown

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """One transaction: committed at the end, rolled back on error, errors as StoreError."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except IntegrityError:
            raise
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {_reason(exc)}", origin=self._shown) from None
        finally:
            session.close()

    # --- writing ---

    def add_result(self, result: ArticleResult) -> bool:
        """Store one processed article with its events, in one transaction.

        Returns False when nothing new was stored: the same content is already there, or the
        result carries a problem that was already recorded. A result with a problem stores only
        the problem, never a half-processed article, so that a later run can retry it; when the
        retry works, the recorded problems of that input are removed, so `problems()` lists what
        is still rejected. An article whose id is stored with other content (the file was
        edited) replaces that version.
        """
        if result.problem is not None:
            return self.add_problem(result.problem)
        article = result.article
        if article is None:
            return False
        content_hash = article.content_hash
        try:
            with self._session() as session:
                # This input worked now: earlier failures of it are no longer current.
                origins = [self._clean(o) for o in (article.origin, article.id) if o]
                session.execute(delete(InputErrorRow).where(InputErrorRow.origin.in_(origins)))
                known = select(ArticleRow.id).where(ArticleRow.content_hash == content_hash)
                if session.scalar(known) is not None:
                    return False
                # An edited version replaces the stored one; the database's ON DELETE CASCADE
                # takes its events, mentions, sources and entities with it. Only another
                # content is replaced: a writer racing on this very content (it committed after
                # the check above) keeps its row, and this insert then fails on the id.
                article_id = self._clean(article.id)
                session.execute(delete(ArticleRow).where(
                    ArticleRow.id == article_id, ArticleRow.content_hash != content_hash
                ))  # fmt: skip
                # Core inserts, one statement per table (executemany): the ORM's unit of work
                # cost more than the database on every article. Event ids are content-derived,
                # so mentions and sources need no ids back from the database.
                events = list(_unique_events(result.events, article.id))
                session.execute(
                    insert(ArticleRow), self._clean([_article_values(article, content_hash)])
                )
                rows: list[tuple[type[Base], list[dict[str, Any]]]] = [
                    (EventRow, [_event_values(ev) for ev in events]),
                    (MentionRow, [m for ev in events for m in _mention_values(ev)]),
                    (SourceRow, [src for ev in events for src in _source_values(ev)]),
                    (EntityRow, [_entity_values(article.id, e)
                                 for e in _unique_entities(result.entities)]),
                ]  # fmt: skip
                for table, values in rows:
                    if values:
                        session.execute(insert(table), self._clean(values))
        except IntegrityError:
            # Another writer stored the same content between our check and insert.
            return False
        return True

    def add_problem(self, problem: InputProblem) -> bool:
        """Record a rejected input; False when this origin was already rejected for this reason."""
        problem = self._clean(problem)
        try:
            with self._session() as session:
                known = select(InputErrorRow.id).where(
                    InputErrorRow.origin == problem.origin, InputErrorRow.reason == problem.reason
                )
                if session.scalar(known) is not None:
                    return False
                session.add(
                    InputErrorRow(
                        origin=problem.origin, reason=problem.reason, detail=problem.detail
                    )
                )
        except IntegrityError:
            return False
        return True

    def link(self) -> LinkSummary:
        """Group near-duplicate articles and merge events into occurrences (konflikt.link)."""
        return link_store(self)

    # --- reading ---

    def events(self, query: EventQuery | None = None, /, **filters: Any) -> list[Event]:
        """Stored events matching the filters (see `EventQuery`), ordered by date, then article
        and position; events with no date come last."""
        return list(self.iter_events(query, **filters))

    def iter_events(self, query: EventQuery | None = None, /, **filters: Any) -> Iterator[Event]:
        """As `events()`, but streamed in batches, for exports of a large store."""
        if query is None:
            query = EventQuery(**filters)
        elif filters:
            raise TypeError("give either an EventQuery or keyword filters, not both")
        stmt = (
            select(EventRow.data, CanonicalLinkRow.canonical_id)
            .outerjoin(CanonicalLinkRow, CanonicalLinkRow.event_id == EventRow.id)
            .where(*event_conditions(query))
            .order_by(
                EventRow.date_start.asc().nulls_last(),
                EventRow.article_id,
                EventRow.evidence_start,
                EventRow.id,
            )
            .offset(query.offset)
            .execution_options(yield_per=EXPORT_BATCH)
        )
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        with self._session() as session:
            for data, canonical_id in session.execute(stmt):
                event = Event.from_dict(data)
                event.canonical_id = canonical_id
                yield event

    def articles(self) -> list[Article]:
        stmt = select(ArticleRow).order_by(ArticleRow.created_at, ArticleRow.id)
        with self._session() as session:
            return [
                Article(
                    id=row.id,
                    text=row.text,
                    title=row.title,
                    published=row.published,
                    url=row.url,
                    source=row.source,
                    lang=row.lang,
                    origin=row.origin,
                    body_start=row.body_start,
                )
                for row in session.scalars(stmt)
            ]

    def entities(self, article_id: str) -> list[EntitySpan]:
        """The named entities of a stored article, in text order (empty for an unknown id)."""
        stmt = (
            select(EntityRow)
            .where(EntityRow.article_id == article_id)
            .order_by(EntityRow.start_char, EntityRow.end_char)
        )
        with self._session() as session:
            return [
                EntitySpan(start=r.start_char, end=r.end_char, label=r.label, text=r.text)
                for r in session.scalars(stmt)
            ]

    def problems(self) -> list[InputProblem]:
        stmt = select(InputErrorRow).order_by(InputErrorRow.created_at, InputErrorRow.id)
        with self._session() as session:
            return [
                InputProblem(origin=row.origin, reason=row.reason, detail=row.detail)
                for row in session.scalars(stmt)
            ]

    def counts(self) -> dict[str, Any]:
        """Totals for a summary: articles, events, problems, and events per PLOVER type."""
        by_type = (
            select(EventRow.event_type, func.count())
            .group_by(EventRow.event_type)
            .order_by(EventRow.event_type)
        )
        with self._session() as session:
            return {
                "articles": session.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                "events": session.scalar(select(func.count()).select_from(EventRow)) or 0,
                "problems": session.scalar(select(func.count()).select_from(InputErrorRow)) or 0,
                "event_types": {kind: n for kind, n in session.execute(by_type).all()},
            }


def event_conditions(q: EventQuery) -> list[ColumnElement[bool]]:
    """The WHERE clauses for a query; values are bound parameters, never spliced into SQL."""
    conds: list[ColumnElement[bool]] = []
    if q.event_type:
        conds.append(EventRow.event_type == q.event_type)
    if q.mode:
        conds.append(EventRow.mode == q.mode)
    if q.stance:
        conds.append(EventRow.stance == q.stance)
    if q.country:
        conds.append(EventRow.country == q.country)
    if q.article_id:
        conds.append(EventRow.article_id == q.article_id)
    if q.actor:
        pattern = contains_pattern(q.actor)
        conds.append(
            or_(
                EventRow.actor_name.ilike(pattern, escape="\\"),
                EventRow.actor_text.ilike(pattern, escape="\\"),
            )
        )
    if q.source:
        pattern = contains_pattern(q.source)
        claimed = select(SourceRow.event_id).where(
            or_(
                SourceRow.name.ilike(pattern, escape="\\"),
                SourceRow.text.ilike(pattern, escape="\\"),
                SourceRow.via.ilike(pattern, escape="\\"),
            )
        )
        conds.append(EventRow.id.in_(claimed))
    if q.text:
        conds.append(EventRow.evidence.ilike(contains_pattern(q.text), escape="\\"))
    if isinstance(q.since, date):
        # An event overlaps [since, until] when it ends on or after `since`.
        conds.append(func.coalesce(EventRow.date_end, EventRow.date_start) >= q.since)
    if isinstance(q.until, date):
        conds.append(EventRow.date_start <= q.until)
    return conds


def contains_pattern(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, with LIKE's wildcards escaped (use escape="\\")."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _unique_events(events: Iterable[Event], article_id: str) -> Iterator[Event]:
    """Events tied to this article, each id once (the manual: one occurrence, one event)."""
    seen: set[str] = set()
    for ev in events:
        if ev.article_id != article_id:
            ev = replace(ev, article_id=article_id)
        if ev.id in seen:
            continue
        seen.add(ev.id)
        yield ev


def _unique_entities(entities: Iterable[EntitySpan]) -> Iterator[EntitySpan]:
    """Each span once, whatever the caller passed twice."""
    seen: set[tuple[int, int, str]] = set()
    for ent in entities:
        key = (ent.start, ent.end, ent.label)
        if key not in seen:
            seen.add(key)
            yield ent


def _entity_values(article_id: str, ent: EntitySpan) -> dict[str, Any]:
    return {"article_id": article_id, "start_char": ent.start, "end_char": ent.end,
            "label": ent.label, "text": ent.text}  # fmt: skip


def _article_values(article: Article, content_hash: str) -> dict[str, Any]:
    return {
        "id": article.id, "content_hash": content_hash, "title": article.title,
        "text": article.text, "published": article.published, "url": article.url,
        "source": article.source, "lang": article.lang, "origin": article.origin,
        "body_start": article.body_start,
    }  # fmt: skip


def _event_values(ev: Event) -> dict[str, Any]:
    loc, when = ev.location, ev.date
    return {
        "id": ev.id,
        "article_id": ev.article_id,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "stance": ev.stance,
        "confidence": ev.confidence,
        "date_start": _iso_date(when.start) if when else None,
        "date_end": _iso_date(when.end) if when else None,
        "date_precision": when.precision if when else None,
        "country": (loc.country or None) if loc else None,
        "location_name": (loc.name or loc.text) if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "actor_name": _party_name(ev.actor),
        "actor_text": ev.actor.text if ev.actor else None,
        "recipient_name": _party_name(ev.recipient),
        "source_name": _party_name(ev.source),
        "evidence": ev.evidence.sentence,
        "evidence_start": ev.evidence.start,
        "evidence_end": ev.evidence.end,
        "data": ev.to_dict(),
    }


def _source_values(ev: Event) -> Iterator[dict[str, Any]]:
    """One row per channel the claim came through, or one row with no channel."""
    if ev.source is None:
        return
    name = _party_name(ev.source)
    for via in ev.source.via or [None]:
        yield {"event_id": ev.id, "name": name, "text": ev.source.text, "via": via}


def _mention_values(ev: Event) -> Iterator[dict[str, Any]]:
    def mention(role: str, text: str | None, start: int | None, end: int | None,
                name: str | None) -> dict[str, Any]:  # fmt: skip
        return {"event_id": ev.id, "role": role, "text": text, "start_char": start,
                "end_char": end, "name": name}  # fmt: skip

    for role, party in (("actor", ev.actor), ("recipient", ev.recipient), ("source", ev.source)):
        if party is not None:
            yield mention(role, party.text, party.start, party.end, party.name)
    if ev.location is not None:
        loc = ev.location
        yield mention("location", loc.text, loc.start, loc.end, loc.name)
    if ev.date is not None:
        d = ev.date
        # The canonical form of a date is its ISO 8601 day or interval.
        name = d.start if d.start == d.end or not d.end else f"{d.start}/{d.end}"
        yield mention("date", d.text, d.span_start, d.span_end, name)
    for qty in ev.quantities:
        yield mention("quantity", qty.text, qty.start, qty.end, qty.what)


def _party_name(party: Party | None) -> str | None:
    if party is None:
        return None
    return party.name or party.text


def _iso_date(value: str | None) -> date | None:
    """The indexed date column; a malformed date stays only in the event JSON."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _without_nul(value: Any) -> Any:
    """`value` with U+0000 replaced by U+FFFD in every string, inside dicts, lists and
    dataclasses too: one character for one, so character offsets into a text stay right."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, dict):
        return {k: _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    if isinstance(value, InputProblem):
        return replace(value, **{f: _without_nul(getattr(value, f))
                                 for f in ("origin", "reason", "detail")})  # fmt: skip
    return value


def _as_is(value: Any) -> Any:
    return value


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Cascading deletes need foreign keys on, which SQLite leaves off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead log: readers (the dashboard) no longer wait for the writer, and with
    # synchronous=NORMAL a commit is not synced to disk at once (only at checkpoints), which made
    # writing about three times faster (BENCHMARKS.md). A killed process loses nothing committed;
    # a power cut may lose the last commits but never leaves a half-written one, and a re-run
    # stores them again. The mode stays with the file; an in-memory database ignores it.
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.OperationalError:  # a read-only file: read it as it is
        pass
    cursor.close()
    # SQLite's own lower() folds only ASCII, so "Ø" would not match "ø" in case-insensitive
    # filters; Python's str.lower folds all of Unicode.
    dbapi_connection.create_function(
        "lower", 1, lambda s: s.lower() if isinstance(s, str) else s, deterministic=True
    )


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's message without SQLAlchemy's SQL echo and background link."""
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).split("\n")[0]
