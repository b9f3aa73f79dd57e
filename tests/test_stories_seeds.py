"""The five seed articles: one story, two chapters (Pompeo call 3, Esper call 2), estimated dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, RawDocument
from storyline.stories import StoryIndex, build_stories

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _load() -> tuple[list[Article], dict[str, str]]:
    from storyline.ingest import prepare_article

    if not SEEDS.is_dir():
        pytest.skip("seed articles not found (../shared/seeds)")
    arts, names = [], {}
    for path in sorted(SEEDS.glob("*.txt")):
        art = prepare_article(RawDocument(source=str(path), text=path.read_text(encoding="utf-8"), fmt="txt"))
        arts.append(art)
        names[art.id] = path.name[:3]
    return arts, names


@pytest.fixture(scope="module")
def seeds():
    from storyline.analyze import analyze_articles
    from storyline.nlp.resolve import resolve_corpus

    arts, names = _load()
    analyses = {a.article_id: a for a in analyze_articles(arts)}
    _, entity_map = resolve_corpus(arts, analyses)
    return arts, names, analyses, entity_map


def _chapters(stories, names):
    return [sorted(names[a] for a in c.articles) for s in stories for c in s.chapters]


def test_stories_seeds_one_story_two_chapters(seeds):
    arts, names, analyses, entity_map = seeds
    undated = {names[a.id] for a in arts if not a.published}
    stories = build_stories(arts, analyses, entity_map)
    assert len(stories) == 1
    assert sorted(_chapters(stories, names)) == [["000", "001", "002"], ["003", "004"]]
    story = stories[0]
    assert story.first_date.startswith("2020-01-0") and story.last_date in {"2020-01-08", "2020-01-09"}
    # Chapters are in date order: the Pompeo call (3 Jan) before the Esper call (8 Jan).
    assert [len(c.articles) for c in story.chapters] == [3, 2]
    est = {names[a.id]: a for a in arts if a.published_estimated}
    assert set(est) == undated and {"000", "003"} <= undated
    assert "2020-01-03" <= est["000"].published <= "2020-01-04"
    assert "2020-01-08" <= est["003"].published <= "2020-01-09"
    for a in est.values():
        assert a.published_from.startswith("estimated: chapter c-")
    dated = [a for a in arts if names[a.id] in {"002", "004"}]
    assert [a.published for a in dated] == ["2020-01-04", "2020-01-08"]
    assert not any(a.published_estimated for a in dated)


def test_stories_seeds_without_embeddings_or_nlp():
    arts, names = _load()
    stories = build_stories(arts, {}, {}, embedder=None)
    assert sorted(_chapters(stories, names)) == [["000", "001", "002"], ["003", "004"]]


def test_stories_seeds_article_a_day_later_joins(seeds):
    arts, names, analyses, entity_map = seeds
    import copy

    arts = copy.deepcopy(arts)
    esper = next(a for a in arts if names[a.id] == "004")
    early = [a for a in arts if a is not esper]
    index = StoryIndex()
    first = build_stories(early, analyses, entity_map, index=index)
    assert len(first) == 1
    blob = index.to_bytes()
    # Next day: restore the persisted index and ingest only the new article.
    restored = StoryIndex.from_bytes(blob)
    later = build_stories([esper], analyses, entity_map, index=restored)
    story_id, chapter_id = restored.assignments[esper.id]
    assert story_id == first[0].id
    other = next(a for a in early if names[a.id] == "003")
    assert restored.assignments[other.id][1] == chapter_id
    assert later[0].id == story_id and later[0].articles == [esper.id]


def test_stories_seeds_input_order_does_not_matter(seeds):
    import copy
    import random

    arts, names, analyses, entity_map = seeds

    def run(order):
        stories = build_stories(copy.deepcopy(order), analyses, entity_map)
        return [(s.id, [(c.id, sorted(c.articles)) for c in s.chapters]) for s in stories]

    shuffled = list(arts)
    random.Random(7).shuffle(shuffled)
    assert run(arts) == run(shuffled) == run(list(reversed(arts)))
