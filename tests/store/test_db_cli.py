"""`konflikt db current|upgrade|revision`: report, upgrade, and write a revision for new tables."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, String, Table, create_engine
from typer.testing import CliRunner

import konflikt.store.migrate as migrate
from konflikt.cli import app
from konflikt.store.migrate import full_metadata, head_revision
from konflikt.store.schema import Base

runner = CliRunner()


def test_current_on_a_missing_file_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    result = runner.invoke(app, ["db", "current", "--db", f"sqlite:///{path}"])
    assert result.exit_code == 1 and "no database" in result.output
    assert not path.exists()


def test_upgrade_then_current(store_url: str) -> None:
    first = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert first.exit_code == 0, first.output
    assert f"-> {head_revision()}" in first.output
    again = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert again.exit_code == 0 and "is at the newest revision" in again.output
    current = runner.invoke(app, ["db", "current", "--db", store_url])
    assert current.exit_code == 0 and "up to date" in current.output


def test_current_does_not_upgrade(store_url: str) -> None:
    engine = create_engine(store_url)
    Base.metadata.tables["articles"].create(engine)  # a table, no version: pre-migration
    engine.dispose()
    result = runner.invoke(app, ["db", "current", "--db", store_url])
    assert result.exit_code == 0 and "revision: none" in result.output and "behind" in result.output
    engine = create_engine(store_url)
    assert migrate.current_revision(engine) is None
    engine.dispose()


def test_an_unreachable_server_is_one_line_not_a_traceback() -> None:
    url = "postgresql+psycopg://konflikt:hemmelig@127.0.0.1:1/nowhere"
    result = runner.invoke(app, ["db", "upgrade", "--db", url])
    assert result.exit_code == 1 and "cannot open the database" in result.output
    assert "Traceback" not in result.output and "hemmelig" not in result.output


def test_revision_with_nothing_changed_writes_nothing(
    copied_migrations: Path,
) -> None:
    before = sorted(copied_migrations.glob("versions/*.py"))
    result = runner.invoke(app, ["db", "revision", "nothing new"])
    assert result.exit_code == 0 and "nothing to write" in result.output
    assert sorted(copied_migrations.glob("versions/*.py")) == before


@pytest.fixture
def copied_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped migrations copied aside, so a written revision never lands in the package."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    monkeypatch.setattr("konflikt.cli.db_cmd.MIGRATIONS_DIR", copy)
    return copy


@pytest.fixture
def scratch_table() -> Iterator[Table]:
    """A table declared in code with no revision yet (taken out of the metadata afterwards)."""
    table = Table(
        "scratch_notes", Base.metadata,
        Column("id", Integer, primary_key=True), Column("note", String(200), nullable=False),
    )  # fmt: skip
    yield table
    Base.metadata.remove(table)


def test_revision_for_a_new_table_builds_it(
    copied_migrations: Path, scratch_table: Table, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["db", "revision", "scratch notes"])
    assert result.exit_code == 0, result.output
    (written,) = copied_migrations.glob("versions/*_scratch_notes.py")
    assert "create_table('scratch_notes'" in written.read_text(encoding="utf-8").replace('"', "'")
    # The written revision, applied, leaves no difference between code and database.
    engine = create_engine(f"sqlite:///{tmp_path / 'applied.sqlite'}")
    migrate.head_revision.cache_clear()
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(engine) == written.stem
            assert compare_metadata(MigrationContext.configure(conn), full_metadata()) == []
    finally:
        migrate.head_revision.cache_clear()
        engine.dispose()
