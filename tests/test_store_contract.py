"""The store contract, run on every backend (the ``store`` fixture: SQLite and PostgreSQL).

Each test states a behaviour the pipeline relies on; the same assertions hold on
both stores, so a team can move from one to the other without a change in output.
"""

from __future__ import annotations

import pytest

from storyline.errors import StoreError
from storyline.model import (
    Article,
    ArticleAnalysis,
    ClaimMention,
    EventMention,
    FileError,
    LocalEntity,
    Mention,
    QuoteMention,
    Sentence,
    TimeExpr,
)
from storyline.store.base import STORE_API


def _article(i: int, text: str | None = None, **kw) -> Article:
    text = text or f"Article number {i} says the council met on Tuesday.\n\nIt voted on water prices."
    return Article(id=f"{i:04d}abcdef", source=f"/in/{i}.txt", text=text, title=f"Title {i}", **kw)


def test_store_public_api_is_the_same_on_every_backend():
    from storyline.store.postgres import PostgresStore
    from storyline.store.sqlite import SQLiteStore

    def public(cls):
        return {n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))}

    assert public(SQLiteStore) == set(STORE_API)
    assert public(PostgresStore) == set(STORE_API)


def test_store_schema_is_migrated_once(store):
    from storyline.store.postgres import MIGRATIONS as PG
    from storyline.store.sqlite import MIGRATIONS as LITE

    assert len(PG) == len(LITE)
    assert store.schema_version() == len(LITE)
    store.migrate()  # a second migration is a no-op
    assert store.schema_version() == len(LITE)


def test_store_add_articles_is_idempotent_and_first_ingest_wins(store):
    a = _article(1)
    sig = bytes(range(256)) * 2
    assert store.add_articles([(a, sig)]) == [True]
    again = _article(1, published="2020-01-01")
    again.source = "/elsewhere/1.txt"
    assert store.add_articles([(again, sig), (_article(2), None)]) == [False, True]
    assert store.count_articles() == 2
    kept = store.article(a.id)
    assert kept.source == "/in/1.txt" and kept.published is None
    assert [x.id for x in store.articles()] == [a.id, _article(2).id]
    sigs = list(store.signatures())
    assert [(s[1], s[2]) for s in sigs] == [(a.id, sig)]  # article 2 was stored without a signature
    assert list(store.signatures(after_seq=sigs[0][0])) == []


def test_store_articles_round_trip_every_field(store):
    a = _article(
        7, outlet="Dawn", outlet_from="url:dawn.com", byline="By A. Writer", dateline="ISLAMABAD",
        published="2020-01-04", published_from="text:Published in Dawn", published_confidence=0.9,
        published_estimated=True, date_conflicts=["2020-01-05"], duplicate_of="0001abcdef",
        duplicate_similarity=0.91, removed_lines=["Share this"],
    )
    store.add_articles([(a, None)])
    assert store.article(a.id) == a
    assert store.article(a.id[:6]) == a  # a unique prefix is enough
    assert store.article(a.id[:6].upper()) == a  # in any case, as SQLite's LIKE matches
    assert store.article("ffff") is None
    a.published = "2020-01-03"
    store.update_article(a)
    assert store.article(a.id).published == "2020-01-03"


def test_store_keeps_nul_and_non_ascii_text(store):
    a = _article(3, text="Caf\u00e9 owners in K\u00f6ln said \u201cno\u201d.\x00\n\nSecond paragraph \u2014 \U0001f4f0.")
    a.title = "Nul\x00title"
    assert store.add_articles([(a, b"\x00\x01")]) == [True]
    assert store.article(a.id) == a  # the JSON record is exact, whatever the columns hold
    assert [r["ref"] for r in store.search("owners")] == [a.id]


def test_store_iter_articles_pages_in_insertion_order(store):
    arts = [_article(i) for i in range(23)]
    store.add_articles([(a, None) for a in arts])
    assert [a.id for a in store.iter_articles(batch=5)] == [a.id for a in arts]
    assert [a.id for a in store.articles(limit=4, offset=10)] == [a.id for a in arts[10:14]]


