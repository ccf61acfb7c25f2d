"""The rule components added at packaging: the NDT root labeller and the surname rule.
Sentences written for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from konflikt.nlp.components import person_names


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


def _with_ents(text: str, ents: list[tuple[int, int, str]]) -> Doc:
    nlp = spacy.blank("nb")
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_a_lone_surname_of_a_full_name_is_that_person() -> None:
    # "Dommer Kari Nordvik ble kritisert . Kommunen mener Nordvik mangler tillit , og
    #  Nordviks advokat svarer ."
    doc = _with_ents(
        "Dommer Kari Nordvik ble kritisert . Kommunen mener Nordvik mangler tillit , og "
        "Nordviks advokat svarer .",
        [(1, 3, "PER"), (8, 9, "ORG"), (13, 14, "LOC")],
    )
    out = person_names(doc)
    assert [(e.text, e.label_) for e in out.ents] == [
        ("Kari Nordvik", "PER"), ("Nordvik", "PER"), ("Nordviks", "PER"),
    ]  # fmt: skip


def test_a_missed_surname_is_added_at_a_sentence_start_too() -> None:
    doc = _with_ents("Kari Nordvik svarte . Nordvik sa nei , og Nordvik gikk .", [(0, 2, "PER")])
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 4)
    out = person_names(doc)
    assert [(e.start, e.label_) for e in out.ents] == [(0, "PER"), (4, "PER"), (9, "PER")]


def test_a_capitalised_word_that_is_no_surname_of_the_document_is_not_added() -> None:
    doc = _with_ents("Kari Nordvik svarte . Nordlys sa nei , og Kari gikk .", [(0, 2, "PER")])
    out = person_names(doc)
    assert [(e.start, e.label_) for e in out.ents] == [(0, "PER")]


def test_other_names_are_left_alone() -> None:
    doc = _with_ents("Kari Nordvik møtte Equinor i Bergen .", [(0, 2, "PER"), (3, 4, "ORG"),
                                                                (5, 6, "GPE_LOC")])  # fmt: skip
    out = person_names(doc)
    assert [e.label_ for e in out.ents] == ["PER", "ORG", "GPE_LOC"]


def test_a_line_break_starts_a_sentence() -> None:
    from konflikt.nlp.components import line_breaks

    nlp = spacy.blank("nb")
    doc = line_breaks(nlp("To pågrepet i Bodø\nLokalt politi har pågrepet to menn ."))
    starts = [tok.text for tok in doc if tok.is_sent_start]
    assert starts == ["To", "Lokalt"]
    assert not doc[4].is_sent_start  # the line break itself ends the headline


def test_an_outlet_after_i_or_pa_is_the_publication() -> None:
    from konflikt.nlp.components import media_names

    # "Intervjuet stod i VG , og NRK meldte det samme ."
    doc = _with_ents("Intervjuet stod i VG , og NRK meldte det samme .",
                     [(3, 4, "ORG"), (6, 7, "ORG")])  # fmt: skip
    out = media_names(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("VG", "PROD"), ("NRK", "ORG")]


def test_other_organisations_after_i_stay_organisations() -> None:
    from konflikt.nlp.components import media_names

    doc = _with_ents("Han jobber i Equinor .", [(3, 4, "ORG")])
    assert [e.label_ for e in media_names(doc).ents] == ["ORG"]
