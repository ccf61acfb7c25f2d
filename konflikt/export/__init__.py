"""konflikt.export: events as JSON Lines, ACLED-compatible CSV, or GeoJSON."""

from pathlib import Path

from konflikt.export.acled import CSV_COLUMNS, acled_type, flat_record
from konflikt.export.writers import FORMATS, write_events

SCHEMA_PATH = Path(__file__).with_name("event.schema.json")

__all__ = ["CSV_COLUMNS", "FORMATS", "SCHEMA_PATH", "acled_type", "flat_record", "write_events"]
