"""Optional extras: the core (extract, store, export to CSV/JSONL/GeoJSON/Parquet, the library)
imports without them; a feature that needs one says which (``MissingExtra``)."""

from __future__ import annotations

import importlib
from types import ModuleType

from eventdesk.errors import MissingExtra

__all__ = ["EXTRAS", "require"]

EXTRAS: dict[str, tuple[str, ...]] = {
    "server": ("fastapi", "uvicorn"),
    "dask": ("dask.distributed",),
    "report": ("matplotlib",),
    "pandas": ("pandas",),
}
"""Each extra and the modules it provides."""


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise ``MissingExtra`` naming the ``extra`` that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(feature, extra, module) from exc


def require_extra(extra: str, feature: str) -> None:
    """Check that every module of ``extra`` imports."""
    for module in EXTRAS[extra]:
        require(module, extra=extra, feature=feature)
