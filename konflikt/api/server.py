"""Run the app with uvicorn: what `konflikt serve` calls."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass

import uvicorn

from konflikt.api.app import create_app

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"  # loopback only: exposing the dashboard is a deliberate choice
DEFAULT_PORT = 8000


@dataclass(frozen=True, slots=True)
class ServeSettings:
    db: str | None = None
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    token: str | None = None  # None: $KONFLIKT_TOKEN, and with none set writes are refused


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(settings: ServeSettings) -> None:
    """Open the store (which must exist) and serve until interrupted."""
    app = create_app(settings.db, token=settings.token, create=False)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
