"""Event extraction benchmark.

(a) PLOVER gold-standard records (``../shared/data/plover-gsr``, 322 coded
    sentences): category accuracy of the sentence's main event, and source /
    target actor accuracy (lenient head match against the coded actor texts).
(b) A hand-written gold set (``tests/data/events/gold.jsonl``, method in its
    README): sentences of TAC 2011 MultiLing (WikiNews) and PolNeAR articles,
    each with its events (actor, category, target, date). Precision / recall /
    F1 of events (category + actor + target, lenient head match), category
    accuracy on aligned events, date accuracy on matched events.

Both run Storyline's extractor and, on the same spaCy parse, a plain
subject-verb-object baseline that maps the verb lemma through the same PLOVER
lexicon. Texts are read from ../shared/data at run time; nothing is copied.

Splits: ``dev`` (looked at while writing the rules), ``held-out`` (first batch,
scored once) and ``held-out-2`` (second batch by another annotator, written
before any system output on it was seen). ``--dev`` leaves both held-out
splits unread, for rule work that must not see their scores.

Run: ``.venv/bin/python benchmarks/events.py`` (or ``... --dev``). ``--errors`` reads
the dev split and PLOVER-GSR only and lists their errors (missed, spurious and
mis-coded events) for rule work; it never reads a held-out split.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "tests" / "data" / "events" / "gold.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from storyline.extract import plover  # noqa: E402
from storyline.extract.events import extract_events, is_back_reference, np_text  # noqa: E402
from storyline.model import Article, ArticleAnalysis, EventMention, Sentence  # noqa: E402

_STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "'s",
    "’s",
    "in",
    "on",
    "at",
    "to",
    "for",
    "mr",
    "mrs",
    "ms",
}


def _heads(text: str | None) -> set[str]:
    if not text:
        return set()
    words = re.findall(r"[a-z0-9][a-z0-9\-\.]*", text.lower().replace("’", "'"))
    return {w.strip(".") for w in words if w.strip(".") not in _STOP}


def lenient(pred: str | None, gold: str | None) -> bool:
    """Head match: both missing, or a content word shared (one name part is enough)."""
    if not gold:
        return not pred
    if not pred:
        return False
    # Gold may list alternatives ("Ahmadinejad|he"): the name, or the words the sentence uses.
    return any(_heads(pred) & _heads(g) for g in gold.split("|"))


def canon_category(cat: str) -> str:
    return plover.LEGACY_NAMES.get(cat, cat)


# --------------------------------------------------------------------------- baseline


def svo_baseline(doc) -> list[EventMention]:
    """Every verb with a subject whose lemma is in the PLOVER verb lexicon; object = target."""
    out = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        cat = plover.verb_category(tok.lemma_)
        if cat is None:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        out.append(
            EventMention(
                sentence=0,
                action=tok.lemma_,
                category=cat,
                actor_text=np_text(subj),
                target_text=np_text(obj) if obj is not None else None,
                trigger_start=tok.idx,
                trigger_end=tok.idx + len(tok.text),
            )
        )
    return out


# --------------------------------------------------------------------------- (a) PLOVER GSR


def _actor_texts(field) -> list[str]:
    if not field:
        return []
    if isinstance(field, str):
        return [field]
    return [x.get("actorText", "") for x in field if isinstance(x, dict)]


def _main_event(events: list[EventMention], event_text: str, text: str) -> EventMention | None:
    """The predicted event whose trigger is among the coded event words, else the first one."""
    words = _heads(event_text)
    for e in events:
        trig = text[e.trigger_start : e.trigger_end].lower() if e.trigger_start is not None else ""
        if trig in words or any(w.startswith(trig[:5]) for w in words if len(trig) >= 5):
            return e
    return events[0] if events else None


def bench_plover(nlp) -> dict:
    path = DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    records = [
        r
        for r in json.loads(path.read_text(encoding="utf-8"))
        if r.get("text") and r["event"] != "DOCUMENT"
    ]
    docs = list(nlp.pipe([r["text"] for r in records], batch_size=64))
    res = {
        name: {"cat": 0, "any": 0, "src_n": 0, "src": 0, "tgt_n": 0, "tgt": 0, "none": 0}
        for name in ("storyline", "svo")
    }
    for rec, doc in zip(records, docs, strict=True):
        gold = canon_category(rec["event"])
        art = Article(id="g", source="plover", text=rec["text"], published=rec.get("date"))
        an = ArticleAnalysis(
            article_id="g",
            sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents],
        )
        for name, evs in (("storyline", extract_events(doc, art, an)), ("svo", svo_baseline(doc))):
            r = res[name]
            main = _main_event(evs, rec.get("eventText", ""), rec["text"])
            if main is None:
                r["none"] += 1
            r["cat"] += int(
                main is not None and plover.coded_category(main.category, main.modality) == gold
            )
            r["any"] += int(any(plover.coded_category(e.category, e.modality) == gold for e in evs))
            srcs, tgts = _actor_texts(rec.get("source")), _actor_texts(rec.get("target"))
            if srcs:
                r["src_n"] += 1
                r["src"] += int(main is not None and any(lenient(main.actor_text, s) for s in srcs))
            if tgts:
                r["tgt_n"] += 1
                r["tgt"] += int(
                    main is not None and any(lenient(main.target_text, t) for t in tgts)
                )
    for r in res.values():
        r["n"] = len(records)
    return res


# --------------------------------------------------------------------------- (b) hand-written gold


def _published(rel: str, text: str) -> str | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", Path(rel).name)
    if m:
        return m.group(0)
    import datetime as dt

    for line in text.splitlines()[:4]:
        for fmt in ("%A, %B %d, %Y", "%B %d, %Y"):
            try:
                return dt.datetime.strptime(line.strip(), fmt).date().isoformat()
            except ValueError:
                pass
    return None


def load_gold() -> list[dict]:
    return [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _match(pred: EventMention, gold: dict) -> bool:
    return (
        pred.category == gold["category"]
        and lenient(pred.actor_text, gold.get("actor"))
        and lenient(pred.target_text, gold.get("target"))
    )


def _score(pairs: list[tuple[list[EventMention], list[dict]]]) -> dict:
    tp = n_pred = n_gold = 0
    aligned = cat_ok = 0
    dated = date_ok = dated_gold = dated_gold_ok = 0
    for preds, golds in pairs:
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            hit = next((i for i, p in enumerate(preds) if i not in used and _match(p, g)), None)
            if hit is not None:
                used.add(hit)
                tp += 1
                dated += 1
                ok = _gold_form(preds[hit]) == (g.get("date") or None)
                date_ok += int(ok)
                if g.get("date"):
                    dated_gold += 1
                    dated_gold_ok += int(ok)
            # Category accuracy: a predicted event with the same participants, whatever its category.
            same = [
                p
                for p in preds
                if lenient(p.actor_text, g.get("actor")) and lenient(p.target_text, g.get("target"))
            ]
            if same:
                aligned += 1
                cat_ok += int(any(p.category == g["category"] for p in same))
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "cat_acc": cat_ok / aligned if aligned else 0.0,
        "aligned": aligned,
        "date_acc": date_ok / dated if dated else 0.0,
        "date_acc_explicit": dated_gold_ok / dated_gold if dated_gold else 0.0,
        "n_dated": dated_gold,
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def bench_gold(nlp, splits: tuple[str, ...] = ("dev", "test", "test2")) -> tuple[dict[str, dict], dict[str, dict], dict[str, int], list[float]]:
    """Scores per split ("dev": used while writing the rules; "test": held out; "all")."""
    from storyline.nlp import annotate

    gold = load_gold()
    by_file: dict[str, list[dict]] = {}
    for g in gold:
        if g.get("split", "dev") not in splits:
            continue
        by_file.setdefault(g["file"], []).append(g)
    ours: dict[str, list] = {"dev": [], "test": [], "test2": [], "all": []}
    base: dict[str, list] = {"dev": [], "test": [], "test2": [], "all": []}
    timings = []
    for rel, items in sorted(by_file.items()):
        text = (DATA / rel).read_text(encoding="utf-8")
        art = Article(id=rel, source=rel, text=text, published=_published(rel, text))
        doc = nlp(text)
        t0 = time.perf_counter()
        an = annotate(doc, art)
        evs = extract_events(doc, art, an)
        timings.append(time.perf_counter() - t0)
        svo = svo_baseline(doc)
        for g in items:
            s, e = g["start"], g["end"]

            def inside(m, s=s, e=e):
                return m.trigger_start is not None and s <= m.trigger_start < e

            # Denied and hypothetical acts, and back-references to an event already reported
            # ("the raids"), are not annotated as events in the gold set (see its README).
            preds = [
                m
                for m in evs
                if inside(m)
                and m.modality not in ("denied", "possible")
                and not is_back_reference(
                    doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand").root
                )
            ]
            split = g.get("split", "dev")
            for key in (split, "all"):
                ours[key].append((preds, g["events"]))
                base[key].append(([m for m in svo if inside(m)], g["events"]))
    sizes = {k: len(v) for k, v in ours.items()}
    return (
        {k: _score(v) for k, v in ours.items()},
        {k: _score(v) for k, v in base.items()},
        sizes,
        timings,
    )


# --------------------------------------------------------------------------- error listing


def _fmt(m: EventMention) -> str:
    return f"{m.category}({m.actor_text!r} -> {m.target_text!r}) [{m.action}, {m.modality}]"


def list_errors(nlp) -> None:
    """Dev-split and PLOVER-GSR errors, one per line, grouped by kind (held-out never read)."""
    from storyline.nlp import annotate

    by_file: dict[str, list[dict]] = {}
    for g in load_gold():
        if g.get("split", "dev") == "dev":
            by_file.setdefault(g["file"], []).append(g)
    rows: dict[str, list[str]] = {"missed": [], "spurious": [], "category": [], "participants": []}
    for rel, items in sorted(by_file.items()):
        text = (DATA / rel).read_text(encoding="utf-8")
        art = Article(id=rel, source=rel, text=text, published=_published(rel, text))
        doc = nlp(text)
        an = annotate(doc, art)
        evs = extract_events(doc, art, an)
        for g in items:
            s, e = g["start"], g["end"]
            sent = " ".join(text[s:e].split())
            preds = [
                m
                for m in evs
                if m.trigger_start is not None
                and s <= m.trigger_start < e
                and m.modality not in ("denied", "possible")
                and not is_back_reference(
                    doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand").root
                )
            ]
            used: set[int] = set()
            for ge in g["events"]:
                hit = next((i for i, p in enumerate(preds) if i not in used and _match(p, ge)), None)
                if hit is not None:
                    used.add(hit)
                    continue
                gold_s = f"{ge['category']}({ge.get('actor')!r} -> {ge.get('target')!r})"
                near = [p for i, p in enumerate(preds) if i not in used]
                kind = "missed"
                if any(p.category == ge["category"] for p in near):
                    kind = "participants"
                elif any(
                    lenient(p.actor_text, ge.get("actor")) and lenient(p.target_text, ge.get("target"))
                    for p in near
                ):
                    kind = "category"
                rows[kind].append(
                    f"gold {gold_s}  pred {[_fmt(p) for p in near]}\n    {sent}"
                )
            for i, p in enumerate(preds):
                if i not in used:
                    rows["spurious"].append(f"{_fmt(p)}\n    {sent}")
    for kind, lines in rows.items():
        print(f"== dev {kind} ({len(lines)})")
        for line in lines:
            print("  " + line)
    path = DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        return
    records = [
        r
        for r in json.loads(path.read_text(encoding="utf-8"))
        if r.get("text") and r["event"] != "DOCUMENT"
    ]
    prow: dict[str, list[str]] = {"category": [], "source": [], "target": []}
    for rec, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64), strict=True):
        art = Article(id="g", source="plover", text=rec["text"], published=rec.get("date"))
        an = ArticleAnalysis(
            article_id="g",
            sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents],
        )
        evs = extract_events(doc, art, an)
        main = _main_event(evs, rec.get("eventText", ""), rec["text"])
        gold = canon_category(rec["event"])
        srcs, tgts = _actor_texts(rec.get("source")), _actor_texts(rec.get("target"))
        head = (
            f"gold {gold}({srcs} -> {tgts}) event {rec.get('eventText')!r}  "
            f"pred {_fmt(main) if main else None}\n    {' '.join(rec['text'].split())}"
        )
        if main is None or plover.coded_category(main.category, main.modality) != gold:
            prow["category"].append(head)
        elif srcs and not any(lenient(main.actor_text, x) for x in srcs):
            prow["source"].append(head)
        elif tgts and not any(lenient(main.target_text, x) for x in tgts):
            prow["target"].append(head)
    for kind, lines in prow.items():
        print(f"== plover-gsr {kind} ({len(lines)})")
        for line in lines:
            print("  " + line)
    r = bench_plover(nlp)["storyline"]
    print(
        f"== plover-gsr category acc {r['cat'] / r['n']:.3f} source acc {r['src'] / r['src_n']:.3f} "
        f"target acc {r['tgt'] / r['tgt_n']:.3f}"
    )
    ours, _, _, _ = bench_gold(nlp, ("dev",))
    d = ours["dev"]
    print(f"== dev P {d['P']:.3f} R {d['R']:.3f} F1 {d['F1']:.3f} date acc {d['date_acc']:.3f}")


def _gold_form(pred) -> str | None:
    """A predicted date in the gold's vocabulary: a day, a month or a year (README). A week
    ("this week laid siege": the week of 2019-12-30) has no form there, so it compares as no
    date, which is what the gold writes for it."""
    if not pred.date or getattr(pred, "date_precision", None) == "week":
        return None
    return pred.date


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    import argparse

    # argparse, so that --help (or a typo) prints usage instead of scoring the held-out splits.
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true", help="score the dev split and PLOVER-GSR only")
    ap.add_argument("--errors", action="store_true", help="list dev and PLOVER-GSR errors")
    args = ap.parse_args(argv)
    # --dev scores the dev split (and PLOVER-GSR) only, so rule work never sees held-out scores.
    dev_only = args.dev
    if not DATA.is_dir():
        print("skipped: data not found (../shared/data)")
        return 0
    from storyline.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    if args.errors:
        list_errors(nlp)
        return 0
    print("Storyline event benchmark\n")
    if (DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.json").is_file():
        res = bench_plover(nlp)
        n = res["storyline"]["n"]
        print(
            f"(a) PLOVER gold-standard records, {n} coded sentences (DISAPPROVE scored as ACCUSE;"
        )
        print(
            "    category + modality mapped to PLOVER coding: promised cooperation = AGREE, announced force = THREATEN)"
        )
        print(
            f"{'system':<12}{'category acc':>14}{'gold cat in any':>17}{'source acc':>12}{'target acc':>12}{'no event':>10}"
        )
        for name, r in res.items():
            print(
                f"{name:<12}{r['cat'] / n:>14.3f}{r['any'] / n:>17.3f}{r['src'] / max(r['src_n'], 1):>12.3f}"
                f"{r['tgt'] / max(r['tgt_n'], 1):>12.3f}{r['none']:>10d}"
            )
        print(
            f"  (source acc over {res['storyline']['src_n']} sentences with a coded source, "
            f"target acc over {res['storyline']['tgt_n']} with a coded target)\n"
        )
    else:
        print("(a) skipped: plover-gsr not found\n")
    if GOLD.is_file() and (DATA / "tac2011-multiling-en").is_dir():
        ours, base, n, timings = bench_gold(
            nlp, ("dev",) if dev_only else ("dev", "test", "test2")
        )
        print(
            f"(b) hand-written gold set: {n['all']} sentences, {ours['all']['gold']} gold events "
            f"(TAC 2011 WikiNews + PolNeAR); dev = {n['dev']} sentences used while writing the rules, "
            f"held-out = {n['test']} annotated afterwards, held-out-2 = {n['test2']} "
            "annotated by a second annotator before any system output was seen"
        )
        print(
            f"{'split':<12}{'system':<12}{'P':>7}{'R':>7}{'F1':>7}{'cat acc':>9}{'date acc':>10}"
            f"{'date acc (dated gold)':>23}{'gold':>6}{'pred':>6}{'tp':>5}"
        )
        names = {"held-out": "test", "held-out-2": "test2", "dev": "dev", "all": "all"}
        for split, key in names.items():
            if not n[key]:
                continue
            for name, r in (("storyline", ours[key]), ("svo", base[key])):
                print(
                    f"{split:<12}{name:<12}{r['P']:>7.3f}{r['R']:>7.3f}{r['F1']:>7.3f}{r['cat_acc']:>9.3f}"
                    f"{r['date_acc']:>10.3f}{r['date_acc_explicit']:>16.3f} (n={r['n_dated']:<3d})"
                    f"{r['gold']:>6d}{r['pred']:>6d}{r['tp']:>5d}"
                )
        print(
            f"  events + language core per article: median {median(timings) * 1000:.1f} ms "
            f"over {len(timings)} articles (parse excluded)"
        )
        print("  goals: event F1 >= 0.75, date accuracy >= 0.90")
    else:
        print("(b) skipped: gold set or TAC data not found")
    print(
        "\nPublished reference points: none published for PLOVER-GSR sentence coding or for this gold set;"
    )
    print("the SVO row is the in-run baseline.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
