"""`konflikt events` and `konflikt errors` against a temporary SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.model import Event, InputProblem
from konflikt.pipeline import ArticleResult
from konflikt.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, syria_result: ArticleResult, oslo_result: ArticleResult) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Store(url) as store:
        store.add_result(syria_result)
        store.add_result(oslo_result)
        store.add_problem(InputProblem(origin="innboks/melding.eml", reason="unsupported format",
                                       detail="e-mail files are not read"))  # fmt: skip
    return url


def test_events_table_lists_what_is_stored(db: str, syria_events: list[Event]) -> None:
    result = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    for event in syria_events:
        assert event.id in result.output
    assert "ASSAULT/aerial" in result.output
    assert "5 events" in result.output


def test_events_filters_and_jsonl(db: str, syria_events: list[Event]) -> None:
    result = runner.invoke(
        app, ["events", "--db", db, "--type", "assault", "--country", "SYR", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == [syria_events[1].id, syria_events[0].id]


def test_events_since_until_and_source(db: str) -> None:
    args = ["events", "--db", db, "--format", "jsonl", "--since", "2026-04", "--source", "NTB"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the NTB event has no date, so a date range leaves it out
    result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--until", "2026-03"])
    assert [json.loads(x)["trigger"] for x in result.stdout.splitlines()] == [
        "bombet", "tatt kontroll"]  # fmt: skip


def test_events_csv_to_a_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "export" / "hendelser.csv"
    out.parent.mkdir()
    result = runner.invoke(
        app, ["events", "--db", db, "--stance", "hedged", "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Wrote 1 event to" in result.output
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))
    assert row["event_type"] == "Riots" and row["source_via"] == "NTB"


def test_events_geojson(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "geojson", "--limit", "2"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 2


def test_events_with_no_match_says_so(db: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--type", "SANCTION"])
    assert result.exit_code == 0
    assert "No events match." in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--type", "BOMBING"], "unknown event type 'BOMBING'"),
        (["--country", "Atlantis"], "unknown country 'Atlantis'"),
        (["--since", "i går"], "not a date"),
        (["--format", "xlsx"], "xlsx"),
    ],
)
def test_bad_options_give_a_clear_message(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["events", "--db", db, *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite"
    for command in ("events", "errors"):
        result = runner.invoke(app, [command, "--db", f"sqlite:///{missing}"])
        assert result.exit_code == 1
        assert "no database at this path" in result.output
    assert not missing.exists()


def test_bad_url_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", "hendelser.sqlite"])
    assert result.exit_code == 1
    assert "not a database URL" in result.output


def test_db_from_the_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONFLIKT_DB", db)
    result = runner.invoke(app, ["events", "--format", "jsonl", "--actor", "politiet i oslo"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["trigger"] for x in result.stdout.splitlines()] == ["pågrep"]


def test_errors_lists_rejected_inputs(db: str) -> None:
    result = runner.invoke(app, ["errors", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "innboks/melding.eml" in result.output
    assert "unsupported format" in result.output
    assert "1 rejected input" in result.output


def test_errors_on_a_clean_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    Store(url).close()
    result = runner.invoke(app, ["errors", "--db", url])
    assert result.exit_code == 0
    assert "No rejected inputs." in result.output


@pytest.mark.parametrize("name", ["events", "errors"])
def test_every_option_is_documented(name: str) -> None:
    import typer.main

    docs = (Path(__file__).resolve().parents[2] / "docs" / "export.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    options = [opt for param in command.params for opt in param.opts if opt.startswith("--")]
    assert "--type" in options or name == "errors"
    for option in options:
        assert f"[{option} " in docs or f"[{option}]" in docs, f"{option} is not in docs/export.md"


def test_unwritable_out_file_is_an_error(db: str, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "hendelser.csv"
    result = runner.invoke(app, ["events", "--db", db, "--format", "csv", "--out", str(out)])
    assert result.exit_code == 1
    assert "cannot write" in result.output and "No such file or directory" in result.output
    assert "Traceback" not in result.output
