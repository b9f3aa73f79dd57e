"""Source comparison over hand-built stories, quotes, events and claims."""

from __future__ import annotations

from storyline.analyze import Corpus
from storyline.model import (
    Article,
    ArticleAnalysis,
    ClaimMention,
    ClaimSide,
    Disagreement,
    Event,
    EventSource,
    Quote,
    QuoteMention,
    QuoteSource,
    Story,
)
from storyline.summarize.compare import attach_comparisons, outlet_label, quote_wording_differences


def art(aid: str, outlet: str | None, source: str | None = None) -> Article:
    return Article(id=aid, source=source or f"/data/{aid}.txt", text="x", outlet=outlet)


def quote(qid: str, speaker: str | None, versions: list[tuple[str, str]]) -> Quote:
    return Quote(id=qid, text=max((t for _, t in versions), key=len), kind="direct", cue="said",
                 speaker=speaker, speaker_text=speaker, via=None, channel="statement",
                 sources=[QuoteSource(article=a, start=0, end=len(t), text=t) for a, t in versions])


def corpus() -> Corpus:
    arts = [art("a", "Harbour Times"), art("b", "Valley Post"), art("c", None, "https://www.example.org/news/1"),
            art("d", "Elsewhere Daily")]
    ans = {a.id: ArticleAnalysis(article_id=a.id) for a in arts}
    ans["a"].claims = [ClaimMention(sentence=2, quantity="injured", value=12.0, text="12 people were injured",
                                    claimant_text="police")]
    ans["b"].claims = [ClaimMention(sentence=4, quantity="injured", value=12.0, text="twelve injured")]
    ans["c"].claims = [ClaimMention(sentence=1, quantity="injured", value=30.0, text="30 were hurt",
                                    claimant_text="hospital staff")]
    events = [
        Event(id="ev-1", date="2024-03-01", date_precision="day", actor="ent-1", action="collapse", category="OTHER",
              target=None, location="Port Vell", modality="asserted", actor_name="Old bridge",
              sources=[EventSource("a", "The old bridge collapsed."), EventSource("b", "The bridge fell."),
                       EventSource("c", "Bridge collapse.")]),
        Event(id="ev-2", date="2024-03-02", date_precision="day", actor="ent-2", action="resign", category="OTHER",
              target=None, location=None, modality="asserted", actor_name="Transport minister",
              sources=[EventSource("b", "The minister resigned.")]),
        Event(id="ev-3", date=None, date_precision="unknown", actor=None, action="vote", category="OTHER",
              target=None, location=None, modality="asserted", sources=[EventSource("d", "Elsewhere.")]),
    ]
    quotes = [
        quote("q-1", "Mayor Lind", [
            ("a", "The Chief of [Port] Works and I inspected every cable last year and found no sign of rust."),
            ("b", "The Chief of Works and I inspected every cable last year and found no sign of rust."),
            ("c", "The Chief of Works and I inspected every cable last year"),
        ]),
        quote("q-2", "Engineer Bo", [
            ("a", "The steel was not maintained to the standard we recognise as safe."),
            ("b", "The steel was not maintained to the standard we recognize as safe."),
        ]),
    ]
    story = Story(id="s-1", title="bridge", first_date="2024-03-01", last_date="2024-03-02",
                  articles=["a", "b", "c"],
                  disagreements=[Disagreement(what="injured", claims=[
                      ClaimSide(text="12 people were injured", sources=["a", "b"], claimant="police", value=12.0),
                      ClaimSide(text="30 were hurt", sources=["c"], claimant="hospital staff", value=30.0)])])
    return Corpus(articles=arts, analyses=ans, events=events, quotes=quotes, stories=[story])


def test_compare_outlet_label_fallbacks():
    assert outlet_label(art("z", "Dawn")) == "Dawn"
    assert outlet_label(art("z", None, "https://www.dawn.com/news/123")) == "dawn.com"
    assert outlet_label(art("z", None, "/dumps/004_2b8b.txt")) == "004_2b8b.txt"


def test_compare_matrix_lists_facts_with_their_outlets():
    c = corpus()
    attach_comparisons(c)
    comp = c.stories[0].comparison
    assert comp["outlets"] == ["Harbour Times", "Valley Post", "example.org"]
    facts = {f["id"]: f for f in comp["facts"]}
    assert facts["ev-1"]["kind"] == "event" and set(facts["ev-1"]["outlets"]) == set(comp["outlets"])
    assert "ev-3" not in facts  # another story's article only
    assert facts["q-1"]["kind"] == "quote" and "Mayor Lind" in facts["q-1"]["label"]
    claims = [f for f in comp["facts"] if f["kind"] == "claim"]
    twelve = next(f for f in claims if f["value"] == 12.0)
    assert twelve["outlets"] == ["Harbour Times", "Valley Post"] and twelve["id"].startswith("cl-")
    assert any(f["value"] == 30.0 and f["outlets"] == ["example.org"] for f in claims)


