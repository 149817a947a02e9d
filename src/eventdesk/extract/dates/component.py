"""The dates step: the day of each event sentence reported as fact (``resolve``: absolute dates,
weekdays, "yesterday", "one day after ...", never after publication). Read in text order: a
sentence may refer to the date of the event before it ("the same day")."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.dates.resolve import DateResolver
from eventdesk.model import Span

__all__ = ["read_dates"]


def read_dates(doc: ArticleDoc, services) -> ArticleDoc:
    text, publication = doc.reading.text, doc.publication
    resolver = DateResolver(publication.date, publication.order or "DMY")
    dates = {}
    previous = None
    for sentence in doc.event_sentences():
        span = sentence.span
        c = doc.triggers.get(span)
        if c is None or doc.verdicts.get(span):
            continue
        trigger = Span(span.article_id, span.start + c.start, span.start + c.end)
        date = resolver.resolve(text, span, previous=previous, anchors=doc.context.anchors, trigger=trigger)
        dates[span] = date
        previous = date or previous
    return replace(doc, dates=dates)
