"""konflikt.web: the dashboard's static files (HTML, ES modules, bundled map data)."""

from pathlib import Path

STATIC_DIR = Path(__file__).with_name("static")

__all__ = ["STATIC_DIR"]
