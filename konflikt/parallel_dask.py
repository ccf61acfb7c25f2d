"""The Dask backend of `konflikt.parallel`: batches run on the workers of a Dask cluster.

Each worker holds one `BatchRunner` in a `WorkerPlugin`, so it loads each language pipeline once
for as long as the plugin is registered; the parent (`ParallelRun.process`) submits batches,
keeps a bounded number in flight and stores the results in input order. Kept apart from
`konflikt.parallel` because importing `distributed` costs half a second that local runs need not
pay.

A worker that dies is restarted by its nanny and its task rescheduled by the scheduler (up to
`distributed.scheduler.allowed-failures` times); only then does the task fail with `KilledWorker`,
which `ParallelRun` answers by running the batch one article at a time.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import CancelledError
from typing import Any

from distributed import Client, KilledWorker, LocalCluster, Worker, WorkerPlugin, get_worker
from distributed.comm.core import CommClosedError

from konflikt.errors import ClusterError
from konflikt.parallel import LOCAL, Pending, Stages, available_cores, describe_error
from konflikt.pipeline import ArticleResult, BatchRunner, Item

PLUGIN_NAME = "konflikt-pipelines"


class PipelinePlugin(WorkerPlugin):
    """Each worker's BatchRunner, made when the plugin is registered on it.

    A lock keeps one batch at a time per worker, so that a worker with several threads shares
    its pipelines safely (spaCy pipelines are not thread-safe); the parallelism is in worker
    processes: `dask worker ADDRESS --nworkers auto --nthreads 1`.
    """

    name = PLUGIN_NAME

    def __init__(self, stages: Stages) -> None:
        self.stages = stages
        self._runner: BatchRunner | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"stages": self.stages}  # the runner and the lock are made on each worker

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["stages"])  # type: ignore[misc]

    def setup(self, worker: Worker) -> None:
        self._runner = self.stages.runner()

    def teardown(self, worker: Worker) -> None:
        self._runner = None

    def run_batch(self, batch: list[Item]) -> list[ArticleResult]:
        with self._lock:
            if self._runner is None:
                self._runner = self.stages.runner()
            return self._runner.run_batch(batch)


def run_on_worker(batch: list[Item]) -> list[ArticleResult]:
    """The task: this worker's plugin runs the batch."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, PipelinePlugin):
        raise RuntimeError(f"the {PLUGIN_NAME} plugin is not registered on this worker")
    return plugin.run_batch(batch)


class DaskBackend:
    """A `distributed.Client` (and the `LocalCluster` it runs on, for `--dask local`)."""

    def __init__(self, client: Client, cluster: LocalCluster | None, description: str) -> None:
        self._client = client
        self._cluster = cluster
        self.description = description
        self.workers = max(1, sum(client.nthreads().values()))

    @classmethod
    def connect(
        cls, address: str, workers: int | None, stages: Stages, *, connect_timeout: float
    ) -> DaskBackend:
        """Connect to `address` (or start a local cluster of `workers` processes for "local")
        and register the pipelines plugin. Raises ClusterError."""
        cluster: LocalCluster | None = None
        client: Client | None = None
        try:
            if address == LOCAL:
                count = workers or available_cores()
                cluster = LocalCluster(
                    n_workers=count,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster)
                description = f"a local Dask cluster of {count} processes"
            else:
                client = Client(address, timeout=connect_timeout)
                description = f"the Dask scheduler at {address}"
            client.register_plugin(PipelinePlugin(stages), name=PLUGIN_NAME)
        except Exception as exc:  # OSError, TimeoutError, or a failed registration
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
            where = "start a local Dask cluster" if address == LOCAL else f"use {address}"
            raise ClusterError(f"cannot {where}: {describe_error(exc)}") from None
        return cls(client, cluster, description)

    def submit(self, batch: list[Item]) -> Pending:
        return self._client.submit(run_on_worker, batch, pure=False)

    def died(self, error: BaseException) -> bool:
        return isinstance(error, KilledWorker)

    def lost(self, error: BaseException) -> bool:
        # The client cancels its futures when it loses the scheduler.
        return isinstance(error, CancelledError | CommClosedError | TimeoutError)

    def recover(self) -> None:
        """Nothing to do: the nanny restarts a dead worker and the scheduler reschedules."""

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
