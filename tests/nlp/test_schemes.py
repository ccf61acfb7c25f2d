"""The OBT -> UD mapping and the NDT label map."""

from __future__ import annotations

import pytest
import yaml

from konflikt.nlp.schemes import (
    SCHEMES_PATH,
    obt_tag,
    role_of,
    schemes,
    split_feats,
    to_ud,
    ud_relation,
)

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
DEF_MASC_SG = "Definite=Def|Gender=Masc|Number=Sing"
POSS = "Gender=Masc|Number=Sing|Poss=Yes|PronType=Prs"
DEN = "Gender=Fem,Masc|Number=Sing|Person=3|PronType=Prs"


def test_data_file_is_valid() -> None:
    raw = yaml.safe_load(SCHEMES_PATH.read_text(encoding="utf8"))
    assert set(raw["upos"].values()) <= UPOS
    for value in raw["feats"].values():
        for kv in value.split("|"):
            key, _, val = kv.partition("=")
            assert key[:1].isupper() and val, kv
    roles = {label for labels in raw["roles"].values() for label in labels}
    assert roles <= set(raw["ndt_to_ud"])


@pytest.mark.parametrize(
    ("pos", "feats", "lemma", "form", "deps", "expected"),
    [
        ("subst", "appell|mask|be|ent", "soldat", "soldaten", (), ("NOUN", DEF_MASC_SG)),
        ("subst", "prop", "Oslo", "Oslo", (), ("PROPN", "")),
        ("subst", "prop|gen", "NTB", "NTBs", (), ("PROPN", "Case=Gen")),
        ("verb", "pres", "ha", "har", ("INFV",), ("AUX", "Mood=Ind|Tense=Pres|VerbForm=Fin")),
        ("verb", "pres", "ha", "har", ("DOBJ",), ("VERB", "Mood=Ind|Tense=Pres|VerbForm=Fin")),
        ("verb", "pret", "være", "var", ("SPRED",), ("AUX", "Mood=Ind|Tense=Past|VerbForm=Fin")),
        ("verb", "inf|pass", "drepe", "drepes", (), ("VERB", "VerbForm=Inf|Voice=Pass")),
        ("det", "fl|kvant", "tre", "tre", (), ("NUM", "Number=Plur|NumType=Card")),
        ("det", "fl|kvant", "12", "12", (), ("NUM", "Number=Plur|NumType=Card")),
        ("det", "mask|ent|kvant", "en", "en", (), ("DET", "Gender=Masc|Number=Sing|PronType=Art")),
        ("det", "mask|ent|poss", "min", "min", (), ("PRON", POSS)),
        ("adv", "_", "ikke", "ikke", (), ("PART", "Polarity=Neg")),
        ("sbu", "_", "som", "som", (), ("PRON", "PronType=Rel")),
        ("prep", "_", "i", "i", (), ("ADP", "")),
        ("<komma>", "_", ",", ",", (), ("PUNCT", "")),
        ("pron", "mask|fem|ent|pers|3", "den", "den", (), ("PRON", DEN)),
    ],
)
def test_to_ud(pos: str, feats: str, lemma: str, form: str, deps: tuple[str, ...],
               expected: tuple[str, str]) -> None:
    assert to_ud(pos, feats, lemma, form, child_deps=deps) == expected


def test_preposition_governing_a_verb_is_a_subordinator() -> None:
    assert to_ud("prep", "_", "for", "for", child_pos={"verb"})[0] == "SCONJ"
    assert to_ud("prep", "_", "for", "for", child_pos={"subst"})[0] == "ADP"


def test_obt_tag_is_canonical() -> None:
    # The same analysis written in two orders gives one tag; spelling markers are dropped.
    assert obt_tag("adj", "ub|m/f|ent|pos") == obt_tag("adj", "m/f|ub|ent|pos")
    assert obt_tag("subst", "appell|mask|ub|ent|samset") == "subst|appell|mask|ub|ent"
    assert obt_tag("<komma>", "_") == "clb|<komma>"
    assert obt_tag("clb", "<punkt>") == "clb|<punkt>"


def test_split_feats() -> None:
    assert split_feats("_") == []
    assert split_feats("appell|nøyt") == ["appell", "nøyt"]


def test_ndt_labels_map_to_roles() -> None:
    assert ud_relation("SUBJ") == "nsubj"
    assert ud_relation("DOBJ") == "obj"
    assert ud_relation("NOT-A-LABEL") == "dep"
    assert role_of("SUBJ") == "subject"
    assert role_of("PUTFYLL") == "prepositional_object"
    assert role_of("IP") is None
    assert "FINV" in schemes().roles["root"]
