"""Read news from files, directories and stdin into :class:`RawDocument` records.

``read_paths`` is the one entry point. It yields one ``RawDocument`` per article
and one ``FileError`` per file (or record) it cannot read, and never raises for
bad input: a hostile or broken file costs one error record, never the batch.

Safety promises, relied on by the rest of the engine:

* nothing is fetched: feeds and HTML are parsed from the bytes given, links are
  kept as strings; nothing is written;
* every read is bounded: files and stdin by ``max_bytes``, decompressed data by
  the same limit (stream-decompressed, so a gzip bomb stops at the limit);
* HTML and feed content is turned into plain text: script and style content
  never reaches ``RawDocument.text``.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ConfigError, ReadError, file_error
from ..model import FileError, RawDocument
from .read_common import (
    DEFAULT_MAX_BYTES,
    GZIP_MAGIC,
    MAX_GZIP_LAYERS,
    ReadOptions,
    TruncatedGzip,
    binary_kind,
    decode_text,
    gunzip,
    sniff_format,
)
from .read_json import JSON_FIELDS

__all__ = ["read_paths", "read_file", "read_bytes", "iter_files", "format_for", "DEFAULT_MAX_BYTES",
           "JSON_FIELDS"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

Item = RawDocument | FileError

_FIELD_ALIASES = {"date": "published", "source": "outlet", "author": "byline", "body": "text"}

_RECORD_FORMATS = ("jsonl", "warc")
_EXT = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
}


def read_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    json_fields: dict[str, str] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Yield a ``RawDocument`` per article and a ``FileError`` per unreadable input.

    ``paths`` are files, directories (read recursively in sorted order, hidden
    files and folders skipped) or ``"-"`` for stdin. ``json_fields`` maps our field
    names (text, title, url, published, outlet, byline, language) to the keys a
    JSON export uses, e.g. ``{"text": "full_body"}``; dotted keys reach into nested
    objects. ``max_bytes`` bounds every file, stdin and decompressed data.

    Bad arguments (not bad input) raise ``ConfigError`` at call time.
    """
    if max_bytes <= 0:
        raise ConfigError("E902", name="max_bytes", value=max_bytes)
    opts = ReadOptions(max_bytes=max_bytes, json_fields=_check_fields(json_fields))
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _read_all(paths, opts)


def _check_fields(json_fields: dict[str, str] | None) -> dict[str, str]:
    checked: dict[str, str] = {}
    for ours, theirs in (json_fields or {}).items():
        ours = _FIELD_ALIASES.get(ours, ours)
        if ours not in JSON_FIELDS:
            raise ConfigError("E901", field=ours, known=", ".join(JSON_FIELDS))
        if not isinstance(theirs, str) or not theirs:
            raise ConfigError("E903", field=ours, value=theirs)
        checked[ours] = theirs
    return checked


def _read_all(paths: Iterable[str | os.PathLike[str]], opts: ReadOptions) -> Iterator[Item]:
    for p in paths:
        source = os.fspath(p)
        if source == "-":
            yield from _guard("stdin", lambda: read_bytes(_read_stdin(opts), "stdin", "", opts))
        elif os.path.isdir(source):
            for item in iter_files(source):
                if isinstance(item, FileError):
                    yield item
                else:
                    yield from read_file(item, opts)
        else:
            yield from read_file(source, opts)


def iter_files(top: str) -> Iterator[str | FileError]:
    """Every regular file under ``top``, sorted by path, hidden names skipped.

    Symlinked folders are not followed (no loops, no escaping the folder); an
    unreadable folder becomes a ``FileError``.
    """
    found: list[tuple[tuple[str, ...], str]] = []
    problems: list[FileError] = []

    def onerror(exc: OSError) -> None:
        problems.append(file_error("E114", exc.filename or top, detail=exc.strerror or exc))

    for root, dirs, files in os.walk(top, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, top)
        parts = () if rel == "." else tuple(Path(rel).parts)
        for name in files:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    continue  # sockets, FIFOs, device nodes: not documents
            except OSError as exc:  # a dangling symlink
                problems.append(file_error("E114", path, detail=exc.strerror or exc))
                continue
            found.append((parts + (name,), path))
    found.sort()
    yield from problems
    for _, path in found:
        yield path


