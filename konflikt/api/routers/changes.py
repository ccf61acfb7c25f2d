"""`/api/changes` (the change feed) and `/api/ledger/{canonical_id}` (an occurrence's claims side
by side), read from the linking tables through `konflikt.store.links`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel

from konflikt.api.deps import StoreDep
from konflikt.api.filters import MAX_LIMIT
from konflikt.store import links

router = APIRouter(prefix="/api", tags=["changes"])


class ChangeOut(BaseModel):
    seq: int
    at: str
    kind: str
    event_id: str
    canonical_id: str | None = None
    detail: dict[str, Any] | None = None


@router.get("/changes", response_model=list[ChangeOut])
def list_changes(
    store: StoreDep,
    since: Annotated[
        str | None,
        Query(max_length=40, description="After this sequence number, or from this ISO time"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
) -> Any:
    """Additions, merges, unmerges and retractions of published events, oldest first."""
    when = links.parse_since(since) if since else None  # ValueError: a 422 with the reason
    return [c.to_dict() for c in links.changes(store, when, limit)]


@router.get("/ledger/{canonical_id}", response_model=dict[str, Any], responses={404: {}})
def get_ledger(
    store: StoreDep,
    canonical_id: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$")],
) -> Any:
    """Every report of one occurrence: who claims what, the number ranges, and the denials."""
    found = links.ledger(store, canonical_id)
    if found is None:
        raise HTTPException(404, f"no occurrence {canonical_id}")
    return found.to_dict()
