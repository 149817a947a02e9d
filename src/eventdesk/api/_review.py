"""Review routes: an analyst confirms an event, corrects fields, merges events or splits one.

Writes need the write token (like every write); the body names the reviewer and why, and each
action is stored as an audit entry. ``GET /api/events/{id}/reviews`` lists the trail and the
event's reports (mention ids), which a split names.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from eventdesk import review
from eventdesk.api._models import ErrorBody, EventRow
from eventdesk.api._state import ApiState, api_state
from eventdesk.api._write import require_writer
from eventdesk.export import event_row
from eventdesk.store import Store

__all__ = ["reads", "writes"]

State = Annotated[ApiState, Depends(api_state)]
ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorBody, "description": "no or wrong write token, or the server is read-only"},
    404: {"model": ErrorBody, "description": "no such event"},
    422: {"model": ErrorBody, "description": "an unknown field, a bad value, or a split that does not cover the event"},
}


class _Signed(BaseModel):
    reviewer: str = Field(min_length=1, max_length=200, description="who reviews (recorded in the audit trail)")
    why: str = Field(min_length=1, max_length=2000, description="the reason, recorded in the audit trail")


class CorrectIn(_Signed):
    fields: dict[str, Any] = Field(description="export column -> reviewed value, e.g. {\"fatalities\": 9}")


class MergeIn(_Signed):
    event_ids: list[str] = Field(min_length=2, description="the events that are one real-world event")


class SplitIn(_Signed):
    groups: list[list[str]] = Field(min_length=2, description="the event's report (mention) ids, one list per event")


class ReviewEntry(BaseModel):
    seq: int
    at: str
    reviewer: str
    action: str
    event_id: str
    field: str | None
    before: Any
    after: Any
    why: str


class ReviewTrail(BaseModel):
    event_id: str
    mentions: list[dict[str, str]] = Field(description="the event's reports: {id, article_id}")
    reviews: list[ReviewEntry]


reads = APIRouter(prefix="/api", tags=["review"])
writes = APIRouter(prefix="/api", tags=["review"], dependencies=[Depends(require_writer)])


@reads.get("/events/{event_id}/reviews", response_model=ReviewTrail, responses={404: ERRORS[404]},
           summary="The event's audit trail and its reports (mention ids)")
def trail(state: State, event_id: str) -> dict[str, Any]:
    with Store.open(state.settings.db) as store:
        eid = store.event(event_id).event_id
        members = sorted(store.members_of([eid])[eid])
    entries = review.history(state.settings, eid)
    return {
        "event_id": eid,
        "mentions": [{"id": m, "article_id": m.rsplit("#", 1)[0]} for m in members],
        "reviews": [{**vars(r), "at": r.at.isoformat()} for r in entries],
    }


@writes.post("/events/{event_id}/review", response_model=EventRow, responses=ERRORS,
             summary="Correct fields of an event (kept over every re-run of the pipeline)")
def correct(state: State, event_id: str, body: CorrectIn) -> dict[str, Any]:
    with state.write_lock:
        return event_row(review.correct(state.settings, event_id, body.fields, reviewer=body.reviewer, why=body.why))


@writes.post("/events/{event_id}/confirm", response_model=EventRow, responses=ERRORS, summary="Confirm an event")
def confirm(state: State, event_id: str, body: _Signed) -> dict[str, Any]:
    with state.write_lock:
        return event_row(review.confirm(state.settings, event_id, reviewer=body.reviewer, why=body.why))


@writes.post("/events/merge", response_model=EventRow, responses=ERRORS, summary="Merge events into one")
def merge(state: State, body: MergeIn) -> dict[str, Any]:
    with state.write_lock:
        return event_row(review.merge(state.settings, body.event_ids, reviewer=body.reviewer, why=body.why))


@writes.post("/events/{event_id}/split", response_model=list[EventRow], responses=ERRORS,
             summary="Split an event into several, by its reports")
def split(state: State, event_id: str, body: SplitIn) -> list[dict[str, Any]]:
    with state.write_lock:
        parts = review.split(state.settings, event_id, body.groups, reviewer=body.reviewer, why=body.why)
    return [event_row(e) for e in parts]
