"""Metadata inference when the source does not give it: date, outlet, title.

Each inferred value carries where it came from (``*_from``) and the
publication date a confidence, so users can judge it and later stages (story
date estimation) know what they may override: an estimated date never
overrides one that the article states.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# "January 4th, 2020", "4 January 2020", "Jan. 4, 2020", "2020-01-04", "2020/01/04"
DATE_PATTERNS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I),
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I),
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
]

# Text signatures that name the outlet. Group "outlet" is the name.
_OUTLET_SIGNATURES = [
    ("published in", re.compile(r"^(?:first )?published in (?:the )?(?P<outlet>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}),", re.I)),
    ("follow", re.compile(r"^follow (?P<outlet>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}) on (?:facebook|twitter|instagram|x|youtube|linkedin|whatsapp|telegram)\b", re.I)),
    ("copyright", re.compile(r"^(?:copyright|©)\s*(?:\d{4}\s*)?(?P<outlet>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3})", re.I)),
    ("appeared in", re.compile(r"^this (?:article|story) (?:first |originally )?appeared (?:in|on) (?:the )?(?P<outlet>[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3})", re.I)),
]
# A byline naming an organisation rather than a person.
_ORG_WORDS = re.compile(
    r"\b(news|times|post|tribune|herald|daily|agency|press|wire|journal|gazette|telegraph|"
    r"guardian|express|observer|chronicle|review|reuters|afp|ap|bbc|cnn|desk|staff|correspondent|"
    r"newsweek|media|tv|radio|online|report(?:er)?s?|pakistan|india|international)\b",
    re.I,
)
_LEADING_DATE = re.compile(r"^\s*(?:date|dated|posted|published)?\s*:?\s*(?P<iso>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\b\s*", re.I)
# An embedded tweet's sign-off: "— Secretary Pompeo (@SecPompeo) January 3, 2020"
_TWEET_SIGNOFF = re.compile(r"[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+(?P<date>" + _MONTH + r"\s+\d{1,2},\s+(?:19|20)\d{2})")


# A date in a file's name or its two parent folders, or in a URL's path, as crawlers and archives
# write them: "nyt_2016-09-19_slug.txt", "APW19980807.0261", ".../2020/01/08/story.html".
_PATH_DATE = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)\d{2})(?P<sep>[-_.]?)(?P<mnum>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])(?![0-9])"
)
_PATH_DIRS_DATE = re.compile(r"(?:^|/)(?P<year>(?:19|20)\d{2})/(?P<mnum>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])(?:/|$)")


def path_date(path: str) -> tuple[dt.date, str] | None:
    """The date written in a source path or URL path: in the file name or its two parent
    folders, or as year/month/day folders holding the file (a dated folder far up the tree
    says when a batch was filed, not when each piece ran)."""
    path = path.split("#", 1)[0].replace("\\", "/")
    if "://" in path:
        path = urlparse(path).path
    parts = path.rstrip("/").split("/")
    for pat, tail in ((_PATH_DIRS_DATE, "/".join(parts[-4:])), (_PATH_DATE, "/".join(parts[-3:]))):
        for m in pat.finditer(tail):
            try:
                return dt.date(int(m.group("year")), int(m.group("mnum")), int(m.group("day"))), m.group(0).strip("/")
            except ValueError:
                continue
    return None


def parse_date(text: str) -> tuple[dt.date, re.Match] | None:
    """The first calendar date written out in ``text`` (day precision only)."""
    for pat in DATE_PATTERNS:
        m = pat.search(text)
        if not m:
            continue
        try:
            month = int(m.group("mnum")) if "mnum" in m.groupdict() and m.group("mnum") else _MONTHS[m.group("month").lower().rstrip(".")]
            return dt.date(int(m.group("year")), month, int(m.group("day"))), m
        except (ValueError, KeyError):
            continue
    return None


@dataclass(slots=True)
class DateCandidate:
    value: dt.date
    evidence: str
    confidence: float


@dataclass(slots=True)
class Inferred:
    published: str | None = None
    published_from: str | None = None
    published_confidence: float = 0.0
    date_conflicts: list[str] = field(default_factory=list)
    outlet: str | None = None
    outlet_from: str | None = None
    title: str | None = None
    consumed: set[str] = field(default_factory=set)  # lines that are metadata, not body
    first_line_prefix: int = 0  # chars of the first line that are a metadata prefix


def infer(
    lines: list[str],
    *,
    meta_date: str | None = None,
    meta_date_from: str | None = None,
    meta_outlet: str | None = None,
    url: str | None = None,
    today: dt.date | None = None,
    source: str | None = None,
) -> Inferred:
    """Publication date, outlet and title-like metadata from structured metadata and text.

    ``source`` (the file's path) and ``url`` may carry a date in their names; it is taken
    with less confidence than one the text states.
    """
    today = today or dt.date.today()
    out = Inferred()
    cands: list[DateCandidate] = []
    if meta_date:
        try:
            cands.append(DateCandidate(dt.date.fromisoformat(meta_date[:10]), meta_date_from or "metadata", 0.95))
        except ValueError:
            out.date_conflicts.append(f"unreadable metadata date {meta_date!r}")

    head, tail = lines[:4], lines[-6:]
    # A leading "date 2020-01-08" or "2005/01/08 Title" prefix on the first line.
    if lines:
        m = _LEADING_DATE.match(lines[0])
        if m:
            d = _safe_iso(m.group("iso"))
            if d:
                cands.append(DateCandidate(d, f"text:{m.group(0).strip()}", 0.9))
                out.first_line_prefix = m.end()
    # A line near the top or bottom that is nothing but a date ("Saturday, January 8, 2005"),
    # or a sign-off naming the date ("Published in Dawn, January 4th, 2020").
    for line in head + tail:
        low = line.lower()
        found = parse_date(line)
        if found is None:
            continue
        d, m = found
        rest = (line[: m.start()] + line[m.end():]).strip(" ,.:;|-—–")
        if not rest:
            cands.append(DateCandidate(d, f"text:{line}", 0.85))
            out.consumed.add(line)
        elif re.match(r"^(first )?(published|posted|updated|printed)\b", low) and len(line) < 120:
            cands.append(DateCandidate(d, f"text:{line}", 0.95 if "published" in low else 0.7))
            out.consumed.add(line)
    # A date in the URL or the file's name: how crawls and archives file articles.
    for where, conf in ((url, 0.7), (source, 0.6)):
        found = path_date(where) if where else None
        if found:
            cands.append(DateCandidate(found[0], f"{'url' if where == url else 'path'}:{found[1]}", conf))
    # An embedded tweet gives a lower bound: the article cannot be older than the tweet.
    for line in lines:
        m = _TWEET_SIGNOFF.search(line)
        if m:
            found = parse_date(m.group("date"))
            if found:
                cands.append(DateCandidate(found[0], f"text:embedded tweet dated {m.group('date')}", 0.5))
                break

    valid = []
    for c in cands:
        if c.value > today:
            out.date_conflicts.append(f"{c.value.isoformat()} from {c.evidence} is in the future; ignored")
        else:
            valid.append(c)
    if valid:
        best = max(valid, key=lambda c: c.confidence)
        out.published = best.value.isoformat()
        out.published_from = best.evidence
        out.published_confidence = best.confidence
        for c in valid:
            if c.value != best.value:
                out.date_conflicts.append(f"{c.value.isoformat()} from {c.evidence}")

    _infer_outlet(out, lines, meta_outlet, url)
    return out


def infer_outlet(lines: list[str], meta_outlet: str | None = None, url: str | None = None) -> str | None:
    """The outlet alone, as ``infer`` finds it (without the date search, which costs more)."""
    out = Inferred()
    _infer_outlet(out, lines, meta_outlet, url)
    return out.outlet


def _safe_iso(s: str) -> dt.date | None:
    parts = re.split(r"[-/.]", s)
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None


def _infer_outlet(out: Inferred, lines: list[str], meta_outlet: str | None, url: str | None) -> None:
    if meta_outlet:
        out.outlet, out.outlet_from = meta_outlet.strip(), "metadata"
        return
    for line in lines[:5] + lines[-6:]:
        for _name, pat in _OUTLET_SIGNATURES:
            m = pat.match(line.strip())
            if m:
                out.outlet, out.outlet_from = m.group("outlet").strip(), f"text:{line.strip()}"
                out.consumed.add(line)
                return
        m = re.match(r"^\s*by\s+(?P<name>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*$", line)
        if m and _ORG_WORDS.search(m.group("name")):
            out.outlet, out.outlet_from = m.group("name"), f"text:{line.strip()}"
            out.consumed.add(line)
            return
    if url:
        host = urlparse(url).hostname or ""
        host = re.sub(r"^(www|m|amp|edition|news)\.", "", host)
        if host:
            out.outlet, out.outlet_from = host, f"url:{url}"
