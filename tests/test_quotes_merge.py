"""Merging one statement carried by several articles (hand-built mentions, no spaCy)."""

from __future__ import annotations

from storyline.extract.quote_merge import normalise_quote
from storyline.extract.quotes import merge_quotes
from storyline.model import Article, ArticleAnalysis, Entity, QuoteMention

TWEET = (
    "#Pakistan's Chief of Staff General Bajwa and I spoke today about U.S. defensive action to kill "
    "Qassem Soleimani. The #Iran regime's actions in the region are destabilizing and our resolve "
    "will not waver."
)


def _corpus(quotes_by_article: dict[str, list[tuple[str, str | None]]]):
    articles, analyses, emap = [], {}, {}
    for aid, quotes in quotes_by_article.items():
        text = "\n\n".join(q for q, _ in quotes)
        articles.append(Article(id=aid, source=aid, text=text))
        an = ArticleAnalysis(article_id=aid)
        pos = 0
        for q, speaker in quotes:
            start = text.index(q, pos)
            pos = start + len(q)
            an.quotes.append(
                QuoteMention(
                    start,
                    pos,
                    q,
                    "direct",
                    "said",
                    speaker_text=speaker,
                    speaker=speaker and f"k-{speaker}",
                )
            )
            if speaker:
                emap[(aid, f"k-{speaker}")] = f"ent-{speaker.lower()}"
        analyses[aid] = an
    ents = [Entity(id=e, name=e[4:].title(), type="PERSON") for e in sorted(set(emap.values()))]
    return articles, analyses, emap, ents


def test_quotes_normalise_variants():
    a = normalise_quote(
        "Pakistan’s Chief of [Army] Staff ... actions are destabilising; U.S. defence #Iran"
    )
    b = normalise_quote("#Pakistan's Chief of Staff actions are destabilizing, US defense Iran")
    assert a == b
    assert normalise_quote("We must exercise restraint") == "we must exercise restraint"


def test_quotes_merge_three_outlets_one_quote():
    variants = {
        "a1": [(TWEET, "Pompeo")],
        "a2": [
            (
                TWEET.replace("Chief of Staff", "Chief of [Army] Staff").replace(
                    "destabilizing", "destabilising"
                ),
                "Pompeo",
            )
        ],
        # another outlet quotes only the first sentence, without the hashtag
        "a3": [
            (
                "Pakistan’s Chief of Staff General Bajwa and I spoke today about U.S. defensive action to kill Qassem Soleimani,",
                "Pompeo",
            )
        ],
    }
    quotes = merge_quotes(*_corpus(variants))
    assert len(quotes) == 1
    q = quotes[0]
    assert [s.article for s in q.sources] == ["a1", "a2", "a3"]
    assert q.speaker == "ent-pompeo" and q.speaker_text == "Pompeo"
    assert "will not waver" in q.text  # the fullest version
    assert q.id.startswith("q-")


def test_quotes_merge_different_statements_same_speaker_stay_apart():
    corpus = {
        "a1": [("We will never accept new taxes on working families in this country.", "Lopez")],
        "a2": [("Our schools need more teachers and better buildings before next year.", "Lopez")],
    }
    assert len(merge_quotes(*_corpus(corpus))) == 2


def test_quotes_merge_majority_speaker_and_one_source_per_article():
    line = "The ceasefire must hold for the sake of every family in the region."
    corpus = {
        "a1": [(line, "Khan")],
        "a2": [(line, "Khan")],
        "a3": [(line + " Talks resume on Monday.", "Ahmed")],
        "a4": [(line, None), ("for the sake of every family in the region", None)],
    }
    quotes = merge_quotes(*_corpus(corpus))
    assert len(quotes) == 1
    assert quotes[0].speaker == "ent-khan"
    assert sorted(s.article for s in quotes[0].sources) == ["a1", "a2", "a3", "a4"]


def test_quotes_merge_ids_are_stable_and_order_independent():
    corpus = {
        "a1": [
            (TWEET, "Pompeo"),
            ("Respect for sovereignty is a fundamental principle of the charter.", "Office"),
        ],
        "a2": [("Respect for sovereignty is a fundamental principle of the charter.", "Office")],
    }
    first = merge_quotes(*_corpus(corpus))
    reordered = dict(reversed(list(corpus.items())))
    second = merge_quotes(*_corpus(reordered))
    assert sorted(q.id for q in first) == sorted(q.id for q in second)
    assert len({q.id for q in first}) == 2


def test_quotes_merge_short_quotes_need_whole_match():
    corpus = {
        "a1": [("destabilizing", "Pompeo"), (TWEET, "Pompeo")],
        "a2": [("deep concern", "Office")],
    }
    quotes = merge_quotes(*_corpus(corpus))
    assert len(quotes) == 3
