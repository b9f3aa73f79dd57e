"""People who share a first name and a surname: fathers and sons, middle names that differ."""

from __future__ import annotations

import pytest

from storyline.model import Article, ArticleAnalysis, LocalEntity
from storyline.nlp import annotate
from storyline.nlp.names import (
    generation,
    middle_units,
    middles_compatible,
    strip_person_name,
    with_generation,
)
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.resolve import resolve_corpus


def _corpus(*names_per_article):
    analyses = {}
    for n, names in enumerate(names_per_article):
        aid = f"a{n + 1}"
        analyses[aid] = ArticleAnalysis(article_id=aid, entities=[
            LocalEntity(key=f"e{i + 1}", name=name, type="PERSON") for i, name in enumerate(names)])
    arts = [Article(id=aid, source="t", text="") for aid in analyses]
    ents, emap = resolve_corpus(arts, analyses)
    return {e.id: e for e in ents}, emap


def test_names_generation_and_middle_units():
    assert generation("Donald Trump Jr.") == "jr" and generation("Trump Jr.") == "jr"
    assert generation("John Paul II") == "ii" and generation("Donald Trump") == ""
    assert with_generation("Donald Trump", "jr") == "Donald Trump Jr." and with_generation("John Paul", "ii") == "John Paul II"
    w = middle_units(strip_person_name("George W. Bush"))
    assert middles_compatible(w, middle_units(["George", "Walker", "Bush"]))
    assert not middles_compatible(w, middle_units(strip_person_name("George H.W. Bush")))
    assert not middles_compatible(w, middle_units(["George", "P.", "Bush"]))
    assert middles_compatible(middle_units(["Shah", "Mehmood", "Qureshi"]), middle_units(["Shah", "Mahmood", "Qureshi"]))
    assert not middles_compatible(middle_units(["John", "Walker", "Smith"]), middle_units(["John", "Wilson", "Smith"]))
    assert middles_compatible((), w)


def test_resolve_a_son_with_his_fathers_name_stays_apart():
    ents, emap = _corpus(["Donald Trump"], ["Donald Trump Jr."], ["Donald J. Trump"], ["Donald Trump Jr."])
    assert emap[("a1", "e1")] == emap[("a3", "e1")]
    assert emap[("a2", "e1")] == emap[("a4", "e1")] != emap[("a1", "e1")]
    assert ents[emap[("a2", "e1")]].name == "Donald Trump Jr."


def test_resolve_conflicting_middle_names_are_different_people():
    ents, emap = _corpus(["George W. Bush"], ["George Walker Bush"], ["George H.W. Bush"],
                         ["George P. Bush"], ["George H. W. Bush"], ["George Bush"])
    w, walker, hw, p, hw2, bare = (emap[(f"a{i}", "e1")] for i in range(1, 7))
    assert w == walker and hw == hw2
    assert len({w, hw, p}) == 3
    # "George Bush" could be any of the three: it is left on its own rather than guessed.
    assert bare not in {w, hw, p}


def test_resolve_a_bare_name_joins_the_only_middle_name_there_is():
    _, emap = _corpus(["Shah Mehmood Qureshi"], ["Shah Mahmood Qureshi"], ["Shah Qureshi"], ["Mark T. Esper"], ["Mark Esper"])
    assert emap[("a1", "e1")] == emap[("a2", "e1")] == emap[("a3", "e1")]
    assert emap[("a4", "e1")] == emap[("a5", "e1")]


def test_resolve_canonical_name_is_the_full_name_most_articles_use():
    ents, emap = _corpus(["Barack Obama"], ["Barack Obama"], ["B. Hussein Obama"], ["Obama", "Barack Obama"])
    assert len({emap[(a, "e1")] for a in ("a1", "a2", "a3")}) == 1
    assert ents[emap[("a1", "e1")]].name == "Barack Obama"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _persons(nlp, text):
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    by_key = {e.key: e for e in an.entities if e.type == "PERSON"}
    return by_key, {m.text: m.entity for m in an.mentions if m.label == "PERSON"}


def test_entities_father_and_son_in_one_article_are_two_people(nlp):
    ents, at = _persons(nlp, "Donald Trump Jr. defended his father on Monday. Donald Trump said his son had "
                             "done nothing wrong. Trump Jr. later deleted the post, and Donald Jr. declined to comment.")
    assert at["Donald Trump Jr."] != at["Donald Trump"]
    son = ents[at["Donald Trump Jr."]]
    assert son.name == "Donald Trump Jr." and "Donald Trump" not in son.aliases
    assert at["Trump Jr."] == at["Donald Jr."] == son.key


def test_entities_two_presidents_bush_in_one_article_are_two_people(nlp):
    ents, at = _persons(nlp, "Former President George H.W. Bush praised his son, President George W. Bush, on Friday. "
                             "George W. Bush thanked his father.")
    assert at["George H.W. Bush"] != at["George W. Bush"]
    assert {ents[at["George H.W. Bush"]].name, ents[at["George W. Bush"]].name} == {"George H.W. Bush", "George W. Bush"}
