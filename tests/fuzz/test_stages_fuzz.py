"""Property tests: random and mutated text through the cleaner and the per-article stages.

Stages covered: the cleaner (``prepare_article`` / ``clean_lines``), the quote-mark scanner and
the quote extractor, the date finder and normaliser, events and claims (through
``analyze_doc``, the guarded per-article stage). A sub-stage failure recorded in
``ArticleAnalysis.errors`` counts as a crash: the guard hid a bug. Invariants live in
``stage_checks.py`` (shared with ``atheris_stages.py``). Crashes found here become example
tests in ``tests/test_regressions_stages.py``.

The default run (``make test``) is short and derandomised; ``make fuzz`` (the ``long``
profile) runs many more examples with fresh randomness.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from stage_checks import (
    MONTHS,
    QUOTE_MARKS,
    TOKENS,
    WEEKDAYS,
    as_article_text,
    check_analysis,
    check_past,
    check_time,
    check_value,
    mutate,
    seed_sentences,
)

from storyline.analyze import analyze_doc
from storyline.extract.quote_marks import find_quote_spans
from storyline.ingest import prepare_article
from storyline.ingest.clean import clean_lines, split_lines
from storyline.model import Article, RawDocument
from storyline.nlp.dates import FUTURE, PAST, PRESENT, find_temporal_spans, find_times, normalize

LONG = settings.default.max_examples >= 1000  # the `long` profile (make fuzz)


def _fuzz(short: int, long: int | None = None) -> settings:
    """Short and the same every time in `make test`; ``long`` (default: the profile's) in `make fuzz`."""
    return settings(
        max_examples=(long or settings.default.max_examples) if LONG else short,
        deadline=None,
        derandomize=not LONG,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# Cheap stages (no parse) get more examples than the ones behind spaCy, whose parse is the cost.
CHEAP = _fuzz(200)
PARSED = _fuzz(30)

SENTENCES = seed_sentences()
# Mostly plausible publication dates, sometimes any date at all (metadata can say 0001-01-01).
ANCHORS = st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.dates())

token_text = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
any_text = st.one_of(token_text, st.text(max_size=600))
mixed_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=80).map(
    " ".join
)
mark_text = st.lists(
    st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(["a", "b c", " ", "\n", "\n\n", ".",
                                                               "’s", "he said", "It's"])),
    max_size=120,
).map("".join)
edits = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "dup", "mark"]), st.integers(0, 10_000),
              st.integers(0, 10_000)),
    min_size=1, max_size=10,
)


@st.composite
def mutated_seed_text(draw):
    """One to four real sentences from the seeds, each mutated."""
    if not SENTENCES:
        pytest.skip("../shared/seeds not found")
    sents = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
    joiner = draw(st.sampled_from([" ", "\n\n", "\n"]))
    return joiner.join(mutate(s, draw(edits)) for s in sents)


@pytest.fixture(scope="module")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _analyse(nlp, text: str, published: str | None = "2020-01-04"):
    text = as_article_text(text)
    assume(text.strip())
    article = Article(id="fuzz", source="fuzz", text=text, published=published)
    analysis = analyze_doc(nlp(text), article)
    check_analysis(article, analysis)
    return analysis


# ------------------------------------------------------------------------------- cleaner


def _check_cleaned(lines: list[str], drop: set[str]) -> None:
    c = clean_lines(lines, drop=drop)
    # every line ends up kept or removed, exactly once; a kept one only loses a dateline prefix
    assert len(c.paragraphs) + len(c.removed) == len(lines)
    rest = list(lines)
    for r in c.removed:
        rest.remove(r)
    for i, (p, src) in enumerate(zip(c.paragraphs, rest, strict=True)):
        assert p == src or (i == 0 and c.dateline and src.endswith(p)), (p, src)
    assert all(d not in c.paragraphs for d in drop)


@CHEAP
@given(lines=st.lists(st.one_of(mixed_text, st.sampled_from(SENTENCES or ["A sentence."])),
                      max_size=12),
       drop_some=st.booleans())
def test_stages_fuzz_clean_lines_partitions_every_line(lines, drop_some):
    lines = [x for x in split_lines("\n".join(lines))]
    _check_cleaned(lines, set(lines[:1]) if drop_some else set())


@CHEAP
@given(text=st.one_of(any_text, mixed_text, mark_text), published=st.one_of(
    st.none(), st.dates().map(dt.date.isoformat), st.text(max_size=12)))
