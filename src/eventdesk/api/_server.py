"""``eventdesk serve``: the app under uvicorn, in one process or several.

With ``server_processes`` above 1 the app is built once, the store is prepared (created or migrated,
``ANALYZE``d) and the listening socket bound, and then the process forks that many workers, each
running uvicorn on the inherited socket (the kernel hands each new connection to one of them). The
workers get the settings, write token included, as memory copied by ``fork``: nothing goes through
the environment, a file or a command line. Each worker has its own read connections and answer
cache (a write anywhere raises the store version, and every worker's cache drops its answers), and
writes take a lock on a file beside the store, so they still run one at a time. The parent restarts
a worker that is killed and stops them all on SIGINT or SIGTERM. Fork needs a POSIX system.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time

from eventdesk.settings import Settings

__all__ = ["serve"]

log = logging.getLogger(__name__)

RESTART_AFTER = 5.0
"""A worker that exits on its own (not killed by a signal) sooner than this after its start is not
restarted: the server stops."""


def serve(settings: Settings) -> None:
    """Serve the API and the web page on ``settings.host:settings.port`` until interrupted."""
    import uvicorn

    from eventdesk.api._app import create_app

    app = create_app(settings)
    if settings.server_processes <= 1:
        uvicorn.run(app, host=settings.host, port=settings.port, server_header=False, log_level="info")
        return
    if not hasattr(os, "fork"):
        from eventdesk.errors import ConfigError

        raise ConfigError("server_processes above 1 needs fork (a POSIX system)")
    config = uvicorn.Config(app, host=settings.host, port=settings.port, server_header=False, log_level="info")
    app.state.eventdesk.readers.prepare()  # once, here, not by every worker's first request
    sock = config.bind_socket()
    _supervise(lambda: uvicorn.Server(config).run(sockets=[sock]), settings.server_processes)
    sock.close()


#: How often a worker checks that the process that forked it is alive (seconds).
PARENT_CHECK = 1.0


def _stop_with(parent: int) -> None:
    """In a worker: stop it (SIGTERM, uvicorn's graceful shutdown) when the process that forked it
    is gone, even killed with SIGKILL and so unable to stop its workers: no orphan keeps serving the
    store or holding the port."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="eventdesk-parent-watch", daemon=True).start()


def _supervise(run, processes: int) -> None:
    """Fork ``processes`` workers that each call ``run()``; restart one that dies; on SIGINT or
    SIGTERM stop them all and return."""
    workers: dict[int, float] = {}  # pid -> when it started
    stopping = False

    def start() -> None:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker: uvicorn installs its own SIGINT/SIGTERM handlers
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            _stop_with(parent)
            code = 0
            try:
                run()
            except BaseException:  # noqa: BLE001 - a worker never returns into the parent's code
                log.exception("server worker %d failed", os.getpid())
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        workers[pid] = time.monotonic()

    def stop(signum, frame) -> None:  # noqa: ARG001
        nonlocal stopping
        stopping = True
        for pid in list(workers):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                workers.pop(pid, None)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for _ in range(processes):
            start()
        while workers:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:
                continue
            started = workers.pop(pid, None)
            if stopping or started is None:
                continue
            if not os.WIFSIGNALED(status) and time.monotonic() - started < RESTART_AFTER:
                # it failed on its own as it started, and would again: stop, never loop on forks
                log.error("server worker %d stopped %.1f s after it started (status %d); stopping the server",
                          pid, time.monotonic() - started, status)
                stop(signal.SIGTERM, None)
                continue
            log.warning("server worker %d stopped (status %d); starting another", pid, status)
            start()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
