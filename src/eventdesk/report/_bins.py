"""Time bins that fit the brief's period: days for a week or a month, weeks for half a year,
months for a few years, years beyond, so the chart has between a handful and a few dozen bars."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from eventdesk.model import Event
from eventdesk.report._types import DeathsTable

__all__ = ["UNITS", "bin_unit", "bin_start", "next_bin", "bins", "deaths_table", "MAX_PROVINCES"]

UNITS = ("day", "week", "month", "year")
MAX_PROVINCES = 7  # chart series; the rest are summed as "other provinces"

# The longest period (in days, both ends counted) each unit is used for: at most 31 daily bars,
# 26 weekly bars (half a year) or 48 monthly bars (four years); years beyond.
_LONGEST = (("day", 31), ("week", 26 * 7), ("month", 4 * 366))


def bin_unit(start: dt.date, end: dt.date) -> str:
    """The unit of the bins for the period ``start``..``end`` (inclusive)."""
    days = (end - start).days + 1
    for unit, longest in _LONGEST:
        if days <= longest:
            return unit
    return "year"


def bin_start(day: dt.date, unit: str) -> dt.date:
    """The first day of the bin holding ``day``: itself, its week's Monday, its month's or year's first."""
    if unit == "day":
        return day
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"unknown bin unit {unit!r}; choose one of {', '.join(UNITS)}")


def next_bin(start: dt.date, unit: str) -> dt.date:
    """The first day of the bin after the one starting on ``start``."""
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return dt.date(start.year + 1, 1, 1)


def bins(start: dt.date, end: dt.date, unit: str) -> tuple[dt.date, ...]:
    """The first day of every bin from the one holding ``start`` to the one holding ``end``, none skipped."""
    out = [bin_start(start, unit)]
    last = bin_start(end, unit)
    while out[-1] < last:
        out.append(next_bin(out[-1], unit))
    return tuple(out)


def deaths_table(events: Sequence[Event], period: tuple[dt.date, dt.date] | None,
                 province: Callable[[Event], str]) -> DeathsTable:
    """Deaths per province (``province`` names an event's) and bin of the period; the deadliest
    ``MAX_PROVINCES`` provinces are kept and the rest summed."""
    if not events or period is None:
        return DeathsTable((), (), (), unit=bin_unit(*period) if period else "week")
    unit = bin_unit(*period)
    starts = bins(period[0], period[1], unit)
    index = {b: i for i, b in enumerate(starts)}
    totals: Counter[str] = Counter()
    per: dict[str, list[int]] = defaultdict(lambda: [0] * len(starts))
    for e in events:
        deaths = e.fields.fatalities.best
        slot = index.get(bin_start(e.fields.date.date, unit))
        if deaths and slot is not None:
            name = province(e)
            totals[name] += deaths
            per[name][slot] += deaths
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    keep, rest = ranked[:MAX_PROVINCES], ranked[MAX_PROVINCES:]
    rows = [tuple(per[name]) for name in keep]
    if rest:
        rows.append(tuple(sum(per[name][i] for name in rest) for i in range(len(starts))))
        keep.append(f"{len(rest)} other provinces")
    return DeathsTable(starts, tuple(keep), tuple(rows), unit=unit)
