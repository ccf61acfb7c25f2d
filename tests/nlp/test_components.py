"""The NDT root labeller."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import konflikt.nlp.components  # noqa: F401


def test_roots_get_ndt_labels() -> None:
    nlp = spacy.blank("nb")
    root = nlp.add_pipe("konflikt_ndt_root")
    doc = Doc(
        nlp.vocab,
        words=["Soldatene", "trakk", "seg", "ut", ".", "Nye", "angrep", "i", "nord", "Hei"],
        heads=[1, 1, 1, 1, 1, 6, 6, 6, 7, 9],
        deps=["SUBJ", "ROOT", "DOBJ", "ADV", "IP", "ATR", "ROOT", "ATR", "PUTFYLL", "ROOT"],
        morphs=["", "Mood=Ind|Tense=Past|VerbForm=Fin", "", "", "", "", "Number=Plur", "", "", ""],
        pos=["NOUN", "VERB", "PRON", "ADV", "PUNCT", "ADJ", "NOUN", "ADP", "NOUN", "INTJ"],
    )
    doc = root(doc)
    assert [doc[1].dep_, doc[6].dep_, doc[9].dep_] == ["FINV", "FRAG", "INTERJ"]
    assert doc[0].dep_ == "SUBJ"


def test_unlabelled_token_with_a_head_pointer_becomes_a_root() -> None:
    # What the parser sometimes leaves: "." without a label but pointing at the verb, which
    # points at ".": spaCy calls "." a root, Span.root loops (E039) until the component runs.
    nlp = spacy.blank("nb")
    root = nlp.add_pipe("konflikt_ndt_root")
    doc = Doc(
        nlp.vocab,
        words=["Hun", "sang", "."],
        heads=[1, 2, 1],
        deps=["SUBJ", "FINV", ""],
        pos=["PRON", "VERB", "PUNCT"],
    )
    doc = root(doc)
    assert doc[0:1].root.i == 0
    assert doc[2].head.i == 2 and doc[2].dep_ == "FRAG"
    assert [doc[0].head.i, doc[1].head.i] == [1, 2]
