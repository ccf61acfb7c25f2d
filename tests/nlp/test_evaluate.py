"""Scoring on CoNLL files, with a rule pipeline whose output is known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from konflikt.errors import InputError
from konflikt.nlp.evaluate import evaluate

KEYS = {"ents_p", "ents_r", "ents_f", "ents_per_type", "tag_acc", "pos_acc", "lemma_acc",
        "uas", "las", "sents_f", "words_per_second"}


@pytest.fixture(scope="module")
def rule_nlp() -> Language:
    nlp = spacy.blank("nb")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE_LOC", "pattern": "Bergen"},
                        {"label": "ORG", "pattern": "Kari"}])
    return nlp


def test_scores_on_ndt_and_ud(rule_nlp: Language, ndt_file: Path, ud_file: Path) -> None:
    scores = evaluate(rule_nlp, [ndt_file, ud_file])
    assert set(scores) >= KEYS
    # 2 predicted entities, 1 right; 4 gold entities.
    assert scores["ents_p"] == 0.5
    assert scores["ents_r"] == 0.25
    assert scores["ents_per_type"]["GPE_LOC"]["p"] == 1.0
    assert scores["ents_per_type"]["ORG"]["p"] == 0.0
    assert scores["words"] == 7 + 10 + 6
    assert scores["words_per_second"] > 0
    # No parser or tagger in this pipeline: scored, and zero.
    assert scores["las"] == 0.0 and scores["tag_acc"] == 0.0


def test_ud_only_has_no_ndt_figures(rule_nlp: Language, ud_file: Path) -> None:
    scores = evaluate(rule_nlp, [ud_file])
    assert scores["uas"] is None and scores["las"] is None and scores["tag_acc"] is None
    assert scores["ents_p"] == 0.0
    assert scores["token_f"] == 1.0  # "Kharkiv." splits on a blank pipeline too


def test_directory_input(rule_nlp: Language, ndt_file: Path) -> None:
    assert evaluate(rule_nlp, [ndt_file.parent])["files"] == 1


def test_bad_path(rule_nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate(rule_nlp, [tmp_path / "missing"])


def test_empty_file_is_an_error(rule_nlp: Language, tmp_path: Path) -> None:
    empty = tmp_path / "empty.conll"
    empty.write_text("\n", encoding="utf8")
    with pytest.raises(InputError, match="no annotated sentences"):
        evaluate(rule_nlp, [empty])


def test_cli_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    from konflikt.cli import app

    result = CliRunner().invoke(app, ["nlp", "evaluate", "--lang", "xx", str(tmp_path)])
    assert result.exit_code == 2
    assert "error:" in result.output and "Traceback" not in result.output


@pytest.mark.slow
def test_cli_json_with_shipped_model(ndt_file: Path) -> None:
    from konflikt.cli import app

    result = CliRunner().invoke(app, ["nlp", "evaluate", "--lang", "nb", str(ndt_file), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= KEYS and scores["uas"] is not None


def test_mapping_agreement(tmp_path: Path) -> None:
    from konflikt.nlp.evaluate import mapping_agreement

    ndt = tmp_path / "a.conll"
    ndt.write_text(
        "1\tSoldatene\tsoldat\tsubst\tsubst\tappell|mask|be|fl\t2\tSUBJ\t_\tname=O\n"
        "2\tkom\tkomme\tverb\tverb\tpret\t0\tFINV\t_\tname=O\n",
        encoding="utf8",
    )
    ud = tmp_path / "a.conllu"
    ud.write_text(
        "1\tSoldatene\tsoldat\tNOUN\t_\tDefinite=Def|Gender=Masc|Number=Plur\t2\tnsubj\t_\t_\n"
        "2\tkom\tkomme\tVERB\t_\tMood=Ind|Tense=Pres|VerbForm=Fin\t0\troot\t_\t_\n",
        encoding="utf8",
    )
    agreement = mapping_agreement([ndt], [ud])
    assert agreement["tokens"] == 2
    assert agreement["upos"] == 1.0
    assert agreement["feats"] == 0.5  # the UD side says present tense on purpose


def test_obt_part_of_speech_is_scored_apart_from_the_full_tag(ndt_file: Path) -> None:
    @Language.component("every_token_a_noun_with_wrong_features")
    def every_token_a_noun(doc):  # type: ignore[no-untyped-def]
        for token in doc:
            token.tag_ = "subst|feil"
        return doc

    nlp = spacy.blank("nb")
    nlp.add_pipe("every_token_a_noun_with_wrong_features")
    scores = evaluate(nlp, [ndt_file])
    # 6 of the 17 tokens (the paragraph marker is dropped) are nouns: right part of speech,
    # wrong features, so the full tag is never right.
    assert scores["obt_pos_acc"] == pytest.approx(6 / 17, abs=1e-4)
    assert scores["tag_acc"] == 0.0
