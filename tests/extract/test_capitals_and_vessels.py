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
@pytest.mark.parametrize(
    ("text", "event_type", "country", "not_place"),
    [
        # a ship's name is no place, whatever town in California shares it
        ("Sjøfolk bortført i Vest-Afrika\n"
         "Politiet i Togo pågrep søndag to menn i Lomé etter angrepet på skipet Bonita.\n",
         "COERCE", "TG", "Bonita"),
        # a capital undergoing the act in the headline stays the story's place
        ("Kabul angrepet natt til søndag\n"
         "Opprørere skjøt med raketter mot regjeringskvartalet.\n",
         "ASSAULT", "AF", None),
        # a capital acting in the opening is a party, not the story's place
        ("Kaptein pågrepet etter redningsaksjon\n"
         "Roma har hele tiden nektet skipet å legge til kai i Italia.\n"
         "Kapteinen ble pågrepet av politiet natt til lørdag.\n",
         "COERCE", "IT", "Rome"),
    ],
)  # fmt: skip
def test_where_the_event_is(text: str, event_type: str, country: str,
                            not_place: str | None) -> None:  # fmt: skip
    event = next(e for e in extract_text(text) if e.event_type == event_type)
    assert event.location is not None and event.location.country == country
    assert event.location.name != not_place
