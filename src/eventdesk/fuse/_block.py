"""Blocking: which pairs of mentions are worth scoring, without comparing all pairs.

Dated mentions are indexed by (type family, day) and, inside a day, by (country, province), and
by each of their actors. A mention looks only at the days its own date precision allows (a
month-precise report finds the day-precise ones in its month) and, on those days, at mentions in its own
province, at country-level ones of its country, and at mentions with no place that name one of its
actors. A mention with no place looks only at mentions naming one of its actors: without a place,
a shared actor is the least two reports must have to be one event. An undated mention is indexed by
(family, country, province) and looks at dated mentions there published up to 14 days before its
own publication (or at all of them when its article has no date), capped per mention. A mention with neither a
date nor a place has nothing to be attached by and stays on its own.

Undated mentions meet each other only when their publication dates are within the look-back window
of each other (the windows before their publications overlap; a mention without a publication date
meets all of them), from other articles, nearest publication first and at most ``UNDATED_PEERS`` of
them; a dated mention meets the undated ones whose window holds its day, nearest first, as many. So
each pair that can fuse is looked for from both sides, and found unless both sides have that many
nearer peers (many undated reports of one province, e.g. one article repeating an undated sentence
a thousand times, cost ``UNDATED_PEERS`` pairs a mention instead of all of them).

The work per mention is bounded by the density of reports on the same days and places, not by
the size of the corpus, so fusing N mentions costs about O(N).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from eventdesk.fuse._item import Item
from eventdesk.fuse._score import date_tolerance

__all__ = ["BlockIndex", "UNDATED_LOOKBACK", "UNDATED_CAP", "UNDATED_PEERS", "seen_from_both", "nearest_days"]

UNDATED_LOOKBACK = 14
"""Days before its publication that an undated report's event may have happened."""
UNDATED_CAP = 500
"""At most this many dated mentions of other articles are scored against one undated mention (nearest first)."""
UNDATED_PEERS = 100
"""At most this many undated mentions of other articles are scored against one mention, dated or
undated (nearest publication first, then by content key)."""


class _Tier:
    """Dated mentions by (family, day): with a place, by country and province ("" = country
    level); and by each of their actors (all of them, and the placeless ones alone)."""

    def __init__(self) -> None:
        self.placed: dict[tuple[str, int], dict[str, dict[str, list[Item]]]] = defaultdict(_nested)
        self.by_actor: dict[tuple[str, int], dict[str, list[Item]]] = defaultdict(_listed)
        self.placeless: dict[tuple[str, int], dict[str, list[Item]]] = defaultdict(_listed)

    def add(self, item: Item) -> None:
        key = (item.family, item.day)
        if item.country:
            self.placed[key][item.country][item.admin1].append(item)
        for actor in _actors(item):
            self.by_actor[key][actor].append(item)
            if not item.country:
                self.placeless[key][actor].append(item)

    def on_day(self, item: Item, day: int) -> Iterator[Item]:
        key = (item.family, day)
        if not item.country:  # a placeless report: only reports naming one of its actors
            yield from _once(self.by_actor.get(key), _actors(item))
            return
        provinces = self.placed.get(key, {}).get(item.country, {})
        if item.admin1:
            yield from provinces.get(item.admin1, ())
            yield from provinces.get("", ())
        else:
            for bucket in provinces.values():
                yield from bucket
        yield from _once(self.placeless.get(key), _actors(item))


def _once(table: dict[str, list[Item]] | None, actors: tuple[str, ...]) -> Iterator[Item]:
    """The items listed under any of ``actors``, each once."""
    if not table:
        return
    if len(actors) == 1:
        yield from table.get(actors[0], ())
        return
    seen: set[int] = set()
    for actor in actors:
        for other in table.get(actor, ()):
            if id(other) not in seen:
                seen.add(id(other))
                yield other


