"""Norwegian NLP: the trained spaCy pipelines for Bokmål (nb) and Nynorsk (nn).

    nlp = konflikt.nlp.load("nb")
    doc = nlp("Politiet i Oslo rykket ut kl. 14.")

Annotation schemes (see konflikt/nlp/schemes.py): `token.tag_` Oslo-Bergen tag, `token.pos_` and
`token.morph` UD, `token.dep_` NDT labels, `doc.ents` the nine NorNE labels.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# Registered functions the shipped configs refer to: imported before any spacy.load.
import konflikt.nlp.components  # noqa: F401
import konflikt.nlp.gazetteer  # noqa: F401
import konflikt.nlp.tokenizer  # noqa: F401
from konflikt.errors import ModelError
from konflikt.paths import MODELS_DIR

LANGUAGES = ("nb", "nn")
__all__ = ["LANGUAGES", "load", "model_path"]


def model_path(lang: str) -> Path:
    """Directory of the shipped pipeline for `lang` ("nb" or "nn")."""
    if lang not in LANGUAGES:
        raise ModelError(
            f"no pipeline for language {lang!r}; supported: {', '.join(LANGUAGES)}", origin=lang
        )
    return MODELS_DIR / lang


@lru_cache(maxsize=len(LANGUAGES))
def load(lang: str) -> Language:
    """The spaCy pipeline for `lang`, loaded once per process, offline.

    Raises ModelError for an unsupported language or a missing or damaged model directory.
    """
    path = model_path(lang)
    if not (path / "config.cfg").is_file():
        raise ModelError(
            f"the {lang} pipeline is not installed at {path}; build it with `make models`",
            origin=str(path),
        )
    try:
        return spacy.load(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the {lang} pipeline: {exc}", origin=str(path)) from exc