def test_store_sources_remember_content(store):
    assert not store.has_source("/in/1.txt", "h1")
    store.add_sources([("/in/1.txt", "h1", "0001abcdef"), ("/in/2.txt", "h2", None)])
    store.add_sources([("/in/1.txt", "h1", "0001abcdef")])  # again: ignored
    assert store.has_source("/in/1.txt", "h1") and store.has_source("/in/2.txt", "h2")
    assert not store.has_source("/in/1.txt", "changed")


def test_store_errors_upsert_order_and_clear(store):
    store.add_errors([
        FileError(source="b.txt", stage="read", reason="empty", code="E101"),
        FileError(source="a.json", stage="read", reason="bad json", line=7, code="E107"),
        FileError(source="a.json", stage="read", reason="bad json", line=2, code="E107"),
        FileError(source="B.txt", stage="clean", reason="furniture only", code="E202"),
    ])
    # The same (source, stage, code, line) replaces the old reason instead of adding a row.
    store.add_errors([FileError(source="b.txt", stage="read", reason="still empty", code="E101")])
    errs = store.errors()
    # Byte order: upper case sorts before lower case on both backends.
    assert [(e.source, e.line) for e in errs] == [("B.txt", None), ("a.json", 2), ("a.json", 7), ("b.txt", None)]
    assert [e.reason for e in errs if e.source == "b.txt"] == ["still empty"]
    store.clear_errors(["a.json", "B.txt"])  # only read errors are forgotten
    assert [(e.source, e.stage) for e in store.errors()] == [("B.txt", "clean"), ("b.txt", "read")]


def test_store_analyses_round_trip_and_replace(store):
    an = ArticleAnalysis(
        article_id="0001abcdef",
        sentences=[Sentence(0, 10, "The mayor", 0)],
        mentions=[Mention(4, 9, "mayor", "TITLE", "e1")],
        entities=[LocalEntity("e1", "Jane Roe", "PERSON", ["Roe"], ["mayor"], ["@roe"])],
        times=[TimeExpr(0, 7, "Tuesday", "2020-01-07", "day")],
        quotes=[QuoteMention(1, 5, "we will", "direct", "said", "Roe", "e1")],
        events=[EventMention(0, "meet", "CONSULT", "Roe", "e1", date="2020-01-07", date_precision="day")],
        claims=[ClaimMention(0, "killed", 80.0, "at least 80 people were killed", qualifier="at least")],
        errors=["claims: ValueError: x"],
    )
    other = ArticleAnalysis(article_id="0002abcdef")
    store.add_analyses([an, other], "default")
    assert store.analyses() == {an.article_id: an, other.article_id: other}
    assert store.analyses([an.article_id, "missing"]) == {an.article_id: an}
    assert store.analysed_ids("default") == {an.article_id, other.article_id}
    store.add_analyses([ArticleAnalysis(article_id=an.article_id)], "big-model")
    assert store.analysed_ids("default") == {other.article_id}
    assert store.analyses([an.article_id])[an.article_id].sentences == []


