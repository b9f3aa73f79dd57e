"""General-news conventions for temporal expressions (issue #3, date quality): word boundaries of
month and day names, a day's name before its event, extents that swallow a part found alone,
sets of seasons and parts of day, quarters of a relative year. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.dates import find_temporal_spans, find_times
from storyline.nlp.pipeline import load_pipeline

WED = dt.date(2014, 5, 21)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def spans(text: str) -> list[str]:
    return [t for _, _, t in find_temporal_spans(text)]


def values(nlp, text: str, published: dt.date = WED) -> dict[str, str | None]:
    return {t.text: (t.timeml or t.value) for t in find_times(nlp(text), text, published)}


def test_dates_general_month_name_inside_a_longer_word_is_no_month():
    # "Mayor", "Mayo", "Augustine", "Marches" begin with a month's name
    assert spans("The council and Mayor Ellis met in the town hall.") == []
    assert spans("Riders Valverde and Mayo lost time on the climb.") == []
    assert spans("Crowds lined the route of the Marches and Augustine Road.") == []
    # the month itself is still found
    assert spans("The council met in May and again in August.") == ["May", "August"]


def test_dates_general_weekday_name_inside_a_longer_word_is_no_weekday():
    assert spans("The Sundayschool outing and the Fridayfest were cancelled.") == []


def test_dates_general_possessive_weekday_names_a_past_event_in_a_present_sentence(nlp):
    v = values(nlp, "Investigators are still searching the rubble of Friday's blast.")
    assert v["Friday"] == "2014-05-16"
    v = values(nlp, "The offer is a 20% premium over Tuesday's closing price.")
    assert v["Tuesday"] == "2014-05-20"
    v = values(nlp, "The bank says Monday's decision reflects worries about prices.")
    assert v["Monday"] == "2014-05-19"


def test_dates_general_possessive_weekday_ahead_of_an_event_looks_forward(nlp):
    v = values(nlp, "Campaigning ended ahead of Sunday's vote.")
    assert v["Sunday"] == "2014-05-25"
    v = values(nlp, "Parties rallied supporters in the run-up to Thursday's election.")
    assert v["Thursday"] == "2014-05-22"


def test_dates_general_possessive_weekday_keeps_a_future_sentence(nlp):
    v = values(nlp, "Voters will cast ballots in Sunday's runoff.")
    assert v["Sunday"] == "2014-05-25"


def test_dates_general_part_of_a_day_found_alone_is_taken_into_the_longer_extent():
    # "the evening" alone after "in" is an expression; with "of May 3" it is part of one
    found = find_temporal_spans("Crowds gathered in the evening of May 3 outside the palace.")
    assert [t for _, _, t in found] == ["the evening of May 3"]
    found = find_temporal_spans("Crowds gathered in the evening and left at night.")
    assert [t for _, _, t in found] == ["the evening"]


@pytest.mark.parametrize("text,expr,value", [
    ("Every summer, tourists crowd the island's beaches.", "Every summer", "XXXX-SU"),
    ("Farmers burn the stubble each autumn.", "each autumn", "XXXX-FA"),
    ("The shelling resumes every night.", "every night", "XXXX-XX-XXTNI"),
    ("The flea market is held each weekend.", "each weekend", "XXXX-WXX-WE"),
])
def test_dates_general_sets_of_seasons_parts_of_day_and_weekends(nlp, text, expr, value):
    found = {t.text: t for t in find_times(nlp(text), text, WED)}
    assert found[expr].kind == "SET"
    assert found[expr].timeml == value


@pytest.mark.parametrize("text,expr,value", [
    ("The first quarter of next year will be difficult.", "The first quarter of next year", "2015-Q1"),
    ("Profit fell in the third quarter of last year.", "the third quarter of last year", "2013-Q3"),
    ("Sales rose in the first quarter of this year.", "the first quarter of this year", "2014-Q1"),
])
def test_dates_general_quarter_of_a_relative_year_is_one_expression(nlp, text, expr, value):
    assert values(nlp, text)[expr] == value


def test_dates_general_this_weekend_in_the_present_tense_is_the_coming_one(nlp):
    # published on a Wednesday: the weekend ahead is ISO week 21 (24-25 May 2014)
    assert values(nlp, "The team plays at home this weekend.")["this weekend"] == "2014-W21-WE"
    assert values(nlp, "The team played at home this weekend.")["this weekend"] == "2014-W20-WE"
    assert values(nlp, "The team will play at home this weekend.")["this weekend"] == "2014-W21-WE"


def test_dates_general_overnight_in_a_past_sentence_is_the_night_before(nlp):
    text = "Rebels shelled the town overnight, killing 12."
    found = {t.text: t for t in find_times(nlp(text), text, WED)}
    assert found["overnight"].kind == "TIME"
    assert found["overnight"].timeml == "2014-05-20TNI"
    # an adjective or a figure of speech names no night
    assert values(nlp, "She took an overnight flight to Lagos.") == {}
    assert values(nlp, "Peace will not come overnight.") == {}


def test_dates_general_fiscal_year_with_its_number_is_one_expression(nlp):
    assert values(nlp, "Revenue rose 8% in fiscal year 2013.") == {"fiscal year 2013": "2013"}
    assert values(nlp, "The budget for fiscal 2015 was approved.") == {"fiscal 2015": "2015"}


@pytest.mark.parametrize("text,expr,value", [
    ("The treaty was signed in 1991. Three years earlier, talks had collapsed.", "Three years earlier", "1988"),
    ("The dam burst on March 3, 2009. Two days before, engineers had warned of cracks.",
     "Two days before", "2009-03-01"),
    ("The plant opened in June 2001. Four months earlier, the permit was granted.",
     "Four months earlier", "2001-02"),
])
def test_dates_general_count_back_from_a_written_past_reference(nlp, text, expr, value):
    assert values(nlp, text)[expr] == value


def test_dates_general_count_back_without_a_written_reference_is_from_publication(nlp):
    # no time written before it: counted from publication, as "ago" always is
    assert values(nlp, "Three years earlier, talks had collapsed.")["Three years earlier"] == "2011"
    v = values(nlp, "The treaty was signed in 1991. Three years ago, talks collapsed.")
    assert v["Three years ago"] == "2011"


def test_dates_general_a_sentence_ending_number_makes_no_rate(nlp):
    # "$5 a week" is a rate; "on Oct. 4. A week later" is a span after a date
    v = values(nlp, "Voters went to the polls on Oct. 4. A week later, the results came.")
    assert v.get("A week") == "P1W"
    assert "a week" not in values(nlp, "Workers earn $5 a week.")


@pytest.mark.parametrize("text,expr,value", [
    ("The vote is two weeks from now.", "two weeks from now", "2014-W23"),
    ("Five years from now, the city will look different.", "Five years from now", "2019"),
    ("The talks will resume a week from today.", "a week from today", "2014-05-28"),
])
def test_dates_general_count_from_now_is_a_date_ahead(nlp, text, expr, value):
    found = {t.text: t for t in find_times(nlp(text), text, WED)}
    assert found[expr].kind == "DATE"
    assert (found[expr].timeml or found[expr].value) == value


def test_dates_general_the_year_with_its_number_is_one_expression(nlp):
    assert values(nlp, "Prices will double by the year 2030.") == {"the year 2030": "2030"}


def test_dates_general_the_last_week_is_the_past_week_but_the_last_week_of_is_the_final_one():
    assert spans("The town has been quiet for the last week.") == ["the last week"]
    # "the last week of June" is the final week of June, no week counted back from publication
    assert spans("He died in the last week of June.") == ["the last week of June"]
    assert spans("She spent the last year of her life in Paris.") == []


@pytest.mark.parametrize("text,expr,value", [
    ("The economy boomed in the 1960's.", "the 1960's", "196"),
    ("Rock music changed in the late 1980's.", "the late 1980's", "198"),
    ("Prices stagnated in the 70's.", "the 70's", "197"),
])
def test_dates_general_decades_with_the_apostrophe_of_older_house_styles(nlp, text, expr, value):
    assert values(nlp, text)[expr] == value


def test_dates_general_an_age_in_the_decades_is_no_decade(nlp):
    assert values(nlp, "He was in his 20's when he left.") == {}


@pytest.mark.parametrize("year,easter", [(1998, "1998-04-12"), (2000, "2000-04-23"),
                                         (2019, "2019-04-21"), (2024, "2024-03-31")])
def test_dates_general_easter_is_computed_for_its_year(nlp, year, easter):
    text = f"The attacks took place on Easter Sunday {year}."
    assert values(nlp, text)[f"Easter Sunday {year}"] == easter


@pytest.mark.parametrize("text,expr,value", [
    ("Protesters marched on Good Friday.", "Good Friday", "2014-04-18"),
    ("Workers rallied on May Day.", "May Day", "2014-05-01"),
    ("The parade was held on St. Patrick's Day.", "St. Patrick's Day", "2014-03-17"),
    ("The bill was signed on Martin Luther King Jr. Day.", "Martin Luther King Jr. Day", "2014-01-20"),
    ("Families gathered on Mother's Day.", "Mother's Day", "2014-05-11"),
])
def test_dates_general_named_days_of_the_year_in_a_past_sentence(nlp, text, expr, value):
    assert values(nlp, text)[expr] == value


def test_dates_general_clock_before_its_day_with_the_other_zone_between(nlp):
    v = values(nlp, "The explosion occurred at 10:40 a.m. (0740 GMT) Friday.")
    assert v["10:40 a.m."] == "2014-05-16T10:40"
    assert v["0740 GMT"] == "2014-05-16T07:40"
    assert v["Friday"] == "2014-05-16"


def test_dates_general_a_capital_on_after_pm_opens_the_next_sentence(nlp):
    v = values(nlp, "The shooting began at 9 p.m. On Tuesday, police arrived.")
    assert v["9 p.m."] == "2014-05-21T21:00"
    assert v["Tuesday"] == "2014-05-20"
    assert values(nlp, "The shooting began at 9 p.m. on Tuesday.") == {"9 p.m. on Tuesday": "2014-05-20T21:00"}


@pytest.mark.parametrize("text,first,value", [
    ("The summit was held on 7-8 May in Brussels.", "7", "2014-05-07"),
    ("Talks took place between 3 and 5 March 2009.", "3", "2009-03-03"),
    ("The riders spent the 7th and 8th of May in London.", "7th", "2014-05-07"),
])
def test_dates_general_first_day_of_a_range_written_once_with_its_month(nlp, text, first, value):
    assert values(nlp, text)[first] == value


def test_dates_general_a_backward_pair_before_a_date_is_no_range(nlp):
    assert values(nlp, "The hosts won 3 to 1 May Day crowds cheered.").get("3") is None


@pytest.mark.parametrize("text,expr,value", [
    ("Schools reopened after a week-long closure.", "week-long", "P1W"),
    ("The months-long standoff ended.", "months-long", "PXM"),
    ("The decade-long conflict has killed thousands.", "decade-long", "P10Y"),
    ("After an hour-long meeting, they left.", "hour-long", "PT1H"),
])
def test_dates_general_uncounted_adjectival_spans(nlp, text, expr, value):
    found = {t.text: t for t in find_times(nlp(text), text, WED)}
    assert found[expr].kind == "DURATION"
    assert found[expr].timeml == value


def test_dates_general_all_day_long_is_no_adjectival_span(nlp):
    assert values(nlp, "They worked all day long.") == {}


@pytest.mark.parametrize("text", [
    "The runner won the 2000 meters in record time.",
    "The ship carried 1500 tons of grain.",
    "The attack began at 1900 hours.",
    "The embassy is at 1950 Main Street.",
])
def test_dates_general_a_number_of_a_measure_or_an_address_is_no_year(text):
    assert spans(text) == []


def test_dates_general_a_year_before_a_noun_is_still_a_year():
    assert spans("The 2008 Olympics were held in Beijing.") == ["2008"]
    assert spans("Prices rose in 1999 after the floods.") == ["1999"]


@pytest.mark.parametrize("text,expr,value", [
    ("The deadline is 12/25/2013 for all applications.", "12/25/2013", "2013-12-25"),
    ("The form was filed on 25.12.2013 in Berlin.", "25.12.2013", "2013-12-25"),
    ("The form was filed on 04.05.2013 in Berlin.", "04.05.2013", "2013-05-04"),
    ("The form was filed on 04/05/2013 in Boston.", "04/05/2013", "2013-04-05"),
    ("The log shows 2013/08/10 as the start.", "2013/08/10", "2013-08-10"),
])
def test_dates_general_dates_in_figures_with_a_four_digit_year(nlp, text, expr, value):
    assert values(nlp, text) == {expr: value}


def test_dates_general_a_fraction_or_a_version_is_no_date():
    assert spans("Turnout rose to 3/4 of voters, version 2.1.3 said.") == []


@pytest.mark.parametrize("text,expr,value", [
    ("Police were called at 11.30pm.", "11.30pm", "2014-05-21T23:30"),
    ("The blast occurred at 10.15 a.m. on Monday.", "10.15 a.m. on Monday", "2014-05-19T10:15"),
])
def test_dates_general_clock_times_with_a_full_stop(nlp, text, expr, value):
    assert values(nlp, text) == {expr: value}


def test_dates_general_weekday_before_a_day_and_month_is_one_expression(nlp):
    assert values(nlp, "The vote is on Thursday 22 May.") == {"Thursday 22 May": "2014-05-22"}
    assert values(nlp, "They met on Tuesday, 20 May 2014.") == {"Tuesday, 20 May 2014": "2014-05-20"}


def test_dates_general_this_coming_and_this_past_weekday(nlp):
    # published on a Wednesday
    assert values(nlp, "Voters go to the polls this coming Sunday.") == {"this coming Sunday": "2014-05-25"}
    assert values(nlp, "The rally took place this past Saturday.") == {"this past Saturday": "2014-05-17"}
    assert values(nlp, "They meet this coming Wednesday.") == {"this coming Wednesday": "2014-05-28"}


def test_dates_general_a_range_of_weekdays_runs_forward(nlp):
    # published on a Wednesday: the present-tense Monday is the coming one, and the range ends
    # on the Wednesday after it
    v = values(nlp, "The festival runs from Monday through Wednesday.")
    assert v == {"Monday": "2014-05-26", "Wednesday": "2014-05-28"}
    v = values(nlp, "The festival ran from Monday through Wednesday.")
    assert v == {"Monday": "2014-05-19", "Wednesday": "2014-05-21"}


@pytest.mark.parametrize("text,expr,value", [
    ("The talks collapsed in the first week of March.", "the first week of March", "2014-W10"),
    ("He died in the last week of April.", "the last week of April", "2014-W17"),
    ("The Fed meets in the second week of September.", "the second week of September", "2014-W37"),
    ("Rain fell in the first week of May 2013.", "the first week of May 2013", "2013-W18"),
])
def test_dates_general_a_week_of_a_month(nlp, text, expr, value):
    assert values(nlp, text) == {expr: value}


@pytest.mark.parametrize("text,value", [
    ("Paternity is easy to prove in today's world.", "PRESENT_REF"),
    ("The youth of today face many problems.", "PRESENT_REF"),
    ("Today's young people read less.", "PRESENT_REF"),
    ("Today's meeting was cancelled.", "2014-05-21"),
    ("Today's global summit opened in Paris.", "2014-05-21"),
])
def test_dates_general_today_in_general_is_the_present_not_the_day(nlp, text, value):
    found = find_times(nlp(text), text, WED)
    assert [(t.timeml or t.value) for t in found] == [value]


def test_dates_general_a_possessive_year_is_a_year(nlp):
    assert values(nlp, "The crisis wiped out 1997's gains.") == {"1997": "1997"}
    # a round year with an apostrophe is the decade of older house styles
    assert values(nlp, "Prices fell in the 1990's.") == {"the 1990's": "199"}


@pytest.mark.parametrize("text,expr,value", [
    # published on a Wednesday: a fixed plan told in the past tense is the nearest such day
    ("The trial was scheduled to begin Tuesday but was postponed.", "Tuesday", "2014-05-20"),
    ("He was due to arrive Monday but his flight was delayed.", "Monday", "2014-05-19"),
    ("The talks were to resume on Friday.", "Friday", "2014-05-23"),
    # the same plan in the present tense looks ahead
    ("The trial is scheduled to begin Tuesday.", "Tuesday", "2014-05-27"),
    # an expectation told in the past tense still looks ahead
    ("Analysts were likely to sell as soon as trading opened Monday.", "Monday", "2014-05-26"),
])
def test_dates_general_a_fixed_plan_told_in_the_past_is_the_nearest_day(nlp, text, expr, value):
    assert values(nlp, text)[expr] == value
