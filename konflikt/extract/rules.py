"""Rules between events, read from `konflikt/data/event_rules.yaml` once: which event of a
sentence absorbs another, which acts become accusations when only claimed, which types take no
recipient, which phrases make an event noun a reference to an event told elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from konflikt.model import Event
from konflikt.paths import DATA_DIR

RULES_PATH = DATA_DIR / "event_rules.yaml"


@dataclass(frozen=True, slots=True)
class EventRules:
    absorb: tuple[tuple[tuple[str, str | None], tuple[str, str | None]], ...]
    claimable: frozenset[str]
    no_guessed_recipient: tuple[tuple[str, str | None], ...]
    no_recipient: tuple[tuple[str, str | None], ...]
    reference_drop: tuple[tuple[str, ...], ...]
    reference_back: tuple[tuple[str, ...], ...]
    max_quoted_words: int
    conditional_threat: frozenset[str]
    conditions: tuple[str, ...]


def _type_mode(value: str) -> tuple[str, str | None]:
    etype, _, mode = value.partition("/")
    return etype, mode or None


@lru_cache(maxsize=1)
def event_rules() -> EventRules:
    raw: dict[str, Any] = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    return EventRules(
        absorb=tuple((_type_mode(r["keep"]), _type_mode(r["drop"])) for r in raw["absorb"]),
        claimable=frozenset(raw["claimable"]),
        no_guessed_recipient=tuple(_type_mode(v) for v in raw["no_guessed_recipient"]),
        no_recipient=tuple(_type_mode(v) for v in raw["no_recipient"]),
        reference_drop=tuple(tuple(str(p).split()) for p in raw["reference_drop"]),
        reference_back=tuple(tuple(str(p).split()) for p in raw["reference_back"]),
        max_quoted_words=int(raw["max_quoted_words"]),
        conditional_threat=frozenset(raw["conditional_threat"]),
        conditions=tuple(str(c) for c in raw["conditions"]),
    )


def _matches(event: Event, pattern: tuple[str, str | None]) -> bool:
    etype, mode = pattern
    return event.event_type == etype and (mode is None or event.mode == mode)


def absorb(events: list[Event]) -> list[Event]:
    """Drop events that are part of another event of the same sentence (event_rules.yaml)."""
    out = []
    for e in events:
        absorbed = any(
            _matches(e, drop) and any(_matches(o, keep) for o in events if o is not e)
            for keep, drop in event_rules().absorb
        )
        if not absorbed:
            out.append(e)
    return out
