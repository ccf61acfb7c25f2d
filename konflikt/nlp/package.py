"""Turn a trained pipeline into the shipped one, and write its model card.

    python -m konflikt.nlp.package LANG TRAINED_DIR OUT_DIR

Installs the current Norwegian tokenizer (its rules are saved with the model, so the packaged
copy must be rebuilt when they change), adds the NDT root labeller after the parser, sets the
meta, saves, then scores the saved copy on NorNE dev (NDT and UD files) and writes README.md.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

import spacy

import konflikt.nlp  # noqa: F401  (registers the tokenizer and components)
from konflikt.nlp.evaluate import evaluate, mapping_agreement
from konflikt.nlp.tokenizer import create_tokenizer
from konflikt.paths import shared_dir

# NorNE/NDT annotations are CC0; NoReC's terms allow free use of models and embeddings made from it.
MODEL_LICENSE = "free use: NorNE/NDT annotations CC0; vectors from NoReC (its terms allow models)"

_NAMES = {"nb": ("nob", "no_bokmaal", "Bokmål"), "nn": ("nno", "no_nynorsk", "Nynorsk")}


def package(lang: str, trained: Path, out: Path) -> dict[str, Any]:
    nlp = spacy.load(trained)
    nlp.tokenizer = create_tokenizer(nlp)
    if "konflikt_ndt_root" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_ndt_root", after="parser")
    if "konflikt_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_line_breaks", before="parser")
    if "konflikt_person_names" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_person_names", after="ner")
    if "konflikt_media_names" not in nlp.pipe_names:
        nlp.add_pipe("konflikt_media_names", after="konflikt_person_names")
    nlp.meta.update(
        name=f"konflikt_{lang}",
        version="0.1.0",
        description=f"Norwegian {_NAMES[lang][2]} pipeline for konflikt (NorNE/NDT)",
        license=MODEL_LICENSE,
        author="konflikt",
    )
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return card(lang, out, _train_seconds(trained, lang))


def _train_seconds(trained: Path, lang: str) -> float | None:
    """Training time recorded by `make models`: stage 1, plus stage 2 for a `-ner` directory."""
    stages = [trained.parent / "train_seconds.txt"]
    if trained.parent.name.endswith("-ner"):
        stages.append(trained.parent.parent / lang / "train_seconds.txt")
    if not all(p.is_file() for p in stages):
        return None
    return sum(float(p.read_text().strip()) for p in stages)


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def card(lang: str, out: Path, train_seconds: float | None = None) -> dict[str, Any]:
    """Score the saved pipeline on dev and write README.md and scores.json beside it."""
    code, ud_name, name = _NAMES[lang]
    t0 = time.perf_counter()
    nlp = spacy.load(out)
    load_s = time.perf_counter() - t0
    norne = shared_dir() / "data" / "norne"
    ndt = evaluate(nlp, [norne / "ndt" / code / "dev"])
    ud_file = norne / "ud" / code / f"{ud_name}-ud-dev.conllu"
    ud = evaluate(nlp, [ud_file])
    agreement = mapping_agreement([norne / "ndt" / code / "dev"], [ud_file])
    info = {
        "lang": lang,
        "ndt_dev": ndt,
        "ud_dev": ud,
        "obt_to_ud_agreement_dev": agreement,
        "load_seconds": round(load_s, 2),
        "size_mb": round(_size_mb(out), 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, OMP_NUM_THREADS="
        f"{os.environ.get('OMP_NUM_THREADS', 'unset')}",
    }
    if train_seconds is not None:
        info["train_seconds"] = round(train_seconds)
    (out / "scores.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    (out / "README.md").write_text(_card_text(lang, name, nlp, info), encoding="utf8")
    return info


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.2f}"


def _card_text(lang: str, name: str, nlp: spacy.Language, info: dict[str, Any]) -> str:
    ndt, ud, agr = info["ndt_dev"], info["ud_dev"], info["obt_to_ud_agreement_dev"]
    agreement = " / ".join(_pct(agr[k]) for k in ("upos", "feats", "upos_and_feats"))
    rows = "\n".join(
        f"| {label} | {_pct(prf['p'])} | {_pct(prf['r'])} | {_pct(prf['f'])} |"
        for label, prf in ndt["ents_per_type"].items()
    )
    train = info.get("train_seconds")
    train_line = f"{train / 60:.0f} minutes" if train else "see BENCHMARKS.md"
    return f"""# konflikt_{lang}: Norwegian {name} pipeline

