"""Faults and hostile input: how many kills and payloads were tried, how many articles lost or doubled.

    .venv/bin/python benchmarks/faults.py [--kills 20] [--files 1000]

1. SIGKILL `storyline ingest` of N files at random moments, then run it again: compare the stored
   articles with an uninterrupted ingest (lost = missing ids, doubled = extra ids or rows).
2. SIGKILL `storyline run` over the seeds (ingest, analysis, report writing) at random moments,
   then run again: compare storyline.json with an uninterrupted run.
3. Hostile inputs through the readers and the report: each must be refused with a clear
   per-file error or neutralised (no markup reaching report.html).
Goal: zero lost, zero doubled, every payload refused or neutralised.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from _data import SEEDS  # noqa: E402
from test_pipeline_ingest import make_corpus  # noqa: E402

PY = sys.executable


def cli(*args: str) -> list[str]:
    return [PY, "-m", "storyline.cli", "-q", *args]


def ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as c:
        return [r[0] for r in c.execute("SELECT id FROM articles")]


def kill_loop(cmd: list[str], kills: int, window: float, rng: random.Random) -> int:
    done = 0
    for _ in range(kills):
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.03, 0.97) * window)
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
            done += 1
        p.wait()
    return done


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t0


def hostile_cases(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    cases = {}

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        cases[name] = folder / name

    put("script.html", b"<html><body><script>alert(1)</script><article><p>The council met on Monday "
        b"and approved the plan <img src=x onerror=alert(2)> after a long debate about roads.</p>"
        b"<p>Critics said <a href='javascript:alert(3)'>the vote</a> was rushed and the costs unclear.</p>"
        b"</article></body></html>")
    put("script.txt", b"<script>alert(1)</script> The minister <svg onload=alert(4)> spoke about trade "
        b"policy and tariffs at length.\n\nA second paragraph follows with more about the summit.")
    put("bomb.txt.gz", gzip.compress(b"a" * (200 * 1024 * 1024), compresslevel=9))
    put("nested.html", b"<html><body>" + b"<div>" * 100000 + b"deep text" + b"</div>" * 100000 + b"</body></html>")
    with open(folder / "huge-line.txt", "wb") as f:  # sparse: 1 GB, one line
        f.write(b"a")
        f.truncate(1024 * 1024 * 1024)
    cases["huge-line.txt"] = folder / "huge-line.txt"
    put("traversal.jsonl", json.dumps({"text": "A report on the harbour expansion approved by the port "
                                       "authority this week after months of talks.",
                                       "url": "../../../../etc/passwd", "source": "../../etc/shadow"}).encode() + b"\n")
    put("truncated.gz", gzip.compress(b"Some article text that is long enough to matter. " * 50)[:-30])
    put("binary.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64)
    put("latin1.txt", "Le ministre a déclaré que la réforme des retraites était nécessaire pour l'économie.".encode("latin-1"))
    put("empty.txt", b"")
    put("feed.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>x</title>"
        b"<link>http://127.0.0.1:1/private</link><description>&lt;script&gt;alert(5)&lt;/script&gt;The mayor "
        b"opened the new bridge on Sunday to cheers from residents.</description></item></channel></rss>")
    return cases


def active_content(html: str) -> list[str]:
    """Script elements with payload text, on* handler attributes and javascript: URLs in real markup."""
    from html.parser import HTMLParser

    found: list[str] = []

    class P(HTMLParser):
        in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            for k, v in attrs:
                if k.startswith("on") or (v or "").strip().lower().startswith("javascript:"):
                    found.append(f"<{tag} {k}={v!r}>")

        def handle_data(self, data):
            if self.in_script and "alert" in data:
                found.append(f"<script>{data[:40]}")

        def handle_endtag(self, tag):
            self.in_script = False

    P().feed(html)
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--files", type=int, default=1000)
    args = ap.parse_args()
    rng = random.Random(20200103)
    tmp = Path(tempfile.mkdtemp())

    # 1. ingest kills
    src = tmp / "in"
    make_corpus(src, args.files)
    ref = tmp / "ref.db"
    t_ingest = timed(cli("ingest", str(src), "--db", str(ref), "--no-analyse"))
    killed_db = tmp / "killed.db"
    k1 = kill_loop(cli("ingest", str(src), "--db", str(killed_db), "--no-analyse"), args.kills, t_ingest, rng)
    subprocess.run(cli("ingest", str(src), "--db", str(killed_db), "--no-analyse"), check=True, capture_output=True)
    a, b = ids(ref), ids(killed_db)
    lost1, doubled1 = len(set(a) - set(b)), len(b) - len(set(b)) + len(set(b) - set(a))

    # 2. whole-run kills over the seeds
    equal2 = None
    k2 = 0
    if SEEDS.is_dir():
        t_run = timed(cli("run", str(SEEDS), "--out", str(tmp / "ref-out"), "--db", str(tmp / "ref-run.db")))
        out, db = tmp / "out", tmp / "run.db"
        k2 = kill_loop(cli("run", str(SEEDS), "--out", str(out), "--db", str(db)), args.kills, t_run, rng)
        subprocess.run(cli("run", str(SEEDS), "--out", str(out), "--db", str(db)), check=True, capture_output=True)

        def load(p: Path) -> dict:
            d = json.loads((p / "storyline.json").read_text())
            d.pop("generated_at")
            return d

        equal2 = load(out) == load(tmp / "ref-out")
        lost2 = len(set(ids(tmp / "ref-run.db")) - set(ids(db)))
        doubled2 = len(ids(db)) - len(set(ids(tmp / "ref-run.db")))
    # 3. hostile inputs
    cases = hostile_cases(tmp / "hostile")
    hout = tmp / "hostile-out"
    t0 = time.perf_counter()
    p = subprocess.run(cli("run", str(tmp / "hostile"), "--out", str(hout), "--db", str(tmp / "h.db"), "--json"),
                       capture_output=True, text=True, timeout=600)
    hostile_s = time.perf_counter() - t0
    errs = json.loads(subprocess.run(cli("errors", "--db", str(tmp / "h.db"), "--json"), capture_output=True,
                                     text=True).stdout or "[]")
    html = (hout / "report.html").read_text() if (hout / "report.html").exists() else ""
    refused = {Path(e["source"].split("#")[0]).name: e["code"] for e in errs}
    markup_leak = active_content(html)

    print(f"{'check':52s} {'tried':>6s} {'lost':>6s} {'doubled':>8s}")
    print(f"{'ingest of ' + str(args.files) + ' files, SIGKILL at random moments':52s} {k1:6d} {lost1:6d} {doubled1:8d}")
    if equal2 is not None:
        print(f"{'storyline run on seeds, SIGKILL at random moments':52s} {k2:6d} {lost2:6d} {doubled2:8d}"
              f"   storyline.json equal to uninterrupted run: {equal2}")
    print(f"\nhostile inputs: {len(cases)} files, run exit code {p.returncode}, {hostile_s:.1f} s")
    for name in sorted(cases):
        print(f"  {name:18s} {'refused ' + refused[name] if name in refused else 'read and neutralised'}")
    print(f"active markup reaching report.html: {markup_leak or 'none'}")


if __name__ == "__main__":
    main()
