"""General rules of English news writing in the event extractor (session 3).

Each test uses a sentence written for it and checks one broad rule: coordinated
modifiers in participant names, modality of intention adjectives and failure
verbs, rejection of a proposal, partitive objects, verb + noun idioms, event
nouns as subjects and verbal protests.
"""

from __future__ import annotations

from _stage_support import event_of, events_in


def test_events_coordinated_modifiers_stay_in_participant_name(nlp):
    e = event_of(events_in(nlp, "Senior Chilean and Peruvian diplomats met in Lima on Monday."), "CONSULT")
    assert "Chilean" in e.actor_text and "Peruvian" in e.actor_text


def test_events_intention_adjective_makes_future(nlp):
    e = event_of(events_in(nlp, "The rebels are willing to release the hostages."), "RETREAT")
    assert e.modality == "future"


def test_events_failed_act_is_denied(nlp):
    e = event_of(events_in(nlp, "The two governments failed to reach an agreement on Sunday."), "AGREE")
    assert e.modality == "denied"


def test_events_refused_complement_is_denied(nlp):
    evs = events_in(nlp, "The army refused to deploy troops in the capital.")
    assert event_of(evs, "REJECT").modality == "asserted"
    assert all(e.modality == "denied" for e in evs if e.category == "MOBILIZE")


def test_events_rejecting_a_proposal_is_reject(nlp):
    evs = events_in(nlp, "The opposition flatly rejected the government's ultimatum.")
    assert event_of(evs, "REJECT").actor_text == "opposition"
    assert not [e for e in evs if e.category == "THREATEN"]


def test_events_dismissing_an_appeal_is_reject_not_demand(nlp):
    evs = events_in(nlp, "The miners dismissed an appeal from the minister to end the strike.")
    e = event_of(evs, "REJECT")
    assert "minister" in (e.target_text or "")


def test_events_accepting_demands_is_concession(nlp):
    e = event_of(events_in(nlp, "The company heeded the demands of the workers."), "CONCEDE")
    assert e.actor_text == "company"


def test_events_measure_noun_is_looked_through(nlp):
    e = event_of(
        events_in(nlp, "Norway will send 40,000 tons of food aid to the refugees in Chad."), "AID"
    )
    assert e.actor_text == "Norway"
    assert "refugees" in (e.target_text or "")


def test_events_sequence_noun_is_looked_through(nlp):
    e = event_of(events_in(nlp, "The insurgents launched a wave of attacks on army posts."), "ASSAULT")
    assert e.actor_text == "insurgents"
    assert "posts" in (e.target_text or "")


def test_events_idiom_noun_is_not_the_target(nlp):
    e = event_of(events_in(nlp, "Soldiers opened fire on the marchers near the bridge."), "ASSAULT")
    assert e.target_text and "marchers" in e.target_text
    e = event_of(events_in(nlp, "Farmers blocked roads across the province on Monday."), "PROTEST")
    assert e.target_text is None


def test_events_protest_target_from_its_purpose(nlp):
    e = event_of(
        events_in(nlp, "Students marched through the capital to demand the resignation of the mayor."),
        "PROTEST",
    )
    assert "mayor" in (e.target_text or "")


def test_events_protest_target_not_the_protesters_own_demands(nlp):
    e = event_of(events_in(nlp, "Workers blocked roads to press their demands."), "PROTEST")
    assert e.target_text is None


def test_events_event_noun_subject_is_no_actor(nlp):
    e = event_of(events_in(nlp, "A wave of bombings struck the city's bus network on Tuesday."), "ASSAULT")
    assert e.actor_text is None
    assert "network" in (e.target_text or "")


def test_events_abstract_subject_makes_no_event(nlp):
    evs = events_in(nlp, "The debate threatened to split the party.")
    assert not [e for e in evs if e.category == "THREATEN" and e.actor_text]


def test_events_person_nouns_and_war_machines_still_act(nlp):
    e = event_of(events_in(nlp, "The chairman condemned the decision."), "ACCUSE")
    assert e.actor_text == "chairman"
    e = event_of(events_in(nlp, "Russian helicopters attacked the village."), "ASSAULT")
    assert "helicopters" in (e.actor_text or "")


def test_events_actor_from_modifier_of_a_proceeding(nlp):
    e = event_of(events_in(nlp, "A police investigation found the mayor guilty of fraud."), "COERCE")
    assert e.actor_text == "police"


