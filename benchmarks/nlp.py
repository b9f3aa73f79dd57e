"""Language core benchmark.

(a) Speed: words/s of the whole language core (``nlp.pipe`` + ``annotate``) against bare spaCy
    ``nlp.pipe`` (the same model, loaded plainly) on the same texts (TAC 2011 WikiNews articles
    plus the seeds), medians of 3 alternating runs. Goal: the core costs <= 1.25x bare spaCy.
(b) Dates: TempEval-3 training data (TimeBank + AQUAINT, ``tempeval3-train``): extraction
    precision / recall / F1 (strict = same span, relaxed = overlap), value accuracy per gold type
    on relaxed matches, and value F1 (a relaxed match with the right value counts), against
    ``dateparser.search.search_dates`` on the same texts with the same creation dates.
    Our value is ``timeml`` where set (quarters, PRESENT_REF, part of day, durations), else the
    calendar ``value``. Figures per subset: TimeBank is development data (rules were written
    looking at its errors), AQUAINT (73 docs) is held out and only scored; HeidelTime's 77.6 is
    on the unseen TempEval-3 platinum test.

Run: .venv/bin/python benchmarks/nlp.py [--quick] [--dates-only] [--dev] [--errors]
    --dates-only skips the speed part; --dev scores TimeBank only (AQUAINT stays unseen while
    tuning); --errors also lists TimeBank's misses, spurious finds and wrong values by gold type.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import DATA, SEEDS, require_data  # noqa: E402

HEIDELTIME_VALUE_F1 = 77.6
SPEED_GOAL = 1.25


def speed_texts() -> list[str]:
    texts = []
    for p in sorted(SEEDS.glob("*.txt")):
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
        texts.append("\n\n".join(lines))
    for p in sorted((DATA / "tac2011-multiling-en").glob("M*/docs/*.txt")):
        lines = [ln.strip() for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
        texts.append("\n\n".join(lines))
    return texts


def bench_speed(runs: int = 3) -> None:
    import spacy

    from storyline.model import Article
    from storyline.nlp import annotate
    from storyline.nlp.pipeline import default_model_dir, load_pipeline

    texts = speed_texts()
    words = sum(len(t.split()) for t in texts)
    core_nlp = load_pipeline()
    bare_nlp = spacy.load(default_model_dir())
    arts = [Article(id=str(i), source="bench", text=t, published="2020-01-04") for i, t in enumerate(texts)]
    bare_t, core_t, ann_t = [], [], []
    list(bare_nlp.pipe(texts[:5]))  # warm both
    list(core_nlp.pipe(texts[:5]))
    errors = 0
    def run_bare() -> None:
        t0 = time.perf_counter()
        for _doc in bare_nlp.pipe(texts, batch_size=16):
            pass
        bare_t.append(time.perf_counter() - t0)

    def run_core() -> int:
        t0 = time.perf_counter()
        ann, errs = 0.0, 0
        for a, doc in zip(arts, core_nlp.pipe(texts, batch_size=16), strict=True):
            t1 = time.perf_counter()
            res = annotate(doc, a)
            ann += time.perf_counter() - t1
            errs += len(res.errors)
        core_t.append(time.perf_counter() - t0)
        ann_t.append(ann)
        return errs

    for r in range(runs):
        # alternate which goes first so warm caches and background load favour neither
        if r % 2 == 0:
            run_bare()
            errors += run_core()
        else:
            errors += run_core()
            run_bare()
    b, c, an = statistics.median(bare_t), statistics.median(core_t), statistics.median(ann_t)
    print(f"(a) speed: {len(texts)} texts, {words} words, median of {runs} runs")
    print(f"{'system':34} {'seconds':>8} {'words/s':>9}")
    print(f"{'bare spaCy nlp.pipe':34} {b:8.2f} {words / b:9.0f}")
    print(f"{'language core (pipe + annotate)':34} {c:8.2f} {words / c:9.0f}")
    print(f"{'  of which annotate':34} {an:8.2f}")
    print(f"cost ratio core/bare: {c / b:.2f}x (goal <= {SPEED_GOAL}x); annotate errors: {errors}")
    # the two parses share the machine with whatever else runs, so also give the part that is
    # ours alone: annotate time over the bare parse time
    print(f"annotate alone adds {an / b:.1%} to the bare parse (load-independent view)")


# --------------------------------------------------------------------------- TempEval-3

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, dt.date | None, list[tuple[int, int, str, str]]]:
    """(plain text, creation date, gold [(start, end, type, value)]) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if m:
        v = dict(_ATTR.findall(m.group(0))).get("value", "")
        try:
            dct = dt.date.fromisoformat(v[:10])
        except ValueError:
            dct = None
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body.group(1) if body else raw
    out, gold, pos = [], [], 0
    i = 0
    for tm in re.finditer(r"<(/?)(\w+)([^>]*)>", body):
        chunk = html.unescape(body[i:tm.start()])
        out.append(chunk)
        pos += len(chunk)
        if tm.group(2) == "TIMEX3" and not tm.group(1):
            attrs = dict(_ATTR.findall(tm.group(3)))
            gold.append([pos, None, attrs.get("type", ""), attrs.get("value", "")])
        elif tm.group(2) == "TIMEX3" and tm.group(1):
            gold[-1][1] = pos
        i = tm.end()
    out.append(html.unescape(body[i:]))
    text = "".join(out)
    return text, dct, [tuple(g) for g in gold if g[1] is not None]


