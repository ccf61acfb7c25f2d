"""`konflikt articles`, `changes`, `unmerge`, `remerge`, `ledger` through the CLI runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.store import Store

from .test_store_links import _fill

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    with Store(url) as store:
        _fill(store)
        store.link()
    return url


def test_articles_jsonl_has_the_duplicate_group(db: str) -> None:
    result = runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["copy"]["duplicate_group"] == rows["wire"]["duplicate_group"] == "wire"
    assert rows["other"]["duplicate_group"] == "other"
    assert rows["copy"]["similarity"] >= 0.4


def test_articles_table(db: str) -> None:
    result = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "3 articles, 2 in groups of copies" in result.output


def test_changes_since_a_sequence_number_and_a_time(db: str) -> None:
    result = runner.invoke(app, ["changes", "--db", db, "--format", "jsonl"])
    feed = [json.loads(line) for line in result.output.splitlines()]
    assert [c["kind"] for c in feed] == ["added", "added", "merged"]
    after = runner.invoke(app, ["changes", "--db", db, "--since", str(feed[0]["seq"]),
                                "--format", "jsonl"])  # fmt: skip
    assert [json.loads(x)["seq"] for x in after.output.splitlines()] == [
        c["seq"] for c in feed[1:]
    ]
    later = runner.invoke(app, ["changes", "--db", db, "--since", "2999-01-01T00:00:00"])
    assert later.exit_code == 0 and "No changes." in later.output


def test_bad_since_is_a_usage_error_without_traceback(db: str) -> None:
    result = runner.invoke(app, ["changes", "--db", db, "--since", "i går"])
    assert result.exit_code == 2
    assert "neither a sequence number nor an ISO time" in result.output
    assert "Traceback" not in result.output


def test_unmerge_remerge_and_export_columns(db: str) -> None:
    events = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    records = [json.loads(line) for line in events.output.splitlines()]
    assert len({r["canonical_id"] for r in records}) == 1
    copy = next(r for r in records if r["article_id"] == "copy")
    assert runner.invoke(app, ["unmerge", copy["id"], "--db", db]).output.strip() == "1 unmerged"
    rows = list(csv.DictReader(io.StringIO(
        runner.invoke(app, ["events", "--db", db, "--format", "csv"]).output
    )))  # fmt: skip
    assert len({r["canonical_id"] for r in rows}) == 2
    assert runner.invoke(app, ["remerge", copy["id"], "--db", db]).output.strip() == "1 merged"
    again = runner.invoke(app, ["remerge", copy["id"], "--db", db])
    assert again.exit_code == 1 and "not detached" in again.output


def test_ledger_command(db: str) -> None:
    events = runner.invoke(app, ["events", "--db", db, "--format", "jsonl"])
    canonical = json.loads(events.output.splitlines()[0])["canonical_id"]
    result = runner.invoke(app, ["ledger", canonical, "--db", db])
    assert result.exit_code == 0
    assert len(json.loads(result.output)["claims"]) == 2
    missing = runner.invoke(app, ["ledger", "ffffffffffffffff", "--db", db])
    assert missing.exit_code == 1 and "no occurrence" in missing.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'none.sqlite'}"
    for command in (["articles"], ["changes"]):
        result = runner.invoke(app, [*command, "--db", url])
        assert result.exit_code == 1 and "no database" in result.output


@pytest.mark.slow
def test_extract_links_and_exports_canonical_ids(tmp_path: Path) -> None:
    """With the shipped nb pipeline: a wire story and a newspaper's copy of it are one
    duplicate group, and their reports of the kidnapping share one canonical_id."""
    import yaml

    from konflikt.link.evaluate import DEFAULT_GOLD

    data = yaml.safe_load((DEFAULT_GOLD / "articles.yaml").read_text(encoding="utf-8"))
    chosen = [a for a in data["articles"] if a["id"] in ("benin-ntb", "benin-ntb-avis")]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({**a, "lang": "nb"}, ensure_ascii=False) + "\n"
                              for a in chosen), encoding="utf-8")  # fmt: skip
    db = f"sqlite:///{tmp_path / 'x.sqlite'}"
    result = runner.invoke(app, ["extract", str(source), "--db", db, "--out", "-",
                                 "--format", "jsonl", "--quiet"])  # fmt: skip
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    kidnapping = [r for r in records if r["evidence"]["sentence"].startswith("Pirater bordet")]
    assert len(kidnapping) == 2
    assert kidnapping[0]["canonical_id"] == kidnapping[1]["canonical_id"] is not None
    groups = runner.invoke(app, ["articles", "--db", db, "--format", "jsonl"]).output
    assert {json.loads(line)["duplicate_group"] for line in groups.splitlines()} == {"benin-ntb"}
