"""Typed records that travel from reader to exporter.

One `Event` type is used from the extractor to the exporter. Field names follow
`../shared/docs/coding-manual.md` §3 so that `Event.to_dict()` is already the manual's JSON.
Every span-bearing part keeps character offsets into the article text (`start`, `end`) so an
analyst can see which words each field came from.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
STANCES: tuple[str, ...] = ("asserted", "hedged", "denied", "negated", "future", "hypothetical")
GeoPrecision = Literal["place", "admin1", "country"]
TimePrecision = Literal["day", "week", "month", "year"]


@dataclass(slots=True)
class Article:
    """One input document after reading and cleaning."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" or "YYYY-MM" (month only) or None
    url: str | None = None
    source: str | None = None  # the outlet
    lang: str | None = None  # "nb", "nn" or another ISO 639-1 code once identified
    origin: str | None = None  # where it was read from: path, path:line, url
    # Offset where the body starts: a leading "date YYYY-MM[-DD]" header line (as in the seed
    # files) is kept in `text` so gold offsets stay valid, but is not parsed as article text.
    body_start: int = 0

    @property
    def content_hash(self) -> str:
        """Stable hash of what matters for extraction (text and date), for idempotent runs."""
        payload = json.dumps([self.text, self.published], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class InputProblem:
    """An input that could not become an article, with the reason. Never dropped silently."""

    origin: str
    reason: str
    detail: str | None = None


@dataclass(slots=True)
class Party:
    """An actor, recipient or source: the span as written plus the resolved entity."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None  # canonical name from the actor registry
    kind: str | None = None  # state_forces, government, rebel, civilians, igo, ngo, media, ...
    country: str | None = None  # ISO 3166-1 alpha-3, as in the gold files
    via: list[str] = field(default_factory=list)  # only for sources: AFP, NTB, e-post, video


@dataclass(slots=True)
class Location:
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, as in the gold files
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision | None = None


@dataclass(slots=True)
class EventDate:
    text: str
    start: str | None = None  # ISO date
    end: str | None = None
    precision: TimePrecision | None = None
    span_start: int | None = None
    span_end: int | None = None


@dataclass(slots=True)
class Quantity:
    text: str
    low: float | None = None
    best: float | None = None
    high: float | None = None
    what: str | None = None  # fighters, soldiers, civilians, killed, injured, people, ...
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class EntitySpan:
    """A named entity the NER found in an article: offsets into `Article.text`, NorNE label
    (PER, ORG, GPE_LOC, GPE_ORG, LOC, PROD, EVT, DRV)."""

    start: int
    end: int
    label: str
    text: str


@dataclass(slots=True)
class Event:
    event_type: str
    evidence: Evidence
    mode: str | None = None
    actor: Party | None = None
    recipient: Party | None = None
    location: Location | None = None
    date: EventDate | None = None
    quantities: list[Quantity] = field(default_factory=list)
    source: Party | None = None
    stance: str = "asserted"
    confidence: float = 0.5
    article_id: str | None = None
    trigger: str | None = None  # the word(s) that made this an event, for explanations
    trigger_start: int | None = None
    trigger_end: int | None = None
    # The occurrence this report belongs to, shared by all events merged into one
    # (konflikt.link.merge); set when read from a linked store, None before linking.
    canonical_id: str | None = None

    @property
    def id(self) -> str:
        """Content-derived id: the same article, sentence, type and trigger give the same id."""
        key = f"{self.article_id}|{self.event_type}|{self.evidence.start}|{self.trigger_start}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["id"] = self.id
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def part(kind: type, value: Any) -> Any:
            return None if value is None else kind(**value)

        return cls(
            event_type=data["event_type"],
            evidence=Evidence(**data["evidence"]),
            mode=data.get("mode"),
            actor=part(Party, data.get("actor")),
            recipient=part(Party, data.get("recipient")),
            location=part(Location, data.get("location")),
            date=part(EventDate, data.get("date")),
            quantities=[Quantity(**q) for q in data.get("quantities") or []],
            source=part(Party, data.get("source")),
            stance=data.get("stance", "asserted"),
            confidence=data.get("confidence", 0.5),
            article_id=data.get("article_id"),
            trigger=data.get("trigger"),
            trigger_start=data.get("trigger_start"),
            trigger_end=data.get("trigger_end"),
            canonical_id=data.get("canonical_id"),
        )
