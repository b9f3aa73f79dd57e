"""Content-span rules of news attribution (PolNeAR-style boundaries), on texts written here."""

from __future__ import annotations

import pytest

from storyline.extract.quotes import extract_quotes
from storyline.model import Article, ArticleAnalysis


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _run(nlp, text):
    doc = nlp(text)
    art = Article(id="t", source="t", text=text)
    return extract_quotes(doc, art, ArticleAnalysis(article_id="t"))


def _with(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [(q.text, q.cue, q.speaker_text) for q in quotes]
    return found[0]


def test_quotes_spans_coordinated_cue_starts_new_statement(nlp):
    text = (
        "The mayor said the budget would be balanced by June, but admitted that "
        "the pension fund remained a serious problem."
    )
    qs = _run(nlp, text)
    first = _with(qs, "budget would be balanced")
    assert "pension" not in first.text and first.text.rstrip(",").endswith("June")
    second = _with(qs, "pension fund")
    assert second.cue == "admitted" and "budget" not in second.text


def test_quotes_spans_participle_cue_keeps_first_speaker(nlp):
    text = (
        "Senator Alan Brooks said he plans to visit the border next month, insisting that "
        "the new rules have failed the families who live there."
    )
    qs = _run(nlp, text)
    first = _with(qs, "visit the border")
    assert "insisting" not in first.text
    second = _with(qs, "new rules have failed")
    assert second.speaker_text and "Brooks" in second.speaker_text


def test_quotes_spans_quote_continues_after_long_attribution(nlp):
    text = (
        "“The city has been ignored for the whole campaign,” said Dana Whitfield, a professor "
        "of urban policy and director of the transport institute at Lakeside University. "
        "“The early contests are in rural states, so nobody has to talk about buses.”"
    )
    qs = _run(nlp, text)
    q = _with(qs, "ignored for the whole campaign")
    assert "nobody has to talk about buses" in q.text
    assert len([x for x in qs if "buses" in x.text]) == 1


def test_quotes_spans_short_opening_fragment_joins_interrupted_quote(nlp):
    text = "“Frankly,” Ms. Ortega said, “the council has never once asked us what we need.”"
    qs = _run(nlp, text)
    q = _with(qs, "never once asked")
    assert "Frankly" in q.text and q.speaker_text == "Ortega"
