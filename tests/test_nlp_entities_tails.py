"""Names NER reads as people by their first words, told apart by their last word."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.nlp import annotate
from storyline.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _labels(nlp, text):
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    return {m.text: m.label for m in an.mentions}


def test_entities_a_name_ending_in_an_organisation_word_is_an_organisation(nlp):
    got = _labels(nlp, "Donations to the Peter G. Peterson Foundation rose. The Hillary Victory Fund raised "
                       "$60 million, filings show.")
    assert got.get("Peter G. Peterson Foundation") == "ORG" and got.get("Hillary Victory Fund") == "ORG"
    assert "PERSON" not in got.values()


def test_entities_a_newspaper_named_after_a_city_is_no_person(nlp):
    got = _labels(nlp, "Marco Rubio told Miami Herald reporters he was done.")
    assert got.get("Miami Herald") == "ORG" and got.get("Marco Rubio") == "PERSON"


def test_entities_an_occasion_named_after_a_person_is_no_person(nlp):
    got = _labels(nlp, "Schools closed for Martin Luther King Day on Monday, officials said.")
    assert not any(label == "PERSON" and "King" in text for text, label in got.items())


def test_entities_surnames_that_are_also_common_words_stay_people(nlp):
    got = _labels(nlp, "John Day said the plan would work, and Mary Law agreed.")
    assert got.get("John Day") == "PERSON"


def test_entities_a_role_ending_a_sentence_is_not_the_next_sentences_name(nlp):
    text = "Obama met the president of Mexico. Trump criticised the meeting."
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    trump = next(e for e in an.entities if e.name == "Trump")
    assert "president of mexico" not in trump.roles
    role = next(m for m in an.mentions if m.label == "TITLE" and m.text == "president of Mexico")
    assert role.entity != trump.key


def test_entities_a_headline_person_span_is_cut_to_the_names_the_article_uses(nlp):
    text = ("Donald Trump Ties Hillary Clinton In New Poll\n\n"
            "Donald Trump and Hillary Clinton are tied, a poll found on Tuesday.")
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    persons = [m for m in an.mentions if m.label == "PERSON"]
    assert [m.text for m in persons] == ["Donald Trump", "Hillary Clinton"] * 2
    assert sorted(e.name for e in an.entities if e.type == "PERSON") == ["Donald Trump", "Hillary Clinton"]


def test_entities_headline_detection_needs_a_title_case_line():
    from storyline.nlp.entities import _title_case_line

    class Tok:
        def __init__(self, idx):
            self.idx = idx

    text = "Billy Bush Joins Today Show Team\n\nBilly Bush will join the morning show, NBC said."
    doc = [Tok(0), Tok(text.index("will"))]
    assert _title_case_line(doc, text, 0) and not _title_case_line(doc, text, 1)


def test_entities_an_honorific_opens_the_object_of_a_role_not_the_role(nlp):
    text = ("Paul Manafort, a senior adviser to Mr. Trump, said on Monday that the campaign would respond. "
            "Hope Hicks, a spokeswoman for Mr. Trump, declined to comment.")
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    trump = next(e for e in an.entities if e.name == "Trump")
    assert not any(r.endswith(" mr") or "spokeswoman" in r or "adviser" in r for r in trump.roles)
    text = "Alex Conant, a spokesman for Sen. Marco Rubio, said the campaign was ready."
    an = annotate(nlp(text), Article(id="y", source="y", text=text))
    rubio = next(e for e in an.entities if e.name == "Marco Rubio")
    assert not any("spokesman" in r for r in rubio.roles)


def test_entities_a_role_as_predicate_refers_to_no_one(nlp):
    text = ("President Barack Obama spoke on Monday. Sanders said Hillary Clinton is not qualified to be president. "
            "The president disagreed.")
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    obama = next(e.key for e in an.entities if e.name == "Barack Obama")
    titles = [(m.text, m.entity) for m in an.mentions if m.label == "TITLE"]
    assert ("president", None) in titles  # "to be president"
    assert titles[-1] == ("president", obama)  # "The president disagreed."
    clinton = next(e for e in an.entities if e.name == "Hillary Clinton")
    assert "president" not in clinton.aliases
    text = "If she becomes president, Clinton said on Monday, she would raise taxes. Hillary Clinton spoke."
    an = annotate(nlp(text), Article(id="y", source="y", text=text))
    assert all("president" not in e.roles for e in an.entities)


def test_entities_a_role_takes_only_words_that_modify_it(nlp):
    text = "Given his remark President Obama should resign, the party split. The US defence secretary spoke."
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    titles = [m.text for m in an.mentions if m.label == "TITLE"]
    assert "President" in titles and "remark President" not in titles
    assert "US defence secretary" in titles


def test_entities_a_title_case_line_loses_the_common_words_it_capitalised(nlp):
    # "Speech" is a common word the caption capitalised: the article writes "speech" in running text.
    text = ("[Video: Full Remarks: Senator Warren Speech at Union Hall in Boston]\n\n"
            "Warren gave a long speech on Friday, and the crowd cheered.")
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    persons = {m.text for m in an.mentions if m.label == "PERSON"}
    assert "Warren Speech" not in persons and "Warren" in persons


def test_entities_headline_words_that_are_names_in_the_text_stay_in_the_name(nlp):
    from storyline.nlp.entities import _trim_headline_persons

    # "Rice" is also a common word ("grow rice"), but the running text uses it in a name:
    # it is no cut point; "Praises" is written in lower case and is one.
    text = "Rice Praises Farmers\n\nRice praises farmers who grow rice."
    doc = nlp(text)
    out = [(0, 2, "PERSON"), (4, 5, "PERSON")]  # "Rice Praises" (headline), "Rice"
    assert doc[0:2].text == "Rice Praises" and doc[4].text == "Rice"
    assert _trim_headline_persons(doc, text, out) == [(0, 1, "PERSON"), (4, 5, "PERSON")]


def test_entities_a_person_name_before_house_is_an_institution(nlp):
    got = _labels(nlp, "Aides said the Obama White House had cut the program in 2009.")
    assert got.get("Obama White House") == "ORG"


def test_entities_a_sentence_opening_preposition_is_no_part_of_a_name(nlp):
    text = "Down 13 points from her average. Among Latinos, her net positive is just two points."
    got = _labels(nlp, text)
    assert "Among Latinos" not in got


def test_entities_a_pro_or_anti_modifier_names_no_one(nlp):
    got = _labels(nlp, "The pro-Clinton group Priorities USA Action spent $5 million. A pro-Cruz super PAC "
                       "answered.")
    assert got.get("Priorities USA Action") == "ORG"
    assert not any(text.startswith(("pro-", "anti-")) for text in got)


def test_entities_a_name_ending_in_a_group_the_article_names_is_a_group(nlp):
    got = _labels(nlp, "Hill Democrats, however, were generally vague. Sen. Jack Reed said Democrats would wait.")
    assert got.get("Hill Democrats") == "NORP" and got.get("Jack Reed") == "PERSON"


def test_entities_a_stopword_in_capitals_among_capitals_is_no_acronym(nlp):
    got = _labels(nlp, "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal: the polls ended early. "
                       "Officials at the WHO said the US and the UK agreed.")
    assert "TOO" not in got
    assert got.get("WHO") == "ORG" and got.get("US") == "GPE"


def test_entities_a_dash_glued_to_a_name_is_no_part_of_it(nlp):
    text = "Poll notes:\n\n-David Rothschild, an economist, said the odds moved."
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    m = next(m for m in an.mentions if m.label == "PERSON")
    assert m.text == "David Rothschild" and text[m.start:m.end] == m.text


def test_entities_a_full_name_read_as_an_organisation_is_a_person_when_its_surname_is_one(nlp):
    text = "Former Hewlett-Packard chief Carly Fiorina joined the race. Ms. Fiorina said she would fight on."
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    full = next(m for m in an.mentions if m.text == "Carly Fiorina")
    assert full.label == "PERSON"
    assert full.entity == next(m for m in an.mentions if m.text == "Fiorina").entity


def test_entities_a_role_that_speaks_after_a_name_is_not_its_apposition(nlp):
    text = "Clinton, a top aide said, “is ready for the debate.” Tony Blair, the former prime minister, said so."
    an = annotate(nlp(text), Article(id="x", source="x", text=text))
    aide = next(m for m in an.mentions if m.text == "top aide")
    clinton = next(m for m in an.mentions if m.text == "Clinton")
    assert aide.entity != clinton.entity
    blair = next(e for e in an.entities if e.name == "Tony Blair")
    assert "former prime minister" in blair.roles
