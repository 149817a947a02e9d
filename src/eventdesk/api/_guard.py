"""Request guards that run before the app reads a body: the Host header, the write token and the
size limit.

Pure ASGI middlewares, so a request for a host name this server does not serve (400), a write
without the token (403) or a body over the limit (413) is refused before any of it is parsed,
whatever route it is for; a route added later cannot forget them.
"""

from __future__ import annotations

import hmac
import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LOOPBACK_NAMES", "HostGuard", "READ_METHODS", "RequestGuard", "allowed_names", "host_name",
           "token_problem"]

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


LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
WILDCARDS = frozenset({"", "0.0.0.0", "::", "[::]"})
"""Listen-on-every-interface addresses: no browser should name them, so they are never allowed."""


def host_name(value: str) -> str:
    """The name in a Host header (or a setting), without the port, lower case: ``[::1]:8000`` -> ``[::1]``,
    ``Example.org.:443`` -> ``example.org``, a bare IPv6 address ``::1`` -> ``[::1]``."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[: end + 1] if end > 0 else value
    if value.count(":") > 1:  # an IPv6 address without brackets (a setting, never a Host header)
        return f"[{value}]"
    name, _, port = value.rpartition(":")
    if name and port.isdigit():
        value = name
    return value.rstrip(".")


def allowed_names(host: str, allowed_hosts: str | None) -> frozenset[str] | None:
    """The host names the server answers to; ``None`` when ``allowed_hosts`` is ``*`` (any)."""
    extra = [h for h in (allowed_hosts or "").split(",") if h.strip()]
    if any(h.strip() == "*" for h in extra):
        return None
    names = set(LOOPBACK_NAMES) | {host_name(h) for h in extra}
    names.add(host_name(host))
    return frozenset(names - WILDCARDS)


class HostGuard:
    """Answers only requests whose Host header names this server (defence against DNS rebinding: a
    page on evil.example whose name is made to point at 127.0.0.1 sends ``Host: evil.example``)."""

    def __init__(self, app: ASGIApp, *, names: frozenset[str] | None) -> None:
        self.app = app
        self.names = names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.names is None:
            await self.app(scope, receive, send)
            return
        hosts = [v.decode("latin-1") for k, v in scope["headers"] if k.lower() == b"host"]
        if len(hosts) != 1 or host_name(hosts[0]) not in self.names:
            problem = "no Host header" if not hosts else "more than one Host header" if len(hosts) > 1 else (
                "this server does not answer to that host name; add it to allowed_hosts if a proxy uses it")
            await _refuse(send, 400, problem)
            return
        await self.app(scope, receive, send)


async def _refuse(send: Send, status: int, error: str) -> None:
    body = json.dumps({"error": error}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})
