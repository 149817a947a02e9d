"""The HTTP API: a thin FastAPI shell over ``eventdesk.app`` (JSON only) and the static web page.

    app = create_app(settings)            # routes under /api, the page at /, assets at /static
    serve(settings)                       # the same under uvicorn (``eventdesk serve``)

The store is opened per request (sqlite3 objects belong to one thread). Writes need the
configured ``write_token``; without one the API is read-only.
"""

from __future__ import annotations

from eventdesk.api._app import create_app
from eventdesk.api._server import serve

__all__ = ["create_app", "serve"]
