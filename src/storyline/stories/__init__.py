"""Stories and chapters: group articles by happening (chapter) and running storyline (story).

Public API:

* ``build_stories(articles, analyses, entity_map, previous_assignments=None, *, index=None,
  embedder="minilm")`` — used by ``analyze.build_corpus``. Without
  ``previous_assignments`` it is a full rebuild; with them (article id -> (story id,
  chapter id) from an earlier run) the earlier articles keep their places and only
  new ones are assigned. Pass a ``StoryIndex`` restored with ``StoryIndex.from_bytes``
  (a store keeps ``index.to_bytes()``) and old articles are not even re-read:
  ingesting one article costs one ``StoryIndex.assign``. Only stories holding some of
  ``articles`` are returned (an index may hold older ones).
* ``recluster(articles, analyses, entity_map)`` — rebuild from scratch, forgetting
  earlier assignments and earlier estimated dates (``storyline recluster``).
* ``StoryIndex`` / ``Params`` — the incremental index (``add``, ``assign``,
  ``to_bytes``, ``from_bytes``); ``get_embedder`` — the sentence embedder.

Articles with ``duplicate_of`` always join their original's chapter. Undated
articles get an estimated publication date from their chapter and the dates they
report (``published_estimated=True``, evidence in ``published_from``).
Everything is deterministic for the same input: ids are hashes of the founding
article's id, and a batch is processed in (own date, article id) order, so
the result does not even depend on the input order.

How it decides (details in ``index``): a chapter is one happening: word TF-IDF
cosine to the chapter's centroid >= 0.40 and a date within 2 days of the chapter's
(span at most 7 days). A story is one running storyline: a blend of word, entity and
embedding similarity to the story's centroid >= 0.25, softly lowered for gaps over a
month. A full rebuild then merges stories whose centroids meet 0.30 both ways and
moves chapters to the story they fit best (undoing one-pass order effects); the
incremental path never moves what is already placed.
"""

from __future__ import annotations

import logging
import os
import re

import numpy as np

from ..model import Article, ArticleAnalysis, Chapter, Story
from .dates import estimate_published
from .embed import EmbedderError, get_embedder, pack, unpack
from .features import ArticleFeatures, article_features
from .index import Params, StoryIndex, _cos, stable_id

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

__all__ = ["build_stories", "recluster", "StoryIndex", "Params", "get_embedder", "stable_id"]

TITLE_WORDS = 12
_DATELINE = re.compile(r"^[A-Z][A-Z .,'/-]{2,40}(?:\([^)]*\))?\s*[:\u2014\u2013-]+\s*")


def _embed(feats: list[ArticleFeatures], embedder: str | None,
           stored: list[str | None] | None = None) -> list[np.ndarray | None]:
    """Story vectors: the ones the per-article stage stored (``ArticleAnalysis.embedding``)
    where they come from ``embedder``, the model run only for the others."""
    if embedder is None or not feats or os.environ.get("STORYLINE_EMBEDDER", "").lower() in {"none", "off", "0"}:
        return [None] * len(feats)
    out = [unpack(s, embedder) for s in stored] if stored else [None] * len(feats)
    missing = [i for i, v in enumerate(out) if v is None]
    if not missing:
        return out
    try:
        emb = get_embedder(embedder)
    except EmbedderError as exc:
        log.warning("stories without embeddings: %s", exc)
        emb = None
    if emb is None:
        return [None] * len(feats)
    for i, v in zip(missing, emb.encode([feats[i].text for i in missing]), strict=True):
        # Rounded as if stored, so a vector computed here equals one the analysis stage stored.
        out[i] = unpack(pack(emb.name, v), emb.name)
    return out


def _short(text: str, words: int = TITLE_WORDS) -> str:
    text = _DATELINE.sub("", " ".join(text.split()))
    # A sentence ends at . ! ? after a word of two or more letters (not an initial like "Mark T.").
    first = re.split(r"(?<=[a-z0-9\u201d\"][.!?])\s+(?=[A-Z\u201c\"])", text, maxsplit=1)[0]
    toks = first.split()
    return " ".join(toks[:words]) + ("\u2026" if len(toks) > words else "")


def _title(ids: list[str], by_id: dict[str, Article], vec: dict, centroid, norm: float) -> str:
    """Title of the member closest to the group's centroid; its lede when it has no title."""
    best = max(ids, key=lambda a: (by_id[a].title is not None, _cos(vec[a], centroid, norm) if a in vec else 0.0, a))
    art = by_id[best]
    if art.title:
        toks = art.title.split()
        return " ".join(toks[: 2 * TITLE_WORDS]) + ("\u2026" if len(toks) > 2 * TITLE_WORDS else "")
    return _short(art.text)


