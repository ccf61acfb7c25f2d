"""Parallel runs (`konflikt.parallel`) with stand-ins: the results of a one-process run, pipelines
loaded once per worker, no input lost when a worker dies, a bounded number of batches in flight.

The stand-ins (a blank spaCy pipeline, a keyword extractor, a one-rule language identifier) are
module-level so that worker processes can unpickle them by importing this module.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from konflikt.errors import ClusterError
from konflikt.model import Article, Event, Evidence, InputProblem
from konflikt.parallel import ParallelRun, Stages, available_cores, dask_address, parse_workers
from konflikt.pipeline import ArticleResult, Item, process
from tests.conftest import blank_nb_pipeline, keyword_events

# Articles written for these tests. A text with CRASH kills the worker process that extracts it
# (as a segfault in native code would); one with BROKEN makes the extractor raise.
TEXTS = (
    "Opprørere angrep en politistasjon i nord natt til fredag.",
    "Regjeringen avviser at forhandlingene har stanset.",
    "Soldatane angreip ein konvoi ved grensa i går.",
    "The army attacked the village on Tuesday.",
    "Demonstranter samlet seg foran tinghuset, og politiet angrep ingen.",
    "Ministeren sier landet avviser alle krav om tilbaketrekning.",
    "Væpnede menn angrep en buss på vei mot hovedstaden.",
)
CRASH = "CRASH"
BROKEN = "BROKEN"
UNSENDABLE = "UNSENDABLE"  # its event cannot be pickled back to the parent


class CountingLoader:
    """A loader that appends "pid lang" to a file for every pipeline it loads."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def __call__(self, lang: str) -> Language:
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {lang}\n")
        return blank_nb_pipeline(lang)


class DyingLoader:
    """A loader whose worker process dies at once: workers that can never work."""

    def __call__(self, lang: str) -> Language:
        os._exit(7)


class BrokenInWorkers:
    """An identifier that cannot be unpickled in another process: workers that cannot start."""

    def __init__(self) -> None:
        self.parent = os.getpid()

    def __call__(self, text: str) -> str:
        return "nb"

    def __reduce__(self) -> tuple[object, tuple[int]]:
        return (_only_in, (self.parent,))


def _only_in(pid: int) -> BrokenInWorkers:
    if os.getpid() != pid:
        raise RuntimeError("this stand-in cannot be used in a worker process")
    return BrokenInWorkers()


def keyword_extract(doc: Doc, article: Article) -> list[Event]:
    """ASSAULT for angrep/angreip, REJECT for avviser, with offsets into the article text."""
    if CRASH in article.text:
        os._exit(9)
    if BROKEN in article.text:
        raise ValueError("the stand-in extractor cannot read this article")
    if UNSENDABLE in article.text:
        # A function where a string belongs: fine in one process, fails on the way back from a
        # worker, so the task raises (unlike BROKEN, which the worker's runner records itself).
        evidence = Evidence(article.text, 0, len(article.text))
        return [Event("ASSAULT", evidence, trigger=lambda: None)]  # type: ignore[arg-type]
    return keyword_events(doc, article)


def identify(text: str) -> str:
    if " the " in f" {text.lower()} ":
        return "en"
    return "nn" if "ein " in text else "nb"


STAGES = Stages(load=blank_nb_pipeline, extract=keyword_extract, identify=identify)


def make_items(count: int, *, extra: dict[int, str] | None = None) -> list[Item]:
    """`count` inputs: articles in turn from TEXTS, with an unreadable input every 11th and the
    texts of `extra` at their positions."""
    items: list[Item] = []
    for index in range(count):
        if index % 11 == 10:
            items.append(InputProblem(origin=f"test/{index}.bin", reason="binary file"))
            continue
        text = (extra or {}).get(index, TEXTS[index % len(TEXTS)])
        items.append(Article(id=f"a{index}", text=f"{text} (nr. {index})", origin=f"t/{index}"))
    return items


def one_process(items: list[Item], stages: Stages = STAGES) -> list[ArticleResult]:
    return list(process(items, load=stages.load, extract=stages.extract, identify=stages.identify))


def test_two_workers_give_the_results_of_one_process() -> None:
    expected = one_process(make_items(40, extra={5: f"Noe {BROKEN} her."}))
    with ParallelRun.local(2, stages=STAGES, batch_size=3) as parallel:
        got = list(parallel.process(make_items(40, extra={5: f"Noe {BROKEN} her."})))
    assert got == expected  # the same results (articles, events, problems) in the same order
    kinds = Counter(e.event_type for r in got for e in r.events)
    assert kinds["ASSAULT"] > 0 and kinds["REJECT"] > 0
    reasons = {r.problem.reason for r in got if r.problem}
    assert "binary file" in reasons
    assert any(reason.startswith("language en is not supported") for reason in reasons)
    assert any("event extraction failed" in reason for reason in reasons)
    assert {r.article.lang for r in got if r.article and not r.problem} == {"nb", "nn"}


def test_each_worker_loads_each_pipeline_once(tmp_path: Path) -> None:
    log = tmp_path / "loads.txt"
    stages = Stages(load=CountingLoader(log), extract=keyword_extract, identify=identify)
    with ParallelRun.local(2, stages=stages, batch_size=2) as parallel:
        results = list(parallel.process(make_items(30)))
    assert len(results) == 30
    loads = Counter(tuple(line.split()) for line in log.read_text("utf-8").splitlines())
    assert loads and set(loads.values()) == {1}, loads  # no pipeline loaded twice in a process
    workers = {pid for pid, _ in loads}
    assert 1 <= len(workers) <= 2
    assert str(os.getpid()) not in workers  # the parent only reads and collects
    assert {lang for _, lang in loads} == {"nb", "nn"}


