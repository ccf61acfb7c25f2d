"""The coding manual's §6 metric: match predicted events to gold events and score them.

Matching, per article: a prediction and a gold event match when their evidence spans overlap
(character offsets) and their `event_type` is equal. Candidate pairs are taken greedily, best field
agreement first (ties: a non-optional gold event before an optional one, then document order), and
each gold event and each prediction is used at most once.

Counting:
- precision = matched predictions / predictions, where predictions matched to an `optional` gold
  event are left out of both counts;
- recall = matched non-optional gold / non-optional gold; F1 the harmonic mean;
- detection recall = the same recall with `event_type` ignored in the matching;
- field accuracy over the matched pairs whose gold event is not optional (optional events neither
  reward nor punish), counted only where the gold field has a value:
  actor, recipient, source: the gold field is not null; right when the spans share a content word
  or the canonical names share a content word;
  location: gold has coordinates (or at least a country); right when within 50 km, or, for gold at
  precision `country`, when the country codes are equal;
  date: gold `start` is not null (a date span the coder could not resolve is no value); right when
  the predicted `start` is within one day;
  quantities: gold has at least one quantity with `best`; right when every gold `best` is among
  the predicted `best` values;
  stance: always has a value; right when equal.
Micro-averaged: all counts are summed over the articles before dividing. Articles without gold
events still count, every prediction there being a false positive.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from konflikt.model import Event
from konflikt.paths import DATA_DIR

FIELDS: tuple[str, ...] = (
    "actor", "recipient", "location", "date", "quantities", "source", "stance",
)  # fmt: skip

STOPWORDS_PATH = DATA_DIR / "stopwords.yaml"
# Function words that do not make two spans "the same party"; loaded once at import.
STOPWORDS: frozenset[str] = frozenset(
    str(w) for w in yaml.safe_load(STOPWORDS_PATH.read_text(encoding="utf-8"))["stopwords"]
)

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def content_words(text: str | None) -> set[str]:
    """Lower-cased words of `text` that are not stopwords; a genitive -s is folded away."""
    if not text:
        return set()
    out: set[str] = set()
    for word in _WORD_RE.findall(text.lower()):
        if word in STOPWORDS or word.isdigit():
            continue
        # "Tyrkias" and "Tyrkia", "USAs" and "USA" name the same party: fold a genitive s.
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return out


def _get(obj: Any, key: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _as_dict(event: Event | Mapping[str, Any]) -> Mapping[str, Any]:
    return event.to_dict() if isinstance(event, Event) else event


def _party_agrees(pred: Any, gold: Any) -> bool:
    if pred is None:
        return False
    if content_words(_get(pred, "text")) & content_words(_get(gold, "text")):
        return True
    return bool(content_words(_get(pred, "name")) & content_words(_get(gold, "name")))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(min(1.0, a)))


def _location_agrees(pred: Any, gold: Any) -> bool:
    if pred is None:
        return False
    if _get(gold, "precision") == "country" and _get(gold, "country"):
        return bool(_get(pred, "country")) and _get(pred, "country") == _get(gold, "country")
    glat, glon = _get(gold, "lat"), _get(gold, "lon")
    plat, plon = _get(pred, "lat"), _get(pred, "lon")
    if None not in (glat, glon, plat, plon):
        return haversine_km(float(plat), float(plon), float(glat), float(glon)) <= 50.0
    # Gold without coordinates but with a country: the country is all that can be compared.
    return bool(_get(gold, "country")) and _get(pred, "country") == _get(gold, "country")


def _parse_iso(value: Any) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date_agrees(pred: Any, gold: Any) -> bool:
    g = _parse_iso(_get(gold, "start"))
    p = _parse_iso(_get(pred, "start"))
    return g is not None and p is not None and abs((p - g).days) <= 1


def _quantities_agree(pred: Any, gold: Any) -> bool:
    predicted = {float(q_best) for q in pred or [] if (q_best := _get(q, "best")) is not None}
    wanted = [float(b) for q in gold or [] if (b := _get(q, "best")) is not None]
    return all(any(math.isclose(w, p) for p in predicted) for w in wanted)


def field_has_value(name: str, gold: Mapping[str, Any]) -> bool:
    """Whether the gold event has a value for `name` that field accuracy can be measured on."""
    value = gold.get(name)
    if name == "stance":
        return bool(value)
    if name == "date":
        return _parse_iso(_get(value, "start")) is not None
    if name == "quantities":
        return any(_get(q, "best") is not None for q in value or [])
    if name == "location":
        return value is not None and (
            (_get(value, "lat") is not None and _get(value, "lon") is not None)
            or bool(_get(value, "country"))
        )
    return value is not None and bool(_get(value, "text") or _get(value, "name"))


def field_agrees(name: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether the predicted field agrees with the gold one, by the rules in the module doc."""
    p, g = pred.get(name), gold.get(name)
    if name in ("actor", "recipient", "source"):
        return _party_agrees(p, g)
    if name == "location":
        return _location_agrees(p, g)
    if name == "date":
        return _date_agrees(p, g)
    if name == "quantities":
        return _quantities_agree(p, g)
    if name == "stance":
        return p == g
    raise ValueError(f"unknown field {name!r}")


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ea, eb = a["evidence"], b["evidence"]
    return int(_get(ea, "start")) < int(_get(eb, "end")) and int(_get(eb, "start")) < int(
        _get(ea, "end")
    )


