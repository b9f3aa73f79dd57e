"""Temporal expressions found in text and anchored to the calendar.

Finding is one compiled regular expression over the article text (no per-token parsing);
anchoring is ``normalize(text, anchor, tense)``: explicit dates stand on their own, relative
ones ("on Friday", "yesterday", "last month", "in November") are resolved against the
publication date and the tense of the verb that governs them. Without an anchor a relative
expression gets ``value=None`` and precision "unknown", so a later stage can re-anchor it with
``normalize`` once a publication date has been estimated.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from bisect import bisect_right
from typing import Any

from ..model import TimeExpr

log = logging.getLogger(__name__)

__all__ = [
    "FUTURE", "PAST", "PRESENT", "duration_value", "find_times", "normalize", "normalize_timeml",
    "reanchor", "tense_of",
]

PAST, PRESENT, FUTURE = "past", "present", "future"

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
    "a few": None, "many": None,
}
_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H",
         "minute": "MIN", "fortnight": "FN"}

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_ONLY = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few)"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)"
_PART = r"(?:morning|afternoon|evening|night)"

_PATTERNS = [
    # 2020-01-08, 2020-01-08T10:00
    rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d)?\b",
    # (Wednesday,) January 4th(,) 2020 / January 3 / Jan. 3
    rf"(?:\b{_WD},?\s+)?\b{_MON}\s+{_DAYNUM}\b(?:,?\s+{_YEAR}\b)?",
    # 4 January 2020 / 4th of January
    rf"\b{_DAYNUM}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?",
    # January 2020 / (last|next|this|early|late|mid-) November
    rf"(?:\b(?i:last|next|this|early|late|mid-?|earlier\s+in|later\s+in)\s+)?\b{_MONTH_ONLY}(?:,?\s+{_YEAR}\b)?",
    # (last|next|this) Friday (morning)
    rf"(?:\b(?i:last|next|this|early|late)\s+)?\b{_WD}(?:\s+(?i:{_PART}))?",
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
    r"|tonight|last\s+night)(?:\s+" + _PART + r")?\b",
    rf"\bthis\s+{_PART}\b",
    r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|past|previous|coming)\s+(?:week|month|year)\b",
    rf"\b{_NUM}\s+{_UNITS}\s+(?:ago|earlier|before)\b",
    rf"\b(?:the\s+)?(?:past|last|next|coming|previous)\s+{_NUM}\s+{_UNITS}\b",
    rf"\b{_NUM}\s+(?:more\s+)?{_UNITS}\b",
    rf"\b{_NUM}-(?:day|week|month|year|hour|minute)(?:-long)?\b(?!-old)",
    # quarters and halves: "the third quarter (of 2019)", "third-quarter", "last year's fourth
    # quarter", "the latest quarter", "Q3 2019", "the first half of 2020"
    rf"\b(?:the\s+)?(?:(?:this|last|next)\s+year's\s+|{_YEAR}\s+)?(?:fiscal\s+)?"
    rf"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?{_YEAR}|,?\s+{_YEAR})?\b",
    rf"\b(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:fiscal\s+)?{_YEAR}\b",
    r"\b(?:the\s+(?:latest|last|past|previous|most\s+recent|current|next|coming)?\s*|this\s+|next\s+|last\s+)"
    r"(?:fiscal\s+)?quarter\b(?!\s+(?:of|century|mile|inch|point|percent|hour)\b|-)",
    rf"\bQ[1-4](?:\s+{_YEAR})?\b",
    # seasons: only with a modifier or a year ("this summer", "last fall", "winter of 1994");
    # a bare season word is read later only after "in"/"during"/"since"...
    rf"\b(?:(?:this|last|next|coming|(?:this\s+)?past|early|late)\s+|the\s+)?"
    rf"(?:summer|fall|autumn|winter|spring)(?:\s+(?:of\s+)?{_YEAR}\b)?",
    # decades and centuries: "the 1990s", "the late '80s", "the nineties", "the 20th century"
    r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?:1[89]|20)\d0s|'\d0s)\b",
    r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|"
    r"eighties|nineties)\b",
    r"\b(?:the\s+)?(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b",
    # weekends
    r"\b(?:the|this|last|next|past)\s+weekend\b",
    # TimeML references to the present, past and future
    r"\b(?:right\s+)?now\b(?!\s+that\b)|\bcurrently\b|\bnowadays\b|\bthese\s+days\b",
    r"\b(?:more\s+|most\s+|until\s+|only\s+)?recently\b",
    r"\b(?:in\s+)?recent\s+(?:days|weeks|months|years|decades|times|quarters)\b",
    r"\b(?:in\s+)?the\s+(?:coming|next\s+few|next\s+several)\s+(?:days|weeks|months|years)\b",
    r"\bthe\s+(?:near\s+|distant\s+|foreseeable\s+)?future\b|\bsoon\b",
    r"\b(?:in\s+)?the\s+(?:near|short|long)\s+term\b",
    r"\b(?:in\s+)?the\s+past\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|few|days?|weeks?|months?|years?|decades?|quarters?|hours?|minutes?|"
    r"summers?|winters?|springs?|falls?|autumns?|century|weekend|generation|\w+\s+(?:days|weeks|months|years)))",
    rf"(?<![\d,.$£€])(?<!\d-){_YEAR}(?!\d|s\b|'s\b|,\d|-\d|\.\d)",
]
# Month and weekday names are matched with their capital ("May" vs "may"); the relative words
# ("Yesterday", "Last week" opening a sentence) in any case.
_CASED = 5
_FINDER = re.compile("|".join(
    f"(?:{p})" if i < _CASED else f"(?i:{p})" for i, p in enumerate(_PATTERNS)
))
# Month names that are also common words: only taken when written with a capital and a
# neighbour that makes them a date.
_AMBIGUOUS_MONTHS = {"may", "march", "june", "july", "august"}


# Anchors far enough from datetime's limits for the largest offset the finder reads
# ("999 years ago", "next year").
_ANCHOR_MIN, _ANCHOR_MAX = dt.date(1000, 1, 1), dt.date(9998, 12, 31)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


_MONTH_SLACK = 0
_DAY_SLACK = 60


def _year_for(month: int, day: int | None, anchor: dt.date, tense: str, mode: str = "") -> int:
    """The year of a month (and day) written without one, read from the anchor and tense."""
    y = anchor.year
    cur = (anchor.month, day or 0) if day else (anchor.month, 0)
    target = (month, day or 0)
    slack = dt.timedelta(days=2)

    def date_of(yy: int) -> dt.date:
        try:
            return dt.date(yy, month, min(day or 1, 28) if day is None else day)
        except ValueError:
            return dt.date(yy, month, 28)

    if mode == "last":
        return y if (month < anchor.month) else y - 1
    if mode == "next":
        return y if (month > anchor.month) else y + 1
    if day is None:
        # the past-tense "in November" never lies after the anchor (the fuzz properties hold
        # us to it); the knob is kept at 0 on purpose
        if tense == PAST:
            return y if month <= anchor.month + _MONTH_SLACK else y - 1
        if tense == FUTURE:
            return y if month >= anchor.month - _MONTH_SLACK else y + 1
        diff = month - anchor.month
        return y - 1 if diff > 6 else (y + 1 if diff < -6 else y)
    del cur, target
    d = date_of(y)
    # a past-tense date a few weeks ahead is more often a misread tense or a scheduled event
    # than one nearly a year back
    if tense in (PAST, PRESENT) and d > anchor + slack and (d - anchor).days > _DAY_SLACK:
        return y - 1
    if tense == FUTURE and d < anchor - slack:
        return y + 1
    if tense not in (PAST, FUTURE):
        best = min((y - 1, y, y + 1), key=lambda yy: abs((date_of(yy) - anchor).days))
        return best
    return y


def _count(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBERS.get(w)


def normalize(text: str, anchor: dt.date | None, tense: str = PAST) -> tuple[str | None, str]:
    """ISO value and precision of a temporal expression.

    ``anchor`` is the publication date; ``tense`` ("past", "present", "future") of the governing
    verb decides the direction of bare weekdays and months. Returns (None, "unknown") for a
    relative expression without an anchor, or for something that is not a calendar date.
    """
    if anchor is not None and not _ANCHOR_MIN <= anchor <= _ANCHOR_MAX:
        # Fuzzing: a metadata date of 0001-01-01 made "yesterday" overflow datetime.date, and
        # 9999-12-31 gave "next year" the year 10000. No real publication date is out there.
        anchor = None
    t = " ".join(text.replace("’", "'").split())
    low = t.lower().rstrip(".,")
    low = re.sub(r"^(?:on|in|since|by|during|until|till|from|of|at|before|after|the)\s+", "", low)
    low = re.sub(r"(st|nd|rd|th)\b", "", low) if re.search(r"\d(st|nd|rd|th)\b", low) else low

    # ISO date (time part dropped: day precision is what the timeline uses)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day"
        except ValueError:
            return None, "unknown"

    # month day (year)
    m = re.search(r"\b([a-z]+)\.?\s+(\d{1,2})\b(?:,?\s+(\d{4}))?", low)
    if m and m[1] in _MONTHS:
        return _day_value(_MONTHS[m[1]], int(m[2]), m[3], anchor, tense)
    m = re.search(r"\b(\d{1,2})\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?", low)
    if m and m[2] in _MONTHS:
        return _day_value(_MONTHS[m[2]], int(m[1]), m[3], anchor, tense)

    # month (year)
    m = re.search(r"^(?:(last|next|this|early|late|mid-?|earlier in|later in)\s+)?([a-z]+)(?:,?\s+(\d{4}))?$", low)
    if m and m[2] in _MONTHS:
        month = _MONTHS[m[2]]
        if m[3]:
            return f"{int(m[3]):04d}-{month:02d}", "month"
        if anchor is None:
            return None, "unknown"
        if m[1] == "this":
            return f"{anchor.year:04d}-{month:02d}", "month"  # "this September": the anchor's year
        mode = m[1] if m[1] in ("last", "next") else ""
        y = _year_for(month, None, anchor, tense, mode)
        return f"{y:04d}-{month:02d}", "month"

    # weekday
    m = re.search(r"^(?:(last|next|this|early|late)\s+)?([a-z]+)(?:\s+(morning|afternoon|evening|night))?$", low)
    if m and m[2] in _WEEKDAYS:
        if anchor is None:
            return None, "unknown"
        wd = _WEEKDAYS[m[2]]
        mod = m[1]
        back = (anchor.weekday() - wd) % 7
        fwd = (wd - anchor.weekday()) % 7
        if mod == "last":
            d = anchor - dt.timedelta(days=back or 7)
        elif mod == "next" or tense == FUTURE:
            d = anchor + dt.timedelta(days=fwd or 7)
        elif tense == PRESENT and 0 < fwd < back:
            d = anchor + dt.timedelta(days=fwd)  # "meets Tuesday": present tense for a schedule
        else:
            d = anchor - dt.timedelta(days=back)
        return d.isoformat(), "day"

    rel = {
        "today": 0, "tonight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
        "the day before yesterday": -2, "day before yesterday": -2, "the day after tomorrow": 2,
        "day after tomorrow": 2, "this morning": 0, "this afternoon": 0, "this evening": 0,
    }
    base = re.sub(r"\s+(morning|afternoon|evening|night)$", "", low) if low not in rel else low
    if base in rel:
        if anchor is None:
            return None, "unknown"
        return (anchor + dt.timedelta(days=rel[base])).isoformat(), "day"

    m = re.match(r"^(?:(earlier|later)\s+)?(this|last|next|past|previous|coming)\s+(week|month|year)$", low)
    if m:
        if anchor is None:
            return None, "unknown"
        k = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[m[2]]
        if m[2] == "past" or (m[2] == "coming"):
            return None, "unknown"  # "the past week" is a span ending now, not a calendar week
        if m[3] == "week":
            return _week(anchor + dt.timedelta(days=7 * k)), "week"
        if m[3] == "month":
            y, mo = _shift_month(anchor.year, anchor.month, k)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{anchor.year + k:04d}", "year"

    m = re.match(r"^(\w+(?: few)?)\s+(day|week|month|year|decade)s?\s+(ago|earlier|before)$", low)
    if m:
        n = _count(m[1])
        if anchor is None or n is None:
            return None, "unknown"
        if m[2] == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if m[2] == "week":
            return _week(anchor - dt.timedelta(days=7 * n)), "week"
        if m[2] == "month":
            y, mo = _shift_month(anchor.year, anchor.month, -n)
            return f"{y:04d}-{mo:02d}", "month"
        if m[2] == "year":
            return f"{anchor.year - n:04d}", "year"
        return None, "unknown"

    m = re.match(r"^(\d{4})$", low)
    if m:
        # int(): \d also matches non-ASCII digits ("20٢٠"); the value must be ASCII ISO.
        return f"{int(m[1]):04d}", "year"
    return None, "unknown"


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9),
            "winter": ("WI", 12)}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_REFS = (
    (re.compile(r"^(?:right )?now$|^currently$|^nowadays$|^these days$"), "PRESENT_REF"),
    (re.compile(r"^(?:more |most |until |only )?recently$|^(?:in )?recent \w+$|^(?:in )?the past$"),
     "PAST_REF"),
    (re.compile(r"^(?:in )?the (?:coming|next few|next several) \w+$|future$|^soon$"
                r"|^(?:in )?the (?:near|short|long) term$"), "FUTURE_REF"),
)


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _century(anchor: dt.date, decade: int) -> int:
    """Century of a decade written without one ("the '90s", "the nineties"): the latest one."""
    return anchor.year // 100 - (1 if decade > anchor.year % 100 // 10 else 0)


def _special(low: str, anchor: dt.date | None,
             tense: str) -> tuple[str | None, str, str | None] | None:
    """(value, precision, TimeML value) of expressions beyond calendar dates, else None.

    Quarters, halves and seasons keep the calendar part they are sure of (the year) in
    ``value``, weekends their ISO week with precision "week"; the full TimeML value ("2019-Q3",
    "2019-SU", "2020-W01-WE", "199", "PRESENT_REF") comes third. Relative ones need the anchor.
    """
    for rx, ref in _REFS:
        if rx.search(low):
            return None, "unknown", ref
    low = re.sub(r"^(?:the|in|during|over|of)\s+", "", low)
    # quarters
    m = re.search(r"(?:(this|last|next) year's |(\d{4}) )?(?:fiscal )?(first|second|third|fourth|1st|2nd|3rd|4th)"
                  r"[\s-]+(?:fiscal )?quarter(?:(?: of|,)? (?:fiscal )?(\d{4}))?$", low)
    m2 = re.match(r"^q([1-4])(?: (\d{4}))?$", low)
    if m or m2:
        q = _ORD[m[3]] if m else int(m2[1])
        year = (m[2] or m[4]) if m else m2[2]
        if year:
            y = int(year)
        elif anchor is None:
            return None, "unknown", None
        else:
            rel = m[1] if m else None
            y = anchor.year + {"this": 0, "last": -1, "next": 1}.get(rel or "", 0)
            if not rel:
                cur = _quarter_of(anchor)
                if tense == PAST and q > cur:
                    y -= 1  # "the fourth quarter" reported in January
                elif tense == FUTURE and q < cur:
                    y += 1
        return f"{y:04d}", "year", f"{y:04d}-Q{q}"
    m = re.match(r"^(?:(latest|last|past|previous|most recent|current|next|coming|this) )?(?:fiscal )?quarter$", low)
    if m:
        if anchor is None:
            return None, "unknown", None
        if m[1] in ("next", "coming"):
            k = 1
        elif m[1] in ("this", "current"):
            k = 0
        elif m[1] is None:
            k = -1 if tense == PAST else 0  # "profit rose in the quarter": the one just reported
        else:
            k = -1
        y, mo = _shift_month(anchor.year, anchor.month, 3 * k)
        return f"{y:04d}", "year", f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    m = re.match(r"^(first|second) half of (?:fiscal )?(\d{4})$", low)
    if m:
        return f"{int(m[2]):04d}", "year", f"{int(m[2]):04d}-H{_ORD[m[1]]}"
    # seasons
    m = re.match(r"^(?:(this|last|next|coming|this past|past|early|late) )?(spring|summer|fall|autumn|winter)"
                 r"(?: (?:of )?(\d{4}))?$", low)
    if m:
        code, start = _SEASONS[m[2]]
        if m[3]:
            y = int(m[3])
        elif anchor is None:
            return None, "unknown", None
        else:
            mod, y = m[1], anchor.year
            if mod in ("last", "past", "this past"):
                y -= 0 if start < anchor.month else 1
            elif mod in ("next", "coming"):
                y += 0 if start > anchor.month else 1
            elif tense == PAST and mod != "this":
                y -= 0 if start <= anchor.month else 1
            elif tense == FUTURE and mod != "this":
                y += 0 if start + 2 >= anchor.month else 1
            elif code == "WI" and anchor.month <= 2:
                y -= 1  # "this winter" in January began the December before
        return f"{y:04d}", "year", f"{y:04d}-{code}"
    # decades and centuries
    m = re.match(r"^(?:(?:early|mid|late)[\s-]+)?(?:(\d{3})0s|'(\d)0s)$", low)
    if m:
        if m[1]:
            return None, "unknown", str(int(m[1]))
        if anchor is None:
            return None, "unknown", None
        return None, "unknown", f"{_century(anchor, int(m[2])):02d}{m[2]}"
    m = re.match(r"^(?:(?:early|mid|late)[\s-]+)?(\w+ies)$", low)
    if m and m[1] in _DECADE_WORDS:
        if anchor is None:
            return None, "unknown", None
        d = _DECADE_WORDS[m[1]]
        return None, "unknown", f"{_century(anchor, d):02d}{d}"
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)? century$", low)
    if m:
        return None, "unknown", f"{int(m[1]) - 1:02d}"
    # weekends: the latest one in the past tense, the coming one ahead
    m = re.match(r"^(?:(this|last|next|past) )?weekend$", low)
    if m:
        if anchor is None:
            return None, "unknown", None
        sat = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # latest Saturday <= anchor
        if m[1] == "next" or (m[1] != "last" and m[1] != "past" and tense == FUTURE
                              and anchor.weekday() < 5):
            sat += dt.timedelta(days=7)
        elif m[1] in ("last", "past") and anchor.weekday() >= 5:
            sat -= dt.timedelta(days=7)
        return _week(sat), "week", f"{_week(sat)}-WE"
    return None


def normalize_timeml(text: str, anchor: dt.date | None,
                     tense: str = PAST) -> tuple[str | None, str, str | None]:
    """(value, precision, TimeML value) of a temporal expression.

    ``value`` is a calendar date ("YYYY-MM-DD", "YYYY-MM", "YYYY", or an ISO week "YYYY-Www" with
    precision "week", as before) or None; the TimeML value adds what the calendar cannot say:
    quarters, seasons, decades, weekends, parts of day ("2020-01-08TMO") and PRESENT_REF /
    PAST_REF / FUTURE_REF.
    """
    if anchor is not None and not _ANCHOR_MIN <= anchor <= _ANCHOR_MAX:
        anchor = None
    low = " ".join(text.replace("’", "'").split()).lower().rstrip(".,")
    sp = _special(low, anchor, tense)
    if sp is not None:
        return sp
    value, precision = normalize(text, anchor, tense)
    timeml = value
    if value and precision == "day":
        pm = re.search(r"\b(morning|afternoon|evening|night|tonight)\b", low)
        if pm:
            timeml = f"{value}T{_PART_CODE[pm[1]]}"
    return value, precision, timeml


def _day_value(month: int, day: int, year: str | None, anchor: dt.date | None,
               tense: str) -> tuple[str | None, str]:
    if year:
        y = int(year)
    elif anchor is None:
        return None, "unknown"
    else:
        y = _year_for(month, day, anchor, tense)
    try:
        return dt.date(y, month, day).isoformat(), "day"
    except ValueError:
        return None, "unknown"


def duration_value(text: str) -> str | None:
    """ISO 8601 duration of "three months", "two years" ("P3M", "P2Y"); None if uncounted."""
    m = re.search(r"(\w+(?: few)?)[\s-]+(?:more\s+)?(day|week|month|year|decade|hour|minute)s?\b", text.lower())
    if not m:
        return None
    n = _count(m[1])
    unit = m[2]
    if n is None:
        n_s = "X"
    else:
        n_s = str(n * 10) if unit == "decade" else str(n)
    if unit in ("hour", "minute"):
        return f"PT{n_s}{'H' if unit == 'hour' else 'M'}"
    return f"P{n_s}{'Y' if unit == 'decade' else _UNIT[unit]}"


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
# Verbs whose infinitive complement lies ahead of them: "agreed to meet on Friday".
_FORWARD_VERBS = frozenset({
    "go", "intend", "hope", "want", "aim", "decide", "agree", "ask", "order", "vow", "promise",
    "pledge", "prepare", "threaten", "urge", "invite", "summon", "subpoena", "call", "seek",
    "plan", "expect", "schedule", "require", "need", "wish", "offer", "propose", "move",
})
_SCHEDULE_VERBS = frozenset({"plan", "schedule", "postpone", "delay", "adjourn", "expect", "slate",
                             "due", "set"})


def tense_of(token: Any, _depth: int = 0) -> str:
    """Tense of the verb governing ``token``: future with will/shall/going to, past with VBD/VBN."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.head.i == t.i:
            break
        t = t.head
    if t.pos_ not in ("VERB", "AUX"):
        return PAST
    aux_tags = []
    for c in t.children:
        if c.dep_ in ("aux", "auxpass"):
            lw = c.lower_
            if lw in _FUTURE_AUX or lw == "would":
                return FUTURE
            aux_tags.append(c.tag_)
    if t.lemma_ in _SCHEDULE_VERBS:
        return FUTURE  # "planned a rally on Saturday", "postponed until Tuesday"
    # "is going to visit", "plans to visit on Friday" -> the infinitive looks ahead
    if t.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children):
        h = t.head
        if h.lemma_ in _SCHEDULE_VERBS or h.lemma_ in _FORWARD_VERBS:
            return FUTURE
        return tense_of(h, _depth + 1) if h.i != t.i and _depth < 3 else PAST
    # the finite auxiliary carries the tense: "is scheduled" present, "was killed" past
    if any(tag == "VBD" for tag in aux_tags):
        return PAST
    if any(tag in ("VBZ", "VBP") for tag in aux_tags) and t.tag_ != "VBN":
        return PRESENT
    if t.tag_ in ("VBD", "VBN"):
        return PAST
    if t.tag_ in ("VBZ", "VBP", "VBG"):
        return PRESENT
    return PAST


