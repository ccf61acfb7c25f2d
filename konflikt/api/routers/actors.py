"""`/api/actors`: who acts, with how many events, under the current filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.filters import MAX_LIMIT, FiltersParam
from konflikt.api.models import ActorOut

router = APIRouter(prefix="/api", tags=["actors"])


@router.get("/actors", response_model=list[ActorOut])
def list_actors(
    store: StoreDep, filters: FiltersParam, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100
) -> Any:
    """Actors (canonical name, else the span) by number of events, most active first."""
    return service.actors(store, filters, limit=limit)
