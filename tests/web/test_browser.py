"""The dashboard in a real browser: Debian's chromium driven by playwright-core (browser.mjs).

Loads the page, filters, opens an article, submits a review, and saves screenshots into
build/screenshots/. Needs node, chromium (/usr/bin/chromium or $CHROMIUM) and
`npm ci --prefix konflikt/web` (.ci/run provides all three).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import uvicorn

from konflikt.api import create_app
from konflikt.model import EntitySpan
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.web.synthetic import synthetic_results

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "web" / "browser.mjs"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PLAYWRIGHT = ROOT / "konflikt" / "web" / "node_modules" / "playwright-core"
TOKEN = "browser-test-token"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM}"),
    pytest.mark.skipif(
        not PLAYWRIGHT.exists(), reason="playwright-core missing: npm ci --prefix konflikt/web"
    ),
]


def _entities(result: ArticleResult) -> list[EntitySpan]:
    """Names as the NER would mark them: the events' actors and sources (ORG), places (GPE_LOC)."""
    spans = []
    for ev in result.events:
        for part, label in ((ev.actor, "ORG"), (ev.source, "ORG"), (ev.location, "GPE_LOC")):
            if part is not None and part.start is not None and part.end is not None:
                spans.append(EntitySpan(part.start, part.end, label, part.text))
    return spans


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'browser.sqlite'}"
    with Store(url) as store:
        for result in synthetic_results(300):
            store.add_result(replace(result, entities=_entities(result)))
    port = _free_port()
    app = create_app(url, token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


def test_dashboard_in_chromium(server_url: str) -> None:
    shots = ROOT / "build" / "screenshots"
    result = subprocess.run(
        ["node", str(SCRIPT), server_url, TOKEN, str(shots)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["ok"], report
    assert result.returncode == 0
    for name in ("01-overview", "02-filtered", "03-article", "04-review"):
        assert (shots / f"{name}.png").stat().st_size > 10_000
