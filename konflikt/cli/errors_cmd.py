"""`konflikt errors`: the inputs that were rejected, with their reasons."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.errors import KonfliktError
from konflikt.store import Store

DB_HELP = "Database URL (default: $KONFLIKT_DB, else sqlite:///konflikt.sqlite)."


@app.command("errors")
def errors_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """List the rejected inputs with their reasons."""
    try:
        with Store(db, create=False) as store:
            problems = store.problems()
    except KonfliktError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    console = Console()
    if not problems:
        console.print("No rejected inputs.")
        return
    table = Table()
    for column in ("origin", "reason", "detail"):
        table.add_column(column, overflow="fold")
    for problem in problems:
        table.add_row(problem.origin, problem.reason, problem.detail or "")
    console.print(table)
    console.print(f"{len(problems)} rejected input{'s' if len(problems) != 1 else ''}")
