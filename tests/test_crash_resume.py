"""Crash safety: `konflikt extract` killed with SIGKILL half-way, then run again to the end,
leaves the same database as one uninterrupted run: every article once, each with all its events,
mentions, sources and entities, no duplicates and no orphan rows.

Why this holds: `Store.add_result` writes an article with everything that hangs on it in one
transaction, so a kill either keeps all of it or none of it; content hashes make the second run
skip what the first stored; `Store.link()` recomputes groups and occurrences from the stored rows
in one transaction, so a kill before or during it is made good by the next run.

The articles are generated from sentences written for this test. Real models, real CLI,
a subprocess killed with its whole process group (as a crashed job or a power cut would be).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

pytestmark = pytest.mark.slow

ARTICLE_COUNT = 32
KILL_AFTER_ARTICLES = 4  # stored before the kill, out of ARTICLE_COUNT
RUN_TIMEOUT_S = 240

ACTORS = ("Politiet", "Regjeringsstyrker", "Opprørere", "Soldater fra hæren", "Demonstranter")
PLACES = ("Bergen", "Tromsø", "Kharkiv", "Aleppo", "Khartoum", "Mosul", "Goma", "Idlib")
DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
SENTENCES = (
    "{actor} angrep en kontrollpost utenfor {place} {day}, og minst {n} mennesker ble drept.",
    "{actor} pågrep {n} personer i sentrum av {place} {day} kveld.",
    "Flere hundre mennesker demonstrerte i {place} {day} mot den nye loven.",
    "Ifølge nyhetsbyrået NTB beskjøt {actor_lower} et boligområde i {place} {day}.",
    "Utenriksministeren fordømte angrepet på sivile i {place} {day}.",
)


def write_articles(folder: Path) -> list[Path]:
    """ARTICLE_COUNT short dated articles, each different; two are near-copies of another, so
    linking has a duplicate group to find."""
    folder.mkdir()
    paths = []
    for i in range(ARTICLE_COUNT):
        fill = {
            "actor": ACTORS[i % len(ACTORS)],
            "actor_lower": ACTORS[(i + 2) % len(ACTORS)].lower(),
            "place": PLACES[i % len(PLACES)],
            "day": DAYS[i % len(DAYS)],
            "n": 3 + i,
        }
        picked = [SENTENCES[(i + k) % len(SENTENCES)].format(**fill) for k in range(3)]
        body = " ".join(picked)
        if i in (7, 19):  # an updated copy of the article before it
            body = paths[-1].read_text(encoding="utf-8").split("\n", 1)[1] + " Saken oppdateres."
        path = folder / f"artikkel-{i:02d}.txt"
        path.write_text(f"date 2026-05-{1 + i % 28:02d}\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def extract_command(inputs: Path, url: str) -> list[str]:
    """The installed `konflikt` command, beside the interpreter running the tests."""
    konflikt = Path(sys.executable).parent / "konflikt"
    return [str(konflikt), "extract", str(inputs), "--db", url, "--quiet"]


def child_env() -> dict[str, str]:
    return {**os.environ, "OMP_NUM_THREADS": "1", "KONFLIKT_DB": ""}


def stored_articles(engine: Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM articles")) or 0)
    except SQLAlchemyError:  # not created yet, or locked by the writer for a moment
        return 0


def run_to_completion(inputs: Path, url: str) -> None:
    done = subprocess.run(
        extract_command(inputs, url), env=child_env(), capture_output=True, text=True,
        timeout=RUN_TIMEOUT_S, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]


def run_and_kill(inputs: Path, url: str) -> int:
    """Start an extract, SIGKILL it (with any worker processes) once some articles are stored;
    return how many were stored at the kill."""
    engine = create_engine(url)
    proc = subprocess.Popen(
        extract_command(inputs, url), env=child_env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while stored_articles(engine) < KILL_AFTER_ARTICLES:
            if proc.poll() is not None:
                stderr = proc.stderr.read() if proc.stderr else b""
                pytest.fail(f"extract ended before it could be killed: {stderr[-2000:]!r}")
            if time.monotonic() > deadline:
                pytest.fail("extract stored too few articles in time")
            time.sleep(0.05)
        assert proc.poll() is None, "the run must still be going when it is killed"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    at_kill = stored_articles(engine)
    engine.dispose()
    return at_kill


# What must match an uninterrupted run, and what must be empty, as SQL on the store's tables.
COUNTS = {
    "articles": "SELECT count(*) FROM articles",
    "distinct article texts": "SELECT count(DISTINCT content_hash) FROM articles",
    "events": "SELECT count(*) FROM events",
    "mentions": "SELECT count(*) FROM mentions",
    "sources": "SELECT count(*) FROM sources",
    "entities": "SELECT count(*) FROM entities",
    "canonical links": "SELECT count(*) FROM canonical_links",
    "occurrences": "SELECT count(DISTINCT canonical_id) FROM canonical_links",
    "duplicate groups": "SELECT count(DISTINCT group_id) FROM duplicate_groups",
    "input errors": "SELECT count(*) FROM input_errors",
}
ORPHANS = {
    "events without article": "SELECT count(*) FROM events e LEFT JOIN articles a "
    "ON a.id = e.article_id WHERE a.id IS NULL",
    "mentions without event": "SELECT count(*) FROM mentions m LEFT JOIN events e "
    "ON e.id = m.event_id WHERE e.id IS NULL",
    "sources without event": "SELECT count(*) FROM sources s LEFT JOIN events e "
    "ON e.id = s.event_id WHERE e.id IS NULL",
    "entities without article": "SELECT count(*) FROM entities n LEFT JOIN articles a "
    "ON a.id = n.article_id WHERE a.id IS NULL",
    "links without event": "SELECT count(*) FROM canonical_links l LEFT JOIN events e "
    "ON e.id = l.event_id WHERE e.id IS NULL",
    "events without link": "SELECT count(*) FROM events e LEFT JOIN canonical_links l "
    "ON l.event_id = e.id WHERE l.event_id IS NULL",
    "event ids added twice to the feed": "SELECT count(*) FROM (SELECT event_id FROM changes "
    "WHERE kind = 'added' GROUP BY event_id HAVING count(*) > 1) twice",
}


def snapshot(url: str) -> dict[str, Any]:
    """Counts, orphans, and each article's events and entities, for comparing two stores."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {name: conn.scalar(text(sql)) for name, sql in COUNTS.items()}
            orphans = {name: conn.scalar(text(sql)) for name, sql in ORPHANS.items()}
            events: dict[str, set[str]] = {}
            for origin, event_id in conn.execute(
                text("SELECT a.origin, e.id FROM articles a JOIN events e ON e.article_id = a.id")
            ):
                events.setdefault(Path(origin).name, set()).add(event_id)
            entities = {
                Path(origin).name: n
                for origin, n in conn.execute(
                    text("SELECT a.origin, count(n.id) FROM articles a "
                         "LEFT JOIN entities n ON n.article_id = a.id GROUP BY a.origin")
                )
            }  # fmt: skip
    finally:
        engine.dispose()
    return {"counts": counts, "orphans": orphans, "events": events, "entities": entities}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "articles"
    write_articles(folder)
    return folder