def test_stages_fuzz_prepare_article_any_text_and_metadata(text, published):
    raw = RawDocument(source="f.txt", text=text, fmt="txt", published=published, url=None)
    a = prepare_article(raw, today=dt.date(2026, 1, 1))
    again = prepare_article(raw, today=dt.date(2026, 1, 1))
    if a is None:
        assert again is None
        return
    assert a.id == again.id and a.text == again.text  # deterministic
    assert a.text == a.text.strip() and "\n\n\n" not in a.text
    assert all(p.strip() == p and p for p in a.text.split("\n\n"))
    assert a.published is None or (re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published)
                                   and a.published <= "2026-01-01")


@CHEAP
@given(text=mutated_seed_text())
def test_stages_fuzz_prepare_article_mutated_sentences(text):
    a = prepare_article(RawDocument(source="f.txt", text=text, fmt="txt"))
    if a is not None:
        # no body character invented: every kept word was in the input
        words = set(re.findall(r"\w+", text))
        assert set(re.findall(r"\w+", a.text)) <= words


# ----------------------------------------------------------------------- quote-mark scanner


@CHEAP
@given(text=st.one_of(mark_text, token_text, mutated_seed_text() if SENTENCES else mark_text))
def test_stages_fuzz_quote_spans_stay_inside_their_marks(text):
    spans = find_quote_spans(text)
    prev_end = -1
    for s in spans:
        assert 0 <= s.open_at < s.start < s.end <= len(text), s
        assert s.start >= prev_end, (s, prev_end)  # outermost only, in order, no overlap
        assert s.close_at is None or (s.end <= s.close_at < len(text)), s
        prev_end = s.outer_end
        # never across a paragraph it was not continued into: an uncontinued span has no "\n\n"
        # followed by a non-mark
        for m in re.finditer(r"\n\s*\n\s*", text[s.start : s.end]):
            nxt = text[s.start + m.end() : s.start + m.end() + 1]
            assert nxt and nxt in "".join(QUOTE_MARKS), (s, text)


# ----------------------------------------------------------------------------------- dates


@st.composite
def date_expressions(draw):
    """Temporal expressions as written in news, plus junk around the grammar's edges."""
    month = draw(st.sampled_from(MONTHS + ["Jan.", "Sep", "Nov"]))
    wd = draw(st.sampled_from(WEEKDAYS))
    n = draw(st.sampled_from(["a", "one", "two", "12", "999", "several", "a few", "0", "٣"]))
    unit = draw(st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year",
                                 "years", "decade", "hours"]))
    day = draw(st.integers(0, 40))
    year = draw(st.integers(1000, 2999))
    forms = [
        f"{month} {day}", f"{month} {day}, {year}", f"{day} {month} {year}", f"{day}th of {month}",
        f"{month}", f"last {month}", f"next {month}", f"early {month}", f"{month} {year}",
        f"{wd}", f"last {wd}", f"next {wd}", f"this {wd} morning", f"{wd}, {month} {day}",
        "yesterday", "today", "tomorrow", "last night", "the day before yesterday",
        "this week", "last month", "next year", "the past week", "earlier this month",
        f"{n} {unit} ago", f"{n} {unit} earlier", f"the past {n} {unit}", f"{n} {unit}",
        f"{year:04d}-{draw(st.integers(0, 13)):02d}-{day:02d}", f"{year}",
        f"{year:04d}-{draw(st.integers(1, 12)):02d}-{day:02d}T10:00",
    ]
    expr = draw(st.sampled_from(forms))
    return draw(st.sampled_from(["", "on ", "in ", "since ", "the "])) + expr + draw(
        st.sampled_from(["", ".", ","]))


@CHEAP
@given(expr=st.one_of(date_expressions(), st.text(max_size=40)),
       anchor=st.one_of(st.none(), ANCHORS), tense=st.sampled_from([PAST, PRESENT, FUTURE]))
def test_stages_fuzz_normalize_gives_valid_iso_never_after_anchor_in_past(expr, anchor, tense):
    value, precision = normalize(expr, anchor, tense)
    check_value(value, precision)
    if anchor is None and value is not None:
        # without an anchor only self-contained dates resolve
        assert re.search(r"\d", expr), (expr, value)
    if anchor is not None and tense == PAST:
        check_past(expr, value, precision, anchor)


@CHEAP
@given(text=st.one_of(token_text, mixed_text, mutated_seed_text() if SENTENCES else token_text),
       anchor=st.one_of(st.none(), ANCHORS))
def test_stages_fuzz_time_expressions_found_in_any_text(text, anchor):
    spans = find_temporal_spans(text)
    for s, e, frag in spans:
        assert 0 <= s < e <= len(text) and text[s:e] == frag
    # without a parse every expression is read in the past tense (the news default)
    for t in find_times(None, text, anchor.isoformat() if anchor else None):
        check_time(t, text, anchor)
        if anchor is not None and t.kind != "DURATION":
            check_past(t.text, t.value, t.precision, anchor)


# ---------------------------------------------------------------- the whole per-article stage


