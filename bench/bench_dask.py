"""Benchmark: the Dask engine with 1 and 2 workers on this machine (articles per second, load time,
peak memory per worker).

The corpus comes from ``bench_extract.make_corpus`` (news-style articles generated from the
examples and the shared seeds). For each worker count a fresh ``LocalCluster`` (worker processes,
one thread each) starts, every worker loads the services (timed apart: ``load_s``), then the
partitioned run is timed: reading, the stages on the workers, the result files and loading them
into the store, which overlap (``process_s``, the figure articles/s is computed from); fusion, which
runs once in the driver after the store is loaded, is timed apart (``fuse_s``, with 2 workers only:
it does not depend on them; the generated corpus, a few sources rewritten 2,000 times, is a worst case
for fusion, ``bench_fuse.py`` measures it properly). Peak RSS is read inside each worker
(``resource.getrusage`` in a task run on every worker). The CPU that other programs took during a run
is measured from ``/proc/stat`` and reported (``other_programs_cores``): on a shared machine a busy
neighbour makes the speed-up meaningless, and the bench says so.

    python bench/bench_dask.py --articles 2000 --out out/bench_dask.json
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import make_corpus  # noqa: E402

from eventdesk.engines import DaskEngine, run_partitioned, worker_report  # noqa: E402
from eventdesk.settings import Settings  # noqa: E402

TARGET_SPEEDUP = 1.7
TARGET_RSS_MIB = 1536


def _busy_cpu_s() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s(dask_worker=None) -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run(manifest: Path, folder: Path, workers: int, partition_size: int, fuse: bool) -> dict:
    settings = Settings(db=str(folder / f"w{workers}.db"), engine="dask", workers=workers,
                        partition_size=partition_size, progress=False)
    t0 = time.perf_counter()
    with DaskEngine(settings) as engine:
        engine.start()  # cluster up, every worker has loaded the services
        t1 = time.perf_counter()
        ours0 = _own_cpu_s() + sum(engine.client.run(_own_cpu_s).values())
        busy0 = _busy_cpu_s()
        done = run_partitioned([str(manifest)], settings, engine, fuse=fuse)
        busy1 = _busy_cpu_s()
        ours1 = _own_cpu_s() + sum(engine.client.run(_own_cpu_s).values())
        reports = engine.client.run(worker_report)
    s = done.summary
    wall = done.seconds["process"] + done.seconds["fuse"]
    return {
        "workers": workers,
        "articles": s.articles_new,
        "events": s.events,
        "partitions": done.partitions,
        "startup_and_load_s": t1 - t0,
        "load_s_per_worker": [round(next(iter(r["loads"].values()))[1], 2) for r in reports.values()],
        "process_s": done.seconds["process"],
        "fuse_s": done.seconds["fuse"] if fuse else None,
        # CPU that other programs on the machine took meanwhile, as cores: > 0.1 means a noisy figure
        "other_programs_cores": max(0.0, ((busy1 - busy0) - (ours1 - ours0)) / wall),
        "articles_per_s": s.articles_new / done.seconds["process"],
        "peak_rss_mib_per_worker": [round(r["peak_rss_mib"], 1) for r in reports.values()],
    }


def table(runs: list[dict], speedup: float) -> str:
    head = ("workers", "articles/s", "process s", "fuse s", "load s (per worker)", "peak RSS MiB (per worker)")
    rows = [head] + [(str(r["workers"]), f"{r['articles_per_s']:.1f}", f"{r['process_s']:.1f}",
                      "-" if r["fuse_s"] is None else f"{r['fuse_s']:.1f}",
                      ", ".join(f"{x:.1f}" for x in r["load_s_per_worker"]),
                      ", ".join(f"{x:.0f}" for x in r["peak_rss_mib_per_worker"])) for r in runs]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    lines.append(f"speed-up 2 workers / 1 worker: {speedup:.2f}x (target >= {TARGET_SPEEDUP}x)")
    noisy = [r["workers"] for r in runs if r["other_programs_cores"] > 0.1]
    if noisy:
        lines.append(f"warning: other programs kept up to {max(r['other_programs_cores'] for r in runs):.2f} cores "
                     f"busy during the runs with {noisy} workers: the figures are not reliable, run again on a quiet "
                     "machine")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--out", default="out/bench_dask.json")
    a = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        manifest = make_corpus(a.articles, Path(tmp))
        # fusion runs in the driver and does not depend on the workers: timed once, with 2 workers
        runs = [run(manifest, Path(tmp), w, a.partition_size, fuse=w == 2) for w in (1, 2)]
    one, two = runs
    speedup = two["articles_per_s"] / one["articles_per_s"]
    peak = max(x for r in runs for x in r["peak_rss_mib_per_worker"])
    result = {
        "articles": a.articles,
        "partition_size": a.partition_size,
        "runs": runs,
        "speedup_2_over_1": speedup,
        "speedup_target": TARGET_SPEEDUP,
        "peak_rss_mib_per_worker_max": peak,
        "peak_rss_target_mib": TARGET_RSS_MIB,
        "driver_peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "targets_met": speedup >= TARGET_SPEEDUP and peak < TARGET_RSS_MIB,
    }
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(result, indent=2))
    print(table(runs, speedup))
    print(f"peak RSS per worker: {peak:.0f} MiB (target < {TARGET_RSS_MIB} MiB); "
          f"driver peak RSS {result['driver_peak_rss_mib']:.0f} MiB; written to {a.out}")


if __name__ == "__main__":
    main()
