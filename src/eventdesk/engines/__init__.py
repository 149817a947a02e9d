"""Engines: where the per-article stages run. The same stage functions (``pipeline.Pipeline``) run
in this process (the local engine, ``app.extract``) or over partitions of the input on Dask
workers (``DaskEngine`` with ``run_partitioned``); only the executor differs.

    with DaskEngine(settings) as engine:            # LocalCluster, or settings.scheduler
        run = run_partitioned(inputs, settings, engine)

``InProcess(services)`` is the same partitioned, resumable run without a cluster.
``DaskEngine`` imports ``dask.distributed`` only when first used.
"""

from __future__ import annotations

from typing import Any

from eventdesk.engines._codec import decode_result, encode_result
from eventdesk.engines._driver import Executor, PartitionedRun, fuse_unfused, run_partitioned
from eventdesk.engines._partitions import work_folder
from eventdesk.engines._work import InProcess

__all__ = ["DaskEngine", "Executor", "InProcess", "PartitionedRun", "ServicesPlugin", "decode_result",
           "encode_result", "fuse_unfused", "run_partitioned", "work_folder", "worker_report"]

_LAZY = ("DaskEngine", "ServicesPlugin", "worker_report")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from eventdesk.engines import _dask

        return getattr(_dask, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
