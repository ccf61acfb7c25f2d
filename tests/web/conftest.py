"""The API fixtures (a temporary store with the hand-written articles) for the web tests."""

from tests.api.conftest import auth, client, db_url  # noqa: F401
