"""Dates for story clustering: what an article reports, and estimated publication dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from statistics import median_low

from ..model import Article, ArticleAnalysis

__all__ = ["reported_dates", "day", "gap_days", "estimate_published"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_MDY = re.compile(_MON + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# Confidence of an estimated date: below any date an article states about itself.
ESTIMATED_CONFIDENCE = 0.3


@functools.lru_cache(maxsize=8192)
def day(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or a longer ISO stamp) to a date; None for coarser or bad values."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def gap_days(a: str | None, b: str | None) -> int | None:
    da, db = day(a), day(b)
    return None if da is None or db is None else abs((da - db).days)


def _safe(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _explicit_dates(text: str) -> list[str]:
    out = []
    for m in _MDY.finditer(text):
        out.append(_safe(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))))
    for m in _DMY.finditer(text):
        out.append(_safe(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))))
    for m in _ISO.finditer(text):
        out.append(_safe(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return [d for d in out if d]


def reported_dates(article: Article, analysis: ArticleAnalysis | None) -> list[str]:
    """Day-precision calendar dates the article reports, sorted and unique.

    Uses the language core's resolved time expressions; dates written out in
    full (with a year) are read directly as well, so this works before the core
    resolves relative dates and for undated articles that cannot anchor them.
    """
    found: set[str] = set()
    if analysis is not None:
        for t in analysis.times:
            if t.kind == "DATE" and t.precision == "day" and day(t.value):
                found.add(t.value[:10])
    found.update(_explicit_dates(article.text))
    return sorted(found)


def estimate_published(
    article: Article,
    reported: list[str],
    chapter_id: str | None,
    chapter_dates: list[str],
) -> bool:
    """Give an undated ``article`` an estimated publication date; True when one was set.

    The estimate is the typical publication date of the dated articles in its
    chapter, moved later when the article itself reports a later day (it cannot
    be published before what it reports); with no dated chapter mates, the
    latest day it reports. A date the article states itself is never touched.
    """
    if article.published and not article.published_estimated:
        return False
    mates = sorted(d for d in chapter_dates if day(d))
    anchor = median_low(mates) if mates else None
    evidence = []
    if anchor:
        evidence.append(f"chapter {chapter_id} dated {anchor}")
    est = anchor
    if reported:
        # Reported days far from the chapter are background (anniversaries, plans), not this news.
        near = [r for r in reported if anchor is None or -14 <= (day(r) - day(anchor)).days <= 3]
        if near:
            latest = max(near)
            evidence.append("reported dates " + ", ".join(near[-3:]))
            if est is None or latest > est:
                est = latest
    if est is None:
        return False
    article.published = est
    article.published_estimated = True
    article.published_from = "estimated: " + " and ".join(evidence)
    article.published_confidence = ESTIMATED_CONFIDENCE if anchor else ESTIMATED_CONFIDENCE / 2
    return True
