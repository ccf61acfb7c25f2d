"""PLOVER to ACLED: the documented mapping in `konflikt/data/plover_acled.yaml`, and the flat
ACLED-compatible record used by the CSV and GeoJSON exports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

from konflikt.model import EVENT_TYPES, Event
from konflikt.paths import DATA_DIR

MAPPING_PATH = DATA_DIR / "plover_acled.yaml"

# ACLED's column names where a field maps, then konflikt's own columns.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "canonical_id", "article_id", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities",
    "plover_type", "plover_mode", "stance", "source_via", "evidence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rule:
    types: frozenset[str]
    modes: frozenset[str | None] | None  # None: any mode
    actor_kinds: frozenset[str] | None
    recipient_kinds: frozenset[str] | None
    acled: tuple[str, str] | None
    why: str

    def matches(self, event: Event) -> bool:
        if event.event_type not in self.types:
            return False
        if self.modes is not None and event.mode not in self.modes:
            return False
        actor_kind = event.actor.kind if event.actor else None
        if self.actor_kinds is not None and actor_kind not in self.actor_kinds:
            return False
        recipient_kind = event.recipient.kind if event.recipient else None
        return self.recipient_kinds is None or recipient_kind in self.recipient_kinds


@dataclass(frozen=True, slots=True)
class Mapping:
    acled_event_types: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    fatality_what: frozenset[str]
    time_precision: dict[str, int]
    geo_precision: dict[str, int]


def _set(value: Any) -> frozenset[Any] | None:
    if value is None:
        return None
    return frozenset(value if isinstance(value, list) else [value])


def load_mapping(path: Path = MAPPING_PATH) -> Mapping:
    """Read and check the mapping; a broken file fails with the rule that is wrong."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    acled_types = {k: tuple(v) for k, v in raw["acled_event_types"].items()}
    rules: list[Rule] = []
    for i, entry in enumerate(raw["rules"]):
        where = f"{path.name} rule {i + 1} ({entry.get('type')} {entry.get('mode', '')})"
        unknown = set(entry) - {"type", "mode", "actor_kind", "recipient_kind", "acled", "why"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        types = _set(entry["type"]) or frozenset()
        if not types or not types <= set(EVENT_TYPES):
            raise ValueError(f"{where}: type must be PLOVER types, got {entry['type']!r}")
        acled = entry["acled"]
        if acled is not None:
            if len(acled) != 2 or acled[1] not in acled_types.get(acled[0], ()):
                raise ValueError(f"{where}: {acled!r} is not an ACLED event/sub-event type pair")
            acled = (acled[0], acled[1])
        if not entry.get("why"):
            raise ValueError(f"{where}: every rule says why")
        rules.append(
            Rule(
                types=types,
                modes=_set(entry["mode"]) if "mode" in entry else None,
                actor_kinds=_set(entry.get("actor_kind")),
                recipient_kinds=_set(entry.get("recipient_kind")),
                acled=acled,
                why=entry["why"],
            )
        )
    return Mapping(
        acled_event_types=acled_types,
        rules=tuple(rules),
        fatality_what=frozenset(raw["fatality_what"]),
        time_precision=dict(raw["time_precision"]),
        geo_precision=dict(raw["geo_precision"]),
    )


@lru_cache(maxsize=1)
def mapping() -> Mapping:
    return load_mapping()


def acled_type(event: Event) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a PLOVER event, or None where ACLED has none."""
    for rule in mapping().rules:
        if rule.matches(event):
            return rule.acled
    return None


def fatalities(event: Event) -> int:
    """Deaths reported with the event: ACLED's conservative figure (best, else low), summed over
    the quantities that count the dead; 0 when none is given, as ACLED codes it."""
    total = 0.0
    for qty in event.quantities:
        if (qty.what or "").lower() in mapping().fatality_what:
            figure = qty.best if qty.best is not None else qty.low
            total += figure or 0
    return int(total)


def _party(party: Any) -> str:
    return (party.name or party.text) if party is not None else ""


def notes(event: Event) -> str:
    """A one-line summary in the spirit of ACLED's notes column."""
    what = event.event_type + (f" ({event.mode})" if event.mode else "")
    parts = [what]
    if event.actor:
        parts.append(f"by {_party(event.actor)}")
    if event.recipient:
        parts.append(f"against {_party(event.recipient)}")
    if event.location:
        parts.append(f"in {event.location.name or event.location.text}")
    if event.date and event.date.start:
        parts.append(f"on {event.date.start}")
    line = " ".join(parts) + "."
    if event.stance != "asserted":
        line += f" Stance: {event.stance}."
    if event.source:
        via = f" via {', '.join(event.source.via)}" if event.source.via else ""
        line += f" Source: {_party(event.source)}{via}."
    return line


def flat_record(event: Event) -> dict[str, Any]:
    """One event as a flat ACLED-compatible record (keys = CSV_COLUMNS; None where unknown)."""
    m = mapping()
    types = acled_type(event)
    when, loc = event.date, event.location
    start = when.start if when else None
    has_point = loc is not None and loc.lat is not None and loc.lon is not None
    return {
        "event_id": event.id,
        "canonical_id": event.canonical_id,
        "article_id": event.article_id,
        "event_date": start,
        "year": int(start[:4]) if start and start[:4].isdigit() else None,
        "time_precision": m.time_precision.get(when.precision) if when and when.precision else None,
        "event_type": types[0] if types else None,
        "sub_event_type": types[1] if types else None,
        "actor1": _party(event.actor) or None,
        "actor2": _party(event.recipient) or None,
        "country": _country_name(loc.country) if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if has_point and loc else None,
        "longitude": loc.lon if has_point and loc else None,
        "geo_precision": m.geo_precision.get(loc.precision) if loc and loc.precision else None,
        "source": _party(event.source) or None,
        "notes": notes(event),
        "fatalities": fatalities(event),
        "plover_type": event.event_type,
        "plover_mode": event.mode,
        "stance": event.stance,
        "source_via": "; ".join(event.source.via) if event.source and event.source.via else None,
        "evidence": event.evidence.sentence,
    }


def _country_name(alpha2: str | None) -> str | None:
    """ACLED's country column holds the English name; keep the code if it is not a known one."""
    if not alpha2:
        return None
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    if country is None:
        return alpha2
    return str(getattr(country, "common_name", None) or country.name)


def markdown_table() -> str:
    """The mapping as a Markdown table, for docs/export.md (a test keeps the two in step)."""
    lines = [
        "| PLOVER type | mode | actor / recipient kind | ACLED event_type | ACLED sub_event_type "
        "| why |",
        "|---|---|---|---|---|---|",
    ]
    for rule in mapping().rules:
        modes = (
            "any"
            if rule.modes is None
            else ", ".join(sorted("(none)" if m is None else m for m in rule.modes))
        )
        kinds = []
        if rule.actor_kinds:
            kinds.append("actor: " + ", ".join(sorted(rule.actor_kinds)))
        if rule.recipient_kinds:
            kinds.append("recipient: " + ", ".join(sorted(rule.recipient_kinds)))
        acled = rule.acled or ("—", "—")
        lines.append(
            f"| {', '.join(sorted(rule.types, key=EVENT_TYPES.index))} | {modes} "
            f"| {'; '.join(kinds) or 'any'} | {acled[0]} | {acled[1]} | {rule.why} |"
        )
    return "\n".join(lines) + "\n"
