"""Actor rules: subjects of adjective complements and names with bracketed acronyms.
Sentences are written for these tests."""

from __future__ import annotations

from _stage_support import event_of, events_in


def test_events_subject_through_adjective_of_intention(nlp):
    e = event_of(events_in(nlp, "Norway is willing to withdraw its troops from Kosovo."), "RETREAT")
    assert e.actor_text and "Norway" in e.actor_text
    assert e.modality == "future"


def test_events_reported_pronoun_through_adjective(nlp):
    evs = events_in(nlp, "Chile said it is ready to sign the treaty with Peru.")
    e = event_of(evs, "AGREE")
    assert e.actor_text and ("Chile" in e.actor_text or e.actor_text == "it")


def test_events_bracketed_acronym_keeps_the_name(nlp):
    e = event_of(
        events_in(nlp, "The National Farmers Union (NFU) leaders demanded talks with the ministry."),
        "DEMAND",
    )
    assert e.actor_text and "Farmers" in e.actor_text and "leaders" in e.actor_text


def test_events_participle_conjoined_to_reduced_relative_is_passive(nlp):
    evs = events_in(nlp, "Two other men arrested and charged at the time were found not guilty.")
    charged = [e for e in evs if e.action == "charge"]
    assert charged and charged[0].actor_text is None
    assert charged[0].target_text and "men" in charged[0].target_text


def test_events_coordinated_passives_share_the_agent(nlp):
    evs = events_in(nlp, "The sailors were surrounded by Iranian gunboats and taken into custody.")
    custody = [e for e in evs if e.action == "hold in custody"]
    assert custody and custody[0].actor_text and "gunboats" in custody[0].actor_text
    e = event_of(events_in(nlp, "The mayor was arrested and charged by federal agents."), "COERCE")
    assert e.actor_text and "agents" in e.actor_text


def test_events_pronoun_speaker_through_conjoined_reporting_verb(nlp):
    evs = events_in(nlp, "The rebels rejected the plan on Friday and said they opposed the deployment of foreign troops.")
    opposed = [e for e in evs if e.action == "oppose"]
    assert opposed and opposed[0].actor_text and "rebels" in opposed[0].actor_text
