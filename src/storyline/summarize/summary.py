"""Cited multi-source summaries. PLACEHOLDER (issue 7)."""

from __future__ import annotations


def attach_summaries(corpus, words: int = 100) -> None:
    """Set ``headline`` and ``summary`` on stories and chapters."""