def test_events_verbal_attack_on_a_person_is_criticism(nlp):
    evs = events_in(nlp, "Senator Warren attacked Jeb Bush over his tax plan on Sunday.")
    assert event_of(evs, "ACCUSE").target_text == "Jeb Bush"
    assert not [e for e in evs if e.category == "ASSAULT"]


def test_events_armed_attack_stays_assault(nlp):
    e = event_of(events_in(nlp, "Gunmen attacked the army convoy near the border."), "ASSAULT")
    assert e.actor_text == "Gunmen"


def test_events_talking_to_the_press_is_no_consultation(nlp):
    evs = events_in(nlp, "The governor spoke to reporters on Friday.")
    assert not [e for e in evs if e.category == "CONSULT"]
    assert event_of(events_in(nlp, "The governor spoke to the prime minister on Friday."), "CONSULT")


def test_events_demonstrating_a_quality_is_no_protest(nlp):
    evs = events_in(nlp, "The candidate demonstrated a talent for fundraising.")
    assert not [e for e in evs if e.category == "PROTEST"]


def test_events_fight_against_a_thing_is_no_fight(nlp):
    assert not [
        e
        for e in events_in(nlp, "The senator has fought climate change for years. The drug war has cost billions.")
        if e.category == "FIGHT"
    ]
    e = event_of(events_in(nlp, "Rebels fought government troops near the town."), "FIGHT")
    assert e.actor_text == "Rebels"


def test_events_agreeing_with_an_opinion_is_no_agreement(nlp):
    evs = events_in(nlp, "The columnist agreed with him that the issue is relevant.")
    assert not [e for e in evs if e.category == "AGREE"]
    e = event_of(
        events_in(nlp, "The two ministers agreed that their countries should cooperate on energy."),
        "AGREE",
    )
    assert "ministers" in e.actor_text


def test_events_promise_to_be_is_no_commitment(nlp):
    evs = events_in(nlp, "The summit promised to be a turning point for the region.")
    assert not [e for e in evs if e.category == "AGREE"]


def _cats(evs):
    return {e.category for e in evs}


def test_events_talking_about_something_is_speech(nlp):
    assert "CONSULT" not in _cats(events_in(nlp, "The senator talked about the budget on Friday."))
    assert "CONSULT" in _cats(events_in(nlp, "The senator talked with the Mexican ambassador on Friday."))


def test_events_accepting_or_signing_needs_a_proposal(nlp):
    assert "AGREE" not in _cats(events_in(nlp, "The candidate accepted donations from bankers."))
    assert "AGREE" not in _cats(events_in(nlp, "The governor signed the bill into law on Tuesday."))
    assert "AGREE" in _cats(events_in(nlp, "The rebels accepted the peace plan on Tuesday."))
    assert "AGREE" in _cats(events_in(nlp, "Chile and Peru signed a trade agreement in Lima."))


def test_events_idiomatic_senses_are_no_events(nlp):
    assert "COERCE" not in _cats(events_in(nlp, "Her rivals will seize on the remark."))
    assert "CONCEDE" not in _cats(events_in(nlp, "Such methods compromise the nation's values."))
    assert "RETREAT" not in _cats(events_in(nlp, "The governor quit giving paid speeches last year."))


def test_events_stopping_ones_own_activity_is_no_sanction(nlp):
    assert "SANCTION" not in _cats(events_in(nlp, "The senator suspended his campaign on Monday."))
    e = event_of(events_in(nlp, "Japan suspended its aid to Serbia on Monday."), "SANCTION")
    assert e.target_text == "Serbia"


def test_events_reflexive_object_is_no_target(nlp):
    e = event_of(events_in(nlp, "A bomber blew himself up outside the stadium."), "ASSAULT")
    assert e.target_text is None


def test_events_campaign_rally_and_town_hall_are_no_events(nlp):
    evs = events_in(nlp, "Donald Trump will hold a rally in Salem. Christie spoke at a town hall meeting in Hudson.")
    assert not _cats(evs) & {"PROTEST", "CONSULT"}
    assert "PROTEST" in _cats(events_in(nlp, "Thousands of students held a rally against the new law."))


def test_events_taking_over_an_office_is_no_fight(nlp):
    assert "FIGHT" not in _cats(events_in(nlp, "Brazile will take over as interim chair."))


