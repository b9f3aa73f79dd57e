"""General rules of English news writing in the event extractor (session 3).

Each test uses a sentence written for it and checks one broad rule: coordinated
modifiers in participant names, modality of intention adjectives and failure
verbs, rejection of a proposal, partitive objects, verb + noun idioms, event
nouns as subjects and verbal protests.
"""

from __future__ import annotations

import pytest

from storyline.extract.events import extract_events
from storyline.model import Article, ArticleAnalysis, Sentence


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _events(nlp, text):
    doc = nlp(text)
    an = ArticleAnalysis(
        article_id="t", sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    )
    return extract_events(doc, Article(id="t", source="t", text=text, published="2021-05-05"), an)


def _one(evs, category):
    found = [e for e in evs if e.category == category]
    assert found, f"no {category} in {[(e.category, e.action, e.actor_text) for e in evs]}"
    return found[0]


def test_events_coordinated_modifiers_stay_in_participant_name(nlp):
    e = _one(_events(nlp, "Senior Chilean and Peruvian diplomats met in Lima on Monday."), "CONSULT")
    assert "Chilean" in e.actor_text and "Peruvian" in e.actor_text
