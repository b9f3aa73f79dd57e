"""Timelines, summaries, headlines and source comparison for stories and chapters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analyze import Corpus


def enrich_stories(corpus: "Corpus", words: int = 100, summary_cache: dict | None = None,
                   map_fn: Callable[[Callable, list], list] | None = None) -> None:
    """Fill each story's and chapter's timeline, disagreements, headline, summary, comparison.

    ``summary_cache``: see ``summary.attach_summaries`` (earlier builds' summaries, reused
    where nothing they depend on changed); ``map_fn`` runs the stories' summaries (e.g. on
    the engine's workers, ``engine.map_with``)."""
    from .compare import attach_comparisons
    from .summary import attach_summaries
    from .timeline import attach_timelines

    attach_timelines(corpus)
    attach_summaries(corpus, words=words, cache=summary_cache, map_fn=map_fn)
    attach_comparisons(corpus)
