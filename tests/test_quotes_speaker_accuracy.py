"""Speaker resolution rules of news attribution (issue 4, speaker accuracy), on texts written here."""

from __future__ import annotations

from _stage_support import quote_with, quotes_in


def test_quotes_speaker_inverted_after_doubled_apostrophe_marks(nlp):
    # Wire copy writes quote marks as doubled apostrophes, which the tokenizer keeps as one
    # token: the inverted cue right after one still names its speaker after the verb.
    text = (
        "The plant will close in March. ''We never saw it coming, not after forty years,'' "
        "said Helen Okafor, barely holding back tears. Her shift ended at noon."
    )
    q = quote_with(quotes_in(nlp, text), "never saw it coming")
    assert q.speaker_text and "Okafor" in q.speaker_text
    assert text[q.speaker_start : q.speaker_end].endswith("Okafor")


def test_quotes_speaker_expletive_it_with_curly_contraction_is_no_speaker(nlp):
    # "It’s clear that ..." with a typographic apostrophe is the writer's own claim, exactly
    # as "It's clear that ...": the contraction is the copula, not a verb of saying.
    for apostrophe in ("’", "'"):
        text = (
            "The council met on Monday. "
            f"It{apostrophe}s also clear that the new bridge will cost more than planned."
        )
        assert not [q for q in quotes_in(nlp, text) if "new bridge" in q.text]


def test_quotes_speaker_curly_contraction_keeps_real_cue(nlp):
    text = "Officials were divided. It’s not that Mayor Ruiz believes the plan is perfect, he says."
    qs = [q for q in quotes_in(nlp, text) if q.speaker_text and q.speaker_text.lower() == "it"]
    assert not qs


def test_quotes_speaker_colon_lead_in_is_not_the_content(nlp):
    # "A survey asked members: 62 nurses said they ...": the clause before the colon leads
    # in; what the speakers said is the clause after their verb.
    text = (
        "Last spring, the union surveyed its members across the state: 62 nurses said they "
        "wanted a shorter week, while 40 members favored higher pay."
    )
    qs = [q for q in quotes_in(nlp, text) if q.cue == "said"]
    assert qs
    q = qs[0]
    assert "shorter week" in q.text and "surveyed" not in q.text
    assert q.speaker_text and "nurses" in q.speaker_text


def _parsed(nlp, words, heads, deps, pos, ents):
    """A hand-parsed sentence: the misparses these rules guard against, made certain."""
    from spacy.tokens import Doc

    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)


def test_quotes_speaker_weekday_after_inverted_cue_is_no_speaker(nlp):
    from storyline.extract.quotes import _subject

    # 'Reyes, in Ohio, said Tuesday that ...' parsed with no subject and the day as the
    # verb's modifier right after it: the day tells when, never who.
    words = ["Reyes", ",", "in", "Ohio", ",", "said", "Tuesday", "that", "taxes", "rose", "."]
    heads = [0, 5, 5, 2, 5, 5, 5, 9, 9, 5, 5]
    deps = [
        "dep",
        "punct",
        "prep",
        "pobj",
        "punct",
        "ROOT",
        "npadvmod",
        "mark",
        "nsubj",
        "ccomp",
        "punct",
    ]
    pos = [
        "PROPN",
        "PUNCT",
        "ADP",
        "PROPN",
        "PUNCT",
        "VERB",
        "PROPN",
        "SCONJ",
        "NOUN",
        "VERB",
        "PUNCT",
    ]
    ents = ["B-PERSON", "O", "O", "B-GPE", "O", "O", "B-DATE", "O", "O", "O", "O"]
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    subj = _subject(doc[5], doc.text)
    assert subj is None or subj.text != "Tuesday"


