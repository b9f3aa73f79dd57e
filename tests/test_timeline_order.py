"""Timeline ordering and the seed story's timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Event, EventSource
from storyline.summarize.timeline import order_events

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_DATES = {"000": None, "001": None, "002": "2020-01-04", "003": None, "004": "2020-01-08"}


def _ev(i, date=None, article="a"):
    return Event(
        id=i,
        date=date,
        date_precision="day" if date else "unknown",
        actor=None,
        action="x",
        category="CONSULT",
        target=None,
        location=None,
        modality="asserted",
        sources=[EventSource(article=article, sentence="")],
    )


def test_timeline_orders_by_event_date_not_report_date():
    evs = [_ev("late", "2021-05-03", "old"), _ev("early", "2021-04-01", "new")]
    assert order_events(evs, set(), {"old": "2021-05-01", "new": "2021-06-01"}, {}) == [
        "early",
        "late",
    ]


def test_timeline_stated_order_places_undated_events():
    evs = [_ev("b", "2021-05-03"), _ev("a"), _ev("c", "2021-05-01"), _ev("z")]
    # "b happened after a": a goes just before b, after c; z has no clue and goes last.
    order = order_events(evs, {("a", "b")}, {}, {})
    assert order == ["c", "a", "b", "z"]


def test_timeline_publication_date_bounds_undated_events():
    evs = [_ev("x", None, "p"), _ev("y", "2021-05-09"), _ev("w", "2021-05-01")]
    assert order_events(evs, set(), {"p": "2021-05-04"}, {}) == ["w", "x", "y"]


def test_timeline_context_events_first_within_a_day():
    evs = [_ev("call", "2020-01-03"), _ev("strike", "2020-01-03")]
    assert order_events(evs, set(), {}, {"call": (0,), "strike": (1,)}, {"strike": 1.0}) == [
        "strike",
        "call",
    ]


@pytest.fixture(scope="module")
def seed_corpus():
    if not SEEDS.is_dir():
        pytest.skip("seeds not found")
    from storyline.analyze import Corpus, analyze_doc
    from storyline.extract.events import merge_events
    from storyline.model import Article, Chapter, Story
    from storyline.nlp.pipeline import load_pipeline
    from storyline.summarize.timeline import attach_timelines

    nlp = load_pipeline()
    arts, ans = [], {}
    for f in sorted(SEEDS.glob("*.txt")):
        text = "\n\n".join(
            p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()
        )
        art = Article(id=f.stem[:3], source=str(f), text=text, published=SEED_DATES[f.stem[:3]])
        arts.append(art)
        ans[art.id] = analyze_doc(nlp(text), art)
    corpus = Corpus(articles=arts, analyses=ans)
    corpus.events = merge_events(arts, ans, {}, [])
    chapters = [
        Chapter(id="c-1", title="", date=None, articles=["000", "001", "002"]),
        Chapter(id="c-2", title="", date=None, articles=["003", "004"]),
    ]
    corpus.stories = [
        Story(
            id="s-1",
            title="",
            first_date=None,
            last_date=None,
            articles=[a.id for a in arts],
            chapters=chapters,
        )
    ]
    attach_timelines(corpus)
    return corpus


def _find(corpus, category, *words, date=None):
    for e in corpus.events:
        names = f"{e.actor_name} {e.target_name} {e.action}".lower()
        if (
            e.category == category
            and all(w in names for w in words)
            and (date is None or e.date == date)
        ):
            return e
    raise AssertionError(
        f"no {category} {words} in {[(e.category, e.actor_name, e.target_name) for e in corpus.events]}"
    )


def test_timeline_seed_story_reads_in_order(seed_corpus):
    c = seed_corpus
    siege = _find(c, "ASSAULT", "embassy")
    killing = _find(c, "ASSAULT", "soleimani", date="2020-01-03")
    fo = _find(c, "ACCUSE", "foreign")
    pompeo = _find(c, "CONSULT", "pompeo", "bajwa", date="2020-01-03")
    khamenei = _find(c, "THREATEN", "khamenei")
    strikes = _find(c, "ASSAULT", "bases", date="2020-01-08")
    esper = _find(c, "CONSULT", "esper", "bajwa", date="2020-01-08")
    khan = _find(c, "DEMAND", "khan", "qureshi", date="2020-01-08")
    tl = c.stories[0].timeline
    pos = [tl.index(e.id) for e in (siege, killing, fo, pompeo, khamenei, strikes, esper, khan)]
    assert pos == sorted(pos), pos
    assert len({s.article for s in killing.sources}) == 5
    assert len({s.article for s in pompeo.sources}) >= 3
    assert {s.article for s in esper.sources} >= {"003", "004"}
    assert killing.background and not khan.background
    for ch in c.stories[0].chapters:
        assert set(ch.timeline) <= set(tl)
    assert killing.id in c.stories[0].chapters[1].timeline


def test_timeline_chapter_background_lists_its_context_events(seed_corpus):
    """The killing reported in chapter 1 is context in chapter 2; Khan's tasking is chapter 2's news."""
    killing = _find(seed_corpus, "ASSAULT", "soleimani", date="2020-01-03")
    khan = _find(seed_corpus, "DEMAND", "khan", "qureshi", date="2020-01-08")
    first, second = seed_corpus.stories[0].chapters
    assert killing.id in second.background and khan.id not in second.background
    for ch in (first, second):
        assert set(ch.background) <= set(ch.timeline)
        # Kept in timeline order.
        assert ch.background == [i for i in ch.timeline if i in set(ch.background)]
    # Event.background stays the union over chapters.
    flagged = {e.id for e in seed_corpus.events if e.background}
    assert flagged == set(first.background) | set(second.background)


def test_timeline_chapter_background_by_period():
    """Hand-built: an event dated before a chapter's first date is background to that chapter only."""
    from storyline.analyze import Corpus
    from storyline.extract.events import merge_events
    from storyline.model import Article, ArticleAnalysis, Chapter, EventMention, Sentence, Story
    from storyline.summarize.timeline import attach_timelines

    arts = [
        Article(id="a1", source="a1", text="Alpha met Beta.", published="2021-03-01"),
        Article(id="a2", source="a2", text="Gamma hit Delta. Omega met Sigma.", published="2021-03-09"),
    ]
    ans = {a.id: ArticleAnalysis(article_id=a.id, sentences=[Sentence(0, len(a.text), a.text)]) for a in arts}
    for aid, actor, target, cat, date in (
        ("a1", "Alpha", "Beta", "CONSULT", "2021-03-01"),
        ("a2", "Gamma", "Delta", "ASSAULT", "2021-02-20"),
        ("a2", "Omega", "Sigma", "CONSULT", "2021-03-08"),
    ):
        ans[aid].events.append(
            EventMention(sentence=0, action="x", category=cat, actor_text=actor,
                         target_text=target, date=date, date_precision="day")
        )
    corpus = Corpus(articles=arts, analyses=ans)
    corpus.events = merge_events(arts, ans, {}, [])
    ids = {e.actor_name: e.id for e in corpus.events}
    ch1 = Chapter(id="c-1", title="", date=None, articles=["a1"], first_date="2021-03-01")
    ch2 = Chapter(id="c-2", title="", date=None, articles=["a2"], first_date="2021-03-05")
    corpus.stories = [Story(id="s-1", title="", first_date=None, last_date=None,
                            articles=["a1", "a2"], chapters=[ch1, ch2])]
    attach_timelines(corpus)
    assert ch2.timeline == [ids["Gamma"], ids["Omega"]]
    assert ch2.background == [ids["Gamma"]]
    assert ch1.background == []
    assert {e.actor_name for e in corpus.events if e.background} == {"Gamma"}