def test_compare_unique_facts_per_outlet():
    c = corpus()
    attach_comparisons(c)
    unique = c.stories[0].comparison["unique"]
    assert unique["Valley Post"] == ["ev-2"]
    assert "ev-1" not in sum(unique.values(), [])
    thirty = next(f["id"] for f in c.stories[0].comparison["facts"] if f.get("value") == 30.0)
    assert thirty in unique["example.org"]


def test_compare_disagreements_include_claims_and_quote_wording():
    c = corpus()
    attach_comparisons(c)
    dis = c.stories[0].comparison["disagreements"]
    claim = next(d for d in dis if d["kind"] == "claim")
    assert claim["what"] == "injured"
    assert claim["claims"][1]["outlets"] == ["example.org"] and claim["claims"][1]["value"] == 30.0
    wording = [d for d in dis if d["kind"] == "quote_wording"]
    assert len(wording) == 1  # recognise/recognize is spelling, not wording
    w = wording[0]
    assert "[Port]" in w["what"]
    sides = {tuple(s["outlets"]): s["text"] for s in w["claims"]}
    assert "Chief of [Port] Works" in sides[("Harbour Times",)]
    # The shorter extract covers the passage, so it sides with the unbracketed version.
    assert "Chief of Works" in sides[("Valley Post", "example.org")]


def test_compare_quote_wording_ignores_shorter_extracts_and_punctuation():
    long = "We will open the new hospital in March, and every ward will have its own doctors."
    short = "we will open the new hospital in March"
    same = "We will open the new hospital in March; and every ward will have it's own doctors!"
    assert quote_wording_differences([("a", long), ("b", short), ("c", same)], {}) == []


def test_compare_quote_wording_reports_changed_word():
    out = quote_wording_differences(
        [("a", "Prices will rise sharply next year across the region"),
         ("b", "Prices will rise slightly next year across the region")],
        {"a": "One", "b": "Two"}, speaker="Banker")
    assert len(out) == 1
    assert "sharply" in out[0]["what"] and "slightly" in out[0]["what"] and "Banker" in out[0]["what"]
    assert [s["outlets"] for s in out[0]["claims"]] == [["One"], ["Two"]]


def test_compare_quote_wording_uses_direct_quotes_only():
    c = corpus()
    # Article b reports q-1 in its own words: not a wording difference.
    c.analyses["b"].quotes = [QuoteMention(start=0, end=len(c.quotes[0].sources[1].text),
                                           text=c.quotes[0].sources[1].text, kind="indirect")]
    attach_comparisons(c)
    w = next(d for d in c.stories[0].comparison["disagreements"] if d["kind"] == "quote_wording")
    outlets = sorted(o for s in w["claims"] for o in s["outlets"])
    assert outlets == ["Harbour Times", "example.org"]


def test_compare_single_outlet_has_no_unique_list():
    c = corpus()
    c.stories[0].articles = ["a"]
    c.stories[0].disagreements = []
    attach_comparisons(c)
    comp = c.stories[0].comparison
    assert comp["outlets"] == ["Harbour Times"] and comp["unique"] == {}
    assert comp["disagreements"] == []


def test_compare_interjected_attribution_is_not_a_wording_difference():
    from storyline.summarize.compare import quote_wording_differences

    sources = [
        ("a1", "Respect for sovereignty should be adhered to,” the statement continued. “It is also important to avoid force"),
        ("a2", "Respect for sovereignty should be adhered to. It is also important to avoid force"),
        ("a3", "Respect for sovereignty should be adhered to,” it said. “It is also important to avoid force"),
    ]
    assert quote_wording_differences(sources, {"a1": "X", "a2": "Y", "a3": "Z"}) == []
    # a real insertion is still reported
    sources.append(("a4", "Respect for sovereignty should be adhered to. It is also important to avoid [the] force"))
    diffs = quote_wording_differences(sources, {"a1": "X", "a2": "Y", "a3": "Z", "a4": "W"})
    assert len(diffs) == 1 and "[the]" in diffs[0]["what"]
