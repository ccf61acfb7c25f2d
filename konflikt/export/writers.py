"""Write events as JSON Lines, ACLED-compatible CSV, or a GeoJSON FeatureCollection."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from konflikt.export.acled import CSV_COLUMNS, flat_record
from konflikt.model import Event

FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson")


def write_events(events: Iterable[Event], out: Path | str | TextIO, fmt: str) -> int:
    """Write `events` to a path or an open text stream in `fmt`; returns how many were written.

    Events are streamed, so a large store does not need to fit in memory.
    """
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(out, str | Path):
        # newline="" lets the csv module write its own RFC 4180 line endings.
        with Path(out).open("w", encoding="utf-8", newline="") as stream:
            return writer(events, stream)
    return writer(events, out)


def _write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat_record(event))  # None becomes an empty cell
        n += 1
    return n


def feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature: its point (RFC 7946 order: lon, lat) or a null geometry,
    and the flat ACLED-compatible record as properties (flat, so GIS tools can show them)."""
    loc = event.location
    geometry = None
    if loc is not None and _valid_point(loc.lat, loc.lon):
        geometry = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    properties = flat_record(event)
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def _valid_point(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def _write_geojson(events: Iterable[Event], out: TextIO) -> int:
    # Written feature by feature so that the collection is streamed, not built in memory.
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for event in events:
        out.write(("," if n else "") + "\n" + json.dumps(feature(event), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], int]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "geojson": _write_geojson,
}
