"""Event trigger cues: the lexicon in `konflikt/data/event_cues.yaml`, compiled once for lookup.

A cue is found on a token by its lemma, by its surface form (so it still works where the
lemmatizer errs: every cue lemma is expanded with the regular Bokmål/Nynorsk inflections plus the
irregular `forms` listed in the data), or, for nouns, as the last part of a compound
("droneangrepet" → "angrep", with "drone" left to choose the mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from konflikt.model import EVENT_TYPES
from konflikt.paths import DATA_DIR

CUES_PATH = DATA_DIR / "event_cues.yaml"
CUE_KEYS = frozenset(
    {"lemma", "pos", "forms", "mode", "with", "context", "not_with", "weak", "role",
     "combatant", "confidence", "ongoing", "not_forms", "not_after"}
)  # fmt: skip
ROLES = frozenset({"claim"})
# How far (in tokens) a particle or object word of a multiword cue may follow the verb:
# "ba Danmark om", "trakk styrkene seg ut".
WITH_WINDOW = 5
# A compound must keep at least this many letters before the cue ("drone|angrep").
MIN_COMPOUND_PREFIX = 3

_VERB_SUFFIXES = ("", "r", "t", "te", "de", "s", "d", "ne")  # appended to a lemma in -e
_VERB_STEM_SUFFIXES = ("a", "ar", "ast", "as", "et", "te", "t", "de", "ete")  # to the stem
_NOUN_SUFFIXES = (
    "", "en", "et", "er", "ene", "a", "ar", "ane", "s", "ens", "ets", "ers", "enes", "ane",
    "ne", "n", "r",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    event_type: str
    lemma: str
    pos: str = "verb"
    mode: str | None = None
    with_: tuple[tuple[tuple[str, ...], ...], ...] = ()  # items → alternatives → word sequence
    context: frozenset[str] = frozenset()
    not_with: tuple[tuple[str, ...], ...] = ()
    not_after: tuple[tuple[str, ...], ...] = ()  # phrases right before the trigger that cancel it
    weak: bool = False
    role: str | None = None
    combatant: bool = False
    confidence: float = 0.6
    ongoing: bool = False


@dataclass(slots=True)
class CueLexicon:
    by_form: dict[str, list[Cue]] = field(default_factory=dict)
    noun_tails: list[tuple[str, Cue]] = field(default_factory=list)  # longest first
    # the same tails indexed by their last three letters, so a word only meets its candidates
    tails_by_end: dict[str, list[tuple[str, Cue]]] = field(default_factory=dict)
    modes: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    override_modes: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, lower: str, lemma: str) -> list[Cue]:
        """Cues for one token, by lemma, then surface form, then compound tail."""
        found: list[Cue] = []
        for key in (lemma, lower):
            for cue in self.by_form.get(key, ()):
                if cue not in found:
                    found.append(cue)
        if found:
            return found
        if "-" in lower:
            tail = lower.rsplit("-", 1)[1]
            if tail and tail in self.by_form:
                return [c for c in self.by_form[tail] if c.pos == "noun"]
        if len(lower) >= 6 and lower.isalpha():
            best = 0
            for tail, cue in self.tails_by_end.get(lower[-3:], ()):
                if len(tail) < best:
                    break
                if len(lower) - len(tail) >= MIN_COMPOUND_PREFIX and lower.endswith(tail):
                    best = len(tail)
                    if cue not in found:
                        found.append(cue)
        return found


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma (Bokmål and Nynorsk), over-generating on purpose."""
    forms = {lemma}
    if len(lemma) <= 3 or not lemma.endswith("e"):
        return forms
    stem = lemma[:-1]
    forms.update(lemma + s for s in _VERB_SUFFIXES)
    forms.update(stem + s for s in _VERB_STEM_SUFFIXES)
    # dømme → dømte, dømt: a doubled consonant is written single before -te/-t.
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouyæøå":
        forms.update(stem[:-1] + s for s in ("te", "t", "de", "d"))
    return forms


def noun_forms(lemma: str) -> set[str]:
    """Regular inflections of a noun lemma: definite, plural, genitive, Nynorsk -ar/-ane."""
    forms = {lemma + s for s in _NOUN_SUFFIXES}
    if lemma.endswith("e"):
        forms.update(lemma[:-1] + s for s in ("a", "ar", "ane", "en", "er", "ene"))
    if lemma.endswith("el"):  # gissel → gisler, gislene
        forms.update(lemma[:-2] + "l" + s for s in ("er", "ene", "ar", "ane"))
    return forms


