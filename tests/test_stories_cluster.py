"""Chapters and stories from hand-written articles: grouping, duplicates, ids, dates, increments."""

from __future__ import annotations

import copy

from storyline.model import Article
from storyline.stories import StoryIndex, build_stories, recluster
from storyline.stories.features import article_features

# Two happenings of one storyline (a dam breach, then the inquiry into it) and an unrelated story.
BREACH = [
    "The Kellerman dam on the Ossow river breached early on Monday, flooding the town of Brask. "
    "Rescue crews in boats evacuated hundreds of residents from flooded streets in Brask. "
    "Governor Alina Petrescu said the Kellerman dam breach was a disaster and promised help.",
    "Floodwater poured through the breached Kellerman dam on Monday and swamped Brask. "
    "Rescue boats evacuated residents as the Ossow river flooded streets and homes in Brask. "
    "Governor Alina Petrescu called the Kellerman dam breach a disaster.",
    "Residents of Brask were evacuated by rescue boats after the Kellerman dam breached on Monday. "
    "The Ossow river flooded streets across Brask, and Governor Alina Petrescu described the "
    "breach of the Kellerman dam as a disaster.",
]
INQUIRY = [
    "Engineers told a parliamentary inquiry on Thursday that cracks in the Kellerman dam had been reported "
    "two years ago. The inquiry chairman, Tomas Wendt, said inspectors ignored the cracks. "
    "Governor Alina Petrescu testified before the inquiry about the Ossow river flood in Brask.",
    "A parliamentary inquiry heard on Thursday that inspectors had ignored reported cracks in the Kellerman dam. "
    "Chairman Tomas Wendt questioned engineers about the cracks, and Governor Alina Petrescu testified "
    "about the flood that hit Brask.",
]
CHESS = (
    "The grandmaster Ilya Sorokin won the Varna chess open on Sunday after a long endgame against "
    "Mei Tanaka. Sorokin sacrificed a rook in the final round and collected the trophy in Varna."
)


def _articles() -> list[Article]:
    arts = []
    for i, text in enumerate(BREACH):
        arts.append(Article(id=f"breach{i}", source="t", text=text, published="2023-03-06" if i < 2 else None))
    for i, text in enumerate(INQUIRY):
        arts.append(Article(id=f"inquiry{i}", source="t", text=text, published="2023-03-16"))
    arts.append(Article(id="chess", source="t", text=CHESS, published="2023-03-12"))
    return arts


def _groups(stories):
    return sorted(sorted(sorted(c.articles) for c in s.chapters) for s in stories)


def test_stories_cluster_two_levels():
    stories = build_stories(_articles(), {}, {}, embedder=None)
    assert _groups(stories) == [
        [["breach0", "breach1", "breach2"], ["inquiry0", "inquiry1"]],
        [["chess"]],
    ]
    dam = next(s for s in stories if len(s.articles) == 5)
    assert dam.first_date == "2023-03-06" and dam.last_date == "2023-03-16"
    assert [c.date for c in dam.chapters] == ["2023-03-06", "2023-03-16"]
    assert all(c.title and len(c.title.split()) <= 13 for c in dam.chapters)
    assert dam.id.startswith("s-") and all(c.id.startswith("c-") for c in dam.chapters)


def test_stories_cluster_with_embeddings_same_grouping():
    stories = build_stories(_articles(), {}, {}, embedder="minilm")
    assert _groups(stories)[1] == [["chess"]]
    assert len(_groups(stories)) == 2


def test_stories_cluster_far_dates_split_chapters():
    # The same words a month apart are a new happening, not the same chapter.
    arts = _articles()[:2]
    arts[1].published = "2023-04-20"
    stories = build_stories(arts, {}, {}, embedder=None)
    assert len(stories) == 1 and len(stories[0].chapters) == 2


def test_stories_cluster_deterministic_ids():
    a = build_stories(_articles(), {}, {}, embedder=None)
    b = build_stories(_articles(), {}, {}, embedder=None)
    assert [(s.id, [c.id for c in s.chapters]) for s in a] == [(s.id, [c.id for c in s.chapters]) for s in b]
    # Ids come from the founding article's id, not from run order or time.
    assert {s.id for s in a} == {s.id for s in build_stories(list(reversed(_articles())), {}, {}, embedder=None)}


def test_stories_cluster_duplicate_joins_original_chapter():
    arts = _articles()
    dup = Article(id="dupe", source="t", text=CHESS + " Copied.", duplicate_of="breach2")
    stories = build_stories(arts + [dup], {}, {}, embedder=None)
    chapter = next(c for s in stories for c in s.chapters if "dupe" in c.articles)
    assert "breach2" in chapter.articles
    # An undated duplicate takes its date from that chapter.
    assert dup.published == "2023-03-06" and dup.published_estimated


def test_stories_cluster_estimated_date_and_stated_date_kept():
    arts = _articles()
    build_stories(arts, {}, {}, embedder=None)
    undated = arts[2]
    assert undated.published == "2023-03-06"
    assert undated.published_estimated is True
    assert undated.published_from.startswith("estimated: chapter c-")
    assert 0 < undated.published_confidence < 0.5
    assert arts[0].published == "2023-03-06" and not arts[0].published_estimated


