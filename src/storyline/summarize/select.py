"""Concept-coverage sentence selection (Gillick & Favre 2009, as in ICSISumm).

Concepts are stemmed word bigrams that are not made of two stopwords; a
concept's weight is the number of the cluster's documents that contain it, so
what many sources report is worth more than what one adds. The integer program
picks the sentences that cover the most concept weight within the word budget;
each concept counts once, which is the redundancy control: a second sentence
that repeats covered bigrams adds no value and is not chosen.
"""

from __future__ import annotations

import logging
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .units import Unit, is_stopword, stem, tokens

log = logging.getLogger(__name__)

__all__ = ["Concepts", "unit_concepts", "concept_weights", "select_units"]

# A tiny preference for earlier sentences only breaks ties between equal coverage.
_POSITION_EPS = 1e-3
# News leads state what the article is about, so a concept in an article's first usable
# sentence counts double (a position prior; Gillick & Favre's weights are df only).
LEAD_FACTOR = 2.0
MAX_CANDIDATES = 600


@lru_cache(maxsize=100_000)
def unit_concepts(text: str) -> frozenset[str]:
    """The stemmed bigram concepts of one sentence (cached: a story and each of its
    chapters are summarised from the same sentences)."""
    toks = tokens(text)
    out = set()
    for a, b in zip(toks, toks[1:], strict=False):
        if is_stopword(a) and is_stopword(b):
            continue
        out.add(stem(a) + " " + stem(b))
    return frozenset(out)


@dataclass(slots=True)
class Concepts:
    weights: dict[str, float]
    min_df: int


def _min_df(n_docs: int) -> int:
    # Three of ten documents, as ICSISumm; smaller clusters need two.
    return max(2, round(0.3 * n_docs))


def concept_weights(units: list[Unit], n_docs: int, groups: list[set[str]] | None = None) -> Concepts:
    """Document frequency of each concept across the cluster, thresholded.

    With one document there is no cross-source evidence, so term frequency in the
    document stands in for document frequency. With ``groups`` (a story's
    chapters), each concept also earns the share of each chapter's documents that
    contain it, so a chapter's own core concepts count even when few of the
    story's outlets report that chapter.
    """
    if n_docs <= 1:
        tf: Counter[str] = Counter()
        for u in units:
            tf.update(u.concepts)
        weights = {c: float(n) for c, n in tf.items() if n >= 2}
        if not weights:
            weights = {c: 1.0 for c in tf}
        return Concepts(weights, 1)
    df: dict[str, set[str]] = defaultdict(set)
    for u in units:
        for c in u.concepts:
            df[c].add(u.article)
    min_df = _min_df(n_docs)
    weights = {c: float(len(arts)) for c, arts in df.items() if len(arts) >= min_df}
    while not weights and min_df > 1:
        min_df -= 1
        weights = {c: float(len(arts)) for c, arts in df.items() if len(arts) >= min_df}
    first: dict[str, Unit] = {}
    for u in units:
        if u.article not in first or u.index < first[u.article].index:
            first[u.article] = u
    lead = {c for u in first.values() for c in u.concepts}
    weights = {c: w * LEAD_FACTOR if c in lead else w for c, w in weights.items()}
    groups = [g for g in groups or [] if len(g) >= 2]
    if len(groups) >= 2:
        balanced: dict[str, float] = {c: w / n_docs for c, w in weights.items()}
        for g in groups:
            g_min = _min_df(len(g))
            for c, arts in df.items():
                k = len(arts & g)
                if k >= g_min:
                    balanced[c] = balanced.get(c, 0.0) + k / len(g)
        weights = balanced
    return Concepts(weights, min_df)


