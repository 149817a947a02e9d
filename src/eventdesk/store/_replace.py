"""Re-extraction: a stored article's results replaced by those of another pipeline version.

In one transaction: the article's sentences, rejections and dropped blocks are replaced by the new
ones. Each new mention that reports what an old one did (the same evidence, ``match_mentions``)
takes the old one's place: it keeps its id, so it stays in its event, under the analysts' merge
and split links that name it, and the event keeps its id (ids come from the reports' ids) and
its reviewed values. A new mention that reports something else gets the next unused number. An
old mention that nothing reports any more leaves its event ("detached" in the change log; its
review links are dropped, each logged): an event left with no report is retired at once, one
with other reports is fused again. The mentions of the article, and one remaining report of each
event that lost one, wait in ``pending_fusion`` with the reason ("re-extracted: pipeline version
A -> B") until fusion takes them in; fusion writes the reason into the change log.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import replace

from eventdesk.model import ArticleResult, EventMention
from eventdesk.store._articles import (
    insert_children, insert_mention, load_mentions, mention_id, rebase, update_mention,
)
from eventdesk.store._fusion import log_changes
from eventdesk.store._inputs import save_input
from eventdesk.store._types import Replaced

__all__ = ["replace_result", "match_mentions", "SIMILAR_EVIDENCE"]

SIMILAR_EVIDENCE = 0.5
"""Least word overlap (Jaccard over the words of the evidence sentences) for a new mention to be
taken as the same report as an old one."""

_WORD = re.compile(r"\w+")


def _evidence(text: str, mention: EventMention) -> frozenset[str]:
    return frozenset(_WORD.findall(" ".join(text[s.start : s.end] for s in mention.sentences).lower()))


def _label(mention: EventMention) -> tuple[str, str]:
    return (mention.event_type, mention.place.location if mention.place else "")


def match_mentions(old: Sequence[tuple[frozenset[str], tuple]], new: Sequence[tuple[frozenset[str], tuple]]
                   ) -> dict[int, int]:
    """Which new mention (by position) reports what each old one did: ``{old: new}``, one to one.

    Each side is ``(words of the evidence, label)``. Pairs whose evidence overlaps by at least
    ``SIMILAR_EVIDENCE`` are taken best first: most overlap, then the same label (type and place:
    one sentence listing two places gives two mentions), then the nearest position."""
    pairs = []
    for i, (words_a, label_a) in enumerate(old):
        for j, (words_b, label_b) in enumerate(new):
            union = words_a | words_b
            score = len(words_a & words_b) / len(union) if union else 1.0
            if score >= SIMILAR_EVIDENCE:
                pairs.append((-score, label_a != label_b, abs(i - j), i, j))
    pairs.sort()
    out: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in pairs:
        if i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def replace_result(conn: sqlite3.Connection, result: ArticleResult, *, pipeline_version: str, now: dt.datetime,
                   run_id: int | None = None) -> Replaced | None:
    """Replace the results of the stored article with ``result``'s content (the caller holds the
    transaction); ``None`` when no article with that content is stored or it already comes from
    ``pipeline_version``."""
    article = result.clean.article
    row = conn.execute("SELECT id, pipeline_version, cleaned_text FROM articles WHERE content_hash = ?",
                       (article.content_hash,)).fetchone()
    if row is None or row["pipeline_version"] == pipeline_version:
        return None
    article_id, old_version, old_text = row["id"], row["pipeline_version"], row["cleaned_text"]
    if article.id != article_id:
        result = rebase(result, article.id, article_id)
        article = result.clean.article
    reason = f"re-extracted: pipeline version {old_version} -> {pipeline_version}"

    old_rows = conn.execute("SELECT id, seq FROM event_mentions WHERE article_id = ? ORDER BY seq",
                            (article_id,)).fetchall()
    old = load_mentions(conn, article_id)
    carried = match_mentions([(_evidence(old_text, m), _label(m)) for m in old],
                             [(_evidence(result.clean.text, m), _label(m)) for m in result.events])
    kept_by_new = {j: old_rows[i]["id"] for i, j in carried.items()}
    dropped = [r["id"] for i, r in enumerate(old_rows) if i not in carried]
    marks = ", ".join("?" for _ in dropped) or "NULL"
    places = conn.execute(f"SELECT event_id, mention_id FROM event_sources WHERE mention_id IN ({marks})",
                          dropped).fetchall()
    links = conn.execute(f"SELECT * FROM review_links WHERE mention_a IN ({marks}) OR mention_b IN ({marks})",
                         dropped + dropped).fetchall()

    conn.execute(f"DELETE FROM review_links WHERE mention_a IN ({marks}) OR mention_b IN ({marks})",
                 dropped + dropped)
    conn.execute(f"DELETE FROM event_mentions WHERE id IN ({marks})", dropped)  # event_sources cascade
    for table in ("sentences", "rejections", "dropped_blocks", "article_bands"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    clean, pub = result.clean, result.publication
    conn.execute(
        "UPDATE articles SET outlet = ?, url = ?, title = ?, language = ?, published = ?, published_how = ?,"
        " published_evidence = ?, published_order = ?, headline = ?, byline = ?, dateline = ?, raw_kind = ?,"
        " cleaned_text = ?, pipeline_version = ? WHERE id = ?",
        (article.outlet, article.url, article.title, article.language,
         None if pub.date is None else pub.date.isoformat(), pub.how, pub.evidence, pub.order, clean.headline,
         clean.byline, clean.dateline, article.kind, clean.text, pipeline_version, article_id))
    save_input(conn, article_id, article)
    insert_children(conn, replace(result, events=()))
    next_seq = 1 + max((r["seq"] for r in old_rows), default=-1)  # no new report takes a dropped id
    ids = []
    for j, mention in enumerate(result.events):
        if j in kept_by_new:
            update_mention(conn, kept_by_new[j], mention)
            ids.append(kept_by_new[j])
        else:
            insert_mention(conn, article_id, next_seq, mention)
            ids.append(mention_id(article_id, next_seq))
            next_seq += 1

    changes: list[tuple[str, str, dict]] = []
    event_of = {p["mention_id"]: p["event_id"] for p in places}
    for link in links:
        lost = link["mention_a"] if link["mention_a"] in dropped else link["mention_b"]
        changes.append(("review-dropped", event_of.get(lost, lost), {
            "link": [link["mention_a"], link["mention_b"], link["kind"]], "mention": lost, "reason": reason}))
    pending = list(ids)
    for event_id in sorted(set(event_of.values())):
        lost = sorted(m for m, e in event_of.items() if e == event_id)
        rest = conn.execute("SELECT mention_id FROM event_sources WHERE event_id = ? ORDER BY seq LIMIT 1",
                            (event_id,)).fetchone()
        if rest is None:  # no report left: the event is no more
            conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            changes.append(("retired", event_id, {"into": "", "mentions": lost, "reason": reason}))
        else:  # fused again (its fields may change) from one of the reports it keeps
            changes.append(("detached", event_id, {"mentions": lost, "reason": reason}))
            pending.append(rest[0])
    conn.executemany("INSERT OR REPLACE INTO pending_fusion (mention_id, reason) VALUES (?, ?)",
                     [(mid, reason) for mid in pending])
    log_changes(conn, changes, run_id, now)
    return Replaced(article_id, old_version, tuple(ids), tuple(sorted(kept_by_new.values())), tuple(dropped))
