"""`konflikt extract` with the trained models: one process, two worker processes and a local Dask
cluster of two store the same articles, events and problems, in the same order, and export the
same events.

The articles are written for this test.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.paths import MODELS_DIR

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (MODELS_DIR / "nb" / "config.cfg").is_file(), reason="the nb pipeline is not built"
    ),
]

ARTICLES = {
    "mosul.txt": "date 2026-02-10\nVæpnede menn angrep en politistasjon i Mosul natt til "
    "mandag, opplyser politiet. Minst fire politifolk ble drept i angrepet. Regjeringen i Bagdad "
    "avviser at sikkerheten i byen er svekket.",
    "tbilisi.txt": "date 2026-02-11\nTusenvis av mennesker demonstrerte i Tbilisi tirsdag mot "
    "den nye loven. Politiet pågrep ti demonstranter, melder NTB. Opposisjonen krever at loven "
    "trekkes tilbake.",
    "vaapenkvile.txt": "date 2026-02-12\nDei to landa vart samde om ein våpenkvile onsdag, etter "
    "fleire veker med harde kampar langs grensa. Utanriksministeren seier til avisa at avtalen "
    "skal gjelde frå fredag, og at ho håpar han held. Det er ikkje første gongen partane prøver "
    "å få til ei slik ordning.",
    "libanon.txt": "date 2026-02-13\nIsraelske fly bombet mål i Sør-Libanon torsdag, ifølge "
    "libanesiske myndigheter. Hizbollah truer med å svare på angrepet.",
    "english.txt": "The rebels attacked the convoy on Tuesday, the ministry said.",
    "tom.txt": "",
}
MODES = {
    "one process": ["--workers", "1"],
    "two workers": ["--workers", "2"],
    "local Dask": ["--dask", "local", "--workers", "2"],
}


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row that a run writes, in the order it was written (creation times left out)."""
    queries = {
        "articles": "SELECT id, content_hash, lang, body_start FROM articles ORDER BY rowid",
        "events": "SELECT id, article_id, event_type, data FROM events ORDER BY rowid",
        "entities": "SELECT article_id, start_char, end_char, label FROM entities ORDER BY rowid",
        "input_errors": "SELECT origin, reason FROM input_errors ORDER BY rowid",
    }
    with sqlite3.connect(db) as con:
        return {table: con.execute(sql).fetchall() for table, sql in queries.items()}


def test_parallel_runs_store_and_export_what_one_process_does(tmp_path: Path) -> None:
    inputs = tmp_path / "artikler"
    inputs.mkdir()
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    stored, exported = {}, {}
    for mode, options in MODES.items():
        db, out = tmp_path / f"{mode}.sqlite", tmp_path / f"{mode}.jsonl"
        result = CliRunner().invoke(
            app,
            ["extract", str(inputs), "--db", f"sqlite:///{db}", "--out", str(out), "-q", *options],
        )
        assert result.exit_code == 3, (mode, result.output)  # the English and the empty file
        stored[mode] = _stored(db)
        exported[mode] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    reference = stored["one process"]
    assert len(reference["articles"]) == 4
    assert len(reference["input_errors"]) == 2
    assert {row[2] for row in reference["events"]} >= {"ASSAULT", "PROTEST", "AGREE"}
    for mode in MODES:
        assert stored[mode] == reference, mode
        assert exported[mode] == exported["one process"], mode
