"""Benchmark: the HTTP API under a mixed read load on a store of about 100,000 events.

The store is synthesised through the store's own write path (``_api_store.py``: generated reports,
``Store.add_results``, real fusion) and cached under ``out/bench-api/`` (built once, some minutes;
later runs reuse it). The real server (``eventdesk serve``, uvicorn) runs in its own process, and a
load generator (``_api_load.py``) in another drives it over loopback with a mix drawn from the
store's own values, as the web page and API clients use it:

    events          /api/events, filters (none, country, province, type, date range, min_sources,
                    disputed, bbox), any sort, pages of 50 or 100, some deep offsets
    events_1000     the same with limit=1000 (the map loads its markers so)
    events_text     /api/events with an actor or a text filter (q)
    event           /api/events/{id}            article   /api/articles/{id}
    stats           /api/stats?by=week|event_type|admin1|country with filters
    meta            /api/meta                   export_csv  /api/export.csv of a province and year

Closed loop at each concurrency (``--levels``): the most requests per second the server does with
that many clients, with p50/p95/p99 latency per kind and overall. Open loop at ``--rate`` requests
per second (the target: 200 with p99 under 150 ms): requests start on time whatever the server
does, and latency counts from the planned start. The CPU of the server, of the generator, and of
every other program on the machine during each window is measured (``/proc``), since the machine
is shared: ``other_programs_cores`` near 1 means a neighbour held a core and the figures are low.

    python bench/bench_api.py --out out/bench_api.json          # make bench-api
    python bench/bench_api.py --mentions 20000 --levels 1,16 --duration 5 --out out/quick.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_RPS = 200
TARGET_P99_MS = 150
MIX = {"events": 36, "events_1000": 3, "events_text": 4, "event": 20, "article": 11, "stats": 16, "meta": 8,
       "export_csv": 2}
"""Share of each request kind in the mix (per 100 requests)."""


# -- the plan -----------------------------------------------------------------------------------


def _values(db: Path) -> dict:
    """What the plan draws from: the store's countries, provinces, types, dates, ids and actors."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    q = lambda sql: [r[0] if len(r) == 1 else r for r in conn.execute(sql)]  # noqa: E731
    values = {
        "countries": q("SELECT DISTINCT country FROM events WHERE country IS NOT NULL"),
        "provinces": q("SELECT DISTINCT country, admin1 FROM events WHERE admin1 IS NOT NULL AND admin1 <> ''"),
        "types": q("SELECT DISTINCT event_type, sub_event_type FROM events"),
        "dates": conn.execute("SELECT min(event_date), max(event_date) FROM events").fetchone(),
        "events": q("SELECT event_id FROM events ORDER BY random() LIMIT 2000"),
        "articles": q("SELECT id FROM articles ORDER BY random() LIMIT 2000"),
        "actors": q("SELECT DISTINCT actor1 FROM events WHERE actor1 IS NOT NULL LIMIT 400"),
        "places": q("SELECT country, avg(latitude), avg(longitude) FROM events WHERE latitude IS NOT NULL"
                    " GROUP BY country"),
        "words": ["airstrike", "gunmen", "protesters", "roadside bomb", "kidnapped", "ceasefire", "militia"],
    }
    conn.close()
    return values


def _filters(rng: random.Random, v: dict) -> dict:
    roll = rng.random()
    first, last = (dt.date.fromisoformat(d) for d in v["dates"])
    since = first + dt.timedelta(days=rng.randrange((last - first).days))
    until = since + dt.timedelta(days=rng.choice((7, 30, 90)))
    if roll < 0.25:
        return {}
    if roll < 0.45:
        return {"country": rng.choice(v["countries"])}
    if roll < 0.60:
        country, admin1 = rng.choice(v["provinces"])
        return {"country": country, "admin1": admin1}
    if roll < 0.68:
        kind, sub = rng.choice(v["types"])
        return {"event_type": kind} if rng.random() < 0.6 else {"sub_event_type": sub}
    if roll < 0.78:
        return {"since": since.isoformat(), "until": until.isoformat()}
    if roll < 0.86:
        return {"country": rng.choice(v["countries"]), "since": since.isoformat(), "until": until.isoformat()}
    if roll < 0.90:
        return {"min_sources": rng.choice((2, 3))}
    if roll < 0.94:
        return {"disputed": "true"}
    _, lat, lon = rng.choice(v["places"])
    return {"bbox": f"{lon - 2:.2f},{lat - 2:.2f},{lon + 2:.2f},{lat + 2:.2f}"}


def _page(rng: random.Random, limit: int | None = None) -> dict:
    sort = "-event_date" if rng.random() < 0.5 else rng.choice(
        ("event_date", "fatalities", "-fatalities", "source_count", "-source_count"))
    limit = limit or (50 if rng.random() < 0.65 else 100)
    roll = rng.random()
    offset = 0 if roll < 0.7 else limit * rng.randint(1, 10) if roll < 0.95 else rng.randrange(0, 20000)
    return {"sort": sort, "limit": limit, "offset": offset}


