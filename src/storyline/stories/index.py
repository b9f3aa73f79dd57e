"""An incremental story index: assign one article at a time, at a cost that does not grow with the store.

Each chapter and story keeps a pruned centroid of its articles' TF-IDF word
vectors, entity vectors and (optionally) sentence embeddings. A new article
finds candidate chapters through an inverted index over its most specific words
and entities; every posting list keeps only the most recent chapters, and only
a bounded number of candidates is scored, so one assignment scans at most
``query_keys x max_posting`` postings and scores ``max_candidates`` chapters
whether the store holds a thousand articles or a million.

Decisions (see ``Params``):

* **chapter** (same happening): the article's words are close to the chapter's
  (cosine of TF-IDF vectors) and its date lies within a few days of the
  chapter's dates (when both are known);
* **story** (same running storyline): a blend of word, entity and embedding
  similarity to the story's centroid, lowered softly for long time gaps so
  that a storyline can run for months but unrelated news a year apart does not
  join it;
* otherwise a new story with one chapter.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import heapq
import json
import logging
import math
from collections import deque
from dataclasses import asdict, dataclass, field

import numpy as np

from .dates import day
from .features import ArticleFeatures, sublinear

log = logging.getLogger(__name__)

__all__ = ["Params", "StoryIndex", "stable_id"]

FORMAT_VERSION = 1


@dataclass(slots=True)
class Params:
    """Thresholds and bounds. Values were set from first principles and the seeds, not
    swept on a benchmark collection (benchmarks/stories.py --sensitivity shows how the
    TAC 2011 score moves around them)."""

    chapter_threshold: float = 0.40  # word cosine to the chapter centroid
    chapter_date_bonus: float = 0.05  # same or next day as the chapter: a bit more evidence
    chapter_window_days: int = 2  # article date vs the chapter's date range
    chapter_max_span_days: int = 7  # one happening is reported within about a week
    story_threshold: float = 0.25  # blended similarity to the story centroid
    story_threshold_no_embed: float = 0.16
    merge_threshold: float = 0.30  # story-to-story centroids, both ways (rebuilds; new stories of a batch)
    w_words: float = 0.35
    w_entities: float = 0.25
    w_embed: float = 0.40
    time_penalty: float = 0.03  # per doubling of the gap beyond a month
    time_penalty_cap: float = 0.12
    article_terms: int = 300  # non-zero terms kept per article vector
    centroid_terms: int = 200  # ... per chapter/story centroid
    query_keys: int = 20  # posting lists read per assignment
    post_keys: int = 40  # posting lists an article's chapter is entered in
    max_posting: int = 100  # chapters kept per posting list (most recent)
    max_candidates: int = 30  # chapters scored per assignment


def stable_id(prefix: str, *parts: str) -> str:
    """``prefix`` + 12 hex digits of a SHA-1 over ``parts`` (content-derived, never random)."""
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{h}"


Vec = tuple[np.ndarray, np.ndarray]  # sorted int32 term ids, float32 weights
_EMPTY: Vec = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


def _prune(ids: np.ndarray, w: np.ndarray, k: int) -> Vec:
    """Keep the ``k`` heaviest entries (ties to the lower id), sorted by id."""
    if len(ids) > k:
        order = np.lexsort((ids, -w))[:k]
        ids, w = ids[order], w[order]
        srt = np.argsort(ids, kind="stable")
        ids, w = ids[srt], w[srt]
    return ids.astype(np.int32, copy=False), w.astype(np.float32, copy=False)


def _unit(vec: Vec) -> Vec:
    n = float(np.linalg.norm(vec[1]))
    return (vec[0], vec[1] / n) if n else _EMPTY


def _cos(a: Vec, b: Vec, b_norm: float) -> float:
    """Dot of unit vector ``a`` with ``b`` divided by ``b_norm`` (cosine when b_norm = |b|)."""
    if not b_norm or not len(a[0]) or not len(b[0]):
        return 0.0
    _, ia, ib = np.intersect1d(a[0], b[0], assume_unique=True, return_indices=True)
    return float(a[1][ia] @ b[1][ib]) / b_norm


def _dot(q: np.ndarray, b: Vec, b_norm: float) -> float:
    """Dot of a scattered (dense) query with sparse ``b``, divided by ``b_norm``."""
    if not b_norm or not len(b[0]):
        return 0.0
    return float(q[b[0]] @ b[1]) / b_norm


def _sum(a: Vec, b: Vec, k: int) -> Vec:
    ids = np.concatenate([a[0], b[0]])
    w = np.concatenate([a[1], b[1]]).astype(np.float64)
    uniq, inv = np.unique(ids, return_inverse=True)
    return _prune(uniq, np.bincount(inv, weights=w, minlength=len(uniq)), k)


def _range_gap(d: str | None, first: str | None, last: str | None) -> int | None:
    """Days from ``d`` to the range [first, last]; 0 inside; None when unknown."""
    x, a, b = day(d), day(first), day(last)
    if x is None or a is None or b is None:
        return None
    if x < a:
        return (a - x).days
    if x > b:
        return (x - b).days
    return 0


@dataclass(slots=True)
class _Group:
    """Running state of a chapter or story: summed unit vectors of its articles."""

    id: str
    articles: list[str] = field(default_factory=list)
    words: Vec = _EMPTY
    ents: Vec = _EMPTY
    emb: np.ndarray | None = None  # sum of unit article embeddings
    first: str | None = None
    last: str | None = None
    story: str | None = None  # chapters only
    chapters: list[str] = field(default_factory=list)  # stories only
    words_norm: float = 0.0
    ents_norm: float = 0.0

    def add(self, words: Vec, ents: Vec, emb: np.ndarray | None, date: str | None, k: int) -> None:
        self.words = _sum(self.words, words, k)
        self.ents = _sum(self.ents, ents, k)
        self._norms()
        if emb is not None:
            self.emb = emb.astype(np.float32) if self.emb is None else self.emb + emb
        self.widen(date)

    def _norms(self) -> None:
        self.words_norm = float(np.linalg.norm(self.words[1]))
        self.ents_norm = float(np.linalg.norm(self.ents[1]))

    def widen(self, date: str | None) -> None:
        if date and day(date):
            self.first = date if self.first is None or date < self.first else self.first
            self.last = date if self.last is None or date > self.last else self.last

    def unit_words(self) -> Vec:
        return _unit(self.words)

    def unit_ents(self) -> Vec:
        return _unit(self.ents)

    def unit_emb(self) -> np.ndarray | None:
        if self.emb is None:
            return None
        n = float(np.linalg.norm(self.emb))
        return self.emb / n if n else None

    def emb_cos(self, emb: np.ndarray | None) -> float | None:
        if emb is None or self.emb is None:
            return None
        n = float(np.linalg.norm(self.emb))
        return float(self.emb @ emb) / n if n else 0.0


class StoryIndex:
    """Incremental chapters and stories over article features.

    ``add`` records an article under a known (story, chapter), e.g. from an
    earlier run; ``assign`` finds or opens its chapter and story. Both are
    deterministic. ``to_bytes``/``from_bytes`` let a store persist the index so
    that ingesting a new article does not re-read the old ones.
    """

    def __init__(self, params: Params | None = None) -> None:
        self.params = params or Params()
        self.vocab: dict[str, int] = {}
        self.df: list[int] = []
        self.n_docs = 0
        self.chapters: dict[str, _Group] = {}
        self.stories: dict[str, _Group] = {}
        self.assignments: dict[str, tuple[str, str]] = {}
        self.dates: dict[str, str] = {}  # article id -> date used (own or estimated)
        self.postings: dict[int, deque] = {}
        self.uses_embeddings: bool | None = None
        self._seen: set[str] = set()  # observed into df (assigned or about to be)
        self._order: dict[str, int] = {}
        self._scratch = np.zeros(1024, dtype=np.float32)

    def __len__(self) -> int:
        return len(self.assignments)

    # ------------------------------------------------------------------ vectors

    def _id(self, key: str) -> int:
        i = self.vocab.get(key)
        if i is None:
            i = self.vocab[key] = len(self.df)
            self.df.append(0)
        return i

    def observe(self, feats: ArticleFeatures) -> None:
        """Count the article's words and entities into document frequencies (once per article)."""
        if feats.article_id in self._seen:
            return
        self._seen.add(feats.article_id)
        for key in sorted(feats.terms.keys() | feats.entities.keys()):
            self.df[self._id(key)] += 1
        self.n_docs += 1

    def register(self, keys) -> None:
        """Give term ids to ``keys`` in sorted order. Ties between equal weights are broken
        by id, so registering a batch's vocabulary up front makes the result independent of
        the order its articles arrive in."""
        for key in sorted(keys):
            self._id(key)

    def _idf(self, ids: np.ndarray) -> np.ndarray:
        df = np.asarray([self.df[i] if i < len(self.df) else 0 for i in ids.tolist()], dtype=np.float64)
        return np.log((self.n_docs + 1) / (df + 1)) + 1.0

    def _vec(self, counts: dict[str, float]) -> Vec:
        if not counts:
            return _EMPTY
        tf = sublinear(counts)
        ids = np.fromiter((self._id(k) for k in tf), dtype=np.int64, count=len(tf))
        w = np.fromiter(tf.values(), dtype=np.float64, count=len(tf)) * self._idf(ids)
        srt = np.argsort(ids)
        return _unit(_prune(ids[srt], w[srt], self.params.article_terms))

    def vectors(self, feats: ArticleFeatures) -> tuple[Vec, Vec]:
        """Unit TF-IDF vectors (term ids, weights) of words and of entities."""
        return self._vec(feats.terms), self._vec(feats.entities)

    def _keys(self, words: Vec, ents: Vec, n: int, min_df: int) -> list[tuple[int, float]]:
        """The ``n`` heaviest TF-IDF keys with document frequency >= ``min_df``."""
        ids = np.concatenate([words[0], ents[0]])
        if not len(ids):
            return []
        w = np.concatenate([words[1], ents[1]])
        if min_df > 1:
            ok = np.fromiter((self.df[i] >= min_df for i in ids.tolist()), dtype=bool, count=len(ids))
            ids, w = ids[ok], w[ok]
        top = np.lexsort((ids, -w))[:n]
        return [(int(ids[i]), float(w[i])) for i in top]

    # ------------------------------------------------------------------ scoring

    @contextlib.contextmanager
    def _scatter(self, *vecs: Vec):
        """Spread sparse query vectors into a reused dense array for the duration of a lookup,
        so each candidate costs one gather over its centroid instead of a set intersection.
        Words and entities have disjoint ids, so they share the array."""
        need = len(self.df)
        if len(self._scratch) < need:
            self._scratch = np.zeros(max(need, 2 * len(self._scratch)), dtype=np.float32)
        q = self._scratch
        for ids, w in vecs:
            q[ids] = w
        try:
            yield q
        finally:
            for ids, _ in vecs:
                q[ids] = 0.0

    def _story_score(self, st: _Group, q: np.ndarray, emb, date: str | None) -> float:
        """Blended similarity of a query (scattered words + entities, embedding, date) to ``st``."""
        p = self.params
        sw = _dot(q, st.words, st.words_norm)
        se = _dot(q, st.ents, st.ents_norm)
        sv = st.emb_cos(emb)
        if sv is None:
            # Rescaled so that one threshold serves both modes.
            score = (p.w_words * sw + p.w_entities * se) / (p.w_words + p.w_entities)
            score = score / p.story_threshold_no_embed * p.story_threshold
        else:
            score = p.w_words * sw + p.w_entities * se + p.w_embed * sv
        gap = _range_gap(date, st.first, st.last)
        if gap and gap > 30:
            score -= min(p.time_penalty_cap, p.time_penalty * math.log2(gap / 30))
        return score

    def _chapter_score(self, ch: _Group, q: np.ndarray, date: str | None) -> float | None:
        p = self.params
        gap = _range_gap(date, ch.first, ch.last)
        if gap is not None:
            if gap > p.chapter_window_days:
                return None
            lo, hi = min(date, ch.first), max(date, ch.last)  # type: ignore[type-var]
            if (day(hi) - day(lo)).days > p.chapter_max_span_days:
                return None
        score = _dot(q, ch.words, ch.words_norm)
        if gap is not None and gap <= 1:
            score += p.chapter_date_bonus
        return score

    def candidates(self, words: Vec, ents: Vec) -> list[str]:
        """Chapter ids sharing the article's most specific keys, best-first, bounded."""
        hits: dict[str, float] = {}
        # A key no other article has used cannot find anything: skip it when searching.
        for key, w in self._keys(words, ents, self.params.query_keys, min_df=2):
            for cid in self.postings.get(key, ()):
                hits[cid] = hits.get(cid, 0.0) + w
        best = heapq.nlargest(self.params.max_candidates, hits.items(), key=lambda kv: (kv[1], kv[0]))
        return [cid for cid, _ in best]

    # ------------------------------------------------------------------ updates

    def _post(self, cid: str, words: Vec, ents: Vec) -> None:
        for key, _ in self._keys(words, ents, self.params.post_keys, min_df=1):
            post = self.postings.get(key)
            if post is None:
                post = self.postings[key] = deque(maxlen=self.params.max_posting)
            if post and post[0] == cid:
                continue
            if cid in post:
                post.remove(cid)
            post.appendleft(cid)

    def add(self, feats: ArticleFeatures, story_id: str, chapter_id: str,
            emb: np.ndarray | None = None, date: str | None = None) -> None:
        """Record ``feats`` under a known story and chapter (creating them if new)."""
        if feats.article_id in self.assignments:
            return
        self.observe(feats)
        words, ents = self.vectors(feats)
        self._add(feats.article_id, words, ents, emb, date or feats.date, story_id, chapter_id)

    def _add(self, aid, words, ents, emb, date, story_id, chapter_id) -> None:
        k = self.params.centroid_terms
        if emb is not None:
            self.uses_embeddings = True
        ch = self.chapters.get(chapter_id)
        if ch is not None and ch.story != story_id:
            # Inconsistent earlier assignments: the chapter's story wins, the article is not lost.
            log.warning("chapter %s is in story %s, not %s; keeping %s", chapter_id, ch.story, story_id, ch.story)
            story_id = ch.story
        st = self.stories.get(story_id)
        if st is None:
            st = self.stories[story_id] = _Group(id=story_id)
        if ch is None:
            ch = self.chapters[chapter_id] = _Group(id=chapter_id, story=story_id)
            st.chapters.append(chapter_id)
        ch.articles.append(aid)
        st.articles.append(aid)
        ch.add(words, ents, emb, date, k)
        st.add(words, ents, emb, date, k)
        self._order.setdefault(aid, len(self._order))
        self.assignments[aid] = (story_id, chapter_id)
        if date:
            self.dates[aid] = date
        self._post(chapter_id, words, ents)

    def assign(self, feats: ArticleFeatures, emb: np.ndarray | None = None) -> tuple[str, str]:
        """Put one new article into the best chapter, a new chapter of the best story,
        or a new story; returns (story id, chapter id). Already assigned: unchanged."""
        if feats.article_id in self.assignments:
            return self.assignments[feats.article_id]
        self.observe(feats)
        words, ents = self.vectors(feats)
        date = feats.date
        cands = self.candidates(words, ents)
        best_ch, best_ch_score = None, -1.0
        best_st, best_st_score = None, -1.0
        with self._scatter(words, ents) as q:
            for cid in cands:
                s = self._chapter_score(self.chapters[cid], q, date)
                if s is not None and (s > best_ch_score or (s == best_ch_score and cid < best_ch)):
                    best_ch, best_ch_score = cid, s
            if best_ch is None or best_ch_score < self.params.chapter_threshold:
                for sid in dict.fromkeys(self.chapters[c].story for c in cands):
                    s = self._story_score(self.stories[sid], q, emb, date)
                    if s > best_st_score or (s == best_st_score and sid < best_st):
                        best_st, best_st_score = sid, s
        if best_ch is not None and best_ch_score >= self.params.chapter_threshold:
            sid = self.chapters[best_ch].story
            self._add(feats.article_id, words, ents, emb, date, sid, best_ch)
            return sid, best_ch
        cid = stable_id("c-", feats.article_id)
        if best_st is not None and best_st_score >= self.params.story_threshold:
            sid = best_st
        else:
            sid = stable_id("s-", feats.article_id)
        self._add(feats.article_id, words, ents, emb, date, sid, cid)
        return sid, cid

    def attach(self, article_id: str, story_id: str, chapter_id: str, date: str | None = None) -> None:
        """Record a near-duplicate in its original's chapter without moving the centroids."""
        if article_id in self.assignments:
            return
        self.chapters[chapter_id].articles.append(article_id)
        self.stories[story_id].articles.append(article_id)
        self._order.setdefault(article_id, len(self._order))
        self.assignments[article_id] = (story_id, chapter_id)
        if date:
            self.set_date(article_id, date)

    def set_date(self, article_id: str, date: str) -> None:
        """Record an (estimated) date for an assigned article in its chapter and story ranges."""
        sid, cid = self.assignments[article_id]
        self.dates[article_id] = date
        self.chapters[cid].widen(date)
        self.stories[sid].widen(date)

    # ------------------------------------------------------------------ batch merging

    def story_similarity(self, a: str, b: str) -> float:
        """Similarity of story ``a``'s centroid to story ``b`` (same blend as article-to-story)."""
        sa = self.stories[a]
        mid = None
        if sa.first and sa.last:
            d0, d1 = day(sa.first), day(sa.last)
            mid = (d0 + (d1 - d0) / 2).isoformat()
        with self._scatter(sa.unit_words(), sa.unit_ents()) as q:
            return self._story_score(self.stories[b], q, sa.unit_emb(), mid)

    def merge_stories(self, movable: set[str] | None = None) -> int:
        """Join stories whose centroids are at least ``merge_threshold`` alike, both ways
        (agglomeration over stories, to undo the order effects of one pass). Returns merges made.

        With ``movable`` (ids of stories holding only newly placed articles), only those may
        be merged away, so articles placed by earlier runs keep their stories."""
        thr = self.params.merge_threshold
        merges = 0
        changed = True
        while changed:
            changed = False
            for sid in list(self.stories):
                if sid not in self.stories or (movable is not None and sid not in movable):
                    continue
                st = self.stories[sid]
                others = dict.fromkeys(self.chapters[c].story for c in self.candidates(st.unit_words(), st.unit_ents()))
                best, best_s = None, thr
                for oid in others:
                    if oid == sid:
                        continue
                    s = min(self.story_similarity(sid, oid), self.story_similarity(oid, sid))
                    if s >= best_s:
                        best, best_s = oid, s
                if best is not None:
                    if movable is None or best in movable:
                        keep, gone = sorted([sid, best], key=self._story_rank)
                    else:
                        keep, gone = best, sid
                    self._merge(keep, gone)
                    if movable is not None:
                        movable.discard(gone)
                    merges += 1
                    changed = True
        return merges

    def refine_chapters(self, rounds: int = 2, movable: set[str] | None = None) -> int:
        """Move chapters to the story they fit best, judged against every story's centroid
        without the chapter itself (a k-means step that undoes one-pass order effects).
        With ``movable`` (ids of chapters holding only newly placed articles), only those
        move. Returns moves made."""
        moves = 0
        k = self.params.centroid_terms
        for _ in range(rounds):
            moved = False
            for cid in list(self.chapters):
                if movable is not None and cid not in movable:
                    continue
                ch = self.chapters[cid]
                own = self.stories[ch.story]
                words, ents, emb = ch.unit_words(), ch.unit_ents(), ch.unit_emb()
                rest = _Group(id=own.id, first=own.first, last=own.last)
                rest.words = _sum(own.words, (ch.words[0], -ch.words[1]), k)
                rest.ents = _sum(own.ents, (ch.ents[0], -ch.ents[1]), k)
                rest._norms()
                if own.emb is not None and ch.emb is not None:
                    rest.emb = own.emb - ch.emb
                mid = ch.first
                # A lone chapter is judged as an article would be: it needs the story bar, nothing more.
                alone = len(own.chapters) == 1
                with self._scatter(words, ents) as q:
                    best, best_s = own.id, -1.0 if alone else self._story_score(rest, q, emb, mid)
                    for c2 in self.candidates(words, ents):
                        sid = self.chapters[c2].story
                        if sid == own.id:
                            continue
                        s = self._story_score(self.stories[sid], q, emb, mid)
                        if s > best_s + 0.02 and s >= self.params.story_threshold:
                            best, best_s = sid, s
                if best != own.id:
                    self._move_chapter(cid, best)
                    if alone:
                        del self.stories[own.id]
                    moves += 1
                    moved = True
            if not moved:
                break
        return moves

    def _move_chapter(self, cid: str, to: str) -> None:
        ch = self.chapters[cid]
        a, b = self.stories[ch.story], self.stories[to]
        k = self.params.centroid_terms
        a.chapters.remove(cid)
        b.chapters.append(cid)
        gone = set(ch.articles)
        a.articles = [x for x in a.articles if x not in gone]
        b.articles.extend(ch.articles)
        a.words = _sum(a.words, (ch.words[0], -ch.words[1]), k)
        a.ents = _sum(a.ents, (ch.ents[0], -ch.ents[1]), k)
        b.words, b.ents = _sum(b.words, ch.words, k), _sum(b.ents, ch.ents, k)
        a._norms()
        b._norms()
        if ch.emb is not None:
            a.emb = a.emb - ch.emb if a.emb is not None else None
            b.emb = ch.emb.copy() if b.emb is None else b.emb + ch.emb
        b.widen(ch.first)
        b.widen(ch.last)
        for aid in ch.articles:
            self.assignments[aid] = (to, cid)
        ch.story = to

    def _story_rank(self, sid: str) -> tuple[int, str]:
        # The story opened first keeps its id, so ids stay stable as stories grow.
        return (self._order.get(self.stories[sid].articles[0], 1 << 60), sid)

    def _merge(self, keep: str, gone: str) -> None:
        a, b = self.stories[keep], self.stories.pop(gone)
        for cid in b.chapters:
            self.chapters[cid].story = keep
            a.chapters.append(cid)
        for aid in b.articles:
            self.assignments[aid] = (keep, self.assignments[aid][1])
        a.articles.extend(b.articles)
        k = self.params.centroid_terms
        a.words, a.ents = _sum(a.words, b.words, k), _sum(a.ents, b.ents, k)
        a._norms()
        if b.emb is not None:
            a.emb = b.emb.copy() if a.emb is None else a.emb + b.emb
        a.widen(b.first)
        a.widen(b.last)

    # ------------------------------------------------------------------ persistence

    def to_bytes(self) -> bytes:
        """The whole index as UTF-8 JSON (embedding sums as base64 float32)."""

        def vec(v: Vec) -> list:
            return [v[0].tolist(), [round(float(x), 6) for x in v[1]]]

        def group(g: _Group) -> dict:
            return {
                "id": g.id, "articles": g.articles, "words": vec(g.words), "ents": vec(g.ents),
                "emb": None if g.emb is None else base64.b64encode(g.emb.astype(np.float32).tobytes()).decode(),
                "first": g.first, "last": g.last, "story": g.story, "chapters": g.chapters,
            }

        data = {
            "version": FORMAT_VERSION,
            "params": asdict(self.params),
            "n_docs": self.n_docs,
            "vocab": list(self.vocab),
            "df": self.df,
            "chapters": [group(g) for g in self.chapters.values()],
            "stories": [group(g) for g in self.stories.values()],
            "order": list(self._order),
            "assignments": self.assignments,
            "dates": self.dates,
            "postings": {str(k): list(v) for k, v in self.postings.items()},
            "uses_embeddings": self.uses_embeddings,
        }
        return json.dumps(data, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, blob: bytes) -> StoryIndex:
        """Inverse of ``to_bytes``."""
        data = json.loads(blob.decode("utf-8"))
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"story index format {data.get('version')!r} is not {FORMAT_VERSION}")
        idx = cls(Params(**data["params"]))
        idx.n_docs = data["n_docs"]
        idx.vocab = {k: i for i, k in enumerate(data["vocab"])}
        idx.df = list(data["df"])

        def vec(v: list) -> Vec:
            return np.asarray(v[0], dtype=np.int32), np.asarray(v[1], dtype=np.float32)

        def group(d: dict) -> _Group:
            g = _Group(id=d["id"], articles=d["articles"], words=vec(d["words"]), ents=vec(d["ents"]),
                       first=d["first"], last=d["last"], story=d["story"], chapters=d["chapters"])
            if d["emb"] is not None:
                g.emb = np.frombuffer(base64.b64decode(d["emb"]), dtype=np.float32).copy()
            g._norms()
            return g

        idx.chapters = {d["id"]: group(d) for d in data["chapters"]}
        idx.stories = {d["id"]: group(d) for d in data["stories"]}
        idx._order = {a: i for i, a in enumerate(data["order"])}
        idx.assignments = {k: tuple(v) for k, v in data["assignments"].items()}
        idx.dates = data["dates"]
        idx.postings = {int(k): deque(v, maxlen=idx.params.max_posting) for k, v in data["postings"].items()}
        idx.uses_embeddings = data["uses_embeddings"]
        idx._seen = set(idx.assignments)
        return idx
