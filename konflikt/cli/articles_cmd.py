"""`konflikt articles`: every stored article with its near-duplicate group."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.cli.common import DB_HELP, ListFormat, read_store
from konflikt.store.links import article_groups


@app.command("articles")
def articles_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
) -> None:
    """List the stored articles; copies and versions of one text share a duplicate_group."""
    rows = read_store(db, article_groups)
    if fmt is ListFormat.jsonl:
        for article, group, similarity in rows:
            record = {
                "id": article.id, "duplicate_group": group, "similarity": similarity,
                "title": article.title, "published": article.published, "source": article.source,
                "lang": article.lang,
            }  # fmt: skip
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    console = Console()
    if not rows:
        console.print("No articles stored.")
        return
    table = Table()
    for column in ("id", "duplicate_group", "similarity", "published", "source", "title"):
        table.add_column(column, overflow="fold")
    sizes: dict[str | None, int] = {}
    for _, group, _ in rows:
        sizes[group] = sizes.get(group, 0) + 1
    for article, group, similarity in rows:
        table.add_row(
            article.id, group or "", f"{similarity:.2f}" if similarity is not None else "",
            article.published or "", article.source or "", article.title or "",
        )  # fmt: skip
    console.print(table)
    copies = sum(n for g, n in sizes.items() if g is not None and n > 1)
    console.print(f"{len(rows)} articles, {copies} in groups of copies")
