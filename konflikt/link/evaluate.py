"""Measure linking against a duplicate gold: pairwise precision and recall of article grouping
and of event merging, and whether denials find the claim they deny.

The gold (tests/data/dupes/: `articles.yaml`, `gold.yaml`) retells some dev articles, which are
read from the shared folder at run time. The extractor runs on every article; each extracted
event takes the gold occurrence of the report it matches (same article, same type, evidence
sentence overlapping the report's sentence), an unmatched one is an occurrence of its own.

Pairs are counted between events of *different* articles: two events of one article telling one
occurrence are the extractor's business, not the linker's. Event-merging recall is over pairs
whose both reports were extracted; `coverage` says how many gold reports were.

    python -m konflikt.link.evaluate [tests/data/dupes]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from konflikt.errors import KonfliktError
from konflikt.link.duplicates import group_articles
from konflikt.link.ledger import find_denials
from konflikt.link.merge import merge_events
from konflikt.model import Article, Event
from konflikt.paths import shared_dir

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "dupes"


@dataclass(slots=True)
class PairScores:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": round(self.precision, 3),
                "recall": round(self.recall, 3)}  # fmt: skip


@dataclass(slots=True)
class Report:
    articles: int
    events: int
    grouping: PairScores
    merging: PairScores
    # The same over events that match a gold report only: an extracted event the gold does not
    # annotate (a dev article's gold codes one sentence of several telling an occurrence)
    # counts against any merge above, rightly or not; here it is left out.
    merging_matched: PairScores
    coverage: float  # gold reports with an extracted event
    denials_found: int
    denials_gold: int
    denials_linked: int  # all denials the linker linked, right or not

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "events": self.events,
            "article_grouping": self.grouping.to_dict(), "event_merging": self.merging.to_dict(),
            "event_merging_matched_only": self.merging_matched.to_dict(),
            "coverage": round(self.coverage, 3),
            "denials": f"{self.denials_found}/{self.denials_gold}",
            "denials_linked": self.denials_linked,
        }  # fmt: skip


def pair_scores(gold: dict[str, str], predicted: dict[str, str],
                allowed: Iterable[tuple[str, str]] | None = None) -> PairScores:  # fmt: skip
    """Pairwise agreement of two labelings of the same items (optionally only `allowed` pairs)."""
    items = sorted(gold)
    pairs = allowed if allowed is not None else combinations(items, 2)
    true = predicted_n = correct = 0
    for a, b in pairs:
        same_gold = gold[a] == gold[b]
        same_pred = predicted[a] == predicted[b]
        true += same_gold
        predicted_n += same_pred
        correct += same_gold and same_pred
    return PairScores(true, predicted_n, correct)


def load_gold(folder: Path) -> tuple[list[Article], dict[str, Any]]:
    """Our articles and the dev articles they retell (with the dates the gold gives them)."""
    try:
        ours = yaml.safe_load((folder / "articles.yaml").read_text(encoding="utf-8"))["articles"]
        gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    except (OSError, KeyError, yaml.YAMLError) as exc:
        raise KonfliktError(f"cannot read the duplicate gold: {exc}", origin=str(folder)) from None
    dev_path = shared_dir() / "data" / "gold" / "dev" / "articles.jsonl"
    try:
        lines = dev_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KonfliktError(f"cannot read the dev articles: {exc.strerror}",
                            origin=str(dev_path)) from None  # fmt: skip
    dev = {d["id"]: d for d in map(json.loads, filter(None, lines))}
    # No language is declared: the identifier routes each article to the Bokmål or the Nynorsk
    # pipeline, as it does for a feed that says only "Norwegian" (until 2026-12-08 every
    # article was declared Bokmål, Nynorsk write-ups included).
    articles = []
    for article_id, published in gold["dev"].items():
        d = dev[article_id]
        articles.append(Article(id=article_id, text=d["text"], title=d.get("title"),
                                published=published, source=d.get("source"), lang=None))
    for a in ours:
        articles.append(Article(id=a["id"], text=a["text"], title=a["title"],
                                published=a["published"], source=a["source"], lang=None))
    gold["dev_events"] = _dev_evidence(dev_path.parent / "events.jsonl")
    return articles, gold


def _dev_evidence(path: Path) -> dict[tuple[str, int], tuple[int, int]]:
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ev = json.loads(line)
            start = ev["evidence"]["start"]
            spans[(ev["article_id"], start)] = (start, ev["evidence"]["end"])
    return spans


def _sentence_span(text: str, words: str) -> tuple[int, int]:
    """The line holding `words` (our gold texts have one sentence a line)."""
    pos = text.index(words)
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def gold_reports(articles: list[Article], gold: dict[str, Any]
                 ) -> list[tuple[str, str, tuple[int, int], str]]:  # fmt: skip
    """(article, type, sentence span, occurrence) for every report in the gold."""
    texts = {a.id: a.text for a in articles}
    reports = []
    for occurrence, mentions in gold["occurrences"].items():
        for article_id, event_type, where in mentions:
            if isinstance(where, int):
                span = gold["dev_events"][(article_id, where)]
            else:
                span = _sentence_span(texts[article_id], where)
            reports.append((article_id, event_type, span, occurrence))
    return reports


def label_events(events: list[Event], reports: list[tuple[str, str, tuple[int, int], str]]
                 ) -> tuple[dict[str, str], set[int]]:  # fmt: skip
    """Each event's gold occurrence (its own id when it matches none), and the reports found."""
    labels: dict[str, str] = {}
    found: set[int] = set()
    for ev in events:
        labels[ev.id] = f"unmatched:{ev.id}"
        for i, (article_id, event_type, (start, end), occurrence) in enumerate(reports):
            if (ev.article_id == article_id and ev.event_type == event_type
                    and ev.evidence.start < end and start < ev.evidence.end):  # fmt: skip
                labels[ev.id] = occurrence
                found.add(i)
                break
    return labels, found


