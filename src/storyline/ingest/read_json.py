"""JSON (one object, a list, or a wrapper such as ``{"articles": [...]}``) and JSON Lines."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError, file_error
from ..model import FileError, RawDocument
from .read_common import ReadOptions, decode_text, html_fragment_to_text, normalise_date

log = logging.getLogger(__name__)

# Our field -> the names exports commonly use for it (first match wins, any case).
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "articleBody", "full_text",
             "fulltext", "maintext", "story", "body_text", "content_text"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "permalink", "canonical_url", "source_url", "href", "uri"),
    "published": ("published", "date", "pubDate", "publish_date", "published_at",
                  "publication_date", "datePublished", "publishedAt", "date_published", "pub_date",
                  "created_at", "timestamp", "time"),
    "outlet": ("source", "outlet", "site_name", "sitename", "publisher", "publication",
               "source_name", "domain", "site"),
    "byline": ("author", "byline", "authors", "creator", "writer"),
    "language": ("language", "lang"),
}
# After this many malformed lines with nothing read, the file is not JSON Lines.
MAX_BAD_LINES = 100
# Keys that API exports wrap their list of articles in.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_CONTAINERS = ("articles", "items", "data", "results", "documents", "docs", "entries", "posts",
               "hits", "records", "news", "stories")


def read_json(data: bytes, source: str, opts: ReadOptions, *, lines: bool,
              sniffed: bool = False) -> Iterator[RawDocument | FileError]:
    """Documents from JSON or JSON Lines ``data``.

    A ``.json`` file that is really JSON Lines is read as such. With ``sniffed``
    (no extension, content starts with ``{`` or ``[``), data that is not JSON at
    all is read as plain text instead.
    """
    text = decode_text(data)
    if not lines:
        try:
            value = json.loads(text)
        except RecursionError:
            raise ReadError("E115", limit="Python's recursion", what="JSON") from None
        except json.JSONDecodeError as exc:
            if _first_line_is_json(text):
                lines = True
            elif sniffed:
                yield RawDocument(source=source, text=text, fmt="txt")
                return
            else:
                raise ReadError("E107", line=exc.lineno, detail=_json_detail(exc)) from None
        else:
            yield from _from_value(value, source, opts)
            return
    yield from _read_lines(text, source, opts)


def _first_line_is_json(text: str) -> bool:
    first, _, rest = text.lstrip().partition("\n")
    if not rest.strip():
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _json_detail(exc: json.JSONDecodeError) -> str:
    return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"


def _read_lines(text: str, source: str, opts: ReadOptions) -> Iterator[RawDocument | FileError]:
    bad = good = 0
    # split("\n"), not splitlines(): U+2028, U+0085 and friends may sit raw inside a
    # valid JSON string and must not cut the record.
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            bad += 1
            if bad > MAX_BAD_LINES and not good:
                yield file_error("E116", source, line=n, limit=MAX_BAD_LINES)
                return
            detail = (_json_detail(exc) if isinstance(exc, json.JSONDecodeError)
                      else "nested too deeply")
            yield file_error("E107", f"{source}#{n}", line=n, detail=detail)
            continue
        good += 1
        if not isinstance(value, dict):
            yield file_error("E117", f"{source}#{n}", line=n, kind=type(value).__name__)
            continue
        yield _record(value, f"{source}#{n}", opts, line=n)
    if not bad and not good:
        raise ReadError("E101")


def _from_value(value: Any, source: str, opts: ReadOptions) -> Iterator[RawDocument | FileError]:
    if isinstance(value, dict) and _find(value, "text", opts) is None:
        wrapped = _container(value)
        if wrapped is not None:
            value = wrapped
    if isinstance(value, dict):
        yield _record(value, source, opts)
    elif isinstance(value, list):
        if not value:
            raise ReadError("E101")
        for n, item in enumerate(value, 1):
            if isinstance(item, dict):
                yield _record(item, f"{source}#{n}", opts)
            else:
                yield file_error("E117", f"{source}#{n}", kind=type(item).__name__)
    else:
        raise ReadError("E117", kind=type(value).__name__)


def _container(obj: dict[str, Any]) -> list[Any] | None:
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for key in _CONTAINERS:
        v = lowered.get(key)
        if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            return v
    return None


def _record(obj: dict[str, Any], source: str, opts: ReadOptions,
            line: int | None = None) -> RawDocument | FileError:
    raw_text = _find(obj, "text", opts)
    text = _as_text(raw_text)
    if not text:
        tried = [opts.json_fields["text"]] if "text" in opts.json_fields else None
        return file_error("E108", source, line=line,
                          tried=", ".join(tried or JSON_FIELDS["text"]))
    raw_date = _find(obj, "published", opts, allow_numbers=True)
    published = normalise_date(raw_date)
    return RawDocument(
        source=source,
        text=text,
        fmt="json",
        title=_short(_find(obj, "title", opts)),
        outlet=_short(_find(obj, "outlet", opts)),
        url=_short(_find(obj, "url", opts)),
        byline=_short(_find(obj, "byline", opts)),
        published=published,
        published_from=f"json:{str(raw_date)[:60]}" if published else None,
        language=_short(_find(obj, "language", opts)),
    )


def _find(obj: dict[str, Any], ours: str, opts: ReadOptions, *,
          allow_numbers: bool = False) -> Any:
    """The value of our field ``ours`` in ``obj``: the user's key, else common names."""
    if ours in opts.json_fields:
        value: Any = obj
        for part in opts.json_fields[ours].split("."):
            value = value.get(part) if isinstance(value, dict) else None
        return _unwrap(value, allow_numbers)
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for key in JSON_FIELDS[ours]:
        value = _unwrap(lowered.get(key.lower()), allow_numbers)
        if value not in (None, "", []):
            return value
    return None


def _unwrap(value: Any, allow_numbers: bool) -> Any:
    # WordPress {"rendered": "..."}, NewsAPI {"name": "..."}, author lists.
    if isinstance(value, dict):
        for key in ("rendered", "text", "value", "name", "$t", "#text"):
            if key in value:
                return _unwrap(value[key], allow_numbers)
        return None
    if isinstance(value, list):
        parts = [_unwrap(v, False) for v in value[:20]]
        parts = [p for p in parts if isinstance(p, str) and p.strip()]
        return ", ".join(parts) if parts else None
    if isinstance(value, str):
        return value
    if allow_numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def _as_text(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    if _TAG.search(value):
        return html_fragment_to_text(value)
    return value.strip()


def _short(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if _TAG.search(value):
        value = html_fragment_to_text(value)
    value = " ".join(value.split())[:500]
    return value or None
