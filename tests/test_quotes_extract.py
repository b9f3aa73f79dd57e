"""Quote extraction rules on texts written for these tests."""

from __future__ import annotations

import pytest

from storyline.extract.quotes import extract_quotes
from storyline.model import Article, ArticleAnalysis, LocalEntity, Mention


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_pipeline

    return load_pipeline()


def _run(nlp, text, analysis=None, core=False):
    doc = nlp(text)
    art = Article(id="t", source="t", text=text)
    if core:
        from storyline.nlp import annotate

        analysis = annotate(doc, art)
    return extract_quotes(doc, art, analysis or ArticleAnalysis(article_id="t"))


def _one(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [(q.text, q.speaker_text) for q in quotes]
    return found[0]


def test_quotes_direct_speaker_after(nlp):
    q = _one(
        _run(nlp, '"We will win this election," Maria Lopez said on Tuesday.'), "win this election"
    )
    assert q.kind == "direct" and q.speaker_text == "Maria Lopez" and q.cue == "said"
    text = '"We will win this election," Maria Lopez said on Tuesday.'
    assert text[q.start : q.end] == q.text and q.text.startswith("We will")


def test_quotes_direct_speaker_before_with_colon_and_channel(nlp):
    text = "Governor Maria Lopez visited the site on Monday. She wrote on Twitter: “The bridge will reopen next week.”"
    q = _one(_run(nlp, text), "bridge will reopen")
    assert q.speaker_text == "Maria Lopez"  # the pronoun resolved to the previous subject
    assert q.channel == "tweet"
    assert text[q.speaker_start : q.speaker_end] == "She"


def test_quotes_guillemets_and_organisation_in_statement(nlp):
    text = (
        "«We are ready to negotiate without conditions,» the foreign ministry said in a statement."
    )
    q = _one(_run(nlp, text), "ready to negotiate")
    assert "foreign ministry" in q.speaker_text.lower()
    assert q.channel == "statement"


def test_quotes_single_marks_inverted_speaker(nlp):
    text = "‘We will not back down on wages,’ said Jane Doe, the union leader."
    q = _one(_run(nlp, text), "not back down")
    assert q.speaker_text == "Jane Doe"


def test_quotes_multi_paragraph_quote_is_one_quote(nlp):
    text = "“The first part of the plan is ready.\n\n“The second part will follow in May,” Tom Baker said."
    quotes = _run(nlp, text)
    q = _one(quotes, "first part")
    assert "second part" in q.text and q.speaker_text == "Tom Baker"


def test_quotes_unbalanced_mark_does_not_swallow_article(nlp):
    text = (
        "“This quotation is never closed and goes on.\n\n"
        "The council met on Friday. Mayor John Reed said the budget was approved by a wide margin."
    )
    quotes = _run(nlp, text)
    assert all("council met" not in q.text for q in quotes)
    q = _one(quotes, "budget was approved")
    assert q.kind == "indirect" and q.speaker_text == "John Reed"


def test_quotes_floating_quote_inherits_previous_speaker(nlp):
    text = (
        "“We are ready,” Dr Maria Lopez said. “We have been preparing for this moment for months.”"
    )
    q = _one(_run(nlp, text), "preparing")
    assert q.speaker_text == "Maria Lopez"


def test_quotes_indirect_said_that_and_according_to(nlp):
    quotes = _run(
        nlp,
        "The finance minister said that taxes would rise next year. According to the World Bank, growth will slow to two percent.",
    )
    q = _one(quotes, "taxes would rise")
    assert q.kind == "indirect" and "minister" in q.speaker_text
    q = _one(quotes, "growth will slow")
    assert q.cue == "according to" and "World Bank" in q.speaker_text


@pytest.mark.parametrize(
    "text, fragment, cue",
    [
        (
            "Senator Jane Roe urged Congress to pass the bill before the recess.",
            "pass the bill",
            "urged",
        ),
        (
            "General Tom Hill warned that attacks could increase in the spring.",
            "attacks could increase",
            "warned",
        ),
        (
            "Opposition leader Ali Raza vowed to block the budget in parliament.",
            "block the budget",
            "vowed",
        ),
        (
            "The union called for an immediate end to the strike action.",
            "immediate end",
            "called for",
        ),
        (
            "Ali Khan told reporters the talks had failed after two days.",
            "talks had failed",
            "told",
        ),
    ],
)
def test_quotes_indirect_cues(nlp, text, fragment, cue):
    q = _one(_run(nlp, text), fragment)
    assert q.kind == "indirect" and q.cue == cue and q.speaker_text


def test_quotes_mixed_partial_quote(nlp):
    q = _one(
        _run(nlp, "Smith said the plan was “dead on arrival” and would be withdrawn soon."),
        "dead on arrival",
    )
    assert q.kind == "mixed" and q.speaker_text == "Smith"
    assert q.text.startswith("the plan")


def test_quotes_relay_quoted_as_saying(nlp):
    text = "The spokesman quoted General Ahmed Raza as saying: “We will respond to any aggression.”"
    q = _one(_run(nlp, text), "respond to any aggression")
    assert q.speaker_text == "Ahmed Raza" and q.via_text == "The spokesman"


def test_quotes_relay_parenthetical_and_according_to(nlp):
    text = "The army issued a note. General Omar Farooq, it said, called for “maximum restraint” by all sides."
    q = _one(_run(nlp, text), "maximum restraint")
    assert (
        q.speaker_text == "Omar Farooq" and q.via_text is not None and "army" in q.via_text.lower()
    )
    text = "The minister said the border would reopen on Monday, according to the spokeswoman Sara Ali."
    q = _one(_run(nlp, text), "border would reopen")
    assert "minister" in q.speaker_text and q.via_text == "Sara Ali"


def test_quotes_passive_quoted_takes_last_relay(nlp):
    text = (
        "In a statement, spokesman Asad Malik quoted General Omar Farooq as saying that peace was the aim. "
        "“We will keep talking to all sides,” the general was quoted as telling the envoy."
    )
    q = _one(_run(nlp, text), "keep talking")
    assert q.speaker_text == "Omar Farooq"
    assert q.via_text == "Asad Malik"


def test_quotes_embedded_tweet_block(nlp):
    text = "The minister posted late at night.\n\nWe stand with our allies tonight and always. — Jane Smith (@JaneSmith) March 2, 2021"
    q = _one(_run(nlp, text), "stand with our allies")
    assert q.kind == "direct" and q.channel == "tweet" and q.speaker_text == "Jane Smith"
    assert "@JaneSmith" not in q.text


def test_quotes_speaker_in_previous_paragraph_colon(nlp):
    text = "In a speech, President Anna Berg said:\n\n“Our economy is growing faster than anyone expected.”"
    q = _one(_run(nlp, text), "economy is growing")
    assert q.speaker_text == "Anna Berg" and q.channel == "speech"


def test_quotes_role_noun_bound_to_person(nlp):
    text = (
        "Army chief General Omar Farooq met the envoy on Monday. "
        "“We want peace with all our neighbours,” the army chief said after the meeting."
    )
    q = _one(_run(nlp, text), "want peace")
    assert q.speaker_text == "Omar Farooq"


def test_quotes_pronoun_it_resolves_to_organisation(nlp):
    text = "The Interior Ministry issued new rules on Sunday. “Security will be tightened at all borders,” it said."
    q = _one(_run(nlp, text), "Security will be tightened")
    assert "Interior Ministry" in q.speaker_text


def test_quotes_scare_quotes_are_not_statements(nlp):
    assert _run(nlp, "The so-called “peace plan” was rejected by the committee on Friday.") == []


def test_quotes_uses_language_core_entity_keys(nlp):
    text = "Maria Lopez spoke in the city. “We will rebuild the bridge,” she said."
    lopez = LocalEntity(key="e7", name="Maria Lopez", type="PERSON")
    analysis = ArticleAnalysis(
        article_id="t",
        mentions=[
            Mention(0, 11, "Maria Lopez", "PERSON", "e7"),
            Mention(text.index("she"), text.index("she") + 3, "she", "PRON", "e7"),
        ],
        entities=[lopez],
    )
    q = _one(_run(nlp, text, analysis), "rebuild the bridge")
    assert q.speaker == "e7" and q.speaker_text == "Maria Lopez"


def test_quotes_role_mention_bound_by_language_core(nlp):
    text = "Omar Farooq leads the army. “Peace is our aim,” the army chief said."
    start = text.index("the army chief")
    analysis = ArticleAnalysis(
        article_id="t",
        mentions=[
            Mention(0, 11, "Omar Farooq", "PERSON", "e1"),
            Mention(start, start + 14, "the army chief", "TITLE", "e1"),
        ],
        entities=[LocalEntity(key="e1", name="Omar Farooq", type="PERSON", roles=["army chief"])],
    )
    q = _one(_run(nlp, text, analysis), "Peace is our aim")
    assert q.speaker == "e1"


def test_quotes_with_real_language_core(nlp):
    text = "US Secretary of State Mike Pompeo spoke to reporters. “Iran must stop,” the secretary said on Friday."
    q = _one(_run(nlp, text, core=True), "Iran must stop")
    assert q.speaker is not None and "Pompeo" in q.speaker_text


@pytest.mark.timeout(60)
def test_quotes_ten_thousand_lines_of_quote_marks_finish(nlp):
    # Tokenised only (one sentence per line): spaCy's parser on one 75,000-token "sentence"
    # is slow on its own and not what this test is about; the extractor must stay linear.
    text = "\n".join(['" “ ” « » ‘ ’ \' "' if i % 2 else '“”""' for i in range(10_000)])
    from spacy.tokens import Doc

    toks = nlp.make_doc(text)
    starts = [t.i == 0 or toks[t.i - 1].text.startswith("\n") for t in toks]
    doc = Doc(
        nlp.vocab,
        words=[t.text for t in toks],
        spaces=[bool(t.whitespace_) for t in toks],
        sent_starts=starts,
    )
    assert doc.text == text
    quotes = extract_quotes(
        doc, Article(id="t", source="t", text=text), ArticleAnalysis(article_id="t")
    )
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)


@pytest.mark.timeout(60)
def test_quotes_lines_of_quote_marks_with_full_parse(nlp):
    text = "\n".join(['" “ ” « » ‘ ’ \' "' if i % 2 else '“”""' for i in range(300)])
    quotes = _run(nlp, text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)


def test_quotes_odd_marks_and_no_speaker_never_fail(nlp):
    text = '“Half a quote.\n\nNobody said anything here ” and “ then ‘ some ’ more " marks.'
    quotes = _run(nlp, text)
    assert all(q.text == text[q.start : q.end] for q in quotes)


def test_quotes_unparsed_doc_still_finds_direct_quotes(nlp):
    text = "“We will rebuild the bridge before the winter comes,” the mayor said."
    doc = nlp.make_doc(text)  # tokens only: no parse, no sentence boundaries
    quotes = extract_quotes(
        doc, Article(id="t", source="t", text=text), ArticleAnalysis(article_id="t")
    )
    assert [q.text for q in quotes] == ["We will rebuild the bridge before the winter comes,"]
