"""The PLOVER -> ACLED mapping file: valid, complete, without dead rules, and documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from konflikt.export.acled import MAPPING_PATH, load_mapping, markdown_table
from konflikt.model import EVENT_TYPES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def test_mapping_loads_and_every_pair_is_an_acled_type() -> None:
    mapping = load_mapping()
    for rule in mapping.rules:
        if rule.acled is not None:
            event_type, sub_event_type = rule.acled
            assert sub_event_type in mapping.acled_event_types[event_type]


def test_every_plover_type_has_a_deliberate_fallback() -> None:
    """Each type ends in a rule with no conditions, so no event falls through unconsidered."""
    fallbacks = {
        t
        for rule in load_mapping().rules
        if rule.modes is None and rule.actor_kinds is None and rule.recipient_kinds is None
        for t in rule.types
    }
    assert fallbacks == set(EVENT_TYPES)


def test_no_rule_is_hidden_behind_an_earlier_fallback() -> None:
    seen_fallback: set[str] = set()
    for i, rule in enumerate(load_mapping().rules):
        assert not (rule.types & seen_fallback), f"rule {i + 1} can never match"
        if rule.modes is None and rule.actor_kinds is None and rule.recipient_kinds is None:
            seen_fallback |= rule.types


def test_precision_codes_cover_the_model() -> None:
    mapping = load_mapping()
    assert set(mapping.time_precision) == {"day", "week", "month", "year"}
    assert set(mapping.geo_precision) == {"place", "admin1", "country"}
    assert set(mapping.time_precision.values()) | set(mapping.geo_precision.values()) <= {1, 2, 3}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["rules"][0].update(acled=["Battles", "Air/drone strike"]),
         "not an ACLED event/sub-event type pair"),
        (lambda raw: raw["rules"][0].update(type="BOMB"), "type must be PLOVER types"),
        (lambda raw: raw["rules"][0].update(why=""), "every rule says why"),
        (lambda raw: raw["rules"][0].update(modes=["aerial"]), "unknown keys"),
    ],
)  # fmt: skip
def test_a_broken_mapping_file_is_refused(tmp_path: Path, change: object, message: str) -> None:
    raw = yaml.safe_load(MAPPING_PATH.read_text(encoding="utf-8"))
    change(raw)  # type: ignore[operator]
    broken = tmp_path / "plover_acled.yaml"
    broken.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_mapping(broken)


def test_docs_show_the_mapping_as_it_is() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    start = docs.index("<!-- plover-acled-table: generated, do not edit by hand -->\n")
    end = docs.index("<!-- end plover-acled-table -->")
    table = docs[start:end].split("\n", 1)[1]
    assert table == markdown_table(), "regenerate the table in docs/export.md"
