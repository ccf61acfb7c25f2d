"""Measure `konflikt extract` throughput with 1 and 2 worker processes, and the cost of each stage,
on a corpus of N articles built at run time.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/scale.py [N_ARTICLES] [--workers 1,2]
        [--source norec|ndt] [--words 300] [--dask] [--postgres URL]

The corpus (nothing of it is written into the repository; it lives in a temporary folder):

- `norec` (default): `../shared/data/raw/norec-reviews.txt.gz`, the first N reviews of at least
  150 words, each cut after the sentence that reaches `--words` words (default 300); mostly
  Bokmål, some Nynorsk. Reviews hold few conflict events, so extraction costs less than on news.
- `ndt`: the NorNE/NDT dev split (Bokmål and Nynorsk, largely news), sentences rebuilt into
  articles of `--words` words; about 200 articles at most.

Articles get publication dates spread over one year, one JSON Lines file holds them all.

What it measures, each in a fresh Python process:

1. Stages, one process, one after the other over the whole corpus (wall and CPU seconds, and
   milliseconds per article): reading (`read_inputs`), language identification, parsing (spaCy
   `nlp.pipe` per language, batches of `BATCH_SIZE`), event extraction, storing (`Store.add_result`
   into a new SQLite file) and linking (`Store.link`), plus the fixed costs: loading each
   pipeline and warming up the extractor's lexicons and gazetteer; the process's peak memory
   (what one worker needs) and the SQLite file's bytes per article. With `--postgres URL` (an
   empty database) storing and linking are timed there too.
2. Runs, as `konflikt extract` does them (`konflikt.pipeline.run` into a new SQLite file, with
   `ParallelRun.local(W)` for W > 1, or a local Dask cluster of W with `--dask`): seconds from the
   start of the run to the last result (`wall_s`, including starting the workers and loading the
   models), the link step after it, the steady rate over the second half of the results
   (meaningful only when that half is at least ten windows of batches in flight long:
   `steady_is_meaningful`; about 1,300 articles for 2 workers), and the CPU this (parent) process
   spent per article, which with workers is the cost of the single writer: reading, sending
   batches, receiving results, storing.
   articles/s = articles / wall_s; scaling efficiency = rate(W) / (W * rate(1)).

Prints one JSON object. Figures go to BENCHMARKS.md ("Scale and production (issue 6)") and the
per-stage costs into docs/scaling.md. Timings are only comparable on an otherwise idle machine;
the load average before and after is in the output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NOREC = SHARED / "data/raw/norec-reviews.txt.gz"
NDT_DEV = [SHARED / "data/norne/ndt/nob/dev", SHARED / "data/norne/ndt/nno/dev"]
MIN_WORDS = 150  # shorter reviews (a few lines of a list) are not article-like
FIRST_DAY = dt.date(2024, 1, 1)


# --- the corpus ---


def norec_articles(words: int) -> Iterator[dict[str, str]]:
    """Reviews as articles: title from the first line, the body cut after `words` words."""
    if not NOREC.is_file():
        sys.exit(f"benchmarks/scale.py: {NOREC} is missing (../shared beside the repository)")
    doc_id, lines = "", []
    with gzip.open(NOREC, "rt", encoding="utf-8") as raw:
        for line in raw:
            if line.startswith("# doc "):
                if lines:
                    yield from _review(doc_id, lines, words)
                doc_id, lines = line[6:].strip(), []
            else:
                lines.append(line.rstrip("\n"))
    if lines:
        yield from _review(doc_id, lines, words)


def _review(doc_id: str, lines: list[str], words: int) -> Iterator[dict[str, str]]:
    title, body, count = lines[0].strip(), [], 0
    for line in lines[1:]:
        if count >= words:
            break
        body.append(line.strip())  # "" keeps the paragraph breaks
        count += len(line.split())
    text = "\n".join(body).strip()
    if count >= MIN_WORDS:
        yield {"id": f"norec-{doc_id}", "title": title, "text": text}


def ndt_articles(words: int) -> Iterator[dict[str, str]]:
    """NDT dev sentences, Bokmål and Nynorsk in turn, rebuilt into articles of `words` words."""
    from konflikt.nlp.convert import find_conll_files, read_sentences

    per_language = []
    for folder in NDT_DEV:
        articles, sentences, count = [], [], 0
        for path in find_conll_files([folder]):
            for sentence in read_sentences(path):
                sentences.append(
                    "".join(r.form + (" " if r.space_after else "") for r in sentence.rows).strip()
                )
                count += len(sentence.rows)
                if count >= words:
                    articles.append(" ".join(sentences))
                    sentences, count = [], 0
        per_language.append(articles)
    for index, pair in enumerate(zip(*per_language, strict=False)):
        for lang_index, text in enumerate(pair):
            yield {"id": f"ndt-{lang_index}-{index}", "text": text}


def build_corpus(source: str, count: int, words: int, path: Path) -> dict[str, int]:
    articles = norec_articles(words) if source == "norec" else ndt_articles(words)
    written = total_words = 0
    with path.open("w", encoding="utf-8") as out:
        for record in articles:
            if written == count:
                break
            record["published"] = (FIRST_DAY + dt.timedelta(days=written % 366)).isoformat()
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
            total_words += len(record["text"].split())
    if written < count:
        print(f"note: the {source} corpus gives {written} articles, not {count}", file=sys.stderr)
    return {"articles": written, "words": total_words}


# --- 1. the stages, one after the other ---


class Clock:
    """Wall and CPU seconds of named steps."""

    def __init__(self) -> None:
        self.steps: dict[str, dict[str, float]] = {}

    def time(self, name: str) -> _Step:
        return _Step(self, name)


class _Step:
    def __init__(self, clock: Clock, name: str) -> None:
        self.clock, self.name = clock, name

    def __enter__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc_info: object) -> None:
        step = self.clock.steps.setdefault(self.name, {"wall_s": 0.0, "cpu_s": 0.0})
        step["wall_s"] += time.perf_counter() - self.wall
        step["cpu_s"] += time.process_time() - self.cpu


def measure_stages(corpus: Path, db_url: str, postgres: str | None = None) -> dict[str, Any]:
    from konflikt.extract.events import extract_events, warm_up
    from konflikt.ingest import read_inputs
    from konflikt.ingest.langid import identify_language
    from konflikt.model import Article
    from konflikt.nlp import load
    from konflikt.pipeline import BATCH_SIZE, ArticleResult, batches, entities_of
    from konflikt.store import Store

    clock = Clock()
    with clock.time("reading"):
        articles = [item for item in read_inputs([str(corpus)]) if isinstance(item, Article)]
    by_lang: dict[str, list[Article]] = {}
    with clock.time("language id"):
        for article in articles:
            lang = identify_language(article.text[article.body_start :])
            if lang in ("nb", "nn"):
                article.lang = lang
                by_lang.setdefault(lang, []).append(article)
    fixed = Clock()
    for lang in sorted(by_lang):
        with fixed.time(f"load {lang} pipeline"):
            load(lang)
    with fixed.time("extractor warm-up"):
        warm_up()
    results: list[ArticleResult] = []
    for lang, group in sorted(by_lang.items()):
        nlp = load(lang)
        for batch in batches(group, BATCH_SIZE):
            with clock.time("parsing"):
                docs = list(nlp.pipe(a.text[a.body_start :] for a in batch))  # type: ignore[union-attr]
            with clock.time("extraction"):
                for article, doc in zip(batch, docs, strict=True):
                    assert isinstance(article, Article)
                    events = extract_events(doc, article)
                    results.append(ArticleResult(article, events, None, entities_of(doc, article)))
    stores = {"": db_url} | ({" (PostgreSQL)": postgres} if postgres else {})
    for suffix, url in stores.items():
        with Store(url) as store:
            with clock.time(f"storing{suffix}"):
                for result in results:
                    store.add_result(result)
            with clock.time(f"linking{suffix}"):
                store.link()
    sqlite_file = Path(db_url.removeprefix("sqlite:///"))
    parsed = sum(len(group) for group in by_lang.values())
    per_article = {
        name: {**step, "ms_per_article": round(1000 * step["wall_s"] / max(1, parsed), 2)}
        for name, step in clock.steps.items()
    }
    return {
        "articles_parsed": parsed,
        "by_language": {lang: len(group) for lang, group in sorted(by_lang.items())},
        "events": sum(len(r.events) for r in results),
        "stages": _rounded(per_article),
        "fixed": _rounded(fixed.steps),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "sqlite_bytes_per_article": round(sqlite_file.stat().st_size / max(1, parsed)),
    }


def _rounded(steps: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    return {name: {k: round(v, 3) for k, v in step.items()} for name, step in steps.items()}


# --- 2. runs with W workers ---


def measure_run(corpus: Path, db_url: str, workers: int, dask: bool) -> dict[str, Any]:
    from konflikt.ingest import read_inputs
    from konflikt.parallel import ParallelRun
    from konflikt.pipeline import BATCH_SIZE, ArticleResult, RunSummary, run
    from konflikt.store import Store

    start, start_cpu = time.perf_counter(), time.process_time()
    if dask:
        parallel = ParallelRun.dask("local", workers=workers)
    else:
        parallel = ParallelRun.local(workers) if workers > 1 else None
    started = time.perf_counter()
    arrivals: list[float] = []
    parent_cpu: list[float] = []

    def on_result(result: ArticleResult, summary: RunSummary) -> None:
        arrivals.append(time.perf_counter())
        parent_cpu.append(time.process_time())

    try:
        with Store(db_url) as store:
            summary = run(
                read_inputs([str(corpus)]),
                store=store,
                on_result=on_result,
                processor=parallel.process if parallel is not None else None,
            )
            linked = time.perf_counter()
    finally:
        if parallel is not None:
            parallel.close()
    wall = arrivals[-1] - start
    first = min(BATCH_SIZE, len(arrivals)) - 1  # the first batch's last result
    # The second half, when the workers are warm. With in-order results the batches in flight
    # finish while the parent waits for an older one, so the figure means something only when
    # the second half is many windows long.
    half = len(arrivals) // 2
    steady = arrivals[-1] - arrivals[half - 1] if half else 0.0
    window = (parallel.in_flight if parallel is not None else 1) * BATCH_SIZE
    return {
        "workers": workers,
        "dask": dask,
        "articles": summary.articles,
        "rejected": len(summary.problems),
        "events": summary.events,
        "start_workers_s": round(started - start, 3),
        "first_batch_s": round(arrivals[first] - start, 3),
        "wall_s": round(wall, 3),
        "link_s": round(linked - arrivals[-1], 3),
        # this process's CPU per article up to the last result: all of it with one process;
        # with workers, what the single writer costs (reading, sending, receiving, storing)
        "parent_cpu_ms_per_article": round(1000 * (parent_cpu[-1] - start_cpu) / len(arrivals), 2),
        "articles_per_s": round(len(arrivals) / wall, 3),
        "steady_articles_per_s": round((len(arrivals) - half) / steady, 3) if steady else None,
        "steady_is_meaningful": len(arrivals) - half >= 10 * window,
    }


def _in_subprocess(args: list[str]) -> dict[str, Any]:
    """Run this script with `args` in a new Python process (cold, as a command would be)."""
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"benchmarks/scale.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="worker counts, comma-separated")
    parser.add_argument("--source", choices=("norec", "ndt"), default="norec")
    parser.add_argument("--words", type=int, default=300, help="words per article")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="also time storing and linking into this PostgreSQL database (must be empty)",
    )
    # internal: one measurement in this process
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--run-of", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--on-dask", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages_of is not None:
        print(json.dumps(measure_stages(args.stages_of, args.db, args.postgres)))
        return 0
    if args.run_of is not None:
        result = measure_run(args.run_of, args.db, int(args.workers), args.on_dask)
        print(json.dumps(result))
        return 0
    try:
        counts = [int(w) for w in args.workers.split(",")]
    except ValueError:
        parser.error(f"--workers: comma-separated numbers, got {args.workers!r}")
    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "source": args.source,
    }
    with tempfile.TemporaryDirectory(prefix="konflikt-scale-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        report["corpus"] = build_corpus(args.source, args.articles, args.words, corpus)
        postgres = ["--postgres", args.postgres] if args.postgres else []
        report["one_process_stages"] = _in_subprocess(
            ["--stages-of", str(corpus), "--db", f"sqlite:///{tmp}/stages.sqlite", *postgres]
        )
        runs = [(w, False) for w in counts] + ([(max(counts), True)] if args.dask else [])
        report["runs"] = []
        for workers, dask in runs:
            db = f"sqlite:///{tmp}/run-{workers}-{'dask' if dask else 'local'}.sqlite"
            extra = ["--on-dask"] if dask else []
            report["runs"].append(
                _in_subprocess(
                    ["--run-of", str(corpus), "--db", db, "--workers", str(workers), *extra]
                )  # fmt: skip
            )
    base = next((r for r in report["runs"] if r["workers"] == 1 and not r["dask"]), None)
    if base is not None:
        for run_result in report["runs"]:
            for key in ("articles_per_s", "steady_articles_per_s"):
                if run_result[key] and base[key]:
                    efficiency = run_result[key] / (run_result["workers"] * base[key])
                    run_result[key.replace("articles_per_s", "efficiency")] = round(efficiency, 3)
            run_result["words_per_s"] = round(
                report["corpus"]["words"] * run_result["articles_per_s"]
                / max(1, report["corpus"]["articles"])
            )  # fmt: skip
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
