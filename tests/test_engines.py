"""Engines: the Dask engine runs the same stage functions as the local one and gives the same
exports; runs are resumable and idempotent (also after SIGKILL); services load once per worker;
result files round-trip; fusion by (country, month) equals one fusion over all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import logging
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from eventdesk.app import export_events, extract, fuse_new, process
from eventdesk.cli import main
from eventdesk.engines import (
    DaskEngine,
    InProcess,
    decode_result,
    encode_result,
    fuse_unfused,
    run_partitioned,
    work_folder,
    worker_report,
)
from eventdesk.engines._partitions import partitions, read_file, services_key, settings_salt
from eventdesk.errors import ConfigError
from eventdesk.ingest import read_inputs
from eventdesk.model import (
    Article,
    ArticleResult,
    CleanArticle,
    Dropped,
    PublicationDate,
    Skipped,
)
from eventdesk.settings import Settings
from eventdesk.store import Store
from eventdesk.versions import Versions, current_versions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _sorted_lines(path: Path) -> list[bytes]:
    return sorted(path.read_bytes().splitlines())


def _corpus(folder: Path, n: int, shards: int) -> list[str]:
    """``n`` small articles (the lead paragraphs of the examples and seeds, each with a unique
    reference line), published over three months, in ``shards`` JSONL.gz manifest shards."""
    sources = sorted((ROOT / "examples" / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    leads = []
    for p in sources:
        paras = [x for x in p.read_text(encoding="utf-8").split("\n\n") if x.strip()]
        leads.append("\n\n".join(paras[:3]))
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"shard-{k}.jsonl.gz" for k in range(shards)]
    handles = [gzip.open(p, "wt", encoding="utf-8") for p in paths]
    for i in range(n):
        text = f"{leads[i % len(leads)]}\n\nReference {i}."
        record = {"id": f"g{i:04d}", "text": text, "outlet": f"Outlet {i % 7}",
                  "published": f"2020-{4 + i % 3:02d}-{1 + i % 28:02d}"}
        handles[i * shards // n].write(json.dumps(record) + "\n")
    for h in handles:
        h.close()
    return [str(p) for p in paths]


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of two worker processes for the module's dask runs (each worker loads the
    services once, whatever number of runs use it)."""
    from distributed import LocalCluster

    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                     silence_logs=logging.ERROR)
    yield c
    c.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    return _corpus(tmp_path_factory.mktemp("corpus"), 120, 3)


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus, services) -> Path:
    """The corpus through the local engine, uninterrupted: the export every other run must equal."""
    tmp = tmp_path_factory.mktemp("reference")
    out = tmp / "events.csv"
    report = extract(corpus, Settings(db=str(tmp / "ref.db"), progress=False), services=services, output=str(out))
    assert report.summary.articles_new == 120 and report.exported > 10
    return out


# ---------------------------------------------------------------- result files


