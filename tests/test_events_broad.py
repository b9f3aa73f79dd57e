"""Broad rules of English news writing added to generalise the event extractor (session 5).

Each test uses a short text written for it (no benchmark sentence) and checks one rule.
"""

from __future__ import annotations

from _stage_support import event_of, events_in


def test_events_broad_act_under_a_denied_verb_is_denied(nlp):
    # The negation sits on the governing verb of an infinitive or gerund chain.
    evs = events_in(nlp, "The prosecutor decided not to recommend charging the mayor.")
    e = event_of(evs, "ACCUSE")
    assert e.modality == "denied"


def test_events_broad_act_inside_a_request_is_possible(nlp):
    # "asked that X use ... to help": the help is asked for, not given.
    evs = events_in(nlp, "The minister asked that Norway send its ships to rescue the fishermen.")
    assert event_of(evs, "AID").modality == "possible"


def test_events_broad_purpose_of_a_future_act_is_future(nlp):
    evs = events_in(nlp, "Iran will send troops to attack the rebels.")
    assert event_of(evs, "ASSAULT").modality == "future"


def test_events_broad_past_attempt_stays_asserted(nlp):
    evs = events_in(nlp, "The rebels tried to kill the governor on Monday.")
    assert event_of(evs, "ASSAULT").modality == "asserted"