def _norm_value(v: str | None) -> str | None:
    if v is None:
        return None
    return re.sub(r"-W0(\d)\b", r"-W\1", v)


def _match(gs: int, ge: int, sys_: list, used: set[int]) -> int | None:
    """The system expression a gold span (gs, ge) is scored against: the exact span if one
    is found, else the first unused overlapping one; None when nothing overlaps."""
    best = None
    for k, (ss, se, _v) in enumerate(sys_):
        if k in used or se <= gs or ss >= ge:
            continue
        if (ss, se) == (gs, ge):
            return k
        if best is None:
            best = k
    return best


def _score(gold_docs, sys_docs):
    """Extraction P/R/F1 (strict, relaxed), value accuracy per type, value F1."""
    n_gold = sum(len(g) for g in gold_docs)
    n_sys = sum(len(s) for s in sys_docs)
    strict = relaxed = value_ok = 0
    per_type: dict[str, list[int]] = {}
    for gold, sys_ in zip(gold_docs, sys_docs, strict=True):
        used = set()
        for gs, ge, gtype, gval in gold:
            best = _match(gs, ge, sys_, used)
            stats = per_type.setdefault(gtype, [0, 0, 0])
            stats[0] += 1
            if best is None:
                continue
            used.add(best)
            ss, se, sval = sys_[best]
            relaxed += 1
            strict += (ss, se) == (gs, ge)
            stats[1] += 1
            if _norm_value(sval) == _norm_value(gval):
                value_ok += 1
                stats[2] += 1

    def prf(hit_sys, hit_gold):
        p = hit_sys / n_sys if n_sys else 0.0
        r = hit_gold / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {
        "strict": prf(strict, strict),
        "relaxed": prf(relaxed, relaxed),
        "value": prf(value_ok, value_ok),
        "per_type": per_type,
        "n_gold": n_gold,
        "n_sys": n_sys,
    }


def _ours(docs, nlp):
    from storyline.nlp.dates import find_times

    out = []
    texts = [d[0] for d in docs]
    for (text, dct, _), doc in zip(docs, nlp.pipe(texts, batch_size=16), strict=True):
        times = find_times(doc, text, dct)
        # TimeML gold is scored against the full TimeML value where we have one (quarters,
        # PRESENT_REF, part of day, durations), the calendar value otherwise
        out.append([(t.start, t.end, t.timeml or t.value) for t in times])
    return out


def _dateparser(docs):
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    out = []
    for text, dct, _ in docs:
        base = dt.datetime.combine(dct, dt.time(12)) if dct else dt.datetime(2000, 1, 1, 12)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(text, languages=["en"], settings=settings) or []
        ddp = DateDataParser(languages=["en"], settings=settings)
        spans, pos = [], 0
        for sub, when in found:
            i = text.find(sub, pos)
            if i < 0:
                continue
            pos = i + len(sub)
            period = (ddp.get_date_data(sub).period or "day") if sub.strip() else "day"
            if period == "year":
                val = f"{when.year:04d}"
            elif period == "month":
                val = f"{when.year:04d}-{when.month:02d}"
            elif period == "week":
                y, w, _ = when.isocalendar()
                val = f"{y}-W{w}"
            else:
                val = when.date().isoformat()
            spans.append((i, i + len(sub), val))
        out.append(spans)
    return out


