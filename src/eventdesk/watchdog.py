"""A time limit for a piece of work that works in any thread: the CLI's main thread, a Dask
worker's task thread, the HTTP API's thread pool.

``signal.alarm`` reaches only the main thread, so a watchdog thread does the job instead: when the
work has used up its time, it raises ``ArticleTimeout`` in the working thread through CPython's
``PyThreadState_SetAsyncExc``. The exception arrives at the next bytecode of Python code that
thread runs; a single long call into C (one regular expression over a huge text, say) is stopped
only when it returns, which is why the size limits come first and the timeout is the backstop.

Time is the working thread's **CPU time** (Linux: ``pthread_getcpuclockid``), not the clock on the
wall: on a shared machine another program's load must not decide whether an article is kept, so
the same input gets the same verdict from run to run. Where a thread's CPU clock cannot be read,
wall time is used.

Usage::

    with Watchdog() as dog:
        for item in work:
            try:
                with dog.limit(seconds):
                    process(item)
            except ArticleTimeout:
                ...  # the work stopped; nothing it had not returned is kept

A limit that has fired never leaks: an exception the watchdog raised but the thread had not yet
seen when the work ended is cancelled, and ``ArticleTimeout`` is raised from ``limit`` instead.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from eventdesk.errors import ArticleTimeout

__all__ = ["Watchdog", "thread_clock"]

_MIN_WAIT = 0.005  # seconds between two looks at a job whose time is nearly up


def thread_clock(thread_id: int | None = None) -> Callable[[], float]:
    """A clock (seconds) of the CPU time of the thread ``thread_id`` (default: the calling thread),
    or the monotonic wall clock where the platform has no per-thread CPU clock."""
    get_clock = getattr(time, "pthread_getcpuclockid", None)
    if get_clock is not None:
        try:
            clock = get_clock(thread_id if thread_id is not None else threading.get_ident())
            time.clock_gettime(clock)
            return lambda: time.clock_gettime(clock)
        except OSError:
            pass
    return time.monotonic


@dataclass
class _Job:
    thread_id: int
    clock: Callable[[], float]
    start: float
    budget: float

    def left(self) -> float:
        try:
            return self.budget - (self.clock() - self.start)
        except OSError:  # the thread is gone (it cannot be: ``limit`` ends first); forget the job
            return 0.0


class Watchdog:
    """Enforces ``limit(seconds)`` blocks of the threads that enter them. Its thread starts with
    the first limit and runs until the watchdog is closed (use it as a context manager)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._jobs: dict[int, _Job] = {}
        self._next = 0
        self._thread: threading.Thread | None = None
        self._closed = False
        self._wake_at: float | None = None  # when the watching thread next looks (monotonic); None: not before told

    def __enter__(self) -> Watchdog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    @contextmanager
    def limit(self, seconds: float | None, *, clock: Callable[[], float] | None = None,
              start: float | None = None) -> Iterator[None]:
        """Run the block with at most ``seconds`` of the calling thread's CPU time; past that,
        ``ArticleTimeout`` is raised inside it. ``None`` or a value <= 0: no limit. A caller that
        has the calling thread's ``thread_clock`` and has just read it (``start``) passes them:
        each reading of a thread's CPU clock is a system call."""
        if seconds is None or seconds <= 0:
            yield
            return
        thread_id = threading.get_ident()
        if clock is None:
            clock = thread_clock()
        with self._cond:
            if self._closed:
                raise RuntimeError("watchdog is closed")
            token = self._next
            self._next += 1
            self._jobs[token] = _Job(thread_id, clock, clock() if start is None else start, seconds)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="eventdesk-watchdog", daemon=True)
                self._thread.start()
            # the watching thread needs waking only when it would otherwise look later than this job's
            # earliest possible end (CPU time never runs faster than the wall clock); one wake per
            # limit would cost a thread switch for every step of every article
            if self._wake_at is None or self._wake_at > time.monotonic() + seconds:
                self._cond.notify_all()
        try:
            yield
        finally:
            with self._cond:
                fired = self._jobs.pop(token, None) is None
                if fired:
                    # raised but perhaps not yet seen by this thread: cancel it, raise it here
                    _raise_in(thread_id, None)
            if fired:
                raise ArticleTimeout(f"more than {seconds:g} s of CPU time")

    def _watch(self) -> None:
        with self._cond:
            while not self._closed:
                wait = None
                for token, job in list(self._jobs.items()):
                    left = job.left()
                    if left <= 0:
                        del self._jobs[token]  # under the lock: ``limit`` sees that it fired
                        _raise_in(job.thread_id, ArticleTimeout)
                    else:
                        wait = left if wait is None else min(wait, left)
                # CPU time never runs faster than the wall clock, so this never sleeps past a limit;
                # with no job, sleep until one comes (or the watchdog closes)
                wait = None if wait is None else max(wait, _MIN_WAIT)
                self._wake_at = None if wait is None else time.monotonic() + wait
                self._cond.wait(wait)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Raise ``exc`` asynchronously in the thread ``thread_id`` (``None``: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc) if exc is not None else ctypes.c_void_p(0))
