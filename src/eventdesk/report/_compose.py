"""Events -> ``Brief``: pure (no files, no clock). Every summary sentence is built with the
sources it rests on; sources are numbered in the order the brief first cites them."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventdesk.app import complete
from eventdesk.model import Event
from eventdesk.report import _ledger
from eventdesk.report._bins import deaths_table
from eventdesk.report._types import (
    Brief, Cited, Disagreement, EventEntry, MapPoint, SourceRef, long_date, period_text,
)

__all__ = ["compose", "MAX_CITES", "MAX_EVENTS", "MIN_TREND_EVENTS"]

MAX_CITES = 8  # numbered sources per summary sentence; the rest are counted ("and 5 more")
MAX_EVENTS = 50  # events listed; beyond that the deadliest are kept
MIN_TREND_EVENTS = 20  # fewer events than this: no comparison of the period's halves ("deaths down 47%")


class _Citations:
    """Numbers sources in first-cited order and builds the source list."""

    def __init__(self, events: Sequence[Event], articles: Mapping[str, Any]) -> None:
        self._sources = {s.article_id: s for e in events for s in e.sources}
        self._articles = articles
        self._numbers: dict[str, int] = {}

    def cite(self, article_ids: Iterable[str]) -> tuple[int, ...]:
        numbers = []
        for article_id in dict.fromkeys(article_ids):
            numbers.append(self._numbers.setdefault(article_id, len(self._numbers) + 1))
        return tuple(numbers)

    def sentence(self, text: str, events: Sequence[Event]) -> Cited:
        """``text`` citing the sources of ``events``, most important events first, at most ``MAX_CITES``."""
        ids = list(dict.fromkeys(s.article_id for e in sorted(events, key=_weight) for s in e.sources))
        return Cited(text, self.cite(ids[:MAX_CITES]), max(0, len(ids) - MAX_CITES))

    def refs(self) -> tuple[SourceRef, ...]:
        refs = []
        for article_id, number in self._numbers.items():
            source = self._sources.get(article_id)
            article = self._articles.get(article_id)
            outlet = (source.outlet if source else "") or (getattr(article, "outlet", None) or "")
            title = getattr(article, "title", None) or getattr(article, "headline", None) or ""
            url = (source.url if source else None) or getattr(article, "url", None)
            published = source.published if source else None
            refs.append(SourceRef(number, article_id, outlet, title, published, url))
        return tuple(sorted(refs, key=lambda r: r.number))


def _weight(event: Event) -> tuple:
    """Most important first: deadliest, then best sourced, then earliest."""
    return (-event.fields.fatalities.best, -event.independent_sources, event.fields.date.date, event.event_id)


def compose(
    events: Iterable[Event],
    articles: Mapping[str, Any] | None = None,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: str | None = None,
    admin1: str | None = None,
    max_events: int = MAX_EVENTS,
    generated_at: str | None = None,
    period_note: str = "",
) -> Brief:
    """The brief for ``events`` (already filtered to the period and area the arguments name).

    ``articles`` maps article ids to stored articles (for titles; may be empty). Events that are
    not complete (no date, or no place at province level or better: ``app.complete``) are left
    out and counted by reason. ``period_note`` says how the period was chosen ("last 7 days of
    data"); it goes into the title after the period.
    """
    articles = articles or {}
    kept: list[Event] = []
    left_out: Counter[str] = Counter()
    for event in events:
        why = complete(event)
        if why:
            left_out[why] += 1
        else:
            kept.append(event)
    kept.sort(key=lambda e: (e.fields.date.date, e.event_id))
    period = _period(kept, since, until)
    area = _area(kept, country, admin1)
    cites = _Citations(kept, articles)

    summary = _summary(kept, period, area, cites, one_country=bool(country))
    shown = sorted(sorted(kept, key=_weight)[:max_events], key=lambda e: (e.fields.date.date, e.event_id))
    entries = tuple(_entry(e, cites) for e in shown)
    disagreements = tuple(d for d in (_disagreement(e, cites) for e in kept) if d is not None)
    title = f"Situation brief: {area}, {period_text(period)}" + (f" ({period_note})" if period_note else "")
    return Brief(
        title=title,
        period=period,
        area=area,
        summary=summary,
        events=entries,
        disagreements=disagreements,
        sources=cites.refs(),
        deaths=deaths_table(kept, period, lambda e: _province(e, bool(country))),
        points=_points(kept),
        left_out=tuple(sorted(left_out.items())),
        hidden=len(kept) - len(shown),
        generated_at=generated_at,
        period_note=period_note,
    )


def _period(events: Sequence[Event], since: dt.date | None, until: dt.date | None
            ) -> tuple[dt.date, dt.date] | None:
    days = [e.fields.date.date for e in events]
    start = since or (min(days) if days else None)
    end = until or (max(days) if days else None)
    if start is None or end is None:
        return (start or end, start or end) if (start or end) else None
    return (start, end)


def _join(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _area(events: Sequence[Event], country: str | None, admin1: str | None) -> str:
    if admin1 or country:
        return ", ".join(x for x in (admin1, country) if x)
    countries = sorted({e.fields.place.country for e in events if e.fields.place.country})
    if not countries:
        return "all areas"
    return _join(countries) if len(countries) <= 5 else f"{len(countries)} countries"


def _province(event: Event, one_country: bool) -> str:
    place = event.fields.place
    name = place.admin1 or place.location or "unknown province"
    return name if one_country or not place.country else f"{name} ({place.country})"


def _deaths(events: Iterable[Event]) -> int:
    return sum(e.fields.fatalities.best for e in events)


# -- summary ----------------------------------------------------------------------------------


def _summary(events: list[Event], period, area: str, cites: _Citations, *, one_country: bool
             ) -> tuple[Cited, ...]:
    if not events:
        return ()
    out = [cites.sentence(
        f"From {period_text(period)}, {_plural(len(events), 'event')} with "
        f"{_dead(_deaths(events), 'reported death')} {'was' if len(events) == 1 else 'were'} recorded in {area}.",
        events)]
    by_type: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_type[e.fields.event_type or "Unclassified"].append(e)
    for kind, group in sorted(by_type.items(), key=lambda kv: (-_deaths(kv[1]), -len(kv[1]), kv[0])):
        subs = Counter(e.fields.sub_event_type for e in group if e.fields.sub_event_type)
        detail = ", ".join(f"{sub} {n}" for sub, n in sorted(subs.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(cites.sentence(
            f"{kind}: {_plural(len(group), 'event')} and {_dead(_deaths(group))}"
            + (f" ({detail})" if detail else "") + ".", group))
    deadly = [e for e in sorted(events, key=_weight) if e.fields.fatalities.best > 0][:3]
    if deadly:
        words = [f"the {_what(e)} on {long_date(e.fields.date.date)} ({_toll(e)})" for e in deadly]
        lead = "The deadliest event was " if len(deadly) == 1 else "The deadliest events were "
        out.append(cites.sentence(lead + _join(words) + ".", deadly))
    out.extend(_provinces(events, cites, one_country))
    trend = _trend(events, period, cites)
    if trend:
        out.append(trend)
    single = [e for e in events if e.independent_sources <= 1]
    if len(events) > 1 or single:
        several = len(events) - len(single)
        out.append(cites.sentence(
            f"{_plural(len(single), 'event')} of {len(events)} "
            f"{'rests' if len(single) == 1 else 'rest'} on a single independent source; "
            f"{several} {'is' if several == 1 else 'are'} reported by more than one.", events))
    disputed = [e for e in events if e.disputed]
    doubted = [e for e in events if _ledger.doubted_coordination(e)]
    if disputed or doubted:
        parts = []
        if disputed:
            parts.append(f"sources disagree on at least one field of {_plural(len(disputed), 'event')}")
        if doubted:
            parts.append(f"a reported coordination is doubted or denied for {_plural(len(doubted), 'event')}")
        text = _join(parts) + " (see Where sources disagree)."
        out.append(cites.sentence(text[0].upper() + text[1:], list(dict.fromkeys(disputed + doubted))))
    return tuple(out)


def _dead(n: int, word: str = "death") -> str:
    return f"no {word}s" if n == 0 else _plural(n, word)


def _lower_first(text: str) -> str:
    """``Air/drone strike`` -> ``air/drone strike``; acronyms (``IED attack``) stay as they are."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _toll(event: Event) -> str:
    """``36 deaths``; ``12 deaths, 12-15 reported``."""
    f = event.fields.fatalities
    text = _dead(f.best)
    low, high = f.low if f.low is not None else f.best, f.high if f.high is not None else f.best
    return text + (f", {low}-{high} reported" if low != high else "")


def _what(event: Event) -> str:
    place = event.fields.place
    where = ", ".join(dict.fromkeys(x for x in (place.admin1, place.country) if x and x != place.location))
    kind = _lower_first(event.fields.sub_event_type or event.fields.event_type or "event")
    return f"{kind} at {place.location}" + (f" ({where})" if where else "")


def _provinces(events: list[Event], cites: _Citations, one_country: bool) -> list[Cited]:
    groups: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        groups[_province(e, one_country)].append(e)
    if len(groups) == 1:
        (name, group), = groups.items()
        return [cites.sentence(f"All events were in {name}.", group)]
    ranked = sorted(groups.items(), key=lambda kv: (-_deaths(kv[1]), -len(kv[1]), kv[0]))[:3]
    words = [f"{name}: {_plural(len(g), 'event')}, {_dead(_deaths(g))}" for name, g in ranked]
    return [cites.sentence(
        f"The most affected of {len(groups)} provinces were " + "; ".join(words) + ".",
        [e for _, g in ranked for e in g])]


def _trend(events: list[Event], period, cites: _Citations) -> Cited | None:
    """The second half of the period against the first; none on fewer than ``MIN_TREND_EVENTS``
    events, where a percentage would read as a trend that a few events cannot carry."""
    start, end = period
    if (end - start).days < 2 or len(events) < MIN_TREND_EVENTS:
        return None
    middle = start + (end - start) / 2
    first = [e for e in events if e.fields.date.date <= middle]
    second = [e for e in events if e.fields.date.date > middle]
    a, b = _deaths(first), _deaths(second)
    if a == b:
        change = "deaths unchanged"
    elif a == 0:
        change = "deaths up from none"
    else:
        change = f"deaths {'up' if b > a else 'down'} {round(abs(b - a) * 100 / a)}%"
    text = (f"In the second half of the period (from {long_date(middle + dt.timedelta(days=1))}), "
            f"{_plural(len(second), 'event')} and {_dead(b)} were recorded, against "
            f"{_plural(len(first), 'event')} and {_dead(a)} in the first half ({change}).")
    return cites.sentence(text, events)


# -- events -----------------------------------------------------------------------------------


def _date_text(event: Event) -> str:
    date = event.fields.date
    if date.precision >= 3:
        return f"{long_date(date.date).split(' ', 1)[1]}"
    return ("about " if date.precision == 2 else "") + long_date(date.date)


def _place_text(event: Event) -> str:
    place = event.fields.place
    parts = list(dict.fromkeys(x for x in (place.location, place.admin1, place.country) if x))
    text = ", ".join(parts)
    if place.precision == 2:
        return "near " + text
    if place.precision >= 3:
        return text + " (located to province level)"
    return text


def _deaths_text(event: Event) -> str:
    f = event.fields.fatalities
    if f.low is None and f.high is None and f.best == 0:
        return "none reported"
    low, high = f.low if f.low is not None else f.best, f.high if f.high is not None else f.best
    if low != high:
        return f"{f.best} ({low}-{high} reported)"
    return str(f.best)


def _actors(event: Event) -> str:
    f = event.fields

    def side(actor, assoc) -> str:
        if actor is None:
            return ""
        with_ = "; ".join(a.name for a in assoc)
        return actor.name + (f" (with {with_})" if with_ else "")

    one, two = side(f.actor1, f.assoc_actor_1), side(f.actor2, f.assoc_actor_2)
    return f"{one} vs. {two}" if one and two else one or two or "unidentified"


def _entry(event: Event, cites: _Citations) -> EventEntry:
    f = event.fields
    coord = _ledger.coordination(event)
    return EventEntry(
        event_id=event.event_id,
        date=f.date.date,
        date_text=_date_text(event),
        place=_place_text(event),
        event_type=f.event_type,
        sub_event_type=f.sub_event_type,
        actors=_actors(event),
        deaths=f.fatalities.best,
        deaths_low=f.fatalities.low,
        deaths_high=f.fatalities.high,
        deaths_text=_deaths_text(event),
        sources=event.source_count,
        independent=event.independent_sources,
        cites=cites.cite(s.article_id for s in event.sources),
        disputed=tuple(_ledger.FIELD_WORDS.get(x, x).removeprefix("the ") for x in event.disputed),
        coordination=None if coord is None else Cited(coord[0], cites.cite(coord[1])),
        reviewed=tuple(getattr(event, "reviewed", ())),
    )


def _disagreement(event: Event, cites: _Citations) -> Disagreement | None:
    stated = _ledger.disagreements(event) + _ledger.doubted_coordination(event)
    if not stated:
        return None
    about = f"{_what(event)}, {_date_text(event)}"
    return Disagreement(event.event_id, about[0].upper() + about[1:],
                        tuple(Cited(text, cites.cite(ids)) for text, ids in stated))


# -- chart and map data -----------------------------------------------------------------------


def _points(events: list[Event]) -> tuple[MapPoint, ...]:
    groups: dict[tuple[float, float], list[Event]] = defaultdict(list)
    for e in events:
        place = e.fields.place
        if not (math.isfinite(place.latitude) and math.isfinite(place.longitude)):
            continue
        groups[(round(place.latitude, 4), round(place.longitude, 4))].append(e)
    points = []
    for (lat, lon), group in groups.items():
        names = list(dict.fromkeys(e.fields.place.location or e.fields.place.admin1 for e in group))
        label = names[0] + (f" ({len(group)})" if len(group) > 1 else "")
        points.append(MapPoint(lat, lon, _deaths(group), len(group), label, group[0].fields.place.country))
    return tuple(sorted(points, key=lambda p: (-p.deaths, p.label, p.latitude, p.longitude)))
