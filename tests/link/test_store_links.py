"""Linking in the store: canonical ids in exports, duplicate groups, the change feed, undo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from datasketch import LeanMinHash
from sqlalchemy import select

from konflikt.errors import StoreError
from konflikt.link.config import DuplicateConfig
from konflikt.link.duplicates import group_articles
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.store.links import article_groups, changes, detach, explanation, ledger, reattach

from .conftest import make_article, make_event
from .test_duplicates import COPY, OTHER, REWRITE, UPDATE, WIRE

A = "Russiske styrker beskjøt Kharkiv natt til fredag."
B = "Kharkiv ble beskutt av russisk artilleri fredag, opplyser guvernøren."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(f"sqlite:///{tmp_path / 'links.sqlite'}")
    yield s
    s.close()


def _result(article_id: str, text: str, sentence: str | None, **event: object) -> ArticleResult:
    article = make_article(article_id, text)
    events = []
    if sentence is not None:
        events.append(make_event(article_id, sentence, start=text.index(sentence), **event))
    return ArticleResult(article=article, events=events)


SHELLING = {"actor": "russiske styrker", "place": "Kharkiv", "day": "2026-05-01"}


def _fill(store: Store) -> None:
    store.add_result(_result("wire", WIRE + " " + A, A, **SHELLING))
    store.add_result(_result("copy", COPY + " " + B, B, **SHELLING))
    store.add_result(_result("other", OTHER, None))


def test_exported_events_carry_the_shared_canonical_id(store: Store) -> None:
    _fill(store)
    assert all(e.canonical_id is None for e in store.events())  # not linked yet
    summary = store.link()
    assert summary.occurrences == 1 and summary.groups == 1
    events = store.events()
    assert len(events) == 2 and len({e.canonical_id for e in events}) == 1
    first, second = sorted(events, key=lambda e: e.article_id != "wire")
    assert explanation(store, first.id) == {
        "canonical_id": first.canonical_id, "score": None, "merge": None
    }  # the first report founds the occurrence
    why = explanation(store, second.id)
    assert why is not None and why["merge"]["score"] >= 0.6 and why["merge"]["with"] == first.id
    assert {f["field"] for f in why["merge"]["fields"]} >= {"type", "date", "place", "actor"}


def test_articles_list_their_duplicate_group(store: Store) -> None:
    _fill(store)
    store.link()
    groups = {a.id: group for a, group, _ in article_groups(store)}
    assert groups == {"wire": "wire", "copy": "wire", "other": "other"}


def test_change_feed_and_relinking_is_idempotent(store: Store) -> None:
    _fill(store)
    store.link()
    feed = changes(store)
    assert [c.kind for c in feed] == ["added", "added", "merged"]
    assert [c.seq for c in feed] == sorted(c.seq for c in feed)
    assert store.link().changes == {}  # nothing new, nothing recorded
    assert changes(store, feed[-1].seq) == []
    assert len(changes(store, datetime.now(UTC) - timedelta(minutes=5))) == 3
    assert changes(store, datetime.now(UTC) + timedelta(minutes=5)) == []
    # Another zone is the same instant: an hour ahead in +01:00 is still "from 5 minutes ago".
    plus_one = timezone(timedelta(hours=1))
    assert len(changes(store, datetime.now(plus_one) - timedelta(minutes=5))) == 3


def test_unmerge_and_remerge_are_recorded(store: Store) -> None:
    _fill(store)
    store.link()
    second = next(e for e in store.events() if e.article_id == "copy")
    last = changes(store)[-1].seq
    detach(store, second.id)
    assert len({e.canonical_id for e in store.events()}) == 2
    assert [c.kind for c in changes(store, last)] == ["unmerged"]
    reattach(store, second.id)
    assert len({e.canonical_id for e in store.events()}) == 1
    with pytest.raises(StoreError, match="no stored event"):
        detach(store, "0000000000000000")
    with pytest.raises(StoreError, match="not detached"):
        reattach(store, second.id)


def test_an_edited_article_retracts_its_old_events(store: Store) -> None:
    _fill(store)
    store.link()
    last = changes(store)[-1].seq
    # The copy is published again with the shelling sentence moved: a new event id.
    edited = _result("copy", COPY + " Oppdatert. " + B, B, **SHELLING)
    assert store.add_result(edited)
    store.link()
    kinds = sorted(c.kind for c in changes(store, last))
    assert kinds == ["added", "merged", "retracted"]


def test_ledger_of_a_stored_occurrence(store: Store) -> None:
    _fill(store)
    store.link()
    canonical = store.events()[0].canonical_id
    assert canonical is not None
    found = ledger(store, canonical)
    assert found is not None and len(found.claims) == 2
    assert ledger(store, "ffffffffffffffff") is None


def test_pipeline_run_links_after_storing(store: Store) -> None:
    from konflikt.pipeline import run

    article = make_article("wire", WIRE + " " + A)
    event = make_event("wire", A, start=article.text.index(A), **SHELLING)
    run([article, replace(make_article("copy", COPY + " " + B))], store=store,
        extract=lambda doc, art: [event] if art.id == "wire" else [],
        load=lambda lang: _blank(), identify=lambda text: "nb")  # fmt: skip
    assert {g for _, g, _ in article_groups(store)} == {"wire"}
    assert [c.kind for c in changes(store)] == ["added"]


def _blank():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("nb")


def test_parse_since() -> None:
    from konflikt.store.links import parse_since

    assert parse_since("42") == 42
    when = parse_since("2026-11-23T16:00:00")
    assert isinstance(when, datetime) and when.tzinfo is UTC
    assert parse_since("2026-11-23T16:00:00+01:00") == datetime(2026, 11, 23, 15, tzinfo=UTC)
    with pytest.raises(ValueError, match="neither a sequence number"):
        parse_since("forrige uke")


def test_signatures_are_stored_and_only_new_articles_are_signed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.orm import Session

    from konflikt.link import duplicates
    from konflikt.store.links import MinHashSignatureRow

    signed: list[str] = []
    sign = duplicates.minhash

    def counting(text: str, config: DuplicateConfig) -> LeanMinHash:
        signed.append(text)
        return sign(text, config)

    monkeypatch.setattr(duplicates, "minhash", counting)
    _fill(store)
    store.link()
    assert len(signed) == 3
    with Session(store.engine) as session:
        assert set(session.scalars(select(MinHashSignatureRow.article_id))) == {
            "wire", "copy", "other"
        }  # fmt: skip
    signed.clear()
    store.add_result(_result("update", UPDATE, None))
    store.add_result(_result("rewrite", REWRITE, None))
    store.link()
    assert signed == [UPDATE, REWRITE]  # the three stored ones came from their signatures
    # The same groups as signing every stored article afresh.
    stored = [a for a, _, _ in article_groups(store)]
    fresh = group_articles(stored, signatures=None)
    assert {a.id: g for a, g, _ in article_groups(store)} == fresh.group_of
    assert fresh.group_of["update"] == "wire" and fresh.group_of["rewrite"] == "rewrite"
    signed.clear()
    store.link()
    assert signed == []


def test_a_signature_made_with_other_settings_is_made_again(store: Store) -> None:
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from konflikt.store.links import MinHashSignatureRow

    _fill(store)
    store.link()
    with Session(store.engine) as session, session.begin():
        session.execute(update(MinHashSignatureRow).values(num_perm=64, signature=b"stale"))
        session.execute(update(MinHashSignatureRow).where(MinHashSignatureRow.article_id == "wire")
                        .values(num_perm=128, signature=b"garbled"))  # fmt: skip
    store.link()  # stale or unreadable rows are not read as signatures: no error, replaced
    with Session(store.engine) as session:
        rows = list(session.scalars(select(MinHashSignatureRow)))
    assert {r.num_perm for r in rows} == {128} and all(len(r.signature) > 100 for r in rows)
    assert {a.id: g for a, g, _ in article_groups(store)}["copy"] == "wire"
