"""The duplicate gold is well-formed, the pairwise metric is right, and linking meets its target."""

from __future__ import annotations

import pytest
import yaml

from konflikt.link.evaluate import DEFAULT_GOLD, gold_reports, load_gold, pair_scores
from konflikt.paths import shared_dir

needs_shared = pytest.mark.skipif(
    not (shared_dir() / "data" / "gold" / "dev" / "articles.jsonl").exists(),
    reason="the shared dev articles are not here",
)


def test_pair_scores_count_pairs() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "z"}
    predicted = {"a": "1", "b": "1", "c": "1", "d": "2"}
    scores = pair_scores(gold, predicted)
    # gold pairs: (a,b); predicted pairs: (a,b), (a,c), (b,c)
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (1, 3, 1)
    assert scores.precision == pytest.approx(1 / 3) and scores.recall == 1.0
    only = pair_scores(gold, predicted, [("a", "c")])
    assert (only.true_pairs, only.predicted_pairs, only.correct_pairs) == (0, 1, 0)


def test_our_articles_are_well_formed() -> None:
    articles = yaml.safe_load((DEFAULT_GOLD / "articles.yaml").read_text(encoding="utf-8"))
    ids = [a["id"] for a in articles["articles"]]
    assert len(ids) == len(set(ids)) >= 15
    gold = yaml.safe_load((DEFAULT_GOLD / "gold.yaml").read_text(encoding="utf-8"))
    known = set(ids) | set(gold["dev"])
    grouped = [m for group in gold["groups"] for m in group]
    assert set(grouped) <= known and len(grouped) == len(set(grouped))
    for mentions in gold["occurrences"].values():
        for article_id, event_type, _ in mentions:
            assert article_id in known and event_type.isupper()


@needs_shared
def test_every_gold_report_points_at_a_sentence() -> None:
    articles, gold = load_gold(DEFAULT_GOLD)
    texts = {a.id: a.text for a in articles}
    reports = gold_reports(articles, gold)
    assert len(reports) > 60
    for article_id, _, (start, end), _ in reports:
        assert 0 <= start < end <= len(texts[article_id])


@needs_shared
@pytest.mark.slow
def test_linking_meets_the_issue_target() -> None:
    """Issue 5's target, >= 0.90 pairwise for both (measured 1.00/1.00 and 0.930/0.939, see
    BENCHMARKS.md); a drop in the extractor or the thresholds shows here."""
    from konflikt.link.evaluate import evaluate

    report = evaluate()
    assert report.grouping.precision >= 0.9 and report.grouping.recall >= 0.9
    assert report.merging.precision >= 0.9 and report.merging.recall >= 0.9
    assert report.denials_found == report.denials_gold


@needs_shared
@pytest.mark.slow
def test_held_out_stays_where_it_was_measured() -> None:
    """The held-out story (written after calibration): P 0.818 / R 1.000 since the third round
    of extraction fixes (BENCHMARKS.md, "after3"); a regression gate, not the target."""
    from konflikt.link.evaluate import evaluate

    report = evaluate(DEFAULT_GOLD / "heldout")
    assert report.grouping.precision == 1.0 and report.grouping.recall == 1.0
    assert report.merging.precision >= 0.78 and report.merging.recall >= 0.95