def test_stories_cluster_estimate_uses_reported_date():
    arts = _articles()
    arts[2].text += " Officials said on March 7, 2023 that the water was receding."
    build_stories(arts, {}, {}, embedder=None)
    assert arts[2].published == "2023-03-07"
    assert "reported dates 2023-03-07" in arts[2].published_from


def test_stories_cluster_previous_assignments_kept():
    arts = _articles()
    first = build_stories(arts[:3] + arts[5:], {}, {}, embedder=None)
    prev = {aid: (s.id, c.id) for s in first for c in s.chapters for aid in c.articles}
    # Deliberately odd earlier placement: it must be kept, not re-decided.
    prev["chess"] = ("s-old", "c-old")
    later = build_stories(copy.deepcopy(arts), {}, {}, prev, embedder=None)
    got = {aid: (s.id, c.id) for s in later for c in s.chapters for aid in c.articles}
    for aid, place in prev.items():
        assert got[aid] == place
    dam_story = prev["breach0"][0]
    assert got["inquiry0"][0] == dam_story and got["inquiry1"] == got["inquiry0"]
    assert got["inquiry0"][1] != prev["breach0"][1]


def test_stories_cluster_index_roundtrip_and_ingest():
    arts = _articles()
    index = StoryIndex()
    build_stories(arts[:4] + arts[5:], {}, {}, index=index, embedder=None)
    restored = StoryIndex.from_bytes(index.to_bytes())
    assert restored.assignments == index.assignments
    # A day later one more inquiry article arrives: it joins without the others being re-read.
    late = Article(id="late", source="t", text=INQUIRY[1] + " The inquiry resumes next week.", published="2023-03-17")
    stories = build_stories([late], {}, {}, index=restored, embedder=None)
    assert len(stories) == 1
    assert restored.assignments["late"] == restored.assignments["inquiry0"]


def test_stories_cluster_index_bounded_postings():
    from storyline.stories.index import Params

    params = Params(max_posting=5, max_candidates=3)
    index = StoryIndex(params)
    for i in range(40):
        a = Article(id=f"a{i}", source="t", text=f"Kellerman dam report number {i} on the Ossow river and Brask.",
                    published="2023-03-06")
        index.assign(article_features(a, None, {}))
    assert max(len(p) for p in index.postings.values()) <= 5
    f = article_features(Article(id="q", source="t", text=BREACH[0]), None, {})
    words, ents = index.vectors(f)
    assert len(index.candidates(words, ents)) <= 3


def test_stories_cluster_recluster_drops_estimates():
    arts = _articles()
    build_stories(arts, {}, {}, embedder=None)
    arts[2].published = "1999-01-01"  # a stale estimate from some earlier run
    stories = recluster(arts, {}, {}, embedder=None)
    assert arts[2].published == "2023-03-06" and arts[2].published_estimated
    assert sum(len(s.articles) for s in stories) == len(arts)


def test_stories_cluster_uses_entity_map():
    from storyline.model import ArticleAnalysis, Mention

    arts = [Article(id="x", source="t", text="Ann Lee met Bo Chan.", published="2023-01-01")]
    analysis = ArticleAnalysis(article_id="x", mentions=[Mention(0, 7, "Ann Lee", "PERSON", entity="e1")])
    f = article_features(arts[0], analysis, {("x", "e1"): "ent-abc"})
    assert f.entities["e:ent-abc"] == 1.0
    assert not any(k.startswith("e:") and k != "e:ent-abc" for k in f.entities)
    # Name words back the canonical entities up, and stand in when there are no mentions.
    assert "n:chan" in f.entities and "n:chan" in article_features(arts[0], None, {}).entities
    assert "n:met" not in f.entities


def test_stories_cluster_inconsistent_previous_assignments_do_not_lose_articles():
    arts = _articles()
    prev = {"breach0": ("s-a", "c-x"), "breach1": ("s-b", "c-x")}
    stories = build_stories(arts, {}, {}, prev, embedder=None)
    placed = [aid for s in stories for aid in s.articles]
    assert sorted(placed) == sorted(a.id for a in arts)
    chapter = next(c for s in stories for c in s.chapters if c.id == "c-x")
    assert sorted(chapter.articles)[:2] == ["breach0", "breach1"]


def test_stories_cluster_duplicate_chains_and_missing_originals():
    arts = _articles()
    copy1 = Article(id="copy1", source="t", text="x", duplicate_of="breach0")
    copy2 = Article(id="copy2", source="t", text="y", duplicate_of="copy1")
    orphan = Article(id="orphan", source="t", text=CHESS, duplicate_of="not-here", published="2023-03-12")
    stories = build_stories(arts + [copy1, copy2, orphan], {}, {}, embedder=None)
    where = {aid: c.id for s in stories for c in s.chapters for aid in c.articles}
    assert where["copy1"] == where["copy2"] == where["breach0"]
    # An original that is nowhere to be found: the copy is clustered like any article.
    assert where["orphan"] == where["chess"]
