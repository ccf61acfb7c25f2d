"""Source and channel, and attribution carried over a continued quote."""

from __future__ import annotations

import spacy
from spacy.language import Language

from konflikt.extract.attribution import attribute, sentence_source
from konflikt.extract.triggers import segments


def blank() -> Language:
    from konflikt.nlp.tokenizer import create_tokenizer

    nlp = spacy.blank("nb")
    nlp.tokenizer = create_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


def source_of(text: str) -> tuple[str | None, list[str]]:
    doc = blank()(text)
    src = sentence_source(segments(doc)[0])
    return (src.text, src.via) if src else (None, [])


def test_inverted_speaker_with_channel() -> None:
    text, via = source_of("– Angrepet kom uten forvarsel, sier talsmann Ole Hansen til NTB.")
    assert text == "talsmann Ole Hansen" and via == ["NTB"]


def test_fronted_email_to_agency() -> None:
    text, via = source_of(
        "I en epost til nyhetsbyrået Reuters skriver hæren at 30 opprørere er tatt til fange."
    )
    assert text == "hæren" and via == ["Reuters"]


def test_according_to() -> None:
    text, via = source_of("Tre soldater ble drept, ifølge lokale medier.")
    assert text == "lokale medier" and via == []


def test_no_source() -> None:
    assert source_of("Tre soldater ble drept i angrepet.") == (None, [])


def test_continued_quote_and_pronoun() -> None:
    doc = blank()(
        "– Vi har trukket oss ut av byen. Soldatene er på vei hjem, sier general Per Dahl.\n"
        "Han sier at ingen ble skadd.\n"
        "Tre hus brant ned."
    )
    sents = segments(doc)
    sources = attribute(doc, sents)
    assert [s.text if s else None for s in sources] == [
        "general Per Dahl", "general Per Dahl", "general Per Dahl", None,
    ]  # fmt: skip