def test_store_corpus_is_stored_exactly_and_searchable(store):
    store.add_articles([(_article(1, text="Protesters gathered outside the embassy in Baghdad."), None)])
    data = {
        "schema_version": 1, "zeta": [3, 2, 1], "alpha": {"b": 1, "a": 2},
        "quotes": [{"id": "q-1", "text": "We will respond to any attack", "speaker_text": "Hassan Rouhani"}],
        "entities": [{"id": "ent-1", "name": "Qasem Soleimani", "aliases": ["Soleimani", "General Soleimani"]}],
        "stories": [{"id": "s-1", "title": "Strike", "headline": "US strike kills general",
                     "summary": [{"text": "A drone strike killed the general near the airport."}]}],
    }
    store.put_corpus(data)
    got = store.get_corpus()
    assert got == data and list(got) == list(data)  # key order too: storyline.json must not change
    assert [(r["kind"], r["ref"]) for r in store.search("respond attack")] == [("quote", "q-1")]
    assert [r["ref"] for r in store.search("Soleimani", kinds=["entity"])] == ["ent-1"]
    assert [r["ref"] for r in store.search("embassy")] == ["0001abcdef"]
    hit = store.search("drone")[0]
    assert set(hit) == {"kind", "ref", "title", "snippet"} and hit["title"] == "US strike kills general"
    assert "\x02drone\x03" in hit["snippet"]
    assert store.search("gathering")[0]["ref"] == "0001abcdef"  # stemmed: gathered ~ gathering
    assert store.search("embassy airport") == []  # every word must match
    # A new corpus replaces the indexed quotes, entities and stories; articles stay.
    store.put_corpus({"quotes": [], "entities": [], "stories": []})
    assert store.search("respond") == [] and store.search("Soleimani") == []
    assert [r["ref"] for r in store.search("embassy")] == ["0001abcdef"]


@pytest.mark.parametrize("query", ['embassy" OR "x', "embassy AND (", "NEAR(embassy", "*", "", "'; DROP TABLE x; --",
                                   "embassy:*", "!embassy & | <->"])
def test_store_search_treats_syntax_as_words(store, query):
    store.add_articles([(_article(1, text="Protesters gathered outside the embassy in Baghdad."), None)])
    hits = store.search(query)
    assert isinstance(hits, list)
    assert all(h["ref"] == "0001abcdef" for h in hits)
    assert store.count_articles() == 1


def test_store_state_holds_bytes(store):
    assert store.get_state("missing") is None
    store.set_state("k", bytes(range(256)))
    assert store.get_state("k") == bytes(range(256))
    store.set_state("k", b"")
    assert store.get_state("k") == b""


def test_store_line_counts_accumulate(store):
    keys = [f"line {i}" for i in range(1200)]  # more than one query's worth of keys
    store.add_line_counts("dawn", keys)
    store.add_line_counts("dawn", keys[:3])
    store.add_line_counts("other", keys[:1])
    counts = store.line_counts("dawn", keys + ["never seen"])
    assert counts["line 0"] == 2 and counts["line 3"] == 1 and len(counts) == 1200
    assert store.line_counts("other", keys) == {"line 0": 1}


def test_store_transaction_rolls_back_everything_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_articles([(_article(1), None)])
            store.set_state("k", b"v")
            with store.transaction():  # nested: joins the outer one
                store.add_errors([FileError(source="x", stage="read", reason="r")])
            raise RuntimeError("boom")
    assert store.count_articles() == 0 and store.get_state("k") is None and store.errors() == []
    assert store.search("council") == []


def test_store_nested_transaction_commits_with_the_outer_one(store):
    with store.transaction():
        with store.transaction():
            store.set_state("inner", b"1")
        store.set_state("outer", b"2")
    assert store.get_state("inner") == b"1" and store.get_state("outer") == b"2"
    with store.transaction():
        store.set_state("x", b"3")
    assert store.get_state("x") == b"3"


def test_store_readonly_store_refuses_writes(store, tmp_path):
    from storyline.store import open_store

    store.set_state("k", b"v")
    target = store.url if store.dialect == "postgresql" else store.path
    ro = open_store(target, readonly=True)
    try:
        assert ro.get_state("k") == b"v"
        with pytest.raises(StoreError):
            ro.set_state("k", b"w")
    finally:
        ro.close()
    assert store.get_state("k") == b"v"


def test_store_corpus_version_rises_with_every_write_of_the_results(store):
    """Readers compare it: equal-length results written in the same second must still differ."""
    assert store.corpus_version() == 0
    data = {"schema_version": 1, "generated_at": "2026-01-01T00:00:00+00:00", "stories": [{"id": "s-1", "headline": "A"}]}
    store.put_corpus(data)
    first = store.corpus_version()
    data["stories"][0]["headline"] = "B"  # same length, same header
    store.put_corpus(data)
    assert store.corpus_version() == first + 1 >= 2
