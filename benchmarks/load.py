"""Web latency while an ingest writes to the same store (issue 10, load).

    .venv/bin/python benchmarks/load.py [--articles 5000] [--concurrency 16] [--analyse]

Builds a store from the seeds (`storyline run`), starts `storyline serve` on a free loopback
port, then runs `storyline ingest` of N generated articles against the same store while a
bounded stream of requests hits the story page and the API. Prints p50/p95 latency and errors
for the quiet phase (no ingest) and the loaded phase, side by side. Goal: story-page p95 < 150 ms
with zero errors while the ingest runs. Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from _data import SEEDS  # noqa: E402
from test_pipeline_ingest import make_corpus  # noqa: E402

PY = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def burst(base: str, paths: list[str], seconds: float, concurrency: int, stop: asyncio.Event | None,
                max_requests: int = 20000) -> dict[str, list[float]]:
    lat: dict[str, list[float]] = {p: [] for p in paths}
    errors: dict[str, int] = {p: 0 for p in paths}
    deadline = time.perf_counter() + seconds
    sent = 0

    async def worker(client: httpx.AsyncClient, i: int) -> None:
        nonlocal sent
        k = i
        while time.perf_counter() < deadline and sent < max_requests and not (stop and stop.is_set()):
            path = paths[k % len(paths)]
            k += 1
            sent += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(base + path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                lat[path].append((time.perf_counter() - t0) * 1000)
            else:
                errors[path] += 1

    async with httpx.AsyncClient(timeout=10) as client:
        await asyncio.gather(*(worker(client, i) for i in range(concurrency)))
    return {"lat": lat, "errors": errors}


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--analyse", action="store_true", help="also analyse the new articles (slow)")
    args = ap.parse_args()
    if not SEEDS.is_dir():
        print("skipped: data not found (../shared/seeds)")
        return
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "s.db"
    subprocess.run([PY, "-m", "storyline.cli", "-q", "run", str(SEEDS), "--out", str(tmp / "out"), "--db", str(db)],
                   check=True, capture_output=True)
    story = json.loads((tmp / "out" / "storyline.json").read_text())["stories"][0]["id"]
    make_corpus(tmp / "bulk", args.articles)
    port = free_port()
    server = subprocess.Popen([PY, "-m", "storyline.cli", "-q", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/api/stories", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        paths = [f"/stories/{story}", "/api/stories", f"/api/stories/{story}"]
        quiet = asyncio.run(burst(base, paths, args.seconds / 2, args.concurrency, None))
        cmd = [PY, "-m", "storyline.cli", "-q", "ingest", str(tmp / "bulk"), "--db", str(db)]
        if not args.analyse:
            cmd.append("--no-analyse")
        t0 = time.perf_counter()
        ingest = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        async def loaded_phase():
            stop = asyncio.Event()

            async def watch():
                while ingest.poll() is None:
                    await asyncio.sleep(0.1)
                stop.set()

            w = asyncio.create_task(watch())
            res = await burst(base, paths, 600, args.concurrency, stop)
            await w
            return res

        loaded = asyncio.run(loaded_phase())
        ingest_s = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait()
    print(f"store: seeds + {args.articles} articles ingested during the loaded phase "
          f"({'with' if args.analyse else 'without'} analysis, {ingest_s:.1f} s, exit {ingest.returncode}); "
          f"{args.concurrency} concurrent clients on 127.0.0.1")
    print(f"{'route':34s} {'phase':7s} {'n':>6s} {'p50 ms':>8s} {'p95 ms':>8s} {'errors':>7s}")
    for path in paths:
        for name, res in (("quiet", quiet), ("ingest", loaded)):
            xs = res["lat"][path]
            print(f"{path[:34]:34s} {name:7s} {len(xs):6d} {pct(xs, .5):8.1f} {pct(xs, .95):8.1f} {res['errors'][path]:7d}")
    p95 = pct(loaded["lat"][paths[0]], .95)
    errs = sum(loaded["errors"].values())
    print(f"goal: story page p95 < 150 ms and zero errors during ingest -> "
          f"{'met' if p95 < 150 and errs == 0 else 'NOT met'} (p95 {p95:.1f} ms, {errs} errors; "
          f"median of all quiet story-page requests {statistics.median(quiet['lat'][paths[0]] or [float('nan')]):.1f} ms)")


if __name__ == "__main__":
    main()
