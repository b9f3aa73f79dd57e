"""View models of the web app on hand-made corpora: highlighting, citations, timeline, quotes, matrix."""

from __future__ import annotations

import re

from storyline.web.data import CorpusIndex
from storyline.web.render import static_url, web_url
from storyline.web.views import (
    article_html,
    article_segments,
    best_sentence,
    comparison_matrix,
    quotes_by_speaker,
    snippet_parts,
    split_sentences,
    story_events,
    story_view,
    timeline_svg,
)

TEXT = ('The minister, Jane Roe, arrived in Lagos on Monday. "We will <b>not</b> yield," she said. '
        'Talks resumed.\n\nCritics said the plan "was rushed and unfair to farmers."')


def _corpus(**extra):
    art = {"id": "a1", "source": "x.txt", "outlet": "Daily Example", "title": None, "published": "2021-03-02",
           "text": TEXT, "duplicate_of": None}
    dup = dict(art, id="a2", outlet="Other Post", duplicate_of="a1", text=TEXT + " More.")
    ent = {"id": "ent-jane", "name": "Jane Roe", "type": "PERSON", "aliases": ["Roe"], "articles": ["a1", "a2"]}
    q1s = TEXT.index("We will")
    q1e = TEXT.index(' yield,"') + len(" yield,")
    quote = {"id": "q-1", "text": TEXT[q1s:q1e], "kind": "direct", "cue": "said", "speaker": "ent-jane",
             "speaker_text": "she", "via": None, "channel": "unknown",
             "sources": [{"article": "a1", "start": q1s, "end": q1e, "text": TEXT[q1s:q1e]}]}
    story = {"id": "s-1", "title": "Talks", "first_date": "2021-03-01", "last_date": "2021-03-02",
             "articles": ["a1", "a2"], "chapters": [], "headline": "Talks resume in Lagos",
             "summary": [{"text": "Jane Roe arrived in Lagos on Monday.", "sources": ["a1"], "date": "2021-03-01"}],
             "timeline": [], "disagreements": [], "comparison": None}
    data = {"articles": [art, dup], "entities": [ent], "quotes": [quote], "events": [], "stories": [story]}
    data.update(extra)
    return CorpusIndex.build(data)


def _analysis():
    s1 = TEXT.index(".") + 1
    mention = TEXT.index("Jane Roe")
    monday = TEXT.index("Monday")
    inner = TEXT.index("<b>not</b>")
    crit = TEXT.index("was rushed")
    return {
        "article_id": "a1",
        "sentences": [{"start": 0, "end": s1, "text": TEXT[:s1]},
                      {"start": s1 + 1, "end": TEXT.index("Talks") - 1, "text": ""}],
        "mentions": [{"start": mention, "end": mention + 8, "text": "Jane Roe", "label": "PERSON", "entity": "e1"},
                     {"start": TEXT.index("she"), "end": TEXT.index("she") + 3, "text": "she", "label": "PRON"}],
        "times": [{"start": monday, "end": monday + 6, "text": "Monday", "value": "2021-03-01", "precision": "day"}],
        # A quote inside another one (the inner words), and one that runs past the sentences.
        "quotes": [{"start": inner, "end": inner + 10, "text": "<b>not</b>"},
                   {"start": crit, "end": len(TEXT) - 2, "text": TEXT[crit:len(TEXT) - 2]}],
    }


def _flat(views):
    return "".join(g.text for v in views for g in v.segments)


def test_web_segments_keep_every_character_and_mark_spans():
    ix = _corpus()
    views = article_segments(ix, ix.articles["a1"], _analysis())
    assert _flat(views) == TEXT
    segs = [g for v in views for g in v.segments]
    jane = next(g for g in segs if g.text == "Jane Roe")
    assert "ent-person" in jane.classes and jane.entity == "ent-jane"
    assert next(g for g in segs if g.text == "Monday").classes == ["date"]
    # Pronouns are not highlighted as entities.
    assert all("ent" not in g.classes for g in segs if g.text == "she")
    anchors = [a for g in segs for a in g.anchors]
    assert len(anchors) == len(set(anchors)) == 3  # corpus quote, nested quote, cross-sentence quote
    nested = next(g for g in segs if g.text == "<b>not</b>")
    assert len(nested.quotes) == 2  # inside both quotes: both light up


