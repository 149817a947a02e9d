"""What one app instance holds: its settings, the NLP services (loaded once on first use), the
read-only stores of its threads and the cache of answers that hold while the store is unchanged."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from eventdesk.errors import StoreError
from eventdesk.readcache import ReadCache
from eventdesk.services import Services
from eventdesk.settings import Settings
from eventdesk.store import Store

__all__ = ["ApiState", "LazyServices", "Readers", "WriteLock", "api_state"]


class LazyServices:
    """Loads the services (seconds, hundreds of MB) the first time a write needs them, once."""

    def __init__(self, settings: Settings, loader: Callable[[Settings], Services]) -> None:
        self._settings = settings
        self._loader = loader
        self._lock = threading.Lock()
        self._services: Services | None = None

    def get(self) -> Services:
        with self._lock:
            if self._services is None:
                self._services = self._loader(self._settings)
            return self._services


class Readers:
    """One read-only ``Store`` per thread of the server's pool, opened on the thread's first request
    and kept: no open, no migration check and a warm page cache on every later request.

    The store is created or migrated once, by the first request (a read-only connection cannot),
    and ``ANALYZE``d then, so SQLite's planner knows which index to use for which filter.
    """

    def __init__(self, path: str) -> None:
        self._path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._prepared = False
        self._opened: list[Store] = []

    def prepare(self) -> None:
        """Create or migrate the store and refresh its statistics, once (the first ``get`` does it
        when no one did before)."""
        with self._lock:
            if not self._prepared:
                with Store.open(self._path) as writable:
                    try:
                        writable.analyze()
                    except StoreError as exc:  # e.g. a long write elsewhere: slower plans, same answers
                        logging.getLogger(__name__).warning("statistics not refreshed: %s", exc)
                self._prepared = True

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            self.prepare()
            store = Store.open_reader(self._path)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


class WriteLock:
    """One write at a time in this process (a thread lock) and across the server's processes (an
    exclusive ``flock`` on ``<db>.write-lock``, taken per write, so a forked worker never shares it)."""

    def __init__(self, db: str) -> None:
        self._path = f"{db}.write-lock"
        self._thread = threading.Lock()
        self._fd: int | None = None

    def __enter__(self) -> WriteLock:
        self._thread.acquire()
        try:
            fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
        except OSError as exc:
            self._thread.release()
            raise StoreError(f"cannot take the write lock {self._path}: {exc.strerror or exc}") from exc
        except BaseException:
            self._thread.release()
            raise
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        fd, self._fd = self._fd, None
        try:
            if fd is not None:
                os.close(fd)  # closing releases the flock
        finally:
            self._thread.release()


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    services: LazyServices
    readers: Readers
    # counts, pages of ids, event rows, statistics and filter values of the current store version
    cache: ReadCache | None = None
    # one write at a time (in every process of the server): fusion reads, decides and writes in
    # several transactions
    write_lock: WriteLock | None = None

    def __post_init__(self) -> None:
        if self.write_lock is None:
            object.__setattr__(self, "write_lock", WriteLock(str(self.settings.db)))


def api_state(request: Request) -> ApiState:
    return request.app.state.eventdesk
