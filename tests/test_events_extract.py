"""Event extraction rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.extract.event_dates import resolve
from storyline.extract.events import extract_events, group_key
from storyline.extract.plover import noun_category, verb_category
from storyline.model import Article, ArticleAnalysis, Sentence


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _events(nlp, text, published=None, annotate=True):
    art = Article(id="t", source="test", text=text, published=published)
    doc = nlp(text)
    if annotate:
        from storyline.nlp import annotate as ann

        analysis = ann(doc, art)
    else:  # what a stored analysis without mentions or times looks like
        analysis = ArticleAnalysis(
            article_id="t",
            sentences=[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents],
        )
    return extract_events(doc, art, analysis)


def _one(evs, category):
    found = [e for e in evs if e.category == category]
    assert found, f"no {category} in {[(e.category, e.action) for e in evs]}"
    return found[0]


def test_events_lexicon_categories():
    assert verb_category("telephone") == "CONSULT"
    assert verb_category("call", "for") == "DEMAND"
    assert verb_category("reach", "out") == "CONSULT"
    assert verb_category("assassinate") == "ASSAULT"
    assert verb_category("arrest") == "COERCE"
    assert noun_category("talks") == "CONSULT"
    assert noun_category("sanctions") == "SANCTION"
    assert noun_category("concern", "express") == "ACCUSE"
    assert noun_category("sanction", "lift") == "RETREAT"


def test_events_actor_verb_target_and_date(nlp):
    evs = _events(
        nlp,
        "The foreign minister of Chile telephoned Argentine President Alberto Fernandez on Tuesday.",
        published="2021-03-11",
    )
    e = _one(evs, "CONSULT")
    assert e.action == "telephone"
    assert "minister" in e.actor_text.lower()
    assert "Fernandez" in e.target_text
    assert e.date == "2021-03-09" and e.date_precision == "day"
    assert e.modality == "asserted"


def test_events_passive_agent_is_actor(nlp):
    evs = _events(
        nlp,
        "The mayor of Lyon was arrested by French police in Paris on March 2.",
        published="2021-03-05",
    )
    e = _one(evs, "COERCE")
    assert "police" in e.actor_text.lower()
    assert "mayor" in e.target_text.lower()
    assert e.location == "Paris"
    assert e.date == "2021-03-02"


def test_events_with_target_for_meetings(nlp):
    evs = _events(
        nlp, "Kenyan President William Ruto held talks with the leader of Ethiopia in Nairobi."
    )
    e = _one(evs, "CONSULT")
    assert "Ruto" in e.actor_text
    assert "leader" in e.target_text
    assert e.location == "Nairobi"


def test_events_light_verb_and_appeal(nlp):
    evs = _events(
        nlp, "The United Nations called for restraint after rebels attacked a convoy near Goma."
    )
    assert _one(evs, "DEMAND").actor_text.endswith("United Nations")
    attack = _one(evs, "ASSAULT")
    assert attack.actor_text == "rebels" and "convoy" in attack.target_text


def test_events_nominal_event_with_participants(nlp):
    evs = _events(
        nlp,
        "Protests erupted across the country after the assassination of the opposition leader "
        "in a Russian missile strike.",
    )
    e = _one(evs, "ASSAULT")
    assert "leader" in e.target_text
    assert e.actor_text == "Russian"  # from the folded "Russian missile strike"
    assert sum(1 for x in evs if x.category == "ASSAULT") == 1


def test_events_modality(nlp):
    text = (
        "Greece did not expel the Turkish diplomats. Turkey could impose sanctions on Greece. "
        "The rebels vowed to attack the capital. Officials will meet the Japanese delegation next week."
    )
    evs = _events(nlp, text)
    assert [e.modality for e in evs if e.action == "impose sanction"] == ["possible"]
    assert _one(evs, "THREATEN").action == "vow"
    assert _one(evs, "CONSULT").modality == "future"
    denied = [e for e in evs if e.action == "expel"]
    assert denied and denied[0].modality == "denied"


def test_events_request_content_is_not_an_event(nlp):
    evs = _events(nlp, "The president asked the finance minister to visit Berlin and Paris.")
    assert [e.category for e in evs] == ["DEMAND"]
    assert "minister" in evs[0].target_text


def test_events_quotes_are_not_events(nlp):
    text = 'The general said: "We will attack the rebels and we will destroy their camps in the north."'
    assert not [e for e in _events(nlp, text) if e.category == "ASSAULT"]


def test_events_date_of_saying_is_not_date_of_event(nlp):
    evs = _events(
        nlp,
        "Police said on Friday that gunmen killed two guards at the bank.",
        published="2022-05-14",
    )
    e = _one(evs, "ASSAULT")
    assert e.date is None
    assert e.actor_text == "gunmen"


def test_events_without_language_core(nlp):
    evs = _events(
        nlp, "Iran hit two Iraqi bases on Wednesday.", published="2020-01-08", annotate=False
    )
    e = _one(evs, "ASSAULT")
    assert e.actor_text == "Iran" and e.actor is None
    assert e.date == "2020-01-08"


def test_events_definite_noun_refers_back(nlp):
    text = (
        "Japan's prime minister met the Chinese president in Beijing. "
        "Shortly before the meeting, Japan protested against Chinese patrols."
    )
    evs = [e for e in _events(nlp, text) if e.category == "CONSULT"]
    assert len(evs) == 2
    assert evs[1].actor_text == evs[0].actor_text and evs[1].sentence == 1


def test_events_date_resolution_rules():
    import datetime as dt

    anchor = dt.date(2020, 1, 8)  # a Wednesday
    assert resolve("Friday", anchor) == ("2020-01-03", "day")
    assert resolve("January 3", anchor) == ("2020-01-03", "day")
    assert resolve("in November", anchor) == ("2019-11", "month")
    assert resolve("Friday", None) == (None, "unknown")
    assert resolve("Jan. 3, 2020", None) == ("2020-01-03", "day")


def test_events_group_keys():
    assert group_key("US Secretary of State Mike Pompeo") == group_key("Mr Pompeo") == "pompeo"
    assert group_key("the United States") == group_key("U.S.") == "us"
    assert group_key("Foreign Office") == group_key("Pakistan's Ministry of Foreign Affairs")
    assert group_key("he") is None


def test_events_relative_pronoun_takes_antecedent(nlp):
    evs = _events(
        nlp,
        "The aid workers, who were kidnapped by gunmen in Darfur, were freed on Sunday.",
        published="2021-06-08",
    )
    kidnap = _one(evs, "ASSAULT")
    assert "workers" in kidnap.target_text and kidnap.actor_text == "gunmen"
    freed = _one(evs, "RETREAT")
    assert "workers" in freed.target_text and freed.date == "2021-06-06"


def test_events_natural_hazards_are_not_attacks(nlp):
    evs = _events(
        nlp, "A powerful earthquake struck northern Peru, and a cyclone hit the coast of Oman."
    )
    assert not [e for e in evs if e.category in ("ASSAULT", "FIGHT")]


def test_events_city_modifier_is_place_country_is_actor(nlp):
    city = _events(nlp, "Investigators linked the Madrid bombings to a cell in Morocco.")
    assert all(e.actor_text != "Madrid" for e in city)
    country = _events(nlp, "Protesters condemned the Turkish shelling of Kurdish villages.")
    shelling = [e for e in country if e.action == "shelling"]
    assert (
        shelling and shelling[0].actor_text == "Turkish" and "villages" in shelling[0].target_text
    )


def test_events_custody_and_charges(nlp):
    held = _events(nlp, "The journalist was held at a military prison for three weeks.")
    e = _one(held, "COERCE")
    assert e.action == "hold in custody" and "journalist" in e.target_text and e.actor_text is None
    accused = _events(nlp, "The captain was accused of torturing prisoners.")
    beat = [x for x in accused if x.category == "ASSAULT"]
    assert beat and "captain" in beat[0].actor_text and beat[0].target_text == "prisoners"


def test_events_demand_through_said_must(nlp):
    evs = _events(nlp, "The European Union said Belgrade must hand over the suspects.")
    e = _one(evs, "DEMAND")
    assert "European Union" in e.actor_text and e.target_text == "Belgrade"
    assert not [
        x for x in evs if x.category == "COOPERATE"
    ]  # the demanded act is the demand's content


def test_events_opinions_and_releases_of_things_are_not_events(nlp):
    evs = _events(
        nlp,
        "Most economists agree that prices will rise. The ministry released new figures on Monday.",
    )
    assert evs == []


def test_events_back_reference(nlp):
    from storyline.extract.events import is_back_reference

    doc = nlp("The raids began at dawn. The attack on the embassy was condemned.")
    assert is_back_reference(doc[1])  # "The raids"
    assert not is_back_reference(doc[7])  # "The attack on the embassy"