@PARSED
@given(text=st.one_of(token_text, mixed_text, mark_text))
def test_stages_fuzz_analyze_random_text(nlp, text):
    _analyse(nlp, text)


@PARSED
@given(text=mutated_seed_text(), published=st.one_of(st.none(), ANCHORS.map(dt.date.isoformat)))
def test_stages_fuzz_analyze_mutated_seed_sentences(nlp, text, published):
    _analyse(nlp, text, published)


@_fuzz(6, long=60)
@given(sents=st.lists(st.sampled_from(SENTENCES or ["He said “yes.”"]), min_size=30, max_size=60),
       marks=st.lists(st.sampled_from(QUOTE_MARKS), min_size=1, max_size=40))
def test_stages_fuzz_analyze_very_long_paragraph(nlp, sents, marks):
    # one paragraph of 30-60 sentences with stray marks between them: no paragraph break caps
    # an unclosed quote
    parts = []
    for i, s in enumerate(sents):
        parts.append(s)
        parts.append(marks[i % len(marks)])
    _analyse(nlp, " ".join(parts))


# -------------------------------------------------------------------------- linear-ish time


@_fuzz(5, long=150)
@given(unit=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3).map(" ".join),
       reps=st.integers(200, 600))
def test_stages_fuzz_analyze_repeated_unit_stays_near_parse_time(nlp, unit, reps):
    """One token group repeated hundreds of times ("12 12 12 ...", "he said “x” and ...").

    Such runs found two superlinear stages (claims' number runs, quote attribution); every
    stage after the parse must stay within a small multiple of the parse's own time.
    """
    text = as_article_text((unit + " ") * reps)
    assume(text.strip())
    article = Article(id="rep", source="rep", text=text, published="2020-01-04")
    t0 = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    analysis = analyze_doc(doc, article)
    stage_s = time.perf_counter() - t0
    check_analysis(article, analysis)
    assert stage_s < 2 * parse_s + 3.0, (unit, reps, stage_s, parse_s)


def _marks_article(lines: int) -> str:
    row = ['" “ ” « » ‘ ’ \' "', "“”\"\"", "'' ‘‘ ’’ ,,", "«« »» „ ‚"]
    return "\n".join(row[i % len(row)] for i in range(lines))


@pytest.mark.timeout(120)
def test_stages_fuzz_ten_thousand_lines_of_marks_through_cleaner_and_dates():
    # the parse-free stages on the full 10,000 lines: cleaner, quote scanner, date finder
    raw = _marks_article(10_000)
    a = prepare_article(RawDocument(source="m.txt", text=raw, fmt="txt"))
    text = a.text if a is not None else raw
    spans = find_quote_spans(text)
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)
    assert find_temporal_spans(text) == []


@pytest.mark.timeout(240)
@pytest.mark.parametrize("lines", [1_000, pytest.param(10_000, marks=pytest.mark.slow)])
def test_stages_fuzz_lines_of_marks_through_analyze_doc(nlp, lines):
    """The whole guarded stage (language core, quotes, events, claims) on lines of quote marks.

    One paragraph per line, as the cleaner gives it, with the real parse. The parse is the
    cost (about 30 s for 10,000 lines on 2 cores, so that size is in `make fuzz` and
    `make test-slow`); the stages after it must stay far cheaper than the parse.
    """
    text = as_article_text(_marks_article(lines).replace("\n", "\n\n"))
    article = Article(id="marks", source="m", text=text, published="2020-01-04")
    t0 = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    analysis = analyze_doc(doc, article)
    stage_s = time.perf_counter() - t0
    check_analysis(article, analysis)
    assert stage_s < parse_s + 5.0, (stage_s, parse_s)


@pytest.mark.timeout(120)
def test_stages_fuzz_quote_scanner_time_grows_linearly():
    def best(n: int) -> float:
        text = _marks_article(n)
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            find_quote_spans(text)
            runs.append(time.perf_counter() - t0)
        return min(runs)

    small, big = best(2_500), best(20_000)
    # 8x the input: quadratic would be ~64x; allow generous noise over linear
    assert big < 24 * small + 0.05, (small, big)


# ----------------------------------------------------------------------------- atheris


def test_stages_fuzz_atheris_target_runs_clean(tmp_path):
    """The coverage-guided stage target, briefly in `make test` and for two minutes in `make fuzz`."""
    pytest.importorskip("atheris")
    seconds = 120 if LONG else 8
    target = Path(__file__).with_name("atheris_stages.py")
    run = subprocess.run(
        [sys.executable, str(target), f"-max_total_time={seconds}", "-rss_limit_mb=4096"],
        cwd=tmp_path, capture_output=True, text=True, timeout=seconds + 240,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    assert "Done" in run.stderr