def test_a_worker_that_dies_loses_no_input() -> None:
    items = make_items(24, extra={6: f"Et {CRASH} i en artikkel."})
    with ParallelRun.local(2, stages=STAGES, batch_size=4) as parallel:
        got = list(parallel.process(items))
    assert len(got) == 24
    crashed = got[6]
    assert crashed.article is not None and crashed.article.id == "a6"
    assert crashed.problem is not None
    assert crashed.problem.reason == "the worker process died while processing it"
    assert crashed.problem.origin == "t/6"
    others = make_items(24, extra={6: f"Et {CRASH} i en artikkel."})
    expected = one_process(others[:6]) + one_process(others[7:])
    assert got[:6] + got[7:] == expected


def test_a_failing_task_costs_only_its_article() -> None:
    items = make_items(20, extra={4: f"Et {UNSENDABLE} resultat."})
    with ParallelRun.local(2, stages=STAGES, batch_size=4) as parallel:
        got = list(parallel.process(items))
    assert got[4].problem is not None
    assert got[4].problem.reason.startswith("processing failed in a worker:")
    assert "pickle" in got[4].problem.reason.lower()
    others = make_items(20)
    assert got[:4] + got[5:] == one_process(others[:4]) + one_process(others[5:])


def test_workers_that_always_die_stop_the_run_with_a_clear_error() -> None:
    stages = Stages(load=DyingLoader(), extract=keyword_extract, identify=identify)
    with (
        ParallelRun.local(2, stages=stages, batch_size=2) as parallel,
        pytest.raises(ClusterError, match="failed .* times in a row"),
    ):
        list(parallel.process(make_items(20)))


def test_workers_that_cannot_start_blame_no_article() -> None:
    stages = Stages(load=blank_nb_pipeline, extract=keyword_extract, identify=BrokenInWorkers())
    seen: list[ArticleResult] = []
    with (
        ParallelRun.local(2, stages=stages, batch_size=2) as parallel,
        pytest.raises(ClusterError, match="cannot run"),
    ):
        seen.extend(parallel.process(make_items(6)))
    assert seen == []  # no article was recorded as the cause


def test_reading_stays_lazy_with_a_bounded_number_of_batches_in_flight() -> None:
    read = 0

    def counted(items: list[Item]) -> Iterator[Item]:
        nonlocal read
        for item in items:
            read += 1
            yield item

    with ParallelRun.local(2, stages=STAGES, batch_size=3, in_flight=2) as parallel:
        results = parallel.process(counted(make_items(60)))
        next(results)
        assert read == 2 * 3  # two batches sent, nothing more read
        assert len(list(results)) == 59
    assert read == 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), (" 12 ", 12), ("auto", available_cores()), ("0", available_cores())],
)
def test_parse_workers(text: str, expected: int) -> None:
    assert parse_workers(text) == expected


@pytest.mark.parametrize("text", ["-1", "to", "2.5", ""])
def test_parse_workers_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="workers"):
        parse_workers(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("local", "local"),
        ("LOCAL", "local"),
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("planlegger:8786", "tcp://planlegger:8786"),
        ("tls://planlegger.example.org:8786", "tls://planlegger.example.org:8786"),
    ],
)
def test_dask_address(text: str, expected: str) -> None:
    assert dask_address(text) == expected


@pytest.mark.parametrize(
    "text", ["planlegger", "tcp://planlegger", "tcp://:8786", "http://h:8786", "h:port", "h:0"]
)
def test_dask_address_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="scheduler|protocol"):
        dask_address(text)


# --- Dask: a LocalCluster of two worker processes ---


def test_local_dask_cluster_gives_the_results_of_one_process(tmp_path: Path) -> None:
    log = tmp_path / "loads.txt"
    stages = Stages(load=CountingLoader(log), extract=keyword_extract, identify=identify)
    expected = one_process(make_items(30), STAGES)
    with ParallelRun.dask("local", workers=2, stages=stages, batch_size=3) as parallel:
        assert parallel.workers == 2
        got = list(parallel.process(make_items(30)))
    assert got == expected
    loads = Counter(tuple(line.split()) for line in log.read_text("utf-8").splitlines())
    assert set(loads.values()) == {1}, loads
    assert 1 <= len({pid for pid, _ in loads}) <= 2


@pytest.mark.slow  # each death waits for the nanny to start a worker again (seconds)
def test_a_dask_worker_that_dies_loses_no_input() -> None:
    import dask

    items = make_items(12, extra={3: f"Et {CRASH} her."})
    # One death per task is enough for the scheduler to give up on it (default: three).
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        ParallelRun.dask("local", workers=2, stages=STAGES, batch_size=4) as parallel,
    ):
        got = list(parallel.process(items))
    assert len(got) == 12
    assert got[3].problem is not None
    assert got[3].problem.reason == "the worker process died while processing it"
    others = make_items(12)
    assert got[:3] + got[4:] == one_process(others[:3]) + one_process(others[4:])


def test_unreachable_scheduler_is_a_cluster_error() -> None:
    with pytest.raises(ClusterError, match="cannot use tcp://127.0.0.1:9"):
        ParallelRun.dask("tcp://127.0.0.1:9", connect_timeout=1)