def build_stories(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    previous_assignments: dict[str, tuple[str, str]] | None = None,
    *,
    index: StoryIndex | None = None,
    embedder: str | None = "minilm",
    params: Params | None = None,
) -> list[Story]:
    """Group ``articles`` into stories of chapters; see the module docstring.

    ``index`` (optional) is updated in place, so the caller can persist it;
    articles it already holds keep their places. Sets estimated dates on
    undated articles (never on dated ones).
    """
    full_rebuild = not previous_assignments and (index is None or not index.assignments)
    index = index if index is not None else StoryIndex(params)
    previous = dict(previous_assignments or {})
    by_id = {a.id: a for a in articles}

    def original(a: Article) -> str | None:
        """The id of the article ``a`` duplicates, when that one is placed or will be."""
        seen = {a.id}
        orig = a.duplicate_of
        while orig and orig not in seen:  # follow chains (a copy of a copy) to their root
            seen.add(orig)
            if orig in index.assignments or (orig in by_id and not by_id[orig].duplicate_of):
                return orig
            if orig in previous and previous[orig][1] in index.chapters:
                return orig
            orig = by_id[orig].duplicate_of if orig in by_id else None
        return None

    dups = {a.id: o for a in articles if (o := original(a)) is not None}
    todo = [a for a in articles if a.id not in dups and a.id not in index.assignments]
    feats = {a.id: article_features(a, analyses.get(a.id), entity_map) for a in todo}
    stored = [an.embedding if (an := analyses.get(aid)) is not None else None for aid in feats]
    embs = dict(zip(feats, _embed(list(feats.values()), embedder, stored), strict=True))

    # Document frequencies from the whole batch first, so early articles are weighed like late ones.
    index.register({k for f in feats.values() for k in (*f.terms, *f.entities)})
    for f in feats.values():
        index.observe(f)
    old = [a for a in todo if a.id in previous]
    new = [a for a in todo if a.id not in previous]
    for a in old:
        sid, cid = previous[a.id]
        index.add(feats[a.id], sid, cid, embs[a.id], date=a.published)
    # Dated articles first, in date order: chapters then have dates before undated articles join.
    # Ties go by id, so a batch gives the same stories whatever order it arrives in.
    new.sort(key=lambda a: (feats[a.id].date or "9999-99-99", a.id))
    for a in new:
        index.assign(feats[a.id], embs[a.id])
    if full_rebuild:
        merged = index.merge_stories()
        moved = index.refine_chapters()
        merged += index.merge_stories()
    else:
        # The same clean-up for what this batch opened; earlier placements are never moved.
        fresh = {a.id for a in new}

        def only_new(groups: dict) -> set[str]:
            return {gid for gid, g in groups.items() if g.articles and all(x in fresh for x in g.articles)}

        merged = index.merge_stories(only_new(index.stories)) if fresh else 0
        moved = index.refine_chapters(movable=only_new(index.chapters)) if fresh else 0
        merged += index.merge_stories(only_new(index.stories)) if fresh else 0
    log.debug("merged %d stories, moved %d chapters", merged, moved)
    dup_arts = [a for a in articles if a.id in dups and a.id not in index.assignments]
    for a in dup_arts:
        orig = dups[a.id]
        sid, cid = index.assignments[orig] if orig in index.assignments else previous[orig]
        own = a.published if not a.published_estimated else None
        index.attach(a.id, index.chapters[cid].story or sid, cid, own)

    _estimate_dates(index, [a for a in new + dup_arts if a.id in index.assignments], feats, analyses)
    # Titles pick the member closest to its group's centroid: that needs every member's vector,
    # also of articles placed by an earlier run (else a restored index would title differently).
    title_feats = dict(feats)
    for a in articles:
        if a.id not in title_feats and a.id in index.assignments:
            title_feats[a.id] = article_features(a, analyses.get(a.id), entity_map)
    return _stories(index, articles, by_id, title_feats)


def _estimate_dates(index: StoryIndex, arts: list[Article], feats, analyses) -> None:
    from .dates import reported_dates

    # Estimates come from stated dates only, never from other estimates made in this batch.
    pending = {a.id for a in arts if not a.published or a.published_estimated}
    for a in arts:
        if a.id not in pending:
            continue
        sid, cid = index.assignments[a.id]
        mates = [index.dates[m] for m in index.chapters[cid].articles if m not in pending and m in index.dates]
        reported = feats[a.id].reported if a.id in feats else reported_dates(a, analyses.get(a.id))
        if estimate_published(a, reported, cid, mates):
            index.set_date(a.id, a.published)


def _stories(index: StoryIndex, articles: list[Article], by_id: dict[str, Article], feats) -> list[Story]:
    vec = {aid: index.vectors(f)[0] for aid, f in feats.items()}
    position = {a.id: i for i, a in enumerate(articles)}

    def ordered(ids: list[str]) -> list[str]:
        return sorted((i for i in ids if i in by_id), key=lambda i: (by_id[i].published or "9999", position[i]))

    out: list[Story] = []
    for st in index.stories.values():
        ids = ordered(st.articles)
        if not ids:
            continue
        chapters = []
        for cid in st.chapters:
            ch = index.chapters[cid]
            cids = ordered(ch.articles)
            if not cids:
                continue
            dates = sorted(by_id[i].published for i in cids if by_id[i].published)
            chapters.append(Chapter(
                id=cid,
                title=_title(cids, by_id, vec, ch.words, ch.words_norm),
                date=dates[0] if dates else None,
                articles=cids,
                first_date=dates[0] if dates else None,
                last_date=dates[-1] if dates else None,
            ))
        chapters.sort(key=lambda c: (c.date or "9999", c.id))
        dates = sorted(by_id[i].published for i in ids if by_id[i].published)
        out.append(Story(
            id=st.id,
            title=_title(ids, by_id, vec, st.words, st.words_norm),
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            articles=ids,
            chapters=chapters,
        ))
    out.sort(key=lambda s: (s.first_date or "9999", s.id))
    return out


def recluster(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    *,
    embedder: str | None = "minilm",
    params: Params | None = None,
    index: StoryIndex | None = None,
) -> list[Story]:
    """Rebuild all stories from scratch: earlier assignments and estimated dates are dropped.

    Pass an empty ``StoryIndex`` as ``index`` to keep the rebuilt index for later ingests.
    """
    for a in articles:
        if a.published_estimated:
            a.published, a.published_from = None, None
            a.published_estimated, a.published_confidence = False, 0.0
    if index is not None and index.assignments:
        raise ValueError("recluster needs an empty index; got one holding "
                         f"{len(index.assignments)} articles")
    return build_stories(articles, analyses, entity_map, None, index=index, embedder=embedder, params=params)

