"""What a fusion pass changed: events created, reports attached, events merged, split or retired.

``diff`` compares the events that held a set of mentions before a pass with the events that hold
them after it, by membership alone, so it is a pure function a test can check exhaustively.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["diff"]

Members = Mapping[str, frozenset[str]]


def diff(before: Members, after: Members) -> list[tuple[str, str, dict]]:
    """``(kind, event_id, detail)`` entries, in event id order within each kind.

    - ``created``: an event none of whose mentions belonged to an event before.
    - ``attached``: an event gained mentions (``detail["mentions"]``), no other event merged in.
    - ``merged``: an event took in the mentions of other events (``detail["from"]``).
    - ``split``: the mentions of an earlier event now sit in several events (``detail["into"]``).
    - ``retired``: an earlier id no longer names an event; ``detail["into"]`` is the event that
      holds most of its mentions (its alias from now on).
    """
    owner_before = {m: eid for eid, ms in before.items() for m in ms}
    out: list[tuple[str, str, dict]] = []
    for eid in sorted(after):
        members = after[eid]
        if before.get(eid) == members:
            continue
        prior = sorted({owner_before[m] for m in members if m in owner_before})
        fresh = sorted(m for m in members if m not in owner_before)
        if not prior:
            out.append(("created", eid, {"mentions": sorted(members)}))
        elif len(prior) > 1 or prior[0] != eid:
            out.append(("merged", eid, {"from": prior, "mentions": fresh}))
        elif fresh:
            out.append(("attached", eid, {"mentions": fresh}))
    owner_after = {m: eid for eid, ms in after.items() for m in ms}
    for eid in sorted(before):
        now = sorted({owner_after[m] for m in before[eid] if m in owner_after})
        if len(now) > 1:
            out.append(("split", eid, {"into": now}))
        if eid not in after:
            counts = {e: sum(1 for m in before[eid] if owner_after.get(m) == e) for e in now}
            into = max(sorted(counts), key=lambda e: counts[e]) if counts else ""
            out.append(("retired", eid, {"into": into}))
    return out