@pytest.fixture(scope="module")
def uninterrupted(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The reference: one run that nobody stopped (SQLite)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.sqlite'}"
    run_to_completion(articles, url)
    return snapshot(url)


def test_killed_run_resumes_to_the_same_store(
    articles: Path, uninterrupted: dict[str, Any], store_url: str
) -> None:
    reference = uninterrupted
    assert reference["counts"]["articles"] == ARTICLE_COUNT
    assert reference["counts"]["events"] > ARTICLE_COUNT  # the articles do code into events
    assert reference["counts"]["duplicate groups"] < ARTICLE_COUNT  # the copies were grouped

    at_kill = run_and_kill(articles, store_url)
    assert KILL_AFTER_ARTICLES <= at_kill < ARTICLE_COUNT, "the kill must land mid-run"
    half = snapshot(store_url)
    # Whatever the kill left is whole: each stored article has all its events, none half-written.
    unlinked_yet = {"events without link"}  # linking comes at the end of a run
    assert {k: v for k, v in half["orphans"].items() if k not in unlinked_yet} == {
        k: 0 for k in ORPHANS if k not in unlinked_yet
    }
    for name, ids in half["events"].items():
        assert ids == reference["events"][name], f"{name} was stored incompletely"

    run_to_completion(articles, store_url)
    resumed = snapshot(store_url)
    assert resumed["orphans"] == dict.fromkeys(ORPHANS, 0)
    assert resumed["counts"] == reference["counts"]
    assert resumed["events"] == reference["events"]
    assert resumed["entities"] == reference["entities"]
