"""Benchmark: what keeping the raw text costs, and re-extraction against the first extraction.

On the generated corpus of ``bench_extract.py``, in one process with the services loaded once:

1. ``eventdesk extract`` into a new store (timed), with the store's size and what the kept raw text
   (``article_inputs``, zlib) takes of it, against the raw text's own size;
2. ``extract --reprocess`` after a pipeline version change that changes no result (every stored
   article goes through the stages again and its results are replaced; fusion finds nothing to
   change): its articles/s against step 1's;
3. ``extract --reprocess`` after a real data change, the actor dictionary renaming Islamic State's
   Iraqi branch (as tests/test_reprocess.py does): articles/s, the change log, and whether the
   export equals that of a fresh extraction with the renamed dictionary;
4. what keeping the raw text adds to storing results: the same results stored in batches of 64
   into new stores with and without it, six rounds each, interleaved (time and size);
5. how long computing the pipeline version takes.

The machine is shared: the CPU other processes took during each step is reported
(``other_programs_cores``), and ratios are measured in the same run.

    python bench/bench_reprocess.py --articles 400 --out out/bench_reprocess.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract import make_corpus  # noqa: E402

import eventdesk  # noqa: E402
from eventdesk.app import export_events, extract, load_services, process  # noqa: E402
from eventdesk.ingest import read_inputs  # noqa: E402
from eventdesk.model import Article, ArticleResult  # noqa: E402
from eventdesk.settings import Settings  # noqa: E402
from eventdesk.extract.actors.find import ActorDictionary  # noqa: E402
from eventdesk.store import Store  # noqa: E402
from eventdesk.versions import compute_versions  # noqa: E402


def _busy_cpu_s() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(fn) -> tuple[object, dict]:
    busy, own, t0 = _busy_cpu_s(), _own_cpu_s(), time.perf_counter()
    out = fn()
    wall = time.perf_counter() - t0
    others = max(0.0, (_busy_cpu_s() - busy) - (_own_cpu_s() - own))
    return out, {"seconds": round(wall, 2), "other_programs_cores": round(others / wall, 2)}


def _kinds(settings: Settings, run_id: int) -> dict[str, int]:
    with Store.open(settings.db) as store:
        kinds: dict[str, int] = {}
        for c in store.changes(run_id=run_id):
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        return kinds


def _export(settings: Settings, path: Path) -> list[str]:
    export_events(settings, str(path))
    return sorted(path.read_text(encoding="utf-8").splitlines())


def _storing(services, manifest: Path, folder: Path, rounds: int = 6) -> dict:
    """Storing the same results with and without the raw text (``_articles.save_input`` a no-op)."""
    from eventdesk.store import _articles

    articles = [a for a in read_inputs([str(manifest)]) if isinstance(a, Article)]
    results = [r for r in process(articles, services) if isinstance(r, ArticleResult)]
    keep, seconds, size = _articles.save_input, {"with_raw": [], "without_raw": []}, {}
    try:
        for n in range(rounds):
            for name, save in (("with_raw", keep), ("without_raw", lambda *args: None)):
                _articles.save_input = save
                db = folder / f"{name}-{n}.db"
                with Store.open(db) as store:
                    t0 = time.perf_counter()
                    for i in range(0, len(results), 64):
                        store.add_results(results[i:i + 64], pipeline_version="bench")
                    seconds[name].append(time.perf_counter() - t0)
                size[name] = sum(p.stat().st_size for p in folder.glob(f"{name}-{n}.db*"))
    finally:
        _articles.save_input = keep
    extra = [1000 * (a - b) / len(results) for a, b in zip(seconds["with_raw"], seconds["without_raw"])]
    return {"ms_per_article_extra_min": round(1000 * (min(seconds["with_raw"]) - min(seconds["without_raw"]))
                                              / len(results), 2),
            "ms_per_article_extra_each_round": [round(x, 2) for x in extra],
            "store_bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--out", default="out/bench_reprocess.json")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eventdesk-bench-reprocess-"))
    try:
        manifest = make_corpus(args.articles, folder)
        raw_bytes = sum(len(json.loads(line)["text"].encode()) for line in manifest.open(encoding="utf-8"))
        settings = Settings(db=str(folder / "r.db"), progress=False)
        services = load_services(settings)
        first, t_first = _timed(lambda: extract([str(manifest)], settings, services=services))
        with Store.open(settings.db) as store:
            kept = store._conn.execute("SELECT sum(length(raw)) FROM article_inputs").fetchone()[0]
        size = sum(p.stat().st_size for p in folder.glob("r.db*"))

        same = replace(services, versions=replace(services.versions, pipeline=services.versions.pipeline + "-bench"))
        again, t_same = _timed(lambda: extract([], replace(settings, reprocess=True), services=same))

        data = folder / "data"
        shutil.copytree(Path(eventdesk.__file__).parent / "data", data)
        text = (data / "actors.csv").read_text(encoding="utf-8")
        text = text.replace("islamic-state-iraq,Islamic State (Iraq),", "islamic-state-iraq,IS (Iraq),")
        (data / "actors.csv").write_text(text, encoding="utf-8")
        renamed = replace(services, actors=ActorDictionary.from_csv(text), versions=compute_versions(data_root=data))
        changed, t_changed = _timed(lambda: extract([], replace(settings, reprocess=True), services=renamed))
        fresh = replace(settings, db=str(folder / "fresh.db"))
        extract([str(manifest)], fresh, services=renamed)
        equal = _export(settings, folder / "r.csv") == _export(fresh, folder / "f.csv")
        storing = _storing(services, manifest, folder)

        t0 = time.perf_counter()
        compute_versions()
        t_version = time.perf_counter() - t0
        n = first.summary.articles_new
        result = {
            "articles": n,
            "events": first.events_total,
            "extract": {**t_first, "articles_per_s": round(n / t_first["seconds"], 1)},
            "raw_text_bytes": raw_bytes,
            "kept_raw_bytes_zlib": kept,
            "store_bytes": size,
            "reprocess_no_change": {**t_same, "reextracted": again.summary.articles_reextracted,
                                    "articles_per_s": round(again.summary.articles_reextracted / t_same["seconds"], 1),
                                    "changes": _kinds(settings, again.run_id)},
            "reprocess_actor_renamed": {**t_changed, "reextracted": changed.summary.articles_reextracted,
                                        "articles_per_s": round(changed.summary.articles_reextracted
                                                                / t_changed["seconds"], 1),
                                        "changes": _kinds(settings, changed.run_id),
                                        "export_equals_fresh_extraction": equal},
            "storing_with_and_without_raw": storing,
            "ratio_reprocess_to_extract": round(t_same["seconds"] / t_first["seconds"], 2),
            "versions_compute_ms_warm": round(1000 * t_version, 1),
        }
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
