"""Attributions beyond verbs of saying: beliefs, wishes, evidence sources, "in X's view",
nominal cues, "called X Y", and quote boundaries. Sentences written for these tests."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_belief_with_that_clause_is_indirect_with_verb_cue(nlp):
    text = "Senator Maria Lopez believes that the new tariffs will hurt farmers in her state."
    q = quote_with(quotes_in(nlp, text), "tariffs will hurt farmers")
    assert q.kind == "indirect" and q.cue == "believes"
    assert q.speaker_text == "Maria Lopez"
    assert not q.text.startswith("that")


def test_quotes_first_person_belief_is_not_an_attribution(nlp):
    text = "I think the bridge will reopen soon, and we hope it does."
    assert quotes_in(nlp, text) == []


def test_quotes_wish_with_to_phrase_keeps_to_and_object(nlp):
    text = "Governor Tom Baker wants voters to approve the school bond in November."
    q = quote_with(quotes_in(nlp, text), "approve the school bond")
    assert q.cue == "wants" and q.kind == "indirect"
    assert q.text.startswith("voters to approve")
    text = "The Green Party plans to field candidates in every district next year."
    q = quote_with(quotes_in(nlp, text), "field candidates")
    assert q.cue == "plans" and q.text.startswith("to field")


def test_quotes_evidence_source_speaks(nlp):
    text = "A new survey by the Harbor Institute found that most residents oppose the new highway."
    q = quote_with(quotes_in(nlp, text), "most residents oppose")
    assert q.cue == "found" and "survey" in (q.speaker_text or "").lower() + text[
        q.speaker_start : q.speaker_end
    ].lower()


def test_quotes_in_someones_view_phrase(nlp):
    text = "In Smith's view, the council acted far too slowly on the flooding."
    q = quote_with(quotes_in(nlp, text), "council acted")
    assert q.cue == "in view" and q.speaker_text == "Smith"
    assert "view" not in q.text


def test_quotes_poll_phrase_is_an_evidence_attribution(nlp):
    text = "In a Gallup poll released on Monday, the governor trails her challenger by nine points."
    q = quote_with(quotes_in(nlp, text), "trails her challenger")
    assert q.cue == "in poll"


def test_quotes_nominal_cue_with_possessor(nlp):
    text = "Reporters questioned Mayor Ann Hill's claim that the budget was balanced last year."
    q = quote_with(quotes_in(nlp, text), "budget was balanced")
    assert q.cue == "claim" and "Ann Hill" in (q.speaker_text or "")


def test_quotes_nominal_cue_without_holder_is_skipped(nlp):
    text = "The claim that the budget was balanced last year was false."
    assert not [q for q in quotes_in(nlp, text) if "budget was balanced" in q.text]


def test_quotes_called_someone_something(nlp):
    text = "Former governor Jeb Lane called the new senator a dangerous opportunist."
    q = quote_with(quotes_in(nlp, text), "dangerous opportunist")
    assert q.text.startswith("the new senator") and q.speaker_text == "Jeb Lane"


def test_quotes_mixed_quote_keeps_its_clause(nlp):
    text = 'Mayor Ann Hill said the plan was "a disaster for small shops" and should be scrapped.'
    q = quote_with(quotes_in(nlp, text), "disaster for small shops")
    assert q.kind == "mixed" and q.text.startswith("the plan was")


def test_quotes_double_apostrophe_marks_join_one_statement(nlp):
    text = (
        "The mayor spoke on Monday. ''The message is that after years of decline, we want to grow,'' "
        "Mr. Wiegold said. ''But how that works in practice, nobody yet knows.'' Others disagreed."
    )
    quotes = quotes_in(nlp, text)
    q = quote_with(quotes, "we want to grow")
    assert q.speaker_text == "Wiegold" and q.cue == "said"
    assert "nobody yet knows" in q.text  # “A,” X said. “B.”: one statement


def test_quotes_stance_verb_with_a_single_name_object(nlp):
    text = "Governor Chris Dale endorsed Warren on Tuesday after weeks of silence."
    q = quote_with(quotes_in(nlp, text), "Warren")
    assert q.cue == "endorsed" and q.kind == "indirect" and q.speaker_text == "Chris Dale"


def test_quotes_stance_noun_with_possessor(nlp):
    text = "Senator Ruth Cole's support for the pipeline angered environmental groups."
    q = quote_with(quotes_in(nlp, text), "the pipeline")
    assert q.cue == "support" and "Ruth Cole" in (q.speaker_text or "")


def test_quotes_relative_pronoun_speaker_is_its_antecedent(nlp):
    text = "Most farmers who said they would vote for the measure live in the north."
    q = quote_with(quotes_in(nlp, text), "vote for the measure")
    assert q.cue == "said" and "farmers" in (q.speaker_text or "")
    assert text[q.speaker_start : q.speaker_end] == "who"


def test_quotes_prepositional_content_and_hopes_lemma(nlp):
    text = "Mayor Ann Hill referred to the flooding of last spring in her speech."
    q = quote_with(quotes_in(nlp, text), "flooding of last spring")
    assert q.cue == "referred" and q.speaker_text == "Ann Hill"
    text = "Coach Dan Ortiz hopes to sign two new players before the season opens."
    q = quote_with(quotes_in(nlp, text), "sign two new players")
    assert q.cue == "hopes" and q.text.startswith("to sign")


def test_quotes_intent_refusal_is_kept(nlp):
    text = "A spokesman for Northwind Mining declined to comment on the report."
    q = quote_with(quotes_in(nlp, text), "to comment")
    assert q.cue == "declined"


def test_quotes_evidence_verb_with_noun_object(nlp):
    text = "Campaign finance records show a sharp rise in small donations to the Lopez campaign."
    q = quote_with(quotes_in(nlp, text), "sharp rise in small donations")
    assert q.cue == "show" and q.kind == "indirect"


def test_quotes_nominal_proposal_with_infinitive(nlp):
    text = "Mayor Ann Hill's proposal to close the old bridge drew protests on Monday."
    q = quote_with(quotes_in(nlp, text), "close the old bridge")
    assert q.cue == "proposal" and q.text.startswith("to close") and "Ann Hill" in q.speaker_text
