"""`/api/stats`: counts by type, ISO week and country, under the current filters."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.filters import FiltersParam
from konflikt.api.models import Stats

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats", response_model=Stats)
def get_stats(store: StoreDep, filters: FiltersParam) -> Any:
    """Totals for the dashboard: the timeline is `by_week`."""
    return service.stats(store, filters)
