"""Stance of an event: asserted, hedged, denied, negated, future or hypothetical (manual §3).

The cues live in `konflikt/data/stance.yaml`. They are read on the lower-cased words of the
sentence around the trigger: `before` cues must end within a few words before the trigger with no
clause boundary between, `sentence` cues anywhere earlier in the sentence. When several apply,
the strongest wins: denied > negated > hypothetical > future > hedged > asserted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from konflikt.paths import DATA_DIR

STANCE_PATH = DATA_DIR / "stance.yaml"
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "«", "»", '"', "men", "og", "mens", "at"})
# "ikke bare ..., men også": not a negation of the event.
_NOT_NEGATING_NEXT = frozenset({"bare", "berre", "minst", "lenger", "lengre"})
# "skal ha" / "skal være" are hearsay (hedged), not plans.
_HEARSAY_NEXT = frozenset({"ha", "være", "vere", "visstnok", "angivelig"})

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StanceCues:
    window: int
    hedged_before: tuple[Phrase, ...]
    hedged_sentence: tuple[Phrase, ...]
    denied_sentence: tuple[Phrase, ...]
    negated_before: tuple[Phrase, ...]
    future_before: tuple[Phrase, ...]
    hypothetical_sentence: tuple[Phrase, ...]
    deontic_before: tuple[Phrase, ...]
    open_question: tuple[Phrase, ...]
    claim: tuple[Phrase, ...]
    unnamed_sources: frozenset[str]


def _phrases(items: Sequence[Any]) -> tuple[Phrase, ...]:
    return tuple(tuple(str(p).lower().split()) for p in items)


@lru_cache(maxsize=1)
def cues() -> StanceCues:
    raw: dict[str, Any] = yaml.safe_load(STANCE_PATH.read_text(encoding="utf-8"))
    return StanceCues(
        window=int(raw["window"]),
        hedged_before=_phrases(raw["hedged"]["before"]),
        hedged_sentence=_phrases(raw["hedged"]["sentence"]),
        denied_sentence=_phrases(raw["denied"]["sentence"]),
        negated_before=_phrases(raw["negated"]["before"]),
        future_before=_phrases(raw["future"]["before"]),
        hypothetical_sentence=_phrases(raw["hypothetical"]["sentence"]),
        deontic_before=_phrases(raw["deontic"]["before"]),
        open_question=_phrases(raw["open_question"]["sentence"]),
        claim=_phrases(raw["claim"]["sentence"]),
        unnamed_sources=frozenset(str(w) for w in raw["unnamed_sources"]),
    )


_KNOWN_TO_RE = re.compile(
    r"\better det (?:[\w-]+ ){1,3}(?:kjenner til|erfarer|forstår|får opplyst)", re.IGNORECASE
)


def hedged_by_source(source_text: str | None, sentence: str) -> bool:
    """Hearsay by who tells it: unnamed sources, "etter det NRK kjenner til"."""
    if _KNOWN_TO_RE.search(sentence):
        return True
    if not source_text:
        return False
    words = set(re.findall(r"\w+", source_text.lower()))
    return bool(words & cues().unnamed_sources)


def is_open_question(words: Sequence[str], trigger: int) -> bool:
    """Whether the trigger stands in a whether-clause: nothing is reported as happening."""
    return _anywhere_before(words, trigger, cues().open_question)


def is_claimed(words: Sequence[str], trigger: int) -> bool:
    """Whether the trigger is told only as someone's claim ("X mener Y drepte Z")."""
    start = 0
    for k in range(trigger - 1, -1, -1):
        if words[k] in ("men", ";"):
            start = k + 1
            break
    return _anywhere_before(words[start:], trigger - start, cues().claim)


def is_deontic(words: Sequence[str], trigger: int) -> bool:
    """Whether the trigger is what someone says should happen ("bør innføres sanksjoner",
    "bør rettssaken stanses og en etterforskning igangsettes"): "bør" earlier in its clause."""
    start = 0
    for k in range(trigger - 1, -1, -1):
        if words[k] in CLAUSE_BREAKS - {"og"}:
            start = k + 1
            break
    return _anywhere_before(words[start:], trigger - start, cues().deontic_before)


def _ends_at(words: Sequence[str], phrase: Phrase, end: int) -> bool:
    """Whether `phrase` occupies words[end - len(phrase) : end]."""
    n = len(phrase)
    return end - n >= 0 and tuple(words[end - n : end]) == phrase


def _before(words: Sequence[str], trigger: int, phrases: tuple[Phrase, ...], window: int) -> int:
    """Index where a phrase ends within `window` words before the trigger, same clause; or -1."""
    for end in range(trigger, max(trigger - window, 0) - 1, -1):
        if end < trigger and words[end] in CLAUSE_BREAKS:
            return -1
        for phrase in phrases:
            if _ends_at(words, phrase, end):
                return end
    return -1


def _anywhere_before(words: Sequence[str], trigger: int, phrases: tuple[Phrase, ...]) -> bool:
    before = " " + " ".join(words[:trigger]) + " "
    return any(" " + " ".join(p) + " " in before for p in phrases)


def stance_for(words: Sequence[str], trigger: int, *, is_denial: bool = False) -> str:
    """The stance of the event whose trigger is words[trigger]; `words` are lower-cased.

    `is_denial` marks the trigger of a REJECT that is itself the denial: it is asserted, while
    the event it denies gets `denied`.
    """
    c = cues()
    if not is_denial and _anywhere_before(words, trigger, c.denied_sentence):
        return "denied"
    neg = _before(words, trigger, c.negated_before, c.window)
    if neg >= 0 and (neg >= len(words) or words[neg] not in _NOT_NEGATING_NEXT):
        return "negated"
    if _anywhere_before(words, trigger, c.hypothetical_sentence):
        return "hypothetical"
    hedge = _before(words, trigger, c.hedged_before, c.window + 1)
    future = _before(words, trigger, c.future_before, c.window)
    if future >= 0 and future < len(words) and words[future] in _HEARSAY_NEXT:
        future = -1
    if future >= 0 and words[future - 1] in ("skal", "skulle") and any(
        w in ("ha", "være", "vere") for w in words[future:trigger]
    ):
        # "skal en ELN-enhet ha angrepet": hearsay with the subject in between
        future, hedge = -1, future
    if future >= 0 and hedge < 0:
        return "future"
    if hedge >= 0 or _anywhere_before(words, trigger, c.hedged_sentence):
        return "hedged"
    return "asserted"
