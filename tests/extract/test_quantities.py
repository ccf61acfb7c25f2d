"""Quantities: Norwegian numbers, ranges, vague counts, and what is not a count."""

from __future__ import annotations

import pytest

from konflikt.extract.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "what"),
    [
        ("Hæren sier om lag 100 opprørskrigere har overgitt seg.", 100, 100, 100, "fighters"),
        ("Det er mellom 3.500 og 5.000 krigere i byen.", 3500, 3500, 5000, "fighters"),
        ("En styrke på ca. 30–35.000 soldater nærmer seg.", 30000, 30000, 35000, "soldiers"),
        ("Rundt 90 prosent av byen er gjenerobret.", 90, 90, 90, "percent_territory"),
        ("Hundrevis av demonstranter samlet seg.", 100, 100, 100, "protesters"),
        ("Titalls sivile ble drept i angrepet.", 10, 10, 10, "killed"),
        ("Over 3 500 soldater er sendt dit.", 3500, 3500, 3500, "soldiers"),
        ("Tolv personer ble skadd.", 12, 12, 12, "injured"),
        ("Utenfor møtte 40 til 50 demonstranter opp.", 40, 40, 50, "protesters"),
        ("Han ble dømt til tjue års fengsel.", 20, 20, 20, "years_prison"),
    ],
)  # fmt: skip
def test_values(text: str, low: float, best: float, high: float, what: str) -> None:
    [q] = find_quantities(text)
    assert (q.low, q.best, q.high, q.what) == (low, best, high, what)
    assert q.start is not None and text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "Han er en 23 år gammel skuespiller.",
        "Det skjedde 12. juli i fjor.",
        "Møtet startet klokken 19.",
        "De kjøper F-35 fra USA.",
        "Flere ble skadd, og mange flyktet.",
        "Det skjedde i 2015.",
        "Politiet kom ved 16.15-tiden.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_one_only_before_a_casualty_word() -> None:
    qs = find_quantities("En drept og åtte såret i knivangrep.")
    assert [(q.best, q.what) for q in qs] == [(1, "killed"), (8, "injured")]
    assert find_quantities("En mann ble sett i området.") == []
