"""The claims ledger of an occurrence: each source's version of it, side by side.

For a canonical event the ledger lists every report (claim) with its source and channel, stance,
dates, place and numbers, and sums the numbers up as UCDP does: per counted thing, `low` is the
lowest figure any source gives, `high` the highest, and `best` the median of the sources' best
figures (the lower median, so an even split leans to the conservative figure).

A denial is linked to the claim it denies: a `denied` report of the same occurrence denies the
asserted reports of it; a REJECT that denies a statement ("avviser at ...", `denies_a_statement`)
denies the claim, in another article, whose parties it shares and whose evidence sentence
shares enough content words with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from konflikt.link.config import LedgerConfig, load_config
from konflikt.link.merge import compare_parties, sentence_stems
from konflikt.model import Event

ASSERTING: frozenset[str] = frozenset({"asserted", "hedged"})


@dataclass(slots=True)
class Claim:
    event_id: str
    article_id: str | None
    source: str | None  # who says so; None: the outlet itself
    via: list[str]
    stance: str
    date_start: str | None
    date_end: str | None
    place: str | None
    country: str | None
    numbers: list[dict[str, Any]]  # {what, low, best, high, text}
    evidence: str


@dataclass(slots=True)
class NumberRange:
    what: str
    low: float
    best: float
    high: float
    claims: int  # how many reports gave a figure


@dataclass(slots=True)
class Denial:
    denial_event_id: str
    denied_event_id: str
    reason: str  # "denied report of the same occurrence" or the shared words
    strength: float


@dataclass(slots=True)
class Ledger:
    canonical_id: str
    event_type: str
    claims: list[Claim] = field(default_factory=list)
    numbers: list[NumberRange] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def claim_of(ev: Event) -> Claim:
    source = ev.source
    return Claim(
        event_id=ev.id,
        article_id=ev.article_id,
        source=(source.name or source.text) if source else None,
        via=list(source.via) if source else [],
        stance=ev.stance,
        date_start=ev.date.start if ev.date else None,
        date_end=ev.date.end if ev.date else None,
        place=(ev.location.name or ev.location.text) if ev.location else None,
        country=ev.location.country if ev.location else None,
        numbers=[
            {"what": q.what, "low": q.low, "best": q.best, "high": q.high, "text": q.text}
            for q in ev.quantities
        ],
        evidence=ev.evidence.sentence,
    )


def number_ranges(claims: Sequence[Claim]) -> list[NumberRange]:
    """UCDP-style low / best / high per counted thing, across the claims that give a figure."""
    figures: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for claim in claims:
        if claim.stance not in ASSERTING:  # a denied or planned figure is no estimate
            continue
        for n in claim.numbers:
            best = n["best"] if n["best"] is not None else n["low"]
            if best is None:
                continue
            low = n["low"] if n["low"] is not None else best
            high = n["high"] if n["high"] is not None else best
            figures[n["what"] or "unspecified"].append((low, best, high))
    out = []
    for what, values in sorted(figures.items()):
        bests = sorted(v[1] for v in values)
        out.append(NumberRange(
            what=what, low=min(v[0] for v in values), best=bests[(len(bests) - 1) // 2],
            high=max(v[2] for v in values), claims=len(values),
        ))  # fmt: skip
    return out


def find_denials(
    events: Sequence[Event], canonical_of: Mapping[str, str], config: LedgerConfig | None = None
) -> list[Denial]:
    """Every denial with the claim it denies (at most one claim per denial: the best match)."""
    config = config or load_config().ledger
    by_canonical: dict[str, list[Event]] = defaultdict(list)
    for ev in events:
        by_canonical[canonical_of.get(ev.id, ev.id)].append(ev)
    denials = []
    for ev in events:
        if ev.stance == "denied":
            peers = [p for p in by_canonical[canonical_of.get(ev.id, ev.id)]
                     if p.stance in ASSERTING and p.id != ev.id]  # fmt: skip
            if peers:
                denials.append(Denial(ev.id, peers[0].id, "denied report of the same occurrence",
                                      1.0))  # fmt: skip
                continue
        if (ev.event_type == "REJECT" and denies_a_statement(ev, config)) or ev.stance == "denied":
            best = _best_denied(ev, events, config)
            if best is not None:
                denials.append(best)
    return denials


_WORD = re.compile(r"\w+")
# After the verb: at most three words ("for", "blankt", "på det sterkeste"), then "at".
_THAT_CLAUSE = re.compile(r"\W+(?:\w+\W+){0,3}?at\b", re.IGNORECASE)


def denies_a_statement(ev: Event, config: LedgerConfig) -> bool:
    """Whether a REJECT denies something said: its trigger (or, when the trigger is not
    known, any word of its sentence) is a denial verb followed by a that-clause."""
    sentence = ev.evidence.sentence
    words = list(_WORD.finditer(sentence))
    if ev.trigger and ev.trigger_start is not None:
        at = ev.trigger_start - ev.evidence.start
        words = [w for w in words if w.start() >= at][:1]
    return any(
        w.group().lower().startswith(tuple(config.denial_verbs))
        and _THAT_CLAUSE.match(sentence, w.end()) is not None
        for w in words
    )


def _best_denied(denial: Event, events: Sequence[Event], config: LedgerConfig) -> Denial | None:
    words = _content(denial)
    kinds = _denied_types(denial)
    best: Denial | None = None
    for claim in events:
        if (claim.article_id == denial.article_id or claim.event_type == "REJECT"
                or claim.stance not in ASSERTING):  # fmt: skip
            continue
        if kinds and claim.event_type not in kinds:
            continue  # "avviser at politifolk mishandlet demonstranter" denies no inquiry
        if not _parties_meet(denial, claim):
            continue
        other = _content(claim)
        shared = words & other
        if not shared:
            continue
        strength = len(shared) / min(len(words), len(other))
        if strength >= config.denial_overlap and (best is None or strength > best.strength):
            best = Denial(denial.id, claim.id, f"shared words: {', '.join(sorted(shared))}",
                          round(strength, 3))  # fmt: skip
    return best


def _denied_types(denial: Event) -> set[str]:
    """The event types the verbs of a denial's that-clause name ("avviser at politifolk
    mishandlet demonstranter": ASSAULT); empty when there is no that-clause or no such verb."""
    from konflikt.extract.cues import lexicon  # the cue lexicon loads on first use

    sentence = denial.evidence.sentence
    verb_at = max(0, (denial.trigger_start or 0) - denial.evidence.start)
    that = _THAT.search(sentence, verb_at)
    if that is None:
        return set()
    return {cue.event_type for w in _WORD.findall(sentence[that.end():].lower())
            for cue in lexicon().lookup(w, w) if cue.pos == "verb"}  # fmt: skip


