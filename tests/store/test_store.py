"""The store: idempotent writes, round trips, filters, rejected inputs, clear errors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from konflikt.errors import StoreError
from konflikt.model import Article, Event, InputProblem, Party
from konflikt.pipeline import ArticleResult
from konflikt.store import DEFAULT_URL, EventQuery, Store, default_url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An empty store on each back end (SQLite; PostgreSQL when $KONFLIKT_TEST_POSTGRES is set)."""
    s = Store(store_url)
    yield s
    s.close()


@pytest.fixture
def filled(store: Store, syria_result: ArticleResult, oslo_result: ArticleResult) -> Store:
    assert store.add_result(syria_result)
    assert store.add_result(oslo_result)
    return store


def test_same_result_twice_adds_nothing(store: Store, syria_result: ArticleResult) -> None:
    assert store.add_result(syria_result) is True
    before = store.counts()
    assert store.add_result(syria_result) is False
    assert store.counts() == before
    assert before["articles"] == 1 and before["events"] == 3


def test_same_content_under_another_id_is_not_stored_again(
    store: Store, syria_result: ArticleResult, syria_article: Article
) -> None:
    store.add_result(syria_result)
    copy = replace(syria_article, id="another-path", origin="elsewhere/syria.txt")
    assert store.add_result(ArticleResult(article=copy, events=[])) is False
    assert [a.id for a in store.articles()] == ["test-syria-1"]


def test_idempotent_across_reopening(store_url: str, syria_result: ArticleResult) -> None:
    with Store(store_url) as first:
        assert first.add_result(syria_result)
    with Store(store_url) as second:
        assert not second.add_result(syria_result)
        assert second.counts()["events"] == 3


def test_events_round_trip(filled: Store, syria_events: list[Event]) -> None:
    stored = {e.id: e for e in filled.events(article_id="test-syria-1")}
    assert set(stored) == {e.id for e in syria_events}
    for original in syria_events:
        assert stored[original.id] == original
        assert stored[original.id].to_dict() == original.to_dict()


def test_articles_round_trip(filled: Store, syria_article: Article, oslo_article: Article) -> None:
    articles = {a.id: a for a in filled.articles()}
    assert articles == {"test-syria-1": syria_article, "test-oslo-1": oslo_article}


def test_events_ordered_by_date_with_undated_last(filled: Store) -> None:
    dates = [e.date.start if e.date else None for e in filled.events()]
    assert dates == ["2026-03-13", "2026-03-14", "2026-04-05", None, None]


def test_missing_article_id_is_filled_in(store: Store, syria_article: Article,
                                         syria_events: list[Event]) -> None:  # fmt: skip
    loose = replace(syria_events[0], article_id=None)
    store.add_result(ArticleResult(article=syria_article, events=[loose]))
    (stored,) = store.events()
    assert stored.article_id == "test-syria-1"
    assert stored.id == syria_events[0].id


def test_duplicate_events_in_one_result_are_stored_once(
    store: Store, syria_article: Article, syria_events: list[Event]
) -> None:
    again = replace(syria_events[1], confidence=0.3)  # same article, type, sentence, trigger
    store.add_result(ArticleResult(article=syria_article, events=[syria_events[1], again]))
    (stored,) = store.events()
    assert stored.confidence == 0.8  # the first one is kept


def test_edited_article_replaces_its_previous_version(
    store: Store, syria_result: ArticleResult, syria_article: Article, syria_events: list[Event]
) -> None:
    store.add_result(syria_result)
    edited = replace(syria_article, text=syria_article.text + " Kampene fortsatte søndag.")
    assert store.add_result(ArticleResult(article=edited, events=syria_events[:1]))
    assert store.counts()["articles"] == 1
    assert [e.id for e in store.events()] == [syria_events[0].id]
    assert store.articles()[0].text.endswith("søndag.")


