"""`konflikt eval --reviewed --db URL`: the analysts' reviews are the gold (stand-in NLP)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import Result
from spacy.tokens import Doc
from typer.testing import CliRunner

from konflikt.cli import app
from konflikt.model import Article, Event, Evidence
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.store.reviews import add_review
from tests.conftest import use_stand_in_nlp

TEXT = "Militsen angrep en landsby nord for Gao tirsdag. Hæren avviser at den trekker seg ut."


def _evidence(needle: str) -> Evidence:
    start = TEXT.rfind(". ", 0, TEXT.index(needle))
    start = start + 2 if start >= 0 else 0
    end = TEXT.index(".", start) + 1
    return Evidence(TEXT[start:end], start, end)


def _extract(doc: Doc, article: Article) -> list[Event]:
    """The stand-in extractor finds attacks only."""
    return [
        Event("ASSAULT", Evidence(s.text, s.start_char, s.end_char), article_id=article.id)
        for s in doc.sents
        if "angrep" in s.text
    ]


@pytest.fixture(autouse=True)
def fake_nlp(monkeypatch: pytest.MonkeyPatch) -> None:
    use_stand_in_nlp(monkeypatch, _extract)


@pytest.fixture
def reviewed_db(tmp_path: Path) -> tuple[str, list[Event]]:
    url = f"sqlite:///{tmp_path / 'reviewed.sqlite'}"
    article = Article(id="gao-1", text=TEXT, published="2025-03-05", lang="nb")
    events = [
        Event("ASSAULT", _evidence("angrep"), article_id="gao-1", trigger_start=9),
        Event("REJECT", _evidence("avviser"), article_id="gao-1", trigger_start=55),
    ]
    with Store(url) as store:
        store.add_result(ArticleResult(article=article, events=events))
    return url, events


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app, ["eval", *args], env={"COLUMNS": "120"})


def test_reviews_are_the_gold(reviewed_db: tuple[str, list[Event]]) -> None:
    url, (attack, denial) = reviewed_db
    with Store(url) as store:
        add_review(store, attack.id, "confirm", "kari")
        add_review(store, denial.id, "reject", "kari")
    result = invoke("--reviewed", "--db", url, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["counts"]["gold"] == 1 and scores["recall"] == 1.0
    assert scores["precision"] == 1.0

    # The analyst changes her mind: it was a protest, so the machine's ASSAULT no longer matches.
    with Store(url) as store:
        add_review(store, attack.id, "correct", "kari", fields={"event_type": "PROTEST"})
    scores = json.loads(invoke("--reviewed", "--db", url, "--json").stdout)
    assert scores["recall"] == 0.0 and scores["precision"] == 0.0


def test_an_unfinished_review_is_no_gold(reviewed_db: tuple[str, list[Event]]) -> None:
    url, (attack, _denial) = reviewed_db
    with Store(url) as store:
        add_review(store, attack.id, "confirm", "kari")
    result = invoke("--reviewed", "--db", url)
    assert result.exit_code == 2 and "no fully reviewed article" in result.output


def test_reviewed_needs_a_db_and_no_gold_folder(tmp_path: Path) -> None:
    assert "needs --db" in invoke("--reviewed").output
    result = invoke("--reviewed", "--gold", str(tmp_path), "--db", "sqlite:///x.sqlite")
    assert result.exit_code == 2 and "not both" in result.output
    assert invoke().exit_code == 2
