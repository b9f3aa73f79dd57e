"""Temporal expressions found in text and anchored to the calendar.

Finding is one compiled regular expression over the article text (no per-token parsing);
anchoring is ``normalize(text, anchor, tense)``: explicit dates stand on their own, relative
ones ("on Friday", "yesterday", "last month", "in November") are resolved against the
publication date and the tense of the verb that governs them; anaphoric ones ("the next day",
"the following year", "that night", "later in the day", a clock time or the second day of a range
written without its day or month) are resolved against the latest calendar time mentioned before
them, TimeML's reference time (``_narrative``). Without an anchor a relative
expression gets ``value=None`` and precision "unknown", so a later stage can re-anchor it with
``normalize`` once a publication date has been estimated.

News conventions read here, with TimeML values in ``TimeExpr.timeml``: the quarter an earnings
report is about ("the quarter", "a year earlier" -> the same quarter a year before), clock times on
their day, sets ("each month", "on Mondays"), spelled years and counts of broadcast transcripts,
holidays, deadlines ("until Nov. 16" read as the nearest), rates and ages left out ("$5 a year",
"52 years old"), and TimeML extents that take in their modifiers ("nearly four years ago").

Conventions of general news as well: the present tense is the schedule ("the agreement expires
Dec. 31", "arrives Monday" look ahead), a weekday named on its own day in the future tense is that
day (wire copy names today by its weekday), a modal before a bare verb looks ahead ("could resign
Monday"), "last February" said in March is a year back and "last summer" the latest summer that
has ended; vague spans to another event ("hours later", "within days of", "the weeks ahead"),
centuries and fortnights counted in years and weeks. Extents follow TimeML: the determiner of "the
past year" in, the article of an adjectival span ("the eight-year war") out, only modifiers TimeML
writes as a ``mod`` in ("no more than", "around 7:15 p.m."), signals and focus words ("within",
"only") out.

House styles beyond the American wire: day-first dates and ranges ("Thursday 22 May", "7-8 July"),
dates in figures ("12/25/1998", "25.12.1998"), clock times with a full stop ("11.30pm"), decades
with an apostrophe ("the 1960's"); a day's name before its event ("Friday's blast") is past unless
the sentence looks ahead to it; "three years earlier" after a written past time counts back from it.
"""

from __future__ import annotations

import dataclasses
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
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a hundred": 100, "one hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2,
    "a dozen": 12,
    "several": None, "few": None, "a few": None, "many": None,
}
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "hour": "H",
         "minute": "MIN", "fortnight": "FN", "quarter": "Q"}

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_ONLY = (r"(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# spelled counts as news and broadcast transcripts write them: "twenty-four hours", "a couple of
# years", "almost a hundred years"
_NUM = (rf"(?:\d{{1,3}}(?:\s+1/2)?|{_TENS}(?:[\s-]{_DIGIT_WORD})?|(?:a\s+)?couple(?:\s+of)?|a\s+dozen|"
        rf"(?:a|one)\s+hundred|(?:thir|four|fif|six|seven|eigh|nine)teen|an?|one|two|three|four|"
        rf"five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|many)")
# years read aloud in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
_SPELLED_YEAR = (rf"(?:nineteen[\s-]+(?:{_TENS}(?:[\s-]{_DIGIT_WORD})?|ten|eleven|twelve|"
                 rf"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:oh|o)[\s-]{_DIGIT_WORD})"
                 rf"|(?:the\s+year\s+)two\s+thousand(?:[\s-]+(?:and\s+)?{_DIGIT_WORD})?)")
_UNITS = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|hours?|minutes?|centur(?:y|ies)|quarters(?!\s+of\b)|quarter(?=\s+(?:ago|earlier)\b))"
_ANA_UNIT = r"day|night|morning|afternoon|evening|week|month|year|quarter"
_HOLIDAY = (r"Christmas(?:\s+Eve|\s+Day)?|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|Fourth\s+of\s+July|"
            r"Halloween|Valentine's\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Veterans\s+Day|"
            r"Easter(?:\s+Sunday|\s+Monday)?|Good\s+Friday|Boxing\s+Day|St\.?\s+Patrick's\s+Day|May\s+Day|"
            r"Mother's\s+Day|Father's\s+Day|Presidents'?\s+Day|Columbus\s+Day|Bastille\s+Day|Canada\s+Day|"
            r"(?:Remembrance|Armistice)\s+Day|Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day")
_PART = r"(?:morning|afternoon|evening|night)"
# 24-hour times are taken only with their zone, as wire copy writes them: "1400 GMT", "0600 local time"
# ("11.30pm", "10.15 a.m.": the full stop of British and Commonwealth house styles)
_CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
          r"|(?:[01]\d|2[0-3]):?[0-5]\d(?=\s+(?:GMT|UTC|local\s+time)\b))")
_ZONE = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local\s+time)"
_CLOCK_DAY = rf"(?:{_WD}|{_MON}\s+{_DAYNUM}|today|yesterday|tomorrow)"

