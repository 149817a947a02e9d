"""en_core_web_sm's matrix products through numpy's OpenBLAS, one thread, instead of thinc's blis.

thinc's ``NumpyOps.gemm`` calls blis, whose kernels run about 2.5 times slower than the OpenBLAS
numpy ships with on the machines we measure (a 2,000 x 288 by 288 x 288 float32 product, one
thread: 1.0 against 0.39 CPU s for 100 products); the matrix products of the tok2vec encoders, the
tagger and the parser's first layer were a third of the parse time. ``NumpyOps(use_blis=False)``
(a thinc option) sends them to ``numpy.dot`` instead. The step-by-step hidden layer of the parser and
the NER is spaCy's C code with its own blis calls, and is not changed.

Two products of the same numbers from two libraries may differ in the last bit of a float (the
sums are taken in another order), so the parse is not the same by construction: on the 6,916
sentences parsed in the 1,500 MUC-4 bench reports, every tag, dependency, head, lemma and named
entity was the same (checked when this was written; ``bench/same_results.py`` compares whole
results).

What must hold, as it does with blis, is that a row of a product does not depend on the rows
multiplied beside it: a sentence parses the same whatever batch it comes in, and the remembered
embeddings (``_embed``) are the vectors a fresh computation would give. OpenBLAS takes another
kernel for a product of a few rows (up to 24 on the layers of en_core_web_sm, measured), whose sums
differ in the last bit; ``_RowwiseOps.gemm`` multiplies such a product with zero rows added up to
``_MIN_ROWS`` (32), so every row goes through the kernel of large products (tested: each row of a product
of 1 to 3,000 rows, at any offset, equals that row of one large product).

OpenBLAS spreads a product over every core by default, which on a shared machine costs more CPU
than it saves time (the threads wait for each other: 3 to 8 times the CPU seconds on the products
of a parse). ``OneThreadBlas`` finds the OpenBLAS numpy loaded and asks it for one thread while
spaCy runs, and gives back the count it had afterwards. Where no such OpenBLAS is found (another
numpy build, another platform), the model keeps blis.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["OneThreadBlas", "use_numpy_gemm"]

# the thread-count setter of an OpenBLAS, under the names its builds export (numpy's scipy-openblas
# prefixes its symbols; it also exports the unprefixed setter that returns the count it replaces)
_SETTERS = ("openblas_set_num_threads_local",)
_GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads", "openblas_get_num_threads64_",
            "openblas_get_num_threads")


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries this process has loaded (Linux: ``/proc/self/maps``)."""
    import numpy  # noqa: F401  (loads numpy's OpenBLAS)

    maps = Path("/proc/self/maps")
    if not maps.exists():
        return []
    paths = {line.split()[-1] for line in maps.read_text().splitlines() if "openblas" in line.lower()}
    return sorted(p for p in paths if p.startswith("/"))


@dataclass(frozen=True)
class OneThreadBlas:
    """Numpy's OpenBLAS, held to one thread inside ``one_thread``."""

    setter: object  # int f(int): sets the thread count, returns the one it had
    getter: object  # int f(void)

    @classmethod
    def find(cls) -> OneThreadBlas | None:
        for path in _loaded_openblas():
            try:
                lib = ctypes.CDLL(path)
            except OSError:
                continue
            setter = next((getattr(lib, n) for n in _SETTERS if hasattr(lib, n)), None)
            getter = next((getattr(lib, n) for n in _GETTERS if hasattr(lib, n)), None)
            if setter is not None and getter is not None:
                setter.argtypes, setter.restype, getter.argtypes, getter.restype = [ctypes.c_int], ctypes.c_int, [], \
                    ctypes.c_int
                return cls(setter, getter)
        return None

    @contextmanager
    def one_thread(self) -> Iterator[None]:
        before = self.getter()
        if before == 1:
            yield
            return
        self.setter(1)
        try:
            yield
        finally:
            self.setter(before)


_MIN_ROWS = 32  # a product of fewer rows is padded with zero rows to this many (OpenBLAS: 24 rows at most take
# its small-product kernel on en_core_web_sm's layers, on the (96, 50) product; 18 rows on (96, 64), 4 on the
# encoder's (288, 288)). 32, not 64: a sentence of the on-demand NER (39 tokens on average) is multiplied
# as it is, or padded to 32 rows, instead of to 64


def _rowwise_ops():
    """thinc's ``NumpyOps`` without blis, whose products of few rows are padded (``_MIN_ROWS``)."""
    import numpy as np
    from thinc.api import NumpyOps

    class _RowwiseOps(NumpyOps):
        def __init__(self) -> None:
            super().__init__(use_blis=False)

        def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
            if trans1 or x.ndim != 2 or x.shape[0] >= _MIN_ROWS:
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
            padded = np.zeros((_MIN_ROWS, x.shape[1]), dtype=x.dtype)
            padded[: x.shape[0]] = x
            rows = super().gemm(padded, y, trans2=trans2)[: x.shape[0]]
            if out is None:
                return np.ascontiguousarray(rows)
            out[...] = rows
            return out

    return _RowwiseOps()


def use_numpy_gemm(nlp) -> OneThreadBlas | None:
    """Make every layer of ``nlp``'s components multiply through numpy's OpenBLAS (``_RowwiseOps``)
    when it can be held to one thread; returns the holder, or ``None`` (blis kept)."""
    blas = OneThreadBlas.find()
    if blas is None:
        return None
    ops = _rowwise_ops()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return blas