class BlockIndex:
    """Mentions indexed for candidate lookup; add items, then ask for an item's candidates.

    Items should be added in ``order`` (``cluster`` does): undated peers of equal publication
    distance are taken in the order they were added."""

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._dated = _Tier()
        self._regions: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
        # undated mentions by region, then publication day (None: no date), then article
        self._undated: dict[tuple[str, str, str], dict[int | None, dict[str, list[Item]]]] = defaultdict(_nested)
        for item in items:
            self.add(item)

    def add(self, item: Item) -> None:
        region = (item.family, item.country, item.admin1)
        if item.day is None:
            if item.country:  # with neither a date nor a place it can never be attached
                self._undated[region][item.published][item.article].append(item)
            return
        self._dated.add(item)
        self._regions[region].append(item)

    def candidates(self, item: Item) -> Iterator[Item]:
        """Indexed items that could be the same event as ``item`` (``item`` excluded, each at most
        once), in a region that meets the item's and sharing an actor when either has no place
        (see ``compare``). A dated item looks only as far as *its own* precision allows: a pair of
        a day-precise and a month-precise report 20 days apart is found from the month-precise
        side. So every pair is found from at least one side (``seen_from_both`` says when from
        both); a pair with an undated side, unless both sides have ``UNDATED_PEERS`` nearer ones."""
        if item.day is None:
            yield from self._for_undated(item)
            return
        own = date_tolerance(item.precision)
        for day in range(item.day - own, item.day + own + 1):
            for other in self._dated.on_day(item, day):
                if other is not item:
                    yield other
        yield from self._undated_near(item)

    def _for_undated(self, item: Item) -> Iterator[Item]:
        if not item.country:  # no date and no place: nothing to attach it by
            return
        if item.published is not None:
            days = range(item.published, item.published - UNDATED_LOOKBACK - 1, -1)  # nearest first
            pool = (o for day in days for o in sorted(self._dated.on_day(item, day), key=lambda o: o.order))
        else:
            pool = iter(sorted((o for key in self._region_keys(item, self._regions) for o in self._regions[key]),
                               key=lambda o: o.order))
        yield from islice((o for o in pool if o.article != item.article), UNDATED_CAP)
        keys = self._region_keys(item, self._undated)
        if item.published is None:  # the others without a date first, then the latest published
            days = sorted({d for k in keys for d in self._undated[k]}, key=lambda d: (d is not None, -(d or 0)))
        else:
            days = [*nearest_days(item.published, -UNDATED_LOOKBACK, UNDATED_LOOKBACK), None]
        yield from self._undated_peers(item, keys, days)

    def _undated_near(self, item: Item) -> Iterator[Item]:
        """Undated mentions whose own lookup could reach ``item`` (published on its day or up to
        ``UNDATED_LOOKBACK`` days later, or not dated), nearest first. Without a place on either
        side an undated report cannot score enough."""
        if not item.country:
            return
        days = [*range(item.day, item.day + UNDATED_LOOKBACK + 1), None]
        yield from self._undated_peers(item, self._region_keys(item, self._undated), days)

    def _undated_peers(self, item: Item, keys: list[tuple[str, str, str]],
                       days: Sequence[int | None]) -> Iterator[Item]:
        """At most ``UNDATED_PEERS`` undated mentions of other articles in the regions ``keys``,
        published on ``days`` in that order; the work is bounded by that and ``len(days)``, not by
        how many undated mentions the regions hold (an article's own mentions are passed over whole)."""
        left = UNDATED_PEERS
        for day in days:
            tables = [t for t in (self._undated[k].get(day) for k in keys) if t]
            if not tables:
                continue
            groups = (group for article, group in heapq.merge(*(iter(t.items()) for t in tables),
                                                                key=lambda entry: entry[1][0].order)
                      if article != item.article)
            for group in groups:
                for other in group[:left]:
                    yield other
                left -= min(left, len(group))
                if not left:
                    return

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


def _nested() -> dict:
    return defaultdict(lambda: defaultdict(list))


def nearest_days(day: int, low: int, high: int) -> list[int]:
    """The days from ``day + low`` to ``day + high``, nearest to ``day`` first (the earlier of two
    equally near)."""
    return sorted(range(day + low, day + high + 1), key=lambda d: (abs(d - day), d))


def _listed() -> dict[str, list[Item]]:
    return defaultdict(list)


def _actors(item: Item) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a for a in (item.actor1, item.actor2) if a))


def seen_from_both(a: Item, b: Item) -> bool:
    """Whether ``candidates`` finds a dated pair from both sides (else only from the vaguer one)."""
    return abs(a.day - b.day) <= date_tolerance(min(a.precision, b.precision))
