"""Memory of a long-running worker: RSS after every block of articles that one `BatchRunner`
(what each `--workers`/Dask worker keeps) processes, with the pipeline's `nlp.memory_zone()` per
batch as shipped, and with the zone turned into a no-op for comparison.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/worker_memory.py [N_ARTICLES] [--block 100]

The corpus is built at run time (nothing is written into the repository): the first N NoReC
reviews of at least 150 words, cut at about 300 words (`benchmarks/scale.py`'s builder). Each
variant runs in a new process over the same articles: language identification, parse and
extraction in batches of `BATCH_SIZE`, real models, no store. Prints one JSON object: per variant
the RSS (MiB, from /proc) after each block, the vocabulary's string count, and the growth per
100 articles between the first block and the last (the first block holds the models' loading).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import build_corpus  # noqa: E402  (the sibling benchmark's corpus builder)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def measure(corpus: Path, block: int, zone: bool) -> dict[str, Any]:
    from spacy.language import Language

    from konflikt.ingest import read_inputs
    from konflikt.nlp import load
    from konflikt.pipeline import BATCH_SIZE, BatchRunner, batches

    if not zone:
        # The comparison: what the pipeline did before it used memory zones.
        Language.memory_zone = lambda self, mem=None: contextlib.nullcontext()  # type: ignore[method-assign,assignment]
    runner = BatchRunner(load=None, extract=None, identify=None)
    samples: list[dict[str, float]] = []
    done, next_sample = 0, block
    for batch in batches(read_inputs([str(corpus)]), BATCH_SIZE):
        runner.run_batch(batch)
        done += len(batch)
        if done >= next_sample:
            strings = len(load("nb").vocab.strings)
            samples.append({"articles": done, "rss_mib": round(rss_mib(), 1), "strings": strings})
            next_sample += block
    first, last = samples[0], samples[-1]
    growth = (last["rss_mib"] - first["rss_mib"]) / max(1, last["articles"] - first["articles"])
    return {
        "memory_zone": zone,
        "samples": samples,
        "mib_per_100_articles": round(100 * growth, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--block", type=int, default=100)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-zone", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one, args.block, zone=not args.no_zone)))
        return 0
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="konflikt-worker-memory-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        report["corpus"] = build_corpus("norec", args.articles, 300, corpus)
        for flag in ([], ["--no-zone"]):
            done = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus), "--block", str(args.block), *flag],
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                sys.exit(f"benchmarks/worker_memory.py failed:\n{done.stderr[-3000:]}")
            result = json.loads(done.stdout)
            report["with_zone" if not flag else "without_zone"] = result
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
