"""Timelines and disagreements for stories and chapters.

A timeline lists the ids of the events reported in a story's (or chapter's)
articles, ordered by when the events happened, not when they were reported:

1. an event's own date when a source gives one;
2. otherwise the order the texts state: "A after B", "after B, A", "B prior
   to A", "in the aftermath of B", "following B", "avenge B" put B before A;
   an undated event goes just before the earliest dated event it precedes, or
   just after the latest one it follows;
3. otherwise the publication date of the earliest article reporting it (an
   event happened on or before the day it is reported);
4. events with no date at all come last, in the order they are first reported.

Ties keep the stated order first, then the order of first report.

An event is *background* to a chapter when it happened before the chapter's
period, when an earlier chapter of the story already reported it, or when most
of the chapter's mentions of it are context ("after the killing of X",
"following the strike"). ``Event.background`` is set when the event is
background to any chapter that lists it; every chapter keeps it in its
timeline and lists the ids of its own background events, in timeline order,
in ``Chapter.background``.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from ..extract.claims import find_disagreements
from ..extract.events import link_mentions
from ..model import Event

if TYPE_CHECKING:
    from ..analyze import Corpus

log = logging.getLogger(__name__)

# Cue between two triggers "X ... <cue> ... Y": which of them happened first.
_AFTER_CUES = re.compile(
    r"\b(after|following|since|in the aftermath of|aftermath of|in the wake of|in response to|"
    r"in retaliation for|to avenge|avenge|revenge for|in reaction to|amid|over)\b",
    re.IGNORECASE,
)
_BEFORE_CUES = re.compile(r"\b(before|prior to|ahead of|in the run-up to|until)\b", re.IGNORECASE)
# A context position: the trigger is inside such a phrase ("after the killing of X").
_CONTEXT_BEFORE = re.compile(
    r"\b(after|following|since|amid|aftermath of|wake of|response to|retaliation for|revenge for|"
    r"avenge|over|for|because of|due to)\b[^,;:.!?]{0,60}$",
    re.IGNORECASE,
)


def _stated_order(corpus: "Corpus", link: dict[tuple[str, int], str]) -> set[tuple[str, str]]:
    """Pairs (earlier event id, later event id) that sentences state outright."""
    edges: set[tuple[str, str]] = set()
    for art in corpus.articles:
        an = corpus.analyses.get(art.id)
        if an is None:
            continue
        by_sentence: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for i, m in enumerate(an.events):
            ev = link.get((art.id, i))
            if ev is not None and m.trigger_start is not None:
                by_sentence[m.sentence].append((i, ev))
        for sidx, ms in by_sentence.items():
            if len(ms) < 2 or not (0 <= sidx < len(an.sentences)):
                continue
            sent = an.sentences[sidx]
            ms.sort(key=lambda p: an.events[p[0]].trigger_start)
            for a in range(len(ms)):
                for b in range(a + 1, len(ms)):
                    (ia, ea), (ib, eb) = ms[a], ms[b]
                    if ea == eb:
                        continue
                    x, y = an.events[ia], an.events[ib]
                    between = art.text[x.trigger_end : y.trigger_start]
                    before_x = art.text[max(sent.start, x.trigger_start - 80) : x.trigger_start]
                    cue_after = list(_AFTER_CUES.finditer(between))
                    cue_before = list(_BEFORE_CUES.finditer(between))
                    if cue_after or cue_before:
                        last_after = cue_after[-1].start() if cue_after else -1
                        last_before = cue_before[-1].start() if cue_before else -1
                        edges.add((eb, ea) if last_after > last_before else (ea, eb))
                    elif "," in between:
                        # "After B, A" / "Prior to B, A": the cue opens the sentence before B.
                        head = before_x.split(",")[-1]
                        if _AFTER_CUES.search(head):
                            edges.add((ea, eb))
                        elif _BEFORE_CUES.search(head):
                            edges.add((eb, ea))
    return edges


def _context_share(
    corpus: "Corpus", link: dict[tuple[str, int], str], articles: set[str], by_id: dict | None = None
) -> dict[str, float]:
    """Share of each event's mentions in ``articles`` that are in a context position."""
    total: dict[str, int] = defaultdict(int)
    ctx: dict[str, int] = defaultdict(int)
    by_id = by_id if by_id is not None else {a.id: a for a in corpus.articles}
    for aid in sorted(articles):
        art = by_id.get(aid)
        an = corpus.analyses.get(aid)
        if art is None:
            continue
        if an is None:
            continue
        for i, m in enumerate(an.events):
            ev = link.get((art.id, i))
            if ev is None or m.trigger_start is None or not (0 <= m.sentence < len(an.sentences)):
                continue
            total[ev] += 1
            sent = an.sentences[m.sentence]
            if _CONTEXT_BEFORE.search(art.text[sent.start : m.trigger_start]):
                ctx[ev] += 1
    return {ev: ctx[ev] / n for ev, n in total.items() if n}


