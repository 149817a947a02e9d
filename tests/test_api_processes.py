"""`eventdesk serve` with several processes: real server processes on a loopback port. The workers
answer on one socket, the write token reaches them without the environment, writes are serialised
across them, and SIGTERM stops them all."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from eventdesk.api._state import WriteLock
from eventdesk.store import Store

TOKEN = "processes-token-0123456789abcdef"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


@pytest.fixture
def server(tmp_path):
    db = tmp_path / "s.db"
    Store.open(db).close()
    config = tmp_path / "serve.toml"
    config.write_text(f'write_token = "{TOKEN}"\nserver_processes = 2\n', encoding="utf-8")
    config.chmod(0o600)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTDESK_")}
    proc = subprocess.Popen([sys.executable, "-m", "eventdesk.cli", "serve", "--db", str(db), "--port", str(port),
                             "--config", str(config)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read().decode()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=5):
                break
        except OSError:
            time.sleep(0.2)
    yield proc, port
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # stops its workers too; SIGKILL would leave them to stop alone
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_two_workers_answer_and_keep_the_token_out_of_the_environment(server):
    proc, port = server
    workers = _children(proc.pid)
    assert len(workers) == 2
    for _ in range(20):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=10) as r:
            body = json.loads(r.read())
        assert body["write_enabled"] is True  # the token reached the workers
    for pid in (proc.pid, *workers):
        assert TOKEN.encode() not in Path(f"/proc/{pid}/environ").read_bytes()
        assert TOKEN.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()


def test_a_worker_that_dies_is_replaced_and_sigterm_stops_them_all(server):
    proc, port = server
    first = _children(proc.pid)
    os.kill(first[0], signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(_children(proc.pid)) != 2 or first[0] in _children(proc.pid)):
        time.sleep(0.2)
    workers = _children(proc.pid)
    assert len(workers) == 2 and first[0] not in workers
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=10) as r:
        assert r.status == 200
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_workers_stop_when_the_server_is_killed(server):
    """SIGKILL leaves the server no chance to stop its workers: each notices its parent is gone and
    stops, so no orphan keeps the port or the store."""
    proc, _ = server
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    alive = workers
    while time.monotonic() < deadline and alive:
        alive = [pid for pid in workers
                 if Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
        time.sleep(0.2)
    assert alive == []


def test_the_write_lock_holds_across_processes(tmp_path):
    """A second process cannot take the lock while this one holds it (flock on <db>.write-lock)."""
    db = str(tmp_path / "w.db")
    probe = ("import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT);"
             "\ntry:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')"
             "\nexcept BlockingIOError:\n    print('held')")
    lock = WriteLock(db)

    def other() -> str:
        return subprocess.run([sys.executable, "-c", probe, f"{db}.write-lock"], capture_output=True, text=True,
                              check=True).stdout.strip()

    with lock:
        assert other() == "held"
    assert other() == "free"
    done: list[str] = []
    with lock:  # and a second thread of this process waits too
        thread = threading.Thread(target=lambda: (lock.__enter__(), done.append("in"), lock.__exit__()))
        thread.start()
        thread.join(0.3)
        assert done == []
    thread.join(10)
    assert done == ["in"]


def test_a_write_lock_that_cannot_be_taken_is_a_store_error(tmp_path):
    from eventdesk.errors import StoreError

    lock = WriteLock(str(tmp_path / "missing-folder" / "w.db"))
    with pytest.raises(StoreError, match="write lock"):
        with lock:
            pass
    (tmp_path / "missing-folder").mkdir()
    with lock:  # the thread lock was given back: the same lock is taken once the folder is there
        assert Path(f"{tmp_path}/missing-folder/w.db.write-lock").exists()
