"""link.yaml: the shipped thresholds are valid, and a broken file is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from konflikt.errors import KonfliktError
from konflikt.link.config import CONFIG_PATH, FIELDS, load_config, parse_config


def test_shipped_config_is_valid() -> None:
    config = load_config(CONFIG_PATH)
    assert set(config.merge.weights) == set(FIELDS)
    assert 0 < config.duplicates.threshold <= 1
    # A type match alone must never be enough to merge two reports.
    assert config.merge.weights["type"] < config.merge.min_score


def _shipped() -> dict:
    return yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("duplicates", "threshold", 1.5),
        ("duplicates", "shingel_size", 3),  # misspelt key
        ("duplicates", "containment", 0),
        ("duplicates", "candidate_threshold", 0.45),  # above the Jaccard threshold
        ("duplicates", "min_contained_shingles", 0),
        ("merge", "min_score", 0),
        ("merge", "distinct_mode_types", ["coerce"]),  # not a PLOVER type
        ("merge", "weights", {"type": 1.0}),
        ("ledger", "denial_overlap", 0),
        ("ledger", "denial_verbs", []),
        ("ledger", "denial_verbs", [3]),
    ],
)
def test_bad_values_are_named(section: str, key: str, value: object) -> None:
    data = _shipped()
    data[section][key] = value
    with pytest.raises(KonfliktError, match="link.yaml"):
        parse_config(data)


def test_weights_must_sum_to_one(tmp_path: Path) -> None:
    data = _shipped()
    data["merge"]["weights"]["type"] += 0.2
    with pytest.raises(KonfliktError, match="sum to 1"):
        parse_config(data)
