"""Loading the shipped pipelines."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import konflikt.nlp
from konflikt.errors import ModelError
from konflikt.nlp import load, model_path


def test_unknown_language() -> None:
    with pytest.raises(ModelError, match="supported: nb, nn"):
        load("da")


def test_missing_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(konflikt.nlp, "MODELS_DIR", tmp_path)
    load.cache_clear()
    try:
        with pytest.raises(ModelError, match="make models"):
            load("nn")
    finally:
        load.cache_clear()


def test_model_path() -> None:
    assert model_path("nb").name == "nb"


def _shipped(lang: str) -> None:
    if not (model_path(lang) / "config.cfg").is_file():
        pytest.fail(f"the {lang} model is not shipped in {model_path(lang)}")


@pytest.mark.slow
def test_nb_pipeline_annotates_news() -> None:
    _shipped("nb")
    load.cache_clear()
    start = time.perf_counter()
    nlp = load("nb")
    assert time.perf_counter() - start < 3.0
    assert load("nb") is nlp  # cached
    doc = nlp("Statsminister Jonas Gahr Støre møtte soldater i Tromsø mandag. Over 3.500 soldater "
              "og tolv stridsvogner ble sendt til grensen, ifølge NTB.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert any(label == "PER" and "Støre" in text for text, label in ents), ents
    assert ("Tromsø", "GPE_LOC") in ents, ents
    assert len(list(doc.sents)) == 2
    nums = [t.text for t in doc if t.like_num]
    assert "3.500" in nums and "tolv" in nums
    assert {t.dep_ for t in doc} & {"SUBJ", "FINV"}
    assert all(t.tag_ for t in doc) and all(t.pos_ for t in doc)


@pytest.mark.slow
def test_nn_pipeline_annotates_news() -> None:
    _shipped("nn")
    nlp = load("nn")
    doc = nlp("Politiet i Bergen melde at tre menn vart arresterte etter eit ran i Oslo søndag.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Bergen", "GPE_LOC") in ents or ("Oslo", "GPE_LOC") in ents, ents
    assert any(t.like_num and t.text == "tre" for t in doc)
