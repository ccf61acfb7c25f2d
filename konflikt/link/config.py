"""The linking thresholds, read once from `konflikt/data/link.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from konflikt.errors import KonfliktError
from konflikt.model import EVENT_TYPES

CONFIG_PATH = Path(__file__).resolve().parent.parent / "data" / "link.yaml"
FIELDS: tuple[str, ...] = ("type", "date", "place", "actor", "recipient", "words")


@dataclass(frozen=True, slots=True)
class DuplicateConfig:
    shingle_size: int = 3
    num_perm: int = 128
    threshold: float = 0.4
    # A shortened copy (a newspaper keeping three of the wire's six paragraphs) is mostly inside
    # the longer text although their Jaccard similarity is low: the share of the shorter
    # text's shingles found in the longer decides too, with LSH proposing pairs from
    # `candidate_threshold` up.
    containment: float = 0.5
    candidate_threshold: float = 0.2
    # ... but only for a shorter text of at least this many shingles (about 2 sentences)
    min_contained_shingles: int = 30
    # An outlet's own update of its story rewrites more than another paper's edit of it, and
    # two of its stories on different occurrences share little: between articles of one source
    # this share suffices.
    same_source_containment: float = 0.25


@dataclass(frozen=True, slots=True)
class MergeConfig:
    date_slack_days: int = 1
    max_km: float = 50.0
    min_score: float = 0.6
    weights: dict[str, float] = field(default_factory=dict)
    min_known_weight: float = 0.5
    undated_window_days: int = 7
    # Types whose modes are different acts, not different words for one act: a curfew and a
    # state of emergency, an arrest and a deportation. Two reports naming different modes of
    # these types never merge (an airstrike told as "aerial" and as "drone" still can).
    distinct_mode_types: tuple[str, ...] = ()
    # Two reports whose evidence sentences are one sentence, copied (content-word stems: this
    # share of the larger set shared, and at least `copy_min_words` of them), tell one
    # occurrence: a place one of them only inherited from its article does not part them.
    copy_overlap: float = 0.9
    copy_min_words: int = 5
    # Statements whose country their articles only lent them (neither sentence names a place)
    # are not parted by it: the story's place is not where a minister spoke.
    lent_place_types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LedgerConfig:
    denial_overlap: float = 0.3
    # Beginnings of the verbs by which a REJECT denies a statement ("avviser at ...").
    denial_verbs: tuple[str, ...] = ("avvis", "benekt", "nekt", "tilbakevis", "avkreft")


@dataclass(frozen=True, slots=True)
class LinkConfig:
    duplicates: DuplicateConfig
    merge: MergeConfig
    ledger: LedgerConfig


def parse_config(data: dict[str, Any]) -> LinkConfig:
    """Validate a parsed link.yaml; a wrong key or value is a KonfliktError naming it."""
    try:
        dup = DuplicateConfig(**data.get("duplicates", {}))
        merge_data = dict(data.get("merge", {}))
        if "lent_place_types" in merge_data:
            merge_data["lent_place_types"] = tuple(merge_data["lent_place_types"] or ())
        if "distinct_mode_types" in merge_data:
            merge_data["distinct_mode_types"] = tuple(merge_data["distinct_mode_types"] or ())
        merge = MergeConfig(**merge_data)
        ledger_data = dict(data.get("ledger", {}))
        if "denial_verbs" in ledger_data:
            ledger_data["denial_verbs"] = tuple(ledger_data["denial_verbs"] or ())
        ledger = LedgerConfig(**ledger_data)
    except TypeError as exc:
        raise KonfliktError(f"link.yaml: {exc}") from None
    if (dup.shingle_size < 1 or dup.num_perm < 16 or not 0 < dup.threshold <= 1
            or not 0 < dup.containment <= 1
            or not 0 < dup.candidate_threshold <= min(dup.threshold, dup.containment)
            or dup.min_contained_shingles < 1
            or not 0 < dup.same_source_containment <= dup.containment):  # fmt: skip
        raise KonfliktError("link.yaml: duplicates needs shingle_size >= 1, num_perm >= 16, "
                            "0 < threshold <= 1, 0 < containment <= 1, "
                            "0 < candidate_threshold <= threshold and containment, "
                            "min_contained_shingles >= 1, "
                            "0 < same_source_containment <= containment")
    if set(merge.weights) != set(FIELDS) or any(w < 0 for w in merge.weights.values()):
        raise KonfliktError(f"link.yaml: merge.weights needs non-negative {', '.join(FIELDS)}")
    if abs(sum(merge.weights.values()) - 1.0) > 1e-6:
        raise KonfliktError("link.yaml: merge.weights must sum to 1")
    if (not 0 < merge.min_score <= 1 or not 0 < merge.min_known_weight <= 1
            or merge.max_km <= 0 or merge.date_slack_days < 0 or merge.undated_window_days < 0
            or not 0 < merge.copy_overlap <= 1 or merge.copy_min_words < 1):
        raise KonfliktError("link.yaml: merge needs 0 < min_score <= 1, "
                            "0 < min_known_weight <= 1, max_km > 0, date_slack_days >= 0, "
                            "undated_window_days >= 0, 0 < copy_overlap <= 1, "
                            "copy_min_words >= 1")
    if not set(merge.lent_place_types) <= set(EVENT_TYPES):
        raise KonfliktError("link.yaml: merge.lent_place_types must be PLOVER event types")
    if not set(merge.distinct_mode_types) <= set(EVENT_TYPES):
        raise KonfliktError("link.yaml: merge.distinct_mode_types must be PLOVER event types")
    if not 0 < ledger.denial_overlap <= 1:
        raise KonfliktError("link.yaml: ledger.denial_overlap must be in (0, 1]")
    if not ledger.denial_verbs or not all(isinstance(v, str) and v for v in ledger.denial_verbs):
        raise KonfliktError("link.yaml: ledger.denial_verbs must be a list of word beginnings")
    return LinkConfig(duplicates=dup, merge=merge, ledger=ledger)


@cache
def load_config(path: Path = CONFIG_PATH) -> LinkConfig:
    with path.open(encoding="utf-8") as stream:
        return parse_config(yaml.safe_load(stream) or {})
