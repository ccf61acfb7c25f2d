"""Temporal expressions resolved against the publication date (manual §3, Dates)."""

from __future__ import annotations

import pytest

from konflikt.extract.dates import find_dates, parse_published


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("har overgitt seg i løpet av det siste døgnet", "2017-10-14", "2017-10-13",
         "2017-10-14", "day"),
        ("forlot byen sent fredag kveld", "2017-10-14", "2017-10-13", "2017-10-13", "day"),
        ("angrepet skjedde lørdag", "2017-10-14", "2017-10-14", "2017-10-14", "day"),
        ("i løpet av de siste fem dagene", "2017-10-14", "2017-10-09", "2017-10-14", "day"),
        ("har siden juli vært på offensiven", "2017-10-14", "2017-07-01", "2017-10-14",
         "month"),
        ("lørdag eller søndag", "2017-10", "2017-10-01", "2017-10-31", "month"),
        ("ble pågrepet 12. november 2015", None, "2015-11-12", "2015-11-12", "day"),
        ("kommer på besøk 13. november", "2019-10-16", "2019-11-13", "2019-11-13", "day"),
        ("skjedde i desember", "2019-02-03", "2018-12-01", "2018-12-31", "month"),
        ("en bombe gikk av i mai i fjor", "2019-12-01", "2018-05-01", "2018-05-31", "month"),
        ("ble fremstilt i 2016", None, "2016-01-01", "2016-12-31", "year"),
        ("Natt til lørdag ble anlegget rammet", "2019-09-16", "2019-09-14", "2019-09-14",
         "day"),
        ("møtet i forrige uke", "2019-07-03", "2019-06-24", "2019-06-30", "week"),
        ("møtet tidligere denne uken", "2019-07-03", "2019-07-01", "2019-07-03", "week"),
        ("ble arrestert i forrige måned", "2019-09-29", "2019-08-01", "2019-08-31", "month"),
        ("vart arrestert førre månad", "2019-01-10", "2018-12-01", "2018-12-31", "month"),
        ("tidligere denne måneden", "2019-09-29", "2019-09-01", "2019-09-29", "month"),
        ("møtet seinare denne veka", "2019-07-03", "2019-07-03", "2019-07-07", "week"),
        ("møtes senere i denne uken", "2019-07-03", "2019-07-03", "2019-07-07", "week"),
        ("sa han i går", "2016-10-19", "2016-10-18", "2016-10-18", "day"),
        ("onsdag ettermiddag", "2016-10-19", "2016-10-19", "2016-10-19", "day"),
        ("på laurdag", "2017-10-16", "2017-10-14", "2017-10-14", "day"),
    ],
)  # fmt: skip
def test_resolved(text: str, published: str | None, start: str, end: str,
                  precision: str) -> None:  # fmt: skip
    d = find_dates(text, published)[0]
    assert (d.start, d.end, d.precision) == (start, end, precision)
    assert text[d.start_char : d.end_char].strip() == d.text


def test_relative_without_publication_keeps_span_only() -> None:
    [d] = find_dates("Det skjedde søndag kveld.", None)
    assert d.text == "søndag kveld" and d.start is None and d.precision is None


def test_no_dates_in_plain_text() -> None:
    assert find_dates("Politiet arresterte tre menn i Oslo.", "2019-01-01") == []


@pytest.mark.parametrize("value", ["", "i går", "2019-13-01", "14.10.2017"])
def test_bad_published(value: str) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [("skal løslates innen fredag", "2023-10-13"), ("møtes neste mandag", "2023-10-16")],
)
def test_forward_weekdays(text: str, start: str) -> None:
    [d] = find_dates(text, "2023-10-09")  # a Monday
    assert d.start == start


def test_ago() -> None:
    [d] = find_dates("Protestene startet for to uker siden.", "2022-10-03")
    assert (d.start, d.end, d.precision) == ("2022-09-19", "2022-09-25", "week")
