"""Selection, ordering, citations and headlines over hand-built clusters (no spaCy)."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.analyze import Corpus
from storyline.model import Chapter, Story, TimeExpr
from storyline.summarize.cite import Evidence
from storyline.summarize.headline import headline
from storyline.summarize.select import LEAD_FACTOR, concept_weights, select_units, unit_concepts
from storyline.summarize.summary import attach_summaries, summarize_articles
from storyline.summarize.units import build_units
from test_summary_units import make

FIRE = [
    ("f1", "2023-05-02", "Crews fight hill fire", [
        "A wildfire burned two thousand hectares of forest near the town of Dunmore on Monday.",
        "Firefighters from three counties battled the wildfire near Dunmore through the night.",
        "The cause of the fire is still under investigation by the county fire service.",
    ]),
    ("f2", "2023-05-02", "Dunmore wildfire forces evacuations", [
        "A wildfire burned two thousand hectares of forest near the town of Dunmore on Monday.",
        "Police ordered the evacuation of four hundred homes on the eastern edge of Dunmore.",
        "Local schools will stay closed until the wildfire near Dunmore is under control.",
    ]),
    ("f3", "2023-05-03", "Dunmore wildfire contained", [
        "Firefighters contained the wildfire near Dunmore on Tuesday after rain fell overnight.",
        "Residents evacuated from four hundred homes near Dunmore were allowed to return.",
        "The county fire service said the cause of the fire is still under investigation.",
    ]),
]


def cluster(spec=FIRE):
    arts, ans = [], {}
    for aid, date, title, sents in spec:
        a, an = make(aid, sents, title=title, published=date)
        arts.append(a)
        ans[aid] = an
    return arts, ans


def test_summary_select_respects_budget_and_avoids_repeats():
    arts, ans = cluster()
    out = summarize_articles(arts, ans, words=40, embedder=None)
    assert out and sum(len(s.text.split()) for s in out) <= 40
    texts = [s.text for s in out]
    assert len(texts) == len(set(texts))
    # The sentence two outlets share verbatim covers the most shared concepts.
    assert "A wildfire burned two thousand hectares of forest near the town of Dunmore on Monday." in texts


def test_summary_select_prefers_concepts_shared_by_many_documents():
    arts, ans = cluster()
    units = build_units(arts, ans)
    for u in units:
        u.concepts = unit_concepts(u.text)
    concepts = concept_weights(units, 3)
    # In three documents and in a lead sentence (counted double); in two documents, not in a lead.
    assert concepts.weights["wildfir near"] == 3.0 * LEAD_FACTOR
    assert concepts.weights["fire servic"] == 2.0
    assert "school will" not in concepts.weights  # one document only
    chosen = select_units(units, concepts, 16)
    assert len(chosen) == 1 and "wildfire" in chosen[0].text


def test_summary_groups_get_a_sentence_each():
    arts, ans = cluster()
    out = summarize_articles(arts, ans, words=50, embedder=None, groups=[["f1", "f2"], ["f3"]])
    assert any("f3" == s.sources[0] for s in out)


def test_summary_order_follows_reported_dates():
    arts, ans = cluster()
    # The contained sentence is first in its article but reports the later day.
    an = ans["f3"]
    s0 = an.sentences[0]
    k = s0.text.index("on Tuesday")
    an.times = [TimeExpr(start=s0.start + k + 3, end=s0.start + k + 10, text="Tuesday", value="2023-05-03", precision="day")]
    out = summarize_articles(arts, ans, words=60, embedder=None)
    dates = [s.date for s in out]
    assert dates == sorted(dates)
    contained = [i for i, s in enumerate(out) if s.text.startswith("Firefighters contained")]
    burned = [i for i, s in enumerate(out) if s.text.startswith("A wildfire burned")]
    assert contained and burned and burned[0] < contained[0]
    assert out[contained[0]].date == "2023-05-03"


def test_summary_cites_every_article_with_the_same_fact():
    arts, ans = cluster()
    out = summarize_articles(arts, ans, words=40, embedder=None)
    burned = next(s for s in out if s.text.startswith("A wildfire burned"))
    assert set(burned.sources) == {"f1", "f2"}
    cause = Evidence({a.id: [s.text for s in ans[a.id].sentences] for a in arts}).supporters(
        "The cause of the fire is still under investigation by the county fire service.", origin="f1")
    assert cause == ["f1", "f3"]


class FakeEmbedder:
    """Vectors that call two chosen sentences paraphrases and nothing else."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self.same = {t: i for i, (a, b) in enumerate(pairs) for t in (a, b)}

    def encode(self, texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for r, t in enumerate(texts):
            k = self.same.get(t, 10 + (hash(t) % 50))
            out[r, k] = 1.0
        return out


def test_summary_cites_paraphrase_only_with_embedding_evidence():
    a = "Police ordered the evacuation of four hundred homes on the eastern edge of Dunmore."
    b = "Police told the residents of four hundred homes on the eastern side of Dunmore to leave."
    sents = {"x": [a], "y": [b]}
    assert Evidence(sents).supporters(a, origin="x") == ["x"]
    assert Evidence(sents, FakeEmbedder([(a, b)])).supporters(a, origin="x") == ["x", "y"]
    # No lexical common ground: an embedding alone is not evidence.
    c = "Officials said everyone must go at once."
    assert Evidence({"x": [a], "z": [c]}, FakeEmbedder([(a, c)])).supporters(a, origin="x") == ["x"]


def test_summary_single_document_and_empty_inputs():
    arts, ans = cluster()
    out = summarize_articles(arts[:1], {"f1": ans["f1"]}, words=30, embedder=None)
    assert out and all(s.sources == ["f1"] for s in out)
    assert summarize_articles([], {}, words=30) == []
    assert summarize_articles(arts, ans, words=0) == []


def test_summary_works_without_analyses():
    arts, _ = cluster()
    out = summarize_articles(arts, {}, words=40, embedder=None)
    assert out and all(s.sources for s in out)


def test_summary_headline_is_the_most_central_title():
    arts, ans = cluster()
    assert headline(arts, ans) == "Dunmore wildfire forces evacuations"
    for a in arts:
        a.title = None
    h = headline(arts, ans, summary=summarize_articles(arts, ans, words=40, embedder=None))
    assert "wildfire" in h.lower() and len(h.split()) <= 14 and not h.endswith(".")


def test_summary_attach_sets_story_and_chapter_fields(monkeypatch):
    monkeypatch.setenv("STORYLINE_EMBEDDER", "none")
    arts, ans = cluster()
    ch1 = Chapter(id="c-1", title="fire", date="2023-05-02", articles=["f1", "f2"])
    ch2 = Chapter(id="c-2", title="contained", date="2023-05-03", articles=["f3"])
    story = Story(id="s-1", title="fire", first_date="2023-05-02", last_date="2023-05-03",
                  articles=["f1", "f2", "f3"], chapters=[ch1, ch2])
    corpus = Corpus(articles=arts, analyses=ans, stories=[story])
    attach_summaries(corpus, words=60)
    assert story.headline and ch1.headline and ch2.headline
    assert story.summary and ch1.summary and ch2.summary
    assert {src for s in ch2.summary for src in s.sources} == {"f3"}
    assert any(s.sources[0] == "f3" for s in story.summary)
    assert not corpus.problems


@pytest.mark.parametrize("words", [25, 60, 100])
def test_summary_never_exceeds_word_budget(words):
    arts, ans = cluster()
    out = summarize_articles(arts, ans, words=words, embedder=None)
    assert sum(len(s.text.split()) for s in out) <= words


def test_summary_large_cluster_prunes_candidates(monkeypatch):
    import storyline.summarize.select as sel

    monkeypatch.setattr(sel, "MAX_CANDIDATES", 4)
    arts, ans = cluster()
    out = summarize_articles(arts, ans, words=40, embedder=None, groups=[["f1", "f2"], ["f3"]])
    assert out and sum(len(s.text.split()) for s in out) <= 40
    assert any(s.sources[0] == "f3" for s in out)


def test_summary_citation_needs_the_distinctive_words_not_just_shared_names():
    base = "General Amos Dorn of the Northern Army Command"
    sents = {
        "x": [f"Trade Minister Lisa Vogt met {base} in Veltra on Monday.", f"{base} spoke to troops."],
        "y": [f"Health Minister Karl Ebb met {base} in Veltra on Friday.", f"{base} visited a base."],
        "z": [f"On Monday Trade Minister Lisa Vogt met {base} in Veltra.", f"{base} ended the tour."],
    }
    ev = Evidence(sents)
    assert ev.supporters(sents["x"][0], origin="x") == ["x", "z"]


def test_summary_headline_cut_ends_on_a_content_word():
    from storyline.summarize.headline import _shorten

    h = _shorten("Rescue teams from six countries searched the collapsed hotel in the old town for the missing guests.", 10)
    assert h == "Rescue teams from six countries searched the collapsed hotel"


def test_summary_headline_title_loses_stray_trailing_punctuation():
    from storyline.summarize.headline import _clean_title

    assert _clean_title("Ready for the final debate?;") == "Ready for the final debate?"
    assert _clean_title("2020-01-08 Storm hits coast, ") == "Storm hits coast"