def make_plan(v: dict, size: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    plan = []
    for _ in range(size):
        kind = rng.choices(kinds, weights)[0]
        if kind == "events":
            params = {**_filters(rng, v), **_page(rng)}
            target = "/api/events?" + urlencode(params)
        elif kind == "events_1000":
            target = "/api/events?" + urlencode({**_filters(rng, v), **_page(rng, 1000)})
        elif kind == "events_text":
            text = ({"actor": rng.choice(v["actors"]).split(" (")[0]} if rng.random() < 0.5
                    else {"q": rng.choice(v["words"])})
            target = "/api/events?" + urlencode({**text, **_filters(rng, v), **_page(rng)})
        elif kind == "event":
            target = f"/api/events/{rng.choice(v['events'])}"
        elif kind == "article":
            target = f"/api/articles/{rng.choice(v['articles'])}"
        elif kind == "stats":
            by = rng.choice(("week", "week", "event_type", "admin1", "country"))
            target = "/api/stats?" + urlencode({"by": by, **_filters(rng, v)})
        elif kind == "meta":
            target = "/api/meta"
        else:
            country, admin1 = rng.choice(v["provinces"])
            year = rng.randint(int(v["dates"][0][:4]), int(v["dates"][1][:4]))
            target = "/api/export.csv?" + urlencode({"country": country, "admin1": admin1,
                                                      "since": f"{year}-01-01", "until": f"{year}-12-31"})
        plan.append({"kind": kind, "target": target})
    return plan


# -- the store, the server, the machine -----------------------------------------------------------


def ensure_store(mentions: int, seed: int, folder: Path) -> tuple[Path, dict]:
    from _api_store import build_store

    db = folder / f"store-{mentions}-{seed}.db"
    info = folder / f"store-{mentions}-{seed}.json"
    if db.exists() and info.exists():
        return db, json.loads(info.read_text())
    folder.mkdir(parents=True, exist_ok=True)
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    print(f"building {db} (once; later runs reuse it)", flush=True)
    tmp = folder / f".building-{mentions}-{seed}.db"
    tmp.unlink(missing_ok=True)
    built = build_store(tmp, mentions, seed=seed, log=lambda m: print("  " + m, flush=True))
    tmp.rename(db)
    info.write_text(json.dumps(built, indent=2))
    return db, built


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path, source: Path | None = None, processes: int = 1) -> subprocess.Popen:
    """``eventdesk serve`` on ``db`` in ``processes`` processes (``server_processes``); ``source``: run
    the eventdesk package under that ``src`` folder instead of the installed one (to measure another
    checkout, e.g. before a change)."""
    command = [sys.executable, "-m", "eventdesk.cli", "serve", "--db", str(db), "--port", str(port)]
    env = dict(os.environ)
    if processes != 1:
        env["EVENTDESK_SERVER_PROCESSES"] = str(processes)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    server = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped (exit {server.returncode}); see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=60) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    sys.exit("the server did not answer within 300 s")