def _print_scores(name: str, s) -> None:
    sp, sr, sf = s["strict"]
    rp, rr, rf = s["relaxed"]
    vp, vr, vf = s["value"]
    print(f"{name:22} {sp:6.3f} {sr:6.3f} {sf:6.3f}   {rp:6.3f} {rr:6.3f} {rf:6.3f}   "
          f"{vp:6.3f} {vr:6.3f} {vf:6.3f}")


def _report(title: str, gold, ours, peer) -> None:
    s_ours, s_peer = _score(gold, ours), _score(gold, peer)
    print(f"\n{title}: {len(gold)} docs, {s_ours['n_gold']} gold TIMEX3")
    print(f"{'':22} {'strict P/R/F1':^22}   {'relaxed P/R/F1':^22}   {'value P/R/F1':^22}")
    _print_scores("storyline.nlp.dates", s_ours)
    _print_scores("dateparser.search", s_peer)
    # where the value F1 is lost: expressions not found, found but not in the gold, found with
    # the wrong value (counts only; --errors lists TimeBank's)
    matched = sum(m for _, m, _ in s_ours["per_type"].values())
    right = sum(v for _, _, v in s_ours["per_type"].values())
    print(f"storyline: {s_ours['n_gold'] - matched} missed, {s_ours['n_sys'] - matched} spurious, "
          f"{matched - right} wrong values of {matched} matched (value accuracy "
          f"{right / matched if matched else 0:.3f})")
    print("value accuracy on relaxed matches, by gold type (storyline / dateparser):")
    for typ in sorted(s_ours["per_type"]):
        g, m, v = s_ours["per_type"][typ]
        _, pm, pv = s_peer["per_type"].get(typ, [0, 0, 0])
        print(f"  {typ:9} gold {g:5}  matched {m:5} value acc {v / m if m else 0:6.3f}   |   "
              f"matched {pm:5} value acc {pv / pm if pm else 0:6.3f}")
    # what the timeline uses: expressions whose gold value is a calendar date (year, month, week
    # or day; not durations, sets, quarters, seasons, "XX" placeholders or PRESENT_REF)
    cal = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{1,2})?$")
    gold_cal, ours_cal, peer_cal = [], [], []
    for g, o, pr in zip(gold, ours, peer, strict=True):
        other = [(gs, ge) for gs, ge, _, gv in g if not cal.match(gv)]
        keep = [x for x in g if cal.match(x[3])]

        def clear(sys_, other=other):
            return [x for x in sys_ if x[2] is not None and cal.match(x[2])
                    and not any(x[0] < ge and x[1] > gs for gs, ge in other)]

        gold_cal.append(keep)
        ours_cal.append(clear(o))
        peer_cal.append(clear(pr))
    c_ours, c_peer = _score(gold_cal, ours_cal), _score(gold_cal, peer_cal)
    print(f"calendar-valued subset ({c_ours['n_gold']} gold; outputs overlapping other gold left out):")
    _print_scores("storyline.nlp.dates", c_ours)
    _print_scores("dateparser.search", c_peer)


def _print_errors(docs, ours) -> None:
    """Development view: every TimeBank miss, spurious find and wrong value, grouped."""
    groups: dict[str, list[str]] = {}
    for (text, dct, gold), sys_ in zip(docs, ours, strict=True):
        used = set()
        for gs, ge, gtype, gval in gold:
            best = _match(gs, ge, sys_, used)
            g_txt = " ".join(text[gs:ge].split())
            if best is None:
                groups.setdefault(f"missed {gtype}", []).append(f"{g_txt!r} gold={gval} dct={dct}")
                continue
            used.add(best)
            ss, se, sval = sys_[best]
            s_txt = " ".join(text[ss:se].split())
            if _norm_value(sval) != _norm_value(gval):
                groups.setdefault(f"wrong value {gtype}", []).append(
                    f"{g_txt!r} sys={s_txt!r} gold={gval} ours={sval} dct={dct}  "
                    f"ctx={' '.join(text[max(0, gs - 60):ge + 30].split())!r}")
            elif (ss, se) != (gs, ge):
                groups.setdefault("span mismatch (value right)", []).append(
                    f"gold={g_txt!r} ours={s_txt!r}")
        for k, (ss, se, sval) in enumerate(sys_):
            if k not in used:
                groups.setdefault("spurious", []).append(
                    f"{' '.join(text[ss:se].split())!r} ours={sval}  "
                    f"ctx={' '.join(text[max(0, ss - 50):se + 30].split())!r}")
    for name in sorted(groups, key=lambda n: -len(groups[n])):
        print(f"\n== {name}: {len(groups[name])}")
        for line in groups[name]:
            print("  " + line)


