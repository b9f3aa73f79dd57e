"""Walks up the parse always end at the root: spaCy makes a new Token object on every access,
so a token is its own head by index (==), never by identity (is)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from storyline.extract import events


@pytest.mark.timeout(10)
def test_events_whose_without_a_relative_clause_above_it_ends_at_the_root():
    # A parse in which "whose" hangs under the root with no relative clause anywhere above it.
    words = ["Obama", "whose", "criticism", "sharpened"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 2, 3, 3], deps=["nsubj", "poss", "nsubj", "ROOT"])
    assert events._named(doc[1]).i == doc[1].i  # no antecedent found, and no endless loop


def test_events_tokens_compare_by_position_not_identity():
    doc = Doc(spacy.blank("en").vocab, words=["He", "left"], heads=[1, 1], deps=["nsubj", "ROOT"])
    assert doc[1].head is not doc[1] and doc[1].head == doc[1]
