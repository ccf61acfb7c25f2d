"""Temporal expressions in a sentence, resolved against the article's publication date.

Rules (coding manual §3, Dates):
- a weekday ("lørdag", "fredag kveld", "natt til lørdag") is the latest such day on or before
  the publication date;
- "det siste døgnet" is the publication day and the day before (precision `day`, start ≠ end);
  "de siste fem dagene" is a five-day range ending on the publication date;
- "denne uken" runs from Monday to the publication date, "senere denne uken" from the
  publication date to Sunday (precision `week`);
- "siden juli" runs from 1 July (of the publication year, or the year before when July has not
  come yet) to the publication date, precision `month`;
- "12. juli" without a year takes the publication year, or the year before when that would put
  it more than half a year after publication;
- with a month-only publication date ("2017-10"), a weekday or relative day resolves to that
  month, precision `month`; with no publication date only absolute dates ("12. november 2015",
  "i 2016") get `start`/`end`, the rest keep their span with null dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import yaml

from konflikt.nlp.numerals import parse_number_word
from konflikt.paths import DATA_DIR

DATES_PATH = DATA_DIR / "dates.yaml"
# A day-and-month date without a year lying further than this after publication is last year's.
FUTURE_TOLERANCE_DAYS = 183


@dataclass(slots=True)
class DateMention:
    text: str
    start_char: int  # offsets into the string that was searched
    end_char: int
    start: str | None = None
    end: str | None = None
    precision: str | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date: a full day, or only a year and month."""

    year: int
    month: int
    day: int | None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None

    def month_range(self) -> tuple[date, date]:
        last = calendar.monthrange(self.year, self.month)[1]
        return date(self.year, self.month, 1), date(self.year, self.month, last)