@pytest.mark.slow
def test_timeline_seed_story_through_build_corpus():
    """The whole engine (entity merging, stories, chapters) gives the same order."""
    if not SEEDS.is_dir():
        pytest.skip("seeds not found")
    from storyline.analyze import analyze_articles, build_corpus
    from storyline.model import Article

    arts = []
    for f in sorted(SEEDS.glob("*.txt")):
        text = "\n\n".join(
            p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()
        )
        arts.append(
            Article(id=f.stem[:3], source=str(f), text=text, published=SEED_DATES[f.stem[:3]])
        )
    ans = {a.article_id: a for a in analyze_articles(arts)}
    corpus = build_corpus(arts, ans)
    story = next(s for s in corpus.stories if "004" in s.articles)
    siege = _find(corpus, "ASSAULT", "embassy")
    killing = _find(corpus, "ASSAULT", "soleimani", date="2020-01-03")
    pompeo = _find(corpus, "CONSULT", "pompeo", "bajwa", date="2020-01-03")
    strikes = _find(corpus, "ASSAULT", "bases", date="2020-01-08")
    esper = _find(corpus, "CONSULT", "esper", "bajwa", date="2020-01-08")
    khan = _find(corpus, "DEMAND", "khan", "qureshi", date="2020-01-08")
    pos = [story.timeline.index(e.id) for e in (siege, killing, pompeo, strikes, esper, khan)]
    assert pos == sorted(pos), pos
    assert any(d.what.startswith("killed") for d in story.disagreements)