def test_events_money_and_equipment_given_is_aid(nlp):
    e = event_of(events_in(nlp, "Germany gave Ukraine military equipment worth two million euros."), "AID")
    assert e.actor_text == "Germany"


def test_events_undoing_a_measure(nlp):
    assert event_of(events_in(nlp, "The army lifted restrictions on travel in the province."), "CONCEDE")
    assert event_of(events_in(nlp, "The minister cancelled her visit to Haiti."), "SANCTION")


def test_events_hazards_and_accidents_are_no_attacks(nlp):
    evs = events_in(
        nlp,
        "A magnitude 6.9 earthquake struck Chile on Thursday. "
        "The airliner crashed into the sea, killing all 228 people on board.",
    )
    assert "ASSAULT" not in _cats(evs)
    assert "ASSAULT" in _cats(events_in(nlp, "Militants stormed the hotel, killing 12 guests."))


def test_events_fronted_participle_clause_is_passive(nlp):
    e = event_of(events_in(nlp, "Arrested by police on Monday, the activist was released on bail."), "COERCE")
    assert e.actor_text == "police"
    assert e.target_text == "activist"


def test_events_announced_refusal_is_reject(nlp):
    e = event_of(events_in(nlp, "The government will not negotiate with the kidnappers."), "REJECT")
    assert e.modality == "asserted" and e.action.startswith("not ")
    # A past act that did not happen stays a denied act of its own category.
    evs = events_in(nlp, "The government did not negotiate with the kidnappers.")
    assert "REJECT" not in _cats(evs)


def test_events_endorsement_is_support(nlp):
    e = event_of(events_in(nlp, "The union endorsed the governor on Monday."), "SUPPORT")
    assert e.target_text == "governor"


def test_events_searching_records_is_no_coercion(nlp):
    assert "COERCE" not in _cats(events_in(nlp, "Officials searched their records for the emails."))
    assert "COERCE" in _cats(events_in(nlp, "Police searched the house of the suspect."))


def test_events_cancelling_a_show_is_no_sanction(nlp):
    assert "SANCTION" not in _cats(events_in(nlp, "The network canceled the comedy after one season."))
    assert "SANCTION" in _cats(events_in(nlp, "The United States suspended part of its military aid program for Bosnia."))


def test_events_naming_someone_is_no_call(nlp):
    evs = events_in(nlp, 'The prince criticised Trump, calling him "a disgrace to all America."')
    assert "CONSULT" not in _cats(evs)


def test_events_call_to_act_is_a_demand(nlp):
    e = event_of(events_in(nlp, "The agency rejected the senator's call to cut the mandate."), "REJECT")
    assert e is not None


def test_events_fight_between_persons_is_no_fight(nlp):
    assert "FIGHT" not in _cats(events_in(nlp, "Donald Trump clashed with Megyn Kelly during the debate."))
    assert "FIGHT" in _cats(events_in(nlp, "Government troops clashed with rebels near the border."))


def test_events_thing_as_speaker_is_a_figure_of_speech(nlp):
    evs = events_in(nlp, "The ruling threatens to create problems for the governor.")
    assert "THREATEN" not in _cats(evs)
    assert "THREATEN" in _cats(events_in(nlp, "The statement threatened retaliation against Israel."))


def test_events_verbal_attack_on_a_policy(nlp):
    e = event_of(events_in(nlp, "Senator Paul attacked the program as a violation of free markets."), "ACCUSE")
    assert "program" in e.target_text


def test_events_idiom_with_event_noun(nlp):
    assert "ASSAULT" not in _cats(events_in(nlp, "The banker made a killing on the bond market."))


def test_events_codebook_verb_classes(nlp):
    assert event_of(events_in(nlp, "Jordan shared intelligence with Egypt last year."), "COOPERATE")
    assert event_of(events_in(nlp, "The president reneged on his promise to the unions."), "REJECT")
    assert event_of(events_in(nlp, "Police used tear gas to disperse the protesters."), "COERCE")
    assert event_of(events_in(nlp, "The army reinforced its positions along the border."), "MOBILIZE")


def test_events_denying_entry_or_a_request(nlp):
    assert event_of(events_in(nlp, "Hungary denied entry to the refugees."), "SANCTION")
    assert event_of(events_in(nlp, "The court denied bail to the former minister."), "REJECT")
    # Denying a claim stays a statement.
    assert not events_in(nlp, "The minister denied the allegations.")


