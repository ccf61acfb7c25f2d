"""`POST /api/events/{id}/review`: an analyst confirms, corrects or rejects an event.

Needs the write token. The machine event is never changed: the review is stored beside it and the
effective version is computed when read.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path

from konflikt.api import service
from konflikt.api.deps import StoreDep, require_token, validation_error
from konflikt.api.models import ReviewIn, ReviewOut, ReviewResult
from konflikt.store import reviews

router = APIRouter(prefix="/api", tags=["reviews"])
EventId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$")]


@router.post(
    "/events/{event_id}/review",
    response_model=ReviewResult,
    status_code=201,
    dependencies=[Depends(require_token)],
    responses={400: {"description": "Not JSON"}, 401: {}, 403: {}, 404: {}},
)
def post_review(store: StoreDep, event_id: EventId, body: ReviewIn) -> Any:
    """Store a review (confirm, correct or reject) with the reviewer and the time."""
    try:
        review = reviews.add_review(
            store, event_id, body.action, body.reviewer, fields=body.corrected_fields(),
            comment=body.comment,
        )  # fmt: skip
    except KeyError:
        raise HTTPException(404, f"no event {event_id}") from None
    except ValueError as exc:
        raise HTTPException(422, validation_error(str(exc), ("body",))["detail"]) from None
    detail = service.event_detail(store, event_id)
    assert detail is not None  # the review was just stored for this event
    return {"review": review, "effective": detail["effective"]}


@router.get("/events/{event_id}/reviews", response_model=list[ReviewOut], responses={404: {}})
def list_reviews(store: StoreDep, event_id: EventId) -> Any:
    """All reviews of an event, oldest first."""
    if service.get_event(store, event_id) is None:
        raise HTTPException(404, f"no event {event_id}")
    return reviews.reviews_for(store, [event_id]).get(event_id, [])