def order_events(
    events: list[Event],
    edges: set[tuple[str, str]],
    published: dict[str, str | None],
    first_seen: dict[str, tuple],
    context: dict[str, float] | None = None,
) -> list[str]:
    """Event ids by when they happened (see the module docstring for the rules).

    ``context`` (share of an event's mentions that are background clauses) breaks
    ties within a day: what the news mentions as background happened first.
    """
    context = context or {}
    ids = {e.id for e in events}
    edges = {(a, b) for a, b in edges if a in ids and b in ids and a != b}
    succ: dict[str, set[str]] = defaultdict(set)
    pred: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        succ[a].add(b)
        pred[b].add(a)
    by_id = {e.id: e for e in events}

    def reach(start: str, nxt: dict[str, set[str]]) -> list[str]:
        seen, stack = set(), [start]
        while stack:
            for n in nxt[stack.pop()]:
                if n not in seen:
                    seen.add(n)
                    stack.append(n)
        return [n for n in seen if by_id[n].date]

    key: dict[str, tuple] = {}
    for e in events:
        if e.date:
            key[e.id] = (e.date, 0)
            continue
        later = reach(e.id, succ)
        earlier = reach(e.id, pred)
        if later:
            key[e.id] = (min(by_id[n].date for n in later), -1)
        elif earlier:
            key[e.id] = (max(by_id[n].date for n in earlier), 1)
        else:
            dates = [published.get(s.article) for s in e.sources if published.get(s.article)]
            key[e.id] = (min(dates), 2) if dates else ("9999", 3)
    for i, k in key.items():
        if context.get(i, 0.0) >= 0.5 and k[0] != "9999":
            key[i] = (k[0], k[1] - 2)

    # Kahn's algorithm: the stated order is a hard constraint, dates a priority.
    indeg = {i: len(pred[i] & ids) for i in ids}
    heap = [(key[i], first_seen.get(i, ()), i) for i in ids if indeg[i] == 0]
    heapq.heapify(heap)
    out: list[str] = []
    while heap:
        _, _, i = heapq.heappop(heap)
        out.append(i)
        for n in succ[i]:
            indeg[n] -= 1
            if indeg[n] == 0:
                heapq.heappush(heap, (key[n], first_seen.get(n, ()), n))
    if len(out) < len(ids):  # a cycle of stated orders: fall back to the keys for the rest
        rest = sorted(ids - set(out), key=lambda i: (key[i], first_seen.get(i, ()), i))
        out.extend(rest)
    return out


def _period_start(chapter, corpus: "Corpus") -> str | None:
    if getattr(chapter, "first_date", None):
        return chapter.first_date
    members = set(chapter.articles)
    dates = [a.published for a in corpus.articles if a.id in members and a.published]
    return min(dates) if dates else None


