"""The pipeline with stand-ins: a blank Norwegian spaCy pipeline and a fake extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from konflikt.errors import ExtractionError, ModelError
from konflikt.ingest import read_inputs
from konflikt.model import Article, Event, Evidence, InputProblem
from konflikt.pipeline import ArticleResult, RunSummary, process
from konflikt.pipeline import run as run_pipeline

ATTACK = "Opprørere angrep en militærkonvoi nord for Mosul tirsdag. Tre soldater ble drept."
DENIAL = "Regjeringen avviser at det pågår forhandlinger med opprørerne."


def blank(lang: str) -> Language:
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


def fake_extract(doc: Doc, article: Article) -> list[Event]:
    """One ASSAULT per sentence that says "angrep"; offsets into the article text."""
    events = []
    for sent in doc.sents:
        if "angrep" in sent.text:
            start = sent.start_char + article.body_start
            events.append(Event("ASSAULT", Evidence(sent.text, start, start + len(sent.text))))
    return events


def article(id: str, text: str, *, lang: str | None = "nb", body_start: int = 0) -> Article:
    return Article(id=id, text=text, lang=lang, origin=f"test/{id}", body_start=body_start)


def run(items: list[Article | InputProblem], **kwargs: object) -> list[ArticleResult]:
    defaults: dict[str, object] = {"load": blank, "extract": fake_extract,
                                   "identify": lambda text: "nb"}  # fmt: skip
    defaults.update(kwargs)
    return list(process(items, **defaults))  # type: ignore[arg-type]


def test_events_offsets_point_into_the_full_text() -> None:
    text = " date 2024-03-05 " + ATTACK
    [result] = run([article("a", text, body_start=17)])
    assert result.problem is None
    [event] = result.events
    assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
    assert event.evidence.sentence.startswith("Opprørere angrep")
    assert event.article_id == "a"  # filled in when the extractor left it out


def with_places(lang: str) -> Language:
    """A blank pipeline whose entity ruler knows one place and one organisation."""
    nlp = blank(lang)
    patterns = [
        {"label": "GPE_LOC", "pattern": "Mosul"},
        {"label": "ORG", "pattern": [{"LOWER": "regjeringen"}]},
    ]
    nlp.add_pipe("entity_ruler").add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def test_entities_offsets_point_into_the_full_text() -> None:
    text = " date 2024-03-05 " + ATTACK + " " + DENIAL
    [result] = run([article("a", text, body_start=17)], load=with_places)
    assert [(e.label, e.text) for e in result.entities] == [
        ("GPE_LOC", "Mosul"),
        ("ORG", "Regjeringen"),
    ]
    for ent in result.entities:
        assert text[ent.start : ent.end] == ent.text
    assert result.entities[0].start == text.index("Mosul")


def test_no_entities_for_a_failed_article() -> None:
    def failing(doc: Doc, art: Article) -> list[Event]:
        raise ValueError("boom")

    [result] = run([article("a", ATTACK)], load=with_places, extract=failing)
    assert result.problem is not None and result.entities == []


def test_one_result_per_item_in_order() -> None:
    problem = InputProblem(origin="x.jsonl:3", reason="broken JSON line")
    items: list[Article | InputProblem] = [
        article("a", ATTACK), problem, article("b", DENIAL), article("c", ATTACK),
    ]  # fmt: skip
    results = run(items, batch_size=2)
    assert [r.article.id if r.article else None for r in results] == ["a", None, "b", "c"]
    assert results[1].problem is problem
    assert [len(r.events) for r in results] == [1, 0, 0, 1]


def test_parse_only_the_body() -> None:
    seen: list[str] = []

    def recording_extract(doc: Doc, art: Article) -> list[Event]:
        seen.append(doc.text)
        return []

    run([article("a", "date 2024-03-05 " + DENIAL, body_start=16)], extract=recording_extract)
    assert seen == [DENIAL]


def test_unsupported_language_is_a_problem() -> None:
    english = article("en", "Rebels attacked a convoy north of Mosul on Tuesday.", lang=None)
    [result] = run([english], identify=lambda text: "en")
    assert result.events == []
    assert result.problem == InputProblem(origin="test/en", reason="language en is not supported")


def test_unidentified_language_is_a_problem() -> None:
    [result] = run([article("x", "12 34 56", lang=None)], identify=lambda text: "und")
    assert result.problem is not None
    assert result.problem.reason == "language could not be identified"


def test_declared_norwegian_stands_and_other_declarations_are_checked() -> None:
    detected = {ATTACK: "da", DENIAL: "nn"}  # Danish: a close relative, not an overrule
    wrongly_declared = article("b", DENIAL, lang="en")  # e.g. <html lang="en"> on a Norwegian page
    results = run([article("a", ATTACK, lang="nob"), wrongly_declared], identify=detected.get)
    assert [r.problem for r in results] == [None, None]
    assert wrongly_declared.lang == "nn"


def test_declared_norwegian_that_is_clearly_english_is_rejected() -> None:
    [result] = run([article("a", "Rebels attacked a convoy.", lang="nb")], identify=lambda t: "en")
    assert result.problem is not None
    assert result.problem.reason == "language en is not supported (declared nb)"


def test_languages_are_routed_to_their_pipelines() -> None:
    loaded: list[str] = []

    def load(lang: str) -> Language:
        loaded.append(lang)
        return blank(lang)

    items: list[Article | InputProblem] = [
        article("a", ATTACK, lang="nb"), article("b", ATTACK, lang="nn"),
        article("c", ATTACK, lang="nb"),
    ]  # fmt: skip
    results = run(items, load=load, batch_size=2)
    assert sorted(loaded) == ["nb", "nn"]  # each loaded once, across batches
    assert all(r.problem is None and len(r.events) == 1 for r in results)


def test_missing_pipeline_is_a_problem_per_article() -> None:
    def load(lang: str) -> Language:
        if lang == "nn":
            raise ModelError("konflikt/models/nn is missing")
        return blank(lang)

    results = run([article("a", ATTACK, lang="nn"), article("b", ATTACK)], load=load)
    assert results[0].problem is not None
    assert results[0].problem.reason == "no nn pipeline: konflikt/models/nn is missing"
    assert results[1].problem is None and len(results[1].events) == 1


def test_extraction_failure_is_recorded_and_the_batch_goes_on() -> None:
    def flaky(doc: Doc, art: Article) -> list[Event]:
        if art.id == "bad":
            raise KeyError("ARG0")
        return fake_extract(doc, art)

    results = run([article("ok1", ATTACK), article("bad", ATTACK), article("ok2", ATTACK)],
                  extract=flaky)  # fmt: skip
    assert [len(r.events) for r in results] == [1, 0, 1]
    problem = results[1].problem
    assert problem is not None and problem.origin == "test/bad"
    assert problem.reason == "event extraction failed: KeyError: 'ARG0'"
    assert problem.detail is not None and "KeyError" in problem.detail
    assert results[1].article is not None and results[1].article.id == "bad"


def test_extraction_error_message_is_kept() -> None:
    def refusing(doc: Doc, art: Article) -> list[Event]:
        raise ExtractionError("sentence too long to parse", origin=art.origin)

    [result] = run([article("a", ATTACK)], extract=refusing)
    assert result.problem is not None
    assert result.problem.reason == "event extraction failed: sentence too long to parse"


def test_parse_failure_isolated_to_one_article() -> None:
    class Boom(Exception):
        pass

    def load(lang: str) -> Language:
        nlp = blank(lang)

        @Language.component("explode_on_kaboom")
        def explode(doc: Doc) -> Doc:
            if "KABOOM" in doc.text:
                raise Boom("cannot parse")
            return doc

        nlp.add_pipe("explode_on_kaboom")
        return nlp

    results = run([article("a", ATTACK), article("b", "KABOOM " + ATTACK),
                   article("c", ATTACK)], load=load)  # fmt: skip
    assert [r.problem is None for r in results] == [True, False, True]
    assert results[1].problem is not None
    assert results[1].problem.reason == "parsing failed: Boom: cannot parse"


def test_summary_counts() -> None:
    summary = RunSummary()
    results = run([article("a", ATTACK), article("b", DENIAL),
                   InputProblem(origin="x", reason="empty file")])  # fmt: skip
    for result, stored in zip(results, [True, False, None], strict=True):
        summary.add(result, stored=stored)
    assert (summary.articles, summary.new, summary.already_stored) == (2, 1, 1)
    assert summary.events_by_type == {"ASSAULT": 1}
    assert summary.events == 1
    assert [p.reason for p in summary.problems] == ["empty file"]


class MemoryStore:
    """Stands in for `konflikt.store.Store`: idempotent on article content."""

    def __init__(self) -> None:
        self.hashes: set[str] = set()

    def add_result(self, result: ArticleResult) -> bool:
        if result.article is None or result.problem is not None:
            return False
        if result.article.content_hash in self.hashes:
            return False
        self.hashes.add(result.article.content_hash)
        return True


def test_run_stores_and_tallies_idempotently() -> None:
    store = MemoryStore()
    seen: list[str | None] = []

    def items() -> list[Article | InputProblem]:
        return [article("a", ATTACK), article("b", DENIAL), InputProblem("c.txt", "empty file")]

    options = {"load": blank, "extract": fake_extract, "identify": lambda text: "nb"}
    first = run_pipeline(
        items(), store=store, on_result=lambda r, s: seen.append(r.article and r.article.id),
        **options,
    )  # fmt: skip
    assert seen == ["a", "b", None]
    assert (first.articles, first.new, first.already_stored, first.events) == (2, 2, 0, 1)
    second = run_pipeline(items(), store=store, **options)
    assert (second.articles, second.new, second.already_stored, second.events) == (2, 0, 2, 1)
    assert len(second.problems) == 1


def _demo_result() -> ArticleResult:
    demo = Path(__file__).parents[1] / "examples" / "demo-article.txt"
    [result] = list(process(read_inputs([str(demo)])))
    return result


@pytest.mark.slow
def test_demo_article_end_to_end_with_the_trained_pipeline() -> None:
    """The real nb pipeline, identifier and extractor on the demo article (written for the
    project): events come out, and every evidence offset points at its sentence."""
    result = _demo_result()
    assert result.problem is None, result.problem
    article = result.article
    assert article is not None and article.lang == "nb" and article.published == "2024-05-14"
    assert {"ASSAULT", "REJECT"} <= {event.event_type for event in result.events}
    for event in result.events:
        ev = event.evidence
        assert ev.start >= article.body_start
        assert article.text[ev.start : ev.end] == ev.sentence


@pytest.mark.slow
def test_demo_article_party_offsets_point_at_their_text() -> None:
    result = _demo_result()
    assert result.article is not None
    text = result.article.text
    for event in result.events:
        for part in (event.actor, event.recipient, event.source):
            if part is not None and part.start is not None and part.end is not None:
                assert text[part.start : part.end] == part.text


@pytest.mark.slow
def test_demo_article_entities_from_the_trained_ner() -> None:
    result = _demo_result()
    assert result.article is not None
    text, body_start = result.article.text, result.article.body_start
    assert result.entities, "the trained NER found no names in the demo article"
    assert {"PER", "ORG", "GPE_LOC", "GPE_ORG", "LOC", "PROD", "EVT", "DRV"} >= {
        e.label for e in result.entities
    }
    for ent in result.entities:
        assert ent.start >= body_start
        assert text[ent.start : ent.end] == ent.text
