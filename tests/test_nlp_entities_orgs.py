"""Lowercase references to bodies ("the foreign ministry", "the pentagon") and the foreign
ministry synonym rule across articles (same country merges, different countries never).
Hand-made texts."""

from __future__ import annotations

import pytest

from storyline.model import Article, ArticleAnalysis, LocalEntity, Mention
from storyline.nlp import annotate
from storyline.nlp.names import country_key, org_family
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.resolve import resolve_corpus


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def run(nlp, text, aid="a"):
    art = Article(id=aid, source="t", text=text, published="2021-03-02")
    return art, annotate(nlp(text), art)


def entity_of(a: ArticleAnalysis, surface: str) -> str | None:
    return next(m.entity for m in a.mentions if m.text == surface)


def test_entities_orgs_family_and_country_keys():
    for name in ("Foreign Office", "the foreign ministry", "Ministry of Foreign Affairs", "MOFA",
                 "Ministry of External Affairs", "Iran's foreign ministry"):
        assert org_family(name) == "foreign-ministry", name
    assert org_family("Home Office") is None and org_family("Foreign Policy") is None
    assert org_family("the pentagon") == "pentagon"
    assert country_key("Pakistani") == country_key("Pakistan's") == country_key("Pakistan")
    assert country_key("U.S.") == country_key("American")


def test_entities_orgs_lowercase_foreign_ministry_binds_to_the_named_body(nlp):
    text = ("Norway's Ministry of Foreign Affairs summoned the envoy on Monday. "
            "Later the foreign ministry said the talks were over.")
    _, a = run(nlp, text)
    ms = [m for m in a.mentions if m.label == "ORG"]
    assert "foreign ministry" in [m.text for m in ms]
    assert entity_of(a, "foreign ministry") == entity_of(a, "Ministry of Foreign Affairs")


def test_entities_orgs_defined_acronym_and_lowercase_office(nlp):
    text = ("The Foreign Office (FO) rejected the claim. "
            "The foreign office in a statement added that the pentagon had called.")
    _, a = run(nlp, text)
    ents = {e.key: e for e in a.entities}
    fo = ents[entity_of(a, "foreign office")]
    assert fo.name == "Foreign Office"
    assert "pentagon" in [m.text for m in a.mentions if m.label == "ORG"]


def test_entities_orgs_military_only_as_a_noun(nlp):
    text = "The military said the border was calm. The military leadership met in the capital."
    _, a = run(nlp, text)
    orgs = [m for m in a.mentions if m.label == "ORG" and m.text.lower() == "military"]
    assert len(orgs) == 1 and orgs[0].start == text.index("military")


def test_entities_orgs_two_countries_in_one_article_stay_apart(nlp):
    text = ("Chile's foreign ministry condemned the raid. Peru's Foreign Office urged calm. "
            "The foreign ministry in Lima said more talks were planned.")
    _, a = run(nlp, text)
    first = entity_of(a, "foreign ministry")
    assert first is not None
    assert first != entity_of(a, "Foreign Office")


def _art(aid: str, text: str, ents: list[tuple[str, str, list[str]]],
         mentions: list[tuple[str, str, str]]) -> tuple[Article, ArticleAnalysis]:
    """An analysis with the given entities and mentions found in ``text`` (first occurrence)."""
    an = ArticleAnalysis(article_id=aid, entities=[
        LocalEntity(key=k, name=n, type=t, aliases=[]) for k, n, t in ents])
    pos = 0
    for surface, label, key in mentions:
        i = text.index(surface, pos)
        an.mentions.append(Mention(start=i, end=i + len(surface), text=surface, label=label, entity=key))
        pos = i + len(surface)
    return Article(id=aid, source="t", text=text), an