_PATTERNS = [
    # 2020-01-08, 2020-01-08T10:00
    rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d)?\b",
    # (Wednesday,) January 4th(,) 2020 / January 3 / Jan. 3
    rf"(?:\b{_WD},?\s+)?\b{_MON}\s+{_DAYNUM}\b(?:,?\s+{_YEAR}\b)?",
    # 4 January 2020 / (the) 4th of January
    rf"(?:\b{_WD},?\s+)?(?:\b[Tt]he\s+(?={_DAYNUM}\s+of\s))?\b{_DAYNUM}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}\b)?",
    # January nineteen ninety-seven / June last year / January this year
    rf"\b{_MONTH_ONLY}\s+(?i:{_SPELLED_YEAR})\b",
    rf"\b{_MONTH_ONLY}\s+(?i:last|this|next)\s+year\b(?!'s)",
    # January 2020 / (last|next|this|early|late|mid-) November
    # (and a week of it: "the first week of March", "the last week of June 1998")
    rf"(?:\b[Tt]he\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+"
    rf"|\b(?i:last|next|this|early|late|mid-?|earlier\s+in|later\s+in)\s+)?\b{_MONTH_ONLY}\b(?!\s+Day\b)(?:,?\s+{_YEAR}\b)?",
    # an abbreviated month with its year: "Sept. 1997"
    rf"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s+{_YEAR}\b",
    # (last|next|this) Friday (morning)
    # fixed-date holidays and the US ones counted by weekday
    rf"(?:\b(?i:last|next|this)\s+)?\b(?:{_HOLIDAY})\b(?:,?\s+{_YEAR}\b)?",
    rf"\b(?i:the\s+previous)\s+{_WD}\b",
    # "on Mondays", "Tuesday nights": every such day
    rf"\b{_WD}s\b(?:\s+(?i:{_PART})s?\b)?|\b{_WD}\s+(?i:{_PART})s\b",
    rf"(?:\b(?i:last|next|this(?:\s+coming|\s+past)?|early|late)\s+)?\b{_WD}\b(?:\s+(?i:{_PART}))?",
    # clock times, alone (the day of publication) or with their day: "10 p.m. Wednesday",
    # "5 p.m. EST, Nov. 6", "noon Thursday", "midnight Friday"
    # (a capital "On" after "p.m." opens the next sentence: "began at 9 p.m. On Tuesday, ...")
    rf"\b(?:{_CLOCK}(?:\s+{_ZONE})?(?:,?\s+(?:(?-i:on)\s+)?{_CLOCK_DAY})?"
    rf"|(?:noon|midnight)(?:\s+{_ZONE})?,?\s+(?:on\s+)?{_CLOCK_DAY})",
    # "at noon", "by midnight" alone: a clock time on the day the story has reached
    # (find_temporal_spans keeps it only after "at", "by", "until": "noon is lunch time" is none)
    rf"\b(?:12(?::00)?\s+)?(?:noon|midnight)\b(?:\s+{_ZONE}\b)?",
    # the reporting period in focus and the same period a year before (earnings reports):
    # "the year-ago quarter", "a year-earlier loss", "the 1988 period", "last year's quarter"
    rf"\b(?:the\s+)?(?:(?:this|last|next)\s+year's\s+|{_YEAR}\s+|year-(?:ago|earlier)\s+)?(?:fiscal\s+)?"
    rf"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+)?{_YEAR}|,?\s+{_YEAR}|\s+of\s+(?:the|this|last|next)\s+year\b(?!'s))?\b",
    rf"\b(?:the\s+)?(?:first|second|last)\s+half\s+of\s+(?:(?:fiscal\s+)?{_YEAR}|(?:the|this|last|next)\s+year)\b",
    r"\b(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b",
    r"\bthe\s+quarter\s+a\s+year\s+(?:ago|earlier)\b",
    r"\b(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period))?\b",
    rf"\bthe\s+(?:latest|most\s+recent|{_YEAR})\s+(?:period|quarter)\b",
    r"\b(?:last|this)\s+year's\s+(?:quarter|period)\b",
    r"\bthe\s+(?:current(?:\s+fiscal)?|full)\s+year\b",
    # "by year-end", "since year's end"; find_temporal_spans keeps it only after a preposition
    # ("year-end bonus" is a kind of bonus)
    r"\byear(?:-end|\s+end|'s\s+end)\b",
    r"\bthe\s+(?:fiscal\s+)?(?-i:year)\b(?!-|'s|\s+\d|\s+(?:before|after|earlier|later|ago|that|when|in\s+which|"
    r"of|two|to|on|since|for|as)\b)",
    # sets: "each month", "every Thursday", "each July"
    rf"\b(?:(?:each|every)\s+(?:day|week|month|year|quarter|{_WD}|{_MONTH_ONLY}|weekend|summer|winter|"
    rf"spring|fall|autumn|morning|afternoon|evening|night)\b"
    rf"|every\s+(?:other|{_NUM})\s+(?:days?|weeks?|months?|years?)\b)",
    rf"\b{_SPELLED_YEAR}\b",
    # uncounted spans after a preposition: "for years", "within days"
    r"(?<=\bwithin\s)(?:minutes|hours|days|weeks|months|years)\b"
    r"(?:\s+(?:or|and)\s+(?:days|weeks|months|years)\b)?(?=\s+of\b)",
    # (one span for "weeks or months": TimeML keeps a coordinated vague span whole)
    r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bin\s))(?:days|weeks|months|years|decades|hours|minutes|centuries)\b"
    r"(?:\s+(?:or|and)\s+(?:days|weeks|months|years|decades)\b)?"
    r"(?!\s+(?:ago|of|old|to\s+come)\b)",
    # an uncounted span measuring the distance to another event: "hours later", "days after
    # the vote", "within days of the election"
    # the stretch between two times: "the weeks ahead", "the years since the war", "the months
    # before the vote"
    r"\bthe\s+(?:days|weeks|months|years)\s+ahead\b"
    r"|\bthe\s+(?:days|weeks|months|years|decades)\b(?=\s+(?:since|before|after|following|leading\s+up)\b)",
    # (not "the first days after the vote": find_temporal_spans drops it)
    r"\b(?:minutes|hours|days|weeks|months|years|decades)\b(?=\s+(?:later|earlier|after|before)\b)",
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow"
    r"|tonight|last\s+night)(?:\s+" + _PART + r")?\b",
    # "this morning"; a part of day before its day ("mid-afternoon yesterday", "late evening
    # Friday"), or alone with "mid-" ("by mid-afternoon": the day the story has reached)
    rf"\b(?:this\s+{_PART}|(?:mid[\s-]?|early\s+|late\s+)?{_PART}\s+(?:yesterday|today|tomorrow|{_WD})"
    rf"|mid[\s-]?(?:morning|afternoon|evening))\b",
    r"\b(?:(?:earlier|later)\s+)?(?:the\s+(?:this\s+)?past|the\s+last(?=\s+\w+\b(?!\s+of\b))|this(?:\s+past)?|past|last|next|previous|coming)\s+(?:week|month|year)\b",
    r"\b(?:the\s+)?(?:past|last|previous|next|coming)\s+fortnight\b",
    # ("the past century" is as often the last hundred years as the 1900s: left out)
    r"\b(?:the\s+)?(?:this|last|past|previous|next|coming)\s+(?:decade|(?<!past\s)(?<!previous\s)century)\b",
    # one count, three readings (one pattern: the count's alternatives are tried once per word):
    # "three years ago"; counted spans, halves included ("two and a half years", "an hour and a
    # half"); adjectival spans ("a 10-day visit")
    rf"\b{_NUM}(?:\s+{_UNITS}\s+(?:or\s+so\s+)?(?:ago|earlier|before|from\s+(?:now|today))\b"
    rf"|\s+(?:and\s+a\s+half\s+|more\s+|additional\s+|trading\s+|business\s+|straight\s+|"
    rf"consecutive\s+)?{_UNITS}(?:\s+and\s+a\s+half)?\b(?!-|\s+old\b)"
    rf"|-(?:day|week|month|year|hour|minute)(?:-long)?\b(?!-old))"
    # "half an hour"; centuries counted: "half a century", "a quarter century"
    r"|\bhalf\s+(?:an?\s+(?:hour|day|year)|a\s+century)\b|\ba\s+quarter(?:\s+of\s+a)?\s+century\b(?:\s+ago\b)?",
    rf"\b(?:the\s+)?(?:past|last|next|coming|previous)\s+{_NUM}\s+{_UNITS}\b(?:\s+or\s+so\b)?",
    # quarters: "the latest quarter", "Q3 2019" (named ones come earlier, before "this year")
    r"\b(?:the\s+(?:latest|last|past|previous|most\s+recent|current|next|coming)?\s*|this\s+|next\s+|last\s+)"
    r"(?:fiscal\s+)?quarter\b(?!\s+(?:of|century|mile|inch|point|percent|hour)\b|-)",
    rf"\bQ[1-4](?:\s+{_YEAR})?\b",
    # seasons: only with a modifier or a year ("this summer", "last fall", "winter of 1994");
    # a bare season word is read later only after "in"/"during"/"since"...
    rf"\b(?:(?:this|last|next|coming|(?:this\s+)?past|early|late)\s+|the\s+)?"
    rf"(?:summer|fall|autumn|winter|spring)(?:\s+(?:of\s+)?(?:{_YEAR}|{_SPELLED_YEAR})\b)?",
    # decades and centuries: "the 1990s", "the late '80s", "the nineties", "the 20th century"
    # (with the apostrophe of older house styles: "the 1960's", "the 70's"; a bare "20's" is an age)
    r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:(?:1[89]|20)\d0'?s|'\d0s)\b"
    r"|\bthe\s+(?:(?:early|mid|late)[\s-]+)?[1-9]0's\b",
    r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|"
    r"eighties|nineties)\b",
    r"\b(?:the\s+)?(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b",
    # weekends
    r"\b(?:the|this|last|next|past)\s+weekend\b",
    # TimeML references to the present, past and future
    # ("current" as a temporal adjective is PRESENT_REF too; find_times keeps only adjectives)
    r"\bnow\b(?!\s+that\b)|\bcurrently\b|\bnowadays\b|\bthese\s+days\b"
    r"|\bcurrent\b(?!\s+(?:fiscal\s+)?(?:year|quarter|month|week|period|account|accounts|affairs|events)\b)",
    r"\b(?:more\s+|most\s+)?recently\b",
    r"\brecent\s+(?:days|weeks|months|years|decades|times|quarters)\b(?:\s+(?:and|or)\s+(?:days|weeks|months|years)\b)?",
    r"\b(?:the\s+)?(?:coming|next\s+few|next\s+several)\s+(?:days|weeks|months|years|quarters)\b",
    r"\bfuture\s+(?:quarters|years)\b",
    # "soon" as a conjunction ("as soon as", "soon after") points at another event, not ahead
    r"\bthe\s+(?:near\s+|distant\s+|foreseeable\s+)?future\b|(?<!\bas\s)\bsoon\b(?!\s+(?:after|before|as)\b)",
    r"\bthe\s+(?:near|short|long)\s+term\b",
    r"\bthe\s+past\b(?!\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|several|few|days?|weeks?|months?|years?|decades?|quarters?|hours?|minutes?|"
    r"summers?|winters?|springs?|falls?|autumns?|century|weekend|generation|\w+\s+(?:days|weeks|months|years)))",
    rf"(?:\bfiscal\s+(?:year\s+)?|\bthe\s+year\s+)?(?<![\d,.$£€])(?<!\d-){_YEAR}(?!\d|s\b|(?<=0)'s\b|,\d|-\d|\.\d|/\d)",
    # times anchored on the time the narrative has reached, not on publication: "the next day",
    # "the following year", "that night", "later that day", "the week before", "in the morning";
    # "the week", "the morning" alone are kept by find_temporal_spans only after "the end of",
    # "in", "during"
    rf"\bthe\s+(?:(?:next|following|subsequent|previous|prior|preceding|same)\s+(?:{_ANA_UNIT})\b"
    rf"|(?:{_ANA_UNIT})\s+(?:before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)"
    rf"|(?:week|month|{_PART})\b)"
    rf"|\b(?:(?:earlier|later)\s+(?:that\s+(?:{_ANA_UNIT})|in\s+the\s+(?:day|week|month|year))|that\s+(?:{_ANA_UNIT}))\b",
    # sets counted per period: "twice a week", "three times a year", "once a month"
    r"\b(?:once|twice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|many)\s+times)"
    r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|quarter)\b",
    # wire copy's "rebels attacked overnight": the night before publication (find_times keeps
    # the adverb of a past-tense verb only: "an overnight flight", "won't change overnight" are none)
    r"\bovernight\b",
    # dates in figures with a four-digit year: "12/25/1998" (US), "25.12.1998", "1998/08/10"
    r"(?<![\d/.])(?:(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|[12]\d|3[01])\1(?:1[89]\d\d|20\d\d)"
    r"|(?:1[89]\d\d|20\d\d)/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\d/])",
    # uncounted adjectival spans: "a week-long closure", "a months-long standoff"
    r"\b(?:day|week|month|year|decade|hour)s?-long\b(?!-)",
]
# Month and weekday names are matched with their capital ("May" vs "may"); the relative words
# ("Yesterday", "Last week" opening a sentence) in any case.
_CASED = 11
_FINDER = re.compile("|".join(
    f"(?:{p})" if i < _CASED else f"(?i:{p})" for i, p in enumerate(_PATTERNS)
))
# Month names that are also common words: only taken when written with a capital and a
# neighbour that makes them a date.
_AMBIGUOUS_MONTHS = {"may", "march", "june", "july", "august"}
_TITLE_CASE_SKIP = {"today", "tomorrow", "yesterday", "now", "tonight", "this week", "this year",
                    "this month", "this morning", "next week", "next year"}


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
        # the month just ended is "last month": "last February" said in March is a year back
        return y if (month < anchor.month - 1) else y - 1
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
    # than one nearly a year back; the present tense of news is its schedule ("the agreement
    # expires Dec. 31", "voters go to the polls Nov. 3"), so it takes the nearest such date
    if tense == PAST and d > anchor + slack and (d - anchor).days > _DAY_SLACK:
        return y - 1
    if tense == FUTURE and d < anchor - slack:
        return y + 1
    if tense not in (PAST, FUTURE):
        best = min((y - 1, y, y + 1), key=lambda yy: abs((date_of(yy) - anchor).days))
        return best
    return y


def _count(word: str) -> int | None:
    w = " ".join(word.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    parts = w.split()
    if len(parts) == 2 and parts[0] in _TENS_WORDS and parts[1] in _UNITS_WORDS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]  # "twenty four"
    return _NUMBERS.get(w)


_SPELLED_RX = re.compile(rf"(?i:{_SPELLED_YEAR}|(?<![\w ])year\s+two\s+thousand(?:[\s-]+(?:and\s+)?{_DIGIT_WORD})?)")


