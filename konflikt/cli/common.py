"""What several commands share: the --db help text, list formats, reading an existing store."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

import typer

from konflikt.errors import KonfliktError
from konflikt.store import Store

DB_HELP = "Database URL (default: $KONFLIKT_DB, else sqlite:///konflikt.sqlite)."

T = TypeVar("T")


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def read_store(db: str | None, action: Callable[[Store], T]) -> T:
    """Run `action` on an existing database; a store error (missing file, bad URL) ends the
    command with its message and exit code 1, never a traceback."""
    try:
        with Store(db, create=False) as store:
            return action(store)
    except KonfliktError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
