"""Sources that news writing names in its own ways: poll shares as speakers, and a fronted
"according to" phrase inside the clause it sources. Texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_source_percentage_share_speaks(nlp):
    # "47% say ...": the tokenizer makes "%" punctuation, but the share of respondents speaks.
    text = "In the new survey, 47% say the state should raise the minimum wage next year."
    q = quote_with(quotes_in(nlp, text), "minimum wage")
    assert q.speaker_text == "47%"


def test_quotes_source_in_ten_share_speaks(nlp):
    # "About 4 in 10 say ...": the parser may hang the number on the verb as a modifier.
    text = "About 4 in 10 say they want the next governor to cut property taxes."
    q = quote_with(quotes_in(nlp, text), "property taxes")
    assert q.speaker_text and "4 in 10" in q.speaker_text


def test_quotes_source_according_to_mid_clause_keeps_whole_clause(nlp):
    # "Since May, according to X, Y happened": the phrase sources the whole clause, its
    # fronted adverbial included; the content is not cut at the phrase.
    text = (
        "Since last May, according to the watchdog group, security forces have detained "
        "more than 300 protesters in the northern region."
    )
    q = quote_with(quotes_in(nlp, text), "detained")
    assert q.cue == "according to"
    assert q.text.startswith("Since last May")
    assert q.text.endswith("northern region")


def test_quotes_source_passive_agent_speaks(nlp):
    # "X was first reported by Y": a passive verb of saying reports its subject; the
    # "by"-agent is the source.
    text = "The secret meeting was first reported by the Daily Ledger on Sunday."
    q = quote_with(quotes_in(nlp, text), "secret meeting")
    assert q.speaker_text and "Ledger" in q.speaker_text
    assert q.text == "The secret meeting"


def test_quotes_source_passive_addressee_is_no_content(nlp):
    # "He was told by X": the subject is the addressee, never the content.
    text = "The mayor was told by his aides about the budget gap."
    assert not [q for q in quotes_in(nlp, text) if q.text == "The mayor"]


def test_quotes_source_call_object_and_label(nlp):
    # "called X “Y”": whom, and what they were called, both in the content, even when the
    # parser reads both as predicates of the verb.
    text = "Rubio called Trump “very flexible.”"
    q = quote_with(quotes_in(nlp, text), "flexible")
    assert q.text.startswith("Trump")
    assert q.speaker_text == "Rubio"


def test_quotes_source_name_label_paragraph_speaks(nlp):
    # "Hale: ‘...’": a paragraph opened by a name and a colon, the name being a person
    # the article names elsewhere, is that person's statement.
    text = (
        "Hale: ‘We Will Not Raise Taxes on Working Families.’\n\n"
        "Governor Ann Hale spoke to supporters in Dayton on Monday night."
    )
    q = quote_with(quotes_in(nlp, text), "Raise Taxes")
    assert q.speaker_text and "Hale" in q.speaker_text


def test_quotes_source_transcript_turns_speak(nlp):
    # A transcript: the same capitalised label opening several paragraphs is a speaker's turn.
    text = (
        "MORALES: Do you think the council will pass the budget before the end of June?\n\n"
        "KEANE: I think it will, because both parties want the new schools funded this year.\n\n"
        "MORALES: And what happens if it does not pass in time for the new school year?\n\n"
        "KEANE: Then the district will have to borrow money to keep the schools open."
    )
    q = quote_with(quotes_in(nlp, text), "both parties want")
    assert q.speaker_text and "KEANE" in q.speaker_text


def test_quotes_source_dateline_label_is_no_speaker(nlp):
    # "DAYTON: ..." is a dateline: a place the article names as a place.
    text = (
        "DAYTON: The city council approved the new budget on Monday after a long debate.\n\n"
        "The vote in Dayton was seven to two."
    )
    assert not [q for q in quotes_in(nlp, text) if q.speaker_text and "DAYTON" in q.speaker_text]
