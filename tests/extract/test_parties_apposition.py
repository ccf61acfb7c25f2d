"""A name with an indefinite description beside it: the name is the party."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from konflikt.extract.parties import PartySpan, named_before_apposition


def _doc(words: list[str], ents: list[str]) -> Doc:
    nlp = spacy.blank("nb")
    return Doc(nlp.vocab, words=words, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))


def test_description_after_a_name_gives_the_name() -> None:
    words = ["Hamas", ",", "en", "militant", "bevegelse", ",", "avfyrte", "raketter", "."]
    doc = _doc(words, ["B-ORG"] + ["O"] * 8)
    got = named_before_apposition(PartySpan(2, 5, 4), doc[:])
    assert got is not None and doc[got.start : got.end].text == "Hamas"


def test_name_before_a_bracketed_abbreviation() -> None:
    words = [
        "Den",
        "frie",
        "hæren",
        "(",
        "FSA",
        ")",
        ",",
        "en",
        "opprørsgruppe",
        ",",
        "angrep",
        ".",
    ]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"]
    doc = _doc(words, ents)
    got = named_before_apposition(PartySpan(7, 9, 8), doc[:])
    assert got is not None and doc[got.start : got.end].text == "Den frie hæren"
    # only the abbreviation is recognised: it stands in for the name
    doc = _doc(words, ["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O", "O", "O", "O"])
    got = named_before_apposition(PartySpan(7, 9, 8), doc[:])
    assert got is not None and doc[got.start : got.end].text == "FSA"


def test_other_spans_are_left_alone() -> None:
    words = ["Hamas", ",", "en", "militant", "bevegelse", ",", "avfyrte", "raketter", "."]
    # a definite description is no apposition marker here
    doc = _doc(
        ["Hamas", ",", "den", "militante", "bevegelsen", ",", "angrep", "."], ["B-ORG"] + ["O"] * 7
    )
    span = PartySpan(2, 5, 4)
    assert named_before_apposition(span, doc[:]) is span
    # the name before the comma is a place, not a party
    doc = _doc(words, ["B-GPE_LOC"] + ["O"] * 8)
    assert named_before_apposition(span, doc[:]) is span
    # no comma between them
    doc = _doc(["Hamas", "og", "en", "annen", "gruppe", "angrep", "."], ["B-ORG"] + ["O"] * 6)
    assert named_before_apposition(span, doc[:]) is span
    assert named_before_apposition(None, doc[:]) is None
