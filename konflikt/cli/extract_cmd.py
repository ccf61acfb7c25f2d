"""`konflikt extract`: read inputs, extract events, store them, optionally export and show them.

Thin, datasette style: the options become one `ExtractSettings`, and `run_extract` does the work
through `konflikt.ingest.read_inputs`, `konflikt.pipeline.run`, `konflikt.store.Store` and
`konflikt.export.write_events`.

`--workers N` runs the pipeline on N local processes and `--dask ADDRESS` on a Dask cluster
(`konflikt.parallel`); the results are stored in input order by this process, so the database and
the output are those of a one-process run.

Exit codes: 0 every input became an article; 3 some inputs were rejected (listed in the summary
and stored as problems, see `konflikt errors`); 2 a usage error (also a malformed `--workers` or
`--dask`); 1 the database, the output file, the worker processes or the Dask scheduler could not
be used.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from konflikt.cli import app
from konflikt.cli.common import DB_HELP
from konflikt.errors import InputError, KonfliktError
from konflikt.ingest import read_inputs
from konflikt.model import Article, Event, Party, Quantity
from konflikt.parallel import LOCAL, ParallelRun, dask_address, parse_workers
from konflikt.pipeline import ArticleResult, RunSummary, run

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_REJECTED = 3
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".geojson": "geojson",
}
SHOWN_PROBLEMS = 20  # the summary lists this many rejected inputs; `konflikt errors` has all
EXCERPT_CHARS = 110
# Below this terminal width the six-column table folds words; events are shown as cards instead.
WIDE_TABLE_COLUMNS = 120


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """Everything one `konflikt extract` run needs, gathered from the command line."""

    paths: tuple[str, ...]
    db: str | None = None  # None: $KONFLIKT_DB, else the default SQLite file
    out: Path | None = None  # "-" (as Path("-")) writes the events to stdout
    fmt: str = "jsonl"
    published: str | None = None
    show: bool = False
    progress: bool = True  # the progress bar and the closing summary (stderr)
    workers: int | None = None  # local processes (None: 1, or one per core with --dask local)
    dask: str | None = None  # a scheduler address, "local", or None: no Dask


@app.command("extract")
def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively) or - for stdin: .txt, .jsonl, "
            ".json, .html, RSS/Atom (.rss, .atom, .xml), WARC (.warc), any of them "
            "gzipped (.gz); others are sniffed."
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Also write this run's events to FILE (- for stdout)."),
    ] = None,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option("--format", help="Format of --out (default: from its suffix, else jsonl)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD (or YYYY-MM) for every input; it "
            "overrides dates in records, page metadata and date headers."
        ),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Print a table of the extracted events.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    workers: Annotated[
        str | None,
        typer.Option(
            "--workers",
            metavar="N",
            help="Worker processes: a number, or auto (or 0) for one per core. Default 1; "
            "with --dask local, one per core.",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local' for a "
            "Dask cluster of --workers processes on this machine.",
        ),
    ] = None,
) -> None:
    """Extract events from Norwegian news and store them (a re-run stores nothing twice).

    Exit codes: 0 every input became an article;
    3 some inputs were rejected (each is listed by `konflikt errors`);
    2 usage error; 1 the database, output file, workers or Dask scheduler could not be used.
    """
    if fmt is not None and out is None:
        raise typer.BadParameter("--format needs --out", param_hint="--format")
    if db is not None:
        try:
            make_url(db)
        except ArgumentError:
            raise typer.BadParameter(
                "not a database URL; write e.g. sqlite:///konflikt.sqlite", param_hint="--db"
            ) from None
    worker_count: int | None = None
    if workers is not None:
        try:
            worker_count = parse_workers(workers)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--workers") from None
    if dask is not None:
        try:
            dask = dask_address(dask)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--dask") from None
        if dask != LOCAL and worker_count is not None:
            raise typer.BadParameter(
                "a remote cluster has the workers it was started with; --workers is for "
                "local runs and --dask local",
                param_hint="--workers",
            )
    settings = ExtractSettings(
        paths=tuple(paths),
        db=db,
        out=out,
        fmt=fmt.value if fmt is not None else _format_for(out),
        published=published,
        show=show,
        progress=not quiet,
        workers=worker_count,
        dask=dask,
    )
    raise typer.Exit(run_extract(settings, Console(), Console(stderr=True)))


def run_extract(settings: ExtractSettings, console: Console, err: Console) -> int:
    """Run one extraction; returns the exit code. Tables go to `console`, the rest to `err`."""
    from konflikt.export import write_events
    from konflikt.store import Store
    from konflikt.store.links import canonical_ids

    try:
        items = read_inputs(settings.paths, published=settings.published)
    except InputError as exc:
        err.print(f"[red]Usage error:[/] {exc.message}", highlight=False)
        return EXIT_USAGE
    results: list[ArticleResult] = []
    keep = settings.show or settings.out is not None  # else nothing is held in memory
    try:
        # Workers start before the progress bar, so that a failure to start them is reported
        # on its own.
        parallel = _parallel_run(settings)
    except KonfliktError as exc:
        err.print(f"[red]Error:[/] {exc}", highlight=False)
        return EXIT_FAILURE
    label = "Extracting" if parallel is None else f"Extracting on {parallel.description}"
    try:
        with (
            parallel or nullcontext(),
            Store(settings.db) as store,
            _progress(err, settings.progress) as progress,
        ):
            task = progress.add_task(label, total=None, articles=0, events=0, problems=0)

            def on_result(result: ArticleResult, summary: RunSummary) -> None:
                if result.events and keep:
                    results.append(result)
                progress.update(
                    task,
                    articles=summary.articles,
                    events=summary.events,
                    problems=len(summary.problems),
                )

            summary = run(
                items,
                store=store,
                on_result=on_result,
                processor=parallel.process if parallel is not None else None,
            )
            shown_db = store.display_url
            linked = canonical_ids(store) if keep else {}  # run() linked the store
        events = [event for result in results for event in result.events]
        for event in events:
            event.canonical_id = linked.get(event.id)
        if settings.out is not None:
            target = sys.stdout if str(settings.out) == "-" else settings.out
            written = write_events(events, target, settings.fmt)
            if target is not sys.stdout and settings.progress:
                err.print(f"Wrote {written} events to {settings.out} ({settings.fmt})")
    except KonfliktError as exc:
        err.print(f"[red]Error:[/] {exc}", highlight=False)
        return EXIT_FAILURE
    except OSError as exc:
        err.print(
            f"[red]Error:[/] cannot write {exc.filename or settings.out}: {exc.strerror}",
            highlight=False,
        )
        return EXIT_FAILURE
    if settings.show:
        show_events(results, console)
    if settings.progress:
        print_summary(summary, err, db=shown_db)
    elif summary.problems:  # even when quiet, say why the exit code is 3
        err.print(f"{len(summary.problems)} inputs rejected; see `konflikt errors`.")
    return EXIT_REJECTED if summary.problems else EXIT_OK


def _parallel_run(settings: ExtractSettings) -> ParallelRun | None:
    """The workers the settings ask for; None: process in this process."""
    if settings.dask is not None:
        return ParallelRun.dask(settings.dask, workers=settings.workers)
    if settings.workers is not None and settings.workers > 1:
        return ParallelRun.local(settings.workers)
    return None


def _format_for(out: Path | None) -> str:
    return FORMAT_BY_SUFFIX.get(out.suffix.lower(), "jsonl") if out is not None else "jsonl"


def _progress(err: Console, enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),  # pulses: the number of articles in a stream is not known in advance
        TextColumn(
            "{task.fields[articles]} articles, {task.fields[events]} events, "
            "{task.fields[problems]} rejected"
        ),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not enabled,
    )


# --- output ---


def print_summary(summary: RunSummary, err: Console, *, db: str | None = None) -> None:
    """The closing summary: articles, events by type, rejected inputs with their reasons."""
    table = Table(title="konflikt extract", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles processed", str(summary.articles))
    table.add_row("  new in the database", str(summary.new))
    table.add_row("  already stored", str(summary.already_stored))
    table.add_row("events", str(summary.events))
    for event_type, count in sorted(summary.events_by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(f"  {event_type}", str(count))
    table.add_row(
        "rejected inputs", str(len(summary.problems)), style="red" if summary.problems else None
    )
    err.print(table)
    if summary.problems:
        problems = Table("rejected input", "reason", title_justify="left")
        for problem in summary.problems[:SHOWN_PROBLEMS]:
            problems.add_row(problem.origin, problem.reason)
        err.print(problems)
        hidden = len(summary.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            err.print(f"... and {hidden} more; see `konflikt errors`.")
    if db:
        err.print(Text(f"Database: {db}", style="dim"))


def show_events(results: list[ArticleResult], console: Console) -> None:
    """One table per article: what happened, who did it to whom, where, when, how many, who
    says so and how sure, with the evidence."""
    if not results:
        console.print("No events found.")
        return
    for result in results:
        if result.article is None or not result.events:
            continue
        if console.width >= WIDE_TABLE_COLUMNS:
            console.print(events_table(result.article, result.events))
        else:
            console.print(events_cards(result.article, result.events))


def _article_title(article: Article) -> str:
    title = escape(article.title or article.origin or article.id)
    return f"{title}  [dim]({escape(article.id)}, published {article.published or '?'})"


def events_cards(article: Article, events: list[Event]) -> Group:
    """One labelled block per event, for terminals too narrow for six columns."""
    parts: list[RenderableType] = [Text.from_markup(f"[bold]{_article_title(article)}[/]")]
    for event in events:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        rows = (
            ("actor", _party(event.actor)),
            ("recipient", _party(event.recipient)),
            ("place", _place(event)),
            ("date", _date(event)),
            ("numbers", Text(", ".join(_quantity(q) for q in event.quantities))),
            ("source", _source(event.source)),
            ("evidence", _evidence(event, limit=None)),
        )
        for label, value in rows:
            if value.plain:
                grid.add_row(label, value)
        heading = Text(event.event_type, style="bold")
        if event.mode:
            heading.append(f" ({event.mode})")
        heading.append(
            f" · {event.stance}", style="magenta" if event.stance != "asserted" else "dim"
        )
        parts.append(Panel(grid, title=heading, title_align="left"))
    return Group(*parts)


def events_table(article: Article, events: list[Event]) -> Table:
    """Six columns; used from `WIDE_TABLE_COLUMNS` terminal columns up."""
    table = Table(
        title=_article_title(article),
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("event", width=12)
    table.add_column("actor → recipient", ratio=3, overflow="fold")
    table.add_column("place · date", ratio=3, overflow="fold")
    table.add_column("numbers", ratio=2, overflow="fold")
    table.add_column("source", ratio=2, overflow="fold")
    table.add_column("evidence", ratio=6, overflow="fold")
    for event in events:
        kind = Text(event.event_type, style="bold")
        if event.mode:
            kind.append(f"\n{event.mode}")
        kind.append(f"\n{event.stance}", style="magenta" if event.stance != "asserted" else "dim")
        who = _party(event.actor)
        if event.recipient is not None:
            who.append("\n→ ")
            who.append_text(_party(event.recipient))
        where_when = _place(event)
        if event.date is not None:
            if where_when.plain:
                where_when.append("\n")
            where_when.append_text(_date(event))
        table.add_row(
            kind,
            who,
            where_when,
            "\n".join(_quantity(q) for q in event.quantities),
            _source(event.source),
            _evidence(event),
        )
    return table


def _party(party: Party | None) -> Text:
    if party is None:
        return Text("")
    text = Text(party.text)
    if party.name and party.name != party.text:
        text.append(f" = {party.name}", style="dim")
    return text


def _source(party: Party | None) -> Text:
    if party is None:
        return Text("")
    text = _party(party)
    if party.via:
        text.append(f" via {', '.join(party.via)}", style="cyan")
    return text


def _place(event: Event) -> Text:
    place = event.location
    if place is None:
        return Text("")
    text = Text(place.name or place.text)
    details = ", ".join(str(x) for x in (place.country, place.precision) if x)
    if details:
        text.append(f" ({details})", style="dim")
    return text


def _date(event: Event) -> Text:
    when = event.date
    if when is None:
        return Text("")
    if when.start is None:
        return Text(when.text, style="dim")
    span = when.start if when.end in (None, when.start) else f"{when.start}–{when.end}"
    text = Text(span)
    if when.text:
        text.append(f" «{when.text}»", style="dim")
    return text


def _quantity(q: Quantity) -> str:
    if q.low is not None and q.high is not None and q.low != q.high:
        value = f"{q.low:g}–{q.high:g}"
    else:
        value = q.text if q.best is None else f"{q.best:g}"
    return " ".join(part for part in (value, q.what) if part)


def _evidence(event: Event, *, limit: int | None = EXCERPT_CHARS) -> Text:
    """The evidence sentence with the trigger in bold; past `limit` characters, an excerpt
    around the trigger."""
    sentence = event.evidence.sentence
    text = Text(sentence)
    start = end = None
    if event.trigger_start is not None and event.trigger_end is not None:
        start = event.trigger_start - event.evidence.start
        end = event.trigger_end - event.evidence.start
        if 0 <= start < end <= len(sentence):
            text.stylize("bold yellow", start, end)
        else:
            start = None
    if limit is None or len(sentence) <= limit:
        return text
    left = 0 if start is None else max(0, min(start - limit // 3, len(sentence) - limit))
    excerpt = text[left : left + limit]
    if left > 0:
        excerpt = Text("…") + excerpt
    if left + limit < len(sentence):
        excerpt.append("…")
    return excerpt
