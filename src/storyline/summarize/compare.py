"""Source comparison. PLACEHOLDER (issue 7)."""

from __future__ import annotations


def attach_comparisons(corpus) -> None:
    """Set ``comparison`` on stories."""
