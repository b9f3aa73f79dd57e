"""Merging event mentions across articles, on hand-made mentions (no parser needed)."""

from __future__ import annotations

from storyline.extract.events import merge_events
from storyline.model import Article, ArticleAnalysis, EventMention, Sentence


def _article(aid, sentences, events, published=None):
    text = " ".join(sentences)
    sents, pos = [], 0
    for s in sentences:
        sents.append(Sentence(pos, pos + len(s), s))
        pos += len(s) + 1
    art = Article(id=aid, source=aid, text=text, published=published)
    return art, ArticleAnalysis(article_id=aid, sentences=sents, events=events)


def _m(cat, actor_text, target_text, date=None, sentence=0, action="x", **kw):
    return EventMention(
        sentence=sentence,
        action=action,
        category=cat,
        actor_text=actor_text,
        target_text=target_text,
        date=date,
        date_precision="day" if date else "unknown",
        **kw,
    )


def test_events_merge_same_event_across_articles():
    a, an_a = _article(
        "a",
        ["Rebels attacked the Kidal garrison on May 2."],
        [_m("ASSAULT", "Rebels", "Kidal garrison", "2023-05-02", action="attack")],
    )
    b, an_b = _article(
        "b", ["The garrison in Kidal was attacked."], [_m("ASSAULT", None, "the Kidal garrison")]
    )
    events = merge_events([a, b], {"a": an_a, "b": an_b}, {}, [])
    assert len(events) == 1
    e = events[0]
    assert e.id.startswith("ev-") and e.date == "2023-05-02" and e.category == "ASSAULT"
    assert {s.article for s in e.sources} == {"a", "b"}
    assert e.actor == "Rebels"


def test_events_merge_keeps_different_dates_and_targets_apart():
    a, an_a = _article(
        "a",
        ["s0", "s1"],
        [
            _m("CONSULT", "Mr Blinken", "Wang Yi", "2023-06-18", 0),
            _m("CONSULT", "Antony Blinken", "Wang Yi", "2023-07-30", 1),
        ],
    )
    b, an_b = _article("b", ["s0"], [_m("CONSULT", "Blinken", "Sergei Lavrov", "2023-06-18")])
    events = merge_events([a, b], {"a": an_a, "b": an_b}, {}, [])
    assert len(events) == 3


def test_events_merge_symmetric_and_entity_ids():
    a, an_a = _article(
        "a", ["s0"], [_m("CONSULT", "Esper", "Bajwa", "2020-01-08", actor="e1", target="e2")]
    )
    b, an_b = _article(
        "b",
        ["s0"],
        [_m("CONSULT", "army chief", "defence secretary", "2020-01-08", actor="e5", target="e6")],
    )
    emap = {
        ("a", "e1"): "ent-esper",
        ("a", "e2"): "ent-bajwa",
        ("b", "e5"): "ent-bajwa",
        ("b", "e6"): "ent-esper",
    }
    from storyline.model import Entity

    ents = [
        Entity(id="ent-esper", name="Mark Esper", type="PERSON"),
        Entity(id="ent-bajwa", name="Qamar Javed Bajwa", type="PERSON"),
    ]
    [e] = merge_events([a, b], {"a": an_a, "b": an_b}, emap, ents)
    assert {e.actor, e.target} == {"ent-esper", "ent-bajwa"}
    assert {e.actor_name, e.target_name} == {"Mark Esper", "Qamar Javed Bajwa"}


def test_events_merge_denied_stays_apart_and_ids_are_stable():
    a, an_a = _article("a", ["s0"], [_m("ASSAULT", "Army", "village", "2023-01-01")])
    b, an_b = _article(
        "b", ["s0"], [_m("ASSAULT", "Army", "village", "2023-01-01", modality="denied")]
    )
    first = merge_events([a, b], {"a": an_a, "b": an_b}, {}, [])
    again = merge_events([a, b], {"a": an_a, "b": an_b}, {}, [])
    assert len(first) == 2
    assert [e.id for e in first] == [e.id for e in again]


def test_events_merge_undated_partial_meetings_stay_apart():
    # "Bajwa urged restraint" in two articles about two different calls: no date, no target.
    a, an_a = _article("a", ["s0"], [_m("DEMAND", "Bajwa", "Esper", action="urge")])
    b, an_b = _article("b", ["s0"], [_m("DEMAND", "Bajwa", None, action="urge")])
    assert len(merge_events([a, b], {"a": an_a, "b": an_b}, {}, [])) == 2


def test_events_date_waits_for_an_estimated_article_date():
    """'on Friday' in an undated article is dated once the article's date is known (estimated)."""
    from storyline.analyze import analyze_doc
    from storyline.extract.events import merge_events
    from storyline.model import Article
    from storyline.nlp.pipeline import load_pipeline

    text = "The foreign ministry on Friday urged all parties to exercise maximum restraint."
    art = Article(id="undated1", source="u.txt", text=text)
    an = analyze_doc(load_pipeline()(text), art)
    mention = next(m for m in an.events if m.category == "DEMAND")
    assert mention.date is None and mention.time is not None
    assert merge_events([art], {art.id: an}, {}, [])[0].date is None  # still no anchor
    art.published, art.published_estimated = "2020-01-04", True
    events = merge_events([art], {art.id: an}, {}, [])
    assert [e.date for e in events if e.category == "DEMAND"] == ["2020-01-03"]
