"""konflikt.resolve: canonical actors (`actors`) and places (`places`) for spans of news text.

Both load their data once per process, on first use (see the modules for the data files).
"""

from konflikt.resolve.actors import ActorRef, find_actor_mentions, resolve_actor
from konflikt.resolve.places import find_place_mentions, resolve_place

__all__ = [
    "ActorRef",
    "find_actor_mentions",
    "find_place_mentions",
    "resolve_actor",
    "resolve_place",
]
