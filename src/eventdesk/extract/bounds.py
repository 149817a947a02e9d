"""The last per-article check: every value stored is one that every later step can process.

Dates must lie in ``[EARLIEST_DATE, LATEST_DATE]`` (fusion and the store do date arithmetic, and a
year-9999 date or year 1 date broke them), a death toll must lie in ``[0, max_fatalities]`` (a
twenty-digit "toll" overflowed SQLite's integer and lost the whole storage batch). A value out of
range is not stored raw and not silently dropped: the field becomes unknown and its ``how`` says
why, and a claim that carries such a value is left out of the ledger with the same reason recorded
on the mention's field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from eventdesk.model import (
    EARLIEST_DATE,
    LATEST_DATE,
    ArticleResult,
    Claim,
    EventMention,
    Fatalities,
    PublicationDate,
    Rejection,
    date_in_range,
)

__all__ = ["bound_result", "bound"]


def bound_result(result: ArticleResult, max_fatalities: int) -> ArticleResult:
    """``result`` with every out-of-range date or toll made unknown, each with its reason (a toll's
    in its ``how``, a date's as a rejection of the sentence it was read from)."""
    publication = result.publication
    notes: list[Rejection] = []
    if publication.date is not None and not date_in_range(publication.date):
        publication = PublicationDate(None, "none", f"{publication.how} date {publication.date.isoformat()} "
                                      f"out of range {_RANGE}: not used", publication.order)
    events = []
    for m in result.events:
        bounded, why = _bound_mention(m, max_fatalities)
        events.append(bounded)
        notes.extend(why)
    if publication is result.publication and not notes and all(a is b for a, b in zip(events, result.events)):
        return result
    return replace(result, publication=publication, events=tuple(events),
                   rejections=result.rejections + tuple(notes))


_RANGE = f"{EARLIEST_DATE.isoformat()}..{LATEST_DATE.isoformat()}"


def _bound_mention(m: EventMention, max_fatalities: int) -> tuple[EventMention, list[Rejection]]:
    changes: dict[str, object] = {}
    notes: list[Rejection] = []
    if m.date is not None and not date_in_range(m.date.date):
        changes["date"] = None
        span = m.date.span or (m.sentences[0] if m.sentences else None)
        if span is not None:
            notes.append(Rejection(span, f"date {m.date.date.isoformat()} out of range {_RANGE}: "
                                         "the event is kept without a date"))
    f = m.fatalities
    numbers = [n for n in (f.best, f.low, f.high) if n is not None]
    if any(n < 0 or n > max_fatalities for n in numbers):
        changes["fatalities"] = Fatalities(
            0, None, None, f.span,
            f"toll out of range ({max(numbers):,} is more than one event's; setting max_fatalities "
            f"{max_fatalities:,}): not read")
    claims = tuple(c for c in m.claims if _claim_in_range(c, max_fatalities))
    if len(claims) != len(m.claims):
        changes["claims"] = claims
        notes.extend(Rejection(c.span, f"claim {c.field}={c.value[:30]!r} out of range: left out of the ledger")
                     for c in m.claims if not _claim_in_range(c, max_fatalities))
    return (replace(m, **changes) if changes else m), notes


def _claim_in_range(claim: Claim, max_fatalities: int) -> bool:
    if claim.field == "fatalities" and claim.value:
        return claim.value.isdigit() and len(claim.value) <= 12 and int(claim.value) <= max_fatalities
    if claim.field == "event_date" and claim.value:
        try:
            return date_in_range(dt.date.fromisoformat(claim.value))
        except ValueError:
            return False
    return True


def bound(doc, services):
    """The bounds step: every date and toll of the result in range before anything is stored."""
    from dataclasses import replace as _replace

    return _replace(doc, result=bound_result(doc.result, services.settings.max_fatalities))
