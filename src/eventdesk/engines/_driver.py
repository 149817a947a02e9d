"""The partitioned run: read -> partitions -> an executor runs them -> result files -> store -> fusion.

The driver reads the inputs with ``ingest.read_inputs`` (the same reader, ids and skip reasons as
the local engine) and cuts them into partitions. For each partition it first looks for its result
file: a rerun loads that file instead of computing again. Otherwise the articles not already in
the store go to the executor; the result file it sends back is written atomically, then loaded
into the store in input order (one transaction per partition, dedup by content hash) while later
partitions still run. Fusion comes last, one ``(country, month)`` group of unfused mentions at a
time (``fuse_unfused``), so no single call holds every event.

Killed at any point (SIGKILL), a rerun loses nothing and counts nothing twice: a result file is
complete or absent, a stored article is never stored again, and every mention left unfused by
the killed run is fused by the next.

With ``settings.reprocess`` the stored articles from another pipeline version are partitions too
(after the inputs'), rebuilt from the store, and their results replace the stored ones
(``eventdesk.reprocess``); fusion takes in the replaced mentions first, with the reason.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from eventdesk.engines._partitions import (
    Partition,
    Task,
    partitions,
    read_file,
    read_meta,
    remove_stale,
    services_key,
    settings_salt,
    work_folder,
    write_atomic,
)
from eventdesk.errors import ConfigError
from eventdesk.ingest import read_inputs
from eventdesk.model import ArticleResult, Skipped
from eventdesk.reprocess import fuse_pending, store_results, stored_stale
from eventdesk.settings import Settings
from eventdesk.store import RunSummary, Store
from eventdesk.versions import Versions, current_versions

__all__ = ["Executor", "PartitionedRun", "run_partitioned", "fuse_unfused"]


class Executor(Protocol):
    """Runs tasks somewhere and yields ``(task, result file bytes)`` as each finishes."""

    def map(self, tasks: Iterator[Task]) -> Iterator[tuple[Task, bytes]]: ...


@dataclass(frozen=True)
class PartitionedRun:
    summary: RunSummary
    run_id: int
    events_total: int
    partitions: int
    computed: int  # partitions computed by this run
    reused: int  # partitions whose result file an earlier run had written
    seconds: dict[str, float] = field(default_factory=dict)  # process (incl. loading), fuse
    pipeline_version: str = ""


@dataclass
class _Loader:
    """Loads result files into the store strictly in input order (the order the local engine
    stores articles in, which decides who keeps an id two different articles claim)."""

    store: Store
    work: Path
    counts: Counter
    skipped: list[Skipped]
    version: str
    done: Callable[[str], bool]  # whether an article's content needs no computing (stored from this version)
    run_id: int | None = None
    progress: object | None = None
    ready: dict[int, tuple[str | None, int]] = field(default_factory=dict)  # index -> (file, omitted)
    next_index: int = 0
    limits: Counter = field(default_factory=Counter)  # sentences a limit kept from being read, by setting

    def mark(self, index: int, file_name: str | None, omitted: int = 0) -> None:
        """Partition ``index`` can be loaded: from ``file_name``, or (``None``) it had nothing new."""
        self.ready[index] = (file_name, omitted)

    def load_ready(self) -> None:
        while self.next_index in self.ready:
            file_name, omitted = self.ready.pop(self.next_index)
            self.counts["duplicate"] += omitted
            articles = omitted if file_name is None else self._load(self.work / file_name)
            if self.progress is not None:
                self.progress.update(articles)
            self.next_index += 1

    def _load(self, path: Path) -> int:
        part = read_file(path, known=self.done)
        if part.pipeline_version != self.version:
            raise ConfigError(f"{path} was computed with pipeline version {part.pipeline_version}, this run extracts "
                              f"with {self.version}: install the same eventdesk, data and model on every node")
        self.counts["duplicate"] += len(part.omitted) + part.known
        results = [item for item in part.items if isinstance(item, ArticleResult)]
        self.skipped.extend(item for item in part.items if isinstance(item, Skipped))
        failed: set[int] = set()

        def add(fresh: list[ArticleResult]) -> list[str | None]:
            out = []
            for result, (stored_id, error) in zip(
                    fresh, self.store.add_results_isolated(fresh, pipeline_version=self.version), strict=True):
                if error:  # one article SQLite refuses is skipped with its reason; the partition goes on
                    self.skipped.append(Skipped(result.clean.article.origin, error))
                    failed.add(id(result))
                out.append(stored_id)
            return out

        stored = store_results(self.store, results, pipeline_version=self.version, run_id=self.run_id, add=add)
        for result, stored_id in stored.added:
            if id(result) in failed:
                continue
            if stored_id is None:
                self.counts["duplicate"] += 1
            else:
                self.counts["new"] += 1
                self.counts["rejections"] += len(result.rejections)
                self.limits.update(result.limits)
        self.counts["reextracted"] += len(stored.replaced)
        return len(part.items) + len(part.omitted) + part.known


def run_partitioned(inputs: list[str], settings: Settings, executor: Executor, *,
                    stdin: TextIO | None = None, settings_record: dict[str, object] | None = None,
                    fuse: bool = True, versions: Versions | None = None) -> PartitionedRun:
    """Run the per-article stages over partitions of the inputs on ``executor``, store the
    results, then fuse; see the module docstring. ``fuse=False`` leaves the new mentions unfused
    (the next run of either engine fuses them): several loads, one fusion. ``versions``: what the
    executor's services extract with (default: this installation's, ``current_versions()``)."""
    versions = versions or current_versions()
    version = versions.pipeline
    work = work_folder(settings)
    work.mkdir(parents=True, exist_ok=True)
    remove_stale(work)
    salt, key = settings_salt(settings, versions), services_key(settings)
    counts: Counter[str] = Counter()
    skipped: list[Skipped] = []
    unavailable: list[Skipped] = []  # stored articles of another version that cannot be re-extracted
    made = Counter()
    t0 = time.perf_counter()
    with Store.open(settings.db) as store:
        run_id = store.start_run(settings_record or {}, pipeline_version=version)

        def done(content_hash: str) -> bool:
            stored = store.version_of(content_hash)
            return stored is not None and (stored == version or not settings.reprocess)

        loader = _Loader(store, work, counts, skipped, version, done, run_id, _progress(settings))

        def tasks() -> Iterator[Task]:
            seen: set[str] = set()
            sources = [(read_inputs(inputs, stdin=stdin, policy=settings.input_policy()), counts)]
            if settings.reprocess:  # then the stored articles of another version (read, not input)
                sources.append((stored_stale(store, version, seen=seen, unavailable=unavailable), Counter()))
            index = 0
            for items, counter in sources:
                for part in partitions(items, settings.partition_size, salt, counter, skipped, start=index,
                                       seen=seen):
                    index = part.index + 1
                    made["partitions"] += 1
                    task = _task(part, done, work, key, version)
                    if task is None:
                        made["reused"] += 1
                        loader.mark(part.index, part.file_name)
                    elif not task.articles:
                        loader.mark(part.index, None, omitted=len(task.omitted))
                    else:
                        yield task

        for task, data in executor.map(tasks()):
            write_atomic(work / task.file_name, data)
            made["computed"] += 1
            loader.mark(task.index, task.file_name)
            loader.load_ready()
        loader.load_ready()
        if loader.progress is not None:
            loader.progress.close()
        t1 = time.perf_counter()
        events = fuse_unfused(store, run_id=run_id) if fuse else 0
        from eventdesk.app import count_limits

        summary = RunSummary(
            articles_read=counts["read"] + len(skipped),
            articles_new=counts["new"],
            articles_duplicate=counts["duplicate"],
            skipped=tuple(skipped + unavailable),
            events=events,
            rejections=counts["rejections"],
            articles_reextracted=counts["reextracted"],
            articles_stale=store.count_stale(version)[0],
            limits=count_limits(skipped, loader.limits),
        )
        store.finish_run(run_id, summary)
        total = store.totals()["events"]
    seconds = {"process": t1 - t0, "fuse": time.perf_counter() - t1}
    return PartitionedRun(summary, run_id, total, made["partitions"], made["computed"], made["reused"], seconds,
                          version)


def _task(part: Partition, done: Callable[[str], bool], work: Path, services: str, version: str) -> Task | None:
    """What is left to compute of a partition; ``None`` when its result file can be loaded as it is.

    A result file leaves out the articles that were done (stored from this pipeline version) when
    it was computed; it is used only while they still are (a store replaced under the same work
    folder makes it stale), and only when this pipeline version computed it."""
    path = work / part.file_name
    meta = read_meta(path)
    if meta is not None:
        if meta.get("pipeline_version") == version and all(done(h) for h in meta["omitted"]):
            return None
        path.unlink(missing_ok=True)
    known = [done(a.content_hash) for a in part.articles]
    fresh = tuple(a for a, k in zip(part.articles, known) if not k)
    omitted = tuple(a.content_hash for a, k in zip(part.articles, known) if k)
    return Task(part.index, part.key, part.file_name, fresh, omitted, services, version)


def fuse_unfused(store: Store, *, run_id: int | None = None) -> int:
    """Fuse every stored mention that no event holds yet, one ``(country, month)`` group at a time.

    Each group is one ``app.fuse_new`` call; fusion follows links out of the group through the
    store (a report dated across a month's end, one with no country), and its result does not
    depend on the order reports arrive in, so the events equal those of one call over all the
    mentions. The mentions that re-extractions replaced are fused first (``reprocess.fuse_pending``),
    each change with its reason. Returns how many events the groups touched (after merges)."""
    from eventdesk.app import fuse_new

    touched = fuse_pending(store, run_id=run_id)  # first the mentions re-extractions replaced, with why
    for group in store.unfused_groups():
        mention_ids = store.unfused_mentions(group)  # a group fused earlier may have taken some
        if mention_ids:
            touched.update(e.event_id for e in fuse_new(store, mention_ids, run_id=run_id))
    return len({store.resolve(eid) for eid in touched})


def _progress(settings: Settings):
    if settings.progress and sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(desc="articles", unit="art", file=sys.stderr)
    return None
