"""Reviews: the token guards writes, corrections never overwrite, reviewed events become gold."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from konflikt.api import create_app
from konflikt.store import Store
from konflikt.store.reviews import add_review, reviewed_gold


def _event_id(client: TestClient, **params: str) -> str:
    return str(client.get("/api/events", params=params).json()["items"][0]["id"])


def test_review_needs_the_token(client: TestClient) -> None:
    eid = _event_id(client, mode="riot")
    body = {"action": "confirm", "reviewer": "kari"}
    assert client.post(f"/api/events/{eid}/review", json=body).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post(f"/api/events/{eid}/review", json=body, headers=wrong).status_code == 403
    assert client.get(f"/api/events/{eid}").json()["reviews"] == []


def test_without_a_configured_token_writes_are_refused(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KONFLIKT_TOKEN", raising=False)
    with TestClient(create_app(db_url)) as c:
        eid = _event_id(c, mode="riot")
        response = c.post(
            f"/api/events/{eid}/review", json={"action": "confirm", "reviewer": "kari"},
            headers={"Authorization": "Bearer anything"},
        )  # fmt: skip
        assert response.status_code == 403 and "KONFLIKT_TOKEN" in response.text


def test_correction_is_kept_beside_the_machine_event(
    client: TestClient, auth: dict[str, str]
) -> None:
    eid = _event_id(client, mode="riot")
    body = {
        "action": "correct", "reviewer": "ola", "comment": "steinkasting er opptøyer, sikkert",
        "corrections": {"stance": "asserted", "quantities": [{"text": "20", "best": 20}]},
    }  # fmt: skip
    response = client.post(f"/api/events/{eid}/review", json=body, headers=auth)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["review"]["reviewer"] == "ola" and result["review"]["created_at"]
    assert result["effective"]["stance"] == "asserted"
    detail = client.get(f"/api/events/{eid}").json()
    # The machine output is unchanged; the correction is shown as such.
    assert detail["event"]["stance"] == "hedged" and detail["event"]["quantities"] == []
    assert detail["event"]["review"] == "correct"
    assert detail["effective"]["quantities"][0]["best"] == 20
    assert [r["action"] for r in detail["reviews"]] == ["correct"]
    reviewed = client.get("/api/events", params={"review": "correct"}).json()
    assert [e["id"] for e in reviewed["items"]] == [eid]
    assert client.get("/api/events", params={"review": "unreviewed"}).json()["total"] == 4


def test_latest_review_wins_and_reject_hides_the_effective_event(
    client: TestClient, auth: dict[str, str]
) -> None:
    eid = _event_id(client, type="REJECT")
    for action in ("confirm", "reject"):
        body = {"action": action, "reviewer": "kari"}
        assert client.post(f"/api/events/{eid}/review", json=body, headers=auth).status_code == 201
    detail = client.get(f"/api/events/{eid}").json()
    assert detail["effective"] is None and detail["event"]["review"] == "reject"
    assert len(client.get(f"/api/events/{eid}/reviews").json()) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"action": "correct", "reviewer": "ola"},  # a correction without fields
        {"action": "confirm", "reviewer": "ola", "corrections": {"stance": "hedged"}},
        {"action": "delete", "reviewer": "ola"},
        {"action": "confirm", "reviewer": ""},
        {"action": "correct", "reviewer": "ola", "corrections": {"event_type": "BOMBING"}},
        {"action": "correct", "reviewer": "ola", "corrections": {"event_type": None}},
        {"action": "correct", "reviewer": "ola", "corrections": {"confidence": 1.0}},
        {"action": "correct", "reviewer": "ola",
         "corrections": {"location": {"text": "Idlib", "lat": 95, "lon": 36}}},
        {"action": "correct", "reviewer": "ola",
         "corrections": {"date": {"start": "2026-03-14", "end": "2026-03-01"}}},
    ],
)
def test_invalid_reviews_are_422(client: TestClient, auth: dict[str, str], body: dict) -> None:
    eid = _event_id(client, mode="riot")
    response = client.post(f"/api/events/{eid}/review", json=body, headers=auth)
    assert response.status_code == 422, response.text
    assert client.get(f"/api/events/{eid}").json()["reviews"] == []


def test_review_of_unknown_event_is_404(client: TestClient, auth: dict[str, str]) -> None:
    body = {"action": "confirm", "reviewer": "kari"}
    response = client.post("/api/events/0123456789abcdef/review", json=body, headers=auth)
    assert response.status_code == 404


def test_reviewed_gold_uses_only_fully_reviewed_articles(db_url: str) -> None:
    with Store(db_url) as store:
        assert reviewed_gold(store) == ([], [])
        oslo = store.events(article_id="test-oslo-1")
        syria = store.events(article_id="test-syria-1")
        arrest = next(e for e in oslo if e.event_type == "COERCE")
        riot = next(e for e in oslo if e.event_type == "PROTEST")
        add_review(store, arrest.id, "correct", "kari", fields={"mode": "detain"})
        add_review(store, riot.id, "reject", "kari")
        add_review(store, syria[0].id, "confirm", "ola")  # syria is not complete: 2 unreviewed
        articles, gold = reviewed_gold(store)
    assert [a.id for a in articles] == ["test-oslo-1"]
    assert len(gold) == 1
    assert gold[0]["event_type"] == "COERCE" and gold[0]["mode"] == "detain"
    assert gold[0]["article_id"] == "test-oslo-1" and gold[0]["optional"] is False
    assert gold[0]["evidence"]["start"] == arrest.evidence.start


def test_add_review_checks_its_input(db_url: str) -> None:
    with Store(db_url) as store:
        eid = store.events(limit=1)[0].id
        with pytest.raises(KeyError):
            add_review(store, "0000000000000000", "confirm", "kari")
        with pytest.raises(ValueError, match="cannot correct"):
            add_review(store, eid, "correct", "kari", fields={"id": "x"})
        with pytest.raises(ValueError, match="do not make an event"):
            add_review(store, eid, "correct", "kari", fields={"actor": {"nonsense": 1}})
