"""The one place that maps between annotation schemes.

The shipped pipelines are trained on NDT (Norwegian Dependency Treebank) with NorNE entities:

- `token.tag_` is the Oslo-Bergen tag (OBT): part of speech and grammatical features joined by "|",
  in a canonical order, e.g. ``subst|appell|mask|be|ent`` or ``verb|pret`` (see `obt_tag`).
- `token.pos_` / `token.morph` are UPOS / UD FEATS, obtained from OBT by the deterministic rules in
  ``konflikt/data/nlp/schemes.yaml`` (see `to_ud`).
- `token.dep_` is an **NDT** label (SUBJ, DOBJ, PUTFYLL, FINV, ...). NDT is not UD: the preposition
  heads its complement (PUTFYLL), the auxiliary heads the main verb (INFV), the subordinator heads
  its clause (SBU). `NDT_TO_UD` gives the nearest UD relation of each label and `ROLES` groups the
  labels by the part they play, for code that wants "subject" or "object" without knowing NDT.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from konflikt.paths import DATA_DIR

SCHEMES_PATH = DATA_DIR / "nlp" / "schemes.yaml"


@dataclass(frozen=True, slots=True)
class Schemes:
    upos: dict[str, str]
    feats: dict[str, str]
    tag_ignore: frozenset[str]
    tag_order: dict[str, int]
    aux_copula: frozenset[str]
    aux_with_verb: frozenset[str]
    det_article: frozenset[str]
    det_total: frozenset[str]
    det_negative: frozenset[str]
    number_words: frozenset[str]
    negation: frozenset[str]
    relative: frozenset[str]
    prep_sconj: frozenset[str]
    prep_adv: frozenset[str]
    ndt_to_ud: dict[str, str]
    roles: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def schemes() -> Schemes:
    """The mapping tables, read once from the YAML data file."""
    raw: dict[str, Any] = yaml.safe_load(SCHEMES_PATH.read_text(encoding="utf8"))
    return Schemes(
        upos={str(k): str(v) for k, v in raw["upos"].items()},
        feats={str(k): str(v) for k, v in raw["feats"].items()},
        tag_ignore=frozenset(str(x) for x in raw["tag_ignore"]),
        tag_order={str(x): i for i, x in enumerate(raw["tag_order"])},
        aux_copula=frozenset(raw["aux_copula"]),
        aux_with_verb=frozenset(raw["aux_with_verb"]),
        det_article=frozenset(raw["det_article"]),
        det_total=frozenset(raw["det_total"]),
        det_negative=frozenset(raw["det_negative"]),
        number_words=frozenset(raw["number_words"]),
        negation=frozenset(raw["negation"]),
        relative=frozenset(raw["relative"]),
        prep_sconj=frozenset(raw["prep_sconj"]),
        prep_adv=frozenset(raw["prep_adv"]),
        ndt_to_ud={str(k): str(v) for k, v in raw["ndt_to_ud"].items()},
        roles={str(k): frozenset(v) for k, v in raw["roles"].items()},
    )


def split_feats(feats: str) -> list[str]:
    """OBT feature column ("appell|mask|ub|ent", "_") as a list of values."""
    return [f for f in feats.split("|") if f and f != "_"]


def obt_tag(pos: str, feats: str) -> str:
    """The fine-grained tag stored in `token.tag_`: POS plus grammatical features, canonical order.

    Punctuation tags written as markers (``<komma>``, ``<anf>``) become ``clb|<komma>`` so every tag
    starts with one of the OBT parts of speech.
    """
    s = schemes()
    if pos.startswith("<"):
        return f"clb|{pos}"
    values = [f for f in split_feats(feats) if f not in s.tag_ignore]
    if pos == "clb":
        values = [f for f in split_feats(feats) if f != "<overskrift>"]
    values = sorted(dict.fromkeys(values), key=lambda v: (s.tag_order.get(v, len(s.tag_order)), v))
    return "|".join([pos, *values])


def _is_number(form: str, lemma: str) -> bool:
    text = lemma.lower()
    return any(c.isdigit() for c in form) or text in schemes().number_words


def to_ud(
    pos: str,
    feats: str,
    lemma: str,
    form: str,
    *,
    child_pos: Collection[str] = (),
    child_deps: Collection[str] = (),
) -> tuple[str, str]:
    """UPOS and UD FEATS ("Key=Value|..." or "") for one OBT-annotated token.

    `child_pos` and `child_deps` are the OBT POS and NDT labels of the token's dependents: the AUX
    and SCONJ decisions need them (an auxiliary governs a verb; a preposition governing a verb is a
    subordinator in UD).
    """
    s = schemes()
    values = split_feats(feats)
    low = lemma.lower()
    upos = s.upos.get(pos, "X")
    extra: list[str] = []
    if pos == "subst":
        if "prop" in values:
            upos = "PROPN"
        elif "symb" in values:
            upos = "SYM"
    elif pos == "verb":
        governs = set(child_deps)
        if (low in s.aux_copula and governs & {"INFV", "SPRED", "FSPRED"}) or (
            low in s.aux_with_verb and "INFV" in governs
        ):
            upos = "AUX"
    elif pos == "det":
        if "kvant" in values:
            if _is_number(form, lemma) and low not in s.det_article:
                upos = "NUM"
                extra.append("NumType=Card")
            elif low in s.det_article:
                extra.append("PronType=Art")
            elif low in s.det_total:
                extra.append("PronType=Tot")
            elif low in s.det_negative:
                extra += ["Polarity=Neg", "PronType=Neg"]
            else:
                extra.append("PronType=Ind")
        if "poss" in values:
            upos = "PRON"
    elif pos == "adv" and low in s.negation:
        upos = "PART"
        extra.append("Polarity=Neg")
    elif pos == "sbu" and low in s.relative:
        upos = "PRON"
        extra.append("PronType=Rel")
    elif pos == "prep" and low in s.prep_adv:
        upos = "ADV"
    elif pos == "prep" and (
        low in s.prep_sconj or "verb" in child_pos or "inf-merke" in child_pos
    ):
        upos = "SCONJ"
    if upos in ("ADP", "SCONJ", "CCONJ", "PUNCT", "SYM", "X", "INTJ"):
        # UD gives these no features except abbreviation.
        return upos, "Abbr=Yes" if "fork" in values else ""
    if upos == "PART":
        return upos, "|".join(extra)
    return upos, _join_feats([*(s.feats.get(v, "") for v in values), *extra])


def _join_feats(parts: list[str]) -> str:
    """Merge "Key=Value" pieces; a key given twice gets both values ("Gender=Fem,Masc")."""
    merged: dict[str, set[str]] = {}
    for part in parts:
        for kv in part.split("|"):
            if "=" in kv:
                key, value = kv.split("=", 1)
                merged.setdefault(key, set()).add(value)
    # UD orders features by key, case-insensitively ("Number" before "NumType").
    items = sorted(merged.items(), key=lambda kv: kv[0].lower())
    return "|".join(f"{k}={','.join(sorted(v))}" for k, v in items)


def ud_relation(ndt_label: str) -> str:
    """Nearest UD relation for an NDT label ("dep" when unknown)."""
    return schemes().ndt_to_ud.get(ndt_label, "dep")


def role_of(ndt_label: str) -> str | None:
    """The role group ("subject", "object", "oblique", ...) of an NDT label, or None."""
    for role, labels in schemes().roles.items():
        if ndt_label in labels:
            return role
    return None
