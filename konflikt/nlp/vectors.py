"""Floret vectors for the Norwegian pipelines, trained offline from the shared corpora.

Run as `python -m konflikt.nlp.vectors OUT_DIR` (the `models` Makefile target does). The corpus
is NoReC review text plus the word forms of the NorNE *train* files (never dev), tokenised with a
simple rule that splits punctuation off words, so the vectors see the same units as the tokenizer.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from konflikt.paths import shared_dir

# Words (with inner hyphens, dots, apostrophes or digit groups) or single punctuation marks.
_TOKEN_RE = re.compile(r"\w+(?:[-.,:'’]\w+)*|[^\w\s]")

# Settings chosen for size and speed on a 2-core machine: 50k buckets x 100 dims = 20 MB float32,
# which keeps each packaged pipeline under the 40 MB limit.
FLORET_SETTINGS: dict[str, object] = {
    "model": "cbow",
    "dim": 100,
    "mode": "floret",
    "hashCount": 2,
    "bucket": 50000,
    "minn": 4,
    "maxn": 5,
    "minCount": 5,
    "epoch": 5,
    "thread": 1,
}


def corpus_lines(shared: Path | None = None) -> Iterator[str]:
    """Yield tokenised lines: NoReC reviews, then NorNE train sentences (both languages)."""
    base = (shared or shared_dir()) / "data"
    with gzip.open(base / "raw" / "norec-reviews.txt.gz", "rt", encoding="utf8") as fh:
        for line in fh:
            if line.startswith("# doc") or not line.strip():
                continue
            yield " ".join(_TOKEN_RE.findall(line))
    for words in norne_train_sentences(base):
        yield " ".join(words)


def norne_train_sentences(data: Path) -> Iterator[list[str]]:
    """The word forms of each sentence in the NorNE train files (Bokmål, then Nynorsk) under the
    shared `data` folder; the "|" some NDT sentences carry as a token is left out."""
    for lang in ("nob", "nno"):
        for path in sorted((data / "norne" / "ndt" / lang / "train").glob("*.conll")):
            words: list[str] = []
            for line in path.read_text(encoding="utf8").splitlines():
                cols = line.split("\t")
                if len(cols) >= 2:
                    if cols[1] != "|":
                        words.append(cols[1])
                elif words:
                    yield words
                    words = []
            if words:
                yield words


def train_vectors(out_dir: Path, shared: Path | None = None) -> Path:
    """Write the corpus and train floret vectors; returns the path of the `.floret` text file."""
    import floret

    out_dir.mkdir(parents=True, exist_ok=True)
    corpus = out_dir / "corpus.txt"
    with corpus.open("w", encoding="utf8") as fh:
        for line in corpus_lines(shared):
            fh.write(line + "\n")
    model = floret.train_unsupervised(str(corpus), **FLORET_SETTINGS)
    vec_path = out_dir / "vectors.floret"
    model.save_floret_vectors(str(vec_path))
    return vec_path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m konflikt.nlp.vectors OUT_DIR")
    print(train_vectors(Path(sys.argv[1])))
