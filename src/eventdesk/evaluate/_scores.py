"""What every gold adapter shares: field tallies, grouping, the report, one-to-one matching."""


from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.errors import EvalError
from eventdesk.gazetteer._geo import km
from eventdesk.ingest import content_hash
from eventdesk.model import Article, ArticleResult, EventMention, Skipped

__all__ = ["FieldScore", "EvalReport", "Grouping", "Runner", "normalise_actor", "km", "match", "one_to_one", "fold",
           "read_gold", "article"]

_YEARS = re.compile(r"\s*\((\d{4})?-(\d{4})?\)")


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Grouping:
    """How to break the figures down: by the value of a gold ``column``, or, with ``value``, into the
    rows that have it and the ``other`` rows ("country=Kenya")."""

    column: str
    value: str | None = None

    @classmethod
    def parse(cls, spec: str) -> Grouping:
        column, _, value = spec.partition("=")
        if not column.strip():
            raise EvalError(f"--by {spec!r}: expected COLUMN or COLUMN=VALUE")
        return cls(column.strip(), value.strip() or None)

    def key(self, row: dict[str, str]) -> str:
        got = row.get(self.column, "")
        if self.value is None:
            return got or "(empty)"
        return self.value if got.lower() == self.value.lower() else "other"


@dataclass
class EvalReport:
    kind: str
    rows: int
    articles: int
    matched: int
    fields: dict[str, FieldScore]
    extra: dict[str, FieldScore] = field(default_factory=dict)
    errors_path: str = ""
    skipped: list[Skipped] = field(default_factory=list)
    by: str = ""
    groups: dict[str, dict[str, FieldScore]] = field(default_factory=dict)

    def add(self, group: str | None, checks: dict[str, bool]) -> None:
        """Count one gold row's field checks, overall and in its group."""
        tallies = [self.fields] + ([self.groups.setdefault(group, {f: FieldScore() for f in self.fields})]
                                   if group is not None else [])
        for scores in tallies:
            for f, ok in checks.items():
                scores[f].total += 1
                scores[f].correct += ok

    def as_dict(self) -> dict:
        out = {
            "kind": self.kind,
            "rows": self.rows,
            "articles": self.articles,
            "rows_with_event": self.matched,
            "accuracy": {k: round(v.accuracy, 4) for k, v in self.fields.items()},
            "extra": {k: {"accuracy": round(v.accuracy, 4), "rows": v.total} for k, v in self.extra.items()},
            "errors_file": self.errors_path,
        }
        if self.by:
            ordered = sorted(self.groups.items(), key=lambda kv: (-_rows(kv[1]), kv[0]))
            out["by"] = self.by
            out["groups"] = {g: {"rows": _rows(sc), "accuracy": {k: round(v.accuracy, 4) for k, v in sc.items()}}
                             for g, sc in ordered}
            # every group weighs the same: a field that holds only in the largest group shows here
            out["macro_average"] = {k: round(sum(sc[k].accuracy for _, sc in ordered) / len(ordered), 4)
                                    for k in self.fields} if ordered else {}
        return out


def _rows(scores: dict[str, FieldScore]) -> int:
    return next(iter(scores.values())).total if scores else 0


def normalise_actor(name: str | None) -> str:
    """ACLED names without the regime years ("Police Forces of Kenya (2013-)" -> "police forces of kenya")."""
    if not name:
        return ""
    return _YEARS.sub("", name).strip().lower()


Runner = Callable[[Sequence[Article]], Iterable[ArticleResult | Skipped]]


def read_gold(path: str | Path, required: set[str]) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc}") from exc
    if not rows:
        raise EvalError(f"{path}: no rows")
    missing = required - set(rows[0])
    if missing:
        raise EvalError(f"{path}: missing columns {sorted(missing)}")
    return rows


def article(aid: str, text: str, published: dt.date | None, origin: str) -> Article:
    return Article(id=aid, raw=text, kind="text", origin=origin, content_hash=content_hash(text),
                   published=published)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", s)


def match(gold: list[dict[str, str]], events: list[EventMention], checks) -> list[tuple[dict, EventMention | None]]:
    """Greedy one-to-one matching by the number of agreeing fields."""
    paired = one_to_one((sum(checks(g, e).values()), gi, ei)
                        for gi, g in enumerate(gold) for ei, e in enumerate(events))
    return [(g, events[paired[gi]] if gi in paired else None) for gi, g in enumerate(gold)]


def one_to_one(pairs, maximum: bool = False) -> dict[int, int]:
    """Greedy one-to-one pairing of ``(score, i, j)`` triples, best score first (then lowest ``i``,
    ``j``): each ``i`` with the ``j`` it is paired with. With ``maximum``, the greedy pairing is then
    grown along augmenting paths until no more ``i`` can be paired (a maximum matching): a best-scored
    pair never leaves another ``i`` unpaired when its ``j`` had another ``i`` it could go to."""
    pairs = sorted(pairs, key=lambda t: (-t[0], t[1], t[2]))
    used_j: dict[int, int] = {}
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i in out or j in used_j:
            continue
        used_j[j] = i
        out[i] = j
    if not maximum:
        return out
    options: dict[int, list[int]] = {}
    for _, i, j in pairs:  # each i's partners, best score first
        options.setdefault(i, []).append(j)

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in used_j or augment(used_j[j], seen):
                used_j[j], out[i] = i, j
                return True
        return False

    for i in sorted(options):
        if i not in out:
            augment(i, set())
    return out


