"""What `Store.events()` can filter on, gathered into one checked settings object.

The CLI and (later) the API build an `EventQuery` from their options; the checks here turn a
typo into a clear message before any SQL runs.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import pycountry

from konflikt.model import EVENT_TYPES, STANCES

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(slots=True)
class EventQuery:
    """Filters for stored events. Text filters match case-insensitively anywhere in the value."""

    event_type: str | None = None  # PLOVER type, e.g. ASSAULT
    mode: str | None = None
    actor: str | None = None  # canonical name or the span as written
    country: str | None = None  # where it happened: ISO alpha-2, alpha-3 or English name
    since: date | str | None = None  # events that end on or after this (YYYY, YYYY-MM, YYYY-MM-DD)
    until: date | str | None = None  # events that start on or before this
    stance: str | None = None
    source: str | None = None  # the claimant's name or text, or a channel in `via` (AFP, NTB)
    article_id: str | None = None
    text: str | None = None  # words in the evidence sentence
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.event_type:
            self.event_type = self.event_type.strip().upper()
            if self.event_type not in EVENT_TYPES:
                raise ValueError(
                    f"unknown event type {self.event_type!r}; use one of {', '.join(EVENT_TYPES)}"
                )
        if self.stance:
            self.stance = self.stance.strip().lower()
            if self.stance not in STANCES:
                raise ValueError(f"unknown stance {self.stance!r}; use one of {', '.join(STANCES)}")
        if self.mode:
            self.mode = self.mode.strip().lower()
        if self.country:
            self.country = country_alpha2(self.country)
        if isinstance(self.since, str):
            self.since = parse_partial_date(self.since, last=False)
        if isinstance(self.until, str):
            self.until = parse_partial_date(self.until, last=True)
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")


def country_alpha2(value: str) -> str:
    """ISO alpha-2 for an alpha-2 or alpha-3 code or an English country name."""
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError:
        raise ValueError(
            f"unknown country {value!r}; use an ISO code such as SY or SYR, or an English name"
        ) from None
    return str(country.alpha_2)


def parse_partial_date(value: str, *, last: bool) -> date:
    """`2017`, `2017-10` or `2017-10-14` as a date: the first day of the period, or the last."""
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        raise ValueError(f"not a date: {value!r}; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            m = int(month)
            return date(int(year), m, calendar.monthrange(int(year), m)[1] if last else 1)
        return date(int(year), 12, 31) if last else date(int(year), 1, 1)
    except ValueError:
        raise ValueError(f"not a date: {value!r}; write YYYY-MM-DD, YYYY-MM or YYYY") from None
