"""The allocator tuning of the batch commands (`eventdesk extract`, `eventdesk eval`): memory freed after one batch of large arrays is reused by
the next, not faulted in again (counted in page faults, never in time)."""

from __future__ import annotations

import resource

import numpy as np
import pytest

from eventdesk._allocator import keep_freed_memory

PAGE = resource.getpagesize()


def _faults_per_page(rounds: int = 4, arrays: int = 16, size: int = 4 * 1024 * 1024) -> float:
    """Page faults per page written, over ``rounds`` batches of arrays written in full and freed together
    (the parse's pattern), after one warm-up batch."""

    def batch() -> None:
        held = [np.ones(size // 8) for _ in range(arrays)]  # written, so every page is touched
        del held

    batch()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(rounds):
        batch()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    return faults / (rounds * arrays * size / PAGE)


def test_freed_batches_are_reused_without_page_faults():
    if not keep_freed_memory():
        pytest.skip("the C library has no mallopt (not glibc)")
    assert _faults_per_page() < 0.05