spaCy {spacy.__version__} pipeline `{', '.join(nlp.pipe_names)}`, loaded by
`konflikt.nlp.load("{lang}")`. Size {info['size_mb']} MB; loads in {info['load_seconds']} s.

## What it predicts
- `token.tag_`: Oslo-Bergen tag (POS and features, e.g. `subst|appell|mask|be|ent`)
- `token.pos_`, `token.morph`: UD UPOS and FEATS, learnt from OBT mapped by
  `konflikt/nlp/schemes.py`
- `token.lemma_`: trainable (edit-tree) lemmatizer
- `token.dep_`: **NDT** dependency labels (SUBJ, DOBJ, PUTFYLL, FINV...), sentence boundaries
  from the parser; `konflikt.nlp.schemes.ud_relation()` / `role_of()` map them to UD-like roles
- `doc.ents`: NorNE labels PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD, EVT, DRV, MISC; after the NER,
  two rules (`konflikt/nlp/components.py`): a lone surname of a full PER name in the document is
  PER, and a news outlet after "i"/"på" is PROD
- rule components: a line break starts a sentence (before the parser); the sentence root gets
  its NDT label (after it)
- tokenizer: `konflikt.tokenizer.v1` (abbreviations in any case, Norwegian numbers and dates);
  `like_num` knows Norwegian number words (`konflikt.nlp.numerals`)

## Data and licenses
- NorNE (Jørgensen et al., LREC 2020) on the Norwegian Dependency Treebank (NDT, National Library
  of Norway / Språkbanken): annotations **CC0**. Trained on the NDT train files, tuned and scored on
  dev; the test split was never used. The source texts are third-party and are not shipped.
- UD Norwegian ({'Bokmaal' if lang == 'nb' else 'Nynorsk'}) dev file (CC BY-SA 4.0, UD / NDT /
  NorNE conversion) used only to score UPOS/FEATS against real UD annotation.
- Floret vectors trained on NoReC review text plus NorNE train text. The NoReC text is CC BY-NC
  4.0, but its terms state that models, lexicons and embeddings created from it do not contain the
  original data and may be used freely, also commercially; no NoReC text ships with the model.
- The NER sees gazetteer features (`konflikt.nlp.gazetteer`): the model stores 64-bit hashes of
  the words of konflikt's place and actor names with a class each. The place names come from
  GeoNames (CC BY 4.0, https://www.geonames.org); the Norwegian names and the actor registry were
  written for konflikt.

## Dev figures (NDT dev, gold tokens, `konflikt nlp evaluate --lang {lang}`)
| figure | value |
|---|---|
| NER P / R / F1 | {_pct(ndt['ents_p'])} / {_pct(ndt['ents_r'])} / {_pct(ndt['ents_f'])} |
| OBT tag accuracy | {_pct(ndt['tag_acc'])} |
| UPOS accuracy (vs mapped OBT) | {_pct(ndt['pos_acc'])} |
| UPOS accuracy (vs UD dev gold) | {_pct(ud['pos_acc'])} |
| UD FEATS accuracy (vs UD dev gold) | {_pct(ud['morph_acc'])} |
| OBT→UD mapping = UD gold (UPOS / FEATS / both) | {agreement} |
| lemma accuracy | {_pct(ndt['lemma_acc'])} |
| UAS / LAS (NDT labels) | {_pct(ndt['uas'])} / {_pct(ndt['las'])} |
| sentence F1 | {_pct(ndt['sents_f'])} |
| words/second (one process, {info['machine']}) | {ndt['words_per_second']} |
| words/CPU second (same run) | {ndt['words_per_cpu_second']} |

| entity | P | R | F1 |
|---|---|---|---|
{rows}

## Reproduce
`make models` (from a checkout with `../shared` beside it): converts NorNE, trains the floret
vectors, trains both pipelines on one core, packages them and rewrites this card.
Training time for this pipeline: {train_line}.
"""


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python -m konflikt.nlp.package LANG TRAINED_DIR OUT_DIR")
    result = package(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
    print(json.dumps(result["ndt_dev"], indent=2))
