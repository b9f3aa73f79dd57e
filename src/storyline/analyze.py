"""The analysis stages, wired together.

Two kinds of stage:

* per-article (``analyze_articles``): spaCy parse, mentions, in-article entity
  resolution, dates, quotes, events, claims. Pure functions of one article, so
  they run in any process (local workers or Dask) and their results are stored
  per article and never recomputed.
* cross-article (``build_corpus``): entity merging, quote and event merging,
  stories and chapters, timelines, disagreements, summaries, source comparison.

A sub-stage that fails on one article is recorded in ``ArticleAnalysis.errors``
and the article's other stages go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .model import Article, ArticleAnalysis, Entity, Event, FileError, Quote, Story
from .util import freeze_long_lived

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 16


def _guard(analysis: ArticleAnalysis, stage: str, fn: Callable[[], Any], default: Any) -> Any:
    try:
        return fn()
    except Exception as exc:  # a sub-stage failure is data, never fatal for the article
        log.warning("stage %s failed on article %s: %r", stage, analysis.article_id, exc)
        analysis.errors.append(f"{stage}: {type(exc).__name__}: {exc}")
        return default


def analyze_doc(doc: Any, article: Article) -> ArticleAnalysis:
    """Run every per-article stage over one parsed spaCy ``doc`` of ``article.text``."""
    from .extract.claims import extract_claims
    from .extract.events import extract_events
    from .extract.quotes import extract_quotes
    from .nlp import annotate

    analysis = ArticleAnalysis(article_id=article.id)
    base = _guard(analysis, "nlp", lambda: annotate(doc, article), None)
    if base is not None:
        base.errors.extend(analysis.errors)
        analysis = base
    analysis.quotes = _guard(analysis, "quotes", lambda: extract_quotes(doc, article, analysis), [])
    analysis.events = _guard(analysis, "events", lambda: extract_events(doc, article, analysis), [])
    analysis.claims = _guard(analysis, "claims", lambda: extract_claims(doc, article, analysis), [])
    return analysis


def analyze_articles(
    articles: Iterable[Article],
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    embedder: str | None = "minilm",
) -> Iterator[ArticleAnalysis]:
    """Parse articles in batches with one model load per process and analyse each.

    Each analysis also gets the article's story vector from ``embedder`` (one call per
    batch), so the cross-article build never runs the embedding model over articles.
    """
    from .nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    if embedder is not None:
        _load_embedder(embedder)
    # The model's millions of objects never become garbage: keep collections off them.
    freeze_long_lived()
    articles = list(articles)
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    batch: list[tuple[Article, ArticleAnalysis]] = []
    for article, doc in zip(articles, docs, strict=True):
        batch.append((article, analyze_doc(doc, article)))
        if len(batch) >= batch_size:
            yield from _embedded(batch, embedder)
            batch = []
    yield from _embedded(batch, embedder)


def _load_embedder(name: str) -> None:
    from .stories.embed import get_embedder

    try:
        get_embedder(name)
    except Exception:  # reported by the first batch that needs it
        pass


def _embedded(batch: list[tuple[Article, ArticleAnalysis]], embedder: str | None) -> Iterator[ArticleAnalysis]:
    """Set each analysis' story vector, one model call per batch; without an embedder, none."""
    from .stories.embed import EmbedderError, get_embedder, pack
    from .stories.features import embed_text

    if batch and embedder is not None:
        try:
            emb = get_embedder(embedder)
            if emb is not None:
                vecs = emb.encode([embed_text(a, an) for a, an in batch])
                for (_, an), v in zip(batch, vecs, strict=True):
                    an.embedding = pack(emb.name, v)
        except EmbedderError as exc:  # stories then go by words and entities alone
            log.warning("articles analysed without embeddings: %s", exc)
        except Exception as exc:
            log.warning("embedding a batch failed: %r", exc)
            for _, an in batch:
                an.errors.append(f"embed: {type(exc).__name__}: {exc}")
    for _, an in batch:
        yield an


@dataclass(slots=True)
class Corpus:
    """The cross-article result: what ``storyline.json`` serialises."""

    articles: list[Article]
    analyses: dict[str, ArticleAnalysis]
    entities: list[Entity] = field(default_factory=list)
    entity_map: dict[tuple[str, str], str] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # cross-article stage failures


def _corpus_guard(corpus: Corpus, stage: str, fn: Callable[[], Any], default: Any) -> Any:
    try:
        return fn()
    except Exception as exc:
        log.exception("cross-article stage %s failed", stage)
        corpus.problems.append(f"{stage}: {type(exc).__name__}: {exc}")
        return default


def build_corpus(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    errors: list[FileError] | None = None,
    summary_words: int = 100,
    previous_assignments: dict[str, tuple[str, str]] | None = None,
    story_index: Any = None,
    rebuild: bool = False,
    summary_cache: dict | None = None,
    map_fn: Callable[[Callable, list], list] | None = None,
) -> Corpus:
    """Run the cross-article stages over analysed articles.

    ``previous_assignments`` maps article id to (story id, chapter id) from an
    earlier run, and ``story_index`` is the ``StoryIndex`` that run left, so that
    stories are extended incrementally rather than rebuilt (the index is updated in
    place for the caller to keep). ``rebuild`` re-clusters from scratch.
    ``summary_cache`` (a dict the caller keeps between builds) lets unchanged stories
    and chapters keep their summaries instead of being summarised again. ``map_fn(fn,
    tasks)`` runs the per-story summary tasks (``engine.map_with`` spreads them over the
    engine's workers); the result is the same with any.
    """
    from .extract.events import merge_events
    from .extract.quotes import merge_quotes
    from .nlp.resolve import resolve_corpus
    from .stories import build_stories, recluster
    from .summarize import enrich_stories

    # Only canonical (non-duplicate) articles feed stories; duplicates join their original's chapter.
    corpus = Corpus(articles=articles, analyses=analyses, errors=list(errors or []))
    corpus.entities, corpus.entity_map = _corpus_guard(
        corpus, "entities", lambda: resolve_corpus(articles, analyses), ([], {})
    )
    # Stories first: they estimate the dates of undated articles, which events are dated against.
    corpus.stories = _corpus_guard(
        corpus,
        "stories",
        lambda: (
            recluster(articles, analyses, corpus.entity_map, index=story_index)
            if rebuild
            else build_stories(articles, analyses, corpus.entity_map, previous_assignments, index=story_index)
        ),
        [],
    )
    corpus.quotes = _corpus_guard(
        corpus, "quotes", lambda: merge_quotes(articles, analyses, corpus.entity_map, corpus.entities), []
    )
    corpus.events = _corpus_guard(
        corpus, "events", lambda: merge_events(articles, analyses, corpus.entity_map, corpus.entities), []
    )
    _corpus_guard(corpus, "summaries", lambda: enrich_stories(corpus, words=summary_words, summary_cache=summary_cache, map_fn=map_fn), None)
    return corpus
