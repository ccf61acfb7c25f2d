"""Unbounded text on PostgreSQL for values whose length the input decides.

Revision ID: 0003_unbounded_input_text
Revises: 0002_minhash_signatures
Create Date: 2026-11-23

PostgreSQL enforces VARCHAR(n), SQLite never did: a feed entry id longer than 512 characters, a
long outlet name or path, or an actor span without a canonical name over 300 characters stored
on SQLite and failed on PostgreSQL. These columns become TEXT there (varchar to text needs no
table rewrite and no index rebuild). SQLite files are left as they are (see
`konflikt.store.schema.input_text`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_unbounded_input_text"
down_revision: str | None = "0002_minhash_signatures"
branch_labels: str | None = None
depends_on: str | None = None

# table -> {column: the VARCHAR length it had}
WIDENED: dict[str, dict[str, int]] = {
    "articles": {"id": 512, "source": 200},
    "events": {
        "article_id": 512, "location_name": 200, "actor_name": 300, "recipient_name": 300,
        "source_name": 300,
    },
    "mentions": {"name": 300},
    "sources": {"name": 300, "via": 200},
    "entities": {"article_id": 512},
    "input_errors": {"origin": 1000, "reason": 300},
    "duplicate_groups": {"article_id": 512, "group_id": 512},
    "minhash_signatures": {"article_id": 512},
    "reviews": {"reviewer": 100},
}  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in WIDENED.items():
        for column, length in columns.items():
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    """Fails, leaving everything as it was, if a stored value is longer than the old limit."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in WIDENED.items():
        for column, length in columns.items():
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text())
