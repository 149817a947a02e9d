"""``make fuzz``: at least 10,000 hostile inputs through the real reader, pipeline and store, and a
few hundred hostile bodies through ``POST /api/articles``.

    python tests/fuzz/run.py --inputs 10000 --api 300 --out out/fuzz.json

The inputs are drawn from the strategies of ``hostile.py`` (hypothesis, seeded: the same seed
draws the same inputs) and run ``--batch`` at a time, each run with one good article of its own,
by ``harness.run_cases``. A store takes ``--runs-per-store`` runs; then a clean run on it must
store its articles, find their events and export, and no date or toll out of range may be in it;
then the next store starts. Prints, and writes as JSON: crashes (an exception escaping a run),
hangs (a run past ``--seconds-per-input`` per input), good articles lost, internal errors (an
article skipped by the pipeline's catch-all), the limits reached, and the API's status codes.
Exit status 1 when there is any crash, hang, lost good article, failed clean run or 500.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from harness import Tally, check_store, clean_run, run_cases
from hostile import (
    Case,
    api_bodies,
    gz_manifests,
    html_files,
    manifest_files,
    parquet_files,
    text_files,
    warc_files,
)
from hypothesis import HealthCheck, Phase, given, seed, settings

from eventdesk.settings import Settings

TOKEN = "fuzz-token-0123456789abcdef"
# each format gets its share of the inputs (hypothesis does not draw the arms of one_of evenly)
KINDS = ((manifest_files(), 0.30), (text_files(), 0.12), (html_files(), 0.18), (gz_manifests(), 0.10),
         (warc_files(), 0.18), (parquet_files(), 0.12))


def _settings(folder: Path, args: argparse.Namespace) -> Settings:
    return Settings(db=str(folder / "fuzz.db"), progress=False, max_line_bytes=args.max_line_bytes,
                    max_article_bytes=args.max_line_bytes, max_decompressed_bytes=args.max_decompressed_bytes,
                    article_timeout=args.article_timeout)


def _drive(strategy, count: int, seed_value: int, body) -> None:
    """Call ``body(example)`` for ``count`` examples of ``strategy`` (hypothesis generates them;
    nothing is shrunk or replayed: ``body`` records what it finds and never raises)."""
    @seed(seed_value)
    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def each(example) -> None:
        body(example)

    each()


def fuzz_inputs(args: argparse.Namespace, services, work: Path) -> tuple[Tally, list[dict]]:
    from eventdesk.app import load_services  # noqa: F401  (services are passed in; keeps the import cheap)

    tally = Tally()
    stores: list[dict] = []
    pending: list[Case] = []
    state = {"store": 0, "runs": 0, "run": 0, "started": time.perf_counter()}

    def store_folder() -> Path:
        return work / f"store{state['store']}"

    def close_store() -> None:
        folder = store_folder()
        s = _settings(folder, args)
        if not Path(s.db).exists():
            return
        try:
            result = clean_run(s, _with(services, s), folder / "clean")
            ok = (result["articles_new"] == result["expected_new"] and result["skipped"] == 0
                  and result["events"] >= 1 and result["exported"] >= 1)
        except Exception as exc:  # noqa: BLE001 - a failed clean run is a finding, not the end
            result, ok = {"error": f"{type(exc).__name__}: {exc}"}, False
        problems = check_store(s)
        stores.append({"store": state["store"], "runs": state["runs"], "clean_run": result, "clean_run_ok": ok,
                       "store_problems": problems[:10]})
        shutil.rmtree(folder, ignore_errors=True)
        state["store"] += 1
        state["runs"] = 0

    def flush() -> None:
        if not pending:
            return
        folder = store_folder()
        s = _settings(folder, args)
        run_folder = folder / f"run{state['run']}"
        run_cases(list(pending), s, _with(services, s), run_folder, tally,
                  seconds_per_input=args.seconds_per_input)
        shutil.rmtree(run_folder, ignore_errors=True)
        pending.clear()
        state["run"] += 1
        state["runs"] += 1
        if tally.inputs and tally.inputs % 500 < args.batch:
            minutes = (time.perf_counter() - state["started"]) / 60
            print(f"  {tally.inputs:>6,} inputs, {minutes:5.1f} min: crashes {len(tally.crashes)}, hangs "
                  f"{len(tally.hangs)}, good lost {len(tally.good_lost)}, internal errors "
                  f"{len(tally.internal_errors)}", file=sys.stderr, flush=True)
        if state["runs"] >= args.runs_per_store:
            close_store()

    def take(case: Case) -> None:
        pending.append(case)
        if len(pending) >= args.batch:
            flush()

    for i, (strategy, share) in enumerate(KINDS):
        _drive(strategy, round(args.inputs * share), args.seed + 10 * i, take)
    flush()
    close_store()
    return tally, stores


def fuzz_api(args: argparse.Namespace, services, work: Path) -> dict:
    from fastapi.testclient import TestClient

    from eventdesk.api import create_app

    folder = work / "api"
    folder.mkdir(parents=True, exist_ok=True)
    s = replace(_settings(folder, args), write_token=TOKEN)
    codes: Counter[int] = Counter()
    fives: list[dict] = []
    app = create_app(s, services_loader=lambda _: _with(services, s))
    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

        def post(body: bytes) -> None:
            r = client.post("/api/articles", content=body, headers=headers)
            codes[r.status_code] += 1
            if r.status_code >= 500:
                fives.append({"body": repr(body[:300]), "status": r.status_code, "answer": r.text[:300]})

        _drive(api_bodies(), args.api, args.seed + 1, post)
        after = client.post("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                            json={"articles": [{"id": "after-fuzz", "published": "2021-03-05",
                                                "text": "Gunmen killed two people in Kabul on Thursday."}]})
        reads = [client.get(path).status_code for path in ("/api/events", "/api/meta", "/api/stats?by=week")]
    shutil.rmtree(folder, ignore_errors=True)
    return {"bodies": sum(codes.values()), "status_codes": dict(sorted(codes.items())), "server_errors": len(fives),
            "server_error_examples": fives[:10], "post_after_ok": after.status_code == 200,
            "reads_after": reads}


def _with(services, s: Settings):
    return replace(services, settings=replace(services.settings, max_article_chars=s.max_article_chars,
                                              max_sentence_chars=s.max_sentence_chars,
                                              article_timeout=s.article_timeout))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--inputs", type=int, default=10_000, help="hostile inputs through extract")
    p.add_argument("--api", type=int, default=300, help="hostile bodies through POST /api/articles")
    p.add_argument("--batch", type=int, default=10, help="inputs per run")
    p.add_argument("--runs-per-store", type=int, default=10, help="runs on one store before a clean run checks it")
    p.add_argument("--seconds-per-input", type=float, default=120.0, help="wall-clock limit per input (a hang)")
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--max-line-bytes", type=int, default=2_000_000)
    p.add_argument("--max-decompressed-bytes", type=int, default=30_000_000)
    p.add_argument("--article-timeout", type=float, default=30.0)
    p.add_argument("--work", default="out/fuzz-work")
    p.add_argument("--out", default="out/fuzz.json")
    args = p.parse_args(argv)

    from eventdesk.services import Services

    logging.getLogger("eventdesk").setLevel(logging.ERROR)  # ids renamed on a clash: expected here

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    services = Services.load(Settings(progress=False))
    started = time.perf_counter()
    tally, stores = fuzz_inputs(args, services, work) if args.inputs else (Tally(), [])
    inputs_minutes = (time.perf_counter() - started) / 60
    api = fuzz_api(args, services, work) if args.api else {}
    result = {
        "date": time.strftime("%Y-%m-%d"), "seed": args.seed, "minutes": round((time.perf_counter() - started) / 60, 1),
        "inputs_minutes": round(inputs_minutes, 1),
        "settings": {k: getattr(args, k) for k in ("batch", "runs_per_store", "seconds_per_input", "max_line_bytes",
                                                    "max_decompressed_bytes", "article_timeout")},
        **tally.as_dict(),
        "stores": len(stores), "clean_runs_ok": sum(1 for s in stores if s["clean_run_ok"]),
        "store_problems": sum(len(s["store_problems"]) for s in stores),
        "store_details": stores, "api": api,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"fuzz ({result['date']}, seed {args.seed}): {tally.inputs:,} hostile inputs in {tally.runs:,} runs "
          f"over {len(stores)} stores, {result['minutes']} min")
    print("  by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(tally.kinds.items())))
    print(f"  crashes {len(tally.crashes)}, hangs {len(tally.hangs)}, good articles lost {len(tally.good_lost)}, "
          f"internal errors {len(tally.internal_errors)}")
    print(f"  clean run after the hostile ones: {result['clean_runs_ok']}/{len(stores)} stores ok; "
          f"dates or tolls out of range in the stores: {result['store_problems']}")
    print("  limits reached: " + (", ".join(f"{k} {v:,}" for k, v in sorted(tally.limits.items())) or "none"))
    print(f"  slowest run {result['slowest_run_s']} s")
    if api:
        print(f"  API: {api['bodies']} bodies, status codes {api['status_codes']}, 500s: {api['server_errors']}, "
              f"a valid post after them: {'ok' if api['post_after_ok'] else 'FAILED'}")
    print(f"  details: {args.out}")
    failed = (tally.failures or result["clean_runs_ok"] < len(stores) or result["store_problems"]
              or (api and (api["server_errors"] or not api["post_after_ok"])))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
