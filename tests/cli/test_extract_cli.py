"""`konflikt extract` in-process: exit codes, summary, export, idempotency on an SQLite file.

The language pipeline, identifier and extractor are stand-ins (a blank spaCy pipeline and a
keyword extractor), so these tests do not need the trained models.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import typer
from click.testing import Result
from rich.console import Console
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.cli.extract_cmd import EXCERPT_CHARS, _evidence, _quantity, show_events
from konflikt.model import Event, Evidence, Quantity
from konflikt.pipeline import ArticleResult
from tests.conftest import keyword_events, use_stand_in_nlp

ARTICLE = (
    "date 2024-03-05\n"
    "Russiske styrker angrep Kharkiv med droner natt til tirsdag, sier ordføreren til NTB. "
    "Minst fire personer ble drept. Russland avviser at sivile mål ble rammet."
)
SECOND = "Opprørere angrep en militærkonvoi nord for Mosul tirsdag, melder Reuters."


@pytest.fixture(autouse=True)
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    use_stand_in_nlp(
        monkeypatch, keyword_events, identify=lambda text: "en" if " the " in text else "nb"
    )


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inn"
    folder.mkdir()
    (folder / "kharkiv.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "mosul.txt").write_text(SECOND, encoding="utf-8")
    return folder


def invoke(*args: str, input: str | None = None) -> Result:
    # A wide terminal, so that table cells are not folded mid-word.
    return CliRunner().invoke(app, ["extract", *args], input=input, env={"COLUMNS": "200"})


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_extract_stores_and_summarises(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    result = invoke(str(inputs), "--db", f"sqlite:///{db}")
    assert result.exit_code == 0, result.output
    assert "articles processed" in result.stderr
    assert "ASSAULT" in result.stderr and "REJECT" in result.stderr
    assert result.stdout == ""  # the summary and progress go to stderr
    assert _count(db, "articles") == 2
    stored = _count(db, "events")
    assert stored == 3


def test_rerun_is_idempotent(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    first = invoke(str(inputs), "--db", f"sqlite:///{db}")
    second = invoke(str(inputs), "--db", f"sqlite:///{db}")
    assert first.exit_code == second.exit_code == 0
    assert _count(db, "articles") == 2
    assert _count(db, "events") == 3
    assert _summary_row(second.stderr, "already stored") == "2"
    assert _summary_row(second.stderr, "new in the database") == "0"


def _summary_row(text: str, label: str) -> str:
    for line in text.splitlines():
        if label in line:
            return line.replace("│", " ").split()[-1]
    raise AssertionError(f"{label!r} not in summary:\n{text}")


def test_rejected_inputs_give_exit_code_3_and_are_stored(inputs: Path, tmp_path: Path) -> None:
    (inputs / "tom.txt").write_bytes(b"")
    (inputs / "english.txt").write_text("Rebels attacked the convoy on Tuesday.", "utf-8")
    (inputs / "linjer.jsonl").write_text('{"id": "x", "text": "Politiet pågrep\n', "utf-8")
    db = tmp_path / "k.sqlite"
    result = invoke(str(inputs), str(tmp_path / "mangler.txt"), "--db", f"sqlite:///{db}")
    assert result.exit_code == 3, result.output
    for reason in ("empty file", "language en is not supported", "broken JSON line",
                   "no such file or directory"):  # fmt: skip
        assert reason in result.stderr
    assert _summary_row(result.stderr, "rejected inputs") == "4"
    assert _count(db, "articles") == 2  # the good ones are in all the same
    assert _count(db, "input_errors") == 4


def test_out_jsonl_and_show(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "hendelser.jsonl"
    db = tmp_path / "k.sqlite"
    result = invoke(str(inputs / "kharkiv.txt"), "--db", f"sqlite:///{db}", "--out", str(out),
                    "--show")  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert sorted(r["event_type"] for r in records) == ["ASSAULT", "REJECT"]
    for record in records:
        start, end = record["evidence"]["start"], record["evidence"]["end"]
        assert ARTICLE[start:end] == record["evidence"]["sentence"]
    assert "ASSAULT" in result.stdout and "REJECT" in result.stdout  # the --show table
    assert "2024-03-05" in result.stdout  # the header's date in the table title


def test_format_from_suffix_and_stdout(inputs: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'k.sqlite'}"
    geojson = tmp_path / "hendelser.geojson"
    assert invoke(str(inputs), "--db", db, "--out", str(geojson)).exit_code == 0
    assert json.loads(geojson.read_text("utf-8"))["type"] == "FeatureCollection"
    result = invoke(str(inputs), "--db", db, "--out", "-", "--format", "jsonl", "-q")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3


def test_stdin(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    result = invoke("-", "--db", f"sqlite:///{db}", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert _count(db, "articles") == 1


def test_published_option_reaches_the_article(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    result = invoke(str(inputs / "mosul.txt"), "--db", f"sqlite:///{db}", "--published",
                    "2024-03-12")  # fmt: skip
    assert result.exit_code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT published FROM articles").fetchone()[0] == "2024-03-12"


@pytest.mark.parametrize(
    "args",
    [
        ["--published", "tirsdag"],
        ["--format", "csv"],  # without --out
        ["--out", "x.csv", "--format", "xml"],
        ["--db", "ikke en url"],
    ],
)
def test_usage_errors_exit_2(inputs: Path, args: list[str]) -> None:
    result = invoke(str(inputs), *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "mange"], "number of workers"),
        (["--workers", "-2"], "cannot be negative"),
        (["--dask", "planlegger"], "not a scheduler address"),
        (["--dask", "http://planlegger:8786"], "unknown protocol"),
        (["--dask", "tcp://planlegger:8786", "--workers", "4"], "remote cluster"),
    ],
)
def test_bad_workers_or_dask_option_exits_2(inputs: Path, args: list[str], message: str) -> None:
    result = invoke(str(inputs), *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.split())  # rich folds long lines
    assert "Traceback" not in result.output


def test_unreachable_scheduler_exits_1_without_traceback(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("konflikt.parallel.DASK_CONNECT_TIMEOUT_S", 0.5)
    db = tmp_path / "k.sqlite"
    result = invoke(str(inputs), "--db", f"sqlite:///{db}", "--dask", "tcp://127.0.0.1:9")
    assert result.exit_code == 1, result.output
    assert "cannot use tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.output
    assert not db.exists()  # stopped before anything was read or stored


def test_no_paths_is_a_usage_error() -> None:
    assert invoke().exit_code == 2


def test_unusable_database_exits_1_without_traceback(inputs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("x", "utf-8")
    result = invoke(str(inputs), "--db", f"sqlite:///{blocker}/under/k.sqlite")
    assert result.exit_code == 1
    assert "Error" in result.stderr and "Traceback" not in result.output


def test_quiet_prints_no_summary_but_still_reports_errors(inputs: Path, tmp_path: Path) -> None:
    (inputs / "tom.txt").write_bytes(b"")
    db = f"sqlite:///{tmp_path / 'k.sqlite'}"
    result = invoke(str(inputs), "--db", db, "-q")
    assert result.exit_code == 3
    assert "articles processed" not in result.stderr
    assert "1 inputs rejected" in result.stderr
    blocker = tmp_path / "fil"
    blocker.write_text("x", "utf-8")
    failed = invoke(str(inputs), "--db", f"sqlite:///{blocker}/k.sqlite", "-q")
    assert failed.exit_code == 1 and "Error" in failed.stderr


def test_events_table_shows_every_field(syria_result: ArticleResult) -> None:
    console = Console(record=True, width=220)
    show_events([syria_result], console)
    out = console.export_text()
    assert "Regjeringsstyrker tok Kafr Nabl" in out  # the article's title
    for expected in (
        "ASSAULT", "occupy", "aerial", "REJECT",  # type and mode
        "= Syrian Air Force", "→ opprørere", "= Syrian rebels",  # actor, recipient, canonical
        "Idlib", "SY, place",  # place
        "2026-03-13", "«fredag»",  # date and its span
        "12 killed",  # quantity
        "via AFP",  # source channel
    ):  # fmt: skip
        assert expected in out, expected


def test_long_evidence_is_cut_around_the_trigger() -> None:
    sentence = "Innledning " * 20 + "bombet" + " avslutning" * 20
    start = 1000
    trigger = start + sentence.index("bombet")
    event = Event("ASSAULT", Evidence(sentence, start, start + len(sentence)),
                  trigger_start=trigger, trigger_end=trigger + 6)  # fmt: skip
    excerpt = _evidence(event).plain
    assert "bombet" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) <= EXCERPT_CHARS + 2


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_every_option_is_in_the_readme(command: str) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    options = [o for p in click_command.params for o in p.opts if o.startswith("--")]
    assert options
    for option in options:
        if option != "--help":
            assert option in readme, f"{command} {option} is not documented in README.md"


def test_help_states_the_exit_codes_and_archive_formats() -> None:
    click_command = typer.main.get_command(app).commands["extract"]  # type: ignore[attr-defined]
    text = " ".join((click_command.help or "").split())
    for code in ("0 every input", "3 some inputs were rejected", "2 usage error", "1 the database"):
        assert code in text
    paths_help = next(p for p in click_command.params if p.name == "paths")
    assert ".warc" in (paths_help.help or "") and ".gz" in (paths_help.help or "")


def test_narrow_terminal_gets_one_card_per_event(syria_result: ArticleResult) -> None:
    console = Console(record=True, width=80)
    show_events([syria_result], console)
    out = console.export_text()
    assert out.count("╭─ ASSAULT") == 2 and out.count("╭─ REJECT") == 1
    assert "ASSAULT (aerial) · asserted" in out
    assert "actor      jagerfly = Syrian Air Force" in out
    assert "numbers    12 killed" in out
    assert "…" not in out  # cards show the whole evidence sentence


def test_quantity_range_is_shown_as_a_range() -> None:
    assert _quantity(Quantity("mellom 3000 og 4000", low=3000, best=3000, high=4000,
                              what="civilians")) == "3000–4000 civilians"  # fmt: skip
    assert _quantity(Quantity("om lag 100", low=100, best=100, high=100)) == "100"
    assert _quantity(Quantity("flere")) == "flere"