def _spelled_year(words: str) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "the year two thousand"."""
    w = " ".join(words.lower().replace("-", " ").split())
    w = re.sub(r"^(?:the )?year ", "", w)
    if w.startswith("two thousand"):
        rest = re.sub(r"^two thousand\s*(?:and\s+)?", "", w)
        return 2000 + (_NUMBERS.get(rest, 0) if rest else 0)
    rest = w[len("nineteen"):].strip()
    rest = re.sub(r"^(?:oh|o) ", "", rest)
    n = _count(rest)
    return 1900 + n if n is not None and n < 100 else None


def _despell(low: str) -> str:
    return _SPELLED_RX.sub(lambda m: str(_spelled_year(m.group(0)) or m.group(0)), low)


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
    low = _despell(re.sub(r"^(?:fiscal\s+year\s+(?=\d)|fiscal\s+|year\s+(?=\d{4}$))", "", low))
    low = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", low)  # "August 8th" (not the "st" of "August")

    # ISO date (time part dropped: day precision is what the timeline uses)
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", low)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day"
        except ValueError:
            return None, "unknown"

    m = re.match(r"^(\d{1,2})([/.])(\d{1,2})[/.](\d{4})$|^(\d{4})/(\d{1,2})/(\d{1,2})$", low)
    if m:
        if m[5]:
            y, mo, d = int(m[5]), int(m[6]), int(m[7])
        else:
            a, b, y = int(m[1]), int(m[3]), int(m[4])
            # the order tells itself when one part is over 12; else slashes are US (month first),
            # full stops European (day first)
            mo, d = (b, a) if a > 12 or (b <= 12 and m[2] == ".") else (a, b)
        try:
            return dt.date(y, mo, d).isoformat(), "day"
        except ValueError:
            return None, "unknown"
    m = re.match(r"^(?:(last|next|this) )?(.+?)(?:,? (\d{4}))?$", low)
    if m and m[2] in _HOLIDAYS:
        if m[3]:
            return _holiday_day(m[2], int(m[3])).isoformat(), "day"  # "Christmas 1997"
        return _holiday_value(m[2], m[1], anchor, tense)
    m = re.match(r"^previous ([a-z]+)$", low)
    if m and m[1] in _WEEKDAYS:
        if anchor is None:
            return None, "unknown"
        back = (anchor.weekday() - _WEEKDAYS[m[1]]) % 7 or 7
        return (anchor - dt.timedelta(days=back + 7)).isoformat(), "day"  # the one before the last

    # month day (year)
    m = re.search(r"\b([a-z]+)\.?\s+(\d{1,2})\b(?:,?\s+(\d{4}))?", low)
    if m and m[1] in _MONTHS:
        return _day_value(_MONTHS[m[1]], int(m[2]), m[3], anchor, tense)
    m = re.search(r"\b(\d{1,2})\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?", low)
    if m and m[2] in _MONTHS:
        return _day_value(_MONTHS[m[2]], int(m[1]), m[3], anchor, tense)

    # "the first week of March" is the ISO week of its first to seventh day, "the last week of
    # June" the week of its last days
    m = re.match(r"^(first|second|third|fourth|last|final) week of ([a-z]+)(?:,? (\d{4}))?$", low)
    if m and m[2] in _MONTHS:
        month = _MONTHS[m[2]]
        if m[3]:
            y = int(m[3])
        elif anchor is None:
            return None, "unknown"
        else:
            y = _year_for(month, None, anchor, tense)
        if m[1] in ("last", "final"):
            ny, nm = _shift_month(y, month, 1)
            d = dt.date(ny, nm, 1) - dt.timedelta(days=4)
        else:
            d = dt.date(y, month, 1 + 7 * (_ORD[m[1]] - 1) + 3)
        return _week(d), "week"

    # "June last year", "January this year"
    m = re.match(r"^([a-z]+) (last|this|next) year$", low)
    if m and m[1] in _MONTHS:
        if anchor is None:
            return None, "unknown"
        y = anchor.year + {"last": -1, "this": 0, "next": 1}[m[2]]
        return f"{y:04d}-{_MONTHS[m[1]]:02d}", "month"

    # month (year)
    m = re.search(r"^(?:(last|next|this|early|late|mid-?|earlier in|later in)\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$", low)
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
    m = re.search(r"^(?:(last|next|this coming|this past|coming|this|early|late)\s+)?([a-z]+)"
                  r"(?:\s+(morning|afternoon|evening|night))?$", low)
    if m and m[2] in _WEEKDAYS:
        if anchor is None:
            return None, "unknown"
        wd = _WEEKDAYS[m[2]]
        mod = m[1]
        back = (anchor.weekday() - wd) % 7
        fwd = (wd - anchor.weekday()) % 7
        if mod in ("this coming", "coming"):
            d = anchor + dt.timedelta(days=fwd or 7)  # "this coming Sunday": the next one ahead
        elif mod == "this past":
            d = anchor - dt.timedelta(days=back or 7)
        elif mod == "last":
            d = anchor - dt.timedelta(days=back or 7)
        elif mod == "next":
            d = anchor + dt.timedelta(days=fwd or 7)
        elif tense == FUTURE:
            # "will speak Friday" in Friday's paper is that day: a week ahead is "next Friday"
            d = anchor + dt.timedelta(days=fwd)
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

    m = re.match(rf"^((?i:{_NUM}))\s+(day|week|fortnight|month|year|decade)s?\s+(?:or so\s+)?"
                 rf"(ago|earlier|before|from now|from today)$", low)
    if m:
        n = _count(m[1])
        if m[2] == "fortnight" and n is not None:
            n *= 2  # a fortnight is two weeks
        if anchor is None or n is None:
            return None, "unknown"
        if m[3].startswith("from"):
            n = -n  # "two weeks from now" counts forward
            if m[3] == "from today" and m[2] in ("week", "fortnight"):
                return (anchor - dt.timedelta(days=7 * n)).isoformat(), "day"  # a day, as today is
        if m[2] == "day":
            return (anchor - dt.timedelta(days=n)).isoformat(), "day"
        if m[2] in ("week", "fortnight"):
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
    (re.compile(r"^(?:right )?now$|^currently$|^nowadays$|^these days$|^current$"), "PRESENT_REF"),
    (re.compile(r"^(?:more |most |until |only )?recently$|^(?:in )?recent \w+(?: (?:and|or) \w+)?$|^(?:in )?the past$"
                r"|^(?:several|a few|few|many) \w+ ago$"
                # uncounted spans up to now are references to the past ("the last few months");
                # ahead, "the next few days" stays a duration (PXD) as TimeML writes it
                r"|^(?:the )?(?:past|last|previous) (?:few|several) \w+$"), "PAST_REF"),
    (re.compile(r"^(?:in )?(?:the )?coming \w+$|future$|^future \w+$|^soon$"
                r"|^(?:in )?the (?:near|short|long) term$"), "FUTURE_REF"),
)


_SET_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}
# "twice a week", "three times a year": TimeML writes the period (P1W) and leaves the count to freq
_PER_PERIOD = re.compile(r"\b(?:once|twice|times) (?:a|an|per|each|every) (day|week|month|year|quarter)$")
_YEAR_AGO = re.compile(
    r"^(?:a year (?:ago|earlier)|(?:the )?(?:comparable |same |corresponding )?year-(?:ago|earlier)"
    r"(?: quarter| period)?|(?:the )?(?:same|corresponding|comparable) (?:period|quarter) "
    r"(?:a year (?:ago|earlier)|last year)|(?:the )?quarter a year (?:ago|earlier)"
    r"|last year's (?:quarter|period))$")
_YEAR_PERIOD = re.compile(r"^(?:the )?(\d{4}) (?:period|quarter)$")


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
    low = re.sub(r"^(?:(?:the|in|during|over|of)\s+)+", "", low)
    low = re.sub(r"^this past ", "past ", low)  # "this past week" is the past week
    # sets: "each month" P1M, "every Thursday" XXXX-WXX-4, "each July" XXXX-07, "Tuesday nights"
    m = re.match(r"^(?:on )?([a-z]+day)s?(?: (morning|afternoon|evening|night)s?)?$", low)
    if m and m[1] in _WEEKDAYS and re.search(r"days\b|s$", low):
        part = f"T{_PART_CODE[m[2]]}" if m[2] else ""
        return None, "unknown", f"XXXX-WXX-{_WEEKDAYS[m[1]] + 1}{part}"
    m = _PER_PERIOD.search(low)
    if m:
        return None, "unknown", f"P1{_SET_UNIT[m[1]]}"
    m = re.match(rf"^every (other|{_NUM}) (day|week|month|year)s?$", low)
    if m:
        n = 2 if m[1] == "other" else _count(m[1])
        return None, "unknown", f"P{n if n else 'X'}{_SET_UNIT[m[2]]}"
    m = re.match(r"^(?:each|every) (\w+)$", low)
    if m:
        if m[1] in _WEEKDAYS:
            return None, "unknown", f"XXXX-WXX-{_WEEKDAYS[m[1]] + 1}"
        if m[1] in _MONTHS:
            return None, "unknown", f"XXXX-{_MONTHS[m[1]]:02d}"
        if m[1] in _SEASONS:
            return None, "unknown", f"XXXX-{_SEASONS[m[1]][0]}"  # "every summer"
        if m[1] in _PART_CODE:
            return None, "unknown", f"XXXX-XX-XXT{_PART_CODE[m[1]]}"  # "every night"
        if m[1] == "weekend":
            return None, "unknown", "XXXX-WXX-WE"
        return None, "unknown", f"P1{_SET_UNIT.get(m[1], 'X')}"
    # "over the past year": TimeML names the year before publication (the calendar value stays
    # unknown: the span really ends at publication)
    if low == "past year" and anchor is not None:
        return None, "unknown", f"{anchor.year - 1:04d}"
    if low == "past week" and anchor is not None:
        return None, "unknown", _week(anchor - dt.timedelta(days=7))
    if low == "past month" and anchor is not None:
        y, mo = _shift_month(anchor.year, anchor.month, -1)
        return None, "unknown", f"{y:04d}-{mo:02d}"
    # "the first half of the year", "the second half of next year"
    m = re.match(r"^(first|second|last) half of (?:the|this|(last|next)) year$", low)
    if m and anchor is not None:
        y = anchor.year + {"last": -1, "next": 1}.get(m[2] or "", 0)
        return f"{y:04d}", "year", f"{y:04d}-H{_ORD.get(m[1], 2)}"
    # "a decade ago" in 1998 is the 1980s ("198"), "two decades ago" the 1970s
    m = re.match(rf"^((?i:{_NUM})) decades? (?:or so )?(?:ago|earlier|before)$", low)
    if m:
        n = _count(m[1])
        if anchor is None or n is None or n > 100:
            return None, "unknown", None
        return None, "unknown", f"{(anchor.year - 10 * n) // 10:03d}"
    # "two quarters ago" in August 1998 is 1998-Q1
    m = re.match(rf"^((?i:{_NUM})) quarters? (?:ago|earlier)$", low)
    if m and anchor is not None and (n := _count(m[1])) is not None and n <= 400:
        y, mo = _shift_month(anchor.year, anchor.month, -3 * n)
        return f"{y:04d}", "year", f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    # "a century ago" in 1998 is the year 1898, "half a century ago" 1948
    m = _CENTURY_RX.match(low)
    if m and m[4]:
        years = _century_years(low)
        if anchor is None or years is None or anchor.year - years < 1:
            return None, "unknown", None
        return f"{anchor.year - years:04d}", "year", f"{anchor.year - years:04d}"
    # "the last decade" in 1998 is the 1980s ("198"), "this decade" the 1990s
    m = re.match(r"^(this|last|past|previous|next|coming) decade$", low)
    if m:
        if anchor is None:
            return None, "unknown", None
        k = {"this": 0, "next": 1, "coming": 1}.get(m[1], -1)
        return None, "unknown", f"{anchor.year // 10 + k:03d}"
    # "by year-end" ahead is this year's end; "since year-end" in the past tense the last one
    if re.match(r"^year(?:-| |'s )end$", low):
        if anchor is None:
            return None, "unknown", None
        y = anchor.year - (1 if tense == PAST else 0)
        return f"{y:04d}", "year", f"{y:04d}"
    # "the end of the week", "the rest of the month": the anchor's week or month
    if low in ("week", "month"):
        if anchor is None:
            return None, "unknown", None
        v = _week(anchor) if low == "week" else f"{anchor.year:04d}-{anchor.month:02d}"
        return v, low, v
    # "the full year", "the current fiscal year": the anchor's year
    if re.match(r"^(?:current(?: fiscal)?|full|fiscal) year$|^year$", low):
        if anchor is None:
            return None, "unknown", None
        return f"{anchor.year:04d}", "year", f"{anchor.year:04d}"
    # the year-ago period without a quarter in focus (find_times narrows it when one is):
    # the year before the anchor
    if _YEAR_AGO.match(low):
        if anchor is None:
            return None, "unknown", None
        return f"{anchor.year - 1:04d}", "year", f"{anchor.year - 1:04d}"
    m = _YEAR_PERIOD.match(low)
    if m:
        return f"{int(m[1]):04d}", "year", f"{int(m[1]):04d}"
    # quarters
    m = re.search(r"(?:(this|last|next) year's |(\d{4}) |(year-ago|year-earlier) )?(?:fiscal )?"
                  r"(first|second|third|fourth|1st|2nd|3rd|4th)"
                  r"[\s-]+(?:fiscal )?quarter(?:(?: of|,)? (?:fiscal )?(\d{4})| of (?:the|(this|last|next)) year)?$", low)
    m2 = re.match(r"^q([1-4])(?: (\d{4}))?$", low)
    if m or m2:
        q = _ORD[m[4]] if m else int(m2[1])
        year = (m[2] or m[5]) if m else m2[2]
        if year:
            y = int(year)
        elif anchor is None:
            return None, "unknown", None
        else:
            rel = (m[1] or m[6]) if m else None
            y = anchor.year + {"this": 0, "last": -1, "next": 1}.get(rel or "", 0)
            if not rel:
                cur = _quarter_of(anchor)
                if tense == PAST and q > cur:
                    y -= 1  # "the fourth quarter" reported in January
                elif tense != PAST and q < cur - 1:
                    # "will report third-quarter results" in November: the quarter just ended is
                    # still this year's; "the first quarter" ahead in November is next year's
                    y += 1
            if m and m[3]:
                y -= 1  # "the year-ago third quarter"
        return f"{y:04d}", "year", f"{y:04d}-Q{q}"
    if re.match(r"^(?:latest|most recent) period$", low):
        low = "latest quarter"
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
    m = re.match(r"^(first|second|last) half of (?:fiscal )?(\d{4})$", low)
    if m:
        return f"{int(m[2]):04d}", "year", f"{int(m[2]):04d}-H{_ORD.get(m[1], 2)}"
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
                # the latest such season that has ended: "last summer" in August is a year back
                y = max(yy for yy in (y - 2, y - 1, y)
                        if dt.date(*_shift_month(yy, start, 3), 1) <= anchor)
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
    m = re.match(r"^(?:(?:early|mid|late)[\s-]+)?(?:(\d{3})0'?s|'(\d)0s|(\d)0's)$", low)
    if m:
        if m[1]:
            return None, "unknown", str(int(m[1]))
        if anchor is None:
            return None, "unknown", None
        d = int(m[2] or m[3])
        return None, "unknown", f"{_century(anchor, d):02d}{d}"
    m = re.match(r"^(?:(?:early|mid|late)[\s-]+)?(\w+ies)$", low)
    if m and m[1] in _DECADE_WORDS:
        if anchor is None:
            return None, "unknown", None
        d = _DECADE_WORDS[m[1]]
        return None, "unknown", f"{_century(anchor, d):02d}{d}"
    # "this century" in 1998 is the 1900s ("19"), "the next century" the 2000s ("20")
    m = re.match(r"^(this|next|coming|last) century$", low)
    if m:
        if anchor is None:
            return None, "unknown", None
        k = {"this": 0, "next": 1, "coming": 1}.get(m[1], -1)
        return None, "unknown", f"{anchor.year // 100 + k:02d}"
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)? century$", low)
    if m:
        return None, "unknown", f"{int(m[1]) - 1:02d}"
    # weekends: the latest one in the past tense, the coming one ahead
    m = re.match(r"^(?:(this|last|next|past) )?weekend$", low)
    if m:
        if anchor is None:
            return None, "unknown", None
        sat = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)  # latest Saturday <= anchor
        # on a weekday "this weekend" in the present tense is the coming one ("plays at home
        # this weekend"); in the past tense the one just gone
        if m[1] == "next" or (m[1] != "last" and m[1] != "past" and anchor.weekday() < 5 and (
                tense == FUTURE or (tense == PRESENT and m[1] == "this"))):
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
    low = _despell(_strip_mods(" ".join(text.replace("’", "'").split()).lower().rstrip(".,")))
    text = _strip_mods(text)
    low = re.sub(r"^12(?::00)? (?=noon|midnight)", "", low)  # "12 noon" says it twice
    if low == "overnight":
        low = text = "last night" if tense == PAST else "tonight"
    m = _PART_FIRST.match(low)
    if m:
        low = text = f"{m[2]} {m[1]}"  # "afternoon yesterday" reads as "yesterday afternoon"
    elif m := _PART_OF.match(low):
        value, precision = normalize(m[2], anchor, tense)
        if value and precision == "day":
            return value, precision, f"{value}T{_PART_CODE[m[1]]}"  # "the night of Aug. 3"
        return value, precision, value
    sp = _special(low, anchor, tense)
    if sp is not None:
        return sp
    clock = _CLOCK_RX.search(low)
    if clock:
        # the clock time rides on its day; alone it is a time on the day of publication
        rest = (low[:clock.start()] + " " + low[clock.end():]).strip(" ,")
        rest = re.sub(rf"^(?:{_ZONE.lower()})\b[\s,]*", "", rest)
        rest = re.sub(r"^(?:on|at|around|about)\s+", "", rest).strip(" ,")
        if rest:
            value, precision = normalize(rest, anchor, tense)
        elif anchor is not None:
            value, precision = anchor.isoformat(), "day"
        else:
            value, precision = None, "unknown"
        if value and precision == "day":
            return value, precision, f"{value}T{_clock_value(clock)}"
        return value, precision, value
    value, precision = normalize(text, anchor, tense)
    timeml = value
    if value and precision == "day":
        pm = re.search(r"\b(morning|afternoon|evening|night|tonight)\b", low)
        if pm:
            timeml = f"{value}T{_PART_CODE[pm[1]]}"
    return value, precision, timeml


_PART_OF = re.compile(r"^the (morning|afternoon|evening|night) of (.+)$")
_PART_FIRST = re.compile(r"^(morning|afternoon|evening|night) (yesterday|today|tomorrow|[a-z]+day)$")
_CLOCK_RX = re.compile(r"\b(?:(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?m\b\.?|noon|midnight"
                       r"|([01]\d|2[0-3]):?([0-5]\d)(?=\s+(?:gmt|utc|local time)\b))")


def _clock_value(m: re.Match) -> str:
    if m.group(0) == "noon":
        return "12:00"
    if m.group(0) == "midnight":
        return "24:00"
    if m[4]:
        return f"{m[4]}:{m[5]}"
    h = int(m[1]) % 12 + (12 if m[3] == "p" else 0)
    return f"{h:02d}:{m[2] or '00'}"


# fixed holidays as (month, day); the US ones counted by weekday as (month, weekday, nth), -1 last
_HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "veterans day": (11, 11), "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
    "boxing day": (12, 26), "st. patrick's day": (3, 17), "st patrick's day": (3, 17),
    "may day": (5, 1), "bastille day": (7, 14), "canada day": (7, 1), "remembrance day": (11, 11),
    "armistice day": (11, 11), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
    "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
    "martin luther king jr day": (1, 0, 3),
    # moveable feasts: days from Easter Sunday
    "easter": (0, 0), "easter sunday": (0, 0), "easter monday": (0, 1), "good friday": (0, -2),
}


def _easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous computus of Meeus and Jones)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _holiday_day(name: str, year: int) -> dt.date:
    rule = _HOLIDAYS[name]
    if rule[0] == 0:
        return _easter(year) + dt.timedelta(days=rule[1])
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, wd, nth = rule
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _holiday_value(name: str, mod: str | None, anchor: dt.date | None,
                   tense: str) -> tuple[str | None, str]:
    """A holiday's date in the year the tense (or "last"/"next") points to."""
    if anchor is None:
        return None, "unknown"
    this = _holiday_day(name, anchor.year)
    if mod == "last" or (mod is None and tense == PAST):
        y = anchor.year if this <= anchor else anchor.year - 1
    elif mod == "next" or (mod is None and tense == FUTURE):
        y = anchor.year if this >= anchor else anchor.year + 1
    else:
        y = min((anchor.year - 1, anchor.year, anchor.year + 1),
                key=lambda yy: abs((_holiday_day(name, yy) - anchor).days))
    return _holiday_day(name, y).isoformat(), "day"


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


