"""The dashboard's files: served by the app, complete offline, synthetic data with right offsets."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from fastapi.testclient import TestClient

from konflikt.web import STATIC_DIR
from konflikt.web.synthetic import synthetic_results


def test_index_and_every_asset_it_names_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/app.js" in assets and len(assets) >= 5
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_page_needs_nothing_from_the_network() -> None:
    for path in [STATIC_DIR / "index.html", STATIC_DIR / "app.js", STATIC_DIR / "style.css"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path


def test_bundled_country_outlines_are_a_world_topology() -> None:
    topology = json.loads((STATIC_DIR / "vendor" / "countries-110m.json").read_text())
    assert topology["type"] == "Topology"
    countries = topology["objects"]["countries"]["geometries"]
    names = {g["properties"]["name"] for g in countries}
    assert len(countries) > 150 and {"Norway", "Syria", "Iraq"} <= names


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_app_module_parses() -> None:
    source = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    result = subprocess.run(
        ["node", "--input-type=module", "--check"], input=source, capture_output=True, text=True,
        timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_synthetic_events_point_at_their_words() -> None:
    results = synthetic_results(60)
    assert sum(len(r.events) for r in results) == 60
    for result in results:
        text = result.article.text  # type: ignore[union-attr]
        for ev in result.events:
            assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
            for part in (ev.actor, ev.recipient, ev.location, ev.source, *ev.quantities):
                assert part is not None and text[part.start : part.end] == part.text
            assert ev.date is not None
            assert text[ev.date.span_start : ev.date.span_end] == ev.date.text
