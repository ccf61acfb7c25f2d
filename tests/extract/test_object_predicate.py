"""A participle after the object of a demand ("krevde fangene løslatt") is what was demanded,
not a deed: hand-built parses of sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from konflikt.extract import extract_events
from konflikt.model import Article

# "Fagforbundet krevde de to lederne løslatt i går."
DEMAND = [
    ("Fagforbundet", "Fagforbundet", "PROPN", 1, "SUBJ"),
    ("krevde", "kreve", "VERB", 0, "FINV"),
    ("de", "de", "DET", 2, "DET"),
    ("to", "to", "NUM", 1, "DET"),
    ("lederne", "leder", "NOUN", -3, "DOBJ"),
    ("løslatt", "løslate", "VERB", -4, "INFV"),
    ("i", "i", "ADP", -5, "ADV"),
    ("går", "går", "NOUN", -1, "PUTFYLL"),
    (".", ".", "PUNCT", -7, "IP"),
]
# "Politiet har løslatt de to lederne."
RELEASE = [
    ("Politiet", "politi", "NOUN", 1, "SUBJ"),
    ("har", "ha", "AUX", 0, "FINV"),
    ("løslatt", "løslate", "VERB", -1, "INFV"),
    ("de", "de", "DET", 2, "DET"),
    ("to", "to", "NUM", 1, "DET"),
    ("lederne", "leder", "NOUN", -3, "DOBJ"),
    (".", ".", "PUNCT", -5, "IP"),
]


def _types(doc: Doc) -> list[str]:
    return sorted(e.event_type for e in extract_events(doc, Article(id="t", text=doc.text)))


def test_a_demanded_release_is_a_demand_only(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(DEMAND)
    doc[5].set_morph("VerbForm=Part")
    assert _types(doc) == ["REQUEST"]


def test_the_participle_tagged_as_an_adjective_predicate_is_the_demand_too(
    make_doc: Callable[..., Doc],
) -> None:
    adjective = ("løslatt", "løslatt", "ADJ", -4, "FSPRED")
    rows = [adjective if i == 5 else r for i, r in enumerate(DEMAND)]
    assert _types(make_doc(rows)) == ["REQUEST"]


def test_a_release_that_was_done_stays_a_release(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(RELEASE)
    doc[2].set_morph("VerbForm=Part")
    assert _types(doc) == ["RETREAT"]


def test_a_release_in_a_clause_of_its_own_after_a_demand_stays(
    make_doc: Callable[..., Doc],
) -> None:
    # "Fagforbundet krevde svar, og politiet har løslatt lederne.": a verb between the two
    rows = [
        ("Fagforbundet", "Fagforbundet", "PROPN", 1, "SUBJ"),
        ("krevde", "kreve", "VERB", 0, "FINV"),
        ("svar", "svar", "NOUN", -1, "DOBJ"),
        (",", ",", "PUNCT", -2, "IK"),
        ("og", "og", "CCONJ", -3, "KONJ"),
        ("politiet", "politi", "NOUN", 1, "SUBJ"),
        ("har", "ha", "AUX", -5, "KOORD"),
        ("løslatt", "løslate", "VERB", -1, "INFV"),
        ("lederne", "leder", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -8, "IP"),
    ]
    doc = make_doc(rows)
    doc[7].set_morph("VerbForm=Part")
    assert _types(doc) == ["REQUEST", "RETREAT"]
