"""Byte-level helpers shared by the readers: limits, sniffing, decoding, gunzip, dates.

Everything here works on bytes already in memory (read under a size cap) and
never touches the network or writes a file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import logging
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

from ..errors import ReadError

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# A gzip quine unpacks to itself; two layers cover every real ".tar.gz"-style case.
MAX_GZIP_LAYERS = 2
_SNIFF = 4096

# Magic numbers of binary formats users most often drop into a news folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP/Office/EPUB"),
    (b"PK\x05\x06", "ZIP"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3"),
    (b"fLaC", "FLAC"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
GZIP_MAGIC = b"\x1f\x8b"
# C0 controls that never occur in text (tab, newlines, form feed and ESC are allowed).
_CONTROL = bytes(range(0, 9)) + b"\x0e\x0f" + bytes(range(0x10, 0x1b)) + b"\x1c\x1d\x1e\x1f\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


@dataclass(slots=True)
class ReadOptions:
    """Settings shared by every reader in one ``read_paths`` call."""

    max_bytes: int = DEFAULT_MAX_BYTES
    json_fields: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- sniffing


def binary_kind(data: bytes) -> str | None:
    """Name of the binary format ``data`` is in, or None when it may be text.

    Magic numbers first, then the share of control bytes in the head (UTF-16 with a
    BOM is text and is let through).
    """
    head = data[:_SNIFF]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if not head:
        return None
    controls = len(head.translate(None, _NOT_CONTROL))
    if controls == 0:
        return None
    if _utf16_without_bom(head):
        return None
    # One stray control byte is a damaged text; several percent is a binary format.
    if controls / len(head) > 0.02 or head.count(b"\x00") > 2:
        return "unknown binary data"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL, as in BOM-less UTF-16 text."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def sniff_format(data: bytes) -> str:
    """Best guess of the format of extensionless data: warc, feed, html, json or txt."""
    if data.startswith(b"WARC/"):
        return "warc"
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        if b"<html" in head:
            return "html"
        return "feed"
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if head.startswith(b"<!doctype html") or b"<html" in head or b"<body" in head:
        return "html"
    if head.startswith((b"{", b"[")):
        return "json"
    return "txt"


# --------------------------------------------------------------------------- decoding


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as cp1252 (latin-1 for its 5 holes).

    Files glued together from UTF-8 and Windows-1252 parts are the most common
    "mixed encoding" in news dumps; this keeps both parts readable.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(_CP1252[b] for b in bad), exc.end


_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]
codecs.register_error("storyline-cp1252", _cp1252_fallback)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOMs, UTF-8, a declared charset, then charset-normalizer.

    UTF-8 is tried first and costs nothing else when it works. Raises
    ``ReadError("E104")`` when no encoding fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("E104", bad_line=data[: exc.start].count(b"\n") + 1) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    utf16 = _utf16_without_bom(data[:_SNIFF]) if b"\x00" in data[:_SNIFF] else None
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    if declared:
        try:
            # A declaration readable as ASCII cannot be UTF-16/32 (nor is UTF-8 still an
            # option); trusting it would turn the page into CJK-looking noise.
            if not codecs.lookup(declared).name.startswith(("utf-8", "utf-16", "utf-32")):
                return data.decode(declared)
        except (LookupError, UnicodeDecodeError, ValueError):
            pass
    # Few bad bytes among genuine UTF-8 multi-byte sequences: a mixed file, repair it.
    # (Random high bytes also form some valid sequences, but with many bad ones.)
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    if bad <= 0.05 * len(loose) and any(ord(c) > 0x7F and c != "\ufffd" for c in loose):
        return data.decode("utf-8", errors="storyline-cp1252")
    text = _detect(data)
    if text is None:
        raise ReadError("E104", bad_line=data[:first_bad].count(b"\n") + 1)
    return text


# Non-ASCII characters that Western-European text in Windows-1252 is made of.
_WESTERN = set(
    "\u00a0\u00a1\u00a3\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b2\u00b3\u00b4\u00b7"
    "\u00b9\u00bb\u00bc\u00bd\u00be\u00bf\u00d7\u00f7\u20ac\u201a\u201e\u2026\u2018"
    "\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u00b5"
) | {chr(c) for c in range(0xC0, 0x100)} | set("\u0152\u0153\u0160\u0161\u0178\u017d\u017e")


def _detect(data: bytes) -> str | None:
    """Text of non-UTF-8 ``data``, or None when no encoding fits it."""
    # charset-normalizer cannot tell cp1250/cp1252/cp1257 apart on a short Western
    # text (they score the same), yet non-UTF-8 English news is almost always
    # Windows-1252 or Latin-1: accept cp1252 when it yields plausible Latin text.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        letters = sum(1 for c in text if c.isalpha())
        high = [c for c in text if ord(c) > 0x7F]
        if high and all(c in _WESTERN for c in high) and len(high) <= 0.3 * max(letters, 1):
            return text
    import charset_normalizer  # imported lazily: the UTF-8 path never needs it

    best = charset_normalizer.from_bytes(data).best()
    # A stricter chaos bound than charset-normalizer's own: a wrong guess would feed
    # mojibake to every later stage, an error tells the user to re-save the file.
    if best is None or best.chaos > 0.1:
        return None
    return str(best)


# --------------------------------------------------------------------------- gzip


class TruncatedGzip(ReadError):
    """E105 for a gzip stream that ends early; ``partial`` is what it held until then,
    so multi-record formats can keep the records before the damage."""

    def __init__(self, partial: bytes) -> None:
        self.partial = partial
        super().__init__("E105", detail="it is truncated: the compressed stream ends early")


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress (possibly multi-member) gzip ``data`` without ever holding more than
    ``limit`` bytes of output. Raises ReadError E105 (damaged/truncated) or E106 (bomb).
    """
    out: list[bytes] = []
    size = 0
    rest = data
    while True:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        buf = rest
        try:
            while buf:
                chunk = d.decompress(buf, limit - size + 1)
                size += len(chunk)
                if size > limit:
                    raise ReadError("E106", limit=limit)
                out.append(chunk)
                buf = d.unconsumed_tail
                if d.eof:
                    break
            if not d.eof:
                tail = d.flush()
                size += len(tail)
                if size > limit:
                    raise ReadError("E106", limit=limit)
                out.append(tail)
                raise TruncatedGzip(b"".join(out))
        except zlib.error as exc:
            raise ReadError("E105", detail=str(exc)) from None
        rest = d.unused_data
        # Another member follows (concatenated .gz files); anything else is padding.
        if not rest.startswith(GZIP_MAGIC):
            break
    return b"".join(out)


