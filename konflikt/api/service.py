"""What the routers ask of the store: pages, details, counts; plain typed functions.

Everything reads through SQLAlchemy statements on the store's tables (`konflikt.store.schema`)
and the reviews table; the routers only translate to and from HTTP.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from konflikt.api.filters import EventFilters, Sort, ordering
from konflikt.model import Event
from konflikt.store import Store
from konflikt.store.reviews import Review, effective, reviews_for, status
from konflikt.store.schema import ArticleRow, EventRow
from konflikt.store.store import EXPORT_BATCH

# Claims about "the same place and days": events this close (degrees, about 10 km) or at a place
# of the same name, whose dates are at most this many days apart.
NEAR_DEGREES = 0.1
NEAR_DAYS = 1


def event_dict(event: Event, reviews: list[Review] | None = None) -> dict[str, Any]:
    data = event.to_dict()
    data["review"] = status(reviews)
    return data


def events_page(
    store: Store, filters: EventFilters, *, limit: int, offset: int, sort: Sort
) -> dict[str, Any]:
    conds = filters.conditions()
    with Session(store.engine) as session:
        total = session.scalar(select(func.count()).select_from(EventRow).where(*conds)) or 0
        stmt = (
            select(EventRow.data).where(*conds).order_by(*ordering(sort)).limit(limit)
            .offset(offset)
        )  # fmt: skip
        events = [Event.from_dict(d) for d in session.scalars(stmt)]
    reviews = reviews_for(store, (e.id for e in events))
    items = [event_dict(e, reviews.get(e.id)) for e in events]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def iter_filtered(store: Store, filters: EventFilters, sort: Sort = Sort.date) -> Iterator[Event]:
    """All events of a filter, streamed in batches (for downloads)."""
    stmt = (
        select(EventRow.data).where(*filters.conditions()).order_by(*ordering(sort))
        .execution_options(yield_per=EXPORT_BATCH)
    )  # fmt: skip
    with Session(store.engine) as session:
        for data in session.scalars(stmt):
            yield Event.from_dict(data)


def get_event(store: Store, event_id: str) -> Event | None:
    with Session(store.engine) as session:
        data = session.scalar(select(EventRow.data).where(EventRow.id == event_id))
    return None if data is None else Event.from_dict(data)


def article_meta(row: ArticleRow) -> dict[str, Any]:
    return {
        "id": row.id, "title": row.title, "published": row.published, "source": row.source,
        "url": row.url, "lang": row.lang,
    }  # fmt: skip


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    event = get_event(store, event_id)
    if event is None:
        return None
    with Session(store.engine) as session:
        row = session.get(ArticleRow, event.article_id)
        meta = article_meta(row) if row is not None else {"id": event.article_id or ""}
    reviews = reviews_for(store, [event.id]).get(event.id, [])
    kept = effective(event, reviews)
    return {
        "event": event_dict(event, reviews),
        "article": meta,
        "reviews": reviews,
        "effective": None if kept is None else event_dict(kept, reviews),
    }


def article_with_events(store: Store, article_id: str) -> dict[str, Any] | None:
    with Session(store.engine) as session:
        row = session.get(ArticleRow, article_id)
        if row is None:
            return None
        out = article_meta(row) | {"text": row.text, "body_start": row.body_start}
        stmt = (
            select(EventRow.data).where(EventRow.article_id == article_id)
            .order_by(EventRow.evidence_start, EventRow.id)
        )  # fmt: skip
        events = [Event.from_dict(d) for d in session.scalars(stmt)]
    reviews = reviews_for(store, (e.id for e in events))
    out["events"] = [event_dict(e, reviews.get(e.id)) for e in events]
    out["entities"] = [
        {"start": e.start, "end": e.end, "label": e.label, "text": e.text}
        for e in store.entities(article_id)
    ]
    return out


def stats(store: Store, filters: EventFilters) -> dict[str, Any]:
    conds = filters.conditions()
    with Session(store.engine) as session:
        total = session.scalar(select(func.count()).select_from(EventRow).where(*conds)) or 0
        by_type = session.execute(
            select(EventRow.event_type, func.count()).where(*conds)
            .group_by(EventRow.event_type).order_by(func.count().desc(), EventRow.event_type)
        ).all()  # fmt: skip
        by_country = session.execute(
            select(EventRow.country, func.count()).where(*conds, EventRow.country.is_not(None))
            .group_by(EventRow.country).order_by(func.count().desc(), EventRow.country)
        ).all()  # fmt: skip
        # Weeks are folded in Python: SQL week functions differ between SQLite and PostgreSQL.
        by_day = session.execute(
            select(EventRow.date_start, func.count())
            .where(*conds, EventRow.date_start.is_not(None)).group_by(EventRow.date_start)
        ).all()  # fmt: skip
        unplaced = session.scalar(
            select(func.count()).select_from(EventRow).where(*conds, EventRow.lat.is_(None))
        )
    weeks: Counter[str] = Counter()
    dated = 0
    for day, n in by_day:
        weeks[week_of(day).isoformat()] += n
        dated += n
    return {
        "total": total,
        "by_type": [{"key": k, "count": n} for k, n in by_type],
        "by_week": [{"key": k, "count": weeks[k]} for k in sorted(weeks)],
        "by_country": [{"key": k, "count": n} for k, n in by_country],
        "undated": total - dated,
        "unplaced": unplaced or 0,
    }


def week_of(day: date) -> date:
    """The Monday of the ISO week of `day`."""
    return day - timedelta(days=day.weekday())


def actors(store: Store, filters: EventFilters, *, limit: int) -> list[dict[str, Any]]:
    name = func.coalesce(EventRow.actor_name, EventRow.actor_text)
    stmt = (
        select(name, func.count()).where(*filters.conditions(), name.is_not(None))
        .group_by(name).order_by(func.count().desc(), name).limit(limit)
    )  # fmt: skip
    with Session(store.engine) as session:
        return [{"name": n, "count": c} for n, c in session.execute(stmt)]


def map_places(store: Store, filters: EventFilters) -> list[dict[str, Any]]:
    """Events per point: the map draws one circle per place, sized by count (small at 10,000)."""
    stmt = (
        select(EventRow.location_name, EventRow.country, EventRow.lat, EventRow.lon, func.count())
        .where(*filters.conditions(), EventRow.lat.is_not(None), EventRow.lon.is_not(None))
        .group_by(EventRow.location_name, EventRow.country, EventRow.lat, EventRow.lon)
        .order_by(func.count().desc())
    )  # fmt: skip
    with Session(store.engine) as session:
        return [
            {"name": n, "country": c, "lat": lat, "lon": lon, "count": k}
            for n, c, lat, lon, k in session.execute(stmt)
        ]


def claims(store: Store, event_id: str) -> dict[str, Any] | None:
    """Events at the same place and days as this one, grouped by who claims them.

    Same place: the same place name and country, or coordinates within NEAR_DEGREES. Same days:
    date ranges at most NEAR_DAYS apart. The event itself is included, so its own claim stands
    beside the others. Without a place or a date there is nothing to compare.
    """
    with Session(store.engine) as session:
        row = session.get(EventRow, event_id)
        if row is None:
            return None
        place, start = row.location_name, row.date_start
        out: dict[str, Any] = {
            "place": place, "start": start.isoformat() if start else None,
            "end": (row.date_end or start).isoformat() if start else None, "sources": [],
        }  # fmt: skip
        if start is None or (place is None and row.lat is None):
            return out
        end = row.date_end or start
        same_place = []
        if place is not None:
            same_place.append(
                (EventRow.location_name == place)
                & (func.coalesce(EventRow.country, "") == (row.country or ""))
            )
        if row.lat is not None and row.lon is not None:
            same_place.append(
                EventRow.lat.between(row.lat - NEAR_DEGREES, row.lat + NEAR_DEGREES)
                & EventRow.lon.between(row.lon - NEAR_DEGREES, row.lon + NEAR_DEGREES)
            )
        stmt = (
            select(EventRow.data, ArticleRow.source)
            .join(ArticleRow, ArticleRow.id == EventRow.article_id)
            .where(
                or_(*same_place),
                EventRow.date_start <= end + timedelta(days=NEAR_DAYS),
                func.coalesce(EventRow.date_end, EventRow.date_start)
                >= start - timedelta(days=NEAR_DAYS),
            )
            .order_by(EventRow.date_start, EventRow.article_id, EventRow.evidence_start)
            .limit(200)
        )
        found = [(Event.from_dict(d), outlet) for d, outlet in session.execute(stmt)]
    reviews = reviews_for(store, (e.id for e, _ in found))
    groups: dict[str, list[dict[str, Any]]] = {}
    for event, outlet in found:
        groups.setdefault(claimant(event, outlet), []).append(
            event_dict(event, reviews.get(event.id))
        )
    out["sources"] = [{"source": k, "events": v} for k, v in groups.items()]
    return out


def claimant(event: Event, outlet: str | None) -> str:
    """Who claims it: the attributed source (with its channel), else the outlet itself."""
    if event.source is not None:
        name = event.source.name or event.source.text
        via = [v for v in event.source.via if v and v != name]
        return f"{name} (via {', '.join(via)})" if via else name
    return outlet or "the outlet (unattributed)"
