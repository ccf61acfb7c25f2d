"""Norwegian numbers: digits as Norwegians write them, and number words in Bokmål and Nynorsk.

`like_num` is the LIKE_NUM lexical attribute getter for the nb/nn pipelines; `parse_number_word`
turns one written number into a float. The words live in `konflikt/data/numerals.yaml`.

Conventions (coding manual §3, Quantities): thousands are grouped with a dot or a space
("3.500", "3 500"), decimals use a comma ("2,5"). Vague counts take ACLED's values
("hundrevis" → 100, "dusinvis" → 12); "flere" and "mange" are not numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from konflikt.paths import DATA_DIR

NUMERALS_PATH = DATA_DIR / "numerals.yaml"

# "3.500", "3 500", "1.250.000", "12", "2,5", "-4", "+3": grouping by threes with dot, space or
# no-break/thin space; an optional comma decimal part.
_DIGITS_RE = re.compile(
    r"^[+\-±~−]?(?P<int>\d{1,3}(?:[.\u00a0\u202f\u2009 ]\d{3})+|\d+)(?:,(?P<dec>\d+))?$"
)
# A dot followed by other than three digits is a decimal point written the English way ("2.5").
_DOT_DECIMAL_RE = re.compile(r"^[+\-±~−]?(?P<int>\d+)\.(?P<dec>\d{1,2}|\d{4,})$")
_FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True, slots=True)
class NumeralLexicon:
    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    words: dict[str, float]
    vague: dict[str, float]

    @property
    def pieces(self) -> list[tuple[str, str, float]]:
        """(piece, kind, value) sorted longest first, for greedy segmentation of compounds."""
        out = [(w, "unit", v) for w, v in self.units.items()]
        out += [(w, "tens", v) for w, v in self.tens.items()]
        out += [(w, "scale", v) for w, v in self.scales.items()]
        out.append(("og", "og", 0.0))
        return sorted(out, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def lexicon() -> NumeralLexicon:
    """The number-word lexicon, loaded once."""
    with NUMERALS_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return NumeralLexicon(
        units={str(k): float(v) for k, v in data["units"].items()},
        tens={str(k): float(v) for k, v in data["tens"].items()},
        scales={str(k): float(v) for k, v in data["scales"].items()},
        words={str(k): float(v) for k, v in data["words"].items()},
        vague={str(k): float(v) for k, v in data["vague"].items()},
    )


@lru_cache(maxsize=1)
def _pieces() -> list[tuple[str, str, float]]:
    return lexicon().pieces


def parse_digits(text: str) -> float | None:
    """A number written with digits, Norwegian style ("3.500", "3 500", "2,5"), or None."""
    text = text.strip()
    m = _DIGITS_RE.match(text)
    if m:
        whole = re.sub(r"\D", "", m.group("int"))
        value = float(whole)
        if m.group("dec"):
            value = float(f"{whole}.{m.group('dec')}")
        return -value if text[0] in "-−" else value
    m = _DOT_DECIMAL_RE.match(text)
    if m:
        return float(f"{m.group('int')}.{m.group('dec')}")
    m = _FRACTION_RE.match(text)
    if m and int(m.group(2)) != 0:
        return int(m.group(1)) / int(m.group(2))
    return None


def _segment(word: str) -> list[tuple[str, float]] | None:
    """Split a compound number word into known pieces, longest match first; None if it fails."""
    out: list[tuple[str, float]] = []
    i = 0
    while i < len(word):
        for piece, kind, value in _pieces():
            if word.startswith(piece, i):
                out.append((kind, value))
                i += len(piece)
                break
        else:
            return None
    return out


def _compose(parts: list[tuple[str, float]]) -> float | None:
    """Value of a sequence of pieces, or None where the order is not how numbers are written.

    Allowed: tens + unit ("tjueen"), unit + "og" + tens (older style, "treogtjue"), any
    number before a scale ("tohundre", "tre tusen"), and "og" after a scale ("hundreogfemti").
    Two units in a row ("tien") are rejected so that ordinary words are not read as numbers.
    """
    if not parts or parts[0][0] == "og" or parts[-1][0] == "og":
        return None
    total = 0.0
    current = 0.0
    prev = ""
    for kind, value in parts:
        if kind == "unit":
            if prev == "unit" or (prev == "tens" and value >= 10):
                return None
            current += value
        elif kind == "tens":
            if prev in ("unit", "tens"):
                return None
            current += value
        elif kind == "scale":
            if prev == "og":
                return None
            if current == 0:
                current = 1
            if value >= 1000:
                total += current * value
                current = 0
            else:
                current *= value
        elif kind == "og" and prev == "og":
            return None
        prev = kind
    return total + current


@lru_cache(maxsize=65536)
def parse_number_word(word: str) -> float | None:
    """The value of one written number: "tre" → 3, "tjueen" → 21, "tusenvis" → 1000.

    Accepts digits too ("3.500" → 3500.0) and multi-word numbers ("tre hundre"). Returns None
    for anything that is not a number, including "flere" and "mange".
    """
    text = word.strip().lower().rstrip(".")
    if not text:
        return None
    digits = parse_digits(text)
    if digits is not None:
        return digits
    lex = lexicon()
    for table in (lex.vague, lex.words, lex.units, lex.tens, lex.scales):
        if text in table:
            return table[text]
    parts: list[tuple[str, float]] = []
    for chunk in re.split(r"[\s\-]+", text):
        if not chunk:
            continue
        seg = _segment(chunk)
        if seg is None:
            return None
        parts.extend(seg)
    return _compose(parts)


@lru_cache(maxsize=65536)
def like_num(text: str) -> bool:
    """LIKE_NUM for Norwegian: digits in Norwegian notation, fractions and number words."""
    if not text:
        return False
    if text[0] in "+-±~−":
        text = text[1:]
    if parse_digits(text) is not None:
        return True
    lower = text.lower()
    lex = lexicon()
    # "par" and "dusin" count ("et par", "et dusin") but are nouns, not numerals.
    if lower in lex.words:
        return False
    return parse_number_word(lower) is not None
