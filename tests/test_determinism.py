"""The same input gives byte-identical exports in separate processes, whatever the hash seed
(set iteration order must never leak into the output)."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(tmp, manifest, seed: str) -> bytes:
    db, out = tmp / f"d{seed}.db", tmp / f"e{seed}.csv"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "eventdesk.cli", "extract", str(manifest), "--db", str(db), "-o", str(out),
         "--no-progress", "--include-incomplete"],
        check=True, env=env, capture_output=True,
    )
    return out.read_bytes()


def test_exports_do_not_depend_on_the_hash_seed(tmp_path, examples_manifest):
    assert _run(tmp_path, examples_manifest, "1") == _run(tmp_path, examples_manifest, "2")
