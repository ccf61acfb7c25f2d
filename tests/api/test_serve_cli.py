"""`konflikt serve`: loopback by default, the store must exist, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from konflikt.api import server
from konflikt.cli import app

runner = CliRunner()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    seen: list[dict[str, object]] = []

    def fake_run(application: FastAPI, **kwargs: object) -> None:
        seen.append({"app": application, **kwargs})

    monkeypatch.setattr(server.uvicorn, "run", fake_run)
    return seen


def test_serve_binds_loopback_by_default(db_url: str, calls: list[dict[str, object]]) -> None:
    result = runner.invoke(app, ["serve", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 8000
    assert isinstance(calls[0]["app"], FastAPI)
    assert "Warning" not in result.output


def test_serve_warns_when_exposed(db_url: str, calls: list[dict[str, object]]) -> None:
    result = runner.invoke(app, ["serve", "--db", db_url, "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0
    assert "Warning" in result.output and calls[0]["port"] == 9001


def test_serve_refuses_a_missing_database(tmp_path: Path, calls: list[dict[str, object]]) -> None:
    result = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'nope.sqlite'}"])
    assert result.exit_code == 1
    assert "no database at this path" in result.output and not calls
    assert "Traceback" not in result.output


def test_serve_rejects_a_bad_port(calls: list[dict[str, object]]) -> None:
    result = runner.invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and not calls
