"""TimeML conventions of general news (issue #3, session 4): the present tense as the schedule,
the verb "last", "earlier in the week", determiners inside the extent. Sentences written for these
tests; the publication date is a Friday."""

from __future__ import annotations

import datetime as dt

import pytest

from _dates_support import time_values
from storyline.nlp.dates import PRESENT, find_times, normalize, normalize_timeml
from storyline.nlp.pipeline import load_pipeline

FRI = dt.date(1998, 8, 14)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def values(nlp, text: str, anchor: dt.date | None = FRI) -> dict[str, tuple[str, str | None]]:
    return time_values(nlp, text, anchor)


def test_nlp_dates_present_tense_schedule_takes_the_nearest_date(nlp):
    # a scheduled event in the present tense lies ahead when that is nearer than a year back
    assert values(nlp, "The agreement expires Dec. 31.")["Dec. 31"] == ("DATE", "1998-12-31")
    assert values(nlp, "Voters go to the polls on Nov. 3.")["Nov. 3"] == ("DATE", "1998-11-03")
    assert normalize("Oct. 15", FRI, PRESENT) == ("1998-10-15", "day")
    # ...and a date just behind publication stays behind it
    assert normalize("July 30", FRI, PRESENT) == ("1998-07-30", "day")


def test_nlp_dates_past_tense_far_ahead_still_reads_back(nlp):
    assert values(nlp, "The agreement expired Dec. 31.")["Dec. 31"] == ("DATE", "1997-12-31")


def test_nlp_dates_the_verb_last_is_not_a_modifier(nlp):
    got = values(nlp, "The trial is expected to last several weeks.")
    assert got == {"several weeks": ("DURATION", "PXW")}
    got = values(nlp, "The strike could last two months, officials said.")
    assert got["two months"] == ("DURATION", "P2M")
    # the adjective still makes a date
    assert values(nlp, "Prices fell last week.")["last week"] == ("DATE", "1998-W32")


def test_nlp_dates_earlier_in_the_week_is_the_current_period(nlp):
    got = values(nlp, "Earlier in the week, the minister resigned.")
    assert got["Earlier in the week"] == ("DATE", "1998-W33")
    got = values(nlp, "Later in the month, the party will pick a leader.")
    assert got["Later in the month"] == ("DATE", "1998-08")
    # a year mentioned before does not move it: "earlier in the year" is publication's year
    got = values(nlp, "Sales fell from a year earlier. Rain delayed planting earlier in the year.")
    assert got["earlier in the year"] == ("DATE", "1998")


def test_nlp_dates_the_past_period_takes_its_determiner(nlp):
    got = values(nlp, "Prices rose 3 percent in the past year.")
    assert got == {"the past year": ("DATE", "1997")}
    assert normalize_timeml("this past week", FRI)[2] == "1998-W32"


def test_nlp_dates_uncounted_span_to_another_event(nlp):
    assert values(nlp, "Hours later, the rebels withdrew.") == {"Hours": ("DURATION", "PTXH")}
    assert values(nlp, "Police arrived within days of the attack.") == {"days": ("DURATION", "PXD")}
    got = values(nlp, "Years after the war, he returned.")
    assert got == {"Years": ("DURATION", "PXY")}
    # "the first days after" is no distance between two events
    assert values(nlp, "In the first days after the vote, prices fell.") == {}
    # ...and a bare plural with nothing around it stays out
    assert values(nlp, "Days of rioting followed.") == {}


def test_nlp_dates_for_centuries(nlp):
    got = values(nlp, "The mosque dominated the skyline for centuries.")
    assert got == {"centuries": ("DURATION", "PXC")}


def test_nlp_dates_clock_word_alone_after_a_preposition(nlp):
    assert values(nlp, "The curfew began at midnight.") == {"midnight": ("TIME", "1998-08-14T24:00")}
    got = values(nlp, "The rebels attacked on Tuesday. By noon, the town had fallen.")
    assert got["noon"] == ("TIME", "1998-08-11T12:00")  # the day the story has reached
    assert values(nlp, "A midnight curfew was imposed.") == {}


def test_nlp_dates_future_weekday_named_on_its_own_day_is_that_day(nlp):
    # wire style names the day of publication by its weekday; a week ahead is "next Friday"
    assert values(nlp, "The president will speak Friday.")["Friday"] == ("DATE", "1998-08-14")
    assert values(nlp, "The president will speak next Friday.")["next Friday"] == ("DATE", "1998-08-21")
    assert values(nlp, "The president will speak Monday.")["Monday"] == ("DATE", "1998-08-17")


