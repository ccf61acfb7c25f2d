"""`/api/download/{format}`: the events of the current filter as CSV, GeoJSON or JSON Lines.

The files are the ones `konflikt events --format` writes (`konflikt.export.write_events`).
"""

from __future__ import annotations

import io
from enum import StrEnum

from fastapi import APIRouter
from fastapi.responses import Response

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.filters import FiltersParam, Sort
from konflikt.export import write_events

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
    """All events of the filter (no paging) as a file."""
    # Built in memory: write_events takes the whole stream, and 10,000 events are a few MB.
    buffer = io.StringIO(newline="")
    write_events(service.iter_filtered(store, filters, sort), buffer, fmt.value)
    return Response(
        buffer.getvalue(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="konflikt-events.{fmt.value}"'},
    )
