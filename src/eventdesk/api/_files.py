"""Downloads (the filtered events as CSV, GeoJSON or Parquet), the country outlines, and the web
page with its assets, all read through importlib.resources so an installed wheel serves them too.

CSV and GeoJSON downloads are streamed: events are read a batch at a time from one snapshot of the
store and sent as they are written, so a download of the whole store starts at once and holds
little memory. Parquet (a file format with its index at the end) is written a row group at a time
to a temporary file, then sent. A download in ACLED's columns (``profile=acled``) is written whole to
a temporary file by the same code as ``eventdesk export --profile acled``, then sent."""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException

from eventdesk import export_stream
from eventdesk import queries as lib
from eventdesk.api._filters import event_query
from eventdesk.api._state import ApiState, api_state

__all__ = ["downloads", "pages"]

downloads = APIRouter(prefix="/api", tags=["files"])
pages = APIRouter(include_in_schema=False)

State = Annotated[ApiState, Depends(api_state)]
Filters = Annotated[lib.EventQuery, Depends(event_query)]

Profile = Annotated[Literal["eventdesk", "acled"], Query(
    description="columns: eventdesk's (default) or ACLED's in ACLED's order, then eventdesk's "
                "(as `eventdesk export --profile`)")]

MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "parquet": "application/vnd.apache.parquet"}


def _export(state: ApiState, query: lib.EventQuery, fmt: str, profile: str = "eventdesk") -> Response:
    from eventdesk.export import export_meta
    from eventdesk.versions import versions

    name = f"eventdesk-events.{fmt}"
    if profile != "eventdesk":
        return _export_file(state, query, fmt, profile, name)
    if fmt != "parquet":
        rows = lib.export_rows(state.settings, query, records=fmt == "geojson")
        chunks = (export_stream.csv_chunks(rows) if fmt == "csv"
                  else export_stream.geojson_chunks(rows, export_meta(versions()), name=name))
        return StreamingResponse(chunks, media_type=MEDIA[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})
    folder = tempfile.mkdtemp(prefix="eventdesk-export-")
    try:
        path = Path(folder) / name
        export_stream.write_parquet(lib.export_rows(state.settings, query), path, versions())
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=MEDIA[fmt], filename=name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


def _export_file(state: ApiState, query: lib.EventQuery, fmt: str, profile: str, name: str) -> Response:
    """The download as ``eventdesk export --profile PROFILE`` writes it, from a temporary folder
    removed once it is sent (with the CSV's sidecar, which the download leaves out)."""
    folder = tempfile.mkdtemp(prefix="eventdesk-export-")
    try:
        path = Path(folder) / name
        lib.export_query(state.settings, query, path, fmt, profile=profile)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(path, media_type=MEDIA[fmt], filename=name,
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


def _doc(fmt: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {MEDIA[fmt].split(";")[0]: {}}, "description": f"the matching events as {fmt}"}}


@downloads.get("/export.csv", response_class=StreamingResponse, responses=_doc("csv"),
               summary="The matching events as CSV (export.COLUMNS; no paging)")
def export_csv(state: State, query: Filters, profile: Profile = "eventdesk") -> Response:
    return _export(state, query, "csv", profile)


@downloads.get("/export.geojson", response_class=StreamingResponse, responses=_doc("geojson"),
               summary="The matching events as GeoJSON points with spans and ledger (no paging)")
def export_geojson(state: State, query: Filters, profile: Profile = "eventdesk") -> Response:
    return _export(state, query, "geojson", profile)


@downloads.get("/export.parquet", response_class=FileResponse, responses=_doc("parquet"),
               summary="The matching events as Parquet (no paging)")
def export_parquet(state: State, query: Filters, profile: Profile = "eventdesk") -> Response:
    return _export(state, query, "parquet", profile)


@downloads.get("/world", responses={200: {"content": {"application/json": {}}}},
               summary="Country outlines (TopoJSON, Natural Earth 1:50m via world-atlas)")
def world() -> Response:
    data = resources.files("eventdesk").joinpath("data", "countries-50m.json").read_bytes()
    return Response(data, media_type="application/json", headers={"Cache-Control": "public, max-age=86400"})


def _static(parts: list[str]) -> Any | None:
    """The file under ``web/static`` named by ``parts``, or ``None``; no part may leave the folder."""
    if not parts or any(p in ("", ".", "..") or "\\" in p or ":" in p for p in parts):
        return None
    node = resources.files("eventdesk.web").joinpath("static")
    for part in parts:
        node = node.joinpath(part)
    return node if node.is_file() else None


@pages.get("/")
def index() -> Response:
    page = _static(["index.html"])
    if page is None:
        return PlainTextResponse("eventdesk: the web page is not there yet (src/eventdesk/web/static/index.html); "
                                 "the JSON API is under /api and documented at /docs.\n")
    return HTMLResponse(page.read_bytes())


@pages.get("/static/{path:path}")
def static(path: str) -> Response:
    found = _static(path.split("/"))
    if found is None:
        raise HTTPException(404, "no such file")
    media = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return Response(found.read_bytes(), media_type=media)
