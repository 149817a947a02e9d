"""Articles and what the per-article stages produced: write once, read back whole."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, TypeVar

from eventdesk.errors import NotFound, StoreError
from eventdesk.fuse.syndication import SIMILAR, band_keys, similarities
from eventdesk.model import (
    ArticleResult, Dropped, EventMention, PublicationDate, Rejection, Sentence, Source, Span,
)
from eventdesk.store._codec import decode_mention, encode_mention, fingerprint, to_json
from eventdesk.store._inputs import save_input
from eventdesk.store._types import StoredArticle

T = TypeVar("T")


def stored_id_for_hash(conn: sqlite3.Connection, content_hash: str) -> str | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    return None if row is None else row[0]


def free_id(conn: sqlite3.Connection, article_id: str, content_hash: str) -> str:
    """``article_id`` if unused, else a derived id ``<id>~<hash prefix>`` that is.

    Derived from the content hash (not a counter) so the same colliding article gets the same id
    in every store, whatever order articles arrive in.
    """
    candidates = [article_id] + [f"{article_id}~{content_hash[:n]}" for n in (12, 24, len(content_hash))]
    for candidate in candidates:
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate
    raise sqlite3.IntegrityError(f"no free id for article {article_id!r} (hash {content_hash})")


def rebase(value: T, old: str, new: str) -> T:
    """``value`` with every reference to article ``old`` (span ids, article ids) renamed to ``new``.

    Walks the frozen dataclasses generically so a field added to the model later is not missed.
    """
    if isinstance(value, Span):
        return replace(value, article_id=new) if value.article_id == old else value
    if isinstance(value, tuple):
        return tuple(rebase(item, old, new) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in fields(value):
            current = getattr(value, f.name)
            renamed_id = f.name in ("article_id", "id") and isinstance(current, str) and current == old
            changes[f.name] = new if renamed_id else rebase(current, old, new)
        return replace(value, **changes)
    return value


def spans_in(value: object) -> Iterator[Span]:
    """Every ``Span`` inside a (tree of) frozen dataclasses and tuples, depth first in field order."""
    stack = [value]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind in _LEAVES:
            continue
        if kind is Span:
            yield value
        elif isinstance(value, tuple):
            stack.extend(reversed(value))
        elif isinstance(value, Span):
            yield value
        elif is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, name) for name in reversed(_field_names(kind)))


_LEAVES = frozenset({str, int, float, bool, bytes, type(None), dt.date, dt.datetime})
"""Types that hold no span: ``spans_in`` does not look inside them."""


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def check_result(result: ArticleResult) -> None:
    """Refuse a result whose sentences, rejections or mentions point into another article.

    Rows are keyed by article, and evidence is resolved against the article's own cleaned text,
    so such a span could neither be stored faithfully nor cited.
    """
    article_id = result.clean.id
    owners = [m.article_id for m in result.events]
    owners += [s.article_id for s in spans_in((result.sentences, result.rejections, result.events))]
    foreign = sorted({owner for owner in owners if owner != article_id})
    if foreign:
        raise StoreError(
            f"article {article_id!r}: sentences, rejections or mentions point into another article "
            f"({', '.join(map(repr, foreign))}); nothing was stored"
        )


def insert_result(
    conn: sqlite3.Connection, result: ArticleResult, *, original_id: str, pipeline_version: str, now: dt.datetime
) -> None:
    """Insert one article and everything its stages produced (the caller holds the transaction),
    and the article as it was read (``result.clean.article``), so the stages can run on it again."""
    article, clean, pub = result.clean.article, result.clean, result.publication
    conn.execute(
        "INSERT INTO articles (id, original_id, content_hash, origin, outlet, url, title, language,"
        " published, published_how, published_evidence, published_order, headline, byline, dateline,"
        " raw_kind, cleaned_text, pipeline_version, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id, original_id, article.content_hash, article.origin, article.outlet, article.url,
            article.title, article.language, None if pub.date is None else pub.date.isoformat(), pub.how,
            pub.evidence, pub.order, clean.headline, clean.byline, clean.dateline, article.kind, clean.text,
            pipeline_version, now.isoformat(),
        ),
    )
    save_input(conn, article.id, article)
    insert_children(conn, result)


def insert_children(conn: sqlite3.Connection, result: ArticleResult) -> None:
    """What the stages produced for an article whose row exists: dropped blocks, sentences,
    rejections, mentions and the near-duplicate links."""
    article, clean = result.clean.article, result.clean
    conn.executemany(
        "INSERT INTO dropped_blocks (article_id, seq, text, reason, line) VALUES (?, ?, ?, ?, ?)",
        [(article.id, seq, d.text, d.reason, d.line) for seq, d in enumerate(clean.dropped)],
    )
    conn.executemany(
        "INSERT INTO sentences (article_id, seq, span_start, span_end, triggers) VALUES (?, ?, ?, ?, ?)",
        [
            (article.id, seq, s.span.start, s.span.end, to_json(list(s.triggers)))
            for seq, s in enumerate(result.sentences)
        ],
    )
    conn.executemany(
        "INSERT INTO rejections (article_id, seq, span_start, span_end, reason) VALUES (?, ?, ?, ?, ?)",
        [(article.id, seq, r.span.start, r.span.end, r.reason) for seq, r in enumerate(result.rejections)],
    )
    for seq, mention in enumerate(result.events):
        insert_mention(conn, article.id, seq, mention)
    if result.minhash:
        link_copies(conn, article.id, article.content_hash, result.minhash)


def link_copies(conn: sqlite3.Connection, article_id: str, content_hash: str, minhash: bytes) -> None:
    """Record the article's signature and join it to the near-duplicate group of its copies.

    A group is keyed by the smallest content hash among its articles, so the key does not depend
    on arrival order; when the new article bridges or founds a group, every member is re-keyed.
    """
    keys = band_keys(minhash)
    conn.executemany("INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)",
                     [(key, article_id) for key in keys])
    marks = ", ".join("?" for _ in keys)
    # each candidate once (an article sharing all 32 bands is not read 32 times)
    rows = conn.execute(
        f"SELECT a.id, a.minhash, a.content_hash, a.copy_group FROM articles a WHERE a.id IN"
        f" (SELECT article_id FROM article_bands WHERE band_key IN ({marks})) AND a.id <> ?",
        (*keys, article_id),
    ).fetchall()
    rows = [r for r in rows if r["minhash"] is not None]
    scores = similarities(minhash, [r["minhash"] for r in rows])
    copies = [r for r, score in zip(rows, scores) if score >= SIMILAR]
    groups = {r["copy_group"] or r["content_hash"] for r in copies}
    group = min(groups | {content_hash})
    conn.execute("UPDATE articles SET minhash = ?, copy_group = ? WHERE id = ?", (minhash, group, article_id))
    for old in sorted(groups - {group}):
        conn.execute("UPDATE articles SET copy_group = ? WHERE copy_group = ?", (group, old))
    for r in copies:
        if r["copy_group"] is None:
            conn.execute("UPDATE articles SET copy_group = ? WHERE id = ?", (group, r["id"]))


def mention_id(article_id: str, seq: int) -> str:
    return f"{article_id}#{seq}"


def insert_mention(conn: sqlite3.Connection, article_id: str, seq: int, mention: EventMention) -> None:
    columns = encode_mention(mention)
    row = {"id": mention_id(article_id, seq), "seq": seq, "fingerprint": fingerprint(columns), **columns}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO event_mentions ({names}) VALUES ({marks})", tuple(row.values()))


def update_mention(conn: sqlite3.Connection, mention_id_: str, mention: EventMention) -> None:
    """Overwrite a stored mention's fields (it keeps its id, its events and review links)."""
    columns = encode_mention(mention)
    row = {"fingerprint": fingerprint(columns), **columns}
    sets = ", ".join(f"{name} = ?" for name in row)
    conn.execute(f"UPDATE event_mentions SET {sets} WHERE id = ?", (*row.values(), mention_id_))


