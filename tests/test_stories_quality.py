"""Quality gate: story clustering of TAC 2011 (10 topics) + seeds against pinned B-cubed floors.

Floors only move up. The full benchmark (with peers and timings) is benchmarks/stories.py.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from storyline.stories import build_stories

ROOT = Path(__file__).resolve().parents[1]
TAC = ROOT.parent / "shared" / "data" / "tac2011-multiling-en"


@pytest.fixture(scope="module")
def bench():
    if not TAC.is_dir():
        pytest.skip("TAC 2011 data not found (../shared/data)")
    spec = importlib.util.spec_from_file_location("stories_bench", ROOT / "benchmarks" / "stories.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    arts, gold = mod.load_articles()
    random.Random(2011).shuffle(arts)
    return mod, arts, gold


def test_stories_quality_floor_words_and_names(bench):
    mod, arts, gold = bench
    stories = build_stories(arts, {}, {}, embedder=None)
    pred = {a: s.id for s in stories for a in s.articles}
    p, r, f = mod.bcubed(pred, gold)
    assert p >= 0.97 and f >= 0.88, (p, r, f)


@pytest.mark.slow
def test_stories_quality_floor_full(bench):
    from storyline.analyze import analyze_articles
    from storyline.nlp.resolve import resolve_corpus

    mod, arts, gold = bench
    analyses = {a.article_id: a for a in analyze_articles(arts)}
    _, entity_map = resolve_corpus(arts, analyses)
    stories = build_stories(arts, analyses, entity_map)
    pred = {a: s.id for s in stories for a in s.articles}
    p, r, f = mod.bcubed(pred, gold)
    assert f >= 0.95, (p, r, f)
