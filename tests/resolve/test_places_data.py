"""The packaged gazetteer (konflikt/data/places/) is valid data: every point comes from data."""

from __future__ import annotations

import csv
import gzip
from collections import Counter

import pytest

from konflikt.resolve.build_places import COLUMNS, _mean_point, index_keys, latin_names
from konflikt.resolve.places import PLACES_DIR, fold, load_gazetteer, normalize


def _rows(name: str) -> list[dict[str, str]]:
    with gzip.open(PLACES_DIR / name, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def main_rows() -> list[dict[str, str]]:
    return _rows("gazetteer_main.tsv.gz")


def test_columns_and_kinds(main_rows: list[dict[str, str]]) -> None:
    assert tuple(main_rows[0]) == COLUMNS
    kinds = Counter(r["kind"] for r in main_rows)
    assert kinds["country"] >= 240
    assert kinds["admin1"] >= 3000
    assert kinds["place"] >= 35000
    assert set(kinds) == {"country", "admin1", "place"}


def test_every_row_has_a_real_point(main_rows: list[dict[str, str]]) -> None:
    for row in main_rows:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row["name"]
        assert len(row["country"]) == 2 and row["country"].isupper()
        assert int(row["geonameid"]) > 0


def test_keys_are_normalized(main_rows: list[dict[str, str]]) -> None:
    for row in main_rows[:5000]:
        keys = row["keys"].split("|")
        assert keys == sorted(set(keys))
        assert all(k == normalize(k) for k in keys)
        assert normalize(row["name"]) in keys


def test_ids_are_unique_per_kind() -> None:
    rows = _rows("gazetteer_main.tsv.gz") + _rows("gazetteer_minor.tsv.gz")
    ids = Counter((r["kind"], r["geonameid"]) for r in rows)
    assert [k for k, c in ids.items() if c > 1] == []


def test_exonyms_all_resolve() -> None:
    gaz = load_gazetteer()  # raises if an exonym names a missing feature
    lines = (PLACES_DIR / "exonyms.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert len(rows) >= 150
    assert len({tuple(r) for r in rows}) == len(rows)  # no line twice
    for exonym, _target, country, kind in rows:
        assert kind in {"place", "admin1", "country"}
        assert any(f.country == country and f.kind == kind for f in gaz.exonyms[normalize(exonym)])


def test_common_words_are_lower_case_words() -> None:
    words = load_gazetteer().stopwords
    assert len(words) > 10000
    assert all(w == w.lower() and " " not in w for w in words)
    assert {"og", "i", "vik", "sand"} <= words


def test_build_helpers() -> None:
    assert latin_names(["Baghdad", "bghdad", "BGW", "بغداد", "Bagdad"]) == ["Baghdad", "Bagdad"]
    assert latin_names(["USA", "UK"], codes=True) == ["USA", "UK"]
    # a region across the antimeridian averages to a point inside it, not to lon 0
    lat, lon = _mean_point([(65.0, 179.0, 1), (66.0, -179.0, 1)], weighted=False)
    assert lat == 65.5 and abs(abs(lon) - 180) < 0.01
    assert index_keys(["Tromsø", "Idlib’s"]) == sorted({"tromsø", "idlib's"})
    assert fold("ḩamāh") == "hamah" and fold("bø") == "bø"


def test_not_places_are_not_resolved() -> None:
    gaz = load_gazetteer()
    assert {"asia", "midtøsten", "europa"} <= gaz.not_places
    assert all(gaz.candidates(name, minor=True) == ([], []) for name in ["Asia", "Europa"])
