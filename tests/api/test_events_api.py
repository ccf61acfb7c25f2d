"""Reading events: paging, every filter, sorting, detail, article, stats, actors, map, claims."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from konflikt.api import create_app
from konflikt.model import Article, Event, EventDate, Evidence, Location, Party
from konflikt.pipeline import ArticleResult
from konflikt.store import Store


def _ids(response: object) -> list[str]:
    body = response.json()  # type: ignore[attr-defined]
    return [e["id"] for e in body["items"]]


def test_lists_all_events_with_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 5
    assert len(body["items"]) == 5
    # Default order is by date; the undated events (REJECT, riot) come last.
    dates = [(e["date"] or {}).get("start") for e in body["items"]]
    assert dates[:3] == ["2026-03-13", "2026-03-14", "2026-04-05"]
    assert dates[3:] == [None, None]


def test_paging_is_stable_and_complete(client: TestClient) -> None:
    pages = [client.get("/api/events", params={"limit": 2, "offset": o}).json() for o in (0, 2, 4)]
    ids = [e["id"] for p in pages for e in p["items"]]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert all(p["total"] == 5 for p in pages)


@pytest.mark.parametrize(
    ("params", "expected_types"),
    [
        ({"type": "ASSAULT"}, ["ASSAULT", "ASSAULT"]),
        ({"mode": "riot"}, ["PROTEST"]),
        ({"country": "NOR"}, ["COERCE"]),
        ({"country": "SY"}, ["ASSAULT", "ASSAULT"]),
        ({"actor": "jagerfly"}, ["ASSAULT"]),
        ({"place": "idlib"}, ["ASSAULT"]),
        ({"source": "AFP"}, ["ASSAULT"]),
        ({"stance": "hedged"}, ["PROTEST"]),
        ({"q": "stein"}, ["PROTEST"]),
        ({"since": "2026-04", "until": "2026-04-30"}, ["COERCE"]),
        ({"until": "2026-03-13"}, ["ASSAULT"]),
        ({"bbox": "35,34,37,36"}, ["ASSAULT", "ASSAULT"]),
        ({"bbox": "10,59,11,60"}, ["COERCE"]),
        ({"bbox": "0,0,1,1"}, []),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected_types: list[str]) -> None:
    body = client.get("/api/events", params=params).json()
    assert sorted(e["event_type"] for e in body["items"]) == sorted(expected_types)
    assert body["total"] == len(expected_types)


def test_sorting(client: TestClient) -> None:
    asc = client.get("/api/events", params={"sort": "confidence"}).json()["items"]
    desc = client.get("/api/events", params={"sort": "-confidence"}).json()["items"]
    assert desc[0]["confidence"] == 0.8 and asc[-1]["confidence"] == 0.8
    by_type = [e["event_type"] for e in client.get("/api/events?sort=type").json()["items"]]
    assert by_type == sorted(by_type)


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"offset": -1}, "offset"),
        ({"since": "14.03.2026"}, "since"),
        ({"since": "2026-02-30"}, "not a date"),
        ({"type": "BOMBING"}, "type"),
        ({"country": "Atlantis"}, "unknown country"),
        ({"bbox": "1,2,3"}, "four numbers"),
        ({"bbox": "40,0,30,10"}, "minlon"),
        ({"sort": "random"}, "sort"),
    ],
)
def test_bad_query_is_422_with_a_reason(
    client: TestClient, params: dict[str, object], needle: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert needle in response.text


def test_event_detail_has_article_and_no_reviews(client: TestClient) -> None:
    first = client.get("/api/events", params={"mode": "aerial"}).json()["items"][0]
    detail = client.get(f"/api/events/{first['id']}").json()
    assert detail["event"]["id"] == first["id"]
    assert detail["article"]["title"] == "Regjeringsstyrker tok Kafr Nabl"
    assert detail["reviews"] == [] and detail["event"]["review"] is None
    assert detail["effective"]["event_type"] == "ASSAULT"


def test_unknown_event_and_article_are_404(client: TestClient) -> None:
    assert client.get("/api/events/0123456789abcdef").status_code == 404
    assert client.get("/api/events/not-hex!").status_code == 422
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_article_offsets_point_at_the_spans(client: TestClient) -> None:
    article = client.get("/api/articles/test-syria-1").json()
    text = article["text"]
    assert len(article["events"]) == 3
    for data in article["events"]:
        event = Event.from_dict({k: v for k, v in data.items() if k not in ("id", "review")})
        ev = event.evidence
        assert text[ev.start : ev.end] == ev.sentence
        if event.actor and event.actor.start is not None:
            assert text[event.actor.start : event.actor.end] == event.actor.text
        for q in event.quantities:
            assert text[q.start : q.end] == q.text


def test_article_lists_its_entities_in_text_order(client: TestClient) -> None:
    article = client.get("/api/articles/test-oslo-1").json()
    text = article["text"]
    assert [(e["text"], e["label"]) for e in article["entities"]] == [
        ("Oslo", "GPE_LOC"),
        ("Stortinget", "ORG"),
        ("NTB", "ORG"),
    ]
    for ent in article["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert "entities" in schema["ArticleOut"]["properties"]
    assert set(schema["EntityOut"]["required"]) == {"start", "end", "label", "text"}


def test_stats_by_type_week_and_country(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["total"] == 5
    assert {i["key"]: i["count"] for i in stats["by_type"]} == {
        "ASSAULT": 2, "REJECT": 1, "COERCE": 1, "PROTEST": 1,
    }  # fmt: skip
    # 2026-03-13 and -14 are Friday and Saturday of the week starting Monday 2026-03-09;
    # 2026-04-05 is a Sunday, in the week of Monday 2026-03-30.
    assert stats["by_week"] == [
        {"key": "2026-03-09", "count": 2}, {"key": "2026-03-30", "count": 1},
    ]  # fmt: skip
    assert {i["key"]: i["count"] for i in stats["by_country"]} == {"SY": 2, "NO": 1}
    assert stats["undated"] == 2 and stats["unplaced"] == 2
    filtered = client.get("/api/stats", params={"country": "NO"}).json()
    assert filtered["total"] == 1 and filtered["by_type"] == [{"key": "COERCE", "count": 1}]


def test_actors_and_map(client: TestClient) -> None:
    actors = {a["name"]: a["count"] for a in client.get("/api/actors").json()}
    assert actors["Syrian Army"] == 1 and actors["Oslo politidistrikt"] == 1
    assert len(client.get("/api/actors", params={"limit": 1}).json()) == 1
    places = client.get("/api/map").json()
    assert sorted(p["name"] for p in places) == ["Idlib", "Kafr Nabl", "Oslo"]
    assert all(p["count"] == 1 for p in places)


def test_claims_put_sources_side_by_side(client: TestClient) -> None:
    # Kafr Nabl (35.59, 36.56) and Idlib (35.93, 36.63) are 40 km apart: not the same place.
    occupy = client.get("/api/events", params={"mode": "occupy"}).json()["items"][0]
    claims = client.get(f"/api/events/{occupy['id']}/claims").json()
    assert claims["place"] == "Kafr Nabl" and claims["start"] == "2026-03-14"
    assert [c["source"] for c in claims["sources"]] == ["AFP"]
    undated = client.get("/api/events", params={"type": "REJECT"}).json()["items"][0]
    assert client.get(f"/api/events/{undated['id']}/claims").json()["sources"] == []


def test_claims_of_two_sources_about_one_place_and_day(db_url: str) -> None:
    text = "Opprørere slo tilbake et angrep mot Kafr Nabl lørdag, sier en talsperson til NTB."
    other = Event(
        event_type="ASSAULT", evidence=Evidence(text, 0, len(text)), article_id="test-syria-2",
        location=Location(text="Kafr Nabl", name="Kafr Nabl", country="SY", lat=35.6, lon=36.55),
        date=EventDate(text="lørdag", start="2026-03-14", end="2026-03-14", precision="day"),
        source=Party(text="en talsperson", name="opprørerne", via=["NTB"]), trigger_start=15,
    )  # fmt: skip
    far = Event(
        event_type="ASSAULT", evidence=Evidence(text, 0, len(text)), article_id="test-syria-2",
        location=Location(text="Kafr Nabl", name="Kafr Nabl", country="SY", lat=35.6, lon=36.55),
        date=EventDate(text="", start="2026-03-20", end="2026-03-20", precision="day"),
        trigger_start=25,
    )  # fmt: skip
    with Store(db_url) as store:
        article = Article(id="test-syria-2", text=text, source="Annenavisen", lang="nb")
        assert store.add_result(ArticleResult(article=article, events=[other, far]))
    with TestClient(create_app(db_url)) as c:
        occupy = c.get("/api/events", params={"mode": "occupy"}).json()["items"][0]
        claims = c.get(f"/api/events/{occupy['id']}/claims").json()
    by_source = {s["source"]: [e["id"] for e in s["events"]] for s in claims["sources"]}
    # Six days later is not the same days; the other outlet's sourced claim stands beside AFP's.
    assert by_source == {"AFP": [occupy["id"]], "opprørerne (via NTB)": [other.id]}