def spans(nlp, text: str) -> list[str]:
    return [t.text for t in find_times(nlp(text), text, FRI)]


def test_nlp_dates_extent_leaves_out_the_article_of_an_adjectival_span(nlp):
    # "the eight-year war": the article belongs to "war"
    assert spans(nlp, "The eight-year war ended in a truce.") == ["eight-year"]
    assert spans(nlp, "They held the two day rally in the capital.") == ["two day"]
    # a span that is the head keeps it: "the nine months"
    assert spans(nlp, "For the nine months, profit rose.") == ["the nine months"]


def test_nlp_dates_extent_takes_timeml_modifiers_only(nlp):
    # signals and focus words stay out ("within", "only", "just")...
    assert spans(nlp, "The work will be done within five years.") == ["five years"]
    assert spans(nlp, "He served only six months.") == ["six months"]
    # ...modifiers TimeML writes as a mod come in (LESS_THAN, EQUAL_OR_LESS, APPROX)
    assert spans(nlp, "They can stay for no more than sixty days.") == ["no more than sixty days"]
    assert spans(nlp, "The blast came around 7:15 p.m.") == ["around 7:15 p.m."]
    assert spans(nlp, "The deal should close about Nov. 1.") == ["about Nov. 1"]
    # "over" is "more than" after "for" or "last", a preposition elsewhere
    assert spans(nlp, "The tour will last over a week.") == ["over a week"]
    assert spans(nlp, "Prices doubled over three years.") == ["three years"]


def test_nlp_dates_extent_keeps_coordinated_and_approximate_spans_whole(nlp):
    got = values(nlp, "He probably died within weeks or months of his capture.")
    assert got == {"weeks or months": ("DURATION", "PXW")}
    got = values(nlp, "In recent weeks and months, prices fell.")
    assert got == {"recent weeks and months": ("DATE", "PAST_REF")}
    got = values(nlp, "Over the next two years or so, rates will rise.")
    assert got == {"the next two years or so": ("DURATION", "P2Y")}


def test_nlp_dates_centuries_and_half_decades_counted_in_years(nlp):
    assert values(nlp, "The party ruled for half a century.") == {"half a century": ("DURATION", "P50Y")}
    assert values(nlp, "The feud has lasted a quarter century.") == {
        "a quarter century": ("DURATION", "P25Y")}
    assert values(nlp, "The firm has existed for more than two centuries.") == {
        "more than two centuries": ("DURATION", "P200Y")}
    assert values(nlp, "The plan would take a decade and a half.") == {
        "a decade and a half": ("DURATION", "P15Y")}
    assert values(nlp, "The company was founded a century ago.") == {"a century ago": ("DATE", "1898")}
    # an ordinal century stays a date
    assert values(nlp, "The 20th century was violent.") == {"The 20th century": ("DATE", "19")}


def test_nlp_dates_counted_quarters_but_not_a_share(nlp):
    assert values(nlp, "The firm posted its first loss in 10 quarters.") == {"10 quarters": ("DURATION", "P10Q")}
    assert values(nlp, "Losses mounted over the past two quarters.") == {
        "the past two quarters": ("DURATION", "P2Q")}
    assert values(nlp, "The party won three quarters of the vote.") == {}


def test_nlp_dates_month_forms_full_stop_and_abbreviation(nlp):
    # a full month name takes no full stop; "the" is part of "the 10th of May"
    assert values(nlp, "The mission ended on the 10th of May.") == {"the 10th of May": ("DATE", "1998-05-10")}
    assert values(nlp, "He left in Sept. 1997.") == {"Sept. 1997": ("DATE", "1997-09")}
    assert spans(nlp, "Lending rose in Jan. 3 deals.") == ["Jan. 3"]  # the abbreviation keeps its dot


def test_nlp_dates_span_from_now_is_no_date_ahead(nlp):
    # "in the coming five years" is the span up to then; "in five years" the date at its end
    got = values(nlp, "The economy will grow 8 percent in the coming five years.")
    assert got == {"the coming five years": ("DURATION", "P5Y")}
    assert values(nlp, "The bonds will be redeemed in five years.") == {"five years": ("DATE", "2003")}


