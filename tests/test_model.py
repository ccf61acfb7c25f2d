"""The shared records: ids are content-derived and `to_dict`/`from_dict` round-trip."""

from __future__ import annotations

from konflikt.model import (
    EVENT_TYPES,
    Article,
    Event,
    EventDate,
    Evidence,
    Location,
    Party,
    Quantity,
)


def _event(**overrides: object) -> Event:
    values: dict[str, object] = {
        "event_type": "ASSAULT",
        "mode": "aerial",
        "evidence": Evidence("Jagerfly bombet en landsby nord for byen.", 10, 51),
        "actor": Party("Jagerfly", 10, 18, name="Unknown air force", kind="state_forces"),
        "location": Location("byen", precision=None),
        "date": EventDate("natt til tirsdag", "2024-03-05", "2024-03-05", "day"),
        "quantities": [Quantity("minst tolv", 12, 12, None, "killed")],
        "source": Party("NTB", via=["NTB"]),
        "article_id": "a1",
        "trigger": "bombet",
        "trigger_start": 19,
        "trigger_end": 25,
    }
    values.update(overrides)
    return Event(**values)  # type: ignore[arg-type]


def test_sixteen_plover_types() -> None:
    assert len(EVENT_TYPES) == 16 and len(set(EVENT_TYPES)) == 16


def test_event_round_trip_keeps_every_field() -> None:
    event = _event()
    data = event.to_dict()
    assert data["id"] == event.id
    again = Event.from_dict(data)
    assert again == event
    assert again.to_dict() == data


def test_event_id_is_stable_and_content_derived() -> None:
    assert _event().id == _event().id
    assert _event().id == _event(stance="hedged").id  # a field correction keeps the identity
    assert _event().id != _event(event_type="COERCE").id
    assert _event().id != _event(article_id="a2").id
    moved = _event(evidence=Evidence("En annen setning.", 80, 98))
    assert moved.id != _event().id


def test_from_dict_accepts_gold_style_records_with_extra_keys() -> None:
    gold = {
        "article_id": "x", "event_type": "COERCE", "mode": "arrest",
        "actor": {"text": "politiet", "name": "Police", "kind": "police", "country": "NOR"},
        "recipient": None,
        "location": {"text": "Bergen", "name": "Bergen", "country": "NO", "lat": 60.39,
                     "lon": 5.32, "precision": "place"},
        "date": None, "quantities": [], "source": None, "stance": "asserted",
        "evidence": {"sentence": "Politiet pågrep en mann i Bergen.", "start": 0, "end": 33},
        "optional": False, "note": "written for this test",
    }  # fmt: skip
    event = Event.from_dict(gold)
    assert event.location is not None and event.location.lat == 60.39
    assert event.actor is not None and event.actor.country == "NOR"


def test_article_content_hash_depends_on_text_and_date() -> None:
    a = Article(id="1", text="Hei.", published="2024-01-01")
    assert a.content_hash == Article(id="other", text="Hei.", published="2024-01-01").content_hash
    assert a.content_hash != Article(id="1", text="Hei.", published="2024-01-02").content_hash
    assert a.content_hash != Article(id="1", text="Hei!", published="2024-01-01").content_hash
