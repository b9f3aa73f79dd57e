"""Attribution (quote) extraction quality on PolNeAR, against textacy's direct_quotations.

    .venv/bin/python benchmarks/quotes.py [--split dev|train|train-tune|train-val] [--train-val] [--limit N]
        [--errors FILE]

``--errors FILE`` (train splits only) lists Storyline's errors one per line, tagged MISS,
SPUR, BOUND or SPK, for grouping by class.

``train-tune`` / ``train-val`` split polnear/train by sorted article name, the first 80%
for tuning rules and the last 20% for checking them; ``--train-val`` prints the
train-validation table after the chosen split's (dev by default).

Scores ``storyline.extract.quotes.extract_quotes`` (after the language core's
``annotate``, as in the real pipeline) and the peer ``textacy.extract.triples.
direct_quotations`` over the same spaCy parses:

* precision / recall / F1 of attributions by exact content span, and by token overlap
  (a prediction matches a gold attribution when it covers >= 50% of the gold content's
  tokens; one-to-one, greedy by overlap);
* speaker (source span) accuracy on overlap-matched attributions that have a gold
  source: the predicted speaker span shares a token with the gold source span.

Span conventions: PolNeAR content spans include the quote marks of direct quotes and a
leading "that"; Storyline's content spans exclude both (they are the quoted words; a
leading "whether" is kept, as in PolNeAR). Both
systems' spans are widened to PolNeAR's convention before exact matching (marks directly
around the span, a "that " directly before it). For articles annotated by several
annotators (``<article>_<annotator>.ann``) the lexicographically first annotator id is
used. Dev is for reporting only: tune on train (``--split train``).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "polnear"

QUOTE_CHARS = "\"“”«»‘’'"
_TOKEN = re.compile(r"\w+|[^\w\s]")

REFERENCES = [
    ("citron (BBC) on PARC 3.0 test", "F1 exact 56.7, token-overlap F1 83.2, cue F1 82.3"),
    (
        "GenderGapTracker (98 articles, overlap >= 0.3)",
        "P 84.6 / R 82.7 / F1 83.7, speaker accuracy ~87",
    ),
]


@dataclass(slots=True)
class Attr:
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: str = ""
    parts: tuple[tuple[int, int], ...] = ()  # fragments of a discontinuous gold content


def _parts(field: str) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (p.split() for p in field.split(";")))


def _span(field: str) -> tuple[int, int]:
    parts = _parts(field)
    return min(p[0] for p in parts), max(p[1] for p in parts)


def read_ann(path: Path) -> list[Attr]:
    spans: dict[str, tuple[str, tuple[int, int], tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not cols or not cols[0]:
            continue
        if cols[0].startswith("T") and len(cols) >= 2:
            label, _, offs = cols[1].partition(" ")
            try:
                spans[cols[0]] = (label, _span(offs), _parts(offs))
            except ValueError:
                continue
        elif cols[0].startswith("E") and len(cols) >= 2:
            roles = {}
            for part in cols[1].split():
                role, _, tid = part.partition(":")
                roles[role.split("-")[0] if role.startswith("Attribution") else role] = tid
            events.append(roles)
    out = []
    for ev in events:
        c = spans.get(ev.get("Content", ""))
        if c is None:
            continue
        s = spans.get(ev.get("Source", ""))
        cue = spans.get(ev.get("Cue", ""))
        out.append(Attr(c[1], s[1] if s else None, f"{cue[1][0]}:{cue[1][1]}" if cue else "", c[2]))
    return out


TUNE_SHARE = 0.8


def load(split: str, limit: int | None) -> list[tuple[str, str, list[Attr], str]]:
    part = None
    if split.startswith("train-"):
        split, part = "train", split.partition("-")[2]
    base = DATA / split
    anns: dict[str, list[Path]] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem, _, annot = p.stem.rpartition("_")
        anns.setdefault(stem, []).append(p)
    items = []
    texts = sorted((base / "text").glob("*.txt"))
    if part is not None:
        cut = int(len(texts) * TUNE_SHARE)
        texts = texts[:cut] if part == "tune" else texts[cut:]
    for txt in texts:
        files = sorted(anns.get(txt.stem, []))
        if not files:
            continue
        chosen = files[0]  # deterministic: first annotator id
        items.append(
            (
                txt.stem,
                txt.read_text(encoding="utf-8"),
                read_ann(chosen),
                chosen.stem.rpartition("_")[2],
            )
        )
        if limit and len(items) >= limit:
            break
    return items


def to_polnear(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a content span to PolNeAR's convention: surrounding quote marks, leading "that"."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 2 if text[max(0, start - 2) : start] == "''" else 1
        if end < len(text) and text[end] in QUOTE_CHARS:
            end += 2 if text[end : end + 2] == "''" else 1
        elif end + 1 < len(text) and text[end] in ".,!?" and text[end + 1] in QUOTE_CHARS:
            end += 3 if text[end + 1 : end + 3] == "''" else 2
    m = re.search(r"\bthat\s+$", text[max(0, start - 6) : start])
    if m:
        start = max(0, start - 6) + m.start()
    return start, end


def _tokens(text: str, span: tuple[int, int]) -> set[int]:
    """Token start offsets inside a span (punctuation and quote marks ignored)."""
    s, e = span
    return {s + m.start() for m in _TOKEN.finditer(text[s:e]) if m.group()[0].isalnum()}


# The verbs of saying that the "R ov say" column counts. Fixed here, not read from the
# extractor's cue list: adding a cue to the extractor must not move the column's denominator.
SPEECH_VERBS = frozenset(
    "say tell add state announce claim explain note argue insist warn write tweet report "
    "declare confirm deny admit acknowledge assert suggest reply respond answer ask "
    "comment remark mention predict promise vow urge recall describe call".split()
)


def _speech_cue(text: str, cue: str) -> bool:
    """Whether a gold cue is a verb of saying (the part of PolNeAR that quote extraction targets)."""
    if not cue:
        return False
    s, e = (int(x) for x in cue.split(":"))
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text[s:e])]
    for w in words:
        if w == "according" or w in SPEECH_VERBS:
            return True
        for suffix in ("ing", "ed", "d", "s", "es"):
            if w.endswith(suffix) and (
                w[: -len(suffix)] in SPEECH_VERBS or w[: -len(suffix)] + "e" in SPEECH_VERBS
            ):
                return True
    return False


def _match(text: str, gold: list[Attr], pred: list[Attr]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs by token overlap, greedy by overlap."""
    # A discontinuous gold content ("“A,” he said, “B.”") counts only its own fragments' tokens.
    gtoks = [
        set().union(*(_tokens(text, p) for p in g.parts)) if g.parts else _tokens(text, g.content)
        for g in gold
    ]
    ptoks = [_tokens(text, p.content) for p in pred]
    pairs = []
    for gi, gt in enumerate(gtoks):
        if not gt:
            continue
        for pi, pt in enumerate(ptoks):
            inter = len(gt & pt)
            if inter * 2 >= len(gt):
                pairs.append((inter / len(gt), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, matched = set(), set(), []
    for _ov, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    return matched


def score(text: str, gold: list[Attr], pred: list[Attr]) -> dict[str, int]:
    gold_exact = {to_polnear(text, *g.content) for g in gold}
    pred_exact = [to_polnear(text, *p.content) for p in pred]
    exact_hits = len({p for p in pred_exact if p in gold_exact})
    matched = _match(text, gold, pred)
    speech = [gi for gi, g in enumerate(gold) if _speech_cue(text, g.cue)]
    speech_hit = len(set(speech) & {gi for gi, _ in matched})
    spk_total = spk_ok = 0
    for gi, pi in matched:
        gs = gold[gi].source
        if gs is None:
            continue
        spk_total += 1
        ps = pred[pi].source
        if ps is not None and _tokens(text, gs) & _tokens(text, ps):
            spk_ok += 1
    return {
        "gold": len(gold),
        "pred": len(pred),
        "exact": exact_hits,
        "overlap": len(matched),
        "spk_total": spk_total,
        "spk_ok": spk_ok,
        "speech_gold": len(speech),
        "speech_hit": speech_hit,
    }


def _clip(text: str, span: tuple[int, int] | None, limit: int = 160) -> str:
    if span is None:
        return "-"
    s = text[span[0] : span[1]].replace("\n", " ")
    return s if len(s) <= limit else s[: limit // 2] + " ... " + s[-limit // 2 :]


def write_errors(out, name: str, text: str, gold: list[Attr], pred: list[Attr]) -> None:
    """One line per error, tab-separated and tagged by class, for grouping with grep/sort:
    MISS (gold unmatched), SPUR (prediction unmatched), BOUND (matched by overlap but not
    exactly), SPK (matched, wrong speaker)."""
    matched = _match(text, gold, pred)
    mg = {gi: pi for gi, pi in matched}
    mp = {pi for _, pi in matched}

    def cue(a: Attr) -> str:
        if not a.cue:
            return "-"
        if ":" in a.cue and a.cue.replace(":", "").isdigit():
            s, e = (int(x) for x in a.cue.split(":"))
            return text[s:e]
        return a.cue

    for gi, g in enumerate(gold):
        if gi not in mg:
            out.write(
                f"MISS\t{name}\t{g.content[0]}\tcue={cue(g)}\tsrc={_clip(text, g.source, 60)}\t{_clip(text, g.content)}\n"
            )
            continue
        p = pred[mg[gi]]
        gs, ps = to_polnear(text, *g.content), to_polnear(text, *p.content)
        if gs != ps:
            out.write(
                f"BOUND\t{name}\t{g.content[0]}\td_start={ps[0] - gs[0]}\td_end={ps[1] - gs[1]}\tcue={cue(g)}"
                f"\tgold={_clip(text, gs)}\tpred={_clip(text, ps)}\n"
            )
        if g.source is not None and not (
            p.source is not None and _tokens(text, g.source) & _tokens(text, p.source)
        ):
            out.write(
                f"SPK\t{name}\t{g.content[0]}\tcue={cue(g)}\tgold={_clip(text, g.source, 60)}"
                f"\tpred={_clip(text, p.source, 60)}\t{_clip(text, g.content, 100)}\n"
            )
    for pi, p in enumerate(pred):
        if pi not in mp:
            out.write(
                f"SPUR\t{name}\t{p.content[0]}\tcue={cue(p)}\tsrc={_clip(text, p.source, 60)}\t{_clip(text, p.content)}\n"
            )


def _prf(hit: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = hit / pred if pred else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(
    split: str, limit: int | None, errors=None
) -> tuple[dict[str, dict[str, int]], dict, int, int, float]:
    """Score both systems over one split: per-system totals, annotators, peer failures, n, seconds."""
    from textacy.extract.triples import direct_quotations

    from storyline.extract.quotes import extract_quotes
    from storyline.model import Article
    from storyline.nlp import annotate
    from storyline.nlp.pipeline import load_pipeline

    items = load(split, limit)
    nlp = load_pipeline()
    totals: dict[str, dict[str, int]] = {"storyline": {}, "textacy": {}}
    t0 = time.perf_counter()
    docs = nlp.pipe((text for _n, text, _g, _a in items), batch_size=8)
    annotators: dict[str, int] = {}
    peer_failures = 0
    for (name, text, gold, annot), doc in zip(items, docs, strict=True):
        annotators[annot] = annotators.get(annot, 0) + 1
        art = Article(id=name, source=name, text=text)
        analysis = annotate(doc, art)
        ours = [
            Attr(
                (q.start, q.end),
                (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None,
                q.cue or "",
            )
            for q in extract_quotes(doc, art, analysis)
        ]
        peer = []
        try:
            for tri in direct_quotations(doc):
                sp = (
                    (tri.speaker[0].idx, tri.speaker[-1].idx + len(tri.speaker[-1]))
                    if tri.speaker
                    else None
                )
                peer.append(Attr((tri.content.start_char, tri.content.end_char), sp))
        except ValueError:  # textacy bails out on an odd number of quote marks: empty for it
            peer_failures += 1
        if errors is not None:
            write_errors(errors, name, text, gold, ours)
        for system, pred in (("storyline", ours), ("textacy", peer)):
            for k, v in score(text, gold, pred).items():
                totals[system][k] = totals[system].get(k, 0) + v
    return totals, annotators, peer_failures, len(items), time.perf_counter() - t0


def print_table(split: str, totals, annotators, peer_failures: int, n: int, elapsed: float) -> None:
    print(
        f"PolNeAR {split}: {n} articles, "
        f"{totals['storyline'].get('gold', 0)} gold attributions; annotator per article = first id "
        f"({', '.join(f'{a}:{k}' for a, k in sorted(annotators.items()))}); run {elapsed:.0f} s (one pass)"
    )
    header = (
        f"{'system':<28}{'pred':>6}{'P ex':>7}{'R ex':>7}{'F1 ex':>7}{'P ov':>7}{'R ov':>7}{'F1 ov':>7}"
        f"{'spk acc':>9}{'R ov say':>10}"
    )
    print(header)
    print("-" * len(header))
    for system, label in (
        ("storyline", "storyline extract_quotes"),
        ("textacy", "textacy direct_quotations"),
    ):
        t = totals[system]
        pe, re_, fe = _prf(t.get("exact", 0), t.get("pred", 0), t.get("gold", 0))
        po, ro, fo = _prf(t.get("overlap", 0), t.get("pred", 0), t.get("gold", 0))
        acc = t.get("spk_ok", 0) / t["spk_total"] if t.get("spk_total") else 0.0
        rs = t.get("speech_hit", 0) / t["speech_gold"] if t.get("speech_gold") else 0.0
        print(
            f"{label:<28}{t.get('pred', 0):>6}{pe:>7.3f}{re_:>7.3f}{fe:>7.3f}{po:>7.3f}{ro:>7.3f}{fo:>7.3f}"
            f"{acc:>9.3f}{rs:>10.3f}"
        )
    print(
        f"R ov say: recall on the {totals['storyline'].get('speech_gold', 0)} gold attributions whose cue is a verb "
        "of saying or 'according to' (PolNeAR also annotates beliefs, wants, polls 'showing', ...)."
    )
    print(f"textacy gave up on {peer_failures} of {n} articles (odd count of quote marks).")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train", "train-tune", "train-val"])
    ap.add_argument(
        "--train-val", action="store_true", help="also print the train-validation part's figures"
    )
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument(
        "--errors",
        metavar="FILE",
        help="write Storyline's errors (MISS/SPUR/BOUND/SPK lines) on a train split to FILE",
    )
    args = ap.parse_args(argv)
    if args.errors and not args.split.startswith("train"):
        ap.error("--errors lists errors on train splits only: dev is held out")
    logging.basicConfig(level=logging.WARNING)
    if not (DATA / args.split.partition("-")[0]).is_dir():
        print("skipped: data not found (../shared/data/polnear)")
        return 0
    splits = [args.split]
    if args.train_val and args.split != "train-val" and (DATA / "train").is_dir():
        splits.append("train-val")
    errors = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    for split in splits:
        print_table(split, *evaluate(split, args.limit, errors if split == args.split else None))
    if errors is not None:
        errors.close()
        # Diagnostics only: how the listed errors split by class (scores are unchanged).
        counts: dict[str, int] = {}
        for line in Path(args.errors).read_text(encoding="utf-8").splitlines():
            tag = line.partition("\t")[0]
            counts[tag] = counts.get(tag, 0) + 1
        print(
            f"errors written to {args.errors}: "
            + ", ".join(f"{tag} {counts.get(tag, 0)}" for tag in ("MISS", "SPUR", "BOUND", "SPK"))
        )
    print("Published reference points (other corpora, for orientation only):")
    for name, figs in REFERENCES:
        print(f"  {name}: {figs}")
    print(
        "Goal (issue 4): token-overlap F1 >= 0.85, exact F1 >= 0.60, speaker accuracy >= 0.90 on unseen data."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
