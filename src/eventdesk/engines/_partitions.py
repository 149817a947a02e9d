"""Partitions of the input and their result files.

A partition is a run of consecutive articles of the input (``partition_size`` of them), named by
a *key*: a hash of what decides its results (the pipeline version, a content hash of the rules,
data, code and model, with the versions it is made of; the settings the stages read; and each
article's id, origin, metadata and content hash), so a changed rule never reuses a stale file. Its results
go to one Parquet file, ``part-<key>.parquet`` in the work folder, written whole or not at all
(written to a temporary name, then renamed). A rerun that finds the file does not compute the
partition again.

A result file holds one row per article the partition computed, in input order: the encoded
``ArticleResult`` (see ``_codec``) or, for an article a stage failed on, the reason. Its schema
metadata records the key, the pipeline version of the worker that computed it and the content
hashes of the partition's articles that were already done when it was computed (and so left out of it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventdesk.engines._codec import decode_result, encode_result
from eventdesk.model import Article, ArticleResult, Skipped
from eventdesk.settings import Settings
from eventdesk.versions import Versions

__all__ = ["Partition", "Task", "PartitionFile", "partitions", "settings_salt", "services_key", "work_folder",
           "encode_file", "read_file", "read_meta", "write_atomic", "remove_stale"]

_META = b"eventdesk"
_STALE_AFTER_S = 3600  # a temporary file this old was left by a killed run


@dataclass(frozen=True)
class Partition:
    index: int  # position in the input, from 0
    key: str
    articles: tuple[Article, ...]

    @property
    def file_name(self) -> str:
        return f"part-{self.key[:24]}.parquet"


@dataclass(frozen=True)
class Task:
    """What a worker gets: the partition's articles not already stored, and which loaded services
    (``services_key``) run them."""

    index: int
    key: str
    file_name: str
    articles: tuple[Article, ...]
    omitted: tuple[str, ...]  # content hashes of the partition's articles already in the store
    services_key: str
    pipeline_version: str = ""  # the driver's: a worker with another one refuses the task


@dataclass(frozen=True)
class PartitionFile:
    key: str
    pipeline_version: str
    omitted: tuple[str, ...]
    items: tuple[ArticleResult | Skipped, ...]  # in input order, without the known ones
    known: int = 0  # results not decoded because their article was already stored


def work_folder(settings: Settings) -> Path:
    return Path(settings.work_dir) if settings.work_dir else Path(f"{settings.db}.work")


def settings_salt(settings: Settings, versions: Versions) -> str:
    """What, besides the articles, decides a partition's results."""
    return json.dumps({
        "pipeline": versions.pipeline,
        "versions": versions.as_dict(),
        "default_country": settings.default_country,
        "max_fatalities": settings.max_fatalities,
        "limits": _stage_limits(settings),
        "events": _canonical(settings.events),
    }, sort_keys=True)


def services_key(settings: Settings) -> str:
    """Which loaded services a run needs on a worker: those loaded with the same settings."""
    text = json.dumps([settings.cache_dir, settings.default_country, settings.batch_size,
                       settings.max_fatalities, _stage_limits(settings), _canonical(settings.events)], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stage_limits(settings: Settings) -> list[object]:
    """The limits the stages apply on the workers (which articles and sentences they skip)."""
    return [settings.max_article_chars, settings.max_sentence_chars, settings.article_timeout]


def _canonical(value: object) -> object:
    """The same JSON-ready value in every process (``repr`` of a set is not: hash seeds differ)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    return value


def _identity(article: Article) -> list[object]:
    return [article.id, article.kind, article.origin, article.content_hash, _iso(article.published),
            _iso(article.published_time), article.outlet, article.url, article.title, article.language]


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def partitions(items: Iterable[Article | Skipped], size: int, salt: str, counts: Counter,
               skipped: list[Skipped], *, start: int = 0, seen: set[str] | None = None) -> Iterator[Partition]:
    """Cut the input into partitions of ``size`` articles, numbered from ``start``. Unreadable inputs
    go to ``skipped``; an article whose content already came earlier (``seen``) is counted as a
    duplicate and left out (as the local engine does), so no two partitions hold the same content."""
    seen = set() if seen is None else seen
    batch: list[Article] = []
    index = start
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        counts["read"] += 1
        if item.content_hash in seen:
            counts["duplicate"] += 1
            continue
        seen.add(item.content_hash)
        batch.append(item)
        if len(batch) >= size:
            yield _partition(index, batch, salt)
            index += 1
            batch = []
    if batch:
        yield _partition(index, batch, salt)


def _partition(index: int, articles: list[Article], salt: str) -> Partition:
    digest = hashlib.sha256(salt.encode())
    for article in articles:
        digest.update(json.dumps(_identity(article)).encode())
    return Partition(index, digest.hexdigest(), tuple(articles))


def encode_file(task: Task, items: list[ArticleResult | Skipped], pipeline_version: str) -> bytes:
    """The Parquet bytes of a partition's result file (built on the worker, whose services extract
    with ``pipeline_version``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = {"position": [], "article_id": [], "origin": [], "content_hash": [], "result": [], "skipped": []}
    for position, (article, item) in enumerate(zip(task.articles, items, strict=True)):
        rows["position"].append(position)
        rows["article_id"].append(article.id)
        rows["origin"].append(article.origin)
        rows["content_hash"].append(article.content_hash)
        rows["result"].append(encode_result(item) if isinstance(item, ArticleResult) else None)
        rows["skipped"].append(item.reason if isinstance(item, Skipped) else None)
    schema = pa.schema([
        ("position", pa.int32()), ("article_id", pa.string()), ("origin", pa.string()),
        ("content_hash", pa.string()), ("result", pa.large_string()), ("skipped", pa.string()),
    ], metadata={_META: json.dumps({"key": task.key, "pipeline_version": pipeline_version,
                                    "omitted": list(task.omitted)}).encode()})
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(rows, schema=schema), sink, compression="zstd")
    return sink.getvalue().to_pybytes()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, then rename: a reader (or a rerun after a
    crash) sees the whole file or none."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def read_meta(path: Path) -> dict | None:
    """The file's metadata, or ``None`` when it is missing or unreadable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
        return json.loads(meta[_META])
    except (OSError, KeyError, ValueError, pa.ArrowException):
        return None


def read_file(path: Path, known: Callable[[str], bool] = lambda content_hash: False) -> PartitionFile:
    """A result file, rows in input order (raises ``OSError`` / ``pyarrow.ArrowException``).

    Results whose content hash is ``known`` (already stored) are counted in ``known``, not decoded:
    a rerun over a large finished corpus reads the hashes, not every result."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    meta = json.loads((table.schema.metadata or {})[_META])
    items: list[ArticleResult | Skipped] = []
    skipped_known = 0
    for row in sorted(table.to_pylist(), key=lambda r: r["position"]):
        if row["result"] is None:
            items.append(Skipped(row["origin"], row["skipped"] or "unknown reason"))
        elif known(row["content_hash"]):
            skipped_known += 1
        else:
            items.append(decode_result(row["result"]))
    return PartitionFile(meta["key"], meta["pipeline_version"], tuple(meta["omitted"]), tuple(items), skipped_known)


def remove_stale(folder: Path) -> None:
    """Temporary files left by a killed run (older than an hour: a live run renames its own)."""
    now = time.time()
    for tmp in folder.glob(".part-*.tmp-*"):
        try:
            if now - tmp.stat().st_mtime > _STALE_AFTER_S:
                tmp.unlink()
        except OSError:
            continue
