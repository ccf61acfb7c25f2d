"""Norwegian number words and digits (konflikt.nlp.numerals)."""

from __future__ import annotations

import pytest
import yaml

from konflikt.nlp.numerals import NUMERALS_PATH, like_num, parse_number_word


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("tre", 3),
        ("tolv", 12),
        ("tjue", 20),
        ("tjueen", 21),
        ("tjuefem", 25),
        ("femtiåtte", 58),
        ("treogtjue", 23),
        ("hundre", 100),
        ("tohundre", 200),
        ("tre hundre", 300),
        ("hundreogfemti", 150),
        ("tusen", 1000),
        ("totusen", 2000),
        ("to tusen fem hundre", 2500),
        ("titusen", 10000),
        ("million", 1_000_000),
        ("tre millioner", 3_000_000),
        ("Sju", 7),
        ("syv", 7),
        ("eitt", 1),
        ("hundrevis", 100),
        ("tusenvis", 1000),
        ("titalls", 10),
        ("titals", 10),
        ("dusinvis", 12),
        ("snesevis", 20),
        ("3.500", 3500),
        ("3 500", 3500),
        ("1.250.000", 1_250_000),
        ("2,5", 2.5),
        ("12", 12),
        ("1/2", 0.5),
    ],
)
def test_parse_number_word(word: str, value: float) -> None:
    assert parse_number_word(word) == pytest.approx(value)


@pytest.mark.parametrize(
    "word", ["flere", "mange", "tien", "angrep", "", "seksåtte", "ogtre", "tre og", "Oslo"]
)
def test_not_numbers(word: str) -> None:
    assert parse_number_word(word) is None


@pytest.mark.parametrize("text", ["3.500", "12", "tolv", "tjuefire", "hundrevis", "-4", "2,5"])
def test_like_num_true(text: str) -> None:
    assert like_num(text)


@pytest.mark.parametrize("text", ["flere", "soldater", "par", "dusin", "", "3a", "IS"])
def test_like_num_false(text: str) -> None:
    assert not like_num(text)


def test_lexicon_schema() -> None:
    data = yaml.safe_load(NUMERALS_PATH.read_text(encoding="utf-8"))
    assert set(data) == {"units", "tens", "scales", "words", "vague"}
    seen: set[str] = set()
    for table in data.values():
        for word, value in table.items():
            assert isinstance(word, str) and word == word.lower(), word
            assert isinstance(value, int | float) and value >= 0, word
            assert word not in seen, f"{word} is listed twice"
            seen.add(word)
