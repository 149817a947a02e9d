"""The brief as plain data: what ``compose`` builds and the renderers draw. All text is plain
(never markup); the renderers escape it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = [
    "Cited", "SourceRef", "EventEntry", "Disagreement", "DeathsTable", "MapPoint", "Brief", "long_date", "period_text",
]


@dataclass(frozen=True)
class Cited:
    """A sentence and the numbered sources it rests on. ``more`` counts further sources it rests
    on that are not numbered here (a sentence about many events cites at most a handful)."""

    text: str
    cites: tuple[int, ...]
    more: int = 0


@dataclass(frozen=True)
class SourceRef:
    """One entry of the brief's source list; ``number`` is what citations refer to."""

    number: int
    article_id: str
    outlet: str
    title: str
    published: dt.date | None
    url: str | None


@dataclass(frozen=True)
class EventEntry:
    """One event as the brief lists it."""

    event_id: str
    date: dt.date
    date_text: str  # "19 April 2018", "week of 2 May 2020", "May 2020"
    place: str  # "near Hajin, Deir ez-Zor, Syria"
    event_type: str
    sub_event_type: str
    actors: str
    deaths: int
    deaths_low: int | None
    deaths_high: int | None
    deaths_text: str  # "36", "12 (12-15 reported)", "none reported"
    sources: int
    independent: int
    cites: tuple[int, ...]
    disputed: tuple[str, ...] = ()  # field names in words ("death toll")
    coordination: Cited | None = None  # who the operation was reported to be coordinated with
    reviewed: tuple[str, ...] = ()  # fields an analyst corrected or confirmed


@dataclass(frozen=True)
class Disagreement:
    """What sources disagree on about one event (``about`` names it: "air/drone strike at Hajin,
    19 April 2018"), one cited statement per disputed field or doubted coordination."""

    event_id: str
    about: str
    statements: tuple[Cited, ...]


@dataclass(frozen=True)
class DeathsTable:
    """Deaths per time bin (rows of ``values`` follow ``provinces``, columns follow ``bins``, the
    first day of each bin of the period, none skipped). ``unit`` is the bins' size: ``day``,
    ``week`` (bins start on Mondays), ``month`` or ``year``, chosen from the period's length."""

    bins: tuple[dt.date, ...]
    provinces: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    unit: str = "week"

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.values)


@dataclass(frozen=True)
class MapPoint:
    """Events at one coordinate: the deaths they add up to and a label for the map."""

    latitude: float
    longitude: float
    deaths: int
    events: int
    label: str
    country: str = ""


@dataclass(frozen=True)
class Brief:
    """A situation brief for one period and area.

    ``summary`` sentences and ``disagreements`` each carry their citations; ``events`` are in date
    order; ``left_out`` says how many matching events are not in the brief and why (reason, count);
    ``hidden`` counts complete events not listed because the list is capped (the deadliest are kept).
    ``period_note`` says how the period was chosen when the user did not choose it ("" when they did).
    """

    title: str
    period: tuple[dt.date, dt.date] | None
    area: str
    summary: tuple[Cited, ...]
    events: tuple[EventEntry, ...]
    disagreements: tuple[Disagreement, ...]
    sources: tuple[SourceRef, ...]
    deaths: DeathsTable
    points: tuple[MapPoint, ...]
    left_out: tuple[tuple[str, int], ...] = ()
    hidden: int = 0
    generated_at: str | None = None
    period_note: str = ""

    @property
    def period_text(self) -> str:
        return period_text(self.period)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(day: dt.date) -> str:
    """``19 April 2018`` (English month names whatever the locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period_text(period: tuple[dt.date, dt.date] | None) -> str:
    """``13 April 2018 to 15 March 2021``; ``9 to 15 March 2021`` and ``28 February to 6 March
    2021`` within a month or a year; one date when the period is one day."""
    if period is None:
        return "no dated events"
    start, end = period
    if start == end:
        return long_date(start)
    if start.year != end.year:
        return f"{long_date(start)} to {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} to {long_date(end)}"
    return f"{start.day} to {long_date(end)}"
