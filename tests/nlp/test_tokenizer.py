"""The Norwegian tokenizer, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from konflikt.nlp.tokenizer import abbreviations, create_tokenizer


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("nb")
    nlp.tokenizer = create_tokenizer(nlp)
    return nlp


def words(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize("abbr", ["Kl.", "kl.", "ca.", "Ca.", "bl.a.", "f.eks.", "F.eks.", "mill."])
def test_abbreviations_any_case(nlp: Language, abbr: str) -> None:
    assert words(nlp, f"Møtet startet {abbr} tolv i går")[2] == abbr


def test_abbreviation_at_sentence_start(nlp: Language) -> None:
    assert words(nlp, "Kl. 14 rykket brannvesenet ut.")[:2] == ["Kl.", "14"]


def test_thousands_with_dot_stay_whole(nlp: Language) -> None:
    assert "3.500" in words(nlp, "Rundt 3.500 mennesker flyktet fra byen.")


def test_range_is_split_at_the_dash(nlp: Language) -> None:
    assert words(nlp, "Mellom 30–35.000 soldater deltok.")[1:4] == ["30", "–", "35.000"]


@pytest.mark.parametrize("sep", [" ", "\u00a0", "\u202f", "\u2009"])
def test_digit_groups_are_merged(nlp: Language, sep: str) -> None:
    toks = words(nlp, f"Over 100{sep}000 mennesker er på flukt.")
    assert toks[1] == f"100{sep}000"
    assert toks[2] == "mennesker"


def test_long_numbers_and_years_are_not_merged_wrongly(nlp: Language) -> None:
    assert words(nlp, "Det kostet 1 250 000 kroner.")[2] == "1 250 000"
    # A four-digit year is never the head of a digit group.
    assert words(nlp, "I 2016 200 ganger")[1:3] == ["2016", "200"]


def test_numeric_date_is_one_token(nlp: Language) -> None:
    assert "14.10.2017" in words(nlp, "Angrepet skjedde 14.10.2017 om kvelden.")


def test_sentence_final_date_and_year_lose_the_period(nlp: Language) -> None:
    assert words(nlp, "Han kom 14.10.2017.")[-2:] == ["14.10.2017", "."]
    assert words(nlp, "Loven kom i 2017. Den ble endret senere.")[3:6] == ["2017", ".", "Den"]
    assert words(nlp, "Valget var i 2017.")[-2:] == ["2017", "."]


def test_ordinals_keep_their_period(nlp: Language) -> None:
    toks = words(nlp, "Det skjedde 17. mai og under 2. verdenskrig.")
    assert "17." in toks and "2." in toks


def test_genitive_after_colon(nlp: Language) -> None:
    toks = words(nlp, "Ifølge NTB:s kilder og FN:s rapport var klokken 12:30.")
    assert "NTB:s" in toks and "FN:s" in toks
    assert toks[-2:] == ["12:30", "."]


def test_dialogue_dash_at_line_start(nlp: Language) -> None:
    assert words(nlp, "– Vi trekker oss ut, sier han.")[:2] == ["–", "Vi"]
    assert words(nlp, "–Vi trekker oss ut.\n–Nei.")[:2] == ["–", "Vi"]
    assert words(nlp, "–Vi trekker oss ut.\n–Nei.")[-3:] == ["–", "Nei", "."]


def test_text_is_preserved(nlp: Language) -> None:
    text = "– Over 100\u00a0000 flyktet, ifølge FN:s tall fra 14.10.2017. Kl. 12 kom ca. 3.500 til."
    assert nlp(text).text == text


def test_norwegian_number_words_are_like_num(nlp: Language) -> None:
    doc = nlp("tre tolv tusen hundrevis titalls soldater")
    assert [t.like_num for t in doc] == [True, True, True, True, True, False]


def test_abbreviation_list_has_case_variants() -> None:
    forms = set(abbreviations())
    assert {"kl.", "Kl.", "KL.", "f.eks.", "F.eks."} <= forms
    assert all(f.endswith(".") for f in forms)


def test_registered_tokenizer_in_config() -> None:
    nlp = spacy.blank("nn", config={"nlp": {"tokenizer": {"@tokenizers": "konflikt.tokenizer.v1"}}})
    assert [t.text for t in nlp("Kl. 9 kom dei.")][:2] == ["Kl.", "9"]


def test_hyphen_as_dialogue_dash_and_suffix_hyphen(nlp: Language) -> None:
    assert words(nlp, "-Vi kommer tilbake.")[:2] == ["-", "Vi"]
    assert "-tallet" in words(nlp, "på 1800 -tallet")


def test_words_that_look_like_abbreviations_end_sentences(nlp: Language) -> None:
    assert words(nlp, "Det var der han bodde i.")[-2:] == ["i", "."]
    assert words(nlp, "Det sa eg.")[-2:] == ["eg", "."]
    assert words(nlp, "Dette er tall fra Frp.")[-2:] == ["Frp", "."]
    assert words(nlp, "Ca. 40 personer kom bl.a. fra Bergen.")[4:6] == ["bl.a.", "fra"]
