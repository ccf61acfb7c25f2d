"""minhash_signatures: each article's stored MinHash, so linking signs only new articles.

Revision ID: 0002_minhash_signatures
Revises: 0001_baseline
Create Date: 2026-11-23

The table starts empty: the next `Store.link()` signs every article once and keeps the result.
A database whose tables were made by `create_all` from code that already declared this table
(before migrations came in) has it already; it is then kept as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_minhash_signatures"
down_revision: str | None = "0001_baseline"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("minhash_signatures"):
        return
    op.create_table(
        "minhash_signatures",
        sa.Column("article_id", sa.String(512), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("shingle_size", sa.Integer(), nullable=False),
        sa.Column("num_perm", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("minhash_signatures")