def test_resolve_foreign_ministry_synonyms_merge_within_one_country():
    a1 = _art("a1", "Ghana's Ministry of Foreign Affairs spoke.",
              [("e1", "Ghana", "GPE"), ("e2", "Ministry of Foreign Affairs", "ORG")],
              [("Ghana", "GPE", "e1"), ("Ministry of Foreign Affairs", "ORG", "e2")])
    a2 = _art("a2", "In Accra, Ghana's Foreign Office (FO) replied.",
              [("e1", "Accra", "GPE"), ("e2", "Ghana", "GPE"), ("e3", "Foreign Office", "ORG")],
              [("Accra", "GPE", "e1"), ("Ghana", "GPE", "e2"), ("Foreign Office", "ORG", "e3")])
    # no possessor: the one country with a known ministry that its article names twice
    a3 = _art("a3", "Ghana voted. Ghana won. The MOFA said so.",
              [("e1", "Ghana", "GPE"), ("e2", "MOFA", "ORG")],
              [("Ghana", "GPE", "e1"), ("Ghana", "GPE", "e1"), ("MOFA", "ORG", "e2")])
    arts, ans = zip(a1, a2, a3, strict=True)
    ents, emap = resolve_corpus(list(arts), {a.article_id: a for a in ans})
    assert emap[("a1", "e2")] == emap[("a2", "e3")] == emap[("a3", "e2")]
    merged = next(e for e in ents if e.id == emap[("a1", "e2")])
    assert merged.name == "Ministry of Foreign Affairs"
    assert {"Foreign Office", "MOFA"} <= set(merged.aliases)


def test_resolve_foreign_ministries_of_two_countries_never_merge():
    a1 = _art("a1", "Ghana's Foreign Ministry spoke.",
              [("e1", "Ghana", "GPE"), ("e2", "Foreign Ministry", "ORG")],
              [("Ghana", "GPE", "e1"), ("Foreign Ministry", "ORG", "e2")])
    # the very same name, another country: kept apart
    a2 = _art("a2", "The Togolese Foreign Ministry replied.",
              [("e1", "Togolese", "NORP"), ("e2", "Foreign Ministry", "ORG")],
              [("Togolese", "NORP", "e1"), ("Foreign Ministry", "ORG", "e2")])
    a3 = _art("a3", "Togo's Ministry of Foreign Affairs added a note.",
              [("e1", "Togo", "GPE"), ("e2", "Ministry of Foreign Affairs", "ORG")],
              [("Togo", "GPE", "e1"), ("Ministry of Foreign Affairs", "ORG", "e2")])
    arts, ans = zip(a1, a2, a3, strict=True)
    _, emap = resolve_corpus(list(arts), {a.article_id: a for a in ans})
    assert emap[("a1", "e2")] != emap[("a2", "e2")]
    assert emap[("a1", "e2")] != emap[("a3", "e2")]


def test_resolve_ministry_without_country_stays_apart_when_its_article_names_two():
    a1 = _art("a1", "Ghana's Foreign Ministry spoke.",
              [("e1", "Ghana", "GPE"), ("e2", "Foreign Ministry", "ORG")],
              [("Ghana", "GPE", "e1"), ("Foreign Ministry", "ORG", "e2")])
    a2 = _art("a2", "Togo's Foreign Ministry spoke.",
              [("e1", "Togo", "GPE"), ("e2", "Foreign Ministry", "ORG")],
              [("Togo", "GPE", "e1"), ("Foreign Ministry", "ORG", "e2")])
    a3 = _art("a3", "Ghana and Togo met. Ghana and Togo agreed. The Foreign Ministry said so.",
              [("e1", "Ghana", "GPE"), ("e2", "Togo", "GPE"), ("e3", "Foreign Ministry", "ORG")],
              [("Ghana", "GPE", "e1"), ("Togo", "GPE", "e2"), ("Ghana", "GPE", "e1"),
               ("Togo", "GPE", "e2"), ("Foreign Ministry", "ORG", "e3")])
    arts, ans = zip(a1, a2, a3, strict=True)
    _, emap = resolve_corpus(list(arts), {a.article_id: a for a in ans})
    assert emap[("a1", "e2")] != emap[("a2", "e2")]
    assert emap[("a3", "e3")] not in (emap[("a1", "e2")], emap[("a2", "e2")])


def test_entities_orgs_lowercase_reference_is_not_the_canonical_name(nlp):
    text = ("The foreign office in a statement said the strikes were alarming. "
            "The FO asked all sides to show restraint.")
    _, a = run(nlp, text)
    key = entity_of(a, "foreign office")
    ent = next(e for e in a.entities if e.key == key)
    assert key == entity_of(a, "FO")  # the acronym fits the initials of the reference
    assert ent.name == "FO" and "foreign office" in ent.aliases
