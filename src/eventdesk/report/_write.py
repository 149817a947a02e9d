"""``write_report``: read the store, compose the brief, draw the images, write the file."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from eventdesk.errors import ConfigError, StoreError
from eventdesk.queries import EventQuery
from eventdesk.report._charts import deaths_chart
from eventdesk.report._compose import compose
from eventdesk.report._map import event_map
from eventdesk.report._render import IMAGES, html_page, markdown
from eventdesk.report._types import Brief
from eventdesk.settings import Settings
from eventdesk.store import Store

__all__ = ["ReportSummary", "write_report", "report_format", "summary_line", "default_period", "DEFAULT_DAYS"]

DEFAULT_DAYS = 7  # with neither since nor until, the brief covers the store's last week of data
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class ReportSummary:
    """What ``write_report`` wrote: the brief file, its format, the image files written next to
    a Markdown brief, how many events and sources it holds and what was left out (reason, count)."""

    output: str
    format: str
    events: int
    sources: int
    disputed: int
    left_out: tuple[tuple[str, int], ...] = ()
    images: tuple[str, ...] = ()


def report_format(path: str | Path) -> str:
    """``markdown`` or ``html`` from the file suffix; ``ConfigError`` for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(f"report {path}: the suffix must be one of {', '.join(FORMATS)} (Markdown or HTML)")
    return FORMATS[suffix]


def _day(value: dt.date | str | None, flag: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"{flag} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def default_period(store: Store, *, since: dt.date | None, until: dt.date | None, country: str | None,
                   admin1: str | None, days: int | None = DEFAULT_DAYS
                   ) -> tuple[dt.date | None, dt.date | None, str]:
    """The period a brief covers and a note saying how it was chosen ("" when the caller chose it).

    With neither ``since`` nor ``until``: the last ``days`` days up to the latest event date the
    store holds for the area (events that have a date and a place at province level, the ones a
    brief shows); ``days=None`` means all of the data. With only ``until``: the ``days`` days up to
    it. With ``since`` (with or without ``until``) the caller's period stands.
    """
    if since is not None or days is None:
        return since, until, ""
    if until is not None:
        return until - dt.timedelta(days=days - 1), until, ""
    _, latest = store.query_events(EventQuery(country=country, admin1=admin1), sort="-event_date", limit=1)
    if not latest:
        return None, None, ""
    end = latest[0].fields.date.date
    return end - dt.timedelta(days=days - 1), end, f"the last {days} days of the store's data"


def read_brief(settings: Settings, *, since: dt.date | None = None, until: dt.date | None = None,
               country: str | None = None, admin1: str | None = None, generated_at: str | None = None,
               days: int | None = DEFAULT_DAYS) -> Brief:
    """The brief for the store's events in the period and area (no files written); the period is
    ``default_period``'s: by default the last ``days`` days of the store's data."""
    db = Path(settings.db)
    if str(settings.db) != ":memory:" and not db.exists():
        raise StoreError(f"no event store at {db} (run eventdesk extract first, or pass --db)")
    if days is not None and days < 1:
        raise ConfigError(f"a brief covers at least one day, not {days}")
    with Store.open(db) as store:
        since, until, note = default_period(store, since=since, until=until, country=country, admin1=admin1,
                                            days=days)
        events = store.events(country=country, admin1=admin1, since=since, until=until)
        ids = sorted({s.article_id for e in events for s in e.sources})
        articles = {article_id: store.article(article_id) for article_id in ids}
    return compose(events, articles, since=since, until=until, country=country, admin1=admin1,
                   generated_at=generated_at, period_note=note)


def write_report(
    settings: Settings,
    output: str | Path,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    generated_at: str | None = None,
    days: int | None = DEFAULT_DAYS,
) -> ReportSummary:
    """Write a situation brief of the store's events to ``output`` (``.md`` or ``.html``).

    ``since``/``until`` (ISO dates, inclusive), ``country`` and ``admin1`` (names as exported)
    select the events. Without ``since`` and ``until`` the brief covers the last ``days`` days of
    the store's data for the area (``days=None``: all of it); with ``until`` alone, the ``days``
    days up to it. HTML embeds its chart and map as ``data:`` PNGs; Markdown writes them to
    ``<stem>_files/`` next to the file and links them. The same store gives the same bytes;
    ``generated_at`` adds a line saying when (left out by default).
    """
    output = Path(output)
    fmt = report_format(output)
    start, end = _day(since, "--since"), _day(until, "--until")
    if start and end and start > end:
        raise ConfigError(f"--since {start} is after --until {end}")
    brief = read_brief(settings, since=start, until=end, country=country, admin1=admin1, generated_at=generated_at,
                       days=days)
    pngs = {"deaths": deaths_chart(brief.deaths), "map": event_map(brief.points)} if brief.events else {}
    written: list[str] = []
    if fmt == "html":
        text = html_page(brief, pngs)
    else:
        folder = output.with_name(f"{output.stem}_files")
        links = {}
        if pngs:
            folder.mkdir(parents=True, exist_ok=True)
        for key, data in pngs.items():
            name = IMAGES[key][0]
            _atomic(folder / name, data)
            written.append(str(folder / name))
            links[key] = f"{folder.name}/{name}"
        text = markdown(brief, links)
    _atomic(output, text.encode("utf-8"))
    return ReportSummary(
        output=str(output),
        format=fmt,
        events=len(brief.events) + brief.hidden,
        sources=len(brief.sources),
        disputed=len(brief.disagreements),
        left_out=brief.left_out,
        images=tuple(written),
    )


def summary_line(summary: ReportSummary) -> str:
    """One line for the command line."""
    line = (f"wrote {summary.format} brief to {summary.output}: {summary.events} events, "
            f"{summary.sources} sources, {summary.disputed} with disagreements")
    if summary.left_out:
        line += " (left out: " + ", ".join(f"{n} {why}" for why, n in summary.left_out) + ")"
    if summary.images:
        line += f"; images in {Path(summary.images[0]).parent}"
    return line
