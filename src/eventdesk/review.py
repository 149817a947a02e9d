"""Analysts correct the machine: confirm an event, correct fields, merge events, split one.

Each function is one library call the CLI and the HTTP API share. Corrections are stored apart from
what the pipeline computes and laid over it on every write, so re-running the pipeline never
overwrites them; merges and splits become must / cannot links that fusion obeys; every action
leaves an audit entry (who, when, what, before, after, why).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

from eventdesk.app import fuse_new
from eventdesk.errors import ReviewError
from eventdesk.model import Event
from eventdesk.settings import Settings
from eventdesk.store import Store

__all__ = ["correct", "confirm", "merge", "split", "history"]


def _who(reviewer: str, why: str) -> None:
    if not reviewer.strip():
        raise ReviewError("a review needs the reviewer's name")
    if not why.strip():
        raise ReviewError("a review needs a reason (why)")


def correct(settings: Settings, event_id: str, fields: Mapping[str, Any], *, reviewer: str, why: str) -> Event:
    """Set reviewed values for ``fields`` (export column names) of one event."""
    _who(reviewer, why)
    if not fields:
        raise ReviewError("no fields to correct")
    with Store.open(settings.db) as store:
        return store.review_fields(store.resolve(event_id), dict(fields), reviewer=reviewer, why=why)


def confirm(settings: Settings, event_id: str, *, reviewer: str, why: str = "confirmed") -> Event:
    _who(reviewer, why)
    with Store.open(settings.db) as store:
        return store.confirm(store.resolve(event_id), reviewer=reviewer, why=why)


def merge(settings: Settings, event_ids: Sequence[str], *, reviewer: str, why: str) -> Event:
    """Make several events one: every pair of their reports is linked as the same event."""
    _who(reviewer, why)
    if len(set(event_ids)) < 2:
        raise ReviewError("merge needs at least two different events")
    with Store.open(settings.db) as store:
        ids = [store.resolve(e) for e in event_ids]
        groups = [sorted(store.members_of([e])[e]) for e in ids]
        if any(not g for g in groups):
            raise ReviewError(f"cannot merge: {ids[[bool(g) for g in groups].index(False)]!r} has no reports")
        head = groups[0][0]
        everyone = [m for g in groups for m in g]
        pairs = list(combinations(everyone, 2))  # every pair: overrides any earlier split between them
        store.link_mentions(pairs, "must", reviewer=reviewer, why=why, event_id=ids[0], action="merge",
                            detail={"events": ids})
        fuse_new(store, [m for g in groups for m in g])
        return store.event(store.events_of([head])[head])


def split(settings: Settings, event_id: str, groups: Sequence[Sequence[str]], *, reviewer: str, why: str
          ) -> list[Event]:
    """Split one event into the given groups of its report (mention) ids, which must cover it."""
    _who(reviewer, why)
    with Store.open(settings.db) as store:
        eid = store.resolve(event_id)
        members = store.members_of([eid])[eid]
        given = [m for g in groups for m in g]
        if len(groups) < 2 or any(not g for g in groups):
            raise ReviewError("split needs at least two non-empty groups of report ids")
        if sorted(given) != sorted(members):
            raise ReviewError(f"the groups must list each report of {eid} exactly once: {sorted(members)}")
        cannot = [(a, b) for i, g in enumerate(groups) for h in groups[i + 1:] for a in g for b in h]
        must = [(g[0], m) for g in groups for m in g[1:]]
        store.link_mentions(cannot, "cannot", reviewer=reviewer, why=why, event_id=eid, action="split",
                            detail={"groups": [list(g) for g in groups]})
        store.link_mentions(must, "must", reviewer=reviewer, why=why, event_id=eid, action=None)
        fuse_new(store, given)
        owners = store.events_of([g[0] for g in groups])
        return [store.event(owners[g[0]]) for g in groups]


def history(settings: Settings, event_id: str | None = None) -> list:
    """The audit trail (of one event, or all), oldest first."""
    with Store.open(settings.db) as store:
        return store.reviews(None if event_id is None else store.resolve(event_id))