def test_quotes_speaker_day_parsed_as_subject_is_no_speaker(nlp):
    from storyline.extract.quotes import _subject

    # 'Saturday at the fair Whitfield said ...' parsed with the day as the subject: the
    # name before the verb speaks.
    words = ["Saturday", "at", "the", "fair", "Dana", "Whitfield", "said", "roads", "improved", "."]
    heads = [6, 0, 3, 1, 5, 3, 6, 8, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "compound", "appos", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "VERB", "PUNCT"]
    ents = ["B-DATE", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    subj = _subject(doc[6], doc.text)
    assert subj is not None and subj.text == "Whitfield"


def test_quotes_speaker_title_case_agency_dateline_is_no_speaker(nlp):
    # Agencies write "New York (AFP) –" in title case: still a place, never the speaker.
    text = (
        "Senator doubts the deal.\nBoston (AFP) – Veteran senator Marla Quinn, star of the "
        "budget fight, is not sure she can back the trade agreement."
    )
    for q in quotes_in(nlp, text):
        assert not (q.speaker_text and "Boston" in q.speaker_text)
        if q.speaker_start is not None:
            assert "Boston" not in text[q.speaker_start : q.speaker_end]


def test_quotes_speaker_object_of_causative_verb_speaks(nlp):
    # "The win led Reyes to declare ...": Reyes declares, not the win.
    text = "The decisive victory led party chairman Tom Reyes to declare the race over on Tuesday."
    q = quote_with(quotes_in(nlp, text), "race over")
    assert q.speaker_text and "Reyes" in q.speaker_text
    text = (
        "Mayor Ruiz won a strong victory that led her to declare that the nomination was in sight."
    )
    q = quote_with(quotes_in(nlp, text), "nomination was in sight")
    assert text[q.speaker_start : q.speaker_end] == "her"


def test_quotes_speaker_purpose_infinitive_keeps_subject(nlp):
    # "used the speech to declare": the object is a thing, the subject still speaks.
    text = "Mayor Ruiz used the speech to declare that the city would never surrender."
    q = quote_with(quotes_in(nlp, text), "never surrender")
    assert q.speaker_text and "Ruiz" in q.speaker_text


def test_quotes_speaker_quote_subject_is_not_conjunct_cue_speaker(nlp):
    # '“We were wrong ...,” Ramos, 58, told AFP': the parser may hang "told" on the quote's
    # own verb; the quote's subject ("We") is then no speaker, the name before the cue is.
    text = (
        "The anchor has criticized the candidate for months. “We were tremendously wrong to "
        "not have confronted him from the beginning,” Ramos, 58, told AFP in an interview in "
        "Mexico City."
    )
    q = quote_with(quotes_in(nlp, text), "tremendously wrong")
    assert q.speaker_text and "Ramos" in q.speaker_text


def test_quotes_speaker_conjunct_after_whole_quote_keeps_subject(nlp):
    # A quote that opens and closes between the subject and the conjunct cue leaves the
    # subject speaking for both verbs.
    text = "The mayor said “the budget is fine” and added that taxes would fall next year."
    q = quote_with(quotes_in(nlp, text), "taxes would fall")
    assert q.speaker_text and "mayor" in q.speaker_text


def test_quotes_speaker_issuer_speaks_through_released_piece(nlp):
    # "X released a video that accuses ...": the issuer speaks through its piece.
    text = (
        "Senator Hale has released a Web video that accuses Governor Ruiz of welcoming the "
        "plan before it became unpopular."
    )
    q = quote_with(quotes_in(nlp, text), "welcoming the plan")
    assert q.speaker_text and "Hale" in q.speaker_text
    assert "Hale" in text[q.speaker_start : q.speaker_end]


def test_quotes_speaker_piece_not_issued_keeps_itself(nlp):
    # Results a campaign merely provides speak for themselves.
    text = "The campaign provides entrance poll results that show where each candidate's support came from."
    q = quote_with(quotes_in(nlp, text), "support came from")
    assert not (q.speaker_text and "campaign" in q.speaker_text)


def test_quotes_speaker_participle_aside_tagged_past_tense_is_skipped(nlp):
    # "Reyes, asked about ..., had said": the aside between commas is skipped back to the
    # name even when the tagger reads "asked" as a past tense.
    text = (
        "Before the debate, Reyes, asked about the deaths of workers, had said, "
        "''I think our city does plenty of harm also.''"
    )
    q = quote_with(quotes_in(nlp, text), "plenty of harm")
    assert q.speaker_text and "Reyes" in q.speaker_text


def test_quotes_speaker_unfamiliar_surname_after_inverted_cue(nlp):
    # The tagger may read an unfamiliar surname as an adverb: after an inverted cue right
    # after the quote, a capitalised word mid-sentence is still the speaker.
    text = (
        "The data matter. “Having access to the file and two people who understand it is "
        "valuable,” said Skelly, explaining he worked more closely with them."
    )
    q = quote_with(quotes_in(nlp, text), "is valuable")
    assert q.speaker_text == "Skelly"


def test_quotes_speaker_as_x_put_it(nlp):
    # "As X put it, “...”": X phrased the quoted words.
    text = (
        'The case was thin. But at the time, as prosecutor Marc Dubois put it, "apart from '
        'the wrong crowd and some jogging, there was not much to complain about."'
    )
    q = quote_with(quotes_in(nlp, text), "not much to complain")
    assert q.speaker_text and "Dubois" in q.speaker_text
    assert q.cue == "put it"


def test_quotes_speaker_expletive_it_aside_is_no_attribution(nlp):
    # "It is fair to say that ...", "It's important to remember that ...": the writer's own
    # aside; an expletive "it" holds nothing.
    for text in (
        "It is fair to say that the council failed the test.",
        "Turnout was high. It’s important to remember that independents can vote there.",
    ):
        assert not [
            q for q in quotes_in(nlp, text) if q.speaker_text and q.speaker_text.lower() == "it"
        ]


def test_quotes_speaker_company_it_still_speaks(nlp):
    text = "Acme Corp. reported its results. It said that sales fell by a third in the spring."
    q = quote_with(quotes_in(nlp, text), "sales fell")
    assert q.speaker_text


def test_quotes_speaker_bare_name_label_before_colon(nlp):
    # Digests cite a source as "HEADLINE - Name: “...”": the name speaks, not a subject from
    # the sentence before.
    text = (
        "Turnout was high, which could boost his showing in Iowa. It’s important to remember "
        "that independents can vote.\n\nRED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: "
        "“Our analysis finds that 20 states are solidly Republican. This is the first time "
        "that there have been more Republican states.”"
    )
    q = quote_with(quotes_in(nlp, text), "solidly Republican")
    assert q.speaker_text and "Jones" in q.speaker_text


def test_quotes_speaker_name_after_title_and_colon_is_no_label(nlp):
    # "X said of Mr. Rubio: “...”": the name after the title ends the clause; X speaks.
    text = (
        "Nelson Diaz, a former aide, said of Mr. Rubio: ''He is American 100 percent, but he "
        "is very in touch with his Cuban background.''"
    )
    q = quote_with(quotes_in(nlp, text), "Cuban background")
    assert q.speaker_text and "Diaz" in q.speaker_text


def test_quotes_speaker_request_stays_with_requester(nlp):
    # "begged reporters to ask about ...": the begging is reported; the reporters' asking has
    # not happened, so no attribution goes to them.
    text = "At the news conference, Manning all but begged reporters to ask him about the budget."
    for q in quotes_in(nlp, text):
        assert not (q.speaker_text and "reporters" in q.speaker_text)


def test_quotes_speaker_possessive_holder_needs_agreeing_subject(nlp):
    # "Republicans distanced themselves from his suggestion that ...": "his" is not the
    # plural subject; the suggestion stays his.
    text = (
        "Governor Hale spoke on Monday. Republicans have been scrambling to distance themselves "
        "from his suggestion that a judge cannot be impartial because of heritage."
    )
    q = quote_with(quotes_in(nlp, text), "cannot be impartial")
    assert not (q.speaker_text and "Republicans" in q.speaker_text)


def test_quotes_speaker_possessive_holder_is_agreeing_subject(nlp):
    text = "Senator Hale repeated his promise that the plant would stay open through winter."
    q = quote_with(quotes_in(nlp, text), "plant would stay open")
    assert q.speaker_text and "Hale" in q.speaker_text


def test_quotes_speaker_according_to_piece_by_author(nlp):
    # "according to a report from X", "... a document filed by X": the author is the source.
    text = (
        "Sales of electric buses are now growing 40 percent a year, according to a recent "
        "report from Harbor Energy Research."
    )
    q = quote_with(quotes_in(nlp, text), "growing 40 percent")
    assert q.cue == "according to"
    assert q.speaker_text and "Harbor" in q.speaker_text
    text = (
        "“The evidence cannot prove all elements of the crime,” according to a court document "
        "filed by state attorney Dana Price."
    )
    q = quote_with(quotes_in(nlp, text), "cannot prove all elements")
    assert q.speaker_text and "Price" in q.speaker_text


def test_quotes_speaker_according_to_piece_without_author(nlp):
    text = "Turnout rose by a third in the county, according to the report."
    q = quote_with(quotes_in(nlp, text), "Turnout rose")
    assert q.speaker_text and "report" in q.speaker_text


def test_quotes_speaker_inverted_after_comma_for_verbs_without_name_objects(nlp):
    # "..., said a former spokesman, Oleg Voloshyn": "say" never takes a person as its
    # object, so the name after it is the speaker even after a mere comma.
    text = "Prices will rise again next year, added Maria Lopez, an economist at the bank."
    q = quote_with(quotes_in(nlp, text), "Prices will rise")
    assert q.speaker_text and "Lopez" in q.speaker_text


def test_quotes_speaker_inverted_name_run_stops_at_reported_clause(nlp):
    # "Alvarez, in Dayton, said Tuesday that Governor Lopez was ...": the clause after
    # "that" is what was said, never who said it.
    text = "Alvarez, in Dayton, said Tuesday that Governor Lopez was “a disaster” for the state."
    q = quote_with(quotes_in(nlp, text), "a disaster")
    assert not (q.speaker_text and "Lopez" in q.speaker_text)


def test_quotes_speaker_title_abbreviation_is_no_sentence_break(nlp):
    # "''...,'' Mr. Ruiz said": the period of "Mr." ends no sentence, so the cue right after
    # the quote wins over a verb in the sentence before it.
    text = (
        "Mr. Ruiz began his career among immigrants, and he showed his dexterity at a rally by "
        "joking that he would bring a pork box to Washington. ''Vamos a llevar una caja a la "
        "Casa Blanca,'' Mr. Ruiz said. His wife is Colombian."
    )
    q = quote_with(quotes_in(nlp, text), "Vamos a llevar")
    assert q.cue == "said"
    assert text[q.speaker_start : q.speaker_end] == "Mr. Ruiz"


def test_quotes_speaker_middle_initial_is_no_sentence_break(nlp):
    text = (
        "The budget passed late on Friday. “We did what we had to do,” said Senator Paul D. "
        "Ryan. Others were less sure."
    )
    q = quote_with(quotes_in(nlp, text), "what we had to do")
    assert q.speaker_text and "Ryan" in q.speaker_text


def test_quotes_speaker_subject_pronoun_voices_its_own_stance_noun(nlp):
    # "She also laid out her plan for ...": the subject speaks through the noun it governs.
    text = "Mayor Ruiz spoke for an hour. She also laid out her plan for rebuilding the harbour."
    q = quote_with(quotes_in(nlp, text), "rebuilding the harbour")
    assert text[q.speaker_start : q.speaker_end] == "She"


def test_quotes_speaker_possessive_in_phrase_keeps_possessive(nlp):
    # "... angered the union with his comments on pensions": the comments are his.
    text = "Governor Hale met the union. He also angered its leaders with his comments on pensions."
    qs = [q for q in quotes_in(nlp, text) if "pensions" in q.text]
    for q in qs:
        assert text[q.speaker_start : q.speaker_end] != "He"


def test_quotes_speaker_word_inside_quote_is_no_subject(nlp):
    from storyline.extract.quotes import _subject

    # '“Good speech, Mr. Mayor,” Price told him' parsed with the vocative as the subject:
    # a word inside the quote before the cue never speaks it; the name before the cue does.
    words = ["“", "Good", "speech", ",", "Mr.", "Mayor", ",", "”", "Price", "told", "him", "."]
    heads = [9, 2, 9, 9, 5, 9, 9, 9, 9, 9, 9, 9]
    deps = [
        "punct",
        "amod",
        "dep",
        "punct",
        "compound",
        "nsubj",
        "punct",
        "punct",
        "npadvmod",
        "ROOT",
        "dobj",
        "punct",
    ]
    pos = [
        "PUNCT",
        "ADJ",
        "NOUN",
        "PUNCT",
        "PROPN",
        "PROPN",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "VERB",
        "PRON",
        "PUNCT",
    ]
    ents = ["O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O"]
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    subj = _subject(doc[9], doc.text)
    assert subj is not None and subj.text == "Price"


def test_quotes_speaker_present_tense_cue_tagged_as_noun(nlp):
    # '“...,” Bozell answers.': the tagger may read "Bozell answers" as a noun phrase.
    text = (
        "The party met. “I can point to only two accomplishments. Besides that, not a single "
        "accomplishment,” Bozell answers."
    )
    q = quote_with(quotes_in(nlp, text), "two accomplishments")
    assert q.speaker_text == "Bozell"
    assert q.cue == "answers"


def test_quotes_speaker_unknown_name_between_quote_and_cue(nlp):
    from storyline.extract.quotes import _name_after_quote

    # '“...,” Zorbeck notes': a proper noun run right after the closing mark speaks.
    words = ["“", "No", ",", "”", "Zorbeck", "notes", "."]
    heads = [5, 5, 5, 5, 5, 5, 5]
    deps = ["punct", "intj", "punct", "punct", "npadvmod", "ROOT", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    ents = ["O"] * 7
    doc = _parsed(nlp, words, heads, deps, pos, ents)
    assert _name_after_quote(doc[5]).text == "Zorbeck"
    assert _name_after_quote(doc[1]) is None
