"""Nothing half-written: a failure in the middle of storing an article or of linking leaves the
database as it was before, on both back ends, and the next attempt completes normally.

The failure is raised from inside the transaction, after some rows were already sent to the
database, which is where a crash would hurt; tests/test_crash_resume.py kills a real run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

import konflikt.link.merge
import konflikt.store.store as store_module
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.store.links import CanonicalLinkRow, ChangeRow, DuplicateGroupRow, MinHashSignatureRow
from konflikt.store.schema import ArticleRow, EntityRow, EventRow, MentionRow, SourceRow

ALL_TABLES = (ArticleRow, EventRow, MentionRow, SourceRow, EntityRow, DuplicateGroupRow,
              MinHashSignatureRow, CanonicalLinkRow, ChangeRow)  # fmt: skip


class Interrupted(Exception):
    """Stands for the process dying at this point."""


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store(store_url)
    yield s
    s.close()


def row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            row.__tablename__: conn.scalar(select(func.count()).select_from(row)) or 0
            for row in ALL_TABLES
        }


def test_a_failure_while_storing_an_article_stores_none_of_it(
    store: Store, syria_result: ArticleResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    from konflikt.model import EntitySpan

    text = syria_result.article.text
    start = text.index("Idlib")
    with_entity = ArticleResult(
        article=syria_result.article, events=syria_result.events,
        entities=[EntitySpan(start=start, end=start + 5, label="GPE_LOC", text="Idlib")],
    )  # fmt: skip
    empty = row_counts(store)

    real_insert = store_module.insert

    def insert_until_entities(table: Any) -> Any:
        if table is EntityRow:  # the article, events, mentions and sources are sent by now
            raise Interrupted
        return real_insert(table)

    monkeypatch.setattr(store_module, "insert", insert_until_entities)
    with pytest.raises(Interrupted):
        store.add_result(with_entity)
    assert row_counts(store) == empty
    monkeypatch.undo()
    assert store.add_result(with_entity) is True  # not taken for stored: done now, whole
    counts = row_counts(store)
    assert (counts["articles"], counts["events"], counts["entities"]) == (1, 3, 1)


def test_a_failure_while_linking_leaves_the_previous_links(
    store: Store,
    syria_result: ArticleResult,
    oslo_result: ArticleResult,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.add_result(syria_result)
    store.link()
    linked_once = row_counts(store)
    store.add_result(oslo_result)
    before = row_counts(store)

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise Interrupted  # after groups and signatures of the new article were written

    monkeypatch.setattr(konflikt.link.merge, "merge_events", fail)
    with pytest.raises(Interrupted):
        store.link()
    assert row_counts(store) == before  # the new article's groups and signatures rolled back
    monkeypatch.undo()

    first = store.link()
    assert first.changes["added"] == 2  # the Oslo article's two events, recorded once
    after = row_counts(store)
    assert after["canonical_links"] == linked_once["canonical_links"] + 2
    assert store.link().changes == {}  # and linking again changes nothing
    assert row_counts(store) == after
