"""Parallel runs of the pipeline, on local worker processes or a Dask cluster, with the results of
a one-process run.

    with ParallelRun.local(workers=4) as parallel:  # or ParallelRun.dask("tcp://host:8786")
        summary = konflikt.pipeline.run(read_inputs(paths), store=store,
                                        processor=parallel.process)

The parent reads the inputs lazily and cuts them into batches (`konflikt.pipeline.BATCH_SIZE`);
at most `in_flight` batches are at the workers at any time, so memory stays flat however long the
input is. Results come back in input order and the parent stores them (one writer, which SQLite
needs), so the database and the printed output are those of `process()` in one process.

Each worker process keeps one `BatchRunner` for its lifetime, so it loads each language pipeline
once: a process-pool initializer for local workers, a `WorkerPlugin` on Dask workers.

No input is lost when a worker fails. A batch whose task fails (the worker process died, or the
task raised) is run again one article at a time, with nothing else in flight, so that the failure
is pinned on the article that causes it; that article becomes a problem with the reason, and the
other articles of the batch are processed as usual. Batches that were in flight beside it are
submitted again. Before an article is blamed for a death, an empty batch goes through a fresh
worker: workers that cannot run at all stop the run with a `ClusterError`, blaming no article.
When workers keep dying without a single batch coming back (they are killed for memory while
loading the models), the run stops the same way after `MAX_FAILURES_IN_A_ROW`, instead of
rejecting every input; what was stored stays stored, and a re-run stores nothing twice.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol

from konflikt.errors import ClusterError
from konflikt.model import InputProblem
from konflikt.pipeline import (
    BATCH_SIZE,
    ArticleResult,
    BatchRunner,
    Extractor,
    Identifier,
    Item,
    Loader,
    batches,
)

log = logging.getLogger(__name__)

# Batches at the workers per worker: one being processed, one waiting, so no worker idles while
# the parent stores results; more would only hold more articles in memory.
IN_FLIGHT_PER_WORKER = 2
# Failures in a row, with no batch coming back in between, after which the workers are taken to
# be unusable (killed for memory, models missing) and the run stops instead of going on to
# reject every remaining input as "the worker died".
MAX_FAILURES_IN_A_ROW = 5
# Imported once in the fork server, so that each worker process starts without importing spaCy
# and the extractor again.
FORKSERVER_PRELOAD = ["konflikt.pipeline", "konflikt.nlp", "konflikt.extract"]
# The default start method for local workers. "fork" would copy the parent's threads' locks
# (the progress bar and Dask run threads); the fork server is a clean single-threaded process.
START_METHOD = "forkserver"
DASK_CONNECT_TIMEOUT_S = 10.0  # a scheduler that does not answer in this time is unreachable
LOCAL = "local"  # --dask local: a LocalCluster on this machine


def available_cores() -> int:
    """CPU cores this process may use (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def parse_workers(text: str) -> int:
    """A worker count from the command line: a positive number, or "auto" / "0" for all cores.

    Raises ValueError with a message for the user.
    """
    value = text.strip().lower()
    if value in {"auto", "0"}:
        return available_cores()
    try:
        count = int(value)
    except ValueError:
        raise ValueError(f"expected a number of workers or 'auto', got {text!r}") from None
    if count < 0:
        raise ValueError(f"the number of workers cannot be negative, got {count}")
    return count


def dask_address(text: str) -> str:
    """A Dask scheduler address, `local`, or `host:port` (taken as tcp://host:port).

    Raises ValueError with a message for the user when it is none of these.
    """
    value = text.strip()
    if value.lower() == LOCAL:
        return LOCAL
    scheme, sep, rest = value.partition("://")
    if not sep:
        scheme, rest = "tcp", value
    schemes = ("tcp", "tls", "ws", "wss", "ucx", "inproc")
    if scheme not in schemes:
        raise ValueError(
            f"{text!r}: unknown protocol {scheme!r}; expected {', '.join(schemes)} "
            "(e.g. tcp://scheduler:8786) or 'local'"
        )
    if scheme != "inproc":
        host, colon, port = rest.rpartition(":")
        if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(
                f"{text!r} is not a scheduler address; write e.g. tcp://scheduler:8786 or "
                "'local' for a cluster on this machine"
            )
    return f"{scheme}://{rest}"


@dataclass(frozen=True, slots=True)
class Stages:
    """The pipeline's replaceable parts, sent to each worker (None: konflikt's own).

    They must be picklable: module-level functions or instances of module-level classes.
    """

    load: Loader | None = None
    extract: Extractor | None = None
    identify: Identifier | None = None

    def runner(self) -> BatchRunner:
        return BatchRunner(load=self.load, extract=self.extract, identify=self.identify)


class Pending(Protocol):
    """A submitted batch: `concurrent.futures.Future` or `distributed.Future`."""

    def result(self, timeout: float | None = None) -> Any: ...

    def exception(self, timeout: float | None = None) -> BaseException | None: ...


class Backend(Protocol):
    """Where batches run: a local process pool or a Dask cluster."""

    workers: int
    description: str

    def submit(self, batch: list[Item]) -> Pending: ...

    def died(self, error: BaseException) -> bool:
        """Whether `error` says a worker process died (rather than the task raising)."""
        ...

    def lost(self, error: BaseException) -> bool:
        """Whether `error` says the workers as a whole are gone (the connection to them)."""
        ...

    def recover(self) -> None:
        """Make the backend usable again after a worker died."""
        ...

    def close(self) -> None: ...


class ParallelRun:
    """Workers that turn items into results; `process` is a `konflikt.pipeline.Processor`.

    A context manager: leaving it stops the workers (and a local Dask cluster).
    """

    def __init__(
        self, backend: Backend, *, batch_size: int = BATCH_SIZE, in_flight: int | None = None
    ) -> None:
        self._backend = backend
        self.batch_size = max(1, batch_size)
        self.in_flight = in_flight or IN_FLIGHT_PER_WORKER * max(1, backend.workers)
        self._failures_in_a_row = 0

    @classmethod
    def local(
        cls,
        workers: int,
        *,
        stages: Stages | None = None,
        batch_size: int = BATCH_SIZE,
        in_flight: int | None = None,
        start_method: str = START_METHOD,
    ) -> ParallelRun:
        """`workers` processes on this machine."""
        backend = _ProcessPool(max(1, workers), stages or Stages(), start_method)
        return cls(backend, batch_size=batch_size, in_flight=in_flight)

    @classmethod
    def dask(
        cls,
        address: str,
        *,
        workers: int | None = None,
        stages: Stages | None = None,
        batch_size: int = BATCH_SIZE,
        in_flight: int | None = None,
        connect_timeout: float | None = None,
    ) -> ParallelRun:
        """The Dask scheduler at `address`, or with `address` "local" a new `LocalCluster` of
        `workers` single-threaded processes (default: one per core). A scheduler that does not
        answer within `connect_timeout` seconds (default `DASK_CONNECT_TIMEOUT_S`) is unreachable.

        Raises ClusterError when the scheduler cannot be reached or the cluster not started.
        """
        from konflikt.parallel_dask import DaskBackend  # imports distributed, only when used

        backend = DaskBackend.connect(
            address,
            workers,
            stages or Stages(),
            connect_timeout=connect_timeout or DASK_CONNECT_TIMEOUT_S,
        )
        return cls(backend, batch_size=batch_size, in_flight=in_flight)

    @property
    def workers(self) -> int:
        return self._backend.workers

    @property
    def description(self) -> str:
        """What runs the batches, for the user: "2 local worker processes", ..."""
        return self._backend.description

    def __enter__(self) -> ParallelRun:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._backend.close()

    def process(self, items: Iterable[Item]) -> Iterator[ArticleResult]:
        """One result per item, in input order, as `konflikt.pipeline.process` gives them."""
        todo = batches(items, self.batch_size)
        # Oldest first; the parent waits on the oldest, the others run meanwhile.
        window: deque[tuple[list[Item], Pending]] = deque()
        while True:
            while len(window) < self.in_flight and (batch := next(todo, None)) is not None:
                window.append((batch, self._submit(batch)))
            if not window:
                return
            batch, pending = window.popleft()
            try:
                results: list[ArticleResult] = pending.result()
            except Exception as error:
                self._check_usable(error)
                results = self._after_failure(batch, error, window)
            else:
                self._failures_in_a_row = 0
            yield from results

    def _submit(self, batch: list[Item]) -> Pending:
        try:
            return self._backend.submit(batch)
        except Exception as error:
            self._check_usable(error)
            if not self._backend.died(error):
                raise ClusterError(f"cannot submit work: {describe_error(error)}") from error
            self._backend.recover()
            return self._backend.submit(batch)

    def _check_usable(self, error: BaseException) -> None:
        """Stop the run when the error says the cluster itself is gone (not one article)."""
        if self._backend.lost(error):
            raise ClusterError(
                f"lost the workers ({self.description}): {describe_error(error)}"
            ) from error

    def _after_failure(
        self, batch: list[Item], error: Exception, window: deque[tuple[list[Item], Pending]]
    ) -> list[ArticleResult]:
        """Results for a batch whose task failed, found one article at a time."""
        self._count_failure(error)
        # Let the rest of the window settle first: the articles below must run alone, so that
        # a worker's death is pinned on the article that caused it.
        died = self._backend.died(error)
        failed = []
        for index, (_, pending) in enumerate(window):
            other = _error_of(pending)
            if other is not None:
                self._check_usable(other)
                failed.append(index)
                died = died or self._backend.died(other)
        if died:
            self._backend.recover()
        results = [self._alone(item) for item in batch]
        # Batches beside it that failed (a dead pool fails them all) are sent again, in place.
        for index in failed:
            other_batch = window[index][0]
            window[index] = (other_batch, self._submit(other_batch))
        return results

    def _alone(self, item: Item) -> ArticleResult:
        if isinstance(item, InputProblem):
            return ArticleResult(article=None, problem=item)
        try:
            [result] = self._submit([item]).result()
        except Exception as error:
            self._check_usable(error)
            self._count_failure(error)
            if self._backend.died(error):
                self._backend.recover()
                self._probe()  # before the article is blamed: can a worker run anything at all?
                reason = "the worker process died while processing it"
            else:
                reason = f"processing failed in a worker: {describe_error(error)}"
            log.warning("%s: %s", item.origin or item.id, reason)
            return ArticleResult(
                article=item, problem=InputProblem(origin=item.origin or item.id, reason=reason)
            )
        self._failures_in_a_row = 0
        return result

    def _probe(self) -> None:
        """An empty batch through a fresh worker; raises ClusterError when even that fails
        (workers that cannot start: an unimportable main module, a broken environment)."""
        try:
            self._submit([]).result()
        except Exception as error:
            raise ClusterError(
                f"the workers ({self.description}) cannot run: {describe_error(error)}"
            ) from error

    def _count_failure(self, error: BaseException) -> None:
        self._failures_in_a_row += 1
        if self._failures_in_a_row > MAX_FAILURES_IN_A_ROW:
            raise ClusterError(
                f"the workers ({self.description}) failed {self._failures_in_a_row} times in a "
                f"row without finishing a batch; last error: {describe_error(error)}"
            ) from error


def _error_of(pending: Pending) -> BaseException | None:
    """What the task raised, once it is done (None: it worked); waits for it."""
    try:
        return pending.exception()
    except CancelledError as cancelled:  # a cancelled future raises instead of returning
        return cancelled


def describe_error(error: BaseException) -> str:
    """An exception as one line for the user: its type and message."""
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# --- local worker processes ---


class _ProcessPool:
    """`concurrent.futures.ProcessPoolExecutor`; each process keeps one BatchRunner."""

    def __init__(self, workers: int, stages: Stages, start_method: str) -> None:
        self.workers = workers
        self.description = f"{workers} local worker process{'es' if workers != 1 else ''}"
        self._stages = stages
        try:
            self._context = multiprocessing.get_context(start_method)
        except ValueError as exc:
            raise ClusterError(f"cannot start worker processes: {exc}") from None
        if start_method == "forkserver":
            self._context.set_forkserver_preload(FORKSERVER_PRELOAD)
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        try:
            return ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self._context,
                initializer=_start_worker,
                initargs=(self._stages,),
            )
        except (OSError, ValueError) as exc:
            raise ClusterError(f"cannot start {self.description}: {exc}") from None

    def submit(self, batch: list[Item]) -> Pending:
        return self._pool.submit(_run_in_worker, batch)

    def died(self, error: BaseException) -> bool:
        return isinstance(error, BrokenProcessPool)

    def lost(self, error: BaseException) -> bool:
        return False  # a broken pool is started again (`recover`)

    def recover(self) -> None:
        log.warning("a worker process died; starting the pool again")
        self._shut_down_broken()
        self._pool = self._start()

    def close(self) -> None:
        if getattr(self._pool, "_broken", False):
            self._shut_down_broken()
        else:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _shut_down_broken(self) -> None:
        """Kill the broken pool's workers, then shut it down.

        CPython before 3.14 can hang here otherwise: a worker spawned on demand (fork server and
        spawn start workers as tasks come) while the pool was breaking is missed by the pool's
        own terminate-and-join, and `shutdown(wait=True)` waits for it forever (seen twice in some
        60 repeated runs of the worker-death tests). Killing every worker first is safe: the
        pool is unusable anyway.
        """
        kill_workers = getattr(self._pool, "kill_workers", None)  # Python 3.14+
        if callable(kill_workers):
            kill_workers()
        else:
            # No public handle on the workers before 3.14; `_processes` maps pid to process.
            for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                if process.is_alive():
                    process.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


# The worker process's runner: set once by the pool's initializer, used for every batch.
_worker_runner: BatchRunner | None = None


def _start_worker(stages: Stages) -> None:
    global _worker_runner
    # Ctrl-C reaches the whole process group; the parent shuts the pool down, the workers
    # should not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_runner = stages.runner()


def _run_in_worker(batch: list[Item]) -> list[ArticleResult]:
    if _worker_runner is None:  # only when called outside a pool started by _ProcessPool
        raise RuntimeError("this process was not started as a konflikt worker")
    return _worker_runner.run_batch(batch)
