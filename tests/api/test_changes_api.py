"""The change feed and the claims ledger of the linking step, through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from konflikt.store import Store
from konflikt.store.links import link_store


def test_changes_and_ledger_after_linking(client: TestClient, db_url: str) -> None:
    assert client.get("/api/changes").json() == []  # nothing linked yet
    with Store(db_url) as store:
        link_store(store)
    feed = client.get("/api/changes").json()
    assert len(feed) == 5 and {c["kind"] for c in feed} == {"added"}
    assert [c["seq"] for c in client.get("/api/changes", params={"since": 3}).json()] == [4, 5]
    assert len(client.get("/api/changes", params={"limit": 2}).json()) == 2
    riot = next(c for c in feed if c["event_id"] == _riot_id(client))
    ledger = client.get(f"/api/ledger/{riot['canonical_id']}").json()
    assert [claim["source"] for claim in ledger["claims"]] == ["NTB"]
    assert ledger["claims"][0]["stance"] == "hedged"


def _riot_id(client: TestClient) -> str:
    return str(client.get("/api/events", params={"mode": "riot"}).json()["items"][0]["id"])


def test_bad_since_and_unknown_occurrence(client: TestClient) -> None:
    response = client.get("/api/changes", params={"since": "i går"})
    assert response.status_code == 422 and "neither a sequence number" in response.text
    assert client.get("/api/ledger/0123456789abcdef").status_code == 404
