"""Alembic migrations: the revisions build exactly the tables the code declares, on both back
ends; a database from before migrations is upgraded in place; a newer one is refused clearly."""

from __future__ import annotations

import threading

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from konflikt.errors import StoreError
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.store.migrate import (
    BASELINE,
    alembic_config,
    current_revision,
    full_metadata,
    head_revision,
    upgrade,
)
from konflikt.store.schema import ArticleRow, Base


def test_migrations_build_the_tables_the_code_declares(store_url: str) -> None:
    """Fails when schema.py (or links.py, reviews.py, or a new module's table) changes without
    a revision: write one with `konflikt db revision "what changed"`."""
    with Store(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, full_metadata())
    assert differences == [], f"schema and migrations disagree: {differences}"


def test_a_new_database_is_at_the_newest_revision(store_url: str) -> None:
    with Store(store_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert upgrade(store.engine) is False  # nothing left to do


def test_a_database_from_before_migrations_is_upgraded_and_keeps_its_rows(
    store_url: str, syria_result: ArticleResult
) -> None:
    # What the code before Alembic left: create_all of the tables it knew when the store was
    # opened (the reviews table only appeared once the API had run, so it may be missing).
    legacy = create_engine(store_url)
    old_tables = [t for name, t in Base.metadata.tables.items() if name != "reviews"]
    Base.metadata.create_all(legacy, tables=old_tables)
    legacy.dispose()
    with Store(store_url) as old:  # first open by the new code: upgraded in place
        assert current_revision(old.engine) == head_revision()
        assert "reviews" in inspect(old.engine).get_table_names()
    # Now fill it as the old code would have, drop the version table, and open it again.
    with Store(store_url) as filled:
        assert filled.add_result(syria_result)
        with filled.engine.begin() as conn:
            conn.execute(text("DROP TABLE alembic_version"))
        assert current_revision(filled.engine) is None
    with Store(store_url) as reopened:
        assert current_revision(reopened.engine) == head_revision()
        assert reopened.counts()["events"] == 3
        assert [a.id for a in reopened.articles()] == ["test-syria-1"]


def test_a_database_from_a_newer_konflikt_is_refused_clearly(store_url: str) -> None:
    with Store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(StoreError, match="revision 9999_from_the_future.*newer konflikt"):
        Store(store_url)


def test_downgrade_to_nothing_and_back(store_url: str) -> None:
    """The baseline's downgrade really removes what its upgrade made (a revision must be
    reversible so a bad release can be rolled back)."""
    with Store(store_url) as store:
        with store.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        store.engine.dispose()
        assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
        assert upgrade(store.engine) is True
        assert current_revision(store.engine) == head_revision()
        with store.engine.connect() as conn:
            assert conn.scalar(select(ArticleRow.id)) is None


def test_many_openers_at_once_all_succeed(store_url: str) -> None:
    """Workers opening a fresh database at the same moment: one creates the tables, the
    others wait for its lock and find the schema done."""
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_store() -> None:
        start.wait()
        try:
            Store(store_url).close()
        except BaseException as exc:  # reported below, with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(store_url) as store:
        assert current_revision(store.engine) == head_revision()


def test_the_baseline_is_the_first_revision() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_base() == BASELINE
