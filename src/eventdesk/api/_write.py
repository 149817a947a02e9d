"""Write routes: new articles through the real pipeline and fusion. Each needs the write token
(``Authorization: Bearer ...``); ``RequestGuard`` refuses a write without it before the body is
read, and ``require_writer`` checks again and documents the scheme in the OpenAPI schema."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from eventdesk import queries as lib
from eventdesk.api._guard import token_problem
from eventdesk.api._models import ErrorBody, IngestOut, IngestRequest
from eventdesk.api._state import ApiState, api_state
from eventdesk.export import event_row

__all__ = ["require_writer", "router"]

_bearer = HTTPBearer(auto_error=False, description="the server's write_token")


def require_writer(state: Annotated[ApiState, Depends(api_state)],
                   credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    header = None if credentials is None else f"{credentials.scheme} {credentials.credentials}"
    problem = token_problem(state.settings.write_token, header)
    if problem:
        raise HTTPException(403, problem)


router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_writer)])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "no articles, or a 'path' record"},
    403: {"model": ErrorBody, "description": "no or wrong write token, or the server is read-only"},
    413: {"model": ErrorBody, "description": "body larger than max_request_bytes"},
    422: {"model": ErrorBody, "description": "malformed body"},
}


@router.post("/articles", response_model=IngestOut, responses=ERRORS,
             summary="Run the pipeline and fusion on new articles (needs the write token)")
def post_articles(state: Annotated[ApiState, Depends(api_state)], body: IngestRequest) -> dict[str, Any]:
    services = state.services.get()
    with state.write_lock:
        result = lib.ingest_records(body.articles, state.settings, services)
    s = result.report.summary
    return {
        "summary": {
            "run_id": result.report.run_id, "read": s.articles_read, "new": s.articles_new,
            "duplicate": s.articles_duplicate,
            "skipped": [{"origin": k.origin, "reason": k.reason} for k in s.skipped],
            "events": s.events, "rejections": s.rejections, "events_total": result.report.events_total,
            "limits": dict(s.limits),
        },
        "article_ids": list(result.article_ids),
        "events": [event_row(e) for e in result.events],
    }