def test_web_segments_without_analysis_split_sentences_and_mark_corpus_quotes():
    ix = _corpus()
    views = article_segments(ix, ix.articles["a1"], None)
    assert _flat(views) == TEXT
    assert sum(v.is_sentence for v in views) >= 4
    assert any("quote" in g.classes for v in views for g in v.segments)


def test_web_article_html_escapes_text_and_builds_anchors():
    ix = _corpus()
    views = article_segments(ix, ix.articles["a1"], _analysis())
    html = str(article_html(views, "", web_url))
    assert "<b>" not in html and "&lt;b&gt;not&lt;/b&gt;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') \
        .replace("&amp;", "&").replace("&#39;", "'") == TEXT
    assert 'href="/entities/ent-jane"' in html
    static = str(article_html(views, "a-a1-", static_url))
    assert 'id="a-a1-s-0-' in static and 'href="#ent-ent-jane"' in static


def test_web_best_sentence_picks_the_supporting_sentence():
    art = {"text": "Rain fell in Oslo. The mayor of Lagos opened a new bridge on Friday. Prices rose."}
    spans = split_sentences(art["text"])
    assert len(spans) == 3
    a, b = best_sentence("Lagos mayor opens bridge", art, spans)
    assert art["text"][a:b] == "The mayor of Lagos opened a new bridge on Friday."
    assert best_sentence("Completely unrelated words here", art, spans) is None
    # A weak match still opens the closest sentence of an article cited as support.
    a, b = best_sentence("Officials discussed prices", art, spans)
    assert art["text"][a:b] == "Prices rose."


def test_web_split_sentences_handles_quotes_and_paragraphs():
    text = 'He said "yes." Then he left!\n\nA new paragraph starts here. 2020 was odd.'
    spans = split_sentences(text)
    parts = [text[a:b] for a, b in spans]
    assert parts == ['He said "yes."', "Then he left!", "A new paragraph starts here.", "2020 was odd."]


def test_web_timeline_places_events_by_date():
    events = [
        {"id": "ev-b", "date": "2021-03-05", "date_precision": "day", "action": "meet", "actor_name": "A",
         "sources": [{"article": "a1", "sentence": "A met B."}]},
        {"id": "ev-a", "date": "2021-03-01", "date_precision": "day", "action": "arrive", "actor_name": "Jane Roe",
         "sources": []},
        {"id": "ev-m", "date": "2021-04", "date_precision": "month", "action": "vote", "sources": []},
        {"id": "ev-u", "date": None, "date_precision": "unknown", "action": "talk", "sources": []},
    ]
    t = timeline_svg(_corpus(), events)
    assert [r["id"] for r in t["rows"]] == ["ev-a", "ev-b", "ev-m"]
    xs = [r["cx"] for r in t["rows"]]
    assert xs[0] < xs[1] < xs[2]
    # x is proportional to time: 4 days of a 31-day span.
    assert abs((xs[1] - xs[0]) / (xs[2] - xs[0]) - 4 / 31) < 0.01
    assert [e["id"] for e in t["undated"]] == ["ev-u"]
    assert t["ticks"][0]["label"] == "2021-03-01" and t["ticks"][-1]["label"] == "2021-04-01"
    assert "Jane Roe arrive" in t["rows"][0]["text"]


def test_web_story_events_fall_back_to_the_articles_events():
    ev = {"id": "ev-1", "date": "2021-03-01", "date_precision": "day", "action": "arrive", "category": "MOVE",
          "background": False, "sources": [{"article": "a1", "sentence": "x"}]}
    bg = dict(ev, id="ev-2", background=True)
    ix = _corpus(events=[ev, bg])
    assert [e["id"] for e in story_events(ix, ix.stories["s-1"])] == ["ev-1"]
    ix.stories["s-1"]["timeline"] = ["ev-2"]
    assert [e["id"] for e in story_events(ix, ix.stories["s-1"])] == ["ev-2"]


