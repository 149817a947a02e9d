"""The library surface the CLI (and later the API and the Dask engine) call: each command is one
function here. No logic lives in the shells."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from eventdesk.fuse import Item, compare, fuse
from eventdesk.fuse.changes import diff
from eventdesk.ingest import read_inputs
from eventdesk.model import Article, ArticleResult, Event, Skipped
from eventdesk.pipeline import PIPELINE_VERSION, Pipeline
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import RunSummary, Store

__all__ = ["ExtractReport", "count_limits", "extract", "export_events", "complete", "load_services", "changes", "fuse_new"]


@dataclass(frozen=True)
class ExtractReport:
    summary: RunSummary
    run_id: int
    events_total: int
    exported: int = 0
    held_back: dict[str, int] = field(default_factory=dict)
    output: str = ""


def load_services(settings: Settings) -> Services:
    return Services.load(settings)


def complete(event: Event) -> str:
    """Why an event cannot go into an ACLED-style dataset, or "" when it can."""
    f = event.fields
    if f.date is None:
        return "no date"
    if f.place is None:
        return "place unknown or vaguer than a province"
    return ""


def count_limits(skipped: Iterable[Skipped], sentences: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Which limits a run reached and how many times: the inputs skipped over one, and the
    sentences (of stored articles) one kept from being read."""
    counts = Counter(s.limit for s in skipped if s.limit) + sentences
    return tuple(sorted(counts.items()))


def _fresh(items: Iterable[Article | Skipped], store: Store, counts: Counter, skipped: list[Skipped]
           ) -> Iterator[Article]:
    """Articles not yet stored (same content hash = same article, stored once)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        counts["read"] += 1
        if item.content_hash in seen or store.has_hash(item.content_hash):
            counts["duplicate"] += 1
            continue
        seen.add(item.content_hash)
        yield item


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
    their own services (``_extract_on_dask``)."""
    if settings.engine == "dask":
        return _extract_on_dask(inputs, settings, stdin=stdin, output=output, fmt=fmt)
    services = services or load_services(settings)
    counts: Counter[str] = Counter()
    skipped: list[Skipped] = []
    with Store.open(settings.db) as store:
        run_id = store.start_run(_settings_dict(settings), pipeline_version=PIPELINE_VERSION)
        pipeline = Pipeline(services, batch_size=settings.batch_size)
        articles = _fresh(read_inputs(inputs, stdin=stdin, policy=settings.input_policy()), store, counts, skipped)
        results = pipeline.run(articles)
        if settings.progress and sys.stderr.isatty():
            from tqdm import tqdm

            results = tqdm(results, desc="articles", unit="art", file=sys.stderr)
        new_ids: list[str] = []
        rejections = 0
        limits: Counter[str] = Counter()  # sentences a limit kept from being read
        pending: list[ArticleResult] = []

        def flush() -> None:
            nonlocal rejections
            stored = store.add_results_isolated(pending, pipeline_version=PIPELINE_VERSION)
            for result, (stored_id, error) in zip(pending, stored, strict=True):
                if error:
                    skipped.append(Skipped(result.clean.article.origin, error))
                elif stored_id is not None:
                    new_ids.append(stored_id)
                    rejections += len(result.rejections)
                    limits.update(result.limits)
                else:
                    counts["duplicate"] += 1
            pending.clear()

        for done, result in enumerate(results, 1):
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                pending.append(result)
            if done % pipeline.batch_size == 0:  # the end of a pipeline batch: before it reads on
                flush()
        flush()
        mention_ids = [mid for aid in new_ids for mid in store.mention_ids(aid)]
        # and the mentions a killed run stored but did not get to fuse
        mention_ids = list(dict.fromkeys(mention_ids + store.unfused_mentions()))
        events = fuse_new(store, mention_ids, run_id=run_id)
        summary = RunSummary(
            articles_read=counts["read"] + len(skipped),
            articles_new=len(new_ids),
            articles_duplicate=counts["duplicate"],
            skipped=tuple(skipped),
            events=len(events),
            rejections=rejections,
            limits=count_limits(skipped, limits),
        )
        store.finish_run(run_id, summary)
        total = store.totals()["events"]
    report = ExtractReport(summary, run_id, total)
    if output:
        exported, held = export_events(settings, output, fmt, services=services)
        report = ExtractReport(summary, run_id, total, exported, held, output)
    return report


