"""Cited multi-source summaries of a cluster of articles.

``summarize_articles`` is the library entry point (the CLI's ``storyline
summarize`` calls it): it treats the given articles as one cluster and returns
summary sentences, each with the ids of every article that supports it.

Method, in order:

1. candidates (``units``): each sentence cleaned and safely compressed
   (dateline, leading connective, parentheticals, trailing attribution of an
   indirect statement dropped); a leading pronoun is replaced by the name it
   stands for or the sentence is left out; furniture, bare quotations,
   headlines, questions and first-person fragments are filtered;
2. selection (``select``): a concept-coverage integer program over stemmed
   bigrams weighted by document frequency, solved with ``scipy.optimize.milp``
   under the word budget (Gillick & Favre 2009);
   a one-article cluster (a chapter or story with a single source) takes its
   article's lead instead: there is no cross-source evidence to weigh by;
3. ordering: by the date of what each sentence reports (its event's date, else
   a resolved date expression in it, else its article's date), then by the
   sentence's position in its article;
4. citations (``cite``): lexical overlap, with sentence embeddings for the
   undecided paraphrases when the shared embedder is available.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Article, ArticleAnalysis, Event, SummarySentence, to_dict
from ..util import gc_paused
from .cite import Evidence, load_embedder
from .headline import headline
from .select import concept_weights, select_units, unit_concepts
from .units import Unit, build_units, iter_units

if TYPE_CHECKING:
    from ..analyze import Corpus

log = logging.getLogger(__name__)

__all__ = ["summarize_articles", "attach_summaries", "headline"]

DEFAULT_WORDS = 100
_PRECISE = {"day", "week", "month"}


def _event_dates(events: Iterable[Event] | None) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for ev in events or []:
        if not ev.date or ev.background:
            continue
        for src in ev.sources:
            key = (src.article, " ".join(src.sentence.split()))
            out.setdefault(key, ev.date)
    return out


def _date_unit(u: Unit, analysis: ArticleAnalysis | None, article: Article,
               event_dates: dict[tuple[str, str], str]) -> str | None:
    """The date of what the sentence reports, else its article's date."""
    d = event_dates.get((u.article, u.original))
    if d:
        return d
    if analysis is not None:
        for em in analysis.events:
            if em.sentence == u.index and em.date and em.date_precision in _PRECISE and em.modality != "future":
                return em.date
        if u.index < len(analysis.sentences):
            s = analysis.sentences[u.index]
            for t in analysis.times:
                if s.start <= t.start < s.end and t.value and t.kind == "DATE" and t.precision in _PRECISE:
                    # A date in the future of the article is a plan, not what happened.
                    if article.published and t.value[:10] > article.published:
                        continue
                    return t.value
    return article.published


