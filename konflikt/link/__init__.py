"""Linking reports into events: near-duplicate articles, merged occurrences, claims ledgers.

Pure functions over articles and events; the store keeps their results as links
(`konflikt.store.links`) and never rewrites an event.
"""

from konflikt.link.config import LinkConfig, load_config
from konflikt.link.duplicates import Grouping, group_articles
from konflikt.link.ledger import Ledger, build_ledger, find_denials
from konflikt.link.merge import Clustering, canonical_id, merge_events

__all__ = [
    "Clustering", "Grouping", "Ledger", "LinkConfig", "build_ledger", "canonical_id",
    "find_denials", "group_articles", "load_config", "merge_events",
]  # fmt: skip
