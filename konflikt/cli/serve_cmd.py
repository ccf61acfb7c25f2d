"""`konflikt serve`: the JSON API and the dashboard in one process."""

from __future__ import annotations

from typing import Annotated

import typer

from konflikt.api import TOKEN_ENV
from konflikt.api.server import DEFAULT_HOST, DEFAULT_PORT, ServeSettings, is_loopback, serve
from konflikt.cli import app
from konflikt.cli.common import DB_HELP
from konflikt.errors import KonfliktError


@app.command("serve")
def serve_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback exposes the data.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
) -> None:
    """Serve the dashboard at / and the JSON API at /api (docs at /docs).

    Reading is open; reviews need the header `Authorization: Bearer $KONFLIKT_TOKEN`, and are
    refused when KONFLIKT_TOKEN is not set.
    """
    if not is_loopback(host):
        typer.echo(
            f"Warning: listening on {host}: anyone who can reach it can read the events.", err=True
        )
    settings = ServeSettings(db=db, host=host, port=port)
    try:
        serve(settings)
    except KonfliktError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    except OSError as exc:  # e.g. the port is taken
        typer.echo(f"Error: cannot listen on {host}:{port}: {exc.strerror or exc}", err=True)
        raise typer.Exit(1) from None


__all__ = ["TOKEN_ENV", "serve_command"]
