""""i byen" with no name after it is the town the article named before, not the country its
headline names most. Sentences written for this test."""

from __future__ import annotations

import pytest

from konflikt.extract import extract_events
from konflikt.model import Article

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