def test_events_cutting_supplies_is_sanction(nlp):
    e = event_of(events_in(nlp, "The agency reduced food supplies to the camp."), "SANCTION")
    assert e.actor_text == "agency"


def test_events_protesting_that_is_a_complaint(nlp):
    e = event_of(events_in(nlp, "The opposition protested that the vote had been rigged."), "ACCUSE")
    assert e.actor_text == "opposition"
    evs = events_in(nlp, "The court rejected the appeal despite his lawyer's protests that the trial was unfair.")
    assert "PROTEST" not in _cats(evs)


def test_events_possessor_acts_when_of_names_the_patient(nlp):
    e = event_of(events_in(nlp, "Iran's seizure of the sailors angered London."), "COERCE")
    assert e.actor_text == "Iran" and e.target_text == "sailors"
    e = event_of(events_in(nlp, "The sailors' capture was condemned."), "COERCE")
    assert e.target_text == "sailors"


def test_events_date_is_no_target(nlp):
    e = event_of(events_in(nlp, "Italy announced a suspension of flights on Wednesday."), "SANCTION")
    assert e.target_text != "Wednesday"


def test_events_more_codebook_verbs(nlp):
    assert event_of(events_in(nlp, "Sweden recognized Palestine as a state in 2014."), "SUPPORT")
    assert "SUPPORT" not in _cats(events_in(nlp, "The minister recognized the need for reform."))
    assert event_of(events_in(nlp, "The president castigated the central bank on Friday."), "ACCUSE")
    assert event_of(events_in(nlp, "Rebels overran the garrison town last week."), "FIGHT")
    assert event_of(events_in(nlp, "Police rounded up dozens of activists."), "COERCE")


def test_events_attacks_on_character_or_by_ads_are_criticism(nlp):
    assert event_of(events_in(nlp, "Trump's attacks on the judge's heritage drew criticism."), "ACCUSE")
    assert event_of(events_in(nlp, "The new ad attacked Senator Rubio on Monday."), "ACCUSE")


def test_events_interview_with_an_outlet_is_no_consultation(nlp):
    evs = events_in(nlp, "Grassley later spoke to NBC's Hallie Jackson about the ruling.")
    assert "CONSULT" not in _cats(evs)
    evs = events_in(nlp, "Three officials spoke to Fox News on Tuesday.")
    assert "CONSULT" not in _cats(evs)


def test_events_reinforcing_beliefs_is_no_mobilisation(nlp):
    assert "MOBILIZE" not in _cats(events_in(nlp, "Such sites reinforce their beliefs."))
    assert event_of(events_in(nlp, "Israel reinforced its troops along the border."), "MOBILIZE")


def test_events_anniversary_date(nlp):
    from storyline.extract.event_dates import parse_published, resolve

    assert resolve("this day last year", parse_published("2006-07-07")) == ("2005-07-07", "day")
    assert resolve("a year ago today", parse_published("2024-02-29")) == ("2023-03-01", "day")
    e = event_of(events_in(nlp, "On this day last year, bombers attacked the city's metro."), "ASSAULT")
    assert e.date == "2020-05-05"


def test_events_when_clause_shares_the_main_clause_date(nlp):
    evs = events_in(
        nlp,
        "On March 23, the sailors were inspecting a ship when they were surrounded and detained.",
    )
    e = event_of(evs, "COERCE")
    assert e.date == "2021-03-23"


def test_events_campaign_rallies_named_after_a_person(nlp):
    evs = events_in(nlp, "Sexton described the Trump rally in Greensboro. He spoke at a campaign rally.")
    assert "PROTEST" not in _cats(evs)
    assert "PROTEST" in _cats(events_in(nlp, "Students staged a rally against the tuition increase."))


def test_events_discussing_a_topic_or_hosting_a_party_is_no_consultation(nlp):
    assert "CONSULT" not in _cats(events_in(nlp, "Bolton also discussed the scandals around the campaign."))
    assert "CONSULT" not in _cats(events_in(nlp, "He hosted a fundraiser for the senator."))
    assert "CONSULT" in _cats(events_in(nlp, "The two presidents discussed trade in Beijing."))
    assert "CONSULT" in _cats(events_in(nlp, "Egypt hosted the Israeli prime minister on Sunday."))


