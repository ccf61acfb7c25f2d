"""Blocking by country and week must not change a single merge: the blocked result is the one
scoring every pair of a type gives."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from konflikt.link.merge import merge_events
from konflikt.model import Event, EventDate, Location

from .conftest import PLACES, make_event

# Reports come in stories: each story has its own words (made-up syllables, so no two stories
# share a stem), and its reports use most of them, so reports of one story tend to merge and
# reports of different stories do not, except through the fields the test varies.
SYLLABLES = [c + v for c in "bdfgklmnprstv" for v in "aeiou"]


def _story_words(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(SYLLABLES) for _ in range(4)) for _ in range(8)]


ACTORS = ["Russiske styrker", "Politiet", "Opprørere", "Hæren", "Militsen", "Vaktene", None]


def _random_events(seed: int, n_events: int) -> tuple[list[Event], dict[str, str | None]]:
    rng = random.Random(seed)
    first_day = date(2026, 3, 1)
    published: dict[str, str | None] = {}
    events = []
    stories = [_story_words(rng) for _ in range(n_events // 6)]
    for i in range(n_events):
        article_id = f"art-{i // 2}"  # two events an article: same-article pairs are skipped
        day = first_day + timedelta(days=rng.randrange(0, 60))
        published.setdefault(article_id, (day + timedelta(days=1)).isoformat()
                             if rng.random() < 0.9 else None)  # fmt: skip
        sentence = " ".join(rng.sample(rng.choice(stories), 6)).capitalize() + "."
        event = make_event(
            article_id, sentence, rng.choice(["ASSAULT", "COERCE", "REQUEST"]), start=100 * (i % 2),
            actor=rng.choice(ACTORS), place=rng.choice([*PLACES, None]),
            day=day.isoformat() if rng.random() < 0.85 else None,
        )  # fmt: skip
        roll = rng.random()
        if roll < 0.05:  # a year-long span: sits in many weeks
            event = replace(event, date=EventDate(text="i fjor", start="2026-01-01",
                                                  end="2026-12-31", precision="year"))  # fmt: skip
        elif roll < 0.08:  # longer than any block: unbounded
            event = replace(event, date=EventDate(text="siden 2011", start="2011-01-01",
                                                  end="2026-12-31", precision="year"))  # fmt: skip
        elif roll < 0.15:  # a place known only by its country, or only by its name
            country = rng.choice(["UA", "NO", None])
            event = replace(event, location=Location(text="landsbyen", name="landsbyen",
                                                     country=country))  # fmt: skip
        events.append(event)
    return events, published


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_merging_equals_scoring_every_pair(seed: int) -> None:
    events, published = _random_events(seed, 400)
    detached = {events[5].id, events[17].id}
    blocked = merge_events(events, published=published, detached=detached)
    full = merge_events(events, published=published, detached=detached, blocking=False)
    assert blocked.canonical_of == full.canonical_of
    assert {k: (p.first, p.second, p.score) for k, p in blocked.joined_by.items()} == {
        k: (p.first, p.second, p.score) for k, p in full.joined_by.items()
    }
    # The comparison is about real merges, not 400 singletons.
    assert len(full.joined_by) >= 50
    assert sum(1 for members in full.clusters().values() if len(members) > 1) >= 5


def test_blocked_merging_without_publication_dates() -> None:
    events, _ = _random_events(4, 300)
    assert merge_events(events).canonical_of == merge_events(events, blocking=False).canonical_of
