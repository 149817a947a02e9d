"""What one app instance holds: its settings and the NLP services, loaded once on first use."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Request

from eventdesk.services import Services
from eventdesk.settings import Settings

__all__ = ["ApiState", "LazyServices", "api_state"]


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


@dataclass(frozen=True)
class ApiState:
    settings: Settings
    services: LazyServices
    # one write at a time: fusion reads, decides and writes in several transactions
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def api_state(request: Request) -> ApiState:
    return request.app.state.eventdesk