def test_nlp_dates_this_and_next_century(nlp):
    got = values(nlp, "The country will enter the next century with confidence.")
    assert got == {"the next century": ("DATE", "20")}
    assert values(nlp, "It is the worst flood this century.") == {"this century": ("DATE", "19")}
    assert values(nlp, "Over the past century, the city grew.") == {}


def test_nlp_dates_a_year_inside_a_name_is_no_date(nlp):
    assert values(nlp, "They set up a joint venture called Orion 1980, making parts.") == {}
    assert values(nlp, "Tickets for Euro 2000 sold out.") == {}
    # a preposition or a time word before the year keeps it a date
    assert values(nlp, "The plant opened In 1980 after delays.") == {"1980": ("DATE", "1980")}
    assert values(nlp, "They met, 1992 being an election year.")["1992"] == ("DATE", "1992")


def test_nlp_dates_holiday_with_its_year(nlp):
    assert values(nlp, "She recalled Christmas 1997 fondly.") == {"Christmas 1997": ("DATE", "1997-12-25")}
    got = values(nlp, "He arrived on Thanksgiving Day, 1996.")
    assert got == {"Thanksgiving Day, 1996": ("DATE", "1996-11-28")}


def test_nlp_dates_part_of_a_named_day(nlp):
    got = values(nlp, "Troops withdrew on the night of Aug. 3.")
    assert got == {"the night of Aug. 3": ("TIME", "1998-08-03TNI")}
    got = values(nlp, "The storm hit on the morning of July 4.")
    assert got == {"the morning of July 4": ("TIME", "1998-07-04TMO")}


def test_nlp_dates_modal_before_a_bare_verb_looks_ahead(nlp):
    assert values(nlp, "He could resign Monday.")["Monday"] == ("DATE", "1998-08-17")
    assert values(nlp, "Police must release the suspect by Monday.")["Monday"] == ("DATE", "1998-08-17")
    # with "have" the modal looks back
    assert values(nlp, "He may have died Tuesday.")["Tuesday"] == ("DATE", "1998-08-11")


WED = dt.date(1998, 8, 12)  # a Wednesday


def test_nlp_dates_finite_present_with_a_weekday_is_the_schedule(nlp):
    assert values(nlp, "Clinton arrives in Moscow Monday for a summit.", WED)["Monday"] == ("DATE", "1998-08-17")
    assert values(nlp, "The vote is Sunday.", WED)["Sunday"] == ("DATE", "1998-08-16")
    assert values(nlp, "The rebels have until Sunday to respond.", WED)["Sunday"] == ("DATE", "1998-08-16")
    # today at the nearest
    assert values(nlp, "The president leaves Wednesday for Africa.", WED)["Wednesday"] == ("DATE", "1998-08-12")
    # a participle, a possessive or a verb whose past looks like its present stays the nearest
    assert values(nlp, "Troops were seen, arriving Tuesday.", WED)["Tuesday"] == ("DATE", "1998-08-11")
    got = values(nlp, "The declines hurt the index, which fell 1 percent, on Monday.", WED)
    assert got["Monday"] == ("DATE", "1998-08-10")


def test_nlp_dates_twelve_noon_and_a_year_after_a_day_name(nlp):
    assert values(nlp, "The crew landed at 12:00 noon BST.") == {"12:00 noon BST": ("TIME", "1998-08-14T12:00")}
    # "Boxing Day 2004": a day's name before the year is no product name; the named day with
    # its year is that day
    got = values(nlp, "Many died in the tsunami of Boxing Day 2004.")
    assert got["Boxing Day 2004"] == ("DATE", "2004-12-26")


def test_nlp_dates_many_and_the_stretch_between_two_times(nlp):
    assert values(nlp, "He lived there for many years.") == {"many years": ("DURATION", "PXY")}
    assert values(nlp, "How many years did it take?") == {}
    assert values(nlp, "The rules will change in the weeks ahead.") == {"the weeks ahead": ("DURATION", "PXW")}
    got = values(nlp, "The economy has struggled in the years since the war.")
    assert got == {"the years": ("DURATION", "PXY")}


