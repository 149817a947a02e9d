"""Cross-article fusion: one event per real-world event, however many outlets report it.

    items = [Item.of(mention_id, order, mention, text=evidence, published=date), ...]
    events = fuse(items, sources)

Steps, one module each: ``_item`` (what fusion compares), ``_block`` (which pairs to compare:
never all of them), ``_score`` (hard limits and a score with reasons), ``_cluster`` (best-first
merging under constraints), ``_fields`` (one value per field, and the disputed fields),
``syndication`` (near-duplicate articles count as one independent source).

Event ids are derived from content: the id of a group is that of its *anchor*, the mention from the
earliest-published article (then the smallest content key). So ids do not depend on the order
articles arrive in, and an event keeps its id when later reports join it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from eventdesk.fuse._block import UNDATED_LOOKBACK, BlockIndex
from eventdesk.fuse._cluster import Group, cluster, links_of
from eventdesk.fuse._fields import disputed_fields, fuse_fields
from eventdesk.fuse._item import FAMILIES_TYPES, Item, family_of
from eventdesk.fuse._score import CONTENT_ONLY, THRESHOLD, Score, compare, date_tolerance
from eventdesk.model import Event, Source

__all__ = [
    "BlockIndex",
    "CONTENT_ONLY",
    "FAMILIES_TYPES",
    "Group",
    "Item",
    "Score",
    "THRESHOLD",
    "UNDATED_LOOKBACK",
    "cluster",
    "compare",
    "date_tolerance",
    "event_for",
    "event_id",
    "family_of",
    "fuse",
    "links_of",
]


def event_id(anchor_order: str) -> str:
    return "EVD" + hashlib.sha1(anchor_order.encode()).hexdigest()[:12].upper()


def anchor(group: Group) -> Item:
    """The mention that names the group: earliest published, then smallest content key."""
    return min(group.items, key=_by_publication)


def _by_publication(item: Item) -> tuple[bool, int, str]:
    return (item.published is None, item.published or 0, item.order)


def event_for(group: Group, sources: Mapping[str, Source]) -> Event:
    """The ``Event`` of one group; items must carry their mentions (``Item.of(..., keep=True)``)."""
    ordered = sorted(group.items, key=_by_publication)
    members = [item.mention for item in ordered]
    if any(m is None for m in members):
        raise ValueError("event_for needs items built with their mentions (keep=True)")
    articles = dict.fromkeys(m.article_id for m in members)
    published = {aid: sources[aid].published for aid in articles if aid in sources}
    return Event(
        event_id=event_id(anchor(group).order),
        fields=fuse_fields(members, published),
        mentions=tuple(members),
        sources=tuple(sources.get(a, Source(a)) for a in articles),
        disputed=disputed_fields(members),
        links=group.links,
    )


def fuse(items: Iterable[Item], sources: Mapping[str, Source],
         reviewed: Mapping[tuple[str, str], str] | None = None) -> list[Event]:
    """Fuse every item; one event per group, in the groups' order. ``reviewed``: see ``cluster``."""
    return [event_for(group, sources) for group in cluster(items, reviewed)]
