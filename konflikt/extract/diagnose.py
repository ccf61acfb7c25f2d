"""Run the extractor on a gold set and show what it got wrong, for tuning the rules.

    python -m konflikt.extract.diagnose [--gold DIR] [--errors] [--blank] [--model DIR] [--json]
    python -m konflikt.extract.diagnose --speed [--gold DIR]

Reads DIR/articles.jsonl and DIR/events.jsonl (default: the dev gold in ../shared), parses each
article with konflikt.nlp.load(lang) (or, with --blank, a tokenizer and sentencizer only: how the
extractor degrades without lemmas, parse or entities), scores with the manual's metric and, with
--errors, lists false positives, misses and field disagreements per article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from konflikt.errors import ModelError
from konflikt.extract.events import extract_events, warm_up
from konflikt.extract.scoring import FIELDS, field_agrees, field_has_value, match, score
from konflikt.ingest import read_inputs
from konflikt.model import Article, Event
from konflikt.paths import shared_dir


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def blank_pipeline() -> Language:
    from konflikt.nlp.tokenizer import create_tokenizer

    nlp = spacy.blank("nb")
    nlp.tokenizer = create_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


RunResult = tuple[dict[str, list[Event]], list[dict[str, Any]], list[Article], float, int]


def run(gold_dir: Path, *, blank: bool = False, model: Path | None = None) -> RunResult:
    """Predictions per article, gold events, articles, seconds spent extracting, words."""
    # Read as the pipeline reads (konflikt.ingest): a leading "date YYYY-MM" header line is kept
    # in the text but outside the parsed body.
    read = read_inputs([str(gold_dir / "articles.jsonl")])
    articles = [a for a in read if isinstance(a, Article)]
    gold_path = gold_dir / "events.jsonl"
    gold = read_jsonl(gold_path) if gold_path.exists() else []
    warm_up()  # lexicons and gazetteers load once; time the steady state
    nlp_by_lang: dict[str, Language | None] = {}
    predicted: dict[str, list[Event]] = {}
    spent = 0.0
    words = 0
    kept: list[Article] = []
    for art in articles:
        lang = art.lang if art.lang in ("nb", "nn") else "nb"
        if lang not in nlp_by_lang:
            if blank:
                nlp_by_lang[lang] = blank_pipeline()
            elif model is not None:
                import konflikt.nlp  # noqa: F401  (registers the pipeline's functions)

                nlp_by_lang[lang] = spacy.load(model)
            else:
                from konflikt.nlp import load

                try:
                    nlp_by_lang[lang] = load(lang)
                except ModelError as exc:
                    print(f"skipping the {lang} articles: {exc}", file=sys.stderr)
                    nlp_by_lang[lang] = None
        nlp = nlp_by_lang[lang]
        if nlp is None:
            continue
        kept.append(art)
        doc = nlp(art.text[art.body_start :])
        words += sum(1 for t in doc if not t.is_punct and not t.is_space)
        t0 = time.perf_counter()
        predicted[art.id] = extract_events(doc, art)
        spent += time.perf_counter() - t0
    return predicted, gold, kept, spent, words


def speed(gold_dir: Path, repeats: int = 3) -> dict[str, Any]:
    """Words per second of the NLP pipeline alone and of NLP plus extraction, best of
    `repeats` runs over the gold articles. The resolver caches are emptied before each run, so
    no sentence is extracted from a warm cache; lexicons and gazetteers are loaded before."""
    from konflikt.extract import resolution
    from konflikt.nlp import load

    read = read_inputs([str(gold_dir / "articles.jsonl")])
    articles = [a for a in read if isinstance(a, Article)]
    nlp = load("nb")
    warm_up()
    texts = [a.text[a.body_start :] for a in articles]
    list(nlp.pipe(texts[:2]))
    caches = [resolution._place_mentions, resolution.find_actor_mentions,
              resolution.names_an_organisation,
              resolution.resolve_actor, resolution._place]  # fmt: skip
    best_nlp = best_extract = float("inf")
    words = 0
    for _ in range(repeats):
        for cache in caches:
            cache.cache_clear()
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        for doc, art in zip(docs, articles, strict=True):
            extract_events(doc, art)
        t2 = time.perf_counter()
        best_nlp, best_extract = min(best_nlp, t1 - t0), min(best_extract, t2 - t1)
        words = sum(1 for d in docs for t in d if not t.is_punct and not t.is_space)
    return {
        "articles": len(articles),
        "words": words,
        "nlp_seconds": round(best_nlp, 3),
        "extract_seconds": round(best_extract, 3),
        "nlp_words_per_second": round(words / best_nlp),
        "end_to_end_words_per_second": round(words / (best_nlp + best_extract)),
        "end_to_end_share_of_nlp": round(best_nlp / (best_nlp + best_extract), 3),
    }


def _brief(e: dict[str, Any]) -> str:
    def txt(p: Any) -> str:
        return "-" if not p else str(p.get("text") or p.get("name"))

    return (
        f"{e['event_type']}/{e.get('mode')} A={txt(e.get('actor'))} R={txt(e.get('recipient'))} "
        f"L={txt(e.get('location'))} S={txt(e.get('source'))} st={e.get('stance')} "
        f"Q={[q.get('best') for q in e.get('quantities') or []]} "
        f"D={(e.get('date') or {}).get('start')}"
    )


def show_errors(predicted: dict[str, list[Event]], gold: list[dict[str, Any]],
                articles: list[Article]) -> None:  # fmt: skip
    for art in articles:
        preds = [e.to_dict() for e in predicted.get(art.id, [])]
        golds = [g for g in gold if g["article_id"] == art.id]
        pairs = match(preds, golds)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        print(f"\n=== {art.id}: {art.title}")
        for i, p in enumerate(preds):
            if i not in mp:
                sentence = p["evidence"]["sentence"][:110]
                print(f"  FP  {_brief(p)} [{p.get('trigger')}] :: {sentence}")
        for j, g in enumerate(golds):
            if j not in mg and not g.get("optional"):
                print(f"  FN  {_brief(g)} :: {g['evidence']['sentence'][:110]}")
        for i, j in pairs:
            g = golds[j]
            if g.get("optional"):
                continue
            bad = [f for f in FIELDS if field_has_value(f, g) and not field_agrees(f, preds[i], g)]
            if bad:
                print(f"  FLD {bad}\n      pred {_brief(preds[i])}\n      gold {_brief(g)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=shared_dir() / "data" / "gold" / "dev")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--blank", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--model", type=Path, help="a spaCy pipeline directory instead of nlp.load")
    ap.add_argument("--speed", action="store_true", help="measure words/s instead of scoring")
    args = ap.parse_args(argv)
    if not (args.gold / "articles.jsonl").is_file():
        print(f"no articles.jsonl in {args.gold}", file=sys.stderr)
        return 2
    if args.speed:
        print(json.dumps(speed(args.gold)))
        return 0
    predicted, gold, articles, spent, words = run(args.gold, blank=args.blank, model=args.model)
    result = score(predicted, gold, [a.id for a in articles])
    result["extract_seconds"] = round(spent, 3)
    result["extract_words_per_second"] = round(words / spent) if spent else None
    if args.errors:
        show_errors(predicted, gold, articles)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
            f"detR {result['detection_recall']:.3f}  counts {result['counts']}"
        )
        print("fields", {k: (round(v, 3) if v is not None else None)
                         for k, v in result["fields"].items()})  # fmt: skip
        print(f"extraction: {spent:.2f} s for {words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
