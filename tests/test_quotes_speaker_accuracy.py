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
