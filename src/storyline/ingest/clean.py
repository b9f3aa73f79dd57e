"""Cleaning of text dumps: site furniture out, every body sentence kept.

The rules are about the *shape* of furniture (navigation, share prompts, photo
credits, sign-offs) rather than about any one site, and a line that repeats
across many articles of one outlet is boilerplate too (see ``LineStats``).
A line is only removed when it cannot be a body sentence: furniture lines are
short and carry no sentence of reporting.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

# Lines that are furniture whatever the site. Each pattern must match the WHOLE line.
_FURNITURE = [
    r"(related|recommended|more|latest|top|trending|popular|read) (articles?|stories|news|posts|reading)( from .*)?",
    r"(also read|read more|read also|see also|more on this|you may also like|recommended for you)\b.{0,80}",
    r"(leave|post|add|write) a (comment|reply)|\d* ?comments?|comments? \(\d+\)|show comments",
    r"(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram)"
    r"( (this|on|via)( [\w .]+)?)?(\s*[|/,]\s*\w+)*",
    r"(follow|like|join|subscribe to) (us|\w[\w .&'-]{0,40}) on [\w ,&]+(and [\w ]+)?\.?",
    r"(sign up|subscribe)( now| today)? (for|to) (our|the) [\w -]*(newsletter|updates|alerts).{0,60}",
    r"(photo|image|picture|file photo|video|graphic)s?( credit)?\s*[:/-].{0,80}",
    r"(courtesy|credit|source|photo courtesy|image courtesy|via)\s*[:]?\s*[\w@ .&/-]{1,40}",
    r"(advertisement|sponsored|sponsored content|ad|skip ad|loading\.*|click here.*)",
    r"(copyright|©|\(c\)).{0,120}|all rights reserved\.?",
    r"(tags?|topics?|filed under|categories)\s*:.{0,200}",
    r"(previous|next) (article|post|story).{0,120}",
    r"(listen to|download) (this|the) (article|story|app).{0,80}",
    r"(back to top|scroll to top|skip to (main )?content|menu|search|close)",
    r"(updated|last updated|posted|published)\s*(on|:)?\s*[\w ,:./-]{0,40}\d{4}.{0,20}",
    r"(published in|first published in|this article (first )?appeared in) [\w .'-]{2,40},? .{0,40}\d{4}\.?",
]
_FURNITURE_RE = re.compile(r"^\s*(?:" + "|".join(_FURNITURE) + r")\s*$", re.IGNORECASE)

# A byline on a line of its own: "By Jane Doe", "by Newsweek Pakistan".
BYLINE_RE = re.compile(r"^\s*[Bb][Yy]\s+([A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|and|&|of)){0,6})\s*$")
# Dateline at the start of the body: "ISLAMABAD:", "WASHINGTON (Reuters) -", "LONDON, Jan 3 —".
DATELINE_RE = re.compile(
    r"^(?P<dl>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
    r"(?:\s*\((?:[A-Z][\w .&]{1,30})\))?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?)"
    r"\s*(?::|—|–|-{1,2})\s+(?=\S)"
)

_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_FURNITURE_WORDS = 25


def normalise_line(line: str) -> str:
    """The form of a line used to count repeats: case, spacing and digits folded."""
    line = unicodedata.normalize("NFKC", line).lower()
    return " ".join(_WORD.findall(line))


def line_key(line: str) -> str:
    return hashlib.blake2b(normalise_line(line).encode(), digest_size=8).hexdigest()


def split_lines(text: str) -> list[str]:
    """Paragraph lines of a dump: hard-wrapped paragraphs joined, blank lines dropped.

    Dumps come two ways: one paragraph per line (most exports, trafilatura's
    output) or text wrapped at a fixed width with blank lines between
    paragraphs. In the second case the lines inside a block are joined.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    lines: list[str] = []
    for block in blocks:
        rows = [r.strip() for r in block.split("\n") if r.strip()]
        if len(rows) > 1 and _looks_wrapped(rows):
            lines.append(" ".join(rows))
        else:
            lines.extend(rows)
    return [re.sub(r"[ \t]+", " ", x) for x in lines]