def _order(chosen: list[Unit], article_rank: dict[str, int]) -> list[Unit]:
    known = sorted(u.date for u in chosen if u.date)
    fill = known[len(known) // 2] if known else ""
    return sorted(
        chosen,
        key=lambda u: ((u.date or fill)[:10], u.position, article_rank.get(u.article, 0), u.index),
    )


def _lead(units: Iterable[Unit], words: int) -> list[Unit]:
    """The article's usable sentences (given in text order) while they fit in ``words``."""
    out, used = [], 0
    for u in units:
        if used + u.words > words:
            if out:
                break
            continue  # an over-long opening sentence is passed over, not the whole article
        out.append(u)
        used += u.words
    return out


def _restore_adjacent_pronouns(ordered: list[Unit]) -> None:
    """A name put in for a pronoun is put back when its antecedent sentence directly precedes it."""
    from .units import compress

    for prev, cur in zip(ordered, ordered[1:], strict=False):
        if cur.article == prev.article and cur.index == prev.index + 1:
            plain = compress(cur.original)
            if plain != cur.text and plain.split()[:1] and plain.split()[0] in {"He", "She", "They", "It"}:
                cur.text = plain


def summarize_articles(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    words: int = DEFAULT_WORDS,
    events: Iterable[Event] | None = None,
    embedder: object | None = ...,  # type: ignore[assignment]
    groups: list[list[str]] | None = None,
    embedding_cache: dict | None = None,
) -> list[SummarySentence]:
    """Summarise ``articles`` as one cluster in at most ``words`` words.

    ``analyses`` maps article id to its ``ArticleAnalysis`` (sentences are
    needed; dates, events and mentions improve ordering and pronoun rewriting);
    articles without one are split by punctuation. ``events`` (merged corpus
    events) date the sentences they come from. ``embedder`` defaults to the
    shared MiniLM embedder when installed; pass None for lexical citations only.
    ``groups`` (lists of article ids, such as a story's chapters) each get at
    least one sentence when the budget allows. ``embedding_cache`` (a dict) lets
    several calls over the same articles share sentence vectors.

    Returns sentences in the order of the time they report, each with the ids
    of all articles supporting it (its own article first) and its date.
    """
    if words <= 0 or not articles:
        return []
    canonical_ids = {a.id for a in articles}
    pool = [a for a in articles if not (a.duplicate_of and a.duplicate_of in canonical_ids)]
    by_id = {a.id: a for a in articles}
    ev_dates = _event_dates(events)
    if len(pool) == 1:
        # One source: no cross-source evidence to weigh concepts by, and a news article's
        # lead is the strongest single-document summary; it cites only itself.
        ordered = _lead(iter_units(pool[0], analyses.get(pool[0].id)), words)
        if not ordered:
            return []
        for u in ordered:
            u.date = _date_unit(u, analyses.get(u.article), by_id[u.article], ev_dates)
        _restore_adjacent_pronouns(ordered)
        own = [a.id for a in articles if a.id == pool[0].id or a.duplicate_of == pool[0].id]
        return [SummarySentence(text=u.text, sources=list(own), date=u.date) for u in ordered]
    units = build_units(pool, analyses)
    if not units:
        return []
    for u in units:
        u.date = _date_unit(u, analyses.get(u.article), by_id[u.article], ev_dates)
    rank = {a.id: i for i, a in enumerate(articles)}
    for u in units:
        u.concepts = unit_concepts(u.text)
    # A sentence needs ~25 words, so more groups than that cannot all be covered: keep the largest.
    kept = sorted((set(g) for g in groups or [] if g), key=len, reverse=True)[: max(words // 25, 1)]
    concepts = concept_weights(units, len(pool), kept if len(kept) > 1 else None)
    chosen = select_units(units, concepts, words, groups=kept if len(kept) > 1 else None)
    ordered = _order(chosen, rank)
    _restore_adjacent_pronouns(ordered)

    if embedder is ...:
        embedder = load_embedder()
    article_sentences = {}
    for a in articles:
        an = analyses.get(a.id)
        article_sentences[a.id] = [s.text for s in an.sentences] if an and an.sentences else a.text.split("\n\n")
    evidence = Evidence(article_sentences, embedder, cache=embedding_cache)
    cited = evidence.supporters_many([u.text for u in ordered], [u.article for u in ordered])
    return [SummarySentence(text=u.text, sources=src, date=u.date) for u, src in zip(ordered, cited, strict=True)]


def _analysis_mark(an: ArticleAnalysis | None) -> list[int] | None:
    # An article is analysed once per model; should it be re-analysed (another model), its
    # counts of sentences, mentions and events are what would tell.
    return None if an is None else [len(an.sentences), len(an.mentions), len(an.events)]


def _cache_key(words: int, embedder: str | None, arts: list[Article], events: list[Event],
               chapters: list[list[str]] | None, analyses: dict[str, ArticleAnalysis]) -> str:
    """Everything a summary depends on besides the articles' analyses, which are fixed
    once an article is analysed (its id is its content's hash)."""
    import hashlib
    import json

    ev = sorted(
        [e.id, e.date, e.background, sorted([src.article, " ".join(src.sentence.split())] for src in e.sources)]
        for e in events
    )
    payload = [
        SUMMARY_CACHE_VERSION,
        words,
        embedder,
        [[a.id, a.published, a.duplicate_of, a.title, _analysis_mark(analyses.get(a.id))] for a in arts],
        chapters,
        ev,
    ]
    return hashlib.sha1(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


# Fewer articles to summarise than this are summarised here even when a map over workers is given.
PARALLEL_MIN_ARTICLES = 100

# Raised whenever summarising changes, so that summaries cached by an older version are not reused.
SUMMARY_CACHE_VERSION = 1


def attach_summaries(corpus: "Corpus", words: int = DEFAULT_WORDS, cache: dict | None = None,
                     map_fn: Callable[[Callable, list], list] | None = None) -> None:
    """Set ``headline`` and ``summary`` on every story and chapter of ``corpus``.

    ``cache`` (a dict kept by the caller between builds, e.g. in the store) makes
    rebuilding incremental: a story or chapter whose articles, chapters, dates and
    events are unchanged takes its earlier summary instead of being summarised again.
    It is updated in place to hold exactly this build's summaries.
    ``map_fn(fn, tasks)`` (results in task order) runs the stories to summarise, one
    task per story with its chapters; ``engine.map_with`` gives one over the engine's
    workers. The default runs them here, one after the other; the output is the same.
    A failure on one story is recorded in ``corpus.problems`` and the others go on.
    """
    by_id = {a.id: a for a in corpus.articles}
    events_of: dict[str, list[Event]] = {}
    for e in corpus.events:
        for aid in dict.fromkeys(src.article for src in e.sources):
            events_of.setdefault(aid, []).append(e)
    use_embedder = load_embedder() is not None
    embedder_name = "minilm" if use_embedder else None
    fresh: dict[str, dict] = {}
    tasks: list[_StoryTask] = []
    # (task index, target index in the task) -> where its result goes
    places: list[list[tuple[Any, str]]] = []
    copies: list[tuple[Any, Any]] = []  # (chapter, story): a one-chapter story's chapter is the story
    for story in corpus.stories:
        task = _StoryTask(words=words, use_embedder=use_embedder)
        place: list[tuple[Any, str]] = []
        for target, ids in [(story, story.articles)] + [(ch, ch.articles) for ch in story.chapters]:
            if target is not story and list(ids) == list(story.articles):
                copies.append((target, story))
                continue
            arts = [by_id[i] for i in ids if i in by_id]
            seen: set[str] = set()
            events = [e for a in arts for e in events_of.get(a.id, []) if not (e.id in seen or seen.add(e.id))]
            chapters = [ch.articles for ch in story.chapters] if target is story else None
            key = _cache_key(words, embedder_name, arts, events, chapters, corpus.analyses)
            hit = (cache or {}).get(key)
            if hit is not None:
                target.summary = [SummarySentence(**x) for x in hit["summary"]]
                target.headline = hit["headline"]
                fresh[key] = hit
                continue
            task.targets.append(([a.id for a in arts], [e.id for e in events], chapters, target.id))
            for a in arts:
                task.articles.setdefault(a.id, a)
                if a.id in corpus.analyses:
                    task.analyses.setdefault(a.id, corpus.analyses[a.id])
            for e in events:
                task.events.setdefault(e.id, e)
            place.append((target, key))
        if task.targets:
            tasks.append(task)
            places.append(place)
    # Shipping a task to a worker costs its articles' pickling and, the first time, the worker's
    # imports and model load: worth it only for enough work.
    work = sum(len(t.articles) for t in tasks)
    runner = map_fn if map_fn is not None and work >= PARALLEL_MIN_ARTICLES else _local_map
    results = runner(summarize_story_task, tasks) if tasks else []
    for place, got in zip(places, results, strict=True):
        for (target, key), (summary, head, problem) in zip(place, got, strict=True):
            if problem:
                corpus.problems.append(f"summaries: {target.id}: {problem}")
                continue
            target.summary, target.headline = summary, head
            fresh[key] = {"summary": [to_dict(x) for x in summary], "headline": head}
    for chapter, story in copies:
        chapter.summary, chapter.headline = list(story.summary), story.headline
    if cache is not None:
        cache.clear()
        cache.update(fresh)


def _local_map(fn: Callable, tasks: list) -> list:
    return [fn(t) for t in tasks]


@dataclass(slots=True)
class _StoryTask:
    """What one story's summaries need, self-contained so that it can run in another process."""

    words: int
    use_embedder: bool
    # (article ids, event ids, chapter groups or None, target id) per story or chapter to summarise
    targets: list[tuple[list[str], list[str], list[list[str]] | None, str]] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    analyses: dict[str, ArticleAnalysis] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)


def summarize_story_task(task: _StoryTask) -> list[tuple[list[SummarySentence], str | None, str | None]]:
    """(summary, headline, problem) for each target of ``task``: the unit of work of
    ``attach_summaries``, a plain function of plain data so that any engine can run it."""
    with gc_paused():  # a worker holding a big story: see util.gc_paused
        return _summarize_task(task)


def _summarize_task(task: _StoryTask) -> list[tuple[list[SummarySentence], str | None, str | None]]:
    embedder = load_embedder() if task.use_embedder else None
    vectors: dict = {}  # a story and its chapters cite from the same sentences
    out = []
    for ids, event_ids, chapters, target_id in task.targets:
        try:
            arts = [task.articles[i] for i in ids]
            events = [task.events[i] for i in event_ids]
            summary = summarize_articles(arts, task.analyses, words=task.words, events=events, embedder=embedder,
                                         groups=chapters, embedding_cache=vectors)
            out.append((summary, headline(arts, task.analyses, summary=summary) or None, None))
        except Exception as exc:
            log.exception("summary failed for %s", target_id)
            out.append(([], None, f"{type(exc).__name__}: {exc}"))
    return out
