"""Remembered word embeddings for en_core_web_sm's tok2vec layers, with the same vectors.

A spaCy ``Tok2Vec`` (the shared one of the tagger and parser, and the NER's own) first embeds each
token alone: it reads a few attributes of the token (its norm, prefix, suffix, shape...), looks their
hashes up in embedding tables and mixes the rows with a maxout layer and a layer norm. Only then does
the encoder look at the neighbours. The embedding of a token is thus a function of its row of
attribute ids, and most rows repeat ("the", "of", "guerrillas"): on the sentences we parse, the
mixing layer was a third of the tok2vec time. ``remember_embeddings`` makes each such embed layer
compute the rows it has not seen (in one batch, as before) and copy the ones it has.

The vectors are the same, bit for bit: every step of the embed layer works on each row alone (a
table lookup, a matrix product row by row, a norm over the row), so a row's vector does not depend
on the rows computed beside it (tested against the stock layer). Training (``is_train``) and any
layer of another shape are left as spaCy built them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["remember_embeddings"]

# the layers of a spaCy MultiHashEmbed, in order (spacy.ml.models.tok2vec.MultiHashEmbed)
_SHAPE = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


def _is_embed(layer) -> bool:
    names = [x.name for x in layer.layers]
    return (len(names) == len(_SHAPE) and all(n.startswith(s) for n, s in zip(names, _SHAPE))
            and "hashembed" in names[2] and names[3].startswith("with_array(maxout"))


class _Remembered:
    """The forward pass of one embed layer: attribute rows -> vectors, remembered by row."""

    _KEEP = 50_000  # rows remembered before the memory starts afresh (50,000 x width floats: 19 MB at 96)

    def __init__(self, layer) -> None:
        self.original: Callable = layer._func
        self.features, _, self.tables, self.mix, _ = layer.layers
        self.known: dict[bytes, int] = {}  # a row of attribute ids (as bytes) -> its row in ``vectors``
        self.vectors: np.ndarray | None = None
        self.width = layer.get_dim("nO")

    def __call__(self, layer, docs, is_train: bool):
        if is_train or not docs:
            return self.original(layer, docs, is_train)
        ids = self.features.predict(docs)  # per doc, (tokens, attributes) uint64
        lengths = [len(x) for x in ids]
        rows = np.ascontiguousarray(np.concatenate(ids)) if ids else np.zeros((0, 0), dtype=np.uint64)
        keys = rows.view(np.dtype((np.void, rows.shape[1] * rows.itemsize))).ravel().tolist() if len(rows) else []
        known = self.known
        missing = [key for key in dict.fromkeys(keys) if key not in known]  # distinct, in first-seen order
        if missing and len(known) + len(missing) > self._KEEP:
            known.clear()  # full: start afresh with this batch's rows
            missing = list(dict.fromkeys(keys))
        need = len(known) + len(missing)
        if self.vectors is None or need > len(self.vectors):  # grown as rows come, up to _KEEP (or one batch)
            grown = layer.ops.alloc2f(min(max(need, 2 * len(known), 1024), max(self._KEEP, need)), self.width,
                                      zeros=False)
            if known:
                grown[: len(known)] = self.vectors[: len(known)]
            self.vectors = grown
        if missing:
            first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))  # a key -> its first position
            fresh = self.mix.predict(self.tables.predict(rows[[first[key] for key in missing]]))
            start = len(known)
            self.vectors[start : start + len(missing)] = fresh
            known.update(zip(missing, range(start, start + len(missing))))
        out = self.vectors[[known[key] for key in keys]]
        split = np.cumsum(lengths)[:-1]
        result = np.split(out, split) if len(lengths) > 1 else [out]
        return result, _no_backprop


def _no_backprop(dY):
    raise NotImplementedError("remembered embeddings are for prediction only")


def remember_embeddings(model) -> int:
    """Give every MultiHashEmbed layer inside ``model`` (a spaCy component's thinc model) the
    remembering forward pass. Returns how many layers it changed (0: none of the known shape)."""
    changed = 0
    for layer in model.walk():
        if layer.layers and _is_embed(layer) and not isinstance(getattr(layer, "_func", None), _Remembered):
            layer._func = _Remembered(layer)
            changed += 1
    return changed
