"""Blocking: which pairs of mentions are worth scoring, without comparing all pairs.

Dated mentions are indexed by (type family, day) and, inside a day, by (country, province).
A mention looks only at the days its date precision allows and, on those days, at buckets in
its own province, at country-level buckets of its country, and at mentions with no place. A
mention with no place looks at every bucket of those days. An undated mention is indexed by
(family, country, province) and looks at dated mentions there published up to 14 days before its
own publication (or at all of them when its article has no date), capped per mention. A mention with neither a
date nor a place has nothing to be attached by and stays on its own.

The work per mention is bounded by the density of reports on the same days and places, not by
the size of the corpus, so fusing N mentions costs about O(N).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from eventdesk.fuse._item import Item
from eventdesk.fuse._score import date_tolerance

__all__ = ["BlockIndex", "UNDATED_LOOKBACK", "UNDATED_CAP"]

UNDATED_LOOKBACK = 14
"""Days before its publication that an undated report's event may have happened."""
UNDATED_CAP = 500
"""At most this many dated mentions are scored against one undated mention (nearest first)."""

Region = tuple[str, str]


class BlockIndex:
    """Mentions indexed for candidate lookup; add items, then ask for an item's candidates."""

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._days: dict[tuple[str, int], dict[Region, list[Item]]] = defaultdict(lambda: defaultdict(list))
        self._regions: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        self._undated: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        for item in items:
            self.add(item)

    def add(self, item: Item) -> None:
        region = (item.family, item.country, item.admin1)
        if item.day is None:
            self._undated[region].append(item)
        else:
            self._days[(item.family, item.day)][(item.country, item.admin1)].append(item)
            self._regions[region].append(item)

    def candidates(self, item: Item) -> Iterator[Item]:
        """Every indexed item that could be the same event as ``item`` (``item`` itself excluded;
        each other item at most once)."""
        if item.day is None:
            yield from self._for_undated(item)
            return
        tolerance = date_tolerance(3)  # widest: a month-precise report on the other side
        for day in range(item.day - tolerance, item.day + tolerance + 1):
            buckets = self._days.get((item.family, day))
            if not buckets:
                continue
            gap = abs(day - item.day)
            for region, bucket in buckets.items():
                if not _regions_meet((item.country, item.admin1), region):
                    continue
                for other in bucket:
                    if other is not item and gap <= date_tolerance(max(item.precision, other.precision)):
                        yield other
        for other in self._undated_near(item):
            yield other

    def _for_undated(self, item: Item) -> Iterator[Item]:
        if not item.country:  # no date and no place: nothing to attach it by
            return
        keys = self._region_keys(item, self._regions)
        pool = [other for key in keys for other in self._regions[key]]
        if item.published is not None:
            low = item.published - UNDATED_LOOKBACK
            pool = [o for o in pool if low <= o.day <= item.published]
            pool.sort(key=lambda o: (item.published - o.day, o.order))
        else:
            pool.sort(key=lambda o: o.order)
        yield from pool[:UNDATED_CAP]
        for key in self._region_keys(item, self._undated):
            yield from (other for other in self._undated[key] if other is not item)

    def _undated_near(self, item: Item) -> Iterator[Item]:
        """Undated mentions whose own lookup would reach ``item`` (so the pair is found from
        either side). Without a place on either side an undated report cannot score enough."""
        if not item.country:
            return
        for key in self._region_keys(item, self._undated):
            for other in self._undated[key]:
                if other.published is None or other.published - UNDATED_LOOKBACK <= item.day <= other.published:
                    yield other

    @staticmethod
    def _region_keys(item: Item, table: dict[tuple[str, str, str], list[Item]]) -> list[tuple[str, str, str]]:
        """Keys of ``table`` in ``item``'s family whose region meets the item's region."""
        if not item.country:
            return sorted(k for k in table if k[0] == item.family)
        keys = [(item.family, "", ""), (item.family, item.country, "")]
        if item.admin1:
            keys.append((item.family, item.country, item.admin1))
        else:
            keys += sorted(k for k in table if k[0] == item.family and k[1] == item.country and k[2])
        return [k for k in dict.fromkeys(keys) if k in table]


def _regions_meet(a: Region, b: Region) -> bool:
    """Two regions can hold the same event: same country (or one unknown) and same province
    (or one known only to country level)."""
    if not a[0] or not b[0]:
        return True
    if a[0] != b[0]:
        return False
    return not a[1] or not b[1] or a[1] == b[1]
