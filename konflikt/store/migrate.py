"""Schema migrations with Alembic: every store is brought to the newest revision when opened.

The revisions live in `konflikt/store/migrations/versions/`, one file each, oldest first by
`down_revision`. A change to the tables in `schema.py` (or `links.py`, `reviews.py`) comes with
a new revision (`konflikt db revision "what changed"` writes one by comparing the tables with a
database at the newest revision); `tests/store/test_migrations.py` fails while the two disagree.

`upgrade(engine)` runs the missing revisions in one transaction under a lock, so that processes
opening the same database at once do not both create tables, and a run that is killed half-way
leaves the schema as it was: PostgreSQL takes a transaction-scoped advisory lock (its DDL is
transactional), SQLite a `BEGIN IMMEDIATE` write lock on a connection of its own (Python's
sqlite3 module would otherwise commit before each CREATE).

A database made before migrations existed (tables, no `alembic_version`) is upgraded in place:
the baseline revision creates only the tables it lacks and keeps every row.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData, create_engine, event, func, select

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BASELINE = "0001_baseline"
# Any fixed number works: PostgreSQL's advisory locks are keyed by an application-chosen bigint.
_PG_LOCK_KEY = 0x6B6F6E666C696B74  # "konflikt" in ASCII


def full_metadata() -> MetaData:
    """The metadata with every konflikt table registered (some modules add their own tables)."""
    import konflikt.store.links  # noqa: F401  duplicate groups, canonical links, changes
    import konflikt.store.reviews  # noqa: F401  analyst reviews
    from konflikt.store.schema import Base

    return Base.metadata


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic config pointing at the shipped revisions; no alembic.ini is needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Revision files are named by their id ("0002_minhash_signatures.py").
    config.set_main_option("file_template", "%%(rev)s")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest revision this version of konflikt knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # only if the versions folder were emptied
        raise RuntimeError(f"no Alembic revisions in {MIGRATIONS_DIR / 'versions'}")
    return head


def known_revisions() -> set[str]:
    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; None for an empty database or one made before
    migrations."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> bool:
    """Bring the database to `target` (the newest revision by default); False when it was there.

    Raises `UnknownRevisionError` for a database written by a newer konflikt, and SQLAlchemy's
    errors for a database that cannot be reached or changed.
    """
    current = current_revision(engine)
    if target == "head" and current == head_revision():
        return False
    if current is not None and current not in known_revisions():
        raise UnknownRevisionError(current)
    migration_engine = _locking_engine(engine)
    try:
        with migration_engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
            command.upgrade(alembic_config(connection), target)
    finally:
        if migration_engine is not engine:
            migration_engine.dispose()
            # SQLite's PRAGMAs (which reflection uses) read a connection's cached schema, so
            # connections opened before the upgrade would not see its indexes: start afresh.
            engine.dispose()
    return True


class UnknownRevisionError(Exception):
    """The database is at a revision this version of konflikt does not have (a newer one)."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database schema is at revision {revision}, which this version of konflikt "
            "does not know; it was written by a newer konflikt"
        )
        self.revision = revision


def _locking_engine(engine: Engine) -> Engine:
    """For a file SQLite database, an engine whose transactions take the write lock at BEGIN;
    otherwise the engine itself (PostgreSQL locks explicitly; an in-memory database has one
    connection only and nobody to race with)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return engine
    locking = create_engine(url)

    @event.listens_for(locking, "connect")
    def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy, so that DDL is not auto-committed.
        dbapi_connection.isolation_level = None

    @event.listens_for(locking, "begin")
    def _take_write_lock(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return locking
