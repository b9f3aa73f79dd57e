"""News conventions for temporal expressions: reporting periods, clock times, sets, spelled
years and counts, rates and ages, deadlines and tense. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.dates import (
    FUTURE,
    PAST,
    PRESENT,
    duration_value,
    find_temporal_spans,
    find_times,
    normalize,
    normalize_timeml,
)
from storyline.nlp.pipeline import load_pipeline

NOV = dt.date(2021, 11, 3)  # a Wednesday in the fourth quarter
FRI = dt.date(2021, 10, 29)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def spans(text: str) -> list[str]:
    return [t for _, _, t in find_temporal_spans(text)]


def times(nlp, text: str, published: dt.date) -> dict[str, object]:
    return {t.text: t for t in find_times(nlp(text), text, published)}


def test_dates_news_year_ago_period_follows_the_quarter_in_focus(nlp):
    text = ("Acme Corp. said third-quarter profit rose 12% to $40 million from $35 million a year "
            "earlier. Sales in the quarter climbed, while costs were below the year-ago period. "
            "In the 2020 quarter the company had a loss, compared with a gain last year.")
    by = times(nlp, text, NOV)
    assert by["third-quarter"].timeml == "2021-Q3"
    assert by["a year earlier"].timeml == "2020-Q3"
    assert by["the quarter"].timeml == "2021-Q3"
    assert by["the year-ago period"].timeml == "2020-Q3"
    assert by["the 2020 quarter"].timeml == "2020-Q3"
    assert by["last year"].timeml == "2020-Q3"  # "compared with ... last year"


def test_dates_news_year_ago_without_a_quarter_is_the_year_before(nlp):
    text = "The town has 40 shops, up from 31 a year ago. A year-earlier survey found fewer."
    by = times(nlp, text, NOV)
    assert by["a year ago"].value == "2020" and by["a year ago"].timeml == "2020"
    assert by["year-earlier"].timeml == "2020"


def test_dates_news_quarter_just_ended_stays_this_year_in_the_future_tense():
    assert normalize_timeml("third-quarter", NOV, FUTURE)[2] == "2021-Q3"
    assert normalize_timeml("the first quarter", NOV, FUTURE)[2] == "2022-Q1"
    assert normalize_timeml("this year's third quarter", NOV, PAST)[2] == "2021-Q3"
    assert normalize_timeml("the year-ago third quarter", NOV, PAST)[2] == "2020-Q3"
    assert spans("Net sales for this year's third quarter fell.") == ["this year's third quarter"]


def test_dates_news_clock_times_take_their_day_or_the_publication_day():
    assert normalize_timeml("10 p.m. Wednesday", FRI, PAST)[2] == "2021-10-27T22:00"
    assert normalize_timeml("noon Thursday", FRI, PAST)[2] == "2021-10-28T12:00"
    assert normalize_timeml("5 p.m. EST, Nov. 6", FRI, FUTURE)[2] == "2021-11-06T17:00"
    assert normalize_timeml("7:15 p.m.", FRI, PAST)[2] == "2021-10-29T19:15"
    assert spans("The blast came at 10 p.m. Wednesday, police said.") == ["10 p.m. Wednesday"]
    # bare "noon" is no time; "at noon" is one on the day of publication, as "at 7:15 p.m." is
    assert spans("Noon is when the bell rings, and lunch runs past noon.") == []
    assert spans("The curfew began at noon.") == ["noon"]


def test_dates_news_sets_each_and_every():
    assert normalize_timeml("each month", NOV, PRESENT)[2] == "P1M"
    assert normalize_timeml("every Thursday", NOV, PRESENT)[2] == "XXXX-WXX-4"
    assert normalize_timeml("each July", NOV, PRESENT)[2] == "XXXX-07"
    assert normalize_timeml("every quarter", NOV, PRESENT)[2] == "P1Q"


def test_dates_news_spelled_years_and_counts():
    assert normalize("nineteen ninety-six", NOV) == ("1996", "year")
    assert normalize("the year two thousand", NOV) == ("2000", "year")
    assert normalize("January nineteen ninety-seven", NOV) == ("1997-01", "month")
    assert spans("He said nineteen people came.") == []
    assert duration_value("twenty-four hours") == "PT24H"
    assert duration_value("a couple of years") == "P2Y"
    assert duration_value("almost a hundred years") == "P100Y"
    assert duration_value("2 1/2 years") == "P2Y6M"
    assert duration_value("eight trading days") == "P8D"
    assert duration_value("years") == "PXY"


def test_dates_news_month_with_last_or_this_year():
    assert normalize("June last year", NOV) == ("2020-06", "month")
    assert normalize("January this year", NOV) == ("2021-01", "month")
    assert spans("In June last year the mine closed.") == ["June last year"]


def test_dates_news_rates_ages_and_bare_plurals():
    assert spans("It will save $500 million a year and add four flights a week.") == []
    assert spans("Mr. Smith, 52 years old, will retire.") == []
    assert spans("The strike lasted for a year.") == ["a year"]
    assert spans("The dispute has simmered for years.") == ["years"]
    assert spans("Banks must wait 30 days before closing the deal.") == ["30 days"]


def test_dates_news_current_and_full_year_and_fiscal_year():
    assert normalize_timeml("the full year", NOV, FUTURE)[2] == "2021"
    assert normalize_timeml("the current fiscal year", NOV, PRESENT)[2] == "2021"
    assert normalize_timeml("fiscal 1989", NOV, PAST)[:2] == ("1989", "year")
    assert normalize_timeml("the last half of 1989", NOV, PAST)[2] == "1989-H2"


def test_dates_news_deadlines_and_tense(nlp):
    # Friday 29 October 2021
    by = times(nlp, "The offer was extended until Nov. 16. The rule became effective Feb. 1.", FRI)
    assert by["Nov. 16"].value == "2021-11-16"
    assert by["Feb. 1"].value == "2022-02-01"
    by = times(nlp, "The tender had been due to expire Friday evening.", dt.date(2021, 11, 1))
    assert by["Friday evening"].value == "2021-10-29"
    by = times(nlp, "Final rules are to be published in early November.", FRI)
    assert by["early November"].value == "2021-11"
    by = times(nlp, "Trading is to resume in Paris Tuesday.", FRI)
    assert by["Tuesday"].value == "2021-11-02"
    by = times(nlp, "The index is near the record high set on Aug. 6.", dt.date(2022, 2, 6))
    assert by["Aug. 6"].value == "2021-08-06"


def test_dates_news_focus_ignores_a_forecast_quarter(nlp):
    text = ("Profit will fall in the third quarter of 2022, the company said. "
            "In the year-ago period it earned $3 million.")
    by = times(nlp, text, NOV)
    assert by["the third quarter of 2022"].timeml == "2022-Q3"
    assert by["the year-ago period"].timeml == "2020"  # no reported quarter in focus


def test_dates_news_uncounted_spans_past_refs_and_durations():
    assert normalize_timeml("several years ago", NOV, PAST)[2] == "PAST_REF"
    assert normalize_timeml("the last few months", NOV, PAST)[2] == "PAST_REF"
    assert normalize_timeml("in the coming months", NOV, FUTURE)[2] == "FUTURE_REF"
    assert normalize_timeml("future quarters", NOV, FUTURE)[2] == "FUTURE_REF"
    assert duration_value("the next few days") == "PXD"
    assert normalize_timeml("the past year", NOV, PAST)[2] == "2020"


def test_dates_news_soon_as_a_conjunction_and_titles_are_skipped():
    assert spans("They left as soon as the shooting stopped.") == []
    assert spans("He died soon after his capture.") == []
    assert spans("Prices will rise soon.") == ["soon"]
    assert spans('Baker said on ABC\'s "This Week," that talks would go on.') == []
    assert spans("This is Radio Today.") == []
    assert spans("Today the court ruled.") == ["Today"]


def test_dates_news_months_after_range_words():
    assert spans("Sales through August rose.") == ["August"]
    assert spans("Between March and June the lake froze.") == ["March", "June"]
    assert spans("August Wilson wrote plays.") == []


def test_dates_news_the_year_is_publication_year_or_a_fiscal_span(nlp):
    text = "For the year ended Sept. 30, it earned $3 million."
    assert [(t.text, t.kind, t.timeml) for t in find_times(nlp(text), text, NOV)][0] == (
        "the year", "DURATION", "P1Y")
    text = "Volume for the year was flat."
    assert [t.timeml for t in find_times(nlp(text), text, NOV)] == ["2021"]
    assert spans("the year before the war") == []
    assert spans("He was named Player of the Year.") == []
    # TimeML's extent takes in "the year" before the number, as TimeBank's "the year two thousand"
    assert spans("By the year 2000 it had grown.") == ["the year 2000"]


def test_dates_news_running_quarter_is_not_the_focus(nlp):
    text = "Sales will rise in the fourth quarter. In the year-ago period they fell."
    by = times(nlp, text, NOV)  # November: the fourth quarter is still running
    assert by["the year-ago period"].timeml == "2020"


def test_dates_news_holidays_by_tense_and_modifier():
    assert normalize("Christmas", NOV, PAST) == ("2020-12-25", "day")
    assert normalize("Christmas", NOV, FUTURE) == ("2021-12-25", "day")
    assert normalize("Thanksgiving", NOV, FUTURE) == ("2021-11-25", "day")  # fourth Thursday
    assert normalize("last Labor Day", NOV, PRESENT) == ("2021-09-06", "day")  # first Monday
    assert normalize("Memorial Day", NOV, PAST) == ("2021-05-31", "day")  # last Monday of May
    assert spans("Shops opened on Christmas Eve.") == ["Christmas Eve"]


def test_dates_news_previous_weekday_and_or_so_ago():
    assert normalize("the previous Friday", NOV, PAST) == ("2021-10-22", "day")
    assert normalize("a week or so ago", NOV, PAST) == ("2021-W43", "week")
    assert spans("Then, a week or so ago, the general flew in.") == ["a week or so ago"]


def test_dates_news_season_of_a_spelled_year():
    assert normalize_timeml("the winter of nineteen ninety-four", NOV, PAST)[2] == "1994-WI"


def test_dates_news_in_n_units_ahead_is_a_date(nlp):
    text = "The bonds will be redeemed in five years. The strike ended after five years."
    found = [(t.kind, t.timeml) for t in find_times(nlp(text), text, NOV)]
    assert found == [("DATE", "2026"), ("DURATION", "P5Y")]


def test_dates_news_extents_take_in_their_modifiers():
    assert spans("He was held for nearly four years.") == ["nearly four years"]
    assert spans("Banks must wait at least 30 days.") == ["at least 30 days"]
    assert spans("Profit for the first nine months rose.") == ["the first nine months"]
    assert spans("Prices peaked in mid-1996 and at the end of November.") == [
        "mid-1996", "the end of November"]
    assert spans("It will close by the end of the year.") == ["the end of the year"]
    assert spans("Earlier Sunday, police said; they left late yesterday.") == [
        "Earlier Sunday", "late yesterday"]
    assert spans("It cited a third-quarter loss.") == ["third-quarter"]
    assert spans("Prices have risen in recent years and fell in the past.") == [
        "recent years", "the past"]
    # the value is read without the modifier
    assert normalize_timeml("mid-November", NOV, FUTURE)[:2] == ("2021-11", "month")
    assert normalize_timeml("nearly two years ago", NOV, PAST)[:2] == ("2019", "year")
    assert duration_value("at least 30 days") == "P30D"


def test_dates_news_plural_weekdays_are_sets(nlp):
    text = "Two flights leave on Mondays and Tuesday nights."
    found = [(t.text, t.kind, t.timeml) for t in find_times(nlp(text), text, NOV)]
    assert found == [("Mondays", "SET", "XXXX-WXX-1"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]


def test_dates_news_for_the_past_few_weeks_is_a_duration(nlp):
    text = "For the past few weeks we have been attacked. Prices fell in the last few months."
    found = [(t.text, t.kind, t.timeml) for t in find_times(nlp(text), text, NOV)]
    assert found == [("the past few weeks", "DURATION", "PXW"),
                     ("the last few months", "DATE", "PAST_REF")]


def test_dates_news_decades_named_from_publication():
    assert normalize_timeml("the last decade", dt.date(1998, 2, 6), PAST)[2] == "198"
    assert normalize_timeml("this decade", dt.date(1998, 2, 6), PRESENT)[2] == "199"
    assert spans('Baker said on "This Week With David Brinkley" that talks failed.') == []
