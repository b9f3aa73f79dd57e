"""Finding directly quoted text by its quote marks, in one linear pass.

News text mixes every quote style (straight, curly, guillemets, single), uses
apostrophes that look like single closing marks ("Pakistan’s", "voters’"),
runs one quote over several paragraphs (an opening mark on each paragraph and
one closing mark at the end) and is often unbalanced. The scanner never looks
further than the next paragraph, so an unclosed mark can never swallow the
rest of an article, and it visits each character a bounded number of times.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIG = '"″'
SINGLE_OPEN = "‘‹‚"
SINGLE_CLOSE = "’›"
SINGLE_AMBIG = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIG + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG

# Characters after which a straight mark opens rather than closes a quote.
_OPEN_BEFORE = set(" \t\n\r([{—–-/:") | set(DOUBLE_OPEN + SINGLE_OPEN)
# Characters before which a straight mark closes rather than opens a quote.
_CLOSE_AFTER = set(" \t\n\r.,;:!?)]}—–-/…") | set(
    DOUBLE_CLOSE + SINGLE_CLOSE + DOUBLE_AMBIG + SINGLE_AMBIG
)


@dataclass(slots=True)
class QuoteSpan:
    """One stretch of quoted text. ``start``/``end`` exclude the marks themselves."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when capped at a paragraph end
    double: bool  # double marks (or guillemets) rather than single ones

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        """End offset including the closing mark when there is one."""
        return self.close_at + 1 if self.close_at is not None else self.end


def _role(text: str, i: int, width: int = 1) -> tuple[str, str] | None:
    """('double'|'single', 'open'|'close'|'either') for the mark at ``i``, or None if it is no quote mark.

    ``width`` 2 is a pair of apostrophes standing for a double mark (''like this'').
    """
    c = '"' if width == 2 else text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    if c in DOUBLE_OPEN:
        return ("double", "open")
    if c in DOUBLE_CLOSE:
        return ("double", "close")
    if c in DOUBLE_AMBIG:
        opens = prev in _OPEN_BEFORE
        closes = nxt in _CLOSE_AFTER or prev.isalnum() or prev in ".,!?…"
        if opens and not closes:
            return ("double", "open")
        if closes and not opens:
            return ("double", "close")
        return ("double", "either")
    if c in SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG:
        # A mark between two letters or digits is an apostrophe ("Pakistan’s", "#Pakistan‘s", "doesn't").
        if prev.isalnum() and nxt.isalnum():
            return None
        if c in SINGLE_OPEN or c in SINGLE_AMBIG:
            if prev in _OPEN_BEFORE and (nxt.isalpha() or nxt in DOUBLE_OPEN + DOUBLE_AMBIG + "…"):
                return ("single", "open")
            if c in SINGLE_OPEN and nxt.isdigit():
                return None  # ‘90s
        if c in SINGLE_CLOSE or c in SINGLE_AMBIG:
            if (
                prev.isalnum() or prev in ".,!?…" or prev in DOUBLE_CLOSE + DOUBLE_AMBIG
            ) and nxt in _CLOSE_AFTER:
                return ("single", "close")
        return None
    return None


def _next_visible(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in " \t\r\n\u00a0":
        i += 1
    return i


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every directly quoted stretch of ``text``, in order, outermost quotes only.

    Quotes inside quotes (single marks within double ones, or the reverse) are
    part of their outer quote's content. A quote still open at a paragraph end
    continues only when the next paragraph opens with a mark of the same kind;
    otherwise it is capped there (``close_at`` is None).
    """
    spans: list[QuoteSpan] = []
    n = len(text)
    i = 0
    open_at: int | None = None
    open_double = True
    open_width = 1
    while i < n:
        c = text[i]
        if c == "\n":
            if open_at is not None:
                j = _next_visible(text, i, n)
                w = 2 if text[j : j + 2] == "''" else 1
                role = _role(text, j, w) if j < n else None
                if (
                    role is not None
                    and role[0] == ("double" if open_double else "single")
                    and role[1] != "close"
                ):
                    # News convention: the quote goes on into the next paragraph.
                    i = j + w
                    continue
                end = i
                while end > open_at + open_width and text[end - 1] in " \t\r":
                    end -= 1
                if end > open_at + open_width:
                    spans.append(QuoteSpan(open_at + open_width, end, open_at, None, open_double))
                open_at = None
            i += 1
            continue
        if c not in ALL_MARKS:
            i += 1
            continue
        # Two apostrophes in a row are a double mark in ASCII-converted text: ''Yes,'' he said.
        width = 2 if c == "'" and i + 1 < n and text[i + 1] == "'" else 1
        role = _role(text, i, width)
        if role is None:
            i += width
            continue
        kind, how = role
        if open_at is None:
            if how in ("open", "either"):
                open_at, open_double, open_width = i, kind == "double", width
        elif not open_double and kind == "double" and how == "open":
            # A lone single "opener" is far more often an apostrophe ('em, rock ‘n’ roll)
            # than British-style quoting around a double quote: let the double quote win.
            open_at, open_double, open_width = i, True, width
        elif (kind == "double") == open_double:
            if how in ("close", "either"):
                if i > open_at + open_width:
                    spans.append(
                        QuoteSpan(open_at + open_width, i, open_at, i + width - 1, open_double)
                    )
                open_at = None
            elif how == "open" and open_double:
                # Two double openers in a row: the first was never closed. Cap it here
                # rather than letting it absorb the well-formed quote that follows.
                end = i
                while end > open_at + open_width and text[end - 1] in " \t\r":
                    end -= 1
                if end > open_at + open_width:
                    spans.append(QuoteSpan(open_at + open_width, end, open_at, None, open_double))
                open_at, open_width = i, width
        i += width
    if open_at is not None and n > open_at + open_width:
        end = n
        while end > open_at + open_width and text[end - 1] in " \t\r\n":
            end -= 1
        if end > open_at + open_width:
            spans.append(QuoteSpan(open_at + open_width, end, open_at, None, open_double))
    return spans
