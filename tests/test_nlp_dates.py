"""Temporal expressions anchored on publication date and tense (hand-made examples)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article
from storyline.nlp import annotate
from storyline.nlp.dates import (
    FUTURE,
    PAST,
    PRESENT,
    duration_value,
    find_temporal_spans,
    normalize,
)
from storyline.nlp.pipeline import load_pipeline

SAT = dt.date(2020, 1, 4)  # a Saturday
WED = dt.date(2020, 1, 8)


def test_dates_weekday_past_is_latest_on_or_before_anchor():
    assert normalize("on Friday", SAT, PAST) == ("2020-01-03", "day")
    assert normalize("Saturday", SAT, PAST) == ("2020-01-04", "day")
    assert normalize("Sunday", SAT, PAST) == ("2019-12-29", "day")
    assert normalize("on Wednesday", WED, PAST) == ("2020-01-08", "day")


def test_dates_weekday_future_is_next_after_anchor():
    assert normalize("on Friday", SAT, FUTURE) == ("2020-01-10", "day")
    assert normalize("Sunday", SAT, FUTURE) == ("2020-01-05", "day")
    assert normalize("next Wednesday", WED, PAST) == ("2020-01-15", "day")
    assert normalize("last Wednesday", WED, PAST) == ("2020-01-01", "day")


def test_dates_unknown_anchor_gives_unknown():
    for text in ("on Friday", "yesterday", "last month", "in November", "January 3", "this week"):
        assert normalize(text, None, PAST) == (None, "unknown")


def test_dates_explicit_dates_need_no_anchor():
    assert normalize("January 4th, 2020", None, PAST) == ("2020-01-04", "day")
    assert normalize("2020-01-08", None, PAST) == ("2020-01-08", "day")
    assert normalize("4 January 2020", None, PAST) == ("2020-01-04", "day")
    assert normalize("Jan. 3, 2020", None, PAST) == ("2020-01-03", "day")
    assert normalize("March 2019", None, PAST) == ("2019-03", "month")
    assert normalize("in 2019", None, PAST) == ("2019", "year")


def test_dates_day_without_year_takes_the_year_from_tense():
    assert normalize("January 3", WED, PAST) == ("2020-01-03", "day")
    assert normalize("December 28", WED, PAST) == ("2019-12-28", "day")
    assert normalize("December 28", WED, FUTURE) == ("2020-12-28", "day")
    assert normalize("January 20", WED, FUTURE) == ("2020-01-20", "day")


def test_dates_month_only_past_and_future():
    assert normalize("in November", SAT, PAST) == ("2019-11", "month")
    assert normalize("in November", SAT, FUTURE) == ("2020-11", "month")
    assert normalize("in January", SAT, PAST) == ("2020-01", "month")
    assert normalize("last March", dt.date(2020, 6, 1), PAST) == ("2020-03", "month")
    assert normalize("next March", dt.date(2020, 6, 1), PAST) == ("2021-03", "month")
    assert normalize("in December", dt.date(2020, 1, 10), PRESENT) == ("2019-12", "month")


def test_dates_relative_words():
    assert normalize("yesterday", SAT, PAST) == ("2020-01-03", "day")
    assert normalize("last night", SAT, PAST) == ("2020-01-03", "day")
    assert normalize("today", SAT, PAST) == ("2020-01-04", "day")
    assert normalize("tomorrow", SAT, FUTURE) == ("2020-01-05", "day")
    assert normalize("this week", WED, PAST) == ("2020-W02", "week")
    assert normalize("last week", WED, PAST) == ("2020-W01", "week")
    assert normalize("last month", SAT, PAST) == ("2019-12", "month")
    assert normalize("next year", SAT, FUTURE) == ("2021", "year")
    assert normalize("three days ago", SAT, PAST) == ("2020-01-01", "day")
    assert normalize("two years ago", SAT, PAST) == ("2018", "year")


def test_dates_durations():
    assert duration_value("three months") == "P3M"
    assert duration_value("two years") == "P2Y"
    assert duration_value("several weeks") == "PXW"


def test_dates_finder_skips_modal_may_and_numbers():
    text = "Officials may meet in May. The fund holds 2,019 dollars, 1.2020 ratio, and began in 2019."
    found = [t for _, _, t in find_temporal_spans(text)]
    assert "May" in found and found.count("May") == 1
    assert "2019" in found
    assert not any("2,019" in f or "2020" in f for f in found)


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def test_dates_tense_read_from_the_sentence(nlp):
    text = ("The ministers met on Friday in Geneva.\n\n"
            "They will meet again on Friday, officials said.\n\n"
            "The report is due in March.")
    a = annotate(nlp(text), Article(id="d", source="t", text=text, published="2020-01-08"))
    fridays = [(t.value, t.precision) for t in a.times if t.text == "Friday"]
    assert fridays == [("2020-01-03", "day"), ("2020-01-10", "day")]
    for t in a.times:
        assert text[t.start:t.end] == t.text


def test_dates_annotate_without_publication_date(nlp):
    text = "The deal was signed on Monday and takes effect on March 1, 2021."
    a = annotate(nlp(text), Article(id="d", source="t", text=text))
    by_text = {t.text: (t.value, t.precision) for t in a.times}
    assert by_text["Monday"] == (None, "unknown")
    assert by_text["March 1, 2021"] == ("2021-03-01", "day")


def test_dates_schedule_verbs_and_auxiliaries_set_tense(nlp):
    text = ("Protesters planned a rally on Saturday.\n\n"
            "The vote is scheduled for Thursday.\n\n"
            "The suspect was arrested on Thursday.")
    a = annotate(nlp(text), Article(id="d", source="t", text=text, published="2020-01-08"))
    vals = [t.value for t in a.times]
    assert vals == ["2020-01-11", "2020-01-09", "2020-01-02"]


def test_dates_hyphenated_durations_but_not_ages():
    found = [t for _, _, t in find_temporal_spans("A two-year deal for the 6-year-old boy.")]
    assert found == ["two-year"]
    assert duration_value("two-year") == "P2Y"


def test_dates_relative_words_at_sentence_start():
    text = "Yesterday the vote failed. Last week it passed. Two days ago nobody knew."
    assert [t for _, _, t in find_temporal_spans(text)] == ["Yesterday", "Last week", "Two days ago"]
    assert normalize("Two days ago", SAT, PAST) == ("2020-01-02", "day")


def test_dates_reanchor_after_a_date_is_estimated():
    from storyline.nlp.dates import find_times, reanchor

    text = "The envoy arrived on Friday and left on January 9, 2020."
    times = find_times(None, text, None)
    assert [t.value for t in times] == [None, "2020-01-09"]
    again = reanchor(times, "2020-01-04")
    assert [(t.text, t.value, t.precision) for t in again] == [
        ("Friday", "2020-01-03", "day"), ("January 9, 2020", "2020-01-09", "day")]
    assert times[0].value is None  # the input is left as it was


def test_dates_forward_looking_infinitive(nlp):
    text = "The two sides agreed to meet on Friday.\n\nHe failed to appear on Friday."
    a = annotate(nlp(text), Article(id="d", source="t", text=text, published="2020-01-08"))
    assert [t.value for t in a.times] == ["2020-01-10", "2020-01-03"]
