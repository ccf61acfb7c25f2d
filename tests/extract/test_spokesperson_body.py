"""A person the registry does not know, named by surname, is the person the article introduced
in full, of the body named right after that introduction ("Kari Nordvik i det danske
politiet"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import extract_text


@pytest.mark.slow
def test_a_surname_speaks_for_the_body_its_introduction_named() -> None:
    events = extract_text(
        "Eksplosjon i boligblokk i Aarhus\n"
        "Kari Nordvik i det danske politiet sier at bombegruppen er på vei.\n"
        "– Vi har en pågående etterforskning av eksplosjonen, sier Nordvik til avisen.\n"
    )
    parties = [p for e in events for p in (e.actor, e.source) if p is not None
               and p.text == "Nordvik"]  # fmt: skip
    assert parties, [(e.event_type, e.actor, e.source) for e in events]
    assert all(p.name == "Kari Nordvik" for p in parties)
    assert all((p.kind, p.country) == ("police", "DNK") for p in parties)


@pytest.mark.slow
def test_a_person_introduced_without_a_body_stays_a_person() -> None:
    events = extract_text(
        "Naboer reagerer på eksplosjonen\n"
        "Kari Nordvik bor i blokken og hørte smellet.\n"
        "– Vi krever at politiet forklarer hva som skjedde, sier Nordvik.\n"
    )
    parties = [p for e in events for p in (e.actor, e.source) if p is not None
               and p.text == "Nordvik"]  # fmt: skip
    assert parties, [(e.event_type, e.actor, e.source) for e in events]
    assert all(p.kind == "person" and p.name == "Kari Nordvik" for p in parties)
