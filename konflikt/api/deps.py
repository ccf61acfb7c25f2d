"""Shared dependencies: the store of the running app and the write token check."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from konflikt.store import Store

_bearer = HTTPBearer(auto_error=False, description="The server's KONFLIKT_TOKEN")


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Writes need `Authorization: Bearer <KONFLIKT_TOKEN>`; with no token set they are off."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "writes are disabled: start the server with KONFLIKT_TOKEN set to allow reviews",
        )
    if credentials is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "this needs the header Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # Constant-time comparison: the answer time does not tell how much of a guess was right.
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "wrong token")


def validation_error(message: str, loc: tuple[str, ...] = ("query",)) -> dict[str, Any]:
    """A 422 body in the shape of FastAPI's own validation errors (what the OpenAPI schema says)."""
    return {"detail": [{"type": "value_error", "loc": list(loc), "msg": message, "input": None}]}


StoreDep = Annotated[Store, Depends(get_store)]
