"""The `date YYYY-MM[-DD]` header and date normalisation."""

from __future__ import annotations

import pytest

from konflikt.ingest.dates import normalize_date, split_date_header

BODY = "Opprørere angrep en politistasjon i byen natt til søndag."


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        (" date 2017-10 ", "2017-10"),
        ("date 2023-02-14\n", "2023-02-14"),
        ("\n  date 2023-02-14 \n\n", "2023-02-14"),
        ("Date 2021-12\t", "2021-12"),
    ],
)
def test_header_gives_date_and_body_offset(prefix: str, published: str) -> None:
    text = prefix + BODY
    header = split_date_header(text)
    assert header is not None
    assert header.published == published
    assert header.body_start == len(prefix)
    assert text[header.body_start :] == BODY


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "date 2017-10x " + BODY,  # the date must stand alone
        "date 2017-13 " + BODY,  # no month 13
        "date 2023-02-30 " + BODY,  # no February 30
        "Oppdatert date 2017-10 " + BODY,  # only at the very start
        "date: 2017-10 " + BODY,
    ],
)
def test_no_header(text: str) -> None:
    assert split_date_header(text) is None


def test_header_at_end_of_text_has_empty_body() -> None:
    header = split_date_header("date 2024-01-05")
    assert header is not None and header.body_start == len("date 2024-01-05")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("2024-03-05T23:30:00+01:00", "2024-03-05"),  # the publisher's local date, not UTC
        ("2024-03-05 08:15", "2024-03-05"),
        ("2024-02-30", None),
        ("5. mars 2024", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: str | None, expected: str | None) -> None:
    assert normalize_date(value) == expected
