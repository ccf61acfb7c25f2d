"""A person the registry does not know, named by surname, is the person the article introduced
in full, of the body named right after that introduction ("Kari Nordvik i det danske
politiet"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import extract_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        # introduced with the body she speaks for: a later "Nordvik" is the Danish police
        ("Eksplosjon i boligblokk i Aarhus\n"
         "Kari Nordvik i det danske politiet sier at bombegruppen er på vei.\n"
         "– Vi har en pågående etterforskning av eksplosjonen, sier Nordvik til avisen.\n",
         "police", "DNK"),
        # introduced with no body ("i blokken" is where she lives): a person
        ("Naboer reagerer på eksplosjonen\n"
         "Kari Nordvik bor i blokken og hørte smellet.\n"
         "– Vi krever at politiet forklarer hva som skjedde, sier Nordvik.\n",
         "person", None),
    ],
)  # fmt: skip
def test_a_surname_is_the_person_introduced_in_full(text: str, kind: str,
                                                     country: str | None) -> None:  # fmt: skip
    events = extract_text(text)
    parties = [p for e in events for p in (e.actor, e.source) if p is not None
               and p.text == "Nordvik"]  # fmt: skip
    assert parties, [(e.event_type, e.actor, e.source) for e in events]
    assert all(p.name == "Kari Nordvik" for p in parties)
    assert all(p.kind == kind for p in parties)
    if country is not None:
        assert all(p.country == country for p in parties)
