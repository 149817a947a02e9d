"""The claims step: what the article says about each field of each of its events, and how (in its
own voice, attributed to a named speaker, doubted, denied, or stated as unknown; ``read``)."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.claims.read import claims_of_article

__all__ = ["read_claims"]


def read_claims(doc: ArticleDoc, services) -> ArticleDoc:
    events = doc.result.events
    claims = claims_of_article(doc.reading.text, events, doc.sentences, services.actors)
    with_claims = tuple(replace(m, claims=c) for m, c in zip(events, claims, strict=True))
    return replace(doc, result=replace(doc.result, events=with_claims))
