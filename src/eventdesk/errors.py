"""One exception tree. Each class knows its CLI exit code and HTTP status."""

from __future__ import annotations

__all__ = [
    "EventdeskError",
    "InputError",
    "ManifestError",
    "LimitError",
    "ArticleTimeout",
    "limit_reason",
    "ConfigError",
    "StoreError",
    "NotFound",
    "EvalError",
    "ReviewError",
    "MissingExtra",
]


class EventdeskError(Exception):
    """Base of every error eventdesk raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(EventdeskError):
    """An input file or article cannot be read. ``origin`` is ``path`` or ``path:line``."""

    exit_code = 2
    http_status = 422

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ManifestError(InputError):
    """A manifest line is malformed (bad JSON, missing id, no text/html/path, bad date)."""


class LimitError(InputError):
    """An input is larger (or slower) than a limit setting allows. The reason names the setting as
    ``(setting NAME)``, which is how a run summary counts the limits reached (``Skipped.limit``)."""

    def __init__(self, origin: str, reason: str, setting: str):
        super().__init__(origin, limit_reason(reason, setting))
        self.setting = setting


def limit_reason(reason: str, setting: str) -> str:
    """``reason`` with the limit setting it hit named the way ``Skipped.limit`` reads it."""
    return f"{reason} (setting {setting})"


class ArticleTimeout(BaseException):  # noqa: N818 (named for what happened, like KeyboardInterrupt)
    """An article's stages ran past ``article_timeout``; raised *into* the stage's thread by the
    watchdog (``eventdesk.watchdog``). A ``BaseException`` on purpose, outside the tree above, as
    ``KeyboardInterrupt`` is: no ``except Exception`` in a stage or a library may swallow it; only
    the pipeline's runner catches it and skips the article."""


class ConfigError(EventdeskError):
    """A setting or command-line value is wrong."""

    exit_code = 2
    http_status = 400


class StoreError(EventdeskError):
    """The event store cannot be opened, migrated or written."""

    exit_code = 3


class NotFound(EventdeskError):
    """An event or article id that is not in the store."""

    exit_code = 4
    http_status = 404


class EvalError(EventdeskError):
    """A gold file cannot be read or lacks required columns."""

    exit_code = 2
    http_status = 400


class ReviewError(EventdeskError):
    """An analyst's review cannot be applied: an unknown field, a bad value, a split that does not
    cover the event's reports."""

    exit_code = 2
    http_status = 422


class MissingExtra(ConfigError):
    """A feature needs a package of an optional extra that is not installed."""

    def __init__(self, feature: str, extra: str, module: str):
        super().__init__(f"{feature} needs the '{extra}' extra ({module} is not installed): "
                         f"pip install 'eventdesk[{extra}]'")
        self.feature = feature
        self.extra = extra
        self.module = module
