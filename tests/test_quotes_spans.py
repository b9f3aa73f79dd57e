"""Content-span rules of news attribution (PolNeAR-style boundaries), on texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_spans_coordinated_cue_starts_new_statement(nlp):
    text = (
        "The mayor said the budget would be balanced by June, but admitted that "
        "the pension fund remained a serious problem."
    )
    qs = quotes_in(nlp, text)
    first = quote_with(qs, "budget would be balanced")
    assert "pension" not in first.text and first.text.rstrip(",").endswith("June")
    second = quote_with(qs, "pension fund")
    assert second.cue == "admitted" and "budget" not in second.text


def test_quotes_spans_participle_cue_keeps_first_speaker(nlp):
    text = (
        "Senator Alan Brooks said he plans to visit the border next month, insisting that "
        "the new rules have failed the families who live there."
    )
    qs = quotes_in(nlp, text)
    first = quote_with(qs, "visit the border")
    assert "insisting" not in first.text
    second = quote_with(qs, "new rules have failed")
    assert second.speaker_text and "Brooks" in second.speaker_text


def test_quotes_spans_quote_continues_after_long_attribution(nlp):
    text = (
        "“The city has been ignored for the whole campaign,” said Dana Whitfield, a professor "
        "of urban policy and director of the transport institute at Lakeside University. "
        "“The early contests are in rural states, so nobody has to talk about buses.”"
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "ignored for the whole campaign")
    assert "nobody has to talk about buses" in q.text
    assert len([x for x in qs if "buses" in x.text]) == 1


def test_quotes_spans_short_opening_fragment_joins_interrupted_quote(nlp):
    text = "“Frankly,” Ms. Ortega said, “the council has never once asked us what we need.”"
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "never once asked")
    assert "Frankly" in q.text and q.speaker_text == "Ortega"


def test_quotes_spans_title_with_closing_period(nlp):
    text = (
        "Maria Lopez: The port deal will cost the city thousands of jobs.\n\nThe vote is on Friday."
    )
    q = quote_with(quotes_in(nlp, text), "port deal")
    assert q.cue == ":" and q.speaker_text == "Maria Lopez"
    assert q.text == "The port deal will cost the city thousands of jobs"


def test_quotes_spans_title_ending_in_a_name_is_not_a_headline_quote(nlp):
    text = "The governor has a new favourite target this week: Senator Hal Jensen.\n\nMore follows."
    assert not [q for q in quotes_in(nlp, text) if q.cue == ":"]


def test_quotes_spans_reported_speech_keeps_closing_mark_of_fragment(nlp):
    text = 'The director said the agency would not approve permits "just for show."'
    q = quote_with(quotes_in(nlp, text), "approve permits")
    assert q.text.endswith('show."')


def test_quotes_spans_abbreviation_period_kept(nlp):
    text = "The senator said the tariffs would hurt farmers across the U.S. More talks are planned."
    q = quote_with(quotes_in(nlp, text), "tariffs would hurt")
    assert q.text.endswith("the U.S.")


def test_quotes_spans_according_to_phrase_left_out(nlp):
    text = (
        "The minister said the plant will close in March, according to two officials "
        "who attended the meeting."
    )
    q = quote_with(quotes_in(nlp, text), "plant will close")
    assert "according" not in q.text and q.text.endswith("March")


def test_quotes_spans_mixed_when_reported_words_precede_the_fragment(nlp):
    text = 'The chairwoman said that the board "must not wait another year to act."'
    q = quote_with(quotes_in(nlp, text), "wait another year")
    assert q.kind == "mixed" and q.text.startswith("the board")


def test_quotes_spans_negated_inner_verb_is_no_relay(nlp):
    text = "Mr. Alvarez said the mayor has not replied to his letters about the school closures."
    q = quote_with(quotes_in(nlp, text), "has not replied")
    assert q.kind == "indirect" and q.speaker_text and "Alvarez" in q.speaker_text
    assert q.via_text is None


def test_quotes_spans_quote_continues_across_participle_in_attribution(nlp):
    text = (
        '"If anyone wants this seat, it will be the party," Ms. Grant said, referring to the '
        'state committee. "I am sure they have a candidate lined up already."'
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "wants this seat")
    assert "candidate lined up" in q.text and q.cue == "said"
    ref = next(x for x in qs if x.cue == "referring")
    assert ref.text == "the state committee"
    assert ref.kind == "indirect" and ref.start > q.start and ref.end < q.end


def test_quotes_spans_adjectival_participle_is_no_cue(nlp):
    text = "The union counted 40 pledged members at the plant last week."
    assert not [q for q in quotes_in(nlp, text) if q.cue == "pledged"]


def test_quotes_spans_relative_pronoun_after_those_speaks(nlp):
    text = "Among those who said they wanted lower taxes above all, most backed the governor."
    q = quote_with(quotes_in(nlp, text), "wanted lower taxes")
    assert q.cue == "said" and text[q.speaker_start : q.speaker_end] == "who"


def test_quotes_spans_quoted_titles_are_not_statements(nlp):
    text = (
        'The actor, who said he loved the city, starred in "The Long Night Of Dover Street" '
        'and later in "Return To Harbor Lights," a critic said.'
    )
    assert not [q for q in quotes_in(nlp, text) if "Dover Street" in q.text or "Harbor Lights" == q.text]
    from storyline.extract.quotes import _is_title

    assert _is_title("Make America Great Again") and _is_title("2016-06-29")
    assert not _is_title("We will not back down from this fight.")


def test_quotes_spans_quote_continues_past_title_abbreviation_and_relative_clause(nlp):
    text = (
        "“Prices are finally coming down,” said Ms. Varga, who noted that the harvest had "
        "been the largest in a decade. “People can feel it at the market already.”"
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "Prices are finally")
    assert "feel it at the market" in q.text
    noted = [x for x in qs if x.cue == "noted"]
    assert noted and "harvest" in noted[0].text


def test_quotes_spans_mixed_quote_continues_with_next_direct_quote(nlp):
    text = (
        "But on the pension question, “we have waited long enough,” she said. “Now the "
        "council has to decide whether it keeps its word.”"
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "waited long enough")
    assert "keeps its word" in q.text and q.text.startswith("But on the pension")


def test_quotes_spans_nearest_of_two_subjects_speaks(nlp):
    from spacy.tokens import Doc

    from storyline.extract.quotes import _subject

    # A misparse seen in news datelines: both the place and the person hang on "said".
    words = ["Tuesday", "in", "Berea", ",", "OH", ",", "Gov.", "Holt", "said", "it", "."]
    heads = [8, 0, 1, 8, 8, 8, 7, 8, 8, 8, 8]
    deps = [
        "npadvmod",
        "prep",
        "pobj",
        "punct",
        "nsubj",
        "punct",
        "compound",
        "nsubj",
        "ROOT",
        "dobj",
        "punct",
    ]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _subject(doc[8], doc.text).text == "Holt"


def test_quotes_spans_statement_saying_speaks_for_its_issuer(nlp):
    text = (
        "The governor's office released a statement on Monday saying the bridge will stay "
        "closed until the inspection is finished."
    )
    q = quote_with(quotes_in(nlp, text), "bridge will stay closed")
    assert q.channel == "statement"
    assert "office" in text[q.speaker_start : q.speaker_end]


def test_quotes_spans_as_clause_reports_the_main_clause(nlp):
    text = (
        "As the Daily Ledger reported, the council will need two more votes to pass the "
        "budget before the summer recess."
    )
    q = quote_with(quotes_in(nlp, text), "two more votes")
    assert q.cue == "reported" and "Ledger" in (q.speaker_text or "")
    assert q.text.startswith("the council") and "As the" not in q.text


def test_quotes_spans_temporal_as_clause_is_no_attribution(nlp):
    text = "Prices rose in the north as the company claimed more land from the farmers."
    assert not [q for q in quotes_in(nlp, text) if "Prices rose" in q.text]


def test_quotes_spans_reported_clause_closed_by_a_quote_is_one_mixed_quote(nlp):
    text = (
        "Ms. Duarte says that whatever the board decides next week, “the families on this "
        "street will not give up their homes without a fight.”"
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "will not give up")
    assert q.kind == "mixed" and q.text.startswith("whatever the board decides")
