"""The self-written gold set (tests/data/gold-own): its files are valid, and the extractor keeps
generalising to it.

The eight articles and their events were written and annotated by the coding manual before the
extractor was run on them (see the git history of tests/data/gold-own), so unlike the dev gold
they were never used for tuning. The fast tests check the annotation itself; the slow ones run
the shipped pipelines over the set and hold the scores to what was measured, minus a margin.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pycountry
import pytest

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold-own"
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
STANCES = {"asserted", "hedged", "denied", "negated", "future", "hypothetical"}
PRECISIONS = {"place", "admin1", "country", None}
DATE_PRECISIONS = {"day", "week", "month", "year", None}
HEADER = re.compile(r"^\s*date (\d{4})-(\d{2}) ")

# Measured on 2026-11-23 with the shipped nb pipeline (extractor at commit a00c413) over the
# six Bokmål articles, the nn pipeline not being built yet: 36 scored predictions, 43 required
# gold events, 29 matched, 34 detected -> P 0.806, R 0.674, F1 0.734, detection recall 0.791.
# The gate is that figure minus 0.05; re-pin it (and the all-articles gate) when it moves.
MEASURED_NB = {"f1": 0.734, "detection_recall": 0.791}
MARGIN = 0.05


def _rows(name: str) -> list[dict[str, Any]]:
    text = (GOLD_DIR / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> dict[str, dict[str, Any]]:
    return {a["id"]: a for a in _rows("articles.jsonl")}


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    return _rows("events.jsonl")


def _builder() -> ModuleType:
    # The folder name has a hyphen, so the builder is loaded from its path, not imported.
    spec = importlib.util.spec_from_file_location("build_gold", GOLD_DIR / "build_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_files_are_what_the_builder_makes(
    articles: dict[str, dict[str, Any]], events: list[dict[str, Any]]
) -> None:
    built_articles, built_events = _builder().build()
    assert list(articles.values()) == built_articles
    assert events == built_events


def test_articles_cover_the_required_mix(articles: dict[str, dict[str, Any]]) -> None:
    langs = [a["lang"] for a in articles.values()]
    assert (langs.count("nb"), langs.count("nn")) == (6, 2)
    undated = [a for a in articles.values() if a["published"] is None]
    assert len(undated) == 2
    assert sum(bool(HEADER.match(a["text"])) for a in undated) == 1
    for article in articles.values():
        if article["published"] is not None:
            dt.date.fromisoformat(article["published"])
        assert article["source"] == "konflikt test set, written for the project"


def test_every_event_is_well_formed(
    articles: dict[str, dict[str, Any]], events: list[dict[str, Any]]
) -> None:
    assert 40 <= sum(not e["optional"] for e in events) <= 70
    for event in events:
        text = articles[event["article_id"]]["text"]
        ev = event["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["sentence"], ev
        assert ev["sentence"] == ev["sentence"].strip() and ev["sentence"]
        assert event["event_type"] in PLOVER_TYPES
        assert event["stance"] in STANCES
        assert isinstance(event["optional"], bool) and event["note"]
        for role in ("actor", "recipient"):
            party = event[role]
            if party is None:
                continue
            assert party["text"] is None or party["text"] in ev["sentence"]
            code = party["country"]
            assert code is None or pycountry.countries.get(alpha_3=code) is not None, code
        place = event["location"]
        if place is not None:
            assert place["precision"] in PRECISIONS
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
            code = place["country"]
            assert code is None or pycountry.countries.get(alpha_2=code) is not None, code
        for quantity in event["quantities"]:
            assert quantity["text"] in ev["sentence"]
            assert quantity["low"] <= quantity["best"]
            assert quantity["high"] is None or quantity["best"] <= quantity["high"]
        if event["source"] is not None:
            assert event["source"]["text"] in text and isinstance(event["source"]["via"], list)


def test_dates_follow_the_publication_rules(
    articles: dict[str, dict[str, Any]], events: list[dict[str, Any]]
) -> None:
    """Manual §3: no publication date -> unresolved; a month header -> that month at most."""
    for event in events:
        date = event["date"]
        if date is None:
            continue
        article = articles[event["article_id"]]
        assert date["precision"] in DATE_PRECISIONS
        if date["start"] is None:
            assert date["end"] is None and date["precision"] is None
            continue
        start = dt.date.fromisoformat(date["start"])
        assert start <= dt.date.fromisoformat(date["end"])
        header = HEADER.match(article["text"])
        if article["published"] is None:
            assert header is not None, f"{article['id']}: resolved date without any anchor"
            assert date["precision"] == "month"
            assert (start.year, start.month) == (int(header[1]), int(header[2]))


def test_past_weekdays_resolve_to_the_latest_such_day(
    articles: dict[str, dict[str, Any]], events: list[dict[str, Any]]
) -> None:
    """'lørdag' is the latest Saturday on or before publication (for events that happened)."""
    days = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    days_nn = ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"]
    checked = 0
    for event in events:
        date, published = event["date"], articles[event["article_id"]]["published"]
        if not date or not date["text"] or not published:
            continue
        if event["stance"] in ("future", "hypothetical"):
            continue
        words = date["text"].lower().split()
        weekday = next((i for w in words for i, d in enumerate(days) if w == d), None)
        weekday = weekday if weekday is not None else next(
            (i for w in words for i, d in enumerate(days_nn) if w == d), None
        )  # fmt: skip
        if weekday is None or date["start"] != date["end"]:
            continue
        pub = dt.date.fromisoformat(published)
        expected = pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
        night_before = "natt til" in date["text"].lower()
        assert date["start"] == expected.isoformat() or night_before, event["evidence"]
        checked += 1
    assert checked >= 8


# ---- the extractor on the set (trained models) ------------------------------------------


def _run(article_ids: set[str], tmp_path: Path) -> dict[str, Any]:
    from konflikt.extract.scoring import score
    from konflikt.ingest import read_inputs
    from konflikt.pipeline import ArticleResult, RunSummary, run

    rows = [a for a in _rows("articles.jsonl") if a["id"] in article_ids]
    subset = tmp_path / "articles.jsonl"
    subset.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rows), "utf-8")
    predicted: dict[str, list[Any]] = {}

    def on_result(result: ArticleResult, summary: RunSummary) -> None:
        if result.article is not None:
            predicted[result.article.id] = list(result.events)

    summary = run(read_inputs([str(subset)]), store=None, on_result=on_result)
    assert not summary.problems, [p.reason for p in summary.problems]
    gold = [e for e in _rows("events.jsonl") if e["article_id"] in article_ids]
    return score(predicted, gold, sorted(article_ids))


def _nn_model_present() -> bool:
    from konflikt.nlp import model_path

    return (model_path("nn") / "meta.json").is_file()


@pytest.mark.slow
def test_bokmal_articles_stay_above_the_measured_scores(tmp_path: Path) -> None:
    nb = {a["id"] for a in _rows("articles.jsonl") if a["lang"] == "nb"}
    scores = _run(nb, tmp_path)
    assert scores["f1"] >= MEASURED_NB["f1"] - MARGIN, scores
    assert scores["detection_recall"] >= MEASURED_NB["detection_recall"] - MARGIN, scores


@pytest.mark.slow
def test_all_articles_with_the_nynorsk_pipeline(tmp_path: Path) -> None:
    if not _nn_model_present():
        pytest.skip("the nn pipeline is not built (konflikt/models/nn); nn articles skipped")
    # Only the Bokmål figure has been measured so far: the whole set is held to it until the
    # nn pipeline ships and the figure is measured and pinned here.
    scores = _run({a["id"] for a in _rows("articles.jsonl")}, tmp_path)
    assert scores["f1"] >= MEASURED_NB["f1"] - MARGIN, scores
    assert scores["detection_recall"] >= MEASURED_NB["detection_recall"] - MARGIN, scores
