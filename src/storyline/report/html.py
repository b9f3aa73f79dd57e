"""The static HTML report: the web app's templates rendered in static mode.

One page, self-contained (inline CSS, no script, no external fetches) with in-page anchors where
the web app has links. Autoescape is on for every template, so article text stays text.
"""

from __future__ import annotations

from typing import Any

from ..web.data import CorpusIndex
from ..web.render import render
from ..web.views import article_segments, story_outlets, story_view


def render_report(data: dict[str, Any], analyses: dict[str, Any] | None = None) -> str:
    """Render ``storyline.json`` data as one HTML page.

    ``analyses`` (article id -> ArticleAnalysis or its dict) adds entity and date highlights;
    without it the text is cut into sentences and highlights quotes only.
    """
    from ..model import to_dict

    ix = CorpusIndex.build(data)
    an = {k: (v if isinstance(v, dict) else to_dict(v)) for k, v in (analyses or {}).items()}
    stories = ix.stories_sorted
    cards = [(s, story_outlets(ix, s)) for s in stories]
    spans: dict[str, tuple] = {}
    story_views = [story_view(ix, s, an.get, spans) for s in stories]
    article_views = [(a, article_segments(ix, a, an.get(a["id"]))) for a in ix.data["articles"]]
    return render("report.html", static=True, data=ix.data, cards=cards, story_views=story_views,
                  article_views=article_views)
