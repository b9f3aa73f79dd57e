"""View models shared by the web app and the static report.

Everything here returns plain data (strings, numbers, lists); the templates escape every string
they print. Highlights are built by cutting the article text at offsets into segments, each with
a set of classes, never by inserting markup into the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from .data import CorpusIndex
from .render import article_label, event_date

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENT_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is was were be been are it its this that "
    "these those he she they his her their him them we our you your i not no said says say".split()
)


# --------------------------------------------------------------------------- sentences and citations


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Fallback sentence offsets when the store has no analysis (e.g. the static report)."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.start() + len(m.group(1) or "")  # a closing quote belongs to its sentence
        if end > start:
            spans.append(_trim(text, start, end))
        start = m.end()
    if start < len(text):
        spans.append(_trim(text, start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_spans(article: dict, analysis: dict | None) -> list[tuple[int, int]]:
    if analysis and analysis.get("sentences"):
        return [(s["start"], s["end"]) for s in analysis["sentences"] if s["end"] > s["start"]]
    return split_sentences(article.get("text") or "")


def _words(text: str) -> set[str]:
    return {w for w in (x.lower() for x in _WORD.findall(text)) if w not in _STOP and len(w) > 1}


def best_sentence(text: str, article: dict, spans: list[tuple[int, int]],
                  words: list[set[str]] | None = None) -> tuple[int, int] | None:
    """The sentence of ``article`` that best supports ``text`` (word containment), or None.

    ``words`` are the spans' word sets when the caller already has them (one per span).
    """
    body = article.get("text") or ""
    want = _words(text)
    if not want or not spans:
        return None
    if words is None:
        words = [_words(body[a:b]) for a, b in spans]
    best, best_score = None, 0.0
    for (a, b), have in zip(spans, words, strict=True):
        if not have:
            continue
        inter = len(want & have)
        # Containment of the summary's words, with a small push for tighter sentences.
        score = inter / len(want) + 0.1 * inter / len(have)
        if score > best_score:
            best, best_score = (a, b), score
    # The article was cited as support, so even a weak match is the best place to open it.
    return best if best_score > 0 else None


# --------------------------------------------------------------------------- article highlighting


@dataclass(slots=True)
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    entity: str | None = None  # global entity id, for a link
    quotes: list[str] = field(default_factory=list)  # "start-end" of every quote it belongs to
    anchors: list[str] = field(default_factory=list)  # element ids of the quotes starting here
    title: str | None = None


@dataclass(slots=True)
class SentenceView:
    start: int
    end: int
    segments: list[Segment]
    is_sentence: bool


def _entity_lookup(ix: CorpusIndex, aid: str) -> dict[str, str]:
    """Surface form (lower case) -> global entity id for the entities of one article."""
    out: dict[str, str] = {}
    for eid in ix.article_entities.get(aid, []):
        e = ix.entities.get(eid)
        if not e:
            continue
        for name in [e.get("name") or "", *e.get("aliases", [])]:
            if name:
                out.setdefault(name.lower(), eid)
    return out


def article_segments(ix: CorpusIndex, article: dict, analysis: dict | None) -> list[SentenceView]:
    """The article text cut into sentences, and each sentence into highlighted segments."""
    text = article.get("text") or ""
    n = len(text)
    aid = article["id"]
    spans: list[tuple[int, int, str, dict]] = []  # (start, end, kind, info)
    if analysis:
        for m in analysis.get("mentions", []):
            if m.get("label") in ("PRON",):
                continue
            spans.append((m["start"], m["end"], "ent", m))
        for t in analysis.get("times", []):
            spans.append((t["start"], t["end"], "date", t))
        for q in analysis.get("quotes", []):
            spans.append((q["start"], q["end"], "quote", q))
    # Quotes known to the corpus carry offsets too; they also cover the static report (no analyses).
    for qid in ix.article_quotes.get(aid, []):
        for src in ix.quotes[qid].get("sources", []):
            if src["article"] == aid:
                spans.append((src["start"], src["end"], "quote", {"id": qid}))
    spans = [(max(0, a), min(n, b), k, i) for a, b, k, i in spans if isinstance(a, int) and isinstance(b, int)
             and 0 <= a < b <= n]
    names = _entity_lookup(ix, aid)
    blocks: list[tuple[int, int, bool]] = []
    pos = 0
    for a, b in sorted(sentence_spans(article, analysis)):
        if a < pos or b > n:
            continue  # overlapping or out-of-range sentence offsets: keep the text whole instead
        if a > pos:
            blocks.append((pos, a, False))
        blocks.append((a, b, True))
        pos = b
    if pos < n:
        blocks.append((pos, n, False))
    seen_quotes: set[str] = set()
    views: list[SentenceView] = []
    # A sweep over the blocks (in text order) with the spans sorted by start: each block
    # looks only at the spans still open, not at every span of the article.
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    nxt = 0
    open_: list[int] = []
    for ba, bb, is_sent in blocks:
        while nxt < len(order) and spans[order[nxt]][0] < bb:
            open_.append(order[nxt])
            nxt += 1
        open_ = [k for k in open_ if spans[k][1] > ba]
        # In the spans' own order: later spans (quotes) refine the segments' titles and anchors.
        inside = [spans[k] for k in sorted(open_)]
        if not inside:
            views.append(SentenceView(ba, bb, [Segment(text[ba:bb])], is_sent))
            continue
        cuts = sorted({ba, bb} | {c for sp in inside for c in sp[:2] if ba < c < bb})
        view = SentenceView(ba, bb, [], is_sent)
        for a, b in zip(cuts, cuts[1:], strict=False):
            seg = Segment(text[a:b])
            for s, e, kind, info in inside:
                if s > a or e < b:
                    continue
                if kind == "ent":
                    label = info.get("label") or "ENT"
                    seg.classes.append(f"ent-{label.lower()}")
                    seg.classes.append("ent")
                    eid = names.get((info.get("text") or "").lower())
                    if eid and seg.entity is None:
                        seg.entity = eid
                    seg.title = label
                elif kind == "date":
                    seg.classes.append("date")
                    if info.get("value"):
                        seg.title = f"{info.get('value')} ({info.get('precision')})"
                elif kind == "quote":
                    key = f"{s}-{e}"
                    seg.classes.append("quote")
                    if key not in seg.quotes:
                        seg.quotes.append(key)
                    if key not in seen_quotes:
                        seen_quotes.add(key)
                        seg.anchors.append(f"q-{key}")
            seg.classes = sorted(set(seg.classes))
            view.segments.append(seg)
        views.append(view)
    return views


def article_html(views: list[SentenceView], idp: str, url: Any) -> Markup:
    """The highlighted article text as HTML: every piece of text and every attribute escaped.

    Written in Python rather than as a template macro because the static report renders it for
    every article (a macro costs ~10x more per segment); the markup is the same either way.
    """
    out: list[str] = []
    w = out.append
    for s in views:
        if s.is_sentence:
            w(f'<span class="sent" id="{escape(idp)}s-{s.start}-{s.end}">')
        for g in s.segments:
            for an in g.anchors:
                w(f'<span class="anchor" id="{escape(idp)}{escape(an)}"></span>')
            if not g.classes:
                w(str(escape(g.text)))
                continue
            attrs = f' class="{escape(" ".join(g.classes))}"'
            if g.title:
                attrs += f' title="{escape(g.title)}"'
            if g.quotes:
                attrs += f' data-q="{escape(" ".join(g.quotes))}"'
            if g.entity:
                w(f'<a{attrs} href="{escape(url("entity", g.entity))}">{escape(g.text)}</a>')
            else:
                w(f"<span{attrs}>{escape(g.text)}</span>")
        if s.is_sentence:
            w("</span>")
    return Markup('<div class="article-text">' + "".join(out) + "</div>")


# --------------------------------------------------------------------------- story views


def story_events(ix: CorpusIndex, story: dict) -> list[dict]:
    """The story's timeline events; when the timeline stage left none, its articles' dated events."""
    ids = story.get("timeline") or []
    events = [ix.events[e] for e in ids if e in ix.events]
    if events:
        return events
    arts = set(story.get("articles", []))
    seen, out = set(), []
    for aid in story.get("articles", []):
        for eid in ix.article_events.get(aid, []):
            ev = ix.events[eid]
            if eid in seen or ev.get("background"):
                continue
            if any(src["article"] in arts for src in ev.get("sources", [])):
                seen.add(eid)
                out.append(ev)
    return sorted(out, key=lambda e: (e.get("date") is None, e.get("date") or "", e["id"]))


def entity_name(ix: CorpusIndex, ref: str | None) -> str | None:
    if ref is None:
        return None
    e = ix.entities.get(ref)
    return e["name"] if e else ref


def event_label(ix: CorpusIndex, ev: dict) -> str:
    actor = ev.get("actor_name") or entity_name(ix, ev.get("actor")) or ""
    target = ev.get("target_name") or entity_name(ix, ev.get("target")) or ""
    neg = {"denied": "did not ", "possible": "may ", "future": "will "}.get(ev.get("modality"), "")
    parts = [actor, neg + (ev.get("action") or ""), target]
    label = " ".join(p for p in parts if p).strip()
    if ev.get("location"):
        label += f" in {ev['location']}"
    return label


def _parse_date(d: str | None) -> dt.date | None:
    if not d:
        return None
    try:
        parts = [int(x) for x in d.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def timeline_svg(ix: CorpusIndex, events: list[dict], width: int = 1000, max_rows: int = 60) -> dict[str, Any]:
    """Geometry of the timeline: one row per dated event, x by the date of what happened."""
    dated = [(e, _parse_date(e.get("date"))) for e in events]
    dated = sorted(((e, d) for e, d in dated if d is not None), key=lambda x: x[1])[:max_rows]
    undated = [e for e in events if _parse_date(e.get("date")) is None]
    row_h, top, left, right = 24, 34, 20, 20
    if not dated:
        return {"rows": [], "ticks": [], "width": width, "height": 0, "undated": undated}
    d0 = min(d for _, d in dated)
    d1 = max(d for _, d in dated)
    span = max((d1 - d0).days, 1)
    usable = width - left - right

    def x(d: dt.date) -> float:
        return round(left + usable * (d - d0).days / span, 1)

    # Ticks: every day for short spans, else about eight evenly spaced dates.
    n_ticks = min(span, 8) if span > 0 else 1
    ticks = []
    for k in range(n_ticks + 1):
        d = d0 + dt.timedelta(days=round(span * k / max(n_ticks, 1)))
        ticks.append({"x": x(d), "label": d.isoformat(), "anchor": "start" if k == 0 else ("end" if k == n_ticks else "middle")})
    rows = []
    for i, (e, d) in enumerate(dated):
        cx = x(d)
        label = event_label(ix, e)
        label = label if len(label) <= 70 else label[:69] + "…"
        right_side = cx < left + usable * 0.55
        text = f"{e.get('date')} · {label}"
        srcs = e.get("sources", [])
        rows.append({
            "id": e["id"], "cx": cx, "cy": top + i * row_h, "date": e.get("date"),
            "precision": e.get("date_precision"), "text": text,
            "tx": cx + 9 if right_side else cx - 9, "anchor": "start" if right_side else "end",
            "category": (e.get("category") or "").lower(), "modality": e.get("modality"),
            "sentence": srcs[0]["sentence"] if srcs else "", "article": srcs[0]["article"] if srcs else None,
            "n_sources": len(srcs),
        })
    return {"rows": rows, "ticks": ticks, "width": width, "height": top + len(rows) * row_h + 6,
            "undated": undated, "first": d0.isoformat(), "last": d1.isoformat()}


def story_quotes(ix: CorpusIndex, story: dict) -> list[dict]:
    arts = story.get("articles", [])
    seen: dict[str, dict] = {}
    for aid in arts:
        for qid in ix.article_quotes.get(aid, []):
            seen.setdefault(qid, ix.quotes[qid])
    return list(seen.values())


def quotes_by_speaker(ix: CorpusIndex, quotes: list[dict], per_speaker: int = 12) -> list[dict]:
    """Quotes grouped by resolved speaker (else the speaker's words), biggest group first.

    Each group shows at most ``per_speaker`` quotes (``more`` counts the rest, which the API
    lists), so a story of hundreds of articles still gives a page that loads fast.
    """
    groups: dict[str, dict] = {}
    for q in quotes:
        if q.get("speaker"):
            key, name = q["speaker"], entity_name(ix, q["speaker"])
        elif q.get("speaker_text"):
            key, name = "t:" + q["speaker_text"].lower(), q["speaker_text"]
        else:
            key, name = "none", "Unattributed"
        g = groups.setdefault(key, {"key": _slug(key), "speaker": name, "entity": q.get("speaker"), "quotes": []})
        outlets = sorted({ix.articles.get(s["article"], {}).get("outlet") or "unknown outlet"
                          for s in q.get("sources", [])})
        g["quotes"].append({"q": q, "outlets": outlets})
    out = sorted(groups.values(), key=lambda g: (-len(g["quotes"]), g["speaker"].lower()))
    for g in out:
        g["outlets"] = sorted({o for item in g["quotes"] for o in item["outlets"]})
        g["n"] = len(g["quotes"])
        g["more"] = max(0, g["n"] - per_speaker)
        g["quotes"] = g["quotes"][:per_speaker]
    return out


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "x"


def story_entities(ix: CorpusIndex, story: dict, limit: int = 40) -> list[dict]:
    counts: Counter = Counter()
    for aid in story.get("articles", []):
        counts.update(ix.article_entities.get(aid, []))
    return [dict(ix.entities[eid], n=n) for eid, n in counts.most_common(limit)]


def story_outlets(ix: CorpusIndex, story: dict) -> list[str]:
    outs = Counter(ix.articles.get(a, {}).get("outlet") or "unknown outlet" for a in story.get("articles", []))
    return [o for o, _ in outs.most_common()]


def comparison_matrix(ix: CorpusIndex, story: dict, events: list[dict], limit: int = 40) -> dict[str, Any]:
    """Which outlet reports which fact: the story's comparison, or one derived from event sources.

    Facts most outlets share come first (what everyone agrees on), then the rest; at most
    ``limit`` rows, with the number left out.
    """
    comp = story.get("comparison")
    if comp and comp.get("facts") is not None:
        outlets = list(comp.get("outlets") or [])
        facts = [{"label": f.get("label") or f.get("id"), "kind": f.get("kind"), "outlets": set(f.get("outlets", [])),
                  "date": f.get("date")} for f in comp.get("facts", [])]
        derived = False
    else:
        outlets = story_outlets(ix, story)
        facts = []
        for ev in events:
            outs = {ix.articles.get(s["article"], {}).get("outlet") or "unknown outlet" for s in ev.get("sources", [])}
            facts.append({"label": f"{event_date(ev)} · {event_label(ix, ev)}", "kind": "event",
                          "outlets": outs, "date": ev.get("date")})
        derived = True
    order = sorted(range(len(facts)), key=lambda i: (-len(facts[i]["outlets"]), facts[i]["date"] is None, i))
    shown = [facts[i] for i in order[:limit]]
    unique = (comp or {}).get("unique") or {}
    return {
        "outlets": outlets,
        "rows": [{"label": _short(f["label"], 160), "kind": f["kind"], "cells": [o in f["outlets"] for o in outlets]}
                 for f in shown],
        "hidden": max(0, len(facts) - len(shown)),
        "derived": derived,
        "unique": [(o, len(unique[o])) for o in outlets if unique.get(o)],
    }


def _short(text: str | None, n: int) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def story_disagreements(story: dict) -> list[dict]:
    """The comparison's disagreements (claims and quote wordings) when present, else the story's."""
    comp = story.get("comparison") or {}
    if comp.get("disagreements"):
        return list(comp["disagreements"])
    out = list(story.get("disagreements") or [])
    if not out:
        for c in story.get("chapters", []):
            out.extend(c.get("disagreements") or [])
    return out


def story_view(ix: CorpusIndex, story: dict, analysis_of: Any = None,
               spans_cache: dict[str, tuple] | None = None) -> dict[str, Any]:
    """Everything the story template shows, computed once per story and corpus version.

    ``analysis_of(article_id)`` gives the stored analysis (for the sentence offsets the article
    page anchors on); without it sentences are split from the text, as the static report does.
    ``spans_cache`` (article id -> sentence spans and their word sets) may be shared by the
    caller across stories: events cite articles of other stories, and the static report
    renders every story.
    """
    arts = [ix.articles[a] for a in story.get("articles", []) if a in ix.articles]
    arts.sort(key=lambda a: (a.get("published") or "", a["id"]))
    cite_numbers: dict[str, int] = {}
    spans_cache = {} if spans_cache is None else spans_cache

    def cite(text: str, sources: list[str]) -> list[dict]:
        out = []
        for aid in sources:
            a = ix.articles.get(aid)
            if a is None:
                continue
            if aid not in cite_numbers:
                cite_numbers[aid] = len(cite_numbers) + 1
            if aid not in spans_cache:
                spans = sentence_spans(a, analysis_of(aid) if analysis_of else None)
                body = a.get("text") or ""
                spans_cache[aid] = (spans, [_words(body[x:y]) for x, y in spans])
            sent = best_sentence(text, a, *spans_cache[aid])
            out.append({"n": cite_numbers[aid], "article": aid, "outlet": a.get("outlet"),
                        "label": article_label(a), "span": sent})
        return out

    summary = [{"text": s["text"], "date": s.get("date"), "cites": cite(s["text"], s.get("sources", []))}
               for s in story.get("summary", [])]
    chapters = []
    for c in story.get("chapters", []):
        chapters.append({
            "id": c["id"], "title": c.get("headline") or c.get("title"), "date": c.get("date"),
            "first_date": c.get("first_date"), "last_date": c.get("last_date"),
            "articles": [ix.articles[a] for a in c.get("articles", [])[:25] if a in ix.articles],
            "n_articles": len(c.get("articles", [])),
            "summary": [{"text": s["text"], "cites": cite(s["text"], s.get("sources", []))}
                        for s in c.get("summary", [])],
        })
    events = story_events(ix, story)
    events_v = []
    # Dated events first, by date (stable: the timeline's own order breaks ties), then the undated.
    for ev in sorted(events, key=lambda e: (_parse_date(e.get("date")) is None, e.get("date") or "")):
        ev_cites: list[dict] = []
        for src in ev.get("sources", []):
            ev_cites.extend(cite(src.get("sentence") or "", [src["article"]]))
        seen_c: set = set()
        ev_cites = [c for c in ev_cites if not ((c["n"], c["span"]) in seen_c or seen_c.add((c["n"], c["span"])))]
        events_v.append(dict(ev, _label=event_label(ix, ev), _cites=ev_cites))
    disagreements = story_disagreements(story)
    quotes = story_quotes(ix, story)
    if not quotes and not ix.data["quotes"] and analysis_of is not None:
        quotes = _local_quotes(story, analysis_of)
    all_groups = quotes_by_speaker(ix, quotes)
    groups = all_groups[:30]  # the most quoted speakers; the rest are counted and in the API
    return {
        "story": story,
        "title": story.get("headline") or story.get("title"),
        "articles": arts,
        "outlets": story_outlets(ix, story),
        "summary": summary,
        "chapters": chapters,
        "timeline": timeline_svg(ix, events),
        "events": events_v,
        "outlet_of": {a["id"]: a.get("outlet") for a in arts},
        "label_of": {a["id"]: article_label(a) for a in arts},
        "quote_groups": groups,
        "quote_groups_hidden": len(all_groups) - len(groups),
        "n_quotes": len(quotes),
        "entities": story_entities(ix, story),
        "matrix": comparison_matrix(ix, story, events),
        "disagreements": disagreements,
        "sources": sorted(cite_numbers.items(), key=lambda kv: kv[1]),
    }


def _local_quotes(story: dict, analysis_of: Any) -> list[dict]:
    """Quotes as each article's analysis found them, for stores built before quotes were merged."""
    out = []
    for aid in story.get("articles", []):
        for q in (analysis_of(aid) or {}).get("quotes", []):
            out.append({
                "id": f"q-{aid}-{q['start']}", "text": q["text"], "kind": q.get("kind") or "direct",
                "cue": q.get("cue"), "speaker": None, "speaker_text": q.get("speaker_text"), "via": None,
                "channel": q.get("channel") or "unknown",
                "sources": [{"article": aid, "start": q["start"], "end": q["end"], "text": q["text"]}],
            })
    return out


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """FTS5 snippet with \\x02..\\x03 around hits -> [(text, is_hit)], for escaped rendering."""
    parts, hit = [], False
    for piece in re.split(r"([\x02\x03])", snippet or ""):
        if piece == "\x02":
            hit = True
        elif piece == "\x03":
            hit = False
        elif piece:
            parts.append((piece, hit))
    return parts
