"""ACLED-style event ids (``event_id_cnty``: ISO3 + a number per country) and the time each event
last changed (ACLED's ``timestamp``). Numbers are given once, in the order asked, and never again."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

__all__ = ["assign_numbers", "updated_at"]


def assign_numbers(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]], now: dt.datetime
                   ) -> dict[tuple[str, str], int]:
    """The number of each ``(event_id, iso3)``; pairs without one get the next free number of their
    country, in the order given (the caller holds the write transaction)."""
    wanted = list(dict.fromkeys(pairs))
    found: dict[tuple[str, str], int] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start:start + 400]
        marks = ", ".join("(?, ?)" for _ in chunk)
        rows = conn.execute(
            f"SELECT event_id, iso3, number FROM acled_ids WHERE (event_id, iso3) IN (VALUES {marks})",
            [v for pair in chunk for v in pair],
        )
        found.update(((r[0], r[1]), int(r[2])) for r in rows)
    for event_id, iso3 in wanted:
        if (event_id, iso3) in found:
            continue
        row = conn.execute("SELECT last FROM acled_counters WHERE iso3 = ?", (iso3,)).fetchone()
        number = (int(row[0]) if row else 0) + 1
        conn.execute("INSERT INTO acled_counters (iso3, last) VALUES (?, ?)"
                     " ON CONFLICT (iso3) DO UPDATE SET last = excluded.last", (iso3, number))
        conn.execute("INSERT INTO acled_ids (event_id, iso3, number, at) VALUES (?, ?, ?, ?)",
                     (event_id, iso3, number, now.isoformat()))
        found[(event_id, iso3)] = number
    return found


def updated_at(conn: sqlite3.Connection, event_ids: Iterable[str]) -> dict[str, dt.datetime]:
    """When each of these events last changed (events not in the store are left out)."""
    ids = list(dict.fromkeys(event_ids))
    out: dict[str, dt.datetime] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(f"SELECT event_id, updated_at FROM events WHERE event_id IN ({marks})", chunk)
        out.update((r[0], dt.datetime.fromisoformat(r[1])) for r in rows)
    return out
