"""`konflikt eval`: extract the gold articles and score them against the gold events.

`DIR/articles.jsonl` is read through the same readers as `konflikt extract`, the events are
scored with the coding manual's metric (`konflikt.extract.scoring.score`) against
`DIR/events.jsonl`. Every gold article counts, also one that could not be processed (its gold
events are then all missed).

With `--reviewed --db URL` the gold is what analysts reviewed in the dashboard instead
(`konflikt.store.reviews.reviewed_gold`): the fully reviewed articles of that database are
extracted again and scored against their confirmed and corrected events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from konflikt.cli import app
from konflikt.cli.extract_cmd import EXIT_FAILURE, EXIT_OK, EXIT_REJECTED, _progress
from konflikt.errors import KonfliktError
from konflikt.ingest import read_inputs
from konflikt.model import Article, Event, InputProblem
from konflikt.pipeline import ArticleResult, RunSummary, run

ARTICLES_FILE = "articles.jsonl"
EVENTS_FILE = "events.jsonl"


@dataclass(frozen=True, slots=True)
class EvalSettings:
    gold: Path | None  # None: the articles are given (reviewed gold from a database)
    db: str | None = None  # also store the run's articles and events there
    as_json: bool = False
    progress: bool = True


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path | None,
        typer.Option("--gold", help=f"Folder with {ARTICLES_FILE} and {EVENTS_FILE}."),
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Also store this run's articles and events here.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
    reviewed: Annotated[
        bool,
        typer.Option(
            "--reviewed",
            help="Use the events analysts reviewed in --db (konflikt serve) as gold, "
            "instead of --gold.",
        ),
    ] = False,
) -> None:
    """Score the extractor on a gold set (precision, recall, F1, field accuracy)."""
    if reviewed:
        _eval_reviewed(gold, db, as_json)
        return
    if gold is None:
        raise typer.BadParameter("give a gold folder, or --reviewed --db URL", param_hint="--gold")
    for name in (ARTICLES_FILE, EVENTS_FILE):
        if not (gold / name).is_file():
            raise typer.BadParameter(f"{gold / name} does not exist", param_hint="--gold")
    try:
        gold_events = load_gold_events(gold / EVENTS_FILE)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--gold") from None
    settings = EvalSettings(gold=gold, db=db, as_json=as_json, progress=not as_json)
    code = run_eval(settings, gold_events, Console(), Console(stderr=True))
    raise typer.Exit(code)


def _eval_reviewed(gold: Path | None, db: str | None, as_json: bool) -> None:
    from konflikt.store import Store
    from konflikt.store.reviews import reviewed_gold

    if gold is not None:
        raise typer.BadParameter("give either --gold or --reviewed, not both", param_hint="--gold")
    if not db:
        raise typer.BadParameter("--reviewed needs --db: the database that was reviewed")
    err = Console(stderr=True)
    try:
        with Store(db, create=False) as store:
            articles, gold_events = reviewed_gold(store)
    except KonfliktError as exc:
        err.print(f"[red]Error:[/] {exc}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    if not articles:
        raise typer.BadParameter(
            "no fully reviewed article in this database: review every event of an article first",
            param_hint="--db",
        )
    # The run is not stored: the reviewed database already holds these articles.
    settings = EvalSettings(gold=None, as_json=as_json, progress=not as_json)
    raise typer.Exit(run_eval(settings, gold_events, Console(), err, items=articles))


def load_gold_events(path: Path) -> list[dict[str, Any]]:
    """The gold events, one JSON object a line; raises ValueError naming a broken line."""
    events = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: broken JSON line: {exc.msg}") from None
            if not isinstance(record, dict) or "article_id" not in record:
                raise ValueError(f"{path}:{number}: not a gold event (no article_id)")
            events.append(record)
    return events


def run_eval(
    settings: EvalSettings,
    gold_events: list[dict[str, Any]],
    console: Console,
    err: Console,
    items: Iterable[Article | InputProblem] | None = None,
) -> int:
    """Extract, score, print; returns the exit code (3 when some gold articles were rejected)."""
    from konflikt.extract.scoring import score
    from konflikt.store import Store

    predicted: dict[str, list[Event]] = {}
    article_ids: list[str] = []

    def on_result(result: ArticleResult, summary: RunSummary) -> None:
        if result.article is not None:
            article_ids.append(result.article.id)
            predicted[result.article.id] = list(result.events)
        progress.update(
            task, articles=summary.articles, events=summary.events, problems=len(summary.problems)
        )

    if items is None:
        assert settings.gold is not None, "no gold folder and no articles"
        items = read_inputs([str(settings.gold / ARTICLES_FILE)])
    try:
        store_context = Store(settings.db) if settings.db else nullcontext(None)
        with store_context as store, _progress(err, settings.progress) as progress:
            task = progress.add_task("Evaluating", total=None, articles=0, events=0, problems=0)
            summary = run(items, store=store, on_result=on_result)
    except KonfliktError as exc:
        err.print(f"[red]Error:[/] {exc}", highlight=False)
        return EXIT_FAILURE
    # Gold events of articles that could not even be read still count as missed.
    article_ids.extend(e["article_id"] for e in gold_events)
    scores = score(predicted, gold_events, article_ids)
    scores["problems"] = [{"origin": p.origin, "reason": p.reason} for p in summary.problems]
    if settings.as_json:
        # Plain print: Rich would wrap long lines at the terminal width and break the JSON.
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print_scores(scores, console)
        for problem in summary.problems:
            err.print(f"[red]rejected:[/] {problem.origin}: {problem.reason}", highlight=False)
    return EXIT_REJECTED if summary.problems else EXIT_OK


def print_scores(scores: dict[str, Any], console: Console) -> None:
    counts = scores["counts"]
    main = Table(title="Events (coding manual §6)", title_justify="left")
    for column in ("precision", "recall", "F1", "detection recall"):
        main.add_column(column, justify="right")
    main.add_row(*(f"{scores[k]:.3f}" for k in ("precision", "recall", "f1", "detection_recall")))
    console.print(main)
    console.print(
        f"{counts['articles']} articles, {counts['predicted']} predicted, {counts['gold']} gold "
        f"(+{counts['gold_optional']} optional): {counts['tp']} matched, {counts['fp']} false "
        f"positives, {counts['fn']} missed"
    )
    fields = Table(title="Field accuracy over matched events", title_justify="left")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    fields.add_column("n", justify="right")
    for name, value in scores["fields"].items():
        n = counts.get("field_n", {}).get(name, "")
        fields.add_row(name, "–" if value is None else f"{value:.3f}", str(n))
    console.print(fields)
