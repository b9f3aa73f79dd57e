"""Speaker forms of news writing: datelines, inverted colon attributions, continued quotes.

Every text here is written for these tests.
"""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_speaker_dateline_is_never_the_speaker(nlp):
    # The parser may take the dateline's place name for the subject of the reporting verb.
    text = (
        "AUSTIN, Texas — Republican Gov. Dale Perrin told reporters on Friday that the "
        "state would sue over the new water rules."
    )
    q = quote_with(quotes_in(nlp, text), "state would sue")
    assert q.speaker_text and "Perrin" in q.speaker_text
    assert "AUSTIN" not in text[q.speaker_start : q.speaker_end]


def test_quotes_speaker_dateline_before_misparsed_clause(nlp):
    # A dateline the parser makes the sentence's subject, the real subject an apposition.
    text = (
        "MYRTLE BEACH, S.C. — Sen. Ted Cruz (R-Tex.) spent the weekend questioning the "
        "real estate mogul's temperament and judgment."
    )
    q = quote_with(quotes_in(nlp, text), "temperament")
    assert q.speaker_text and "Cruz" in q.speaker_text


def test_quotes_speaker_dateline_with_participle_cue(nlp):
    # "— X did Y ..., offering ...": the clause's own subject speaks, not the dateline.
    text = (
        "BOSTON, May 9 (AP) — The Harbor Workers Union issued a statement on Monday, "
        "offering “a full and unreserved apology” to the families of the crew."
    )
    q = quote_with(quotes_in(nlp, text), "apology")
    assert q.speaker_text and "Union" in q.speaker_text
    assert "BOSTON" not in q.speaker_text


def test_quotes_speaker_inverted_colon_attribution(nlp):
    # "Stated Stone:" / "Continued Stone:" put the verb first: the speaker is the name after it.
    text = (
        "The interview aired on a Sunday radio show.\n\n"
        "Stated Whitlock:\n\n"
        "“I think the voting machines in three counties are old and easy to tamper with.”\n\n"
        "Continued Whitlock: “So it is a real problem, and the county must replace them soon.”"
    )
    qs = quotes_in(nlp, text)
    first = quote_with(qs, "voting machines")
    second = quote_with(qs, "real problem")
    for q in (first, second):
        assert q.speaker_text == "Whitlock"
        assert text[q.speaker_start : q.speaker_end] == "Whitlock"
    assert first.cue == "Stated"


def test_quotes_speaker_inverted_colon_on_the_quote_line(nlp):
    # The inverted form on the quote's own line is no "Name: words" headline.
    text = (
        "Stated Hendricks: “We are going to win this county by more votes than anyone has "
        "ever seen here.”"
    )
    q = quote_with(quotes_in(nlp, text), "win this county")
    assert q.speaker_text == "Hendricks"
    assert q.cue == "Stated"
    assert text[q.speaker_start : q.speaker_end] == "Hendricks"


def test_quotes_speaker_quote_after_attribution_goes_on_with_it(nlp):
    # “A,” he said. “B.” Then a new sentence with its own cue: B ends its sentence, so it
    # continues A's statement and speaker instead of going to the later cue.
    text = (
        "Mr. Ferraro, a retired harbor pilot, spoke at the meeting.\n\n"
        "''The channel is too shallow for these ships,'' he said. ''If one of them runs "
        "aground, the port closes for a week.'' That is why, he added, the city should "
        "dredge ''before the winter storms arrive.''"
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "runs aground")
    assert "too shallow" in q.text  # one statement: A, its attribution, B
    assert q.cue == "said"
    assert text[q.speaker_start : q.speaker_end] == "he"
    later = quote_with(qs, "winter storms")
    assert later.cue == "added" and "runs aground" not in later.text


def test_quotes_speaker_open_paragraph_goes_on_with_previous_quote(nlp):
    # “A,” X said. “B.¶“C,” he continued.: B is left open at its paragraph's end (the
    # carry-over convention) but the next paragraph has its own attribution, so C is a new
    # statement and B goes on with A.
    text = (
        "The senator spoke for an hour.\n\n"
        "“Voters want a plain answer,” Harmon said. “But candidates cannot just promise "
        "anything. Words have consequences.\n\n"
        "“I'm not interested in slogans. I'm interested in results,” he continued.\n\n"
        "Later he left."
    )
    qs = quotes_in(nlp, text)
    first = quote_with(qs, "plain answer")
    assert "Words have consequences" in first.text
    assert "slogans" not in first.text
    assert first.speaker_text == "Harmon"
    second = quote_with(qs, "slogans")
    assert second.cue == "continued" and "consequences" not in second.text


def test_quotes_speaker_carried_over_quote_stays_whole(nlp):
    # The convention itself: no attribution after the last paragraph, one quote.
    text = (
        "The mayor spoke for an hour.\n\n"
        "“We will rebuild the bridge. It will take two years and cost a great deal,” "
        "said Mayor Ortiz. “The work starts in May.\n\n"
        "“But the city has no choice, and the state has promised to help us pay for it.”\n\n"
        "Later he left."
    )
    q = quote_with(quotes_in(nlp, text), "The work starts")
    assert "no choice" in q.text
