"""Request guards that run before the app reads a body: the write token and the size limit.

A pure ASGI middleware, so a write without the token (403) or a body over the limit (413) is
refused before any of it is parsed, whatever route it is for; a route added later cannot forget it.
"""

from __future__ import annotations

import hmac
import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["READ_METHODS", "RequestGuard", "token_problem"]

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def token_problem(configured: str | None, authorization: str | None) -> str | None:
    """Why a write is refused, or ``None`` when ``authorization`` carries the configured token."""
    if configured is None:
        return "this server is read-only: writes need a write token configured on the server (write_token)"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), configured.encode()):
        return "writing needs the header 'Authorization: Bearer <write token>'"
    return None


class RequestGuard:
    def __init__(self, app: ASGIApp, *, token: str | None, max_bytes: int) -> None:
        self.app = app
        self.token = token
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if scope["method"] not in READ_METHODS:
            problem = token_problem(self.token, headers.get("authorization"))
            if problem:
                await _refuse(send, 403, problem)
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            code = 400 if not length.isdigit() else 413
            await _refuse(send, code, "bad Content-Length" if code == 400 else self._too_large())
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # a chunked body that grows past the limit
                    raise HTTPException(413, self._too_large())
            return message

        await self.app(scope, counted, send)

    def _too_large(self) -> str:
        return f"request body larger than {self.max_bytes} bytes (max_request_bytes)"


async def _refuse(send: Send, status: int, error: str) -> None:
    body = json.dumps({"error": error}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
