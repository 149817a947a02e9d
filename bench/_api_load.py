"""The load generator of ``bench_api.py``: its own process, HTTP/1.1 keep-alive over loopback.

Requests come from a plan (a JSON list of ``{"kind", "target"}``, drawn by ``bench_api.py`` from the
store's own values) taken in turn. Two modes:

- ``closed``: ``--concurrency`` clients, each with one connection, send the next request as soon as
  the previous answer is read: the most the server can do at that concurrency.
- ``open``: requests start at a fixed ``--rate`` (evenly spaced), each on an idle connection of a
  pool (a new one when all are busy, at most ``MAX_CONNECTIONS``), whatever the server's speed;
  latency counts from the planned start, so a server that falls behind shows it (no coordinated
  omission), and every request planned inside the window counts, however late it is answered.

Each mode runs ``--warmup`` seconds unmeasured, then ``--duration`` seconds measured; the process
prints ``WINDOW START`` and ``WINDOW END`` on stdout at the window's edges (the driver samples CPU
there), then one JSON line: per request kind and overall, the count, errors, requests/s and latency
percentiles, and this process's own CPU time in the window. HTTP is h11 (the state machine uvicorn
uses) over asyncio streams: a fraction of the CPU an HTTP client library would take.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import time
from collections import defaultdict
from urllib.parse import urlsplit

import h11

TIMEOUT = 60.0
MAX_CONNECTIONS = 256
"""Open loop: requests beyond this many in flight wait for a connection (their wait counts)."""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.conn = h11.Connection(h11.CLIENT)
        self.answered = False

    async def get(self, target: str) -> tuple[int, int]:
        """(status, body bytes) of ``GET target``; reconnects when the server closed the connection.
        A kept-alive connection that the server closed while it sat idle (uvicorn closes one after 5 s)
        fails before any answer: the request is sent again once on a new connection, as HTTP clients
        do for an idempotent request (the time of both counts)."""
        reused = self.writer is not None and self.conn.our_state is h11.IDLE
        try:
            return await self._get(target)
        except (OSError, ConnectionError, h11.ProtocolError):
            if not reused or self.answered:
                raise
            await self._connect()
            return await self._get(target)

    async def _get(self, target: str) -> tuple[int, int]:
        self.answered = False
        if self.writer is None or self.conn.our_state is not h11.IDLE:
            await self._connect()
        assert self.reader is not None and self.writer is not None
        self.writer.write(self.conn.send(h11.Request(method="GET", target=target,
                                                     headers=[("Host", f"{self.host}:{self.port}")])))
        self.writer.write(self.conn.send(h11.EndOfMessage()))
        status, size = 0, 0
        while True:
            event = self.conn.next_event()
            if event is h11.NEED_DATA:
                data = await self.reader.read(1 << 16)
                self.conn.receive_data(data)
                if not data and self.conn.their_state is not h11.DONE:
                    raise ConnectionError("server closed the connection")
                continue
            if isinstance(event, h11.Response):
                status = event.status_code
                self.answered = True
            elif isinstance(event, h11.Data):
                size += len(event.data)
            elif isinstance(event, h11.EndOfMessage):
                break
        if self.conn.our_state is h11.DONE and self.conn.their_state is h11.DONE:
            self.conn.start_next_cycle()
        else:
            await self.close()
        return status, size

    async def _connect(self) -> None:
        await self.close()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.conn = h11.Connection(h11.CLIENT)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class Recorder:
    """Latencies per kind. Closed loop: requests started and answered inside the window (the rate
    the server kept up). Open loop: every request planned inside the window, however late answered."""

    def __init__(self, *, by_start: bool = False) -> None:
        self.by_start = by_start
        self.window: tuple[float, float] | None = None
        self.planned = 0  # open loop: requests planned inside the window
        self.served = 0
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.bytes = 0

    def add(self, kind: str, started: float, status: int | str, size: int) -> None:
        end = time.perf_counter()
        if self.window is not None and self.window[0] <= end <= self.window[1] and status == 200:
            self.served += 1  # answered during the window, whenever planned: what the server kept up with
        if self.window is None or not self.window[0] <= started <= self.window[1]:
            return
        if not self.by_start and end > self.window[1]:
            return
        if status == 200:
            self.latencies[kind].append(end - started)
            self.bytes += size
        else:
            self.errors[kind][str(status)] += 1


async def _one(conn: Connection, item: dict, started: float, rec: Recorder) -> None:
    try:
        status, size = await asyncio.wait_for(conn.get(item["target"]), TIMEOUT)
    except (OSError, ConnectionError, h11.ProtocolError) as exc:
        await conn.close()
        status, size = type(exc).__name__, 0
    except asyncio.TimeoutError:
        await conn.close()
        status, size = "timeout", 0
    rec.add(item["kind"], started, status, size)


async def closed_loop(url: str, plan: list[dict], concurrency: int, warmup: float, duration: float) -> Recorder:
    parts = urlsplit(url)
    rec = Recorder()
    stop = time.perf_counter() + warmup + duration
    counter = iter(range(10**12))

    async def client(number: int) -> None:
        conn = Connection(parts.hostname or "127.0.0.1", parts.port or 80)
        while time.perf_counter() < stop:
            item = plan[next(counter) % len(plan)]
            await _one(conn, item, time.perf_counter(), rec)
        await conn.close()

    tasks = [asyncio.create_task(client(n)) for n in range(concurrency)]
    await _window(rec, warmup, duration)
    await asyncio.gather(*tasks)
    return rec


async def open_loop(url: str, plan: list[dict], rate: float, warmup: float, duration: float) -> Recorder:
    parts = urlsplit(url)
    rec = Recorder(by_start=True)
    idle: list[Connection] = []
    running: set[asyncio.Task] = set()
    pool = asyncio.Semaphore(MAX_CONNECTIONS)

    async def send(item: dict, planned: float) -> None:
        async with pool:
            conn = idle.pop() if idle else Connection(parts.hostname or "127.0.0.1", parts.port or 80)
            await _one(conn, item, planned, rec)
            idle.append(conn)

    window = asyncio.create_task(_window(rec, warmup, duration))
    start = time.perf_counter()
    n = 0
    while True:
        planned = start + n / rate
        if planned > start + warmup + duration:
            break
        delay = planned - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if rec.window is not None and rec.window[0] <= planned <= rec.window[1]:
            rec.planned += 1
        task = asyncio.create_task(send(plan[n % len(plan)], planned))
        running.add(task)
        task.add_done_callback(running.discard)
        n += 1
    await window
    if running:
        await asyncio.wait(running, timeout=2 * TIMEOUT)
    for conn in idle:
        await conn.close()
    return rec


async def _window(rec: Recorder, warmup: float, duration: float) -> None:
    await asyncio.sleep(warmup)
    start = time.perf_counter()
    rec.window = (start, start + duration)
    rec.cpu0 = _cpu()  # type: ignore[attr-defined]
    print("WINDOW START", flush=True)
    await asyncio.sleep(duration)
    rec.cpu1 = _cpu()  # type: ignore[attr-defined]
    print("WINDOW END", flush=True)


def _stats(values: list[float], errors: int, duration: float) -> dict:
    values = sorted(values)

    def pct(p: float) -> float | None:
        if not values:
            return None
        return round(1000 * values[min(len(values) - 1, int(p / 100 * len(values)))], 1)

    return {"ok": len(values), "errors": errors, "rps": round(len(values) / duration, 1),
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "max_ms": round(1000 * values[-1], 1) if values else None}


def summary(rec: Recorder, duration: float) -> dict:
    kinds = sorted(set(rec.latencies) | set(rec.errors))
    every = [v for k in kinds for v in rec.latencies[k]]
    errors = {k: dict(v) for k, v in rec.errors.items() if v}
    cpu = rec.cpu1 - rec.cpu0  # type: ignore[attr-defined]
    if rec.by_start:  # still unanswered when the run gave up waiting: errors too
        answered = len(every) + sum(sum(v.values()) for v in errors.values())
        if rec.planned > answered:
            errors["*"] = {"unanswered": rec.planned - answered}
    return {
        "overall": _stats(every, sum(sum(v.values()) for v in errors.values()), duration),
        "by_kind": {k: _stats(rec.latencies[k], sum(rec.errors[k].values()), duration) for k in kinds},
        "errors": errors,
        "served_rps": round(rec.served / duration, 1),
        "mbytes_per_s": round(rec.bytes / duration / 1e6, 2),
        "generator_cpu_s": round(cpu, 2),
        "generator_cores": round(cpu / duration, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--plan", required=True, help="JSON file: a list of {kind, target}")
    parser.add_argument("--mode", choices=("closed", "open"), default="closed")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--offset", type=int, default=0, help="start this far into the plan")
    args = parser.parse_args()
    with open(args.plan, encoding="utf-8") as handle:
        plan = json.load(handle)
    plan = plan[args.offset % len(plan):] + plan[:args.offset % len(plan)]
    if args.mode == "closed":
        rec = asyncio.run(closed_loop(args.url, plan, args.concurrency, args.warmup, args.duration))
    else:
        rec = asyncio.run(open_loop(args.url, plan, args.rate, args.warmup, args.duration))
    print(json.dumps(summary(rec, args.duration)), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
