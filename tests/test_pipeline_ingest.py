"""Ingest: idempotent, per-file errors, resumable after SIGKILL with nothing lost or doubled."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.pipeline import ingest
from storyline.store import open_store

WORDS = ("minister council border river budget vote election court police strike port market trade "
         "talks rebels army harvest flood drought school hospital bridge railway energy price").split()


def make_corpus(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = []
        for _ in range(3):
            words = [rng.choice(WORDS) for _ in range(rng.randint(18, 30))]
            paras.append(f"Report {i}: " + " ".join(words).capitalize() + ".")
        paras.append("Follow The Daily Planet on Facebook and Twitter.")
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paras), encoding="utf-8")


def _ids(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as c:
        return sorted(c.execute("SELECT id, source FROM articles").fetchall())


def test_pipeline_ingest_is_idempotent(tmp_path):
    make_corpus(tmp_path / "in", 30)
    store = open_store(tmp_path / "s.db")
    first = ingest([tmp_path / "in"], store)
    again = ingest([tmp_path / "in"], store)
    assert first.added == 30 and again.added == 0 and again.skipped == 30
    assert store.count_articles() == 30
    # the boilerplate line repeated in every article of the outlet is gone from the stored text
    assert all("Follow The Daily Planet" not in a.text for a in store.articles())
    store.close()


def test_pipeline_ingest_copy_under_other_name_is_one_article(tmp_path):
    make_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "copy.txt").write_text((tmp_path / "in" / "00001.txt").read_text())
    store = open_store(tmp_path / "s.db")
    res = ingest([tmp_path / "in"], store)
    assert res.added == 3 and res.duplicates == 1
    store.close()


def test_pipeline_ingest_bad_files_reported_rest_goes_on(tmp_path):
    make_corpus(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    store = open_store(tmp_path / "s.db")
    res = ingest([tmp_path / "in"], store)
    assert res.added == 5
    bad = {Path(e.source).name: e for e in store.errors()}
    assert set(bad) == {"empty.txt", "image.png"}
    assert all(e.reason and e.code for e in bad.values())
    store.close()


def _ingest_cmd(src: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "storyline.cli", "-q", "ingest", str(src), "--db", str(db), "--no-analyse"]


@pytest.mark.timeout(300)
def test_pipeline_ingest_survives_sigkill(tmp_path):
    """Kill the ingest of 1,000 files at random moments; the final store equals an uninterrupted one."""
    src = tmp_path / "in"
    make_corpus(src, 1000)
    ref_db, db = tmp_path / "ref.db", tmp_path / "killed.db"
    subprocess.run(_ingest_cmd(src, ref_db), check=True, capture_output=True)
    reference = _ids(ref_db)
    assert len(reference) == 1000

    rng = random.Random(42)
    kills = 0
    for _ in range(8):
        p = subprocess.Popen(_ingest_cmd(src, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.2))
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
            kills += 1
        p.wait()
    subprocess.run(_ingest_cmd(src, db), check=True, capture_output=True)
    assert kills >= 3
    assert _ids(db) == reference
