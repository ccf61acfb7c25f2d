"""`/api/articles/{id}`: the article text with all its events and their offsets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path

from konflikt.api import service
from konflikt.api.deps import StoreDep
from konflikt.api.models import ArticleOut

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles/{article_id:path}", response_model=ArticleOut, responses={404: {}})
def get_article(
    store: StoreDep, article_id: Annotated[str, Path(min_length=1, max_length=512)]
) -> Any:
    """The article and every event coded from it; offsets index into `text`."""
    article = service.article_with_events(store, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article
