"""`konflikt changes`: the change feed (additions, merges, unmerges, retractions); `konflikt
unmerge` / `konflikt remerge` undo and redo a merge; `konflikt ledger` shows an occurrence's
claims side by side."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.cli.common import DB_HELP, ListFormat, read_store
from konflikt.store import Store
from konflikt.store.links import (
    Change,
    LinkSummary,
    changes,
    detach,
    ledger,
    parse_since,
    reattach,
)


def _since(value: str | None) -> int | datetime | None:
    if value is None:
        return None
    try:
        return parse_since(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command("changes")
def changes_command(
    since: Annotated[
        str | None,
        typer.Option(help="After this sequence number, or from this ISO time (UTC if no zone)."),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many changes.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
) -> None:
    """List what changed in the published events: added, merged, unmerged, retracted."""
    when = _since(since)
    feed = read_store(db, lambda store: changes(store, when, limit))
    if fmt is ListFormat.jsonl:
        for change in feed:
            typer.echo(json.dumps(change.to_dict(), ensure_ascii=False))
        return
    _print_changes(feed, Console())


def _print_changes(feed: list[Change], console: Console) -> None:
    if not feed:
        console.print("No changes.")
        return
    table = Table()
    for column in ("seq", "at", "kind", "event_id", "canonical_id", "detail"):
        # Ids and times are copied into other commands: never wrapped.
        table.add_column(column, overflow="fold", no_wrap=column not in ("kind", "detail"))
    for c in feed:
        detail = ""
        if c.detail and "score" in c.detail:
            detail = f"with {c.detail['with']} (score {c.detail['score']})"
        elif c.detail and "from" in c.detail:
            detail = f"from {c.detail['from']}"
        table.add_row(str(c.seq), c.at, c.kind, c.event_id, c.canonical_id or "", detail)
    console.print(table)
    console.print(f"{len(feed)} changes; next: --since {feed[-1].seq}")


@app.command("unmerge")
def unmerge_command(
    event_id: Annotated[str, typer.Argument(help="The event to take out of its occurrence.")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Undo a merge: the event becomes its own occurrence (recorded as `unmerged`)."""
    _relink(lambda store: detach(store, event_id), db)


@app.command("remerge")
def remerge_command(
    event_id: Annotated[str, typer.Argument(help="An event taken out with `unmerge`.")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Let an unmerged event merge again by the configured rules."""
    _relink(lambda store: reattach(store, event_id), db)


def _relink(action: Callable[[Store], LinkSummary], db: str | None) -> None:
    summary = read_store(db, action)
    done = ", ".join(f"{n} {kind}" for kind, n in sorted(summary.changes.items())) or "no change"
    typer.echo(done)


@app.command("ledger")
def ledger_command(
    canonical_id: Annotated[str, typer.Argument(help="The occurrence (an event's canonical_id).")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Each source's version of one occurrence, numbers low/best/high, and denials (JSON)."""
    found = read_store(db, lambda store: ledger(store, canonical_id))
    if found is None:
        typer.echo(f"Error: no occurrence {canonical_id}; see `konflikt events`", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