def test_nlp_dates_one_day_is_a_span_only_where_a_span_fits(nlp):
    assert values(nlp, "Islam will one day be the largest religion.") == {}
    assert values(nlp, "One day he left.") == {}
    assert values(nlp, "They met for one day.") == {"one day": ("DURATION", "P1D")}
    assert values(nlp, "He had been in the job one day.") == {"one day": ("DURATION", "P1D")}
    # "one year" and "one month" are spans like "two years"
    assert values(nlp, "He was sentenced to one year in prison.") == {"one year": ("DURATION", "P1Y")}


def test_nlp_dates_couple_without_its_article(nlp):
    got = values(nlp, "Over the next couple of years, rates will rise.")
    assert got == {"the next couple of years": ("DURATION", "P2Y")}
    assert values(nlp, "The couple married in a small town.") == {}


def test_nlp_dates_last_season_is_the_latest_one_ended():
    # in August the summer is still running: "last summer" is the one before
    assert normalize_timeml("last summer", FRI)[2] == "1997-SU"
    assert normalize_timeml("last spring", FRI)[2] == "1998-SP"
    # in October this summer has ended
    assert normalize_timeml("last summer", dt.date(1998, 10, 1))[2] == "1998-SU"
    # in January the winter that began in December is running
    assert normalize_timeml("last winter", dt.date(1998, 1, 10))[2] == "1996-WI"


def test_nlp_dates_last_month_name_skips_the_month_just_ended():
    march = dt.date(1998, 3, 20)
    assert normalize("last February", march) == ("1997-02", "month")  # February 1998 is "last month"
    assert normalize("last January", march) == ("1998-01", "month")
    assert normalize("last June", march) == ("1997-06", "month")


def test_nlp_dates_quarters_ago(nlp):
    assert values(nlp, "Profit fell from two quarters ago.") == {"two quarters ago": ("DATE", "1998-Q1")}
    assert values(nlp, "Sales rose from a quarter earlier.") == {"a quarter earlier": ("DATE", "1998-Q2")}
    assert values(nlp, "A quarter of the vote went to him.") == {}


def test_nlp_dates_fortnight_is_two_weeks(nlp):
    assert values(nlp, "The talks ended a fortnight ago.") == {"a fortnight ago": ("DATE", "1998-W31")}
    assert values(nlp, "He will return within a fortnight.") == {"a fortnight": ("DURATION", "P2W")}
    got = values(nlp, "Protests continued over the past fortnight.")
    assert got == {"the past fortnight": ("DURATION", "P2W")}


def test_nlp_dates_weekday_an_event_was_set_for_is_the_nearest(nlp):
    got = values(nlp, "The opposition called a strike for Saturday.", WED)
    assert got["Saturday"] == ("DATE", "1998-08-15")
    got = values(nlp, "The opposition called a strike for Monday.", WED)
    assert got["Monday"] == ("DATE", "1998-08-10")  # nearer behind than ahead


def test_nlp_dates_a_counted_plural_is_no_year(nlp):
    assert values(nlp, "More than 2000 people died.") == {}
    assert values(nlp, "About 1900 troops were sent.") == {}
    # the year of the things stays a year
    assert values(nlp, "The 1990 elections were free.") == {"1990": ("DATE", "1990")}
    assert values(nlp, "Analysts were predicting 1990 earnings.") == {"1990": ("DATE", "1990")}


def test_nlp_dates_ordinal_suffix_and_modified_halves(nlp):
    # the "st" of "August" is no ordinal suffix
    assert values(nlp, "It happened on August 8th, 2008.") == {"August 8th, 2008": ("DATE", "2008-08-08")}
    got = values(nlp, "He served up to three and a half years.")
    assert got == {"up to three and a half years": ("DURATION", "P3Y6M")}
    got = values(nlp, "Exports rose 12 percent over the same period last year.")
    assert got == {"the same period last year": ("DATE", "1997")}


def test_nlp_dates_infinitive_after_a_past_request_is_the_nearest(nlp):
    june = dt.date(2010, 6, 16)
    got = values(nlp, "Authorities asked them to leave the hill on March 15, but most refused.", june)
    assert got["March 15"] == ("DATE", "2010-03-15")  # not next year's
    got = values(nlp, "Officials decided to close the road on Sept. 1.", june)
    assert got["Sept. 1"] == ("DATE", "2010-09-01")
    # a plan in the present still looks ahead
    got = values(nlp, "Officials plan to close the road on March 15.", june)
    assert got["March 15"] == ("DATE", "2011-03-15")
