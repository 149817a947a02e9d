"""Near-duplicate articles: the same wire story on several sites counts as one source.

Each article gets a MinHash signature (datasketch) over its word 5-shingles. Locality-sensitive
hashing cuts the signature into bands; articles sharing a band key are candidates, and a candidate
is a near-duplicate when the signatures estimate a Jaccard similarity of at least ``SIMILAR``.
With 32 bands of 4 rows, pairs at 0.6 similarity share a band with probability 0.98, pairs at
0.3 with 0.23, and the estimate then removes the false candidates.

Band keys are stored beside the article (``store``), so finding an article's copies is an index
lookup, not a scan: adding an article costs the same in a store of ten or ten million articles.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash

__all__ = ["signature", "band_keys", "similarity", "similarities", "SIMILAR", "NUM_PERM", "BANDS"]

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
SIMILAR = 0.6
"""Estimated Jaccard similarity of word shingles at which two articles are copies of one story."""

_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` (``NUM_PERM`` uint32 values as bytes)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        shingles = {" ".join(words).encode()}
    else:
        shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    minhash = _empty().copy()  # the permutations are drawn once, not per article
    minhash.update_batch(list(shingles))  # a minimum per permutation: the order does not matter
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


@cache
def _empty() -> MinHash:
    """An empty sketch with this module's permutations; ``signature`` works on copies of it."""
    return MinHash(num_perm=NUM_PERM, seed=1)


def band_keys(sig: bytes) -> list[str]:
    """One key per band; equal keys in a band make two articles candidates."""
    width = ROWS * 4
    return [
        f"{band:02d}:" + hashlib.sha1(sig[band * width : (band + 1) * width]).hexdigest()[:16]
        for band in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two articles' shingle sets."""
    x = np.frombuffer(a, dtype=np.uint32)
    y = np.frombuffer(b, dtype=np.uint32)
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)


def similarities(sig: bytes, others: list[bytes]) -> list[float]:
    """``[similarity(sig, o) for o in others]`` in one vectorised pass."""
    x = np.frombuffer(sig, dtype=np.uint32)
    if not len(x):
        return [0.0] * len(others)
    same = [i for i, o in enumerate(others) if len(o) == len(sig)]
    out = [0.0] * len(others)
    if same:
        rows = np.frombuffer(b"".join(others[i] for i in same), dtype=np.uint32).reshape(len(same), len(x))
        for i, count in zip(same, np.count_nonzero(rows == x, axis=1).tolist()):
            out[i] = float(count) / len(x)
    return out