_DUR_RX = re.compile(
    rf"(?i:\b({_NUM})[\s-]+(?:more\s+|additional\s+|trading\s+|business\s+|straight\s+|consecutive\s+)?"
    r"(day|week|fortnight|month|year|decade|hour|minute|quarter)s?\b)")


_HALF_RX = re.compile(
    rf"^half an? (hour|day|year)$|^({_NUM}) and a half (day|week|month|year|hour|minute)s?$"
    rf"|^({_NUM}) (day|week|month|year|decade|hour|minute)s? and a half$")
# half of each unit in the next smaller one, as TimeML writes "a minute and a half" (PT1M30S)
_HALF_OF = {"minute": "30S", "hour": "30M", "day": "12H", "year": "6M", "decade": "5Y"}


def _half_value(m: re.Match) -> str | None:
    if m[1]:
        return {"hour": "PT30M", "day": "PT12H", "year": "P6M"}[m[1]]
    n, unit = _count(m[2] or m[4]), m[3] or m[5]
    if n is None or unit not in _HALF_OF:
        return f"PX{_UNIT[unit]}" if unit in ("week", "month") else None
    if unit in ("minute", "hour"):
        return f"PT{n}{'M' if unit == 'minute' else 'H'}{_HALF_OF[unit]}"
    if unit == "decade":
        return f"P{10 * n + 5}Y"
    if unit == "day":
        return f"P{n}DT12H"
    return f"P{n}Y6M"


_CENTURIES = re.compile(rf"(?:half a|a quarter(?: of a)?|\b(?:{_NUM}))[\s-]+centur(?:y|ies)$")
_CENTURY_RX = re.compile(rf"^(?:(half a)|(a quarter(?: of a)?)|({_NUM}))[\s-]+centur(?:y|ies)(?: (ago))?$")


def _century_years(low: str) -> int | None:
    """Years in "half a century" (50), "a quarter century" (25), "two centuries" (200)."""
    m = _CENTURY_RX.match(low)
    if not m:
        return None
    if m[1]:
        return 50
    if m[2]:
        return 25
    n = _count(m[3])
    return 100 * n if n is not None and n <= 20 else None


