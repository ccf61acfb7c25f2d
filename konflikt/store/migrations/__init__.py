"""Alembic environment of the konflikt database (see konflikt.store.migrate)."""
