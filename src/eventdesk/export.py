"""CSV / JSONL / GeoJSON / Parquet export in the ACLED-compatible column schema.

Every format is built from one *record* per event: the row (``COLUMNS``, in order) plus, for the
formats that can hold it, ``spans`` -- where in which article each field's value was read -- so a
reader can check every value against its source. Output is deterministic (events sorted by
``(event_date, event_id)``, undated last; fixed key order; no timestamps), so the same events always
give the same bytes, and ``write_records(read_jsonl(p))`` reproduces a JSONL file ``p`` exactly.

``meta`` (pipeline, model and dictionary versions, plus the ``profile`` and the pandas dtype of
every column, ``columns``) travels with every file: Parquet schema metadata, a top-level
``"eventdesk"`` member in GeoJSON, a ``PATH.meta.json`` sidecar for CSV and JSONL (which stay one
plain row / one event per line). Two column profiles: ``eventdesk`` (``COLUMNS``) and ``acled``
(``acled.PROFILE_COLUMNS``, ACLED's columns first). Parquet holds missing values as NULL and the
list columns (``LIST_COLUMNS``) as lists, with a WKB point ``geometry`` and GeoParquet ``geo``
metadata (``_geoparquet``). ``path = "-"`` writes to standard output (no sidecar).
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError, InputError
from eventdesk.gazetteer import admin1_index
from eventdesk.model import Actor, Event, Span

__all__ = [
    "COLUMNS",
    "FORMATS",
    "LIST_COLUMNS",
    "PROFILES",
    "check_target",
    "STDOUT",
    "column_dtypes",
    "columns_of",
    "csv_cells",
    "event_record",
    "event_row",
    "event_ledger",
    "event_spans",
    "evidence_spans",
    "read_jsonl",
    "write",
    "write_records",
]

COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "country", "admin1", "admin2", "admin1_code", "location", "latitude", "longitude", "geo_precision",
    "country_how", "fatalities", "fatalities_low", "fatalities_high",
    "source", "source_count", "independent_sources", "article_ids", "notes", "disputed", "evidence", "confidence",
    "reviewed",
)
FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "parquet")
PROFILES: tuple[str, ...] = ("eventdesk", "acled")
STDOUT = "-"
"""The ``path`` that means standard output."""

LIST_COLUMNS: Mapping[str, str] = {
    "assoc_actor_1": "; ", "assoc_actor_2": "; ", "article_ids": "; ", "disputed": "; ", "reviewed": "; ",
    "tags": "; ", "evidence": " | ",
}
"""Columns that hold several values, with the separator that joins them in CSV (lists in Parquet)."""
_INTS = {"time_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "source_count",
         "independent_sources", "year", "inter1", "inter2", "interaction", "iso", "timestamp"}
_REQUIRED = {"event_id", "fatalities", "source_count", "independent_sources", "confidence", "inter1", "inter2",
             "interaction"}
_FLOATS = {"latitude", "longitude", "confidence"}

Record = dict[str, Any]


# -- rows -----------------------------------------------------------------------------------


def evidence_spans(event: Event) -> tuple[Span, ...]:
    """The sentences an event rests on: each mention's sentence spans, in mention order, once each.

    An event without mentions falls back to ``fields.sentences``. The store resolves
    ``Event.evidence`` from exactly these spans, so texts and spans line up one to one.
    """
    spans = [span for mention in event.mentions for span in mention.sentences] or list(event.fields.sentences)
    return tuple(dict.fromkeys(spans))


def event_row(event: Event) -> Record:
    """One event as typed, JSON-ready values keyed by ``COLUMNS`` (in order).

    Text is ``""`` when absent; numbers and dates are ``None`` when unknown (fatalities_low/high,
    coordinates, precisions, event_date) and become empty cells in CSV. Coordinates are rounded to
    4 decimals, confidence to 2. A row with ``country_how`` set is a country-only event: its country is
    known, its place is not, and it has no coordinates. ``source`` lists each outlet once (article id when the outlet is
    unknown); ``source_count`` counts articles.
    """
    f = event.fields
    place, date, deaths = f.place, f.date, f.fatalities
    return {
        "event_id": event.event_id,
        "event_date": None if date is None else date.date.isoformat(),
        "time_precision": None if date is None else date.precision,
        "event_type": f.event_type,
        "sub_event_type": f.sub_event_type,
        "actor1": _name(f.actor1),
        "assoc_actor_1": _names(f.assoc_actor_1),
        "actor2": _name(f.actor2),
        "assoc_actor_2": _names(f.assoc_actor_2),
        "country": f.country_name or "",
        "admin1": "" if place is None else place.admin1,
        "admin2": "" if place is None else place.admin2,
        # ISO 3166-2 code of the province under any of its spellings (data/admin1.csv)
        "admin1_code": "" if place is None else admin1_index().code(place.country, place.admin1),
        "location": "" if place is None else place.location,
        "latitude": None if place is None else _coordinate(place.latitude),
        "longitude": None if place is None else _coordinate(place.longitude),
        "geo_precision": None if place is None else place.precision,
        # an event with a country and no place (EventMention.country): where the country was read;
        # its row has no location, coordinates or geo_precision (ACLED's 1-3 have no country level)
        "country_how": "" if place is not None or f.country is None else f.country.how,
        "fatalities": deaths.best,
        "fatalities_low": deaths.low,
        "fatalities_high": deaths.high,
        "source": "; ".join(dict.fromkeys(s.outlet or s.article_id for s in event.sources)),
        "source_count": event.source_count,
        "independent_sources": event.independent_sources,
        "article_ids": "; ".join(s.article_id for s in event.sources),
        "notes": f.notes,
        "disputed": "; ".join(event.disputed),
        "evidence": " | ".join(event.evidence),
        "confidence": round(float(f.confidence), 2),
        "reviewed": "; ".join(event.reviewed),
    }


def _name(actor: Actor | None) -> str:
    return "" if actor is None else actor.name


def _names(actors: tuple[Actor, ...]) -> str:
    return "; ".join(actor.name for actor in actors)


def _coordinate(value: float) -> float | None:
    """4 decimals (about 11 m); a non-finite value is no coordinate rather than invalid JSON."""
    return round(float(value), 4) if math.isfinite(value) else None


def event_spans(event: Event) -> dict[str, Any]:
    """Where each exported value was read: ``{"article_id", "start", "end"}`` or ``None``;
    ``evidence`` is the list of ``evidence_spans``."""
    f = event.fields
    return {
        "event_type": _span(f.type_evidence),
        "event_date": _span(None if f.date is None else f.date.span),
        "actor1": _span(None if f.actor1 is None else f.actor1.span),
        "actor2": _span(None if f.actor2 is None else f.actor2.span),
        "location": _span(None if f.place is None else f.place.span),
        "fatalities": _span(f.fatalities.span),
        "evidence": [_span(span) for span in evidence_spans(event)],
    }


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"article_id": span.article_id, "start": span.start, "end": span.end}


def event_record(event: Event) -> Record:
    """The row plus its ``spans`` and ``ledger``: what JSONL lines and GeoJSON properties hold."""
    return {**event_row(event), "spans": event_spans(event), "ledger": event_ledger(event)}


def event_ledger(event: Event) -> dict[str, Any]:
    """The sources, every claim each makes (with its sentence and stance) and why the reports
    were fused (``links``). Claim sentences come from ``Event.claim_text`` when the store filled it."""
    outlets = {s.article_id: s for s in event.sources}
    texts = dict(zip(event.claims, event.claim_text, strict=False)) if event.claim_text else {}
    claims = []
    for claim in event.claims:
        source = outlets.get(claim.span.article_id)
        claims.append({
            "article_id": claim.span.article_id,
            "outlet": source.outlet if source else "",
            "published": source.published.isoformat() if source and source.published else None,
            "field": claim.field,
            "value": claim.value,
            "stance": claim.stance,
            "speaker": claim.speaker,
            "revised": claim.revised,
            "sentence": texts.get(claim, ""),
            "span": _span(claim.span),
            "speaker_span": _span(claim.speaker_span),
        })
    return {
        "sources": [
            {"article_id": s.article_id, "outlet": s.outlet, "url": s.url,
             "published": s.published.isoformat() if s.published else None, "copy_group": s.copy_group}
            for s in event.sources
        ],
        "claims": claims,
        "links": [
            {"a": k.a, "b": k.b, "score": k.score, "agreed": list(k.agreed), "by_content": k.by_content}
            for k in event.links
        ],
    }


def csv_cells(record: Mapping[str, Any], columns: tuple[str, ...] = COLUMNS) -> list[str]:
    """The CSV cells of one row, in ``columns`` order: empty for unknown, fixed decimals for floats."""
    cells: list[str] = []
    for column in columns:
        value = record[column]
        if value is None:
            cells.append("")
        elif column in ("latitude", "longitude"):
            cells.append(f"{value:.4f}")
        elif column == "confidence":
            cells.append(f"{value:.2f}")
        else:
            cells.append(str(value))
    return cells


# -- files ----------------------------------------------------------------------------------


def columns_of(profile: str) -> tuple[str, ...]:
    """The columns of a profile, in order."""
    if profile == "eventdesk":
        return COLUMNS
    if profile == "acled":
        from eventdesk.acled import PROFILE_COLUMNS

        return PROFILE_COLUMNS
    raise ConfigError(f"unknown export profile {profile!r}; choose one of {', '.join(PROFILES)}")


def column_dtypes(columns: Iterable[str]) -> dict[str, str]:
    """The pandas dtype of each column, for ``pd.read_csv(path, dtype=...)``: ``string`` for text
    (lists are joined text in CSV; the date is ISO text), ``int64`` for counts that are always
    there, the nullable ``Int64`` for the others, ``float64`` for coordinates and confidence. An
    all-empty column keeps its type."""
    def dtype(name: str) -> str:
        if name in _FLOATS:
            return "float64"
        if name in _INTS:
            return "int64" if name in _REQUIRED else "Int64"
        return "string"

    return {name: dtype(name) for name in columns}


def write(events: Iterable[Event], path: str | Path, fmt: str | None = None, *, meta: Mapping[str, Any]) -> int:
    """Write events to ``path`` as ``fmt`` (default: from the suffix); return how many were written.

    Raises ``ConfigError`` for an unknown format or a ``meta`` that is not JSON.
    """
    return write_records([event_record(event) for event in events], path, fmt, meta=meta)


def write_records(
    records: Iterable[Mapping[str, Any]], path: str | Path, fmt: str | None = None, *, meta: Mapping[str, Any],
    profile: str = "eventdesk",
) -> int:
    """Write records (as ``event_record`` makes or ``read_jsonl`` returns, or ``acled.acled_row``
    with ``profile="acled"``); see ``write``. ``path`` ``"-"`` is standard output (CSV unless
    ``fmt`` says otherwise; no sidecar)."""
    columns = columns_of(profile)
    to_stdout = str(path) == STDOUT
    fmt = check_target(path, fmt)
    path = Path(path)
    meta = export_meta(meta, profile)
    meta_json = _meta_json(meta)
    ordered = sorted(records, key=_order)
    writers: dict[str, Callable[[list[Mapping[str, Any]], Any, Mapping[str, Any], tuple[str, ...]], int]] = {
        "csv": _write_csv,
        "jsonl": _write_jsonl,
        "geojson": _write_geojson,
        "parquet": _write_parquet,
    }
    binary = fmt == "parquet"
    if to_stdout:
        handle = sys.stdout.buffer if binary else sys.stdout
        count = writers[fmt](ordered, handle, meta, columns)
        handle.flush()
        return count
    tmp = _tmp(path)
    try:
        with (tmp.open("wb") if binary else tmp.open("w", encoding="utf-8", newline="")) as handle:
            count = writers[fmt](ordered, handle, meta, columns)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if fmt == "geojson" and count < len(ordered):
        logging.getLogger(__name__).warning("%s: %d event(s) without coordinates (no place, or only a country) left out", path,
                                            len(ordered) - count)
    if fmt in ("csv", "jsonl"):
        _atomic_text(path.with_name(path.name + ".meta.json"), meta_json)
    return count


def export_meta(meta: Mapping[str, Any], profile: str = "eventdesk") -> dict[str, Any]:
    """What every export of ``profile`` carries: the versions, the profile and each column's dtype
    (the file exports and the API's streamed downloads alike)."""
    return {**meta, "profile": profile, "columns": column_dtypes(columns_of(profile))}


def check_target(path: str | Path, fmt: str | None = None) -> str:
    """The format a write to ``path`` uses (``"-"``: standard output, CSV by default); a
    ``ConfigError`` when there is none (unknown or contradicting format) or the folder is missing.
    Callers check before a long run, so a typo in ``-o`` fails at once."""
    if str(path) == STDOUT:
        chosen = (fmt or "csv").lower()
        if chosen not in FORMATS:
            raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return chosen
    path = Path(path)
    chosen = format_for(path, fmt)
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: the folder {path.parent} does not exist")
    return chosen


def format_for(path: Path, fmt: str | None) -> str:
    """The export format: ``fmt`` if given, else from the file suffix. A ``fmt`` that contradicts a
    known suffix (``--format csv`` for ``events.parquet``) is an error, not a guess."""
    suffix = path.suffix.lstrip(".").lower()
    chosen = (fmt if fmt is not None else suffix).lower()
    if chosen not in FORMATS:
        given = f"format {fmt!r}" if fmt is not None else f"suffix {path.suffix!r} of {path}"
        raise ConfigError(f"unknown export {given}; choose one of {', '.join(FORMATS)}")
    if suffix in FORMATS and suffix != chosen:
        raise ConfigError(f"format {chosen} contradicts the suffix of {path}; drop --format or rename the file")
    return chosen


def _meta_json(meta: Mapping[str, Any]) -> str:
    try:
        return json.dumps(dict(meta), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False) + "\n"
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"export meta must be JSON (strings, numbers, lists, objects): {exc}") from exc


