"""Participant rules added for complements, conjoined passives, documents and generic statements.

Sentences are written for these tests; each checks one rule of ``extract/events.py``.
"""

from __future__ import annotations

from _stage_support import event_of, events_in


def test_events_target_from_complement_object(nlp):
    e = event_of(events_in(nlp, "The two factions agreed to share intelligence with the United Nations."), "AGREE")
    assert e.actor_text and "faction" in e.actor_text
    assert e.target_text and "United Nations" in e.target_text


def test_events_target_from_prepositional_party_of_object(nlp):
    e = event_of(events_in(nlp, "The cabinet accepted demands from the striking miners."), "CONCEDE")
    assert e.target_text and "miners" in e.target_text


def test_events_complement_place_is_not_a_target(nlp):
    # Only actor-like words become targets through a complement: a thing or a date does not.
    e = event_of(events_in(nlp, "The ministers agreed to meet again in March."), "AGREE")
    assert e.target_text is None


def test_events_conjoined_passive_shares_patient(nlp):
    evs = events_in(nlp, "Ortega was charged and convicted on two counts.")
    convicted = [e for e in evs if e.action.startswith("convict")]
    assert convicted and convicted[0].target_text == "Ortega"
    assert convicted[0].actor_text is None


def test_events_statement_author_is_the_actor(nlp):
    e = event_of(
        events_in(nlp, "The African Union released a statement calling for the release of the hostages."),
        "DEMAND",
    )
    assert e.actor_text and "African Union" in e.actor_text


def test_events_participation_verb_gives_nominal_actor(nlp):
    e = event_of(events_in(nlp, "The nurses' union returned to negotiations with the hospital board."), "CONSULT")
    assert e.actor_text and "union" in e.actor_text
    assert e.target_text and "board" in e.target_text


def test_events_generic_habitual_statement_is_no_event(nlp):
    assert not [e for e in events_in(nlp, "Governments often condemn such attacks.") if e.category == "ACCUSE"]
    # One named actor with the same adverb still acts.
    assert event_of(events_in(nlp, "The president often criticizes the courts."), "ACCUSE")


def test_events_conditional_consequent_is_possible(nlp):
    evs = events_in(nlp, "If the junta refuses, the bloc will impose sanctions on the generals.")
    assert event_of(evs, "SANCTION").modality == "possible"
    assert event_of(evs, "REJECT").modality == "possible"
    # Without the condition the announced act stays future.
    plain = events_in(nlp, "The bloc will impose sanctions on the generals.")
    assert event_of(plain, "SANCTION").modality == "future"


def test_events_nominal_under_negated_verb_is_denied(nlp):
    evs = events_in(nlp, "The ministry will not negotiate the release of the captured pilots.")
    rel = [e for e in evs if e.action == "release"]
    assert rel and rel[0].modality == "denied"


def test_events_answering_a_request_targets_the_requester(nlp):
    e = event_of(events_in(nlp, "Chile accepted the Peruvian government's request."), "CONCEDE")
    assert e.actor_text == "Chile" and "government" in (e.target_text or "")


def test_events_resource_object_is_not_a_target(nlp):
    e = event_of(events_in(nlp, "Parliament cut funding for the militias."), "SANCTION")
    assert e.target_text and "militias" in e.target_text
    e = event_of(events_in(nlp, "Parliament cut funding."), "SANCTION")
    assert e.target_text is None


def test_events_acquittal_is_no_conviction(nlp):
    evs = events_in(nlp, "Three former guards were found not guilty.")
    assert all(e.modality == "denied" for e in evs if e.action == "find guilty")
    evs = events_in(nlp, "Three former guards were found guilty.")
    assert event_of(evs, "COERCE").modality == "asserted"


def test_events_ordered_release_of_documents_is_no_event(nlp):
    assert not events_in(nlp, "The judge ordered the release of the court files.")
    e = event_of(events_in(nlp, "The judge ordered the release of the jailed editors."), "RETREAT")
    assert "editors" in (e.target_text or "")