def _agreement(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> int:
    return sum(
        1 for f in FIELDS if field_has_value(f, gold) and field_agrees(f, pred, gold)
    )


def match(
    predicted: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    *,
    typed: bool = True,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of one article's events: (prediction index, gold index) pairs."""
    candidates: list[tuple[int, int, int, int, int]] = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if typed and p["event_type"] != g["event_type"]:
                continue
            if not _overlap(p, g):
                continue
            optional = 1 if g.get("optional") else 0
            candidates.append((-_agreement(p, g), optional, j, i, 0))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _neg, _opt, j, i, _ in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


@dataclass(slots=True)
class _Tally:
    predicted: int = 0
    matched: int = 0  # predictions matched to non-optional gold
    matched_optional: int = 0
    gold: int = 0  # non-optional
    gold_optional: int = 0
    detected: int = 0


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score(
    predicted: Mapping[str, Sequence[Event | Mapping[str, Any]]],
    gold: Sequence[Mapping[str, Any]],
    article_ids: Iterable[str],
) -> dict[str, Any]:
    """Score predictions against gold over the given articles (manual §6, micro-averaged)."""
    ids = list(dict.fromkeys(article_ids))
    gold_by: dict[str, list[Mapping[str, Any]]] = {a: [] for a in ids}
    for g in gold:
        if g.get("article_id") in gold_by:
            gold_by[g["article_id"]].append(g)
    tally = _Tally()
    field_right = dict.fromkeys(FIELDS, 0)
    field_total = dict.fromkeys(FIELDS, 0)
    for aid in ids:
        preds = [_as_dict(e) for e in predicted.get(aid, [])]
        golds = gold_by[aid]
        tally.predicted += len(preds)
        tally.gold += sum(1 for g in golds if not g.get("optional"))
        tally.gold_optional += sum(1 for g in golds if g.get("optional"))
        for i, j in match(preds, golds, typed=True):
            g = golds[j]
            if g.get("optional"):
                tally.matched_optional += 1
                continue
            tally.matched += 1
            for f in FIELDS:
                if field_has_value(f, g):
                    field_total[f] += 1
                    field_right[f] += int(field_agrees(f, preds[i], g))
        tally.detected += sum(
            1 for _i, j in match(preds, golds, typed=False) if not golds[j].get("optional")
        )
    p_den = tally.predicted - tally.matched_optional
    precision = _ratio(tally.matched, p_den)
    recall = _ratio(tally.matched, tally.gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "detection_recall": _ratio(tally.detected, tally.gold),
        "fields": {
            f: (field_right[f] / field_total[f] if field_total[f] else None) for f in FIELDS
        },
        "counts": {
            "articles": len(ids),
            "predicted": tally.predicted,
            "gold": tally.gold,
            "gold_optional": tally.gold_optional,
            "tp": tally.matched,
            "fp": p_den - tally.matched,
            "fn": tally.gold - tally.matched,
            "matched": tally.matched,
            "matched_optional": tally.matched_optional,
            "detected": tally.detected,
            "field_n": field_total,
        },
    }
