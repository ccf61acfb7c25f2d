"""Pydantic models at the API edge: what the JSON API accepts and returns.

Inside konflikt, events are the dataclasses of `konflikt.model`; these models only describe and
check them for OpenAPI and for input validation, field for field.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from konflikt.model import EVENT_TYPES, STANCES

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Stance = Literal["asserted", "hedged", "denied", "negated", "future", "hypothetical"]
assert set(EventType.__args__) == set(EVENT_TYPES)  # type: ignore[attr-defined]
assert set(Stance.__args__) == set(STANCES)  # type: ignore[attr-defined]

_SHORT = 300  # longest name or span an analyst may type


class PartyOut(BaseModel):
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    via: list[str] = []


class LocationOut(BaseModel):
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    geonames_id: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None


class DateOut(BaseModel):
    text: str
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    span_start: int | None = None
    span_end: int | None = None


class QuantityOut(BaseModel):
    text: str
    low: float | None = None
    best: float | None = None
    high: float | None = None
    what: str | None = None
    start: int | None = None
    end: int | None = None


class EvidenceOut(BaseModel):
    sentence: str
    start: int
    end: int


class EventOut(BaseModel):
    """One event as `Event.to_dict()` gives it, plus its review status."""

    id: str
    event_type: str
    evidence: EvidenceOut
    mode: str | None = None
    actor: PartyOut | None = None
    recipient: PartyOut | None = None
    location: LocationOut | None = None
    date: DateOut | None = None
    quantities: list[QuantityOut] = []
    source: PartyOut | None = None
    stance: str
    confidence: float
    article_id: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    review: Literal["confirm", "correct", "reject"] | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class ReviewOut(BaseModel):
    id: int
    event_id: str
    action: str
    reviewer: str
    created_at: str
    fields: dict[str, Any] = {}
    comment: str | None = None


class ArticleMeta(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None


class EntityOut(BaseModel):
    """A named entity of the article's parse; `start`/`end` index into the article's `text`."""

    start: int
    end: int
    label: str = Field(description="NorNE label: PER, ORG, GPE_LOC, GPE_ORG, LOC, PROD, EVT, DRV")
    text: str


class ArticleOut(ArticleMeta):
    text: str
    body_start: int = 0
    events: list[EventOut]
    entities: list[EntityOut] = []


class EventDetail(BaseModel):
    event: EventOut
    article: ArticleMeta
    reviews: list[ReviewOut]
    effective: EventOut | None = Field(
        description="The event as reviewed: the latest review applied; null when rejected."
    )


class Claim(BaseModel):
    source: str
    events: list[EventOut]


class Claims(BaseModel):
    place: str | None
    start: str | None
    end: str | None
    sources: list[Claim]


class CountItem(BaseModel):
    key: str
    count: int


class Stats(BaseModel):
    total: int
    by_type: list[CountItem]
    by_week: list[CountItem] = Field(description="Monday of the ISO week (YYYY-MM-DD) → events")
    by_country: list[CountItem]
    undated: int
    unplaced: int


class MapPlace(BaseModel):
    name: str | None
    country: str | None
    lat: float
    lon: float
    count: int


class ActorOut(BaseModel):
    name: str
    count: int


# --- input ---


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PartyIn(_Strict):
    text: str = Field(min_length=1, max_length=_SHORT)
    name: str | None = Field(None, max_length=_SHORT)
    kind: str | None = Field(None, max_length=40)
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$", description="ISO alpha-3")
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    via: list[str] = Field([], max_length=10)


class LocationIn(_Strict):
    text: str = Field(min_length=1, max_length=_SHORT)
    name: str | None = Field(None, max_length=_SHORT)
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$", description="ISO alpha-2")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    precision: Literal["place", "admin1", "country"] | None = None
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class DateIn(_Strict):
    text: str = Field("", max_length=_SHORT)
    start: date | None = None
    end: date | None = None
    precision: Literal["day", "week", "month", "year"] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> DateIn:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


class QuantityIn(_Strict):
    text: str = Field(min_length=1, max_length=_SHORT)
    low: float | None = Field(None, ge=0, le=1e9)
    best: float | None = Field(None, ge=0, le=1e9)
    high: float | None = Field(None, ge=0, le=1e9)
    what: str | None = Field(None, max_length=40)


class Corrections(_Strict):
    """The fields an analyst corrects; a field left out keeps the machine's value, a field given
    as null is cleared."""

    # Not nullable (a type and a stance cannot be cleared); None only means "not corrected".
    event_type: EventType = Field(None)  # type: ignore[assignment]
    mode: str | None = Field(None, max_length=32)
    actor: PartyIn | None = None
    recipient: PartyIn | None = None
    location: LocationIn | None = None
    date: DateIn | None = None
    quantities: list[QuantityIn] | None = Field(None, max_length=20)
    source: PartyIn | None = None
    stance: Stance = Field(None)  # type: ignore[assignment]


class ReviewIn(_Strict):
    action: Literal["confirm", "correct", "reject"]
    reviewer: str = Field(min_length=1, max_length=100)
    comment: str | None = Field(None, max_length=2000)
    corrections: Corrections | None = None

    @model_validator(mode="after")
    def _corrections_iff_correct(self) -> ReviewIn:
        given = self.corrections is not None and bool(self.corrections.model_fields_set)
        if self.action == "correct" and not given:
            raise ValueError("a correction needs at least one corrected field in `corrections`")
        if self.action != "correct" and given:
            raise ValueError(f"a {self.action} carries no `corrections`")
        return self

    def corrected_fields(self) -> dict[str, Any]:
        if self.corrections is None:
            return {}
        data = self.corrections.model_dump(mode="json", exclude_unset=True)
        # `quantities: null` means "no numbers", which the event stores as an empty list.
        if "quantities" in data and data["quantities"] is None:
            data["quantities"] = []
        return data


class ReviewResult(BaseModel):
    review: ReviewOut
    effective: EventOut | None


class Problem(BaseModel):
    detail: Any