def duration_value(text: str) -> str | None:
    """ISO 8601 duration of "three months", "two years" ("P3M", "P2Y"), "PXY" for "years"."""
    low = " ".join(text.lower().split())
    if re.fullmatch(r"(?:the )?(?:past|last|previous|next|coming) fortnight", low):
        return "P2W"  # "over the past fortnight": a span of two weeks
    if low == "centuries":
        return "PXC"
    m = re.fullmatch(r"(day|week|month|year|decade|hour)(s?)-long", low)
    if m:
        # "a week-long closure" P1W, "a months-long standoff" PXM; decades in years, as "two
        # decades" (P20Y) and "for decades" (PXY) are
        n_s = "X" if m[2] else ("10" if m[1] == "decade" else "1")
        if m[1] == "hour":
            return f"PT{n_s}H"
        return f"P{n_s}{'Y' if m[1] == 'decade' else _UNIT[m[1]]}"  # TimeML's unit for a century, as TimeBank writes "for centuries"
    c = _CENTURIES.search(low)
    if c:
        years = _century_years(c[0])
        if years is not None:
            return f"P{years}Y"  # counted in years, as "two decades" is P20Y
    h = _HALF_RX.search(_strip_mods(low))
    if h:
        return _half_value(h)
    m = _DUR_RX.search(low)
    if not m:
        one = re.fullmatch(r"the (?:fiscal )?(day|week|month|year)", low)  # "the year ended June 30"
        bare = one or re.search(r"\b(day|week|month|year|decade|hour|minute)s\b", low)
        if not bare:
            return None
        n_s, unit = ("1" if one else "X"), bare[1]
    else:
        unit = m[2]
        half = m[1].endswith("1/2")
        n = _count(m[1].split()[0] if half else m[1])
        if half and n is not None and unit in ("year", "hour"):
            return f"P{n}Y6M" if unit == "year" else f"PT{n}H30M"  # "2 1/2 years"
        if n is None or half:
            n_s = "X"
        else:
            n_s = str(n * 10) if unit == "decade" else str(n)
            if unit == "fortnight":
                n_s, unit = str(2 * n), "week"  # TimeML counts a fortnight as two weeks (P2W)
    if unit in ("hour", "minute"):
        return f"PT{n_s}{'H' if unit == 'hour' else 'M'}"
    return f"P{n_s}{'Y' if unit == 'decade' else _UNIT[unit]}"


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
# Verbs whose infinitive complement lies ahead of them: "agreed to meet on Friday".
_FORWARD_VERBS = frozenset({
    "go", "intend", "hope", "want", "aim", "decide", "agree", "ask", "order", "vow", "promise",
    "pledge", "prepare", "threaten", "urge", "invite", "summon", "subpoena", "call", "seek",
    "plan", "expect", "schedule", "require", "need", "wish", "offer", "propose", "move",
    "suppose", "likely", "due", "set", "poised", "be",  # "is supposed to", "is due to", "is to"
})
# "set" is left out: "the record set on Aug. 6" is past; "set for Tuesday" reads fine as present
_SCHEDULE_VERBS = frozenset({"plan", "schedule", "postpone", "delay", "adjourn", "expect", "slate",
                             "due"})


def _past_perfect(t: Any) -> bool:
    """Whether ``t`` (or the verb an adjective like "due" hangs from) has the auxiliary "had"."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return False


_FIXED_PLAN = frozenset({"schedule", "slate", "due", "set", "be"})


def _planned_in_past(h: Any) -> bool:
    """Whether the plan verb ``h`` ("scheduled", "due", "were" of "were to") is in the past tense
    through its own form or its auxiliary ("was scheduled", "was due")."""
    if h.pos_ == "ADJ" and h.head.i != h.i:
        h = h.head  # "was due to": the tense is the copula's
    if h.lemma_ == "be" and h.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ in ("was", "were")
               for c in h.children)


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
    if (t.dep_ == "advcl" and _depth < 3 and t.head.i != t.i and t.tag_ in ("VBD", "VBN", "VBZ", "VBP")
            and any(c.dep_ == "mark" or c.dep_ == "advmod" for c in t.children)
            and tense_of(t.head, _depth + 1) == FUTURE):
        # a time clause takes its tense from the clause it hangs on: "will sell as soon as trading
        # opens Monday", "were likely to buy when trading opened Monday" both look ahead
        return FUTURE
    aux_tags = []
    present_passive = False
    for c in t.children:
        if c.dep_ in ("aux", "auxpass"):
            lw = c.lower_
            if lw in _FUTURE_AUX or lw == "would":
                return FUTURE
            if c.tag_ == "MD" and t.tag_ == "VB" and not any(
                    a.dep_ == "aux" and a.lemma_ == "have" for a in t.children):
                # a modal before a bare verb looks ahead: "could resign Friday", "should close
                # around July 1"; "may have died Tuesday" (with "have") looks back
                return FUTURE
            aux_tags.append(c.tag_)
            present_passive |= c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
            if lw in ("had", "'d") and c.tag_ == "VBD":
                return PAST  # past perfect: "had been due to expire Friday"
    if t.lemma_ in _SCHEDULE_VERBS:
        return FUTURE  # "planned a rally on Saturday", "postponed until Tuesday"
    # "is going to visit", "plans to visit on Friday" -> the infinitive looks ahead
    # (passive too: "to be published in early November")
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children):
        h = t.head
        if _past_perfect(h):
            return PAST  # "had been due to expire Friday": the plan lay ahead of a past time
        if h.lemma_ in _SCHEDULE_VERBS or h.lemma_ in _FORWARD_VERBS:
            if h.tag_ == "VBD" and h.lemma_ not in _SCHEDULE_VERBS and h.lemma_ != "be" and not any(
                    c.dep_ == "aux" for c in h.children):
                # "asked them to leave on March 15": after a past request, not necessarily after
                # publication; the nearest such date
                return PRESENT
            if h.lemma_ in _FIXED_PLAN and _planned_in_past(h):
                # "was scheduled to begin Tuesday", "was due to arrive Monday", "were to resume
                # Friday": a fixed plan reported in the past tense may have come or may still
                # come; the nearest such day ("was likely to", "was expected to" still look ahead)
                return PRESENT
            return FUTURE
        return tense_of(h, _depth + 1) if h.i != t.i and _depth < 3 else PAST
    # the finite auxiliary carries the tense: "is scheduled" present, "was killed" past
    if any(tag == "VBD" for tag in aux_tags):
        return PAST
    if any(tag in ("VBZ", "VBP") for tag in aux_tags) and (t.tag_ != "VBN" or present_passive):
        return PRESENT  # "is set for March", "are held on Sundays"; "has been killed" stays past
    if t.tag_ in ("VBD", "VBN"):
        return PAST
    if t.tag_ in ("VBZ", "VBP", "VBG"):
        return PRESENT
    return PAST


# verbs whose past tense is written as their present: a tagger's VBP for them is often the past
_SAME_PAST = frozenset({
    "hurt", "put", "set", "cut", "hit", "cost", "let", "quit", "spread", "shut", "cast", "split",
    "bet", "burst", "upset", "read", "broadcast", "forecast", "bid", "shed", "thrust", "beat",
})
_BARE_YEAR = re.compile(_YEAR)
_QUANTITY_BEFORE = re.compile(
    r"(?i)\b(?:(?:more|less|fewer)\s+than|about|some|nearly|almost|over|around|approximately|roughly|"
    r"at\s+least|up\s+to|only|estimated)\s+$")
_LONE_WEEKDAY = re.compile(rf"{_WD}(?:\s+(?:morning|afternoon|evening|night))?")


def _finite_present(token: Any) -> bool:
    """Whether the verb governing ``token`` is a finite present one ("arrives", "is", "have"),
    not a participle ("arriving Tuesday"), a progressive or a noun's modifier."""
    # the weekday must hang on the verb itself ("arrives Monday") or through its preposition
    # ("is on Sunday"): a longer climb crosses clauses a parse may have joined wrongly
    t = token.head
    if t.pos_ == "ADP" and token.dep_ == "pobj":
        t = t.head
    if t.pos_ not in ("VERB", "AUX") or t.tag_ not in ("VBZ", "VBP"):
        return False
    if t.tag_ == "VBP" and t.lower_ in _SAME_PAST:
        return False  # "the declines hurt ... on Friday": the past written as the present
    return not any(c.dep_ in ("aux", "auxpass") for c in t.children)


def _anchor(published: str | dt.date | None) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _kind(match: str, after: str = "") -> str:
    low = match.lower()
    if re.fullmatch(rf"{_WD.lower()}s(?:\s+[a-z]+)?|{_WD.lower()}\s+[a-z]+s", low):
        return "SET"
    if re.fullmatch(r"the\s+(?:fiscal\s+)?year", low) and re.match(r"\s+end(?:ed|ing)\b", after):
        return "DURATION"
    if re.match(r"(?:each|every)\s", low) or _PER_PERIOD.search(low):
        return "SET"
    if re.fullmatch(r"(?:day|week|month|year|decade|hour)s?-long", low):
        return "DURATION"
    if re.fullmatch(r"(?:the\s+)?(?:days|weeks|months|years|decades|hours|minutes|centuries)"
                    r"(?:\s+(?:or|and)\s+\w+|\s+ahead)?", low) or _HALF_RX.match(
            _strip_mods(" ".join(low.split()))):
        return "DURATION"
    if _CLOCK_RX.search(low) and not re.search(r"\b(?:ago|earlier|before)\b", low):
        return "TIME"
    if re.search(r"\b(ago|earlier|before)\b|\bfrom (?:now|today)$", low):
        return "DATE"
    if re.fullmatch(r"(?:the\s+)?(?:past|last|previous|next|coming)\s+fortnight", low):
        return "DURATION"
    if _century_years(" ".join(_strip_mods(low).split())) is not None:
        return "DURATION"
    if re.search(r"\b(morning|afternoon|evening|night|tonight|overnight)\b", low):
        return "TIME"
    if re.search(r"\d\d:\d\d", low):
        return "TIME"
    if re.search(rf"\b{_NUM}[\s-]+(?:more\s+|additional\s+|trading\s+|business\s+|straight\s+|"
                 rf"consecutive\s+)?{_UNITS}\b", low, re.IGNORECASE) and not re.search(
            r"\b(this|last|next|previous)\s+(week|month|year)\b", low):
        return "DURATION"
    return "DATE"


# TimeML extents take in the modifiers of a counted span ("nearly four years ago", "at least 30
# days", "the first nine months"), "early"/"mid-"/"late" before a year or month, "earlier"/"later"
# before a day, and "the end of" / "the beginning of" before a period
# Only the modifiers TimeML writes as a ``mod`` (APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE...)
# belong to the extent: "within", "only", "just" are signals and focus words outside it
_MOD_COUNT = re.compile(r"(?i)\b(?:(?:nearly|almost|about|around|roughly|approximately|some|"
                        r"(?:no\s+|not\s+)?(?:more|less|fewer)\s+than|at\s+least|at\s+most|up\s+to|under|"
                        r"(?<=\bfor\s)over|(?<=\blast\s)over|(?<=\blasted\s)over|(?<=\blasting\s)over)\s+"
                        r"|the\s+(?:first\s+|latest\s+)?)$")
# "around 7:15 p.m.", "about Nov. 1": an approximate point
_MOD_APPROX = re.compile(r"(?i)\b(?:about|around|approximately|roughly)\s+$")
_MOD_POINT = re.compile(r"(?i)\b(?:(?:early|late)\s+|mid-|the\s+(?:end|beginning|middle|start)\s+of\s+)$")
_MOD_DAY = re.compile(r"(?i)\b(?:earlier|later|early|late)\s+$")


