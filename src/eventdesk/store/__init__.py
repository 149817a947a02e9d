"""The event store: the only code that writes SQL.

SQLite via the standard library; the schema lives in numbered migrations under ``migrations/``
(applied in order, each in one transaction, tracked in ``schema_migrations``).
"""

from __future__ import annotations

from eventdesk.store._store import Store
from eventdesk.store._types import Replaced, RunRecord, RunSummary, StoredArticle

__all__ = ["Replaced", "RunRecord", "RunSummary", "Store", "StoredArticle"]
