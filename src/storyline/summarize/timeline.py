"""Timelines and disagreements. PLACEHOLDER (issue 5)."""

from __future__ import annotations


def attach_timelines(corpus) -> None:
    """Set ``timeline`` (event ids by date) and ``disagreements`` on stories and chapters."""
