"""NDT `.conll` and UD `.conllu` files (with NorNE `name=` entities) to spaCy Docs and DocBins.

Both formats give one token per line and a blank line between sentences. What differs:

- NDT has OBT tags and NDT labels and no spacing information: spaces are inferred from punctuation.
  Its paragraph markers (`|`, POS clb, lemma `$|`) are dropped, as the UD conversion does.
- UD has UPOS/FEATS, UD relations and `SpaceAfter=No`; its XPOS column is empty.

Lemmas of punctuation are written `$,` in both: they become the form itself.
Run as `python -m konflikt.nlp.convert OUT.spacy PATH...` to write a DocBin for training; several
PATHs are joined in the order given (`make models` writes nor-train.spacy from the Bokmål and the
Nynorsk train folders for the stage-2 NER).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from konflikt.errors import InputError
from konflikt.nlp.schemes import obt_tag, to_ud

CONLL_SUFFIXES = (".conll", ".conllu")
_UD_ID_RE = re.compile(r"^\d+(?:-\d+|\.\d+)?$")
# No space before these, no space after the openers; straight quotes alternate open/close.
_NO_SPACE_BEFORE = frozenset(",.:;!?)]}»”…")
_NO_SPACE_AFTER = frozenset("([{«“")


@dataclass(slots=True)
class Row:
    form: str
    lemma: str
    pos: str  # UPOS
    tag: str  # OBT tag ("" for UD files)
    morph: str
    head: int  # 0-based index in the sentence; the root points to itself
    dep: str
    ent: str  # IOB2 ("O", "B-PER", "I-PER")
    space_after: bool = True


@dataclass(slots=True)
class Sentence:
    rows: list[Row] = field(default_factory=list)
    scheme: str = "ndt"  # "ndt" or "ud": which dependency labels `dep` uses


def find_conll_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files given, and `.conll`/`.conllu` files under directories given, sorted per directory."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.suffix in CONLL_SUFFIXES)
        elif p.is_file():
            found.append(p)
        else:
            raise InputError("no such file or directory", origin=str(p))
    if not found:
        raise InputError("no .conll or .conllu files found", origin=", ".join(map(str, paths)))
    return found


def _blocks(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    block: list[list[str]] = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if block:
                yield block
            block = []
        elif not line.startswith("#"):
            block.append(line.split("\t"))
    if block:
        yield block


def _misc(misc: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in misc.split("|"):
        if "=" in item:
            k, v = item.split("=", 1)
            out[k] = v
    return out


def _lemma(form: str, lemma: str) -> str:
    return form if lemma.startswith("$") and len(lemma) > 1 else lemma


def _ndt_sentence(cols: list[list[str]], origin: str) -> Sentence:
    ids = [c[0] for c in cols]
    # Paragraph markers are leaves attached to the root; dependents of a dropped token (never
    # seen, but cheap to handle) move to its head.
    drop = {i for i, c in enumerate(cols) if c[1] == "|" and c[2] == "$|"}
    heads = [int(c[6]) - 1 for c in cols]
    for i in range(len(cols)):
        while heads[i] in drop:
            heads[i] = heads[heads[i]]
    keep = [i for i in range(len(cols)) if i not in drop]
    new_index = {old: new for new, old in enumerate(keep)}
    children_pos: dict[int, set[str]] = {}
    children_dep: dict[int, set[str]] = {}
    for i, c in enumerate(cols):
        if heads[i] >= 0:
            children_pos.setdefault(heads[i], set()).add(c[3])
            children_dep.setdefault(heads[i], set()).add(c[7])
    sent = Sentence(scheme="ndt")
    for i in keep:
        c = cols[i]
        if len(c) < 8:
            raise InputError(f"line with {len(c)} columns, expected 10 ({ids[0]})", origin=origin)
        form, lemma, pos, feats = c[1], c[2], c[3], c[5]
        upos, morph = to_ud(
            pos, feats, lemma, form,
            child_pos=children_pos.get(i, set()), child_deps=children_dep.get(i, set()),
        )
        head = new_index[heads[i]] if heads[i] >= 0 else new_index[i]
        ent = _misc(c[9]).get("name", "O") if len(c) > 9 else "O"
        sent.rows.append(
            Row(form, _lemma(form, lemma), upos, obt_tag(pos, feats), morph, head, c[7], ent)
        )
    _infer_spaces(sent.rows)
    return sent


def _infer_spaces(rows: list[Row]) -> None:
    quote_open = False
    for i, row in enumerate(rows):
        if row.form == '"':
            quote_open = not quote_open
            if quote_open:
                row.space_after = False
        if row.form in _NO_SPACE_AFTER:
            row.space_after = False
        if i + 1 < len(rows):
            nxt = rows[i + 1].form
            if nxt in _NO_SPACE_BEFORE or (nxt == '"' and quote_open):
                row.space_after = False
    if rows:
        rows[-1].space_after = True


def _ud_sentence(cols: list[list[str]], origin: str) -> Sentence:
    sent = Sentence(scheme="ud")
    for c in cols:
        if not _UD_ID_RE.match(c[0]):
            raise InputError(f"not a CoNLL-U token line: {c[0][:40]!r}", origin=origin)
    words = [c for c in cols if c[0].isdigit()]  # skip multiword ranges and empty nodes
    for i, c in enumerate(words):
        if len(c) < 10:
            raise InputError(f"line with {len(c)} columns, expected 10", origin=origin)
        misc = _misc(c[9])
        head = int(c[6]) - 1 if c[6] not in ("_", "0") else i
        sent.rows.append(
            Row(
                form=c[1], lemma=_lemma(c[1], c[2]), pos=c[3],
                tag=c[4] if c[4] != "_" else "",
                morph=c[5] if c[5] != "_" else "", head=head, dep=c[7],
                ent=misc.get("name", "O"), space_after=misc.get("SpaceAfter") != "No",
            )
        )
    return sent


def read_sentences(path: Path) -> Iterator[Sentence]:
    """Sentences of one file; the format is told by its suffix (.conllu = UD, else NDT)."""
    is_ud = path.suffix == ".conllu"
    with path.open(encoding="utf8") as fh:
        for block in _blocks(fh):
            try:
                sent = _ud_sentence(block, str(path)) if is_ud else _ndt_sentence(block, str(path))
            except (ValueError, IndexError, KeyError) as exc:
                raise InputError(f"malformed CoNLL sentence: {exc}", origin=str(path)) from exc
            if sent.rows:
                yield sent


def sentences_to_doc(vocab: Vocab, sents: Sequence[Sentence]) -> Doc:
    """One Doc holding several sentences, with every annotation the rows carry."""
    rows = [r for s in sents for r in s.rows]
    offsets: list[int] = []
    n = 0
    for s in sents:
        offsets.append(n)
        n += len(s.rows)
    heads: list[int] = []
    starts: list[bool] = []
    for s, off in zip(sents, offsets, strict=True):
        heads += [off + r.head for r in s.rows]
        starts += [True] + [False] * (len(s.rows) - 1)
    doc = Doc(
        vocab,
        words=[r.form for r in rows],
        spaces=[r.space_after for r in rows],
        lemmas=[r.lemma for r in rows],
        pos=[r.pos or "X" for r in rows],
        tags=[r.tag for r in rows],
        morphs=[r.morph for r in rows],
        heads=heads,
        deps=[r.dep for r in rows],
        sent_starts=starts,
    )
    doc.ents = _spans(doc, [r.ent for r in rows])
    return doc


def _spans(doc: Doc, iob: list[str]) -> list[Span]:
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*iob, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.append(Span(doc, start, i, label=label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return spans


def file_to_docs(path: Path, vocab: Vocab, n_sents: int = 10) -> Iterator[Doc]:
    """Docs of `n_sents` consecutive sentences each (so the parser learns sentence boundaries)."""
    batch: list[Sentence] = []
    for sent in read_sentences(path):
        batch.append(sent)
        if len(batch) == n_sents:
            yield sentences_to_doc(vocab, batch)
            batch = []
    if batch:
        yield sentences_to_doc(vocab, batch)


def convert(paths: Iterable[str | Path], out: Path, n_sents: int = 10) -> int:
    """Write a DocBin of all files under `paths`; returns the number of Docs."""
    vocab = Vocab()
    db = DocBin(store_user_data=False)
    for path in find_conll_files(paths):
        for doc in file_to_docs(path, vocab, n_sents):
            db.add(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(db)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: python -m konflikt.nlp.convert OUT.spacy PATH...")
    print(convert(sys.argv[2:], Path(sys.argv[1])), "docs")
