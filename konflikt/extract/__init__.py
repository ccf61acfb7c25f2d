"""konflikt.extract: events from parsed Norwegian news, as the coding manual defines them."""

from konflikt.extract.events import extract_events

__all__ = ["extract_events"]
