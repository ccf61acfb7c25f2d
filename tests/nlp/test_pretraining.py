"""Pretraining of the NER's own tok2vec: the raw text, the pretraining config derived from the
stage-2 config, and the callback that starts stage 2 from pretrained weights."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import spacy
import srsly
from spacy.util import load_config

from konflikt.nlp.pretraining import (
    PRETRAINED_COMPONENT,
    pretrained_ner_tok2vec,
    pretraining_config,
    write_raw_text,
)
from konflikt.paths import PACKAGE_DIR

NER_CFG = PACKAGE_DIR / "nlp" / "configs" / "ner.cfg"


def _shared(tmp_path: Path) -> Path:
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    with gzip.open(raw / "norec-reviews.txt.gz", "wt", encoding="utf8") as fh:
        fh.write("# doc 000001\nKort tittel\n\nFilmen er lang, men verdt hver eneste time.\n")
    train = tmp_path / "data" / "norne" / "ndt" / "nob" / "train"
    train.mkdir(parents=True)
    rows = ["1\tFergen\t_", "2\tla\t_", "3\tfra\t_", "4\tkai\t_", "5\ti\t_", "6\tgår\t_"]
    (train / "a.conll").write_text("\n".join(rows) + "\n\n", encoding="utf8")
    (tmp_path / "data" / "norne" / "ndt" / "nno" / "train").mkdir(parents=True)
    return tmp_path


def test_raw_text_leaves_out_titles_and_document_markers(tmp_path: Path) -> None:
    out = tmp_path / "raw.jsonl"
    assert write_raw_text(out, shared=_shared(tmp_path)) == 8 + 6
    texts = sorted(line["text"] for line in srsly.read_jsonl(out))
    assert texts == ["Fergen la fra kai i går", "Filmen er lang, men verdt hver eneste time."]


def test_raw_text_stops_at_the_word_limit(tmp_path: Path) -> None:
    out = tmp_path / "raw.jsonl"
    assert write_raw_text(out, max_words=5, shared=_shared(tmp_path)) in (6, 8)
    assert len(list(srsly.read_jsonl(out))) == 1


def test_pretraining_config_holds_only_the_ners_own_tok2vec() -> None:
    stage2 = load_config(NER_CFG, interpolate=False)
    config = pretraining_config(stage2)
    assert config["nlp"]["pipeline"] == [PRETRAINED_COMPONENT]
    model = config["components"][PRETRAINED_COMPONENT]["model"]
    # the gazetteer wrapper is left out: what is pretrained is the tok2vec inside it
    assert model["@architectures"] == "spacy.Tok2Vec.v2"
    assert model == stage2["components"]["ner"]["model"]["tok2vec"]["tok2vec"]
    assert config["initialize"]["after_init"] is None
    assert stage2["nlp"]["pipeline"][-1] == "ner"  # the stage-2 config itself is untouched


def test_callback_loads_pretrained_weights_into_the_ners_tok2vec(tmp_path: Path) -> None:
    def tok2vec_config() -> dict[str, object]:
        return {
            "@architectures": "konflikt.GazetteerTok2Vec.v1",
            "feature_width": 4,
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 16,
                          "attrs": ["NORM"], "rows": [100], "include_static_vectors": False},
                "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16,
                           "depth": 1, "window_size": 1, "maxout_pieces": 2},
            },
        }  # fmt: skip

    def pipeline() -> spacy.language.Language:
        nlp = spacy.blank("nb")
        model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                 "extra_state_tokens": False, "hidden_width": 8, "maxout_pieces": 2,
                 "use_upper": True, "tok2vec": tok2vec_config()}  # fmt: skip
        nlp.add_pipe("ner", config={"model": model}).add_label("LOC")
        nlp.initialize()
        return nlp

    def inner(nlp: spacy.language.Language) -> object:
        return nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0].get_ref("tok2vec")

    pretrained, fresh = pipeline(), pipeline()
    weights = tmp_path / "model-last.bin"
    weights.write_bytes(inner(pretrained).to_bytes())  # type: ignore[attr-defined]
    doc = fresh.make_doc("Ferga gikk fra Tromsø")
    before = inner(fresh).predict([doc])[0]  # type: ignore[attr-defined]
    pretrained_ner_tok2vec(None)(fresh)  # no path: nothing changes
    assert np.array_equal(inner(fresh).predict([doc])[0], before)  # type: ignore[attr-defined]
    pretrained_ner_tok2vec(weights)(fresh)
    after = inner(fresh).predict([doc])[0]  # type: ignore[attr-defined]
    assert np.array_equal(after, inner(pretrained).predict([doc])[0])  # type: ignore[attr-defined]
    assert not np.array_equal(after, before)
