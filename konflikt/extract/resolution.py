"""The extractor's door to konflikt.resolve (actors and places): results cached per span, since
an article asks about the same names many times, and returned as fresh copies where callers may
change them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from konflikt.model import Location
from konflikt.resolve import actors, places


def load() -> None:
    """Load the actor registry and the whole gazetteer (minor places too) now, not on first use."""
    actors.load_registry()
    places.load_gazetteer().minor  # noqa: B018  (the property loads the table)


@lru_cache(maxsize=4096)
def resolve_actor(text: str) -> tuple[str, str, str | None] | None:
    """(name, kind, ISO alpha-3 country) for a party span as written, or None."""
    if not text.strip():
        return None
    ref = actors.resolve_actor(text)
    if ref is None:
        return None
    return ref.name, ref.kind, ref.country


@lru_cache(maxsize=1024)
def capital_state(text: str) -> tuple[str, str, str | None] | None:
    """(name, kind, country) of the state a capital acting as a party stands for, or None."""
    ref = actors.capital_state(text)
    return None if ref is None else (ref.name, ref.kind, ref.country)


def names_country(text: str, alpha3: str | None) -> bool:
    """Whether `text` names the country (ISO alpha-3) or uses its adjective ("Tyrkia",
    "tyrkiske")."""
    country = actors.load_countries().get(alpha3 or "")
    if country is None:
        return False
    words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.casefold()))
    return any(n.casefold() in words for n in country.names) or any(
        a in words for a in country.adjectives
    )


@lru_cache(maxsize=4096)
def is_individual(text: str) -> bool:
    """Whether the registry knows `text` as one person (a person, or someone with an
    affiliation: "Trump" → Donald Trump, United States)."""
    ref = actors.resolve_actor(text) if text.strip() else None
    if ref is None:
        return False
    return ref.kind == "person" or getattr(ref, "affiliation", None) is not None


# Registry actors whose names are never taken for places, although a gazetteer may hold the same
# string ("IS" is a village in Russia, "Nato" one in the Philippines, "Hamas" reads as the
# genitive of Hama, "Tass" is a village in Hungary). Governments are named by their country
# ("Norge") and stay places; so do persons, the kind an unknown capitalised name gets.
_ACTOR_KINDS_THAT_MAY_BE_PLACES = frozenset({"government", "person"})


@lru_cache(maxsize=4096)
def names_an_organisation(text: str) -> bool:
    """Whether `text` as a whole is the name of a registry actor that is not a place (an armed
    group, an international organisation, a news agency, a party, a force...)."""
    ref = actors.resolve_alias(text) if text.strip() else None
    return ref is not None and ref.kind not in _ACTOR_KINDS_THAT_MAY_BE_PLACES


@lru_cache(maxsize=2048)
def find_actor_mentions(text: str) -> tuple[tuple[int, int, str, str, str | None], ...]:
    """(start, end, name, kind, country) for registry actors in `text`, non-overlapping."""
    return tuple(
        (s, e, ref.name, ref.kind, ref.country) for s, e, ref in actors.find_actor_mentions(text)
    )


@lru_cache(maxsize=4096)
def _place(text: str, hint: str | None) -> Location | None:
    return places.resolve_place(text, country_hint=hint)


def resolve_place(text: str, *, country_hint: str | None = None) -> Location | None:
    """A fresh Location for a place span (the caller sets start/end), or None; never for the
    name of an organisation (`names_an_organisation`)."""
    loc = _place(text, country_hint)
    if loc is None or names_an_organisation(text):
        return None
    return Location(
        text=text, name=loc.name, geonames_id=loc.geonames_id, country=loc.country,
        admin1=loc.admin1, lat=loc.lat, lon=loc.lon, precision=loc.precision,
    )  # fmt: skip


@lru_cache(maxsize=2048)
def _place_mentions(text: str) -> tuple[Location, ...]:
    return tuple(places.find_place_mentions(text))


def find_place_mentions(text: str) -> list[Location]:
    """Gazetteer places in `text` (fresh copies: callers may change them), without names of
    organisations (`names_an_organisation`)."""
    return [
        Location(
            text=m.text, start=m.start, end=m.end, name=m.name, geonames_id=m.geonames_id,
            country=m.country, admin1=m.admin1, lat=m.lat, lon=m.lon, precision=m.precision,
        )
        for m in _place_mentions(text)
        if not names_an_organisation(m.text)
    ]  # fmt: skip


# Institutions that act inside their own country: a nationality adjective before one of them
# ("en italiensk domstol", "svensk politi") says in which country the court sat or the police
# acted. Not governments or forces, which act abroad as often ("norske myndigheter fordømmer").
_DOMESTIC_ROLES = frozenset({"police", "court", "prosecution"})
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@lru_cache(maxsize=2048)
def _institution_countries(text: str) -> tuple[tuple[int, int, str], ...]:
    reg = actors.load_registry()
    words = list(_WORD_RE.finditer(text))
    found = []
    for adj, noun in zip(words, words[1:], strict=False):
        country = reg.adjectives.get(adj.group().lower())
        if country is None or country.alpha2 is None or text[adj.end() : noun.start()] != " ":
            continue
        role = reg.role_of(noun.group())
        if role is not None and role.key in _DOMESTIC_ROLES:
            found.append((adj.start(), adj.end(), country.name_en))
    # "Politiet i Benin pågrep ...": the country named after the institution
    for m in _INSTITUTION_IN_RE.finditer(text):
        role = reg.role_of(m.group(1))
        country = reg.country_of_name(m.group(2).split())
        if role is not None and role.key in _DOMESTIC_ROLES and country is not None:
            found.append((m.start(2), m.end(2), country.name_en))
    return tuple(sorted(found))


_INSTITUTION_IN_RE = re.compile(
    r"\b([^\W\d_]+)\s+(?:i|på)\s+([A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?)")


def institution_countries(text: str) -> list[Location]:
    """Countries named only by a nationality adjective before a police, court or prosecution
    noun ("En italiensk domstol dømte ..."): the country as a place, at the adjective's offsets
    in `text`, resolved through the gazetteer like a named country."""
    out = []
    for start, end, name in _institution_countries(text):
        loc = resolve_place(name)
        if loc is not None and loc.precision == "country":
            loc.text, loc.start, loc.end = text[start:end], start, end
            out.append(loc)
    return out
