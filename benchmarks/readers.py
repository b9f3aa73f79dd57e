"""Reader throughput per input format (documents/s, one core), with bare-library peers.

    .venv/bin/python benchmarks/readers.py [--runs 5] [--limit N]

The same article texts (all text in ../shared/data and the seeds) are written as
.txt files, as HTML pages (with navigation, scripts and styles around the body),
as one JSONL file, as one RSS feed and as one WARC. Each is read with
``storyline.ingest.readers.read_paths``; in the same run the peer does the least
work that format needs with the library alone (file read + UTF-8 decode;
``trafilatura.extract``; ``json.loads`` per line; ``feedparser.parse``; warcio
iteration). Medians of ``--runs`` timings. Reference: the ingest goal is >= 200
articles/s on one core without NLP (issue 2), so the .txt reader must cost a small
share of that budget (< 1 ms per article).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import all_text_files, require_data  # noqa: E402

GOAL = 200.0
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Bench Herald</title><meta property="og:site_name" content="Bench Herald">
<meta property="article:published_time" content="2020-01-0{day}T08:00:00Z">
<style>body{{font:14px serif}} .ad{{display:none}}</style>
<script>window.dataLayer=[];function track(){{return 1}}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{paras}</article>
<aside>Related: <a href="/x">Other story</a></aside><footer>(c) Bench Herald</footer></body></html>
"""


def _paras(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def write_inputs(texts: list[str], root: Path) -> dict[str, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths = {k: root / k for k in ("txt", "html")}
    for p in paths.values():
        p.mkdir()
    pages = []
    for i, text in enumerate(texts):
        (paths["txt"] / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        paras = _paras(text)
        page = PAGE.format(title=html.escape(paras[0][:80] if paras else "x"), day=i % 9 + 1,
                           paras="".join(f"<p>{html.escape(p)}</p>" for p in paras))
        pages.append(page)
        (paths["html"] / f"{i:05d}.html").write_text(page, encoding="utf-8")
    paths["jsonl"] = root / "all.jsonl"
    with open(paths["jsonl"], "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"title": f"t{i}", "body": text, "date": "2020-01-04",
                                 "source": "Bench Herald"}) + "\n")
    paths["rss"] = root / "feed.rss"
    items = "".join(
        f"<item><title>t{i}</title><link>https://bench.example/{i}</link>"
        f"<pubDate>Sat, 04 Jan 2020 10:00:00 +0000</pubDate><description>"
        f"{html.escape(''.join(f'<p>{html.escape(p)}</p>' for p in _paras(text)))}"
        f"</description></item>"
        for i, text in enumerate(texts)
    )
    paths["rss"].write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>'
                            f"<title>Bench Herald</title>{items}</channel></rss>",
                            encoding="utf-8")
    paths["warc"] = root / "crawl.warc.gz"
    with open(paths["warc"], "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://bench.example/{i}", "response",
                                                payload=io.BytesIO(page.encode()),
                                                http_headers=headers))
    return paths


def timed(fn: Callable[[], int], runs: int) -> tuple[float, int]:
    rates, n = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        n = fn()
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates), n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    args = ap.parse_args()
    require_data()
    import feedparser
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    from storyline.ingest.readers import read_paths
    from storyline.model import RawDocument

    texts = [t for _, t in all_text_files() if t.strip()]
    if args.limit:
        texts = texts[: args.limit]
    root = Path(tempfile.mkdtemp())
    try:
        paths = write_inputs(texts, root)

        def ours(path: Path) -> Callable[[], int]:
            return lambda: sum(isinstance(d, RawDocument) for d in read_paths([path]))

        def peer_txt() -> int:
            return sum(1 for p in sorted(paths["txt"].iterdir()) if p.read_bytes().decode())

        def peer_html() -> int:
            return sum(1 for p in sorted(paths["html"].iterdir())
                       if trafilatura.extract(p.read_bytes(), with_metadata=True))

        def peer_jsonl() -> int:
            with open(paths["jsonl"], encoding="utf-8") as fh:
                return sum(1 for line in fh if json.loads(line)["body"])

        def peer_rss() -> int:
            return len(feedparser.parse(io.BytesIO(paths["rss"].read_bytes())).entries)

        def peer_warc() -> int:
            with open(paths["warc"], "rb") as fh:
                return sum(1 for r in ArchiveIterator(fh) if r.rec_type == "response"
                           and r.content_stream().read())

        rows = []
        slow_runs = max(1, min(args.runs, 3))  # HTML paths take ~10 s a run on all texts
        plan = [("txt", peer_txt, "read + UTF-8 decode", args.runs),
                ("jsonl", peer_jsonl, "json.loads per line", args.runs),
                ("rss", peer_rss, "feedparser.parse", args.runs),
                ("html", peer_html, "trafilatura.extract", slow_runs),
                ("warc", peer_warc, "warcio iterate + read", slow_runs)]
        for fmt, peer, peer_name, runs in plan:
            rate, n = timed(ours(paths[fmt]), runs)
            prate, _ = timed(peer, runs)
            assert n == len(texts), (fmt, n, len(texts))
            rows.append((fmt, n, rate, peer_name, prate))
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print(f"texts: {len(texts)} (seeds, TAC 2011, PolNeAR, TempEval-3); runs: {args.runs} "
          f"(html/warc: {slow_runs}); one process, one core")
    print(f"{'format':7s} {'docs':>6s} {'storyline docs/s':>17s} {'peer':24s} {'peer docs/s':>12s} "
          f"{'ratio':>6s}")
    for fmt, n, rate, peer_name, prate in rows:
        print(f"{fmt:7s} {n:6d} {rate:17.0f} {peer_name:24s} {prate:12.0f} {rate / prate:6.2f}")
    txt = rows[0][2]
    print(f"reference: ingest goal >= {GOAL:.0f} articles/s without NLP (issue 2); the .txt "
          f"reader alone costs {1000 / txt:.2f} ms/article = {100 * GOAL / txt:.1f}% of that "
          f"budget")


if __name__ == "__main__":
    main()
