"""The functions ``import eventdesk`` offers at the package root (see ``eventdesk.__all__``): extract
events from texts, records or files, open a store, query it with the API's filters, export. Each is
one call into the same library the CLI and the API use."""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from eventdesk.dataset import EventTable, ExportReport, complete, export_selection, make_query, select
from eventdesk.errors import ConfigError
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import Store

__all__ = ["export_events", "extract_files", "extract_texts", "load_services", "open_store", "query_events"]


def _settings(settings: Settings | None, db: str | Path | None = None) -> Settings:
    """``settings`` (default: defaults < ``EVENTDESK_*`` variables, no progress bar), with ``db``."""
    base = settings if settings is not None else Settings.load(progress=False)
    return replace(base, db=str(db)) if db is not None else base


def load_services(settings: Settings | None = None) -> Services:
    """The spaCy model, gazetteer and dictionaries, loaded once (seconds; the first time the
    gazetteer cache is built, about 40 s). Pass the result to ``extract_texts`` calls."""
    return Services.load(_settings(settings))


def open_store(db: str | Path, *, create: bool = False) -> Store:
    """The event store at ``db`` (use it as a context manager). A missing file is an error
    (``StoreError``) unless ``create``."""
    return Store.open(db, create=create)


def extract_texts(items: Iterable[str | Mapping[str, Any]], *, db: str | Path | None = None,
            settings: Settings | None = None, services: Services | None = None) -> EventTable:
    """Events from articles given as values: a ``str`` is an article's plain text (id ``text-N``,
    N counting from 1, no publication date), a dict a JSONL manifest record (``id``, ``text`` or
    ``html``, optional ``published``, ``outlet``, ``url``, ``title``, ``language``).

    With ``db`` the articles are stored and fused into that store (created if needed) and the
    table holds the events they are part of (with other articles' reports of the same events);
    without, a temporary store is used and removed. Events ACLED would not code (no date, no place
    at province level) are counted in ``held_back`` unless ``include_incomplete`` is set; records
    that could not be read are in ``skipped``, with the reason."""
    from eventdesk.queries import ingest_records

    records: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            records.append({"id": f"text-{i + 1}", "text": item})
        elif isinstance(item, Mapping):
            records.append(dict(item))
        else:
            raise ConfigError(f"items[{i}]: expected a text (str) or a record (dict), got {type(item).__name__}")
    with tempfile.TemporaryDirectory(prefix="eventdesk-") as folder:
        chosen = _settings(settings, db if db is not None else Path(folder) / "events.db")
        done = ingest_records(records, chosen, services or load_services(chosen), allow_paths=True)
    keep, held = [], Counter()
    for event in done.events:
        why = complete(event)
        if why and not chosen.include_incomplete:
            held[why] += 1
        else:
            keep.append(event)
    return EventTable(tuple(keep), dict(held), None if db is None else str(db), done.report.summary.skipped)


def extract_files(paths: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
                  services: Services | None = None) -> Any:
    """``eventdesk extract PATHS --db DB`` as a call: files, folders, manifests, WARC and Parquet
    files into the store; returns the run's ``app.ExtractReport``."""
    from eventdesk.app import check_inputs
    from eventdesk.app import extract as run

    names = [str(p) for p in paths]
    check_inputs(names)
    return run(names, _settings(settings, db), services=services)


def query_events(db: str | Path, *, settings: Settings | None = None, **filters: Any) -> EventTable:
    """The stored events the filters select, in date order: the filters of ``GET /api/events`` and
    ``eventdesk export`` (``since``, ``until``, ``country``, ``admin1``, ``event_type``,
    ``sub_event_type``, ``actor``, ``q``, ``bbox``, ``disputed``, ``min_sources``,
    ``include_incomplete``; dates as ``YYYY-MM-DD`` or ``datetime.date``)."""
    return select(_settings(settings, db), make_query(**filters))


def export_events(db: str | Path, path: str | Path, fmt: str | None = None, *, profile: str = "eventdesk",
           settings: Settings | None = None, **filters: Any) -> ExportReport:
    """``eventdesk export`` as a call: the events the filters select (see ``query_events``) to
    ``path`` (``"-"``: standard output) in ``profile`` ``eventdesk`` or ``acled``."""
    return export_selection(_settings(settings, db), path, fmt, query=make_query(**filters), profile=profile)
