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
from eventdesk.fuse._score import Score, apart, compare, limits_key
from eventdesk.model import MergeLink

__all__ = ["Group", "cluster", "links_of"]


@dataclass(frozen=True)
class Group:
    """Mentions fused into one event (sorted by ``order``) and the links that fused them."""

    items: tuple[Item, ...]
    links: tuple[MergeLink, ...]


def links_of(items: Sequence[Item], index: BlockIndex, *, why: bool = True) -> list[tuple[Score, Item, Item]]:
    """Every candidate pair among ``items`` whose score is high enough to fuse, best first
    (``why=False``: scores without what agreed, see ``compare``)."""
    found: list[tuple[Score, Item, Item]] = []
    seen: set[tuple[str, str]] = set()
    for a in items:
        for b in index.candidates(a):
            first, second = (a, b) if a.order < b.order else (b, a)
            if a.day is not None and b.day is not None:
                if first is not a and seen_from_both(a, b):  # found from both sides: score once
                    continue
            else:
                key = (first.order, second.order)
                if key in seen:
                    continue
                seen.add(key)
            # (two arguments when asked for reasons: bench_fuse counts the calls through a stand-in)
            score = compare(first, second) if why else compare(first, second, why=False)
            if score is not None and score.fuses:
                found.append((score, first, second))
    found.sort(key=lambda link: (-link[0].value, link[1].order, link[2].order))
    return found


def cluster(items: Iterable[Item], reviewed: Mapping[tuple[str, str], str] | None = None) -> list[Group]:
    """Fuse ``items`` into groups (singletons included), ordered by their first item.

    ``reviewed`` holds analysts' decisions on pairs of mention ids, ``(a, b)`` with a < b:
    "must" pairs are fused first whatever their score (a reviewed merge), and no two mentions of a
    "cannot" pair ever end up together (a reviewed split).

    The reports an analyst merged are one *unit*: the analyst has overruled the hard limits between
    them (they may disagree on the day or the province), so a further report may join them when it
    is allowed with at least one report of the unit, as a copy of one of them is. Between reports
    that no analyst merged every pair must still be allowed.
    """
    items = sorted(items, key=lambda i: i.order)
    reviewed = reviewed or {}
    cannot = {pair for pair, kind in reviewed.items() if kind == "cannot"}
    index = BlockIndex(items)
    parent = {item.order: item.order for item in items}
    members: dict[str, list[Item]] = {item.order: [item] for item in items}
    kept: dict[str, list[MergeLink]] = {item.order: [] for item in items}
    by_id = {item.id: item for item in items}
    # Two groups merge only when no pair across them is kept apart by a hard limit (``compare``
    # gives None). What that needs of a group: its articles (no two reports of one article) and its
    # units: a report no analyst merged is a unit of its own, keyed by its ``limits_key`` (the other
    # hard limits read only that), so a check costs (distinct keys x distinct keys) cached lookups,
    # not (items x items) comparisons; the reports an analyst merged are one unit, allowed with a
    # report when any of its keys is.
    articles: dict[str, set[str]] = {item.order: {item.article} for item in items}
    units: dict[str, dict[tuple, dict[tuple, Item]]] = {
        item.order: {("key", limits_key(item)): {limits_key(item): item}} for item in items}
    allowed: dict[tuple[tuple, tuple], bool] = {}

    def ok(kx: tuple, x: Item, ky: tuple, y: Item) -> bool:
        found = allowed.get((kx, ky))
        if found is None:
            found = allowed[(kx, ky)] = not apart(x, y)
        return found

    def compatible(ra: str, rb: str) -> bool:
        """Whether the groups may merge: no article in both, and each unit of ``ra`` allowed with
        each unit of ``rb`` (``compare(x, y) is not None`` for some x of the one and y of the other;
        for two reports no analyst merged, that is the pair itself)."""
        if not articles[ra].isdisjoint(articles[rb]):
            return False
        for ua in units[ra].values():
            for ub in units[rb].values():
                if not any(ok(kx, x, ky, y) for kx, x in ua.items() for ky, y in ub.items()):
                    return False
        return True

    def absorb(table: dict, keep: str, gone: str) -> None:
        """Fold ``table[gone]`` (a set or dict) into ``table[keep]``, copying the smaller one."""
        big, small = table[keep], table.pop(gone)
        if len(small) > len(big):
            big, small = small, big
        big.update(small)
        table[keep] = big

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def merge(a: Item, b: Item, *, forced: bool) -> list[MergeLink] | None:
        """Merge the groups of ``a`` and ``b`` if allowed; the merged group's links (for the
        caller to add the link that merged them), or None."""
        ra, rb = root(a.order), root(b.order)
        if ra == rb or _kept_apart(members[ra], members[rb], cannot):
            return None
        if not forced and not compatible(ra, rb):
            return None
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        parent[gone] = keep
        members[keep].extend(members.pop(gone))
        kept[keep].extend(kept.pop(gone))
        absorb(articles, keep, gone)
        if forced:  # an analyst's merge: everything the two groups hold becomes one unit
            one: dict[tuple, Item] = {}
            for unit in [*units.pop(gone).values(), *units[keep].values()]:
                one.update(unit)
            units[keep] = {("reviewed", keep): one}
        else:
            absorb(units, keep, gone)
        return kept[keep]

    for (x, y), kind in sorted(reviewed.items()):
        if kind == "must" and x in by_id and y in by_id:
            if (links := merge(by_id[x], by_id[y], forced=True)) is not None:
                links.append(MergeLink(x, y, 1.0, ("merged by an analyst",)))
    # links are ranked on their scores alone; what agreed is spelled out for the links kept
    for _, a, b in links_of(items, index, why=False):
        if (links := merge(a, b, forced=False)) is not None:
            links.append(_link(a, b))
    groups = [
        Group(tuple(sorted(group, key=lambda i: i.order)), tuple(kept[key]))
        for key, group in members.items()
    ]
    groups.sort(key=lambda g: g.items[0].order)
    return groups


def _link(a: Item, b: Item) -> MergeLink:
    score = compare(a, b)
    return MergeLink(a.id, b.id, score.value, score.agreed, score.by_content)


def _kept_apart(left: list[Item], right: list[Item], cannot: set[tuple[str, str]]) -> bool:
    return bool(cannot) and any((min(x.id, y.id), max(x.id, y.id)) in cannot for x in left for y in right)