def attach_timelines(corpus: "Corpus") -> None:
    """Set ``timeline`` (event ids by date) and ``disagreements`` on stories and chapters."""
    if not corpus.stories:
        return
    _, link = link_mentions(corpus.articles, corpus.analyses, corpus.entity_map, corpus.entities)
    known = {e.id for e in corpus.events}
    if not set(link.values()) <= known:
        # corpus.events came from another run or was filtered: recompute ids from it only.
        link = {k: v for k, v in link.items() if v in known}
    by_id = {e.id: e for e in corpus.events}
    edges = _stated_order(corpus, link)
    published = {a.id: a.published for a in corpus.articles}
    articles_by_id = {a.id: a for a in corpus.articles}
    art_rank = {a.id: (a.published or "9999", n) for n, a in enumerate(corpus.articles)}
    first_seen: dict[str, tuple] = {}
    for (aid, idx), ev in link.items():
        m = corpus.analyses[aid].events[idx]
        pos = (*art_rank.get(aid, ("9999", 0)), m.sentence, m.trigger_start or 0)
        if ev not in first_seen or pos < first_seen[ev]:
            first_seen[ev] = pos
    events_of: dict[str, set[str]] = defaultdict(set)
    for (aid, _idx), ev in link.items():
        events_of[aid].add(ev)

    def events_in(article_ids: list[str]) -> list[Event]:
        ids = set().union(*[events_of.get(a, set()) for a in article_ids]) if article_ids else set()
        return [by_id[i] for i in ids if i in by_id]

    # Disagreements are looked for per story and per chapter: each call gets only its own
    # articles' analyses (in corpus order, which the grouping follows) and the entities their
    # claimants resolve to, not the whole corpus each time.
    rank = {aid: n for n, aid in enumerate(corpus.analyses)}
    entity_by_id = {e.id: e for e in corpus.entities}

    def disagreements_in(article_ids: list[str]):
        ids = sorted((a for a in set(article_ids) if a in rank), key=rank.__getitem__)
        analyses = [corpus.analyses[a] for a in ids]
        claimants = {corpus.entity_map.get((an.article_id, c.claimant))
                     for an in analyses for c in an.claims if c.claimant}
        entities = [entity_by_id[i] for i in sorted(claimants - {None}) if i in entity_by_id]
        return _guarded_disagreements(corpus, article_ids, analyses, entities)

    background: set[str] = set()
    for story in corpus.stories:
        context = _context_share(corpus, link, set(story.articles), articles_by_id)
        story.timeline = order_events(
            events_in(story.articles), edges, published, first_seen, context
        )
        story.disagreements = disagreements_in(story.articles)
        reported_before: set[str] = set()
        chapters = sorted(story.chapters, key=lambda c: (_period_start(c, corpus) or "9999", c.id))
        for chapter in chapters:
            evs = events_in(chapter.articles)
            chapter.timeline = order_events(evs, edges, published, first_seen, context)
            chapter.disagreements = disagreements_in(chapter.articles)
            start = _period_start(chapter, corpus)
            share = _context_share(corpus, link, set(chapter.articles), articles_by_id)
            mine: set[str] = set()
            for e in evs:
                if (
                    (start and e.date and e.date[: len(start)] < start[: len(e.date)])
                    or e.id in reported_before
                    or share.get(e.id, 0.0) > 0.5
                ):
                    mine.add(e.id)
            # Per chapter, because an event can be the news of one chapter and context to a later one.
            chapter.background = [i for i in chapter.timeline if i in mine]
            background |= mine
            reported_before |= {e.id for e in evs}
    for e in corpus.events:
        e.background = e.id in background


def _guarded_disagreements(corpus: "Corpus", article_ids: list[str], analyses=None, entities=None):
    try:
        return find_disagreements(
            corpus.analyses.values() if analyses is None else analyses,
            corpus.entity_map,
            corpus.entities if entities is None else entities,
            article_ids,
        )
    except Exception as exc:  # one bad claim must not cost the story its timeline
        log.warning("disagreements failed: %r", exc)
        corpus.problems.append(f"disagreements: {type(exc).__name__}: {exc}")
        return []
