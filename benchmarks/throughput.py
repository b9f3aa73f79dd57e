"""Full-pipeline throughput and memory on each engine, against bare spaCy.

    .venv/bin/python benchmarks/throughput.py [--n 2000] [--configs spacy,local1,local2,dask1,dask2]

Input: every text in ../shared/data (TAC 2011 docs, PolNeAR train+dev texts, TempEval-3
.tml text) and the seeds, written as temporary .txt files; when fewer than ``--n``, texts
are recycled with a unique "Archive copy reference <letters>." line appended, so each copy is a distinct article (a
near-duplicate: it is analysed like any other and kept out of stories; the table's
"analysed" column shows that every article was).

Each configuration runs in a fresh process (so peak memory is its own) over the same
files: ``storyline`` ingest -> analyse -> build -> report into a fresh SQLite store, with
the local engine (1 and 2 worker processes) and the Dask engine (a local cluster of 1 and
2 single-threaded workers; cluster start included). The anchor, in the same run, is bare
spaCy: the same pipeline (``load_pipeline()``) over the same texts with ``nlp.pipe``; "spacy2"
is the same with ``n_process=2``, which shows how far two processes can scale on this machine
at all (its "x 1 wkr" column is the machine's ceiling for the 2-worker goal).
Memory is the RSS of the process and all its children, sampled every 0.2 s; "RSS at
25/50/75/100 %" is taken as analysis passes those points. Goals: full pipeline >= 0.8x
bare spaCy throughput; 2 workers >= 1.8x of 1; memory flat in the number of articles.
"analyse art/s" isolates the per-article stages, the part the engines distribute; the
cross-article build runs in the calling process, except the per-story summaries, which go to
the engine's workers as in ``storyline run``.
One timing per configuration (a run takes minutes; medians would multiply that).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import all_text_files, require_data  # noqa: E402

CONFIGS = {"spacy": ("spacy", 1), "spacy2": ("spacy", 2), "local1": ("local", 1), "local2": ("local", 2),
           "dask1": ("dask", 1), "dask2": ("dask", 2)}
GOAL_VS_SPACY = 0.8
GOAL_SCALING = 1.8


class TreeRSS:
    """Samples the resident memory of this process plus all its descendants."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def now(self) -> int:
        import psutil

        total = 0
        for p in [self.proc, *self.proc.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        self.peak = max(self.peak, total)
        return total

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.now()

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def child(config: str, src: Path, work: Path) -> dict:
    """One configuration, in this (fresh) process; returns its figures."""
    engine, workers = CONFIGS[config]
    files = sorted(src.iterdir())
    marks: dict[str, float] = {}
    phases: dict[str, float] = {}
    with TreeRSS() as mem:
        t0 = time.perf_counter()
        if engine == "spacy":
            from storyline.nlp.pipeline import load_pipeline

            nlp = load_pipeline()
            texts = [p.read_text(encoding="utf-8") for p in files]
            n = 0
            # spacy2: spaCy's own multiprocessing, the machine's ceiling for two processes.
            for _doc in nlp.pipe(texts, batch_size=16, n_process=workers):
                n += 1
                for q in (25, 50, 75, 100):
                    if n == max(1, len(texts) * q // 100):
                        marks[f"{q}%"] = mem.now()
            count = len(texts)
        else:
            from storyline.pipeline import analyse, build, ingest
            from storyline.report import write_report
            from storyline.store import open_store

            def progress(what: str, done: int, total: int | None) -> None:
                if what == "analyse" and total:
                    for q in (25, 50, 75, 100):
                        if f"{q}%" not in marks and done >= total * q / 100:
                            marks[f"{q}%"] = mem.now()

            store = open_store(work / f"{config}.db")
            t = time.perf_counter()
            res = ingest([src], store)
            phases["ingest"] = time.perf_counter() - t
            t = time.perf_counter()
            analysed = analyse(store, engine=engine, workers=workers, progress=progress)
            phases["analyse"] = time.perf_counter() - t
            t = time.perf_counter()
            # The build gets the engine too: its per-story summaries run on the same workers.
            corpus = build(store, engine=engine, workers=workers)
            write_report(store, work / f"{config}-report")
            phases["build"] = time.perf_counter() - t
            store.close()
            count = res.read
            phases["stories"] = len(corpus.stories)
            phases["analysed"] = analysed
        elapsed = time.perf_counter() - t0
    return {"config": config, "articles": count, "seconds": elapsed, "rate": count / elapsed,
            "peak_rss": mem.peak, "marks": marks, "phases": phases}


def prepare(n: int, dest: Path) -> tuple[int, int]:
    texts = [t for _, t in all_text_files() if t.strip()]
    unique = len(texts)
    dest.mkdir(parents=True)
    for i in range(n):
        text = texts[i % unique]
        if i // unique:
            # A line no other article has (digits would not do: the cleaner folds them, so
            # "(copy 1)" in 700 files is boilerplate, is removed, and the copy becomes an exact
            # duplicate that is never analysed).
            text = text.rstrip() + f"\n\nArchive copy reference {_letters(i)}.\n"
        (dest / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return unique, sum(len(texts[i % unique].split()) for i in range(n))


def _letters(i: int) -> str:
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if i == 0:
            return out


def mb(x: float) -> str:
    return f"{x / 2**20:,.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--src", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.child:
        print(json.dumps(child(args.child, Path(args.src), Path(args.work))))
        return

    require_data()
    tmp = Path(tempfile.mkdtemp(prefix="storyline-throughput-"))
    try:
        unique, words = prepare(args.n, tmp / "in")
        print(f"{args.n} articles as .txt files ({unique} distinct texts from ../shared/data and the seeds"
              f"{', recycled' if args.n > unique else ''}), {words:,} words; {os.cpu_count()} CPU cores")
        results = {}
        for config in args.configs.split(","):
            work = tmp / config
            work.mkdir()
            t = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "--child", config, "--src", str(tmp / "in"),
                                  "--work", str(work)], capture_output=True, text=True)
            if out.returncode != 0:
                print(f"{config}: failed after {time.perf_counter() - t:.0f}s\n{out.stderr[-2000:]}")
                continue
            results[config] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[config]
            print(f"  {config}: {r['seconds']:.1f}s", file=sys.stderr)
        report(results, words)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report(results: dict, words: int) -> None:
    base = results.get("spacy")
    print()
    print(f"{'config':<8} {'articles':>8} {'analysed':>8} {'seconds':>8} {'art/s':>7} {'x spaCy':>8} {'x 1 wkr':>8} "
          f"{'analyse art/s':>13} {'x spaCy':>8} {'x 1 wkr':>8} "
          f"{'peak MB':>8}  {'RSS MB at 25/50/75/100%':<26} {'ingest/analyse/build s':<24}")

    def analyse_rate(r: dict) -> float:
        return r["articles"] / r["phases"]["analyse"] if "analyse" in r["phases"] else r["rate"]

    for config, r in results.items():
        rel = f"{r['rate'] / base['rate']:.2f}" if base else "-"
        one = (results.get("spacy" if config == "spacy2" else config[:-1] + "1") if config[-1] == "2" else None)
        scale = f"{r['rate'] / one['rate']:.2f}" if one else "-"
        ar = analyse_rate(r)
        arel = f"{ar / base['rate']:.2f}" if base else "-"
        ascale = f"{ar / analyse_rate(one):.2f}" if one else "-"
        marks = "/".join(mb(r["marks"][k]) for k in ("25%", "50%", "75%", "100%") if k in r["marks"])
        ph = r["phases"]
        phases = "/".join(f"{ph[k]:.0f}" for k in ("ingest", "analyse", "build") if k in ph) or "-"
        done = r["phases"].get("analysed", r["articles"])
        print(f"{config:<8} {r['articles']:>8} {done:>8} {r['seconds']:>8.1f} {r['rate']:>7.2f} {rel:>8} {scale:>8} "
              f"{ar:>13.2f} {arel:>8} {ascale:>8} {mb(r['peak_rss']):>8}  {marks:<26} {phases:<24}")
    if base:
        print(f"\nbare spaCy: {words / base['seconds']:,.0f} words/s")
    print(f"goals: full pipeline >= {GOAL_VS_SPACY}x bare spaCy (local1 vs spacy); 2 workers >= {GOAL_SCALING}x "
          "of 1; RSS flat from 25% to 100%")
    print("reference: RECIPES.md measured en_core_web_sm at about 3,900 words/s on one core with nlp.pipe")


if __name__ == "__main__":
    main()
