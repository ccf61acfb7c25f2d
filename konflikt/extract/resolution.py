"""The extractor's door to konflikt.resolve (actors and places), imported once, lazily.

The resolvers belong to another part of the package; if one is missing (a partial install, or
while it is being built) the extractor still runs and leaves canonical names empty.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from konflikt.model import Location


@cache
def _function(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


@lru_cache(maxsize=4096)
def resolve_actor(text: str) -> tuple[str, str, str | None] | None:
    """(name, kind, ISO alpha-3 country) for a party span as written, or None."""
    fn = _function("konflikt.resolve.actors", "resolve_actor")
    if fn is None or not text.strip():
        return None
    ref = fn(text)
    if ref is None:
        return None
    return ref.name, ref.kind, ref.country


@lru_cache(maxsize=4096)
def is_individual(text: str) -> bool:
    """Whether the registry knows `text` as one person (a person, or someone with an
    affiliation: "Trump" → Donald Trump, United States)."""
    fn = _function("konflikt.resolve.actors", "resolve_actor")
    ref = fn(text) if fn is not None and text.strip() else None
    if ref is None:
        return False
    return ref.kind == "person" or getattr(ref, "affiliation", None) is not None


@lru_cache(maxsize=2048)
def find_actor_mentions(text: str) -> tuple[tuple[int, int, str, str, str | None], ...]:
    """(start, end, name, kind, country) for registry actors in `text`, non-overlapping."""
    fn = _function("konflikt.resolve.actors", "find_actor_mentions")
    if fn is None:
        return ()
    return tuple((s, e, ref.name, ref.kind, ref.country) for s, e, ref in fn(text))


@lru_cache(maxsize=4096)
def _place(text: str, hint: str | None) -> Location | None:
    fn = _function("konflikt.resolve.places", "resolve_place")
    if fn is None:
        return None
    loc = fn(text, country_hint=hint)
    return loc if isinstance(loc, Location) else None


def resolve_place(text: str, *, country_hint: str | None = None) -> Location | None:
    """A fresh Location for a place span (the caller sets start/end), or None."""
    loc = _place(text, country_hint)
    if loc is None:
        return None
    return Location(
        text=text, name=loc.name, geonames_id=loc.geonames_id, country=loc.country,
        admin1=loc.admin1, lat=loc.lat, lon=loc.lon, precision=loc.precision,
    )  # fmt: skip


@lru_cache(maxsize=2048)
def _place_mentions(text: str) -> tuple[Location, ...]:
    fn = _function("konflikt.resolve.places", "find_place_mentions")
    if fn is None:
        return ()
    return tuple(fn(text))


def find_place_mentions(text: str) -> list[Location]:
    """Gazetteer places in `text` (fresh copies: callers may change them)."""
    return [
        Location(
            text=m.text, start=m.start, end=m.end, name=m.name, geonames_id=m.geonames_id,
            country=m.country, admin1=m.admin1, lat=m.lat, lon=m.lon, precision=m.precision,
        )
        for m in _place_mentions(text)
    ]  # fmt: skip
