"""Score a pipeline on CoNLL files: NDT `.conll` or UD `.conllu`, with NorNE `name=` entities.

Components are scored on the gold tokenisation (the usual CoNLL practice), the speed on raw text
through the full pipeline (tokenizer included), in this one process: `words_per_second` by the
clock, `words_per_cpu_second` by this process's CPU time (run with OMP_NUM_THREADS=1 for one core).

Where a figure cannot be computed it is None (null in JSON), never a made-up value:
- `tag_acc` (the full OBT tag, e.g. "subst|appell|mask|be|ent") and `obt_pos_acc` (its first
  part, the Oslo-Bergen part of speech, e.g. "subst") need NDT files: UD files from NorNE have an
  empty XPOS column;
- `uas`/`las` need NDT files: the shipped parser predicts NDT labels and NDT trees, and UD trees
  differ in structure (prepositions, auxiliaries, subordinators attach the other way round);
- on NDT files `pos_acc` compares with UPOS mapped from OBT by konflikt/nlp/schemes.py, on UD
  files with the UD gold UPOS;
- `token_f` (the tokenizer on raw text against the gold tokens) needs UD files: only they record
  the original spacing (`SpaceAfter=No`); NDT spacing is reconstructed.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from konflikt.errors import InputError
from konflikt.nlp.convert import Sentence, find_conll_files, read_sentences, sentences_to_doc

DOC_SENTENCES = 10  # sentences per Doc, as in training, so sentence boundaries are scored


def _examples(nlp: Language, groups: Sequence[Sequence[Sentence]]) -> list[Example]:
    examples = []
    for group in groups:
        gold = sentences_to_doc(nlp.vocab, group)
        words = [t.text for t in gold]
        pred = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in gold])
        examples.append(Example(pred, gold))
    return examples


def _groups(paths: Iterable[Path]) -> dict[str, list[list[Sentence]]]:
    by_scheme: dict[str, list[list[Sentence]]] = {"ndt": [], "ud": []}
    for path in paths:
        batch: list[Sentence] = []
        for sent in read_sentences(path):
            batch.append(sent)
            if len(batch) == DOC_SENTENCES:
                by_scheme[sent.scheme].append(batch)
                batch = []
        if batch:
            by_scheme[batch[0].scheme].append(batch)
    return by_scheme


def _acc(scores: dict[str, Any], key: str) -> float | None:
    value = scores.get(key)
    return None if value is None else round(float(value), 4)


def evaluate(nlp: Language, paths: Iterable[str | Path]) -> dict[str, Any]:
    """Scores of `nlp` on the CoNLL files under `paths` (files or directories)."""
    files = find_conll_files(paths)
    groups = _groups(files)
    ndt = _examples(nlp, groups["ndt"])
    ud = _examples(nlp, groups["ud"])
    examples = ndt + ud
    if not examples:
        raise InputError("no annotated sentences found", origin=", ".join(map(str, files)))
    texts = [eg.reference.text for eg in examples]
    n_words = sum(len(eg.reference) for eg in examples)

    # Wall-clock speed, and speed per CPU second of this process: on a shared machine the second
    # is what one core delivers when nothing else competes for it.
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start

    for eg, doc in zip(examples, nlp.pipe([eg.predicted for eg in examples], batch_size=64),
                       strict=True):
        eg.predicted = doc

    ents = Scorer.score_spans(examples, "ents")
    # Sentence spans exist only when the pipeline sets boundaries (a parser or senter).
    has_sents = all(eg.predicted.has_annotation("SENT_START") for eg in examples)
    sents = Scorer.score_spans(examples, "sents") if has_sents else {}
    pos = Scorer.score_token_attr(examples, "pos")
    morph = Scorer.score_token_attr(
        examples, "morph", getter=lambda tok, _attr: str(tok.morph) or None, missing_values={None}
    )
    lemma = Scorer.score_token_attr(examples, "lemma")
    out: dict[str, Any] = {
        "files": len(files),
        "words": n_words,
        "ents_p": _acc(ents, "ents_p"),
        "ents_r": _acc(ents, "ents_r"),
        "ents_f": _acc(ents, "ents_f"),
        "ents_per_type": {
            label: {k: round(float(v), 4) for k, v in prf.items()}
            for label, prf in sorted((ents.get("ents_per_type") or {}).items())
        },
        "tag_acc": None,
        "obt_pos_acc": None,
        "pos_acc": _acc(pos, "pos_acc"),
        "morph_acc": _acc(morph, "morph_acc"),
        "lemma_acc": _acc(lemma, "lemma_acc"),
        "uas": None,
        "las": None,
        "sents_f": _acc(sents, "sents_f"),
        "words_per_second": round(n_words / elapsed) if elapsed > 0 else None,
        "words_per_cpu_second": round(n_words / cpu) if cpu > 0 else None,
    }
    out["token_f"] = None
    if ud:
        tokenized = [Example(nlp.make_doc(eg.reference.text), eg.reference) for eg in ud]
        out["token_f"] = _acc(Scorer.score_tokenization(tokenized), "token_f")
    if ndt:
        out["tag_acc"] = _acc(Scorer.score_token_attr(ndt, "tag"), "tag_acc")
        obt_pos = Scorer.score_token_attr(
            ndt, "tag", getter=lambda tok, attr: tok.tag_.split("|", 1)[0]
        )
        out["obt_pos_acc"] = _acc(obt_pos, "tag_acc")
        deps = Scorer.score_deps(ndt, "dep", getter=lambda tok, attr: getattr(tok, attr))
        out["uas"] = _acc(deps, "dep_uas")
        out["las"] = _acc(deps, "dep_las")
    return out


def mapping_agreement(ndt_paths: Iterable[str | Path], ud_paths: Iterable[str | Path]) -> dict:
    """How often UPOS/FEATS mapped from OBT (schemes.to_ud) equal the UD annotation.

    NorNE's NDT and UD dev files hold the same sentences in the same order; sentences whose token
    counts differ (UD dropped a few punctuation tokens) are skipped and counted.
    """
    ndt = [s for f in find_conll_files(ndt_paths) for s in read_sentences(f)]
    ud = [s for f in find_conll_files(ud_paths) for s in read_sentences(f)]
    if len(ndt) != len(ud):
        raise InputError(f"{len(ndt)} NDT sentences but {len(ud)} UD sentences")
    n = upos = feats = both = skipped = 0
    for a, b in zip(ndt, ud, strict=True):
        if len(a.rows) != len(b.rows):
            skipped += 1
            continue
        for x, y in zip(a.rows, b.rows, strict=True):
            n += 1
            upos += x.pos == y.pos
            feats += x.morph == y.morph
            both += x.pos == y.pos and x.morph == y.morph
    return {
        "tokens": n,
        "skipped_sentences": skipped,
        "upos": round(upos / n, 4) if n else None,
        "feats": round(feats / n, 4) if n else None,
        "upos_and_feats": round(both / n, 4) if n else None,
    }