def evaluate(folder: Path = DEFAULT_GOLD) -> Report:
    from konflikt.pipeline import process

    articles, gold = load_gold(folder)
    events: list[Event] = []
    for result in process(articles):
        if result.problem is not None:
            raise KonfliktError(f"extraction failed: {result.problem.reason}",
                                origin=result.problem.origin)  # fmt: skip
        events.extend(result.events)

    grouping = group_articles(articles)
    gold_group = {a.id: a.id for a in articles}
    for members in gold["groups"]:
        for member in members:
            gold_group[member] = members[0]
    article_scores = pair_scores(gold_group, grouping.group_of)

    clustering = merge_events(events, published={a.id: a.published for a in articles})
    reports = gold_reports(articles, gold)
    labels, found = label_events(events, reports)
    article_of = {ev.id: ev.article_id for ev in events}
    cross = [(a, b) for a, b in combinations(sorted(labels), 2) if article_of[a] != article_of[b]]
    merge_scores = pair_scores(labels, clustering.canonical_of, cross)
    matched = [(a, b) for a, b in cross
               if not labels[a].startswith("unmatched:") and not labels[b].startswith("unmatched:")]
    matched_scores = pair_scores(labels, clustering.canonical_of, matched)

    denials = find_denials(events, clustering.canonical_of)
    by_id = {ev.id: ev for ev in events}
    hits = 0
    for article_id, words, occurrence in gold.get("denials", []):
        start, end = _sentence_span(next(a.text for a in articles if a.id == article_id), words)
        for d in denials:
            denier = by_id[d.denial_event_id]
            if (denier.article_id == article_id and denier.evidence.start < end
                    and start < denier.evidence.end and labels[d.denied_event_id] == occurrence):
                hits += 1
                break
    return Report(
        articles=len(articles), events=len(events), grouping=article_scores,
        merging=merge_scores, merging_matched=matched_scores,
        coverage=len(found) / len(reports) if reports else 1.0,
        denials_found=hits, denials_gold=len(gold.get("denials", [])),
        denials_linked=len(denials),
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_GOLD
    try:
        report = evaluate(folder)
    except KonfliktError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
