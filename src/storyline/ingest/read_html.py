"""HTML pages: main text and metadata with trafilatura, from the given bytes only."""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import ReadError
from ..model import RawDocument
from .read_common import decode_text, normalise_date, scrub_tree

log = logging.getLogger(__name__)

# libxml2 stops nesting elements at this depth and silently drops what lies deeper.
LIBXML_MAX_DEPTH = 255
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
# Never article text, and where attack payloads live. JSON-LD stays: trafilatura reads
# dates and authors from it and never puts it in the text.
_DROP_XPATH = (
    "//script[not(contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json'))]"
    "|//style|//noscript|//template|//iframe|//object|//embed|//svg|//math"
)
_DATE_PARAMS = {
    # Only dates stated in the markup: a date guessed from the body text is the
    # metadata stage's call, with its own evidence.
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


def declared_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag declares in the head of ``data``, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def read_html(data: bytes, source: str, *, url: str | None = None,
              charset: str | None = None, fmt: str = "html") -> RawDocument:
    """One HTML page as a RawDocument; ReadError E109 when no main text is found."""
    html = decode_text(data, declared=charset or declared_charset(data))
    return extract_html(html, source, url=url, fmt=fmt)


def extract_html(html: str, source: str, *, url: str | None = None,
                 fmt: str = "html") -> RawDocument:
    """Main text and metadata of decoded ``html``; nothing is fetched."""
    import lxml.etree
    import lxml.html
    import trafilatura

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  encoding="utf-8")
    try:
        # Bytes, because lxml refuses str input that carries an XML encoding declaration.
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                             parser=parser)
    except (lxml.etree.ParserError, ValueError, lxml.etree.XMLSyntaxError):
        raise ReadError("E109") from None
    scrub_tree(tree)
    for el in tree.xpath(_DROP_XPATH):
        el.drop_tree()
    depth = _depth(tree)
    lang = tree.get("lang") or tree.get("xml:lang")
    doc: Any = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = _paragraphs(doc.text) if doc is not None and doc.text else ""
    if not text:
        if depth >= LIBXML_MAX_DEPTH:
            raise ReadError("E115", limit=LIBXML_MAX_DEPTH, what="HTML elements")
        raise ReadError("E109")
    if depth >= LIBXML_MAX_DEPTH:
        log.warning("%s: HTML nested deeper than %d levels; deeper text was dropped",
                    source, LIBXML_MAX_DEPTH)
    published = normalise_date(doc.date)
    return RawDocument(
        source=source,
        text=text,
        fmt=fmt,
        html=html,
        title=_clean(doc.title),
        outlet=_clean(doc.sitename),
        url=url or _clean(doc.url),
        byline=_clean(doc.author),
        published=published,
        published_from="html:metadata" if published else None,
        language=_clean(doc.language) or _clean(lang),
    )


def _depth(tree: Any) -> int:
    """Depth of the parsed tree, without recursion."""
    deepest = 0
    stack = [(tree, 0)]
    while stack:
        el, d = stack.pop()
        if d > deepest:
            deepest = d
        stack.extend((child, d + 1) for child in el)
    return deepest


def _paragraphs(text: str) -> str:
    # trafilatura puts one paragraph per line; the engine separates them by blank lines.
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
