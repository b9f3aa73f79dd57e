"""Quote-mark scanning: every style, apostrophes, paragraphs, unbalanced input (no spaCy)."""

from __future__ import annotations

import pytest

from storyline.extract.quote_marks import find_quote_spans


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("He said «we will win» today.", ["we will win"]),
        ("He said ‘we will win’ today.", ["we will win"]),
        ("He said 'we will win' today.", ["we will win"]),
    ],
)
def test_quotes_marks_every_style(text, expected):
    assert _texts(text) == expected


def test_quotes_marks_double_apostrophes_are_a_double_mark():
    text = "''My advice was not to do it,'' recalled the ambassador's aide. ''It isn't over.''"
    assert _texts(text) == ["My advice was not to do it,", "It isn't over."]


def test_quotes_marks_apostrophes_are_not_quotes():
    text = "Pakistan’s army doesn’t comment on the voters’ choice, and #Pakistan‘s chief didn't either."
    assert _texts(text) == []


def test_quotes_marks_apostrophe_inside_single_quote():
    assert _texts("She said ‘the army doesn’t want it’ and left.") == ["the army doesn’t want it"]


def test_quotes_marks_nested_quotes_stay_inside_outer():
    text = "“He told me ‘never again’ and I believed him,” she said."
    assert _texts(text) == ["He told me ‘never again’ and I believed him,"]


def test_quotes_marks_multi_paragraph_quote():
    text = "“The first part is ready.\n\n“The second part follows in May,” Baker said.\n\nNext paragraph."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].closed
    assert text[spans[0].start : spans[0].end].endswith("follows in May,")


def test_quotes_marks_unclosed_quote_capped_at_paragraph():
    text = "“This never closes.\n\nThe council met. Mayor Reed said “yes” to the budget."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["This never closes.", "yes"]
    assert not spans[0].closed and spans[1].closed


def test_quotes_marks_mixed_straight_and_curly_close_each_other():
    text = 'It cautioned “all parties" to "exercise restraint.”'
    assert _texts(text) == ["all parties", "exercise restraint."]


def test_quotes_marks_second_opener_caps_the_unclosed_first():
    text = "He said “this is unclosed and then “a proper quote” followed."
    assert _texts(text)[-1] == "a proper quote"


def test_quotes_marks_only_marks_is_fast_and_finite():
    text = "\n".join(["\"“”«»‘’'" * 3] * 5000)
    spans = find_quote_spans(text)
    assert all(q.end <= len(text) for q in spans)
