"""Speaker rules of news attribution, on texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_speaker_person_quoting_third_person_speaks_herself(nlp):
    # The quote's own verb ("promised") names someone else, but a person quoted word for
    # word is the speaker: the name inside her words is whom she talks about.
    text = (
        "Maria Lopez waited outside the hall for an hour. "
        "“Senator Hale promised to meet with every family before the vote,” she said."
    )
    q = quote_with(quotes_in(nlp, text), "promised to meet")
    assert q.speaker_text and "Lopez" in q.speaker_text
    assert not (q.via_text and "Lopez" in q.via_text)


def test_quotes_speaker_body_relays_third_person_release(nlp):
    # A body's release in the third person still speaks for the one it reports on.
    text = (
        "The ministry said in a statement on Friday: “Minister Farah emphasized the need "
        "for calm and restraint by all parties in the region.”"
    )
    q = quote_with(quotes_in(nlp, text), "emphasized the need")
    assert q.speaker_text and "Farah" in q.speaker_text


def test_quotes_speaker_not_taken_from_reported_clause(nlp):
    # The parser may take the reported words' own subject for the cue's: the speaker is
    # then the name before the cue, never a phrase inside what was reported.
    text = "Garrick, a Walker ally, called Ohio’s schools “strong.”"
    q = quote_with(quotes_in(nlp, text), "Ohio’s schools")
    assert q.speaker_text and "Garrick" in q.speaker_text
    assert q.speaker_start is not None and q.speaker_start < q.start


def test_quotes_speaker_manner_of_speaking_verb_is_a_cue(nlp):
    text = (
        "The coach was asked about the playoffs. "
        "“Not this year, and probably not the next one either,” Dana Morrow scoffed."
    )
    q = quote_with(quotes_in(nlp, text), "probably not the next one")
    assert q.cue == "scoffed"
    assert q.speaker_text and "Morrow" in q.speaker_text


def test_quotes_speaker_colon_clause_subject_speaks(nlp):
    # No verb of saying, but the clause that a colon hands over to the quote names its speaker;
    # without the colon rule the quote would float to the previous quote's speaker.
    text = (
        "“We will hold hearings in the spring,” Senator Ruth Okafor said on Monday. "
        "Governor Paul Medina delivered a blunt message to the committee: "
        "“It's time to stop attacking the people who depend on this program.”"
    )
    q = quote_with(quotes_in(nlp, text), "stop attacking")
    assert q.speaker_text and "Medina" in q.speaker_text
    assert q.cue == "delivered"


def test_quotes_speaker_colon_needs_a_speaking_subject(nlp):
    # "The forecast was clear:" has no one to speak: no speaker is invented.
    text = "The forecast was clear: “Heavy rain all week in the valley and the hills.”"
    for q in quotes_in(nlp, text):
        assert not (q.speaker_text and "forecast" in q.speaker_text.lower())


def test_quotes_speaker_possessive_holder_is_the_governing_subject(nlp):
    # "her promise": the holder's mention in this clause is the verb's subject.
    text = "Senator Ada Brennan repeated her promise to repeal the fuel tax."
    q = quote_with(quotes_in(nlp, text), "repeal the fuel tax")
    assert q.speaker_text and "Brennan" in q.speaker_text
    assert text[q.speaker_start : q.speaker_end].endswith("Brennan")


def test_quotes_speaker_participle_of_saying_takes_clause_subject(nlp):
    text = (
        "Band member Flea shared the news on social media last week, writing “Feels great to "
        "support someone I believe in.”"
    )
    q = quote_with(quotes_in(nlp, text), "Feels great")
    assert q.speaker_text and "Flea" in q.speaker_text


def test_quotes_speaker_sentence_opening_participle_continues_previous_subject(nlp):
    text = (
        "Maher stated that the report “wasn’t good.” Adding, “Now, like with all Clinton "
        "scandals, what they actually do is never that bad.”"
    )
    q = quote_with(quotes_in(nlp, text), "never that bad")
    assert q.speaker_text and "Maher" in q.speaker_text
