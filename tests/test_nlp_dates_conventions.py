"""TimeML conventions of general news (issue #3, session 4): the present tense as the schedule,
the verb "last", "earlier in the week", determiners inside the extent. Sentences written for these
tests; the publication date is a Friday."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.dates import PRESENT, find_times, normalize, normalize_timeml
from storyline.nlp.pipeline import load_pipeline

FRI = dt.date(1998, 8, 14)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def values(nlp, text: str, anchor: dt.date | None = FRI) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.kind, t.timeml or t.value) for t in find_times(nlp(text), text, anchor)}


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
