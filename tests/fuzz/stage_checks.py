"""Inputs and invariants shared by the stage fuzz tests and the atheris stage target.

The invariants are the data contract of ``storyline.model`` (offsets are character offsets
into ``Article.text``) plus what each stage documents about itself. They raise
``AssertionError`` with the offending record, so hypothesis and atheris both report them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from storyline.model import Article, ArticleAnalysis, TimeExpr

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Every quote style news text uses, plus the apostrophes that look like closing marks.
QUOTE_MARKS = ['"', "“", "”", "«", "»", "„", "‘", "’", "‹", "›", "‚", "'", "''", "″"]
MONTHS = ["January", "Feb.", "March", "May", "June", "Sept", "December", "Jan", "may", "march"]
WEEKDAYS = ["Monday", "Friday", "Sunday", "Wed", "Sat", "thursday"]
DASHES = ["-", "—", "–", "--", " — ", "‐"]
HANDLES = ["@SecPompeo", "@", "@_x", "(@UN)", "#Pakistan", "@a.b"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "<", ">", "(Reuters)"]
DIGITS = ["0", "3", "31", "2020", "1999", "١٢", "20٢٠", "2020-01-03", "12:30", "3rd", "99", "1e9",
          "½", "²"]
WORDS = [
    "said", "told", "tweeted", "according to", "he", "she", "they", "it", "the army chief",
    "Pompeo", "General Bajwa", "Iran", "the statement", "at least", "killed", "people",
    "no casualties", "attacked", "met", "will", "on", "last", "next", "ago", "yesterday",
    "two days", "this week", "in", "of", "and", "not", ".", ",", ":", ";", "!", "?", "…",
    "\n", "\n\n", " ", "  ", "\t", "ISLAMABAD:", "By Jane Doe", "Related Articles", "é", "中文",
    "\u200b", "\ufeff", "\u202e", "ﬁ",
]
TOKENS = QUOTE_MARKS + MONTHS + WEEKDAYS + DASHES + HANDLES + BRACKETS + DIGITS + WORDS
# What a mutation inserts into a real sentence.
INSERTS = QUOTE_MARKS + MONTHS + WEEKDAYS + DASHES + HANDLES + BRACKETS + DIGITS + ["\n", "\n\n"]

_ISO = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-(0[1-9]|1[0-2])"),
    "year": re.compile(r"\d{4}"),
    "week": re.compile(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])"),
}
_DURATION = re.compile(r"P(?:T)?(?:\d+|X)(?:Y|M|W|D|H)")
# Expressions whose past-tense reading must not land after the publication date: they carry
# no explicit year and no word pointing forward.
_FORWARD = re.compile(r"\b(next|tomorrow|coming|later|after|tonight|this|today)\b", re.I)


def seed_sentences() -> list[str]:
    """Real sentences from ../shared/seeds (empty when the folder is absent)."""
    out: list[str] = []
    for p in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else ():
        text = p.read_text(encoding="utf-8", errors="replace")
        out += [s.strip() for s in re.split(r"(?<=[.!?”\"])\s+|\n+", text) if len(s.strip()) > 20]
    return out


def mutate(sentence: str, ops: list[tuple[str, int, int]]) -> str:
    """Apply (op, position, choice) edits: insert a mark/name/digit, delete a stretch, duplicate."""
    s = sentence
    for op, pos, choice in ops:
        at = pos % (len(s) + 1)
        if op == "insert":
            s = s[:at] + INSERTS[choice % len(INSERTS)] + s[at:]
        elif op == "delete":
            s = s[:at] + s[at + 1 + choice % 12 :]
        elif op == "dup":
            s = s[:at] + s[at : at + 1 + choice % 40] + s[at:]
        elif op == "mark":
            # quote marks are the main thing: a second op that only inserts them
            s = s[:at] + QUOTE_MARKS[choice % len(QUOTE_MARKS)] + s[at:]
    return s


def as_article_text(text: str) -> str:
    """The shape the cleaner hands to the stages: stripped paragraphs joined by blank lines."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.replace("\r", "\n"))]
    return "\n\n".join(p for p in paras if p)