_MODS = re.compile(
    r"(?i)^(?:(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|only|just|within|earlier|later|early|late)\s+"
    r"|mid-|mid\s+(?=morning|afternoon|evening)|the\s+(?:end|beginning|middle|start)\s+of\s+)+(?=\S)")


def _strip_mods(text: str) -> str:
    """The expression without the modifiers its TimeML extent takes in ("nearly", "mid-")."""
    return _MODS.sub("", text.strip())


# a count used as an adjective: "eight-year", "30-day", "two day" (a singular unit after a count)
_ADJ_SPAN = re.compile(
    rf"(?i)(?:{_NUM})-(?:day|week|month|year|hour|minute)(?:-long)?"
    rf"|(?:\d+|{_TENS}(?:[\s-]{_DIGIT_WORD})?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    rf"\s+(?:day|week|month|year|hour|minute)")


# "the night of Aug. 3", "the morning of July 4": the part of that day
_PART_OF_BEFORE = re.compile(r"(?i)\bthe\s+(?:morning|afternoon|evening|night)\s+of\s+$")
_DAY_FRAG = re.compile(rf"(?:{_MON}\s+{_DAYNUM}\b|{_DAYNUM}\s+{_MON}|{_WD}\b(?!s))")


def _extent_start(text: str, s: int, frag: str) -> int:
    before = text[max(0, s - 30):s]
    if _DAY_FRAG.match(frag) and (m := _PART_OF_BEFORE.search(before)):
        return s - len(m.group(0))
    if re.match(rf"(?i){_NUM}[\s-]", frag) and not re.match(r"(?i)an?\s+\w+\s+(?:ago|earlier)", frag):
        m = _MOD_COUNT.search(before)
        if m and m.group(0)[:4].lower() == "the " and _ADJ_SPAN.fullmatch(frag):
            m = None  # "the eight-year war": the article belongs to the noun the span describes
    elif re.match(rf"(?:{_YEAR}|{_MONTH_ONLY}|(?:this|next|last)\s+(?:week|month|year)|the\s+(?:year|week|month)\b)", frag):
        m = _MOD_POINT.search(before) or (_MOD_APPROX.search(before) if _DAY_FRAG.match(frag) else None)
    elif re.match(rf"(?:{_WD}|yesterday|today|tomorrow|this\s+(?:morning|afternoon|evening))", frag, re.I):
        m = _MOD_DAY.search(before)
    elif re.match(rf"{_MON}\s+{_DAYNUM}\b|{_CLOCK}", frag, re.I):
        m = _MOD_APPROX.search(before)
    else:
        m = None
    return s - len(m.group(0)) if m else s


# a quantity just before "a year" makes it a rate: a number, an amount, or a number and its noun
_RATE_BEFORE = re.compile(
    rf"(?:\d(?:[\d,.]*\d)?%?|\b(?:million|billion|trillion|cents?|percent|dollars|{_NUM}\s+\w+s))\s+$",
    re.IGNORECASE)


# every expression starts a word (or is a "'80s"): trying the finder only there gives what
# finditer gives at a third of the cost (less a year glued to a word: "#Election2016")
_WORD_START = re.compile(r"\b\w|'(?=\d)")


def _matches(text: str) -> list[re.Match]:
    out, pos = [], 0
    for c in _WORD_START.finditer(text):
        p = c.start()
        if p < pos:
            continue
        m = _FINDER.match(text, p)
        if m and m.end() > p:
            out.append(m)
            pos = m.end()
    return out


_OF_PERIOD_BEFORE = re.compile(r"(?i)\b(?:end|start|beginning|middle|rest)\s+of\s+$")
_PREP_BEFORE = re.compile(r"(?i)\b(?:by|at|since|until|till|before|after|around|through|to|of)\s+$")


_MONTH_DAY = re.compile(rf"{_MON}\s+{_DAYNUM}(?:,?\s+{_YEAR})?")
# the second day of a range written once with its month: "Feb. 10 to 15", "March 3-5", "May 4 and 5"
_DAY_RANGE = re.compile(
    rf"\s*(?:-|–|to|through|and|or|until|till)\s*({_DAYNUM}\b(?:,?\s+{_YEAR}\b)?)"
    rf"(?![\d%]|\s*(?:{_UNITS}|percent|per\s+cent|[ap]\.?m\b|:\d))")
_BARE_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$")


# units of measure after a four-digit number make it a quantity ("the 2000 meters", "1900
# hours", "1500 tons"); a capitalised word and a street's name after it an address
_MEASURE_AFTER = re.compile(
    r"\s+(?:(?:square\s+|cubic\s+)?(?:meters|metres|kilometers|kilometres|km|miles|feet|ft|yards|inches|"
    r"tons|tonnes|kilograms|kg|pounds|lbs|barrels|acres|hectares|degrees|calories|hours|rpm)\b"
    r"|(?:[A-Z][\w.]*\s+){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Way|"
    r"Place|Parkway|Highway)(?!\w))")
# a capitalised word inside a sentence (after a lower-case word or a comma) just before a year
_NAME_BEFORE = re.compile(r"(?<=[a-z,;] )([A-Z][A-Za-z]+) $")
# capitalised words that name a time or lead into one, not a product or an event
_NOT_A_NAME = frozenset({
    "in", "by", "since", "until", "from", "before", "after", "during", "of", "to", "the", "and",
    "or", "fiscal", "fy", "spring", "summer", "fall", "autumn", "winter", "christmas", "easter",
    "thanksgiving", "ramadan", "hanukkah", "passover", "year", "early", "late", "mid", "circa",
    "through", "till", "between", "than", "around", "about", "for", "on", "at", "as", "day",
    "eve", "night", "week", "month", "season",
})
# a preposition or focus word that makes "one day" a span: "within one day", "in the job one day"
_SPAN_PREP_BEFORE = re.compile(r"(?i)\b(?:by|for|in|within|after|only|just|than|about|nearly|almost|"
                               r"least|job|lasted|lasts|last|took|takes|spent|spend|extra|another)\s+$")
_BARE_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "decades"})
_FULL_MONTH_DOT = re.compile(rf"\b{_MONTH_ONLY}\.$")


