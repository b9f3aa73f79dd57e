"""Target rules that follow PLOVER coding conventions: the place of a one-sided measure and the
party named by a threat's condition. Sentences are written for these tests."""

from __future__ import annotations

from _stage_support import event_of, events_in


def test_events_place_is_target_of_a_curfew(nlp):
    e = event_of(events_in(nlp, "The army imposed a curfew in the town of Harlow on Sunday."), "COERCE")
    assert e.target_text and "Harlow" in e.target_text


def test_events_place_is_target_of_a_protest(nlp):
    e = event_of(events_in(nlp, "Hundreds of farmers demonstrated in Portugal on Tuesday."), "PROTEST")
    assert e.target_text and "Portugal" in e.target_text


def test_events_retreat_from_a_place(nlp):
    e = event_of(events_in(nlp, "The government pulled its soldiers out of the region and withdrew from Moldova."), "RETREAT")
    assert any(
        ev.target_text and "Moldova" in ev.target_text
        for ev in events_in(nlp, "Hungary withdrew from Moldova on Friday.")
        if ev.category == "RETREAT"
    ), e


def test_events_meeting_place_is_no_target(nlp):
    # Talks and deals happen in a place; they are not aimed at it.
    e = event_of(events_in(nlp, "The foreign ministers met in Vienna on Monday."), "CONSULT")
    assert e.target_text is None or "Vienna" not in e.target_text


def test_events_named_party_wins_over_place(nlp):
    e = event_of(events_in(nlp, "Police arrested twelve activists in Cairo."), "COERCE")
    assert e.target_text and "activists" in e.target_text


def test_events_threat_target_is_subject_of_condition(nlp):
    e = event_of(
        events_in(nlp, "The union threatened to call a national strike unless the government raised wages."),
        "THREATEN",
    )
    assert e.target_text and "government" in e.target_text


def test_events_ultimatum_names_target(nlp):
    evs = events_in(nlp, "Kenya will withdraw its troops unless Uganda releases the prisoners.")
    assert any(e.target_text and "Uganda" in e.target_text for e in evs), [
        (e.category, e.actor_text, e.target_text) for e in evs
    ]


def test_events_withdrawn_troops_are_not_the_target(nlp):
    e = event_of(events_in(nlp, "Chile withdrew its troops from Bolivia on Monday."), "RETREAT")
    assert e.target_text and "Bolivia" in e.target_text


def test_events_doer_of_demanded_act_is_target(nlp):
    e = event_of(events_in(nlp, "The senators demanded a full apology by Norway for the incident."), "DEMAND")
    assert e.target_text and "Norway" in e.target_text


def test_events_investigated_crimes_name_their_doer(nlp):
    e = event_of(events_in(nlp, "Prosecutors are investigating abuses by prison guards in the north."), "INVESTIGATE")
    assert e.target_text and "guards" in e.target_text


def test_events_owner_of_accepted_proposal_is_target(nlp):
    e = event_of(events_in(nlp, "The rebels agreed to Swiss mediation in the dispute."), "AGREE")
    assert e.target_text and "Swiss" in e.target_text


def test_events_conceded_demands_name_who_made_them(nlp):
    e = event_of(events_in(nlp, "The governor conceded to demands from the teachers union."), "CONCEDE")
    assert e.target_text and "union" in e.target_text


def test_events_protest_against_the_doer_of_a_thing(nlp):
    evs = events_in(nlp, "Students held demonstrations against the abuses by the riot police.")
    e = event_of(evs, "PROTEST")
    assert e.target_text and "police" in e.target_text


def test_events_hunger_strike_in_protest_of_owner(nlp):
    e = event_of(
        events_in(nlp, "The miners are continuing a hunger strike in protest of the company's decision."),
        "PROTEST",
    )
    assert e.target_text and "company" in e.target_text


def test_events_protest_purpose_calling_for(nlp):
    e = event_of(
        events_in(nlp, "Thousands of farmers marched in the capital calling for the resignation of the minister."),
        "PROTEST",
    )
    assert e.target_text and "minister" in e.target_text


def test_events_fellow_protesters_are_no_target(nlp):
    evs = events_in(nlp, "Workers rioted at the factory, joining hundreds of students in demanding higher pay.")
    assert not any(e.category == "PROTEST" and e.target_text and "students" in e.target_text for e in evs)


def test_events_opposed_to_is_a_stance_of_the_subject(nlp):
    e = event_of(events_in(nlp, "Chile is opposed to Brazilian mediation in the border dispute."), "REJECT")
    assert e.actor_text and "Chile" in e.actor_text
    assert e.target_text and "Brazilian" in e.target_text


def test_events_suspended_relation_names_its_partner(nlp):
    e = event_of(events_in(nlp, "Spain announced a suspension of trade links with Morocco on Friday."), "SANCTION")
    assert e.target_text and "Morocco" in e.target_text


def test_events_date_after_event_noun_is_no_target(nlp):
    evs = events_in(nlp, "The ministry announced a ban on Tuesday.")
    assert all(e.target_text != "Tuesday" for e in evs)


def test_events_force_falls_on_those_its_purpose_names(nlp):
    e = event_of(events_in(nlp, "Police opened fire to disperse the protesters on Monday."), "ASSAULT")
    assert e.target_text and "protesters" in e.target_text


def test_events_aid_goes_to_those_its_purpose_names(nlp):
    e = event_of(events_in(nlp, "Thousands of citizens donated money to help the flood victims."), "AID")
    assert e.target_text and "victims" in e.target_text


def test_events_the_agreement_itself_is_no_party(nlp):
    evs = events_in(nlp, "Peru signed on to the Pacific Fisheries Convention in 2004.")
    assert all(not (e.category == "AGREE" and e.target_text and "Convention" in e.target_text) for e in evs)
    e = event_of(events_in(nlp, "The rebels signed a deal with the government."), "AGREE")
    assert e.target_text and "government" in e.target_text


def test_events_reflexive_act_takes_no_place_target(nlp):
    evs = events_in(nlp, "A former soldier shot himself in a parking lot in Ohio last month.")
    assert all(not (e.target_text and "Ohio" in e.target_text) for e in evs)


def test_events_mediator_is_who_undertakes_the_mission(nlp):
    e = event_of(events_in(nlp, "Norway launched a mediation effort between the government and the rebels."), "CONSULT")
    assert e.actor_text and "Norway" in e.actor_text
    assert e.target_text and "government" in e.target_text


def test_events_arriving_on_a_visit_visits_the_place(nlp):
    e = event_of(events_in(nlp, "The pope arrived in Kenya on a three-day visit."), "CONSULT")
    assert e.actor_text and "pope" in e.actor_text
    assert e.target_text and "Kenya" in e.target_text
