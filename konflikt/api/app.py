"""The FastAPI application: JSON API under /api, OpenAPI docs at /docs, the dashboard at /."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from konflikt.api.deps import validation_error
from konflikt.api.routers import actors, articles, changes, downloads, events, reviews, stats
from konflikt.errors import StoreError
from konflikt.store import Store
from konflikt.store.reviews import ensure_tables
from konflikt.web import STATIC_DIR

TOKEN_ENV = "KONFLIKT_TOKEN"


def create_app(
    store_url: str | None = None, *, token: str | None = None, create: bool = True
) -> FastAPI:
    """The app for the store at `store_url` (default: `$KONFLIKT_DB` or konflikt.sqlite).

    `token` enables writes (reviews); without it `$KONFLIKT_TOKEN` is used, and with neither
    every write is refused. With `create=False` a missing SQLite file is a StoreError.
    """
    store = Store(store_url, create=create)
    ensure_tables(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="konflikt",
        summary="Norwegian conflict news as PLOVER events, each checkable against its sentence.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    for module in (events, articles, actors, stats, downloads, reviews, changes):
        app.include_router(module.router)

    @app.exception_handler(ValueError)
    async def _bad_value(_request: Request, exc: ValueError) -> JSONResponse:
        # EventQuery's checks (unknown country, impossible date) are bad input, not a crash;
        # answered in the shape of FastAPI's own validation errors, as the schema says.
        return JSONResponse(validation_error(str(exc)), status_code=422)

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"database error: {exc.message}"}, status_code=503)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    return app
