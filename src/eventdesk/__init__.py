"""eventdesk: raw news articles -> sourced, geocoded ACLED-style conflict event data.

The public API, at the package root (see the README's "Library" section)::

    import eventdesk

    table = eventdesk.extract_texts(["On 8 March 2021, gunmen abducted 20 villagers in Anka, Zamfara state."])
    df = table.to_pandas(profile="acled")           # needs the pandas extra
    eventdesk.export_events("news.db", "events.parquet", profile="acled", country="Nigeria")

Names are imported on first use, so ``import eventdesk`` stays light and needs no optional extra.
(The functions are not called ``extract`` and ``export``: those are, or will be, submodules.)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    # functions
    "extract_texts", "extract_files", "load_services", "open_store", "query_events", "export_events",
    # types
    "Settings", "EventQuery", "EventTable", "ExportReport", "Event", "Store", "Services",
    # errors
    "EventdeskError", "ConfigError", "InputError", "StoreError", "NotFound", "MissingExtra",
]

_WHERE: dict[str, str] = {
    "extract_texts": "eventdesk._library", "extract_files": "eventdesk._library",
    "load_services": "eventdesk._library", "open_store": "eventdesk._library", "query_events": "eventdesk._library",
    "export_events": "eventdesk._library",
    "Settings": "eventdesk.settings", "EventQuery": "eventdesk.store._query", "EventTable": "eventdesk.dataset",
    "ExportReport": "eventdesk.dataset", "Event": "eventdesk.model", "Store": "eventdesk.store",
    "Services": "eventdesk.services",
    "EventdeskError": "eventdesk.errors", "ConfigError": "eventdesk.errors", "InputError": "eventdesk.errors",
    "StoreError": "eventdesk.errors", "NotFound": "eventdesk.errors", "MissingExtra": "eventdesk.errors",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'eventdesk' has no attribute {name!r}")
    value = getattr(import_module(where), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
