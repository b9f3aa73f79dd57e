"""Content rules of news attribution added in the third session, on texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_content_call_for_someone_to_act(nlp):
    qs = quotes_in(nlp, "Harriet Cole called for all candidates to publish their tax returns.")
    q = quote_with(qs, "publish their tax returns")
    assert q.text == "all candidates to publish their tax returns"
    assert q.speaker_text and "Cole" in q.speaker_text


def test_quotes_content_vote_for_is_a_stance(nlp):
    qs = quotes_in(nlp, "Nearly a third of the members would vote for Governor Reyes.")
    q = quote_with(qs, "Reyes")
    assert q.text == "Governor Reyes" and q.kind == "indirect"


def test_quotes_content_short_object_of_a_demand(nlp):
    # Two words are a statement when they are what was demanded, denied or announced.
    q = quote_with(
        quotes_in(nlp, "Parents at the meeting called for his resignation."), "resignation"
    )
    assert q.text == "his resignation"
    q = quote_with(quotes_in(nlp, "The union denied the allegations."), "allegations")
    assert q.text == "the allegations" and q.cue == "denied"


def test_quotes_content_short_clause_still_needs_three_words(nlp):
    # The short-object rule is for noun objects only: no two-word clause becomes a quote.
    assert not [q for q in quotes_in(nlp, "The senator said so.") if q.text.strip() == "so"]


def test_quotes_content_generic_polls_are_no_source(nlp):
    # "in the polls" is a candidate's standing, not one poll's finding.
    qs = quotes_in(
        nlp, "The former governor has been mired in single digits in the polls for months."
    )
    assert not qs
    qs = quotes_in(nlp, "In a new Quinnipiac poll, most voters in the state favor the new bridge.")
    assert quote_with(qs, "favor the new bridge")


def test_quotes_content_reason_clause_is_reported_too(nlp):
    text = (
        "The AP said it did not include those meetings in its tally because, presumably, "
        "meetings with government officials were part of the daily duties for any secretary "
        "of state."
    )
    q = quote_with(quotes_in(nlp, text), "did not include those meetings")
    assert q.text.endswith("daily duties for any secretary of state")


def test_quotes_content_coordinated_deed_stays_in_the_clause(nlp):
    # "had paid attention ... but decided": the second verb is part of what was said (it
    # is no verb of saying), so the statement is not cut there.
    text = (
        "The chief executive said the company had paid close attention to the debate but "
        "decided to proceed with the merger."
    )
    q = quote_with(quotes_in(nlp, text), "paid close attention")
    assert q.text.endswith("proceed with the merger")


def test_quotes_content_parenthetical_cue_keeps_both_halves(nlp):
    text = "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among older voters."
    q = quote_with(quotes_in(nlp, text), "older voters")
    assert q.text.startswith("It is no surprise") and q.text.endswith("older voters")
    assert q.speaker_text and "Garin" in q.speaker_text
