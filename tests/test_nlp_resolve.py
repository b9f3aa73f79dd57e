"""Merging article-local entities across a corpus."""

from __future__ import annotations

import time

import pytest

from storyline.model import Article, ArticleAnalysis, LocalEntity
from storyline.nlp import annotate
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.resolve import resolve_corpus


def analysis(aid, *ents):
    return ArticleAnalysis(article_id=aid, entities=[
        LocalEntity(key=f"e{i + 1}", name=n, type=t, aliases=list(al), roles=list(ro), handles=list(h))
        for i, (n, t, al, ro, h) in enumerate(ents)
    ])


def E(name, typ="PERSON", aliases=(), roles=(), handles=()):
    return (name, typ, aliases, roles, handles)


def corpus(*analyses):
    arts = [Article(id=a.article_id, source="t", text="") for a in analyses]
    ents, emap = resolve_corpus(arts, {a.article_id: a for a in analyses})
    return ents, emap


def test_resolve_full_names_with_middle_name_or_initial_merge():
    ents, emap = corpus(
        analysis("a1", E("Qamar Javed Bajwa"), E("Mark T. Esper")),
        analysis("a2", E("Qamar Bajwa"), E("Mark Esper")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    assert emap[("a1", "e2")] == emap[("a2", "e2")]
    names = {e.name for e in ents}
    assert names == {"Qamar Javed Bajwa", "Mark T. Esper"}  # the fullest form is canonical
    bajwa = next(e for e in ents if e.name == "Qamar Javed Bajwa")
    assert "Qamar Bajwa" in bajwa.aliases and bajwa.articles == ["a1", "a2"]


def test_resolve_spelling_variant_merges_but_other_first_name_does_not():
    ents, emap = corpus(
        analysis("a1", E("Qassem Soleimani"), E("Imran Khan")),
        analysis("a2", E("Qasem Soleimani"), E("Irfan Khan")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    assert emap[("a1", "e2")] != emap[("a2", "e2")]


def test_resolve_surname_alone_is_not_merged_without_evidence():
    ents, emap = corpus(
        analysis("a1", E("Imran Khan", roles=["prime minister"]), E("Lahore", "GPE")),
        analysis("a2", E("Khan"), E("Karachi", "GPE")),
    )
    assert emap[("a1", "e1")] != emap[("a2", "e1")]


def test_resolve_surname_merges_with_role_evidence():
    ents, emap = corpus(
        analysis("a1", E("Shah Mehmood Qureshi", roles=["foreign minister"])),
        analysis("a2", E("Qureshi", aliases=["FM"], roles=["fm"])),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]


def test_resolve_surname_merges_with_shared_context():
    ents, emap = corpus(
        analysis("a1", E("Donald Trump"), E("Iran", "GPE"), E("Qassem Soleimani"), E("Pentagon", "ORG")),
        analysis("a2", E("Trump"), E("Iran", "GPE"), E("Qassem Soleimani")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]


def test_resolve_surname_with_two_candidates_stays_apart():
    ents, emap = corpus(
        analysis("a1", E("Imran Khan", roles=["prime minister"]), E("Sadiq Khan", roles=["mayor"])),
        analysis("a2", E("Khan"), E("Iran", "GPE")),
        analysis("a3", E("Khan", roles=["governor"])),
    )
    khans = (emap[("a1", "e1")], emap[("a1", "e2")])
    assert emap[("a2", "e1")] not in khans  # the name alone
    assert emap[("a3", "e1")] not in khans  # a role neither holds


def test_resolve_surname_with_two_candidates_joins_the_one_its_role_fits():
    ents, emap = corpus(
        analysis("a1", E("Imran Khan", roles=["prime minister"]), E("Sadiq Khan", roles=["mayor"])),
        analysis("a2", E("Khan", roles=["prime minister"])),
        analysis("a3", E("Khan", roles=["mayor of london"])),
    )
    assert emap[("a2", "e1")] == emap[("a1", "e1")]
    assert emap[("a3", "e1")] == emap[("a1", "e2")]


def test_resolve_surname_whose_role_both_hold_joins_the_one_holding_it_far_more():
    # One article bled "president" onto Michelle Obama; Barack Obama is president in four.
    arts = [analysis(f"b{i}", E("Barack Obama", roles=["president"])) for i in range(4)]
    ents, emap = corpus(
        *arts,
        analysis("m1", E("Michelle Obama", roles=["president"])),
        analysis("s1", E("Obama", roles=["president"])),
        analysis("m2", E("Michelle Obama", roles=["attorney"])),
        analysis("s2", E("Obama", roles=["attorney"])),
    )
    assert emap[("s1", "e1")] == emap[("b0", "e1")]
    assert emap[("s2", "e1")] == emap[("m2", "e1")]  # the role only she holds still decides


def test_resolve_surname_with_a_role_held_about_equally_stays_apart():
    ents, emap = corpus(
        analysis("a1", E("Imran Khan", roles=["minister"])), analysis("a2", E("Imran Khan", roles=["minister"])),
        analysis("a3", E("Sadiq Khan", roles=["minister"])),
        analysis("a4", E("Khan", roles=["minister"])),
    )
    assert emap[("a4", "e1")] not in (emap[("a1", "e1")], emap[("a3", "e1")])


def test_resolve_bare_surname_joins_the_far_better_known_bearer_in_its_company():
    ctx = [E("Democratic Party", "ORG"), E("Senate", "ORG")]
    arts = [analysis(f"b{i}", E("Barack Obama"), *ctx) for i in range(6)]
    ents, emap = corpus(
        *arts,
        analysis("m1", E("Michelle Obama"), E("Vogue", "ORG")),
        analysis("m2", E("Michelle Obama"), E("Vogue", "ORG")),
        analysis("s1", E("Obama"), *ctx),  # shares the company of Barack Obama's articles
        analysis("s2", E("Obama"), E("Vogue", "ORG")),  # not Barack Obama's company
    )
    assert emap[("s1", "e1")] == emap[("b0", "e1")]
    assert emap[("s2", "e1")] not in (emap[("b0", "e1")], emap[("m1", "e1")])


def test_resolve_a_plural_group_joins_its_singular_and_nothing_else():
    ents, emap = corpus(
        analysis("a1", E("Republican", "NORP"), E("Swiss", "NORP")),
        analysis("a2", E("Republicans", "NORP"), E("Swis", "ORG")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    assert emap[("a1", "e2")] != emap[("a2", "e2")]  # only a group's singular, never another type


def test_resolve_a_role_given_once_in_a_big_entity_is_no_alias():
    arts = [analysis(f"a{i}", E("Bill Clinton", aliases=["Clinton", "former president"])) for i in range(6)]
    ents, _ = corpus(
        *arts,
        analysis("b1", E("Bill Clinton", aliases=["former ukrainian president"], handles=["@billclinton"])),
        analysis("b2", E("[Bill] Clinton")),
    )
    bill = next(e for e in ents if e.name == "Bill Clinton")
    assert "former president" in bill.aliases and "@billclinton" in bill.aliases
    assert "former ukrainian president" not in bill.aliases
    assert not any("[" in a or "]" in a for a in bill.aliases)


def test_resolve_an_acronym_spelled_out_two_ways_joins_neither():
    ents, emap = corpus(
        analysis("a1", E("Democratic National Committee", "ORG", aliases=["DNC"])),
        analysis("a2", E("Democratic National Convention", "ORG", aliases=["DNC"])),
        analysis("a3", E("DNC", "ORG")),
        analysis("a4", E("DNC", "ORG")),
    )
    assert emap[("a1", "e1")] != emap[("a2", "e1")]
    assert emap[("a3", "e1")] == emap[("a4", "e1")] and emap[("a3", "e1")] not in (emap[("a1", "e1")], emap[("a2", "e1")])


def test_resolve_an_acronym_follows_its_main_expansion_not_a_slip_or_a_rare_sense():
    ents, emap = corpus(
        *[analysis(f"u{i}", E("United Nations", "ORG", aliases=["UN"])) for i in range(4)],
        analysis("n1", E("US Navy", "ORG", aliases=["UN"])),  # a linking slip in one article
        analysis("b1", E("UN", "ORG")),
        analysis("r1", E("Institute for Science and International Security", "ORG", aliases=["ISIS"])),
        *[analysis(f"i{i}", E("ISIS", "ORG")) for i in range(20)],
    )
    un = emap[("u0", "e1")]
    assert emap[("b1", "e1")] == un and emap[("n1", "e1")] != un
    # "ISIS" bare in 20 articles, spelled out once as something else: that sense stays apart
    assert emap[("i0", "e1")] == emap[("i19", "e1")] != emap[("r1", "e1")]
    assert {e.name for e in ents if emap[("i0", "e1")] == e.id} == {"ISIS"}


def test_resolve_a_full_name_read_as_an_organisation_is_the_person_of_that_name():
    ents, emap = corpus(
        analysis("a1", E("Carly Fiorina", roles=["former executive"])),
        analysis("a2", E("Carly Fiorina", "ORG")),
        analysis("a3", E("Walt Disney Company", "ORG")),
        analysis("a4", E("Walt Disney")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    assert next(e for e in ents if e.id == emap[("a2", "e1")]).type == "PERSON"
    assert emap[("a3", "e1")] != emap[("a4", "e1")]  # a longer organisation name is no full name


def test_resolve_a_compound_surname_alone_joins_the_one_full_name_it_ends():
    ents, emap = corpus(
        analysis("a1", E("Debbie Wasserman Schultz")),
        analysis("a2", E("Wasserman Schultz")),
        analysis("a3", E("Anna Maria Lopez"), E("Rosa Maria Lopez")),
        analysis("a4", E("Maria Lopez")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    # two longer names end in it: no telling which one is meant
    assert emap[("a4", "e1")] not in (emap[("a3", "e1")], emap[("a3", "e2")])


def test_resolve_acronyms_and_aliases_unify_organisations():
    ents, emap = corpus(
        analysis("a1", E("ISPR", "ORG")),
        analysis("a2", E("Inter-Services Public Relations", "ORG")),
        analysis("a3", E("Foreign Office", "ORG", aliases=["FO"])),
        analysis("a4", E("FO", "ORG")),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]
    assert emap[("a3", "e1")] == emap[("a4", "e1")]
    isp = next(e for e in ents if e.id == emap[("a1", "e1")])
    assert isp.name == "Inter-Services Public Relations" and "ISPR" in isp.aliases


def test_resolve_roles_are_not_merge_keys():
    # two different articles' "army chief" holders stay two people
    ents, emap = corpus(
        analysis("a1", E("Qamar Javed Bajwa", aliases=["army chief"], roles=["army chief"])),
        analysis("a2", E("Asim Munir", aliases=["army chief"], roles=["army chief"])),
    )
    assert emap[("a1", "e1")] != emap[("a2", "e1")]


def test_resolve_handles_unify():
    ents, emap = corpus(
        analysis("a1", E("Mike Pompeo", handles=["@SecPompeo"])),
        analysis("a2", E("Michael Richard Pompeo", handles=["@SecPompeo"])),
    )
    assert emap[("a1", "e1")] == emap[("a2", "e1")]


def test_resolve_ids_are_deterministic_and_prefixed():
    a = [analysis("a1", E("Mike Pompeo"), E("Iran", "GPE")), analysis("a2", E("Mike Pompeo"))]
    ents1, _ = corpus(*a)
    ents2, _ = corpus(*reversed(a))
    assert sorted(e.id for e in ents1) == sorted(e.id for e in ents2)
    assert all(e.id.startswith("ent-") for e in ents1)
    assert len({e.id for e in ents1}) == len(ents1)


def test_resolve_same_name_different_people_get_distinct_ids():
    ents, emap = corpus(analysis("a1", E("Khan")), analysis("a2", E("Khan")))
    assert len({e.id for e in ents}) == len(ents)


def test_resolve_scales_with_blocking():
    # 20k local entities over 2k articles: blocking keeps this far from all-pairs
    analyses = []
    for i in range(2000):
        ents = [E(f"Person{i % 700} Surname{(i * 7) % 900}"), E(f"Org {i % 300} Agency", "ORG"),
                E(f"Surname{i % 50}"), E(f"City{i % 400}", "GPE")]
        ents += [E(f"Name{i}x{j} Last{j}") for j in range(6)]
        analyses.append(analysis(f"a{i:05d}", *ents))
    t0 = time.perf_counter()
    ents, emap = corpus(*analyses)
    assert time.perf_counter() - t0 < 30
    assert len(emap) == 20000


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


def test_resolve_role_binds_through_each_articles_own_entity(nlp):
    texts = [
        "Army Chief General Asim Munir visited Quetta. The army chief met tribal elders.",
        "General Asim Munir spoke in Rawalpindi. Later the army chief toured the border.",
    ]
    arts = [Article(id=f"r{i}", source="t", text=t) for i, t in enumerate(texts)]
    an = {a.id: annotate(d, a) for a, d in zip(arts, nlp.pipe(texts), strict=False)}
    ents, emap = resolve_corpus(arts, an)
    munir = [e for e in ents if e.name == "Asim Munir"]
    assert len(munir) == 1 and munir[0].articles == ["r0", "r1"]
    # article r1 never says who the army chief is: its role noun stays unbound
    r1_titles = [m for m in an["r1"].mentions if m.label == "TITLE" and "army chief" in m.text]
    assert r1_titles and all(m.entity is None for m in r1_titles)
