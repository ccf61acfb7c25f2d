"""Two rules checked on hand-built parses (sentences written for these tests): a place in an
apposition describes the actor, and an organisation the recogniser calls a person is no
antecedent of "han"."""

from __future__ import annotations

from types import SimpleNamespace

import spacy
from spacy.tokens import Doc, Span

from konflikt.extract.events import _ArticleState
from konflikt.extract.where import _describes_noun, span_places
from konflikt.model import Article


def test_a_place_in_an_apposition_to_the_actor_describes_the_actor() -> None:
    nlp = spacy.blank("nb")
    words = ["Hamas", ",", "en", "gruppe", "i", "Gaza", ",", "angrep", "byen", "."]
    doc = Doc(
        nlp.vocab, words=words,
        heads=[7, 0, 3, 0, 3, 4, 0, 7, 7, 7],
        deps=["SUBJ", "IK", "DET", "APP", "ATR", "PUTFYLL", "IK", "FINV", "DOBJ", "IP"],
        pos=["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT"],
    )  # fmt: skip
    sent = doc[0:10]
    trig = SimpleNamespace(token=doc[7])
    gaza = doc[5].idx
    assert _describes_noun(sent, gaza, trig, actor=(0, 1)) == 1  # type: ignore[arg-type]
    # the attacked city is the event's own place
    assert _describes_noun(sent, doc[8].idx, trig, actor=(0, 1)) == 0  # type: ignore[arg-type]


def test_an_agency_labelled_as_a_person_is_no_antecedent() -> None:
    nlp = spacy.blank("nb")
    words = ["Det", "sa", "Petrov", "til", "Interfax", ".", "Han", "truet", "dem", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[1, 0, 0, 0, 0, 0, 1, 0, 0, 0])
    doc.ents = [Span(doc, 2, 3, "PER"), Span(doc, 4, 5, "PER")]
    text = doc.text
    state = _ArticleState(doc, Article(id="a", text=text, lang="nb"))
    assert [name for _, name in state.persons] == ["Petrov"]
    assert state.antecedent(6) == "Petrov"


def test_an_apposition_set_off_by_commas_is_seen_without_a_parse() -> None:
    # "Folkefronten (FF), en væpnet gruppe i Sahel, angrep byen ." without dependency labels:
    # what the parser made of the description must not matter
    nlp = spacy.blank("nb")
    words = ["Folkefronten", "(", "FF", ")", ",", "en", "væpnet", "gruppe", "i", "Sahel", ",",
             "angrep", "byen", "."]  # fmt: skip
    doc = Doc(nlp.vocab, words=words)
    sent = doc[0 : len(doc)]
    trig = SimpleNamespace(token=doc[11])
    sahel = doc[9].idx
    assert _describes_noun(sent, sahel, trig, actor=(0, 1)) == 1  # type: ignore[arg-type]
    # a place that is not in such a description ("angrep byen i Sahel") is the event's own
    assert _describes_noun(sent, doc[12].idx, trig, actor=(0, 1)) == 0  # type: ignore[arg-type]


def test_a_place_entity_or_derived_name_is_no_antecedent() -> None:
    # "Ola Hansen varslet angrep i Nord-Syria etter Erdogan-besøket. Han truet ..."
    nlp = spacy.blank("nb")
    words = ["Ola", "Hansen", "varslet", "angrep", "i", "Nord-Syria", "etter", "Erdogan-besøket",
             ".", "Han", "truet", "dem", "."]  # fmt: skip
    doc = Doc(nlp.vocab, words=words, sent_starts=[1] + [0] * 8 + [1, 0, 0, 0])
    doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 5, 6, "GPE_LOC"), Span(doc, 7, 8, "DRV")]
    state = _ArticleState(doc, Article(id="a", text=doc.text, lang="nb"))
    assert [name for _, name in state.persons] == ["Ola Hansen"]
    assert state.antecedent(9) == "Ola Hansen"


def test_a_place_entity_of_several_names_gives_the_places_inside_it() -> None:
    # "Politiet rykket ut til Tromsø ved Bergen ." (an invented pair): the entity as a whole
    # is no gazetteer name, its parts are
    nlp = spacy.blank("nb")
    doc = Doc(nlp.vocab, words=["Politiet", "rykket", "ut", "til", "Tromsø", "ved", "Bergen", "."])
    doc.ents = [Span(doc, 4, 7, "LOC")]
    places = span_places(doc[0:8])
    assert [(p.name, p.precision) for p in places] == [("Tromsø", "place"), ("Bergen", "place")]
    assert [doc.text[p.start : p.end] for p in places] == ["Tromsø", "Bergen"]  # type: ignore[misc]


def test_a_place_entity_that_resolves_keeps_its_whole_span() -> None:
    nlp = spacy.blank("nb")
    doc = Doc(nlp.vocab, words=["Det", "smalt", "i", "Nord-Irland", "."])
    doc.ents = [Span(doc, 3, 4, "GPE_LOC")]
    [place] = span_places(doc[0:5])
    assert (place.start, place.end) == (doc[3].idx, doc[3].idx + len("Nord-Irland"))


def test_a_function_word_is_never_a_place() -> None:
    from konflikt.extract.resolution import resolve_place

    # GeoNames knows "Det" as another name of a town; at the start of a sentence it is a pronoun
    assert resolve_place("Det") is None
    assert resolve_place("det") is None
    assert resolve_place("Det kvite hus") is not None  # a name that starts with one still counts