def load_article(conn: sqlite3.Connection, article_id: str) -> StoredArticle:
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id!r} in the store")
    return StoredArticle(
        id=row["id"],
        original_id=row["original_id"],
        content_hash=row["content_hash"],
        origin=row["origin"],
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        language=row["language"],
        publication=PublicationDate(
            _date(row["published"]), row["published_how"], row["published_evidence"], row["published_order"]
        ),
        headline=row["headline"],
        byline=row["byline"],
        dateline=row["dateline"],
        raw_kind=row["raw_kind"],
        text=row["cleaned_text"],
        pipeline_version=row["pipeline_version"],
        added_at=dt.datetime.fromisoformat(row["added_at"]),
        dropped=_dropped(conn, article_id),
        sentences=_sentences(conn, article_id),
        rejections=_rejections(conn, article_id),
        mention_ids=tuple(
            r[0] for r in conn.execute("SELECT id FROM event_mentions WHERE article_id = ? ORDER BY seq", (article_id,))
        ),
        copy_group=row["copy_group"] or "",
    )


def load_sources(conn: sqlite3.Connection, article_ids: list[str]) -> dict[str, Source]:
    """How each article is cited (``Source``), read from its row alone; ``NotFound`` for an unknown id."""
    out: dict[str, Source] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in conn.execute(f"SELECT id, outlet, url, published, copy_group FROM articles WHERE id IN ({marks})",
                              chunk):
            out[r["id"]] = Source(r["id"], r["outlet"] or "", r["url"], _date(r["published"]), r["copy_group"] or "")
    missing = [aid for aid in article_ids if aid not in out]
    if missing:
        raise NotFound(f"no article with id {missing[0]!r} in the store")
    return {aid: out[aid] for aid in article_ids}


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _dropped(conn: sqlite3.Connection, article_id: str) -> tuple[Dropped, ...]:
    rows = conn.execute(
        "SELECT text, reason, line FROM dropped_blocks WHERE article_id = ? ORDER BY seq", (article_id,)
    )
    return tuple(Dropped(r["text"], r["reason"], r["line"]) for r in rows)


