"""Re-extraction when the pipeline version changes: the pieces both engines share.

Every stored article records the pipeline version that produced its results
(``eventdesk.versions``: a content hash of the rules, data, code and model). A run with
``reprocess`` (``eventdesk extract --reprocess``) runs the stages again on

- the stored articles of another version, rebuilt from the raw text the store keeps
  (``stored_stale``); an article stored before eventdesk kept raw text cannot be, and is reported;
- and the articles of the run's inputs that are stored from another version (this also brings the
  raw text of an article stored without it).

Their results replace the stored ones (``Store.replace_results``: each new mention that reports
what an old one did takes over its event and the analysts' links that name it), then fusion takes
in the replaced mentions (``fuse_pending``) and writes each change with its reason,
"re-extracted: pipeline version A -> B". Without ``reprocess`` a run stores new articles only and
its summary counts the stored articles of another version (``RunSummary.articles_stale``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventdesk.model import Article, ArticleResult, Skipped
from eventdesk.store import Replaced, Store

__all__ = ["Stored", "to_extract", "stored_stale", "store_results", "fuse_pending", "PAGE"]

PAGE = 200
"""Stored articles read per query while re-extracting a store."""


@dataclass(frozen=True)
class Stored:
    """What storing a batch did: each added result with the id it got (``None``: its content was
    already stored) and the stored articles whose results were replaced."""

    added: list[tuple[ArticleResult, str | None]]
    replaced: list[Replaced]


def to_extract(items: Iterable[Article | Skipped], store: Store, *, pipeline_version: str, reprocess: bool,
               counts: Counter, skipped: list[Skipped], seen: set[str]) -> Iterator[Article]:
    """The input articles to run the stages on: those not stored and, with ``reprocess``, those
    stored from another pipeline version. The same content twice, or content stored from this
    version (or from any version, without ``reprocess``), is counted as a duplicate; unreadable
    inputs go to ``skipped``. ``seen`` collects the content hashes yielded."""
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        counts["read"] += 1
        if item.content_hash in seen or not _wanted(store.version_of(item.content_hash), pipeline_version,
                                                     reprocess):
            counts["duplicate"] += 1
            continue
        seen.add(item.content_hash)
        yield item


def _wanted(stored: str | None, pipeline_version: str, reprocess: bool) -> bool:
    return stored is None or (reprocess and stored != pipeline_version)


def stored_stale(store: Store, pipeline_version: str, *, seen: set[str], unavailable: list[Skipped],
                 page: int = PAGE) -> Iterator[Article]:
    """The stored articles from another pipeline version, rebuilt as read, a page at a time (the
    caller may replace them meanwhile); those whose content is in ``seen`` (taken from the inputs)
    are left out, those the store has no raw text for go to ``unavailable`` with the reason."""
    after = ""
    while batch := store.stale_articles(pipeline_version, after=after, limit=page):
        for article_id, content_hash, item in batch:
            after = article_id
            if content_hash in seen:  # (the store holds each content once)
                continue
            if isinstance(item, Skipped):
                unavailable.append(item)
            else:
                yield item


def store_results(store: Store, results: list[ArticleResult], *, pipeline_version: str, run_id: int | None,
                  add: Callable[[list[ArticleResult]], list[str | None]]) -> Stored:
    """Store a batch: the results of articles not yet stored through ``add`` (the engine's way of
    adding, which gives the stored id or ``None`` for each), those of articles stored from another
    pipeline version in place of the stored ones (``Store.replace_results``)."""
    stale, fresh = [], []
    for result in results:
        stored = store.version_of(result.clean.article.content_hash)
        (stale if stored is not None and stored != pipeline_version else fresh).append(result)
    ids = add(fresh) if fresh else []
    replaced = store.replace_results(stale, pipeline_version=pipeline_version, run_id=run_id) if stale else []
    return Stored(list(zip(fresh, ids, strict=True)), [r for r in replaced if r is not None])


def fuse_pending(store: Store, *, run_id: int | None = None) -> set[str]:
    """Fuse the mentions that re-extractions replaced, one ``(reason, country, month)`` group at a
    time (as ``engines.fuse_unfused`` does for new mentions), each change logged with its reason.
    Returns the ids of the events touched."""
    from eventdesk.app import fuse_new

    touched: set[str] = set()
    for group in store.pending_groups():
        mention_ids = store.pending_mentions(group)  # a group fused earlier may have taken some
        if mention_ids:
            touched.update(e.event_id for e in fuse_new(store, mention_ids, run_id=run_id, reason=group[0]))
    return touched
