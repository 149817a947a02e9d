"""Group mentions into events: score candidate pairs, then merge best-first under constraints.

Merging is agglomerative and deterministic: links are taken in order of score (ties broken by
the items' content-derived ``order``), and two groups merge only when *every* pair across them
is allowed (no two reports from one article, no hard limit broken by any pair). That keeps one
report that matches two different events from chaining them together, and it makes the result a
function of the set of mentions alone, never of the order they arrive in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from eventdesk.fuse._block import BlockIndex, seen_from_both
from eventdesk.fuse._item import Item
from eventdesk.fuse._score import Score, compare
from eventdesk.model import MergeLink

__all__ = ["Group", "cluster", "links_of"]


@dataclass(frozen=True)
class Group:
    """Mentions fused into one event (sorted by ``order``) and the links that fused them."""

    items: tuple[Item, ...]
    links: tuple[MergeLink, ...]


def links_of(items: Sequence[Item], index: BlockIndex) -> list[tuple[Score, Item, Item]]:
    """Every candidate pair among ``items`` whose score is high enough to fuse, best first."""
    found: list[tuple[Score, Item, Item]] = []
    seen: set[tuple[str, str]] = set()
    for a in items:
        for b in index.candidates(a):
            first, second = (a, b) if a.order < b.order else (b, a)
            if a.day is not None and b.day is not None:
                if seen_from_both(a, b) and first is not a:  # found from both sides: score once
                    continue
            else:
                key = (first.order, second.order)
                if key in seen:
                    continue
                seen.add(key)
            score = compare(first, second)
            if score is not None and score.fuses:
                found.append((score, first, second))
    found.sort(key=lambda link: (-link[0].value, link[1].order, link[2].order))
    return found


def cluster(items: Iterable[Item], reviewed: Mapping[tuple[str, str], str] | None = None) -> list[Group]:
    """Fuse ``items`` into groups (singletons included), ordered by their first item.

    ``reviewed`` holds analysts' decisions on pairs of mention ids, ``(a, b)`` with a < b:
    "must" pairs are fused first whatever their score (a reviewed merge), and no two mentions of a
    "cannot" pair ever end up together (a reviewed split).
    """
    items = sorted(items, key=lambda i: i.order)
    reviewed = reviewed or {}
    cannot = {pair for pair, kind in reviewed.items() if kind == "cannot"}
    index = BlockIndex(items)
    parent = {item.order: item.order for item in items}
    members: dict[str, list[Item]] = {item.order: [item] for item in items}
    kept: dict[str, list[MergeLink]] = {item.order: [] for item in items}
    by_id = {item.id: item for item in items}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def merge(a: Item, b: Item, link: MergeLink, *, forced: bool) -> None:
        ra, rb = root(a.order), root(b.order)
        if ra == rb or _kept_apart(members[ra], members[rb], cannot):
            return
        if not forced and not _compatible(members[ra], members[rb]):
            return
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        kept[keep].extend(kept.pop(gone))
        kept[keep].append(link)

    for (x, y), kind in sorted(reviewed.items()):
        if kind == "must" and x in by_id and y in by_id:
            merge(by_id[x], by_id[y], MergeLink(x, y, 1.0, ("merged by an analyst",)), forced=True)
    for score, a, b in links_of(items, index):
        merge(a, b, MergeLink(a.id, b.id, score.value, score.agreed, score.by_content), forced=False)
    groups = [
        Group(tuple(sorted(group, key=lambda i: i.order)), tuple(kept[key]))
        for key, group in members.items()
    ]
    groups.sort(key=lambda g: g.items[0].order)
    return groups


def _kept_apart(left: list[Item], right: list[Item], cannot: set[tuple[str, str]]) -> bool:
    return bool(cannot) and any((min(x.id, y.id), max(x.id, y.id)) in cannot for x in left for y in right)


def _compatible(left: list[Item], right: list[Item]) -> bool:
    return all(compare(x, y) is not None for x in left for y in right)