@pytest.mark.parametrize(
    ("filters", "expected_triggers"),
    [
        ({"event_type": "assault"}, ["bombet", "tatt kontroll"]),
        ({"event_type": "ASSAULT", "mode": "aerial"}, ["bombet"]),
        ({"actor": "politiet i oslo"}, ["pågrep"]),  # canonical name, any case
        ({"actor": "REGJERINGSSTYRKER"}, ["tatt kontroll"]),  # the span as written
        ({"actor": "Ø"}, []),
        ({"country": "SY"}, ["bombet", "tatt kontroll"]),
        ({"country": "syr"}, ["bombet", "tatt kontroll"]),
        ({"country": "Norway"}, ["pågrep"]),
        ({"since": "2026-03-14"}, ["tatt kontroll", "pågrep"]),
        ({"until": "2026-03-13"}, ["bombet"]),
        ({"since": "2026-04", "until": "2026-04"}, ["pågrep"]),
        ({"since": "2026"}, ["bombet", "tatt kontroll", "pågrep"]),
        ({"stance": "hedged"}, ["kastet"]),
        ({"source": "ntb"}, ["kastet"]),  # the channel
        ({"source": "nyhetsbyrået"}, ["tatt kontroll"]),  # the source's text
        ({"text": "landsbyen"}, ["tatt kontroll", "avviser"]),
        ({"text": "%"}, []),  # wildcards in user input are literal
        ({"actor": "_"}, []),
        ({"article_id": "test-oslo-1"}, ["pågrep", "kastet"]),
        ({"event_type": "SANCTION"}, []),
    ],
)
def test_filters(filled: Store, filters: dict[str, str], expected_triggers: list[str]) -> None:
    assert [e.trigger for e in filled.events(**filters)] == expected_triggers


def test_unicode_case_folding_in_filters(filled: Store) -> None:
    assert [e.trigger for e in filled.events(text="IFØLGE")] == ["kastet"]


def test_limit_and_offset(filled: Store) -> None:
    everything = filled.events()
    assert filled.events(limit=2) == everything[:2]
    assert filled.events(limit=2, offset=2) == everything[2:4]
    assert filled.events(EventQuery(offset=4)) == everything[4:]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"event_type": "BOMB"}, "unknown event type 'BOMB'"),
        ({"stance": "maybe"}, "unknown stance"),
        ({"country": "Atlantis"}, "unknown country 'Atlantis'"),
        ({"since": "14.03.2026"}, "not a date"),
        ({"until": "2026-13"}, "not a date"),
        ({"limit": -1}, "limit must be"),
    ],
)
def test_bad_filters_say_what_is_wrong(filled: Store, filters: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        filled.events(**filters)


def test_problems_are_recorded_once(store: Store) -> None:
    problem = InputProblem(origin="feeds/nyheter.xml#4", reason="unsupported language",
                           detail="detected sv")  # fmt: skip
    assert store.add_problem(problem) is True
    assert store.add_problem(problem) is False
    other = InputProblem(origin="feeds/nyheter.xml#4", reason="empty text")
    assert store.add_problem(other) is True
    assert store.problems() == [problem, other]


def test_result_with_problem_stores_the_problem_not_the_article(
    store: Store, syria_article: Article, syria_events: list[Event]
) -> None:
    problem = InputProblem(origin="tests/syria.txt", reason="extraction failed", detail="boom")
    result = ArticleResult(article=syria_article, events=syria_events, problem=problem)
    assert store.add_result(result) is True
    assert store.add_result(result) is False
    assert store.counts() == {"articles": 0, "events": 0, "problems": 1, "event_types": {}}
    # A later run that succeeds is stored: the failed article was not marked as done, and its
    # problem is no longer listed.
    unrelated = InputProblem(origin="tests/other.txt", reason="empty file")
    store.add_problem(unrelated)
    assert store.add_result(ArticleResult(article=syria_article, events=syria_events))
    assert store.problems() == [unrelated]


def test_counts(filled: Store) -> None:
    assert filled.counts() == {
        "articles": 2, "events": 5, "problems": 0,
        "event_types": {"ASSAULT": 2, "COERCE": 1, "PROTEST": 1, "REJECT": 1},
    }  # fmt: skip


def test_mentions_and_sources_are_stored(filled: Store) -> None:
    with filled.engine.connect() as conn:
        roles = dict(conn.execute(text("SELECT role, count(*) FROM mentions GROUP BY role")).all())
        vias = {row[0] for row in conn.execute(text("SELECT via FROM sources"))}
    assert roles == {"actor": 5, "recipient": 3, "location": 3, "date": 3, "quantity": 2,
                     "source": 2}  # fmt: skip
    assert vias == {"AFP", "NTB"}


def test_schema_has_the_indexes_later_features_need(store: Store) -> None:
    insp = inspect(store.engine)
    indexed = {col for ix in insp.get_indexes("events") for col in ix["column_names"]}
    assert {"event_type", "date_start", "country", "article_id"} <= indexed
    # Linking (store/links.py) and reviews add their own tables beside these.
    assert {"articles", "events", "mentions", "sources", "input_errors"} <= set(
        insp.get_table_names()
    )
    assert "created_at" in {c["name"] for c in insp.get_columns("events")}


def test_default_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KONFLIKT_DB", raising=False)
    assert default_url() == DEFAULT_URL == "sqlite:///konflikt.sqlite"
    monkeypatch.setenv("KONFLIKT_DB", "sqlite:///elsewhere.sqlite")
    assert default_url() == "sqlite:///elsewhere.sqlite"


def test_missing_folders_are_created(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'build' / 'deep' / 'k.sqlite'}"):
        pass
    assert (tmp_path / "build" / "deep" / "k.sqlite").is_file()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("konflikt.sqlite", "not a database URL"),
        ("nosuchdb://host/db", "cannot use this database URL"),
    ],
)
def test_bad_url_is_a_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_unwritable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder") as info:
        Store(f"sqlite:///{blocker / 'k.sqlite'}")
    assert "a-file" in str(info.value)


