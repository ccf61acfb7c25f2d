"""Numbers in a sentence and what they count, valued as the coding manual (and ACLED) says.

- "om lag/rundt/cirka 100" → best 100 (approximators are kept in the span, not in the value);
- "mellom 3.500 og 5.000", "40 til 50", "30–35.000" → low, high, and best = low (the
  conservative figure); a range whose second half carries the thousands ("30–35.000") scales
  the first half too;
- number words through konflikt.nlp.numerals ("tolv", "tjuefem", "to tusen"), vague counts at
  ACLED values ("hundrevis" → 100); "flere" and "mange" give no number;
- years, dates ("12. juli"), clock times ("klokken 19", "16.15-tiden"), ages ("23 år gammel")
  and parts of names ("F-35", "22-juli-terroren") are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from konflikt.model import Quantity
from konflikt.nlp.numerals import lexicon as numeral_lexicon
from konflikt.nlp.numerals import parse_digits, parse_number_word
from konflikt.paths import DATA_DIR

QUANTITIES_PATH = DATA_DIR / "quantities.yaml"
# How many words after the number may stand before the counted noun ("100 IS-krigere",
# "2.000 amerikanske soldater", "13 av de mest sårbare").
COUNTED_WINDOW = 3
OUTCOME_WINDOW = 6

_TOKEN_RE = re.compile(
    r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?"  # grouped thousands: 3.500, 3 500
    r"|\d+(?:[.,]\d+)?"  # plain digits with an optional decimal part
    r"|[^\W\d_]+(?:-[^\W\d_]+)*\.?"  # words (hyphenated compounds kept whole)
    r"|[–—-]",  # dashes (ranges)
    re.UNICODE,
)
_RANGE_LINKS = frozenset({"–", "—", "-", "til"})
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True, slots=True)
class _Lex:
    approximators: tuple[tuple[str, ...], ...]
    counted: tuple[tuple[str, str], ...]  # (word start, what), longest first
    outcome: dict[str, str]
    not_after: tuple[str, ...]
    not_before: frozenset[str]
    article_numbers: frozenset[str]
    article_number_next: frozenset[str]


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    raw: dict[str, Any] = yaml.safe_load(QUANTITIES_PATH.read_text(encoding="utf-8"))
    return _Lex(
        approximators=tuple(
            sorted((tuple(a.split()) for a in raw["approximators"]), key=len, reverse=True)
        ),
        counted=tuple(sorted(raw["counted"].items(), key=lambda kv: -len(kv[0]))),
        outcome={str(k): str(v) for k, v in raw["outcome"].items()},
        not_after=tuple(str(x) for x in raw["not_after"]),
        not_before=frozenset(str(x) for x in raw["not_before"]),
        article_numbers=frozenset(raw["article_numbers"]),
        article_number_next=frozenset(raw["article_number_next"]),
    )


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".") if len(self.text) > 1 else self.text.lower()


def _value(tokens: list[_Tok], i: int) -> tuple[float, int] | None:
    """The number starting at token i and the index after it, merging "to tusen", "3 millioner"."""
    lex = _lex()
    tok = tokens[i]
    word = tok.lower
    if word in ("flere", "fleire", "mange", "noen", "nokre", "par", "dusin"):
        return None
    if word in lex.article_numbers:
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if not any(nxt.startswith(w) for w in lex.article_number_next):
            return None
    value = parse_digits(tok.text) if tok.text[0].isdigit() else parse_number_word(word)
    if value is None:
        return None
    j = i + 1
    scales = numeral_lexicon().scales
    # "to tusen", "3,5 millioner", "tre hundre": a following scale word multiplies.
    while j < len(tokens) and tokens[j].lower in scales:
        value *= scales[tokens[j].lower]
        j += 1
    return value, j


def _excluded(text: str, tokens: list[_Tok], i: int, j: int) -> bool:
    lex = _lex()
    first, last = tokens[i], tokens[j - 1]
    before = tokens[i - 1].lower if i > 0 else ""
    if before in lex.not_before:
        return True
    if first.start > 0 and text[first.start - 1] == "-":  # "F-35"
        return True
    after = text[last.end : last.end + 30].lower()
    if after.startswith("-") and after[1:2].isalpha():  # "23-åringen", "16.15-tiden"
        return True
    if after.startswith(". ") and after[2:3].islower():  # "12. juli", "2. verdenskrig"
        return True
    if after.startswith(":"):  # clock "12:30"
        return True
    rest = after.lstrip(" .")
    if any(rest.startswith(w) for w in lex.not_after):
        return True
    # "18 og 19 år gamle": the first of two ages.
    if re.match(r"(?:og|eller|til)\s+\d+\s+år\s+gam", rest):
        return True
    if _counted(tokens, j)[0] is not None:
        return False
    # A year, or a number that is part of a name ("Sea Watch 3").
    return bool(_YEAR_RE.match(first.text) and j == i + 1) or (
        first.text[0].isdigit() and i > 0 and tokens[i - 1].text[:1].isupper() and i - 1 > 0
    )


def _counted(tokens: list[_Tok], j: int) -> tuple[str | None, int]:
    """What the number counts, from the words after it, and the index after that noun."""
    lex = _lex()
    for k in range(j, min(j + COUNTED_WINDOW, len(tokens))):
        word = tokens[k].lower
        part = word.rsplit("-", 1)[-1]
        for stem, what in lex.counted:
            if part.startswith(stem) and len(part) <= len(stem) + 4:
                if what == "years" and k + 1 < len(tokens):
                    nxt = " ".join(t.lower for t in tokens[k + 1 : k + 3])
                    what = "years_prison" if "fengsel" in nxt else what
                return what, k + 1
        # compound counted nouns: "fremmedkrigere", "IS-krigere", "soldatane"
        for stem, what in lex.counted:
            if len(stem) >= 5 and stem in part:
                return what, k + 1
    return None, j


def _outcome(tokens: list[_Tok], i: int, j: int) -> str | None:
    """What happened to the counted ones: the nearest outcome word after, else just before."""
    lex = _lex()
    for lo, hi in ((j, min(len(tokens), j + OUTCOME_WINDOW)), (max(0, i - 2), i)):
        words = [t.lower for t in tokens[lo:hi]]
        for n, word in enumerate(words):
            if word in lex.outcome:
                return lex.outcome[word]
            pair = " ".join(words[n : n + 2])
            if pair in lex.outcome:
                return lex.outcome[pair]
    return None


def _approx_start(tokens: list[_Tok], i: int) -> int:
    """Index of the first word of an approximator directly before token i, or i."""
    for phrase in _lex().approximators:
        n = len(phrase)
        if i - n >= 0 and tuple(t.text.lower() for t in tokens[i - n : i]) == phrase:
            return i - n
        if i - n >= 0 and tuple(t.lower for t in tokens[i - n : i]) == tuple(
            p.rstrip(".") for p in phrase
        ):
            return i - n
    return i


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in `text`, with offsets into it, in text order."""
    tokens = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        first = _value(tokens, i)
        if first is None:
            i += 1
            continue
        low, j = first
        high = low
        span_first = i
        # "mellom 3.500 og 5.000"
        between = i > 0 and tokens[i - 1].lower in ("mellom", "millom")
        if between:
            span_first = i - 1
        if j + 1 < len(tokens) and (
            tokens[j].lower in _RANGE_LINKS or (between and tokens[j].lower == "og")
        ):
            second = _value(tokens, j + 1)
            if second is not None and second[0] > low:
                high, j = second
                if high >= 1000 and low * 1000 <= high and low < high / 100:
                    low *= 1000  # "30–35.000": the thousands belong to both ends
        if _excluded(text, tokens, i, j):
            i = j
            continue
        what, k = _counted(tokens, j)
        outcome = _outcome(tokens, span_first, k)
        if outcome and what in (None, "people", "civilians", "crew", "migrants"):
            what = outcome if what in (None, "people") or outcome == "killed" else what
        if what == "percent":
            after = " ".join(t.lower for t in tokens[k : k + 3])
            if re.match(r"av\s+(byen|området|territoriet|landet|byane|områda)", after):
                what = "percent_territory"
        span_first = min(span_first, _approx_start(tokens, span_first))
        start, end = tokens[span_first].start, tokens[max(k, j) - 1].end
        out.append(
            Quantity(
                text=text[start:end], low=low, best=low, high=high, what=what,
                start=start, end=end,
            )
        )  # fmt: skip
        i = max(k, j)
    return out
