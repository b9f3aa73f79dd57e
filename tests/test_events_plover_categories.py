"""Category rules from the PLOVER codebook's descriptions. Sentences are written for these tests."""

from __future__ import annotations

from _stage_support import event_of, events_in


def _cats(evs):
    return {e.category for e in evs}


def test_events_allowing_a_party_to_act_is_a_concession(nlp):
    e = event_of(events_in(nlp, "The governor allowed the opposition leader to hold a rally in the capital."), "CONCEDE")
    assert e.actor_text and "governor" in e.actor_text
    assert e.target_text and "leader" in e.target_text


def test_events_allowing_access_is_a_concession(nlp):
    assert "CONCEDE" in _cats(events_in(nlp, "The junta allowed access to the prison for the first time."))


def test_events_letting_a_thing_happen_is_no_concession(nlp):
    assert "CONCEDE" not in _cats(events_in(nlp, "The council allowed the permit to expire in May."))
    assert "CONCEDE" not in _cats(events_in(nlp, "Reporters were not allowed to enter the building."))