def test_read_only_open_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at this path"):
        Store(f"sqlite:///{tmp_path / 'missing.sqlite'}", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_password_is_not_shown_in_errors() -> None:
    with pytest.raises(StoreError) as info:
        Store("nosuchdb://analyst:hemmelig@host/db")
    assert "hemmelig" not in str(info.value)


def test_display_url_is_the_url_when_there_is_no_password(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'k.sqlite'}") as store:
        assert store.display_url == store.url


def test_schema_compiles_for_postgresql() -> None:
    """Later releases move to PostgreSQL: the DDL must be valid there too (JSONB, timestamps)."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateTable

    from konflikt.store.schema import Base

    ddl = {t.name: str(CreateTable(t).compile(dialect=postgresql.dialect()))
           for t in Base.metadata.sorted_tables}  # fmt: skip
    assert "data JSONB NOT NULL" in ddl["events"]
    assert "created_at TIMESTAMP WITH TIME ZONE" in ddl["events"]
    assert "UNIQUE (content_hash)" in ddl["articles"]


def test_filter_values_are_bound_parameters_not_sql(filled: Store) -> None:
    from konflikt.store.store import event_conditions

    hostile = "x'; DROP TABLE events; --"
    query = EventQuery(actor=hostile, source=hostile, text=hostile, article_id=hostile)
    for cond in event_conditions(query):
        assert "DROP TABLE" not in str(cond.compile(compile_kwargs={}))
    assert filled.events(actor=hostile) == []
    assert filled.counts()["events"] == 5


def test_an_implied_party_without_text_is_stored(
    store: Store, syria_article: Article, syria_events: list[Event]
) -> None:
    # The manual's gold data gives an implied actor a canonical name but no span (text null).
    implied = Party(text=None, name="Syrian Army", kind="state_forces")  # type: ignore[arg-type]
    event = replace(syria_events[2], actor=implied, source=implied)
    assert store.add_result(ArticleResult(article=syria_article, events=[event]))
    (stored,) = store.events(actor="syrian army")
    assert stored == event


def test_stored_offsets_point_into_the_stored_text(filled: Store) -> None:
    texts = {a.id: a.text for a in filled.articles()}
    for ev in filled.events():
        text = texts[ev.article_id]
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence
        assert ev.trigger and text[ev.trigger_start : ev.trigger_end] == ev.trigger
        for party in (ev.actor, ev.recipient, ev.source):
            if party is not None and party.start is not None:
                assert text[party.start : party.end] == party.text


def test_iter_events_streams_the_same_events(filled: Store) -> None:
    stream = filled.iter_events(event_type="ASSAULT")
    assert not isinstance(stream, list)
    assert list(stream) == filled.events(event_type="ASSAULT")
    assert len(filled.events(event_type="ASSAULT")) == 2


def test_concurrent_writers_store_an_article_once(
    store_url: str, syria_result: ArticleResult
) -> None:
    """Writers racing on the same article (two workers, a re-run beside a run): one stores it,
    the others are told it was there; no error, nothing twice."""
    import threading

    stores = [Store(store_url) for _ in range(4)]
    start = threading.Barrier(len(stores))
    outcomes: list[bool | BaseException] = []
    problem = InputProblem(origin="feeds/uke.xml#2", reason="empty text")

    def write(store: Store) -> None:
        start.wait()
        try:
            outcomes.append(store.add_result(syria_result))
            outcomes.append(store.add_problem(problem))
        except BaseException as exc:  # reported by the assertion below
            outcomes.append(exc)

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for s in stores:
        s.close()
    assert sorted(map(repr, outcomes)) == ["False"] * 6 + ["True"] * 2
    with Store(store_url) as check:
        assert check.counts() == {
            "articles": 1, "events": 3, "problems": 1,
            "event_types": {"ASSAULT": 2, "REJECT": 1},
        }  # fmt: skip


def test_an_sqlite_file_is_kept_in_wal_mode(tmp_path: Path, syria_result: ArticleResult) -> None:
    """Readers beside the writer, and commits not synced one by one (see _sqlite_on_connect)."""
    import sqlite3

    path = tmp_path / "wal.sqlite"
    with Store(f"sqlite:///{path}") as store:
        assert store.add_result(syria_result)
        reader = sqlite3.connect(path)
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert reader.execute("SELECT count(*) FROM events").fetchone() == (3,)
        reader.close()


def test_long_values_from_the_input_are_stored_whole(
    store: Store, syria_article: Article, syria_events: list[Event]
) -> None:
    """PostgreSQL enforces VARCHAR lengths that SQLite ignores: an id, outlet, origin or span
    as long as input can make them must not make the store fail on one back end only."""
    long_id = "https://nyheter.example/" + "utenriks/" * 80  # a feed entry id, 744 characters
    article = replace(
        syria_article, id=long_id, source="Avisen " * 40, origin="arkiv/" * 200 + "a.txt"
    )
    actor = replace(syria_events[2].actor, name=None, text="Opposisjonen " * 30)
    event = replace(syria_events[2], actor=actor, article_id=long_id)
    assert store.add_result(ArticleResult(article=article, events=[event]))
    (stored,) = store.events(actor="opposisjonen")
    assert stored.article_id == long_id and stored.actor == actor
    assert store.articles()[0].source == "Avisen " * 40
    problem = InputProblem(origin="arkiv/" * 200 + "b.txt", reason="empty file " * 40)
    assert store.add_problem(problem) and problem in store.problems()
    store.link()


def test_nul_characters_do_not_break_either_back_end(
    store: Store, syria_article: Article, syria_events: list[Event]
) -> None:
    """PostgreSQL cannot hold U+0000 in text or JSONB; a JSON Lines record can carry one
    ("\\u0000"). It is stored as U+FFFD there, one character for one, so offsets still hold."""
    text = syria_article.text.replace("AFP.", "AFP\x00.")
    article = replace(syria_article, text=text)
    event = replace(syria_events[2], evidence=replace(
        syria_events[2].evidence, sentence=syria_events[2].evidence.sentence + "\x00"))  # fmt: skip
    assert store.add_result(ArticleResult(article=article, events=[event]))
    (stored_article,) = store.articles()
    assert len(stored_article.text) == len(text)
    assert stored_article.text.replace("\ufffd", "\x00") == text
    (stored,) = store.events()
    assert stored.evidence.sentence.rstrip("\x00\ufffd") == syria_events[2].evidence.sentence
    assert store.add_problem(InputProblem(origin="a\x00b.jsonl:3", reason="bad", detail="x\x00"))
    assert len(store.problems()) == 1
