"""Place resolution on Norwegian spans and sentences written for these tests."""

from __future__ import annotations

import math

import pytest

from konflikt.model import Location
from konflikt.resolve import find_place_mentions, resolve_place


def _km(a: Location, lat: float, lon: float) -> float:
    assert a.lat is not None and a.lon is not None
    p = math.pi / 180
    h = (
        math.sin((lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(lat * p) * math.sin((lon - a.lon) * p / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("span", "name", "country", "precision", "lat", "lon"),
    [
        ("Bagdad", "Baghdad", "IQ", "place", 33.34, 44.40),
        ("Damaskus", "Damascus", "SY", "place", 33.51, 36.29),
        ("Moskva", "Moscow", "RU", "place", 55.75, 37.62),
        ("Kairo", "Cairo", "EG", "place", 30.06, 31.25),
        ("Raqqas", "Ar Raqqah", "SY", "place", 35.95, 39.01),
        ("Rakka", "Ar Raqqah", "SY", "place", 35.95, 39.01),
        ("Norge", "Norway", "NO", "country", 62.0, 10.0),
        ("Noreg", "Norway", "NO", "country", 62.0, 10.0),
        ("Tyrkia", "Turkey", "TR", "country", 39.0, 35.0),
        ("Nord-Irak", "Iraq", "IQ", "country", 33.0, 44.0),
        ("Deir al-Zor-provinsen", "Dayr az Zawr", "SY", "admin1", 35.0, 40.5),
        ("Idlib-provinsen", "Idlib", "SY", "admin1", 35.9, 36.6),
        ("Nord-Libanon", "Ash Shimāl", "LB", "admin1", 34.3, 35.8),
        ("Vestbredden", "West Bank", "PS", "admin1", 32.0, 35.2),
        ("Lillehammer", "Lillehammer", "NO", "place", 61.12, 10.47),
        ("Sogndal", "Sogndal", "NO", "place", 61.23, 7.10),
        ("Tromsøs", "Tromsø", "NO", "place", 69.65, 18.96),
        ("Det hvite hus", "Washington", "US", "place", 38.9, -77.04),
        ("Lampedusa", "Lampedusa", "IT", "place", 35.50, 12.61),
    ],
)
def test_spans_resolve(
    span: str, name: str, country: str, precision: str, lat: float, lon: float
) -> None:
    loc = resolve_place(span)
    assert loc is not None
    assert (loc.text, loc.name, loc.country, loc.precision) == (span, name, country, precision)
    assert _km(loc, lat, lon) < 50
    assert loc.geonames_id is not None


def test_country_hint_breaks_ties() -> None:
    assert resolve_place("Tripoli").country == "LY"  # type: ignore[union-attr]
    assert resolve_place("Tripoli", country_hint="LB").country == "LB"  # type: ignore[union-attr]
    assert resolve_place("Tripoli", country_hint="LBN").country == "LB"  # type: ignore[union-attr]


def test_a_place_knows_its_admin1() -> None:
    mosul = resolve_place("Mosul")
    assert mosul is not None and mosul.admin1 == "Nīnawá"
    assert resolve_place("Syria").admin1 is None  # type: ignore[union-attr]


def test_phrases_around_places() -> None:
    libya = resolve_place("utenfor kysten av Libya")
    assert libya is not None and (libya.name, libya.precision) == ("Libya", "country")
    assert libya.text == "utenfor kysten av Libya"
    towns = resolve_place("Bergen, Stavanger og Trondheim")
    assert towns is not None and (towns.country, towns.precision) == ("NO", "country")


@pytest.mark.parametrize("span", ["", "   ", "lørdag", "kjempet", "Frihetsfronten"])
def test_what_is_not_a_place(span: str) -> None:
    assert resolve_place(span) is None


def test_scan_finds_places_with_offsets() -> None:
    text = (
        "Lørdag angrep opprørsgrupper landsbyer nær Aleppo, og i Bagdad ble tre personer drept. "
        "Ifølge Moskva skal styrker fra Tyrkia ha rykket inn i Deir al-Zor-provinsen."
    )
    found = find_place_mentions(text)
    assert [(text[p.start : p.end], p.name) for p in found] == [  # type: ignore[misc]
        ("Aleppo", "Aleppo"),
        ("Bagdad", "Baghdad"),
        ("Moskva", "Moscow"),
        ("Tyrkia", "Turkey"),
        ("Deir al-Zor-provinsen", "Dayr az Zawr"),
    ]
    assert all(p.text == text[p.start : p.end] for p in found)  # type: ignore[misc]


def test_common_words_and_names_are_not_places() -> None:
    # "moss", "vik", "bø" and "mo" are words; "Erna Solberg" and "Washington Post" are names
    text = (
        "Det vokste mose og moss på steinen ved en vik der de fikk bø og mo. "
        "Statsminister Erna Solberg leste Washington Post."
    )
    assert find_place_mentions(text) == []


def test_small_towns_are_found_when_capitalised_mid_sentence() -> None:
    text = "Brannen i Moss ble slukket, og folk i Vik og Bø ble evakuert."
    found = [(p.text, p.country) for p in find_place_mentions(text)]
    assert ("Moss", "NO") in found
    assert ("Vik", "NO") in found  # not Viikki in Helsinki, whose Swedish name is Vik
    assert ("Bø", "NO") in found


def test_a_common_word_at_the_start_of_a_sentence_is_not_a_place() -> None:
    assert find_place_mentions("Sand ble kjørt ut på veiene.") == []


def test_returned_locations_are_fresh_objects() -> None:
    first = resolve_place("Bagdad")
    assert first is not None
    first.start = 10
    assert resolve_place("Bagdad").start is None  # type: ignore[union-attr]


def test_bad_input_is_none_not_an_error() -> None:
    assert resolve_place(None) is None  # type: ignore[arg-type]
    assert find_place_mentions("") == []


@pytest.mark.parametrize("span", ["Asia", "Europa", "Midtøsten", "Nord-Afrika", "Balkan"])
def test_continents_and_regions_get_no_invented_point(span: str) -> None:
    assert resolve_place(span) is None


def test_a_surname_stays_a_surname_later_in_the_text() -> None:
    text = (
        "Talsmann Karim Tartus sa lørdag at styrkene står ved Homs. Tartus la til at "
        "kampene fortsetter, og at Asia ikke er rammet."
    )
    found = [p.text for p in find_place_mentions(text)]
    assert found == ["Homs"]
    # while a city named alone is a place
    alone = find_place_mentions("Det kom nye angrep mot Tartus natt til fredag.")
    assert [p.text for p in alone] == ["Tartus"]


def test_a_capitalised_function_word_inside_a_sentence_is_no_place() -> None:
    # GeoNames holds "Det" as another name of a town; here it starts a name the scanner knows
    found = find_place_mentions("Statsministeren reiser til Det kvite huset i neste veke.")
    assert [(m.text, m.name) for m in found] == [("Det kvite huset", "Washington")]
    assert find_place_mentions("Han sa at Det var over.") == []
    assert resolve_place("Det") is None and resolve_place("I") is None
