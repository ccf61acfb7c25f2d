"""A synthetic store of N events, to load-test the dashboard and drive the browser test.

`python -m konflikt.web.synthetic sqlite:///build/synthetic.sqlite 10000` writes articles of
three template sentences each (written for this purpose, no third-party text), spread over
places, weeks and sources, with every field's character offsets correct. The content is fake
by design and says so in each article's title; it is never used to measure extraction.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date, timedelta

from konflikt.model import Article, Event, EventDate, Evidence, Location, Party, Quantity
from konflikt.pipeline import ArticleResult
from konflikt.store import Store

# (name, country alpha-2, lat, lon)
PLACES = [
    ("Idlib", "SY", 35.93, 36.63), ("Aleppo", "SY", 36.20, 37.16), ("Raqqa", "SY", 35.95, 39.01),
    ("Mosul", "IQ", 36.34, 43.13), ("Kirkuk", "IQ", 35.47, 44.39), ("Kharkiv", "UA", 49.99, 36.23),
    ("Odesa", "UA", 46.48, 30.72), ("Gaza", "PS", 31.50, 34.47), ("Khartoum", "SD", 15.50, 32.56),
    ("Oslo", "NO", 59.91, 10.75), ("Mogadishu", "SO", 2.04, 45.34), ("Kabul", "AF", 34.53, 69.17),
]  # fmt: skip
ACTORS = ["Regjeringsstyrker", "Opprørere", "Politiet", "Militsen", "Demonstranter", "Hæren"]
RECIPIENTS = ["sivile", "soldater", "journalister", "opprørere", "demonstranter"]
SOURCES = ["AFP", "NTB", "Reuters", "AP"]
# (type, mode, verb phrase): the verb phrase is the trigger.
ACTS = [
    ("ASSAULT", "aerial", "bombet"), ("ASSAULT", "firearms", "skjøt mot"),
    ("COERCE", "arrest", "pågrep"), ("PROTEST", "demonstrate", "demonstrerte mot"),
    ("ACCUSE", None, "anklaget"), ("CONSULT", None, "møtte"), ("AID", None, "hjalp"),
    ("THREATEN", None, "truet"), ("RETREAT", "withdraw", "trakk seg tilbake fra"),
]  # fmt: skip
START = date(2025, 1, 6)


def synthetic_results(
    n_events: int, *, seed: int = 7, scatter: bool = False
) -> list[ArticleResult]:
    """`scatter`: move every event up to 1 degree off its place, so each has its own point
    (the map's worst case: one circle per event)."""
    rng = random.Random(seed)
    results = []
    for a in range(0, n_events, 3):
        day = START + timedelta(days=rng.randrange(0, 364))
        text = ""
        events = []
        article_id = f"synthetic-{a // 3:05d}"
        for _ in range(min(3, n_events - a)):
            actor, recipient = rng.choice(ACTORS), rng.choice(RECIPIENTS)
            place, country, lat, lon = rng.choice(PLACES)
            if scatter:
                lat, lon = lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1)
            kind, mode, verb = rng.choice(ACTS)
            count = rng.randrange(2, 200)
            outlet_source = rng.choice(SOURCES)
            start = len(text)
            sentence = (
                f"{actor} {verb} {count} {recipient} i {place} {day.isoformat()}, "
                f"melder {outlet_source}."
            )
            text += sentence + " "

            def at(word: str, base: int = start, s: str = sentence) -> tuple[int, int]:
                # As a whole word: "20" must not be found inside "2025".
                found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", s)
                assert found is not None, word
                return base + found.start(), base + found.end()

            events.append(
                Event(
                    event_type=kind, mode=mode, article_id=article_id, trigger=verb,
                    trigger_start=at(verb)[0], trigger_end=at(verb)[1],
                    evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                    actor=Party(actor, *at(actor), name=actor),
                    recipient=Party(recipient, *at(recipient), name=recipient),
                    location=Location(place, *at(place), name=place, country=country,
                                      lat=lat, lon=lon, precision="place"),
                    date=EventDate(day.isoformat(), day.isoformat(), day.isoformat(), "day",
                                   *at(day.isoformat())),
                    quantities=[Quantity(str(count), count, count, count, "people",
                                         *at(str(count)))],
                    source=Party(outlet_source, *at(outlet_source), name=outlet_source,
                                 via=[outlet_source]),
                    confidence=round(rng.random(), 2),
                )  # fmt: skip
            )
        article = Article(
            id=article_id, text=text.strip(), title=f"Syntetisk testartikkel {a // 3}",
            published=day.isoformat(), source="Syntetisk", lang="nb", origin="synthetic",
        )  # fmt: skip
        results.append(ArticleResult(article=article, events=events))
    return results


def fill(url: str, n_events: int, *, scatter: bool = False) -> int:
    with Store(url) as store:
        for result in synthetic_results(n_events, scatter=scatter):
            store.add_result(result)
        return int(store.counts()["events"])


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--scatter"]
    if len(args) != 2 or not args[1].isdigit():
        sys.exit("usage: python -m konflikt.web.synthetic DB_URL N_EVENTS [--scatter]")
    n = fill(args[0], int(args[1]), scatter="--scatter" in sys.argv)
    print(f"{n} events in {args[0]}")
