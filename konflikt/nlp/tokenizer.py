"""The Norwegian tokenizer for the nb and nn pipelines, registered as `konflikt.tokenizer.v1`.

spaCy's Norwegian rules, plus what Norwegian news needs:

- abbreviations in any case ("Kl.", "ca.", "bl.a.", "F.eks."), from data/nlp/abbreviations.txt;
- genitive s after a colon stays in the word ("NTB:s", "FN:s", "USA:s");
- number ranges split at the dash ("30–35.000" → "30", "–", "35.000"), thousands with a dot stay
  whole ("3.500"), digit groups separated by a space, no-break space or thin space are merged
  ("100 000", "100\u00a0000" → one token) when the first group has 1–3 digits;
- a sentence-final year, number, date or time loses its period ("i 2017." → "2017", "."), while
  ordinals inside a sentence ("17. mai", "2. verdenskrig") keep it: the period is split off only
  when nothing, a closing quote, a dash or an upper-case word follows;
- words that end sentences more often than they abbreviate ("i.", "eg.", "min.") are not kept
  with their period (data/nlp/not_abbreviations.txt);
- a dialogue dash at the start of a line is its own token ("– Vi kom", "–Vi kom", "-Vi kom").

`like_num` from konflikt.nlp.numerals is installed as the LIKE_NUM getter, so "tre", "tolv",
"tusen", "hundrevis" and "titalls" are numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import LIKE_NUM, ORTH
from spacy.lang.nb import Norwegian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from konflikt.paths import DATA_DIR

ABBREVIATIONS_PATH = DATA_DIR / "nlp" / "abbreviations.txt"
NOT_ABBREVIATIONS_PATH = DATA_DIR / "nlp" / "not_abbreviations.txt"

_DASHES = "–—-"
# A number, date or clock time with a period glued on ("2017.", "24.", "14.10.2017.", "12:30.",
# "15.000."). Inside a sentence that period marks an ordinal ("17. mai") and stays.
_NUMBER_DOT_RE = re.compile(r"^\d(?:[\d.,:]*\d)?\.$")
_GROUP_HEAD_RE = re.compile(r"^[+\-−]?\d{1,3}$")
_GROUP_TAIL_RE = re.compile(r"^\d{3}(?:,\d+)?$")
_GROUP_SPACES = frozenset(" \u00a0\u202f\u2009")
_CLOSERS = frozenset("»”\"')]")


def _read_list(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _cased(words: list[str]) -> tuple[str, ...]:
    forms: dict[str, None] = {}
    for word in words:
        for form in (word, word[0].upper() + word[1:], word.upper()):
            forms[form] = None
    return tuple(forms)


@lru_cache(maxsize=1)
def abbreviations() -> tuple[str, ...]:
    """Abbreviations as listed in the data file, plus their Title and UPPER case forms."""
    return _cased(_read_list(ABBREVIATIONS_PATH))


@lru_cache(maxsize=1)
def not_abbreviations() -> tuple[str, ...]:
    """Word + period that must not stay one token (spaCy lists some as abbreviations)."""
    return _cased(_read_list(NOT_ABBREVIATIONS_PATH))


def _infixes() -> list[str]:
    infixes = []
    for pattern in Norwegian.Defaults.infixes or []:
        if "[:<>=/]" in pattern:
            # No split at a colon followed by a genitive or definite ending ("NTB:s", "pc-en").
            pattern = pattern.replace("[:<>=/]", "(?:[<>=/]|:(?!(?:s|en|ens|ene|er|et|a)\\b))")
        infixes.append(pattern)
    # Number ranges: "30–35.000", "1990-1995".
    infixes.append(r"(?<=[0-9])[–—-](?=[0-9])")
    return infixes


def _prefixes() -> list[str]:
    # A dialogue dash glued to the first word ("–Vi kom").
    # A hyphen only before a capital, so that "-tallet" or "-5" keep theirs.
    return [*(Norwegian.Defaults.prefixes or []), r"[–—](?=\w)", r"-(?=[A-ZÆØÅ])"]


class NorwegianTokenizer(Tokenizer):
    """spaCy's rule tokenizer plus the number and year repairs that need the next token."""

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        _merge_digit_groups(doc)
        _split_final_periods(doc)
        return doc


def _next_group(doc: Doc, j: int) -> int | None:
    """Index of the digit group continuing the number that ends at token j, or None.

    Groups are separated by one ordinary space (kept as the token's trailing whitespace) or by one
    no-break/thin space (which spaCy keeps as a token of its own).
    """
    tok = doc[j]
    if tok.whitespace_ == " ":
        k = j + 1
    elif not tok.whitespace_ and j + 1 < len(doc) and doc[j + 1].text in _GROUP_SPACES - {" "}:
        if doc[j + 1].whitespace_:
            return None
        k = j + 2
    else:
        return None
    if k < len(doc) and _GROUP_TAIL_RE.match(doc[k].text):
        return k
    return None


def _merge_digit_groups(doc: Doc) -> None:
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if _GROUP_HEAD_RE.match(doc[i].text):
            j = i
            while (k := _next_group(doc, j)) is not None:
                j = k
            if j > i:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    if spans:
        with doc.retokenize() as retok:
            for start, end in spans:
                retok.merge(doc[start:end])


def _split_final_periods(doc: Doc) -> None:
    targets = []
    for i, tok in enumerate(doc):
        if not _NUMBER_DOT_RE.match(tok.text):
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        first = nxt.text[0] if nxt is not None else ""
        if not first or first in _CLOSERS or first in _DASHES or first.isupper():
            targets.append(tok)
    if targets:
        with doc.retokenize() as retok:
            for tok in targets:
                retok.split(tok, [tok.text[:-1], "."], heads=[tok, tok])


def create_tokenizer(nlp: Language) -> NorwegianTokenizer:
    """The tokenizer for one pipeline; also installs Norwegian LIKE_NUM on its vocab."""
    from konflikt.nlp.numerals import like_num

    nlp.vocab.lex_attr_getters[LIKE_NUM] = like_num
    defaults = Norwegian.Defaults
    rules = dict(defaults.tokenizer_exceptions)
    for form in abbreviations():
        rules[form] = [{ORTH: form}]
    for form in not_abbreviations():
        rules.pop(form, None)
    return NorwegianTokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(_prefixes()).search,
        suffix_search=compile_suffix_regex(defaults.suffixes or []).search,
        infix_finditer=compile_infix_regex(_infixes()).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@spacy.registry.tokenizers("konflikt.tokenizer.v1")
def make_tokenizer() -> Callable[[Language], NorwegianTokenizer]:
    return create_tokenizer
