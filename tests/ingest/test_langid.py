"""Language routing: Bokmål, Nynorsk, and the languages that must not be parsed as Norwegian."""

from __future__ import annotations

import pytest

from konflikt.ingest.langid import SUPPORTED, identify_language

TEXTS = {
    "nb": "Regjeringen varslet mandag at flere soldater vil bli sendt til grensen etter angrepet.",
    "nn": "Regjeringa varsla måndag at fleire soldatar vil bli sende til grensa etter åtaket.",
    "da": "Regeringen meddelte mandag, at flere soldater vil blive sendt til grænsen.",
    "sv": "Regeringen meddelade på måndagen att fler soldater kommer att skickas till gränsen.",
    "en": "The government said on Monday that more soldiers will be sent to the border.",
}


@pytest.mark.parametrize(("code", "text"), TEXTS.items())
def test_identify(code: str, text: str) -> None:
    assert identify_language(text) == code


def test_only_norwegian_is_supported() -> None:
    assert {"nb", "nn"} == SUPPORTED
    assert identify_language(TEXTS["da"]) not in SUPPORTED


@pytest.mark.parametrize("text", ["", "Hei", "12 34 56 78", "!!!"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert identify_language(text) == "und"


def test_a_line_of_foreign_names_does_not_make_bokmal_nynorsk() -> None:
    # lingua, scoring the whole text as one, took this Bokmål text for Nynorsk (confidence 1.0)
    # because of the Turkish names; the words only Bokmål writes decide.
    text = (
        "Trump truer Tyrkia med økonomisk katastrofe\n"
        "Presidenten skrev søndag at USA vil knuse Tyrkia økonomisk hvis tyrkiske styrker "
        "angriper kurderne.\n"
        "I samme melding bekreftet han at tilbaketrekningen av soldater fra Syria er i gang.\n"
        "Tyrkias utenriksminister Mevlüt Çavuşoğlu svarte mandag at landet ikke er redd for "
        "trusler."
    )
    assert identify_language(text) == "nb"
    nynorsk = (
        "Ho seier at dei ikkje har fått noko svar frå departementet enno, men at dei vil "
        "halde fram med arbeidet i heile kommunen."
    )
    assert identify_language(nynorsk) == "nn"