def select_units(
    units: list[Unit],
    concepts: Concepts,
    words: int,
    groups: list[set[str]] | None = None,
    time_limit: float = 30.0,
) -> list[Unit]:
    """Solve the coverage program: max sum w_i c_i, sum l_j s_j <= words, with
    s_j <= c_i for each concept i of sentence j and c_i <= sum of s_j containing i.

    ``time_limit`` is a guard, not a budget: a solve stopped by the clock returns whatever it
    has, which depends on the machine's load, and the same input must give the same summary
    on every engine. The largest programs of a 2,000-article build (600 candidates) solve in
    under 2 s on a quiet core and took 3 s on a loaded one, so the guard sits far above that.

    ``groups`` (sets of article ids, e.g. a story's chapters) each get at least one
    sentence when the budget allows it, so that a later development reported by
    fewer outlets is not crowded out by the most reported one.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix, vstack

    cand = [u for u in units if u.words <= words]
    if not cand:
        return []
    if len(cand) > MAX_CANDIDATES:
        # A big story: the program stays small (and fast) on the densest sentences.
        def density(u: Unit) -> float:
            return math.fsum(concepts.weights.get(c, 0.0) for c in u.concepts) / max(u.words, 1)

        keep = set(map(id, sorted(cand, key=density, reverse=True)[:MAX_CANDIDATES]))
        for g in groups or []:
            best = max((u for u in cand if u.article in g), key=density, default=None)
            if best is not None:
                keep.add(id(best))
        cand = [u for u in cand if id(u) in keep]
    cidx: dict[str, int] = {}
    occ: list[tuple[int, int]] = []  # (concept, sentence)
    for j, u in enumerate(cand):
        # Sorted: a frozenset's order changes with each process's string hashing, and the
        # solver, given the same program with its columns in another order, may return
        # another of several equally good selections (engines must agree on the output).
        for c in sorted(u.concepts):
            if c in concepts.weights:
                i = cidx.setdefault(c, len(cidx))
                occ.append((i, j))
    n_c, n_s = len(cidx), len(cand)
    if n_c == 0:
        # Nothing shared: fall back to the leading sentences that fit.
        out, used = [], 0
        for u in sorted(cand, key=lambda u: (u.position, u.article)):
            if used + u.words <= words:
                out.append(u)
                used += u.words
        return out
    w = np.zeros(n_c)
    for c, i in cidx.items():
        w[i] = concepts.weights[c]
    # Variables: concepts first, then sentences. milp minimises, so negate.
    pos = np.array([u.position for u in cand])
    obj = np.concatenate([-w, _POSITION_EPS * pos])
    length = np.array([float(u.words) for u in cand])

    rows_len = coo_matrix((length, (np.zeros(n_s, dtype=int), n_c + np.arange(n_s))), shape=(1, n_c + n_s))
    # s_j - c_i <= 0 for each occurrence
    k = len(occ)
    oi = np.array([i for i, _ in occ])
    oj = np.array([j for _, j in occ])
    r = np.arange(k)
    a_occ = coo_matrix(
        (np.concatenate([np.ones(k), -np.ones(k)]), (np.concatenate([r, r]), np.concatenate([n_c + oj, oi]))),
        shape=(k, n_c + n_s),
    )
    # c_i - sum_j s_j <= 0
    a_cov = coo_matrix(
        (np.concatenate([np.ones(n_c), -np.ones(k)]), (np.concatenate([np.arange(n_c), oi]), np.concatenate([np.arange(n_c), n_c + oj]))),
        shape=(n_c, n_c + n_s),
    )
    a = vstack([rows_len, a_occ, a_cov]).tocsr()
    lb = np.concatenate([[0.0], np.full(k, -np.inf), np.full(n_c, -np.inf)])
    ub = np.concatenate([[float(words)], np.zeros(k), np.zeros(n_c)])
    group_rows = []
    for g in groups or []:
        members = [j for j, u in enumerate(cand) if u.article in g]
        if members:
            group_rows.append(members)
    res = None
    if group_rows:
        a_grp = coo_matrix(
            (np.ones(sum(len(m) for m in group_rows)),
             (np.concatenate([np.full(len(m), r) for r, m in enumerate(group_rows)]),
              n_c + np.concatenate([np.array(m) for m in group_rows]))),
            shape=(len(group_rows), n_c + n_s),
        )
        res = milp(
            obj,
            constraints=LinearConstraint(vstack([a, a_grp]).tocsr(), np.concatenate([lb, np.ones(len(group_rows))]),
                                         np.concatenate([ub, np.full(len(group_rows), np.inf)])),
            integrality=np.ones(n_c + n_s),
            bounds=Bounds(0, 1),
            options={"time_limit": time_limit},
        )
        if res.x is None:
            log.info("chapter coverage does not fit in %d words; selecting without it", words)
    if res is None or res.x is None:
        res = milp(
            obj,
            constraints=LinearConstraint(a, lb, ub),
            integrality=np.ones(n_c + n_s),
            bounds=Bounds(0, 1),
            options={"time_limit": time_limit},
        )
    if res.x is None:
        log.warning("coverage program found no solution (%s); using greedy selection", res.message)
        return _greedy(cand, concepts, words)
    chosen = [cand[j] for j in range(n_s) if res.x[n_c + j] > 0.5]
    return chosen


def _greedy(cand: list[Unit], concepts: Concepts, words: int) -> list[Unit]:
    covered: set[str] = set()
    out: list[Unit] = []
    used = 0
    while True:
        best, best_gain = None, 0.0
        for u in cand:
            if u in out or used + u.words > words:
                continue
            gain = math.fsum(concepts.weights.get(c, 0.0) for c in u.concepts - covered) / max(u.words, 1)
            if gain > best_gain:
                best, best_gain = u, gain
        if best is None:
            return out
        out.append(best)
        covered |= best.concepts
        used += best.words
