"""The event filters of the API, checked once, and turned into SQL conditions.

`EventFilters` is read from the query string of `/api/events`, `/api/stats`, `/api/actors`,
`/api/map` and the downloads, so a filter in the page applies the same way everywhere. The
filters `konflikt events` also has go through `EventQuery` (the store's own checks and
conditions); place, bounding box and review status are added here. Every value is a bound
parameter: no SQL is built from strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.sql.elements import UnaryExpression

from konflikt.api.models import EventType, Stance
from konflikt.store import EventQuery
from konflikt.store.reviews import ReviewRow
from konflikt.store.schema import EventRow
from konflikt.store.store import contains_pattern, event_conditions

MAX_LIMIT = 1000
_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Sort(StrEnum):
    date = "date"
    date_desc = "-date"
    type = "type"
    type_desc = "-type"
    country = "country"
    country_desc = "-country"
    actor = "actor"
    actor_desc = "-actor"
    confidence = "confidence"
    confidence_desc = "-confidence"


class ReviewState(StrEnum):
    unreviewed = "unreviewed"
    reviewed = "reviewed"
    confirm = "confirm"
    correct = "correct"
    reject = "reject"


@dataclass(frozen=True, slots=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


class EventFilters(BaseModel):
    """Filters for events; all optional, combined with AND. (Unknown parameters are ignored:
    the same query string also carries `limit`, `offset` and `sort`.)"""

    model_config = ConfigDict(str_strip_whitespace=True)

    since: str | None = Field(
        None, pattern=_PARTIAL_DATE, description="Events ending on or after: YYYY[-MM[-DD]]"
    )
    until: str | None = Field(
        None, pattern=_PARTIAL_DATE, description="Events starting on or before: YYYY[-MM[-DD]]"
    )
    type: EventType | None = None
    mode: str | None = Field(None, max_length=32)
    actor: str | None = Field(None, max_length=200, description="Actor name or span contains")
    place: str | None = Field(None, max_length=200, description="Place name or span contains")
    country: str | None = Field(
        None, max_length=60, description="ISO alpha-2, alpha-3 or English name"
    )
    bbox: str | None = Field(
        None,
        description="minlon,minlat,maxlon,maxlat (WGS 84 degrees)",
        examples=["35,32,43,38"],
        max_length=100,
    )
    source: str | None = Field(None, max_length=200, description="Claimant or channel (AFP, NTB)")
    stance: Stance | None = None
    q: str | None = Field(None, max_length=200, description="Words in the evidence sentence")
    review: ReviewState | None = None

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is not None:
            parse_bbox(value)
        return value

    def query(self) -> EventQuery:
        """The store's checked query; raises ValueError with a clear message (unknown country,
        impossible date)."""
        return EventQuery(
            event_type=self.type, mode=self.mode or None, actor=self.actor or None,
            country=self.country or None, since=self.since, until=self.until,
            stance=self.stance, source=self.source or None, text=self.q or None,
        )  # fmt: skip

    def conditions(self) -> list[ColumnElement[bool]]:
        conds = event_conditions(self.query())
        if self.place:
            pattern = contains_pattern(self.place)
            conds.append(EventRow.location_name.ilike(pattern, escape="\\"))
        if self.bbox:
            box = parse_bbox(self.bbox)
            conds.append(
                and_(
                    EventRow.lon >= box.min_lon, EventRow.lon <= box.max_lon,
                    EventRow.lat >= box.min_lat, EventRow.lat <= box.max_lat,
                )  # fmt: skip
            )
        if self.review is not None:
            conds.append(_review_condition(self.review))
        return conds


FiltersParam = Annotated[EventFilters, Query()]


def parse_bbox(value: str) -> BBox:
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat") from None
    if not (-180 <= min_lon <= max_lon <= 180):
        raise ValueError("bbox longitudes must satisfy -180 <= minlon <= maxlon <= 180")
    if not (-90 <= min_lat <= max_lat <= 90):
        raise ValueError("bbox latitudes must satisfy -90 <= minlat <= maxlat <= 90")
    return BBox(min_lon, min_lat, max_lon, max_lat)


def _review_condition(state: ReviewState) -> ColumnElement[bool]:
    reviewed = select(ReviewRow.event_id)
    if state is ReviewState.unreviewed:
        return EventRow.id.not_in(reviewed)
    if state is ReviewState.reviewed:
        return EventRow.id.in_(reviewed)
    # The latest review of each event decides its state.
    latest_action = (
        select(ReviewRow.action)
        .where(ReviewRow.event_id == EventRow.id)
        .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
        .limit(1)
        .correlate(EventRow)
        .scalar_subquery()
    )
    return latest_action == state.value


def ordering(sort: Sort) -> list[UnaryExpression[object]]:
    """ORDER BY for a sort key; ties are broken by article and position so pages are stable."""
    column = {
        "date": EventRow.date_start, "type": EventRow.event_type, "country": EventRow.country,
        "actor": EventRow.actor_name, "confidence": EventRow.confidence,
    }[sort.value.lstrip("-")]  # fmt: skip
    first = column.desc().nulls_last() if sort.value.startswith("-") else column.asc().nulls_last()
    return [first, EventRow.article_id.asc(), EventRow.evidence_start.asc(), EventRow.id.asc()]


def filtered(stmt: Select, filters: EventFilters) -> Select:  # type: ignore[type-arg]
    return stmt.where(*filters.conditions())
