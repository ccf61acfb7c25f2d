"""konflikt.store: the database of articles, events, mentions, sources and rejected inputs."""

from konflikt.store.query import EventQuery
from konflikt.store.store import DEFAULT_URL, Store, default_url

__all__ = ["DEFAULT_URL", "EventQuery", "Store", "default_url"]
