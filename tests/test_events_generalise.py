"""Broad rules of English news writing added to widen the event extractor (session 4).

Each test uses a short text written for it (no benchmark sentence) and checks one rule.
"""

from __future__ import annotations

from _stage_support import event_of, events_in

from storyline.model import Article


def events_with_core(nlp, text, published="2016-09-21"):
    """``extract_events`` after the language core, as the pipeline runs it."""
    from storyline.extract.events import extract_events
    from storyline.nlp import annotate

    doc = nlp(text)
    art = Article(id="t", source="t", text=text, published=published)
    return extract_events(doc, art, annotate(doc, art))


def test_events_generalise_surname_read_as_noun_is_an_actor(nlp):
    # The tagger reads a sentence-initial bare surname as a common noun; the earlier full name
    # shows it names a person.
    text = (
        "Senator Donald Trump criticised the budget on Monday. "
        "Trump defended the plan in an interview on Sunday."
    )
    assert nlp(text)[9].pos_ == "NOUN"  # the case the rule is for
    e = event_of(events_with_core(nlp, text), "SUPPORT")
    assert e.actor_text == "Trump"
    assert e.actor is not None  # linked to the person's entity, so it merges across sentences


def test_events_generalise_name_memory_does_not_leak_into_the_doc(nlp):
    from storyline.extract.events import _NAMES_KEY

    doc = nlp("Whitfield met Dana Whitfield.")
    from storyline.extract.events import extract_events
    from storyline.model import ArticleAnalysis

    extract_events(doc, Article(id="t", source="t", text=doc.text), ArticleAnalysis(article_id="t"))
    assert _NAMES_KEY not in doc.user_data


def test_events_generalise_common_noun_stays_no_actor(nlp):
    # A capitalised common noun that repeats no name in the text stays a thing.
    evs = events_in(nlp, "Inflation threatened to derail the recovery, the bank said.")
    assert not [e for e in evs if e.actor_text == "Inflation"]