def _extract_on_dask(inputs: list[str], settings: Settings, *, stdin: TextIO | None, output: str | None,
                     fmt: str | None) -> ExtractReport:
    """The dask engine: partitions of the input run on Dask workers, results go to per-partition
    Parquet files under ``work_dir``, then into the store, then fusion by (country, month); see
    ``eventdesk.engines``. Resumable: a rerun after a crash loads what was done and computes the rest."""
    from eventdesk.engines import DaskEngine, run_partitioned

    with DaskEngine(settings) as engine:
        run = run_partitioned(inputs, settings, engine, stdin=stdin, settings_record=_settings_dict(settings))
    report = ExtractReport(run.summary, run.run_id, run.events_total)
    if output:
        exported, held = export_events(settings, output, fmt)
        report = ExtractReport(run.summary, run.run_id, run.events_total, exported, held, output)
    return report


def _item(stored) -> Item:
    return Item.of(stored.id, stored.order, stored.mention, text=stored.evidence, published=stored.published)


def fuse_new(store: Store, mention_ids: list[str], *, run_id: int | None = None) -> list[Event]:
    """Attach new mentions to the stored events or make new events, without refusing the rest.

    The mentions that can be affected are found by following fusion links outwards from the new
    ones (through the store's indexes) and taking in every mention of an event they touch; that
    closed set is fused again as a whole, which gives the same events as fusing the whole store.
    The differences are written to the change log.
    """
    items = {s.id: _item(s) for s in store.stored_mentions(mention_ids)}
    seen: dict[str, Item] = dict(items)  # every mention read in this pass, decoded once

    def read(ids: list[str]) -> list[Item]:
        missing = [i for i in ids if i not in seen]
        seen.update((s.id, _item(s)) for s in store.stored_mentions(missing))
        return [seen[i] for i in ids if i in seen]

    frontier = list(items.values())
    while frontier:
        grown: list[Item] = []
        # every id in ``items`` is a stored mention: when they are all of them, no neighbour lies
        # outside ``items`` and the lookups can be skipped (a first run into an empty store)
        others = store.mention_count() > len(items)
        for item in frontier if others else ():
            for other in read([i for i in store.neighbour_ids(item) if i not in items]):
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
    after = {e.event_id: frozenset(_ids_of(e, items)) for e in events}
    store.apply_fusion(events, diff(before, after), run_id=run_id)
    return events


def _ids_of(event: Event, items: dict[str, Item]) -> list[str]:
    by_mention = {id(i.mention): i.id for i in items.values()}
    return [by_mention[id(m)] for m in event.mentions]


def export_events(settings: Settings, path: str, fmt: str | None = None, *, services: Services | None = None,
                  versions: dict[str, str] | None = None) -> tuple[int, dict[str, int]]:
    """Write the store's events; events that ACLED would not code (no date, no place at
    province level or better) are held back unless ``include_incomplete`` is set."""
    from eventdesk.export import write

    with Store.open(settings.db) as store:
        events = store.events()
    held: Counter[str] = Counter()
    keep = []
    for e in events:
        why = complete(e)
        if why and not settings.include_incomplete:
            held[why] += 1
        else:
            keep.append(e)
    from eventdesk.versions import versions as current_versions

    meta = versions or current_versions()
    write(keep, path, fmt, meta=meta)
    return len(keep), dict(held)


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


def evaluate(kind: str, gold: str, settings: Settings, *, errors: str | None = None, limit: int | None = None,
             services: Services | None = None, by: str | None = None):
    """Score against ACLED (``kind="acled"``) or GED (``"ged"``) gold rows; see evaluate.py.

    Undated events are kept (``keep_undated``): notes carry no publication date, and the other
    fields are still worth scoring when the date cannot be resolved."""
    from dataclasses import replace

    from eventdesk.evaluate import Grouping, evaluate_acled, evaluate_ged

    settings = replace(settings, keep_undated=True)
    if services is None:
        services = load_services(settings)
    else:
        services = replace(services, settings=settings)
    scorer = evaluate_acled if kind == "acled" else evaluate_ged
    return scorer(gold, lambda arts: process(list(arts), services), errors or f"eval-{kind}-errors.csv",
                  limit=limit, by=Grouping.parse(by) if by else None)
