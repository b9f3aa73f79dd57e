"""Dates for events when the language core has not resolved any.

``ArticleAnalysis.times`` (filled by ``storyline.nlp``) is the source of truth.
When it is empty (older stored analyses, or a failed sub-stage) we resolve the
parser's DATE entities ourselves with a few unambiguous rules, so that events
still get explicit dates. Anything relative ("on Friday", "yesterday") needs
the article's publication date; without it the value stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from ..model import TimeExpr

log = logging.getLogger(__name__)

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}

_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MD = re.compile(_MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_DM = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?\b", re.I
)
_MY = re.compile(
    r"^(?:in\s+|early\s+|late\s+|mid-?|(last|this|earlier this|later this)\s+)?"
    + _MONTH_RE
    + r"(?:,?\s+(\d{4}))?$",
    re.I,
)
_AGO = re.compile(r"^(\w+)\s+(day|days|year|years)\s+ago$")
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"^(?:in\s+)?(\d{4})$")
_WD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: dt.date | None) -> int | None:
    """News talks about the recent past: pick the year that puts the date nearest the anchor."""
    if anchor is None:
        return None
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _date(y, month, day)
        if d is not None and (best is None or abs((d - anchor).days) < abs((best - anchor).days)):
            best = d
    return best.year if best else None


def resolve(text: str, anchor: dt.date | None) -> tuple[str | None, str]:
    """(ISO value, precision) of one date phrase, given the article date (or None)."""
    t = text.strip().lower()
    m = _ISO.search(t)
    if m:
        d = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d.isoformat(), "day") if d else (None, "unknown")
    for rx, order in ((_MD, "md"), (_DM, "dm")):
        m = rx.search(t)
        if m:
            if order == "md":
                month, day, year = _MONTHS[m.group(1)[:3]], int(m.group(2)), m.group(3)
            else:
                day, month, year = int(m.group(1)), _MONTHS[m.group(2)[:3]], m.group(3)
            y = int(year) if year else _year_for(month, day, anchor)
            d = _date(y, month, day) if y else None
            return (d.isoformat(), "day") if d else (None, "unknown")
    m = _MY.match(t)
    if m:
        rel, month, year = m.group(1), _MONTHS[m.group(2)[:3]], m.group(3)
        if year:
            return f"{int(year):04d}-{month:02d}", "month"
        if anchor is None:
            return None, "unknown"
        if rel in ("this", "earlier this", "later this"):
            y = anchor.year
        elif rel == "last":
            # "last December" said in December means a year ago.
            y = anchor.year if month < anchor.month else anchor.year - 1
        else:
            y = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{y:04d}-{month:02d}", "month"
    m = _YEAR.match(t)
    if m:
        return m.group(1), "year"
    if anchor is None:
        return None, "unknown"
    if re.search(r"\b(this day|this date) (last|a) year\b|\b(a|one) year ago (today|this week)\b", t):
        # Anniversary writing: "on this day last year" is the same day one year earlier.
        try:
            return anchor.replace(year=anchor.year - 1).isoformat(), "day"
        except ValueError:  # 29 February
            return (anchor - dt.timedelta(days=365)).isoformat(), "day"
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", t):
        return anchor.isoformat(), "day"
    if re.search(r"\b(yesterday|last night)\b", t):
        return (anchor - dt.timedelta(days=1)).isoformat(), "day"
    m = _WD.search(t)
    if m and not re.search(r"\b(next|every|each|last week|coming)\b", t):
        # A bare weekday in news is the most recent one, the publication day included.
        back = (anchor.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
        if "last" in t.split() and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat(), "day"
    m = _AGO.match(t)
    if m and (m.group(1).isdigit() or m.group(1) in _SMALL):
        n = int(m.group(1)) if m.group(1).isdigit() else _SMALL[m.group(1)]
        if m.group(2).startswith("day") and n < 400:
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if m.group(2).startswith("year") and n < 200:
            return str(anchor.year - n), "year"
    if re.search(r"\b(earlier|later)? ?this month\b", t):
        return f"{anchor.year:04d}-{anchor.month:02d}", "month"
    if re.search(r"\b(earlier|later)? ?this year\b", t):
        return str(anchor.year), "year"
    if re.search(r"\blast month\b", t):
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", "month"
    if re.search(r"\blast year\b", t):
        return str(anchor.year - 1), "year"
    return None, "unknown"


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        d = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # Fuzzing: an anchor of 0001-01-01 made "yesterday" overflow datetime.date (and failed the
    # whole events stage); keep clear of datetime's limits, no news is dated there.
    return d if dt.date(1000, 1, 1) <= d <= dt.date(9998, 12, 31) else None


def fallback_times(doc: Any, published: str | None) -> list[TimeExpr]:
    """TimeExprs from the parser's DATE entities, resolved against the publication date."""
    anchor = parse_published(published)
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value, precision = resolve(ent.text, anchor)
        out.append(
            TimeExpr(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                value=value,
                precision=precision,
            )
        )
    return out
