"""Reliability of the store: concurrent ingests, a full disk, and kills during the whole run."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.pipeline import ingest
from storyline.store import open_store
from test_pipeline_ingest import _ids, _ingest_cmd, make_corpus


@pytest.mark.timeout(300)
def test_reliability_two_ingests_at_once_double_nothing(tmp_path):
    src = tmp_path / "in"
    make_corpus(src, 600, seed=3)
    ref = tmp_path / "ref.db"
    subprocess.run(_ingest_cmd(src, ref), check=True, capture_output=True)
    db = tmp_path / "shared.db"
    procs = [subprocess.Popen(_ingest_cmd(src, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, errout = p.communicate(timeout=240)
        assert p.returncode == 0, errout.decode()
    assert _ids(db) == _ids(ref)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 600


def test_reliability_disk_full_gives_clear_error_and_intact_store(tmp_path):
    make_corpus(tmp_path / "a", 20, seed=1)
    make_corpus(tmp_path / "b", 400, seed=2)
    db = tmp_path / "s.db"
    store = open_store(db)
    ingest([tmp_path / "a"], store)
    before = _ids(db)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    # A store that cannot grow behaves as a full disk does: SQLITE_FULL on write.
    store.conn.execute(f"PRAGMA max_page_count={pages + 8}")
    with pytest.raises(StoreError) as exc:
        ingest([tmp_path / "b"], store, batch_size=400)
    assert "full" in str(exc.value).lower() and "E302" in str(exc.value)
    store.close()
    again = open_store(db)
    assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _ids(db) == before
    again.close()


def _run_cmd(src: Path, out: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "-q", "run", str(src), "--out", str(out), "--db", str(db)]


def _report(out: Path) -> dict:
    data = json.loads((out / "storyline.json").read_text())
    data.pop("generated_at")
    return data


@pytest.mark.timeout(600)
def test_reliability_run_killed_at_random_moments_ends_equal(tmp_path, seeds_dir):
    """SIGKILL `storyline run` during ingest, analysis and report writing; a re-run ends equal."""
    ref_out, ref_db = tmp_path / "ref", tmp_path / "ref.db"
    subprocess.run(_run_cmd(seeds_dir, ref_out, ref_db), check=True, capture_output=True)
    t0 = time.perf_counter()
    subprocess.run(_run_cmd(seeds_dir, tmp_path / "warm", tmp_path / "warm.db"), check=True, capture_output=True)
    full = time.perf_counter() - t0
    out, db = tmp_path / "out", tmp_path / "killed.db"
    rng = random.Random(5)
    for _ in range(int(os.environ.get("STORYLINE_KILLS", "3"))):
        p = subprocess.Popen(_run_cmd(seeds_dir, out, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.95) * full)
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
        p.wait()
    subprocess.run(_run_cmd(seeds_dir, out, db), check=True, capture_output=True)
    assert _ids(db) == _ids(ref_db)
    assert _report(out) == _report(ref_out)
