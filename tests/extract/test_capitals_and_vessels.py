"""A capital that acts is its state ("Berlin har sagt nei"), a ship's name is no place ("skipet
Bonita"), and a police force named with its country ("Politiet i Benin") places its act.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from konflikt.extract.resolution import institution_countries

from .conftest import extract_text


def test_the_country_after_a_police_or_court_noun_names_the_country() -> None:
    found = institution_countries("Politiet i Benin pågrep to menn, og retten i Sverige dømte.")
    assert [(loc.text, loc.country) for loc in found] == [("Benin", "BJ"), ("Sverige", "SE")]
    # a town is no country, and a government acts abroad as often as at home
    assert institution_countries("Politiet i Bergen og regjeringen i Norge") == []




@pytest.mark.slow
def test_an_acting_capital_is_its_government() -> None:
    events = extract_text(
        "Nytt nei til soldater\n"
        "Berlin har sagt nei til forespørselen om flere soldater.\n"
        "Ministeren ber også Washington om å sende flere fly.\n"
    )
    reject = next(e for e in events if e.event_type == "REJECT")
    assert reject.actor is not None and reject.actor.text == "Berlin"
    assert (reject.actor.name, reject.actor.kind, reject.actor.country) == (
        "Germany", "government", "DEU"
    )
    assert reject.recipient is None or reject.recipient.text != "nei"  # "sagt nei til"
    request = next(e for e in events if e.event_type == "REQUEST")
    assert request.recipient is not None and request.recipient.country == "USA"


@pytest.mark.slow
def test_a_ship_named_like_a_town_is_no_place() -> None:
    events = extract_text(
        "Sjøfolk bortført i Vest-Afrika\n"
        "Politiet i Togo pågrep søndag to menn i Lomé etter angrepet på skipet Bonita.\n"
    )
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert arrest.location is not None and arrest.location.country == "TG"


@pytest.mark.slow
def test_a_capital_that_is_also_a_persons_name_in_the_article_stays_the_person() -> None:
    events = extract_text(
        "Foreningen krever svar\n"
        "Sofia Hansen leder foreningen i Bergen.\n"
        "Sofia krever at regjeringen handler nå.\n"
    )
    request = next(e for e in events if e.event_type == "REQUEST")
    assert request.actor is not None and request.actor.country != "BGR"
    assert request.actor.kind == "person"


@pytest.mark.slow
def test_a_capital_undergoing_the_act_in_the_headline_stays_the_story_place() -> None:
    events = extract_text(
        "Kabul angrepet natt til søndag\n"
        "Opprørere skjøt med raketter mot regjeringskvartalet.\n"
    )
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.location is not None and attack.location.country == "AF"


@pytest.mark.slow
def test_a_capital_acting_in_the_opening_is_no_story_place() -> None:
    events = extract_text(
        "Kaptein pågrepet etter redningsaksjon\n"
        "Roma har hele tiden nektet skipet å legge til kai i Italia.\n"
        "Kapteinen ble pågrepet av politiet natt til lørdag.\n"
    )
    arrest = next(e for e in events if e.event_type == "COERCE")
    assert arrest.location is not None and arrest.location.country == "IT"
    assert arrest.location.name != "Rome"
