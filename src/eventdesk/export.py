"""CSV / JSONL / GeoJSON / Parquet export in the ACLED-compatible column schema.

Every format is built from one *record* per event: the row (``COLUMNS``, in order) plus, for the
formats that can hold it, ``spans`` -- where in which article each field's value was read -- so a
reader can check every value against its source. Output is deterministic (events sorted by
``(event_date, event_id)``, undated last; fixed key order; no timestamps), so the same events always
give the same bytes, and ``write_records(read_jsonl(p))`` reproduces a JSONL file ``p`` exactly.

``meta`` (pipeline, model and dictionary versions) travels with every file: Parquet schema
metadata, a top-level ``"eventdesk"`` member in GeoJSON, a ``PATH.meta.json`` sidecar for CSV and
JSONL (which stay one plain row / one event per line).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import math
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError, InputError
from eventdesk.model import Actor, Event, Span

__all__ = [
    "COLUMNS",
    "FORMATS",
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
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "fatalities_low", "fatalities_high",
    "source", "source_count", "independent_sources", "article_ids", "notes", "disputed", "evidence", "confidence",
    "reviewed",
)
FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "parquet")

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
    4 decimals, confidence to 2. ``source`` lists each outlet once (article id when the outlet is
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
        "country": "" if place is None else place.country,
        "admin1": "" if place is None else place.admin1,
        "admin2": "" if place is None else place.admin2,
        "location": "" if place is None else place.location,
        "latitude": None if place is None else _coordinate(place.latitude),
        "longitude": None if place is None else _coordinate(place.longitude),
        "geo_precision": None if place is None else place.precision,
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


def csv_cells(record: Mapping[str, Any]) -> list[str]:
    """The CSV cells of one row, in ``COLUMNS`` order: empty for unknown, fixed decimals for floats."""
    cells: list[str] = []
    for column in COLUMNS:
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


def write(events: Iterable[Event], path: str | Path, fmt: str | None = None, *, meta: Mapping[str, Any]) -> int:
    """Write events to ``path`` as ``fmt`` (default: from the suffix); return how many were written.

    Raises ``ConfigError`` for an unknown format or a ``meta`` that is not JSON.
    """
    return write_records([event_record(event) for event in events], path, fmt, meta=meta)


def write_records(
    records: Iterable[Mapping[str, Any]], path: str | Path, fmt: str | None = None, *, meta: Mapping[str, Any]
) -> int:
    """Write records (as ``event_record`` makes or ``read_jsonl`` returns); see ``write``."""
    path = Path(path)
    fmt = format_for(path, fmt)
    meta_json = _meta_json(meta)
    ordered = sorted(records, key=_order)
    writers: dict[str, Callable[[list[Mapping[str, Any]], Path, Mapping[str, Any]], int]] = {
        "csv": _write_csv,
        "jsonl": _write_jsonl,
        "geojson": _write_geojson,
        "parquet": _write_parquet,
    }
    count = writers[fmt](ordered, path, meta)
    if fmt in ("csv", "jsonl"):
        _atomic_text(path.with_name(path.name + ".meta.json"), meta_json)
    return count


def format_for(path: Path, fmt: str | None) -> str:
    """The export format: ``fmt`` if given, else from the file suffix."""
    chosen = (fmt if fmt is not None else path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        given = f"format {fmt!r}" if fmt is not None else f"suffix {path.suffix!r} of {path}"
        raise ConfigError(f"unknown export {given}; choose one of {', '.join(FORMATS)}")
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


def _write_csv(records: list[Mapping[str, Any]], path: Path, meta: Mapping[str, Any]) -> int:
    tmp = _tmp(path)
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(csv_cells(record) for record in records)
    os.replace(tmp, path)
    return len(records)


def _write_jsonl(records: list[Mapping[str, Any]], path: Path, meta: Mapping[str, Any]) -> int:
    _atomic_text(path, "".join(_json_line(dict(record)) + "\n" for record in records))
    return len(records)


def _write_geojson(records: list[Mapping[str, Any]], path: Path, meta: Mapping[str, Any]) -> int:
    """Point features (GeoJSON order: longitude, latitude); events without coordinates are
    left out and counted in a warning, since a feature cannot lack a geometry."""
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
    omitted = len(records) - len(features)
    if omitted:
        logging.getLogger(__name__).warning("%s: %d event(s) without coordinates left out", path, omitted)
    collection = {"type": "FeatureCollection", "eventdesk": dict(meta), "features": features}
    _atomic_text(path, _json_line(collection) + "\n")
    return len(features)


def _write_parquet(records: list[Mapping[str, Any]], path: Path, meta: Mapping[str, Any]) -> int:
    import pyarrow as pa  # heavy: imported only when Parquet is asked for
    import pyarrow.parquet as pq

    schema = _parquet_schema(pa, _meta_json(meta))
    columns = {name: [record[name] for record in records] for name in COLUMNS}
    columns["event_date"] = [None if d is None else dt.date.fromisoformat(d) for d in columns["event_date"]]
    table = pa.Table.from_pydict(columns, schema=schema)
    tmp = _tmp(path)
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return len(records)


def _parquet_schema(pa: Any, meta_json: str) -> Any:
    """Explicit types so an empty export and a full one have the same schema: nullable int64
    for counts and precisions, float64 for coordinates and confidence, date32 for the date."""
    ints = {"time_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "source_count",
            "independent_sources"}
    floats = {"latitude", "longitude", "confidence"}
    required = {"event_id", "fatalities", "source_count", "independent_sources", "confidence"}

    def arrow_type(name: str) -> Any:
        if name == "event_date":
            return pa.date32()
        return pa.int64() if name in ints else pa.float64() if name in floats else pa.string()

    fields = [pa.field(name, arrow_type(name), nullable=name not in required) for name in COLUMNS]
    return pa.schema(fields, metadata={b"eventdesk": meta_json.encode("utf-8")})


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
