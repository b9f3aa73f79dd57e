"""Helpers shared by the tests of the per-article extractors (quotes, events) on texts written
in the tests. Kept out of conftest.py, which is for fixtures: test modules import this one."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, Sentence


def quotes_in(nlp, text):
    """``extract_quotes`` over ``text`` alone, without the language core's mentions."""
    from storyline.extract.quotes import extract_quotes

    doc = nlp(text)
    return extract_quotes(doc, Article(id="t", source="t", text=text), ArticleAnalysis(article_id="t"))


def quote_with(quotes, fragment):
    """The one quote whose text contains ``fragment`` (fails listing them all otherwise)."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [(q.text, q.cue, q.speaker_text) for q in quotes]
    return found[0]


def events_in(nlp, text, published="2021-05-05"):
    """``extract_events`` over ``text`` with its sentences, in an article of ``published``."""
    from storyline.extract.events import extract_events

    doc = nlp(text)
    an = ArticleAnalysis(article_id="t", sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents])
    return extract_events(doc, Article(id="t", source="t", text=text, published=published), an)


def event_of(evs, category):
    """The first event of ``category`` (fails listing the events otherwise)."""
    found = [e for e in evs if e.category == category]
    assert found, f"no {category} in {[(e.category, e.action, e.actor_text) for e in evs]}"
    return found[0]
