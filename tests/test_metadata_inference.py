"""Metadata inference: dates with their evidence, outlets named by the text, nothing invented."""

from __future__ import annotations

import datetime as dt

from storyline.ingest import prepare_article
from storyline.ingest.metadata import infer, parse_date
from storyline.model import RawDocument

TODAY = dt.date(2026, 11, 24)


def _art(text, **kw):
    return prepare_article(RawDocument(source="t.txt", text=text, fmt="txt", **kw), today=TODAY)


def test_metadata_seed_dates_and_outlets(seed_articles):
    got = [(a.published, a.outlet) for a in seed_articles]
    assert got[2] == ("2020-01-04", "Dawn")
    assert got[4][0] == "2020-01-08"
    assert got[1][1] == "SAMAA English"
    assert got[1][0] == "2020-01-03"  # from the embedded tweet's date, with low confidence
    assert seed_articles[1].published_confidence < seed_articles[2].published_confidence
    assert got[3] == (None, "Newsweek Pakistan")
    # the two texts that name no outlet get none, and no date is invented
    assert got[0] == (None, None)
    assert got[4][1] is None
    assert seed_articles[0].dateline == "ISLAMABAD" and seed_articles[2].dateline == "ISLAMABAD"


def test_metadata_published_in_signature():
    a = _art("Heavy rain hit the city on Monday, flooding roads.\n\nPublished in The Herald, March 2nd, 2021")
    assert a.published == "2021-03-02" and a.outlet == "The Herald" or a.outlet == "Herald"
    assert "Published in" not in a.text
    assert a.published_from.startswith("text:Published in")


def test_metadata_date_line_and_leading_iso():
    a = _art("2005/01/08 Tsunami aid donations deductible\n\nSaturday, January 8, 2005\n\n"
             "Citizens donating in 2005 may write off their donations on their 2004 returns.")
    assert a.published == "2005-01-08"
    b = _art(" date 2019-07-01 The council approved the budget after a long debate on Monday.")
    assert b.published == "2019-07-01" and b.text.startswith("The council")


def test_metadata_future_date_is_refused_and_recorded():
    a = _art("The ministry said the plan was on track.\n\nPublished in Dawn, January 4th, 2031")
    assert a.published is None
    assert any("future" in c for c in a.date_conflicts)


def test_metadata_conflicting_dates_are_recorded():
    a = _art("date 2020-01-08 The talks ended without a deal, officials said.", published="2020-01-09")
    assert a.published == "2020-01-09"  # structured metadata wins
    assert any("2020-01-08" in c for c in a.date_conflicts)


def test_metadata_outlet_from_url_and_byline_person():
    m = infer(["Some text here."], url="https://www.example-news.com/2020/01/story")
    assert m.outlet == "example-news.com" and m.outlet_from.startswith("url:")
    a = _art("By John Smith\n\nThe mayor resigned on Friday after weeks of pressure from the council.")
    assert a.outlet is None and a.byline == "John Smith"


def test_metadata_parse_date_forms():
    assert parse_date("January 4th, 2020")[0] == dt.date(2020, 1, 4)
    assert parse_date("4 January 2020")[0] == dt.date(2020, 1, 4)
    assert parse_date("Jan. 4, 2020")[0] == dt.date(2020, 1, 4)
    assert parse_date("2020-01-04")[0] == dt.date(2020, 1, 4)
    assert parse_date("February 30, 2020") is None


def test_metadata_outlet_alone_matches_the_full_inference():
    from storyline.ingest.clean import split_lines
    from storyline.ingest.metadata import infer_outlet

    cases = [
        ("Published in Dawn, January 4th, 2020\n\nBody text here.", None, None),
        ("By Reuters Staff\n\nBody.", None, None),
        ("By Jane Roe\n\nBody.", None, "https://www.example.com/x"),
        ("Body only.", "Daily Example", None),
        ("Body only, nothing else.", None, None),
    ]
    found = []
    for text, outlet, url in cases:
        lines = split_lines(text)
        got = infer_outlet(lines, meta_outlet=outlet, url=url)
        assert got == infer(lines, meta_outlet=outlet, url=url, today=TODAY).outlet
        found.append(got)
    assert found[0] == "Dawn" and found[3] == "Daily Example" and found[4] is None


def test_metadata_date_in_the_file_name_or_url_path():
    from storyline.ingest.metadata import path_date

    assert path_date("crawl/text/nyt_2016-09-19_obama-speech.txt")[0] == dt.date(2016, 9, 19)
    assert path_date("/wire/APW19980807.0261.txt")[0] == dt.date(1998, 8, 7)
    assert path_date("https://example.com/news/2020/01/08/story")[0] == dt.date(2020, 1, 8)
    assert path_date("feeds/2015-06-01/items.jsonl#2")[0] == dt.date(2015, 6, 1)
    # an id, an impossible date, or a year folder far above the file: no date
    for path in ("/x/12345678.txt", "/x/20191332.txt", "/archive/2019/a/b/c/x.txt", "/x/id-2020123.txt"):
        assert path_date(path) is None, path


def test_metadata_a_path_date_yields_to_a_date_the_text_states():
    text = "Heavy rain hit the city on Monday, flooding roads across the north."
    a = prepare_article(RawDocument(source="in/2021-03-05_rain.txt", text=text, fmt="txt"), today=TODAY)
    assert a.published == "2021-03-05" and a.published_from == "path:2021-03-05"
    b = prepare_article(RawDocument(source="in/2021-03-05_rain.txt", text=text + "\n\nPublished in The Herald, "
                                    "March 2nd, 2021", fmt="txt"), today=TODAY)
    assert b.published == "2021-03-02" and b.published_confidence > a.published_confidence
    assert any("path:2021-03-05" in c for c in b.date_conflicts)
    future = prepare_article(RawDocument(source="in/2031-01-01.txt", text=text, fmt="txt"), today=TODAY)
    assert future.published is None
