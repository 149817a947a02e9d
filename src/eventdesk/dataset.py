"""The events a query selects, as a table: the one function the CLI's ``export``, the API's
downloads and the library share (``select``), the rows of either column profile, a pandas
DataFrame without a file, and the export of a selection to a file or standard output.

Filtering runs in SQL (``store._query.EventQuery``, the API's filters); events that ACLED would not
code (no date, no place at province level) are counted as held back unless the query includes them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.model import Event, Skipped
from eventdesk.settings import Settings
from eventdesk.store import Store
from eventdesk.store._query import EventQuery

__all__ = ["EventTable", "ExportReport", "complete", "export_selection", "make_query", "select"]


def complete(event: Event) -> str:
    """Why an event cannot go into an ACLED-style dataset, or "" when it can."""
    f = event.fields
    if f.date is None:
        return "no date"
    if f.place is None:
        # ACLED codes no country-level event: a country-only one is held back unless asked for
        return "only the country is known" if f.country is not None else "place unknown or vaguer than a province"
    return ""


@dataclass(frozen=True)
class EventTable:
    """Selected events in export order (date, then id; undated last), with the events the query
    held back counted by reason. ``db`` is the store they were read from (``None`` for events
    that live only in memory); the ``acled`` profile reads its stable ids from it. ``skipped``
    names the inputs that could not be read (``eventdesk.extract_texts``), with the reason.

    Iterate it for ``model.Event`` objects; ``rows(profile)`` gives dicts in the export columns,
    ``to_pandas(profile)`` a DataFrame (pandas: the ``pandas`` extra)."""

    events: tuple[Event, ...]
    held_back: Mapping[str, int] = field(default_factory=dict)
    db: str | None = None
    skipped: tuple[Skipped, ...] = ()

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def records(self, profile: str = "eventdesk", *, ledger: bool = False) -> list[dict[str, Any]]:
        """One dict per event in the profile's columns (plus ``spans`` and ``ledger`` when asked)."""
        from eventdesk import export

        if profile not in export.PROFILES:
            export.columns_of(profile)  # raises the error that names the profiles
        extra = (lambda e: {"spans": export.event_spans(e), "ledger": export.event_ledger(e)}) if ledger \
            else (lambda e: {})
        if profile == "eventdesk":
            return [{**export.event_row(e), **extra(e)} for e in self.events]
        from eventdesk.acled import AcledKey, AcledTables, acled_row, keys_in_order, unix_seconds

        tables = AcledTables.load()
        order = keys_in_order(self.events, tables)
        if self.db is not None:
            with Store.open(self.db, create=False) as store:
                numbers = store.acled_numbers(order)
                changed = store.updated_at(e.event_id for e in self.events)
        else:  # in memory only: numbered in table order, not stable across calls
            counters: Counter[str] = Counter()
            numbers = {}
            for pair in order:
                counters[pair[1]] += 1
                numbers[pair] = counters[pair[1]]
            changed = {}
        by_event = {eid: f"{iso3}{number}" for (eid, iso3), number in numbers.items()}
        return [
            {**acled_row(e, export.event_row(e), AcledKey(by_event.get(e.event_id, ""),
                                                           unix_seconds(changed.get(e.event_id))), tables),
             **extra(e)}
            for e in self.events
        ]

    def rows(self, profile: str = "eventdesk") -> list[dict[str, Any]]:
        """The export rows (what a CSV line holds), one dict per event."""
        return self.records(profile)

    def to_pandas(self, profile: str = "eventdesk") -> Any:
        """A pandas DataFrame of ``rows(profile)`` with the dtypes an export's sidecar names
        (``export.column_dtypes``): nullable integers, ``string`` text, ``event_date`` as a date."""
        from eventdesk import export
        from eventdesk._extras import require

        pd = require("pandas", extra="pandas", feature="EventTable.to_pandas")
        columns = export.columns_of(profile)
        frame = pd.DataFrame(self.rows(profile), columns=list(columns))
        frame = frame.astype(export.column_dtypes(columns))
        frame["event_date"] = pd.to_datetime(frame["event_date"])
        return frame

    def export(self, path: str | Path, fmt: str | None = None, *, profile: str = "eventdesk") -> int:
        """Write these events to ``path`` (or ``"-"``: standard output); returns how many."""
        from eventdesk.export import write_records
        from eventdesk.versions import versions

        return write_records(self.records(profile, ledger=True), path, fmt, meta=versions(), profile=profile)


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: how many events, those held back by reason, where, in which profile."""

    written: int
    held_back: dict[str, int]
    path: str
    profile: str


def make_query(*, since: str | dt.date | None = None, until: str | dt.date | None = None,
               country: str | None = None, admin1: str | None = None, event_type: str | None = None,
               sub_event_type: str | None = None, actor: str | None = None, q: str | None = None,
               bbox: tuple[float, float, float, float] | None = None, disputed: bool = False,
               min_sources: int | str | None = None, include_incomplete: bool = False) -> EventQuery:
    """An ``EventQuery`` from values as a user types them (dates as ``YYYY-MM-DD``), with errors
    that say what was expected."""
    return EventQuery(
        since=_date("since", since), until=_date("until", until), country=country or None, admin1=admin1 or None,
        event_type=event_type or None, sub_event_type=sub_event_type or None, actor=actor or None, q=q or None,
        bbox=bbox, disputed=bool(disputed), min_sources=_count("min_sources", min_sources),
        include_incomplete=bool(include_incomplete),
    )


def _date(name: str, value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{name}: expected a date as YYYY-MM-DD, got {value!r}") from None


def _count(name: str, value: int | str | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{name}: expected a whole number, got {value!r}") from None


def select(settings: Settings, query: EventQuery = EventQuery(), *, count_held: bool = True) -> EventTable:
    """Every event matching ``query`` (no paging), in export order. Events that ACLED would not code
    are counted in ``held_back`` unless ``query.include_incomplete`` (``count_held=False`` leaves
    them to SQL uncounted, for callers that do not report them). The store must exist."""
    wide = replace(query, include_incomplete=True) if count_held else query
    with Store.open(settings.db, create=False) as store:
        _, events = store.query_events(wide, sort="event_date", limit=None)
    held: Counter[str] = Counter()
    keep = []
    for event in events:
        why = complete(event)
        if why and not query.include_incomplete:
            held[why] += 1
        else:
            keep.append(event)
    return EventTable(tuple(keep), dict(held), str(settings.db))


def export_selection(settings: Settings, path: str | Path, fmt: str | None = None, *,
                     query: EventQuery = EventQuery(), profile: str = "eventdesk",
                     count_held: bool = True) -> ExportReport:
    """Write the events ``query`` selects to ``path`` (``"-"``: standard output) as ``fmt`` (default:
    from the suffix; CSV on standard output) in a column ``profile`` (``eventdesk`` or ``acled``)."""
    from eventdesk.export import check_target, columns_of

    columns_of(profile)  # an unknown profile or a bad target fails before the store is read
    check_target(path, fmt)
    table = select(settings, query, count_held=count_held)
    written = table.export(path, fmt, profile=profile)
    return ExportReport(written, dict(table.held_back), str(path), profile)