def _busy_s() -> float:
    """CPU seconds the whole machine has been busy since boot (all processes, all cores)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (the server's forked workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return out


def _process_s(pid: int) -> float:
    """CPU seconds of ``pid`` and its workers (a worker replaced meanwhile is not counted)."""
    total = 0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / os.sysconf("SC_CLK_TCK")


def _peak_rss_mib(pid: int) -> int | None:
    """The largest peak RSS of the server's processes."""
    peaks = []
    for p in _tree(pid):
        try:
            lines = Path(f"/proc/{p}/status").read_text().splitlines()
        except OSError:
            continue
        peaks += [int(line.split()[1]) // 1024 for line in lines if line.startswith("VmHWM:")]
    return max(peaks, default=None)


def _self_s() -> float:
    times = os.times()
    return times.user + times.system


def run_load(url: str, plan_file: Path, server: subprocess.Popen, *, mode: str, value: float, warmup: float,
             duration: float, offset: int) -> dict:
    option = ["--concurrency", str(int(value))] if mode == "closed" else ["--rate", str(value)]
    command = [sys.executable, str(HERE / "_api_load.py"), "--url", url, "--plan", str(plan_file), "--mode", mode,
               *option, "--warmup", str(warmup), "--duration", str(duration), "--offset", str(offset)]
    gen = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert gen.stdout is not None
    marks: dict[str, tuple[float, float, float]] = {}
    result = None
    for line in gen.stdout:
        line = line.strip()
        if line in ("WINDOW START", "WINDOW END"):
            marks[line] = (_busy_s(), _process_s(server.pid), _self_s())
        elif line.startswith("{"):
            result = json.loads(line)
    gen.wait()
    if result is None or len(marks) != 2:
        sys.exit(f"the load generator failed (exit {gen.returncode})")
    (b0, s0, d0), (b1, s1, d1) = marks["WINDOW START"], marks["WINDOW END"]
    server_cores = (s1 - s0) / duration
    busy = (b1 - b0) / duration
    result["server_cores"] = round(server_cores, 2)
    result["machine_busy_cores"] = round(busy, 2)
    others = busy - server_cores - result["generator_cores"] - (d1 - d0) / duration
    result["other_programs_cores"] = round(max(0.0, others), 2)
    return result


# -- report -----------------------------------------------------------------------------------------


def _line(name: str, r: dict) -> str:
    o = r["overall"]
    rps = r["served_rps"] if "rate" in r else o["rps"]
    return (f"{name:>14} {rps:>8.1f} {o['p50_ms'] or 0:>8.1f} {o['p95_ms'] or 0:>8.1f} {o['p99_ms'] or 0:>8.1f}"
            f" {o['errors']:>6} {r['server_cores']:>7.2f} {r['generator_cores']:>6.2f} {r['other_programs_cores']:>7.2f}")


def verdict(closed: list[dict], opened: dict | None) -> dict:
    best = max((r["overall"]["rps"] for r in closed), default=0)
    falling = [r["concurrency"] for r in closed
               if r["concurrency"] > 1 and r["overall"]["rps"] < 0.9 * max(
                   (q["overall"]["rps"] for q in closed if q["concurrency"] < r["concurrency"]), default=0)]
    out = {"best_closed_rps": best, "throughput_falls_at": falling,
           # a level where a neighbour took more of the machine is not comparable: say so beside the figure
           "other_programs_cores_by_level": {r["concurrency"]: r["other_programs_cores"] for r in closed}}
    if opened is not None:
        o = opened["overall"]
        out["open_served_rps"] = opened["served_rps"]
        out["open_rate_met"] = opened["served_rps"] >= 0.97 * opened["rate"] and o["errors"] == 0
        out["open_p99_ms"] = o["p99_ms"]
        out["target_met"] = bool(out["open_rate_met"] and o["p99_ms"] is not None and o["p99_ms"] < TARGET_P99_MS
                                 and not falling)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, default=175000, help="reports generated (175,000: about 100k events)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--levels", default="1,4,16,64", help="closed-loop concurrencies")
    parser.add_argument("--rate", type=float, default=TARGET_RPS, help="open-loop requests per second (0: skip)")
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per run")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--cache", type=Path, default=ROOT / "out" / "bench-api")
    parser.add_argument("--label", default="", help="a note stored with the figures")
    parser.add_argument("--source", type=Path, help="serve the eventdesk package of this src folder (another checkout)")
    parser.add_argument("--processes", type=int, default=1, help="server_processes of the server")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench_api.json")
    args = parser.parse_args()

    db, built = ensure_store(args.mentions, args.seed, args.cache)
    values = _values(db)
    plan = make_plan(values, 20000, args.seed)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        plan_file = Path(tmp) / "plan.json"
        plan_file.write_text(json.dumps(plan))
        t0 = time.perf_counter()
        server = start_server(db, port, args.out.with_suffix(".server.log"), args.source, args.processes)
        startup = time.perf_counter() - t0
        closed: list[dict] = []
        opened = None
        peak = None
        try:
            print(f"store {db.name}: {built['events']} events, {built['articles']} articles; server up in"
                  f" {startup:.1f} s; {args.duration:.0f} s per run", flush=True)
            print(f"{'run':>14} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6} {'server':>7}"
                  f" {'gen':>6} {'others':>7}  (cores)", flush=True)
            for n, level in enumerate(int(x) for x in args.levels.split(",")):
                r = run_load(url, plan_file, server, mode="closed", value=level, warmup=args.warmup,
                             duration=args.duration, offset=n * 2500)
                r["concurrency"] = level
                closed.append(r)
                print(_line(f"closed c={level}", r), flush=True)
            if args.rate:
                opened = run_load(url, plan_file, server, mode="open", value=args.rate, warmup=args.warmup,
                                  duration=args.duration, offset=12500)
                opened["rate"] = args.rate
                print(_line(f"open {args.rate:.0f}/s", opened), flush=True)
            peak = _peak_rss_mib(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:  # still answering a backlog: stop it
                server.kill()
                server.wait()
    report = {
        "date": dt.date.today().isoformat(), "label": args.label, "cores": os.cpu_count(),
        "server_processes": args.processes,
        "store": {**built, "file_mb": round(db.stat().st_size / 1e6)}, "mix": MIX, "duration_s": args.duration,
        "server_startup_s": round(startup, 1), "server_peak_rss_mib": peak, "closed": closed, "open": opened,
        "target": {"rps": TARGET_RPS, "p99_ms": TARGET_P99_MS}, "verdict": verdict(closed, opened),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print("per kind at the highest concurrency and in the open loop (req/s, p50/p99 ms):")
    for name, r in ((f"c={closed[-1]['concurrency']}", closed[-1]) if closed else ("", None), ("open", opened)):
        if r:
            print(f"  {name}: " + "; ".join(f"{k} {s['rps']:.0f} {s['p50_ms']}/{s['p99_ms']}"
                                             for k, s in r["by_kind"].items()))
    print(f"server peak RSS {peak} MiB")
    print(json.dumps(report["verdict"]))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
