"""Narrative anchoring and news conventions of TimeML: expressions read from the time the story
has reached ("the next day", "that year"), sets counted per period, "current" as a reference to
the present. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from _dates_support import time_values
from storyline.nlp.dates import find_times, reanchor
from storyline.nlp.pipeline import load_pipeline

WED = dt.date(2020, 1, 8)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def values(nlp, text: str, anchor: dt.date | None = WED) -> dict[str, tuple[str, str | None]]:
    return time_values(nlp, text, anchor)


def test_nlp_dates_next_day_follows_the_date_just_mentioned(nlp):
    got = values(nlp, "The summit opened on March 3, 2015. The next day, leaders signed the pact.")
    assert got["The next day"] == ("DATE", "2015-03-04")


def test_nlp_dates_following_year_and_month_follow_the_reference(nlp):
    got = values(nlp, "The war began in 1991, and the following year the rebels took the capital.")
    assert got["the following year"] == ("DATE", "1992")
    got = values(nlp, "The bank was sold in March 2009. The following month, its chief resigned.")
    assert got["The following month"] == ("DATE", "2009-04")


def test_nlp_dates_that_year_and_later_that_day_stay_on_the_reference(nlp):
    got = values(nlp, "The factory closed in 1987. That year, the town lost a third of its jobs.")
    assert got["That year"] == ("DATE", "1987")
    got = values(nlp, "The minister met the envoy on Monday. Later that day he flew home, and that "
                      "night the talks collapsed.")
    assert got["Monday"] == ("DATE", "2020-01-06")
    assert got["Later that day"] == ("DATE", "2020-01-06")
    assert got["that night"] == ("TIME", "2020-01-06TNI")


def test_nlp_dates_the_day_before_steps_back_from_the_reference(nlp):
    got = values(nlp, "Voting ended on June 12, 2016. The day before, the rebels had shelled the city.")
    assert got["The day before"] == ("DATE", "2016-06-11")
    got = values(nlp, "The treaty was signed on May 2, 2001; the previous week, talks had stalled.")
    assert got["the previous week"] == ("DATE", "2001-W17")


def test_nlp_dates_part_of_day_after_in_takes_the_reference_day(nlp):
    got = values(nlp, "The ship left port on Aug. 14, 2019. In the morning, the crew reported a leak.")
    assert got["the morning"] == ("TIME", "2019-08-14TMO")


def test_nlp_dates_chain_of_references_moves_forward(nlp):
    got = values(nlp, "He landed on Oct. 1, 2010. The next day he met the mayor, and the following "
                      "day he left.")
    assert got["The next day"][1] == "2010-10-02"
    assert got["the following day"][1] == "2010-10-03"


def test_nlp_dates_without_a_mention_publication_is_the_reference(nlp):
    got = values(nlp, "Police said the next day would be calm.")
    assert got["the next day"] == ("DATE", "2020-01-09")
    got = values(nlp, "That night the storm hit.", anchor=None)
    assert got["That night"][1] is None


def test_nlp_dates_next_year_ahead_is_read_from_publication(nlp):
    got = values(nlp, "The war ended in 1991. Prices will rise over the next year.")
    assert got["the next year"] == ("DATE", "2021")
    got = values(nlp, "The war ended in 1991. Exports will grow next year.")
    assert got["next year"] == ("DATE", "2021")


def test_nlp_dates_reference_needs_a_fine_enough_mention(nlp):
    # a year says nothing about which day followed it
    got = values(nlp, "She moved to Paris in 1968. The next day she found work.")
    assert got["The next day"] == ("DATE", None)


def test_nlp_dates_reanchor_keeps_narrative_anchoring(nlp):
    text = "The minister arrived on Tuesday. The next day, he met the king."
    times = find_times(nlp(text), text, WED)
    moved = {t.text: t.value for t in reanchor(times, dt.date(2020, 1, 15))}
    assert moved["Tuesday"] == "2020-01-14"
    assert moved["The next day"] == "2020-01-15"


def test_nlp_dates_per_period_sets(nlp):
    got = values(nlp, "The board meets twice a year, and the trains run three times a week.")
    assert got["twice a year"] == ("SET", "P1Y")
    assert got["three times a week"] == ("SET", "P1W")
    got = values(nlp, "She calls her mother once a day.")
    assert got["once a day"] == ("SET", "P1D")


def test_nlp_dates_current_adjective_is_present_ref(nlp):
    got = values(nlp, "The current government promised new roads.")
    assert got["current"] == ("DATE", "PRESENT_REF")
    assert "current" not in values(nlp, "The current was too strong for the swimmers.")
    assert "current" not in values(nlp, "The current account deficit widened.")


def test_nlp_dates_wire_24_hour_clock_with_zone(nlp):
    got = values(nlp, "The blast occurred at 1400 GMT on Tuesday.")
    assert got["1400 GMT on Tuesday"] == ("TIME", "2020-01-07T14:00")
    got = values(nlp, "The ceasefire began at 0600 local time.")
    assert got["0600 local time"] == ("TIME", "2020-01-08T06:00")
    # a four-digit number without a zone is a count, not a time
    assert values(nlp, "Police counted 1400 protesters.") == {}


def test_nlp_dates_halves_as_durations(nlp):
    got = values(nlp, "The talks lasted half an hour; the siege took two and a half years, and the "
                      "shelling an hour and a half.")
    assert got["half an hour"] == ("DURATION", "PT30M")
    assert got["two and a half years"] == ("DURATION", "P2Y6M")
    assert got["an hour and a half"] == ("DURATION", "PT1H30M")


def test_nlp_dates_uncounted_hours(nlp):
    assert values(nlp, "The rescuers dug for hours.")["hours"] == ("DURATION", "PTXH")


def test_nlp_dates_past_week_and_month_name_the_period_before(nlp):
    got = values(nlp, "Prices fell over the past week and rose in the past month.")
    # the TimeML extent takes in the determiner: "the past week"
    assert got["the past week"] == ("DATE", "2020-W01")
    assert got["the past month"] == ("DATE", "2019-12")


def test_nlp_dates_half_of_the_year(nlp):
    got = values(nlp, "Inflation rose in the first half of the year and will slow in the second half "
                      "of next year.")
    assert got["the first half of the year"] == ("DATE", "2020-H1")
    assert got["the second half of next year"] == ("DATE", "2021-H2")


def test_nlp_dates_part_of_day_before_its_day(nlp):
    got = values(nlp, "In London at mid-afternoon yesterday, the shares rose, and the storm hit late "
                      "evening Friday.")
    assert got["mid-afternoon yesterday"] == ("TIME", "2020-01-07TAF")
    assert got["late evening Friday"] == ("TIME", "2020-01-03TEV")


def test_nlp_dates_mid_part_of_day_on_the_reference_day(nlp):
    got = values(nlp, "The envoys met on Monday. By mid-morning the deal was done.")
    assert got["mid-morning"] == ("TIME", "2020-01-06TMO")
    got = values(nlp, "By mid afternoon, officials said the talks had failed.")
    assert got["mid afternoon"] == ("TIME", "2020-01-08TAF")


def test_nlp_dates_every_other_and_every_n(nlp):
    got = values(nlp, "The ferry sails every other week, and the census runs every ten years.")
    assert got["every other week"] == ("SET", "P2W")
    assert got["every ten years"] == ("SET", "P10Y")


def test_nlp_dates_later_in_the_day_keeps_the_reference(nlp):
    got = values(nlp, "The president flew to Ohio on Thursday, Dec. 5, 2019, and spoke there later in the day.")
    assert got["later in the day"] == ("DATE", "2019-12-05")


def test_nlp_dates_time_clause_takes_the_future_of_its_main_clause(nlp):
    got = values(nlp, "Institutions were likely to buy the stock as soon as trading opened Monday.")
    assert got["Monday"] == ("DATE", "2020-01-13")
    got = values(nlp, "The company said it would sell the unit after the deal closes Friday.")
    assert got["Friday"] == ("DATE", "2020-01-10")
    # a past main clause keeps the past
    got = values(nlp, "He resigned when the board met Thursday.")
    assert got["Thursday"] == ("DATE", "2020-01-02")


def test_nlp_dates_bare_clock_time_lies_on_the_reference_day(nlp):
    got = values(nlp, "The attack happened at about 10 a.m. Tuesday (1500 GMT).")
    assert got["about 10 a.m. Tuesday"] == ("TIME", "2020-01-07T10:00")
    assert got["1500 GMT"] == ("TIME", "2020-01-07T15:00")
    got = values(nlp, "Police came on Friday. At 9 p.m. they left.")
    assert got["9 p.m."] == ("TIME", "2020-01-03T21:00")
    # with no day mentioned before, publication day
    assert values(nlp, "The shop opens at 9 a.m.")["9 a.m."] == ("TIME", "2020-01-08T09:00")


def test_nlp_dates_since_points_back(nlp):
    # present tense, yet "since" names a start in the past
    assert values(nlp, "Prices are up since Friday.")["Friday"] == ("DATE", "2020-01-03")
    assert values(nlp, "The index is up 10 percent since year-end.")["year-end"] == ("DATE", "2019")


def test_nlp_dates_year_end_after_a_preposition(nlp):
    assert values(nlp, "He expects to finish the sale by year-end.")["year-end"] == ("DATE", "2020")
    assert values(nlp, "Rules should be in place by year's end.")["year's end"] == ("DATE", "2020")
    assert "year-end" not in values(nlp, "Staff will get a year-end bonus.")


def test_nlp_dates_end_of_the_week_and_month(nlp):
    got = values(nlp, "The strike should end by the end of the week, and the talks by the end of the month.")
    assert got["the end of the week"] == ("DATE", "2020-W02")
    assert got["the end of the month"] == ("DATE", "2020-01")
    assert "the week" not in " ".join(values(nlp, "He was named player of the week."))


def test_nlp_dates_season_after_into_and_capitalised_preposition(nlp):
    got = values(nlp, "The fighting went on into the summer. Over the winter, prices fell.")
    assert got["the summer"] == ("DATE", "2019-SU")
    assert got["the winter"][0] == "DATE"


def test_nlp_dates_decades_ago_name_the_decade(nlp):
    assert values(nlp, "The ban was lifted a decade ago.")["a decade ago"] == ("DATE", "201")
    assert values(nlp, "The war ended two decades ago.")["two decades ago"] == ("DATE", "200")


def test_nlp_dates_present_passive_is_present(nlp):
    # "is set for March" looks ahead like "meets in March"; "has been killed" is still past
    assert values(nlp, "The festival is held in March.")["March"] == ("DATE", "2020-03")
    assert values(nlp, "He has been killed in March.")["March"] == ("DATE", "2019-03")


def test_nlp_dates_counted_span_with_a_qualifier_is_a_duration(nlp):
    assert values(nlp, "Stocks fell for five straight days.")["five straight days"] == ("DURATION", "P5D")
    got = values(nlp, "The loan may be extended for an additional year.")
    assert got["an additional year"] == ("DURATION", "P1Y")


def test_nlp_dates_of_tomorrow_is_no_day(nlp):
    assert "tomorrow" not in values(nlp, "He wants to build the cities of tomorrow.")
    assert values(nlp, "The minister will visit tomorrow.")["tomorrow"] == ("DATE", "2020-01-09")


def test_nlp_dates_month_as_modifier_after_a_determiner(nlp):
    got = values(nlp, "Shareholders rejected a June agreement with the bank.")
    assert got["June"] == ("DATE", "2019-06")
    assert "march" not in values(nlp, "The march ended at noon.")
    assert "March" not in values(nlp, "He joined the March of Dimes.")


def test_nlp_dates_second_day_of_a_range_takes_the_month(nlp):
    got = values(nlp, "The talks were held from Feb. 10, 2015 to 15.")
    assert got["15"] == ("DATE", "2015-02-15")
    got = values(nlp, "The festival runs March 3-5 in Austin.")
    assert got["March 3"] == ("DATE", "2020-03-03") and got["5"] == ("DATE", "2020-03-05")
    got = values(nlp, "Voting will take place on May 4 and 5, 2021.")
    assert got["May 4"] == ("DATE", "2021-05-04") and got["5, 2021"] == ("DATE", "2021-05-05")
    # a number that is a quantity stays out
    assert "15" not in values(nlp, "Rates rose on Jan. 5 to 15 percent.")
