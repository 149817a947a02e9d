"""The library surface the CLI (and later the API and the Dask engine) call: each command is one
function here. No logic lives in the shells."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from eventdesk.fuse import events_from_mentions
from eventdesk.ingest import read_inputs
from eventdesk.model import Article, ArticleResult, Event, Skipped, Source
from eventdesk.pipeline import PIPELINE_VERSION, Pipeline
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import RunSummary, Store

__all__ = ["ExtractReport", "extract", "export_events", "complete", "load_services"]


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
    """Read inputs, run the per-article stages, store everything, build events, optionally export."""
    services = services or load_services(settings)
    counts: Counter[str] = Counter()
    skipped: list[Skipped] = []
    with Store.open(settings.db) as store:
        run_id = store.start_run(_settings_dict(settings), pipeline_version=PIPELINE_VERSION)
        pipeline = Pipeline(services, batch_size=settings.batch_size)
        articles = _fresh(read_inputs(inputs, stdin=stdin), store, counts, skipped)
        results = pipeline.run(articles)
        if settings.progress and sys.stderr.isatty():
            from tqdm import tqdm

            results = tqdm(results, desc="articles", unit="art", file=sys.stderr)
        new_ids: list[str] = []
        rejections = 0
        for result in results:
            if isinstance(result, Skipped):
                skipped.append(result)
                continue
            if store.add_result(result, pipeline_version=PIPELINE_VERSION):
                new_ids.append(store.stored_id(result.clean.article.content_hash) or result.clean.id)
                rejections += len(result.rejections)
            else:
                counts["duplicate"] += 1
        events = _build_events(store, new_ids)
        store.put_events(events)
        summary = RunSummary(
            articles_read=counts["read"] + len(skipped),
            articles_new=len(new_ids),
            articles_duplicate=counts["duplicate"],
            skipped=tuple(skipped),
            events=len(events),
            rejections=rejections,
        )
        store.finish_run(run_id, summary)
        total = len(store.events())
    report = ExtractReport(summary, run_id, total)
    if output:
        exported, held = export_events(settings, output, fmt, services=services)
        report = ExtractReport(summary, run_id, total, exported, held, output)
    return report


def _build_events(store: Store, article_ids: list[str]) -> list[Event]:
    events: list[Event] = []
    for aid in article_ids:
        art = store.article(aid)
        source = Source(aid, art.outlet or "", art.url, art.publication.date)
        events.extend(events_from_mentions(store.mentions(aid), {aid: source}, {aid: art.content_hash}))
    return events


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


def _settings_dict(settings: Settings) -> dict[str, object]:
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(settings).items() if k != "events"}


def process(articles: list[Article], services: Services) -> list[ArticleResult | Skipped]:
    """Run the per-article stages without a store (used by the evaluation)."""
    return list(Pipeline(services, batch_size=services.settings.batch_size).run(articles))


def evaluate(kind: str, gold: str, settings: Settings, *, errors: str | None = None, limit: int | None = None,
             services: Services | None = None):
    """Score against ACLED (``kind="acled"``) or GED (``"ged"``) gold rows; see evaluate.py.

    Undated events are kept (``keep_undated``): notes carry no publication date, and the other
    fields are still worth scoring when the date cannot be resolved."""
    from dataclasses import replace

    from eventdesk.evaluate import evaluate_acled, evaluate_ged

    settings = replace(settings, keep_undated=True)
    if services is None:
        services = load_services(settings)
    else:
        services = replace(services, settings=settings)
    scorer = evaluate_acled if kind == "acled" else evaluate_ged
    return scorer(gold, lambda arts: process(list(arts), services), errors or f"eval-{kind}-errors.csv",
                  limit=limit)
