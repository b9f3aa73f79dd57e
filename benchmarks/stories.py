"""Story clustering benchmark: TAC 2011 MultiLing (10 topics x 10 articles) + the 5 seeds.

Usage: .venv/bin/python benchmarks/stories.py [--no-embed] [--no-nlp] [--no-scale] [--sensitivity] [--seed N]

1. Quality: pools the 105 articles, shuffles them with a fixed seed, clusters them
   into stories and scores the stories against the gold topics (B-cubed and
   pairwise precision / recall / F1). Peers on the same texts in the same run:
   scikit-learn TF-IDF + agglomerative clustering (average link, cosine) at its
   best distance threshold (a sweep: an upper bound for that baseline) and
   scikit-learn HDBSCAN.
2. Scale: time per 1,000 assignments into stores of 10k and 100k articles built
   by recombining sentences of the same texts (median of runs), and peak memory.
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared"
TAC = SHARED / "data" / "tac2011-multiling-en"
SEEDS = SHARED / "seeds"


def load_articles():
    from storyline.ingest import prepare_article
    from storyline.model import RawDocument

    items = [(p, "seeds") for p in sorted(SEEDS.glob("*.txt"))]
    items += [(p, p.parts[-3]) for p in sorted(TAC.glob("M*/docs/*.txt"))]
    arts, gold = [], {}
    for path, topic in items:
        art = prepare_article(RawDocument(source=str(path), text=path.read_text(encoding="utf-8"), fmt="txt"))
        if art is None or art.id in gold:
            continue
        arts.append(art)
        gold[art.id] = topic
    return arts, gold


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_p, by_g = defaultdict(set), defaultdict(set)
    for k, v in pred.items():
        by_p[v].add(k)
    for k in pred:
        by_g[gold[k]].add(k)
    p = r = 0.0
    for k in pred:
        cp, cg = by_p[pred[k]], by_g[gold[k]]
        inter = len(cp & cg)
        p += inter / len(cp)
        r += inter / len(cg)
    n = len(pred)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    ids = sorted(pred)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_p and same_g
            fp += same_p and not same_g
            fn += same_g and not same_p
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def row(name: str, pred: dict[str, str], gold: dict[str, str], secs: float, note: str = "") -> str:
    bp, br, bf = bcubed(pred, gold)
    _, _, pf = pairwise(pred, gold)
    k = len(set(pred.values()))
    return f"| {name:<34} | {bp:5.3f} | {br:5.3f} | {bf:5.3f} | {pf:5.3f} | {k:4d} | {secs:6.2f} | {note}"


def peers(arts, gold, lines):
    import numpy as np
    from sklearn.cluster import HDBSCAN, AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [((a.title or "") + "\n\n" + a.text) for a in arts]
    t0 = time.perf_counter()
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    dense = X.toarray()
    best = None
    for thr in np.round(np.arange(0.30, 1.00, 0.01), 2):
        lab = AgglomerativeClustering(n_clusters=None, distance_threshold=float(thr), metric="cosine",
                                      linkage="average").fit_predict(dense)
        pred = {a.id: str(c) for a, c in zip(arts, lab, strict=True)}
        f = bcubed(pred, gold)[2]
        if best is None or f > best[0]:
            best = (f, thr, pred)
    t_agg = time.perf_counter() - t0
    lines.append(row("TF-IDF + agglomerative (best thr)", best[2], gold, t_agg, f"threshold {best[1]} (oracle sweep)"))
    t0 = time.perf_counter()
    # Unit TF-IDF rows: euclidean distance orders pairs as cosine does.
    lab = HDBSCAN(min_cluster_size=2).fit_predict(dense)
    pred = {a.id: (str(c) if c >= 0 else "noise-" + a.id) for a, c in zip(arts, lab, strict=True)}
    lines.append(row("HDBSCAN (TF-IDF, min_cluster_size=2)", pred, gold, time.perf_counter() - t0,
                     f"{int((lab < 0).sum())} noise points as singletons"))


def quality(args) -> None:
    from storyline.analyze import analyze_articles
    from storyline.stories import build_stories

    arts, gold = load_articles()
    random.Random(args.seed).shuffle(arts)
    print(f"articles: {len(arts)} ({len(set(gold.values()))} gold stories), shuffle seed {args.seed}")
    analyses, entity_map = {}, {}
    if not args.no_nlp:
        t0 = time.perf_counter()
        analyses = {a.article_id: a for a in analyze_articles(arts)}
        try:
            from storyline.nlp.resolve import resolve_corpus

            _, entity_map = resolve_corpus(arts, analyses)
        except Exception as exc:  # the entity stage is optional for this benchmark
            print(f"(entity resolution unavailable: {exc!r})")
        print(f"NLP: {time.perf_counter() - t0:.1f} s, {sum(len(x.mentions) for x in analyses.values())} mentions, "
              f"{len(entity_map)} mapped entity keys")
    lines = ["| system                             | B3 P  | B3 R  | B3 F1 | pw F1 | #cl  | sec    | note",
             "|" + "-" * 36 + "|-------|-------|-------|-------|------|--------|-----"]
    modes = [("storyline (no embeddings)", None)] + ([] if args.no_embed else [("storyline (TF-IDF+entities+MiniLM)", "minilm")])
    for name, emb in modes:
        fresh = copy.deepcopy(arts)
        t0 = time.perf_counter()
        stories = build_stories(fresh, analyses, entity_map, embedder=emb)
        secs = time.perf_counter() - t0
        pred = {aid: s.id for s in stories for aid in s.articles}
        chapters = sum(len(s.chapters) for s in stories)
        lines.append(row(name, pred, gold, secs, f"{chapters} chapters"))
    if not args.no_embed:
        # The streaming path: one article per call into a persisted index, in the shuffled order.
        from storyline.stories import StoryIndex

        for per_call in (1, 21):
            fresh = copy.deepcopy(arts)
            t0 = time.perf_counter()
            blob = StoryIndex().to_bytes()
            for i in range(0, len(fresh), per_call):
                idx = StoryIndex.from_bytes(blob)
                build_stories(fresh[i:i + per_call], analyses, entity_map, index=idx)
                blob = idx.to_bytes()
            idx = StoryIndex.from_bytes(blob)
            pred = {aid: sid for aid, (sid, _) in idx.assignments.items()}
            lines.append(row(f"storyline incremental ({per_call} per call)", pred, gold,
                             time.perf_counter() - t0,
                             f"{len(idx.chapters)} chapters; index saved+loaded each call"))
    peers(arts, gold, lines)
    print("\n".join(lines))
    if args.sensitivity:
        from storyline.stories.index import Params

        print("\nSensitivity of B-cubed F1 (TF-IDF+entities+MiniLM) to the a-priori thresholds:")
        for name, values in (("story_threshold", (0.20, 0.225, 0.25, 0.275, 0.30)),
                             ("merge_threshold", (0.25, 0.275, 0.30, 0.325, 0.35)),
                             ("chapter_threshold", (0.30, 0.35, 0.40, 0.45, 0.50))):
            cells = []
            for v in values:
                stories = build_stories(copy.deepcopy(arts), analyses, entity_map, params=Params(**{name: v}))
                pred = {aid: s.id for s in stories for aid in s.articles}
                cells.append(f"{v}: {bcubed(pred, gold)[2]:.3f}")
            print(f"  {name:<18} " + "  ".join(cells))
    print("Published reference points: none for story clustering on this collection "
          "(../shared/data/README.md lists none); the peers above are the comparison.")


# ---------------------------------------------------------------------------- scale


def synthetic(arts, n: int, rng: random.Random, offset: int = 0):
    """``n`` articles, each a few sentences of one source article mixed with one of another."""
    import re

    from storyline.model import Article

    split = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")
    sents = [[s for s in split.split(a.text.replace("\n\n", " ")) if len(s) > 30] for a in arts]
    sents = [s for s in sents if len(s) >= 4]
    out = []
    for i in range(n):
        main, other = rng.randrange(len(sents)), rng.randrange(len(sents))
        body = rng.sample(sents[main], min(6, len(sents[main]))) + rng.sample(sents[other], 2)
        text = " ".join(body)
        out.append(Article(id=f"syn{offset + i:07d}", source="synthetic", text=text,
                           published=f"20{10 + rng.randrange(10)}-0{1 + rng.randrange(9)}-1{rng.randrange(10)}"))
    return out


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def build_store(arts, size: int, rng: random.Random):
    from storyline.stories.features import article_features
    from storyline.stories.index import StoryIndex

    idx = StoryIndex()
    # The store is filled with add() under synthetic groups (4 articles a chapter, 5 chapters a
    # story): building 100k through assign() would take minutes and is not what is timed.
    for start in range(0, size, 5000):
        batch = synthetic(arts, min(5000, size - start), rng, offset=start)
        for j, a in enumerate(batch):
            g = (start + j) // 4
            idx.add(article_features(a, None, {}), f"s-{g // 5}", f"c-{g}", None, a.published)
    return idx


def scale(args) -> None:
    from storyline.stories.features import article_features

    arts, _ = load_articles()
    rng = random.Random(args.seed)
    print("\nScale: index-only assignment (features precomputed, embeddings off; the embedder adds a "
          "constant per article). Stores are timed in alternation, so load drift on a shared "
          "machine hits every size alike.")
    stores, info = {}, {}
    for size in args.sizes:
        gc.collect()
        rss0 = rss_mb()
        t0 = time.perf_counter()
        stores[size] = build_store(arts, size, rng)
        info[size] = (time.perf_counter() - t0, rss_mb() - rss0)
    runs: dict[int, list[float]] = defaultdict(list)
    fruns: list[float] = []
    for r in range(args.rounds):
        for size in args.sizes:
            new = synthetic(arts, 1000, rng, offset=10**7 * (r + 1))
            for a in new:
                a.id = f"new{size}-{a.id}"
            t0 = time.perf_counter()
            feats = [article_features(a, None, {}) for a in new]
            fruns.append(time.perf_counter() - t0)
            idx = stores[size]
            t0 = time.perf_counter()
            for f in feats:
                idx.assign(f)
            runs[size].append(time.perf_counter() - t0)
    lines = [f"| store size | build (s) | assign s/1,000 (median of {args.rounds}) | chapters | RSS growth (MB) | JSON (MB) |",
             "|-----------:|----------:|-----------------------------:|---------:|----------------:|----------:|"]
    per = {}
    for size in args.sizes:
        idx = stores[size]
        per[size] = statistics.median(runs[size])
        mb = len(idx.to_bytes()) / 2**20 if size <= 10_000 or args.json_size else float("nan")
        lines.append(f"| {size:>10,} | {info[size][0]:9.1f} | {per[size]:28.3f} | {len(idx.chapters):8,} "
                     f"| {info[size][1]:15.0f} | {mb:9.1f} |")
    print("\n".join(lines))
    print(f"features (tokens, names, dates): {statistics.median(fruns):.3f} s per 1,000 articles")
    if len(per) >= 2:
        a, b = sorted(per)[0], sorted(per)[-1]
        print(f"ratio {b:,} / {a:,}: {per[b] / per[a]:.2f}x (goal <= 1.5x)")
    if not args.no_embed:
        from storyline.stories.embed import get_embedder
        from storyline.stories.features import EMBED_CHARS, embed_text

        emb = get_embedder()
        texts = [embed_text(a) for a in synthetic(arts, 200, rng)]
        t0 = time.perf_counter()
        emb.encode(texts)
        print(f"embedding (title + lede, <= {EMBED_CHARS} chars): {(time.perf_counter() - t0) * 5:.1f} s per "
              f"1,000 articles, {os.cpu_count()} cores visible")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the whole run: {peak:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-embed", action="store_true", help="skip the MiniLM embeddings")
    ap.add_argument("--no-nlp", action="store_true", help="skip spaCy analysis (no entities, no resolved dates)")
    ap.add_argument("--no-scale", action="store_true", help="skip the 10k/100k timing")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds per store size")
    ap.add_argument("--json-size", action="store_true", help="also serialise the largest store")
    ap.add_argument("--seed", type=int, default=2011)
    ap.add_argument("--sensitivity", action="store_true", help="also sweep each threshold around its default")
    args = ap.parse_args()
    if not TAC.is_dir() or not SEEDS.is_dir():
        print("skipped: data not found (../shared/data/tac2011-multiling-en and ../shared/seeds)")
        return 0
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    quality(args)
    if not args.no_scale:
        scale(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