def test_events_demonstrating_that_is_no_protest(nlp):
    evs = events_in(nlp, "She struggled to demonstrate that she opposes the trade deals.")
    assert "PROTEST" not in _cats(evs)


def test_events_attacks_by_documents_or_on_a_persons_things_are_criticism(nlp):
    assert event_of(events_in(nlp, "The new ad hits the governor on taxes."), "ACCUSE")
    assert event_of(events_in(nlp, "Operatives planned ads attacking his business career."), "ACCUSE")


def test_events_visiting_a_building_is_no_consultation(nlp):
    assert "CONSULT" not in _cats(events_in(nlp, "He also made a visit to the apartment where he grew up."))
    assert "CONSULT" not in _cats(events_in(nlp, "The senator visited a factory in Ohio."))
    assert "CONSULT" in _cats(events_in(nlp, "The senator visited Iraq on Monday."))
    assert "CONSULT" in _cats(events_in(nlp, "The prime minister made a visit to Japan."))


def test_events_seizing_a_chance_is_no_coercion(nlp):
    assert "COERCE" not in _cats(events_in(nlp, "The senator seized the opportunity to speak."))
    assert "COERCE" in _cats(events_in(nlp, "Customs officers seized weapons at the port."))


def test_events_whose_resolves_to_the_antecedent(nlp):
    e = event_of(events_in(nlp, "Obama, whose criticism of Trump has sharpened, spoke in Hanoi."), "ACCUSE")
    assert e.actor_text == "Obama"


def test_events_passive_undoing_of_a_measure(nlp):
    e = event_of(events_in(nlp, "The ban on arms sales to Vietnam would be lifted."), "CONCEDE")
    assert e is not None
    assert "CONSULT" not in _cats(events_in(nlp, "Obama told a townhall meeting with students in Hanoi."))


def test_events_collisions_and_private_visits(nlp):
    evs = events_in(nlp, "The truck slammed into the crowd. He returned after a private visit to Avignon.")
    assert not _cats(evs) & {"ACCUSE", "CONSULT"}
    e = event_of(events_in(nlp, "The gunman was shot to death by police."), "ASSAULT")
    assert e.target_text != "death"


def test_events_dateline_is_no_subject(nlp):
    e = event_of(events_in(nlp, "PARIS, France – A French court sentenced the former minister to two years in prison."), "COERCE")
    assert "court" in e.actor_text
    e = event_of(events_in(nlp, "BERLIN, Germany – Police arrested three men on Monday."), "COERCE")
    assert e.actor_text == "Police"


def test_events_hyphenated_word_is_no_dateline(nlp):
    e = event_of(events_in(nlp, "Israel today mounted its long-threatened invasion of South Lebanon."), "FIGHT")
    assert e.actor_text == "Israel"


def test_events_pronoun_in_reported_speech_is_the_speaker(nlp):
    e = event_of(events_in(nlp, "Switzerland said it had expelled two Russian diplomats."), "SANCTION")
    assert e.actor_text == "Switzerland"
    e = event_of(events_in(nlp, "The rebels said they would release the hostages on Sunday."), "RETREAT")
    assert e.actor_text == "rebels"
    # "he" cannot refer back to a country.
    e = event_of(events_in(nlp, "France said he had been arrested in Lyon."), "COERCE")
    assert e.actor_text != "France"


def test_events_threatened_measure_falls_on_a_place(nlp):
    e = event_of(events_in(nlp, "The governor threatened to impose a curfew in Jackson."), "THREATEN")
    assert e.target_text == "Jackson"


def test_events_armies_fighting_armed_groups_is_fight(nlp):
    e = event_of(events_in(nlp, "Government troops attacked rebel positions near the town."), "FIGHT")
    assert e.actor_text and "troops" in e.actor_text
    # Force against civilians stays ASSAULT.
    assert event_of(events_in(nlp, "Soldiers opened fire on the marchers."), "ASSAULT")


def test_events_discussion_partner_attached_to_the_topic(nlp):
    e = event_of(
        events_in(nlp, "Defense Secretary Mark Esper discussed on Wednesday the security situation with General Qamar Bajwa."),
        "CONSULT",
    )
    assert "Bajwa" in (e.target_text or "")