def test_events_relief_goods_given_are_aid(nlp):
    e = event_of(events_in(nlp, "Blankets and food were delivered by the Red Crescent to the flood victims."), "AID")
    assert "Red Crescent" in (e.actor_text or "")
    assert e.target_text is None or "victims" in e.target_text
    e = event_of(events_in(nlp, "The army gave food to the villagers."), "AID")
    assert e.actor_text == "army" and "villagers" in (e.target_text or "")


def test_events_evacuating_civilians_is_aid_troops_retreat(nlp):
    assert event_of(events_in(nlp, "Rescuers evacuated 300 residents from the valley."), "AID")
    assert event_of(events_in(nlp, "The embassy evacuated its staff."), "RETREAT")


def test_events_relative_clause_stance_is_kept_out_of_generic_filter(nlp):
    # A past-tense relative clause still reports an act.
    e = event_of(events_in(nlp, "The mayor, who condemned the raid on Monday, resigned."), "ACCUSE")
    assert e.actor_text and "mayor" in e.actor_text.lower()


def test_events_present_relative_clause_is_a_stance(nlp):
    assert not [e for e in events_in(nlp, "Several towns that support the ban joined the case.") if e.category == "SUPPORT"]


def test_events_demand_that_targets_the_clause_subject(nlp):
    evs = events_in(nlp, "The assembly demanded that Belgrade withdraw its police.")
    d = event_of(evs, "DEMAND")
    assert d.target_text == "Belgrade"
    # The act asked for is not reported as done.
    assert all(e.modality == "possible" for e in evs if e.category == "RETREAT")


def test_events_owner_of_the_object_is_the_target(nlp):
    assert event_of(events_in(nlp, "The rebels rejected a Kenyan proposal."), "REJECT").target_text == "Kenyan"
    e = event_of(events_in(nlp, "The council demanded the withdrawal of Ethiopian troops."), "DEMAND")
    assert "troops" in (e.target_text or "")
    # For acts done to someone the "of" object is the patient, not the party asked.
    e = event_of(events_in(nlp, "The ministry demanded the return of the detained fishermen."), "DEMAND")
    assert e.target_text is None or "fishermen" not in e.target_text


def test_events_refused_to_allow_targets_those_allowed(nlp):
    e = event_of(events_in(nlp, "The Kenyan government refused to allow Somali troops to cross the border."), "REJECT")
    assert "troops" in (e.target_text or "")


def test_events_conjunct_of_reporting_verb_takes_reporter(nlp):
    e = event_of(
        events_in(nlp, "Obama said the soldiers had violated the border and praised the guards for capturing them."),
        "SUPPORT",
    )
    assert e.actor_text == "Obama"
    # Same form as the inner verb: the inner subject keeps both acts.
    evs = events_in(nlp, "He said troops attacked the town and killed five civilians.")
    assert all(e.actor_text == "troops" for e in evs if e.category == "ASSAULT")


def test_events_light_verb_subject_leads_unfolded_event_noun(nlp):
    e = event_of(events_in(nlp, "Students staged protests against President Suharto."), "PROTEST")
    assert e.actor_text == "Students" and "Suharto" in (e.target_text or "")


def test_events_protested_decision_targets_its_owner(nlp):
    e = event_of(events_in(nlp, "Hundreds marched in Dhaka to protest the government's decision."), "PROTEST")
    assert e.target_text == "government"


def test_events_demanded_release_does_not_target_the_released(nlp):
    e = event_of(events_in(nlp, "Rights groups demanded the release of the jailed reporters."), "DEMAND")
    assert e.target_text is None
    e = event_of(events_in(nlp, "The minister called on Iran to release the sailors."), "DEMAND")
    assert e.target_text == "Iran"


def test_events_condition_in_reported_clause_makes_consequent_possible(nlp):
    evs = events_in(
        nlp, "The speaker stated that if the charges are proven, the country would expect Britain to apologize."
    )
    assert all(e.modality == "possible" for e in evs if e.category == "CONCEDE")