_THAT = re.compile(r"\bat\b")


def _parties_meet(denial: Event, claim: Event) -> bool:
    """The denier is a party of the claim, or answers the claim's source, or the denial names
    the claim's target ("avviser at soldatene skjøt mot demonstranter": the parse makes the
    demonstrators the REJECT's recipient, and a commander denying for his troops is no party
    of the claim by name)."""
    pairs = [(denial.actor, claim.actor), (denial.actor, claim.recipient),
             (denial.recipient, claim.source), (denial.recipient, claim.recipient)]  # fmt: skip
    # a party of no country named is no evidence that a denial answers this claim
    return any(compare_parties("actor", mine, theirs, same_kind=False).score
               for mine, theirs in pairs)  # fmt: skip


def _content(ev: Event) -> frozenset[str]:
    """Content words cut to their stems, as merging compares sentences: 'soldatene' denies
    what 'soldater' did."""
    return sentence_stems(ev.evidence.sentence)


def build_ledger(
    canonical: str, events: Sequence[Event], denials: Sequence[Denial] = ()
) -> Ledger:
    """The ledger of one occurrence from its reports; `denials` are kept when they point into it."""
    members = {ev.id for ev in events}
    claims = [claim_of(ev) for ev in events]
    return Ledger(
        canonical_id=canonical,
        event_type=events[0].event_type if events else "",
        claims=claims,
        numbers=number_ranges(claims),
        denials=[d for d in denials if {d.denied_event_id, d.denial_event_id} & members],
    )
