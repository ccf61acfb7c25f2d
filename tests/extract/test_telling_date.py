"""A day named in a trailing attribution (", opplyser politiet lørdag") is when it was told,
not when the deed happened; a state told "nå" (now) takes no day carried over from the deeds
before it. Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from konflikt.extract import extract_events
from konflikt.extract.attribution import telling_after
from konflikt.extract.events import _as_of_now
from konflikt.model import Article, Event


def test_the_attribution_after_a_comma_is_found() -> None:
    doc = spacy.blank("nb")("To ble drept i Bodø , opplyser politiet søndag .")
    sent = doc[:]
    assert telling_after(sent, 0) == sent.text.index(",")
    # an attribution before the deed is not a trailing one
    assert telling_after(sent, sent.text.index("politiet")) is None


def test_a_sentence_without_attribution_has_none() -> None:
    doc = spacy.blank("nb")("Tre soldater ble drept søndag , og to ble skadet .")
    assert telling_after(doc[:], 0) is None


def _events(text: str) -> list[Event]:
    from konflikt.nlp import load

    article = Article(id="t-told", text=text, title=text.split("\n", 1)[0],
                      published="2022-05-08")  # fmt: skip
    return extract_events(load("nb")(text), article)


@pytest.mark.slow
def test_the_day_of_the_telling_does_not_date_the_deed() -> None:
    events = _events("Drap i Bodø\nTo personer ble drept i Bodø, opplyser politiet lørdag.\n")
    killing = [e for e in events if e.event_type == "ASSAULT"]
    assert killing
    assert killing[0].date is None or killing[0].date.text != "lørdag"


@pytest.mark.slow
def test_a_day_before_the_attribution_still_dates_the_deed() -> None:
    events = _events("Pågripelse i Bodø\nPolitiet pågrep fredag en mann i Bodø, sier politiet.\n")
    arrest = [e for e in events if e.event_type == "COERCE"]
    assert arrest and arrest[0].date is not None
    assert (arrest[0].date.text, arrest[0].date.start) == ("fredag", "2022-05-06")


def test_now_the_adverb_not_the_verb() -> None:
    nlp = spacy.blank("nb")
    assert _as_of_now(nlp("Portforbudet gjelder nå også i Cusco .")[:])
    assert not _as_of_now(nlp("Soldatene prøvde å nå byen før natten .")[:])


@pytest.mark.slow
def test_a_state_told_as_now_takes_no_carried_day() -> None:
    events = _events(
        "Portforbud i Peru\n"
        "Regjeringen innførte fredag portforbud i Lima.\n"
        "Portforbud gjelder nå også i Cusco.\n"
    )
    curfews = {e.location.name if e.location else None: e for e in events
               if e.event_type == "COERCE"}  # fmt: skip
    assert set(curfews) == {"Lima", "Cusco"}
    lima, cusco = curfews["Lima"].date, curfews["Cusco"].date
    assert lima is not None and lima.start == "2022-05-06"
    assert cusco is None or cusco.start != "2022-05-06"
