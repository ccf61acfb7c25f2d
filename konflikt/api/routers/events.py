"""`/api/events`: pages of events, one event, and other sources' claims about the same happening."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.filters import MAX_LIMIT, FiltersParam, Sort
from konflikt.api.models import Claims, EventDetail, EventPage, MapPlace

router = APIRouter(prefix="/api", tags=["events"])
EventId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$")]


@router.get("/events", response_model=EventPage)
def list_events(
    store: StoreDep,
    filters: FiltersParam,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    sort: Sort = Sort.date,
) -> Any:
    """Events matching the filters, one page at a time."""
    return service.events_page(store, filters, limit=limit, offset=offset, sort=sort)


@router.get("/events/{event_id}", response_model=EventDetail, responses={404: {}})
def get_event(store: StoreDep, event_id: EventId) -> Any:
    """One event as the machine coded it, its reviews, and the effective reviewed version."""
    detail = service.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id}")
    return detail


@router.get("/events/{event_id}/claims", response_model=Claims, responses={404: {}})
def get_claims(store: StoreDep, event_id: EventId) -> Any:
    """What each source claims about the same place and days, side by side."""
    found = service.claims(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get("/map", response_model=list[MapPlace])
def map_places(store: StoreDep, filters: FiltersParam) -> Any:
    """Events per point, for the map: one entry per place with the number of events."""
    return service.map_places(store, filters)
