"""The assembly step: the article's event mentions from its layers (``events``), with the
rejected event-like sentences and their reasons, as the article's result."""

from __future__ import annotations

from dataclasses import replace

from eventdesk.document import ArticleDoc
from eventdesk.extract.assembly.events import assemble_events
from eventdesk.model import ArticleResult

__all__ = ["assemble"]


def assemble(doc: ArticleDoc, services) -> ArticleDoc:
    events, rejections = assemble_events(doc, services.settings.events, getattr(services, "undated_news", None))
    result = ArticleResult(doc.clean, doc.publication, doc.sentences, events, doc.notes + rejections, doc.minhash)
    return replace(doc, result=result, docs={})
