"""Named entities kept with their article: written with it, replaced with it, read back in order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from konflikt.model import Article, EntitySpan, InputProblem
from konflikt.pipeline import ArticleResult
from konflikt.store import Store


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.close()


def entity(text: str, needle: str, label: str) -> EntitySpan:
    start = text.index(needle)
    return EntitySpan(start=start, end=start + len(needle), label=label, text=needle)


@pytest.fixture
def syria_entities(syria_article: Article) -> list[EntitySpan]:
    t = syria_article.text
    # Out of text order on purpose: the store gives them back sorted.
    return [entity(t, "Idlib", "GPE_LOC"), entity(t, "Kafr Nabl", "GPE_LOC"),
            entity(t, "AFP", "ORG")]  # fmt: skip


def test_entities_round_trip_in_text_order(
    store: Store, syria_result: ArticleResult, syria_entities: list[EntitySpan]
) -> None:
    assert store.add_result(replace(syria_result, entities=syria_entities))
    stored = store.entities("test-syria-1")
    assert [e.text for e in stored] == ["Kafr Nabl", "AFP", "Idlib"]
    assert sorted(stored, key=lambda e: e.start) == sorted(syria_entities, key=lambda e: e.start)
    text = store.articles()[0].text
    for ent in stored:
        assert text[ent.start : ent.end] == ent.text


def test_entities_are_per_article_and_unknown_ids_have_none(
    store: Store,
    syria_result: ArticleResult,
    oslo_result: ArticleResult,
    syria_entities: list[EntitySpan],
    oslo_article: Article,
) -> None:
    store.add_result(replace(syria_result, entities=syria_entities))
    oslo = [entity(oslo_article.text, "Stortinget", "ORG")]
    store.add_result(replace(oslo_result, entities=oslo))
    assert store.entities("test-oslo-1") == oslo
    assert len(store.entities("test-syria-1")) == 3
    assert store.entities("no-such-article") == []


def test_storing_twice_adds_no_entities(
    store: Store, syria_result: ArticleResult, syria_entities: list[EntitySpan]
) -> None:
    result = replace(syria_result, entities=syria_entities + syria_entities[:1])
    assert store.add_result(result)
    assert not store.add_result(result)
    assert len(store.entities("test-syria-1")) == 3  # the repeated span is kept once


def test_edited_article_replaces_its_entities(
    store: Store,
    syria_result: ArticleResult,
    syria_article: Article,
    syria_entities: list[EntitySpan],
) -> None:
    store.add_result(replace(syria_result, entities=syria_entities))
    edited = replace(syria_article, text=syria_article.text + " Assad-regimet nekter å svare.")
    assad = entity(edited.text, "Assad", "PER")
    assert store.add_result(ArticleResult(article=edited, entities=[assad]))
    assert store.entities("test-syria-1") == [assad]


def test_a_problem_stores_no_entities(
    store: Store, syria_article: Article, syria_entities: list[EntitySpan]
) -> None:
    failed = ArticleResult(
        article=syria_article,
        problem=InputProblem(origin="tests/syria.txt", reason="event extraction failed: boom"),
        entities=syria_entities,
    )
    assert store.add_result(failed)
    assert store.entities("test-syria-1") == []
