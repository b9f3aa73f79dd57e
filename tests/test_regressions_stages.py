"""Inputs that broke a per-article stage under fuzzing (tests/fuzz/test_stages_fuzz.py,
tests/fuzz/atheris_stages.py), kept as plain example tests.

Each test names the stage, the input the fuzzer reduced it to, and what went wrong.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from storyline.analyze import analyze_doc
from storyline.model import Article
from storyline.nlp.dates import PAST, find_times, normalize


@pytest.fixture(scope="module")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def test_regressions_dates_year_in_non_ascii_digits_gives_ascii_iso():
    # "20٢٠" (Arabic-Indic digits) matched the year pattern (\d is Unicode) and came back
    # verbatim as the year value: not ISO 8601.
    value, precision = normalize("20٢٠", dt.date(2020, 1, 4), PAST)
    assert (value, precision) == ("2020", "year")
    times = find_times(None, "It happened in 20٢٠, officials said.", "2020-01-04")
    assert times and all(t.value is None or t.value.isascii() for t in times)


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-31"])
def test_regressions_dates_anchor_at_the_calendar_edge_never_overflows(published):
    # A structured-metadata date of 0001-01-01 passes the cleaner (it is not in the future);
    # "yesterday" then overflowed datetime.date and the whole dates sub-stage failed.
    # At 9999-12-31 "next year" gave the five-digit year "10000".
    anchor = dt.date.fromisoformat(published)
    for expr in ["yesterday", "Sunday", "last week", "next year", "three years ago",
                 "last December", "tomorrow"]:
        value, precision = normalize(expr, anchor, PAST)
        assert value is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?", value), (expr, value)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_regressions_analyze_doc_anchor_at_the_calendar_edge_records_no_error(nlp, published):
    # Before the fix: errors == ["nlp.dates: OverflowError: date value out of range",
    # "events: OverflowError: date value out of range"] (the events' fallback dating too).
    text = ("Officials said yesterday that the talks had ended. Police said 12 people were "
            "killed on Sunday. The talks will resume next year, he said.")
    article = Article(id="edge", source="edge", text=text, published=published)
    analysis = analyze_doc(nlp(text), article)
    assert analysis.errors == []
    assert all(t.value is None or t.value[:1].isdigit() and len(t.value.split("-")[0]) == 4
               for t in analysis.times)


@pytest.mark.timeout(120)
def test_regressions_quotes_long_unpunctuated_paragraph_stays_near_parse_time(nlp):
    # One 14 KB "sentence" of 400 quotes each with its own "said": every quote was checked
    # against every frame of the sentence by searching the text between them for a sentence
    # break, which is cubic (28 s here, 217 s at 800 quotes). Now a bisect on breaks found once.
    import time

    from storyline.extract.quotes import extract_quotes
    from storyline.nlp import annotate

    text = ("he said “we will go there now” and " * 400).strip()
    article = Article(id="long", source="long", text=text)
    t0 = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - t0
    analysis = annotate(doc, article)
    t0 = time.perf_counter()
    quotes = extract_quotes(doc, article, analysis)
    quote_s = time.perf_counter() - t0
    assert quotes and all(q.text == text[q.start : q.end] for q in quotes)
    assert quote_s < 2 * parse_s + 2.0, (quote_s, parse_s)


@pytest.mark.timeout(120)
def test_regressions_claims_run_of_a_thousand_numbers_stays_near_parse_time(nlp):
    # "12 12 12 ..." (1,000 numbers, one sentence): each number's run was scanned from every
    # member and re-derived its sentence (Token.sent walks the sentence) at every step, so the
    # claims stage took 70 s here. Now the sentence is found once and runs are bounded.
    import time

    text = ("12 " * 1000).strip()
    article = Article(id="nums", source="nums", text=text, published="2020-01-04")
    t0 = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    analysis = analyze_doc(doc, article)
    stage_s = time.perf_counter() - t0
    assert analysis.errors == []
    assert stage_s < parse_s + 5.0, (stage_s, parse_s)
