"""konflikt: Norwegian (Bokmål and Nynorsk) news turned into verifiable PLOVER event data."""

from konflikt.errors import ExtractionError, InputError, KonfliktError, ModelError, StoreError
from konflikt.model import Article, Event

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Event",
    "ExtractionError",
    "InputError",
    "KonfliktError",
    "ModelError",
    "StoreError",
    "__version__",
]
