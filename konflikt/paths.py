"""Where things live: the package's data and models, and the shared data beside a checkout."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"  # lexicons, actor registry, exonyms: data, not code
MODELS_DIR = PACKAGE_DIR / "models"  # the trained spaCy pipelines shipped with the package


def shared_dir() -> Path:
    """The read-only `shared/` folder (training and gold data); `KONFLIKT_SHARED` overrides."""
    env = os.environ.get("KONFLIKT_SHARED")
    if env:
        return Path(env)
    return PACKAGE_DIR.parent.parent / "shared"
