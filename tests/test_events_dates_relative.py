"""Relative month, year and "ago" phrases in event dates (extract/event_dates.resolve)."""

from __future__ import annotations

import datetime as dt

from storyline.extract.event_dates import resolve

ANCHOR = dt.date(2016, 9, 27)


def test_events_dates_last_month_name_is_the_previous_one():
    assert resolve("last December", ANCHOR) == ("2015-12", "month")
    assert resolve("last August", ANCHOR) == ("2016-08", "month")
    # Said in September, "last September" is a year back.
    assert resolve("last September", ANCHOR) == ("2015-09", "month")
    assert resolve("this March", ANCHOR) == ("2016-03", "month")


def test_events_dates_ago_and_this_period():
    assert resolve("three days ago", ANCHOR) == ("2016-09-24", "day")
    assert resolve("two years ago", ANCHOR) == ("2014", "year")
    assert resolve("earlier this month", ANCHOR) == ("2016-09", "month")
    assert resolve("this year", ANCHOR) == ("2016", "year")
    # Vague spans stay undated rather than guessed.
    assert resolve("last week", ANCHOR) == (None, "unknown")
    assert resolve("many years ago", ANCHOR) == (None, "unknown")
    assert resolve("two years ago", None) == (None, "unknown")