def find_temporal_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of every temporal expression the patterns find, left to right."""
    out: list[tuple[int, int, str]] = []
    for m in _matches(text):
        s, e = m.span()
        if out and s < out[-1][1]:
            continue  # inside the second day of a range already taken
        frag = m.group(0)
        if frag.endswith(".") and _FULL_MONTH_DOT.search(frag):
            e -= 1  # "the 10th of May.": the full stop ends the sentence, no abbreviation
            frag = frag[:-1]
        word = frag.strip().rstrip(".").lower()
        if word in _AMBIGUOUS_MONTHS or word in ("sun", "sat", "wed", "mar"):
            # "May" alone is mostly the verb; "March" alone is a noun or verb just as often
            if not frag[:1].isupper() or not (re.search(
                    r"(?i)\b(in|of|since|until|till|by|last|next|this|early|late|through|from|to|and|or|"
                    r"between|before|after|during|mid)[\s-]+$", text[max(0, s - 12):s]) or (
                    # a month naming what happened in it: "a June agreement", "the March election"
                    word in ("march", "june", "july", "august")
                    and re.search(r"\b(?:[Aa]|[Tt]he|its|his|her|their)\s+$", text[max(0, s - 6):s])
                    and re.match(r"\s+[a-z]{3,}", text[e:e + 5]))):
                continue
        if (frag[:1].isupper() and word in _TITLE_CASE_SKIP and frag.split()[-1][:1].isupper()
                and not re.search(r"(?:^|[.!?:;\"'`(\n]\s*)$", text[max(0, s - 3):s])):
            continue  # title case inside a sentence: a programme or a name ("VOA Today")
        if (frag[:1].isupper() and word in _TITLE_CASE_SKIP and frag.split()[-1][:1].isupper()
                and re.match(r"\s+(?:With|And|On|In|Of)\s+[A-Z]", text[e:e + 30])):
            continue  # a title running on: "This Week With David Brinkley"
        if (frag[:1].isupper() and word in _TITLE_CASE_SKIP and frag.split()[-1][:1].isupper()
                and text[s - 1:s] in ('"', "“") and re.match(r"[,.]?[\"”]", text[e:e + 2])):
            continue  # a quoted title: ABC's "This Week"
        if re.fullmatch(r"(?:the\s+)?(?:spring|summer|fall|autumn|winter)", word) and (
                not re.search(r"(?i)\b(?:in|into|during|since|until|by|through|throughout|over|for|before|after)\s+$",
                              text[max(0, s - 12):s])
                or re.match(r"\s+of\b", text[e:e + 4])):
            continue  # "prices fall", "the fall of Kabul": a bare season word needs "in", "during"...
        if re.fullmatch(_YEAR, frag) and (nm := _NAME_BEFORE.search(text[max(0, s - 30):s])) and (
                nm[1].lower() not in _NOT_A_NAME and nm[1].lower().rstrip(".") not in _MONTHS):
            continue  # a year inside a name: "a venture called Orion 1980", "tickets for Euro 2000"
        if re.fullmatch(_YEAR, frag) and _MEASURE_AFTER.match(text, e):
            continue  # a number of a measure or an address: "the 2000 meters", "1950 Main Street"
        if re.match(r"(?:12(?::00)? )?(?:noon|midnight)\b", word) and not re.search(
                r"(?i)\b(?:at|by|until|till|before|after|around|about|exactly|from)\s+$", text[max(0, s - 8):s]):
            continue  # "noon is lunch time", "a midnight curfew": no time of a day
        if word.startswith("many ") and re.search(r"(?i)\bhow\s+$", text[max(0, s - 5):s]):
            continue  # "how many years": a question, no span
        if word in _BARE_UNITS and re.search(r"(?i)\bfirst\s+$", text[max(0, s - 6):s]):
            continue  # "the first days after the vote": no distance between two events
        if re.fullmatch(r"(?:the\s+)?last\s+(?:week|month|year)", word) and re.search(
                r"(?i)\bthe\s+$", text[max(0, s - 4):s] if not word.startswith("the") else "the ") and re.match(
                r"\s+of\b", text[e:e + 4]):
            continue  # "the last week of June", "the last year of his life": the final one of a whole
        if word == "tomorrow" and re.search(r"(?i)\bof\s+$", text[max(0, s - 4):s]):
            continue  # "the people of tomorrow": the future in general, no day
        if re.fullmatch(r"the\s+(?:week|month)", word) and not _OF_PERIOD_BEFORE.search(text[max(0, s - 16):s]):
            continue  # "the end of the week" is a date; "player of the week" is not
        if re.fullmatch(rf"the\s+{_PART}", word) and not re.search(r"(?i)\b(?:in|during)\s+$", text[max(0, s - 8):s]):
            continue
        if re.fullmatch(r"year(?:-|\s+|'s\s+)end", word) and not _PREP_BEFORE.search(text[max(0, s - 10):s]):
            continue
        if re.fullmatch(r"(?:an?|one)\s+day", word) and not (
                _SPAN_PREP_BEFORE.search(text[max(0, s - 12):s])
                or re.match(r"\s+(?:earlier|later|before|after|ago)\b", text[e:e + 8])):
            continue  # "will one day be", "one day he left": an idiom, not one day's span
        if re.fullmatch(r"one\s+(?:week|month|year)", word) and re.match(r"\s+(?:or|and)\s+(?:two|another)\b", text[e:e + 14]):
            continue  # "one year or another": no span
        if re.fullmatch(r"an?\s+(?:day|week|month|year|hour)", word) and _RATE_BEFORE.search(
                text[max(0, s - 40):s]):
            continue  # a rate, not a time: "$500 million a year", "four flights a week"
        if word.endswith(" before") and re.match(r"\s+[a-z]", text[e:e + 2]):
            # "30 days before closing": counted from an event, not from the publication date
            e = s + len(frag[:-len("before")].rstrip())
            frag = text[s:e]
        s = _extent_start(text, s, frag)
        while out and out[-1][0] >= s:
            out.pop()  # "in the evening of August 10": the extent now covers what was found alone
        if re.match(r"(?i)the\s+(?:fiscal\s+)?\S+-quarter$", frag):
            s += 4  # "the third-quarter loss": the adjective alone is the expression
        if (_DAY_MONTH.fullmatch(frag) and (r := _DAY_RANGE_BEFORE.search(text[max(0, s - 24):s]))
                and not (out and out[-1][1] > s - len(r.group(0)))):
            # the first day of a range written once with its month: "7-8 July", "the 7th and
            # 8th of July" (its month and year are read from the second, after the narrative)
            d0 = max(0, s - 24) + r.start(1)
            out.append((d0, d0 + len(r[1]), r[1]))
        out.append((s, e, text[s:e]))
        if _MONTH_DAY.fullmatch(frag):
            r = _DAY_RANGE.match(text, e)
            if r:
                out.append((r.start(1), r.end(1), r[1]))
    return out


_DAY_MONTH = re.compile(rf"(?:[Tt]he\s+)?{_DAYNUM}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?")
_DAY_RANGE_BEFORE = re.compile(
    rf"(?<![\d.,:$£€/])\b({_DAYNUM})\s*(?:-|–|to|through|and|or|until|till)\s*(?:the\s+)?$")


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
            if (frag[:5].lower() == "last " and doc[max(i, 0)].pos_ in ("VERB", "AUX")
                    and doc[max(i, 0)].idx == s):
                # "expected to last several weeks", "the war lasted...": the verb "last" is no
                # modifier; what follows is a duration
                s += 5
                frag = text[s:e]
                i += 1
            tense = tense_of(doc[max(i, 0)])
        if (tense == PRESENT and idx and _LONE_WEEKDAY.fullmatch(frag) and text[e:e + 2] not in ("'s", "’s")
                and _finite_present(doc[max(i, 0)])):
            # a finite present verb with a weekday is the schedule of news: "arrives Monday",
            # "the vote is Sunday", "have until Sunday" look ahead (to today at the nearest)
            tense = FUTURE
        elif (tense == PAST and _LONE_WEEKDAY.fullmatch(frag) and text[e:e + 2] not in ("'s", "’s")
              and re.search(r"(?i)\bfor\s+$", text[max(0, s - 5):s])):
            tense = PRESENT  # "called a strike for Saturday": the day it was set for, the nearest
        elif tense == PAST and _DEADLINE_BEFORE.search(text[max(0, s - 20):s]):
            # "extended until Nov. 16", "effective Feb. 1", "conclude by May": a limit set in
            # the past tense usually lies ahead; read the nearest one
            tense = PRESENT
        elif re.search(r"(?i)\b(?:ever\s+)?since\s+$", text[max(0, s - 12):s]):
            tense = PAST  # "has risen since Friday", "is up since year-end": a start in the past
        if _LONE_WEEKDAY.fullmatch(frag) and text[e:e + 2] in ("'s", "’s"):
            # a day's name before its event names something that happened ("Friday's blast",
            # "a premium over Thursday's close") whatever the tense of the sentence around it,
            # unless the sentence looks ahead to it ("ahead of Sunday's vote", "will vote in...")
            if _AHEAD_OF_BEFORE.search(text[max(0, s - 24):s]):
                tense = FUTURE
            elif tense != FUTURE:
                tense = PAST
        kind = _kind(frag, text[e:e + 8])
        low = " ".join(frag.split()).lower()
        if idx and _BARE_YEAR.fullmatch(frag) and (tok := doc[max(i, 0)]).dep_ == "nummod" and (
                tok.head.tag_ in ("NNS", "NNPS") and tok.head.i == tok.i + 1
                and _QUANTITY_BEFORE.search(text[max(0, s - 16):s])):
            # a count of a plural noun: "more than 2000 people", "about 1900 troops" (without the
            # quantity word it is as often the year of the things: "predicting 1990 earnings")
            continue
        if low == "today" and (_GENERIC_NOW_AFTER.match(text, e) or re.search(r"(?i)\bof\s+$", text[max(0, s - 4):s])):
            # "today's world", "the youth of today": the present in general (TimeML's
            # PRESENT_REF), no day
            out.append(TimeExpr(start=s, end=e, text=frag, value=None, precision="unknown", kind="DATE",
                                tense=tense, timeml="PRESENT_REF"))
            continue
        if low == "overnight" and not (idx and doc[max(i, 0)].pos_ == "ADV" and tense == PAST):
            continue  # "an overnight flight", "won't happen overnight": no night of the story
        if low == "current" and idx and doc[max(i, 0)].pos_ != "ADJ":
            continue  # "the current was strong": the noun
        ref = next((r for rx, r in _REFS if rx.search(low.rstrip(".,"))), None)
        if (ref == "PAST_REF" and re.match(r"(?:the )?(?:past|last|previous) (?:few|several) ", low)
                and re.search(r"(?i)\b(?:for|over|during|throughout)\s+$", text[max(0, s - 12):s])):
            ref = None  # "for the past few weeks": how long, not when
        if kind == "DURATION" and ref is None and tense == FUTURE and anchor is not None and re.search(
                r"\bin\s+$", text[max(0, s - 4):s]) and not _SPAN_FROM_NOW.match(frag):
            ahead = _ahead(frag, anchor)
            if ahead is not None:
                # "will be redeemed in five years": a date that far ahead, not a span
                out.append(TimeExpr(start=s, end=e, text=frag, value=ahead[0], precision=ahead[1],
                                    kind="DATE", tense=tense, timeml=ahead[0]))
                continue
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
    out = _clock_before_its_day(_narrative(_reporting_focus(out, text, anchor), anchor), text)
    return _weekday_ranges_forward(_day_before_its_month(out, text), text)


_CLOCK_GAP = re.compile(r"^[\s(),]*(?:on\s+)?$")


_RANGE_GAP = re.compile(r"^\s*(?:-|–|to|through|thru|until|till)\s*$", re.I)


def _weekday_ranges_forward(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """A range of weekdays runs forward: "from Monday through Wednesday" read in the present
    tense on a Wednesday ends on the Wednesday after that Monday, not on the day before it."""
    out = list(times)
    for i in range(len(out) - 1):
        t, u = out[i], out[i + 1]
        if not (_LONE_WEEKDAY.fullmatch(t.text) and _LONE_WEEKDAY.fullmatch(u.text) and t.value and u.value
                and t.precision == "day" and u.precision == "day"
                and (_RANGE_GAP.match(text[t.end:u.start]) or (
                    re.match(r"\s+and\s+$", text[t.end:u.start])
                    and re.search(r"(?i)\bbetween\s+$", text[max(0, t.start - 8):t.start])))):
            continue
        a, b = dt.date.fromisoformat(t.value), dt.date.fromisoformat(u.value)
        if b < a:
            v = (b + dt.timedelta(days=7 * ((a - b).days // 7 + 1))).isoformat()
            part = u.timeml.split("T", 1)[1] if u.timeml and "T" in u.timeml else None
            out[i + 1] = dataclasses.replace(u, value=v, timeml=f"{v}T{part}" if part else v)
    return out


def _day_before_its_month(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """The first day of a range written once with its month ("7-8 July") in that month."""
    out = list(times)
    drop = set()
    for i in range(len(out) - 1):
        t, u = out[i], out[i + 1]
        m = _BARE_DAY.match(t.text)
        if not (m and not m[2] and u.kind == "DATE" and u.precision == "day" and u.value
                and _DAY_MONTH.fullmatch(u.text) and _DAY_RANGE_BEFORE.search(text[t.start:u.start])):
            continue
        try:
            end = dt.date.fromisoformat(u.value)
            d = end.replace(day=int(m[1]))
        except ValueError:
            continue
        if d >= end:
            drop.add(i)  # a range runs forward: "3 to 1 May" is a score, no first day
            continue
        out[i] = dataclasses.replace(t, kind="DATE", value=d.isoformat(), precision="day",
                                     timeml=d.isoformat())
    return [t for i, t in enumerate(out) if i not in drop]


def _clock_before_its_day(times: list[TimeExpr], text: str) -> list[TimeExpr]:
    """Clock times that wire copy writes before their day with the other zone in between:
    "at 10:40 a.m. (0740 GMT) Friday" are both on that Friday."""
    out = list(times)
    i = 0
    while i < len(out):
        t = out[i]
        if not (t.kind == "TIME" and t.timeml and "T" in t.timeml
                and _BARE_CLOCK.match(_strip_mods(" ".join(t.text.lower().split())))):
            i += 1
            continue
        j, pos = i, t.end
        while j + 1 < len(out) and _CLOCK_GAP.match(text[pos:out[j + 1].start]):
            u = out[j + 1]
            if u.kind == "TIME" and u.timeml and "T" in u.timeml and _BARE_CLOCK.match(
                    _strip_mods(" ".join(u.text.lower().split()))):
                j, pos = j + 1, u.end
                continue
            if u.kind == "DATE" and u.precision == "day" and u.value:
                for k in range(i, j + 1):
                    c = out[k]
                    out[k] = dataclasses.replace(
                        c, value=u.value, precision="day", timeml=f"{u.value}T{c.timeml.split('T', 1)[1]}")
            break
        i = j + 1
    return out


# "in the next five years" is the span up to then, not the date at its end
_SPAN_FROM_NOW = re.compile(r"(?i)(?:the\s+)?(?:next|coming|following|past|last)\s")
# nouns that make "today's" the present in general rather than the day of publication
_GENERIC_NOW_AFTER = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:world|society|societies|youth|young|children|kids|generations?|technology|"
    r"standards|age|culture|teenagers|families|economy)\b", re.I)
_AHEAD_OF_BEFORE = re.compile(r"(?i)\b(?:ahead\s+of|in\s+advance\s+of|(?:run|lead)-up\s+to)\s+$")
_DEADLINE_BEFORE = re.compile(
    r"\b(?:until|till|through|by|effective|starting|beginning)\s+(?:(?:early|late|mid)[\s-]+|mid-)?$", re.I)
_QUARTER_VAL = re.compile(r"^(\d{4})-Q([1-4])$")
_NAMED_QUARTER = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])\b")
_FOCUS_REF = re.compile(r"^(?:the |this )?(?:latest |most recent )?(?:fiscal )?(?:quarter|period)$")
_COMPARED = re.compile(r"\b(?:compared|from|versus|vs|than)\b[^.;]*$")
# how far (characters) a named quarter stays the period a report is about
_FOCUS_REACH = 1500


def _ahead(frag: str, anchor: dt.date) -> tuple[str, str] | None:
    """(value, precision) of a counted span read from the anchor forward: "in two weeks"."""
    m = _DUR_RX.search(" ".join(frag.lower().split()))
    n = _count(m[1]) if m else None
    if n is None or n > 200:
        return None
    unit = m[2]
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _week(anchor + dt.timedelta(days=7 * n)), "week"
    if unit == "month":
        y, mo = _shift_month(anchor.year, anchor.month, n)
        return f"{y:04d}-{mo:02d}", "month"
    if unit == "year" and anchor.year + n <= 9999:
        return f"{anchor.year + n:04d}", "year"
    return None


def _reporting_focus(times: list[TimeExpr], text: str, anchor: dt.date | None) -> list[TimeExpr]:
    """Earnings-report convention: once a quarter is named ("the third quarter"), "the quarter",
    "the latest period" mean that quarter, and "a year ago", "the year-earlier period", "the 1988
    quarter", "compared with ... last year" mean the same quarter a year before. Only a quarter
    that has ended by publication is reported on; "the fourth quarter" still running, or "the third
    quarter of 1990" ahead, is a forecast.
    """
    now = (anchor.year, _quarter_of(anchor)) if anchor else (9999, 4)
    focus: tuple[int, int, int] | None = None  # year, quarter, end offset
    out = []
    for t in times:
        low = " ".join(t.text.lower().split()).rstrip(".,")
        if focus and t.start - focus[2] > _FOCUS_REACH:
            focus = None
        qm = _QUARTER_VAL.match(t.timeml or "")
        if (qm and _NAMED_QUARTER.search(low) and (int(qm[1]), int(qm[2])) < now
                and not re.search(r"year-(?:ago|earlier)|last year's", low)):
            focus = (int(qm[1]), int(qm[2]), t.end)
        elif focus is not None and t.kind == "DATE":
            y, q, _ = focus
            new = None
            if _FOCUS_REF.match(low):
                new = y
            elif _YEAR_AGO.match(low) or (low == "last year" and _COMPARED.search(text[max(0, t.start - 80):t.start])):
                new = y - 1
            elif m := _YEAR_PERIOD.match(low):
                new = int(m[1])
            if new is not None:
                t = dataclasses.replace(t, value=f"{new:04d}", precision="year", timeml=f"{new:04d}-Q{q}")
        out.append(t)
    return out


def reanchor(times: list[TimeExpr], published: str | dt.date | None,
             tenses: list[str] | None = None) -> list[TimeExpr]:
    """The same expressions resolved against another publication date (e.g. an estimated one).

    Each expression is read again with the tense it was found with (``TimeExpr.tense``);
    ``tenses``, one per expression, overrides them. Durations are kept as they are; anaphoric
    expressions ("the next day") follow the re-anchored times mentioned before them.
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
    return _narrative(out, anchor)


