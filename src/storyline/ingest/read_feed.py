"""RSS and Atom feeds (feedparser), one document per entry.

feedparser is always given a byte stream: ``feedparser.parse("http://...")`` would
fetch the URL, and a feed's links are never followed.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError, file_error
from ..model import FileError, RawDocument
from .read_common import html_fragment_to_text, normalise_date

log = logging.getLogger(__name__)

_EMAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | FileError]:
    """Documents from the entries of an RSS/Atom feed held in ``data``."""
    import feedparser

    # A stream, never a str or bytes: feedparser fetches a str that looks like a URL and
    # opens bytes that name an existing file (a feed whose content is "/etc/passwd").
    # feedparser's own sanitizer is off: it is 3x slower than the whole parse, and
    # html_fragment_to_text already drops script/style/iframe and never emits markup.
    parsed: Any = feedparser.parse(io.BytesIO(data), sanitize_html=False,
                                   resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") or not parsed.get("version"):
            exc = parsed.get("bozo_exception")
            detail = str(exc)[:200] if exc else "no feed elements found"
            raise ReadError("E110", detail=detail)
        raise ReadError("E120")
    feed = parsed.get("feed") or {}
    outlet = _plain(feed.get("title"))
    language = _plain(feed.get("language"))
    for n, entry in enumerate(entries, 1):
        yield _entry(entry, f"{source}#{n}", outlet, language)


def _entry(entry: Any, source: str, outlet: str | None,
           language: str | None) -> RawDocument | FileError:
    text = html_fragment_to_text(_body(entry))
    if not text:
        return file_error("E111", source)
    published = _date(entry)
    return RawDocument(
        source=source,
        text=text,
        fmt="rss",
        title=_plain(entry.get("title")),
        outlet=outlet,
        url=_plain(entry.get("link")),
        byline=_author(entry),
        published=published,
        published_from="feed:published" if published else None,
        language=_plain((entry.get("title_detail") or {}).get("language")) or language,
    )


def _body(entry: Any) -> str:
    """The fullest HTML/text the entry carries: content, else summary."""
    best = ""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        if len(value) > len(best):
            best = value
    if not best:
        best = entry.get("summary") or entry.get("description") or ""
    return best if isinstance(best, str) else ""


def _date(entry: Any) -> str | None:
    # dict.get, not entry.get: feedparser maps a missing "updated" to "published" with a
    # DeprecationWarning, and the mapping is going away.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = dict.get(entry, key)
        if isinstance(value, time.struct_time):
            d = normalise_date(f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}")
            if d:
                return d
    for key in ("published", "updated", "created", "dc_date"):
        d = normalise_date(dict.get(entry, key))
        if d:
            return d
    return None


def _author(entry: Any) -> str | None:
    author = _plain(entry.get("author"))
    if author:
        # RSS <author> is "email (Name)"; the name is the byline.
        m = _EMAIL_NAME.match(author)
        return m.group(1).strip() if m else author
    return _plain((entry.get("author_detail") or {}).get("name"))


def _plain(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = html_fragment_to_text(value) if "<" in value or "&" in value else value
    text = " ".join(text.split())
    return text or None
