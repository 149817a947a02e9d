"""The Dask executor: partitions run as tasks on ``dask.distributed`` workers.

Each worker loads the services (spaCy model, gazetteer, dictionaries) once, when it joins: a
``WorkerPlugin`` loads them on setup and keeps them on the worker object, keyed by the settings
they were loaded with, so every task on that worker reuses them. The plugin is registered as
idempotent under a name made from that key: a second run on a long-lived cluster reuses the
loaded services, and a worker that joins later (or is restarted) loads its own.

With no scheduler address a ``LocalCluster`` (worker processes, one thread each) starts here and
stops when the run ends. At most two tasks per worker thread are in flight, so the driver never
holds more than that many partitions of articles.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Iterator

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from eventdesk.engines._partitions import Task, services_key
from eventdesk.engines._work import run_task
from eventdesk.errors import ConfigError
from eventdesk.services import Services
from eventdesk.settings import Settings

__all__ = ["DaskEngine", "ServicesPlugin", "worker_report"]

_ATTR = "eventdesk_services"  # on the worker object: {services key: Services}
_LOADS = "eventdesk_loads"  # on the worker object: {services key: (times loaded, seconds)}


class ServicesPlugin(WorkerPlugin):
    """Loads the services once per worker, on setup, and keeps them on the worker."""

    idempotent = True

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.key = services_key(settings)
        self.name = f"eventdesk-services-{self.key}"

    async def setup(self, worker) -> None:
        # loading takes seconds: off the worker's event loop, so it keeps answering the scheduler
        t0 = time.perf_counter()
        services = await asyncio.to_thread(Services.load, self.settings)
        _on(worker, _ATTR)[self.key] = services
        loads = _on(worker, _LOADS)
        count, _ = loads.get(self.key, (0, 0.0))
        loads[self.key] = (count + 1, time.perf_counter() - t0)

    def teardown(self, worker) -> None:
        getattr(worker, _ATTR, {}).pop(self.key, None)


def _on(worker, name: str) -> dict:
    """A dict kept on the worker object (created on first use)."""
    found = getattr(worker, name, None)
    if found is None:
        found = {}
        setattr(worker, name, found)
    return found


def run_on_worker(task: Task) -> bytes:
    """The Dask task: the partition's work with this worker's services."""
    worker = get_worker()
    services = getattr(worker, _ATTR, {}).get(task.services_key)
    if services is None:
        raise ConfigError(f"worker {worker.address} has no eventdesk services {task.services_key} loaded "
                          "(did the worker plugin fail to load the model? see the worker's log)")
    return run_task(task, services)


def worker_report(dask_worker=None) -> dict:
    """Run on every worker (``client.run``): how often and how fast it loaded services, peak RSS."""
    return {"loads": dict(getattr(dask_worker, _LOADS, {})), "peak_rss_mib": _own_peak_rss_mib()}


def _own_peak_rss_mib() -> float:
    """This process's own peak RSS: Linux's VmHWM, which starts afresh at exec. ``ru_maxrss`` is kept
    across fork and exec, so a worker process started from a large one (a test run that has loaded
    the gazetteer) reported its parent's peak; it is the fallback where /proc is missing."""
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class DaskEngine:
    """Connects to ``settings.scheduler`` or starts a ``LocalCluster`` of ``settings.workers``
    processes; use as a context manager (the local cluster stops on exit)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self.load_seconds = 0.0

    def __enter__(self) -> DaskEngine:
        return self

    def start(self) -> None:
        """Connect (or start the local cluster) and have every worker load the services; done on
        the first task, so a rerun with nothing left to compute starts no cluster."""
        if self.client is not None:
            return
        s = self.settings
        try:
            if s.scheduler:
                self.client = Client(s.scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=s.workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            self.__exit__()
            raise ConfigError(f"cannot reach the Dask scheduler {s.scheduler}: {exc}") from exc
        t0 = time.perf_counter()
        self.client.register_plugin(ServicesPlugin(s))
        self.load_seconds = time.perf_counter() - t0

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    @property
    def threads(self) -> int:
        """Worker threads the cluster has now (it may grow or shrink during a run)."""
        return max(1, sum(self.client.nthreads().values()))

    def map(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, bytes]]:
        """Run the tasks, at most two per worker thread in flight; yield ``(task, result file bytes)`` as
        each finishes (any order). A worker lost mid-task is replaced and its task run again."""
        running: as_completed | None = None
        pending: dict[str, Task] = {}
        for task in tasks:
            self.start()
            client, window = self.client, 2 * self.threads
            while len(pending) >= window:
                yield self._done(next(running), pending)
            [data] = client.scatter([task], hash=False)
            future = client.submit(run_on_worker, data, pure=False)
            pending[future.key] = task
            if running is None:
                running = as_completed([future])
            else:
                running.add(future)
        for future in running or ():
            yield self._done(future, pending)

    @staticmethod
    def _done(future, pending: dict[str, Task]) -> tuple[Task, bytes]:
        task = pending.pop(future.key)
        result = future.result()
        future.release()
        return task, result