def read_file(path: str, opts: ReadOptions | None = None) -> Iterator[Item]:
    """Read one file (any supported format) into documents and errors."""
    opts = opts or ReadOptions()
    yield from _guard(path, lambda: read_bytes(_read_capped(path, opts.max_bytes), path,
                                                os.path.basename(path), opts))


def _guard(source: str, make: object) -> Iterator[Item]:
    """Run a reader, turning any failure into a FileError so the batch goes on."""
    try:
        yield from make()  # type: ignore[operator]
    except ReadError as exc:
        yield file_error(exc.code, source, line=exc.line, **exc.fields)
    except Exception as exc:  # a reader bug must cost one file, not the batch
        log.exception("reader failed on %s", source)
        yield file_error("E119", source, detail=f"{type(exc).__name__}: {exc}"[:300])


def _read_capped(path: str, limit: int) -> bytes:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError("E113") from None
    except OSError as exc:
        raise ReadError("E114", detail=exc.strerror or exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("E114", detail="it is a directory")
    if stat.S_ISREG(st.st_mode) and st.st_size > limit:
        raise ReadError("E103", size=st.st_size, limit=limit)
    try:
        with open(path, "rb") as fh:
            # Read one byte past the limit: files that grow and devices lie about size.
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ReadError("E114", detail=exc.strerror or exc) from None
    if len(data) > limit:
        raise ReadError("E103", size=f"more than {limit}", limit=limit)
    return data


def _read_stdin(opts: ReadOptions) -> bytes:
    stream = sys.stdin
    if stream is None:
        return b""
    raw = getattr(stream, "buffer", None)
    if raw is not None:
        data = raw.read(opts.max_bytes + 1)
    else:  # a text stream (tests, notebooks): re-encode what it gives
        data = stream.read(opts.max_bytes + 1).encode("utf-8")
    if len(data) > opts.max_bytes:
        raise ReadError("E103", size=f"more than {opts.max_bytes}", limit=opts.max_bytes)
    return data


def format_for(name: str) -> str | None:
    """The reader a file name asks for ("txt", "html", ...), or None to sniff."""
    return _EXT.get(os.path.splitext(name)[1].lower())


def read_bytes(data: bytes, source: str, name: str = "", opts: ReadOptions | None = None,
               _layer: int = 0) -> Iterator[Item]:
    """Read in-memory ``data`` named ``name`` (its extension picks the reader; without
    one the content is sniffed). Raises ReadError for whole-file failures.
    """
    opts = opts or ReadOptions()
    bare = data[3:] if data.startswith(b"\xef\xbb\xbf") else data  # a lone BOM is empty too
    if not bare or (not bare[:4096].strip() and not bare.strip()):
        raise ReadError("E101")
    inner = name[:-3] if name.lower().endswith(".gz") else name
    if data.startswith(GZIP_MAGIC):
        if _layer >= MAX_GZIP_LAYERS:
            raise ReadError("E115", limit=MAX_GZIP_LAYERS, what="gzip inside gzip")
        try:
            unpacked = gunzip(data, opts.max_bytes)
        except TruncatedGzip as exc:
            # Records before the damage are sound in record formats; a text cut short
            # is not an article, so single-document formats get only the error.
            partial = exc.partial
            if format_for(inner) in _RECORD_FORMATS and partial.strip():
                yield from _guard(source, lambda: read_bytes(partial, source, inner, opts,
                                                             _layer + 1))
            raise
        yield from read_bytes(unpacked, source, inner, opts, _layer + 1)
        return
    fmt = format_for(inner) or sniff_format(data)
    if fmt == "warc":  # WARC records legitimately hold binary payloads
        from .read_warc import read_warc

        yield from read_warc(data, source, opts)
        return
    kind = binary_kind(data)
    if kind:
        raise ReadError("E102", kind=kind)
    if fmt == "txt":
        text = decode_text(data)
        if not text.strip():
            raise ReadError("E101")
        yield RawDocument(source=source, text=text, fmt="txt")
    elif fmt == "html":
        from .read_html import read_html

        yield read_html(data, source)
    elif fmt in ("json", "jsonl"):
        from .read_json import read_json

        yield from read_json(data, source, opts, lines=fmt == "jsonl",
                             sniffed=format_for(inner) is None)
    elif fmt == "feed":
        from .read_feed import read_feed

        yield from read_feed(data, source)
    else:  # pragma: no cover - _EXT and sniff_format only return the formats above
        raise AssertionError(fmt)
