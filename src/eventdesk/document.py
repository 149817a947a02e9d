"""The article's document: what is known about one article so far, layer by layer.

Every per-article step (a text stage of ``stages/`` or an extraction component of ``extract/``) is
a ``Stage`` that declares the layers it ``requires`` and the layers it ``assigns``; the pipeline
checks the declarations when it is built (``check_order``), so a step that reads a layer nobody
wrote, or a misspelt layer name, fails at once instead of on an article halfway through a run.

Layers are fields of ``ArticleDoc``. Per-sentence layers are mappings keyed by the sentence's span;
they cover the *event sentences*: the sentences with trigger vocabulary that were parsed
(``event_sentences``), in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from eventdesk.errors import ArticleTimeout, ConfigError, EventdeskError, InputError, limit_reason
from eventdesk.model import (
    Article,
    ArticleResult,
    CleanArticle,
    EventDate,
    Fatalities,
    Place,
    PublicationDate,
    Rejection,
    Sentence,
    Span,
)
from eventdesk.watchdog import Watchdog, thread_clock

__all__ = ["ArticleDoc", "Stage", "each", "check_order", "LAYERS"]


@dataclass(frozen=True)
class ArticleDoc:
    """One article's layers; each step returns a new document with its layers set."""

    article: Article
    # text stages
    clean: CleanArticle | None = None
    reading: CleanArticle | None = None  # the cleaned text as read: uncased paragraphs recased, same length
    publication: PublicationDate | None = None
    sentences: tuple[Sentence, ...] = ()
    minhash: bytes = b""
    docs: Mapping[Span, object] = field(default_factory=dict)  # the spaCy parse of each event sentence
    # extraction components (extract/), per event sentence unless said otherwise
    context: object = None  # extract.context.ArticleContext: countries, date anchors, services
    places: Mapping[Span, Place | None] = field(default_factory=dict)
    countries: Mapping[Span, str | None] = field(default_factory=dict)  # the country the sentence is in
    actors: Mapping[Span, tuple] = field(default_factory=dict)  # extract.actors.ActorMention, with roles
    triggers: Mapping[Span, object] = field(default_factory=dict)  # extract.trigger.Classification
    verdicts: Mapping[Span, str] = field(default_factory=dict)  # "" = reported as fact, else why not
    # the type scope gives a sentence whose typing word names no event while another word reports one
    retypes: Mapping[Span, object] = field(default_factory=dict)  # extract.trigger.Classification
    dates: Mapping[Span, EventDate | None] = field(default_factory=dict)
    tolls: Mapping[Span, Fatalities] = field(default_factory=dict)
    result: ArticleResult | None = None  # the assembled events and rejections (then claims, bounds)
    error: str = ""  # set when a step failed on this article; later steps leave it alone
    notes: tuple[Rejection, ...] = ()  # sentences a limit kept from being read (max_sentence_chars)
    spent: float = 0.0  # CPU seconds its per-article steps took so far (article_timeout)

    def trigger(self, span: Span):
        """The classification of an event sentence: scope's retyping if it made one, else the trigger's."""
        return self.retypes.get(span) or self.triggers.get(span)

    def lead_text(self) -> str:
        """The report's headline and first sentence (its first two sentences), joined: what a report
        says it is about (a match, a demonstration)."""
        text = self.reading.text
        return " ".join(text[s.span.start:s.span.end] for s in self.sentences[:2])

    def event_sentences(self) -> list[Sentence]:
        """The sentences with trigger vocabulary that were parsed, in text order."""
        return [s for s in self.sentences if s.triggers and s.span in self.docs]


LAYERS = frozenset(f.name for f in fields(ArticleDoc)) - {"error", "notes", "spent"} | {"claims", "bounded"}
"""Layer names a step may declare: the document's fields, plus the marks of steps that refine
``result`` in place (``claims``, ``bounded``)."""


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run_batch: Callable[[Sequence[ArticleDoc], object], list[ArticleDoc]]


def each(fn: Callable[[ArticleDoc, object], ArticleDoc]):
    """Apply a per-article step; a failure on one article is recorded on it, never lost, and never
    stops the rest of the batch.

    Each article has ``article_timeout`` seconds of CPU time for all its per-article steps together:
    a watchdog stops a step that runs past what is left (``eventdesk.watchdog``), and the article is
    skipped with the reason. Nothing of it is stored: storing comes after the steps."""

    def run(docs: Sequence[ArticleDoc], services) -> list[ArticleDoc]:
        out = []
        clock = thread_clock()  # this thread's CPU clock, made once for the batch
        with Watchdog() as dog:
            for d in docs:
                out.append(d if d.error else _run_one(fn, d, services, dog, clock))
        return out

    return run


def _run_one(fn: Callable[[ArticleDoc, object], ArticleDoc], d: ArticleDoc, services, dog: Watchdog,
             clock: Callable[[], float]) -> ArticleDoc:
    step = fn.__name__.strip("_")
    timeout = services.settings.article_timeout
    start = clock()
    try:
        if timeout and d.spent >= timeout:
            raise ArticleTimeout
        with dog.limit(timeout - d.spent if timeout else None, clock=clock, start=start):
            done = fn(d, services)
    except ArticleTimeout:
        return replace(d, error=limit_reason(f"its stages took more than {timeout:g} s of CPU time "
                                             f"(stopped in the {step} stage)", "article_timeout"))
    except InputError as exc:  # the article itself is the problem (empty, too large): its reason
        return replace(d, error=exc.reason)
    except EventdeskError as exc:
        return replace(d, error=str(exc))
    except Exception as exc:  # a bug on one article must not sink a long run: report it
        return replace(d, error=f"internal error in {step}: {type(exc).__name__}: {exc}")
    return replace(done, spent=d.spent + clock() - start)


def check_order(stages: Sequence[Stage]) -> None:
    """Fail at build time when a step declares a layer the document does not have, or needs one
    that no earlier step assigns."""
    have = {"article"}
    for stage in stages:
        unknown = (stage.requires | stage.assigns) - LAYERS - {"article"}
        if unknown:
            raise ConfigError(f"stage {stage.name!r} declares unknown layers {sorted(unknown)}")
        missing = stage.requires - have
        if missing:
            raise ConfigError(f"stage {stage.name!r} needs {sorted(missing)} but no earlier stage assigns them")
        have |= stage.assigns