def _in(text: str, start: int | None, end: int | None, what: object) -> None:
    if start is None and end is None:
        return
    assert start is not None and end is not None, what
    assert 0 <= start <= end <= len(text), (start, end, len(text), what)


def check_time(t: TimeExpr, text: str | None, anchor: dt.date | None) -> None:
    """A TimeExpr: offsets in range, value valid ISO of its precision."""
    if text is not None:
        _in(text, t.start, t.end, t)
        assert text[t.start : t.end] == t.text, t
    check_value(t.value, t.precision, t.kind, t)


def check_value(value: str | None, precision: str, kind: str = "DATE", what: object = None) -> None:
    what = what if what is not None else (value, precision)
    if kind == "DURATION":
        assert value is None or _DURATION.fullmatch(value), what
        return
    assert precision in ("day", "month", "year", "week", "unknown"), what
    if precision == "unknown":
        assert value is None, what
        return
    assert value is not None and value.isascii() and _ISO[precision].fullmatch(value), what
    if precision == "day":
        dt.date.fromisoformat(value)


def check_past(expr: str, value: str | None, precision: str, anchor: dt.date) -> None:
    """A past-tense relative expression never resolves after the anchor.

    Bare "month day" is excluded: by design (``dates._year_for``) a past-tense date up to a
    month ahead is read as a scheduled event rather than as nearly a year back.
    """
    if value is None or precision == "unknown" or re.search(r"\d", expr) or _FORWARD.search(expr):
        return
    start = {
        "day": lambda v: dt.date.fromisoformat(v),
        "month": lambda v: dt.date(int(v[:4]), int(v[5:7]), 1),
        "year": lambda v: dt.date(int(v), 1, 1),
        "week": lambda v: dt.date.fromisocalendar(int(v[:4]), int(v[6:]), 1),
    }[precision](value)
    assert start <= anchor, (expr, value, anchor)


def check_analysis(article: Article, a: ArticleAnalysis) -> None:
    """Every per-article record keeps the model's contract; no sub-stage failed."""
    text = article.text
    assert a.errors == [], a.errors
    assert a.article_id == article.id
    for s in a.sentences:
        _in(text, s.start, s.end, s)
        assert text[s.start : s.end] == s.text, s
    keys = {e.key for e in a.entities}
    for m in a.mentions:
        _in(text, m.start, m.end, m)
        assert text[m.start : m.end] == m.text, m
        assert m.entity is None or m.entity in keys, m
    anchor = dt.date.fromisoformat(article.published) if article.published else None
    for t in a.times:
        check_time(t, text, anchor)
    for q in a.quotes:
        _in(text, q.start, q.end, q)
        assert q.text == text[q.start : q.end], q
        assert q.kind in ("direct", "indirect", "mixed"), q
        _in(text, q.speaker_start, q.speaker_end, q)
        assert q.speaker is None or q.speaker in keys, q
        assert q.via is None or q.via in keys, q
    n = len(a.sentences)
    for e in a.events:
        assert 0 <= e.sentence < max(n, 1), (e, n)
        _in(text, e.trigger_start, e.trigger_end, e)
        assert e.actor is None or e.actor in keys, e
        if e.date is not None and e.date_precision == "week":
            # An event's week is the ISO date of its Monday (docs/schema.md), a time
            # expression's the ISO week ("2020-W01").
            assert _ISO["day"].fullmatch(e.date), e
            assert dt.date.fromisoformat(e.date).weekday() == 0, e
        elif e.date is not None:
            check_value(e.date, e.date_precision, "DATE", e)
    for c in a.claims:
        assert 0 <= c.sentence < max(n, 1), (c, n)
        _in(text, c.start, c.end, c)
        assert c.modality in ("asserted", "denied"), c
        assert c.value is None or c.value == c.value, c  # never NaN
