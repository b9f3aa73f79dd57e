"""Timelines, summaries, headlines and source comparison for stories and chapters."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analyze import Corpus


def enrich_stories(corpus: "Corpus", words: int = 100) -> None:
    """Fill each story's and chapter's timeline, disagreements, headline, summary, comparison."""
    from .compare import attach_comparisons
    from .summary import attach_summaries
    from .timeline import attach_timelines

    attach_timelines(corpus)
    attach_summaries(corpus, words=words)
    attach_comparisons(corpus)