def _looks_wrapped(rows: list[str]) -> bool:
    # Hard-wrapped text: most rows end mid-sentence and have similar, long lengths.
    inner = rows[:-1]
    open_ends = sum(1 for r in inner if not _SENTENCE_END.search(r))
    long_rows = sum(1 for r in inner if 40 <= len(r) <= 100)
    return open_ends >= 0.6 * len(inner) and long_rows >= 0.6 * len(inner)


def is_furniture(line: str) -> bool:
    """True when the line is site furniture by its shape alone."""
    words = _WORD.findall(line)
    if len(words) > _MAX_FURNITURE_WORDS:
        return False
    return bool(_FURNITURE_RE.match(line)) or _is_breadcrumb(line, words)


def _is_breadcrumb(line: str, words: list[str]) -> bool:
    # "Home Latest News Pakistan Backs Regional Peace: Gen. Bajwa" or "Home > World > Asia":
    # starts with Home and is (nearly) all capitalised navigation words, not a sentence.
    if not re.match(r"^\s*(Home|HOME|Homepage)\b", line) or line.rstrip().endswith("."):
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) >= 3 and caps >= 0.85 * len(words)


@dataclass(slots=True)
class LineStats:
    """How often each (normalised) short line occurs across the articles of each outlet.

    A line seen in at least ``min_articles`` articles and in at least
    ``min_share`` of an outlet's articles is that outlet's boilerplate.
    """

    min_articles: int = 3
    min_share: float = 0.2
    counts: dict[str, Counter] = field(default_factory=dict)
    articles: Counter = field(default_factory=Counter)

    def add(self, group: str, lines: list[str]) -> None:
        self.articles[group] += 1
        seen = {line_key(x) for x in lines if _candidate(x)}
        self.counts.setdefault(group, Counter()).update(seen)

    def is_boilerplate(self, group: str, line: str) -> bool:
        if not _candidate(line):
            return False
        n = self.counts.get(group, Counter()).get(line_key(line), 0)
        return n >= self.min_articles and n >= self.min_share * self.articles[group]


def _candidate(line: str) -> bool:
    # Only short lines can be repeated furniture; a long repeated line is more
    # likely syndicated body text, which near-duplicate detection handles.
    return 0 < len(_WORD.findall(line)) <= _MAX_FURNITURE_WORDS


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str]
    removed: list[str]
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None


def clean_lines(
    lines: list[str],
    group: str = "",
    stats: LineStats | None = None,
    drop: set[str] | None = None,
) -> Cleaned:
    """Remove furniture, title, byline and dateline from paragraph lines.

    ``drop`` holds exact lines that metadata inference has already consumed
    (e.g. "Published in Dawn, January 4th, 2020"), so they leave the body.
    """
    drop = drop or set()
    kept: list[str] = []
    removed: list[str] = []
    byline = None
    for line in lines:
        if line in drop or is_furniture(line) or (stats and stats.is_boilerplate(group, line)):
            removed.append(line)
            continue
        m = BYLINE_RE.match(line)
        if m and byline is None and len(kept) <= 3:
            byline = m.group(1)
            removed.append(line)
            continue
        kept.append(line)

    title = None
    # A title: a short first line with no closing punctuation, followed by body text.
    if len(kept) > 1 and _is_title(kept[0]):
        title = kept.pop(0)
        removed.append(title)
        # Dumps often repeat the title (breadcrumb then heading): drop exact repeats.
        while kept and normalise_line(kept[0]) == normalise_line(title):
            removed.append(kept.pop(0))

    dateline = None
    if kept:
        m = DATELINE_RE.match(kept[0])
        if m and len(kept[0]) > m.end() + 20:
            dateline = m.group("dl").strip()
            kept[0] = kept[0][m.end():]
    return Cleaned(paragraphs=kept, removed=removed, title=title, byline=byline, dateline=dateline)


def _is_title(line: str) -> bool:
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 20 or _SENTENCE_END.search(line.rstrip(":")) and line.rstrip()[-1] in ".!?":
        return False
    if line.rstrip().endswith((".", "!", "?")):
        return False
    # Headline case, or a short line with no verb-like sentence structure: title-cased majority.
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps >= 0.5 * len(words)
