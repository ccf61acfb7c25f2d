"""The actor registry (konflikt/data/actors.yaml) and the country table are valid data."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest
import yaml

from konflikt.resolve.actors import ACTORS_YAML, KINDS, build_registry, load_registry
from konflikt.resolve.countries import COUNTRIES_TSV, FIELDS, load_countries, read_countries_no


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load(ACTORS_YAML.read_text(encoding="utf-8"))


def test_kinds_are_the_documented_ones(data: dict) -> None:
    assert tuple(data["kinds"]) == KINDS


def test_every_actor_entry_has_the_schema(data: dict) -> None:
    allowed = {"name", "kind", "country", "aliases", "prefix", "affiliation"}
    alpha3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for entry in data["actors"]:
        assert set(entry) <= allowed, entry
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"], entry
        assert entry["kind"] in KINDS, entry
        assert entry["country"] is None or entry["country"] in alpha3, entry
        assert entry["aliases"] and all(isinstance(a, str) and a.strip() for a in entry["aliases"])
        assert len(set(entry["aliases"])) == len(entry["aliases"]), entry["name"]
        assert isinstance(entry.get("prefix", False), bool)


def test_names_and_aliases_are_unique(data: dict) -> None:
    names = Counter(e["name"] for e in data["actors"])
    assert [n for n, c in names.items() if c > 1] == []
    aliases = Counter(a for e in data["actors"] for a in e["aliases"])
    assert [a for a, c in aliases.items() if c > 1] == []


def test_the_registry_is_large_and_covers_every_kind(data: dict) -> None:
    registry = load_registry()
    assert len(data["actors"]) >= 300
    assert len(registry.entries) >= 500  # with the generated country entries
    kinds = {e.ref.kind for e in registry.entries} | {r.kind for r in registry.roles.values()}
    assert kinds == set(KINDS)


def test_roles_have_the_schema(data: dict) -> None:
    required = {"kind", "label", "generic", "alone", "compound", "nouns"}
    forms = Counter()
    for key, role in data["roles"].items():
        assert set(role) == required, key
        assert role["kind"] in KINDS
        assert "{adj}" in role["label"] or "{country}" in role["label"], key
        assert all(n == n.lower() and " " not in n for n in role["nouns"]), key
        forms.update(role["nouns"])
    assert [f for f, c in forms.items() if c > 1] == []  # one noun, one role


def test_demonyms_name_known_countries(data: dict) -> None:
    countries = load_countries()
    assert set(data["demonyms"]) <= set(countries)


def test_country_table() -> None:
    rows = read_countries_no()
    assert len(rows) >= 190
    codes = [r["alpha3"] for r in rows]
    assert len(set(codes)) == len(codes)
    for row in rows:
        assert set(row) == set(FIELDS)
        assert row["name_en"] and row["adj_en"] and row["names_nb"], row
        assert row["adj_nb"] == row["adj_nb"].lower()
        assert pycountry.countries.get(alpha_3=row["alpha3"]) or row["alpha3"] == "XKX"
    header = COUNTRIES_TSV.read_text(encoding="utf-8").splitlines()[:4]
    assert all(line.startswith("#") for line in header)


def test_adjectives_point_to_one_country() -> None:
    owners: dict[str, set[str]] = {}
    for country in load_countries().values():
        for adjective in country.adjectives:
            owners.setdefault(adjective, set()).add(country.alpha3)
    assert {a: o for a, o in owners.items() if len(o) > 1} == {}
    assert load_countries()["IRQ"].adjectives == ("irakisk", "irakiske")


def test_a_broken_registry_fails_loudly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="roles"):
        build_registry(bad)
