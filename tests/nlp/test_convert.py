"""NDT and UD files to spaCy Docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from konflikt.errors import InputError
from konflikt.nlp.convert import convert, file_to_docs, find_conll_files, read_sentences


def test_ndt_sentence_drops_paragraph_marker_and_maps_tags(ndt_file: Path) -> None:
    first, second = list(read_sentences(ndt_file))
    assert [r.form for r in first.rows] == ["Politiet", "pågrep", "tre", "menn", "i", "Bergen", "."]
    assert first.rows[2].pos == "NUM" and first.rows[2].tag == "det|kvant|fl"
    assert first.rows[0].morph == "Definite=Def|Gender=Neut|Number=Sing"
    assert first.rows[6].lemma == "."  # "$." normalised
    assert first.rows[1].head == 1 and first.rows[1].dep == "FINV"
    assert second.rows[2].pos == "VERB"  # "har" governs no verb here: main verb, not AUX


def test_ndt_spaces_are_inferred(ndt_file: Path) -> None:
    doc = next(file_to_docs(ndt_file, Vocab()))
    assert doc.text == "Politiet pågrep tre menn i Bergen. «Vi har kontroll», sier Kari Nordmann. "


def test_ndt_doc_has_entities_heads_and_sentences(ndt_file: Path) -> None:
    doc = next(file_to_docs(ndt_file, Vocab()))
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ents == [("Bergen", "GPE_LOC"), ("Kari Nordmann", "PER")]
    assert len(list(doc.sents)) == 2
    assert doc[5].head.text == "i" and doc[5].dep_ == "PUTFYLL"
    assert doc[1].head.i == 1  # root points to itself


def test_ud_file(ud_file: Path) -> None:
    doc = next(file_to_docs(ud_file, Vocab()))
    assert doc.text.strip() == "Hæren rykket inn i Kharkiv."
    assert [(e.text, e.label_) for e in doc.ents] == [("Hæren", "ORG"), ("Kharkiv", "GPE_LOC")]
    assert doc[4].pos_ == "PROPN" and doc[4].dep_ == "obl"
    assert doc[0].tag_ == ""
    (sent,) = list(read_sentences(ud_file))
    assert sent.scheme == "ud"


def test_convert_writes_docbin(ndt_file: Path, ud_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "train.spacy"
    assert convert([ndt_file.parent], out, n_sents=1) == 3
    docs = list(DocBin().from_disk(out).get_docs(Vocab()))
    assert sum(len(d.ents) for d in docs) == 4


def test_convert_joins_folders_in_the_order_given(
    ndt_file: Path, ud_file: Path, tmp_path: Path
) -> None:
    # `make models` writes nor-train.spacy from the Bokmål and the Nynorsk train folders this way.
    first, second = tmp_path / "nob", tmp_path / "nno"
    first.mkdir()
    second.mkdir()
    ndt_file.rename(first / ndt_file.name)
    ud_file.rename(second / ud_file.name)
    out = tmp_path / "nor-train.spacy"
    assert convert([first, second], out, n_sents=1) == 3
    texts = [d.text.strip() for d in DocBin().from_disk(out).get_docs(Vocab())]
    assert texts[0].startswith("Politiet pågrep") and texts[-1] == "Hæren rykket inn i Kharkiv."


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        find_conll_files([tmp_path / "nope.conll"])
    with pytest.raises(InputError, match="no .conll"):
        find_conll_files([tmp_path])


def test_malformed_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("1\tOrd\tord\tsubst\tsubst\tappell\tX\tSUBJ\t_\tname=O\n", encoding="utf8")
    with pytest.raises(InputError, match="malformed"):
        list(read_sentences(bad))


def test_text_that_is_not_conllu_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "notes.conllu"
    bad.write_text("Dette er ikke en CoNLL-U-fil.\n", encoding="utf8")
    with pytest.raises(InputError, match="not a CoNLL-U token line"):
        list(read_sentences(bad))
