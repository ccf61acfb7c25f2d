"""Publication dates: the leading `date YYYY-MM[-DD]` header and normalising date values.

The seed articles start with a header such as `` date 2017-10 `` followed by the article on the
same line. The header is kept in `Article.text` (gold offsets count it) and only moved out of the
parsed body through `Article.body_start`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# Leading whitespace, the word "date", a year-month with an optional day, then whitespace (or
# the end of the text). "date 2017-10I ..." is not a header: the date must stand alone.
_HEADER = re.compile(r"\A\s*date[ \t]+(\d{4})-(\d{2})(?:-(\d{2}))?(?=\s|\Z)\s*", re.IGNORECASE)
# ISO dates as they come in records and page metadata: a date, optionally followed by a time.
_ISO = re.compile(r"\A\s*(\d{4})-(\d{2})(?:-(\d{2})(?:[T ][0-9:.+\-Z ]*)?)?\s*\Z")


@dataclass(frozen=True, slots=True)
class DateHeader:
    """A date header found at the start of a text."""

    published: str  # "YYYY-MM-DD" or "YYYY-MM" (month only)
    body_start: int  # offset of the first character of the body after the header


def _iso(year: str, month: str, day: str | None) -> str | None:
    try:
        if day is None:
            date(int(year), int(month), 1)
            return f"{year}-{month}"
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # month 13, February 30, ...
        return None


def split_date_header(text: str) -> DateHeader | None:
    """Find a leading `date YYYY-MM[-DD]` header; None when the text has none (or an invalid one).

    >>> split_date_header(" date 2017-10 I en e-post ...")
    DateHeader(published='2017-10', body_start=14)
    """
    match = _HEADER.match(text)
    if match is None:
        return None
    published = _iso(match.group(1), match.group(2), match.group(3))
    if published is None:
        return None
    return DateHeader(published=published, body_start=match.end())


def normalize_date(value: str | None) -> str | None:
    """An ISO date ("2024-03-05"), month ("2024-03") or timestamp ("2024-03-05T08:15:00+01:00")
    as "YYYY-MM-DD" or "YYYY-MM"; None for anything else.

    A timestamp keeps the calendar date as written, i.e. the publisher's local date, not UTC.
    """
    if not value:
        return None
    match = _ISO.match(value)
    if match is None:
        return None
    return _iso(match.group(1), match.group(2), match.group(3))
