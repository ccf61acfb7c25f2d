"""An app on a temporary SQLite store holding the hand-written test articles (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from konflikt.api import create_app
from konflikt.model import EntitySpan
from konflikt.pipeline import ArticleResult
from konflikt.store import Store

TOKEN = "test-token-123"


@pytest.fixture
def db_url(tmp_path: Path, syria_result: ArticleResult, oslo_result: ArticleResult) -> str:
    url = f"sqlite:///{tmp_path / 'api.sqlite'}"
    with Store(url) as store:
        assert store.add_result(with_entities(syria_result, "Kafr Nabl", "AFP", "Idlib"))
        assert store.add_result(with_entities(oslo_result, "Oslo", "Stortinget", "NTB"))
    return url


# The labels the NER would give the names in the hand-written articles.
LABELS = {"Kafr Nabl": "GPE_LOC", "AFP": "ORG", "Idlib": "GPE_LOC", "Oslo": "GPE_LOC",
          "Stortinget": "ORG", "NTB": "ORG"}  # fmt: skip


def with_entities(result: ArticleResult, *names: str) -> ArticleResult:
    assert result.article is not None
    text = result.article.text
    spans = [
        EntitySpan(start=text.index(n), end=text.index(n) + len(n), label=LABELS[n], text=n)
        for n in names
    ]
    return replace(result, entities=spans)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, token=TOKEN)) as c:
        yield c


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