def test_web_quotes_grouped_by_speaker_with_cap():
    ix = _corpus()
    base = ix.data["quotes"][0]
    quotes = [dict(base, id=f"q-{i}") for i in range(15)]
    quotes.append(dict(base, id="q-t", speaker=None, speaker_text="A witness"))
    quotes.append(dict(base, id="q-n", speaker=None, speaker_text=None))
    groups = quotes_by_speaker(ix, quotes, per_speaker=12)
    assert [g["speaker"] for g in groups] == ["Jane Roe", "A witness", "Unattributed"]
    assert groups[0]["n"] == 15 and len(groups[0]["quotes"]) == 12 and groups[0]["more"] == 3
    assert groups[0]["quotes"][0]["outlets"] == ["Daily Example"]
    assert len({g["key"] for g in groups}) == 3


def test_web_comparison_matrix_from_story_or_events():
    ix = _corpus()
    story = ix.stories["s-1"]
    events = [{"id": "ev-1", "date": "2021-03-01", "action": "arrive", "sources": [
        {"article": "a1", "sentence": "x"}, {"article": "a2", "sentence": "y"}]},
        {"id": "ev-2", "date": None, "action": "talk", "sources": [{"article": "a2", "sentence": "y"}]}]
    m = comparison_matrix(ix, story, events)
    assert m["derived"] and m["outlets"] == ["Daily Example", "Other Post"]
    assert [r["cells"] for r in m["rows"]] == [[True, True], [False, True]]
    story["comparison"] = {"outlets": ["X", "Y"], "facts": [{"kind": "quote", "id": "q-1", "label": "Q", "outlets": ["Y"]}],
                           "disagreements": [], "unique": {}}
    m = comparison_matrix(ix, story, events)
    assert not m["derived"] and m["rows"] == [{"label": "Q", "kind": "quote", "cells": [False, True]}]
    # Shared facts first; the rest counted when over the limit.
    story["comparison"]["facts"] = [{"kind": "event", "id": f"e{i}", "label": f"E{i}", "outlets": ["X"] * (i % 2) + ["Y"]}
                                    for i in range(5)]
    m = comparison_matrix(ix, story, events, limit=3)
    assert [r["label"] for r in m["rows"]] == ["E1", "E3", "E0"] and m["hidden"] == 2


def test_web_story_view_cites_the_source_sentence():
    ix = _corpus()
    v = story_view(ix, ix.stories["s-1"], lambda aid: _analysis() if aid == "a1" else None)
    cite = v["summary"][0]["cites"][0]
    a, b = cite["span"]
    assert TEXT[a:b].startswith("The minister, Jane Roe, arrived in Lagos")
    assert cite["n"] == 1 and cite["article"] == "a1"
    assert v["n_quotes"] == 1 and v["quote_groups"][0]["speaker"] == "Jane Roe"


def test_web_corpus_index_relations():
    ix = _corpus()
    assert ix.duplicates_of == {"a1": ["a2"]}
    assert ix.article_stories["a2"] == ["s-1"]
    assert ix.speaker_quotes["ent-jane"] == ["q-1"]
    assert ix.story_of_id("s-1") is ix.stories["s-1"]
    assert ix.story_of_id("nope") is None
    assert CorpusIndex.build(None).stories == {}


def test_web_snippet_parts_marks_hits_only():
    assert snippet_parts("a \x02Soleimani\x03 <b> x") == [("a ", False), ("Soleimani", True), (" <b> x", False)]


def test_web_article_label_from_a_prefix_equals_the_whole_text_label():
    import random

    from storyline.web.render import article_label

    def whole(text, width):  # the label as the folded whole text gives it
        folded = " ".join(text.split())
        if not folded:
            return "a9"
        return folded if len(folded) <= width else folded[: width - 1].rsplit(" ", 1)[0] + "…"

    rng = random.Random(7)
    pieces = ["a", "bb", "\n\n", " " * 500, "word" * 40, "Lagos"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 120)))
        for width in (10, 90):
            assert article_label({"id": "a9", "text": text}, width) == whole(text, width)
    assert article_label({"id": "a9", "title": "Headline", "text": "x"}) == "Headline"


def test_web_event_dates_read_as_their_precision():
    from storyline.web.render import event_date

    assert event_date({"date": "2019-12-30", "date_precision": "week"}) == "week of 2019-12-30"
    assert event_date({"date": "2020-01-03", "date_precision": "day"}) == "2020-01-03"
    assert event_date({"date": "2020-01", "date_precision": "month"}) == "2020-01"
    assert event_date({"date": None, "date_precision": "unknown"}) == "undated"
