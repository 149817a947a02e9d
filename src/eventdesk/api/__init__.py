"""The HTTP API: a thin FastAPI shell over ``eventdesk.app`` (JSON only) and the static web page.

    app = create_app(settings)            # routes under /api, the page at /, assets at /static
    serve(settings)                       # the same under uvicorn (``eventdesk serve``)

Reads go through one read-only connection per server thread and an in-memory cache of answers
kept while the store is unchanged (``_state.Readers``, ``readcache.ReadCache``). Writes open the
store themselves and need the configured ``write_token``; without one the API is read-only. Only
the host names the server serves are answered (``allowed_hosts``).
"""

from __future__ import annotations

from eventdesk.api._app import create_app
from eventdesk.api._server import serve

__all__ = ["create_app", "serve"]
