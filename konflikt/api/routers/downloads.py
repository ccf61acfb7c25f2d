"""`/api/download/{format}`: the events of the current filter as CSV, GeoJSON or JSON Lines.

The files are the ones `konflikt events --format` writes (`konflikt.export.write_events`),
streamed as they are written (`konflikt.api.streaming`).
"""

from __future__ import annotations

from enum import StrEnum

from fastapi import APIRouter
from fastapi.responses import Response, StreamingResponse

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.filters import FiltersParam, Sort
from konflikt.api.streaming import stream_events

router = APIRouter(prefix="/api", tags=["downloads"])


class Format(StrEnum):
    csv = "csv"
    geojson = "geojson"
    jsonl = "jsonl"


MEDIA_TYPES = {
    Format.csv: "text/csv; charset=utf-8",
    Format.geojson: "application/geo+json",
    Format.jsonl: "application/x-ndjson",
}


@router.get(
    "/download/{fmt}",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
def download(
    store: StoreDep, fmt: Format, filters: FiltersParam, sort: Sort = Sort.date
) -> Response:
    """All events of the filter (no paging) as a file, streamed as it is written."""
    filters.query()  # a bad filter is a 422 now, not a broken download later
    events = service.iter_filtered(store, filters, sort)
    return StreamingResponse(
        stream_events(events, fmt.value),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="konflikt-events.{fmt.value}"'},
    )
