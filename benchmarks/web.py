"""Web app latency on a store of >= 10,000 articles (issue 8).

    .venv/bin/python benchmarks/web.py [--articles 10000] [--concurrency 32] [--seconds 20]

Builds a store of N articles recombined from the sentences of ../shared/data and the seeds. To
keep the build to seconds, the NLP stages are skipped for the bulk: articles go in with
``SQLiteStore.add_articles`` and the cross-article results are a synthetic corpus JSON built with
the real ``storyline.json`` shapes (``report.contract``; validated against its JSON Schema):
stories of 1 to 300 articles with chapters, cited summaries, dated events, quotes with speakers,
entities. Then uvicorn serves ``storyline.web.create_app`` on a free loopback port and a bounded
burst (httpx, N concurrent clients, T seconds, at most --max-requests requests) hits the biggest
story's page, other story pages and API routes. Prints p50/p95 latency and errors per route, the
cold costs (corpus parse, first render), and the peer: the naive way, parsing the stored JSON
and rendering on every request. Goal: story page p95 < 150 ms, zero errors. Traffic goes to
127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _data import all_text_files, require_data  # noqa: E402

PY = sys.executable
_SENT = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘]?[A-Z])")
_NAME = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b")
_QUOTE = re.compile(r"[“\"]([^”\"]{20,300})[”\"]")
OUTLETS = ["Dawn", "Reuters", "The Guardian", "Al Jazeera", "AP", "BBC News", "Le Monde", "NYT", "SAMAA", "DW"]
CATEGORIES = ["CONSULT", "ASSAULT", "THREATEN", "DEMAND", "ACCUSE", "AID", "COOPERATE", "PROTEST"]


def _h(*parts: str, n: int = 12) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()[:n]


def sentences_pool() -> list[str]:
    pool = []
    for _, text in all_text_files():
        for para in re.split(r"\n\s*\n", text):
            for s in _SENT.split(" ".join(para.split())):
                if 40 <= len(s) <= 400:
                    pool.append(s)
    return pool


def build_store(db: Path, n: int, seed: int = 11) -> dict:
    """Articles from recombined sentences, and a synthetic corpus in storyline.json's shapes."""
    import datetime as dt

    from storyline.model import Article
    from storyline.report.contract import article_json, validate
    from storyline.store import open_store

    rng = random.Random(seed)
    pool = sentences_pool()
    store = open_store(db)
    # Stories: sizes from a long tail (a few big ones, many small), each with a date range.
    sizes, left = [], n
    while left > 0:
        k = min(left, rng.choice([1, 1, 2, 3, 5, 8, 13, 21, 40]) if sizes else min(300, left))
        sizes.append(k)
        left -= k
    articles: list[Article] = []
    story_members: list[list[int]] = []
    day0 = dt.date(2019, 1, 1)
    for si, size in enumerate(sizes):
        start = day0 + dt.timedelta(days=rng.randint(0, 700))
        members = []
        topic = rng.sample(pool, 12)
        for j in range(size):
            paras = []
            for _ in range(rng.randint(3, 6)):
                paras.append(" ".join(rng.choice(topic) if rng.random() < 0.3 else rng.choice(pool)
                                      for _ in range(rng.randint(2, 4))))
            text = "\n\n".join(paras) + f"\n\nReport {si}-{j}."
            day = start + dt.timedelta(days=rng.randint(0, 20))
            a = Article(id=_h(text, n=16), source=f"bench/{si:05d}/{j:03d}.txt", text=text,
                        title=paras[0].split(". ")[0][:120], outlet=rng.choice(OUTLETS),
                        outlet_from="bench", published=day.isoformat(), published_from="bench",
                        published_confidence=1.0)
            members.append(len(articles))
            articles.append(a)
        story_members.append(members)
    for i in range(0, len(articles), 1000):
        store.add_articles([(a, None) for a in articles[i : i + 1000]])

    # Entities: capitalised names, with the articles they occur in.
    ent_ids: dict[str, str] = {}
    ent_articles: dict[str, list[str]] = {}
    art_ents: list[list[str]] = []
    for a in articles:
        found = []
        for name in dict.fromkeys(_NAME.findall(a.text)):
            eid = ent_ids.setdefault(name, "ent-" + _h(name))
            ent_articles.setdefault(eid, []).append(a.id)
            found.append(eid)
        art_ents.append(found)
    entities = [{"id": eid, "name": name, "type": rng.choice(["PERSON", "ORG", "GPE"]), "aliases": [],
                 "articles": ent_articles[eid]} for name, eid in ent_ids.items()]
    quotes, events, stories = [], [], []
    for si, members in enumerate(story_members):
        arts = [articles[i] for i in members]
        ids = [a.id for a in arts]
        for i in members:
            a = articles[i]
            for m in list(_QUOTE.finditer(a.text))[:3]:
                speaker = rng.choice(art_ents[i]) if art_ents[i] else None
                quotes.append({"id": "q-" + _h(a.id, str(m.start())), "text": m.group(1), "kind": "direct",
                               "cue": "said", "speaker": speaker, "speaker_text": None, "via": None,
                               "channel": "unknown",
                               "sources": [{"article": a.id, "start": m.start(1), "end": m.end(1), "text": m.group(1)}]})
        ev_ids = []
        for k in range(min(25, 2 + len(arts))):
            a = rng.choice(arts)
            sent = rng.choice(_SENT.split(a.text.split("\n\n")[0]))
            day = dt.date.fromisoformat(a.published) - dt.timedelta(days=rng.randint(0, 3))
            eid = "ev-" + _h(str(si), str(k))
            ev_ids.append(eid)
            events.append({"id": eid, "date": day.isoformat(), "date_precision": "day", "actor": None,
                           "action": rng.choice(["meet", "attack", "warn", "announce", "visit"]),
                           "category": rng.choice(CATEGORIES), "target": None, "location": None,
                           "modality": "asserted", "background": False,
                           "sources": [{"article": a.id, "sentence": sent}],
                           "actor_name": rng.choice(list(ent_ids) or ["Officials"]), "target_name": None})
        summary = []
        for a in rng.sample(arts, min(5, len(arts))):
            sent = rng.choice(_SENT.split(a.text.split("\n\n")[0]))
            summary.append({"text": sent, "sources": [a.id] + rng.sample(ids, min(2, len(ids))),
                            "date": a.published})
        dates = sorted(a.published for a in arts)
        half = max(1, len(ids) // 2)
        chapters = [{"id": "c-" + _h(str(si), str(c)), "title": arts[c * half].title or "chapter", "date": dates[0],
                     "articles": ids[c * half:(c + 1) * half] if c == 0 else ids[half:], "first_date": dates[0],
                     "last_date": dates[-1], "headline": None, "summary": [], "timeline": [], "disagreements": []}
                    for c in range(2 if len(ids) > 1 else 1)]
        stories.append({"id": "s-" + _h(str(si)), "title": arts[0].title or "story", "first_date": dates[0],
                        "last_date": dates[-1], "articles": ids, "chapters": chapters,
                        "headline": arts[0].title, "summary": summary, "timeline": sorted(ev_ids),
                        "disagreements": [], "comparison": None})
    data = {"schema_version": 1, "generated_at": "2026-01-01T00:00:00+00:00",
            "articles": [article_json(a) for a in articles], "entities": entities, "quotes": quotes,
            "events": events, "stories": stories, "errors": []}
    validate(data)
    store.put_corpus(data)
    store.close()
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def burst(base: str, paths: list[tuple[str, str]], seconds: float, concurrency: int,
                max_requests: int, rate: float | None = None) -> dict[str, dict]:
    """``concurrency`` clients send requests back to back (closed loop), or, with ``rate``, on a
    fixed schedule of ``rate`` requests per second; latency then counts from the scheduled time,
    so a slow server cannot hide its queue (no coordinated omission)."""
    import httpx

    out: dict[str, dict] = {}
    t_start = time.perf_counter()
    deadline = t_start + seconds
    sent = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal sent
        while sent < max_requests:
            k = sent
            sent += 1
            due = t_start + k / rate if rate else time.perf_counter()
            if due >= deadline or time.perf_counter() >= deadline:
                return
            if rate:
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
            label, path = paths[k % len(paths)]
            rec = out.setdefault(label, {"lat": [], "errors": 0})
            try:
                r = await client.get(base + path)
                ok = r.status_code == 200 and len(r.content) > 0
            except httpx.HTTPError:
                ok = False
            if ok:
                rec["lat"].append((time.perf_counter() - due) * 1000)
            else:
                rec["errors"] += 1

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux), to tell server cost from client cost."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def table(res: dict[str, dict], title: str, wall: float, server_cpu: float, client_cpu: float) -> None:
    total = sum(len(r["lat"]) + r["errors"] for r in res.values())
    print(f"\n{title}: {total} requests in {wall:.1f} s ({total / wall:.0f} req/s); CPU per request: "
          f"server {server_cpu / max(total, 1) * 1000:.2f} ms, httpx client {client_cpu / max(total, 1) * 1000:.2f} ms")
    print(f"{'route':<28}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'errors':>8}")
    for label, r in res.items():
        lat = r["lat"]
        print(f"{label:<28}{len(lat) + r['errors']:>9}{pct(lat, .5):>9.1f}{pct(lat, .95):>9.1f}"
              f"{max(lat) if lat else float('nan'):>9.1f}{r['errors']:>8}")


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def naive_story_ms(db: Path, sid: str, repeats: int = 3) -> float:
    """The peer: what one request costs without the cache (parse the stored JSON, index, render)."""
    from storyline.store import open_store
    from storyline.web.data import CorpusIndex
    from storyline.web.render import render
    from storyline.web.views import story_view

    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        store = open_store(db, readonly=True)
        ix = CorpusIndex.build(store.get_corpus())
        render("story.html", v=story_view(ix, ix.stories[sid]))
        store.close()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def corpus_load_ms(db: Path, repeats: int = 3) -> float:
    """What the app pays once per build: read the blob, parse it, build the indexes."""
    from storyline.store import open_store
    from storyline.web.data import CorpusIndex

    times = []
    for _ in range(repeats):
        store = open_store(db, readonly=True)
        t0 = time.perf_counter()
        CorpusIndex.build(store.get_corpus())
        times.append((time.perf_counter() - t0) * 1000)
        store.close()
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--max-requests", type=int, default=30000)
    ap.add_argument("--rates", default="50,100,200", help="offered loads of the paced runs, requests/s")
    args = ap.parse_args()
    require_data()
    import httpx

    with tempfile.TemporaryDirectory(prefix="storyline-web-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        data = build_store(db, args.articles)
        build_s = time.perf_counter() - t0
        big = max(data["stories"], key=lambda s: len(s["articles"]))
        rng = random.Random(3)
        others = rng.sample(data["stories"], min(20, len(data["stories"])))
        speaker = next((q["speaker"] for q in data["quotes"] if q["speaker"]), "")
        print(f"store: {len(data['articles'])} articles, {len(data['stories'])} stories, "
              f"{len(data['entities'])} entities, {len(data['quotes'])} quotes, {len(data['events'])} events; "
              f"biggest story {len(big['articles'])} articles; built in {build_s:.1f} s "
              f"(NLP skipped: synthetic corpus in storyline.json shapes); db {db.stat().st_size / 1e6:.0f} MB")

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        code = ("import uvicorn, sys; from storyline.web import create_app; "
                f"uvicorn.run(create_app(sys.argv[1], allowed_hosts={{'127.0.0.1'}}), host='127.0.0.1', "
                f"port={port}, log_level='warning', access_log=False)")
        proc = subprocess.Popen([PY, "-c", code, str(db)])
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(base + "/api", timeout=60)  # also loads the corpus (first request)
                    break
                except httpx.HTTPError as exc:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise SystemExit("server did not start") from exc
                    time.sleep(0.2)
            cold = []
            for path in [f"/stories/{big['id']}", f"/api/stories/{big['id']}"]:
                t = time.perf_counter()
                r = httpx.get(base + path, timeout=60)
                cold.append((path, (time.perf_counter() - t) * 1000, r.status_code))
            paths = [("story page (biggest)", f"/stories/{big['id']}")] * 4
            paths += [("story page (others)", f"/stories/{s['id']}") for s in others[:4]]
            paths += [("GET /api/stories/{id}", f"/api/stories/{big['id']}")] * 2
            paths += [("GET /api/stories?limit=50", "/api/stories?limit=50&offset=100")]
            paths += [("GET /api/quotes?speaker=", f"/api/quotes?speaker={speaker}&limit=50")]
            # Warm every route once, as any first visitor would, so the burst measures steady state.
            for _, p in dict.fromkeys(paths):
                httpx.get(base + p, timeout=60)
            for s in others:
                httpx.get(base + f"/stories/{s['id']}", timeout=60)
            runs = []
            phases = [(f"closed loop, {args.concurrency} concurrent clients back to back", None)]
            phases += [(f"paced, {args.concurrency} concurrent clients, {r:.0f} req/s offered", r)
                       for r in (float(x) for x in args.rates.split(",") if x.strip())]
            for title, rate in phases:
                c0, m0, t = cpu_seconds(proc.pid), time.process_time(), time.perf_counter()
                res = asyncio.run(burst(base, paths, args.seconds, args.concurrency, args.max_requests, rate))
                runs.append((title, res, time.perf_counter() - t, cpu_seconds(proc.pid) - c0,
                             time.process_time() - m0))
        finally:
            proc.terminate()
            proc.wait(timeout=20)

        naive = naive_story_ms(db, big["id"])
        load = corpus_load_ms(db)

    import os

    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other work shares these cores)")
    for title, res, wall, scpu, ccpu in runs:
        table(res, title, wall, scpu, ccpu)
    print("\ncold (first request after start, corpus already parsed by GET /api):")
    for path, ms, status in cold:
        print(f"  {path:<40}{ms:>9.1f} ms  ({status})")
    print(f"\ncorpus read + parse + index, once per build (median of 3): {load:.0f} ms")
    print(f"peer: naive per-request parse + index + render of the biggest story (median of 3): {naive:.0f} ms")
    for title, res, *_ in runs:
        story = [x for k, r in res.items() if k.startswith("story page") for x in r["lat"]]
        errors = sum(r["errors"] for r in res.values())
        p95 = pct(story, .95)
        print(f"reference: issue 8 goal story page p95 < 150 ms, zero errors; {title.split(',')[0]}"
              f"{'' if 'closed' in title else ' ' + title.split(', ')[-1]}: "
              f"p95 {p95:.1f} ms, errors {errors}: {'MET' if p95 < 150 and errors == 0 else 'NOT MET'}")


if __name__ == "__main__":
    main()
