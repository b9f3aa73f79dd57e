"""Reporting verbs whose content is an object or an "about"-phrase, and inverted cues whose
speaker phrase the parser splits: rules of news attribution, on texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_object_speech_verb_object_is_content(nlp):
    # A verb of saying with a noun-phrase object reports that object: "announced his
    # candidacy", "acknowledged difficulties".
    text = "On Monday the governor acknowledged serious difficulties with the new voting machines."
    q = quote_with(quotes_in(nlp, text), "difficulties")
    assert q.kind == "indirect"
    assert q.text.startswith("serious difficulties")
    assert q.speaker_text and "governor" in q.speaker_text


def test_quotes_object_predicted_win(nlp):
    text = "Last week, Senator Maria Obst predicted a narrow win for her party in November."
    q = quote_with(quotes_in(nlp, text), "narrow win")
    assert q.cue == "predicted"
    assert q.speaker_text and "Obst" in q.speaker_text


def test_quotes_object_not_for_addressee_verbs(nlp):
    # "told reporters", "informed Congress": the object is whom they spoke to, not what
    # was said; with nothing reported there is no quote.
    text = "The mayor informed the city council on Tuesday evening."
    assert not [q for q in quotes_in(nlp, text) if "council" in q.text]


def test_quotes_object_not_for_non_reporting_senses(nlp):
    # "maintains a lead", "added a job": verbs of saying in a sense that reports nothing.
    text = "The senator maintains a wide lead over her rivals among older voters in the state."
    assert not [q for q in quotes_in(nlp, text) if "lead" in q.text]


def test_quotes_object_about_phrase_is_content(nlp):
    # Any verb of saying reports its topic through "about".
    text = "At the rally, Governor Pratt railed about the new federal tax rules."
    q = quote_with(quotes_in(nlp, text), "tax rules")
    assert "about" not in q.text.split()[0]
    assert q.speaker_text and "Pratt" in q.speaker_text


def test_quotes_object_inverted_cue_speaker_with_modifiers(nlp):
    # '“...,” said retired surgeon Ben Carlson, asked about ...': the parser may hang the
    # name on the next verb; the noun phrase right after the inverted cue still speaks.
    text = (
        "“We have got to fix the roads before winter,” said retired surgeon Ben Carlson, "
        "asked about the county budget."
    )
    q = quote_with(quotes_in(nlp, text), "fix the roads")
    assert q.speaker_text and "Carlson" in q.speaker_text


def test_quotes_object_casting_verb_as_predicate(nlp):
    # "sees X as Y", "portrayed X as Y": the holder's view is the object and its role.
    text = "The governor portrayed the budget deal as a betrayal of working families."
    q = quote_with(quotes_in(nlp, text), "betrayal")
    assert q.text.startswith("the budget deal as")
    assert q.speaker_text and "governor" in q.speaker_text


def test_quotes_object_stance_noun_after_light_verb(nlp):
    # "X voiced doubts about Y": the subject of the verb that carries the stance noun holds it.
    text = "Senator Alma Reyes voiced serious doubts about the new pipeline project on Monday."
    q = quote_with(quotes_in(nlp, text), "pipeline project")
    assert q.speaker_text and "Reyes" in q.speaker_text


def test_quotes_object_stance_noun_received_is_not_held(nlp):
    # "X won the support of Y": X receives the stance; X did not state it.
    text = "Governor Hale won the endorsement of the state teachers union last spring."
    assert not [q for q in quotes_in(nlp, text) if q.speaker_text and "Hale" in q.speaker_text]


def test_quotes_object_attitude_adjective_holds_clause(nlp):
    # "X is confident that Y": the copula's subject holds the clause.
    text = "Party leaders were worried that the convention would turn chaotic in July."
    q = quote_with(quotes_in(nlp, text), "convention would turn")
    assert q.cue == "worried"
    assert q.speaker_text and "leaders" in q.speaker_text


def test_quotes_object_expletive_attitude_is_the_writers(nlp):
    # "It is certain that ...": no holder but the writer; no attribution.
    text = "It is far from certain that the new plan will pass the state senate this year."
    assert not [q for q in quotes_in(nlp, text) if q.cue == "certain"]


def test_quotes_object_speaker_before_participle_phrase(nlp):
    # "X, speaking on the radio, called Y “Z”": the speaker stands before the participle
    # phrase; the name after the verb is whom X called something.
    text = "Cuomo, speaking on WNYC, called Trump a “bully.”"
    q = quote_with(quotes_in(nlp, text), "bully")
    assert q.speaker_text == "Cuomo"


def test_quotes_object_tell_never_inverts(nlp):
    # '“...,” X, a founder, tells the Daily Ledger': whom one tells is never the speaker.
    text = (
        "“The county has lost its way,” Tom Reyes, founder of the Civic Forum, "
        "tells the Daily Ledger."
    )
    q = quote_with(quotes_in(nlp, text), "lost its way")
    assert not (q.speaker_text and "Ledger" in q.speaker_text)


def test_quotes_object_claim_noun_after_light_verb(nlp):
    # "X made the argument that Y": the maker of the argument holds its clause.
    text = "At the hearing, Senator Voss made the argument that the new tax would hurt farmers."
    q = quote_with(quotes_in(nlp, text), "hurt farmers")
    assert q.speaker_text and "Voss" in q.speaker_text
