"""Metadata: when was the article published, and how do we know.

Publication dates anchor every relative date later ("late on Friday"), so a wrong day/month
order silently shifts whole events by months. Numeric dates are therefore read with explicit
evidence, in a fixed order of trust: a part > 12, a weekday beside the date, other numeric
dates on the same page, then the outlet's known convention (``data/outlets.csv``). The
decision and its reason are recorded in ``PublicationDate.order`` / ``evidence``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from urllib.parse import urlparse

from eventdesk.errors import ConfigError
from eventdesk.model import CleanArticle, PublicationDate

__all__ = ["OutletConvention", "OutletConventions", "publication_date"]

_ORDERS = ("DMY", "MDY")
_MONTHS = MappingProxyType(
    {
        name: number
        for number, names in enumerate(
            [
                ("jan", "january"),
                ("feb", "february"),
                ("mar", "march"),
                ("apr", "april"),
                ("may",),
                ("jun", "june"),
                ("jul", "july"),
                ("aug", "august"),
                ("sep", "sept", "september"),
                ("oct", "october"),
                ("nov", "november"),
                ("dec", "december"),
            ],
            start=1,
        )
        for name in names
    }
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class OutletConvention:
    """One outlet's numeric date order and where that fact comes from."""

    name: str
    domain: str
    order: str  # "DMY" or "MDY"
    source: str


@dataclass(frozen=True)
class OutletConventions:
    """The outlets whose numeric date order is known; passed in, never a module global."""

    outlets: tuple[OutletConvention, ...] = ()

    @classmethod
    def load(cls) -> OutletConventions:
        """Read the packaged ``data/outlets.csv``."""
        text = resources.files("eventdesk").joinpath("data/outlets.csv").read_text(encoding="utf-8")
        return cls.from_csv(text)

    @classmethod
    def from_csv(cls, text: str) -> OutletConventions:
        rows = list(csv.DictReader(io.StringIO(text)))
        outlets = []
        for number, row in enumerate(rows, start=2):
            order = (row.get("date_order") or "").strip().upper()
            if order not in _ORDERS or not (row.get("name") or "").strip():
                raise ConfigError(f"outlets.csv line {number}: needs a name and date_order DMY or MDY")
            outlets.append(
                OutletConvention(
                    name=row["name"].strip(),
                    domain=(row.get("domain") or "").strip().lower(),
                    order=order,
                    source=(row.get("source") or "").strip(),
                )
            )
        return cls(tuple(outlets))

    def find(self, outlet: str | None, url: str | None = None) -> OutletConvention | None:
        """Match by outlet name (case-insensitive), else by the URL's host."""
        if outlet:
            for entry in self.outlets:
                if entry.name.casefold() == outlet.strip().casefold():
                    return entry
        host = (urlparse(url).hostname or "") if url else ""
        host = host.lower().removeprefix("www.")
        for entry in self.outlets:
            if entry.domain and (host == entry.domain or host.endswith("." + entry.domain)):
                return entry
        return None


@dataclass(frozen=True)
class _Reading:
    """A date read from one metadata field, or why it could not be."""

    date: dt.date | None
    order: str = ""
    why: str = ""


def publication_date(clean: CleanArticle, outlets: OutletConventions) -> PublicationDate:
    """Manifest date, else byline, else dateline, else HTML metadata, else none (with reasons)."""
    article = clean.article
    if article.published is not None:
        return PublicationDate(
            article.published, "manifest", f"manifest 'published' {article.published.isoformat()}"
        )
    dateline_how = "html-meta" if article.kind == "html" else "dateline"
    failures: list[str] = []
    for how, field in (("byline", clean.byline), (dateline_how, clean.dateline)):
        if not field:
            continue
        reading = _read_field(how, field, clean, outlets)
        if reading is None:
            continue
        if reading.date is not None:
            return PublicationDate(reading.date, how, reading.why, reading.order)
        failures.append(reading.why)
    return PublicationDate(
        None, "none", "; ".join(failures) or "no date in manifest, byline, dateline or HTML metadata"
    )


def _read_field(how: str, field: str, clean: CleanArticle, outlets: OutletConventions) -> _Reading | None:
    """The first date in a byline/dateline, or ``None`` when it holds no date at all."""
    p = _patterns()
    iso = p.iso.search(field)
    if iso:
        return _checked(how, field, int(iso["y"]), int(iso["m"]), int(iso["d"]), "ISO date")
    text = p.month_first_text.search(field) or p.day_first_text.search(field)
    if text:
        month = _MONTHS[text["mon"].lower().rstrip(".")]
        return _checked(how, field, int(text["y"]), month, int(text["d"]), "month written out")
    numeric = p.numeric.search(field)
    if numeric:
        return _read_numeric(how, field, numeric, clean, outlets)
    return None


