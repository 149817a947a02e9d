"""``ArticleResult`` <-> JSON text, for the per-partition result files.

Generic over the model's frozen dataclasses, guided by their type hints, so a field added to the
model later is carried without touching this module. Lossless: ``decode_result(encode_result(r))
== r`` (tuples stay tuples, ``None`` stays apart from ``""``, dates and datetimes as ISO text with
their offset, bytes as base64).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Callable
from typing import Any

from eventdesk.model import ArticleResult

__all__ = ["encode_result", "decode_result", "to_plain", "from_plain"]


def encode_result(result: ArticleResult) -> str:
    return json.dumps(to_plain(result), ensure_ascii=False, separators=(",", ":"))


def decode_result(text: str) -> ArticleResult:
    return from_plain(ArticleResult, json.loads(text))


def to_plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready lists, dicts and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dt.date):  # datetime too (a subclass)
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        raise TypeError("dict fields are not part of ArticleResult; extend the codec first")
    return value


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a type hint) from what ``to_plain`` made of it."""
    return _decoder(kind)(data)


def _same(data: Any) -> Any:
    return data


@functools.cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of type ``kind``, made once per type (decoding is on the
    driver's path for every article of a large run)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        arms = [arm for arm in typing.get_args(kind) if arm is not type(None)]
        if len(arms) != 1:
            raise TypeError(f"cannot decode the union {kind}")
        arm = _decoder(arms[0])
        return lambda data: None if data is None else arm(data)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _same:
                return tuple
            return lambda data: tuple([item(x) for x in data])
        items = [_decoder(arg) for arg in args]
        return lambda data: tuple([f(x) for f, x in zip(items, data, strict=True)])
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        parts = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind) if f.init]
        return lambda data: kind(**{name: part(data[name]) for name, part in parts})
    if kind is dt.datetime:
        return dt.datetime.fromisoformat
    if kind is dt.date:
        return dt.date.fromisoformat
    if kind is bytes:
        return base64.b64decode
    if kind is float:
        return lambda data: float(data) if isinstance(data, int) else data
    return _same
