"""Downloads of the current filter: CSV, GeoJSON, JSON Lines, the same files as the exporter's."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_jsonl_download_respects_the_filter(client: TestClient) -> None:
    response = client.get("/api/download/jsonl", params={"country": "SY"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert sorted(e["mode"] for e in lines) == ["aerial", "occupy"]


def test_csv_download_has_a_header_and_all_rows(client: TestClient) -> None:
    response = client.get("/api/download/csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 5


def test_geojson_download_is_a_feature_collection(client: TestClient) -> None:
    response = client.get("/api/download/geojson", params={"bbox": "10,59,11,60"})
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert [f["geometry"]["coordinates"] for f in data["features"]] == [[10.75, 59.91]]


def test_unknown_format_is_422(client: TestClient) -> None:
    assert client.get("/api/download/xlsx").status_code == 422
