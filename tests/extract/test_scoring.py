"""The §6 metric on small hand-made event lists."""

from __future__ import annotations

from typing import Any

import pytest

from konflikt.extract.scoring import content_words, match, score
from konflikt.model import Event, Evidence, Location, Party, Quantity


def gold(eid: str, etype: str, start: int, end: int, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "article_id": eid, "event_type": etype, "mode": None, "actor": None,
        "recipient": None, "location": None, "date": None, "quantities": [],
        "source": None, "stance": "asserted", "optional": False,
        "evidence": {"sentence": "x", "start": start, "end": end},
    }  # fmt: skip
    base.update(kw)
    return base


def pred(etype: str, start: int, end: int, **kw: Any) -> Event:
    return Event(event_type=etype, evidence=Evidence("x", start, end), **kw)


def test_perfect_and_wrong_type() -> None:
    golds = [gold("a", "ASSAULT", 0, 50), gold("a", "COERCE", 60, 90)]
    preds = {"a": [pred("ASSAULT", 0, 50), pred("PROTEST", 60, 90)]}
    s = score(preds, golds, ["a"])
    assert s["precision"] == 0.5
    assert s["recall"] == 0.5
    assert s["detection_recall"] == 1.0
    assert s["counts"]["fp"] == 1 and s["counts"]["fn"] == 1


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    golds = [gold("a", "ASSAULT", 0, 50), gold("a", "REQUEST", 60, 90, optional=True)]
    with_opt = score({"a": [pred("ASSAULT", 0, 50), pred("REQUEST", 60, 90)]}, golds, ["a"])
    without = score({"a": [pred("ASSAULT", 0, 50)]}, golds, ["a"])
    assert with_opt["precision"] == without["precision"] == 1.0
    assert with_opt["recall"] == without["recall"] == 1.0
    assert with_opt["counts"]["matched_optional"] == 1


def test_article_without_gold_counts_false_positives() -> None:
    s = score({"b": [pred("PROTEST", 0, 10)]}, [gold("a", "PROTEST", 0, 10)], ["a", "b"])
    assert s["precision"] == 0.0 and s["recall"] == 0.0 and s["counts"]["fp"] == 1


def test_each_gold_matches_once_best_agreement_first() -> None:
    g = gold("a", "COERCE", 0, 100, actor={"text": "politiet", "name": "Norwegian police"})
    weak = pred("COERCE", 0, 100, actor=Party("demonstrantene"))
    strong = pred("COERCE", 10, 60, actor=Party("Politiet i Oslo"))
    pairs = match([weak.to_dict(), strong.to_dict()], [g])
    assert pairs == [(1, 0)]
    s = score({"a": [weak, strong]}, [g], ["a"])
    assert s["precision"] == 0.5 and s["fields"]["actor"] == 1.0


def test_field_rules() -> None:
    g = gold(
        "a", "ASSAULT", 0, 100,
        actor={"text": "IS-krigere", "name": "Islamic State"},
        recipient={"text": "irakiske soldater", "name": "Iraqi military"},
        location={"text": "Mosul", "lat": 36.34, "lon": 43.13, "country": "IQ",
                  "precision": "place"},
        date={"text": "lørdag", "start": "2017-10-14", "end": "2017-10-14", "precision": "day"},
        quantities=[{"text": "om lag 100", "best": 100}],
        source={"text": "koalisjonen", "name": "US-led coalition", "via": ["AFP"]},
        stance="hedged",
    )  # fmt: skip
    from konflikt.model import EventDate

    good = pred(
        "ASSAULT", 0, 100,
        actor=Party("IS"), recipient=Party("soldatene", name="Iraqi military"),
        location=Location("Mosul", lat=36.5, lon=43.0, country="IQ"),
        date=EventDate("fredag", start="2017-10-13"),
        quantities=[Quantity("100", best=100), Quantity("3", best=3)],
        source=Party("den USA-ledede koalisjonen"), stance="hedged",
    )  # fmt: skip
    s = score({"a": [good]}, [g], ["a"])
    fields = s["fields"]
    assert fields["recipient"] == fields["location"] == fields["date"] == 1.0
    assert fields["quantities"] == fields["source"] == fields["stance"] == 1.0
    assert fields["actor"] == 1.0  # "IS" and "IS-krigere" share the word "is"
    bad = pred(
        "ASSAULT", 0, 100, actor=Party("irakiske soldater"),
        location=Location("Bagdad", lat=33.34, lon=44.40, country="IQ"),
        date=EventDate("torsdag", start="2017-10-11"),
        quantities=[Quantity("3", best=3)], stance="asserted",
    )  # fmt: skip
    s = score({"a": [bad]}, [g], ["a"])
    assert all(v == 0.0 for v in s["fields"].values())


def test_country_precision_and_missing_values() -> None:
    g = gold("a", "COERCE", 0, 10, location={"text": "Chile", "country": "CL",
                                             "precision": "country", "lat": -30, "lon": -71})
    p = pred("COERCE", 0, 10, location=Location("Santiago", country="CL", lat=-33.4, lon=-70.6))
    s = score({"a": [p]}, [g], ["a"])
    assert s["fields"]["location"] == 1.0
    assert s["fields"]["actor"] is None  # gold has no actor: not measured
    assert s["fields"]["date"] is None


def test_content_words() -> None:
    assert content_words("Tyrkias regjering") == {"tyrkia", "regjering"}
    assert "og" not in content_words("Frankrike og Storbritannia")


@pytest.mark.parametrize("typed", [True, False])
def test_no_overlap_no_match(typed: bool) -> None:
    assert match([pred("ASSAULT", 0, 10).to_dict()], [gold("a", "ASSAULT", 10, 20)],
                 typed=typed) == []


def test_stopword_file_is_words() -> None:
    from konflikt.extract.scoring import STOPWORDS

    assert "on" in STOPWORDS and "og" in STOPWORDS
    assert all(w.isalpha() and w == w.lower() for w in STOPWORDS)
