"""`konflikt events`: list or export the stored events, filtered."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.cli.common import DB_HELP
from konflikt.errors import KonfliktError
from konflikt.export import write_events
from konflikt.model import Event
from konflikt.store import EventQuery, Store


class OutputFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


@app.command("events")
def events_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")
    ] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode, e.g. aerial or arrest.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Words in the actor's name or text (any case).")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Where it happened: ISO code (SY, SYR) or English name.")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Events ending on or after this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Events starting on or before this date (YYYY[-MM[-DD]]).")
    ] = None,
    stance: Annotated[
        str | None, typer.Option(help="asserted, hedged, denied, negated, future, hypothetical.")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Words in the claimant's name, or a channel such as AFP.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Words in the evidence sentence.")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article id.")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.table,
    out: Annotated[
        Path | None, typer.Option(help="Write to this file instead of the terminal.")
    ] = None,
) -> None:
    """List the stored events, or export them as JSON Lines, ACLED-style CSV or GeoJSON."""
    try:
        query = EventQuery(
            event_type=event_type, mode=mode, actor=actor, country=country, since=since,
            until=until, stance=stance, source=source, text=text, article_id=article, limit=limit,
        )  # fmt: skip
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    try:
        with Store(db, create=False) as store:
            n = _output(store, query, fmt, out)
    except KonfliktError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        typer.echo(f"Error: cannot write {exc.filename or out}: {exc.strerror}", err=True)
        raise typer.Exit(1) from None
    if out is not None:
        typer.echo(f"Wrote {n} event{'s' if n != 1 else ''} to {out}", err=True)


def _output(store: Store, query: EventQuery, fmt: OutputFormat, out: Path | None) -> int:
    """Show or write the events; exports are streamed from the database, not held in memory."""
    if fmt is OutputFormat.table:
        events = store.events(query)
        if out is None:
            _print_table(events, Console())
        else:
            with out.open("w", encoding="utf-8") as stream:
                _print_table(events, Console(file=stream, width=200))
        return len(events)
    return write_events(store.iter_events(query), out or sys.stdout, fmt.value)


def _print_table(events: list[Event], console: Console) -> None:
    if not events:
        console.print("No events match.")
        return
    table = Table(show_lines=False)
    for column in ("id", "date", "type", "actor", "recipient", "location", "stance", "source",
                   "evidence"):  # fmt: skip
        # Ids are copied into other commands: first, so a narrow terminal never crops them.
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for ev in events:
        table.add_row(
            ev.id,
            (ev.date.start or ev.date.text) if ev.date else "",
            ev.event_type + (f"/{ev.mode}" if ev.mode else ""),
            _name(ev.actor),
            _name(ev.recipient),
            (ev.location.name or ev.location.text) if ev.location else "",
            ev.stance,
            _source(ev),
            _shorten(ev.evidence.sentence, 120),
        )  # fmt: skip
    console.print(table)
    console.print(f"{len(events)} event{'s' if len(events) != 1 else ''}")


def _source(ev: Event) -> str:
    name = _name(ev.source)
    channels = [v for v in ev.source.via if v != name] if ev.source else []
    return name + (f" via {', '.join(channels)}" if channels else "")


def _name(party: object) -> str:
    if party is None:
        return ""
    return getattr(party, "name", None) or getattr(party, "text", None) or ""


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
