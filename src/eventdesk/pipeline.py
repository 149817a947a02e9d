"""The ordered per-article stages and the runner.

Each stage declares what it needs and what it adds (like spaCy components' requires/assigns); the
order is checked when the pipeline is built, not when an article fails halfway. Stages work on a
batch of articles so the one expensive step, the spaCy parse of trigger sentences, runs as one
``nlp.pipe`` call per batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from eventdesk import __version__
from eventdesk.errors import ArticleTimeout, ConfigError, EventdeskError, InputError, LimitError, limit_reason
from eventdesk.model import (
    Article,
    ArticleResult,
    CleanArticle,
    PublicationDate,
    Rejection,
    Sentence,
    Skipped,
    Span,
)
from eventdesk.services import Services
from eventdesk.fuse.syndication import signature
from eventdesk.stages.bounds import bound_result
from eventdesk.stages.claims import claims_of_article
from eventdesk.stages.classify import has_cue
from eventdesk.stages.clean import clean
from eventdesk.stages.context import build_context
from eventdesk.stages.events import extract_events
from eventdesk.stages.metadata import publication_date
from eventdesk.stages.sentences import split_sentences
from eventdesk.watchdog import Watchdog, thread_clock

__all__ = ["ArticleState", "Stage", "Pipeline", "PIPELINE_VERSION"]

PIPELINE_VERSION = __version__


@dataclass(frozen=True)
class ArticleState:
    """What is known about one article so far; each stage returns a new state."""

    article: Article
    clean: CleanArticle | None = None
    publication: PublicationDate | None = None
    sentences: tuple[Sentence, ...] = ()
    docs: dict[Span, object] = field(default_factory=dict)
    minhash: bytes = b""
    result: ArticleResult | None = None
    error: str = ""  # set when a stage failed on this article; later stages leave it alone
    notes: tuple[Rejection, ...] = ()  # sentences a limit kept from being read (max_sentence_chars)
    spent: float = 0.0  # CPU seconds its per-article stages took so far (article_timeout)


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run_batch: Callable[[Sequence[ArticleState], Services], list[ArticleState]]


def _each(fn: Callable[[ArticleState, Services], ArticleState]):
    """Apply a per-article stage; a failure on one article is recorded on it, never lost, and
    never stops the rest of the batch.

    Each article has ``article_timeout`` seconds of CPU time for all its per-article stages
    together: a watchdog stops a stage that runs past what is left (``eventdesk.watchdog``), and the
    article is skipped with the reason. Nothing of it is stored: storing comes after the stages."""

    def run(states: Sequence[ArticleState], services: Services) -> list[ArticleState]:
        out = []
        with Watchdog() as dog:
            for s in states:
                out.append(s if s.error else _run_one(fn, s, services, dog))
        return out

    return run


def _run_one(fn: Callable[[ArticleState, Services], ArticleState], s: ArticleState, services: Services,
             dog: Watchdog) -> ArticleState:
    stage = fn.__name__.strip("_")
    timeout = services.settings.article_timeout
    clock = thread_clock()
    start = clock()
    try:
        if timeout and s.spent >= timeout:
            raise ArticleTimeout
        with dog.limit(timeout - s.spent if timeout else None):
            done = fn(s, services)
    except ArticleTimeout:
        return replace(s, error=limit_reason(f"its stages took more than {timeout:g} s of CPU time "
                                             f"(stopped in the {stage} stage)", "article_timeout"))
    except InputError as exc:  # the article itself is the problem (empty, too large): its reason
        return replace(s, error=exc.reason)
    except EventdeskError as exc:
        return replace(s, error=str(exc))
    except Exception as exc:  # a bug on one article must not sink a long run: report it
        return replace(s, error=f"internal error in {stage}: {type(exc).__name__}: {exc}")
    return replace(done, spent=s.spent + clock() - start)


def _clean(s: ArticleState, services: Services) -> ArticleState:
    cleaned = clean(s.article)
    _check_cleaned(cleaned, services.settings.max_article_chars)
    return replace(s, clean=cleaned)


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


def _metadata(s: ArticleState, services: Services) -> ArticleState:
    return replace(s, publication=publication_date(s.clean, services.outlets))


def _sentences(s: ArticleState, services: Services) -> ArticleState:
    """The sentences and their trigger words. A sentence longer than ``max_sentence_chars`` (a table
    or a list with no full stop, or hostile input: spaCy refuses a text over its ``max_length``,
    and the event stages slow down on one huge sentence) keeps no trigger words, so it is neither
    parsed nor read for events, and the article's rejections say why."""
    sentences = split_sentences(s.clean.text, s.clean.id, services.triggers)
    limit = services.settings.max_sentence_chars
    long = {x.span for x in sentences if x.triggers and x.span.end - x.span.start > limit}
    if not long:
        return replace(s, sentences=sentences)
    notes = tuple(Rejection(span, limit_reason(f"sentence of {span.end - span.start:,} characters is longer than "
                                               f"the limit of {limit:,}: not parsed, not read for events",
                                               "max_sentence_chars"))
                  for span in sorted(long))
    sentences = tuple(replace(x, triggers=()) if x.span in long else x for x in sentences)
    return replace(s, sentences=sentences, notes=s.notes + notes)


