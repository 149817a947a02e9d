"""The ordered per-article steps and the runner.

The text stages (``stages/``: clean, metadata, sentences, fingerprint, parse) and then the
extraction components (``extract/``), each declaring the layers of the article's document it needs
and adds (``eventdesk.document``); the order is checked when the pipeline is built, not when an
article fails halfway. Steps work on a batch of articles so the one expensive step, the spaCy parse
of the event sentences, runs as one ``nlp.pipe`` call per batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
import re
from dataclasses import dataclass, replace

from eventdesk.document import ArticleDoc, Stage, check_order, each
from eventdesk.extract import COMPONENTS
from eventdesk.fuse.syndication import signature
from eventdesk.errors import InputError, LimitError, limit_reason
from eventdesk.model import Article, ArticleResult, CleanArticle, Rejection, Skipped, Span
from eventdesk.services import Services
from eventdesk.extract.trigger.classify import has_cue
from eventdesk.stages.clean import clean
from eventdesk.stages.metadata import publication_date
from eventdesk.stages.sentences import split_sentences

__all__ = ["ArticleDoc", "Stage", "Pipeline", "STAGES", "TEXT_STAGES", "check_order"]

# The pipeline version (a content hash of the rules, data, code and model these stages run with) is
# ``Services.versions.pipeline``, computed by ``eventdesk.versions``.


def _clean(d: ArticleDoc, services: Services) -> ArticleDoc:
    cleaned = clean(d.article)
    _check_cleaned(cleaned, services.settings.max_article_chars)
    return replace(d, clean=cleaned)


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script


def _check_cleaned(cleaned: CleanArticle, max_chars: int) -> None:
    """Whether an article is empty is judged on its cleaned text too: a page of tags, site chrome or
    invisible characters (zero-width spaces) leaves nothing to read, and is skipped, not stored.
    A cleaned text longer than ``max_chars`` is skipped before the sentence and event stages."""
    origin = cleaned.article.origin
    if _LETTER.search(cleaned.text) is None:
        dropped = f"; cleaning dropped {len(cleaned.dropped)} blocks" if cleaned.dropped else ""
        raise InputError(origin, f"empty article: no letters left after cleaning{dropped}")
    if len(cleaned.text) > max_chars:
        raise LimitError(origin, f"cleaned text of {len(cleaned.text):,} characters is longer than the limit of "
                                 f"{max_chars:,}", "max_article_chars")


def _casing(d: ArticleDoc, services: Services) -> ArticleDoc:
    """The text as extraction reads it: the cleaned text, with wire copy in capitals and bodies in
    lower case recased (``stages/casing.py``); the same length, so spans hold in both."""
    text = d.clean.text if services.recaser is None else services.recaser.recase(d.clean.text)
    return replace(d, reading=d.clean if text == d.clean.text else replace(d.clean, text=text))


def _metadata(d: ArticleDoc, services: Services) -> ArticleDoc:
    return replace(d, publication=publication_date(d.clean, services.outlets))


def _sentences(d: ArticleDoc, services: Services) -> ArticleDoc:
    """The sentences and their trigger words. A sentence longer than ``max_sentence_chars`` (a table
    or a list with no full stop, or hostile input: spaCy refuses a text over its ``max_length``,
    and the event components slow down on one huge sentence) keeps no trigger words, so it is neither
    parsed nor read for events, and the article's rejections say why."""
    sentences = split_sentences(d.reading.text, d.clean.id, services.triggers)
    limit = services.settings.max_sentence_chars
    long = {x.span for x in sentences if x.triggers and x.span.end - x.span.start > limit}
    if not long:
        return replace(d, sentences=sentences)
    notes = tuple(Rejection(span, limit_reason(f"sentence of {span.end - span.start:,} characters is longer than "
                                               f"the limit of {limit:,}: not parsed, not read for events",
                                               "max_sentence_chars"))
                  for span in sorted(long))
    sentences = tuple(replace(x, triggers=()) if x.span in long else x for x in sentences)
    return replace(d, sentences=sentences, notes=d.notes + notes)


def _parse(docs: Sequence[ArticleDoc], services: Services) -> list[ArticleDoc]:
    """Parse, in one ``nlp.pipe`` call for the whole batch, only the sentences that need it: those
    with trigger vocabulary that the (regex) classifier can give an ACLED type. The others never
    reach the statistical pipeline; an untyped trigger sentence can still add detail to a
    neighbouring event without a parse."""
    todo = []
    for i, d in enumerate(docs):
        if d.error:
            continue
        for sent in d.sentences:
            if sent.triggers and has_cue(d.reading.text[sent.span.start : sent.span.end]):
                todo.append((i, sent.span))
    texts = [docs[i].reading.text[span.start : span.end] for i, span in todo]
    parsed = services.nlp.parse(texts)
    per: list[dict[Span, object]] = [{} for _ in docs]
    for (i, span), parse in zip(todo, parsed):
        per[i][span] = parse
    return [replace(d, docs=per[i]) for i, d in enumerate(docs)]


def _fingerprint(d: ArticleDoc, services: Services) -> ArticleDoc:
    return replace(d, minhash=signature(d.clean.text))


TEXT_STAGES: tuple[Stage, ...] = (
    Stage("clean", frozenset({"article"}), frozenset({"clean"}), each(_clean)),
    Stage("casing", frozenset({"clean"}), frozenset({"reading"}), each(_casing)),
    Stage("metadata", frozenset({"clean"}), frozenset({"publication"}), each(_metadata)),
    Stage("sentences", frozenset({"reading"}), frozenset({"sentences"}), each(_sentences)),
    Stage("fingerprint", frozenset({"clean"}), frozenset({"minhash"}), each(_fingerprint)),
    Stage("parse", frozenset({"sentences", "reading"}), frozenset({"docs"}), _parse),
)
"""The text stages (``stages/``): the cleaned text, its publication date, sentences and parse."""

STAGES: tuple[Stage, ...] = TEXT_STAGES + COMPONENTS
"""Every per-article step: the text stages, then the extraction components (``extract/``)."""


@dataclass
class Pipeline:
    """Runs the per-article stages over batches of articles."""

    services: Services
    stages: tuple[Stage, ...] = STAGES
    batch_size: int = 64

    def __post_init__(self) -> None:
        check_order(self.stages)

    def run_batch(self, articles: Sequence[Article]) -> list[ArticleResult | Skipped]:
        docs = [ArticleDoc(a) for a in articles]
        for stage in self.stages:
            docs = stage.run_batch(docs, self.services)
        return [Skipped(d.article.origin, d.error) if d.error else d.result for d in docs]

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult | Skipped]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)
