"""Cleaning: furniture goes, every body sentence stays."""

from __future__ import annotations

import re

from storyline.ingest import prepare_article
from storyline.ingest.clean import LineStats, clean_lines, is_furniture, split_lines
from storyline.model import RawDocument


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def test_clean_furniture_lines_are_recognised():
    for line in [
        "Home Latest News Pakistan Backs Regional Peace: Gen. Bajwa",
        "Related Articles",
        "Leave a Comment",
        "Follow SAMAA English on Facebook, Twitter, and Instagram.",
        "Photo: AFP",
        "Courtesy ISPR",
        "Share this article",
        "Advertisement",
        "Read more: Senate passes budget",
        "Copyright 2020 The Daily Example. All rights reserved.",
        "Tags: Iran, Pakistan, USA",
    ]:
        assert is_furniture(line), line


def test_clean_body_sentences_are_not_furniture():
    for line in [
        "Share prices fell sharply on Monday after the central bank raised rates.",
        "Home owners in the valley were told to leave before the flood reached the town.",
        "Follow-up talks between the two sides are expected next week in Geneva.",
        "Photo agencies said the images had been altered before publication, the report found.",
        "Related talks on the border dispute collapsed last year without any agreement.",
        "Courtesy calls were made by the delegation to the prime minister and the president.",
    ]:
        assert not is_furniture(line), line


def test_clean_every_seed_body_line_is_kept(seed_articles, seeds_dir):
    for path, article in zip(sorted(seeds_dir.glob("*.txt")), seed_articles, strict=True):
        raw_lines = split_lines(path.read_text(encoding="utf-8"))
        body = _words(article.text)
        removed = set(article.removed_lines)
        for line in raw_lines:
            if line in removed:
                continue
            # the dateline or a leading date prefix may be cut off the first paragraph
            tail = _words(line)[-60:]
            assert tail in body, f"{path.name}: lost {line[:70]!r}"


def test_clean_seed_furniture_removed(seed_articles):
    newsweek = seed_articles[3]
    assert "Related Articles" not in newsweek.text
    assert "Leave a Comment" not in newsweek.text
    assert "Home Latest News" not in newsweek.text
    assert "Courtesy ISPR" not in newsweek.text
    assert newsweek.title == "Pakistan Backs Regional Peace: Gen. Bajwa"
    assert "Follow SAMAA" not in seed_articles[1].text
    assert "Published in Dawn" not in seed_articles[2].text
    assert not seed_articles[4].text.lstrip().startswith("date")


def test_clean_wrapped_paragraphs_are_joined():
    text = (
        "The finance minister said on Tuesday that the government would cut the\n"
        "deficit by half within two years, a target that economists called bold\n"
        "but possible if growth held up through the rest of the decade.\n"
        "\n"
        "Opposition leaders rejected the plan, saying that it would hurt the poor\n"
        "and that the numbers behind it did not add up at all in their view.\n"
    )
    lines = split_lines(text)
    assert len(lines) == 2
    assert lines[0].startswith("The finance minister") and lines[0].endswith("decade.")


def test_clean_lines_repeated_across_an_outlet_are_boilerplate():
    stats = LineStats(min_articles=3, min_share=0.2)
    docs = [
        [f"Story number {i} says something different about topic {i} today.",
         "Subscribe to The Gazette today", "Download our free app for the latest"]
        for i in range(5)
    ]
    for d in docs:
        stats.add("gazette", d)
    cleaned = clean_lines(docs[0], group="gazette", stats=stats)
    assert cleaned.paragraphs == [docs[0][0]]
    # the same lines in another outlet's article are not that outlet's boilerplate
    other = clean_lines(["A fresh report on the election results.", "Download our free app for the latest"],
                        group="other", stats=stats)
    assert len(other.paragraphs) == 2


def test_clean_dateline_and_byline():
    raw = RawDocument(
        source="x.txt", fmt="txt",
        text="Flood Waters Rise in the Delta\n\nBy Jane Doe\n\nDHAKA, June 3 — Flood waters rose across the "
             "delta on Tuesday, officials said, forcing thousands from their homes.\n\nMore rain is expected.",
    )
    a = prepare_article(raw)
    assert a.title == "Flood Waters Rise in the Delta"
    assert a.byline == "Jane Doe"
    assert a.dateline == "DHAKA, June 3"
    assert a.text.startswith("Flood waters rose across the delta")
    assert a.outlet is None
