"""An event dated by a week ("this week", "last week") keeps that week, at week precision."""

from __future__ import annotations

import pytest

from storyline.extract.events import extract_events
from storyline.model import Article
from storyline.nlp import annotate
from storyline.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _events(nlp, text, published):
    art = Article(id="x", source="x", text=text, published=published)
    doc = nlp(text)
    return extract_events(doc, art, annotate(doc, art))


def test_events_a_week_dates_the_event_by_its_monday(nlp):
    evs = _events(nlp, "A pro-Iran mob this week laid siege to the US embassy in Iraq.", "2020-01-03")
    siege = next(e for e in evs if "siege" in e.action)
    assert (siege.date, siege.date_precision) == ("2019-12-30", "week")


def test_events_a_day_still_beats_a_week(nlp):
    evs = _events(nlp, "Protesters stormed the embassy on Tuesday.", "2020-01-03")
    storm = next(e for e in evs if e.category == "ASSAULT" or "storm" in e.action)
    assert (storm.date, storm.date_precision) == ("2019-12-31", "day")
