"""konflikt.api: the JSON API and the dashboard, one FastAPI application."""

from konflikt.api.app import TOKEN_ENV, create_app

__all__ = ["TOKEN_ENV", "create_app"]
