"""Exports: JSON Lines against its JSON Schema, ACLED-compatible CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import typing
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from konflikt.export import CSV_COLUMNS, SCHEMA_PATH, acled_type, write_events
from konflikt.model import Event, Party
from konflikt.paths import shared_dir

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude",
    "longitude", "geo_precision", "time_precision", "fatalities", "source", "notes",
)  # fmt: skip


@pytest.fixture
def events(syria_events: list[Event], oslo_events: list[Event]) -> list[Event]:
    return syria_events + oslo_events


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def export(events: list[Event], fmt: str) -> tuple[int, str]:
    out = io.StringIO()
    n = write_events(events, out, fmt)
    return n, out.getvalue()


# --- JSON Lines ---


def test_jsonl_is_exactly_the_event_dict(events: list[Event]) -> None:
    n, text = export(events, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    assert n == len(records) == 5
    assert records == [e.to_dict() for e in events]
    assert {"id", "article_id"} <= set(records[0])
    assert [Event.from_dict(r) for r in records] == events


def test_jsonl_records_validate_against_the_schema(
    events: list[Event], validator: jsonschema.Draft202012Validator
) -> None:
    _, text = export(events, "jsonl")
    for line in text.splitlines():
        validator.validate(json.loads(line))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda r: r.update(event_type="BOMBING"),
        lambda r: r.update(stance="probably"),
        lambda r: r.update(extra_field=1),
        lambda r: r["location"].update(country="SYR"),  # alpha-2 expected for places
        lambda r: r["actor"].update(country="SY"),  # alpha-3 expected for parties
        lambda r: r["location"].update(lat=135.0),
        lambda r: r.pop("evidence"),
        lambda r: r["quantities"][0].update(best="tolv"),
    ],
)
def test_schema_rejects_malformed_records(
    syria_events: list[Event], validator: jsonschema.Draft202012Validator, spoil: Any
) -> None:
    record = syria_events[1].to_dict()
    validator.validate(record)
    spoil(record)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)


def _dataclass_of(annotation: Any) -> type | None:
    """The dataclass inside an annotation such as `Party | None` or `list[Quantity]`."""
    for arg in typing.get_args(annotation) or (annotation,):
        if isinstance(arg, type) and is_dataclass(arg):
            return arg
        inner = _dataclass_of(arg) if typing.get_args(arg) else None
        if inner:
            return inner
    return None


def _schema_node(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node.get("items", node) if node.get("type") == "array" else node


def _check_covers(schema: dict[str, Any], node: dict[str, Any], cls: type, path: str) -> None:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    if cls is Event:
        names.add("id")
    assert set(node["properties"]) == names, f"{path}: schema and {cls.__name__} differ"
    assert set(node["required"]) == names, f"{path}: every field is always written"
    assert node["additionalProperties"] is False
    for name in names - {"id"}:
        inner = _dataclass_of(hints[name])
        if inner is not None:
            _check_covers(schema, _schema_node(schema, node["properties"][name]), inner,
                          f"{path}.{name}")  # fmt: skip


def test_schema_covers_every_field_of_the_event_record() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    # Walks Event and, through the annotations, Party, Location, EventDate, Quantity, Evidence.
    _check_covers(schema, schema, Event, "event")


# --- CSV ---


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_header_has_the_acled_columns_and_ours(events: list[Event]) -> None:
    _, text = export(events, "csv")
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == CSV_COLUMNS
    assert set(ACLED_COLUMNS) <= set(header)
    extras = {"event_id", "article_id", "plover_type", "plover_mode", "stance", "source_via",
              "evidence"}  # fmt: skip
    assert extras <= set(header)


def test_csv_rows_map_plover_to_acled(events: list[Event]) -> None:
    n, text = export(events, "csv")
    rows = {row["event_id"]: row for row in read_csv(text)}
    assert n == len(rows) == 5
    occupy, bombing, denial, arrest, riot = (rows[e.id] for e in events)

    assert (bombing["event_type"], bombing["sub_event_type"]) == (
        "Explosions/Remote violence", "Air/drone strike")  # fmt: skip
    assert bombing["fatalities"] == "12"
    assert bombing["event_date"] == "2026-03-13" and bombing["time_precision"] == "1"
    assert (bombing["latitude"], bombing["longitude"]) == ("35.93", "36.63")
    assert bombing["geo_precision"] == "1"
    assert bombing["country"] == "Syria" and bombing["location"] == "Idlib"
    assert bombing["actor1"] == "Syrian Air Force" and bombing["actor2"] == "Syrian rebels"
    assert bombing["plover_type"] == "ASSAULT" and bombing["plover_mode"] == "aerial"
    assert "jagerfly bombet" in bombing["evidence"]

    assert occupy["sub_event_type"] == "Government regains territory"
    assert occupy["source"] == "AFP" and occupy["source_via"] == "AFP"
    assert occupy["fatalities"] == "0"
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert arrest["fatalities"] == "0"  # three arrested people are not deaths
    assert (riot["event_type"], riot["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert riot["stance"] == "hedged" and riot["source_via"] == "NTB"
    assert "Stance: hedged" in riot["notes"]
    # A verbal act has no ACLED type: the cells are empty, the PLOVER columns still say what it is.
    assert (denial["event_type"], denial["sub_event_type"]) == ("", "")
    assert denial["plover_type"] == "REJECT"
    assert denial["latitude"] == "" and denial["event_date"] == ""


def test_occupation_by_an_armed_group_is_a_non_state_takeover(syria_events: list[Event]) -> None:
    occupy = syria_events[0]
    assert acled_type(occupy) == ("Battles", "Government regains territory")
    rebels = replace(occupy, actor=Party(text="opprørerne", name="HTS", kind="armed_group"))
    assert acled_type(rebels) == ("Battles", "Non-state actor overtakes territory")


def test_target_decides_between_clash_and_violence_against_civilians(
    syria_events: list[Event],
) -> None:
    shooting = replace(syria_events[1], mode="firearms")
    assert acled_type(shooting) == ("Battles", "Armed clash")
    on_civilians = replace(shooting, recipient=Party(text="sivile", kind="civilians"))
    assert acled_type(on_civilians) == ("Violence against civilians", "Attack")
    # The weapon decides first: an air strike on civilians stays remote violence.
    air_on_civilians = replace(on_civilians, mode="aerial")
    assert acled_type(air_on_civilians) == ("Explosions/Remote violence", "Air/drone strike")


def test_fatalities_sum_the_counts_of_the_dead(syria_events: list[Event]) -> None:
    bombing = syria_events[1]
    wounded = replace(bombing.quantities[0], text="20 skadde", best=20, low=20, what="injured")
    dead = replace(bombing.quantities[0], text="tre sivile drept", best=3, low=3, what="killed")
    event = replace(bombing, quantities=[bombing.quantities[0], wounded, dead])
    (row,) = read_csv(export([event], "csv")[1])
    assert row["fatalities"] == "15"


# --- GeoJSON ---


def test_geojson_feature_collection(events: list[Event]) -> None:
    n, text = export(events, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert n == len(features) == 5  # events without a point are still there
    by_id = {f["id"]: f for f in features}
    bombing = by_id[events[1].id]
    assert bombing["type"] == "Feature"
    assert bombing["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}  # lon, lat
    assert bombing["properties"]["sub_event_type"] == "Air/drone strike"
    assert bombing["properties"]["fatalities"] == 12
    assert by_id[events[2].id]["geometry"] is None  # the denial has no place
    assert by_id[events[4].id]["geometry"] is None  # the riot has no place either


def test_geojson_of_nothing_is_an_empty_collection() -> None:
    n, text = export([], "geojson")
    assert n == 0
    assert json.loads(text) == {"type": "FeatureCollection", "features": []}


def test_write_to_a_path(tmp_path: Path, events: list[Event]) -> None:
    target = tmp_path / "events.csv"
    assert write_events(iter(events), target, "csv") == 5
    assert len(read_csv(target.read_text(encoding="utf-8"))) == 5
    assert b"\r\n" in target.read_bytes()  # RFC 4180 line endings


def test_unknown_format_is_refused(events: list[Event]) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'; use one of jsonl"):
        write_events(events, io.StringIO(), "xlsx")


def test_the_schema_fits_the_gold_events_of_the_manual(
    validator: jsonschema.Draft202012Validator,
) -> None:
    """Read at run time from ../shared (never copied): real annotations must fit the schema."""
    gold = shared_dir() / "data" / "gold" / "dev" / "events.jsonl"
    if not gold.is_file():
        pytest.skip(f"no gold data at {gold}")
    annotation_only = {"optional", "note"}
    lines = gold.read_text(encoding="utf-8").splitlines()
    for line in lines:
        record = {k: v for k, v in json.loads(line).items() if k not in annotation_only}
        validator.validate(Event.from_dict(record).to_dict())
    assert len(lines) > 50
