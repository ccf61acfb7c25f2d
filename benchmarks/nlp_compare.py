"""Compare trained pipelines on NorNE dev: NER scores and words per CPU second, alternating.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/nlp_compare.py nob|nno MODEL_DIR... [--rounds N]

Each MODEL_DIR is a spaCy pipeline directory (a shipped `konflikt/models/LANG`, an older copy
taken with `git archive`, or a `build/train/*/model-best`). All are loaded once; then each round
scores every model in turn on the NDT dev files of the written standard with
`konflikt.nlp.evaluate.evaluate` (what `konflikt nlp evaluate` prints), so the models share the
machine's state and a speed ratio between them is fair. Prints one JSON object: per model the
NER P/R/F1 and F1 per type (from the first round) and the words per CPU second of every round.
Figures go to BENCHMARKS.md ("NLP pipelines").
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import spacy

import konflikt.nlp  # noqa: F401  (registers the tokenizer, components and architectures)
from konflikt.nlp.evaluate import evaluate
from konflikt.paths import shared_dir


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("standard", choices=["nob", "nno"])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    dev = shared_dir() / "data" / "norne" / "ndt" / args.standard / "dev"
    pipelines = {path: spacy.load(path) for path in args.models}
    result: dict[str, dict[str, Any]] = {path: {"words_per_cpu_second": []} for path in args.models}
    for round_ in range(args.rounds):
        for path, nlp in pipelines.items():
            scores = evaluate(nlp, [dev])
            result[path]["words_per_cpu_second"].append(scores["words_per_cpu_second"])
            if round_ == 0:
                result[path].update(
                    ents_p=scores["ents_p"], ents_r=scores["ents_r"], ents_f=scores["ents_f"],
                    ents_f_per_type={
                        label: round(v["f"], 4) for label, v in scores["ents_per_type"].items()
                    },
                )  # fmt: skip
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
