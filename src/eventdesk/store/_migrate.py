"""Numbered schema migrations shipped as package data (``migrations/NNNN_name.sql``).

Each file is applied once, in order, inside its own transaction together with its row in
``schema_migrations``: a failed migration leaves the file exactly as it was. A file whose schema is
newer than any migration this code knows is refused rather than half-understood.

A migration that changes the field columns of stored mentions (a repair) sets their ``fingerprint``
to ``'stale'``; once every migration has run, those fingerprints are computed again from the rows
(the store finds a mention's row by its fingerprint), in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from eventdesk.errors import StoreError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def known_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with this code, in version order.

    Read through ``importlib.resources`` so they work from a wheel or zip, not only a checkout.
    """
    found: list[Migration] = []
    for entry in resources.files("eventdesk.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"store migrations are not numbered 1..n without gaps: {versions}")
    return tuple(found)


def migrate(conn: sqlite3.Connection, now: dt.datetime) -> int:
    """Bring the schema of ``conn`` up to date; return the resulting schema version."""
    migrations = known_migrations()
    _ensure_ledger(conn)
    applied = _applied_versions(conn)
    newest = migrations[-1].version if migrations else 0
    unknown = sorted(v for v in applied if v > newest)
    if unknown:
        raise StoreError(
            f"the store has schema version {max(unknown)} but this eventdesk only knows up to "
            f"{newest}; upgrade eventdesk to open it (nothing was changed)"
        )
    pending = [m for m in migrations if m.version not in applied]
    for migration in pending:
        _apply(conn, migration, now)
    if pending:
        _refresh_stale_fingerprints(conn)
    return newest


STALE = "stale"


def _refresh_stale_fingerprints(conn: sqlite3.Connection) -> None:
    from eventdesk.store._codec import decode_mention, encode_mention, fingerprint

    rows = conn.execute("SELECT * FROM event_mentions WHERE fingerprint = ?", (STALE,)).fetchall()
    if not rows:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for row in rows:  # the store reads rows as sqlite3.Row
            conn.execute("UPDATE event_mentions SET fingerprint = ? WHERE id = ?",
                         (fingerprint(encode_mention(decode_mention(row))), row["id"]))
    except (sqlite3.Error, ValueError, KeyError) as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"recomputing the fingerprints of repaired mentions failed: {exc}") from exc
    conn.execute("COMMIT")


def _ensure_ledger(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"
    )


def _applied_versions(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def _apply(conn: sqlite3.Connection, migration: Migration, now: dt.datetime) -> None:
    """Run one migration and record it, all or nothing.

    Statements are executed one by one inside an explicit transaction rather than with
    ``executescript``, which would commit before it starts and so break atomicity.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, now.isoformat()),
        )
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(
            f"migration {migration.version:04d}_{migration.name} failed: {exc}"
        ) from exc
    conn.execute("COMMIT")


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (``sqlite3.complete_statement`` knows about
    strings, comments and trigger bodies, so a ``;`` inside them does not split)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                statements.append(pending.strip())
            pending = ""
    if _has_code(pending):
        raise StoreError(f"migration ends with an incomplete statement: {pending.strip()[:80]!r}")
    return statements


def _has_code(text: str) -> bool:
    return any(
        line.strip() and not line.strip().startswith("--") for line in text.splitlines()
    )
