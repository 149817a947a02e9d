"""Answers of read queries kept while the store does not change.

The store raises one number, ``Store.version()``, on every change to events, articles, aliases or
reviewed values (triggers, whichever process writes). A ``ReadCache`` keeps answers computed at one
version and drops them all as soon as a reader sees a newer one, so a cached answer is never older
than the state of the store the request reads. Thread-safe; bounded (least recently used first out)
by a number of answers and by the total size of the answers kept as ``bytes`` (the API keeps whole
JSON answers so).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["ReadCache"]

T = TypeVar("T")


class ReadCache:
    def __init__(self, size: int = 1024, max_bytes: int | None = None) -> None:
        if size < 1:
            raise ValueError("a cache holds at least one answer")
        self.size = size
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._version: int | None = None
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._bytes = 0  # total length of the values that are bytes
        self.hits = 0
        self.misses = 0

    @property
    def bytes_held(self) -> int:
        return self._bytes

    def _clear(self) -> None:
        self._items.clear()
        self._bytes = 0

    def _put(self, key: Hashable, value: object) -> None:
        """Keep ``value`` (the lock held), then drop the least recently used past either bound."""
        old = self._items.pop(key, None)
        if isinstance(old, bytes):
            self._bytes -= len(old)
        self._items[key] = value
        if isinstance(value, bytes):
            self._bytes += len(value)
        while self._items and (len(self._items) > self.size
                               or (self.max_bytes is not None and self._bytes > self.max_bytes)):
            _, gone = self._items.popitem(last=False)
            if isinstance(gone, bytes):
                self._bytes -= len(gone)

    def get(self, version: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key`` at store ``version``: kept, or ``compute()``d now and kept.

        ``version`` must be read in the same snapshot as ``compute`` reads (``Store.snapshot``), so
        an answer is filed under the state it was computed from.
        """
        with self._lock:
            if self._version is not None and version < self._version:
                stale = True  # a reader still on an older snapshot: answer it, keep nothing
            else:
                stale = False
                if version != self._version:
                    self._clear()
                    self._version = version
            if not stale and key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]  # type: ignore[return-value]
            self.misses += 1
        value = compute()
        with self._lock:
            if not stale and version == self._version:
                self._put(key, value)
        return value

    def get_many(self, version: int, keys: list[Hashable]) -> dict[Hashable, object]:
        """The answers kept for those of ``keys`` that have one at ``version`` (``put_many`` files new ones)."""
        with self._lock:
            if self._version is None or version != self._version:
                return {}
            found = {key: self._items[key] for key in keys if key in self._items}
            for key in found:
                self._items.move_to_end(key)
            self.hits += len(found)
            self.misses += len(keys) - len(found)
            return found

    def put_many(self, version: int, items: dict[Hashable, object]) -> None:
        with self._lock:
            if self._version is not None and version < self._version:
                return
            if version != self._version:
                self._clear()
                self._version = version
            for key, value in items.items():
                self._put(key, value)

    def __len__(self) -> int:
        return len(self._items)
