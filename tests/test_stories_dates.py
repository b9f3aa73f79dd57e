"""Reported dates and estimated publication dates."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, TimeExpr
from storyline.stories.dates import estimate_published, gap_days, reported_dates


def _art(text: str, published: str | None = None) -> Article:
    return Article(id="a", source="t", text=text, published=published)


def test_stories_dates_reported_from_times_and_text():
    a = _art("Talks began on 3 January 2020 and ended on January 5th, 2020 (2020-01-06 in Tokyo).")
    an = ArticleAnalysis(article_id="a", times=[
        TimeExpr(0, 5, "Friday", "2020-01-03", "day"),
        TimeExpr(0, 5, "January", "2020-01", "month"),  # not a day: ignored
        TimeExpr(0, 5, "today", None, "unknown"),
    ])
    assert reported_dates(a, an) == ["2020-01-03", "2020-01-05", "2020-01-06"]
    assert reported_dates(_art("On February 30, 2020 nothing happened."), None) == []


def test_stories_dates_estimate_from_chapter_median():
    a = _art("x")
    assert estimate_published(a, [], "c-1", ["2020-01-04", "2020-01-03", "2020-01-05"])
    assert a.published == "2020-01-04" and a.published_estimated
    assert a.published_from == "estimated: chapter c-1 dated 2020-01-04"


def test_stories_dates_estimate_not_before_reported_day():
    a = _art("x")
    estimate_published(a, ["2019-06-01", "2020-01-06"], "c-1", ["2020-01-04"])
    # The old 2019 date is background; the article cannot predate the 6 January it reports.
    assert a.published == "2020-01-06"
    assert "reported dates 2020-01-06" in a.published_from and "2019" not in a.published_from


def test_stories_dates_estimate_from_reported_only_is_less_confident():
    a, b = _art("x"), _art("y")
    estimate_published(a, ["2021-05-02"], "c-1", [])
    estimate_published(b, [], "c-1", ["2021-05-02"])
    assert a.published == "2021-05-02" and a.published_confidence < b.published_confidence


def test_stories_dates_never_override_stated_date():
    a = _art("x", published="2020-01-01")
    assert not estimate_published(a, ["2020-01-09"], "c-1", ["2020-01-08"])
    assert a.published == "2020-01-01" and not a.published_estimated
    assert not estimate_published(_art("x"), [], "c-1", [])


def test_stories_dates_gap():
    assert gap_days("2020-01-01", "2020-01-08") == 7
    assert gap_days("2020-01", "2020-01-08") is None