# --------------------------------------------------------------------------- dates

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_SLASHED = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")


def normalise_date(value: object) -> str | None:
    """A date from metadata ("2020-01-04T10:00Z", RFC 822, epoch seconds, "January 4,
    2020", ...) as "YYYY-MM-DD", or None when it is not a plausible calendar date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, (int, float)):
        if isinstance(value, int) and 10_000_000 <= value <= 99_999_999:
            return normalise_date(str(value))  # 20200104
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 100:
        return None
    for rx in (_ISO, _SLASHED, _COMPACT):
        m = rx.match(s)
        if m:
            return _valid(int(m[1]), int(m[2]), int(m[3]))
    if s.isdigit():
        return _from_epoch(float(s))
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return _valid(parsed.year, parsed.month, parsed.day)
    return _dateparser(s)


def _dateparser(s: str) -> str | None:
    # Free-form dates are rare in structured metadata; dateparser is slow to import,
    # so it is the last resort.
    if not re.search(r"\d{4}", s):
        return None  # without a year the date cannot be placed: no guessing
    try:
        import dateparser

        parsed = dateparser.parse(
            s,
            languages=["en"],
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except Exception:  # dateparser raises a zoo of errors on odd strings
        log.debug("dateparser failed on %r", s, exc_info=True)
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


def _from_epoch(x: float) -> str | None:
    if x > 1e11:  # milliseconds
        x /= 1000.0
    # Below 1e8 (1973) a number is more likely a year or an id than a timestamp.
    if not (1e8 <= x < 1e10):
        return None
    try:
        d = dt.datetime.fromtimestamp(x, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return _valid(d.year, d.month, d.day)


def _valid(y: int, m: int, d: int) -> str | None:
    if not 1800 <= y <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- html -> text

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption",
    "dd", "dt", "dl", "hr", "aside", "main", "address",
}
# Elements whose content is never article text (and may be an attack payload).
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
         "math", "form", "button", "select", "textarea", "head")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_PARAS = re.compile(r"\n\s*\n")


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry, a JSON body): no markup, no
    script/style content, block elements separated by blank lines.
    """
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(_XML_BAD.sub("", fragment), create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    scrub_tree(root)
    doomed = list(root.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction, *_DROP))
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text that follows the element
    for el in root.iter(lxml.etree.Element):
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n\n" + (el.text or "")
    return _tidy("".join(root.itertext()))


def scrub_tree(root: Any) -> None:
    """Remove characters XML forbids (U+FFFF, C0 controls, lone surrogates) from every
    text node. The HTML parser lets them in through character references
    (``&#xFFFF;``), and lxml then refuses any edit of the node that holds them.
    """
    for el in root.iter():
        if el.text and _XML_BAD.search(el.text):
            el.text = _XML_BAD.sub("", el.text)
        if el.tail and _XML_BAD.search(el.tail):
            el.tail = _XML_BAD.sub("", el.tail)


def _tidy(text: str) -> str:
    paras = (_SPACES.sub(" ", p).strip() for p in _PARAS.split(text.replace("\r\n", "\n")))
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines() if line.strip())
                       for p in paras if p)
