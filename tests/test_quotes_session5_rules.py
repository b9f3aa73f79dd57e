"""Rules added in the fifth quotes pass, each on a sentence written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_verb_clause_never_reaches_back_over_a_paragraph(nlp):
    # Paragraphs split by a single line break can reach the parser as one sentence; the
    # verb's clause is the one after it, never the quote that closed the paragraph before.
    text = (
        "“We will win this state and then the next one,” Dana Morrow said. "
        "“Nobody can stop a movement like ours.”\n"
        "Keller, in the wake of a new poll showing Morrow ahead by ten points, "
        "told reporters on Sunday that the race was far from over."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "the race was far from over")
    assert "Nobody can stop" not in q.text
    assert q.speaker_text and "Keller" in q.speaker_text


def test_quotes_piece_speaks_for_its_issuer(nlp):
    # "an email stressing ...", "an ad accusing ...": the piece's participle reports what
    # its issuer put out.
    text = (
        "On Saturday, the Morrow campaign sent out a fundraising email stressing the "
        "impact the senator's bid has had on the race."
    )
    q = quote_with(quotes_in(nlp, text), "impact the senator")
    assert q.speaker_text and "campaign" in q.speaker_text
    assert q.cue == "stressing"


def test_quotes_called_in_quotes_whatever_the_parse(nlp):
    # 'called X “Y”' names X in the speaker's own words, even when the parser reads the
    # quoted words as a modifier of X rather than as a predicate.
    text = 'Mr. Hale called the use of executive orders "quite dangerous."'
    q = quote_with(quotes_in(nlp, text), "quite dangerous")
    assert q.text.startswith("the use of executive orders")
    assert q.speaker_text and "Hale" in q.speaker_text
    assert q.cue == "called"


def test_quotes_called_for_is_no_naming(nlp):
    # "called for" / "called on" take a phrase, not a quoted name: no naming content there.
    text = 'The mayor called on residents to stay home, citing the "extreme danger" ahead.'
    for q in quotes_in(nlp, text):
        assert not q.text.startswith("on residents")


def test_quotes_naming_verbs_report_the_name(nlp):
    text = "The governor labeled the plan “reckless and cruel.” Critics dubbed the measure the “bathroom bill.”"
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "reckless and cruel")
    assert q.cue == "labeled" and q.speaker_text and "governor" in q.speaker_text
    q = quote_with(qs, "bathroom bill")
    assert q.cue == "dubbed" and q.speaker_text == "Critics"


def test_quotes_made_clear_is_a_statement(nlp):
    # "X made (it) clear/plain that S" states S; the "it" is a placeholder, never the speaker.
    text = (
        "Without naming his rivals, Hale made it clear that he felt they should drop out. "
        "Officials made plain on Tuesday that the deal was dead."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "they should drop out")
    assert q.speaker_text and "Hale" in q.speaker_text
    assert q.cue == "made it clear"
    q = quote_with(qs, "the deal was dead")
    assert q.speaker_text == "Officials"
    assert "Tuesday" not in q.text


def test_quotes_made_clear_needs_a_clause(nlp):
    # Without a clause of its own, "made it clear" reports nothing.
    text = "The long delay made the road clear for the convoy, and the storm made it clear to everyone."
    assert quotes_in(nlp, text) == []


def test_quotes_unlisted_verb_framing_a_quote_speaks(nlp):
    # A finite verb right after '“...,” NAME' (or inverted, '“...!” VERB NAME') that ends
    # the clause frames the quote, whether or not it is a listed verb of saying.
    text = (
        "“We will see,” the president shrugged on Monday. “This is fantastic!” beamed Dana Morrow."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "We will see")
    assert q.cue == "shrugged" and q.speaker_text and "president" in q.speaker_text
    q = quote_with(qs, "fantastic")
    assert q.cue == "beamed" and q.speaker_text and "Morrow" in q.speaker_text


def test_quotes_framing_verb_needs_the_quote_to_close_a_clause(nlp):
    # A title in quotes before a noun ('“Make America Great Again” hats') frames nothing,
    # and a verb with its own object after a quote is an ordinary clause.
    text = "“Make America Great Again” hats sold out. “Hamilton,” the musical, won eleven awards."
    for q in quotes_in(nlp, text):
        assert q.cue not in ("sold", "won")


def test_quotes_source_label_headline(nlp):
    # "Poll: ...", "Sources: ...": a one-word label naming a kind of source speaks for the
    # headline after it; a longer phrase before a colon ("Weather report: ...") does not.
    text = (
        "Poll: Morrow and Hale hold narrow leads in Pennsylvania\n\n"
        "Weather report: rain and wind expected all week\n\n"
        "The race is close."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "narrow leads")
    assert q.speaker_text == "Poll"
    assert not [q for q in qs if "rain and wind" in q.text]


def test_quotes_parenthetical_cue_appositive_speaks(nlp):
    # "Hale, a top aide said, “...”": the parser reads the aide as an apposition of the
    # subject; the aide speaks, unbound to Hale, and Hale opens what was said.
    text = "Hale, a top aide said, “is very confident, very confident in the contrast” between the two."
    q = quote_with(quotes_in(nlp, text), "very confident")
    assert q.speaker_text == "a top aide"
    assert q.speaker is None
    assert q.text.startswith("Hale")


def test_quotes_apposition_of_the_speaker_stays_his(nlp):
    # An ordinary apposition between commas describes the speaker: no parenthetical cue.
    text = "Mr. Hale, a former senator, said the plan would fail."
    q = quote_with(quotes_in(nlp, text), "the plan would fail")
    assert q.speaker_text and "Hale" in q.speaker_text


def test_quotes_parenthetical_aside_reports_its_whole_clause(nlp):
    # "X, NAME VERB, Y": the name speaks for the whole clause X ... Y, whether the parser
    # gives the verb two subjects or reads it as an apposition of X.
    text = "Democrats, Frank notes, applaud the shrewd management of the economy. Voters, Smith argues, want change."
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "shrewd management")
    assert q.speaker_text == "Frank" and q.text.startswith("Democrats")
    q = quote_with(qs, "want change")
    assert q.speaker_text == "Smith" and q.text.startswith("Voters")


def test_quotes_quote_naming_the_source_is_no_statement(nlp):
    # A quoted name inside the source phrase ('according to the “Medicare for all”
    # document') is no statement; the clause the phrase sources is.
    text = 'The plan would cost about $1.38 trillion a year, according to the "Medicare for all" document.'
    qs = quotes_in(nlp, text)
    assert [q.text for q in qs] == ["The plan would cost about $1.38 trillion a year"]
    assert qs[0].cue == "according to"


def test_quotes_quote_before_its_speakers_name_still_speaks(nlp):
    # The parse may hang a whole quote on the speaker's name; it is still the statement.
    text = "“That’s a legitimate concern, because they’re very principled,” Sarandon, 69, told MSNBC on Monday."
    q = quote_with(quotes_in(nlp, text), "legitimate concern")
    assert q.speaker_text and "Sarandon" in q.speaker_text


def test_quotes_one_word_reply_is_a_statement(nlp):
    # A one-word quote closed by a comma before its speaker and verb, or given after a verb
    # of saying and a comma, is a reply; a one-word name in quotes is not.
    text = (
        "Hale gave a one-word answer to the question. “Denver,” he answered. "
        "Asked about a cabinet post, Morrow shook her head and said, “No.” "
        "He called it the “Great Satan” in a speech."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "Denver")
    assert q.kind == "direct" and q.cue == "answered"
    q = quote_with(qs, "No.")
    assert q.speaker_text and "Morrow" in q.speaker_text
    assert not [q for q in qs if q.text == "Great Satan"]


def test_quotes_short_exclamation_after_verb_of_saying(nlp):
    # A short whole exclamation or question right after a verb of saying is what was said.
    text = "As the senator spoke, the crowd shouted “Stop now!” Then she asked, “Why?”"
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "Stop now")
    assert q.cue == "shouted"
    q = quote_with(qs, "Why?")
    assert q.cue == "asked" and q.speaker_text == "she"


def test_quotes_gerund_under_predicate_shares_the_subject(nlp):
    # "X has been the most aggressive in denouncing Y": X holds the stance, not a name
    # inside the predicate ("the Republican field").
    text = "At the same time, Hale has been the most aggressive in the Republican field in denouncing the mainstream media."
    q = quote_with(quotes_in(nlp, text), "mainstream media")
    assert q.speaker_text and "Hale" in q.speaker_text


def test_quotes_stance_adjective_with_its_object(nlp):
    # "X has been critical of Y", "X is skeptical of Y": a stance held by the subject.
    text = (
        "Republicans have been critical of Hale's use of personal email. "
        "Many voters are deeply skeptical of the party's influence. The room was full of smoke."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "use of personal email")
    assert q.speaker_text == "Republicans" and q.cue == "critical"
    q = quote_with(qs, "the party's influence")
    assert q.speaker_text == "Many voters"
    assert not [q for q in qs if "smoke" in q.text]


def test_quotes_stance_holder_noun(nlp):
    # "X is a supporter of Y", "X, a fierce critic of Y, ...": X holds a stance toward Y;
    # a plain "the supporters of the bill gathered" names no holder.
    text = (
        "Smith is an outspoken supporter of the new health law. "
        "Pastor Jones, a fierce critic of Hale, spoke on Sunday. "
        "The supporters of the bill gathered outside."
    )
    qs = quotes_in(nlp, text)
    q = quote_with(qs, "the new health law")
    assert q.speaker_text == "Smith" and q.cue == "supporter"
    q = quote_with(qs, "Hale")
    assert q.speaker_text and "Jones" in q.speaker_text
    assert not [q for q in qs if "the bill" in q.text]


def test_quotes_more_verbs_of_saying_and_stance(nlp):
    # "decried", "encouraged X to", "advocated" report what someone said or backs.
    text = (
        "The mayor decried the violence in the city center. "
        "Hale encouraged voters to turn out early. "
        "Morrow has long advocated a higher minimum wage."
    )
    qs = quotes_in(nlp, text)
    assert quote_with(qs, "the violence").cue == "decried"
    q = quote_with(qs, "to turn out early")
    assert q.cue == "encouraged" and q.speaker_text == "Hale"
    assert quote_with(qs, "minimum wage").speaker_text == "Morrow"


def test_quotes_participle_misread_as_clausal_subject(nlp):
    # "Majorities of voters going to the polls on Tuesday said ...": the noun the participle
    # phrase hangs on speaks, however the parser reads the phrase.
    text = (
        "Large majorities of Republican primary voters in six states going to the polls on "
        "Super Tuesday said they support a proposal to ban all imports."
    )
    q = quote_with(quotes_in(nlp, text), "they support a proposal")
    assert q.speaker_text and "majorities" in q.speaker_text


def test_quotes_written_piece_saying(nlp):
    # A banner, sign or headline "saying" something speaks (for its issuer when one put it out).
    text = "Outside the hall, protesters unfurled a banner saying the election had been stolen."
    q = quote_with(quotes_in(nlp, text), "the election had been stolen")
    assert q.cue == "saying" and q.speaker_text


def test_quotes_object_without_trailing_relative_aside(nlp):
    # "praised X, who has vowed ...": the relative clause is the writer's aside about X (and
    # an attribution of its own); a relative clause inside a reported clause stays.
    text = (
        "Hale praised the pastor Frank Morrow, who has publicly vowed not to buy the cookies. "
        "She said the law, which passed in 2010, is unfair."
    )
    qs = quotes_in(nlp, text)
    assert quote_with(qs, "the pastor Frank Morrow").text == "the pastor Frank Morrow"
    assert quote_with(qs, "not to buy the cookies").cue == "vowed"
    assert quote_with(qs, "is unfair").text == "the law, which passed in 2010, is unfair"


def test_quotes_fronted_phrase_gerund_shares_the_subject(nlp):
    # "In addition to stating X, Kaine ...": the gerund in a fronted phrase is the main
    # clause subject's statement.
    text = "In addition to stating that unborn babies have no constitutional rights, Kaine voted against the bill."
    q = quote_with(quotes_in(nlp, text), "unborn babies")
    assert q.speaker_text == "Kaine" and q.cue == "stating"


def test_quotes_short_whole_clause_is_a_statement(nlp):
    # "denied it happened": two words, but a whole clause with its subject.
    text = "Asked about the meeting, the senator denied it happened."
    q = quote_with(quotes_in(nlp, text), "it happened")
    assert q.cue == "denied" and q.speaker_text == "the senator"
