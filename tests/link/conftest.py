"""Helpers for the linking tests: hand-written articles and events (no third-party text)."""

from __future__ import annotations

from konflikt.model import Article, Event, EventDate, Evidence, Location, Party, Quantity

# Places with coordinates, as the resolver would give them.
PLACES: dict[str, tuple[str, float, float]] = {
    "Kharkiv": ("UA", 49.99, 36.23),
    "Tsjuhujiv": ("UA", 49.84, 36.69),
    "Lviv": ("UA", 49.84, 24.03),
    "Oslo": ("NO", 59.91, 10.75),
}


def make_event(
    article_id: str,
    sentence: str,
    event_type: str = "ASSAULT",
    *,
    start: int = 0,
    actor: str | None = None,
    actor_country: str | None = None,
    recipient: str | None = None,
    place: str | None = None,
    day: str | None = None,
    stance: str = "asserted",
    numbers: list[tuple[float, str]] | None = None,
    source: str | None = None,
) -> Event:
    location = None
    if place is not None:
        country, lat, lon = PLACES[place]
        location = Location(text=place, name=place, country=country, lat=lat, lon=lon,
                            precision="place")  # fmt: skip
    return Event(
        event_type=event_type,
        evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
        actor=Party(text=actor, country=actor_country) if actor else None,
        recipient=Party(text=recipient) if recipient else None,
        location=location,
        date=EventDate(text=day, start=day, end=day, precision="day") if day else None,
        quantities=[Quantity(text=str(int(n)), low=n, best=n, high=n, what=w)
                    for n, w in numbers or []],  # fmt: skip
        source=Party(text=source) if source else None,
        stance=stance,
        article_id=article_id,
        trigger_start=start,
    )


def make_article(article_id: str, text: str, published: str | None = "2026-05-02") -> Article:
    return Article(id=article_id, text=text, published=published, lang="nb", source="test")
