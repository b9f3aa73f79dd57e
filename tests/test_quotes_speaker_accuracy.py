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
