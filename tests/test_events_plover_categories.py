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


def test_events_offer_to_a_party_is_a_commitment(nlp):
    e = event_of(events_in(nlp, "Ghana offered its troops to the new government."), "AGREE")
    assert e.actor_text and "Ghana" in e.actor_text
    assert e.target_text and "government" in e.target_text


def test_events_offer_without_a_party_is_no_event(nlp):
    assert "AGREE" not in _cats(events_in(nlp, "The store offered a discount to loyal customers on Monday."))
    assert "AGREE" not in _cats(events_in(nlp, "The senator offered the man a job in his office."))
    assert "AGREE" not in _cats(events_in(nlp, "The candidate offered his assessment of the game."))


def test_events_offer_to_act_is_a_commitment(nlp):
    e = event_of(events_in(nlp, "Norway offered to mediate between the two factions."), "AGREE")
    assert e.actor_text and "Norway" in e.actor_text


def test_events_thing_that_allows_is_no_concession(nlp):
    assert "CONCEDE" not in _cats(events_in(nlp, "The new law allows farmers to sell their land."))


def test_events_contributing_troops_is_aid(nlp):
    e = event_of(events_in(nlp, "Fiji contributed 500 troops to the peacekeeping force."), "AID")
    assert e.actor_text and "Fiji" in e.actor_text
    assert "AID" not in _cats(events_in(nlp, "The storm contributed to the delays."))


def test_events_reaching_consensus_is_agreement(nlp):
    e = event_of(events_in(nlp, "The two parties reached a consensus on the budget."), "AGREE")
    assert e.actor_text and "parties" in e.actor_text


def test_events_contempt_of_congress_is_coercion(nlp):
    # Gold-set convention (tests/data/events/README.md): holding someone in contempt is COERCE.
    e = event_of(events_in(nlp, "The committee voted to hold the former aide in contempt of Congress."), "COERCE")
    assert e.actor_text and "committee" in e.actor_text
    assert e.target_text and "aide" in e.target_text
    assert "COERCE" not in _cats(events_in(nlp, "He holds the press in contempt."))


def test_events_destroying_property_is_coercion(nlp):
    assert "COERCE" in _cats(events_in(nlp, "Rioters set fire to the party offices overnight."))
    assert "COERCE" in _cats(events_in(nlp, "Rebels blew up two bridges near the border."))


def test_events_suicide_bombing_stays_assault(nlp):
    assert "ASSAULT" in _cats(events_in(nlp, "A bomber blew himself up outside the stadium."))


def test_events_honours_are_support_for_the_honoured(nlp):
    e = event_of(events_in(nlp, "The president presented the pilot with the country's highest medal."), "SUPPORT")
    assert e.actor_text and "president" in e.actor_text
    assert e.target_text and "pilot" in e.target_text
    e = event_of(events_in(nlp, "The king awarded the nurse a medal for bravery."), "SUPPORT")
    assert e.target_text and "nurse" in e.target_text
    assert "SUPPORT" not in _cats(events_in(nlp, "The company presented its results on Monday."))


def test_events_police_entering_premises_is_a_raid(nlp):
    e = event_of(events_in(nlp, "Two flats in Leeds were entered by detectives on Friday."), "COERCE")
    assert e.target_text and "flats" in e.target_text
    assert "COERCE" in _cats(events_in(nlp, "Police entered the mosque at dawn."))
    assert "COERCE" not in _cats(events_in(nlp, "The officer entered the race for mayor."))


def test_events_ultimatum_is_a_threat_against_who_must_comply(nlp):
    e = event_of(
        events_in(nlp, "The party said it will boycott the vote unless the governor resigns."), "THREATEN"
    )
    assert e.modality == "asserted"
    assert e.target_text and "governor" in e.target_text


def test_events_ultimatum_with_force_is_a_threat(nlp):
    e = event_of(events_in(nlp, "The EU will impose sanctions unless Iran releases the sailors."), "THREATEN")
    assert e.actor_text and "EU" in e.actor_text
    assert e.target_text and "Iran" in e.target_text


def test_events_conditional_offer_and_own_condition_are_no_threats(nlp):
    assert "THREATEN" not in _cats(events_in(nlp, "The rebels said they would meet the mediator if he gave them a veto."))
    assert "THREATEN" not in _cats(events_in(nlp, "If elected, the senator would deport the smugglers."))


def test_events_attempted_act_is_reported_as_made(nlp):
    e = event_of(events_in(nlp, "Gunmen attempted to assassinate the governor on Sunday."), "ASSAULT")
    assert e.modality == "asserted"
    e = event_of(events_in(nlp, "Gunmen will try to assassinate the governor."), "ASSAULT")
    assert e.modality != "asserted"


def test_events_banning_a_party_is_coercion_banning_goods_a_sanction(nlp):
    e = event_of(events_in(nlp, "The junta banned the main opposition party on Monday."), "COERCE")
    assert e.target_text and "party" in e.target_text
    assert "SANCTION" in _cats(events_in(nlp, "The EU banned imports of British beef."))


def test_events_kept_up_states_name_their_actor(nlp):
    e = event_of(events_in(nlp, "Government troops remained on alert near the border."), "MOBILIZE")
    assert e.actor_text and "troops" in e.actor_text
    e = event_of(events_in(nlp, "The miners stayed on strike for a second week."), "PROTEST")
    assert e.actor_text and "miners" in e.actor_text


def test_events_state_of_emergency_is_the_measure(nlp):
    e = event_of(events_in(nlp, "The government declared a state of emergency in Oaxaca."), "COERCE")
    assert e.target_text and "Oaxaca" in e.target_text
    assert "CONCEDE" in _cats(events_in(nlp, "The government lifted the state of emergency on Friday."))


def test_events_martial_law_is_coercion_not_a_participant(nlp):
    e = event_of(events_in(nlp, "The army imposed martial law in the province of Aceh on Friday."), "COERCE")
    assert e.action == "impose martial law"
    assert e.target_text and "Aceh" in e.target_text
    assert "CONCEDE" in _cats(events_in(nlp, "The junta lifted martial law."))


def test_events_labour_strike_called_off_is_a_concession(nlp):
    assert "PROTEST" in _cats(events_in(nlp, "Dock workers launched a strike at the port."))
    e = event_of(events_in(nlp, "The nurses' union said it had called off its strike."), "CONCEDE")
    assert e.actor_text and "union" in e.actor_text
    assert "CONCEDE" not in _cats(events_in(nlp, "The air force ended its strikes on the city."))


def test_events_emergency_measures_are_the_emergency(nlp):
    e = event_of(events_in(nlp, "The cabinet eased the emergency measures in Oaxaca on Friday."), "CONCEDE")
    assert e.target_text and "Oaxaca" in e.target_text
    e = event_of(events_in(nlp, "The government extended emergency powers for another month."), "COERCE")
    assert e.target_text is None
