"""Write throughput of the store: SQLite file vs local PostgreSQL, same run, same data.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/store_write.py [N_ARTICLES]
        [--postgres postgresql+psycopg://user:password@host/db]

What it measures: articles/s and events/s through `Store.add_result`, one article per call and
transaction, as `konflikt extract` writes them, on

1. a fresh store (every article new: article, 5 events, their mentions and sources, 8 entities),
2. the same articles again (all already stored: what a resumed or repeated run costs),

for an SQLite file in a temporary folder (as `Store` opens it: WAL, synchronous=NORMAL) and for
PostgreSQL (the URL from `--postgres` or `$KONFLIKT_TEST_POSTGRES`; the script works in a schema
of its own and drops it afterwards; without a URL only SQLite is measured), once with the
server's default synchronous_commit=on and once with it off for the session, which is what
SQLite's setting corresponds to. The store is opened (and migrated) before the clock starts.

The data: N_ARTICLES (default 2000) synthetic articles of about 1,100 characters, built from
`konflikt.web.synthetic` (template sentences written for this project, correct offsets): each
joins two of its articles (3 + 2 events, offsets moved along) and ends with a filler paragraph
written for this script. The same list is written to both back ends. Prints one JSON object per
back end and a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from konflikt.model import Article, EntitySpan, Event
from konflikt.pipeline import ArticleResult
from konflikt.store import Store
from konflikt.web.synthetic import synthetic_results

EVENTS_PER_ARTICLE = 5
FILLER = (
    "Situasjonen i området har vært uoversiktlig i flere uker, og hjelpeorganisasjoner sier at "
    "de har problemer med å nå fram til de som trenger det mest. Lokale myndigheter har bedt om "
    "mer støtte, mens flere tusen mennesker har forlatt hjemmene sine. Det er ventet nye møter "
    "mellom partene i løpet av de kommende dagene, men ingen av dem vil si noe om hva som står "
    "på dagsordenen. Observatører advarer om at kampene kan blusse opp igjen dersom det ikke "
    "kommer en avtale. Prisene på mat og drivstoff har steget kraftig, og mange familier lever "
    "nå på det de har igjen av forsyninger. Skoler og sykehus holder stengt flere steder. "
    "Journalister som har besøkt området beskriver ødelagte veier og broer, og lange køer ved "
    "de få kontrollpostene som fortsatt er åpne."
)
# Keys in Event.to_dict() that hold character offsets (dates' "start"/"end" are ISO strings).
OFFSET_KEYS = {"start", "end", "span_start", "span_end", "trigger_start", "trigger_end"}


def shifted(value: Any, by: int) -> Any:
    """A to_dict() tree with every character offset moved `by` characters."""
    if isinstance(value, dict):
        return {
            k: (v + by if k in OFFSET_KEYS and isinstance(v, int) else shifted(v, by))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [shifted(v, by) for v in value]
    return value


def build(n_articles: int) -> list[ArticleResult]:
    """n_articles articles of 5 events and 8 entities each, about 1,100 characters."""
    parts = synthetic_results(6 * n_articles, seed=11)  # 2 * n_articles articles of 3 events
    results = []
    for i in range(n_articles):
        first, second = parts[2 * i], parts[2 * i + 1]
        article_id = f"bench-{i:06d}"
        offset = len(first.article.text) + 1
        body = f"{first.article.text} {second.article.text}"
        events = [replace_article(ev.to_dict(), article_id) for ev in first.events]
        events += [replace_article(shifted(ev.to_dict(), offset), article_id)
                   for ev in second.events[: EVENTS_PER_ARTICLE - len(events)]]  # fmt: skip
        entities = [
            EntitySpan(start=p["start"], end=p["end"], label=label, text=p["text"])
            for ev in events[:4]
            for p, label in ((ev.to_dict()["actor"], "ORG"), (ev.to_dict()["location"], "GPE_LOC"))
        ]
        article = Article(
            id=article_id, text=f"{body} {FILLER}", title=f"Skrivetest {i}",
            published=first.article.published, source="Syntetisk", lang="nb",
            origin=f"bench/{article_id}.txt",
        )  # fmt: skip
        results.append(ArticleResult(article=article, events=events, entities=entities))
    return results


def replace_article(data: dict[str, Any], article_id: str) -> Event:
    data = {**data, "article_id": article_id}
    data.pop("id", None)
    return Event.from_dict(data)


def write_all(url: str, results: list[ArticleResult]) -> dict[str, Any]:
    n_events = sum(len(r.events) for r in results)
    with Store(url) as store:
        began = time.perf_counter()
        stored = sum(store.add_result(r) for r in results)
        fresh_s = time.perf_counter() - began
        began = time.perf_counter()
        again = sum(store.add_result(r) for r in results)
        again_s = time.perf_counter() - began
        counts = store.counts()
    assert stored == len(results) and again == 0, (stored, again)
    assert counts["events"] == n_events, counts
    return {
        "articles": len(results), "events": n_events,
        "fresh_s": round(fresh_s, 2),
        "fresh_articles_per_s": round(len(results) / fresh_s, 1),
        "fresh_events_per_s": round(n_events / fresh_s, 1),
        "again_s": round(again_s, 2),
        "again_articles_per_s": round(len(results) / again_s, 1),
    }  # fmt: skip


def postgres_run(url: str, results: list[ArticleResult], *, sync: bool) -> dict[str, Any]:
    """Write into a schema of its own on the server, dropped afterwards. `sync=False` sets
    synchronous_commit=off for the session: like SQLite's WAL with synchronous=NORMAL, a commit
    is not flushed to disk before it returns (a server crash may lose the last ones, never
    half of one)."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        version = str(conn.scalar(text("SHOW server_version"))).split(" ")[0]
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        options = f"-csearch_path={schema}" + ("" if sync else " -csynchronous_commit=off")
        in_schema = make_url(url).update_query_dict({"options": options})
        figures = write_all(in_schema.render_as_string(hide_password=False), results)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    commits = "synchronous_commit on (default)" if sync else "synchronous_commit off"
    return {"backend": f"PostgreSQL {version}, {commits}", **figures}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n_articles", nargs="?", type=int, default=2000)
    parser.add_argument("--postgres", default=os.environ.get("KONFLIKT_TEST_POSTGRES"))
    args = parser.parse_args(argv)
    if args.n_articles < 1:
        parser.error("N_ARTICLES must be 1 or more")
    results = build(args.n_articles)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'write-bench.sqlite'}"
        rows.append({"backend": "SQLite file (WAL, synchronous=NORMAL)", **write_all(url, results)})
    if args.postgres:
        rows.append(postgres_run(args.postgres, results, sync=True))
        rows.append(postgres_run(args.postgres, results, sync=False))
    else:
        print("no --postgres URL and no $KONFLIKT_TEST_POSTGRES: SQLite only", file=sys.stderr)
    for row in rows:
        print(json.dumps(row))
    print("\n| back end | articles | events | fresh: articles/s | fresh: events/s "
          "| again (all stored): articles/s |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['backend']} | {r['articles']:,} | {r['events']:,} | "
              f"{r['fresh_articles_per_s']:,} | {r['fresh_events_per_s']:,} | "
              f"{r['again_articles_per_s']:,} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
