"""Which language an article is in: "nb", "nn", another ISO 639-1 code, or "und" when unsure.

Uses lingua (a statistical n-gram identifier that tells Bokmål from Nynorsk and both from Danish
and Swedish). The detector is built once, restricted to the languages Norwegian news readers
plausibly meet (`CANDIDATES`): fewer candidates is faster, uses less memory and avoids confusing
Norwegian with distant look-alikes. Text in a language outside the set comes out as the nearest
candidate or "und"; either way it is not "nb"/"nn" unless lingua is confident it is Norwegian.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = {"nb", "nn"}

CANDIDATES = (
    Language.BOKMAL, Language.NYNORSK, Language.DANISH, Language.SWEDISH, Language.ICELANDIC,
    Language.FINNISH, Language.ENGLISH, Language.GERMAN, Language.DUTCH, Language.FRENCH,
    Language.SPANISH, Language.PORTUGUESE, Language.ITALIAN, Language.POLISH, Language.RUSSIAN,
    Language.UKRAINIAN, Language.ARABIC, Language.PERSIAN, Language.TURKISH, Language.SOMALI,
)
# Enough text for a reliable decision; identifying more only costs time.
MAX_CHARS = 3000
# Fewer letters than this is too little to tell Bokmål from Nynorsk or Danish.
MIN_LETTERS = 12
# lingua's relative distance between the best and second-best language below which it abstains;
# 0.05 keeps short Bokmål/Nynorsk/Danish sentences decided while abstaining on mixed text.
MIN_RELATIVE_DISTANCE = 0.05

_CODES = {Language.BOKMAL: "nb", Language.NYNORSK: "nn"}
_WORD = re.compile(r"\w+")
# Frequent words that only one written standard uses, each beside its counterpart in the other
# ("ikkje" / "ikke", "eg" / "jeg", "frå" / "fra"); words both may write are left out.
NYNORSK_WORDS = frozenset([
    "ikkje", "eg", "ein", "eit", "dei", "ho", "kva", "korleis", "kvifor", "frå", "berre", "vart",
    "vore", "seier", "mykje", "noko", "sjølv", "kvar", "heile", "òg", "gjekk", "fekk", "gjer",
    "gjere", "meir", "framleis", "sidan", "utan", "då", "desse",
])
BOKMAL_WORDS = frozenset([
    "ikke", "jeg", "en", "et", "de", "hun", "hva", "hvordan", "hvorfor", "fra", "bare", "ble",
    "vært", "sier", "mye", "noe", "selv", "hver", "hele", "gikk", "fikk", "gjør", "gjøre", "mer",
    "fortsatt", "siden", "uten", "da", "disse",
])


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*CANDIDATES)
        .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
        .build()
    )


def _code(language: Language) -> str:
    if language in _CODES:
        return _CODES[language]
    iso: IsoCode639_1 = language.iso_code_639_1
    return iso.name.lower()


def identify_language(text: str) -> str:
    """ISO 639-1 code of `text` ("nb"/"nn" for the two written Norwegian standards), or "und"."""
    sample = text[:MAX_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return "und"
    language = _detector().detect_language_of(sample)
    if language in _CODES:
        return _written_standard(sample, language)
    return "und" if language is None else _code(language)


def _written_standard(sample: str, guess: Language) -> str:
    """Bokmål or Nynorsk for a text lingua took for Norwegian: by the function words only one
    of the two standards writes, lingua's own guess when there are none or as many of each.
    lingua scores a whole text as one product of n-gram probabilities, so one line of foreign
    names ("Mevlüt Çavuşoğlu") can swing a Bokmål article to Nynorsk with confidence 1.0."""
    words = _WORD.findall(sample.lower())
    nynorsk = sum(w in NYNORSK_WORDS for w in words)
    bokmal = sum(w in BOKMAL_WORDS for w in words)
    if nynorsk == bokmal:
        return _CODES[guess]
    return "nn" if nynorsk > bokmal else "nb"
