"""Smoke test of ``make bench-api`` at a tiny size: the synthesised store holds what real runs store
(evidence that cuts from the articles, claims, fused events), and the whole bench runs end to end
(its own server and load generator processes on loopback, a few seconds). Only that the figures are
there and every request was answered is checked, never a speed (that is for ``make bench-api``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from eventdesk.export import COLUMNS, event_row
from eventdesk.store import Store

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_synthesised_store_is_a_real_store(tmp_path):
    sys.path.insert(0, str(BENCH))
    try:
        from _api_store import build_store
    finally:
        sys.path.remove(str(BENCH))
    built = build_store(tmp_path / "s.db", 400, seed=5, log=lambda _: None)
    assert built["articles"] > 300 and 100 < built["events"] < 400
    with Store.open(tmp_path / "s.db") as store:
        events = store.events()
        assert len(events) == built["events"]
        several = [e for e in events if e.source_count > 1]
        assert several and all(e.links for e in several)  # fused by the real fusion, with its reasons
        for event in events[:50]:
            row = event_row(event)
            assert list(row) == list(COLUMNS) and row["evidence"]
            assert event.claims and all(c.field == "fatalities" for c in event.claims)
            article = store.article(event.sources[0].article_id)
            assert event.mentions[0].sentences[0].text(article.text) in row["evidence"]
        assert store.changes() and store.changes()[0].kind == "created"


def test_the_bench_runs_end_to_end(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, str(BENCH / "bench_api.py"), "--mentions", "300", "--levels", "1,4", "--duration", "2",
         "--warmup", "0.5", "--rate", "20", "--cache", str(tmp_path / "cache"), "--out", str(out), "--processes", "2"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(out.read_text())
    assert [r["concurrency"] for r in report["closed"]] == [1, 4]
    for r in report["closed"] + [report["open"]]:
        assert r["overall"]["ok"] > 0 and r["overall"]["errors"] == 0, r
        assert {"server_cores", "generator_cores", "other_programs_cores"} <= set(r)
        assert r["server_cores"] > 0  # the forked workers' CPU is counted, not only the idle parent's
    assert report["server_processes"] == 2
    assert set(report["open"]["by_kind"]) <= set(report["mix"])
    assert report["store"]["events"] > 0 and "target_met" in report["verdict"]
