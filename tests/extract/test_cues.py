"""The cue lexicon: schema, coverage of every PLOVER type, and lookups."""

from __future__ import annotations

import pytest
import yaml

from konflikt.extract.cues import CUES_PATH, lexicon, noun_forms, validate, verb_forms
from konflikt.model import EVENT_TYPES


def test_cue_file_is_valid_and_covers_all_types() -> None:
    data = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    assert validate(data) == []
    assert set(data) == set(EVENT_TYPES)
    assert all(data[t]["cues"] for t in EVENT_TYPES)


def test_validate_reports_problems() -> None:
    bad = {"ASSAULT": {"cues": [{"lemma": "angripe", "pos": "adj", "colour": 1}]},
           "BOMBING": {"cues": []}}  # fmt: skip
    problems = validate(bad)
    assert any("BOMBING" in p for p in problems)
    assert any("pos must be" in p for p in problems)
    assert any("unknown keys" in p for p in problems)


def test_inflections() -> None:
    assert {"dømte", "dømt", "dømmer", "dømmes"} <= verb_forms("dømme")
    assert {"arresterte", "arrestert", "arresterer"} <= verb_forms("arrestere")
    assert {"angrepet", "angrepene", "angrepa"} <= noun_forms("angrep")


@pytest.mark.parametrize(
    ("lower", "lemma", "etype"),
    [
        ("pågrepet", "", "COERCE"),  # surface form when the lemmatizer gives nothing
        ("droneangrepet", "droneangrepet", "ASSAULT"),  # compound tail
        ("demonstrerte", "demonstrere", "PROTEST"),
        ("overga", "overgi", "RETREAT"),
        ("truga", "truge", "THREATEN"),  # Nynorsk form
        ("sanksjonane", "", "SANCTION"),
    ],
)
def test_lookup(lower: str, lemma: str, etype: str) -> None:
    assert etype in {c.event_type for c in lexicon().lookup(lower, lemma)}


def test_non_events_are_not_cues() -> None:
    lex = lexicon()
    for word in ("angrepsspiller", "bord", "huset", "støttespiller"):
        assert lex.lookup(word, word) == [], word
