"""A country named only by the nationality of its court, police or prosecutors ("en svensk
domstol") places an event that names no place, and counts towards the story's place. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from konflikt.extract import extract_events
from konflikt.extract.resolution import institution_countries
from konflikt.model import Article, Event


def test_the_adjective_before_a_court_or_police_noun_names_the_country() -> None:
    found = institution_countries("En svensk domstol dømte tre menn, og dansk politi bisto.")
    assert [(loc.text, loc.country, loc.precision) for loc in found] == [
        ("svensk", "SE", "country"), ("dansk", "DK", "country"),
    ]  # fmt: skip
    assert found[0].start == 3 and found[0].end == 9


def test_governments_forces_and_media_do_not_place_an_event() -> None:
    # they act or speak abroad as often as at home
    text = ("Norske myndigheter fordømte angrepet, russiske soldater rykket inn, "
            "melder tyske medier.")
    assert institution_countries(text) == []


def test_a_plural_prosecution_noun_counts() -> None:
    assert [loc.country for loc in institution_countries("Finske påtalemyndigheter mener")] == [
        "FI"
    ]


def _extract(text: str) -> list[Event]:
    from konflikt.nlp import load

    article = Article(id="t-inst", text=text, title=text.split("\n", 1)[0],
                      published="2022-03-10")  # fmt: skip
    return extract_events(load("nb")(text), article)


def _country(events: list[Event], etype: str, opening: str) -> str | None:
    found = [e for e in events
             if e.event_type == etype and e.evidence.sentence.startswith(opening)]  # fmt: skip
    seen = [(e.event_type, e.evidence.sentence[:25]) for e in events]
    assert found, f"no {etype} on '{opening}': {seen}"
    loc = found[0].location
    return loc.country if loc is not None else None


@pytest.mark.slow
def test_a_court_abroad_places_its_verdict_over_the_accused_home() -> None:
    events = _extract(
        "Lange straffer for smuglerligaen\n"
        "En svensk domstol dømte onsdag tre menn til åtte års fengsel for smugling.\n"
        "To andre tiltalte ble dømt til kortere straffer.\n"
        "Svensk politi pågrep mennene i fjor.\n"
        "Ifølge aktor ble ligaen ledet fra Bergen.\n"
    )
    assert _country(events, "SANCTION", "En svensk domstol") == "SE"
    # the next verdict names nothing: it takes the story's place, now Sweden, not Bergen
    assert _country(events, "SANCTION", "To andre tiltalte") == "SE"


@pytest.mark.slow
def test_a_finer_story_place_in_the_same_country_is_kept() -> None:
    events = _extract(
        "Tre menn dømt i Göteborg\n"
        "En svensk domstol dømte onsdag tre menn til åtte års fengsel for smugling.\n"
    )
    sanction = [e for e in events if e.event_type == "SANCTION"]
    assert sanction and sanction[0].location is not None
    assert sanction[0].location.name == "Gothenburg" or sanction[0].location.precision == "place"
