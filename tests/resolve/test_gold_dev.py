"""Resolution on the dev gold's own spans (read at run time from ../shared, never copied).

The minimums are the figures measured when the resolvers were written (places 54/64, actors
146/211 sharing a content word with the gold name) minus a margin; most misses left are
neighbourhoods GeoNames does not have (Sinsen, Vårberg) and pronouns, which need coreference.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from konflikt.paths import shared_dir
from konflikt.resolve import resolve_actor, resolve_place

GOLD = shared_dir() / "data" / "gold" / "dev" / "events.jsonl"
pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared gold data not present")


def _events() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_place_spans_resolve_as_the_manual_scores_them() -> None:
    total = right = 0
    for event in _events():
        gold = event.get("location")
        if not gold or not gold.get("text"):
            continue
        total += 1
        loc = resolve_place(gold["text"])
        if loc is None:
            continue
        near = (
            loc.lat is not None
            and gold.get("lat") is not None
            and _km(loc.lat, loc.lon, gold["lat"], gold["lon"]) <= 50  # type: ignore[arg-type]
        )
        right += near or (gold.get("precision") == "country" and loc.country == gold["country"])
    assert total > 50
    assert right / total >= 0.80


def test_actor_spans_share_a_word_with_the_gold_name() -> None:
    def words(text: str | None) -> set[str]:
        return {w.lower() for w in re.findall(r"\w+", text or "")} - {"of", "the", "and", "for"}

    total = right = 0
    for event in _events():
        for role in ("actor", "recipient"):
            gold = event.get(role)
            if not gold or not gold.get("text"):
                continue
            total += 1
            ref = resolve_actor(gold["text"])
            right += ref is not None and bool(words(ref.name) & words(gold["name"]))
    assert total > 150
    assert right / total >= 0.65