def _checked(how: str, field: str, year: int, month: int, day: int, note: str) -> _Reading:
    try:
        return _Reading(dt.date(year, month, day), "", f"{how} '{field}': {note}")
    except ValueError:
        return _Reading(None, "", f"{how} '{field}' is not a real date")


def _read_numeric(
    how: str, field: str, match: re.Match[str], clean: CleanArticle, outlets: OutletConventions
) -> _Reading:
    """Decide D/M/Y vs M/D/Y by the evidence chain described in the module docstring."""
    first, second, year = int(match["a"]), int(match["b"]), _full_year(match["y"])
    shown = match.group(0)
    label = f"{how} '{shown}'"
    candidates = {order: _as_date(order, first, second, year) for order in _ORDERS}
    valid = {order: d for order, d in candidates.items() if d is not None}
    if not valid:
        return _Reading(None, "", f"{label} is not a real date in either order")
    if first == second:
        return _Reading(
            valid["DMY"], "", f"{label}: day and month are both {first}, either order gives the same date"
        )
    if len(valid) == 1:
        ((order, date),) = valid.items()
        part = first if order == "DMY" else second
        return _Reading(date, order, f"{label} read as {_pretty(order)}: {part} cannot be a month")
    decided = _by_weekday(field, valid) or _by_page(clean.article.raw, shown) or _by_outlet(clean, outlets)
    if decided is None:
        return _Reading(
            None,
            "",
            f"{label} is ambiguous (D/M/Y or M/D/Y) and nothing on the page or in outlets.csv decides it",
        )
    order, reason = decided
    return _Reading(valid[order], order, f"{label} read as {_pretty(order)}: {reason}")


def _by_weekday(field: str, valid: dict[str, dt.date]) -> tuple[str, str] | None:
    """ "Sunday 2/4/2018": only one order may fall on the named weekday."""
    named = _patterns().weekday.search(field)
    if not named:
        return None
    weekday = next(i for i, name in enumerate(_WEEKDAYS) if name.startswith(named.group(0).lower()[:3]))
    fits = [order for order, d in valid.items() if d.weekday() == weekday]
    if len(fits) != 1:
        return None
    order = fits[0]
    return order, f"only {valid[order]:%d %B %Y} is a {_WEEKDAYS[weekday].title()}"


def _by_page(raw: str, shown: str) -> tuple[str, str] | None:
    """Other numeric dates on the raw page (reader-comment stamps, say) with a part > 12."""
    month_first, day_first = [], []
    for other in _patterns().numeric.finditer(raw):
        if other.group(0) == shown:
            continue
        a, b = int(other["a"]), int(other["b"])
        if b > 12 >= a:
            month_first.append(other.group(0))
        elif a > 12 >= b:
            day_first.append(other.group(0))
    if month_first and not day_first:
        return "MDY", f"other dates on the page ({', '.join(sorted(set(month_first)))}) are month-first"
    if day_first and not month_first:
        return "DMY", f"other dates on the page ({', '.join(sorted(set(day_first)))}) are day-first"
    return None


def _by_outlet(clean: CleanArticle, outlets: OutletConventions) -> tuple[str, str] | None:
    entry = outlets.find(clean.article.outlet, clean.article.url)
    if entry is None:
        return None
    return entry.order, f"outlet convention of {entry.name} ({entry.source})"


def _as_date(order: str, first: int, second: int, year: int) -> dt.date | None:
    day, month = (first, second) if order == "DMY" else (second, first)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    """Two-digit years pivot at 70: '19' -> 2019, '98' -> 1998."""
    year = int(text)
    if len(text) == 2:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _pretty(order: str) -> str:
    return "/".join(order)


@dataclass(frozen=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    month_first_text: re.Pattern[str]
    day_first_text: re.Pattern[str]
    weekday: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    month = "|".join(sorted(_MONTHS, key=len, reverse=True))
    return _Patterns(
        iso=re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
        numeric=re.compile(
            r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d|[/.-]\d)"
        ),
        month_first_text=re.compile(
            rf"\b(?P<mon>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE
        ),
        day_first_text=re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{month})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE
        ),
        weekday=re.compile(
            r"\b(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
            r"sat(?:urday)?|sun(?:day)?)\b",
            re.IGNORECASE,
        ),
    )
