"""`konflikt eval` on a small gold set written for the test, with stand-in NLP."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import Result
from spacy.tokens import Doc
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.model import Article, Event, Evidence
from tests.conftest import use_stand_in_nlp

# Two articles: the first has an attack and a denial, the second only an arrest.
TEXT_A = (
    "Opprørere angrep en politistasjon i Gao natt til fredag. "
    "Regjeringen avviser at byen er omringet."
)
TEXT_B = "Politiet pågrep to menn i Tromsø lørdag."


def _sentence(text: str, needle: str) -> dict[str, object]:
    start = text.index(needle)
    start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    end = text.index(".", start) + 1
    return {"sentence": text[start:end], "start": start, "end": end}


def _gold(article_id: str, text: str, event_type: str, needle: str, **extra: object) -> str:
    record = {"article_id": article_id, "event_type": event_type, "mode": None, "actor": None,
              "recipient": None, "location": None, "date": None, "quantities": [],
              "source": None, "stance": "asserted", "evidence": _sentence(text, needle),
              "optional": False, **extra}  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gull"
    folder.mkdir()
    articles = [{"id": "a", "text": TEXT_A, "published": "2024-05-10", "lang": "nb"},
                {"id": "b", "text": TEXT_B, "published": "2024-05-11", "lang": "nb"}]  # fmt: skip
    (folder / "articles.jsonl").write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", "utf-8"
    )
    events = [
        _gold("a", TEXT_A, "ASSAULT", "angrep"),
        _gold("a", TEXT_A, "REJECT", "avviser"),
        _gold("b", TEXT_B, "COERCE", "pågrep"),
    ]
    (folder / "events.jsonl").write_text("\n".join(events) + "\n", "utf-8")
    return folder


def _extract(doc: Doc, article: Article) -> list[Event]:
    """Finds attacks only: one of the three gold events, plus nothing else."""
    return [
        Event("ASSAULT", Evidence(s.text, s.start_char, s.end_char))
        for s in doc.sents
        if "angrep" in s.text
    ]


@pytest.fixture(autouse=True)
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    use_stand_in_nlp(monkeypatch, _extract)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, ["eval", *args], env={"COLUMNS": "120"})


def test_eval_json(gold_dir: Path) -> None:
    result = invoke("--gold", str(gold_dir), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx(1 / 3)
    assert scores["f1"] == pytest.approx(0.5)
    assert scores["detection_recall"] == pytest.approx(1 / 3)
    assert scores["fields"]["stance"] == 1.0
    assert scores["fields"]["actor"] is None  # gold has no actor here
    assert scores["counts"]["articles"] == 2


def test_eval_table(gold_dir: Path) -> None:
    result = invoke("--gold", str(gold_dir))
    assert result.exit_code == 0, result.output
    assert "0.333" in result.stdout and "1.000" in result.stdout
    assert "stance" in result.stdout


def test_unreadable_gold_article_still_counts_as_missed(gold_dir: Path) -> None:
    path = gold_dir / "articles.jsonl"
    lines = path.read_text("utf-8").splitlines()
    path.write_text(lines[0] + "\n" + lines[1][:20] + "\n", "utf-8")  # break article b
    result = invoke("--gold", str(gold_dir), "--json")
    assert result.exit_code == 3
    scores = json.loads(result.stdout)
    assert scores["recall"] == pytest.approx(1 / 3)  # b's arrest is still in the denominator
    assert scores["problems"][0]["reason"].startswith("broken JSON line")


def test_eval_can_store(gold_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "eval.sqlite"
    assert invoke("--gold", str(gold_dir), "--db", f"sqlite:///{db}").exit_code == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_missing_gold_files_are_usage_errors(tmp_path: Path) -> None:
    result = invoke("--gold", str(tmp_path))
    assert result.exit_code == 2
    assert "articles.jsonl" in result.output


def test_broken_gold_events_is_a_usage_error(gold_dir: Path) -> None:
    (gold_dir / "events.jsonl").write_text('{"article_id": "a"\n', "utf-8")
    result = invoke("--gold", str(gold_dir))
    assert result.exit_code == 2
    assert "events.jsonl:1" in result.output
