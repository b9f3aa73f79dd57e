"""Multi-document summary quality and speed on TAC 2011 MultiLing (English).

Run: ``.venv/bin/python benchmarks/summaries.py [--topics N] [--no-embed]``

Data: ``../shared/data/tac2011-multiling-en`` (10 topics x 10 WikiNews articles,
3 human summaries of 250 words each), read at run time.

* Storyline's ``summarize_articles`` (concept-coverage ILP) and, in the same run
  on the same sentences, the ``sumy`` peers LexRank, TextRank, LSA and KL-Sum,
  plus a lead baseline (the newest article's first sentences, as DUC's).
* Sentences for every system come from the same spaCy parse (Storyline's
  ``analyze_articles``), handed to sumy as a pre-built document, because sumy's
  own tokenizer needs NLTK punkt data that is not available offline. sumy's words
  are split with the same regex tokenizer for all its systems and stemmed with
  its Snowball stemmer, with its bundled English stop list.
* Lengths: 250 words (the references' length) and 100 words. Every system
  returns whole sentences within N words: the sumy peers take their sentences
  best-ranked first, skipping any that would overflow (``WordBudget``), the lead
  baseline likewise in text order; the mean length used is printed.
* Scores: Google ``rouge-score`` with Porter stemming, ROUGE-1, ROUGE-2 and
  ROUGE-L (summary-level LCS over the whole text, not ROUGE-Lsum, so no sentence
  splitting of the references is involved); each topic's score is the mean over
  its three references, the figure is the mean over topics, x100.
* Time: ``summarize_articles`` on each 10-article topic, the process pinned to
  one core, median of repeated runs, parse excluded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import logging
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "tac2011-multiling-en"

PUBLISHED = [
    ("LexRank (DUC 2004, 100 w)", 36.00, 7.51),
    ("DPP (DUC 2004, 100 w)", 39.84, 9.62),
    ("ICSISumm (DUC 2004, 100 w)", 38.44, 9.81),
]

_DATE_LINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+([A-Z][a-z]+ \d{1,2}, \d{4})\s*"
)


def load_topic(folder: Path):
    """Articles of one topic: first line the title, then a date line, then the body."""
    from storyline.model import Article

    arts = []
    for p in sorted((folder / "docs").glob("*.txt")):
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        title, body, published = lines[0], lines[1:], None
        title = re.sub(r"^\d{4}/\d{2}/\d{2}\s+", "", title)
        for i, ln in enumerate(body[:3]):
            m = _DATE_LINE.match(ln)
            if m:
                published = dt.datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat()
                rest = ln[m.end():].strip()
                body = body[:i] + ([rest] if rest else []) + body[i + 1:]
                break
        text = "\n\n".join(body)
        aid = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
        arts.append(Article(id=aid, source=str(p), text=text, title=title, published=published))
    refs = [(folder / "refs" / f"{r}.txt").read_text(encoding="utf-8") for r in "ABC"
            if (folder / "refs" / f"{r}.txt").exists()]
    return arts, refs


class _Words:
    """sumy tokenizer over pre-split sentences (no punkt data needed)."""

    language = "english"
    _rx = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?")

    def to_sentences(self, paragraph: str):
        return [paragraph]

    def to_words(self, sentence: str):
        return self._rx.findall(sentence)


def sumy_peers():
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    out = {}
    for name, cls in [("LexRank (sumy)", LexRankSummarizer), ("TextRank (sumy)", TextRankSummarizer),
                      ("LSA (sumy)", LsaSummarizer), ("KL-Sum (sumy)", KLSummarizer)]:
        s = cls(stemmer)
        s.stop_words = get_stop_words("english")
        out[name] = s
    return out


def sumy_document(articles, analyses):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tok = _Words()
    paras = []
    for a in articles:
        sents = [Sentence(" ".join(s.text.split()), tok) for s in analyses[a.id].sentences if s.text.strip()]
        if sents:
            paras.append(Paragraph(sents))
    return ObjectDocumentModel(paras)


class WordBudget:
    """sumy ``sentences_count`` that takes ranked sentences while they fit in ``words``.

    sumy calls it with its sentences sorted best first; a sentence that would
    overflow is skipped and lower-ranked shorter ones may still fit, the same
    whole-sentence budget Storyline's selection works under.
    """

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, infos):
        out, used = [], 0
        for info in infos:
            n = len(str(info.sentence).split())
            if used + n <= self.words:
                out.append(info)
                used += n
        return out


def run_sumy(summarizer, doc, words: int) -> str:
    return " ".join(str(s) for s in summarizer(doc, WordBudget(words)))


def lead(articles, analyses, words: int) -> str:
    newest = sorted(articles, key=lambda a: (a.published or "", a.id), reverse=True)
    out: list[str] = []
    used = 0
    for a in newest:
        for s in analyses[a.id].sentences:
            text = " ".join(s.text.split())
            n = len(text.split())
            if used + n <= words:
                out.append(text)
                used += n
    return " ".join(out)


def score(scorer, text: str, refs: list[str]) -> dict[str, float]:
    per = [scorer.score(r, text) for r in refs]
    out = {}
    for key in ("rouge1", "rouge2", "rougeL"):
        out[key + "_r"] = statistics.mean(p[key].recall for p in per) * 100
        out[key + "_f"] = statistics.mean(p[key].fmeasure for p in per) * 100
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", type=int, default=0, help="only the first N topics (0 = all)")
    ap.add_argument("--no-embed", action="store_true", help="lexical citations only")
    ap.add_argument("--repeats", type=int, default=5, help="timing runs per topic")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"skipped: data not found ({DATA})")
        return 0
    logging.basicConfig(level=logging.WARNING)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from rouge_score import rouge_scorer

    from storyline.analyze import analyze_articles
    from storyline.summarize.cite import load_embedder
    from storyline.summarize.summary import summarize_articles

    topics = sorted(p for p in DATA.iterdir() if (p / "docs").is_dir())
    if args.topics:
        topics = topics[: args.topics]
    embedder = None if args.no_embed else load_embedder()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    peers = sumy_peers()
    systems = ["Storyline (ILP)"] + list(peers) + ["Lead (newest article)"]
    results: dict[tuple[str, int], list[dict[str, float]]] = {}
    clusters = []
    t_parse = time.perf_counter()
    for folder in topics:
        arts, refs = load_topic(folder)
        analyses = {x.article_id: x for x in analyze_articles(arts)}
        clusters.append((folder.name, arts, analyses, refs))
    t_parse = time.perf_counter() - t_parse
    for _name, arts, analyses, refs in clusters:
        doc = sumy_document(arts, analyses)
        for words in (250, 100):
            ours = summarize_articles(arts, analyses, words=words, embedder=embedder)
            texts = {"Storyline (ILP)": " ".join(s.text for s in ours)}
            for pname, summarizer in peers.items():
                texts[pname] = run_sumy(summarizer, doc, words)
            texts["Lead (newest article)"] = lead(arts, analyses, words)
            for sname, text in texts.items():
                row = score(scorer, text, refs)
                row["len"] = len(text.split())
                results.setdefault((sname, words), []).append(row)

    # Timing on one core, parse excluded: the summary stage alone.
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    times: dict[str, list[float]] = {}
    modes = [("lexical citations", None)] + ([("embedding citations", embedder)] if embedder is not None else [])
    for label, emb in modes:
        for _, arts, analyses, _ in clusters:
            summarize_articles(arts, analyses, words=100, embedder=emb)  # warm caches
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                summarize_articles(arts, analyses, words=100, embedder=emb)
                times.setdefault(label, []).append(time.perf_counter() - t0)

    print(f"TAC 2011 MultiLing English: {len(clusters)} topics x 10 articles, 3 references each; "
          f"rouge-score (Porter stemming), mean over references then topics, x100")
    header = f"{'system':28s} {'words':>5s} {'R1 rec':>7s} {'R1 F1':>7s} {'R2 rec':>7s} {'R2 F1':>7s} {'RL rec':>7s} {'RL F1':>7s} {'len':>5s}"
    print(header)
    print("-" * len(header))
    for words in (250, 100):
        for sname in systems:
            rows = results[(sname, words)]
            m = {k: statistics.mean(r[k] for r in rows) for k in rows[0]}
            print(f"{sname:28s} {words:5d} {m['rouge1_r']:7.2f} {m['rouge1_f']:7.2f} {m['rouge2_r']:7.2f} "
                  f"{m['rouge2_f']:7.2f} {m['rougeL_r']:7.2f} {m['rougeL_f']:7.2f} {m['len']:5.0f}")
        best_peer = max(statistics.mean(r["rouge2_r"] for r in results[(p, words)]) for p in peers)
        ours = statistics.mean(r["rouge2_r"] for r in results[("Storyline (ILP)", words)])
        print(f"{'':28s} {words:5d}  Storyline R2 recall vs best sumy peer: {100 * (ours / best_peer - 1):+.1f}% relative")
    print("Published reference points (DUC 2004, ROUGE-1.5.5 recall, stemmed; different data):")
    for name, r1, r2 in PUBLISHED:
        print(f"{name:28s} {100:5d} {r1:7.2f} {'':7s} {r2:7.2f}")
    for label, ts in times.items():
        print(f"Summarising one 10-article cluster (100 words, {label}, one core, parse excluded): "
              f"median {statistics.median(ts) * 1000:.0f} ms, max {max(ts) * 1000:.0f} ms over {len(ts)} runs")
    print(f"(parse of all {sum(len(c[1]) for c in clusters)} articles: {t_parse:.1f} s; "
          f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
