""""i byen" with no name after it is the town the article named before, not the country its
headline names most; and a town named inside the region a headline names is the story's place.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from konflikt.extract import extract_events
from konflikt.model import Article, Location

pytestmark = pytest.mark.slow

TEXT = (
    "Store protester i hele Peru\n"
    "Tusenvis av peruanere demonstrerte lørdag i Arequipa mot regjeringen i Peru.\n"
    "Regjeringen har sendt 2000 soldater inn i byen.\n"
)


def test_the_town_is_the_one_named_before() -> None:
    from konflikt.nlp import load

    article = Article(id="t-town", text=TEXT, title=TEXT.split("\n", 1)[0],
                      published="2022-05-02")  # fmt: skip
    events = extract_events(load("nb")(TEXT), article)
    troops = [e for e in events if e.evidence.sentence.startswith("Regjeringen har sendt")]
    assert troops, [(e.event_type, e.evidence.sentence[:30]) for e in events]
    loc = troops[0].location
    assert loc is not None and loc.country == "PE" and loc.precision == "place"
    assert loc.name == "Arequipa"


def _arrest_place(article_id: str, text: str) -> Location | None:
    """The place of the (first) arrest the extractor finds in a short Bokmål story."""
    from konflikt.nlp import load

    article = Article(id=article_id, text=text, title=text.split("\n", 1)[0],
                      published="2022-05-08")  # fmt: skip
    events = extract_events(load("nb")(text), article)
    arrests = [e for e in events if e.event_type == "COERCE"]
    assert arrests, [(e.event_type, e.evidence.sentence[:30]) for e in events]
    return arrests[0].location


def test_a_town_inside_the_headline_region_is_the_story_place() -> None:
    loc = _arrest_place("t-region", (
        "To skadet i skyting i Nordland\n"
        "Ukjente menn skjøt mot en bil i Bodø fredag kveld, og to personer ble skadet.\n"
        "Politiet har arrestert to menn.\n"
    ))  # fmt: skip
    assert loc is not None and loc.name == "Bodø"


def test_with_two_towns_in_the_region_the_region_stays() -> None:
    loc = _arrest_place("t-region2", (
        "Uro i Nordland\n"
        "Ukjente menn skjøt mot biler i Bodø og i Narvik fredag kveld.\n"
        "Politiet har arrestert to menn.\n"
    ))  # fmt: skip
    assert loc is not None and loc.name == "Nordland" and loc.precision == "admin1"


def test_a_place_the_sentence_opens_with_sets_its_scene_across_countries() -> None:
    from konflikt.nlp import load

    text = (
        "Uro i regionen\n"
        "I Hongkong demonstrerte flere tusen studenter søndag mot styret i Beijing.\n"
    )
    article = Article(id="t-fronted", text=text, title="Uro i regionen", published="2022-05-08")
    events = extract_events(load("nb")(text), article)
    protests = [e for e in events if e.event_type == "PROTEST"]
    assert protests, [(e.event_type, e.evidence.sentence[:30]) for e in events]
    loc = protests[0].location
    assert loc is not None and loc.name == "Hong Kong"  # not the finer, but foreign, Beijing
