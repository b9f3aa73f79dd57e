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


def test_timeline_seed_disagreement(seed_corpus):
    [d] = seed_corpus.stories[0].disagreements
    assert d.what.startswith("killed")
    sides = {s.claimant: s.value for s in d.claims}
    assert sides.get("Iranian media") == 80
    assert any("Trump" in (k or "") and v is None for k, v in sides.items())
    assert seed_corpus.stories[0].chapters[1].disagreements == seed_corpus.stories[0].disagreements


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