# Expressions read from the time the narrative has reached (TimeML's reference time) rather than
# from publication: "the next day", "the following year", "that night", "later that day",
# "the week before", "earlier in the day", "(in) the morning".
_ANAPHOR = re.compile(
    r"^(?:(?:earlier|later) )?(?:in |during )?"
    r"(?:that |the (?:(next|following|subsequent|previous|prior|preceding|same) )?)?"
    r"(day|night|morning|afternoon|evening|week|month|year|quarter)(?: (before|after))?$")
# "the week" alone (cut from "the week before they split") names no step from the reference
_ANAPHOR_CUE = re.compile(r"\b(?:that|next|following|subsequent|previous|prior|preceding|same|before|after|"
                          r"earlier|later|morning|afternoon|evening|night)\b")
_STEP = {"next": 1, "following": 1, "subsequent": 1, "after": 1, "previous": -1, "prior": -1,
         "preceding": -1, "before": -1}
_REF_RX = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])))?(?=$|T|-[A-Z])")


def _ref_point(t: TimeExpr) -> tuple[dt.date, str] | None:
    """(first day, precision) of a calendar DATE or TIME, the narrative's reference time."""
    if t.kind not in ("DATE", "TIME"):
        return None
    m = _REF_RX.match(t.timeml or t.value or "")
    if not m:
        return None
    y = int(m[1])
    try:
        if m[3]:
            return dt.date(y, int(m[2]), int(m[3])), "day"
        if m[2]:
            return dt.date(y, int(m[2]), 1), "month"
        if m[4]:
            return dt.date.fromisocalendar(y, int(m[4]), 1), "week"
        if m[5]:
            return dt.date(y, 3 * int(m[5]) - 2, 1), "quarter"
        return dt.date(y, 1, 1), "year"
    except ValueError:
        return None


_FINER = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month"),
          "quarter": ("day", "week", "month", "quarter"),
          "year": ("day", "week", "month", "quarter", "year")}


def _from_ref(low: str, ref: tuple[dt.date, str]) -> tuple[str | None, str, str | None] | None:
    """(value, precision, TimeML value) of an anaphoric expression read from ``ref``."""
    m = _ANAPHOR.match(low)
    if not m:
        return None
    k = _STEP.get(m[1] or m[3] or "", 0)
    unit = m[2]
    part = _PART_CODE.get(unit)
    need = "day" if part or unit == "day" else unit
    d, prec = ref
    if prec not in _FINER[need]:
        return None, "unknown", None
    if need == "day":
        v = (d + dt.timedelta(days=k)).isoformat()
        return v, "day", f"{v}T{part}" if part else v
    if need == "week":
        v = _week(d + dt.timedelta(days=7 * k))
        return v, "week", v
    if need == "month":
        y, mo = _shift_month(d.year, d.month, k)
        return f"{y:04d}-{mo:02d}", "month", f"{y:04d}-{mo:02d}"
    if need == "quarter":
        y, mo = _shift_month(d.year, d.month, 3 * k)
        return f"{y:04d}", "year", f"{y:04d}-Q{_quarter_of(dt.date(y, mo, 1))}"
    return f"{d.year + k:04d}", "year", f"{d.year + k:04d}"


_BARE_CLOCK = re.compile(
    rf"^(?:(?:about|around|at|approximately|roughly|shortly before|shortly after|before|after|until) )?"
    rf"(?:\d{{1,2}}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight|(?:[01]\d|2[0-3]):?[0-5]\d)"
    rf"(?: {_ZONE.lower()})?$")


# "three years earlier", "two days before": counted back from the time the story has reached
# ("ago" alone counts from publication)
_COUNT_BACK = re.compile(rf"^((?i:{_NUM})) (day|week|month|year)s? (?:or so )?(?:earlier|before)$")


def _count_back(low: str, ref: tuple[dt.date, str]) -> str | None:
    """Value of "N units earlier" read from the reference time ``ref``, None when the reference
    is coarser than the unit counted."""
    m = _COUNT_BACK.match(low)
    n = _count(m[1]) if m else None
    if n is None or n > 400:
        return None
    d, prec = ref
    unit = m[2]
    if unit == "day":
        return (d - dt.timedelta(days=n)).isoformat() if prec == "day" else None
    if unit == "week":
        return _week(d - dt.timedelta(days=7 * n)) if prec in ("day", "week") else None
    if unit == "month":
        if prec not in ("day", "week", "month"):
            return None
        y, mo = _shift_month(d.year, d.month, -n)
        return f"{y:04d}-{mo:02d}"
    return f"{d.year - n:04d}"


def _narrative(times: list[TimeExpr], anchor: dt.date | None) -> list[TimeExpr]:
    """Anaphoric expressions resolved against the latest calendar time mentioned before them
    (publication when there is none); each resolved one becomes the reference in turn.

    "the next week/month/year" looks ahead from publication unless the sentence is past tense
    ("the next year he moved" follows the story; "will fall over the next year" does not).
    """
    ref = (anchor, "day") if anchor is not None else None
    told = False  # whether the reference time was written in the text (not publication)
    out = []
    for t in times:
        full = " ".join(t.text.lower().split()).rstrip(".,")
        low = _strip_mods(full)
        if (t.kind == "DATE" and told and ref is not None and (anchor is None or ref[0].year != anchor.year)
                and not _YEAR_AGO.match(low) and (v := _count_back(low, ref)) is not None):
            # "The treaty was signed in 1991. Three years earlier...": 1988, not three years
            # before publication. "A year earlier" stays as read: in business copy it is the
            # comparison period of the report ("profit of $5 million, up from $4 million a year
            # earlier"), whatever year was named last
            prec = "day" if len(v) == 10 else "week" if "W" in v else "month" if len(v) == 7 else "year"
            t = dataclasses.replace(t, value=v, precision=prec, timeml=v)
        elif (t.kind in ("DATE", "TIME") and _ANAPHOR.match(low) and _ANAPHOR_CUE.search(full)
                and not (re.match(r"the next (?:week|month|year)$", low) and t.tense != PAST)
                # "earlier in the year" is the year of publication, as "earlier this year" is;
                # only "later that year" follows the story
                and not re.match(r"(?:earlier|later) in the (?:week|month|year)$", full)):
            got = _from_ref(low, ref) if ref is not None else (None, "unknown", None)
            if got is not None:
                t = dataclasses.replace(t, value=got[0], precision=got[1], timeml=got[2])
        elif (m := _BARE_DAY.match(low)) and ref is not None and ref[1] == "day":
            # "Feb. 10 to 15": the second day in the month of the first
            try:
                d = dt.date(int(m[2]) if m[2] else ref[0].year, ref[0].month, int(m[1]))
            except ValueError:
                d = None
            if d is not None:
                t = dataclasses.replace(t, value=d.isoformat(), precision="day", timeml=d.isoformat())
                prev = out[-1] if out else None
                if m[2] and prev is not None and prev.value == ref[0].isoformat() and not re.search(r"\d{4}", prev.text):
                    # "May 4 and 5, 1999": the year written once holds for both days
                    v = ref[0].replace(year=d.year).isoformat() if not (ref[0].month == 2 and ref[0].day == 29) else None
                    if v:
                        out[-1] = dataclasses.replace(prev, value=v, timeml=v)
        elif (t.kind == "TIME" and ref is not None and ref[1] == "day" and t.timeml
              and _BARE_CLOCK.match(low) and "T" in t.timeml):
            # a clock time without its day lies on the day the story has reached:
            # "at 10 a.m. Tuesday (1500 GMT)", "Police came on Friday. At 9 p.m. ..."
            day = ref[0].isoformat()
            t = dataclasses.replace(t, value=day, precision="day", timeml=f"{day}T{t.timeml.split('T', 1)[1]}")
        point = _ref_point(t)
        if point is not None:
            ref = point
            told = True
        out.append(t)
    return out
