"""Where an actor or recipient span ends: the noun phrase proper, not the time, place, purpose
or sentence-level phrases the parser hangs on it. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from spacy.tokens import Doc

from konflikt.extract.parties import PARTIES_PATH, np_span

Build = Callable[..., Doc]


def span_text(doc: Doc, head: int) -> str:
    span = np_span(doc[head])
    return doc[span.start : span.end].text


def test_sentence_level_til_phrase_is_cut(make_doc: Build) -> None:
    # "Retten dømte mannen til åtte års fengsel for spionasje." with "til" misattached
    # to the object, as the parser sometimes does
    doc = make_doc([
        ("Retten", "rett", "NOUN", 1, "SUBJ"),
        ("dømte", "dømme", "VERB", 0, "FINV"),
        ("mannen", "mann", "NOUN", -1, "DOBJ"),
        ("til", "til", "ADP", -1, "ATR"),
        ("åtte", "åtte", "NUM", 1, "DET"),
        ("års", "år", "NOUN", 1, "DET"),
        ("fengsel", "fengsel", "NOUN", -3, "PUTFYLL"),
        ("for", "for", "ADP", -1, "ATR"),
        ("spionasje", "spionasje", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -8, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "mannen"


def test_place_and_time_after_a_person_are_cut(make_doc: Build) -> None:
    # "Ministeren skal møte sin kollega i Kyiv onsdag."
    doc = make_doc([
        ("Ministeren", "minister", "NOUN", 1, "SUBJ"),
        ("skal", "skulle", "AUX", 0, "FINV"),
        ("møte", "møte", "VERB", -1, "INFV"),
        ("sin", "sin", "PRON", 1, "DET"),
        ("kollega", "kollega", "NOUN", -2, "DOBJ"),
        ("i", "i", "ADP", -1, "ATR"),
        ("Kyiv", "Kyiv", "PROPN", -1, "PUTFYLL"),
        ("onsdag", "onsdag", "NOUN", -1, "FLAT"),
        (".", ".", "PUNCT", -7, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 4) == "sin kollega"


def test_institution_keeps_its_place_but_not_the_day(make_doc: Build) -> None:
    # "Myndighetene i Kyiv mandag ..." as one noun phrase with the day as a name part
    doc = make_doc([
        ("Myndighetene", "myndighet", "NOUN", 4, "SUBJ"),
        ("i", "i", "ADP", -1, "ATR"),
        ("Kyiv", "Kyiv", "PROPN", -1, "PUTFYLL"),
        ("mandag", "mandag", "NOUN", -1, "FLAT"),
        ("avviste", "avvise", "VERB", 0, "FINV"),
        ("kravet", "krav", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -2, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "Myndighetene i Kyiv"


def test_affiliation_pps_stay_inside(make_doc: Build) -> None:
    # "Politiet i Bergen pågrep lederen for gruppen."
    doc = make_doc([
        ("Politiet", "politi", "NOUN", 3, "SUBJ"),
        ("i", "i", "ADP", -1, "ATR"),
        ("Bergen", "Bergen", "PROPN", -1, "PUTFYLL"),
        ("pågrep", "pågripe", "VERB", 0, "FINV"),
        ("lederen", "leder", "NOUN", -1, "DOBJ"),
        ("for", "for", "ADP", -1, "ATR"),
        ("gruppen", "gruppe", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -4, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "Politiet i Bergen"
    assert span_text(doc, 4) == "lederen for gruppen"


def test_office_word_keeps_its_mandate(make_doc: Build) -> None:
    # "FNs høykommissær for flyktninger kritiserte ..."
    doc = make_doc([
        ("FNs", "FN", "PROPN", 1, "DET"),
        ("høykommissær", "høykommissær", "NOUN", 3, "SUBJ"),
        ("for", "for", "ADP", -1, "ATR"),
        ("flyktninger", "flyktning", "NOUN", -1, "PUTFYLL"),
        ("kritiserte", "kritisere", "VERB", 0, "FINV"),
        ("beslutningen", "beslutning", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -2, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 1) == "FNs høykommissær for flyktninger"


def test_means_and_cause_pps_are_cut_even_after_an_institution(make_doc: Build) -> None:
    # "Hæren angrep opprørsgruppens stillinger i Goma med artilleri." / "... hæren etter
    # angrepet"
    doc = make_doc([
        ("Opprørerne", "opprører", "NOUN", 1, "SUBJ"),
        ("angrep", "angripe", "VERB", 0, "FINV"),
        ("hærens", "hær", "NOUN", 1, "DET"),
        ("stillinger", "stilling", "NOUN", -2, "DOBJ"),
        ("i", "i", "ADP", -1, "ATR"),
        ("Goma", "Goma", "PROPN", -1, "PUTFYLL"),
        ("med", "med", "ADP", -3, "ATR"),
        ("artilleri", "artilleri", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -7, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 3) == "hærens stillinger"
    doc = make_doc([
        ("Regjeringen", "regjering", "NOUN", 1, "SUBJ"),
        ("utviste", "utvise", "VERB", 0, "FINV"),
        ("fire", "fire", "NUM", 2, "DET"),
        ("russiske", "russisk", "ADJ", 1, "ATR"),
        ("diplomater", "diplomat", "NOUN", -3, "DOBJ"),
        ("etter", "etter", "ADP", -1, "ATR"),
        ("avsløringen", "avsløring", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -6, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 4) == "fire russiske diplomater"


def test_relative_clause_and_infinitive_are_cut(make_doc: Build) -> None:
    # "Politiet pågrep soldatene som voktet broen." / "FN ba partene om å forhandle."
    doc = make_doc([
        ("Politiet", "politi", "NOUN", 1, "SUBJ"),
        ("pågrep", "pågripe", "VERB", 0, "FINV"),
        ("soldatene", "soldat", "NOUN", -1, "DOBJ"),
        ("som", "som", "PRON", 1, "SUBJ"),
        ("voktet", "vokte", "VERB", -2, "ATR"),
        ("broen", "bro", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -5, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "soldatene"
    doc = make_doc([
        ("FN", "FN", "PROPN", 1, "SUBJ"),
        ("ba", "be", "VERB", 0, "FINV"),
        ("partene", "part", "NOUN", -1, "DOBJ"),
        ("om", "om", "ADP", -1, "ATR"),
        ("å", "å", "PART", 1, "INFV"),
        ("forhandle", "forhandle", "VERB", -2, "PUTFYLL"),
        (".", ".", "PUNCT", -5, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "partene"


def test_object_misread_as_apposition_is_cut(make_doc: Build) -> None:
    # "Om kvelden kastet demonstranter stein mot politiet."
    doc = make_doc([
        ("Om", "om", "ADP", 2, "ADV"),
        ("kvelden", "kveld", "NOUN", -1, "PUTFYLL"),
        ("kastet", "kaste", "VERB", 0, "FINV"),
        ("demonstranter", "demonstrant", "NOUN", -1, "SUBJ"),
        ("stein", "stein", "NOUN", -1, "APP"),
        ("mot", "mot", "ADP", -1, "ATR"),
        ("politiet", "politi", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -5, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 3) == "demonstranter"


def test_names_partitives_and_coordination_stay_inside(make_doc: Build) -> None:
    # "Forsvarsminister Kari Holm og tusenvis av soldater ..." split into three phrases
    doc = make_doc([
        ("forsvarsminister", "forsvarsminister", "NOUN", 0, "SUBJ"),
        ("Kari", "Kari", "PROPN", -1, "APP"),
        ("Holm", "Holm", "PROPN", -1, "FLAT"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "forsvarsminister Kari Holm"
    doc = make_doc([
        ("tusenvis", "tusenvis", "NOUN", 0, "SUBJ"),
        ("av", "av", "ADP", -1, "ATR"),
        ("soldater", "soldat", "NOUN", -1, "PUTFYLL"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "tusenvis av soldater"
    doc = make_doc([
        ("Frankrike", "Frankrike", "PROPN", 3, "SUBJ"),
        ("og", "og", "CCONJ", 1, "KONJ"),
        ("Tyskland", "Tyskland", "PROPN", -2, "KOORD"),
        ("fordømte", "fordømme", "VERB", 0, "FINV"),
        ("kuppet", "kupp", "NOUN", -1, "DOBJ"),
        ("onsdag", "onsdag", "NOUN", -2, "ADV"),
        (".", ".", "PUNCT", -3, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "Frankrike og Tyskland"


def test_no_dangling_preposition_at_either_end(make_doc: Build) -> None:
    # "... møtte utsendinger i Oman sin hovedstad" with the place misread as an adverbial
    doc = make_doc([
        ("Lederen", "leder", "NOUN", 1, "SUBJ"),
        ("møtte", "møte", "VERB", 0, "FINV"),
        ("iranske", "iransk", "ADJ", 1, "ATR"),
        ("utsendinger", "utsending", "NOUN", -2, "DOBJ"),
        ("i", "i", "ADP", -1, "ATR"),
        ("Oman", "Oman", "PROPN", 2, "ADV"),
        ("sin", "sin", "PRON", 1, "DET"),
        ("hovedstad", "hovedstad", "NOUN", -3, "PUTFYLL"),
        (".", ".", "PUNCT", -7, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 3) == "iranske utsendinger"


def test_parties_yaml_span_lists() -> None:
    raw = yaml.safe_load(PARTIES_PATH.read_text(encoding="utf-8"))
    for key in ("span_stops", "time_words", "affiliation_preps", "kept_preps",
                "office_heads", "group_heads"):  # fmt: skip
        words = raw[key]
        assert isinstance(words, list) and words, key
        assert all(isinstance(w, str) and w == w.strip().lower() and " " not in w for w in words)
    # a preposition cannot both end a span and join an affiliation to it
    assert not set(raw["span_stops"]) & set(raw["affiliation_preps"])
    assert set(raw["kept_preps"]) <= set(raw["affiliation_preps"])


@pytest.mark.slow
def test_spans_on_the_trained_parser() -> None:
    from konflikt.nlp import load

    nlp = load("nb")
    doc = nlp("Tingretten dømte fredag en 52 år gammel mann til seks års fengsel for spionasje.")
    obj = next(t for t in doc if t.dep_ == "DOBJ")
    assert span_text(doc, obj.i) == "en 52 år gammel mann"
    doc = nlp("Statsministeren skal møte sin kollega i Warszawa torsdag.")
    obj = next(t for t in doc if t.dep_ == "DOBJ")
    assert span_text(doc, obj.i) == "sin kollega"
    doc = nlp("Politiet i Trondheim pågrep talsmannen for gruppen.")
    subj = next(t for t in doc if t.dep_ == "SUBJ")
    assert span_text(doc, subj.i) == "Politiet i Trondheim"


def test_owner_pps_stay_only_with_an_institution_as_object(make_doc: Build) -> None:
    # "Droner fra den russiske hæren traff en kvinne fra Kharkiv."
    doc = make_doc([
        ("Droner", "drone", "NOUN", 5, "SUBJ"),
        ("fra", "fra", "ADP", -1, "ATR"),
        ("den", "den", "DET", 2, "DET"),
        ("russiske", "russisk", "ADJ", 1, "ATR"),
        ("hæren", "hær", "NOUN", -3, "PUTFYLL"),
        ("traff", "treffe", "VERB", 0, "FINV"),
        ("en", "en", "DET", 1, "DET"),
        ("kvinne", "kvinne", "NOUN", -2, "DOBJ"),
        ("fra", "fra", "ADP", -1, "ATR"),
        ("Kharkiv", "Kharkiv", "PROPN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -5, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 0) == "Droner fra den russiske hæren"
    assert span_text(doc, 7) == "en kvinne"


def test_whose_entrance_stays_but_not_the_purpose(make_doc: Build) -> None:
    # "Aktivister okkuperte lobbyen til Finansdepartementet i protest mot budsjettet."
    doc = make_doc([
        ("Aktivister", "aktivist", "NOUN", 1, "SUBJ"),
        ("okkuperte", "okkupere", "VERB", 0, "FINV"),
        ("lobbyen", "lobby", "NOUN", -1, "DOBJ"),
        ("til", "til", "ADP", -1, "ATR"),
        ("Finansdepartementet", "finansdepartement", "PROPN", -1, "PUTFYLL"),
        ("i", "i", "ADP", -1, "ATR"),
        ("protest", "protest", "NOUN", -1, "PUTFYLL"),
        ("mot", "mot", "ADP", -1, "ATR"),
        ("budsjettet", "budsjett", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -8, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "lobbyen til Finansdepartementet"


def test_who_is_in_a_group_stays_in_its_span(make_doc: Build) -> None:
    # "Den siste gruppen med opprørere forlot leiren." — but "med" after other heads ends it
    doc = make_doc([
        ("Den", "den", "DET", 2, "DET"),
        ("siste", "sist", "ADJ", 1, "ATR"),
        ("gruppen", "gruppe", "NOUN", 3, "SUBJ"),
        ("med", "med", "ADP", -1, "ATR"),
        ("opprørere", "opprører", "NOUN", -1, "PUTFYLL"),
        ("forlot", "forlate", "VERB", 0, "FINV"),
        ("leiren", "leir", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -2, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "Den siste gruppen med opprørere"
    doc = make_doc([
        ("Soldatene", "soldat", "NOUN", 1, "SUBJ"),
        ("angrep", "angripe", "VERB", 0, "FINV"),
        ("landsbyen", "landsby", "NOUN", -1, "DOBJ"),
        ("med", "med", "ADP", -1, "ATR"),
        ("granater", "granat", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -4, "IP"),
    ])  # fmt: skip
    assert span_text(doc, 2) == "landsbyen"
