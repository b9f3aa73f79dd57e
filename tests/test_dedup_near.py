"""Exact and near-duplicates."""

from __future__ import annotations

from storyline.ingest.dedup import NearDuplicateIndex, article_id, minhash

BASE = (
    "The central bank raised its main interest rate by half a percentage point on Thursday, the largest "
    "increase in two decades, as it tried to bring down inflation that has reached a forty year high. "
    "The governor said further increases were likely in the coming months if prices kept rising. "
    "Markets had expected a smaller move, and the currency rose sharply after the announcement, while "
    "shares of banks and builders fell. Economists warned that the economy could slip into recession."
)


def test_dedup_same_text_same_id_despite_spacing_and_case():
    assert article_id(BASE) == article_id("  " + BASE.upper().replace(" ", "   ") + "\n")
    assert article_id(BASE) != article_id(BASE.replace("Thursday", "Friday"))


def test_dedup_near_duplicate_found_with_similarity():
    idx = NearDuplicateIndex()
    idx.add("a", minhash(BASE))
    edited = BASE.replace("Economists warned", "Several economists warned") + " (Reuters)"
    hit = idx.query(minhash(edited))
    assert hit is not None and hit[0] == "a" and 0.6 < hit[1] < 1.0


def test_dedup_different_articles_are_not_linked():
    idx = NearDuplicateIndex()
    idx.add("a", minhash(BASE))
    other = ("Flood waters rose across the delta on Tuesday, forcing thousands of families from their homes "
             "as rescue teams in boats searched for people stranded on rooftops, officials said, and more "
             "rain was forecast for the rest of the week across the region.")
    assert idx.query(minhash(other)) is None


def test_dedup_links_to_earliest_copy():
    idx = NearDuplicateIndex()
    idx.add("first", minhash(BASE))
    idx.add("second", minhash(BASE + " Extra line."))
    hit = idx.query(minhash(BASE + " Another extra."))
    assert hit[0] == "first"
