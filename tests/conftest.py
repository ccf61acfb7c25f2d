"""Shared test fixtures: hand-written Norwegian articles and the events a coder would give them.

The sentences are written for these tests (no third-party text). Offsets are computed from the
text so that they are always right.
"""

from __future__ import annotations

import os
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from konflikt.model import Article, Event, EventDate, Evidence, Location, Party, Quantity
from konflikt.pipeline import ArticleResult

SYRIA_TEXT = (
    "date 2026-03-14\n"
    "Syriske regjeringsstyrker har tatt kontroll over landsbyen Kafr Nabl, melder nyhetsbyrået "
    "AFP. Minst 12 opprørere ble drept da jagerfly bombet stillinger ved Idlib fredag. "
    "Opposisjonen avviser at landsbyen har falt."
)
OSLO_TEXT = (
    "Politiet i Oslo pågrep natt til søndag tre personer etter en demonstrasjon utenfor "
    "Stortinget. Ifølge NTB skal demonstrantene ha kastet stein mot politiet."
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _sentence(text: str, needle: str) -> Evidence:
    """The sentence containing `needle` (sentences end with '. ' in these texts)."""
    pos = text.index(needle)
    dot = text.rfind(". ", 0, pos)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, pos) + 1)
    end = text.index(".", pos) + 1
    return Evidence(sentence=text[start:end], start=start, end=end)


def _party(text: str, needle: str, **resolved: object) -> Party:
    start, end = _span(text, needle)
    return Party(text=needle, start=start, end=end, **resolved)  # type: ignore[arg-type]


@pytest.fixture
def syria_article() -> Article:
    return Article(
        id="test-syria-1", text=SYRIA_TEXT, title="Regjeringsstyrker tok Kafr Nabl",
        published="2026-03-14", source="Testavisen", lang="nb", origin="tests/syria.txt",
        body_start=SYRIA_TEXT.index("\n") + 1,
    )  # fmt: skip


@pytest.fixture
def oslo_article() -> Article:
    return Article(
        id="test-oslo-1", text=OSLO_TEXT, title="Tre pågrepet etter demonstrasjon",
        published="2026-04-05", source="Testavisen", lang="nb", origin="tests/oslo.txt",
    )  # fmt: skip


@pytest.fixture
def syria_events(syria_article: Article) -> list[Event]:
    t = syria_article.text
    afp = _party(t, "nyhetsbyrået AFP", name="AFP", kind="media", via=["AFP"])
    occupy = Event(
        event_type="ASSAULT", mode="occupy", evidence=_sentence(t, "tatt kontroll"),
        actor=_party(t, "Syriske regjeringsstyrker", name="Syrian Army", kind="state_forces",
                     country="SYR"),
        location=Location(text="Kafr Nabl", start=_span(t, "Kafr Nabl")[0],
                          end=_span(t, "Kafr Nabl")[1], name="Kafr Nabl", country="SY",
                          lat=35.59, lon=36.56, precision="place"),
        date=EventDate(text="", start="2026-03-14", end="2026-03-14", precision="day"),
        source=afp, article_id=syria_article.id, trigger="tatt kontroll",
        trigger_start=_span(t, "tatt kontroll")[0], trigger_end=_span(t, "tatt kontroll")[1],
    )  # fmt: skip
    killed_start, killed_end = _span(t, "Minst 12")
    bombing = Event(
        event_type="ASSAULT", mode="aerial", evidence=_sentence(t, "jagerfly"),
        actor=_party(t, "jagerfly", name="Syrian Air Force", kind="state_forces", country="SYR"),
        recipient=_party(t, "opprørere", name="Syrian rebels", kind="armed_group"),
        location=Location(text="Idlib", start=_span(t, "Idlib")[0], end=_span(t, "Idlib")[1],
                          name="Idlib", geonames_id=169389, country="SY", admin1="Idlib",
                          lat=35.93, lon=36.63, precision="place"),
        date=EventDate(text="fredag", start="2026-03-13", end="2026-03-13", precision="day",
                       span_start=_span(t, "fredag")[0], span_end=_span(t, "fredag")[1]),
        quantities=[Quantity(text="Minst 12", low=12, best=12, high=None, what="killed",
                             start=killed_start, end=killed_end)],
        article_id=syria_article.id, trigger="bombet", trigger_start=_span(t, "bombet")[0],
        trigger_end=_span(t, "bombet")[1], confidence=0.8,
    )  # fmt: skip
    denial = Event(
        event_type="REJECT", evidence=_sentence(t, "avviser"),
        actor=_party(t, "Opposisjonen", name="Syrian opposition", kind="armed_group"),
        article_id=syria_article.id, trigger="avviser", trigger_start=_span(t, "avviser")[0],
        trigger_end=_span(t, "avviser")[1],
    )  # fmt: skip
    return [occupy, bombing, denial]


