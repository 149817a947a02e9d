"""Value types the store hands out and takes in, beyond those in ``eventdesk.model``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventdesk.model import Dropped, PublicationDate, Rejection, Sentence, Skipped


@dataclass(frozen=True)
class StoredArticle:
    """One stored article: its cleaned text, metadata and what every stage left behind.

    ``original_id`` is the id the article arrived with; it differs from ``id`` only when another
    article with different content already held that id (see ``Store.add_result``).
    ``mention_ids`` are the ids of its event mentions, in the order the stages produced them.
    """

    id: str
    original_id: str
    content_hash: str
    origin: str
    outlet: str | None
    url: str | None
    title: str | None
    language: str | None
    publication: PublicationDate
    headline: str | None
    byline: str | None
    dateline: str | None
    raw_kind: str
    text: str
    pipeline_version: str
    added_at: dt.datetime
    dropped: tuple[Dropped, ...]
    sentences: tuple[Sentence, ...]
    rejections: tuple[Rejection, ...]
    mention_ids: tuple[str, ...]
    copy_group: str = ""  # near-duplicate group key (the smallest content hash among its copies)

    @property
    def renamed(self) -> bool:
        return self.id != self.original_id


@dataclass(frozen=True)
class RunSummary:
    """What one pipeline run did, as the runner counts it; ``skipped`` keeps every unread input."""

    articles_read: int
    articles_new: int
    articles_duplicate: int
    skipped: tuple[Skipped, ...] = ()
    events: int = 0
    rejections: int = 0
    articles_reextracted: int = 0  # stored articles whose results this run replaced (another pipeline version)
    articles_stale: int = 0  # stored articles still from another pipeline version when the run ended
    # (setting, how many times) for each limit the run reached: inputs skipped (``Skipped.limit``)
    # and sentences left unread (``max_sentence_chars``); counted by the runner, stored with the run
    limits: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Replaced:
    """A stored article whose results a re-extraction replaced.

    ``mention_ids`` are its mentions now, in the order the stages produced them: those in ``kept``
    report what an old mention did and kept its id (its event and review links), the others are
    new. ``dropped`` are the old mention ids nothing reports any more."""

    article_id: str
    old_version: str
    mention_ids: tuple[str, ...]
    kept: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True)
class RunRecord:
    """A stored run; ``summary`` is ``None`` while the run has not finished (or crashed)."""

    id: int
    started: dt.datetime
    finished: dt.datetime | None
    pipeline_version: str
    settings: dict[str, object]
    summary: RunSummary | None