def _phrases(items: Sequence[Any]) -> tuple[tuple[tuple[str, ...], ...], ...]:
    return tuple(
        tuple(tuple(alt.lower().split()) for alt in str(item).split("|")) for item in items
    )


def _cue(event_type: str, raw: dict[str, Any]) -> Cue:
    return Cue(
        event_type=event_type,
        lemma=str(raw["lemma"]).lower(),
        pos=str(raw.get("pos", "verb")),
        mode=raw.get("mode"),
        with_=_phrases(raw.get("with", [])),
        context=frozenset(str(w).lower() for w in raw.get("context", [])),
        not_with=tuple(tuple(str(p).lower().split()) for p in raw.get("not_with", [])),
        not_after=tuple(tuple(str(p).lower().split()) for p in raw.get("not_after", [])),
        weak=bool(raw.get("weak", False)),
        role=raw.get("role"),
        combatant=bool(raw.get("combatant", False)),
        confidence=float(raw.get("confidence", 0.6)),
        ongoing=bool(raw.get("ongoing", False)),
    )


def validate(data: Any) -> list[str]:
    """Problems with the cue file's structure; an empty list when it is well-formed."""
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["the cue file must map event types to their cues"]
    for etype, body in data.items():
        if etype not in EVENT_TYPES:
            problems.append(f"{etype}: not a PLOVER event type")
            continue
        if not isinstance(body, dict) or not isinstance(body.get("cues"), list):
            problems.append(f"{etype}: needs a `cues` list")
            continue
        for raw in body["cues"]:
            where = f"{etype}/{raw.get('lemma') if isinstance(raw, dict) else raw}"
            if not isinstance(raw, dict) or not isinstance(raw.get("lemma"), str):
                problems.append(f"{where}: a cue needs a string `lemma`")
                continue
            if unknown := set(raw) - CUE_KEYS:
                problems.append(f"{where}: unknown keys {sorted(unknown)}")
            if raw.get("pos", "verb") not in ("verb", "noun"):
                problems.append(f"{where}: pos must be verb or noun")
            if raw.get("role") is not None and raw["role"] not in ROLES:
                problems.append(f"{where}: unknown role {raw['role']!r}")
            for key in ("forms", "with", "context", "not_with", "not_forms", "not_after"):
                value = raw.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    problems.append(f"{where}: `{key}` must be a list of strings")
            conf = raw.get("confidence", 0.6)
            if not isinstance(conf, int | float) or not 0 < conf <= 1:
                problems.append(f"{where}: confidence must be in (0, 1]")
        overrides = body.get("override_modes", [])
        if not isinstance(overrides, list) or not set(overrides) <= set(body.get("modes") or {}):
            problems.append(f"{etype}: `override_modes` must list modes defined in `modes`")
        modes = body.get("modes", {})
        if not isinstance(modes, dict) or not all(
            isinstance(w, list) and all(isinstance(x, str) for x in w) for w in modes.values()
        ):
            problems.append(f"{etype}: `modes` must map a mode to a list of words")
    return problems


def compile_lexicon(data: dict[str, Any]) -> CueLexicon:
    lex = CueLexicon()
    tails: dict[str, list[Cue]] = {}
    for etype, body in data.items():
        lex.modes[etype] = [
            (mode, frozenset(w.lower() for w in words))
            for mode, words in (body.get("modes") or {}).items()
        ]
        lex.override_modes[etype] = frozenset(body.get("override_modes") or [])
        for raw in body["cues"]:
            cue = _cue(etype, raw)
            forms = noun_forms(cue.lemma) if cue.pos == "noun" else verb_forms(cue.lemma)
            forms |= {str(f).lower() for f in raw.get("forms", [])}
            forms -= {str(f).lower() for f in raw.get("not_forms", [])}
            for form in forms:
                lex.by_form.setdefault(form, []).append(cue)
                # Weak nouns are generic words: as compound tails they mostly name other things
                # ("bokavtaler", "valgkampen").
                if cue.pos == "noun" and len(form) >= 4 and not cue.weak:
                    tails.setdefault(form, []).append(cue)
    lex.noun_tails = sorted(
        ((t, c) for t, cues in tails.items() for c in cues), key=lambda tc: -len(tc[0])
    )
    for tail, cue in lex.noun_tails:
        lex.tails_by_end.setdefault(tail[-3:], []).append((tail, cue))
    return lex


@lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The compiled cue lexicon, loaded once per process."""
    with CUES_PATH.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    problems = validate(data)
    if problems:
        raise ValueError(f"{CUES_PATH}: " + "; ".join(problems))
    return compile_lexicon(data)
