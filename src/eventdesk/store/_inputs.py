"""Articles as they were read (``article_inputs``), kept so the stages can run on them again, and
the stored articles whose results came from another pipeline version.

The raw text or HTML is stored zlib-compressed (a news page shrinks to about a fifth); the other
fields of the ``Article`` go in as JSON, taken from the dataclass so that a field added to the
model later is kept too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import zlib

from eventdesk.model import Article, Skipped

__all__ = ["save_input", "load_input", "stale_articles", "count_stale", "NO_RAW"]

NO_RAW = ("stored without its raw text (by an eventdesk from before re-extraction), so it cannot be "
          "re-extracted from the store: give its input again with --reprocess")

_DATES = {"published": dt.date.fromisoformat, "published_time": dt.datetime.fromisoformat}


def save_input(conn: sqlite3.Connection, article_id: str, article: Article) -> None:
    """Keep ``article`` as read, under the id it is stored with (insert or replace)."""
    fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article) if f.name not in ("raw", "id")}
    plain = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in fields.items()}
    conn.execute(
        "INSERT INTO article_inputs (article_id, raw, fields) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET raw = excluded.raw, fields = excluded.fields",
        (article_id, zlib.compress(article.raw.encode("utf-8", "surrogatepass"), 6),
         json.dumps(plain, ensure_ascii=False, sort_keys=True)),
    )


def load_input(conn: sqlite3.Connection, article_id: str) -> Article | None:
    """The article as it was read, with its stored id; ``None`` when the store does not have it."""
    row = conn.execute("SELECT raw, fields FROM article_inputs WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    known = {f.name for f in dataclasses.fields(Article)}
    fields = {k: (_DATES[k](v) if k in _DATES and v is not None else v)
              for k, v in json.loads(row[1]).items() if k in known}
    raw = zlib.decompress(row[0]).decode("utf-8", "surrogatepass")
    return Article(id=article_id, raw=raw, **fields)


def stale_articles(conn: sqlite3.Connection, pipeline_version: str, *, after: str = "",
                   limit: int = 200) -> list[tuple[str, str, Article | Skipped]]:
    """Up to ``limit`` stored articles whose results came from another pipeline version, by id after
    ``after`` (a page: pass the last id seen to get the next, which works while the caller replaces
    them). Each is ``(id, content hash, the Article as read)``, or a ``Skipped`` in its place when the
    store lacks the raw text."""
    rows = conn.execute(
        "SELECT id, content_hash, origin FROM articles WHERE pipeline_version <> ? AND id > ? ORDER BY id LIMIT ?",
        (pipeline_version, after, limit)).fetchall()
    out: list[tuple[str, str, Article | Skipped]] = []
    for article_id, content_hash, origin in rows:
        article = load_input(conn, article_id)
        item = article if article is not None else Skipped(origin, f"article {article_id!r} {NO_RAW}")
        out.append((article_id, content_hash, item))
    return out


def count_stale(conn: sqlite3.Connection, pipeline_version: str) -> tuple[int, int]:
    """How many stored articles come from another pipeline version, and how many of those the
    store cannot re-extract (no raw text)."""
    total, without = conn.execute(
        "SELECT count(*), count(*) - count(i.article_id) FROM articles a"
        " LEFT JOIN article_inputs i ON i.article_id = a.id WHERE a.pipeline_version <> ?",
        (pipeline_version,)).fetchone()
    return int(total), int(without)