def _parse(states: Sequence[ArticleState], services: Services) -> list[ArticleState]:
    """Parse, in one ``nlp.pipe`` call for the whole batch, only the sentences that need it: those
    with trigger vocabulary that the (regex) classifier can give an ACLED type. The others never
    reach the statistical pipeline; an untyped trigger sentence can still add detail to a
    neighbouring event without a parse."""
    todo = []
    for i, s in enumerate(states):
        if s.error:
            continue
        for sent in s.sentences:
            if sent.triggers and has_cue(s.clean.text[sent.span.start : sent.span.end]):
                todo.append((i, sent.span))
    texts = [states[i].clean.text[span.start : span.end] for i, span in todo]
    docs = services.nlp.parse(texts)
    per: list[dict[Span, object]] = [{} for _ in states]
    for (i, span), doc in zip(todo, docs):
        per[i][span] = doc
    return [replace(s, docs=per[i]) for i, s in enumerate(states)]


def _fingerprint(s: ArticleState, services: Services) -> ArticleState:
    return replace(s, minhash=signature(s.clean.text))


def _events(s: ArticleState, services: Services) -> ArticleState:
    text = s.clean.text
    context = build_context(
        text, s.clean.id, s.sentences, s.publication.date, services.gazetteer, services.actors,
        default_country=services.settings.default_country,
    )
    events, rejections = extract_events(
        s.clean, s.publication, s.sentences, s.docs, context, services.settings.events
    )
    result = ArticleResult(s.clean, s.publication, s.sentences, events, s.notes + rejections, s.minhash)
    return replace(s, result=result, docs={})


def _claims(s: ArticleState, services: Services) -> ArticleState:
    """What each source says about each field, and how (asserted, attributed, doubted, ...)."""
    events = s.result.events
    claims = claims_of_article(s.clean.text, events, s.sentences, services.actors)
    with_claims = tuple(replace(m, claims=c) for m, c in zip(events, claims, strict=True))
    return replace(s, result=replace(s.result, events=with_claims))


def _bounds(s: ArticleState, services: Services) -> ArticleState:
    """Every date and toll in range before anything is stored (``stages/bounds.py``)."""
    return replace(s, result=bound_result(s.result, services.settings.max_fatalities))


STAGES: tuple[Stage, ...] = (
    Stage("clean", frozenset({"article"}), frozenset({"clean"}), _each(_clean)),
    Stage("metadata", frozenset({"clean"}), frozenset({"publication"}), _each(_metadata)),
    Stage("sentences", frozenset({"clean"}), frozenset({"sentences"}), _each(_sentences)),
    Stage("fingerprint", frozenset({"clean"}), frozenset({"minhash"}), _each(_fingerprint)),
    Stage("parse", frozenset({"sentences"}), frozenset({"docs"}), _parse),
    Stage(
        "events",
        frozenset({"clean", "publication", "sentences", "docs", "minhash"}),
        frozenset({"result"}),
        _each(_events),
    ),
    Stage("claims", frozenset({"result", "sentences"}), frozenset({"claims"}), _each(_claims)),
    Stage("bounds", frozenset({"result", "claims"}), frozenset({"bounded"}), _each(_bounds)),
)


def check_order(stages: Sequence[Stage]) -> None:
    """Fail at build time when a stage needs something no earlier stage assigns."""
    have = {"article"}
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise ConfigError(f"stage {stage.name!r} needs {sorted(missing)} but no earlier stage assigns them")
        have |= stage.assigns


@dataclass
class Pipeline:
    """Runs the per-article stages over batches of articles."""

    services: Services
    stages: tuple[Stage, ...] = STAGES
    batch_size: int = 64

    def __post_init__(self) -> None:
        check_order(self.stages)

    def run_batch(self, articles: Sequence[Article]) -> list[ArticleResult | Skipped]:
        states = [ArticleState(a) for a in articles]
        for stage in self.stages:
            states = stage.run_batch(states, self.services)
        return [Skipped(s.article.origin, s.error) if s.error else s.result for s in states]

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleResult | Skipped]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self.run_batch(batch)
                batch = []
        if batch:
            yield from self.run_batch(batch)
