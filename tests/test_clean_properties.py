"""Property tests for the cleaner and metadata inference: no crash, no lost body text."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest import prepare_article
from storyline.ingest.clean import split_lines
from storyline.ingest.metadata import infer
from storyline.model import RawDocument

sentence = st.lists(
    st.text(alphabet=st.characters(min_codepoint=97, max_codepoint=122), min_size=2, max_size=9),
    min_size=12, max_size=30,
).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_clean_never_crashes_on_any_text(text):
    a = prepare_article(RawDocument(source="f.txt", text=text, fmt="txt"), today=dt.date(2026, 1, 1))
    if a is not None:
        assert a.text.strip()
        assert a.published is None or a.published <= "2026-01-01"


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=8), st.lists(st.sampled_from([
    "Related Articles", "Leave a Comment", "Share this", "Advertisement", "Photo: Reuters",
    "Follow The Gazette on Twitter and Facebook.", "Home World Asia Politics",
]), max_size=4), st.randoms())
def test_clean_keeps_every_body_sentence(body, furniture, rnd):
    lines = body + furniture
    rnd.shuffle(lines)
    a = prepare_article(RawDocument(source="f.txt", text="\n\n".join(lines), fmt="txt"))
    assert a is not None
    kept = " ".join(re.findall(r"\w+", a.text.lower()))
    for s in body:
        assert " ".join(re.findall(r"\w+", s.lower())) in kept
    for f in furniture:
        assert f not in a.text.split("\n\n")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=12), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_metadata_never_returns_future_or_malformed_dates(lines, today):
    m = infer(split_lines("\n".join(lines)), today=today)
    if m.published is not None:
        d = dt.date.fromisoformat(m.published)
        assert d <= today