def _print_sources(files, subset, gold, ours) -> None:
    """Diagnostic: TimeBank split by source, Wall Street Journal against the other newswire and
    broadcast copy (APW, NYT, CNN, VOA...), the part closest to general news. A rule that only
    lifts the WSJ rows is likely fitted to earnings reports."""
    rows = []
    for name, keep in (("WSJ (wsj_*)", True), ("other news and broadcast", False)):
        idx = [i for i, (p, s) in enumerate(zip(files, subset, strict=True))
               if s == "TimeBank" and p.name.lower().startswith("wsj") == keep]
        if idx:
            rows.append((name, len(idx), _score([gold[i] for i in idx], [ours[i] for i in idx])))
    if not rows:
        return
    print("\nTimeBank by source (diagnostic; same scoring):")
    print(f"{'':28} {'docs':>5} {'gold':>5}   {'strict F1':>9} {'relaxed F1':>10} {'value F1':>9}")
    for name, n, s in rows:
        print(f"{name:28} {n:5} {s['n_gold']:5}   {s['strict'][2]:9.3f} {s['relaxed'][2]:10.3f} "
              f"{s['value'][2]:9.3f}")


def bench_dates(quick: bool = False, dev: bool = False, errors: bool = False) -> None:
    """Date scores per subset: TimeBank (rules developed on it), AQUAINT (held out), all."""
    from storyline.nlp.pipeline import load_pipeline

    root = DATA / "tempeval3-train"
    files = sorted(root.rglob("*.tml"))
    if not files:
        print("(b) dates: skipped: tempeval3-train not found")
        return
    if dev:
        files = [p for p in files if "AQUAINT" not in p.parts]
    if quick:
        files = files[::8]
    docs = [read_tml(p) for p in files]
    subset = ["AQUAINT" if "AQUAINT" in p.parts else "TimeBank" for p in files]
    nlp = load_pipeline()
    t0 = time.perf_counter()
    ours = _ours(docs, nlp)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    peer = _dateparser(docs)
    t_peer = time.perf_counter() - t0
    gold = [d[2] for d in docs]
    print(f"\n(b) dates: TempEval-3 train; time: storyline {t_ours:.1f}s (incl. spaCy parse), "
          f"dateparser {t_peer:.1f}s")
    for name, keep in (("TimeBank (development: rules written looking at it)", "TimeBank"),
                       ("AQUAINT (held out: not looked at while developing)", "AQUAINT"),
                       ("all (TimeBank + AQUAINT)", None)):
        idx = [i for i, s in enumerate(subset) if keep is None or s == keep]
        if idx:
            _report(name, [gold[i] for i in idx], [ours[i] for i in idx], [peer[i] for i in idx])
    _print_sources(files, subset, gold, ours)
    if errors:
        idx = [i for i, s in enumerate(subset) if s == "TimeBank"]
        _print_errors([docs[i] for i in idx], [ours[i] for i in idx])
    print(f"\nreference: HeidelTime value F1 {HEIDELTIME_VALUE_F1} on the TempEval-3 platinum test "
          "(unseen test data); our held-out figure is AQUAINT above")


def main(argv: list[str] | None = None) -> None:
    import argparse

    # argparse, so that --help (or a typo) prints usage instead of running the held-out split.
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="one speed run and fewer documents")
    ap.add_argument("--dates-only", action="store_true", help="skip the speed part")
    ap.add_argument("--dev", action="store_true", help="score TimeBank only (AQUAINT stays unseen)")
    ap.add_argument("--errors", action="store_true", help="list TimeBank's errors by gold type")
    args = ap.parse_args(argv)
    require_data()
    if not args.dates_only:
        bench_speed(runs=1 if args.quick else 3)
    bench_dates(quick=args.quick, dev=args.dev, errors=args.errors)


if __name__ == "__main__":
    main()