def _anchor(published: str | dt.date | None) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _kind(match: str) -> str:
    low = match.lower()
    if re.search(r"\b(ago|earlier|before)\b", low):
        return "DATE"
    if re.search(r"\b(morning|afternoon|evening|night|tonight)\b", low):
        return "TIME"
    if re.search(r"\d\d:\d\d", low):
        return "TIME"
    if re.search(rf"\b{_NUM}[\s-]+(?:more\s+)?{_UNITS}\b", low, re.IGNORECASE) and not re.search(
            r"\b(this|last|next|previous)\s+(week|month|year)\b", low):
        return "DURATION"
    return "DATE"


def find_temporal_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every temporal expression the patterns find, left to right."""
    out = []
    for m in _FINDER.finditer(text):
        s, e = m.span()
        frag = m.group(0)
        word = frag.strip().rstrip(".").lower()
        if word in _AMBIGUOUS_MONTHS or word in ("sun", "sat", "wed", "mar"):
            # "May" alone is mostly the verb; "March" alone is a noun or verb just as often
            if not frag[:1].isupper() or not re.search(r"\b(in|of|since|until|by|last|next|this|early|late)\s+$",
                                                        text[max(0, s - 12):s]):
                continue
        if re.fullmatch(r"(?:the\s+)?(?:spring|summer|fall|autumn|winter)", word) and (
                not re.search(r"\b(?:in|during|since|until|by|through|throughout|over|for|before|after)\s+$",
                              text[max(0, s - 12):s])
                or re.match(r"\s+of\b", text[e:e + 4])):
            continue  # "prices fall", "the fall of Kabul": a bare season word needs "in", "during"...
        if re.fullmatch(r"(?:an?|one)\s+day|one\s+(?:week|month|year)", word):
            continue  # "one day", "a year" alone are too often not temporal references
        out.append((s, e, frag))
    return out


def find_times(doc: Any, text: str, published: str | dt.date | None) -> list[TimeExpr]:
    """TimeExpr for every temporal expression in ``text``, anchored on the publication date."""
    anchor = _anchor(published)
    spans = find_temporal_spans(text)
    if not spans:
        return []
    idx = [t.idx for t in doc] if doc is not None else []
    out: list[TimeExpr] = []
    for s, e, frag in spans:
        tense = PAST
        if idx:
            i = bisect_right(idx, s) - 1
            tense = tense_of(doc[max(i, 0)])
        kind = _kind(frag)
        low = " ".join(frag.split()).lower()
        ref = next((r for rx, r in _REFS if rx.search(low.rstrip(".,"))), None)
        if kind == "DURATION" and ref is None:
            dur = duration_value(frag)
            out.append(TimeExpr(start=s, end=e, text=frag, value=None, precision="unknown",
                                kind="DURATION", tense=tense, timeml=dur))
            continue
        value, precision, timeml = normalize_timeml(frag, anchor, tense)
        if ref is not None:
            kind = "DATE"
        out.append(TimeExpr(start=s, end=e, text=frag, value=value, precision=precision, kind=kind,
                            tense=tense, timeml=timeml))
    return out


def reanchor(times: list[TimeExpr], published: str | dt.date | None,
             tenses: list[str] | None = None) -> list[TimeExpr]:
    """The same expressions resolved against another publication date (e.g. an estimated one).

    Each expression is read again with the tense it was found with (``TimeExpr.tense``);
    ``tenses``, one per expression, overrides them. Durations are kept as they are.
    """
    anchor = _anchor(published)
    out = []
    for i, t in enumerate(times):
        if t.kind == "DURATION":
            out.append(TimeExpr(t.start, t.end, t.text, t.value, t.precision, t.kind, t.tense, t.timeml))
            continue
        tense = tenses[i] if tenses is not None else (t.tense or PAST)
        value, precision, timeml = normalize_timeml(t.text, anchor, tense)
        out.append(TimeExpr(t.start, t.end, t.text, value, precision, t.kind, tense, timeml))
    return out
