"""Gazetteer features for the NER: does a word belong to a known place, country, organisation
or person name?

`konflikt.GazetteerTok2Vec.v1` wraps the NER's own tok2vec: to each token's vector it appends a
small learned embedding of the token's gazetteer class, a 4-bit mask (country, other place,
organisation, person) of the name lists the lower-cased word occurs in. The NER's parser model
sees the classes of the tokens around its state, so "i X" with X a known town, or X a known
party, is evidence it can weigh against the context; an unknown name costs nothing.

The lists are konflikt's own data, the same the resolvers use (never NorNE): the GeoNames-derived
place gazetteer and exonyms in `data/places/`, the Norwegian country names in
`data/places/countries_no.tsv` and the named actors of `data/actors.yaml`. Words of names that are
also common Norwegian words (`data/places/common_words.txt`: "sand", "vik", "de", "man") or shorter
than two letters are left out. The table is built when the pipeline is initialised for training
and is stored in the model (sorted 64-bit word hashes and their classes), so a shipped pipeline
does not depend on the data files it was built from; a lookup is a vectorised binary search over
the `LOWER` hashes of a document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import yaml
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Embed, Model, chain, concatenate, with_array
from thinc.types import Floats2d, Ints2d

from konflikt.paths import DATA_DIR
from konflikt.resolve.countries import read_countries_no
from konflikt.resolve.places import Gazetteer

COUNTRY, PLACE, ORGANISATION, PERSON = 1, 2, 4, 8
N_CLASSES = 16  # every combination of the four bits
MIN_CHARS = 2


def _name_words(name: str) -> Iterator[str]:
    for word in name.split():
        word = word.strip(",.()'\"").lower()
        if len(word) >= MIN_CHARS:
            yield word


def gazetteer_classes(data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Every name word of konflikt's place and actor data, lower-cased, with its class bits.
    Places come through the resolver's own index of the gazetteer and exonyms, so the features
    see the names the resolver knows, and its list of common words is the one left out."""
    places = Gazetteer(data_dir / "places")
    classes: dict[str, int] = {}

    def mark(names: Iterable[str], bit: int) -> None:
        for name in names:
            for word in _name_words(name):
                classes[word] = classes.get(word, 0) | bit

    for index in (places.main, places.exonyms):
        for key, features in index.items():
            for feature in features:
                mark([key], COUNTRY if feature.kind == "country" else PLACE)
    for row in read_countries_no(data_dir / "places" / "countries_no.tsv"):
        names = [row["name_en"], row["names_nb"], row["names_nn"]]
        mark((n for cell in names for n in cell.split("|") if n), COUNTRY)
    with (data_dir / "actors.yaml").open(encoding="utf8") as fh:
        actors = yaml.safe_load(fh)["actors"]
    for actor in actors:
        # Lower-case aliases are descriptions ("fremmedkrigere", "kalifatet"), not names.
        names = [a for a in [actor["name"], *actor.get("aliases", [])] if a != a.lower()]
        mark(names, PERSON if actor["kind"] == "person" else ORGANISATION)
    return {word: bits for word, bits in classes.items() if word not in places.stopwords}


def _table(classes: dict[str, int]) -> tuple[bytes, bytes]:
    keys = np.array([hash_string(word) for word in classes], dtype=np.uint64)
    values = np.array(list(classes.values()), dtype=np.uint8)
    order = np.argsort(keys)
    return keys[order].tobytes(), values[order].tobytes()


def _lookup(model: Model[list[Doc], list[Ints2d]], docs: list[Doc]) -> list[Ints2d]:
    keys = np.frombuffer(model.attrs["keys"], dtype=np.uint64)
    values = np.frombuffer(model.attrs["values"], dtype=np.uint8)
    out = []
    for doc in docs:
        lowers = doc.to_array(LOWER).astype(np.uint64)
        if len(keys):
            at = np.minimum(np.searchsorted(keys, lowers), len(keys) - 1)
            found = np.where(keys[at] == lowers, values[at], 0)
        else:
            found = np.zeros(len(lowers), dtype=np.uint8)
        out.append(model.ops.asarray2i(found.astype("int32").reshape(-1, 1)))
    return out


def _classes_forward(
    model: Model[list[Doc], list[Ints2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Ints2d], object]:
    return _lookup(model, docs), lambda d_classes: []


def _classes_init(
    model: Model[list[Doc], list[Ints2d]], X: object = None, Y: object = None
) -> None:
    if not model.attrs["keys"]:  # a loaded pipeline brings its table in its attrs
        model.attrs["keys"], model.attrs["values"] = _table(gazetteer_classes())


def gazetteer_class_ids() -> Model[list[Doc], list[Ints2d]]:
    """Docs -> one column of class ids (0-15) per token."""
    return Model(
        "gazetteer_classes",
        _classes_forward,
        init=_classes_init,
        attrs={"keys": b"", "values": b""},
    )


@registry.architectures("konflikt.GazetteerTok2Vec.v1")
def gazetteer_tok2vec(
    tok2vec: Model[list[Doc], list[Floats2d]], feature_width: int = 16
) -> Model[list[Doc], list[Floats2d]]:
    """`tok2vec`'s output with a `feature_width` embedding of each token's gazetteer class
    appended. The wrapped tok2vec stays reachable as the "tok2vec" reference (pretraining)."""
    features = chain(gazetteer_class_ids(), with_array(Embed(feature_width, N_CLASSES, column=0)))
    model: Model[list[Doc], list[Floats2d]] = concatenate(tok2vec, features)
    model.set_ref("tok2vec", tok2vec)
    if tok2vec.has_dim("nO") and tok2vec.get_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + feature_width)
    return model
