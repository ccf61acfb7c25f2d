"""The extractor's judgement rules (manual §1–§2) on sentences written for these tests, with a
tokenizer-only pipeline: what is one event, what is a retelling, what is not an event."""

from __future__ import annotations

import spacy
from spacy.language import Language

from konflikt.extract import extract_events
from konflikt.model import Article, Event


def blank() -> Language:
    from konflikt.nlp.tokenizer import create_tokenizer

    nlp = spacy.blank("nb")
    nlp.tokenizer = create_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp


NLP = blank()


def run(text: str, title: str | None = None, published: str | None = "2022-03-14") -> list[Event]:
    full = f"{title}\n{text}" if title else text
    return extract_events(NLP(full), Article(id="r", text=full, title=title, published=published))


def types(events: list[Event]) -> list[str]:
    return [e.event_type for e in events]


def test_slogans_in_quotes_are_not_events() -> None:
    events = run("Demonstrantene ropte «Slipp fangene fri» utenfor tinghuset i Oslo.")
    assert "RETREAT" not in types(events)


def test_cause_phrase_nouns_are_references() -> None:
    assert run("Tre personer døde etter opptøyene i Bergen.") == []
    # an indefinite noun after "etter" is news: the talks are told here
    events = run("Etter en samtale mellom statsministeren og presidenten ble saken avsluttet.")
    assert types(events) == ["CONSULT"]


def test_retelling_is_one_event_headline_last() -> None:
    events = run(
        "Politiet pågrep fredag tre menn i Tromsø. De tre mennene ble pågrepet etter en "
        "razzia, opplyser politiet.",
        title="Tre menn pågrepet i Tromsø",
    )
    arrests = [e for e in events if e.event_type == "COERCE" and e.mode == "arrest"]
    assert len(arrests) == 1
    assert arrests[0].evidence.sentence.startswith("Politiet pågrep")  # the body, first telling


def test_headline_counts_when_the_body_never_tells_it() -> None:
    events = run("Saken behandles i retten neste uke.", title="Mann dømt til fire års fengsel")
    assert types(events) == ["SANCTION"]
    assert [q.best for q in events[0].quantities] == [4]


def test_answer_to_a_request_gets_the_asker() -> None:
    events = run("Regjeringen har bedt nabolandet om å sende soldater. Nabolandet har avvist "
                 "forespørselen.")  # fmt: skip
    reject = next(e for e in events if e.event_type == "REJECT")
    assert reject.recipient is not None and reject.recipient.text == "Regjeringen"


def test_claimed_killing_is_an_accusation() -> None:
    events = run("Påtalemyndigheten mener at soldatene drepte fangene.")
    assert types(events) == ["ACCUSE"]


def test_announced_withdrawal_is_a_concession() -> None:
    events = run("Regjeringen vil trekke seg ut av avtalen i august.")
    assert [(e.event_type, e.stance) for e in events] == [("CONCEDE", "asserted")]


def test_negated_and_hypothetical_are_not_coded() -> None:
    assert run("Politiet har ikke pågrepet noen etter brannen.") == []
    assert run("Dersom soldatene angriper byen, vil mange flykte.") == []


def test_sports_are_not_coded() -> None:
    assert run("Spissen scoret to mål, og treneren var fornøyd med laget.") == []


def test_unparsed_doc_is_a_clear_error_and_empty_text_no_events() -> None:
    import pytest

    from konflikt.errors import ExtractionError

    bare = spacy.blank("nb")("Politiet pågrep tre menn.")
    with pytest.raises(ExtractionError, match="no sentence boundaries"):
        extract_events(bare, Article(id="e", text=bare.text))
    empty = NLP("")
    assert extract_events(empty, Article(id="e", text="")) == []
