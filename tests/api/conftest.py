"""An app on a temporary SQLite store holding the hand-written test articles (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from konflikt.api import create_app
from konflikt.pipeline import ArticleResult
from konflikt.store import Store

TOKEN = "test-token-123"


@pytest.fixture
def db_url(tmp_path: Path, syria_result: ArticleResult, oslo_result: ArticleResult) -> str:
    url = f"sqlite:///{tmp_path / 'api.sqlite'}"
    with Store(url) as store:
        assert store.add_result(syria_result)
        assert store.add_result(oslo_result)
    return url


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, token=TOKEN)) as c:
        yield c


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
