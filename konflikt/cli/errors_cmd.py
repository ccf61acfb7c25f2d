"""`konflikt errors`: the inputs that were rejected, with their reasons."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.cli.common import DB_HELP, read_store
from konflikt.store import Store


@app.command("errors")
def errors_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """List the rejected inputs with their reasons."""
    problems = read_store(db, Store.problems)
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
