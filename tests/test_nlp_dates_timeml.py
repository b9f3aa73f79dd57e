"""TimeML values beyond calendar dates: references, quarters, seasons, decades, weekends,
parts of day; the calendar ``value`` stays ISO. Hand-made sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.model import Article
from storyline.nlp import annotate
from storyline.nlp.dates import (
    FUTURE,
    PAST,
    PRESENT,
    find_temporal_spans,
    find_times,
    normalize_timeml,
    reanchor,
)
from storyline.nlp.pipeline import load_pipeline

WED = dt.date(2020, 1, 8)  # a Wednesday in the first quarter
NOV = dt.date(2021, 11, 10)  # a Wednesday in the fourth quarter
SAT = dt.date(2020, 1, 4)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def spans(text: str) -> list[str]:
    return [t for _, _, t in find_temporal_spans(text)]


def test_dates_timeml_present_past_future_refs():
    assert normalize_timeml("now", WED, PRESENT) == (None, "unknown", "PRESENT_REF")
    assert normalize_timeml("currently", WED, PRESENT) == (None, "unknown", "PRESENT_REF")
    assert normalize_timeml("recently", WED, PAST) == (None, "unknown", "PAST_REF")
    assert normalize_timeml("in recent years", WED, PAST) == (None, "unknown", "PAST_REF")
    assert normalize_timeml("the past", WED, PAST) == (None, "unknown", "PAST_REF")
    assert normalize_timeml("the near future", WED, FUTURE) == (None, "unknown", "FUTURE_REF")
    assert normalize_timeml("the coming weeks", WED, FUTURE) == (None, "unknown", "FUTURE_REF")
    text = "The mayor is now in charge. Ferries were recently cut and will soon return."
    assert spans(text) == ["now", "recently", "soon"]


def test_dates_timeml_now_that_and_the_past_with_a_unit_are_not_refs():
    # "now that" is a conjunction; "the past three weeks" is a span, read by the older rules
    assert spans("Now that the bridge is open, traffic moves.") == []
    found = spans("Rain fell over the past three weeks and the past year.")
    assert "the past" not in found and "the past year" in found


def test_dates_timeml_quarters_named_and_relative():
    assert normalize_timeml("the third quarter of 2019", None, PAST) == ("2019", "year", "2019-Q3")
    assert normalize_timeml("Q2 2018", None, PAST) == ("2018", "year", "2018-Q2")
    # a quarter still ahead of the anchor in a past-tense sentence is last year's
    assert normalize_timeml("the fourth quarter", WED, PAST) == ("2019", "year", "2019-Q4")
    assert normalize_timeml("third-quarter", NOV, PAST) == ("2021", "year", "2021-Q3")
    assert normalize_timeml("last year's second quarter", NOV, PAST) == ("2020", "year", "2020-Q2")
    # the quarter just reported, the current one, the next
    assert normalize_timeml("the latest quarter", NOV, PAST)[2] == "2021-Q3"
    assert normalize_timeml("this quarter", NOV, PRESENT)[2] == "2021-Q4"
    assert normalize_timeml("next quarter", NOV, FUTURE)[2] == "2022-Q1"
    assert normalize_timeml("the quarter", WED, PAST)[2] == "2019-Q4"
    assert normalize_timeml("the first half of 2017", None, PAST)[2] == "2017-H1"


def test_dates_timeml_quarter_words_that_are_not_dates():
    assert spans("A quarter of the voters stayed home in the French quarter.") == []
    assert spans("The quarter-final was played.") == []


def test_dates_timeml_seasons_need_a_modifier_or_a_preposition():
    assert normalize_timeml("this fall", NOV, PAST) == ("2021", "year", "2021-FA")
    assert normalize_timeml("last summer", WED, PAST) == ("2019", "year", "2019-SU")
    assert normalize_timeml("next spring", NOV, FUTURE) == ("2022", "year", "2022-SP")
    assert normalize_timeml("the winter of 1994", None, PAST) == ("1994", "year", "1994-WI")
    text = "Prices fall in spring. The fall of the city came during the summer."
    assert spans(text) == ["spring", "the summer"]


def test_dates_timeml_decades_and_centuries():
    assert normalize_timeml("the 1990s", None, PAST) == (None, "unknown", "199")
    assert normalize_timeml("the late 1970s", None, PAST)[2] == "197"
    assert normalize_timeml("the nineties", WED, PAST)[2] == "199"
    assert normalize_timeml("the '80s", WED, PAST)[2] == "198"
    assert normalize_timeml("the 20th century", None, PAST)[2] == "19"
    assert spans("In the 1990s the town grew.") == ["the 1990s"]


def test_dates_timeml_weekend_latest_in_past_next_in_future():
    # Wednesday 8 January 2020: the weekend before was 4-5 January (ISO week 1)
    assert normalize_timeml("the weekend", WED, PAST) == ("2020-W01", "week", "2020-W01-WE")
    assert normalize_timeml("this weekend", WED, FUTURE) == ("2020-W02", "week", "2020-W02-WE")
    assert normalize_timeml("last weekend", SAT, PAST)[2] == "2019-W52-WE"


def test_dates_timeml_part_of_day_on_times():
    assert normalize_timeml("Friday morning", SAT, PAST) == ("2020-01-03", "day", "2020-01-03TMO")
    assert normalize_timeml("last night", SAT, PAST) == ("2020-01-03", "day", "2020-01-03TNI")
    assert normalize_timeml("this evening", SAT, PRESENT)[2] == "2020-01-04TEV"
    assert normalize_timeml("Thursday Evening", SAT, PAST)[2] == "2020-01-02TEV"


def test_dates_timeml_this_month_and_capitalised_last():
    assert normalize_timeml("this September", dt.date(2021, 2, 5), PAST)[:2] == ("2021-09", "month")
    assert spans("Last April the dam broke.") == ["Last April"]


def test_dates_timeml_day_a_few_weeks_ahead_in_past_tense_stays_ahead():
    # a scheduled date seven weeks after publication, reported with a past-tense verb
    assert normalize_timeml("Dec. 15", NOV, PAST)[0] == "2021-12-15"
    # five months ahead is still read as last year's
    assert normalize_timeml("April 2", NOV, PAST)[0] == "2021-04-02"


def test_dates_timeml_values_stay_calendar_and_tense_is_kept(nlp):
    text = ("Sales rose in the third quarter, the chief said on Friday morning. "
            "The plant is now closed and will reopen next month. The deal runs three years.")
    a = annotate(nlp(text), Article(id="t", source="t", text=text, published="2021-11-13"))
    by = {t.text: t for t in a.times}
    assert by["the third quarter"].timeml == "2021-Q3" and by["the third quarter"].value == "2021"
    assert by["Friday morning"].value == "2021-11-12" and by["Friday morning"].timeml == "2021-11-12TMO"
    assert by["Friday morning"].kind == "TIME"
    assert by["now"].timeml == "PRESENT_REF" and by["now"].value is None
    assert by["next month"].tense == FUTURE and by["next month"].value == "2021-12"
    assert by["three years"].kind == "DURATION" and by["three years"].timeml == "P3Y"
    assert by["three years"].value is None
    for t in a.times:
        assert t.value is None or t.value[:4].isdigit()


def test_dates_timeml_reanchor_uses_each_expressions_tense(nlp):
    text = "The minister will travel on Friday. She spoke on Friday."
    times = find_times(nlp(text), text, None)
    assert [t.tense for t in times] == [FUTURE, PAST]
    again = reanchor(times, "2020-01-08")  # a Wednesday
    assert [t.value for t in again] == ["2020-01-10", "2020-01-03"]
    assert [t.tense for t in again] == [FUTURE, PAST]
