"""Numeric claims, denials and disagreements, on texts written for these tests."""

from __future__ import annotations

import pytest

from storyline.extract.claims import claim_range, extract_claims, find_disagreements, parse_number
from storyline.model import Article, ArticleAnalysis, ClaimMention, Sentence


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _analyse(nlp, text, aid="a"):
    doc = nlp(text)
    an = ArticleAnalysis(
        article_id=aid, sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
    )
    an.claims = extract_claims(doc, Article(id=aid, source="test", text=text), an)
    return an


def test_claims_parse_numbers():
    assert parse_number("80") == 80
    assert parse_number("1,200") == 1200
    assert parse_number("2.5 million") == 2.5e6
    assert parse_number("two dozen") == 24
    assert parse_number("twelve") == 12


def test_claims_count_with_qualifier_and_claimant(nlp):
    an = _analyse(
        nlp, "State television reported that at least 45 people were killed in the flooding."
    )
    [c] = an.claims
    assert (c.quantity, c.value, c.qualifier, c.modality) == ("killed", 45, "at least", "asserted")
    assert c.claimant_text == "State television"
    assert "45 people were killed" in c.text


def test_claims_family_words(nlp):
    an = _analyse(
        nlp,
        "The blast left 9 dead. Rescuers found 14 bodies. Police detained 30 protesters, "
        "according to the interior ministry. The toll rose to 61.",
    )
    got = {(c.quantity, c.value) for c in an.claims}
    assert {("killed", 9), ("killed", 14), ("arrested", 30), ("killed", 61)} <= got
    arrested = [c for c in an.claims if c.quantity == "arrested"][0]
    assert arrested.claimant_text == "interior ministry"


def test_claims_denials(nlp):
    an = _analyse(
        nlp, "The army denied any civilian casualties. No one was injured in the second blast."
    )
    den = [(c.quantity, c.modality, c.value) for c in an.claims]
    assert ("killed", "denied", None) in den and ("injured", "denied", None) in den
    assert [c.claimant_text for c in an.claims if c.quantity == "killed"] == ["army"]


def test_claims_ranges():
    def claim(v, q=None, mod="asserted"):
        return ClaimMention(
            sentence=0, quantity="killed", value=v, text="", qualifier=q, modality=mod
        )

    assert claim_range(claim(80, "at least"))[0] == 80
    assert claim_range(claim(None, mod="denied")) == (0.0, 0.0)
    assert claim_range(claim(100, "about")) == (80.0, 120.0)


def test_claims_disagreement_between_outlets(nlp):
    a = _analyse(
        nlp,
        "Rebel commanders said 40 soldiers were killed in the attack on the Kidal garrison.",
        "a",
    )
    b = _analyse(
        nlp,
        "The defence ministry said only 3 soldiers died in the attack on the Kidal garrison.",
        "b",
    )
    c = _analyse(nlp, "A separate storm in Chile killed 12 people.", "c")
    [d] = find_disagreements([a, b, c])
    assert d.what.startswith("killed")
    values = sorted(side.value for side in d.claims)
    assert values == [3, 40]
    assert {tuple(side.sources) for side in d.claims} == {("a",), ("b",)}


def test_claims_consistent_counts_do_not_disagree(nlp):
    a = _analyse(nlp, "At least 20 people were killed in the Kabul bombing, police said.", "a")
    b = _analyse(nlp, "Officials said 23 people were killed in the Kabul bombing.", "b")
    assert find_disagreements([a, b]) == []


def test_claims_denial_against_count(nlp):
    an = _analyse(
        nlp,
        "Local media reported that at least 80 people were killed in the raids, "
        "but the government denied any casualties.",
    )
    [d] = find_disagreements([an])
    assert {s.claimant for s in d.claims} == {"Local media", "government"}
    assert sorted(s.value for s in d.claims if s.value is not None) == [80]


def test_claims_names_with_numbers_are_not_counts(nlp):
    an = _analyse(
        nlp, "Air France Flight 447 went missing over the Atlantic. UN Resolution 1723 was cited."
    )
    assert [c for c in an.claims if c.value in (447, 1723)] == []


def test_claims_lives_claimed_by_attacks_have_no_claimant(nlp):
    an = _analyse(
        nlp,
        "Londoners remembered the attacks that claimed 52 lives. The agency reported no casualties.",
    )
    lives = [c for c in an.claims if c.value == 52]
    assert lives and lives[0].quantity == "killed" and lives[0].claimant_text is None
    denial = [c for c in an.claims if c.modality == "denied"]
    assert denial and denial[0].claimant_text == "agency"


def test_claims_one_outlet_counting_different_things_is_no_disagreement(nlp):
    an = _analyse(
        nlp,
        "In Haiti, 1.3 million people were displaced. In the capital alone, 766,000 people were "
        "displaced by the quake in Haiti.",
        "a",
    )
    assert find_disagreements([an]) == []
