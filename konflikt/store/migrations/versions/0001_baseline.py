"""Baseline: the tables of the releases before migrations (issues 1 to 5).

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-23

Each table (with its indexes) is created only when it is missing: a database made by
`create_all` before Alembic came in is upgraded in place, keeping its rows, and gains the tables
that were created lazily then (reviews) or added later (entities).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001_baseline"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Plain JSON text on SQLite, indexable JSONB on PostgreSQL (as konflikt.store.schema.JSONType).
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
AWARE_TIME = sa.DateTime(timezone=True)


def _create(name: str, *elements: sa.SchemaItem, indexes: dict[str, list[str]]) -> None:
    """Create the table and its indexes unless a pre-migration database has it already."""
    if sa.inspect(op.get_bind()).has_table(name):
        return
    op.create_table(name, *elements)
    for index_name, columns in indexes.items():
        op.create_index(index_name, name, columns)


def upgrade() -> None:
    _create(
        "articles",
        sa.Column("id", sa.String(512), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text()),
        sa.Column("source", sa.String(200)),
        sa.Column("lang", sa.String(8)),
        sa.Column("origin", sa.Text()),
        sa.Column("body_start", sa.Integer(), nullable=False),
        sa.Column("created_at", AWARE_TIME, nullable=False),
        sa.UniqueConstraint("content_hash"),
        indexes={"ix_articles_published": ["published"]},
    )
    _create(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(512),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("country", sa.String(2)),
        sa.Column("location_name", sa.String(200)),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("geo_precision", sa.String(8)),
        sa.Column("actor_name", sa.String(300)),
        sa.Column("actor_text", sa.Text()),
        sa.Column("recipient_name", sa.String(300)),
        sa.Column("source_name", sa.String(300)),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("data", JSON_TYPE, nullable=False),
        sa.Column("created_at", AWARE_TIME, nullable=False),
        indexes={
            "ix_events_actor_name": ["actor_name"],
            "ix_events_article_id": ["article_id"],
            "ix_events_country": ["country"],
            "ix_events_date_start": ["date_start"],
            "ix_events_event_type": ["event_type"],
            "ix_events_type_date": ["event_type", "date_start"],
        },
    )
    _create(
        "mentions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text()),
        sa.Column("start_char", sa.Integer()),
        sa.Column("end_char", sa.Integer()),
        sa.Column("name", sa.String(300)),
        indexes={"ix_mentions_event_id": ["event_id"], "ix_mentions_name": ["name"]},
    )
    _create(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "event_id",
            sa.String(64),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(300)),
        sa.Column("text", sa.Text()),
        sa.Column("via", sa.String(200)),
        indexes={
            "ix_sources_event_id": ["event_id"],
            "ix_sources_name": ["name"],
            "ix_sources_via": ["via"],
        },
    )
    _create(
        "entities",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "article_id",
            sa.String(512),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        indexes={"ix_entities_article_id": ["article_id"]},
    )
    _create(
        "input_errors",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(1000), nullable=False),
        sa.Column("reason", sa.String(300), nullable=False),
        sa.Column("detail", sa.Text()),
        sa.Column("created_at", AWARE_TIME, nullable=False),
        sa.UniqueConstraint("origin", "reason", name="uq_input_errors_origin_reason"),
        indexes={},
    )
    _create(
        "duplicate_groups",
        sa.Column("article_id", sa.String(512), primary_key=True),
        sa.Column("group_id", sa.String(512), nullable=False),
        sa.Column("similarity", sa.Float()),
        sa.Column("updated_at", AWARE_TIME, nullable=False),
        indexes={"ix_duplicate_groups_group_id": ["group_id"]},
    )
    _create(
        "canonical_links",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("canonical_id", sa.String(64), nullable=False),
        sa.Column("score", sa.Float()),
        sa.Column("explanation", JSON_TYPE),
        sa.Column("updated_at", AWARE_TIME, nullable=False),
        indexes={"ix_canonical_links_canonical_id": ["canonical_id"]},
    )
    _create(
        "detached_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("created_at", AWARE_TIME, nullable=False),
        indexes={},
    )
    _create(
        "changes",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", AWARE_TIME, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("canonical_id", sa.String(64)),
        sa.Column("detail", JSON_TYPE),
        indexes={"ix_changes_at": ["at"], "ix_changes_event_id": ["event_id"]},
    )
    _create(
        "reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("fields", JSON_TYPE, nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("created_at", AWARE_TIME, nullable=False),
        indexes={"ix_reviews_event_id": ["event_id"]},
    )


def downgrade() -> None:
    for name in (
        "reviews", "changes", "detached_events", "canonical_links", "duplicate_groups",
        "input_errors", "entities", "sources", "mentions", "events", "articles",
    ):  # fmt: skip
        op.drop_table(name)
