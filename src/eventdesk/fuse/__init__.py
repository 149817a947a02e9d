"""Cross-article fusion.

Until cross-source coreference lands (issue 3), every event mention is its own event. Event ids
are derived from content (the article's content hash, the first evidence sentence and the
sub-event type), so they are stable across re-runs and across the order articles arrive in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from eventdesk.model import Event, EventMention, Source

__all__ = ["event_id_for", "events_from_mentions"]


def event_id_for(mention: EventMention, content_hash: str) -> str:
    first = mention.sentences[0] if mention.sentences else None
    where = mention.place.location if mention.place else ""
    key = f"{content_hash}:{first.start if first else 0}:{mention.sub_event_type}:{where}"
    return "EVD" + hashlib.sha1(key.encode()).hexdigest()[:12].upper()


def events_from_mentions(
    mentions: Iterable[EventMention], sources: Mapping[str, Source], hashes: Mapping[str, str]
) -> list[Event]:
    """One event per mention (no cross-source merging yet)."""
    out = []
    for m in mentions:
        src = sources.get(m.article_id, Source(m.article_id))
        out.append(Event(event_id_for(m, hashes.get(m.article_id, m.article_id)), m, (m,), (src,)))
    return out
