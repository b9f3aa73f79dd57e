"""Candidate sentences: safe compression, filters, pronoun repair (no spaCy needed)."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, LocalEntity, Mention, Sentence
from storyline.summarize.units import build_units, compress, content_stems, fold_spelling, tokens


def make(aid: str, sentences: list[str], **kw) -> tuple[Article, ArticleAnalysis]:
    text, sents, pos = "", [], 0
    for s in sentences:
        if text:
            text += " "
            pos += 1
        sents.append(Sentence(start=pos, end=pos + len(s), text=s))
        text += s
        pos += len(s)
    return Article(id=aid, source=f"/tmp/{aid}.txt", text=text, **kw), ArticleAnalysis(article_id=aid, sentences=sents)


def test_summary_compress_drops_dateline_and_trailing_attribution():
    out = compress("LAGOS: The state government closed all public schools in the city for two weeks, the ministry said.")
    assert out == "The state government closed all public schools in the city for two weeks."


def test_summary_compress_drops_according_to_and_parenthetical():
    out = compress("The regional council (RC) approved a budget of four million for new bridges, according to a spokesman.")
    assert out == "The regional council approved a budget of four million for new bridges."


def test_summary_compress_drops_leading_and_inverted_attribution():
    assert compress("According to the statement, the two leaders agreed to reopen the border crossing next month.") == (
        "The two leaders agreed to reopen the border crossing next month.")
    assert compress("The two leaders agreed to reopen the border crossing next month, said the foreign ministry.") == (
        "The two leaders agreed to reopen the border crossing next month.")


def test_summary_compress_keeps_clause_that_only_looks_like_attribution():
    s = "The new drug was approved for sale in all member states, added to the list last year."
    assert compress(s) == s


def test_summary_compress_keeps_speaker_of_direct_quote():
    s = "“We will rebuild every bridge that the flood destroyed this spring,” the mayor said."
    assert compress(s) == s


def test_summary_compress_keeps_parentheses_inside_quotes():
    s = "The coach said the team “played (at last) like champions in the second half of the final”."
    assert "(at last)" in compress(s)


def test_summary_compress_leaves_short_sentence_whole():
    s = "Rain fell, officials said."
    assert compress(s) == s


def test_summary_tokens_fold_spelling_and_possessives():
    assert tokens("The Defence Minister's colour") == ["the", "defense", "minister", "color"]
    assert fold_spelling("organising") == fold_spelling("organizing")
    assert content_stems("destabilising") == content_stems("destabilizing")


def test_summary_units_filter_furniture_quotes_and_questions():
    art, an = make("a1", [
        "The river rose four metres overnight and flooded the lower town of Kestrel Bay.",
        "Follow us on Facebook, Twitter and Instagram for more updates from the region.",
        "“We have never seen water like this in our whole lives here,” one resident.",
        "Will the dam hold if the rain continues for another three days this week?",
        "Flood damage",
        "Emergency crews evacuated three hundred families from homes near the river bank.",
    ])
    texts = [u.text for u in build_units([art], {"a1": an})]
    assert texts == [
        "The river rose four metres overnight and flooded the lower town of Kestrel Bay.",
        "Emergency crews evacuated three hundred families from homes near the river bank.",
    ]


def test_summary_units_filter_headlines_exclamations_and_fragments():
    art, an = make("a1", [
        "Hillary Clinton Speaks Directly To Voters After Latest Police Shooting In Tulsa.",
        "The senator from Vermont, Bernie Sanders, told voters in Ohio that trade deals had cost jobs.",
        "By any definition, the whole plan is a disgraceful fraud on the taxpayers!",
        "The governor had no proof of it, and the committee said so on Monday ...",
        "Officials in New York City and Washington said the Federal Reserve would meet in June.",
        "International Olympic Committee President Jacques Rogge declared the Beijing Olympic Games closed.",
    ])
    texts = [u.text for u in build_units([art], {"a1": an})]
    assert texts == [
        "The senator from Vermont, Bernie Sanders, told voters in Ohio that trade deals had cost jobs.",
        "Officials in New York City and Washington said the Federal Reserve would meet in June.",
        "International Olympic Committee President Jacques Rogge declared the Beijing Olympic Games closed.",
    ]


def test_summary_units_pronoun_rewritten_from_previous_subject():
    art, an = make("a2", [
        "Governor Alma Ruiz signed the new water law on Tuesday in the state capital.",
        "She said the law would protect farmers from the worst effects of the drought.",
    ])
    units = build_units([art], {"a2": an})
    assert units[1].text.startswith("Alma Ruiz said the law") or units[1].text.startswith("Governor Alma Ruiz said")
    assert not units[1].text.startswith("She")


def test_summary_units_pronoun_rewritten_from_mentions():
    art, an = make("a3", [
        "The port authority announced record cargo volumes for the third quarter in a row.",
        "It expects the new terminal to double capacity by the end of next year.",
    ])
    start = an.sentences[1].start
    an.mentions = [Mention(start=start, end=start + 2, text="It", label="PRON", entity="e1"),
                   Mention(start=4, end=18, text="port authority", label="ORG", entity="e1")]
    an.entities = [LocalEntity(key="e1", name="Port Authority of Veltra", type="ORG")]
    units = build_units([art], {"a3": an})
    assert units[1].text.startswith("Port Authority of Veltra expects the new terminal")


def test_summary_units_unresolvable_pronoun_is_dropped():
    art, an = make("a4", [
        "Heavy snow closed the mountain pass and stranded dozens of trucks overnight.",
        "They were finally freed by army engineers after nearly eighteen hours of work.",
    ])
    texts = [u.text for u in build_units([art], {"a4": an})]
    assert len(texts) == 1 and texts[0].startswith("Heavy snow")


def test_summary_compress_keeps_according_to_before_apposition():
    s = "According to Elena Voss, the agency spokeswoman, 132 people have been rescued since the flood."
    assert compress(s) == s


def test_summary_units_pronoun_uses_person_mention_of_previous_sentence():
    art, an = make("a5", [
        "Police in Veltra arrested the former mayor Piet Stam on Monday after a long inquiry.",
        "He is accused of taking bribes from two building firms over six years in office.",
    ])
    s0 = an.sentences[0].text
    k = s0.index("Piet Stam")
    g = s0.index("Veltra")
    an.mentions = [Mention(start=g, end=g + 6, text="Veltra", label="GPE", entity="e1"),
                   Mention(start=k, end=k + 9, text="Piet Stam", label="PERSON", entity="e2")]
    an.entities = [LocalEntity(key="e1", name="Veltra", type="GPE"),
                   LocalEntity(key="e2", name="Pieter Stam", type="PERSON")]
    units = build_units([art], {"a5": an})
    assert units[1].text.startswith("Pieter Stam is accused")


def test_summary_units_pronoun_without_person_in_previous_sentence_is_dropped():
    art, an = make("a6", [
        "The Canadian team won the relay final in Oslo by a wide margin on Sunday.",
        "He said the victory was the best moment of his whole career in athletics.",
    ])
    g = an.sentences[0].text.index("Canadian")
    an.mentions = [Mention(start=g, end=g + 8, text="Canadian", label="NORP", entity="e1")]
    an.entities = [LocalEntity(key="e1", name="Canadian", type="NORP")]
    assert [u.index for u in build_units([art], {"a6": an})] == [0]
