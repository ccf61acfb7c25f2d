"""`konflikt nlp ...`: the Norwegian pipelines (evaluate on CoNLL files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from konflikt.cli import app
from konflikt.errors import KonfliktError

nlp_app = typer.Typer(help="The Norwegian NLP pipelines.", no_args_is_help=True)
app.add_typer(nlp_app, name="nlp")


@nlp_app.command("evaluate")
def evaluate_cmd(
    paths: Annotated[
        list[Path], typer.Argument(help="CoNLL-U (.conllu) or NDT (.conll) files or directories.")
    ],
    lang: Annotated[str, typer.Option("--lang", help="Pipeline to score: nb or nn.")] = "nb",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score a shipped pipeline on annotated files (NER, tags, POS, lemmas, parse, sentences)."""
    from konflikt.nlp import load
    from konflikt.nlp.evaluate import evaluate

    try:
        scores = evaluate(load(lang), paths)
    except KonfliktError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
        return
    typer.echo(format_scores(scores, lang))


def _pct(value: float | None) -> str:
    return "   n/a" if value is None else f"{100 * value:6.2f}"


def format_scores(scores: dict, lang: str) -> str:
    """A plain-text table of the scores."""
    lines = [f"{lang}: {scores.get('files', 0)} files, {scores.get('words', 0)} words"]
    for key, name in [
        ("ents_p", "NER precision"), ("ents_r", "NER recall"), ("ents_f", "NER F1"),
        ("tag_acc", "OBT tag accuracy"), ("obt_pos_acc", "OBT POS accuracy"),
        ("pos_acc", "UPOS accuracy"),
        ("morph_acc", "UD FEATS accuracy"), ("lemma_acc", "lemma accuracy"),
        ("uas", "UAS (NDT)"), ("las", "LAS (NDT)"), ("sents_f", "sentence F1"),
        ("token_f", "tokenizer F1 (UD)"),
    ]:
        lines.append(f"  {name:<20}{_pct(scores.get(key))}")
    lines.append(f"  {'words/second':<20}{scores.get('words_per_second')}")
    lines.append(f"  {'words/CPU second':<20}{scores.get('words_per_cpu_second')}")
    for label, prf in (scores.get("ents_per_type") or {}).items():
        lines.append(
            f"  {label:<8} P {_pct(prf['p'])}  R {_pct(prf['r'])}  F {_pct(prf['f'])}"
        )
    return "\n".join(lines)
