"""WARC crawls (warcio): every HTTP response record with an HTML body is a document."""

from __future__ import annotations

import io
import itertools
import logging
import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import ReadError, file_error
from ..model import FileError, RawDocument
from .read_common import ReadOptions
from .read_html import read_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on damaged records (including its own AttributeError on a record
# without a target URI).
_WARCIO_ERRORS = (ValueError, EOFError, OSError, KeyError, IndexError, AttributeError,
                  TypeError, zlib.error)


def read_warc(data: bytes, source: str, opts: ReadOptions) -> Iterator[RawDocument | FileError]:
    """Documents from the HTML responses in WARC ``data`` (plain or gzipped records).

    The record's target URI becomes ``url``; it is never fetched, and nothing in the
    archive is written anywhere, so hostile paths in it have no effect.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    records = iter(ArchiveIterator(io.BytesIO(data)))
    for n in itertools.count(1):
        try:
            record = next(records)
        except StopIteration:
            break
        except ArchiveLoadFailed as exc:
            raise ReadError("E112", detail=str(exc)[:200]) from None
        except _WARCIO_ERRORS as exc:
            # warcio reports damage with assorted exceptions; earlier records were yielded.
            raise ReadError("E112", detail=f"record {n}: {type(exc).__name__}: {exc}"[:200]) \
                from None
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        if not ctype.startswith(_HTML_TYPES):
            continue
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            continue  # error pages and redirects are not articles
        found += 1
        yield _record(record, f"{source}#{n}", ctype, opts)
    if not found:
        raise ReadError("E118")


def _record(record: Any, source: str, ctype: str, opts: ReadOptions) -> RawDocument | FileError:
    # content_stream() undoes chunking and Content-Encoding: read it under the cap too.
    try:
        body = record.content_stream().read(opts.max_bytes + 1)
    except _WARCIO_ERRORS as exc:  # bad chunking or Content-Encoding in this record
        return file_error("E112", source, detail=f"{type(exc).__name__}: {exc}"[:200])
    if len(body) > opts.max_bytes:
        return file_error("E103", source, size=f"more than {opts.max_bytes}",
                          limit=opts.max_bytes)
    if not body.strip():
        return file_error("E101", source)
    charset = None
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return read_html(body, source, url=url, charset=charset, fmt="warc")
    except ReadError as exc:
        return file_error(exc.code, source, line=exc.line, **exc.fields)
