"""The app factory: routes, error handling (one JSON shape, ``{"error": ...}``), guards and headers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventdesk import __version__
from eventdesk.api import _files, _read, _review, _write
from eventdesk.api._guard import HostGuard, RequestGuard, allowed_names
from eventdesk.api._state import ApiState, LazyServices, Readers
from eventdesk.errors import EventdeskError
from eventdesk.readcache import ReadCache
from eventdesk.services import Services
from eventdesk.settings import Settings

__all__ = ["create_app"]

DESCRIPTION = """Conflict events extracted from news articles, fused across sources, with the evidence
and the claims ledger behind every value. JSON only. Read-only unless the server has a `write_token`;
writes then need `Authorization: Bearer <token>`."""


def create_app(settings: Settings, *, services_loader: Callable[[Settings], Services] | None = None) -> FastAPI:
    """A FastAPI app over the store at ``settings.db`` (read through one read-only connection per
    server thread; created or migrated by the first request).

    ``services_loader`` builds the NLP services the first time a write needs them (default
    ``Services.load``); they are kept for the app's life. CORS is off unless ``cors_origins``.
    """
    cache = (ReadCache(settings.api_cache_entries, max_bytes=settings.api_cache_mb * 1_000_000)
             if settings.api_cache_entries else None)
    state = ApiState(settings, LazyServices(settings, services_loader or Services.load), Readers(settings.db), cache)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # the routes are sync and run on a thread pool; Python runs one thread at a time, so more threads
        # than this only add reader connections (each with its page cache and map) and switching, not speed
        anyio.to_thread.current_default_thread_limiter().total_tokens = SERVER_THREADS
        yield
        state.readers.close()

    # /docs (Swagger UI) and /redoc with their scripts and styles served from here (fastapi-offline
    # bundles them), not from a CDN: the docs work offline and the page runs no one else's code
    app = FastAPIOffline(title="eventdesk", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         static_url=DOCS_ASSETS, swagger_ui_parameters={"validatorUrl": None})
    app.state.eventdesk = state
    for router in (_read.router, _review.reads, _files.downloads, _write.router, _review.writes, _files.pages):
        app.include_router(router)
    app.add_exception_handler(EventdeskError, _eventdesk_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    app.add_middleware(RequestGuard, token=settings.write_token, max_bytes=settings.max_request_bytes)
    app.add_middleware(HostGuard, names=allowed_names(settings.host, settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    return app


SERVER_THREADS = 8
"""Threads the sync routes run on (each keeps one read-only store connection)."""

DOCS_ASSETS = "/docs-assets"
"""Where the documentation pages' scripts, styles and icon are served."""


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


async def _eventdesk_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EventdeskError)
    if exc.http_status >= 500:
        logging.getLogger(__name__).error("%s %s: %s", request.method, request.url.path, exc)
        return _error(exc.http_status, "the store could not be read or written; see the server log")
    return _error(exc.http_status, str(exc))


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = [{"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", "")),
               "type": str(e.get("type", ""))} for e in exc.errors()]
    where = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in detail)
    return _error(422, f"invalid request: {where}", detail=detail)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug, not a bad request: logged with its traceback, answered as JSON like every other error."""
    logging.getLogger(__name__).error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _error(500, "internal error; see the server log")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    response = _error(exc.status_code, str(exc.detail))
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    return response


PAGE_CSP = (
    b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org;"
    b" connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'"
)
"""The page runs only its own files; data never becomes markup (see web/static), and this says so to
the browser too. Online tiles, when the user turns them on, come from OpenStreetMap."""


class SecurityHeaders:
    """``nosniff`` on every response; API responses may not be framed or run anything if opened."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")
        page = scope["path"] == "/" or scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                if api:
                    headers += [(b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
                                (b"x-frame-options", b"DENY")]
                elif page:
                    headers += [(b"content-security-policy", PAGE_CSP), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
