"""Pretraining the NER's own tok2vec on raw text, and starting stage 2 from it.

`python -m konflikt.nlp.pretraining text OUT.jsonl [MAX_WORDS]` writes the raw text;
`python -m konflikt.nlp.pretraining run CONFIG OUT_DIR [--section.key value ...]` pretrains a
stand-alone copy of the NER's tok2vec with the [pretraining] settings of CONFIG (the stage-2
config, `configs/ner.cfg`), so the architecture is written down once; the `models` Makefile target
runs both. Stage 2 then loads the weights through the `konflikt.pretrained_ner_tok2vec.v1`
callback ([initialize.after_init]): spaCy's `init_tok2vec` only reaches a tok2vec component or a
model's "tok2vec" reference, and the NER's reference wraps the tok2vec in a projection layer.

The text is NoReC review lines, as written, then the NorNE *train* sentences of both
written standards (never dev): the same sources as the floret vectors (`konflikt.nlp.vectors`).
Lines of fewer than five words (titles, ratings, captions) teach little and are left out. The
lines are shuffled with a fixed seed: a run that stops before the end of its first epoch has then
seen both sources, and every review genre, in their proportions.
"""

from __future__ import annotations

import gzip
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.training.pretrain import pretrain
from spacy.util import load_config, registry
from thinc.api import Config

import konflikt.nlp.gazetteer  # noqa: F401  (registers konflikt.GazetteerTok2Vec.v1)
import konflikt.nlp.tokenizer  # noqa: F401  (registers konflikt.tokenizer.v1 for the configs)
from konflikt.nlp.vectors import norne_train_sentences
from konflikt.paths import shared_dir

MIN_WORDS = 5
SEED = 0


def raw_texts(shared: Path | None = None) -> Iterator[str]:
    """NoReC lines of at least MIN_WORDS words, then every NorNE train sentence."""
    base = (shared or shared_dir()) / "data"
    with gzip.open(base / "raw" / "norec-reviews.txt.gz", "rt", encoding="utf8") as fh:
        for line in fh:
            text = line.strip()
            if not text.startswith("# doc") and len(text.split()) >= MIN_WORDS:
                yield text
    for words in norne_train_sentences(base):
        yield " ".join(words)


def write_raw_text(out: Path, max_words: int | None = None, shared: Path | None = None) -> int:
    """Write `{"text": ...}` lines to `out` until `max_words` words; return the words written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    texts = list(raw_texts(shared))
    random.Random(SEED).shuffle(texts)
    written = 0

    def limited() -> Iterator[dict[str, str]]:
        nonlocal written
        for text in texts:
            if max_words is not None and written >= max_words:
                return
            written += len(text.split())
            yield {"text": text}

    srsly.write_jsonl(out, limited())
    return written


PRETRAINED_COMPONENT = "ner_tok2vec"


def pretraining_config(config: Config) -> Config:
    """The stage-2 config turned into a pretraining one: one `tok2vec` component whose model is
    the NER's tok2vec, nothing sourced, no callback that needs pretrained weights."""
    config = Config(config).copy()
    config["nlp"]["pipeline"] = [PRETRAINED_COMPONENT]
    config["nlp"]["disabled"] = []
    tok2vec_model = config["components"]["ner"]["model"]["tok2vec"]
    if "tok2vec" in tok2vec_model:  # a wrapper (gazetteer features): pretrain what it wraps
        tok2vec_model = tok2vec_model["tok2vec"]
    config["components"] = {PRETRAINED_COMPONENT: {"factory": "tok2vec", "model": tok2vec_model}}
    config["training"]["frozen_components"] = []
    config["training"]["annotating_components"] = []
    config["initialize"]["after_init"] = None
    config["pretraining"]["component"] = PRETRAINED_COMPONENT
    config["pretraining"]["layer"] = ""
    return config


def run_pretraining(config_path: Path, out_dir: Path, overrides: dict[str, object]) -> None:
    """Pretrain; the weights land in `out_dir` as model0.bin, model1.bin, ... and model-last.bin."""
    config = load_config(config_path, overrides=overrides, interpolate=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    pretraining_config(config).to_disk(out_dir / "config.cfg")
    pretrain(pretraining_config(config), out_dir, silent=False)


@registry.callbacks("konflikt.pretrained_ner_tok2vec.v1")
def pretrained_ner_tok2vec(path: Path | None) -> object:
    """After initialisation, load pretrained weights (from `run_pretraining`) into the NER's own
    tok2vec; with no path, leave the random initialisation."""

    def load(nlp: Language) -> Language:
        if path is None:
            return nlp
        ner_reference = nlp.get_pipe("ner").model.get_ref("tok2vec")
        # chain(tok2vec, list2array, linear): the first layer is the NER's tok2vec, or the
        # gazetteer wrapper whose "tok2vec" reference is the one that was pretrained
        tok2vec = ner_reference.layers[0]
        if tok2vec.has_ref("tok2vec"):
            tok2vec = tok2vec.get_ref("tok2vec")
        tok2vec.from_bytes(Path(path).read_bytes())
        return nlp

    return load


def _overrides(args: list[str]) -> dict[str, object]:
    from spacy.cli._util import parse_config_overrides

    return parse_config_overrides(args)


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "text" and args:
        limit = int(args[1]) if len(args) > 1 else None
        words = write_raw_text(Path(args[0]), limit)
        print(f"{words} words -> {args[0]}")
    elif command == "run" and len(args) >= 2:
        run_pretraining(Path(args[0]), Path(args[1]), _overrides(args[2:]))
    else:
        sys.exit(
            "usage: python -m konflikt.nlp.pretraining text OUT.jsonl [MAX_WORDS]\n"
            "       python -m konflikt.nlp.pretraining run CONFIG OUT_DIR [--section.key value]"
        )
