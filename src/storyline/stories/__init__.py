"""Stories and chapters. PLACEHOLDER (issue 6): one story per article."""

from __future__ import annotations

from ..model import Article, ArticleAnalysis, Chapter, Story


def build_stories(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    entity_map: dict[tuple[str, str], str],
    previous_assignments: dict[str, tuple[str, str]] | None = None,
) -> list[Story]:
    stories = []
    for a in articles:
        if a.duplicate_of:
            continue
        ch = Chapter(id="c-" + a.id, title=a.title or a.id, date=a.published, articles=[a.id])
        stories.append(Story(id="s-" + a.id, title=ch.title, first_date=a.published,
                             last_date=a.published, articles=[a.id], chapters=[ch]))
    return stories