def test_result_codec_round_trips(services, examples_manifest, shared_dir):
    items = list(read_inputs([str(examples_manifest), str(shared_dir / "corpus" / "seeds" / "manifest.jsonl")]))
    results = [r for r in process([a for a in items if isinstance(a, Article)], services)
               if isinstance(r, ArticleResult)]
    assert len(results) == 10 and sum(len(r.events) for r in results) > 10
    assert any(c for r in results for e in r.events for c in e.claims)
    for r in results:
        assert decode_result(encode_result(r)) == r
    stamp = dt.datetime(2020, 5, 3, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    article = Article("x", "<p>ré</p>", "html", "f.warc:3", "h", dt.date(2020, 5, 3), stamp, None, "u", "T", "en")
    edge = ArticleResult(CleanArticle(article, "ré \u2028 text", (Dropped("nav", "chrome", None),), None, "b"),
                         PublicationDate(None, "none"), (), (), (), b"\x00\xffmin")
    back = decode_result(encode_result(edge))
    assert back == edge and back.clean.article.published_time.utcoffset() == dt.timedelta(hours=3)


def test_partition_keys_are_stable_and_local(tmp_path):
    paths = _corpus(tmp_path / "c", 30, 1)
    settings = Settings(db=str(tmp_path / "x.db"))

    def keys(s: Settings, items) -> list[str]:
        return [p.key for p in partitions(items, 10, settings_salt(s, versions), Counter(), [])]

    versions = current_versions()

    items = list(read_inputs(paths))
    first = keys(settings, items)
    assert len(first) == 3 and first == keys(settings, list(read_inputs(paths)))
    changed = list(items)
    changed[15] = dataclasses.replace(changed[15], outlet="Another outlet")
    assert [a == b for a, b in zip(first, keys(settings, changed))] == [True, False, True]
    assert not set(first) & set(keys(dataclasses.replace(settings, default_country="Iraq"), items))
    versions = Versions(versions.pipeline + "-changed-rules", versions.parts)  # another pipeline version
    assert not set(first) & set(keys(settings, items))
    assert work_folder(settings) == Path(f"{settings.db}.work")
    assert work_folder(dataclasses.replace(settings, work_dir=str(tmp_path / "w"))) == tmp_path / "w"


def test_settings_check_the_engine():
    with pytest.raises(ConfigError, match="engine"):
        Settings(engine="spark")
    with pytest.raises(ConfigError, match="workers"):
        Settings(workers=0)
    with pytest.raises(ConfigError, match="partition_size"):
        Settings(partition_size=0)
    s = Settings.load(env={"EVENTDESK_ENGINE": "dask", "EVENTDESK_WORKERS": "3"}, scheduler="tcp://h:8786")
    assert (s.engine, s.workers, s.scheduler) == ("dask", 3, "tcp://h:8786")


# ---------------------------------------------------------------- partitioned runs in process


class _Crash(Exception):
    pass


class _DiesAfter(InProcess):
    """Computes ``n`` partitions, then 'dies' (as a SIGKILL would, nothing after it runs)."""

    def __init__(self, services, n: int) -> None:
        super().__init__(services)
        self.n = n

    def map(self, tasks):
        for i, done in enumerate(super().map(tasks)):
            if i == self.n:
                raise _Crash
            yield done


def _export(settings: Settings, path: Path) -> Path:
    export_events(settings, str(path))
    return path


def test_killed_in_process_run_resumes_without_recomputing(tmp_path, corpus, services, reference, monkeypatch):
    settings = Settings(db=str(tmp_path / "p.db"), progress=False, partition_size=15)
    with pytest.raises(_Crash):
        run_partitioned(corpus, settings, _DiesAfter(services, 3))
    done = sorted(work_folder(settings).glob("part-*.parquet"))
    assert len(done) == 3
    run = run_partitioned(corpus, settings, InProcess(services))
    assert (run.partitions, run.reused, run.computed) == (8, 3, 5)
    with Store.open(settings.db) as store:
        assert store.totals()["articles"] == 120 and not store.unfused_mentions()
    assert run.summary.articles_new + run.summary.articles_duplicate == 120
    assert _sorted_lines(_export(settings, tmp_path / "p.csv")) == _sorted_lines(reference)
    # nothing left to compute, and the stored articles' results are not even decoded again
    monkeypatch.setattr("eventdesk.engines._partitions.decode_result", lambda text: pytest.fail("decoded"))
    again = run_partitioned(corpus, settings, _DiesAfter(services, 0))
    assert (again.computed, again.reused, again.summary.articles_new) == (0, 8, 0)
    assert again.summary.articles_duplicate == 120


def test_killed_during_fusion_is_finished_by_the_next_run(tmp_path, corpus, services, reference, monkeypatch):
    settings = Settings(db=str(tmp_path / "f.db"), progress=False, partition_size=40)
    calls = []

    def dies_on_third(store, mention_ids, *, run_id=None):
        calls.append(len(mention_ids))
        if len(calls) == 3:
            raise _Crash
        return fuse_new(store, mention_ids, run_id=run_id)

    monkeypatch.setattr("eventdesk.app.fuse_new", dies_on_third)
    with pytest.raises(_Crash):
        run_partitioned(corpus, settings, InProcess(services))
    monkeypatch.undo()
    with Store.open(settings.db) as store:
        assert store.unfused_mentions()  # stored, partly fused
        groups = store.unfused_groups()
    assert len(groups) > 1
    # the local engine picks the leftovers up as well as the dask engine would
    extract(corpus, settings, services=services)
    assert _sorted_lines(_export(settings, tmp_path / "f.csv")) == _sorted_lines(reference)


def test_fusion_by_country_and_month_equals_one_fusion(tmp_path, corpus, services):
    results = [r for r in process([a for a in read_inputs(corpus) if isinstance(a, Article)], services)
               if isinstance(r, ArticleResult)]
    exports = []
    for name, by_group in (("all", False), ("groups", True)):
        settings = Settings(db=str(tmp_path / f"{name}.db"))
        with Store.open(settings.db) as store:
            store.add_results(results, pipeline_version=services.versions.pipeline)
            if by_group:
                assert len(store.unfused_groups()) >= 4  # several countries and months
                fuse_unfused(store)
            else:
                fuse_new(store, store.unfused_mentions())
            assert not store.unfused_mentions()
        exports.append(_sorted_lines(_export(settings, tmp_path / f"{name}.csv")))
    assert exports[0] == exports[1]


def test_add_results_is_add_result_in_one_transaction(tmp_path, services, examples_manifest):
    arts = [a for a in read_inputs([str(examples_manifest)]) if isinstance(a, Article)]
    results = process(arts, services)
    twin = dataclasses.replace(arts[0], raw=arts[0].raw + "\nUpdated.", content_hash="f" * 64)
    (renamed,) = process([twin], services)
    with Store.open(tmp_path / "a.db") as store:
        assert store.add_results(results[:2], pipeline_version="t") == [arts[0].id, arts[1].id]
        ids = store.add_results(results + [renamed], pipeline_version="t")
        assert ids[:2] == [None, None] and ids[2:5] == [a.id for a in arts[2:]]
        assert ids[5] == f"{arts[0].id}~ffffffffffff"  # a taken id: renamed as add_result does


# ---------------------------------------------------------------- the dask engine


def test_dask_and_local_give_identical_exports(tmp_path, cluster, services, examples_manifest, shared_dir):
    inputs = [str(examples_manifest), str(shared_dir / "corpus" / "seeds" / "manifest.jsonl")]
    local = tmp_path / "local.csv"
    extract(inputs, Settings(db=str(tmp_path / "l.db"), progress=False), services=services, output=str(local))
    dask = tmp_path / "dask.csv"
    code = main(["extract", *inputs, "--engine", "dask", "--scheduler", cluster.scheduler_address,
                 "--partition-size", "3", "--db", str(tmp_path / "d.db"), "-o", str(dask), "--no-progress"])
    assert code == 0
    assert len(list((tmp_path / "d.db.work").glob("part-*.parquet"))) == 4
    assert _sorted_lines(dask) == _sorted_lines(local) and len(_sorted_lines(local)) > 10


def test_killed_dask_run_resumes(tmp_path, cluster, corpus, reference):
    """SIGKILL the whole `eventdesk extract --engine dask` process group (driver, local cluster,
    workers) once the first partition file is written; the rerun loses and doubles nothing."""
    db = tmp_path / "k.db"
    work = Path(f"{db}.work")
    cmd = [sys.executable, "-m", "eventdesk.cli", "extract", *corpus, "--engine", "dask", "--workers", "1",
           "--partition-size", "10", "--db", str(db), "--no-progress"]
    with open(tmp_path / "killed.log", "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while not list(work.glob("part-*.parquet")):
                assert proc.poll() is None, (tmp_path / "killed.log").read_text()
                assert time.monotonic() < deadline, "no partition file in 120 s"
                time.sleep(0.02)
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    written = len(list(work.glob("part-*.parquet")))
    assert 1 <= written < 12
    with Store.open(db) as store:
        stored_before = store.totals()["articles"]
    settings = Settings(db=str(db), progress=False, engine="dask", scheduler=cluster.scheduler_address,
                        partition_size=10)
    with DaskEngine(settings) as engine:
        run = run_partitioned(corpus, settings, engine)
    assert (run.partitions, run.reused, run.computed) == (12, written, 12 - written)
    assert run.summary.articles_new == 120 - stored_before
    assert run.summary.articles_duplicate == stored_before
    with Store.open(db) as store:
        assert store.totals()["articles"] == 120 and not store.unfused_mentions()
    assert _sorted_lines(_export(settings, tmp_path / "k.csv")) == _sorted_lines(reference)


def test_dask_reprocess_replaces_results_of_another_pipeline_version(tmp_path, cluster, services,
                                                                     examples_manifest):
    """A store whose results came from another pipeline version (here: recorded as "0.0.9+old"),
    re-extracted on the Dask workers with `extract --reprocess`: every article again, with the
    workers' version; the export equals a fresh local extraction and the change log says why."""
    inputs = [str(examples_manifest)]
    old = dataclasses.replace(services, versions=dataclasses.replace(services.versions, pipeline="0.0.9+old"))
    settings = Settings(db=str(tmp_path / "r.db"), progress=False)
    extract(inputs, settings, services=old)
    code = main(["extract", "--reprocess", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                 "--partition-size", "2", "--db", settings.db, "--no-progress"])
    assert code == 0
    with Store.open(settings.db) as store:
        (run,) = store.runs()[-1:]
        assert (run.summary.articles_reextracted, run.summary.articles_stale) == (5, 0)
        assert run.pipeline_version == services.versions.pipeline
        assert not store.pending_groups()
        reasons = {c.detail.get("reason") for c in store.changes(run_id=run.id)}
    assert reasons <= {f"re-extracted: pipeline version 0.0.9+old -> {services.versions.pipeline}"}
    fresh = Settings(db=str(tmp_path / "f.db"), progress=False)
    extract(inputs, fresh, services=services)
    assert _sorted_lines(_export(settings, tmp_path / "r.csv")) == _sorted_lines(_export(fresh, tmp_path / "f.csv"))


def test_services_load_once_per_worker(tmp_path, cluster, examples_manifest):
    """Five one-article tasks (and whatever dask runs came before on this cluster): each worker
    loaded the services once, on setup, and stays under the memory target."""
    from distributed import Client

    settings = Settings(db=str(tmp_path / "o.db"), progress=False, engine="dask",
                        scheduler=cluster.scheduler_address, partition_size=1)
    with DaskEngine(settings) as engine:
        run = run_partitioned([str(examples_manifest)], settings, engine)
    assert run.computed == 5
    with Client(cluster) as client:
        reports = client.run(worker_report)
    assert len(reports) == 2
    for report in reports.values():
        assert report["loads"][services_key(settings)][0] == 1
        assert report["peak_rss_mib"] < 1536


def test_partition_file_holds_every_computed_article(tmp_path, corpus):
    """A file from the killed-run test's layout: rows in input order, results or reasons."""
    from eventdesk.engines._partitions import Task, encode_file, write_atomic

    article = next(a for a in read_inputs(corpus) if isinstance(a, Article))
    task = Task(0, "k" * 64, "part-k.parquet", (article,), ("h1",), "s")
    path = tmp_path / task.file_name
    write_atomic(path, encode_file(task, [Skipped(article.origin, "internal error in events: boom")], "0.1.0+v"))
    part = read_file(path)
    assert part.items == (Skipped(article.origin, "internal error in events: boom"),)
    assert (part.key, part.omitted, part.pipeline_version) == ("k" * 64, ("h1",), "0.1.0+v")
    assert [p.name for p in tmp_path.iterdir()] == [task.file_name]  # no temporary file left


def test_a_worker_reports_its_own_peak_memory_not_its_parents() -> None:
    """A worker started from a large process (a test run that loaded the gazetteer) inherits that
    process's ru_maxrss across fork and exec; the report reads the worker's own high-water mark."""
    import subprocess
    import sys

    child = ("import resource; from eventdesk.engines._dask import _own_peak_rss_mib; "
             "print(_own_peak_rss_mib(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)")
    parent = ("import subprocess, sys; block = bytearray(400 * 1024 * 1024); "
              "block[::4096] = b'x' * len(block[::4096]); "
              f"print(subprocess.run([sys.executable, '-c', {child!r}], capture_output=True, text=True, check=True).stdout)")
    own, inherited = map(float, subprocess.run([sys.executable, "-c", parent], capture_output=True, text=True,
                                               check=True).stdout.split())
    assert inherited > 400 and own < 300
