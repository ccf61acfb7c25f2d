"""The `konflikt` command. Thin: each sub-module gathers options and calls one library function."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="konflikt",
    help="Norwegian conflict news to verifiable PLOVER event data.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

# Each command module registers itself on `app` when imported (one module per command group).
# --- command modules (keep one import per line) ---

import konflikt.cli.articles_cmd  # noqa: E402, F401
import konflikt.cli.changes_cmd  # noqa: E402, F401
import konflikt.cli.db_cmd  # noqa: E402, F401
import konflikt.cli.errors_cmd  # noqa: E402, F401
import konflikt.cli.eval_cmd  # noqa: E402, F401
import konflikt.cli.events_cmd  # noqa: E402, F401
import konflikt.cli.extract_cmd  # noqa: E402, F401
import konflikt.cli.serve_cmd  # noqa: E402, F401
from konflikt.cli import nlp_cmd  # noqa: E402,F401

# --- end command modules ---


def main() -> None:
    app()