def parse_published(value: str | None) -> Published | None:
    """'2017-10-14' or '2017-10' (month only) → Published; anything else → None."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        date(year, month, day or 1)
    except ValueError:
        return None
    return Published(year, month, day)


@dataclass(frozen=True, slots=True)
class _Words:
    weekdays: dict[str, int]
    months: dict[str, int]
    day_parts: tuple[str, ...]
    day_lead: tuple[str, ...]
    day_forward: tuple[str, ...]
    relative_days: dict[str, int]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw: dict[str, Any] = yaml.safe_load(DATES_PATH.read_text(encoding="utf-8"))
    return _Words(
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        months={str(k): int(v) for k, v in raw["months"].items()},
        day_parts=tuple(str(x) for x in raw["day_parts"]),
        day_lead=tuple(str(x) for x in raw["day_lead"]),
        day_forward=tuple(str(x) for x in raw["day_forward"]),
        relative_days={str(k): int(v) for k, v in raw["relative_days"].items()},
    )


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    w = _words()
    wd, mo = _alt(w.weekdays), _alt(w.months)
    parts, lead = _alt(w.day_parts), _alt((*w.day_lead, *w.day_forward))
    count = r"(?P<n>\d+|[a-zæøå]+)"
    flags = re.IGNORECASE
    specs = [
        ("numeric", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),
        ("daymonth", rf"\b(?:(?:{wd})\s+)?(?P<d>\d{{1,2}})\.\s*(?P<mon>{mo})\b\.?"
                     r"(?:\s+(?P<y>\d{4}))?"),
        ("døgn", r"\b(?:i\s+løpet\s+av\s+)?(?:det\s+)?siste\s+(?:døgnet|døgeret|døgn)\b"),
        ("lastn", rf"\b(?:i\s+løpet\s+av\s+)?(?:de|dei)\s+siste\s+{count}\s+"
                  r"(?P<unit>dagene|dagane|døgnene|døgna|ukene|vekene|månedene|månadene)\b"),
        ("lastdays", r"\b(?:i\s+løpet\s+av\s+)?(?:de|dei)\s+siste\s+(?:dagene|dagane)\b"),
        ("since", rf"\b(?:siden|sidan)\s+(?P<mon>{mo})\b(?:\s+(?P<y>\d{{4}}))?"),
        ("monthpart", r"\b(?:i\s+)?(?P<part>begynnelsen|starten|slutten|midten|byrjinga)\s+av\s+"
                      rf"(?P<mon>{mo})\b(?:\s+(?P<y>\d{{4}}))?(?P<lastyear>\s+i\s+fjor)?"),
        ("month", rf"\bi\s+(?P<mon>{mo})\b(?:\s+(?P<y>\d{{4}}))?(?P<lastyear>\s+i\s+fjor)?"),
        ("year", r"\b(?:i|siden|sidan|fra|frå|høsten|våren|sommeren|vinteren)\s+"
                 r"(?P<y>(?:19|20)\d{2})\b"),
        ("ago", rf"\bfor\s+{count}\s+(?P<unit>dager|dagar|døgn|uker|veker|uke|veke|måneder"
                r"|månader|måned|månad|år)\s+siden\b"),
        ("lastyear", r"\bi\s+fjor\b"),
        ("thisyear", r"\bi\s+år\b"),
        ("lastweek", r"\b(?:i\s+)?(?:forrige|førre|sist)\s+(?:uke|uka|veke)\b"),
        ("lastmonth", r"\b(?:i\s+)?(?:forrige|førre)\s+(?:måned|månad)\b"),
        ("thismonth", r"\b(?:tidligere\s+|tidlegare\s+)?(?:denne|i\s+denne)\s+"
                      r"(?:måneden|månaden)\b"),
        ("nextweek", r"\b(?:i\s+)?(?:neste|kommende)\s+(?:uke|veke)\b"),
        ("laterweek", r"\b(?:senere|seinare|seinere|senare)\s+(?:i\s+)?(?:denne|i\s+løpet\s+av"
                      r"(?:\s+denne)?)\s+(?:uken|uka|veka)\b"),
        ("thisweek", r"\b(?:tidligere\s+|tidlegare\s+)?(?:denne|i\s+denne|i\s+løpet\s+av"
                     r"(?:\s+denne)?)\s+(?:uken|uka|veka)\b"),
        ("weekend", r"\b(?:i\s+helgen|i\s+helga|helgens|helgas|forrige\s+helg)\b"),
        ("relday", rf"\b(?P<rel>{_alt(w.relative_days)})\b"),
        ("weekday", rf"\b(?:(?P<lead>{lead})\s+)?(?P<wd>{wd})(?:ens|s)?\b(?:\s+(?:{parts})\b)?"),
    ]
    return [(name, re.compile(rx, flags)) for name, rx in specs]


def _last_weekday(pub: date, weekday: int) -> date:
    return pub - timedelta(days=(pub.weekday() - weekday) % 7)


def _month_year(month: int, pub: Published | None, year: str | None, last_year: bool) -> int | None:
    if year:
        return int(year)
    if pub is None:
        return None
    y = pub.year - 1 if last_year else pub.year
    if not last_year and month > pub.month + 6:
        y -= 1  # "i desember" in an article from February is last December
    return y


def _resolve(name: str, m: re.Match[str], pub: Published | None) -> tuple[Any, Any, str | None]:
    """(start, end, precision) for one match; start/end are dates or None."""
    w = _words()
    day = pub.date if pub else None
    g = m.groupdict()
    if name == "numeric":
        try:
            d = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None, None, None
        return d, d, "day"
    if name == "daymonth":
        month = w.months[g["mon"].lower()]
        if g.get("y"):
            year = int(g["y"])
        elif pub is not None:
            year = pub.year
            ref = day or pub.month_range()[1]
            try:
                if date(year, month, int(g["d"])) - ref > timedelta(days=FUTURE_TOLERANCE_DAYS):
                    year -= 1
            except ValueError:
                return None, None, None
        else:
            return None, None, None
        try:
            d = date(year, month, int(g["d"]))
        except ValueError:
            return None, None, None
        return d, d, "day"
    if name in ("year", "lastyear", "thisyear"):
        if name == "year":
            year = int(g["y"])
        elif pub is None:
            return None, None, None
        else:
            year = pub.year - 1 if name == "lastyear" else pub.year
        return date(year, 1, 1), date(year, 12, 31), "year"
    if name in ("month", "monthpart", "since"):
        month = w.months[g["mon"].lower()]
        year = _month_year(month, pub, g.get("y"), bool(g.get("lastyear")))
        if year is None:
            return None, None, None
        first = date(year, month, 1)
        if name == "since":
            end = day or (pub.month_range()[1] if pub else first)
            return first, end, "month"
        return first, date(year, month, calendar.monthrange(year, month)[1]), "month"
    if pub is None:
        return None, None, None
    if day is None:  # month-only publication: everything relative falls in that month
        start, end = pub.month_range()
        return start, end, "month"
    if name == "døgn":
        return day - timedelta(days=1), day, "day"
    if name == "lastn":
        n = parse_number_word(g["n"])
        if n is None or n <= 0 or n > 400:
            return None, None, None
        unit = g["unit"].lower()
        days = int(n) * (7 if unit.startswith(("uke", "veke")) else 30 if "måned" in unit
                         or "månad" in unit else 1)  # fmt: skip
        precision = "day" if days <= 14 else "week" if days <= 62 else "month"
        return day - timedelta(days=days), day, precision
    if name == "ago":  # "for to uker siden": that long before publication
        n = parse_number_word(g["n"])
        if n is None or n <= 0 or n > 400:
            return None, None, None
        unit = g["unit"].lower()
        if unit.startswith(("uke", "veke")):
            d = day - timedelta(days=7 * int(n))
            return d, d + timedelta(days=6), "week"
        if unit.startswith(("måned", "månad")):
            d = day - timedelta(days=30 * int(n))
            return d, d, "month"
        if unit == "år":
            return date(day.year - int(n), 1, 1), date(day.year - int(n), 12, 31), "year"
        d = day - timedelta(days=int(n))
        return d, d, "day"
    if name == "lastdays":
        return day - timedelta(days=6), day, "week"
    if name == "lastweek":
        monday = day - timedelta(days=day.weekday() + 7)
        return monday, monday + timedelta(days=6), "week"
    if name == "lastmonth":  # "i forrige måned": the calendar month before publication
        last = day.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last, "month"
    if name == "thismonth":  # "tidligere denne måneden": from the first to the day of writing
        return day.replace(day=1), day, "month"
    if name == "nextweek":
        monday = day + timedelta(days=7 - day.weekday())
        return monday, monday + timedelta(days=6), "week"
    if name == "laterweek":  # "senere denne uken": from the day of writing to Sunday
        return day, day + timedelta(days=6 - day.weekday()), "week"
    if name == "thisweek":
        return day - timedelta(days=day.weekday()), day, "week"
    if name == "weekend":
        saturday = _last_weekday(day, 5)
        if day.weekday() == 5:
            return day, day, "day"
        return saturday, saturday + timedelta(days=1), "day"
    if name == "relday":
        d = day + timedelta(days=w.relative_days[g["rel"].lower()])
        return d, d, "day"
    if name == "weekday":
        weekday = w.weekdays[g["wd"].lower()]
        if (g.get("lead") or "").lower() in w.day_forward:
            d = day + timedelta(days=(weekday - day.weekday()) % 7 or 7)  # "innen fredag"
        else:
            d = _last_weekday(day, weekday)
        return d, d, "day"
    return None, None, None


def next_occurrence(mention_text: str, published: str | None) -> tuple[str, str] | None:
    """For a weekday told about a planned event ("skal møtes torsdag"): the first such day
    after publication, as (start, end); None when the text is no plain weekday."""
    pub = parse_published(published)
    if pub is None or pub.date is None:
        return None
    words = _words()
    names = [w for w in re.findall(r"[a-zæøå]+", mention_text.lower()) if w in words.weekdays]
    if not names:
        return None
    day = pub.date
    weekday = words.weekdays[names[-1]]
    d = day + timedelta(days=(weekday - day.weekday()) % 7 or 7)
    return d.isoformat(), d.isoformat()


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """All temporal expressions in `text`, longest first where they overlap, in text order."""
    pub = parse_published(published)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, rx in _patterns():
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), name, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateMention] = []
    last_end = -1
    for start, end, name, m in found:
        if start < last_end:
            continue
        s, e, precision = _resolve(name, m, pub)
        out.append(
            DateMention(
                text=text[start:end].strip(),
                start_char=start,
                end_char=end,
                start=s.isoformat() if s else None,
                end=e.isoformat() if e else None,
                precision=precision if s else None,
            )
        )
        last_end = end
    return out