def _sentences(conn: sqlite3.Connection, article_id: str) -> tuple[Sentence, ...]:
    rows = conn.execute(
        "SELECT span_start, span_end, triggers FROM sentences WHERE article_id = ? ORDER BY seq", (article_id,)
    )
    return tuple(
        Sentence(Span(article_id, r["span_start"], r["span_end"]), tuple(json.loads(r["triggers"]))) for r in rows
    )


def _rejections(conn: sqlite3.Connection, article_id: str) -> tuple[Rejection, ...]:
    rows = conn.execute(
        "SELECT span_start, span_end, reason FROM rejections WHERE article_id = ? ORDER BY seq", (article_id,)
    )
    return tuple(Rejection(Span(article_id, r["span_start"], r["span_end"]), r["reason"]) for r in rows)


def load_mentions(conn: sqlite3.Connection, article_id: str | None) -> list[EventMention]:
    """Mentions in a stable order: by article id, then as the stages produced them."""
    if article_id is None:
        rows = conn.execute("SELECT * FROM event_mentions ORDER BY article_id, seq")
    else:
        rows = conn.execute("SELECT * FROM event_mentions WHERE article_id = ? ORDER BY seq", (article_id,))
    return [decode_mention(row) for row in rows]


def cleaned_text(conn: sqlite3.Connection, article_id: str) -> str:
    """The cleaned text evidence is cut from; a span into an unstored article is a broken store."""
    row = conn.execute("SELECT cleaned_text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(f"evidence points into article {article_id!r}, which is not in the store")
    return str(row[0])
