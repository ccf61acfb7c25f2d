"""Peak memory of a full `konflikt extract` as the corpus grows (issue 6: "peak memory flat as
the corpus grows").

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/memory.py [--sizes 400,4000]
        [--formats jsonl,dir] [--chars 2500]

For each size and format it builds a corpus at run time in a temporary folder (nothing is
written into the repository): the first N texts of `../shared/data/raw/norec-reviews.txt.gz`
(NoReC, texts from Norwegian news outlets) with at least 150 words, each cut to news length
after the paragraph that passes `--chars` characters; as one JSON Lines file (`jsonl`) or as a
folder of `.txt` files, 100 to a subfolder (`dir`).

Then it runs `konflikt extract INPUT --db sqlite:///<tmp>/run.sqlite --quiet` in a fresh process
(the installed CLI, real models; `OMP_NUM_THREADS=1`) and measures:

- `peak_rss_mib`: the process tree's peak resident memory, from the kernel (`ru_maxrss` of the
  waited-for child, via `os.wait4`; children of the child, if any, by psutil polling);
- a timeline polled every 0.25 s: the tree's RSS (psutil) and the number of stored articles (a
  read-only query on the SQLite file, which is in WAL mode, so the writer never waits for it).
  The last time that number grew ends the streaming phase; what follows is the closing
  `Store.link()` step and the exit. From it: `stream_peak_rss_mib` (highest RSS while articles
  stream through), `stream_rss_at_10_pct_mib` and `stream_rss_at_90_pct_mib` (RSS at 10 % and
  90 % of the streaming phase: the slope while streaming), `end_peak_rss_mib` (highest RSS after
  the last article was stored) and `end_s` (how long that took);
- wall seconds and the articles stored (from the database).

Memory is flat when the streaming figures do not grow with N. Prints one JSON object per run and
a Markdown table for BENCHMARKS.md.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/memory.py --spacy-vocab 300

measures one suspected cause of growth instead, in this process: the nb pipeline parses N texts
of the same corpus in blocks of 100, then N more inside `nlp.memory_zone()` blocks (spaCy 3.8),
printing the StringStore size, the vocabulary's lexemes and the RSS after each block.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parents[1]
NOREC = REPO.parent / "shared" / "data" / "raw" / "norec-reviews.txt.gz"
KONFLIKT = Path(sys.executable).with_name("konflikt")
MIN_WORDS = 150  # shorter texts (a few list lines) are not article-like
POLL_SECONDS = 0.25
FILES_PER_FOLDER = 100
STREAM_COLUMNS = ("stream_rss_at_10_pct_mib", "stream_rss_at_90_pct_mib", "stream_peak_rss_mib")


def norec_texts(chars: int) -> Iterator[tuple[str, str]]:
    """(doc id, text cut after the paragraph that passes `chars` characters), in file order."""
    doc_id = ""
    lines: list[str] = []
    with gzip.open(NOREC, "rt", encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("# doc "):
                if doc_id and (text := _cut(lines, chars)):
                    yield doc_id, text
                doc_id, lines = line.split()[-1], []
            else:
                lines.append(line.rstrip("\n"))
    if doc_id and (text := _cut(lines, chars)):
        yield doc_id, text


def _cut(lines: list[str], chars: int) -> str | None:
    paragraphs = " ".join(line.strip() if line.strip() else "\n\n" for line in lines).split("\n\n")
    kept: list[str] = []
    for paragraph in (" ".join(p.split()) for p in paragraphs):
        if paragraph:
            kept.append(paragraph)
        if sum(len(p) for p in kept) >= chars:
            break
    text = "\n\n".join(kept)
    return text if len(text.split()) >= MIN_WORDS else None


def build_corpus(size: int, fmt: str, folder: Path, chars: int) -> Path:
    texts = norec_texts(chars)
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for index, (doc_id, text) in zip(range(size), texts, strict=False):
                record = {"id": f"norec-{doc_id}", "text": text, "published": _date(index)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return path
    root = folder / "corpus"
    for index, (doc_id, text) in zip(range(size), texts, strict=False):
        sub = root / f"{index // FILES_PER_FOLDER:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{doc_id}.txt").write_text(f"date {_date(index)}\n{text}", encoding="utf-8")
    return root


def _date(index: int) -> str:
    return f"2024-{index % 12 + 1:02d}-{index % 28 + 1:02d}"


def measure(size: int, fmt: str, chars: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="konflikt-memory-") as tmp:
        folder = Path(tmp)
        corpus = build_corpus(size, fmt, folder, chars)
        database = folder / "run.sqlite"
        command = [str(KONFLIKT), "extract", str(corpus), "--db", f"sqlite:///{database}", "-q"]
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        started = time.monotonic()
        child = psutil.Popen(command, env=env, stdout=psutil.subprocess.DEVNULL,
                             stderr=psutil.subprocess.PIPE)  # fmt: skip
        samples: list[tuple[float, int]] = []
        stored_at: list[tuple[float, int]] = []  # (seconds, articles stored), when it changed
        tree_peak = 0
        status = None
        while status is None:
            rss = _tree_rss(child)
            tree_peak = max(tree_peak, rss)
            now = time.monotonic() - started
            samples.append((now, rss))
            count = _stored_count(database)
            if count is not None and (not stored_at or count != stored_at[-1][1]):
                stored_at.append((now, count))
            time.sleep(POLL_SECONDS)
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid == 0:
                status = None
        wall = time.monotonic() - started
        stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
        exit_code = os.waitstatus_to_exitcode(status)
        kernel_peak = usage.ru_maxrss * 1024  # Linux: KiB
        with sqlite3.connect(database) as db:
            stored = db.execute("select count(*) from articles").fetchone()[0]
            rejected = db.execute("select count(*) from input_errors").fetchone()[0]
    first_stored = stored_at[1][0] if len(stored_at) > 1 else 0.0
    stream_end = stored_at[-1][0] if stored_at else wall
    streaming = [rss for t, rss in samples if t <= stream_end]
    after = [rss for t, rss in samples if t > stream_end]
    return {
        "size": size,
        "format": fmt,
        "exit_code": exit_code,
        "articles_stored": stored,
        "inputs_rejected": rejected,
        "wall_s": round(wall, 1),
        "peak_rss_mib": _mib(max(kernel_peak, tree_peak)),
        "stream_peak_rss_mib": _mib(max(streaming)) if streaming else None,
        "stream_rss_at_10_pct_mib": _rss_at(samples, first_stored, stream_end, 0.1),
        "stream_rss_at_90_pct_mib": _rss_at(samples, first_stored, stream_end, 0.9),
        "end_peak_rss_mib": _mib(max(after)) if after else None,
        "end_s": round(wall - stream_end, 1),
        "samples": len(samples),
        "stderr_tail": stderr[-300:],
    }


def _rss_at(samples: list[tuple[float, int]], start: float, end: float, share: float) -> float:
    """RSS at `share` of the way from `start` to `end` (the nearest sample, median of 5)."""
    moment = start + (end - start) * share
    index = min(range(len(samples)), key=lambda i: abs(samples[i][0] - moment))
    window = [rss for _, rss in samples[max(0, index - 2) : index + 3]]
    return _mib(int(statistics.median(window)))


def _stored_count(database: Path) -> int | None:
    if not database.exists():
        return None
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1) as db:
            return int(db.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or busy: the next poll reads it
        return None


def _tree_rss(process: psutil.Process) -> int:
    try:
        total = process.memory_info().rss
        for child in process.children(recursive=True):
            total += child.memory_info().rss
    except psutil.Error:  # it ended between two calls
        return 0
    return total


def _mib(value: int) -> float:
    return round(value / 2**20, 1)


def measure_spacy_vocab(count: int, chars: int, block: int = 100) -> list[dict[str, Any]]:
    from konflikt.nlp import load

    nlp = load("nb")
    texts = [text for _, (_, text) in zip(range(2 * count), norec_texts(chars), strict=False)]
    process = psutil.Process()
    rows = []

    def row(stage: str, parsed: int) -> None:
        rss = _mib(process.memory_info().rss)
        rows.append({"stage": stage, "texts": parsed, "strings": len(nlp.vocab.strings),
                     "lexemes": len(nlp.vocab), "rss_mib": rss})  # fmt: skip
        print(json.dumps(rows[-1]), flush=True)

    row("loaded", 0)
    for start in range(0, 2 * count, block):
        batch = texts[start : start + block]
        if start < count:
            for _ in nlp.pipe(batch, batch_size=16):
                pass
            row("plain", start + len(batch))
        else:
            with nlp.memory_zone():
                for _ in nlp.pipe(batch, batch_size=16):
                    pass
            row("memory_zone", start + len(batch))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="400,4000")
    parser.add_argument("--formats", default="jsonl,dir")
    parser.add_argument("--chars", type=int, default=2500)
    parser.add_argument("--spacy-vocab", type=int, metavar="N", help="see the docstring")
    args = parser.parse_args(argv)
    if not NOREC.exists():
        print(f"missing {NOREC}: the corpus is built from it", file=sys.stderr)
        return 2
    if args.spacy_vocab:
        measure_spacy_vocab(args.spacy_vocab, args.chars)
        return 0
    rows = []
    for fmt in args.formats.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(size, fmt, args.chars)
            print(json.dumps(row), flush=True)
            rows.append(row)
    print("\n| articles | input | streaming: RSS at 10 % / 90 % / peak, MiB | after the last "
          "article: peak MiB, seconds | peak RSS MiB | wall s |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for r in rows:
        streaming = " / ".join(str(r[key]) for key in STREAM_COLUMNS)
        end = f"{r['end_peak_rss_mib']}, {r['end_s']}"
        print(f"| {r['size']:,} | {r['format']} | {streaming} | {end} | {r['peak_rss_mib']} "
              f"| {r['wall_s']} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
