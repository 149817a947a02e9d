"""Every setting once: name, default, help. Read from defaults < a TOML file < the environment
(``EVENTDESK_<NAME>``) < command-line flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError
from eventdesk.ingest import InputPolicy
from eventdesk.extract.assembly.events import EventSettings

__all__ = ["Settings", "SETTINGS_HELP"]

SETTINGS_HELP: dict[str, str] = {
    "db": "SQLite event store file",
    "cache_dir": "folder for the built gazetteer cache (default: $XDG_CACHE_HOME/eventdesk or ~/.cache/eventdesk)",
    "batch_size": "articles per batch (one spaCy pass per batch)",
    "keep_undated": "keep events whose date cannot be resolved (ACLED drops them; the evaluation keeps them)",
    "background_days": "reject events dated more than this many days before publication (background mentions)",
    "include_incomplete": "export events whose place is unknown or vaguer than a province (or only their country is known)",
    "progress": "show a progress bar on long runs",
    "default_country": "country assumed for articles that name none (a national feed); unset by default",
    "host": "interface `eventdesk serve` listens on (loopback by default)",
    "port": "port `eventdesk serve` listens on",
    "write_token": "bearer token that allows writes through the HTTP API; unset = the API is read-only",
    "max_request_bytes": "largest request body the HTTP API accepts (larger: 413)",
    "cors_origins": "comma-separated origins allowed to call the HTTP API from a browser (CORS); unset = none",
    "allowed_hosts": "comma-separated host names the HTTP API answers to besides 127.0.0.1, localhost, [::1] and"
                     " `host` (a proxy's public name); other Host headers get 400; * = any",
    "api_cache_entries": "answers the HTTP API keeps in memory while the store is unchanged (event rows, pages,"
                         " counts, statistics); 0 = none",
    "api_cache_mb": "most memory (MB) the whole JSON answers the HTTP API keeps as bytes may take (in each "
                    "server process); 0 = keep none (the other answers are still kept)",
    "server_processes": "processes `eventdesk serve` answers requests in, sharing one listening socket (forked "
                        "after the app is built: the settings, write token included, never leave memory)",
    "engine": "where `eventdesk extract` runs the per-article stages: local (in this process) or dask",
    "scheduler": "address of a running Dask scheduler (tcp://host:8786); unset = start a local cluster",
    "workers": "worker processes of the local Dask cluster started when no scheduler is given",
    "work_dir": "folder for the Dask engine's per-partition result files (default: <db>.work next to the store)",
    "partition_size": "articles per Dask task and per result file",
    "allowed_roots": "folders (separated by the OS path separator, ':' on Linux) that a manifest's `path` may "
                     "name besides the manifest's own folder (`--allow-root`, repeatable); unset = only that folder",
    "max_article_bytes": "largest article file read (bytes); a larger one is skipped with its size",
    "event_classifier": "also let the learned event-sentence classifier (data/models/event_sentences, trained on "
                        "MUC-4 keys) veto sentences the rules keep; off by default: it halves false events on MUC-4's "
                        "held-out reports but drops modern reports the rules get right",
    "learned_dating": "date by the report an undated act outside the lead that the learned dating model "
                      "(data/models/undated_news, trained on MUC-4 keys) judges the report's news",
    "max_fatalities": "largest death toll read for one event; a larger figure (a war's or a period's toll, or a "
                      "misread number) is not read, and the mention says why",
    "reprocess": "also extract again the stored articles whose results came from another pipeline version "
                 "(rules, data, code or model changed), replacing their results",
    "max_line_bytes": "largest manifest line (bytes), checked before it is parsed; a longer line is skipped "
                      "without being held in memory",
    "max_decompressed_bytes": "largest decompressed size (bytes) of a .jsonl.gz manifest, of one WARC record "
                              "and of one Parquet row group; reading stops there and the rest is skipped",
    "max_article_chars": "largest cleaned article text (characters); a longer one is skipped before the "
                         "sentence and event stages",
    "max_sentence_chars": "longest sentence parsed (characters); a longer one is not parsed nor read for "
                          "events, and the article's rejections say why",
    "article_timeout": "seconds of CPU time the per-article stages may take for one article (0 = no limit); "
                       "an article that takes longer is skipped, and nothing of it is stored",
}

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class Settings:
    db: str = "eventdesk.db"
    cache_dir: str | None = None
    batch_size: int = 64
    keep_undated: bool = False
    background_days: int = 62
    include_incomplete: bool = False
    progress: bool = True
    default_country: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    write_token: str | None = field(default=None, repr=False)
    max_request_bytes: int = 5_000_000
    cors_origins: str | None = None
    allowed_hosts: str | None = None
    api_cache_entries: int = 100_000
    api_cache_mb: int = 256
    server_processes: int = 1
    engine: str = "local"
    scheduler: str | None = None
    workers: int = 2
    work_dir: str | None = None
    partition_size: int = 200
    allowed_roots: str | None = None
    max_article_bytes: int = 20_000_000
    max_fatalities: int = 100_000
    event_classifier: bool = False
    learned_dating: bool = False
    reprocess: bool = False
    max_line_bytes: int = 20_000_000
    max_decompressed_bytes: int = 2_000_000_000
    max_article_chars: int = 200_000
    max_sentence_chars: int = 3_000
    article_timeout: float = 60.0
    events: EventSettings = field(default_factory=EventSettings, compare=False)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ConfigError("batch_size must be at least 1")
        if not 0 < self.port < 65536:
            raise ConfigError("port must be between 1 and 65535")
        if self.max_request_bytes < 1:
            raise ConfigError("max_request_bytes must be at least 1")
        if self.engine not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        if self.workers < 1:
            raise ConfigError("workers must be at least 1")
        if not 1 <= self.server_processes <= 64:
            raise ConfigError("server_processes must be between 1 and 64")
        if self.api_cache_mb < 0:
            raise ConfigError("api_cache_mb must not be negative")
        if self.api_cache_entries < 0:
            raise ConfigError("api_cache_entries must not be negative")
        if self.partition_size < 1:
            raise ConfigError("partition_size must be at least 1")
        if self.max_fatalities < 0:
            raise ConfigError("max_fatalities must be at least 0")
        for name in ("max_article_bytes", "max_line_bytes", "max_decompressed_bytes", "max_article_chars",
                     "max_sentence_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1")
        if not 0 <= self.article_timeout < float("inf"):
            raise ConfigError("article_timeout must be a number of seconds, 0 or more (0 = no limit)")
        if self.scheduler == "":
            object.__setattr__(self, "scheduler", None)
        if self.write_token == "":
            object.__setattr__(self, "write_token", None)
        if self.write_token is not None and len(self.write_token) < 16:
            raise ConfigError("write_token must be at least 16 characters (use a random secret)")
        object.__setattr__(
            self,
            "events",
            replace(self.events, keep_undated=self.keep_undated, background_days=self.background_days),
        )

    def input_policy(self) -> InputPolicy:
        """What the reader may open and how much of it: the manifest's folder plus ``allowed_roots``,
        regular files and article bodies up to ``max_article_bytes``, manifest lines up to
        ``max_line_bytes``, decompressed data up to ``max_decompressed_bytes``."""
        roots = tuple(Path(r).expanduser() for r in (self.allowed_roots or "").split(os.pathsep) if r.strip())
        return InputPolicy(allowed_roots=roots, max_article_bytes=self.max_article_bytes,
                           max_line_bytes=self.max_line_bytes, max_decompressed_bytes=self.max_decompressed_bytes)

    @classmethod
    def load(cls, *, config: str | Path | None = None, env: dict[str, str] | None = None,
             **flags: Any) -> Settings:
        """Defaults, then ``config`` (TOML, table ``[eventdesk]`` or top level), then
        ``EVENTDESK_*`` variables, then the flags that are not None."""
        values: dict[str, Any] = {}
        if config:
            try:
                data = tomllib.loads(Path(config).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{config}: cannot read settings: {exc}") from exc
            values.update(data.get("eventdesk", data))
        env = os.environ if env is None else env
        for name in SETTINGS_HELP:
            key = f"EVENTDESK_{name.upper()}"
            if key in env:
                values[name] = env[key]
        values.update({k: v for k, v in flags.items() if v is not None})
        unknown = set(values) - set(SETTINGS_HELP)
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**{k: _coerce(k, v) for k, v in values.items()})


def _coerce(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if not isinstance(value, str):
        return value
    if kind == "bool":
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{name}: expected true/false, got {value!r}")
    if kind == "int":
        try:
            return int(value)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected a number, got {value!r}") from exc
    if kind == "float":
        try:
            return float(value)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected a number, got {value!r}") from exc
    return value
