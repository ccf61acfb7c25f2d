"""Alembic's entry point: runs the revisions in `versions/` on the connection it is given.

`konflikt.store.migrate` opens the transaction (and takes the lock) and passes the connection in
`config.attributes["connection"]`, so everything here happens inside that one transaction. Run
without one (`alembic -c ...` by hand), it connects to `sqlalchemy.url` from the config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from konflikt.store.migrate import full_metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=full_metadata(),
        # SQLite cannot ALTER most things: batch mode copies the table, so one revision works
        # on both back ends.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: set sqlalchemy.url or use `konflikt db upgrade --db URL`")
    engine = create_engine(url)
    with engine.begin() as conn:
        run(conn)
    engine.dispose()
