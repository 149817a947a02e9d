"""Parse one manifest line into a validated entry (no file I/O here).

A manifest line is a JSON object with ``id``, exactly one of ``text``/``html``/``path`` and
optional metadata. Every way a line can be wrong raises ``ManifestError`` with the line's origin,
so the caller can turn it into a ``Skipped`` and carry on with the next line.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from eventdesk.errors import ManifestError
from eventdesk.model import EARLIEST_DATE, LATEST_DATE, date_in_range

_BODY_KEYS = ("text", "html", "path")
_OPTIONAL_STR_KEYS = ("outlet", "url", "title", "language")


@dataclass(frozen=True)
class ManifestEntry:
    """A manifest line that passed validation. ``path`` is already resolved against the manifest."""

    id: str
    body_key: str  # "text", "html" or "path"
    body: str  # the text/html itself, or the path as written
    path: Path | None
    base: Path  # the folder a relative ``path`` is read from, and the one it must stay inside
    published: dt.date | None
    published_time: dt.datetime | None
    outlet: str | None
    url: str | None
    title: str | None
    language: str | None


def parse_line(line: bytes | str, origin: str, base: Path) -> ManifestEntry | None:
    """Validate one raw manifest line; ``None`` for a blank line (blank lines are allowed)."""
    try:
        text = line if isinstance(line, str) else line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(origin, f"line is not valid UTF-8: byte offset {exc.start} in the line") from exc
    if not text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(origin, f"bad JSON: {exc.msg} (column {exc.colno})") from exc
    except ValueError as exc:  # an integer literal of more than 4,300 digits
        raise ManifestError(origin, f"bad JSON: {exc}") from exc
    except RecursionError as exc:
        raise ManifestError(origin, "bad JSON: nested too deeply") from exc
    if not isinstance(obj, dict):
        raise ManifestError(origin, f"expected a JSON object, got {type(obj).__name__}")
    return _entry(obj, origin, base)


def _entry(obj: dict, origin: str, base: Path) -> ManifestEntry:
    for key in ("id", *_BODY_KEYS, "published", *_OPTIONAL_STR_KEYS):
        _check_text(obj.get(key), key, origin)
    article_id = _article_id(obj, origin)
    body_key = _body_key(obj, origin)
    body = obj[body_key]
    if not isinstance(body, str):
        raise ManifestError(origin, f"'{body_key}' must be a string, got {type(body).__name__}")
    path = None
    if body_key == "path":
        if not body.strip():
            raise ManifestError(origin, "'path' is empty")
        if "\x00" in body:
            raise ManifestError(origin, "'path' contains a NUL character")
        path = Path(body) if Path(body).is_absolute() else base / body
    published, published_time = parse_published(obj.get("published"), origin)
    extras = {key: _optional_str(obj, key, origin) for key in _OPTIONAL_STR_KEYS}
    return ManifestEntry(
        id=article_id,
        body_key=body_key,
        body=body,
        path=path,
        base=base,
        published=published,
        published_time=published_time,
        **extras,
    )


def _check_text(value: object, key: str, origin: str) -> None:
    """A string that UTF-8 cannot encode (a lone surrogate such as ``\\ud800``, which JSON escapes
    allow) would fail later, in the store; refuse the line now, naming the field."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ManifestError(
                origin, f"'{key}' holds a lone surrogate (U+{ord(value[exc.start]):04X} at character "
                        f"{exc.start}), which is not text") from exc


def _article_id(obj: dict, origin: str) -> str:
    """The id must be a non-empty string (an integer is accepted and turned into one)."""
    value = obj.get("id")
    if value is None:
        raise ManifestError(origin, "missing 'id'")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ManifestError(origin, f"'id' must be a string, got {type(value).__name__}")
    article_id = str(value).strip()
    if not article_id:
        raise ManifestError(origin, "'id' is empty")
    return article_id


def _body_key(obj: dict, origin: str) -> str:
    present = [key for key in _BODY_KEYS if obj.get(key) is not None]
    if not present:
        raise ManifestError(origin, "needs exactly one of 'text', 'html', 'path'; found none")
    if len(present) > 1:
        raise ManifestError(
            origin, f"needs exactly one of 'text', 'html', 'path'; found {', '.join(present)}"
        )
    return present[0]


def _optional_str(obj: dict, key: str, origin: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ManifestError(origin, f"'{key}' must be a string, got {type(value).__name__}")
    return value.strip() or None


def parse_published(value: object, origin: str) -> tuple[dt.date | None, dt.datetime | None]:
    """ISO date -> (date, None); ISO datetime -> (its date, the datetime).

    Why strict ISO only: the manifest is machine-written, and guessing "02/01/2019" here would
    hide exactly the day/month ambiguity the metadata stage exists to reason about.
    """
    if value is None:
        return None, None
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(origin, f"bad 'published' {value!r}: expected an ISO date or datetime")
    text = value.strip()[:64]
    if len(text) == 10:
        try:
            day, moment = dt.date.fromisoformat(text), None
        except ValueError as exc:
            raise ManifestError(origin, f"bad 'published' {text!r}: {exc}") from exc
    else:
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError as exc:
            raise ManifestError(
                origin, f"bad 'published' {text!r}: expected an ISO date (YYYY-MM-DD) or datetime"
            ) from exc
        day = moment.date()
    if not date_in_range(day):
        raise ManifestError(origin, f"'published' {text!r} is outside the dates eventdesk codes "
                                    f"({EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()})")
    return day, moment
