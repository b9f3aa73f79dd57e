"""Ingest throughput (read, clean, date, de-duplicate, store) without NLP.

    .venv/bin/python benchmarks/ingest.py [--runs 5]

Prints articles/s over all text in ../shared/data and the seeds (median of runs, one core),
and as a peer in the same run, the bare cost of reading the same files and calling
trafilatura's plain-text cleaning (`trafilatura.utils.sanitize`) on them. Goal: >= 200 articles/s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _data import all_text_files, require_data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    require_data()
    from storyline.pipeline import ingest
    from storyline.store import open_store

    texts = all_text_files()
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in"
    src.mkdir()
    for i, (_, text) in enumerate(texts):
        (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")

    rates, peer = [], []
    for r in range(args.runs):
        db = tmp / f"run{r}.db"
        t0 = time.perf_counter()
        store = open_store(db)
        res = ingest([src], store)
        store.close()
        rates.append(len(texts) / (time.perf_counter() - t0))
        assert res.read == len(texts), (res.read, len(texts))

        from trafilatura.utils import sanitize

        t0 = time.perf_counter()
        for p in sorted(src.iterdir()):
            sanitize(p.read_text(encoding="utf-8"))
        peer.append(len(texts) / (time.perf_counter() - t0))
    shutil.rmtree(tmp)
    med, pmed = statistics.median(rates), statistics.median(peer)
    print(f"files: {len(texts)} (seeds, TAC 2011, PolNeAR train+dev, TempEval-3 text); runs: {args.runs}")
    print(f"{'system':44s} {'articles/s (median)':>20s} {'min':>8s} {'max':>8s}")
    print(f"{'storyline ingest (read+clean+date+dedup+store)':44s} {med:20.0f} {min(rates):8.0f} {max(rates):8.0f}")
    print(f"{'peer: read + trafilatura sanitize only':44s} {pmed:20.0f} {min(peer):8.0f} {max(peer):8.0f}")
    print(f"ratio storyline / peer: {med / pmed:.2f}   goal: >= 200 articles/s on one core -> "
          f"{'met' if med >= 200 else 'NOT met'}")


if __name__ == "__main__":
    main()
