"""Time the link step (`Store.link()`: duplicate grouping and event merging) on a large
synthetic store.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/link.py [N_ARTICLES] [--db sqlite:///PATH]

Builds N_ARTICLES articles (default 3000) of about 1,500 characters: three template event
sentences each (`konflikt.web.synthetic`, events spread over one year, 12 places, 9 event types)
followed by filler sentences drawn at random from a word list written for this script, so that
texts differ as real ones do; every tenth article is an edited copy of an earlier one (a word
changed, its events carried over), so there are duplicate groups to find. Then it times:

1. the first `Store.link()` over the whole store,
2. `Store.link()` again after 1 % new articles were added (the incremental case),
3. `Store.link()` once more with nothing new.

and prints one JSON object with the seconds of each and the store's counts. Figures go to
BENCHMARKS.md ("Duplicates and merging").
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.web.synthetic import synthetic_results

# Filler words (Bokmål, written for this script): random sentences of them make each text
# unique at the level of 3-word shingles.
WORDS = [
    "byen", "regjeringen", "folk", "natten", "huset", "veien", "landet", "krigen", "talsmannen",
    "uken", "skolen", "sykehuset", "grensen", "hæren", "bilen", "markedet", "kvinnen", "mannen",
    "barna", "flyplassen", "broen", "elven", "fjellet", "havnen", "meldte", "sa", "skrev",
    "fortalte", "ventet", "trodde", "viste", "mente", "fant", "fikk", "ble", "var", "har", "skal",
    "kan", "vil", "nye", "gamle", "store", "mange", "flere", "noen", "alle", "lokale", "sivile",
    "tidligere", "senere", "sent", "tidlig", "igjen",
]  # fmt: skip


def filler(rng: random.Random, n_chars: int) -> str:
    sentences = []
    length = 0
    while length < n_chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 16)))
        sentences.append(sentence.capitalize() + ".")
        length += len(sentence) + 2
    return " ".join(sentences)


def build(n_articles: int, seed: int, prefix: str) -> list[ArticleResult]:
    """Synthetic results with own ids (`prefix`), long texts and every tenth one a copy."""
    rng = random.Random(seed)
    results: list[ArticleResult] = []
    for i, base in enumerate(synthetic_results(3 * n_articles, seed=seed)):
        article_id = f"{prefix}-{i:06d}"
        if i % 10 == 9 and results:
            original = rng.choice(results)
            words = original.article.text.split(" ")
            words[-1] = rng.choice(WORDS) + "."  # an edited copy: the last word changed
            text = " ".join(words)
            events = [replace(ev, article_id=article_id) for ev in original.events]
        else:
            text = base.article.text + " " + filler(rng, 1400)
            events = [replace(ev, article_id=article_id) for ev in base.events]
        article = replace(base.article, id=article_id, text=text)
        results.append(ArticleResult(article=article, events=events))
    return results


def timed(store: Store) -> float:
    began = time.perf_counter()
    store.link()
    return round(time.perf_counter() - began, 2)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--db")]
    db_args = [a.split("=", 1)[1] for a in argv if a.startswith("--db=")]
    if len(args) > 1 or (args and not args[0].isdigit()):
        print("usage: benchmarks/link.py [N_ARTICLES] [--db=sqlite:///PATH]", file=sys.stderr)
        return 2
    n_articles = int(args[0]) if args else 3000
    with tempfile.TemporaryDirectory() as tmp:
        url = db_args[0] if db_args else f"sqlite:///{Path(tmp) / 'link-bench.sqlite'}"
        with Store(url) as store:
            for result in build(n_articles, seed=7, prefix="bench"):
                store.add_result(result)
            first = timed(store)
            for result in build(max(1, n_articles // 100), seed=8, prefix="new"):
                store.add_result(result)
            incremental = timed(store)
            unchanged = timed(store)
            counts = store.counts()
    print(json.dumps({
        "articles": counts.get("articles"), "events": counts.get("events"),
        "first_link_s": first, "after_1pct_new_s": incremental, "nothing_new_s": unchanged,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
