"""Gazetteer features for the NER: the class table from konflikt's own data, the per-token lookup,
and the tok2vec wrapper that appends the class embedding."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest
import spacy
from thinc.api import Model

from konflikt.nlp import gazetteer
from konflikt.nlp.gazetteer import (
    COUNTRY,
    ORGANISATION,
    PERSON,
    PLACE,
    gazetteer_class_ids,
    gazetteer_classes,
    gazetteer_tok2vec,
)

HEADER = "geonameid\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkeys\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A miniature of konflikt/data with one row or two of each source."""
    places = tmp_path / "places"
    places.mkdir()
    with gzip.open(places / "gazetteer_main.tsv.gz", "wt", encoding="utf8") as fh:
        fh.write(HEADER)
        fh.write("1\tplace\tTromsø\tNO\tTroms\t69.6\t18.9\t77000\ttromsø|tromso\n")
        fh.write("2\tcountry\tNorway\tNO\t\t62\t10\t5300000\tnorway|noreg\n")
        fh.write("3\tplace\tSand\tNO\tRogaland\t59.5\t6.3\t1000\tsand\n")
        fh.write("4\tplace\tNew Haven\tUS\tConnecticut\t41.3\t-72.9\t130000\tnew haven\n")
        fh.write("5\tplace\tCopenhagen\tDK\tCapital\t55.7\t12.6\t1150000\tcopenhagen\n")
    (places / "exonyms.tsv").write_text(
        "# exonym\ttarget\tcountry\tkind\nKøbenhavn\tCopenhagen\tDK\tplace\n", encoding="utf8"
    )
    (places / "countries_no.tsv").write_text(
        "# alpha3\tname_en\tadj_en\tnames_nb\tadj_nb\tnames_nn\tadj_nn\n"
        "NOR\tNorway\tNorwegian\tNorge\tnorsk\tNoreg\t\n",
        encoding="utf8",
    )
    (places / "common_words.txt").write_text("# common\nsand\nhaven\n", encoding="utf8")
    (places / "not_places.txt").write_text("# none\n", encoding="utf8")
    (tmp_path / "actors.yaml").write_text(
        "actors:\n"
        "  - {name: Red Cross Norway, kind: ngo, aliases: [Røde Kors, hjelpeorganisasjonen]}\n"
        "  - {name: Kari Nordmann, kind: person, aliases: [Nordmann]}\n"
        "  - {name: Northern Police District, kind: police, aliases: [Tromsø-politiet]}\n",
        encoding="utf8",
    )
    return tmp_path


def test_classes_come_from_the_place_and_actor_data(data_dir: Path) -> None:
    classes = gazetteer_classes(data_dir)
    assert classes["tromsø"] == PLACE
    assert classes["københavn"] == PLACE
    assert classes["norge"] == COUNTRY and classes["noreg"] == COUNTRY
    assert classes["røde"] == ORGANISATION and classes["kors"] == ORGANISATION
    assert classes["nordmann"] == PERSON and classes["kari"] == PERSON
    assert classes["new"] == PLACE


def test_common_words_descriptions_and_single_letters_are_left_out(data_dir: Path) -> None:
    classes = gazetteer_classes(data_dir)
    assert "sand" not in classes  # a place, but a common word
    assert "haven" not in classes
    assert "hjelpeorganisasjonen" not in classes  # a lower-case alias describes, it does not name
    assert all(len(word) >= 2 for word in classes)


def test_a_word_in_two_lists_carries_both_bits(data_dir: Path) -> None:
    classes = gazetteer_classes(data_dir)
    assert classes["norway"] == COUNTRY | ORGANISATION  # the country, and a word of the NGO's name
    assert classes["tromsø-politiet"] == ORGANISATION


def _initialised_class_ids(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Model:
    """A class-id layer initialised from the miniature data (the real table is built from
    konflikt/data when a pipeline is initialised for training)."""
    monkeypatch.setattr(gazetteer, "gazetteer_classes", lambda: gazetteer_classes(data_dir))
    model = gazetteer_class_ids()
    model.initialize()
    return model


def test_lookup_marks_each_token_case_insensitively(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    model = _initialised_class_ids(monkeypatch, data_dir)
    nlp = spacy.blank("nb")
    doc = nlp.make_doc("Røde Kors sendte hjelp fra TROMSØ til Norge og Sand i går")
    [ids] = model.predict([doc])
    assert ids.shape == (len(doc), 1)
    by_word = {t.text: int(i) for t, i in zip(doc, ids[:, 0], strict=True)}
    assert by_word == {
        "Røde": ORGANISATION, "Kors": ORGANISATION, "sendte": 0, "hjelp": 0, "fra": 0,
        "TROMSØ": PLACE, "til": 0, "Norge": COUNTRY, "og": 0, "Sand": 0, "i": 0, "går": 0,
    }  # fmt: skip


def test_the_table_travels_with_the_model(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    trained = _initialised_class_ids(monkeypatch, data_dir)
    loaded = gazetteer_class_ids().from_bytes(trained.to_bytes())
    doc = spacy.blank("nb").make_doc("Nordmann i København")
    assert np.array_equal(loaded.predict([doc])[0], trained.predict([doc])[0])
    assert loaded.predict([doc])[0][:, 0].tolist() == [PERSON, 0, PLACE]


def test_wrapper_appends_the_class_embedding(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    _initialised_class_ids(monkeypatch, data_dir)  # patches the table's source for the wrapper
    tok2vec = spacy.registry.architectures.get("spacy.Tok2Vec.v2")(
        embed=spacy.registry.architectures.get("spacy.MultiHashEmbed.v2")(
            width=32, attrs=["NORM", "SHAPE"], rows=[500, 50], include_static_vectors=False
        ),
        encode=spacy.registry.architectures.get("spacy.MaxoutWindowEncoder.v2")(
            width=32, depth=1, window_size=1, maxout_pieces=2
        ),
    )
    model = gazetteer_tok2vec(tok2vec, feature_width=8)
    doc = spacy.blank("nb").make_doc("Røde Kors kom til Tromsø")
    model.initialize(X=[doc])
    [vectors] = model.predict([doc])
    assert vectors.shape == (len(doc), 32 + 8)
    assert model.get_ref("tok2vec") is tok2vec
    # Two tokens of the same class get the same appended features; another class does not.
    assert np.allclose(vectors[0, 32:], vectors[1, 32:])
    assert not np.allclose(vectors[0, 32:], vectors[4, 32:])
