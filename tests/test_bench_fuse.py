"""Smoke test of the fusion benchmark at a small size: the generated truth is sound and fusion
recovers it. Only correctness figures are checked, never time (timings live in ``make bench``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_fuse.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_fuse", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generation_is_deterministic_and_sound(bench):
    rows, truth, sources, stats = bench.generate(2000, seed=3)
    again, truth2, _, _ = bench.generate(2000, seed=3)
    assert len(rows) == 2000 and truth == truth2
    assert [r[1] for r in rows] == [r[1] for r in again]
    assert len({r[1] for r in rows}) == len(rows)  # orders are unique
    for mid, _order, mention, _text, published in rows:
        assert mid.split("#")[0] == mention.article_id and sources[mention.article_id].published == published
        if mention.date is not None:
            assert mention.date.date <= published
    per_article = {}
    for mid, _, mention, _, _ in rows:  # one article never reports one event twice
        assert truth[mid] not in per_article.setdefault(mention.article_id, set())
        per_article[mention.article_id].add(truth[mid])
    assert stats["events"] < len(rows) and stats["events_sharing_family_day_province"] > 0


def test_pair_quality_counts_pairs(bench):
    def group(*ids):
        return SimpleNamespace(items=tuple(SimpleNamespace(id=i) for i in ids))

    truth = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 3}
    q = bench.pair_quality([group("a", "b"), group("c", "d"), group("e")], truth)
    assert (q["pairs_true"], q["pairs_predicted"], q["pairs_correct"]) == (3, 2, 1)
    assert q["precision"] == 0.5 and q["recall"] == pytest.approx(1 / 3)
    assert q["events_exact"] == 1  # only event 3 comes out whole


def test_small_run_recovers_the_events(bench):
    res = bench.run_size(2000, seed=7, budget=60.0, timeout=300.0, pairs=True)
    q = res["quality"]
    assert res["mentions"] == 2000 and not res["event_for_extrapolated"]
    assert q["precision"] >= 0.95 and q["recall"] >= 0.75
    assert q["events_exact_share"] >= 0.8
    assert res["scored_pairs_per_mention"] < 50  # blocking, not all pairs