def _order(record: Mapping[str, Any]) -> tuple[bool, str, str]:
    date = record["event_date"]
    return (date is None, date or "", record["event_id"])


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _atomic_text(path: Path, text: str) -> None:
    """Write then rename, so a reader never sees half a file and a failure leaves the old one."""
    tmp = _tmp(path)
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, path)


def _json_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _write_csv(records: list[Mapping[str, Any]], handle: Any, meta: Mapping[str, Any],
               columns: tuple[str, ...]) -> int:
    writer = csv.writer(handle)
    writer.writerow(columns)
    writer.writerows(csv_cells(record, columns) for record in records)
    return len(records)


def _write_jsonl(records: list[Mapping[str, Any]], handle: Any, meta: Mapping[str, Any],
                 columns: tuple[str, ...]) -> int:
    for record in records:
        handle.write(_json_line(dict(record)) + "\n")
    return len(records)


def _write_geojson(records: list[Mapping[str, Any]], handle: Any, meta: Mapping[str, Any],
                   columns: tuple[str, ...]) -> int:
    """Point features (GeoJSON order: longitude, latitude); events without coordinates are
    left out (the caller warns with their number), since a feature cannot lack a geometry."""
    features = [
        {
            "type": "Feature",
            "id": record["event_id"],
            "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
            "properties": dict(record),
        }
        for record in records
        if record["latitude"] is not None and record["longitude"] is not None
    ]
    collection = {"type": "FeatureCollection", "eventdesk": dict(meta), "features": features}
    handle.write(_json_line(collection) + "\n")
    return len(features)


def _write_parquet(records: list[Mapping[str, Any]], handle: Any, meta: Mapping[str, Any],
                   columns: tuple[str, ...]) -> int:
    from eventdesk._geoparquet import write_table

    kinds = {name: _kind(name) for name in columns}
    write_table(records, handle, columns, kinds, {name for name in columns if name in _REQUIRED},
                _meta_json(meta), LIST_COLUMNS)
    return len(records)


def _kind(name: str) -> str:
    if name == "event_date":
        return "date"
    if name in LIST_COLUMNS:
        return "list"
    return "int" if name in _INTS else "float" if name in _FLOATS else "text"


def read_jsonl(path: str | Path) -> list[Record]:
    """The records of a JSONL export, one dict per line, key order kept."""
    path = Path(path)
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"not JSON: {exc}") from exc
    return records
