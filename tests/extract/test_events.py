"""extract_events on hand-built parses: types, parties, place, date, offsets, what is dropped."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from konflikt.extract import extract_events
from konflikt.extract.triggers import segments, select_triggers
from konflikt.model import Article

# "Politiet har arrestert en mann i Oslo."
ARREST = [
    ("Politiet", "politi", "NOUN", 1, "SUBJ"),
    ("har", "ha", "AUX", 0, "FINV"),
    ("arrestert", "arrestere", "VERB", -1, "INFV"),
    ("en", "en", "DET", 1, "DET"),
    ("mann", "mann", "NOUN", -2, "DOBJ"),
    ("i", "i", "ADP", -3, "ADV"),
    ("Oslo", "Oslo", "PROPN", -1, "PUTFYLL"),
    (".", ".", "PUNCT", -6, "IP"),
]
# "Mannen ble pågrepet av politiet lørdag."
PASSIVE = [
    ("Mannen", "mann", "NOUN", 1, "SUBJ"),
    ("ble", "bli", "AUX", 0, "FINV"),
    ("pågrepet", "pågripe", "VERB", -1, "INFV"),
    ("av", "av", "ADP", -1, "ADV"),
    ("politiet", "politi", "NOUN", -1, "PUTFYLL"),
    ("lørdag", "lørdag", "NOUN", -3, "ADV"),
    (".", ".", "PUNCT", -5, "IP"),
]


def article(doc: Doc, prefix: str = "", published: str | None = None, **kw: object) -> Article:
    return Article(id="t1", text=prefix + doc.text, published=published,
                   body_start=len(prefix), **kw)  # type: ignore[arg-type]  # fmt: skip


def test_active_arrest(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(ARREST, ents=[(6, 7, "GPE_LOC")])
    [event] = extract_events(doc, article(doc))
    assert (event.event_type, event.mode) == ("COERCE", "arrest")
    assert event.actor is not None and event.actor.text == "Politiet"
    assert event.recipient is not None and event.recipient.text == "en mann"
    assert event.location is not None and event.location.country == "NO"
    assert event.stance == "asserted" and event.article_id == "t1"


def test_offsets_are_into_article_text(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(ARREST)
    prefix = "date 2019-10-12 "
    art = article(doc, prefix=prefix)
    [event] = extract_events(doc, art)
    ev = event.evidence
    assert art.text[ev.start : ev.end] == ev.sentence == doc.text
    assert event.actor is not None and event.actor.start is not None
    assert art.text[event.actor.start : event.actor.end] == "Politiet"
    assert art.text[event.trigger_start : event.trigger_end] == "arrestert"


def test_passive_agent_and_date(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(PASSIVE)
    [event] = extract_events(doc, article(doc, published="2017-10-18"))
    assert event.event_type == "COERCE"
    assert event.actor is not None and event.actor.text == "politiet"
    assert event.recipient is not None and event.recipient.text == "Mannen"
    assert event.date is not None and event.date.start == "2017-10-14"  # Saturday before


def test_request_content_is_not_a_second_event(make_doc: Callable[..., Doc]) -> None:
    # "USA ba Tyskland om å sende soldater."
    rows = [
        ("USA", "USA", "PROPN", 1, "SUBJ"),
        ("ba", "be", "VERB", 0, "FINV"),
        ("Tyskland", "Tyskland", "PROPN", -1, "DOBJ"),
        ("om", "om", "ADP", -2, "ADV"),
        ("å", "å", "PART", 1, "INFM"),
        ("sende", "sende", "VERB", -2, "PUTFYLL"),
        ("soldater", "soldat", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -6, "IP"),
    ]
    doc = make_doc(rows)
    events = extract_events(doc, article(doc))
    assert [e.event_type for e in events] == ["REQUEST"]
    assert events[0].actor is not None and events[0].actor.text == "USA"
    assert events[0].recipient is not None and events[0].recipient.text == "Tyskland"


def test_civilian_flight_is_not_coded(make_doc: Callable[..., Doc]) -> None:
    # "Sivile flykter fra byen."
    rows = [
        ("Sivile", "sivil", "NOUN", 1, "SUBJ"),
        ("flykter", "flykte", "VERB", 0, "FINV"),
        ("fra", "fra", "ADP", -1, "ADV"),
        ("byen", "by", "NOUN", -1, "PUTFYLL"),
        (".", ".", "PUNCT", -3, "IP"),
    ]
    doc = make_doc(rows)
    assert extract_events(doc, article(doc)) == []
    rows[0] = ("Krigerne", "kriger", "NOUN", 1, "SUBJ")
    doc = make_doc(rows)
    [event] = extract_events(doc, article(doc))
    assert (event.event_type, event.mode) == ("RETREAT", "withdraw")


def test_sports_article_has_no_events(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc(ARREST)
    art = article(doc, title="Scoret to mål i cupfinalen")
    assert extract_events(doc, art) == []


def test_segments_split_at_line_breaks(nlp: object) -> None:
    import spacy

    blank = spacy.blank("nb")
    blank.add_pipe("sentencizer")
    doc = blank("Politiet pågrep tre menn\nDe ble sluppet fri lørdag.")
    assert [s.text for s in segments(doc)] == [
        "Politiet pågrep tre menn", "De ble sluppet fri lørdag."
    ]


def test_weak_noun_yields_to_a_verb_cue(make_doc: Callable[..., Doc]) -> None:
    # "Politiet pågrep demonstranter ." : the arrest, not a protest
    rows = [
        ("Politiet", "politi", "NOUN", 1, "SUBJ"),
        ("pågrep", "pågripe", "VERB", 0, "FINV"),
        ("demonstranter", "demonstrant", "NOUN", -1, "DOBJ"),
        (".", ".", "PUNCT", -2, "IP"),
    ]
    doc = make_doc(rows)
    [sent] = list(doc.sents)
    assert [t.cue.event_type for t in select_triggers(sent)] == ["COERCE"]


def test_nynorsk_without_parse() -> None:
    """Bokmål and Nynorsk forms are cues even with no lemmas or parse (tokenizer only)."""
    import spacy

    blank = spacy.blank("nn")
    blank.add_pipe("sentencizer")
    doc = blank("Styresmaktene innførte portforbod i Bergen laurdag. Opprørarane gjekk til "
                "åtak på politistasjonen og skaut mot politiet.")  # fmt: skip
    events = extract_events(doc, Article(id="nn1", text=doc.text, published="2020-05-04"))
    types = [e.event_type for e in events]
    assert types == ["COERCE", "ASSAULT"]
    curfew = events[0]
    assert curfew.mode == "curfew"
    assert curfew.date is not None and curfew.date.start == "2020-05-02"
    assert curfew.location is not None and curfew.location.name == "Bergen"