@pytest.fixture
def oslo_events(oslo_article: Article) -> list[Event]:
    t = oslo_article.text
    oslo = Location(text="Oslo", start=_span(t, "Oslo")[0], end=_span(t, "Oslo")[1], name="Oslo",
                    geonames_id=3143244, country="NO", admin1="Oslo", lat=59.91, lon=10.75,
                    precision="place")  # fmt: skip
    sunday = EventDate(text="natt til søndag", start="2026-04-05", end="2026-04-05",
                       precision="day", span_start=_span(t, "natt til søndag")[0],
                       span_end=_span(t, "natt til søndag")[1])  # fmt: skip
    arrest = Event(
        event_type="COERCE", mode="arrest", evidence=_sentence(t, "pågrep"),
        actor=_party(t, "Politiet i Oslo", name="Oslo politidistrikt", kind="police",
                     country="NOR"),
        recipient=_party(t, "tre personer", kind="civilians"), location=oslo, date=sunday,
        quantities=[Quantity(text="tre", low=3, best=3, high=3, what="people",
                             start=_span(t, "tre")[0], end=_span(t, "tre")[1])],
        article_id=oslo_article.id, trigger="pågrep", trigger_start=_span(t, "pågrep")[0],
        trigger_end=_span(t, "pågrep")[1],
    )  # fmt: skip
    riot = Event(
        event_type="PROTEST", mode="riot", evidence=_sentence(t, "kastet stein"),
        actor=_party(t, "demonstrantene", name="Demonstranter", kind="civilians"),
        recipient=_party(t, "politiet", name="Oslo politidistrikt", kind="police"),
        source=_party(t, "NTB", name="NTB", kind="media", via=["NTB"]), stance="hedged",
        article_id=oslo_article.id, trigger="kastet", trigger_start=_span(t, "kastet")[0],
        trigger_end=_span(t, "kastet")[1],
    )  # fmt: skip
    return [arrest, riot]


@pytest.fixture
def syria_result(syria_article: Article, syria_events: list[Event]) -> ArticleResult:
    return ArticleResult(article=syria_article, events=syria_events)


@pytest.fixture
def oslo_result(oslo_article: Article, oslo_events: list[Event]) -> ArticleResult:
    return ArticleResult(article=oslo_article, events=oslo_events)


# --- database back ends: SQLite always, PostgreSQL when a server is given ---

POSTGRES_ENV = "KONFLIKT_TEST_POSTGRES"
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the test server named by $KONFLIKT_TEST_POSTGRES (.ci/run starts one).

    Unset: the PostgreSQL variants are skipped. Set but unreachable: they fail, so that CI
    cannot pass without having run them."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL variant: set {POSTGRES_ENV}=postgresql+psycopg://user:password@host/db "
            "(.ci/run starts a server and sets it)"
        )
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        engine.dispose()
        pytest.fail(f"{POSTGRES_ENV} is set but the server cannot be used: {exc}", pytrace=False)
    yield engine
    engine.dispose()


def postgres_schema_url(admin: Engine, schema: str) -> str:
    """A URL on the test database whose tables all go into `schema` (its search_path)."""
    url = make_url(os.environ[POSTGRES_ENV]).update_query_dict(
        {"options": f"-csearch_path={schema}"}
    )
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each back end: an SQLite file, or a PostgreSQL schema of its own
    (dropped afterwards), so PostgreSQL tests do not see each other's rows."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    admin: Engine = request.getfixturevalue("postgres_admin")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield postgres_schema_url(admin, schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


def blank_nb_pipeline(lang: str) -> Language:
    """Stand-in for `konflikt.nlp.load`: blank Norwegian with a sentencizer, no trained model."""
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


KEYWORD_CUES = (("angrep", "ASSAULT"), ("angreip", "ASSAULT"), ("avviser", "REJECT"))


def keyword_events(doc: Doc, article: Article) -> list[Event]:
    """Stand-in extractor: ASSAULT for "angrep"/"angreip", REJECT for "avviser", one event per
    cue and sentence, the sentence's first word as actor, offsets into the article text."""
    events = []
    for sent in doc.sents:
        for cue, event_type in KEYWORD_CUES:
            if cue in sent.text:
                start = sent.start_char + article.body_start
                trigger = start + sent.text.index(cue)
                events.append(
                    Event(
                        event_type,
                        Evidence(sent.text, start, start + len(sent.text)),
                        actor=Party(text=sent[0].text),
                        article_id=article.id,
                        trigger=cue,
                        trigger_start=trigger,
                        trigger_end=trigger + len(cue),
                    )
                )
    return events


def use_stand_in_nlp(
    monkeypatch: pytest.MonkeyPatch,
    extract: Callable[[Doc, Article], list[Event]],
    *,
    load: Callable[[str], Language] = blank_nb_pipeline,
    identify: Callable[[str], str] = lambda text: "nb",
) -> None:
    """Make the commands run on stand-ins: `load` for the pipelines, `extract` for the
    extractor, and `identify` as the language identifier (lingua is not loaded)."""
    monkeypatch.setattr("konflikt.nlp.load", load, raising=False)
    monkeypatch.setattr("konflikt.extract.extract_events", extract, raising=False)
    langid = types.ModuleType("konflikt.ingest.langid")
    langid.identify_language = identify  # type: ignore[attr-defined]
    langid.SUPPORTED = {"nb", "nn"}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "konflikt.ingest.langid", langid)
