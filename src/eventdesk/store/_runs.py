"""Pipeline runs and the inputs they could not read (never dropped silently)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from typing import Any

from eventdesk.errors import NotFound, StoreError
from eventdesk.model import Skipped
from eventdesk.store._codec import to_json
from eventdesk.store._types import RunRecord, RunSummary


def insert_run(conn: sqlite3.Connection, settings: dict[str, Any], pipeline_version: str, now: dt.datetime) -> int:
    cursor = conn.execute(
        "INSERT INTO runs (started, pipeline_version, settings) VALUES (?, ?, ?)",
        (now.isoformat(), pipeline_version, _settings_json(settings)),
    )
    return int(cursor.lastrowid)  # type: ignore[arg-type]


def _settings_json(settings: dict[str, Any]) -> str:
    """Settings as JSON; values JSON cannot hold (paths, dates) are kept as their ``str``."""
    return json.dumps(settings, ensure_ascii=False, sort_keys=True, default=str)


def complete_run(conn: sqlite3.Connection, run_id: int, summary: RunSummary, now: dt.datetime) -> None:
    row = conn.execute("SELECT finished FROM runs WHERE id = ?", (run_id,)).fetchone()
    if row is None:
        raise NotFound(f"no run with id {run_id} in the store")
    if row[0] is not None:
        raise StoreError(f"run {run_id} already finished at {row[0]}")
    reasons = Counter(s.reason for s in summary.skipped)
    conn.execute(
        "UPDATE runs SET finished = ?, articles_read = ?, articles_new = ?, articles_duplicate = ?,"
        " articles_skipped = ?, events = ?, rejections = ?, skipped_reasons = ?, articles_reextracted = ?,"
        " articles_stale = ?, limits = ? WHERE id = ?",
        (
            now.isoformat(), summary.articles_read, summary.articles_new, summary.articles_duplicate,
            len(summary.skipped), summary.events, summary.rejections, to_json(dict(sorted(reasons.items()))),
            summary.articles_reextracted, summary.articles_stale, to_json(dict(sorted(summary.limits))), run_id,
        ),
    )
    conn.executemany(
        "INSERT INTO skipped_inputs (run_id, seq, origin, reason) VALUES (?, ?, ?, ?)",
        [(run_id, seq, s.origin, s.reason) for seq, s in enumerate(summary.skipped)],
    )


def load_runs(conn: sqlite3.Connection) -> list[RunRecord]:
    rows = conn.execute("SELECT * FROM runs ORDER BY id").fetchall()
    return [_run(conn, row) for row in rows]


def _run(conn: sqlite3.Connection, row: sqlite3.Row) -> RunRecord:
    summary = None
    if row["finished"] is not None:
        summary = RunSummary(
            articles_read=row["articles_read"],
            articles_new=row["articles_new"],
            articles_duplicate=row["articles_duplicate"],
            skipped=tuple(load_skipped(conn, row["id"])),
            events=row["events"],
            rejections=row["rejections"],
            articles_reextracted=row["articles_reextracted"] or 0,
            articles_stale=row["articles_stale"] or 0,
            limits=tuple(sorted(json.loads(row["limits"] or "{}").items())),
        )
    return RunRecord(
        id=row["id"],
        started=dt.datetime.fromisoformat(row["started"]),
        finished=None if row["finished"] is None else dt.datetime.fromisoformat(row["finished"]),
        pipeline_version=row["pipeline_version"],
        settings=json.loads(row["settings"]),
        summary=summary,
    )


def load_skipped(conn: sqlite3.Connection, run_id: int | None) -> list[Skipped]:
    if run_id is None:
        rows = conn.execute("SELECT origin, reason FROM skipped_inputs ORDER BY run_id, seq")
    else:
        rows = conn.execute("SELECT origin, reason FROM skipped_inputs WHERE run_id = ? ORDER BY seq", (run_id,))
    return [Skipped(r[0], r[1]) for r in rows]
