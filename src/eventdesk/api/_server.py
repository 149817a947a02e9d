"""``eventdesk serve``: the app under uvicorn."""

from __future__ import annotations

from eventdesk.settings import Settings

__all__ = ["serve"]


def serve(settings: Settings) -> None:
    """Serve the API and the web page on ``settings.host:settings.port`` until interrupted."""
    import uvicorn

    from eventdesk.api._app import create_app

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, server_header=False,
                log_level="info")
